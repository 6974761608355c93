"""Dispatch to the readers of structured formats (PDF, DOCX, HTML); each is imported only when used."""
from __future__ import annotations

from ..errors import FormatError
from . import SourceText


def read(fmt: str, data: bytes, *, name: str | None = None, ocr: str = "auto") -> SourceText:
    """Read bytes already sniffed as `fmt`."""
    label = name or "input"
    if fmt == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, name=label, ocr=ocr)
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(data, name=label)
    if fmt == "html":
        from .html import read_html

        return read_html(data, name=label)
    if fmt == "ole":
        raise FormatError(f"{label}: a legacy Word/Excel file or a password-protected Office file; "
                          "save it as .docx or PDF")
    raise FormatError(f"{label}: a {fmt} file is not a document reportextract reads")
