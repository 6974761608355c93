"""Document fields: title, kind, published date, own number and issuer (authors: officials)."""
from __future__ import annotations

from functools import lru_cache
from itertools import islice
from typing import Any, Iterable, Iterator

import re as stdlib_re

import regex as re
from spacy.language import Language
from spacy.tokens import Doc

from .. import rules
from ..nlp import add_items, doc_text
from ..parsers.dates import iso_date, iter_year_starts, letters_of
from ..parsers.references import clean_number, kind_to_document_kind

_HEAD = 4000  # the header, title and by-line of any document sit in its first few thousand characters
_S = r"[ \t]*\n?[ \t|]*"  # a space that may wrap a line or cross a table cell

# "Số: 15/2020/NQ-HĐND", "Số:\n15/2020/NQ - HĐND", "Số 04-NQ/TU" (OCR may read "Só"); a blank
# "Số: /BC-UBND" gives no number.
_OWN_NUMBER = re.compile(
    r"(?m)^[ \t|*]*S[ốóôo][ \t]*[:.]?[ \t]*\n?[ \t|]*"
    r"(?P<n>\d{1,6}[a-z]?(?:[ \t]*[/\-][ \t]*[\p{L}\d&.]+)+)", re.IGNORECASE)
# "Hà Giang, ngày 14 tháng 8 năm 2023"; the day may be left blank in a draft ("ngày   tháng 11 năm 2025").
_PLACE = r"\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{Ll}.]*){0,4}"  # "Trà Vinh", "TP. Hồ Chí Minh"
_PLACE_DATE_TAIL = (
    rf",{_S}ngày{_S}(?:(?P<d>\d{{1,2}})?[ \t.…]*{_S}tháng{_S}(?P<m>\d{{1,2}}){_S}năm{_S}(?P<y>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})[/.\-](?P<m2>\d{{1,2}})[/.\-](?P<y2>\d{{4}}))")
# at the start of a line or table cell (any document); anywhere in a legal header, whose cells a
# reader may have run together ("…Hạnh phúcLâm Đồng, ngày …")
# a dateline as OCR leaves it: digits misread as letters or run into the words ("ngày99 tháng 10 năm 2025")
_LOOSE_DATE_LINE = re.compile(r",[ \t]*ngày[ \t]*\S{0,3}[ \t]*tháng[ \t]*\S{0,3}[ \t]*năm[ \t]*\S{4}[ \t.]*$")
_PLACE_DATE = re.compile(rf"(?m)(?:^|\|)[ \t*]*{_PLACE}{_PLACE_DATE_TAIL}")
_PLACE_DATE_ANY = re.compile(rf"{_PLACE}{_PLACE_DATE_TAIL}")
_NUMERIC_DATE = r"(?P<d>\d{1,2})[ \t]*(?P<s>[/\-.])[ \t]*(?P<m>\d{1,2})[ \t]*(?P=s)[ \t]*(?P<y>(?:19|20)\d\d)(?!\d)"
_TIME = r"\d{1,2}[:hg]\d{2}(?::\d{2})?(?:[ \t]*(?:AM|PM|SA|CH))?(?:[ \t]*\(?GMT[+\-]\d+\)?)?"
_WEEKDAY = r"(?:Thứ[ \t]+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|\d)|Chủ[ \t]+[Nn]hật)"
# A date whose label says it is the page's own: "Ngày cập nhật 25/03/2021", "Đăng ngày 11 - 11 - 2023".
_LABELLED = re.compile(
    r"(?=[NnCcĐđXxTtPpUu])(?:Ngày[ \t]+cập[ \t]+nhật|Cập[ \t]+nhật(?:[ \t]+(?:lúc|ngày))?|Ngày[ \t]+đăng|Đăng[ \t]+(?:ngày|lúc)|"
    r"Ngày[ \t]+xuất[ \t]+bản|Xuất[ \t]+bản(?:[ \t]+(?:ngày|lúc))?|Thời[ \t]+gian[ \t]+đăng|Ngày[ \t]+đưa[ \t]+tin|"
    r"Posted|Published|Updated)"
    rf"[ \t]*:?[ \t]*(?:{_TIME}[ \t]*[,\-–|]?[ \t]*)?(?:{_WEEKDAY}[ \t]*,?[ \t]*)?(?:ngày[ \t]+)?{_NUMERIC_DATE}",
    re.IGNORECASE)
_LINE_DATE = re.compile(
    _NUMERIC_DATE + r"|(?<!\p{L})ngày[ \t]+(?P<d2>\d{1,2})[ \t]+tháng[ \t]+(?P<m2>\d{1,2})[ \t]+năm[ \t]+(?P<y2>(?:19|20)\d\d)",
    re.IGNORECASE)
# a lede that opens with its day ("Sáng 4/2, …", "Ngày 2/6/2022, …") is body text, not a headline
_LEDE = re.compile(r"^(?:Sáng|Chiều|Tối|Trưa|Đêm|Ngày|Hôm)(?:[ \t]+(?:nay|qua|ngày))?[ \t]+\d{1,2}[/\-.]\d", re.IGNORECASE)
# What a by-line or date line may hold besides the date: times, weekdays, separators, names.
_LINE_NOISE = re.compile(rf"{_TIME}|{_WEEKDAY}|[|,\-–—()/:]|\b(?:lúc|ngày|giờ|GMT|tác\s+giả|nguồn|bài\s+và\s+ảnh|"
                         rf"bài|ảnh|theo|cập\s+nhật|đăng)\b", re.IGNORECASE)

_DOC_KINDS = {
    "NGHỊ QUYẾT": "Nghị quyết", "QUYẾT ĐỊNH": "Quyết định", "CHỈ THỊ": "Chỉ thị", "KẾ HOẠCH": "Kế hoạch",
    "BÁO CÁO": "Báo cáo", "KẾT LUẬN": "Kết luận", "THÔNG BÁO": "Thông báo", "CHƯƠNG TRÌNH": "Chương trình",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG": "Chương trình", "ĐỀ ÁN": "Đề án", "TỜ TRÌNH": "Tờ trình",
    "CÔNG VĂN": "Công văn", "HƯỚNG DẪN": "Hướng dẫn", "QUY ĐỊNH": "Quy định", "QUY CHẾ": "Quy chế",
    "NGHỊ ĐỊNH": "Nghị định", "THÔNG TƯ": "Thông tư", "LUẬT": "Luật", "PHÁP LỆNH": "Pháp lệnh",
    "CÔNG ĐIỆN": "Công điện", "THÔNG TRI": "Thông tri", "PHƯƠNG ÁN": "Phương án", "LỆNH": "Lệnh",
}
_KIND_LINE = re.compile(
    r"^[ \t*#_|]*(?P<k>" + "|".join(sorted(_DOC_KINDS, key=len, reverse=True)) + r")[ \t*_|:]*$")
_KIND_INITIALS = frozenset(k[0] for k in _DOC_KINDS)
# the kind and its subject run together on one line: "QUYẾT ĐỊNH Về việc giao chỉ tiêu …"
_KIND_INLINE = re.compile(
    r"^[ \t*#_|]*(?P<k>" + "|".join(sorted(_DOC_KINDS, key=len, reverse=True)) + r")[ \t*_]+(?P<rest>(?:V/v|VỀ|Về)\b.*)$")
# The national (or party) motto of a legal header, in capitals: "Cộng hòa xã hội…" in a preamble is not one.
_MOTTO = re.compile(r"CỘNG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+H[ỘO]I|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|Độc\s+lập\s*-\s*Tự\s+do")
_MOTTO_START = re.compile(r"Số\s*:|CỘNG\s+H(?:ÒA|OÀ|OA)\b|ĐẢNG\s+CỘNG\s+SẢN|Độc\s+lập\s*-")
# The authority that issues a legal text, named in capitals between its title and its preamble.
_AUTHORITY = re.compile(
    r"^(?:CHỦ\s+TỊCH|PHÓ\s+CHỦ\s+TỊCH|HỘI\s+ĐỒNG|[ỦU][YỶ]\s+BAN|UBND|HĐND|QUỐC\s+HỘI|CHÍNH\s+PHỦ|THỦ\s+TƯỚNG|"
    r"BỘ\s+TRƯỞNG|BỘ\s+CHÍNH\s+TRỊ|BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH|BAN\s+BÍ\s+THƯ|BAN\s+CHỈ\s+ĐẠO|"
    r"TỈNH\s+[ỦU][YỶ]|HUYỆN\s+[ỦU][YỶ]|THÀNH\s+[ỦU][YỶ]|ĐẢNG\s+[ỦU][YỶ]|GIÁM\s+ĐỐC|TRƯỞNG\s+BAN|"
    r"KHÓA|KHOÁ|QUYẾT\s+NGHỊ|QUYẾT\s+ĐỊNH\s*:|CHỈ\s+THỊ\s*:)")
# A preamble or body line: the title is over.
_BODY_START = re.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Kính\s+gửi|Xét\s|Theo\s|Trên\s+cơ\s+sở|Sau\s+khi|Nhằm\s|Để\s|Ngày\s+\d|"
    r"Thời\s+gian|Địa\s+điểm|Thành\s+phần|Điều\s+\d|Phần\s|Chương\s+[IVX\d]|[IVX]+\.|\d+\.|[a-z]\)|"
    r"Năm\s+\d{4}\s*,|Trong\s+(?:năm|thời\s+gian|những\s+năm)\b|Qua\s+\d)",
    re.IGNORECASE)
_ORG_HEAD = re.compile(
    r"^(?:SỞ|CỤC|CHI\s+CỤC|TỔNG\s+CỤC|TRUNG\s+TÂM|BAN|PHÒNG|VỤ|VIỆN|CÔNG\s+AN|VĂN\s+PHÒNG|[ỦU][YỶ]\s+BAN|"
    r"HỘI\s+ĐỒNG|TỈNH\s+[ỦU][YỶ]|HUYỆN\s+[ỦU][YỶ]|THÀNH\s+[ỦU][YỶ]|ĐẢNG\s+[ỦU][YỶ]|ĐẢNG\s+BỘ|BỘ|"
    r"QUỐC\s+HỘI|CHÍNH\s+PHỦ|THỦ\s+TƯỚNG|UBND|HĐND|BỘ\s+CHỈ\s+HUY|BAN\s+CHỈ\s+ĐẠO|TRƯỜNG|BỆNH\s+VIỆN|"
    r"CÔNG\s+TY|TẬP\s+ĐOÀN|HỘI|LIÊN\s+ĐOÀN|ĐOÀN|MẶT\s+TRẬN|THANH\s+TRA|KHO\s+BẠC|CHI\s+NHÁNH|ĐÀI|BÁO)\b")
_SEPARATOR = re.compile(r"^[\s\-–—_=*~.|]*$")
_SUBJECT = re.compile(r"^(?:V/v|Về\s+việc|V\.v\.?)\s", re.IGNORECASE)
_SITE_PREFIX = re.compile(r"^(?:\([^()\n]{2,30}\)|[\p{Lu}.]{2,12}(?:\.(?:VN|vn))?)[ \t]*[-–—:][ \t]*")


@lru_cache(maxsize=1)
def _chrome() -> re.Pattern[str]:
    """Site chrome lines (menus, breadcrumbs, font buttons) from rules/page_chrome.json."""
    data = rules.load("page_chrome")
    starts = "|".join(re.escape(s) for s in sorted(data["line_starts"], key=len, reverse=True))
    labels = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in sorted(data["menu_labels"], key=len, reverse=True))
    menu = rf"(?:{labels})(?:\s*[>»/|\-–]\s*(?:{labels}))*\s*[>»/|:]?"
    whole = "|".join(data["line_patterns"])
    return re.compile(rf"^(?:(?:{starts})|(?:{menu}|{whole})$)", re.IGNORECASE)


_SPACES = re.compile(r"\s+")
_LETTER = re.compile(r"\p{L}")
_SO = re.compile(r"^S[ốóôo]\b", re.IGNORECASE)


def _clean(line: str) -> str:
    """A line with its spaces collapsed and its markup marks dropped.

    >>> _clean(" ** Kế  hoạch\t số 5 |")
    'Kế hoạch số 5'
    """
    line = line.replace("*", " ").replace("#", " ")
    if "\x1c" in line or "\x1d" in line or "\x1e" in line or "\x1f" in line:
        return _SPACES.sub(" ", line).strip(" |_")  # str.split() would cut at these, \s does not
    return " ".join(line.split()).strip(" |_")


def _is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _issuer(lines: list[str]) -> str | None:
    """The upper-case body name at the top left of a legal header, its wrapped lines joined; with a
    parent body above it ("UBND TỈNH X" over "SỞ NỘI VỤ") the lowest one is the issuer.

    The name ends at the motto ("CỘNG HÒA XÃ HỘI …", on its own line or in the right-hand cell of a
    table row "ỦY BAN NHÂN DÂN | CỘNG HÒA …"), at the "Số:" line, or at the first mixed-case line.
    """
    names: list[str] = []
    for raw in lines[:30]:
        cells = raw.split("|")
        cell = cells[0] if cells[0].strip() else raw
        motto = _MOTTO_START.search(cell)
        if motto:
            cell = cell[:motto.start()]
            if not cell.strip():
                if names:
                    break  # the motto on a line of its own: the name is above it
                continue
        line = _clean(cell)
        if not line or _SEPARATOR.match(line):
            continue
        if _SO.match(line) or not _is_upper(line) or _KIND_LINE.match(line):
            break
        if _ORG_HEAD.match(line) and names:
            names = []  # a parent body above: keep the lowest one
        names.append(line)
    return " ".join(names) or None


def _title_after(lines: list[str], start: int) -> tuple[str | None, int]:
    """The subject lines after a kind line ("VỀ VIỆC …", "Về …"), joined; and the line after them."""
    taken: list[str] = []
    upper: bool | None = None
    i = start
    while i < len(lines) and i < start + 12:
        line = _clean(lines[i])
        i += 1
        if not line:
            if taken and not upper:
                break  # a mixed-case subject is one paragraph
            continue
        if _SEPARATOR.match(line):
            if taken:
                break
            continue
        if _MOTTO.search(line) or _LOOSE_DATE_LINE.search(line):
            continue  # a two-column header read row by row puts the motto and the dateline among the subject lines
        if _BODY_START.match(line) or (taken and _AUTHORITY.match(line)) or (not taken and _AUTHORITY.match(line)
                                                                              and not _SUBJECT.match(line)):
            break
        if upper is None:
            upper = _is_upper(line)
        elif _is_upper(line) != upper and not (upper and line.startswith("về ")):
            break  # a change of case ends the subject, but "NGHỊ QUYẾT / HỘI NGHỊ … / về …" goes on
        elif not upper and len(line) > 150 and line.endswith("."):
            break  # a body paragraph run on below a mixed-case subject
        taken.append(line)
    title = " ".join(taken).strip() or None
    return title, i


def _legal_kind(kind_name: str, title: str | None) -> str:
    if kind_name == "Thông báo":
        return "conclusion" if title and re.match(r"^(?:kết\s+luận|ý\s+kiến\s+kết\s+luận)", title, re.I) else "other"
    return kind_to_document_kind(kind_name)


# Where a place-and-date line may be: a comma followed by "ngày" (see _place_date).
_PLACE_COMMA = stdlib_re.compile(r",[ \t]*\n?[ \t|]*ngày")
_NOT_PLACE = re.compile(r"(?r)[^\p{L}. \t*]")     # _PLACE and the "[ \t*]*" before it consume no other
_NOT_PLACE_ANY = re.compile(r"(?r)[^\p{L}. \t]")
_NOT_DATE_TAIL = stdlib_re.compile(r"[^ \t\n|\d.…/\-ngàythámă]")  # nor does the date after the comma


def _place_date(head: str, legal: bool) -> re.Match[str] | None:
    """(_PLACE_DATE_ANY if legal else _PLACE_DATE).search(head), trying the pattern only where it can match:
    a match is a place, a comma, "ngày" and a date; the place runs back from the comma over letters,
    dots and spaces, the date on from it over digits, separators and "tháng", "năm".
    """
    pattern, barrier = (_PLACE_DATE_ANY, _NOT_PLACE_ANY) if legal else (_PLACE_DATE, _NOT_PLACE)
    for c in _PLACE_COMMA.finditer(head):
        b = barrier.search(head, 0, c.start())
        end = _NOT_DATE_TAIL.search(head, c.end())
        m = pattern.search(head, b.start() if b else 0, end.end() if end else len(head))
        if m:
            return m
    return None


def _numeric_year(text: str, start: int, y: int) -> bool:
    """Whether the year at `y` may close a numeric date "d / m / yyyy" (spaces and separators as in
    _NUMERIC_DATE, any number of digits: a cheap test that lets no such date through)."""
    j = y - 1
    while j >= start and text[j] in " \t":
        j -= 1
    if j < start or text[j] not in "/-.":
        return False
    sep = text[j]
    j -= 1
    while j >= start and text[j] in " \t":
        j -= 1
    if j < start or not text[j].isdecimal():
        return False
    while j >= start and text[j].isdecimal():
        j -= 1
    while j >= start and text[j] in " \t":
        j -= 1
    return j >= start and text[j] == sep


# What a labelled date consumes before its year: the label, a time, a weekday, "ngày", the day and month.
_NOT_LABELLED = re.compile("(?r)[^ \\t\\d:,\\-–|()+/." + letters_of(
    "Ngày cập nhật lúc đăng xuất bản Thời gian đưa tin Posted Published Updated Thứ hai ba tư năm sáu bảy "
    "Chủ nhật AM PM SA CH GMT") + "]")


def _labelled(text: str, start: int, end: int) -> re.Match[str] | None:
    """_LABELLED.search(text, start, end), tried only before the years that close a numeric date.

    A match ends at such a year (and spans no other date), so the matches come in the order of their
    years; the one ending at a year starts after the last character before it that no match consumes.
    """
    done = start
    for y in iter_year_starts(text, start, end):  # (lazily: the first labelled date is what is wanted)
        if y < done or not _numeric_year(text, start, y):
            continue
        b = _NOT_LABELLED.search(text, done, y)
        m = _LABELLED.search(text, b.end() if b else done, min(end, y + 5))
        if m:
            return m
        done = y + 4
    return None


class _TopLine:
    """One of a press release's first lines: cleaned, and read for a by-line date, only when asked."""

    __slots__ = ("raw", "_line", "_date", "_dated")

    def __init__(self, raw: str, line: str | None) -> None:
        self.raw, self._line, self._dated = raw, line, False
        self._date: re.Match[str] | None = None

    @property
    def line(self) -> str:
        if self._line is None:
            self._line = _clean(self.raw)
        return self._line

    @property
    def date(self) -> re.Match[str] | None:
        """_date_line(self.line); a printable line (its only space " ") with more than 90 other characters
        than spaces and marks cleans to more than 90: no by-line, and no need to clean it."""
        if not self._dated:
            self._dated = True
            raw = self.raw
            if self._line is not None or len(raw) <= 90 or not raw.isprintable() or len(raw) - raw.count(" ") - (
                    raw.count("*") + raw.count("#") + raw.count("|") + raw.count("_")) <= 90:
                self._date = _date_line(self.line)
        return self._date


class _TopLines:
    """The first `n` non-empty lines (see _TopLine), found as they are read (the headline is most often
    the first)."""

    def __init__(self, lines: list[str], n: int = 12) -> None:
        self._lines, self._n, self._next = lines, n, 0
        self._got: list[_TopLine] = []

    def __iter__(self) -> Iterator[_TopLine]:
        k = 0
        while True:
            if k < len(self._got):
                yield self._got[k]
                k += 1
            elif len(self._got) >= self._n or self._next >= len(self._lines):
                return
            else:
                raw = self._lines[self._next]
                self._next += 1
                if raw.isprintable():  # its only space is " ": empty once cleaned when only marks remain
                    if raw.strip(" *#|_"):
                        self._got.append(_TopLine(raw, None))
                else:
                    line = _clean(raw)
                    if line:
                        self._got.append(_TopLine(raw, line))


def _published(text: str, head: str, top: Iterable[_TopLine], legal: bool) -> str | None:
    m = _place_date(head, legal)
    if m:
        if m.group("y2"):
            return iso_date(m.group("y2"), m.group("m2"), m.group("d2"))
        return iso_date(m.group("y"), m.group("m"), m.group("d"))
    m = _labelled(head, 0, len(head)) or _labelled(text, max(len(head), len(text) - 1500), len(text))
    if m:
        return iso_date(m.group("y"), m.group("m"), m.group("d"))
    if legal:
        return None
    # a date line or by-line near the top: "29/06/2022", "04/04/2022 - 08:59", "Tên Tác Giả - 05:32, 24/11/2023"
    for entry in top:
        dm = entry.date
        if dm:
            return _line_value(dm)
    # a by-line closing the article: "Minh Châu - 15/3/2024"
    tail = [x for x in (_clean(r) for r in text[-400:].split("\n")[-4:]) if x]
    for line in reversed(tail[-2:]):
        dm = _date_line(line)
        if dm:
            return _line_value(dm)
    return None


def _line_value(dm: re.Match[str]) -> str | None:
    if dm.group("y2"):
        return iso_date(dm.group("y2"), dm.group("m2"), dm.group("d2"))
    return iso_date(dm.group("y"), dm.group("m"), dm.group("d"))


def _date_line(line: str) -> re.Match[str] | None:
    """The date of a line that holds only a date, a time, a weekday and names (a by-line)."""
    if len(line) > 90 or ("19" not in line and "20" not in line):
        return None  # too long for a by-line, or no year (either form of _LINE_DATE ends with one)
    dm = _LINE_DATE.search(line)
    if not dm:
        return None
    rest = _LINE_NOISE.sub(" ", line[: dm.start()] + " " + line[dm.end():]).split()
    if len(rest) <= 6 and all(w[:1].isupper() or w.isdigit() for w in rest):
        return dm
    return None


def _press_title(top: Iterable[_TopLine]) -> str | None:
    """The headline: the first line that is not site chrome or a date line, when it reads as one
    (short, not a sentence); None when the text starts directly with its body."""
    chrome = _chrome()
    for entry in islice(top, 10):
        line = entry.line
        if chrome.match(line) or _SEPARATOR.match(line):
            continue
        if entry.date:
            continue  # a date or by-line above the headline
        line = _SITE_PREFIX.sub("", line, count=1) if line.startswith("(") else line
        words = line.split()
        if len(words) < 2:
            continue  # a lone word: a menu entry or a label
        if _LEDE.match(line) or len(line) > 220 or len(words) > 40:
            return None
        if line.endswith((".", ":", ";", ",")) and not line.endswith("..."):
            return None
        return line
    return None


def find_document(text: str) -> dict[str, Any]:
    """The document's own fields from its first lines.

    >>> d = find_document("SỞ X\\nSỐ Y\\n|\\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\nSố: 7/KH-SX\\nHà Nam, ngày 2 tháng 3 năm 2021\\n"
    ...                   "KẾ HOẠCH\\nTriển khai việc A\\nCăn cứ B;")
    >>> d["kind"], d["title"], d["number"], d["published"]
    ('plan', 'Triển khai việc A', '7/KH-SX', '2021-03-02')
    """
    head = text[:_HEAD]
    lines = _lines(head)
    info: dict[str, Any] = {"title": None, "kind": "press_release", "published": None,
                            "number": None, "issuer": None, "authors": []}
    top: Iterable[_TopLine] = ()  # a press release's first lines
    # the motto of a legal header sits in its first lines; quoted further down it makes no header
    # every _MOTTO match holds "CỘNG" (the first two branches) or starts with "Độc" (the third), case-sensitive,
    # and lies within head[:800]: without either literal there the scan cannot match, so it is skipped
    motto = (_MOTTO.search(head, 0, 800)
             if head.find("CỘNG", 0, 800) >= 0 or head.find("Độc", 0, 800) >= 0 else None)
    kind_at = None
    nonempty = 0
    for i, raw in enumerate(lines[:80]):
        line = raw.strip()
        if not line:
            continue
        nonempty += 1
        # both kind patterns open with a kind name in capitals, after marks and spaces
        maybe_kind = line.lstrip(" \t*#_|")[:1] in _KIND_INITIALS
        km = _KIND_LINE.match(line) if maybe_kind else None
        if km and (motto or nonempty <= 3):
            kind_at = (i, _DOC_KINDS[km.group("k")])
            break
        km = _KIND_INLINE.match(line) if maybe_kind else None
        if km and (motto or nonempty <= 3):
            kind_at = (i, _DOC_KINDS[km.group("k")])
            lines = lines[:i] + [km.group("rest")] + lines[i + 1:]
            kind_at = (i - 1, kind_at[1])
            break
        if not motto and nonempty > 3:
            break
    legal = bool(kind_at or motto)
    if kind_at:
        title, _ = _title_after(lines, kind_at[0] + 1)
        info["title"] = title
        info["kind"] = _legal_kind(kind_at[1], title)
    elif motto:
        # a letter (công văn): its subject line "V/v …" is its title
        info["kind"] = "other"
        for i, raw in enumerate(lines[:60]):
            for cell in raw.split("|"):
                if _SUBJECT.match(_clean(cell)):
                    rest = [_clean(cell)]
                    for nxt in lines[i + 1:i + 4]:
                        nxt = _clean(nxt.split("|")[0])
                        if not nxt or _SEPARATOR.match(nxt) or _MOTTO.search(nxt) or re.search(r"ngày|Kính", nxt):
                            break
                        rest.append(nxt)
                    info["title"] = " ".join(rest)
                    if re.match(r"^(?:V/v|Về\s+việc|V\.v\.?)\s+báo\s+cáo\b", info["title"], re.IGNORECASE):
                        info["kind"] = "report"  # a letter whose subject is to report is a report
                    break
            if info["title"]:
                break
    else:
        top = _TopLines(lines)
        info["title"] = _press_title(top)
    if legal:
        # the own number stands above the kind line (or in the first lines of a letter), not in the body
        limit = sum(len(x) + 1 for x in lines[:kind_at[0] + 2]) if kind_at else 1500
        nm = _OWN_NUMBER.search(head, 0, limit)
        if nm:
            number = clean_number(nm.group("n")).rstrip(".-/")
            if _LETTER.search(number):
                info["number"] = number
                info["_number_span"] = nm.span("n")
        if motto:
            info["issuer"] = _issuer(lines)
        if not info["issuer"] and kind_at:
            _, after = _title_after(lines, kind_at[0] + 1)
            for raw in lines[after - 1:after + 4]:
                line = _clean(raw)
                if line and _AUTHORITY.match(line) and not re.match(r"^(?:QUYẾT|KHÓA|KHOÁ)", line):
                    info["issuer"] = line.rstrip(",")
                    break
    info["published"] = _published(text, head, top, legal)
    return info


@Language.component("reportextract_document", assigns=["doc._.info"])
def document_component(doc: Doc) -> Doc:
    """doc._.info: the document's own fields; doc.spans["doc_number"] masks its own number."""
    text = doc_text(doc)
    info = find_document(text)
    src = doc._.source
    meta = getattr(src, "meta", None) or {}
    if getattr(src, "format", None) == "html" and meta.get("published"):
        # a web page's own published_time: what dates written without a year take theirs from
        info["published"] = meta["published"]
    doc._.info = info
    spans = []
    number_span = info.pop("_number_span", None)
    if number_span:
        spans.append({"span": number_span, "text": text[number_span[0]:number_span[1]]})
    add_items(doc, "doc_number", spans)
    return doc
