"""The library's entry points: text, bytes or a file in, a Document out (no click here)."""
from __future__ import annotations

from pathlib import Path

from .assemble import build_document
from .models import Document, Source
from .normalize import normalize_text
from .readers import SourceText, read_bytes, read_path, sha256, text_tables


def _run(src: SourceText, source: Source) -> Document:
    from .nlp import get_pipeline, make_doc

    nlp = get_pipeline()
    doc = make_doc(src.text)
    doc._.source = src
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return build_document(doc, source, src)


def extract_text(text: str, source: str | None = None) -> Document:
    """Extract everything from a string of text; `source` names it in the output.

    Never raises for any string: empty text gives an empty Document with a warning.
    """
    clean = normalize_text(text)
    src = SourceText(clean, "txt", tables=text_tables(clean))
    meta = Source._make(path=source, format="txt", sha256=sha256(text.encode("utf-8", "surrogatepass")),
                        chars=len(src.text), pages=None)
    return _run(src, meta)


def extract_bytes(data: bytes, name: str | None = None, *, ocr: str = "auto") -> Document:
    """Extract from a document's bytes (TXT, PDF, DOCX or HTML, told apart by content)."""
    src = read_bytes(data, name, ocr=ocr)
    pages = len(src.page_starts) if src.page_starts else None
    meta = Source(path=name, format=src.format, sha256=sha256(data), chars=len(src.text), pages=pages)
    return _run(src, meta)


def extract_file(path: str | Path, *, ocr: str = "auto") -> Document:
    """Extract from a file on disk; raises an InputError subclass when it cannot be read."""
    src, data = read_path(path, ocr=ocr)
    pages = len(src.page_starts) if src.page_starts else None
    meta = Source(path=str(path), format=src.format, sha256=sha256(data), chars=len(src.text), pages=pages)
    return _run(src, meta)
