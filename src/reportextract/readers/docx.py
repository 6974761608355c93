"""DOCX reader (stdlib zipfile + ElementTree): paragraphs and tables in document order, table rows as "a | b"."""
from __future__ import annotations

import io
import zipfile
import xml.etree.ElementTree as ET

import regex as re

from ..errors import FormatError
from ..normalize import normalize_text
from . import CELL_SEP, SourceText, TableCell, table_row

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_XML = 64 * 1024 * 1024  # uncompressed document.xml: beyond this it is a zip bomb, not a report

# Words of the two-cell tables Vietnamese documents use for layout (national motto, signature block).
_LAYOUT_WORDS = re.compile(r"CỘNG HÒA|CỘNG HOÀ|Độc lập|Nơi nhận|\bKT\.|\bTM\.|\bTL\.|CHỦ TỊCH|GIÁM ĐỐC|^Số\s*:",
                           re.M)
_SPACES = re.compile(r"[ \t]+")


def _run_text(el: ET.Element, out: list[str]) -> None:
    """Text of a paragraph's runs, in order (deleted text and field codes skipped)."""
    for node in el:
        tag = node.tag
        if tag == W + "t":
            out.append(node.text or "")
        elif tag in (W + "tab", W + "ptab"):
            out.append(" ")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag in (W + "del", W + "delText", W + "instrText", W + "footnoteReference",
                     W + "endnoteReference", W + "rPr", W + "pPr"):
            continue
        else:
            _run_text(node, out)


def _para(p: ET.Element) -> str:
    out: list[str] = []
    _run_text(p, out)
    return _SPACES.sub(" ", "".join(out)).strip()


def _cell_paragraphs(tc: ET.Element) -> list[str]:
    paras: list[str] = []
    for node in tc:
        if node.tag == W + "p":
            t = _para(node)
            if t:
                paras.append(t)
        elif node.tag == W + "tbl":
            paras += [CELL_SEP.join(r) for r in _rows(node)]
        elif node.tag == W + "sdt":
            content = node.find(W + "sdtContent")
            if content is not None:
                paras += _cell_paragraphs(content)
    return paras


def _rows(tbl: ET.Element) -> list[list[str]]:
    rows = []
    for tr in tbl.iter(W + "tr"):
        if tr not in list(tbl):  # rows of nested tables are read with their cell
            continue
        rows.append([" ".join(_cell_paragraphs(tc)) for tc in tr.findall(W + "tc")])
    return rows


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offset = 0
        self.tables: list[tuple[TableCell, ...]] = []

    def line(self, text: str) -> None:
        text = normalize_text(text)
        self.parts.append(text)
        self.offset += len(text) + 1

    def table(self, tbl: ET.Element) -> None:
        trs = [tr for tr in tbl if tr.tag == W + "tr"]
        grid = [[_cell_paragraphs(tc) for tc in tr.findall(W + "tc")] for tr in trs]
        text = normalize_text("\n".join(p for row in grid for cell in row for p in cell))
        if len(grid) <= 3 and max((len(r) for r in grid), default=0) <= 3 and _LAYOUT_WORDS.search(text):
            # a layout table: read it column by column, one paragraph a line
            ncols = max(len(r) for r in grid)
            for c in range(ncols):
                for row in grid:
                    if c < len(row):
                        for p in row[c]:
                            self.line(p)
            return
        cells: list[TableCell] = []
        for r, row in enumerate(grid):
            texts = [normalize_text(" ".join(cell)) for cell in row]
            if not any(texts):
                continue
            line, row_cells = table_row(texts, r, self.offset)
            cells += row_cells
            self.line(line)
        if cells:
            self.tables.append(tuple(cells))

    def body(self, el: ET.Element) -> None:
        for node in el:
            if node.tag == W + "p":
                t = _para(node)
                for piece in t.split("\n"):
                    if piece.strip():
                        self.line(piece.strip())
            elif node.tag == W + "tbl":
                self.table(node)
            elif node.tag == W + "sdt":
                content = node.find(W + "sdtContent")
                if content is not None:
                    self.body(content)


def read_docx(data: bytes, name: str = "input") -> SourceText:
    """Read a .docx file's main text; FormatError when it is not one."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FormatError(f"{name}: not a valid DOCX (zip) file ({exc})") from None
    with zf:
        try:
            info = zf.getinfo("word/document.xml")
        except KeyError:
            raise FormatError(f"{name}: a zip file without word/document.xml is not a DOCX") from None
        if info.file_size > MAX_XML:
            raise FormatError(f"{name}: word/document.xml is too large ({info.file_size} bytes)")
        try:
            root = ET.fromstring(zf.read(info))
        except (ET.ParseError, zipfile.BadZipFile, OSError, RuntimeError) as exc:
            # RuntimeError: an encrypted zip member
            raise FormatError(f"{name}: the DOCX is damaged ({exc})") from None
        meta = _core_meta(zf)
    body = root.find(W + "body")
    if body is None:
        raise FormatError(f"{name}: the DOCX has no document body")
    b = _Builder()
    b.body(body)
    text = "\n".join(b.parts)
    return SourceText(text, "docx", warnings=(), meta=meta, tables=tuple(b.tables))


def _core_meta(zf: zipfile.ZipFile) -> dict[str, object]:
    try:
        root = ET.fromstring(zf.read("docProps/core.xml"))
    except (KeyError, ET.ParseError, zipfile.BadZipFile, OSError, RuntimeError):
        return {}
    out: dict[str, object] = {}
    for el in root:
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "title" and el.text and el.text.strip():
            out["docx_title"] = normalize_text(el.text.strip())
    return out
