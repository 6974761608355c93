"""PDF reader: pypdfium2 text in reading order (columns, headers/footers removed, paragraphs joined), OCR of scans."""
from __future__ import annotations

import ctypes
import os
import shutil
import statistics
import subprocess
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import regex as re

from ..errors import FormatError
from ..normalize import normalize_text
from . import SourceText, TableCell
from .legacy import convert_legacy, detect_legacy, is_garbage, unmapped_share

OCR_MODES = ("auto", "never", "always")
OCR_DPI = 300
OCR_TIMEOUT = 180  # seconds per page: a stuck tesseract must not hang the run

_PAGE_NUMBER = re.compile(r"^[\s\-–—.(]*(?:(?:trang|page)\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[\s\-–—.)]*$", re.I)
_LIST_START = re.compile(r"^(?:[-–—•+*▪●◦]|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ]\)\s|[IVXLC]+\.\s|\(\d+\))")
_ENDS_SENTENCE = re.compile(r"[.:;!?…]['\"”’)]*$")
_FOOTNOTE_MARK = re.compile(r"(?<=[\p{L}.,;:)”\"])\d{1,2}(?=[\s.,;:)]|$)")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"[ \t]+")
_BLANKS = re.compile(r" +")


@dataclass(slots=True)
class Line:
    """One text line of a page, with its box in PDF points (y grows upwards)."""

    text: str
    x0: float
    x1: float
    y: float          # baseline
    size: float       # font size of its first character
    cells: tuple[str, ...] | None = None  # a table row: its cells' texts (text is them joined)
    table: int = -1                       # which table of the page the row belongs to
    cols: tuple[int, ...] = ()            # grid column where each cell starts (merged cells span on)


# ------------------------------------------------------------------ opening


def _open(data: bytes, name: str):
    import pypdfium2 as pdfium

    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise FormatError(f"{name}: not a PDF file (no %PDF header)")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise FormatError(f"{name}: the PDF is encrypted with a password") from None
        raise FormatError(f"{name}: the PDF is broken or truncated ({exc})") from None
    except Exception as exc:  # pdfium raises odd types on odd files; never let them through
        raise FormatError(f"{name}: the PDF cannot be opened ({exc})") from None
    if len(pdf) == 0:
        pdf.close()
        raise FormatError(f"{name}: the PDF has no pages")
    return pdf


# ------------------------------------------------------------------ text layer


def _c_function(fn, restype, *argtypes):
    """`fn` (a pypdfium2 raw binding) re-declared with plain pointer arguments: handles pass as ints,
    which halves ctypes' cost per call; the readers make thousands of these calls per page."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


class _PageReader:
    """Reads one page's text layer with few pdfium calls: positions only at line ends."""

    def __init__(self) -> None:
        import pypdfium2.raw as raw

        ptr, c_int, c_double = ctypes.c_void_p, ctypes.c_int, ctypes.c_double
        self.raw = raw
        self.rect = raw.FS_RECTF()
        self._rect_ref = ctypes.byref(self.rect)
        self._loose_box = _c_function(raw.FPDFText_GetLooseCharBox, c_int, ptr, c_int, ptr)
        self._font_size = _c_function(raw.FPDFText_GetFontSize, c_double, ptr, c_int)
        self._get_object = _c_function(raw.FPDFPage_GetObject, ptr, ptr, c_int)
        self._object_type = _c_function(raw.FPDFPageObj_GetType, c_int, ptr)
        self._object_bounds = _c_function(raw.FPDFPageObj_GetBounds, c_int, ptr, ptr, ptr, ptr, ptr)
        self._count_segments = _c_function(raw.FPDFPath_CountSegments, c_int, ptr)
        self._bounded_text = _c_function(raw.FPDFText_GetBoundedText, c_int, ptr, c_double, c_double, c_double,
                                         c_double, ptr, c_int)
        self._buffer = (ctypes.c_ushort * 2048)()

    def origin(self, tp: int, i: int) -> tuple[float, float]:
        """Left edge and bottom of a character's box (GetCharOrigin is ten times slower)."""
        self._loose_box(tp, i, self._rect_ref)
        return self.rect.left, self.rect.bottom

    def right(self, tp: int, i: int) -> float:
        self._loose_box(tp, i, self._rect_ref)
        return self.rect.right

    def size(self, tp: int, i: int) -> float:
        return self._font_size(tp, i)

    def bounded(self, tp: int, left: float, bottom: float, right: float, top: float) -> str:
        """The text inside a rectangle, as pypdfium2's get_text_bounded gives it, in one pdfium call
        instead of two (each scans the whole page) when it fits the reused buffer."""
        buf = self._buffer
        m = self._bounded_text(tp, left, top, right, bottom, buf, len(buf))
        if 0 < m < len(buf):  # all of it, with the terminating NUL
            m -= buf[m - 1] == 0
            return ctypes.string_at(buf, 2 * m).decode("utf-16-le", errors="ignore")
        n = self._bounded_text(tp, left, top, right, bottom, None, 0)
        if n <= 0:
            return ""
        self._buffer = buf = (ctypes.c_ushort * (2 * n))()
        self._bounded_text(tp, left, top, right, bottom, buf, n)
        return ctypes.string_at(buf, 2 * n).decode("utf-16-le", errors="ignore")

    def lines(self, page) -> tuple[list[Line], str, float, float]:
        """The page's lines in content order, its raw text, width and height."""
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            exact = len(text) == self.raw.FPDFText_CountChars(textpage.raw)
            tp = ctypes.cast(textpage.raw, ctypes.c_void_p).value
            out: list[Line] = []
            pos = 0
            for chunk in text.split("\r\n"):
                start, end = pos, pos + len(chunk)
                pos = end + 2
                stripped = chunk.strip()
                if not stripped:
                    continue
                if not exact:  # char indices do not match the text (non-BMP characters): no geometry
                    out.append(Line(stripped, 0.0, width, height - len(out) * 14.0, 12.0))
                    continue
                i0 = start + (len(chunk) - len(chunk.lstrip()))
                i1 = end - 1 - (len(chunk) - len(chunk.rstrip()))
                x0, y = self.origin(tp, i0)
                line = Line(stripped, x0, self.right(tp, i1), y, self.size(tp, i0))
                if line.size > 0 and _FOOTNOTE_MARK.search(stripped):
                    line.text = self._drop_marks(tp, i0, chunk.strip(), line.size)
                # a line much wider than its characters need holds a wide blank: two blocks side by side
                if line.x1 - line.x0 > 0.5 * line.size * len(stripped) + 3 * line.size or (
                        y > 0.75 * height and line.x1 - line.x0 > 0.3 * width):
                    out.extend(self._split_gaps(tp, i0, stripped, line))
                else:
                    out.append(line)
            if exact and sum(1 for ln in out if len(ln.text) < 25) >= 6:  # short lines: maybe a table
                out = self._tables(page, tp, out)
            return out, text, width, height
        finally:
            textpage.close()

    def _rulings(self, page) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
        """Horizontal (y, x0, x1) and vertical (x, y0, y1) ruling segments drawn on the page."""
        raw = self.raw
        l, b, r, t = (ctypes.c_float() for _ in range(4))
        refs = [ctypes.byref(v) for v in (l, b, r, t)]
        hs, vs = [], []
        box_h: list[tuple[float, float, float]] = []
        box_v: list[tuple[float, float, float]] = []
        n = raw.FPDFPage_CountObjects(page.raw)
        if n > 5000:  # a drawing, not a document page: tables are not worth the time
            return hs, vs
        handle = ctypes.cast(page.raw, ctypes.c_void_p).value
        get_object, object_type, bounds, path = self._get_object, self._object_type, self._object_bounds, raw.FPDF_PAGEOBJ_PATH
        for k in range(n):
            obj = get_object(handle, k)
            if object_type(obj) != path:
                continue
            if not bounds(obj, *refs):
                continue
            w, h = r.value - l.value, t.value - b.value
            if h < 2.5 and w > 4:
                hs.append(((b.value + t.value) / 2, l.value, r.value))
            elif w < 2.5 and h > 4:
                vs.append(((l.value + r.value) / 2, b.value, t.value))
            elif w > 4 and h > 4 and self._count_segments(obj) in (4, 5):
                # a stroked rectangle (a cell border drawn as one box): its four sides are rules
                box_h += [(b.value, l.value, r.value), (t.value, l.value, r.value)]
                box_v += [(l.value, b.value, t.value), (r.value, b.value, t.value)]
        if len(hs) < 3 or len(vs) < 3:  # no ruled lines: cells drawn as boxes, if any
            return box_h, box_v
        return hs, vs

    def _tables(self, page, tp: int, lines: list[Line]) -> list[Line]:
        """Replace the lines inside ruled tables by one line per row, cells joined by " | "."""
        hs, vs = self._rulings(page)
        if len(hs) < 3 or len(vs) < 3 or len(hs) + len(vs) > 3000:  # none, or a drawing rather than a table
            return lines
        tables = _grids(hs, vs)
        if not tables:
            return lines
        out: list[Line] = []
        placed: set[int] = set()
        for ln in lines:
            k = next((i for i, (xs, ys, _) in enumerate(tables)
                      if ys[0] - 1 <= ln.y <= ys[-1] + 1 and xs[0] - 1 <= ln.x0 <= xs[-1] + 1), None)
            if k is None:
                out.append(ln)
                continue
            if k in placed:
                continue
            placed.add(k)
            out += self._rows(tp, tables[k], k, ln.size)
        return out

    def _rows(self, tp: int, grid, k: int, size: float) -> list[Line]:
        xs, ys, joined = grid
        rows: list[Line] = []
        for i in range(len(ys) - 1, 0, -1):  # top row first
            top, bottom = ys[i], ys[i - 1]
            cells: list[str] = []
            starts: list[int] = []
            j = 0
            while j < len(xs) - 1:
                j2 = j + 1
                # a merged cell: no vertical rule between this column and the next in this row
                while j2 < len(xs) - 1 and not joined(xs[j2], bottom, top):
                    j2 += 1
                t = self.bounded(tp, xs[j] + 0.5, bottom + 0.5, xs[j2] - 0.5, top - 0.5)
                cells.append(_SPACES.sub(" ", t.replace("\r\n", " ").replace("\n", " ")).strip())
                starts.append(j)
                j = j2
            if any(cells):
                rows.append(Line(" | ".join(cells), xs[0], xs[-1], (top + bottom) / 2, size,
                                 cells=tuple(cells), table=k, cols=tuple(starts)))
        return rows

    def _drop_marks(self, tp, i0: int, text: str, size: float) -> str:
        """Remove footnote markers: digits glued to a word in a much smaller font ("đặc khu¹")."""
        parts, last = [], 0
        for m in _FOOTNOTE_MARK.finditer(text):
            if self.size(tp, i0 + m.start()) < 0.8 * size:
                parts.append(text[last:m.start()])
                last = m.end()
        parts.append(text[last:])
        return "".join(parts)

    def _split_gaps(self, tp, i0: int, text: str, line: Line) -> list[Line]:
        """Split a line where a wide blank separates two blocks (legal header cells, columns)."""
        gap_min = max(3.0 * (line.size or 12.0), 24.0)
        pieces: list[Line] = []
        start = 0
        prev_right = None
        box, ref, rect = self._loose_box, self._rect_ref, self.rect
        for m in _BLANKS.finditer(text):
            a, b = m.span()
            if b >= len(text):
                break
            box(tp, i0 + a - 1, ref)
            left_end = rect.right
            box(tp, i0 + b, ref)
            next_x = rect.left
            if next_x - left_end > gap_min:
                x0 = line.x0 if prev_right is None else prev_right
                pieces.append(Line(text[start:a], x0, left_end, line.y, line.size))
                start, prev_right = b, next_x
        if not pieces:
            return [line]
        pieces.append(Line(text[start:], prev_right or line.x0, line.x1, line.y, line.size))
        return pieces


# ------------------------------------------------------------------ layout


def _cluster(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _grids(hs: list[tuple[float, float, float]], vs: list[tuple[float, float, float]]):
    """Tables from ruling segments: (column xs, row ys bottom-up, has_vertical(x, y0, y1)) for each
    block of vertically overlapping rules."""
    vs = sorted(vs, key=lambda v: -v[2])
    blocks: list[list[tuple[float, float, float]]] = []
    lows: list[float] = []  # each block's lowest bottom
    for v in vs:  # group vertical rules whose spans touch: one group per table
        for k, blk in enumerate(blocks):
            # the rules in a block start no lower than v (sorted by top), so v touches one of them
            # exactly when the block reaches down to v's top
            if (lows[k] <= v[2] + 2 if v[1] <= v[2]
                    else any(v[1] <= w[2] + 2 and w[1] <= v[2] + 2 for w in blk)):
                blk.append(v)
                lows[k] = min(lows[k], v[1])
                break
        else:
            blocks.append([v])
            lows.append(v[1])
    grids = []
    for blk in blocks:
        y0, y1 = min(v[1] for v in blk), max(v[2] for v in blk)
        xs = _cluster([v[0] for v in blk])
        if len(xs) < 3:
            continue
        ys = _cluster([h[0] for h in hs if y0 - 2 <= h[0] <= y1 + 2 and h[1] <= xs[-1] and h[2] >= xs[0]]
                      + [y0, y1])
        if len(ys) < 3:
            continue
        segs = list(blk)
        near: dict[float, list[tuple[float, float, float]]] = {}  # column x -> the rules drawn at it

        def joined(x: float, b: float, t: float, segs=segs, near=near) -> bool:
            mid = (b + t) / 2
            at = near.get(x)
            if at is None:
                at = near[x] = [s for s in segs if abs(s[0] - x) <= 2]
            return any(s[1] - 1 <= mid <= s[2] + 1 for s in at)

        grids.append((xs, ys, joined))
    return grids


def _columns(lines: list[Line], width: float) -> tuple[list[Line], float | None]:
    """Reading order for two-column pages: lines wholly left of the gutter, then those right of it,
    between lines that span the page (titles, headers)."""
    if len(lines) < 8:
        return lines, None
    # column text lines are long runs of words; table cells and header blocks are not
    prose = [ln for ln in lines if len(ln.text) >= 25 and ln.x1 - ln.x0 > 0.25 * width]
    right_starts = [ln.x0 for ln in prose if 0.3 * width < ln.x0 < 0.7 * width]
    if len(right_starts) < 4:
        return lines, None
    gutter = statistics.median(right_starts) - 2
    left = [ln for ln in prose if ln.x1 <= gutter + 1]
    right = [ln for ln in prose if ln.x0 >= gutter - 1]
    if len(left) < 4 or len(right) < 4 or len(left) + len(right) < 0.5 * len(prose):
        return lines, None
    # the two sides must overlap vertically, else these are indented lines, not columns
    lo = max(min(ln.y for ln in left), min(ln.y for ln in right))
    hi = min(max(ln.y for ln in left), max(ln.y for ln in right))
    if hi - lo < 0.15 * (max(ln.y for ln in lines) - min(ln.y for ln in lines)):
        return lines, None
    ordered: list[Line] = []
    block: list[Line] = []
    for ln in sorted(lines, key=lambda ln: -ln.y):
        if ln.x0 < gutter - 1 and ln.x1 > gutter + 1:  # spans the gutter: closes the block above
            ordered += sorted([b for b in block if b.x0 < gutter], key=lambda b: -b.y)
            ordered += sorted([b for b in block if b.x0 >= gutter], key=lambda b: -b.y)
            block = []
            ordered.append(ln)
        else:
            block.append(ln)
    ordered += sorted([b for b in block if b.x0 < gutter], key=lambda b: -b.y)
    ordered += sorted([b for b in block if b.x0 >= gutter], key=lambda b: -b.y)
    return ordered, gutter


def _running_key(text: str) -> str:
    return _DIGITS.sub("#", text.lower().strip())


def _drop_running(pages: list[list[Line]], heights: list[float]) -> None:
    """Remove page numbers and headers/footers repeated in the top or bottom band of most pages."""
    n = len(pages)
    counts: Counter[str] = Counter()
    for lines, h in zip(pages, heights):
        seen = {_running_key(ln.text) for ln in lines if ln.y > 0.9 * h or ln.y < 0.1 * h}
        counts.update(seen)
    repeated = {k for k, c in counts.items() if n >= 2 and c >= max(2, (n + 1) // 2)}
    for k, (lines, h) in enumerate(zip(pages, heights)):
        band = [ln for ln in lines if ln.y > 0.88 * h or ln.y < 0.12 * h]
        drop = {id(ln) for ln in band if _PAGE_NUMBER.match(ln.text) or _running_key(ln.text) in repeated}
        if drop:
            pages[k] = [ln for ln in lines if id(ln) not in drop]


def _join(lines: list[Line], gutter: float | None = None) -> tuple[str, list[tuple[int, int, int, int, int]]]:
    """Lines to text: lines of one paragraph joined by a space, others by a newline. Also the spans
    of table cells: (table, row, column, start, end) in the returned text."""
    if not lines:
        return "", []
    body = [ln for ln in lines if ln.x1 - ln.x0 > 0]
    sides: dict[int, tuple[float, float]] = {}  # column -> (left, right) text edges
    for side in (0, 1, 2):
        cols = [ln for ln in body if _side(ln, gutter) == side]
        if cols:
            sides[side] = (min(ln.x0 for ln in cols), max(ln.x1 for ln in cols))
    sizes = [round(ln.size) for ln in lines if ln.size > 0]
    size = Counter(sizes).most_common(1)[0][0] if sizes else 12.0
    steps = [a.y - b.y for a, b in zip(lines, lines[1:]) if 0 < a.y - b.y < 3 * size]
    step = statistics.median(steps) if steps else 1.3 * size
    out: list[str] = []
    cells: list[tuple[int, int, int, int, int]] = []
    rows: Counter[int] = Counter()
    length = 0

    def put(sep: str, ln: Line) -> None:
        nonlocal length
        out.append(sep + ln.text)
        if ln.cells is not None:
            pos = length + len(sep)
            for c, t in enumerate(ln.cells):
                if t:
                    col = ln.cols[c] if c < len(ln.cols) else c
                    cells.append((ln.table, rows[ln.table], col, pos, pos + len(t)))
                pos += len(t) + 3
            rows[ln.table] += 1
        length += len(sep) + len(ln.text)

    put("", lines[0])
    for prev, ln in zip(lines, lines[1:]):
        if ln.cells is not None or prev.cells is not None:
            put("\n", ln)
            continue
        left, right = sides.get(_side(prev, gutter), (prev.x0, prev.x1))
        width = max(1.0, right - left)
        full = prev.x1 >= right - 0.12 * width and prev.x1 - prev.x0 > 0.6 * width
        gap = prev.y - ln.y
        if abs(gap) < 0.3 * size and prev.x1 - 1 <= ln.x0 < prev.x1 + 2 * size:
            # the same visual line, broken by pdfium at a raised footnote mark
            put("" if ln.text[:1] in ".,;:)" else " ", ln)
            continue
        if ln.text[:1] in ".,;:)" and 0 < gap <= step * 1.35:
            put("", ln)  # punctuation pushed to a new line after a footnote mark
            continue
        flush_left = ln.x0 <= left + 0.5 * size
        same_para = (
            full
            and not _LIST_START.match(ln.text)
            and 0 < gap <= step * 1.35
            and ln.x0 <= prev.x0 + 0.5 * size + (0 if prev.x0 > left + size else 4 * size)
            and abs(ln.size - prev.size) < 1.5
            # a full line ending a sentence, then an unindented line at the usual spacing: same paragraph
            and (not _ENDS_SENTENCE.search(prev.text) or (flush_left and gap <= step * 1.15))
            or (
                0 < gap <= step * 1.35 and ln.text[:1].islower() and not _ENDS_SENTENCE.search(prev.text)
                and not _LIST_START.match(ln.text)
                and abs(ln.size - prev.size) < 1.5)
        )
        put(" " if same_para else "\n", ln)
    return "".join(out), cells


def _side(ln: Line, gutter: float | None) -> int:
    """0: left column (or the only one), 1: right column, 2: across the gutter."""
    if gutter is None or ln.x1 <= gutter + 1:
        return 0
    return 1 if ln.x0 >= gutter - 1 else 2


_DOUBLED = re.compile(r"(?<!\S)((\S)\2){3,}(?!\S)")


def _undouble(text: str) -> str:
    """Fake bold drawn twice can come out as "TTiittllee" or "Title Title": keep one copy.

    >>> _undouble("BBÁÁOO  CCÁÁOO")
    'BÁO  CÁO'
    """
    def half(m: re.Match[str]) -> str:
        s = m.group(0)
        return s[::2]

    text = _DOUBLED.sub(half, text)
    n = len(text)
    if n >= 8 and n % 2 == 1 and text[n // 2] == " " and text[: n // 2] == text[n // 2 + 1:]:
        return text[: n // 2]
    return text


def _undouble_lines(lines: list[Line]) -> None:
    """_undouble every line; the doubled-letter pattern is searched once in the page's text first,
    since it can only match inside one line and most pages have none."""
    doubled = _DOUBLED.search("\n".join(ln.text for ln in lines)) is not None
    for ln in lines:
        t = ln.text
        if doubled:
            ln.text = _undouble(t)
        elif len(t) >= 8 and len(t) % 2 == 1 and t[len(t) // 2] == " ":
            ln.text = _undouble(t)  # maybe "Title Title"


# ------------------------------------------------------------------ OCR


def tesseract_available() -> bool:
    exe = shutil.which("tesseract")
    if not exe:
        return False
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return "vie" in out.stdout.split()


# Upper-case words of document headers and signature blocks that Tesseract's Vietnamese model
# misreads (stacked marks on capitals): fixed only as whole upper-case phrases.
_OCR_FIXES = {
    "GIÁM ĐÓC": "GIÁM ĐỐC", "HỌI CHỦ NGHĨA": "HỘI CHỦ NGHĨA", "XÃ HỌI": "XÃ HỘI", "TRUYÊN THÔNG": "TRUYỀN THÔNG",
    "CỘNG HOÀ": "CỘNG HÒA", "UBNDTỈNH": "UBND TỈNH", "Thiểu tướng": "Thiếu tướng",
}
_OCR_FIX_RE = re.compile("|".join(re.escape(k) for k in sorted(_OCR_FIXES, key=len, reverse=True)))
_ALNUM = re.compile(r"[\p{L}\d]")
_RECIPIENTS = re.compile(r"^\s*Nơi\s+nhận\s*:?", re.I)


def _ocr_text_to_lines(text: str) -> str:
    """Tesseract prints blocks separated by blank lines: join wrapped lines inside a block, fix
    misread header capitals, and move the "Nơi nhận" list (left of the signature) to the page's end
    so that a signer's title and name stay together."""
    text = _OCR_FIX_RE.sub(lambda m: _OCR_FIXES[m.group(0)], text)
    paras: list[str] = []
    tail: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        # stamps and signatures come out as short junk ("1⁄1", "MT", "___"): not text
        lines = [ln.strip() for ln in block.split("\n") if len(_ALNUM.findall(ln)) >= 4]
        if not lines:
            continue
        if _RECIPIENTS.match(lines[0]) or (tail and all(ln.startswith(("-", "+", "•")) for ln in lines)):
            tail += lines
            continue
        out = [lines[0]]
        for prev, ln in zip(lines, lines[1:]):
            joined = (not _ENDS_SENTENCE.search(prev) and not _LIST_START.match(ln)
                      and len(prev) > 40 and (ln[:1].islower() or ln[:1].isdigit() or len(prev) > 55))
            out.append((" " if joined else "\n") + ln)
        paras.append("".join(out))
    return "\n".join(_signature_gaps("\n".join(paras + tail).split("\n")))


_SIGN_TITLE = re.compile(r"^(?:(?:KT|TL|TM|Q|TUQ)\s*\.\s*)?[\p{Lu}\s.]{4,}$")
_PERSON = re.compile(r"^(?:\p{L}+\s+\p{Ll}+\s+)?\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4}$")


def _signature_gaps(lines: list[str]) -> list[str]:
    """Drop the scribbles OCR reads from a signature between a signing title ("PHÓ GIÁM ĐỐC") and
    the signer's name a few lines below it.

    >>> _signature_gaps(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "` sư mm", "Trần Văn An", "Nơi nhận:"])
    ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trần Văn An', 'Nơi nhận:']
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        out.append(lines[i])
        if _SIGN_TITLE.match(lines[i]) and any(c.isalpha() for c in lines[i]):
            ahead = lines[i + 1:i + 6]
            k = next((j for j, ln in enumerate(ahead) if _PERSON.match(ln)), None)
            if k and all(len(ln) < 30 and not _SIGN_TITLE.match(ln) for ln in ahead[:k]):
                i += k + 1  # skip the scribbles; the name comes next
                continue
        i += 1
    return out


def _without_stamps(image):
    """Grey page image with red ink (seals stamped over a signer's name) turned white, so that
    Tesseract reads the black text beneath.

    >>> from PIL import Image
    >>> im = Image.new("RGB", (2, 2)); im.putpixel((0, 1), (200, 30, 40)); im.putpixel((1, 1), (20, 20, 20))
    >>> [_without_stamps(im).getpixel((x, 1)) for x in (0, 1)]
    [255, 20]
    """
    import numpy as np
    from PIL import Image

    a = np.asarray(image.convert("RGB"), dtype=np.int32)  # int16 would overflow in the weighted sum
    r, g, b = a[..., 0], a[..., 1], a[..., 2]
    gray = (r * 299 + g * 587 + b * 114) // 1000
    red = (r - g > 50) & (r - b > 30)
    red[: int(red.shape[0] * 0.45)] = False  # seals sit on signatures, low on the page; the red
    gray[red] = 255                          # register stamp at the top is left alone
    return Image.fromarray(gray.astype(np.uint8))


def _tsv_blocks(tsv: str, width: int) -> str:
    """Tesseract's TSV to text blocks (blank-line separated). A block whose lines hold a wide gap is
    two blocks side by side (issuer | national motto, "Nơi nhận" | signature): its left parts come
    out as one block and its right parts as the next, instead of line by line across both."""
    lines: dict[tuple[int, int, int], list[tuple[int, int, str]]] = {}
    for row in tsv.split("\n")[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        try:
            key = (int(f[2]), int(f[3]), int(f[4]))
            left, w = int(f[6]), int(f[8])
        except ValueError:
            continue
        lines.setdefault(key, []).append((left, left + w, f[11].strip()))
    gap_min = 0.06 * width
    blocks: dict[int, list[list[tuple[int, str]]]] = {}
    for (block, _, _), words in lines.items():  # dicts keep Tesseract's reading order
        segs: list[tuple[int, str]] = []
        start, prev_end, buf = words[0][0], words[0][1], [words[0][2]]
        for x0, x1, t in words[1:]:
            if x0 - prev_end > gap_min:
                segs.append((start, " ".join(buf)))
                start, buf = x0, []
            buf.append(t)
            prev_end = x1
        segs.append((start, " ".join(buf)))
        blocks.setdefault(block, []).append(segs)
    out: list[str] = []
    for segs_lines in blocks.values():
        # side by side only when most lines have the gap: one wide gap in a paragraph is a dropped word
        if sum(len(segs) > 1 for segs in segs_lines) >= max(1, len(segs_lines) / 2):
            split = min(x for segs in segs_lines if len(segs) > 1 for x, _ in segs[1:])
            left = [" ".join(t for x, t in segs if x < split) for segs in segs_lines]
            right = [" ".join(t for x, t in segs if x >= split) for segs in segs_lines]
            out += ["\n".join(t for t in left if t), "\n".join(t for t in right if t)]
        else:
            out.append("\n".join(" ".join(t for _, t in segs) for segs in segs_lines))
    return "\n\n".join(b for b in out if b.strip())


def _run_ocr(pdf, pages: list[int]) -> dict[int, str]:
    with tempfile.TemporaryDirectory(prefix="reportextract-ocr-") as workdir:
        # pdfium is not thread-safe: render in this thread, run the tesseract processes in parallel
        jobs = {}
        workers = max(1, min(len(pages), os.cpu_count() or 1))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for i in pages:
                page = pdf[i]
                try:
                    image = _without_stamps(page.render(scale=OCR_DPI / 72).to_pil())
                finally:
                    page.close()
                path = os.path.join(workdir, f"p{i}.png")
                image.save(path)
                jobs[i] = (pool.submit(subprocess.run,
                                       ["tesseract", path, "stdout", "-l", "vie", "--psm", "3", "tsv"],
                                       capture_output=True, timeout=OCR_TIMEOUT), image.width)
            out = {}
            for i, (fut, width) in jobs.items():
                try:
                    tsv = fut.result().stdout.decode("utf-8", errors="replace")
                    out[i] = _ocr_text_to_lines(_tsv_blocks(tsv, width))
                except (OSError, subprocess.SubprocessError):
                    out[i] = ""
            return out


def _pages_phrase(pages: list[int]) -> str:
    nums = [str(p + 1) for p in pages]
    if len(nums) == 1:
        return f"page {nums[0]}"
    return "pages " + ", ".join(nums[:-1]) + " and " + nums[-1]


# ------------------------------------------------------------------ entry point


def read_pdf(data: bytes, name: str = "input", ocr: str = "auto") -> SourceText:
    """Read a PDF's text layer (or OCR its scanned pages) into text with page offsets."""
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")
    pdf = _open(data, name)
    try:
        return _read(pdf, name, ocr)
    except FormatError:
        raise
    except Exception as exc:  # a damaged page stream: report it as a bad file, not a traceback
        raise FormatError(f"{name}: the PDF cannot be read ({type(exc).__name__}: {exc})") from None
    finally:
        pdf.close()


def _read(pdf, name: str, ocr: str) -> SourceText:
    import pypdfium2 as pdfium

    reader = _PageReader()
    warnings: list[str] = []
    n = len(pdf)
    page_lines: list[list[Line]] = []
    heights: list[float] = []
    raw_texts: list[str] = []
    gutters: list[float | None] = []
    empty: list[int] = []
    garbage: list[int] = []
    legacy_pages: dict[str, list[int]] = {}
    for i in range(n):
        try:
            page = pdf[i]
        except pdfium.PdfiumError:
            page_lines.append([]), heights.append(842.0), raw_texts.append(""), gutters.append(None)
            warnings.append(f"page {i + 1} cannot be read")
            continue
        try:
            lines, raw_text, width, height = reader.lines(page)
        finally:
            page.close()
        heights.append(height)
        raw_texts.append(raw_text)
        visible = len("".join(raw_text.split()))
        if visible < 20:
            empty.append(i)
            page_lines.append([])
            gutters.append(None)
            continue
        enc = detect_legacy(raw_text)
        if enc:
            legacy_pages.setdefault(enc, []).append(i)
            for ln in lines:
                ln.text = convert_legacy(ln.text, enc)
        elif is_garbage(raw_text):
            garbage.append(i)
        _undouble_lines(lines)
        ordered, gutter = _columns(lines, width)
        page_lines.append(ordered)
        gutters.append(gutter)

    for enc, pages in legacy_pages.items():
        warnings.append(f"{_pages_phrase(pages)}: text in the legacy {enc.upper()} encoding, converted to Unicode")
    cid = [i for i, t in enumerate(raw_texts) if unmapped_share(t) > 0.01]
    if cid:
        warnings.append(f"{_pages_phrase(cid)}: glyphs without Unicode mapping (cid)")

    to_ocr: list[int] = []
    if ocr == "always":
        to_ocr = list(range(n))
    elif ocr == "auto":
        to_ocr = sorted(empty + garbage)
    can_ocr = bool(to_ocr) and tesseract_available()
    ocr_text: dict[int, str] = _run_ocr(pdf, to_ocr) if can_ocr else {}
    if to_ocr and not can_ocr:
        if empty:
            warnings += [f"page {i + 1} has no text layer" for i in empty]
        if garbage:
            warnings.append(f"{_pages_phrase(garbage)}: the text layer is not readable Vietnamese "
                            "(install tesseract-ocr-vie to OCR it)")
    else:
        if ocr == "never":
            warnings += [f"page {i + 1} has no text layer" for i in empty]
            if garbage:
                warnings.append(f"{_pages_phrase(garbage)}: the text layer is not readable Vietnamese")
        if ocr_text:
            warnings.append(f"{_pages_phrase(sorted(ocr_text))}: text read by OCR")
    for i in garbage:  # an unreadable layer is never trusted, OCR or not
        page_lines[i] = []

    _drop_running(page_lines, heights)
    parts: list[str] = []
    starts: list[int] = []
    tables: dict[tuple[int, int], list[TableCell]] = {}
    offset = 0
    for i in range(n):
        cell_spans: list[tuple[int, int, int, int, int]] = []
        if i in ocr_text and ocr_text[i].strip():
            text = normalize_text(ocr_text[i])
        else:
            for ln in page_lines[i]:  # normalise line by line, so that cell offsets stay exact
                if ln.cells is not None:
                    ln.cells = tuple(normalize_text(c) for c in ln.cells)
                    ln.text = " | ".join(ln.cells)
                else:
                    ln.text = _SPACES.sub(" ", normalize_text(ln.text)).strip()
            page_lines[i] = [ln for ln in page_lines[i] if ln.text]
            text, cell_spans = _join(page_lines[i], gutters[i])
            if normalize_text(text) != text:
                text, cell_spans = normalize_text(text), []
        text = text.rstrip("\n")
        if parts:
            # a paragraph running on from the previous page continues the same line
            last = parts[-1].rsplit("\n", 1)[-1]
            sep = " " if text[:1].islower() and len(last) > 40 and not _ENDS_SENTENCE.search(last) else "\n"
            parts.append(sep)
            offset += 1
        starts.append(offset)
        for k, r, c, a, b in cell_spans:
            tables.setdefault((i, k), []).append(TableCell(r, c, (offset + a, offset + b)))
        parts.append(text)
        offset += len(text)
    return SourceText("".join(parts), "pdf", page_starts=tuple(starts), warnings=tuple(warnings),
                      meta=_metadata(pdf), tables=tuple(tuple(cells) for cells in tables.values()))


def _metadata(pdf) -> dict[str, object]:
    try:
        meta = pdf.get_metadata_dict(skip_empty=True)
    except Exception:
        return {}
    out: dict[str, object] = {}
    if meta.get("Title") and len(meta["Title"]) > 8:
        out["pdf_title"] = normalize_text(meta["Title"])
    return out
