"""Figures: finds quantities (number, range or spelled-out count with its unit) and their comparator."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any, Iterator, NamedTuple

import re as std_re

import regex as re
from spacy.language import Language
from spacy.tokens import Doc

from .. import rules
from ..nlp import add_items, doc_text, items, sentence_at
from ..parsers.numbers import parse_number, parse_number_words, scale_of

# Thousands-dot (with decimals), English thousands (two groups at least), or a plain number.
NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\.\d)|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d+(?:[.,]\d+)?"
SCALE = r"nghìn tỷ|ngàn tỷ|nghìn tỉ|ngàn tỉ|triệu tỷ|nghìn|ngàn|triệu|tỷ|tỉ|vạn"
_SCALE_FIRST = frozenset(c for w in SCALE.split("|") for c in (w[0], w[0].upper()))  # where a scale can start
# The scale words in lower case: a scale pattern (the word, case-insensitive) matches only where the
# lower-cased text starts with one (every letter of them matches case-insensitively exactly what
# lower-cases to it, as tests/test_scans_speed5.py checks over all of Unicode).
_SCALE_WORDS = tuple(w.lower() for w in SCALE.split("|"))
_DIGIT_WORDS = "một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười"
# A spelled-out number starts with a digit word ("trăm" alone is the vague "hàng trăm") and
# continues on the same line.
SPELLED = (rf"(?:{_DIGIT_WORDS})"
           rf"(?:[ \t]+(?:{_DIGIT_WORDS}|mươi|mốt|tư|lăm|nhăm|trăm|linh|lẻ)(?!\p{{L}}))*")
_SP = r"[ \t\u00a0]"  # the gap between a number and its unit never crosses a line


def _alt(words: list[str]) -> str:
    """Regex alternation of words, longest first, each escaped (spaces match any same-line gap)."""
    if not words:  # an empty group would match everywhere
        raise ValueError("empty word list")
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", _SP + "+") for w in ordered)


_GAP = " \t\u00a0"


def _key(ch: str) -> str:
    """A character's case class: under IGNORECASE a character only matches one whose key is the same."""
    folded = ch.casefold()
    return folded[0] if folded else ch


class _Lexicon:
    """A pattern around a long word alternation, compiled for one set of first characters at a time.

    The whole alternation is slow to compile (a third of a cold start); a word can only match where its
    first character does, so a pattern holding only the words that start like the text there finds
    exactly what the whole one would (same words, same order).
    """

    def __init__(self, words: list[str], template: str, flags: int) -> None:
        self.groups: dict[str, list[str]] = {}
        for w in sorted(set(words), key=lambda w: (-len(w), w)):
            if w[0] in _GAP:
                raise ValueError(f"a unit word starts with a space: {w!r}")
            self.groups.setdefault(_key(w[0]), []).append(w)
        self.template = template
        self.flags = flags
        self.compiled: dict[frozenset[str], re.Pattern[str] | None] = {}
        self.by_char: dict[str, re.Pattern[str] | None] = {}

    def pattern(self, keys: frozenset[str]) -> re.Pattern[str] | None:
        """The template over the words whose first character has one of `keys` (None: no such word)."""
        if keys not in self.compiled:
            words = [w for k in keys for w in self.groups.get(k, ())]
            self.compiled[keys] = re.compile(self.template.replace("(?:WORDS)", "(?:" + _alt(words) + ")"), self.flags) \
                if words else None
        return self.compiled[keys]

    def match_after_gap(self, text: str, pos: int, most: int) -> re.Match[str] | None:
        """pattern.match(text, pos) for a template opening with at most `most` gap characters."""
        q = pos
        while q < len(text) and text[q] in _GAP:
            q += 1
        if q - pos > most or q >= len(text):
            return None
        c = text[q]
        if c in self.by_char:
            pat = self.by_char[c]
        else:  # one entry per character seen: a handful of letters
            pat = self.by_char[c] = self.pattern(frozenset(_key(c)))
        return pat.match(text, pos) if pat else None


@lru_cache(maxsize=1)
def lexicons() -> dict[str, _Lexicon]:
    """The unit-word patterns, compiled lazily by first character (see _Lexicon)."""
    table = unit_table()
    per_words = [w for w, (_, k) in table.items() if k in ("count", "duration", "measure")]
    return {
        "unit": _Lexicon(list(table), rf"{_SP}{{0,2}}(?P<unit>(?:WORDS))(?![\p{{L}}\p{{N}}])", re.I),
        "per": _Lexicon(per_words,
                        rf"(?:{_SP}?/{_SP}?(?:1{_SP}+|một{_SP}+)?|{_SP}+(?:trên|mỗi){_SP}+(?:1|một){_SP}+)"
                        rf"(?P<w>(?:WORDS))(?![\p{{L}}\p{{N}}])", re.I),
    }


@lru_cache(maxsize=1)
def unit_table() -> dict[str, tuple[str, str]]:
    """Lower-case unit word -> (unit, kind)."""
    data = rules.load("units")
    table: dict[str, tuple[str, str]] = {}
    for w in data["count_nouns"]:
        table[w] = (w, "count")
    for w in data["duration"]:
        table[w] = (w, "duration")
    for w in data["ratio"]:
        table[w] = (w, "ratio")
    for w, u in data["measure"].items():
        table[w] = (u, "measure")
    for w, u in data["money"].items():
        table[w] = (u, "money")
    for w in data["percent"]:
        table[w] = ("%", "rate")
    for w in data["points"]:
        table[w] = ("điểm %", "rate")
    return table


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Upper-case abbreviation of a counted noun ("DN", "HTX") -> the noun, lower-case."""
    return dict(rules.load("units")["abbreviations"])


@lru_cache(maxsize=1)
def not_nouns() -> frozenset[str]:
    """Words that cannot start (or end) a counted noun after a bare number: function words, verbs."""
    return frozenset(rules.load("units")["not_nouns"])


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    """The compiled patterns, built once from the unit rule data."""
    table = unit_table()
    units = _alt(list(table))
    abbr = _alt(list(abbreviations()))
    lead = r"(?<![\p{L}\p{N}_.,&#@])(?<!\d[/\-–+])(?<!\p{L}[\-–+])"
    core = (rf"(?P<n1>{NUM})(?P<pct1>{_SP}?%)?"
            rf"(?:(?P<rsep>{_SP}*[-–]{_SP}*|{_SP}+(?:đến|tới){_SP}+)(?P<n2>{NUM})(?P<pct2>{_SP}?%)?)?"
            rf"(?:/(?P<den>{NUM}))?")
    core_single = rf"(?P<n1>{NUM})(?P<pct1>{_SP}?%)?(?:/(?P<den>{NUM}))?"
    return {
        "number": re.compile(lead + core),
        "single": re.compile(core_single),
        "scale": re.compile(rf"{_SP}*(?P<scale>{SCALE})(?!\p{{L}})", re.I),
        "range_end": re.compile(rf"(?:{_SP}*[-–]{_SP}*|{_SP}+(?:đến|tới){_SP}+)(?P<n2>{NUM})"
                                rf"(?:{_SP}*(?P<scale>{SCALE})(?!\p{{L}}))?", re.I),
        "scaled_range": re.compile(rf"(?:{_SP}*[-–]{_SP}*|{_SP}+(?:đến|tới){_SP}+)(?P<n2>{NUM}){_SP}*"
                                   rf"(?P<scale>{SCALE})(?!\p{{L}})", re.I),
        "abbr": re.compile(rf"{_SP}{{1,2}}(?P<unit>{abbr})(?![\p{{L}}\p{{N}}])"),
        "noun": re.compile(rf"{_SP}{{1,2}}(?P<w1>\p{{Ll}}+)(?:{_SP}(?P<w2>\p{{Ll}}+)(?!\p{{L}}))?"),
        "acronym": re.compile(rf"{_SP}{{1,2}}(?P<unit>[\p{{Lu}}]{{2,6}}(?:{_SP}cấp{_SP}(?:xã|huyện|tỉnh))?)"
                              rf"(?![\p{{L}}\p{{N}}])"),
        # the words of a spelled-out number, each further word's end in "more" (see _spelled_matches)
        "spelled_run": re.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<words>(?:{_DIGIT_WORDS})"
                                  rf"(?P<more>[ \t]+(?:{_DIGIT_WORDS}|mươi|mốt|tư|lăm|nhăm|trăm|linh|lẻ)(?!\p{{L}}))*)",
                                  re.I),
        "scales": [re.compile(re.escape(w), re.I) for w in SCALE.split("|")],
        "word_before": re.compile(r"(?r)(\p{L}+)[ \t\u00a0]*$"),
        # spelled-out counts of a noun the gazetteer does not know: only digit words that are not
        # also common words ("năm" year, "chín" ripe, "một" one)
        "spelled_noun": re.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<words>(?:hai|ba|bốn|sáu|bảy|bẩy|tám|mười)"
                                   rf"(?:[ \t]+(?:{_DIGIT_WORDS}|mươi|mốt|tư|lăm|nhăm|trăm|linh|lẻ)(?!\p{{L}}))*)"
                                   rf"(?![\p{{L}}\p{{N}}])", re.I),
    }


@lru_cache(maxsize=1)
def label_patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """(labels that always block, labels that block a count only, compounds that are not labels)."""
    data = rules.load("units")
    tail = r")[ \t\u00a0]*$"
    # (?r): end-anchored patterns are searched from the end, not tried at every position
    hard = re.compile(r"(?r)(?<!\p{L})(?:" + _alt(data["label_before"]) + tail, re.I)
    soft = re.compile(r"(?r)(?<!\p{L})(?:" + _alt(data["label_before_count"]) + tail, re.I)
    return hard, soft, frozenset(data["not_label_compounds"])


@lru_cache(maxsize=1)
def _label_lasts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The last words of the labels that always block and of those that block a count only."""
    data = rules.load("units")
    return tuple(tuple(sorted({w.split()[-1].lower() for w in data[key]}))
                 for key in ("label_before", "label_before_count"))  # type: ignore[return-value]


_TIME_FIRST = ("g", "G", "h", "H")  # "giờ", "h", "g": how a clock time goes on after its hour
_TIME_AFTER = re.compile(r"[ \t\u00a0]*(?:giờ|h|g)[ \t\u00a0]*\d|"
                         r"[ \t\u00a0]*giờ[ \t\u00a0,]+(?:sáng|chiều|tối|trưa|đêm|hôm|ngày)(?!\p{L})",
                         re.IGNORECASE)
_CLOCK_BEFORE = re.compile(r"(?r)(?<!\p{L})(?:lúc|vào|từ|\d[ \t\u00a0]*giờ[ \t\u00a0]*(?:đến|tới|-|–))"
                           r"[ \t\u00a0]*$", re.I)
_CLOCK_AFTER = re.compile(r"[ \t\u00a0]*(?:đến|tới|-|–)[ \t\u00a0]*\d{1,2}[ \t\u00a0]*(?:giờ|h)(?!\p{L})", re.I)
_SPAN_BEFORE = re.compile(r"(?r)(?<!\p{L})(?:trong|sau|qua|trước|khoảng|gần|hơn|trên|dưới|từ|mất|kéo dài|"
                          r"thời gian|thời hạn|vòng)[ \t\u00a0]*$", re.I)
_MONTH_NUMBER = re.compile(r"[ \t\u00a0]+(?:0?[1-9]|1[0-2])(?![\p{N}\p{L}])")
_HOUR_BEFORE = re.compile(r"(?r)\d[ \t\u00a0]*(?:giờ|h)[ \t\u00a0]*$", re.IGNORECASE)

_B = r"(?r)(?<!\p{L})"  # a hedge or bound is a whole word ("nước đạt" holds no "ước đạt")
_CMP_WORDS = [
    ("không quá|không vượt quá|không vượt|tối đa|nhiều nhất|không cao hơn|không lớn hơn|không nhiều hơn", "<="),
    ("ít nhất|tối thiểu|không dưới|không thấp hơn|không ít hơn|không nhỏ hơn", ">="),
    ("trên|hơn|vượt|vượt trên|cao hơn|lớn hơn|nhiều hơn", ">"),
    ("dưới|thấp hơn|ít hơn|chưa đến|chưa tới|chưa đầy|nhỏ hơn|không đến|không tới|không đầy", "<"),
    ("khoảng|gần|xấp xỉ|ước|ước đạt|ước tính|ước khoảng|ước chừng|chừng|khoảng chừng|ngót", "~"),
]
_CMP_BEFORE = [(re.compile(_B + rf"(?:{words})[ \t\u00a0]*$", re.I), sign) for words, sign in _CMP_WORDS]
# the last word of every bound or hedge: text before a figure that ends otherwise holds none of them
_CMP_LAST = tuple(sorted({w.split()[-1] for words, _ in _CMP_WORDS for w in words.split("|")}))
# each pattern with its words: a match ends the text before the figure with one of them
_CMP_BEFORE_ENDS = [(pattern, sign, tuple(words.split("|"))) for (pattern, sign), (words, _) in zip(_CMP_BEFORE, _CMP_WORDS)]
_CMP_AFTER = [(re.compile(r"^[ \t\u00a0]*(?:trở lên|\+)", re.I), ">="),
              (re.compile(r"^[ \t\u00a0]*(?:trở xuống|trở lại)", re.I), "<=")]
# "ước" anywhere earlier in the clause hedges the figure: "ước tăng bình quân 5,3%/năm",
# "ước thực hiện có 9/12 chỉ tiêu"; "ước năm 2026:" hedges the whole list after the colon.
_ESTIMATE = re.compile(r"(?<!\p{L})(?<!(?:hiệp|quy|công|mong|điều|ao|mơ|cầu|giao|thề|lời) )ước"
                       r"(?! (?:mơ|muốn|vọng|nguyện|hẹn|ao|nguyện)\b)(?!\p{L})", re.I)
_UOC = std_re.compile("ước", std_re.IGNORECASE)  # no match of _ESTIMATE without it
_TARGET_WORDS = re.compile(r"(?<!\p{L})(?:chỉ tiêu|mục tiêu|kế hoạch)(?!\p{L})", re.I)
_CLAUSE_END = re.compile(r"[;.!?\n]|,[ \t]|:[ \t]")
_SENTENCE_END = re.compile(r"[.!?\n]")
_LIST_LEAD = re.compile(r"ước[^;.!?\n:]{0,40}:", re.I)


def comparator(text: str, start: int, end: int, lower: str | None = None) -> str | None:
    """The bound or hedge written around a figure: ">" trên/hơn, ">=" ít nhất, "<" dưới, "~" khoảng.

    `lower`, when given, is text.lower() with the text's own offsets (see _estimated).

    >>> t = "có 19 xã có tỷ lệ hộ nghèo trên 25%"
    >>> comparator(t, t.index("25"), len(t))
    '>'
    >>> t = "ước đạt trên 3.605 tỷ đồng"
    >>> comparator(t, t.index("3.605"), len(t))
    '>'
    >>> t = "tăng từ 11% trở lên"
    >>> comparator(t, t.index("11"), t.index("%") + 1)
    '>='
    >>> t = "cả nước có 14 tiêu chí/xã"
    >>> comparator(t, t.index("14"), len(t)) is None
    True
    >>> t = "ước tăng bình quân 5,3%/năm"
    >>> comparator(t, t.index("5,3"), len(t))
    '~'
    """
    after = text[end:end + 15]
    if after.lstrip(" \t\u00a0")[:1] in ("t", "T", "+"):  # every bound after a figure opens so
        for pattern, sign in _CMP_AFTER:
            if pattern.search(after):
                return sign
    before = text[max(0, start - 30):start]
    # "$" also matches before a final newline; the patterns end on a word, then spaces
    last = (before[:-1] if before.endswith("\n") else before).rstrip(" \t\u00a0").lower()
    if last.endswith(_CMP_LAST):
        for pattern, sign, ends in _CMP_BEFORE_ENDS:
            if last.endswith(ends) and pattern.search(before):  # (each pattern only where it may match)
                return sign
    return "~" if _estimated(text, start, lower) else None


def _estimated(text: str, start: int, lower: str | None = None) -> bool:
    """Whether an "ước" earlier in the figure's clause (or a list it leads) hedges the figure.

    `lower` (text.lower(), offsets kept): the cheap test for an "ước" is then a plain str.find, a C
    substring search, instead of the case-insensitive pattern tried at every position: a character
    _UOC takes there (u/U with the horn and tone, c/C) lower-cases to the letter of "ước" it stands for,
    and no other character lower-cases to one of those."""
    lo = max(0, start - 400)
    if (lower.find("ước", lo, start) < 0) if lower is not None else not _UOC.search(text, lo, start):
        return False
    window = text[lo:start]
    hit = None
    if lower is not None:
        # the last _ESTIMATE match in the window, tried only at its "ước"s from the last one back ("nước"
        # holds one too): each match is one such "ước" ("ước" overlaps no other, so finditer finds every
        # place the pattern matches), matched inside the window as finditer would see it
        k = lower.rfind("ước", lo, start)
        while k >= 0 and hit is None:
            hit = _ESTIMATE.match(window, k - lo)
            k = lower.rfind("ước", lo, k)
    else:
        for hit in _ESTIMATE.finditer(window):
            pass
    if hit is None:
        return False
    rest = window[hit.end():]
    if _TARGET_WORDS.search(rest):
        return False  # "ước đạt chỉ tiêu đề ra là X": X is the target, not the estimate
    if _LIST_LEAD.match(window, hit.start()):
        # "ước năm 2025: A chiếm x% (tăng y%); B chiếm z%": the list runs to the sentence's end
        return not _SENTENCE_END.search(rest)
    return not _CLAUSE_END.search(rest)


class _Spans:
    """Sorted, merged character spans with a fast overlap test (documents carry hundreds of dates)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_right(self.starts, e - 1) - 1  # the last span starting before e
        return i >= 0 and self.ends[i] > s


_ENUMERATION = re.compile(r"(?r)(?:\d+[ \t\u00a0]*(?:,|và|;)[ \t\u00a0]*)+$")


def _is_label(text: str, s: int, kind: str) -> bool:
    """Whether the word(s) before position `s` make the number there a label, rank or code.

    >>> _is_label("Điều 5", 5, "count"), _is_label("danh mục 72", 9, "count")
    (True, False)
    >>> _is_label("mức 1", 4, "count"), _is_label("mức 1", 4, "money")
    (True, False)
    """
    hard, soft, compounds = label_patterns()
    # "$" also matches before a final newline; a chain ends with ",", ";" or "và", then spaces
    k = s - 1 if text[s - 1:s] == "\n" else s
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    chain = _ENUMERATION.search(text, max(0, s - 40), s) if text[max(0, k - 2):k].endswith((",", ";", "và")) else None
    if chain:  # "biểu số 51, 52, 53": the list shares its first member's label
        s = chain.start()
    before = text[max(0, s - 30):s]
    # "$" also matches before a final newline; a label ends the text before the number, then spaces
    last = (before[:-1] if before.endswith("\n") else before).rstrip(" \t\u00a0").lower()
    hard_last, soft_last = _label_lasts()
    m = hard.search(before) if last.endswith(hard_last) else None
    if not m and kind in ("count", "duration", "ratio") and last.endswith(soft_last):
        m = soft.search(before)
    if not m:
        return False
    prev = patterns()["word_before"].search(before, 0, m.start())
    label = " ".join(m.group(0).lower().split())
    return not (prev and f"{prev.group(1).lower()} {label}" in compounds)


def _after_proper_name(text: str, s: int) -> bool:
    """A capitalised word right before the number that does not open its sentence ("xã Cát Tiên 3")."""
    before = text[max(0, s - 40):s]
    m = patterns()["word_before"].search(before)
    if not m or not m.group(1).istitle():  # "UBND 3 xã" is fine: an acronym, not a name
        return False
    prefix = before[:m.start()].rstrip(" \t\u00a0")
    return bool(prefix) and prefix[-1] not in ".:;!?\n(\"“-–•*+"


def _noun_after(text: str, pos: int, line_start: bool = False, x_of_y: bool = False) -> tuple[str, int] | None:
    """A counted noun not in the gazetteer right after a bare integer: one or two lower-case words."""
    stop = not_nouns()
    m = patterns()["noun"].match(text, pos)
    if m:
        w1, w2 = m.groups()  # (the `regex` module looks group names up slowly: see _GROUP_NUMBERS)
        if w1 in stop or (len(w1) < 2 and w1.isascii()):  # "ổ dịch" counts, "a)" does not
            return None
        if w2 and w2 not in stop and (w1 + " " + w2) not in stop:
            return f"{w1} {w2}", m.end()
        return w1, m.end(1)
    m = patterns()["acronym"].match(text, pos)
    if m and not line_start and (x_of_y or " " in m.group("unit")):
        # only "38/124 UBND", "34 UBND cấp xã": "Hội trường 2 UBND tỉnh" is a room, not a count
        return " ".join(m.group("unit").lower().split()), m.end()
    return None


def _unit_at(text: str, pos: int, integer: bool, allow_noun: bool,
             line_start: bool = False, x_of_y: bool = False) -> tuple[str, str, int] | None:
    """(unit, kind, end) for the unit word at `pos`, else None."""
    table = unit_table()
    m = lexicons()["unit"].match_after_gap(text, pos, 2)
    if m:
        word = " ".join(m.group(1).split())  # "unit" (see _GROUP_NUMBERS)
        lower = word.lower()
        unit, kind = table[lower]
        if kind == "money" and word[0].isupper() and lower in ("đồng", "đ"):
            return None  # "Lâm Đồng" after a number in a table
        if lower == "con" and text.startswith(" số", m.end()):
            return None  # "hai con số": digits, not animals
        return unit, kind, m.end()
    m = patterns()["abbr"].match(text, pos)
    if m:
        return abbreviations()[m.group(1)], "count", m.end()
    if allow_noun and integer:
        found = _noun_after(text, pos, line_start, x_of_y)
        if found:
            return found[0], "count", found[1]
    return None


def _per(text: str, pos: int, any_word: bool = True) -> tuple[str, int]:
    """'/người/tháng', '/ha', ' trên 1 ha' after a unit: the suffix for the unit and the new end.

    `any_word` also takes an unknown word after a slash ("USD/thùng"); after a count a slash more
    often means "or" ("xã/thị trấn"), so counts take known words only.
    """
    suffix = ""
    table = unit_table()
    while True:
        q = pos
        while text[q:q + 1] in _GAP_CHARS:
            q += 1
        c = text[q:q + 1]
        if c not in _PER_FIRST:  # every per-unit opens with "/", "trên" or "mỗi"
            return suffix, pos
        # "trên"/"mỗi" in any case (the patterns' IGNORECASE pairs only these letters' two cases, which
        # lower() maps back): most "t"/"m" words after a figure ("tăng", "mức") lead to no per-unit
        if c != "/" and text[q:q + 4].lower() != "trên" and text[q:q + 3].lower() != "mỗi":
            return suffix, pos
        m = _per_match(text, pos)
        if m:
            suffix += "/" + table[" ".join(m.group(1).lower().split())][0]  # "w"
            pos = m.end()
            continue
        m = _PER_WORD.match(text, pos) if any_word else None  # "đồng/thùng"
        if not m or m.group(1) in not_nouns():
            return suffix, pos
        suffix += "/" + m.group(1)
        pos = m.end()


_GAP_CHARS = (" ", "\t", "\u00a0")
_PER_FIRST = ("/", "t", "T", "m", "M")
_PER_LEAD = re.compile(rf"{_SP}?/|{_SP}+(?:trên|mỗi){_SP}+(?:1|một){_SP}+", re.I)
_PER_ONE = re.compile(rf"(?:1|một){_SP}+", re.I)


def _per_match(text: str, pos: int) -> re.Match[str] | None:
    """lexicons()["per"] matched at `pos`, trying only the words that start where its word can."""
    lead = _PER_LEAD.match(text, pos)
    if not lead:  # every way into the per pattern opens with such a lead
        return None
    at = [lead.end()]
    if lead.group().endswith("/"):  # "/ha", "/ ha", "/1 ha", "/ một ha"
        if text[lead.end():lead.end() + 1] in ("", " ", "\t", "\u00a0"):
            at.append(lead.end() + 1)
        at += [one.end() for a in list(at) if (one := _PER_ONE.match(text, a))]
    keys = frozenset(_key(text[a]) for a in at if a < len(text))
    pat = lexicons()["per"].pattern(keys) if keys else None
    return pat.match(text, pos) if pat else None
_MONEY_WORDS = re.compile(
    r"(?<!\p{L})(?:vốn|thu|chi|kinh phí|ngân sách|giá trị|doanh thu|doanh số|tiền|đầu tư|hỗ trợ|lương|thu nhập|"
    r"lợi nhuận|nộp|giải ngân|tổng mức|dự toán|nguồn|tài trợ|ủng hộ|quyên góp|trị giá|số dư|dư nợ|cho vay|"
    r"huy động|bồi thường|kim ngạch|chi phí|thiệt hại|GRDP|GDP)(?!\p{L})", re.I)


def _money_context(text: str, s: int) -> bool:
    """Whether the clause before a bare "500 tỷ" talks about money."""
    before = text[max(0, s - 80):s]
    cut = max(before.rfind(c) for c in ".;\n")
    return bool(_MONEY_WORDS.search(before, cut + 1))


_PER_WORD = re.compile(r"/(\p{Ll}+)(?![\p{L}\p{N}/])")

# Counted nouns that are also verbs: after a place name ("Cát Tiên 3 tổ chức") they are the verb.
_VERB_NOUNS = frozenset({"tổ chức", "kế hoạch", "đoàn", "hội", "sở", "ban", "bộ"})
_INT_DOTS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _plain_integer(n: str) -> bool:
    return n.isdigit() or bool(_INT_DOTS.fullmatch(n))


def find_figures(text: str, blocked: list[tuple[int, int]], lower: str | None = None) -> list[dict[str, Any]]:
    """Quantities in `text`, skipping characters inside `blocked` spans (dates, codes, ...).

    `lower`, when given, is text.lower() (the caller may share it with later steps).

    >>> [(f["text"], f["value"], f["unit"]) for f in find_figures("Có 8/64 huyện, tăng 7-7,5%.", [])]
    [('8/64 huyện', 8.0, 'huyện'), ('7-7,5%', (7.0, 7.5), '%')]
    """
    pats = patterns()
    spans = _Spans(blocked)
    if lower is None:
        lower = text.lower()
    low = lower if len(lower) == len(text) else None  # offsets kept: "İ" lower-cases to two characters
    out: list[dict[str, Any]] = []
    last = 0
    for m in pats["number"].finditer(text):
        if m.start() < last:
            continue  # inside the figure before ("53 triệu đồng trên 1 ha")
        rec = _digit_figure(text, m, spans, low)
        if rec:
            out.extend(rec)
            last = rec[-1]["span"][1]
    taken = _Spans([f["span"] for f in out])
    found = len(out)
    out += _score_cells(text, spans, taken)
    if len(out) != found:  # (rebuilt only when figures were added: the same spans give the same table)
        taken, found = _Spans([f["span"] for f in out]), len(out)
    starts = _spelled_starts(low) if low is not None else None
    for m in _spelled_matches(text, low, starts):
        rec = _spelled_figure(text, m, spans, taken, low)
        if rec:
            out.append(rec)
    if len(out) != found:
        taken = _Spans([f["span"] for f in out])
    noun_starts = [(k, w) for k, w in starts if w in _SPELLED_NOUN_WORDS] if starts is not None else None
    for m in _matches(pats["spelled_noun"], _SPELLED_NOUN_START, text, low, noun_starts):
        rec = _spelled_noun_figure(text, m, spans, taken, low)
        if rec:
            out.append(rec)
    out.sort(key=lambda f: f["span"])
    return out


class _Spelled(NamedTuple):
    """What the spelled-out figure pattern matched: (start, end) and its words, scale and unit."""

    start: int
    end: int
    groups: dict[str, str | None]

    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def group(self, name: str) -> str | None:
        return self.groups[name]


def _gap_end(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _GAP:
        pos += 1
    return pos


# Where a spelled-out number can start, in the lower-cased text: the standard `re` skips to these
# in C, far faster than the `regex` patterns can try every position (the words hold none of each other)
# The words of _DIGIT_WORDS, those sharing a first letter grouped (the same matches, tried faster:
# tests/test_figures_speed3.py compares it with the plain alternation at every position).
# A first word glued to what follows ("ban", "hai,") leads to no figure: a further word, a scale, a unit
# or a noun all need a gap after it. A start inside a word (after a letter or digit: the patterns'
# "(?<![\p{L}\p{N}])", str.isalnum) is skipped by the caller: a lookbehind here would slow the scan.
_SPELLED_START = std_re.compile(r"(?:m(?:ột|ười)|hai|b(?:a|ốn|ảy|ẩy)|năm|sáu|tám|chín)(?=[ \t\u00a0])")
_SPELLED_NOUN_START = std_re.compile(r"(?:hai|ba|bốn|sáu|bảy|bẩy|tám|mười)(?=[ \t\u00a0])")
_SPELLED_NOUN_WORDS = frozenset(("hai", "ba", "bốn", "sáu", "bảy", "bẩy", "tám", "mười"))


def _spelled_starts(lower: str) -> list[tuple[int, str]]:
    """(start, word) of every _SPELLED_START match in `lower`, scanned once for both spelled-number passes.

    finditer's matches are every place the pattern matches: no number word ends with another one
    ("ba" ends no other word), so no match can start inside an earlier one, which ends at a gap. At one
    place at most one word matches (a word that was a prefix of another would need a gap inside it), so
    the _SPELLED_NOUN_START matches are those whose word is one of _SPELLED_NOUN_WORDS."""
    return [(m.start(), m.group()) for m in _SPELLED_START.finditer(lower)]


def _matches(pattern: re.Pattern[str], start: std_re.Pattern[str], text: str, lower: str | None,
             starts: list[tuple[int, str]] | None = None) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) for a pattern whose matches open with a `start` match in `lower`
    (`starts`: those matches' (start, word), already found)."""
    if lower is None:
        yield from pattern.finditer(text)
        return
    pos = 0
    cands = starts if starts is not None else [(c.start(), c.group()) for c in start.finditer(lower)]
    for k, _ in cands:
        if k < pos or k and lower[k - 1].isalnum():
            continue
        m = pattern.match(text, k)
        if m:
            yield m
            pos = m.end()


def _digit_after_gap(text: str, e: int) -> bool:
    """Whether an ASCII digit follows the gap after `e` ("năm 2020"). A number word there leads to no
    spelled figure: its run is that word alone (a further word is letters after spaces), no scale nor unit
    word starts with a digit (tests/test_scans_speed5.py checks the unit table), so _spelled_matches
    would find nothing there and go on after the word, as the search does after skipping it."""
    q = e
    while text[q:q + 1] in _GAP_CHARS:
        q += 1
    return "0" <= text[q:q + 1] <= "9"


def _spelled_search(text: str, pos: int, lower: str | None,
                    starts: list[tuple[int, str]] | None = None) -> re.Match[str] | None:
    """patterns()["spelled_run"].search(text, pos), trying only where a number word starts (`starts`:
    _spelled_starts(lower), the same places found beforehand)."""
    pat = patterns()["spelled_run"]
    if lower is None:
        return pat.search(text, pos)
    if starts is not None:
        for i in range(bisect_left(starts, (pos, "")), len(starts)):
            k, w = starts[i]
            if k and lower[k - 1].isalnum() or _digit_after_gap(text, k + len(w)):
                continue
            m = pat.match(text, k)
            if m:
                return m
        return None
    while cand := _SPELLED_START.search(lower, pos):
        k = cand.start()
        m = None if k and lower[k - 1].isalnum() else pat.match(text, k)
        if m:
            return m
        pos = k + 1
    return None


def _spelled_matches(text: str, lower: str | None = None,
                     starts: list[tuple[int, str]] | None = None) -> Iterator[_Spelled]:
    """The matches of `(?<![\\p{L}\\p{N}])(?P<words>SPELLED)(?:_SP+(?P<scale>SCALE))?_SP+(?P<unit>UNITS)
    (?![\\p{L}\\p{N}])` (case-insensitive), found in the order and with the backtracking the regex engine
    would use, but trying unit words through the lazily compiled unit lexicon (the whole pattern is slow
    to compile). A start inside a run of number words that the run's first word failed at fails too
    (its ways on are the first word's), so only each run's first word is tried.

    >>> [(m.group("words"), m.group("scale"), m.group("unit")) for m in _spelled_matches("có hai mươi ba nghìn  người")]
    [('hai mươi ba', 'nghìn', 'người')]
    """
    pats = patterns()
    units = lexicons()["unit"]
    pos = 0
    while run := _spelled_search(text, pos, lower, starts):
        s = run.start()
        more = run.starts("more")
        ends = [more[0] if more else run.end()] + list(run.ends("more"))  # after each word
        found = None
        for e in reversed(ends):  # greedy: the most words first
            q = _gap_end(text, e)
            if q == e:
                continue  # a scale or unit needs a gap before it
            # (`lower` keeps the text's offsets: a scale there starts a scale word in it)
            maybe_scale = text[q:q + 1] in _SCALE_FIRST and (lower is None or lower.startswith(_SCALE_WORDS, q))
            for scale in pats["scales"] if maybe_scale else ():
                sm = scale.match(text, q)
                if not sm:
                    continue
                q2 = _gap_end(text, sm.end())
                if q2 > sm.end() and q2 < len(text):
                    pat = units.pattern(frozenset(_key(text[q2])))
                    um = pat.match(text, q2) if pat else None
                    if um:
                        found = _Spelled(s, um.end(), {"words": text[s:e], "scale": sm.group(),
                                                       "unit": um.group(1)})
                        break
            if found:
                break
            if q < len(text):
                pat = units.pattern(frozenset(_key(text[q])))
                um = pat.match(text, q) if pat else None
                if um:
                    found = _Spelled(s, um.end(), {"words": text[s:e], "scale": None, "unit": um.group(1)})
                    break
        if found:
            yield found
            pos = found.end  # the engine goes on after the match, which may end inside the run
        else:
            pos = run.end()


# A table row read as text: two or more bare numbers ending a line ("6,74 58 7,68 38 8,78 2").
_NUMERIC_ROW = re.compile(r"(?m)(?<![\p{N},.])(?:\d+(?:,\d+)?[ \t]+)+\d+(?:,\d+)?[ \t]*$")
_SCORE_HEADER = re.compile(r"(?m)^[ \t|]*Điểm(?: số)?[ \t|]*$")
_DECIMAL_CELL = re.compile(r"(?<![\p{N},])\d+,\d+(?![\p{N},])")


def _score_cells(text: str, blocked: _Spans, taken: _Spans) -> list[dict[str, Any]]:
    """Decimal cells of a score table under an "Điểm (số)" column header (PCI, PAR INDEX tables).

    >>> table = chr(10).join(["Điểm số", "Thứ hạng", "1", "Chi phí gia nhập", "6,74 58 7,68 38"])
    >>> [f["value"] for f in _score_cells(table, _Spans([]), _Spans([]))]
    [6.74, 7.68]
    """
    if "Điểm" not in text:
        return []
    out: list[dict[str, Any]] = []
    for row in _NUMERIC_ROW.finditer(text):
        if not _SCORE_HEADER.search(text, max(0, row.start() - 1500), row.start()):
            continue
        for cell in _DECIMAL_CELL.finditer(text, row.start(), row.end()):
            s, e = cell.span()
            if blocked.overlaps(s, e) or taken.overlaps(s, e):
                continue
            value = parse_number(cell.group(0))
            if value is not None:
                out.append({"text": cell.group(0), "span": (s, e), "value": value, "unit": "điểm",
                            "kind": "count", "comparator": None})
    return out


# Group numbers read instead of names where a figure is built: the `regex` module looks a name up in
# ~0.3 us, a number in ~0.06 us. Each of these patterns' groups, in order (tests/test_figures_speed4.py
# pins them): the unit and per-unit lexicons, the abbreviation, noun and scale patterns.
_GROUP_NUMBERS = {"unit": ("unit",), "per": ("w",), "abbr": ("unit",), "noun": ("w1", "w2"), "scale": ("scale",)}
# the groups of patterns()["number"] and patterns()["single"], in order (_digit_figure reads them so)
_NUMBER_GROUPS = {"number": ("n1", "pct1", "rsep", "n2", "pct2", "den"), "single": ("n1", "pct1", "den")}


def _digit_figure(text: str, m: re.Match[str], blocked: _Spans, lower: str | None = None) -> list[dict[str, Any]]:
    pats = patterns()
    s = m.start()
    # groups by number and all at once: the `regex` module looks names up slowly (_NUMBER_GROUPS says
    # which is which; n1 is group 1 of both patterns)
    if blocked.overlaps(s, m.end(1)):
        return []
    n1, pct1, _, n2, pct2, den = m.groups()
    if n2 and (blocked.overlaps(s, m.end()) or pct1 and not pct2):
        m = pats["single"].match(text, s)  # "3 đến 2025": no range after all
        n1, pct1, den = m.groups()
        n2 = pct2 = None
    elif den and blocked.overlaps(s, m.end()):
        return []
    pct = pct1 or pct2
    n1_end = q = m.end(1)
    while text[q:q + 1] in _GAP_CHARS:
        q += 1
    if text[q:q + 1] in _TIME_FIRST and _TIME_AFTER.match(text, n1_end):
        return []
    v1 = parse_number(n1)
    v2 = parse_number(n2) if n2 else None
    vden = parse_number(den) if den else None
    if v1 is None or (n2 and v2 is None) or (den and vden is None):
        return []
    pos = m.end()
    scale_m = None if pct else pats["scale"].match(text, pos)
    scale = scale_of(scale_m.group(1)) if scale_m else 1.0  # "scale"
    if scale_m:
        pos = scale_m.end()
        scaled = None if n2 or den else pats["scaled_range"].match(text, pos)
        if scaled and scale_of(scaled.group("scale")) == scale and parse_number(scaled.group("n2")):
            # "từ 3 triệu đến 5 triệu đồng": each end carries the multiplier
            n2, v2, pos = scaled.group("n2"), parse_number(scaled.group("n2")), scaled.end()
    if pct:
        unit, kind = "%", "rate"
    else:
        integer = _plain_integer(n1) and not n2 and not scale_m
        after_name = _after_proper_name(text, s)
        allow_noun = not after_name and text[pos:pos + 1] in (" ", "\t", "\u00a0")
        k = s
        while k > 0 and text[k - 1] in " \t\u00a0":
            k -= 1
        line_start = k == 0 or text[k - 1] == "\n"  # a row number in a table or list
        # a bare 4-digit number before an unknown noun is a code or label ("1719"): counts of a
        # thousand and more are written with a thousands dot
        integer = integer and (len(n1) < 4 or not n1.isdigit() or bool(den))
        found = _unit_at(text, pos, integer, allow_noun, line_start, bool(den))
        if found is None:
            if den and "," in n1 and not n2:  # "83,1/100": a score out of a maximum
                unit, kind = "điểm", "count"
            elif scale_m and scale >= 1e6 and not text[pos:pos + 1].isalnum() and _money_context(text, s):
                unit, kind = "VND", "money"  # "thu ngân sách đạt 500 tỷ": đồng is understood
            else:
                return []
        else:
            unit, kind, pos = found
            if kind == "count" and after_name and unit in _VERB_NOUNS:
                return []  # "xã Cát Tiên 3 tổ chức": a place's number, then a verb
    if _is_label(text, s, kind):
        return []
    if not n2 and not den and kind != "rate":
        second = _unit_range_end(text, pos, scale, unit, kind)
        if second and second[0] > v1:  # "từ 5 triệu đồng đến 10 triệu đồng": one range
            v2, pos = second
            n2 = "range"
    if text[pos:pos + 1].isalnum():  # glued to a word or code: not ours to split
        return []
    if kind == "duration" and _HOUR_BEFORE.search(text, max(0, s - 12), s):
        return []  # "15 giờ 58 phút": a time of day
    if unit == "tháng" and _MONTH_NUMBER.match(text, pos) and not _SPAN_BEFORE.search(text, max(0, s - 20), s):
        return []  # "sáng 3 tháng 5": a date the date finder did not take
    if unit == "giờ" and (_CLOCK_BEFORE.search(text, max(0, s - 40), s) or _CLOCK_AFTER.match(text, pos)):
        return []  # "lúc 8 giờ", "từ 7 giờ đến 11 giờ": clock times
    if kind == "count" and not den and len(n1) == 4 and n1.isdigit() and 1900 <= int(n1) <= 2100:
        return []  # a calendar year followed by a noun
    suffix, pos = _per(text, pos, kind != "count")
    if not suffix and kind == "rate" and _per_year_lead(text, s):
        suffix = "/năm"
    unit += suffix
    value: Any = v1 * scale
    if v2 is not None:
        if v2 * scale <= value:
            return []
        value = (value, v2 * scale)
    e = pos
    cmp = comparator(text, s, e, lower)
    if den and vden is not None and not n2 and (kind == "money" or v1 > vden):
        # "12.450/11.800 tỷ đồng": achieved, then planned
        d0 = m.start("den")
        first = {"text": text[s:n1_end], "span": (s, n1_end), "value": value, "unit": unit,
                 "kind": kind, "comparator": cmp}
        second = {"text": text[d0:e], "span": (d0, e), "value": vden * scale, "unit": unit, "kind": kind,
                  "comparator": cmp, "target": True, "planned": True}
        return [first, second]
    return [{"text": text[s:e], "span": (s, e), "value": value, "unit": unit, "kind": kind,
             "comparator": cmp}]


def _unit_range_end(text: str, pos: int, scale: float, unit: str, kind: str) -> tuple[float, int] | None:
    """(high value before scaling, end) when "đến 10 triệu đồng" repeats the unit after a figure."""
    m = patterns()["range_end"].match(text, pos)
    if not m:
        return None
    v2 = parse_number(m.group("n2"))
    if v2 is None or scale_of(m.group("scale")) != scale:
        return None
    found = _unit_at(text, m.end(), False, False)
    if not found or found[:2] != (unit, kind):
        return None
    return v2, found[2]


_PER_YEAR = re.compile(r"(?r)(?<!\p{L})(?:hằng|hàng|mỗi|bình quân mỗi|trung bình mỗi)[ \t\u00a0]+năm"
                       r"(?:[ \t\u00a0]+\p{Ll}+){0,3}[ \t\u00a0]*$", re.I)


def _per_year_lead(text: str, s: int) -> bool:
    """A rate led by "hằng năm"/"mỗi năm" ("hằng năm giảm từ 2% số hộ cận nghèo") is per year."""
    before = text[max(0, s - 40):s]
    for hedge in ("trên ", "khoảng ", "gần ", "hơn ", "dưới ", "từ "):
        if before.endswith(hedge):
            before = before[: -len(hedge)]
    # every match holds "năm" in some case ("NĂM"): the `regex` module's simple case folding pairs
    # n/N, ă/Ă and m/M only, all of which lower-case to "năm"; most rates have no year word before them.
    # It also holds "hằng", "hàng" or "mỗi": each character the pattern takes for one of their letters
    # lower-cases to a text opening with that letter ("İ" to "i" and a dot; checked over all of Unicode in
    # tests/test_figures_speed4.py), so the lower-cased text holds the word; "năm 2025 đạt" has none.
    low = before.lower()
    return "năm" in low and ("hằng" in low or "hàng" in low or "mỗi" in low) and bool(_PER_YEAR.search(before))


_NAM_NOT_FIVE = re.compile(r"(?r)(?<!\p{L})(?:hằng|hàng|mỗi|các|những|cả|trong|từng|qua|nhiều|vài|mấy|cuối|"
                           r"đầu|giữa|sau|trước|của|này|năm|một|hai|ba|bốn|sáu|bảy|tám|chín|mười|nay|"
                           r"cùng|theo|vào|đến|tới|từ|là|hết|suốt|nửa|lịch)[ \t\u00a0]*$", re.I)


def _spelled_figure(text: str, m: re.Match[str], blocked: _Spans, taken: _Spans,
                    lower: str | None = None) -> dict[str, Any] | None:
    s, e = m.span()
    if blocked.overlaps(s, e) or taken.overlaps(s, e):
        return None
    words = m.group("words")
    n = parse_number_words(words)
    if n is None or n < 2:
        return None
    unit_word = " ".join(m.group("unit").split())
    unit, kind = unit_table()[unit_word.lower()]
    if _is_label(text, s, kind):
        return None
    if kind == "money" and unit_word[0].isupper():
        return None
    if unit_word.lower() == "con" and text.startswith(" số", e):
        return None
    first = words.split()[0]
    if first[0].isupper():
        prefix = text[max(0, s - 3):s].rstrip(" \t\u00a0")
        if prefix and prefix[-1] not in ".:;!?\n(\"“-–•*":
            return None  # "ông Ba", a name
    if first.lower() == "năm" and len(words.split()) == 1:
        # "năm" is far more often "year": only a count of a plain noun after a quantity context
        if kind in ("duration", "ratio") or _NAM_NOT_FIVE.search(text, max(0, s - 12), s):
            return None
    per = ""
    end = e
    if kind != "rate":
        per, end = _per(text, e, kind != "count")
    return {"text": text[s:end], "span": (s, end), "value": float(n) * scale_of(m.group("scale")),
            "unit": unit + per, "kind": kind, "comparator": comparator(text, s, end, lower)}


def _spelled_noun_figure(text: str, m: re.Match[str], blocked: _Spans, taken: _Spans,
                         lower: str | None = None) -> dict[str, Any] | None:
    """"ba đột phá", "hai kỳ thi": a spelled-out number before a lower-case noun outside the gazetteer."""
    s, e = m.span()
    if taken.overlaps(s, e + 1) or blocked.overlaps(s, e):
        return None
    n = parse_number_words(m.group("words"))
    if n is None or n < 2 or _is_label(text, s, "count"):
        return None
    if m.group("words")[0].isupper():
        prefix = text[max(0, s - 3):s].rstrip(" \t\u00a0")
        if prefix and prefix[-1] not in ".:;!?\n(-–•*":
            return None  # "ông Ba", a name
    if text[max(0, s - 1):s] in ("\"", "“", "'", "‘"):
        return None  # a slogan: “Ba sẵn sàng”
    found = _noun_after(text, e)
    if not found or " " not in found[0] and found[0] in unit_table():
        return None
    unit, end = found
    return {"text": text[s:end], "span": (s, end), "value": float(n), "unit": unit, "kind": "count",
            "comparator": comparator(text, s, end, lower)}


@Language.component("reportextract_figures", assigns=["doc.spans"])
def figures_component(doc: Doc) -> Doc:
    """doc.spans["figures"]: each record has text, span, value, unit, kind, comparator and sentence."""
    blocked = [tuple(d["span"]) for key in ("dates", "periods", "references") for d in items(doc, key)]
    blocked += [tuple(d["span"]) for d in items(doc, "years")]
    blocked += [tuple(d["span"]) for d in items(doc, "doc_number")]
    text = doc_text(doc)
    lower = text.lower()  # lower-cased once for the finder and the attributes
    found = find_figures(text, blocked, lower)  # type: ignore[arg-type]
    for f in found:
        s, e = sentence_at(doc, f["span"][0])
        f["sentence"] = text[s:e]
        f["sentence_span"] = (s, e)
    from .attributes import attach_attributes

    attach_attributes(doc, found, lower)
    add_items(doc, "figures", found)
    return doc
