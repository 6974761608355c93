"""Dates, periods and years: finds them in the text and stores them in doc.spans."""
from __future__ import annotations

from bisect import bisect_right
from typing import Any

import re as stdlib_re

import regex as re
from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import add_items, doc_text
from ..parsers.dates import (Confine, confined, context_year, iso_date, letters_of, lone_years, year_anchors,
                             year_windows)

_S = r"[ \t]*\n?[ \t]*"  # a space that may wrap a line
_DAY = r"(?P<d>0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?P<m>0?[1-9]|1[0-2])"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_D1, _M1 = _DAY.replace("<d>", "<d1>"), _MONTH.replace("<m>", "<m1>")
# Words that put a bare "17/3" in time: "sáng 17/3", "ngày 17/3", "hôm qua 16-3", "ngày mai 12-12".
# (case spelled out: an IGNORECASE scan of the whole text is several times slower)
_WHEN = (r"(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Hh]ôm|NGÀY|SÁNG|CHIỀU|TỐI)"
         r"(?:[ \t]+(?:ngày|mai|qua|nay|sau|hôm|trước))*")
_FROM = r"(?:[Tt]ừ|[Nn]gày|TỪ|NGÀY)"
_FROM_WHEN = r"(?:[Tt]ừ|[Nn]gày|[Ss]áng|[Cc]hiều|TỪ|NGÀY)"

# A range whose first day borrows the month and year of the second:
# "từ ngày 14 đến 19-9-1968", "từ ngày 27-2 đến ngày 3-3-1975", "từ ngày 8-11/6/2022".
RANGE = re.compile(
    rf"(?<!\p{{L}}){_FROM}[ \t]+(?:ngày[ \t]+)?{_D1}(?:(?P<s1>[/.\-]){_M1})?"
    rf"[ \t]*(?:đến|tới|và|–|-)[ \t]*(?:ngày[ \t]+)?"
    rf"{_DAY}(?P<s2>[/.\-]){_MONTH}(?P=s2){_YEAR}(?![\d/])")

# the same without a year: "ngày 30/4 và 1/5", "từ ngày 3 đến 5/9" (the document's year)
RANGE_NO_YEAR = re.compile(
    rf"(?<!\p{{L}}){_FROM_WHEN}[ \t]+(?:ngày[ \t]+)?{_D1}(?:(?P<s1>[/.\-]){_M1})?"
    rf"[ \t]*(?:đến|tới|và|–|-)[ \t]*(?:ngày[ \t]+)?{_DAY}(?P<s2>[/\-]){_MONTH}(?!\d|[/.\-]\d)")
# "từ tháng 3 đến tháng 6/2021", "tháng 10 và tháng 11 năm 2025": the first month borrows the year
MONTH_RANGE = re.compile(
    rf"(?<!\p{{L}})tháng[ \t]+{_M1}[ \t]*(?:đến|tới|và|–|-)[ \t]*(?:tháng[ \t]+)?{_MONTH}"
    rf"[ \t]*(?:[/\-]|,?[ \t]*năm)[ \t]*{_YEAR}(?!\d)",
    re.IGNORECASE)

# (pattern, has_year): tried in order, an earlier match wins an overlap.
DATE_PATTERNS: list[tuple[re.Pattern[str], bool]] = [
    # ngày 08 tháng 11 năm 2016
    # (?=…): the first character a match can open with, so the engine skips ahead (2.5x faster scan)
    (re.compile(rf"(?=[nN0-9])(?<!\p{{L}})(?:ngày{_S})?{_DAY}{_S}tháng{_S}{_MONTH}{_S}(?:năm{_S}|,{_S}năm{_S})?{_YEAR}(?!\d)",
                re.IGNORECASE), True),
    # 08/11/2016, 8-11-2016, 08.11.2016
    (re.compile(rf"(?=\d)(?<![\d/.\-,]){_DAY}(?P<sep>[/.\-]){_MONTH}(?P=sep){_YEAR}(?![\d/])"), True),
    # "27/ 11/2024": a space after a slash, as PDF text layers and scans give
    (re.compile(rf"(?=\d)(?<![\d/.\-,][ \t]?){_DAY}[ \t]?/[ \t]?{_MONTH}[ \t]?/[ \t]?{_YEAR}(?![\d/])"), True),
    # "11 - 11 - 2023": spaced hyphens, as some pages print their dates
    (re.compile(rf"(?=\d)(?<![\d/.\-,][ \t]?){_DAY}[ \t]+-[ \t]+{_MONTH}[ \t]+-[ \t]+{_YEAR}(?!\d)"), True),
    # a header with the day left blank: "ngày    tháng 11 năm 2025" (a month)
    (re.compile(rf"(?<!\p{{L}})ngày[ \t.…]*tháng{_S}{_MONTH}{_S}năm{_S}{_YEAR}(?!\d)", re.IGNORECASE), True),
    # tháng 3/2021, tháng 3 năm 2021, tháng 03-2021
    (re.compile(rf"(?<!\p{{L}})tháng{_S}{_MONTH}{_S}(?:[/\-]|,?{_S}năm){_S}{_YEAR}(?!\d)", re.IGNORECASE), True),
    # ngày 17/3, sáng 17-3, Sáng 30.12 (the year comes from the document's own date)
    # … and "Hôm nay (17/3)", "Sáng qua (16-3)"
    (re.compile(rf"(?<!\p{{L}}){_WHEN}{_S}\(?{_DAY}(?P<sep>[/\-.]){_MONTH}(?![\d]|(?P=sep)\d|[.,]\d)"), False),
    # ngày 17 tháng 3 (no year)
    (re.compile(rf"(?<!\p{{L}})ngày{_S}{_DAY}{_S}tháng{_S}{_MONTH}(?!\d|{_S}(?:năm|[/\-]){_S}\d)",
                re.IGNORECASE), False),
    # "trong tháng 5", "hết tháng 6": a month of the document's year; "6 tháng" is a duration
    (re.compile(rf"(?<!\d[ \t]{{0,2}})(?<!\p{{L}})tháng[ \t]+{_MONTH}"
                rf"(?![\d\p{{L}}]|[ \t]*(?:[/\-.]|năm|,[ \t]*năm)[ \t]*\d|[ \t]*(?:tháng|năm|ngày|lần)\b)",
                re.IGNORECASE), False),
]

# Every date pattern above holds "tháng" (the ones tried on _MONTH_WINDOWS) or a day and month joined by
# a separator (the others), and consumes only these characters: the text is searched around those only.
_DATE_CHARS = (r" \t\n\d/.\-–,(…"
               + letters_of("ngày tháng năm đến tới và từ sáng chiều tối trưa đêm hôm mai qua nay sau trước lần"))
_MONTH_WINDOWS = Confine(r"[tT][hH][áÁ][nN][gG]", _DATE_CHARS)
_MONTH_WORD = re.compile("tháng", re.IGNORECASE)  # the regex module finds it 5x faster than stdlib
# a day and a month: one or two digits each, no digit before the day nor after the month (every pattern's
# day follows a word, a space or a bracket; its month is followed by a separator or no digit)
_DAY_WINDOWS = Confine(r"\d(?<!\d\d)\d?[ \t]*[/.\-][ \t]*\d\d?(?!\d)", _DATE_CHARS)
_DIGIT = re.compile(r"\d")  # the regex module's, as the patterns': ~110 newer digits more than str.isdecimal


def _is_digit(c: str) -> bool:
    """Whether the one character `c` (or "") is a digit, \\d: an ASCII one is such when it is 0-9."""
    return "0" <= c <= "9" if c.isascii() else _DIGIT.match(c) is not None


def _day_anchors(text: str) -> list[int]:
    """The starts of _DAY_WINDOWS.anchor's finditer matches, found from their separators: each "/", "."
    and "-" found by str.find (a C substring search; the anchor's regex scan tries every character)
    with a digit after it and its spaces. A match holds one separator, and opens at the first of the one
    or two digits before it (and its spaces): the anchor is tried there only, and in the order of the
    separators, which is that of the matches, `pos` skipping those inside the one before, as finditer."""
    seps = []
    find = text.find
    for sep in ("/", ".", "-"):
        i = find(sep)
        while i >= 0:
            c = text[i + 1:i + 2]
            if "0" <= c <= "9":
                seps.append(i)
            elif c == " " or c == "\t" or (c and not c.isascii()):
                j = i + 1
                while text[j:j + 1] in (" ", "\t"):
                    j += 1
                if _is_digit(text[j:j + 1]):
                    seps.append(i)
            i = find(sep, i + 1)
    if not seps:
        return []
    seps.sort()
    out: list[int] = []
    pos = 0
    match = _DAY_WINDOWS.anchor.match
    for s in seps:
        j = s
        while j and text[j - 1] in " \t":
            j -= 1
        k = j - 1
        if k < pos or not _is_digit(text[k:j]):
            continue
        if k and _is_digit(text[k - 1]):
            k -= 1  # two digits (a third before them fails the anchor's lookbehind)
            if k < pos:
                continue
        m = match(text, k)
        if m:
            out.append(k)
            pos = m.end()
    return out


_BY_MONTH_WORD = frozenset({MONTH_RANGE, DATE_PATTERNS[0][0], *(p for p, _ in DATE_PATTERNS[4:6]),
                            *(p for p, _ in DATE_PATTERNS[7:])})
# What every match of a date pattern holds (any of each tuple, in lower case): windows without it are skipped.
_YEAR_DIGITS = ("19", "20")
_SEP_YEAR = ("/19", "/20", ".19", ".20", "-19", "-20")  # a year right after its separator
_JOINS = ("đến", "tới", "và", "–", "-")
_NEEDS: dict[Any, tuple[tuple[str, ...], ...]] = {
    RANGE: (_SEP_YEAR, ("từ", "ngày"), _JOINS),
    RANGE_NO_YEAR: (("từ", "ngày", "sáng", "chiều"), _JOINS),
    MONTH_RANGE: (_YEAR_DIGITS, _JOINS),
    DATE_PATTERNS[0][0]: (_YEAR_DIGITS,),
    DATE_PATTERNS[1][0]: (_SEP_YEAR,),
    DATE_PATTERNS[2][0]: (("/19", "/20", "/ 19", "/ 20", "/\t19", "/\t20"),),
    DATE_PATTERNS[3][0]: (_YEAR_DIGITS, ("- ", "-\t")),
    DATE_PATTERNS[4][0]: (("ngày",), ("năm",)),
    DATE_PATTERNS[5][0]: (_YEAR_DIGITS,),
    DATE_PATTERNS[6][0]: (("ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm"),),
    DATE_PATTERNS[7][0]: (("ngày",),),
}

PERIOD = re.compile(r"(?<![\d/\-.])(?P<a>(?:19|20)\d\d)[ \t]*[-–—][ \t]*(?P<b>(?:19|20)\d\d)(?![\d/])")
# "từ năm 2016 đến năm 2020", "giai đoạn 2016 đến 2020", "Từ khi tái lập tỉnh (1963) đến nay (2018)"
PERIOD_WORDS = re.compile(
    r"(?<!\p{L})(?:từ|giai[ \t]+đoạn|thời[ \t]+kỳ)(?:[ \t]+[^\d\n.;:]{0,40}?)?[ \t]+\(?(?:từ[ \t]+)?(?:năm[ \t]+)?(?P<a>(?:19|20)\d\d)\)?"
    r"[ \t]+(?:đến|tới)[ \t]+(?:nay[ \t]+|năm[ \t]+)*\(?(?P<b>(?:19|20)\d\d)\)?(?!\d)",
    re.IGNORECASE)
YEAR = re.compile(r"(?<![\d/.,\-])(?:19|20)\d\d(?![\d/]|,\d|\.\d)")
# Years that close a period or a date ("2016-2020", "08/11/2016") as well.
YEAR_ANY = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d/]|,\d|\.\d)")
# A year inside a document number ("15/2020/NQ-HĐND", "Luật số 57/2014/QH13") is not a year named.
DOC_NUMBER = re.compile(r"\d+[\w.]*/(?:19|20)\d\d/[\p{Lu}Đ][\p{L}\d\-&/]*")


class _Taken:
    """Disjoint character intervals already claimed by a date; overlap checks by bisection."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, s: int, e: int) -> bool:
        i = bisect_right(self.starts, s)
        if i and self.ends[i - 1] > s:
            return False
        return not (i < len(self.starts) and self.starts[i] < e)

    def append(self, span: tuple[int, int]) -> None:
        i = bisect_right(self.starts, span[0])
        self.starts.insert(i, span[0])
        self.ends.insert(i, span[1])


def _record(text: str, start: int, end: int, value: str) -> dict[str, Any]:
    return {"text": text[start:end], "value": value, "span": (start, end)}


def find_dates(text: str, default_year: int | None) -> list[dict[str, Any]]:
    """Dates with their spans; dates without a year take `default_year` (or are dropped).

    >>> [d["value"] for d in find_dates("Từ ngày 3 đến 5-4-2019 và sáng 9/4, ngày 1 tháng 6 năm 2020", 2019)]
    ['2019-04-03', '2019-04-05', '2019-04-09', '2020-06-01']
    """
    found: list[dict[str, Any]] = []
    taken = _Taken()
    free = taken.free
    month_windows = _MONTH_WINDOWS.windows(text, [m.start() for m in _MONTH_WORD.finditer(text)])
    day_windows = _DAY_WINDOWS.windows(text, _day_anchors(text))

    def scan(pattern: re.Pattern[str]) -> Any:
        windows = month_windows if pattern in _BY_MONTH_WORD else day_windows
        return confined(pattern, text, windows, _NEEDS.get(pattern, ())) if windows else ()

    for m in scan(RANGE):
        y, m2 = m.group("y"), m.group("m")
        first = iso_date(y, m.group("m1") or m2, m.group("d1"))
        second = iso_date(y, m2, m.group("d"))
        if not first or not second or first > second:
            continue
        s1 = m.start("d1")
        e1 = m.end("m1") if m.group("m1") else m.end("d1")
        found.append(_record(text, s1, e1, first))
        found.append(_record(text, m.start("d"), m.end(), second))
        taken.append(m.span())
    if default_year is not None:
        for m in scan(RANGE_NO_YEAR):
            if not free(*m.span()):
                continue
            m2 = m.group("m")
            first = iso_date(default_year, m.group("m1") or m2, m.group("d1"))
            second = iso_date(default_year, m2, m.group("d"))
            if not first or not second or first > second:
                continue
            found.append(_record(text, m.start("d1"), m.end("m1") if m.group("m1") else m.end("d1"), first))
            found.append(_record(text, m.start("d"), m.end(), second))
            taken.append(m.span())
    for m in scan(MONTH_RANGE):
        y = m.group("y")
        first, second = iso_date(y, m.group("m1")), iso_date(y, m.group("m"))
        if not first or not second or first >= second:
            continue
        found.append(_record(text, m.start(), m.end("m1"), first))
        found.append(_record(text, m.start("m"), m.end(), second))
        taken.append(m.span())
    for pattern, has_year in DATE_PATTERNS:
        for m in scan(pattern):
            s, e = m.span()
            if not free(s, e):
                continue
            gd = m.groupdict()
            year = gd.get("y") if has_year else default_year
            if year is None:
                continue
            value = iso_date(year, gd["m"], gd.get("d"))
            if value is None:
                continue
            # the span starts at the number (or "tháng"), not at "ngày"/"sáng"
            start = m.start("d") if gd.get("d") else s
            found.append(_record(text, start, e, value))
            taken.append((s, e))
    found.sort(key=lambda d: d["span"])
    return found


# "từ năm 2016 đến …": the year a worded period opens with is followed by "đến" or "tới"
_DASHES = ("-", "–", "—")
_PERIOD_OPEN = stdlib_re.compile(r"\)?[ \t]+(?:đến|tới)", stdlib_re.IGNORECASE)
_CLAUSES = Confine("", r"\n.;:", outside=True)  # PERIOD_WORDS consumes anything but these
Windows = tuple[list[tuple[int, int, str]], list[tuple[int, int, str]], list[int]]


def find_periods(text: str, windows: Windows | None = None) -> list[dict[str, Any]]:
    """Periods "2016-2020", "giai đoạn 2016 – 2020", "từ năm 2016 đến năm 2020".

    >>> [(p["start"], p["end"]) for p in find_periods("giai đoạn 2016 – 2020; từ năm 2011 đến năm 2015")]
    [(2016, 2020), (2011, 2015)]
    """
    years = (windows or year_windows(text))[0]
    opens = [i for i in (windows or year_windows(text))[2] if _PERIOD_OPEN.match(text, i + 4)]
    out = []
    for pattern in (PERIOD, PERIOD_WORDS):
        windows = years if pattern is PERIOD else _CLAUSES.windows(text, opens)
        for m in confined(pattern, text, windows, (_DASHES,) if pattern is PERIOD else ()):
            a, b = int(m.group("a")), int(m.group("b"))
            if a < b <= a + 100:
                s = m.start("a") if pattern is PERIOD_WORDS else m.start()
                e = m.end("b") if pattern is PERIOD_WORDS else m.end()
                out.append({"text": text[s:e], "start": a, "end": b, "span": (s, e)})
    out.sort(key=lambda p: p["span"])
    return out


# "2000 người", "1950 ha": a four-digit count, not a year, unless a time word stands before it
_COUNT_AFTER = re.compile(
    r"[ \t]*(?:%|người|hộ|ha\b|tấn|kg|km|m2|m3|m\b|học sinh|sinh viên|lao động|đồng|USD|lượt|con\b|căn|"
    r"doanh nghiệp|dự án|trường hợp|hồ sơ|đại biểu|cán bộ|đảng viên|thí sinh|triệu|tỷ|nghìn|ngàn)", re.IGNORECASE)
# What _COUNT_AFTER's first word may open with, in any case a case-insensitive match meets ("K" the Kelvin
# sign, "ſ" an "s"): after the year and its spaces, any other character fails it.
_COUNT_FIRST = frozenset(letters_of("%nhtkmslđucd"))
_TIME_BEFORE = re.compile(r"(?:năm|đến|tới|từ|trước|sau|cuối|đầu|giữa|kỳ|khóa|khoá|niên|vụ|mùa)[ \t]*$",
                          re.IGNORECASE)


def find_years(text: str, windows: Windows | None = None) -> list[dict[str, Any]]:
    """Every calendar year named: alone, in a date or a period, but not inside a document number
    nor a four-digit count ("2000 người").

    >>> [y["value"] for y in find_years("năm 2000 người dân; có 2000 người; Quyết định 12/2019/QĐ-UBND")]
    [2000]
    """
    _, numbers, anchors = windows or year_windows(text)
    masked = [m.span() for m in confined(DOC_NUMBER, text, numbers)]
    out = []
    for y in lone_years(text, anchors, ".,"):  # YEAR_ANY's matches
        end = y + 4
        if masked and any(s <= y < e for s, e in masked):
            continue
        c = text[end:end + 1]  # the character _COUNT_AFTER's word opens with (none: it fails)
        if c == " " or c == "\t":
            c = text[end:end + 20].lstrip(" \t")[:1]
        if c in _COUNT_FIRST and _COUNT_AFTER.match(text, end, end + 20) and not _TIME_BEFORE.search(
                text, max(0, y - 12), y):
            continue
        out.append({"text": text[y:end], "value": int(text[y:end]), "span": (y, end)})
    return out


def document_year(published: str | None, text: str, windows: Windows | None = None) -> int | None:
    """The year that dates written without one take: the document's own date's, else the year its
    text is about (see parsers.dates.context_year); None when the text names no year at all."""
    if published:
        return int(published[:4])
    return context_year(text, windows)


@Language.component("reportextract_dates", assigns=["doc.spans"])
def dates_component(doc: Doc) -> Doc:
    """doc.spans["dates"], ["periods"] and ["years"]."""
    info = doc._.info or {}
    text = doc_text(doc)
    windows = year_windows(text)  # where years may be, for all three
    default_year = document_year(info.get("published"), text, windows)
    doc.user_data["document_year"] = default_year
    add_items(doc, "dates", find_dates(text, default_year))
    add_items(doc, "periods", find_periods(text, windows))
    add_items(doc, "years", find_years(text, windows))
    return doc
