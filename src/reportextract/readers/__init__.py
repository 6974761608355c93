"""Readers: a file's bytes to normalised text with page offsets, chosen by content, not by name."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
import re
from pathlib import Path
from typing import Any

from ..errors import EmptyTextError, InputError
from ..normalize import decode, normalize_text


@dataclass(frozen=True, slots=True)
class TableCell:
    """One cell of a table, with its span in the document text."""

    row: int
    col: int
    span: tuple[int, int]


CELL_SEP = " | "  # between the cells of a table row written as one text line


def table_row(texts: list[str], row: int, offset: int) -> tuple[str, list[TableCell]]:
    """A table row as one line of text (cells joined by " | ") and the spans of its non-empty cells,
    for a line that starts at `offset` in the document text.

    >>> line, cells = table_row(["Thu nhập", "", "45 triệu"], 2, 100)
    >>> line, [(c.col, c.span) for c in cells]
    ('Thu nhập |  | 45 triệu', [(0, (100, 108)), (2, (114, 122))])
    """
    cells: list[TableCell] = []
    pos = offset
    for c, t in enumerate(texts):
        if t:
            cells.append(TableCell(row, c, (pos, pos + len(t))))
        pos += len(t) + len(CELL_SEP)
    return CELL_SEP.join(texts), cells


_PIPE_ROW = re.compile(r"^[ \t]*\|?[^|\n]*(?:\|[^|\n]*){2,}$", re.M)  # three cells or more
_RULE_ROW = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|?)+[ \t]*$")  # markdown's |---|---|


def text_tables(text: str) -> tuple[tuple[TableCell, ...], ...]:
    """Tables written in plain text as rows of cells between "|" (web pages copied as text,
    Markdown, our own `text` output of a DOCX): two or more consecutive lines with the same number
    of cells, three or more each. Markdown's |---| rule rows are skipped.

    >>> t = "Kết quả:\\n|Chỉ tiêu|Đơn vị|Năm 2024\\n|Thu ngân sách|tỷ đồng| 1.200 \\nHết."
    >>> [[t[a:b] for a, b in (c.span for c in row)] for row in text_tables(t)]
    [['Chỉ tiêu', 'Đơn vị', 'Năm 2024', 'Thu ngân sách', 'tỷ đồng', '1.200']]
    >>> text_tables("A | B\\nC | D"), text_tables("một dòng | hai | ba")
    ((), ())
    """
    if "|" not in text:
        return ()
    tables: list[tuple[TableCell, ...]] = []
    block: list[list[tuple[int, int]]] = []  # the rows of the table being read: cell spans

    def close() -> None:
        if len(block) >= 2:
            tables.append(tuple(TableCell(r, c, span) for r, row in enumerate(block)
                                for c, span in enumerate(row) if span[1] > span[0]))
        block.clear()

    last_end = -2
    for m in _PIPE_ROW.finditer(text):
        line, start = m.group(0), m.start()
        if start != last_end + 1:  # not the line right after the previous row
            close()
        last_end = m.end()
        if _RULE_ROW.match(line):
            continue
        cells: list[tuple[int, int]] = []
        pos = start
        parts = line.split("|")
        for k, part in enumerate(parts):
            if not ((k == 0 or k == len(parts) - 1) and not part.strip()):  # outer pipes open/close a row
                lead = len(part) - len(part.lstrip())
                cells.append((pos + lead, pos + lead + len(part.strip())))
            pos += len(part) + 1
        if block and len(cells) != len(block[0]):
            close()
        if len(cells) >= 3:
            block.append(cells)
    close()
    return tuple(tables)


@dataclass(frozen=True, slots=True)
class SourceText:
    """What a reader hands to extraction: the text spans index, and what the file said about itself."""

    text: str
    format: str
    page_starts: tuple[int, ...] | None = None  # character offset where each page begins
    warnings: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)  # title/published/authors from file metadata
    tables: tuple[tuple[TableCell, ...], ...] = ()

    def page_of(self, offset: int) -> int | None:
        """1-based page holding `offset`, or None for text without pages."""
        if not self.page_starts:
            return None
        from bisect import bisect_right

        return max(1, bisect_right(self.page_starts, offset))


def sniff_format(data: bytes, name: str | None = None) -> str:
    """Guess the format from the first bytes (the extension only breaks ties).

    >>> sniff_format(b"%PDF-1.7 ...")
    'pdf'
    >>> sniff_format(b"<!DOCTYPE html><html>")
    'html'
    >>> sniff_format("Nghị quyết".encode())
    'txt'
    """
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"  # a legacy .doc/.xls, or an Office file encrypted with a password
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] or (name or "").lower().endswith(".docx") else "zip"
    low = head[:1024].lower()
    if low.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):  # a BOM before the markup
        low = _ascii_head(data)
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low or b"<body" in low:
        return "html"
    return "txt"


def _ascii_head(data: bytes) -> bytes:
    """The first characters of a BOM-marked text as lower-case ASCII bytes (for sniffing markup)."""
    from ..normalize import decode

    try:
        return decode(data[:2048]).lstrip().lower().encode("ascii", "ignore")
    except InputError:
        return b""


def read_text_bytes(data: bytes) -> SourceText:
    """Plain text: decode and normalise; TCVN3/VNI text is converted, glyph codes are reported.

    >>> src = read_text_bytes("Céng hßa x· héi chñ nghÜa ViÖt Nam".encode())
    >>> src.text, src.warnings
    ('Cộng hòa xã hội chủ nghĩa Việt Nam', ('text in the legacy TCVN3 encoding, converted to Unicode',))
    """
    from .legacy import convert_legacy, detect_legacy, unmapped_share

    text = decode(data)
    warnings: list[str] = []
    enc = detect_legacy(text)
    if enc:
        text = convert_legacy(text, enc)
        warnings.append(f"text in the legacy {enc.upper()} encoding, converted to Unicode")
    if unmapped_share(text) > 0.01:
        warnings.append("glyphs without Unicode mapping (cid) in the text")
    text = normalize_text(text)
    return SourceText(text, "txt", warnings=tuple(warnings), tables=text_tables(text))


def read_bytes(data: bytes, name: str | None = None, *, ocr: str = "auto") -> SourceText:
    """Read a document's bytes into normalised text with the reader its content calls for."""
    fmt = sniff_format(data, name)
    if fmt == "txt":
        src = read_text_bytes(data)
    else:
        from . import formats  # heavy readers load only when a document needs them

        src = formats.read(fmt, data, name=name, ocr=ocr)
    if not src.text.strip():
        why = f" ({'; '.join(src.warnings)})" if src.warnings else ""
        raise EmptyTextError(f"{name or 'input'}: the document has no text{why}")
    return src


def read_path(path: str | Path, *, ocr: str = "auto") -> tuple[SourceText, bytes]:
    """Read a file from disk; the bytes come back too, for the checksum."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a document")
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror})") from None
    return read_bytes(data, p.name, ocr=ocr), data


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
