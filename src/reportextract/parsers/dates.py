"""Pure date parsers: Vietnamese day/month/year forms to ISO strings, and a text's own year."""
from __future__ import annotations

import datetime as _dt
from collections import Counter
from typing import Iterable, Iterator

import regex as re


def iso_date(year: int | str, month: int | str, day: int | str | None = None) -> str | None:
    """"YYYY-MM-DD" (or "YYYY-MM" without a day) when the parts make a real date, else None.

    >>> iso_date(2016, 11, 8)
    '2016-11-08'
    >>> iso_date("2021", "3", None)
    '2021-03'
    >>> iso_date(2021, 2, 30) is None
    True
    >>> iso_date(205, 11, 7) is None
    True
    """
    try:
        y, m = int(year), int(month)
        if not 1900 <= y <= 2100 or not 1 <= m <= 12:
            return None
        if day is None:
            return f"{y:04d}-{m:02d}"
        return _dt.date(y, m, int(day)).isoformat()
    except (TypeError, ValueError):
        return None


def is_year(text: str) -> bool:
    """A four-digit calendar year as Vietnamese documents use them (1900-2100).

    >>> is_year("2016"), is_year("9604"), is_year("1945")
    (True, False, True)
    """
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100


def letters_of(words: str) -> str:
    """The letters of `words` in every case a case-insensitive match may meet, for a character class.

    >>> letters_of("năm")
    'MNmnĂă'
    >>> letters_of("sinh")
    'HINShinsİıſ'
    >>> "\u212a" in letters_of("kỳ")
    True
    """
    chars = set(words.replace(" ", ""))
    chars |= {c.upper() for c in chars if len(c.upper()) == 1} | {c.lower() for c in chars if len(c.lower()) == 1}
    # letters that case-fold to an ASCII one: a case-insensitive "s" also matches "ſ", a "k" the Kelvin sign
    chars |= {odd for odd, plain in (("ſ", "s"), ("\u212a", "k"), ("İ", "i"), ("ı", "i")) if plain in chars}
    return "".join(sorted(chars))


class Confine:
    r"""Where a pattern's matches can be: the runs of characters it may consume that hold an anchor.

    Searching only those windows gives exactly what a scan of the whole text gives, provided every match
    holds (a character of) an anchor and `inside` lists every character any match attempt of the
    pattern can consume, lookaheads included: an attempt then cannot step over a window's closing
    character, and lookbehinds still see the text before a window.

    >>> c = Confine(r"\d[/.]\d", r"\d/. a-z")
    >>> text = "Kết quả: từ 3/4 đến 5.6; xong 7/8"
    >>> [text[lo:hi] for lo, hi, _ in c.windows(text)]
    [' 3/4 đ', 'n 5.6;', ' xong 7/8']
    """

    def __init__(self, anchor: str, inside: str, *, outside: bool = False) -> None:
        """`outside=True`: `inside` lists the characters a match never consumes instead."""
        barrier = f"[{inside}]" if outside else f"[^{inside}]"
        # the regex module's classes, as the patterns confined use them (its \d, \s, \w are not stdlib's;
        # its \d holds ~110 newer digits more): the anchor's too, which it also finds ~25% faster
        self.anchor = re.compile(anchor)
        self.after = re.compile(barrier)
        self.before = re.compile(f"(?r){barrier}")

    def windows(self, text: str, anchors: Iterable[int] | None = None) -> list[tuple[int, int, str]]:
        """Disjoint (lo, hi, folded): a run of inside characters around an anchor and the character closing
        it, and that text in lower case (what `confined` checks its `needs` against)."""
        out: list[tuple[int, int, str]] = []
        hi = 0
        starts = anchors if anchors is not None else (m.start() for m in self.anchor.finditer(text))
        for a in starts:
            if a < hi:
                continue  # in the window already
            b = self.before.search(text, max(0, hi - 1), a)
            lo = b.end() if b else 0
            f = self.after.search(text, a)
            hi = f.end() if f else len(text)
            out.append((lo, hi, _fold(text[lo:hi])))
        return out


def confined(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int, str]],
             needs: tuple[tuple[str, ...], ...] = ()) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) over the windows only (see Confine); `needs` skips the windows that lack
    one of the strings (lower case, any of each tuple) every match of the pattern holds.

    >>> text = "x 3/4; y 5/6"
    >>> [m.group() for m in confined(re.compile(r"\\d/\\d"), text, [(0, 6, "x 3/4;"), (6, 12, " y 5/6")], (("y",),))]
    ['5/6']
    """
    for lo, hi, folded in windows:
        for need in needs:  # (inlined: this loop runs for every pattern and window)
            for x in need:
                if x in folded:
                    break
            else:
                break  # a need unmet: skip the window
        else:
            yield from pattern.finditer(text, lo, hi)


def _fold(text: str) -> str:
    """Lower case as a case-insensitive match sees it: "ſ" is an "s", "İ" an "i"."""
    text = text.lower()
    if "ſ" in text or "\u0307" in text:
        text = text.replace("ſ", "s").replace("i\u0307", "i")
    return text


def year_anchors(text: str) -> list[int]:
    """Where a year of 1900-2099 may start: "19" or "20" and two more digits.

    >>> year_anchors("năm 2019, 1920 và 1200")
    [4, 10]
    """
    return [i for i in year_starts(text) if text[i + 2:i + 4].isdecimal() and len(text) >= i + 4]


def year_starts(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where "19" or "20" stands in text[start:end], in order: every year of 1900-2099 starts at one.

    >>> year_starts("năm 2019, 1920 và 120")
    [4, 6, 10, 12, 19]
    """
    end = len(text) if end is None else end
    out = []
    for lead in ("19", "20"):
        i = text.find(lead, start, end)
        while i >= 0:
            out.append(i)
            i = text.find(lead, i + 1, end)
    out.sort()
    return out


def iter_year_starts(text: str, start: int = 0, end: int | None = None) -> Iterator[int]:
    """year_starts(text, start, end), found as they are read: a caller that stops at the first place it
    wants searches no further. Each "19" is looked for only up to the next "20" (neither can straddle
    the start of the other: "19" ends with no "2", "20" with no "1").

    >>> list(iter_year_starts("năm 2019, 1920 và 120"))
    [4, 6, 10, 12, 19]
    """
    end = len(text) if end is None else end
    find = text.find
    a = find("20", start, end)
    i = start
    while True:
        b = find("19", i, end if a < 0 else a)
        if b >= 0:
            yield b
            i = b + 1
            continue
        if a < 0:
            return
        yield a
        i = a + 1
        a = find("20", i, end)


_Y = r"(?:19|20)\d\d"
# A full day-month-year date: the strongest sign of when a text was written.
_CTX_FULL = re.compile(
    rf"(?=\d)(?<![\d/.\-])\d{{1,2}}(?P<sep>[/.\-])\d{{1,2}}(?P=sep)(?P<y>{_Y})(?![\d/])"
    rf"|(?<!\p{{L}})ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+(?:năm\s+)?(?P<y2>{_Y})(?!\d)",
    re.IGNORECASE)
# "so với (cùng kỳ|cuối) năm 2021": a comparison base, so the text speaks of a later year.
_CTX_BASE = re.compile(rf"so\s+(?:với\s+)?(?:cùng\s+kỳ\s+|cuối\s+|đầu\s+)?(?:năm\s+)?(?P<y>{_Y})(?!\d)",
                       re.IGNORECASE)
_CTX_PERIOD = re.compile(rf"(?<![\d/.\-])(?P<a>{_Y})\s*[-–—]\s*(?P<b>{_Y})(?![\d/])")
_CTX_BIRTH = re.compile(rf"sinh\s+(?:năm|ngày)\s+[\d/.\-]*?(?P<y>{_Y})(?!\d)", re.IGNORECASE)
_CTX_YEAR = re.compile(rf"(?<![\d/.,\-])(?P<y>{_Y})(?![\d/]|,\d|\.\d)")
_CTX_NUMBER = re.compile(rf"\d+[\p{{L}}.]*/{_Y}/\p{{Lu}}")


# Every year pattern (here and in extract.dates) holds a year and consumes only these characters, but for
# the document-number ones, which hold "/yyyy/" and consume no space; both are searched around years only.
YEAR_CHARS = r"\s\d/.,\-–—" + letters_of("ngày tháng năm so với cùng kỳ cuối đầu sinh")
_YEAR_WINDOWS = Confine("", YEAR_CHARS)
_NUMBER_WINDOWS = Confine("", r"\w./\-&")


_DASHES = ("-", "–", "—")


Windows = list[tuple[int, int, str]]


def year_windows(text: str) -> tuple[Windows, Windows, list[int]]:
    """The windows (see Confine) of the year patterns and of the document-number ones ("/2019/"), and
    where a year may start (year_anchors)."""
    years = year_anchors(text)
    numbers = [i for i in years if text[i - 1:i] == "/" and text[i + 4:i + 5] == "/"]
    return _YEAR_WINDOWS.windows(text, years), _NUMBER_WINDOWS.windows(text, numbers), years


def lone_years(text: str, anchors: list[int], before: str) -> list[int]:
    """Where "(?<![\\d<before>])(?:19|20)\\d\\d(?![\\d/]|,\\d|\\.\\d)" matches, from year_anchors: a year
    that no digit nor `before` precedes and that no digit, "/", ",digit" or ".digit" follows.
    (Such years cannot overlap, so these are finditer's matches.)

    >>> t = "năm 2019, 12/2020, 2021.5 và 2022"
    >>> [t[i:i + 4] for i in lone_years(t, year_anchors(t), "/.,-")]
    ['2019', '2022']
    """
    out = []
    for i in anchors:
        if i and (text[i - 1] in before or text[i - 1].isdecimal()):
            continue
        nxt = text[i + 4:i + 5]
        if nxt and (nxt == "/" or nxt.isdecimal() or (nxt in ",." and text[i + 5:i + 6].isdecimal())):
            continue
        out.append(i)
    return out


def context_year(text: str, windows: tuple[Windows, Windows, list[int]] | None = None) -> int | None:
    """The year a text without a dated header is most likely about, for dates written without one.

    A vote: a full date counts 2, a year named on its own 1, a period's start 0.5 and its end 0.4; a comparison
    base ("so với cùng kỳ năm 2021") votes for the year after it; birth years and years inside
    document numbers do not vote. Ties go to the later year.

    >>> context_year("Sáng 4/5, hội nghị triển khai nhiệm vụ năm 2022, nhiệm kỳ 2020-2025.")
    2022
    >>> context_year("Hội nghị chuẩn y Ban Chấp hành nhiệm kỳ 2025-2030.")
    2025
    >>> context_year("Tăng 12% so với cùng kỳ năm 2021.")
    2022
    >>> context_year("Ông sinh năm 1967, Quyết định số 12/2019/QĐ-UBND.") is None
    True
    """
    years, numbers, anchors = windows or year_windows(text)
    votes: Counter[int] = Counter()  # float weights
    masked: list[tuple[int, int]] = []
    for m in confined(_CTX_NUMBER, text, numbers):
        masked.append(m.span())
    # The four year-window patterns in one pass over the windows (confined's needs, inlined), their matches
    # kept apart and counted pattern by pattern below, as four confined passes would count them (the
    # weights are floats: the order of the additions stays the same).
    births: list[re.Match[str]] = []
    fulls: list[re.Match[str]] = []
    periods: list[re.Match[str]] = []
    bases: list[re.Match[str]] = []
    for lo, hi, folded in years:
        if "sinh" in folded:
            births += _CTX_BIRTH.finditer(text, lo, hi)
        if "/" in folded or "." in folded or "-" in folded or "ngày" in folded:
            fulls += _CTX_FULL.finditer(text, lo, hi)
        if "-" in folded or "–" in folded or "—" in folded:  # _DASHES
            periods += _CTX_PERIOD.finditer(text, lo, hi)
        if "so" in folded:
            bases += _CTX_BASE.finditer(text, lo, hi)
    for m in births:
        masked.append(m.span("y"))
    for m in fulls:
        y = m.group("y") or m.group("y2")
        votes[int(y)] += 2
        masked.append(m.span("y") if m.group("y") else m.span("y2"))
    for m in periods:
        votes[int(m.group("a"))] += 0.5
        votes[int(m.group("b"))] += 0.4  # a term's first year is nearer to "now" than its end
        masked += [m.span("a"), m.span("b")]
    for m in bases:
        votes[int(m.group("y")) + 1] += 1
        masked.append(m.span("y"))
    # every offset inside a masked span, looked up once per year instead of a pass over the spans (short:
    # a year, or a document number inside its window)
    inside = {i for a, b in masked for i in range(a, b)}
    for s in lone_years(text, anchors, "/.,-"):  # _CTX_YEAR's matches
        if s in inside:
            continue
        votes[int(text[s:s + 4])] += 1
    if not votes:
        return None
    return max(votes, key=lambda y: (votes[y], y))
