"""Figure attributes read from context: metric, year or period, target and change."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any, Callable, Iterator, Optional

import re as std_re
import unicodedata

import regex as re
from spacy.tokens import Doc

from .. import rules
from ..nlp import doc_text, items, sentence_bounds

When = Any  # an int year or a (start, end) period


def _alt_list(words: list[str]) -> list[str]:
    """The alternatives of _alt(words), in its order."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return [re.escape(w).replace(r"\ ", r"\s+") for w in ordered]


def _alt(words: list[str]) -> str:
    """Alternation of words, longest first, spaces matching any run of spaces."""
    return "|".join(_alt_list(words))


_GIAO = r"(?:\s+(?:năm|vốn|tỉnh|huyện|xã|trung\s+ương|tw|cấp\s+trên|được)){0,2}(?:\s+(?:giao|đề\s+ra))?"


def _cue_source(cues: dict[str, Any], case: Callable[[str], str]) -> str:
    """The plan-or-outcome cue pattern, its words passed through `case`."""
    def alt(words: list[str]) -> str:
        return _alt([case(w) for w in words])

    plan = alt(cues["plan_nouns"])
    giao = _GIAO
    num = r"\d[\d.,]*\s*(?:%|lần)"
    return (
        r"(?<!\w)(?:"
        rf"(?P<result>{num}\s*(?:so\s+với\s+)?(?:{plan}){giao}"
        rf"|(?:đạt|vượt|hoàn\s+thành|cao\s+hơn|thấp\s+hơn|bằng|so\s+với)(?:\s+và\s+vượt)?\s+(?:mức\s+)?"
        rf"(?:so\s+với\s+)?(?:{plan}){giao})"
        rf"|(?P<notplan>{alt(cues['not_plan'])})"
        r"|(?P<passed>thông\s+qua)"
        r"|(?P<until>(?:đến|tới)\s+năm\s+(?P<uy>(?:19|20)\d\d))"
        rf"|(?P<target>{alt(cues['target'])})"
        rf"|(?P<estimate>{alt(cues['result'])})"
        r")(?!\w)")


def _cue_atoms(cues: dict[str, Any]) -> list[tuple[str, str]]:
    """_cue_source's alternatives for lower-case text one by one, in its order, each with its group:
    (group, pattern); the alternations that open an alternative are spread out, in their order."""
    def alt(words: list[str]) -> list[str]:
        return _alt_list([w.lower() for w in words])

    plan = "|".join(alt(cues["plan_nouns"]))
    num = r"\d[\d.,]*\s*(?:%|lần)"
    measured = rf"(?:\s+và\s+vượt)?\s+(?:mức\s+)?(?:so\s+với\s+)?(?:{plan}){_GIAO}"
    atoms = [("result", rf"{num}\s*(?:so\s+với\s+)?(?:{plan}){_GIAO}")]
    atoms += [("result", lead + measured)
              for lead in (r"đạt", r"vượt", r"hoàn\s+thành", r"cao\s+hơn", r"thấp\s+hơn", r"bằng", r"so\s+với")]
    atoms += [("notplan", w) for w in alt(cues["not_plan"])]
    atoms += [("passed", r"thông\s+qua")]
    atoms += [("until", rf"{lead}\s+năm\s+(?:19|20)\d\d") for lead in ("đến", "tới")]
    atoms += [("target", w) for w in alt(cues["target"])]
    atoms += [("estimate", w) for w in alt(cues["result"])]
    return atoms


@lru_cache(maxsize=1)
def _lower_cue() -> tuple[Any, dict[str, str]]:
    """The cue pattern for lower-cased text, compiled by the standard `re` (four times faster here than
    `regex` with IGNORECASE): on a text whose lower-casing keeps every offset it finds the same cues.

    Factored by first character: _cue_source tries its some ninety alternatives one by one at every
    word start; here the alternatives that open with the same character share one branch (in their
    own order, and alternatives opening differently never match at the same place), so a word start
    costs one test per opening character. Each alternative ends with an empty group named after its
    kind ('result_0', …): the second value maps those names to the kinds (the group _cue_source names).
    tests/test_attributes_speed.py compares it with _cue_source on random sentences."""
    branches: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for i, (kind, source) in enumerate(_cue_atoms(rules.load("cues"))):
        first = r"\d" if source.startswith(r"\d") else source[0]
        assert first == r"\d" or first.isalpha(), source
        name = f"{kind}_{i}"
        kinds[name] = kind
        branches.setdefault(first, []).append(rf"{source[len(first):]}(?!\w)(?P<{name}>)")
    pattern = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in branches.items())
    return std_re.compile(rf"(?<!\w)(?:{pattern})"), kinds


@lru_cache(maxsize=1)
def _lower_cue_scan() -> tuple[Any, Any]:
    """_lower_cue's pattern in two parts for a faster scan: (its alternatives alone, for a cue at the text's
    very start; the same behind one non-word character, "\\W", in place of the lookbehind "(?<!\\w)").

    The lookbehind makes the standard `re` run its matcher at every position; a pattern opening with a
    character class lets it skip in C to the next non-word character (a space, a comma) first. A match of
    the second part at r is a cue at r + 1 (the lookbehind's character consumed instead of looked at);
    see _cue_matches for why finditer then finds the same cues."""
    source = _lower_cue()[0].pattern
    assert source.startswith(r"(?<!\w)(?:"), source
    body = source[len(r"(?<!\w)"):]
    return std_re.compile(body), std_re.compile(r"\W" + body)


def _cue_matches(lower: str, start: int, end: int) -> Iterator[tuple[int, Any]]:
    """(start, match) for each match of _lower_cue()'s pattern .finditer(lower, start, end), in order.

    The second pattern of _lower_cue_scan matches at r exactly where the cue pattern matches at r + 1: its
    "\\W" is the character the lookbehind requires (the lookbehind also reads a character before `start`,
    hence the scan from start - 1). finditer goes on from a match's end b: every cue ends with a word
    character (its last word, "kh", a year's digit: tests/test_figures_speed7.py checks each alternative),
    so no cue starts at b (its lookbehind would see that character) and a scan from b, whose "\\W" may
    stand at b, finds the next cue as the plain scan does. At 0 no character precedes: tried alone."""
    bare, behind = _lower_cue_scan()
    scan_from = start - 1
    if start == 0:
        m = bare.match(lower, 0, end)
        scan_from = 0
        if m:
            yield 0, m
            scan_from = m.end()
    for m in behind.finditer(lower, scan_from, end):
        yield m.start() + 1, m


# the group _cue_source's last closed group belongs to
_CUE_GROUPS = {"result": "result", "notplan": "notplan", "passed": "passed", "until": "until", "uy": "until",
               "target": "target", "estimate": "estimate"}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, Any]:
    """Cue patterns built once from rules/cues.json."""
    cues = rules.load("cues")
    plan_no_nq_words = [w for w in cues["plan_nouns"] if w.lower() not in ("nghị quyết", "nq")]
    plan_no_nq = _alt(plan_no_nq_words)
    cue = re.compile(_cue_source(cues, str), re.IGNORECASE)
    compare = re.compile(
        rf"(?<!\w)(?:{_alt(cues['compare'])})\s+(?:[\d.,]+\s*(?:lần|%)\s+)?(?:(?:với|cùng\s+kỳ|cuối|đầu|hết|giữa|thời\s+điểm|mức|của|"
        r"trung\s+bình|bình\s+quân)\s+)*(?:năm|giai\s+đoạn|tháng\s+\d{1,2}\s*/|quý\s+\S+\s*/|"
        r"ngày\s+[\d/\-]+\s*[/\-])?\s*$",
        re.IGNORECASE,
    )
    openers = re.compile(rf"^\W*(?:{_alt(cues['scope_openers'])})(?!\w)", re.IGNORECASE)
    discourse = re.compile(rf"^(?:\s*(?:{_alt(cues['discourse'])})(?!\w)\s*,?)+", re.IGNORECASE)
    places = re.compile(rf"(?<!\w)(?:{_alt(cues['places'])})(?!\w)", re.IGNORECASE)
    verbs = _alt(cues["verbs"])
    trail = re.compile(rf"(?:(?<!\S)(?:{verbs})\s*)+$", re.IGNORECASE)
    first_verb = re.compile(rf"(?<!\S)(?!tăng trưởng|giảm nghèo)(?:{verbs})(?!\w)", re.IGNORECASE)
    # last words of the trailing verbs and hedges: a phrase ending otherwise needs no trimming
    trail_last = {w.split()[-1].lower() for w in cues["verbs"]} | {
        "còn", "tiêu", "thể", "sau", "ước", "kiến"}
    # the first words of the discourse openings: a phrase opening otherwise has none to cut
    discourse_first = tuple(sorted({w.split()[0].lower() for w in cues["discourse"]}))
    # for lower-case text (cleaned phrases): the standard `re`, without IGNORECASE, is many times faster
    low_verbs = _alt([w.lower() for w in cues["verbs"]])
    places_low = std_re.compile(rf"(?<!\w)(?:{_alt([w.lower() for w in cues['places']])})(?!\w)")
    first_verb_low = std_re.compile(rf"(?<!\S)(?!tăng trưởng|giảm nghèo)(?:{low_verbs})(?!\w)")
    trail_low = std_re.compile(rf"(?:(?<!\S)(?:{low_verbs})\s*)+$")
    trail_vocab = frozenset(x.lower() for w in cues["verbs"] for x in w.split())
    # the letters plan_after's matches open with after their spaces ("so với", "kế hoạch", …)
    plan_after_first = frozenset({"s"} | {w.lower()[0] for w in plan_no_nq_words})
    return {"plan_after_first": plan_after_first,
            "places_low": places_low, "trail_low": trail_low, "first_verb_low": first_verb_low,
            "trail_last": frozenset(trail_last), "trail_vocab": trail_vocab, "discourse_first": discourse_first, "cue": cue, "compare": compare, "openers": openers, "discourse": discourse, "places": places,
            "trail": trail, "first_verb": first_verb, "plan_after": re.compile(
                rf"\s*(?:so\s+với\s+)?(?:{plan_no_nq})(?!\w)", re.IGNORECASE)}


# Characters on which the standard `re` and `regex` agree: \w, \s and \d mean the same to both and each
# letter matches a pattern letter ignoring case exactly when it lower-cases to it (ASCII, the Vietnamese
# letters in both cases, curly quotes, dashes; tests/test_attributes_speed5.py checks each). On a text made
# of them, an IGNORECASE `regex` pattern and the same pattern lower-cased, compiled by the standard `re` and
# run on the lower-cased text, match alike (at the same offsets: each of them lower-cases to one character).


def _vietnamese_letters() -> str:
    """a-z, đ and every Vietnamese vowel with its tone marks, lower and upper case."""
    vowels = ["a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u", "u\u031b", "y"]
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    low = "".join(unicodedata.normalize("NFC", v + t) for v in vowels for t in tones)
    low += "abcdefghijklmnopqrstuvwxyzđ"
    return "".join(sorted(set(low + low.upper())))


_PLAIN_CHARS = "".join(sorted(set("\t\n" + "".join(map(chr, range(0x20, 0x7f))) + _vietnamese_letters()
                                  + "“”‘’…–—")))
_NOT_PLAIN = std_re.compile("[^" + "".join(std_re.escape(c) for c in _PLAIN_CHARS) + "]")


# ------------------------------------------------------------------ change

_CHANGE = re.compile(
    r"(?P<verb>tăng trưởng âm|tăng|giảm)"
    r"(?:\s+(?:bình quân|trung bình|thêm|được|mạnh|nhẹ|hơn|khoảng|gần|trên|dưới|xấp xỉ|ước|đạt|là|"
    r"lên|tới|đến|ít nhất|tối thiểu|từ|mỗi năm|hằng năm|hàng năm|so với[^,;]*?))*\s*$",
    re.IGNORECASE,
)
# the same for lower-cased text by the standard `re`, some three times faster: it finds the same match on a
# text made of _PLAIN_CHARS (tests/test_attributes_speed5.py compares the two)
_CHANGE_LOW = std_re.compile(_CHANGE.pattern)
_LEVEL_AFTER_CHANGE = re.compile(r"(?:còn|xuống còn|lên|lên mức|xuống|xuống mức|về|đạt|ở mức)\s*$", re.I)
# the last words of _LEVEL_AFTER_CHANGE's matches: a clause that ends otherwise (its spaces stripped: str
# whitespace holds every \s) has none, and the search, tried at every position, is skipped
_LEVEL_LAST = ("còn", "lên", "mức", "xuống", "về", "đạt")
_CLAUSE_BREAK = re.compile(r"[;:!?\n]|,\s|\.\s|\s[-–]\s|\(|\)")


def change_of(before_clause: str) -> Optional[str]:
    """'increase'/'decrease' when the figure is the size of a change written just before it.

    >>> change_of("tỷ lệ hộ nghèo giảm ")
    'decrease'
    >>> change_of("tăng trưởng âm ")
    'decrease'
    >>> change_of("giảm còn ") is None
    True
    """
    tail = before_clause[-60:]
    low = tail.lower()
    if "tăng" not in low and "giảm" not in low:  # the change's verb
        return None
    # a match opens with its verb: the search starts at the first one (every case variant of the verbs'
    # letters lower-cases to them, but "İ", which changes the length: then from the start)
    k = 0
    if len(low) == len(tail):
        k = min(i for i in (low.find("tăng"), low.find("giảm"), len(low)) if i >= 0)
    if _NOT_PLAIN.search(tail):
        m = _CHANGE.search(tail, k)
        verb = m.group("verb").lower() if m else ""
    else:  # (see _CHANGE_LOW)
        m = _CHANGE_LOW.search(low, k)
        verb = m.group("verb") if m else ""
    if not m or before_clause.rstrip().lower().endswith(_LEVEL_LAST) and _LEVEL_AFTER_CHANGE.search(before_clause):
        return None
    return "decrease" if verb.startswith("giảm") or "âm" in verb else "increase"


# ------------------------------------------------------------------ document context

_LIST_ITEM = re.compile(r"^\s*(?:[-–+•*]\s|[a-zđ]\)\s|\d{1,2}[.)]\s*\S|[IVX]{1,5}[.)]\s)", re.IGNORECASE)
_HEADING_LEAD = re.compile(r"^\s*(?:\*\*|Điều\s+\d+|[IVX]{1,5}\.\s|Chương\s+[IVX\d]+|Mục\s+\d+|PHẦN\s)")
# the first characters _HEADING_LEAD's matches open with (case-sensitive) after the spaces
_HEADING_FIRST = frozenset("*ĐIVXCMP")


def _item_like(head: str) -> bool:
    """Whether a text opening with `head` (its spaces stripped, then 8 characters) may match _LIST_ITEM:
    a bullet or digit first, or a ")" or "." within the label ("a) ", "IV. ")."""
    first = head[:1]
    return first in "-–+•*" or first.isdigit() or ")" in head[1:7] or "." in head[1:7]


_TERM = re.compile(r"(?:nhiệm kỳ|khóa|khoá)\s*[IVXLC\d]*\s*[,(]?\s*$", re.IGNORECASE)
_OPEN_SINCE = re.compile(r"(?:từ|kể từ|từ sau|sau|trước|sinh|sinh năm|thành lập năm|tái lập)\s+(?:(?:cuối|đầu|giữa|"
                         r"tháng\s+\d+|ngày\s+[\d/\-]+)\s+)*(?:năm\s+)?\(?\s*$", re.IGNORECASE)
_UNTIL_NOW = re.compile(r"\s*\)?\s*(?:đến|tới)\s+(?:nay|hiện nay|hiện tại|bây giờ)", re.IGNORECASE)
_DURATION_BEFORE = re.compile(r"\d+\s+năm\s+nhiệm kỳ\s*$", re.IGNORECASE)
_RIGHT_AFTER = re.compile(r"\s*,?\s*\(?\s*(?:(?:vào|trong|của|cuối|đầu|hết|giữa|tính đến|đến|tới|năm|giai đoạn|"
                          r"nhiệm kỳ|kể từ|từ|ngày)\s+)*$",
                          re.IGNORECASE)
_LEAD_TIME = re.compile(r"\W*(?:(?:trong|vào|đến|tính đến|hết|cuối|đầu|riêng)\s+)*(?:năm|tháng|quý)\s[^,;.]{0,25},",
                       re.IGNORECASE)
_DEADLINE = re.compile(r"(?:trước|chậm nhất|hạn chót|thời hạn)\s+(?:(?:ngày|tháng|năm)\s+)?[\d/\-]*\s*$", re.IGNORECASE)
_PROGRAMME = re.compile(r"chương trình|chiến lược|đề án|quy hoạch|kế hoạch|nghị quyết|mtqg|giai đoạn", re.IGNORECASE)
_RECIPIENT = re.compile(r"[^,;.]{0,12}?(?:đều\s+)?(?:được|bị)\s+giao", re.IGNORECASE)
_CLOSES = re.compile(r"[^()]*\)")
_BORN = re.compile(r"sinh|thành lập", re.IGNORECASE)
_LEGISLATURE = re.compile(r"nghị quyết|hđnd|hội đồng nhân dân|quốc hội|kỳ họp", re.IGNORECASE)
_ENUM = re.compile(r"\(\d{1,2}\)|(?<=[;:]\s)[a-zđ\d]\)\s")
_SINCE_NOW = re.compile(r"(?:kể từ|từ)\s[^.;]{0,90}?(?:đến|tới)\s+(?:nay|hiện nay|hiện tại)", re.IGNORECASE)
_NO_YEAR = "none"
_YEARLY_CHANGE = re.compile(r"(?<!\w)(giảm|tăng)(?!\s+trưởng)(?!\w)[^,;()]{0,60}$", re.IGNORECASE)
_YEARLY_CHANGE_LOW = std_re.compile(_YEARLY_CHANGE.pattern)  # for lower-cased _PLAIN_CHARS text


def _yearly_change(clause: str) -> Optional[str]:
    """_YEARLY_CHANGE's verb in clause, lower-case, or None; by the standard `re` on the lower-cased clause
    when it is made of _PLAIN_CHARS (the same match: see _NOT_PLAIN), some three times faster."""
    if _NOT_PLAIN.search(clause):
        m = _YEARLY_CHANGE.search(clause)
        return m.group(1).lower() if m else None
    m = _YEARLY_CHANGE_LOW.search(clause.lower())
    return m.group(1) if m else None


_SINCE_TITLE = re.compile(r"\W*(?:qua|sau|trong|sau hơn|qua hơn)\s+(?:\d+|hai|ba|bốn|năm|mười)\s+năm", re.IGNORECASE)
_EVENT_LABEL = re.compile(r"lần thứ\s+[IVXLC\d]+\s*(?:năm\s*)?[,(]?\s*$", re.IGNORECASE)
_STRONG_LEAD = re.compile(r"mục tiêu|chỉ tiêu|phấn đấu|tầm nhìn|định hướng|kế hoạch năm", re.IGNORECASE)


# patterns the rules below use, compiled once
_LEAD_END = re.compile(r"(?:như sau|sau đây|gồm|là)\s*:?\**$")


def _lead_end(body: str) -> bool:
    """_LEAD_END.search(body), tried only when the body ends like it (searching costs the body's length)."""
    t = body.rstrip("*")
    if t.endswith(":"):
        t = t[:-1]
    return t.rstrip().endswith(("như sau", "sau đây", "gồm", "là")) and bool(_LEAD_END.search(body))
_FOUR_DIGITS = re.compile(r"\d{4}")
_DATELINE = re.compile(r"ngày|cập nhật|\d:\d", re.IGNORECASE)
_BIRTH = re.compile(r"(?:sinh|sinh năm|sinh ngày)\s*[\d/\-]*\s*$", re.IGNORECASE)
_COMPLETE = re.compile(r"hoàn\s+thành", re.IGNORECASE)
_LEAD_SPLIT = re.compile(r"[;:.\n(]")
_LISTED = re.compile(r"\s*(?:,|và\s|hoặc\s)")
_LEAD_CUT = re.compile(r";|:\s")
_FIRST_CLAUSE = re.compile(r",\s|;")
_UNTIL_WORD = re.compile(r"(?:đến|tới)", re.IGNORECASE)
_WORDS2 = re.compile(r"\w{2,}")


def _fewer_words(text: str, s: int, e: int) -> bool:
    """len(_WORDS2.findall(text, s, e)) < 2, stopping at the second word."""
    found = _WORDS2.finditer(text, s, e)
    return next(found, None) is None or next(found, None) is None


_AMOUNT = re.compile(r"\d[\d.,]*\s*(?:%|\w)")
_SENT_BREAK = re.compile(r"\.\s|\n")
_SHARE_VERB = re.compile(r"\s*chiếm", re.IGNORECASE)


def _has(low: str, words: tuple[str, ...]) -> bool:
    """Whether low holds one of the words (a plain loop: any() over a generator costs more here)."""
    for w in words:
        if w in low:
            return True
    return False


# words one of which every match of a pattern holds (lower-case): cheap tests before the pattern
_COMPARE_WORDS = ("so", "hơn", "bằng", "như", "gấp", "vượt")
_TERM_WORDS = ("nhiệm kỳ", "khóa", "khoá")
_SINCE_WORDS = ("từ", "sau", "trước", "sinh", "thành lập", "tái lập")
_DEADLINE_WORDS = ("trước", "chậm nhất", "hạn chót", "thời hạn")


class _Spans:
    """Which of many [start, end) spans holds a position, by bisection (spans may be unsorted)."""

    def __init__(self, spans: Any) -> None:
        order = sorted((a, b, i) for i, (a, b) in enumerate(spans))
        self.starts = [a for a, _, _ in order]
        self.order = order

    def find(self, pos: int) -> Optional[int]:
        """Index (in the given order) of a span with start <= pos < end, else None."""
        k = bisect_right(self.starts, pos) - 1
        while k >= 0:
            a, b, i = self.order[k]
            if pos < b:
                return i
            if pos - a > 400:  # spans are short; stop looking far back
                return None
            k -= 1
        return None


class _Context:
    """Everything the attribute rules need about one document, computed once."""

    def __init__(self, doc: Doc, figures: list[dict[str, Any]], lower: Optional[str] = None) -> None:
        text = self.text = doc_text(doc)
        if lower is None:
            lower = text.lower()
        # offsets in the lower-cased text are the text's own unless a letter lower-cases to two ("İ")
        self.lower = lower if len(lower) == len(text) else None
        info = doc._.info or {}
        self.ref_year = self._ref_year(doc, info.get("published"))
        self.instructions = info.get("kind") in ("conclusion", "directive")
        self.news = info.get("kind") in (None, "press_release", "other")
        # a plan's or directive's body lists what is to be done: its quantities are goals by default
        self.tasks = info.get("kind") in ("plan", "directive")
        self.legal = not self.news and info.get("kind") != "report"
        self.sents = self._sentences(doc)
        self.sent_starts = [s for s, _ in self.sents]
        # every rule reads the kinds of a figure's paragraph and earlier ones only (scopes and headings
        # look back): those after the last figure's paragraph are not worked out
        last = self.sentence_index(max(f["span"][0] for f in figures)) if figures else len(self.sents) - 1
        self._paragraphs((info.get("title") or "").strip(), last)
        self.marks = self._marks(doc)
        self.mark_starts = [m[0] for m in self.marks]
        in_figure = _Spans(tuple(f["span"]) for f in figures)
        self._in_figure = in_figure
        self._sent_cues: dict[int, list[tuple[int, int, str]]] = {}  # filled lazily: few sentences need them
        self._scope_cache: dict[tuple[int, bool], tuple[Any, Optional[bool]]] = {}
        self._context_cache: dict[int, tuple[Any, Optional[bool]]] = {}
        self._breaks: dict[tuple[int, str], tuple[list[int], list[int], list[str]]] = {}

    # -- clause starts: each sentence's breaks are found once, a figure's clause start is a bisection
    def _sentence_breaks(self, sent: tuple[int, int], kind: str) -> tuple[list[int], list[int], list[str]]:
        """(ends of the break matches, positions of the brackets, the brackets) in sentence `sent`."""
        key = (sent[0], kind)
        found = self._breaks.get(key)
        if found is None:
            text = self.text
            s, e = sent
            if kind == "enum":  # every enumeration mark closes a bracket
                ends = _enum_ends(text, s, e) if text.find(")", s, e) >= 0 else []
            elif kind == "clause":
                ends = _clause_ends(text, s, e)
            elif self.lower is None:
                ends = [m.end() for m in _BREAKS[kind].finditer(text, s, e)]  # the whole pattern
            else:
                # the punctuation alone, scanned faster; "trong đó" may also break the clause: its matches
                # and the punctuation's never overlap (letters and one inner space against punctuation and
                # the space after it), so both scans' ends merged are the whole pattern's
                ends = [m.end() for m in _FAST_BREAKS[kind].finditer(text, s, e)]
                if self.lower.find("trong đó", s, e) >= 0:
                    ends = sorted(ends + self._trong_do_ends(s, e))
            marks: list[int] = []
            chars: list[str] = []
            if kind != "clause" and kind != "enum" and ("(" in text[sent[0]:sent[1]]):
                for m in _BRACKET.finditer(text, sent[0], sent[1]):
                    marks.append(m.start())
                    chars.append(m.group())
            found = self._breaks[key] = (ends, marks, chars)
        return found

    def _trong_do_ends(self, s: int, e: int) -> list[int]:
        """Ends of the matches of the breaks' "trong đó" alternative in text[s:e]: tried only where the
        lower-cased text holds the words (its letters' case variants all lower-case to them)."""
        out = []
        i = self.lower.find("trong đó", s, e)  # type: ignore[union-attr]
        while i >= 0:
            m = _TRONG_DO_BREAK.match(self.text, i, e)
            if m:
                out.append(m.end())
            i = self.lower.find("trong đó", i + 1, e)  # type: ignore[union-attr]
        return out

    def cut(self, sent: tuple[int, int], pos: int, kind: str) -> int:
        """The end of the last break of `kind` in text[sent[0]:pos] (sent[0] when none): what scanning
        that slice with the kind's pattern would give (see _scan_cut and _clause_start_metric)."""
        if pos > sent[1]:
            return _scan_cut(self.text, sent[0], pos, kind)
        ends, marks, chars = self._sentence_breaks(sent, kind)
        k = bisect_right(ends, pos)
        cut = ends[k - 1] if k else sent[0]
        if marks:  # "(" opens a clause while no bracket follows it before pos
            j = bisect_left(marks, pos)
            if j and chars[j - 1] == "(" and marks[j - 1] + 1 > cut:
                cut = marks[j - 1] + 1
        if kind != "clause" and kind != "enum" and pos - 8 >= sent[0] and pos - 8 >= cut:
            # "trong đó" right before pos ends a clause there even when a letter follows it
            low = self.lower  # (offsets its own: no slice to lower-case)
            near = low.startswith("trong đó", pos - 8) if low is not None else self.text[pos - 8:pos].lower() == "trong đó"
            m = _TRONG_DO.match(self.text, pos - 8, pos) if near else None
            if m:
                cut = pos
        return cut

    # -- structure
    def _sentences(self, doc: Doc) -> list[tuple[int, int]]:
        """Sentences; a hard-wrapped text (PDF lines) has its wrapped lines joined back."""
        text = self.text
        bounds = list(sentence_bounds(doc)) or [(0, len(text))]
        lines = text.split("\n")
        # the rare test first: few lines open in lower case
        wrapped = sum(1 for a, b in zip(lines, lines[1:])
                      if b.lstrip()[:1].islower() and a.strip() and a.rstrip()[-1] not in ".;:!?…")
        self.wrapped = not (wrapped < 3 or wrapped < 0.15 * len(lines))
        if not self.wrapped:
            return bounds
        merged = [bounds[0]]
        for s, e in bounds[1:]:
            ps, pe = merged[-1]
            gap = text[pe:s]
            if gap.count("\n") == 1 and not gap.strip() and text[pe - 1] not in ".;:!?…" \
                    and not _LIST_ITEM.match(text[s:e]) and not _HEADING_LEAD.match(text[s:e]):
                merged[-1] = (ps, e)
            else:
                merged.append((s, e))
        return merged

    def _paragraphs(self, title: str, last: Optional[int] = None) -> None:
        """Paragraph of each sentence (a new one after a line break) and its kind (with `last`, the kinds
        of the paragraphs up to sentence `last`'s only)."""
        text = self.text
        self.para_of: list[int] = []
        self.paras: list[list[int]] = []
        prev_end = 0
        for i, (s, e) in enumerate(self.sents):
            if not self.paras or text.find("\n", prev_end, s) >= 0:
                self.paras.append([])
            self.paras[-1].append(i)
            self.para_of.append(len(self.paras) - 1)
            prev_end = e
        self.para_kind: list[str] = []
        self.para_struct: list[bool] = []
        self.para_title: list[bool] = []
        upto = len(self.paras) if last is None else self.para_of[last] + 1
        for sents in self.paras[:upto]:
            s, e = self.sents[sents[0]][0], self.sents[sents[-1]][1]
            body = text[s:e].rstrip()
            # each pattern is tried only when the body opens the way its every match does (_item_like,
            # _HEADING_FIRST): most paragraphs open otherwise
            head = body[:8] if not body[:1].isspace() else body.lstrip()[:8]
            listed = _item_like(head) and bool(_LIST_ITEM.match(body))
            heading = head[:1] in _HEADING_FIRST and bool(_HEADING_LEAD.match(body))
            if body.endswith(":") or body.endswith(":**") or _lead_end(body):
                kind = "lead"
            elif listed and not (len(body) < 120 and body[-1:] not in ".;,!?…"
                                 and not body.lstrip().startswith(("-", "+", "•", "*"))):
                kind = "item"
            elif heading or (len(body) < 160 and body[-1:] not in ".;,!?…"):
                kind = "heading"
            else:
                kind = "body"
            self.para_kind.append(kind)
            # a structural heading ("Điều 2.", "II.", bold) or the document's title
            numbered = heading or (kind == "heading" and listed)
            is_title = sents is self.paras[0] or bool(title and body.startswith(title[:40]))
            self.para_struct.append(numbered or is_title)
            self.para_title.append(is_title and not numbered)

    @staticmethod
    def _ref_year(doc: Doc, published: Optional[str]) -> Optional[int]:
        if published:
            return int(published[:4])
        years = [int(d["value"][:4]) for d in items(doc, "dates") if _FOUR_DIGITS.search(d["text"])]
        return max(years) if years else None

    def _marks(self, doc: Doc) -> list[tuple[int, int, When]]:
        """(start, end, year-or-period) a figure may refer to: not comparison bases, terms of office,
        open ranges ('từ năm 2016 đến nay'), cited documents, header dates or birth years."""
        text = self.text
        p = _patterns()
        refs = [tuple(r["span"]) for key in ("references", "doc_number") for r in items(doc, key)]
        items_dates = items(doc, "dates")
        in_date = _Spans(tuple(d["span"]) for d in items_dates)
        in_ref = _Spans(refs)
        periods = items(doc, "periods")
        in_period = _Spans(tuple(x["span"]) for x in periods)
        raw: list[tuple[int, int, When]] = [(x["span"][0], x["span"][1], (x["start"], x["end"])) for x in periods]
        for y in items(doc, "years"):
            s, e = y["span"]
            if in_period.find(s) is not None:
                continue
            raw.append((s, e, y["value"]))
        out = []
        for s, e, when in raw:
            if in_ref.find(s) is not None:
                continue
            k = in_date.find(s)
            inside = None if k is None else items_dates[k]
            ms, me = s, e
            if inside is not None:
                ms, me = inside["span"]
                ls = text.rfind("\n", 0, ms) + 1
                le = text.find("\n", me)
                le = len(text) if le < 0 else le
                rest = text[ls:ms] + text[me:le]
                if len(rest.strip()) < 30 or (le - ls < 70 and len(text[me:le].strip(" .,)")) < 3
                                              and _DATELINE.search(text, ls, ms)):
                    continue  # a dateline or by-line date ("Hà Giang, ngày 14 tháng 8 năm 2023")
            before = text[max(0, ms - 45):ms]
            low = before.lower()  # each pattern below needs one of its words in the text it reads
            if _has(low, _COMPARE_WORDS) and p["compare"].search(before):
                continue
            term = _has(low, _TERM_WORDS)
            if term and isinstance(when, tuple) and _TERM.search(before) and not _DURATION_BEFORE.search(before):
                continue
            if term and _TERM.search(before[-12:]) and not isinstance(when, tuple):
                continue
            # the anchored tests first: most marks have neither, and _OPEN_SINCE searches the whole window
            if _has(low, _SINCE_WORDS) and (_UNTIL_NOW.match(text, me, me + 40) or _BORN.search(before[-20:])) \
                    and _OPEN_SINCE.search(before):
                continue
            if "sinh" in low and _BIRTH.search(before[-25:]):
                continue
            if _has(low, _DEADLINE_WORDS) and _DEADLINE.search(before[-30:]):
                continue  # "trình trước ngày 10/5/2026": a deadline, not what a figure refers to
            out.append((ms, me, when))
        out.sort(key=lambda m: (m[0], m[1]))
        return out

    def _cues(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, 'target' | 'result') for every plan or outcome word in text[start:end]."""
        out = []
        text = self.text
        if self.lower is not None:
            kinds = _lower_cue()[1]
            found = _cue_matches(self.lower, start, end)
            read = self.lower
        else:
            found = ((m.start(), m) for m in _patterns()["cue"].finditer(text, start, end))
            kinds = _CUE_GROUPS
            read = text
        for ms, m in found:
            me = m.end()
            word = read[ms:me]  # the cue as the pattern read it
            top = kinds[m.lastgroup]  # which of _cue_source's groups matched
            if top == "result":
                kind = "result"
                if _PURPOSE.search(text, max(start, ms - 20), ms) and \
                        _COMPLETE.match(word):
                    kind = "purpose"  # "để hoàn thành chỉ tiêu xuất khẩu 2,8 tỷ USD": the goal itself
            elif top == "notplan":
                continue
            elif top == "passed":
                if not _LEGISLATURE.search(text, max(0, ms - 60), ms):
                    continue
                kind = "money_target"
            elif top == "until":  # its year ends it
                if self.ref_year is None or int(word[-4:]) <= self.ref_year:
                    continue
                lead = _LEAD_SPLIT.split(text[max(0, ms - 80):ms])[-1]
                if _PROGRAMME.search(lead):
                    continue  # "Chương trình … đến năm 2030": a programme's name, not a goal's date
                kind = "target"
            elif top == "target":
                if _LISTED.match(text, me, me + 6):
                    continue  # "sự cần thiết, mục tiêu, nội dung": a noun in a list, not a goal
                word = word.lower()
                if word.endswith("giao") and _UPPER_AFTER.match(text, me, me + 4):
                    continue  # "Thủ tướng giao Phó Thủ tướng chỉ đạo …": a duty given to someone, no quota
                kind = "target"
            else:
                if word.lower() == "đã" and _ASSIGN_AFTER.match(text, me, me + 12):
                    continue  # "kế hoạch vốn Thủ tướng đã giao là …": the assignment, not an outcome
                kind = "result"
            out.append((ms, me, kind))
        return out

    def section(self, i: int) -> Optional[str]:
        """'task' under a numbered heading that sets tasks ("III. NHIỆM VỤ, GIẢI PHÁP"), 'review' under one
        that looks back ("I. KẾT QUẢ THỰC HIỆN NĂM 2025"), else None."""
        for k in range(self.para_of[i] - 1, -1, -1):
            if self.para_kind[k] == "heading" and self.para_struct[k] and not self.para_title[k]:
                s, e = self.sents[self.paras[k][0]][0], self.sents[self.paras[k][-1]][1]
                if self._sub_heading(k) and not _HEADING_LEAD.match(self.text[s:s + 12]):
                    continue  # "1. Mục tiêu đến năm 2025": a sub-heading, its section's heading decides
                if _REVIEW_HEADING.search(self.text, s, e):
                    return "review"
                return "task" if _TASK_HEADING.search(self.text, s, e) else None
        return None

    def _sub_heading(self, k: int) -> bool:
        """A numbered part of a section ("2. Định hướng đến năm 2030", "a) …")."""
        s = self.sents[self.paras[k][0]][0]
        return bool(_LIST_ITEM.match(self.text[s:s + 12]))  # sliced: the pattern opens with "^"

    def _top_heading(self, k: int) -> bool:
        s = self.sents[self.paras[k][0]][0]
        return bool(_TOP_HEADING.match(self.text, s, s + 30))

    # -- lookups
    def para_start(self, pos: int) -> int:
        return self.sents[self.paras[self.para_of[self.sentence_index(pos)]][0]][0]

    def sentence_index(self, pos: int) -> int:
        k = bisect_right(self.sent_starts, pos) - 1
        return k if k > 0 else 0

    def marks_in(self, s: int, e: int) -> list[tuple[int, int, When]]:
        i, j = bisect_left(self.mark_starts, s), bisect_left(self.mark_starts, e)
        return [m for m in self.marks[i:j] if m[1] <= e]

    def cues_in(self, s: int, e: int) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        for k in range(self.sentence_index(s), self.sentence_index(max(s, e - 1)) + 1):
            found = self._sent_cues.get(k)
            if found is None:
                found = [c for c in self._cues(*self.sents[k]) if self._in_figure.find(c[0]) is None]
                self._sent_cues[k] = found
            if found:  # most sentences have none
                out += [c for c in found if s <= c[0] and c[1] <= e]
        return out

    def own(self, i: int, lead_only: bool = False) -> tuple[Any, Optional[bool]]:
        """What sentence i states itself: its first year or period (with `lead_only`, only one in its
        opening clause, "Trong năm 2022, …"), and whether it sets a goal."""
        s, e = self.sents[i]
        marks = self.marks_in(s, e)
        if lead_only and marks:
            m = _LEAD_CUT.search(self.text, s, e)
            cut = m.start() if m else e
            marks = [x for x in marks if x[1] <= cut]
        cues = self.cues_in(s, e)
        # an event's label ("Đại hội … lần thứ IV năm 2024") dates that event, not what follows it
        marks = [x for x in marks if not _EVENT_LABEL.search(self.text[max(0, x[0] - 30):x[0]])
                 and not _in_aside(self.text, s, x[0])]  # "(năm 2022 là 36,2%)": a base, not the frame
        when = marks[0][2] if marks else None
        if when is None and _SINCE_NOW.search(self.text[s:e]):
            when = _NO_YEAR  # "Sau 5 năm kể từ …" / "Từ đầu năm đến nay": no single year for what follows
        goal: Optional[bool] = None
        if cues:
            goal = cues[-1][2] == "target"
            if goal and lead_only and self.para_kind[self.para_of[i]] in ("body", "item"):
                # a paragraph's opening sets a goal for what follows only when it leads with one
                first_clause = _FIRST_CLAUSE.split(self.text[s:e], maxsplit=1)[0]
                goal = bool(_STRONG_LEAD.search(first_clause) or
                            any(c[2] == "target" and _UNTIL_WORD.match(self.text, c[0], c[1])
                                for c in cues if c[0] < s + len(first_clause)))
        return when, goal

    def scope(self, i: int, lead_only: bool = False) -> tuple[Any, Optional[bool]]:
        """Year/period and goal that sentence i carries: its own, else what its context gives it."""
        key = (i, lead_only)
        if key in self._scope_cache:
            return self._scope_cache[key]
        self._scope_cache[key] = (None, None)  # guards against cycles
        when, goal = self.own(i, lead_only)
        if when is None or goal is None:
            cw, cg = self.context(i)
            when = cw if when is None else when
            goal = cg if goal is None else goal
        self._scope_cache[key] = (when, goal)
        return when, goal

    def scope_para(self, k: int) -> tuple[Any, Optional[bool]]:
        """A heading's scope: the first year or period anywhere in it, else what it inherits."""
        ss = self.paras[k]
        marks = self.marks_in(self.sents[ss[0]][0], self.sents[ss[-1]][1])
        marks = [x for x in marks if not _EVENT_LABEL.search(self.text[max(0, x[0] - 30):x[0]])]
        cues = self.cues_in(self.sents[ss[0]][0], self.sents[ss[-1]][1])
        when, goal = self.scope(ss[0])
        if cues:
            goal = cues[-1][2] == "target"  # "II. MỤC TIÊU ĐẾN NĂM 2025"
        return (marks[0][2] if marks else when), goal

    def context(self, i: int) -> tuple[Any, Optional[bool]]:
        """What sentence i inherits: the sentence it breaks down ('Trong đó, …'), its paragraph's
        opening sentence, its list's lead-in, or the nearest heading above."""
        # remembered: it only reads earlier sentences' scopes, which never change once known
        found = self._context_cache.get(i)
        if found is None:
            found = self._context_cache[i] = self._context(i)
        return found

    def _context(self, i: int) -> tuple[Any, Optional[bool]]:
        s, e = self.sents[i]
        if i > 0 and _patterns()["openers"].match(self.text[s:e]):
            return self.scope(i - 1)
        k = self.para_of[i]
        first = self.paras[k][0]
        if first != i and _fewer_words(self.text, *self.sents[first]):
            first += 1  # "1." split off as a sentence of its own: the item's text opens after it
        if first < i:
            return self.scope(first, lead_only=True)
        kind = self.para_kind[k]
        j = k - 1
        if kind in ("item", "lead", "body"):
            # walk back over list items to the lead-in that introduces them
            while j >= 0 and self.para_kind[j] == "item":
                j -= 1
            if j >= 0 and self.para_kind[j] == "lead" and (kind == "item" or j == k - 1):
                return self.scope(self.paras[j][-1])
        # headings set scope when they structure the text ("Điều 2.", "II.", bold); a news title or
        # photo caption does not, except over a list
        if self.instructions:
            return None, None  # a directive's or conclusion's tasks carry no year from its title
        j = k - 1
        top = kind == "heading" and self._top_heading(k)
        while j >= 0 and not (self.para_kind[j] == "heading" and (kind == "item" or self.para_struct[j])
                              and (not top or self.para_title[j] or self._top_heading(j) or not self._sub_heading(j))):
            j -= 1  # a section heading ("III. NHIỆM VỤ") inherits from the title, not another section's parts
        if j >= 0:
            opens = self.sents[self.paras[k][0]][0]
            if self.para_title[j] and self.news and not _SINCE_TITLE.match(self.text, opens, opens + 60):
                return None, None  # a news title frames only paragraphs that look back over its period
            when, goal = self.scope_para(j)
            return when, (goal if kind == "item" or goal is False else None)
        return None, None


def _scan_cut(text: str, sent_start: int, pos: int, kind: str) -> int:
    """The end of the last match of the `kind` pattern in text[sent_start:pos], else sent_start."""
    cut = sent_start
    for m in _SCAN[kind].finditer(text, sent_start, pos):
        cut = m.end()
    return cut


def year_of(ctx: _Context, f: dict[str, Any], sent: tuple[int, int], clause_s: int) -> When:
    """The year or period a figure refers to (see the contract's 'Year and period')."""
    text = ctx.text
    s, e = f["span"]
    ss, se = sent
    marks = ctx.marks_in(ss, se)
    after = [m for m in marks if m[0] >= e]
    if after and not _in_aside(text, ss, after[0][0]) and (_RIGHT_AFTER.match(text, e, after[0][0]) or
                  (f["kind"] == "duration" and _DURATION_SPAN.match(text, e, after[0][0]))):
        return after[0][2]
    if after and f["kind"] == "duration" and isinstance(after[0][2], tuple) and after[0][0] - e < 150 \
            and not _CLAUSE_BREAK.search(text, e, after[0][0]):
        return after[0][2]  # "sau 5 năm thực hiện Chỉ thị … giai đoạn 2019-2024": the period it spans
    lo = ctx.cut(sent, s, "enum")
    before = [m for m in marks if lo <= m[0] and m[1] <= s]
    in_clause = [m for m in before if m[0] >= clause_s]
    if in_clause:
        return in_clause[-1][2]
    if before:  # (the opening is read only when there is a mark before the figure)
        lead = _LEAD_TIME.match(text, lo, min(se, lo + 120))
        if lead and before[0][0] < lead.end():
            return before[0][2]  # "Trong năm 2025, …": the sentence's opening sets its frame
        return before[-1][2]
    if after:
        between = text[e:after[0][0]]
        # a year later in the sentence speaks for this figure unless a new clause or an aside holds it
        if f["kind"] != "duration" and not _AFTER_BLOCK.search(between) and not _in_aside(text, ss, after[0][0]):
            return after[0][2]
    when = ctx.context(ctx.sentence_index(ss))[0]
    return None if when == _NO_YEAR else when


_TOP_HEADING = re.compile(r"\s*(?:\*\*)?\s*(?:[IVX]{1,5}\.\s|Điều\s+\d+|Chương\s|PHẦN\s|Phần\s+[IVX\d]+)")
_DURATION_SPAN = re.compile(r"\s*(?:\w+\s+){0,5}\(\s*$")
_AFTER_BLOCK = re.compile(r"kể từ|từ khi|dự kiến|[:;]", re.IGNORECASE)
_OPEN_PAREN = re.compile(r"\([^()]*$")


def _in_aside(text: str, sent_start: int, pos: int) -> bool:
    """Whether `pos` sits inside a bracketed aside that says more than a date ("(năm 2022 là 36,2%)")."""
    m = _OPEN_PAREN.search(text, max(sent_start, pos - 60), pos)
    if not m:
        return False
    close = text.find(")", pos, pos + 80)
    inner = text[m.start() + 1:close if close >= 0 else pos]
    return bool(_AMOUNT.search(_YEARISH.sub(" ", inner)))


_YEARISH = re.compile(r"(?:năm|giai đoạn)?\s*(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?", re.IGNORECASE)


def target_of(ctx: _Context, f: dict[str, Any], sent: tuple[int, int]) -> bool:
    """Whether a figure is a goal, quota, plan or allocation (see the contract's 'Targets')."""
    if f.get("target") is True:
        return True  # set by the figure finder (the planned half of "12.450/11.800 tỷ đồng")
    text = ctx.text
    s, e = f["span"]
    norm = ctx.legal and f.get("comparator") in ("<=", ">=") and _NORM.search(text, max(sent[0], s - 25), s)
    if norm and ctx.section(ctx.sentence_index(sent[0])) != "review":
        return True  # "thời gian thực hiện không quá 24 tháng": a ceiling or floor a legal text sets
    if f["kind"] == "duration" or (f.get("unit") or "").lower() in _PLAN_PARTS:
        return False
    cues = [c for c in ctx.cues_in(sent[0], s) if c[2] != "money_target" or f["kind"] == "money"]
    # a plan word inside an aside that closed before the figure speaks for that aside only
    cues = [c for c in cues if not _CLOSES.match(text, c[1], s)]
    if cues and text[cues[-1][0]:cues[-1][1]].lower() in _SOFT_RESULTS and (
            ctx.tasks or (ctx.legal and ctx.section(ctx.sentence_index(sent[0])) == "task")):
        cues = cues[:-1]  # "chủ trì giải ngân 612 tỷ đồng": in a directive, a task, not a result
    if len(cues) >= 2 and cues[-2][2] == "purpose" and text[cues[-1][0]:cues[-1][1]].lower() in _SOFT_RESULTS:
        cues = cues[:-1]  # "để hoàn thành mục tiêu giải ngân 100% kế hoạch": the verb the goal names
    if cues and cues[-1][2] == "target" and _ALLOC.fullmatch(text, cues[-1][0], cues[-1][1]) \
            and _SEMI.search(text, cues[-1][1], s) and ":" not in text[cues[-1][1]:s]:
        # "ngân sách bố trí 168 tỷ đồng; vốn tín dụng 512 tỷ đồng": the next clause is no allocation,
        # unless a goal word leads the sentence ("phấn đấu … kế hoạch Thủ tướng giao; đến 30/9 đạt 60%")
        while cues and cues[-1][2] == "target" and _ALLOC.fullmatch(text, cues[-1][0], cues[-1][1]) \
                and _SEMI.search(text, cues[-1][1], s):
            cues = cues[:-1]
        if any(c[2] == "target" and _GOAL_WORD.match(text, c[0], c[1]) for c in cues):
            return True
    if cues and cues[-1][2] == "purpose":
        # "để hoàn thành chỉ tiêu xuất khẩu 2,8 tỷ USD, Sở sẽ tổ chức hai đoàn": the goal is its own clause
        return not _CLAUSE_BREAK.search(text, cues[-1][1], s)
    # "phấn đấu … giải ngân đạt 100% kế hoạch": a goal stated as a share of the plan
    goal_first = len(cues) >= 1 and cues[-1][2] == "target" and _GOAL_WORD.match(text, cues[-1][0], cues[-1][1]) \
        and _governs(text, cues[-1][1], s) \
        or bool(cues) and cues[-1][2] == "purpose" and not _CLAUSE_BREAK.search(text, cues[-1][1], s)
    if len(cues) >= 2 and cues[-1][2] == "result" and cues[-2][2] == "target" \
            and text[cues[-1][0]:cues[-1][1]].lower() in _SOFT_RESULTS and _GOAL_WORD.match(text, cues[-2][0], cues[-2][1]) \
            and _governs(text, cues[-2][1], s):
        return True  # "phấn đấu đến ngày 30/6 giải ngân đạt trên 45%"
    after = text[e:e + 40].lstrip()[:1]
    first = _patterns()["plan_after_first"]  # a figure followed by another letter needs no match tried
    if (after.lower() in first or after.casefold()[:1] in first) \
            and _patterns()["plan_after"].match(text, e, e + 40) and not goal_first:
        return False  # "đạt 98% kế hoạch": an outcome measured against the plan
    if f["kind"] == "count" and _RECIPIENT.match(text, e, e + 30):
        return False  # the figure names who is given a quota, not the quota
    # the anchored unit test first: pure tests, so their order changes nothing but the cost, and most
    # counts are of no administrative unit (the end-anchored _BENEFICIARY is tried at every position)
    if f["kind"] == "count" and _ADMIN_UNIT.match(f["text"].split(None, 1)[-1] if " " in f["text"] else "") \
            and _BENEFICIARY.search(text, max(sent[0], s - 80), s) \
            and _FUNDS.search(text, sent[0], s):
        return False  # "vốn được phân bổ cho 9 huyện với 86 xã": who receives, not what is set
    if cues:
        return cues[-1][2] in ("target", "money_target")
    if ctx.cues_in(e, sent[1]) and any(c[2] == "result" for c in ctx.cues_in(e, min(sent[1], e + 40))):
        return False
    goal = ctx.context(ctx.sentence_index(sent[0]))[1]
    if goal:
        return True
    i = ctx.sentence_index(sent[0])
    section = ctx.section(i) if ctx.legal else None
    k = ctx.para_of[i]
    # a directive's opening paragraph states the situation; its tasks follow a lead-in, a heading or a number
    tasks = (ctx.tasks and section != "review" and (section == "task" or ctx.para_kind[k] == "item"
                                                    or "lead" in ctx.para_kind[:k])) \
        or section == "task"
    if tasks and i > 0 and (goal is None or section == "task" or ctx.para_kind[k] == "item"):
        clause = text[ctx.cut(sent, s, "clause"):s]
        if _CONDITION.search(text, sent[0], s) or _DESCRIPTION.match(clause):
            return False  # "đối với dự án giải ngân dưới 30%", "dự án …, dài 36 km": no task
        if f["kind"] == "count" and (_REFERRED_BEFORE.search(text, max(sent[0], s - 20), s)
                                     or _REFERRED_AFTER.match(text, e, min(sent[1], e + 40))):
            return False  # "nhà đầu tư của 02 dự án", "hồ sơ liên quan đến 36 hộ", "03 xã nêu trên": things that exist
        return True
    return bool(goal)


# A count a task refers to rather than sets: owned, concerned or already named things
_REFERRED_BEFORE = re.compile(r"(?<!\w)(?:của|giúp|thuộc|trong số|đối với|liên quan (?:đến|tới))[ \t]+$", re.IGNORECASE)
_REFERRED_AFTER = re.compile(r"(?:[ \t]+[\p{Ll}\d]+){0,4}?[ \t]+(?:nêu trên|nói trên|kể trên|này)(?!\p{L})")
_PURPOSE = re.compile(r"(?<!\w)(?:để|nhằm|quyết tâm|phấn đấu|bảo đảm|đảm bảo)\s+$", re.IGNORECASE)
_UPPER_AFTER = re.compile(r"\s+\p{Lu}")
_CLAUSE_END = re.compile(r"[;:.\n()]")
_ASSIGN_AFTER = re.compile(r"\s+(?:giao|phân bổ|bố trí|đề ra|đặt ra)(?!\w)", re.IGNORECASE)
# allocation words set the amounts of their own clause only; goal words lead a whole list
_ALLOC = re.compile(r"phân bổ|bố trí|đề ra|đặt ra|.*giao(?:\s+\w+)?", re.IGNORECASE)
_SEMI = re.compile(r"[;\n]|\.\s")
def _governs(text: str, a: int, b: int) -> bool:
    """Whether a goal word ending at `a` still leads position `b`: the same clause, or a list it opens with ':'."""
    between = text[a:b]
    return not _HARD_BREAK.search(between) or (":" in between and not _SENT_BREAK.search(between))


_TASK_HEADING = re.compile(r"nhiệm vụ|giải pháp|phương hướng|tổ chức thực hiện|mục tiêu|mục đích|yêu cầu|kinh phí",
                           re.IGNORECASE)
_REVIEW_HEADING = re.compile(r"kết quả|tình hình|đánh giá", re.IGNORECASE)
# counted parts of a plan say how it is built, not what it aims at ("ba đột phá chiến lược")
_PLAN_PARTS = {"chỉ tiêu", "tiêu chí", "mục tiêu", "nhiệm vụ", "đột phá", "giải pháp", "nhóm giải pháp", "khâu đột phá"}
_SOFT_RESULTS = {"giải ngân", "thực hiện được"}
_GOAL_WORD = re.compile(r"phấn đấu|mục tiêu|chỉ tiêu|phải|cần", re.IGNORECASE)
_HARD_BREAK = re.compile(r"[;.]\s|\n")
_NORM = re.compile(r"(?<!\w)(?:không quá|tối đa|tối thiểu|ít nhất|không vượt quá|không dưới|không thấp hơn)\s*$",
                   re.IGNORECASE)
_BENEFICIARY = re.compile(r"(?<!\w)(?:cho|với)\s+(?:các\s+)?(?:[\d.,]+\s+[^\d,;:.()]{1,40}?\s+(?:và|,)\s+)?$",
                          re.IGNORECASE)
_FUNDS = re.compile(r"(?<!\w)(?:phân bổ|bố trí|vốn|kinh phí|ngân sách)(?!\w)", re.IGNORECASE)
_ADMIN_UNIT = re.compile(r"(?:huyện|xã|thôn|bản|tỉnh|thành phố|phường|thị trấn|thị xã|làng|buôn|ấp|tổ dân phố|"
                         r"địa phương)(?!\w)", re.IGNORECASE)
# "đối với dự án giải ngân dưới 30%": a condition; "đối với 100% thủ tục": the task's own object
_CONDITION = re.compile(r"(?<!\w)(?:đối với|nếu|trường hợp)\s+\w[^;:.]*$", re.IGNORECASE)
_DESCRIPTION = re.compile(r"\s*(?:dài|rộng|tổng mức đầu tư|quy mô|công suất)(?!\w)", re.IGNORECASE)


# ------------------------------------------------------------------ metric

_SPACES = re.compile(r"[*_]+|\s+")
_ADVERBS = re.compile(r"(?<!\w)(?:hiện nay|hiện|đều|cũng|vẫn)(?!\w)", re.IGNORECASE)
_LEADING_ASIDE = re.compile(r"\s*\([^()]{0,80}\)")
_AND = re.compile(r"(?:và|hoặc|cùng)(?!\w)", re.IGNORECASE)
_ABOUT_FIRST = ("v", "V", "đ", "Đ")  # "về", "đối với"
_ABOUT = re.compile(r"\s*(?:về|đối với)\s+([^,;.()\n]{2,60})", re.IGNORECASE)
_VERBS_BEFORE = ("chiếm", "đạt", "tăng", "giảm", "bằng")
_VERB_BEFORE = re.compile(r"(?:^|\s)(chiếm|đạt|tăng|giảm|bằng)(?:\s+\S+){0,3}\s*$")
_VERBS_BEFORE_SET = frozenset(_VERBS_BEFORE)
_ODD_SPACE = std_re.compile(r"[\x1c-\x1f]")  # str.split() parts words there, `regex`'s \s does not


def _verb_before(low: str) -> Optional[str]:
    """_VERB_BEFORE.search(low).group(1), or None: the first of the last four words that is one of the
    verbs (a match is the verb as a whole word, then at most three words to the end), found by
    str.split(), whose spaces are the pattern's but for the characters _ODD_SPACE finds."""
    if _ODD_SPACE.search(low):
        m = _VERB_BEFORE.search(low)
        return m.group(1) if m else None
    for word in low.split()[-4:]:
        if word in _VERBS_BEFORE_SET:
            return word
    return None


_PREP_END = re.compile(r"(?<!\w)(?:thuộc|của|tại|ở|trong|trên|từ)\s*$", re.IGNORECASE)

# Where the words saying what a figure measures stop: punctuation, another number, a comparison,
# a change, a link to another noun ("thuộc", "với"), a time or place adverbial.
_TAIL_STOP = re.compile(
    r"[,;:.\n()“”\"*]|\d(?!\d*\s+tuổi)|(?<!\S)(?:so với|so|tăng|giảm|với|chiếm|bằng|tương đương|tương ứng|"
    r"trong đó|gồm|là|trên|tại|ở|vào|từ\s+(?:năm|ngày|tháng)|đến|kể từ|theo|nhằm|để|và các|nhiệm kỳ|"
    r"giai đoạn|trở lên|trở xuống|trở lại|như sau|sau đây|cụ thể)(?!\w)"
    r"|(?<!\S)(?<!(?:đầu|cuối|giữa)\s)(?:năm|đạt)\s+(?:(?:trên|hơn|gần|khoảng)\s+)?(?=\d)",
    re.IGNORECASE)
# the same for lower-case text by the standard `re` (its lookbehinds one width each): faster
_TAIL_STOP_LOW = std_re.compile(_TAIL_STOP.pattern.replace("(?<!(?:đầu|cuối|giữa)\\s)",
                                                           "(?<!đầu\\s)(?<!cuối\\s)(?<!giữa\\s)"))
# Nouns that open the name of a measure ("tỷ lệ hộ nghèo", "tổng vốn đầu tư", "số lượt lao động")
_HEAD = re.compile(r"(?<!\w)(?:tỷ lệ|tỉ lệ|tốc độ|tổng(?!\s+(?:kết|hợp|thể|quan|cục|công|bí|thống|giám|biên|điều))|"
                   r"số(?!\s*\d)|giá trị|kim ngạch|thu nhập|sản lượng|diện tích|doanh thu|"
                   r"vốn|thu ngân sách|chi ngân sách|chỉ số|năng suất|quy mô|tỷ trọng|tỉ trọng|GRDP|GDP|"
                   r"chỉ tiêu|lực lượng|dân số|mức|kinh phí|ngân sách|nguồn vốn)(?!\w)", re.IGNORECASE)
_SHARE_HEAD = re.compile(r"^(?:tỷ lệ|tỉ lệ|tốc độ|tỷ trọng|tỉ trọng)(?!\w)", re.IGNORECASE)
# Words between which a predicate is read ("toàn huyện đã [tuyển sinh và đào tạo] 4.120 người")
_AUX = re.compile(r"(?<!\S)(?:đã|đang|sẽ|được|có|là|gồm|cho|đạt|với|bầu)(?!\w)", re.IGNORECASE)
# the same for lower-case text (cleaned phrases), by the standard `re`: several times faster
_AUX_LOW = std_re.compile(_AUX.pattern)
_ADVERBS_LOW = std_re.compile(_ADVERBS.pattern)
_HEAD_LOW = std_re.compile(_HEAD.pattern.replace("GRDP|GDP", "grdp|gdp"))
_TIME_WORDS = re.compile(
    r"(?<!\w)(?:(?:trong|vào|tính đến|đến|cuối|đầu|hết|giữa|sau|qua|từ)\s+)*"
    r"(?:năm|giai đoạn|tháng|quý|ngày)\s*(?:\d{1,2}\s*/\s*)*(?:[IV]+\s*[/-]\s*)?(?:19|20)\d\d"
    r"(?:\s*[-–]\s*(?:19|20)\d\d)?"
    r"|(?<!\w)(?:(?:trong|vào|tính đến|đến|cuối|đầu|hết)\s+)+tháng\s+\d{1,2}(?!\d)"
    r"|(?<!\w)(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d"
    r"|(?<!\w)(?:\d+|sáu|chín|ba|bảy|năm)\s+tháng(?:\s+(?:đầu năm|qua|cuối năm))?"
    r"|(?<!\w)(?:hằng năm|hàng năm|mỗi năm|đến nay|hiện nay|từ đầu năm|cụ thể)(?!\w)", re.IGNORECASE)
# _TIME_WORDS for lower-cased text by the standard `re`, the "(?<!\w)" its five alternatives open with
# tested once (a zero-width test common to all of them): some three times faster, the same matches on a
# text made of _PLAIN_CHARS (tests/test_attributes_speed5.py compares the two on invented phrases).
_TIME_WORDS_LOW = std_re.compile(
    r"(?<!\w)(?:(?:(?:trong|vào|tính đến|đến|cuối|đầu|hết|giữa|sau|qua|từ)\s+)*"
    r"(?:năm|giai đoạn|tháng|quý|ngày)\s*(?:\d{1,2}\s*/\s*)*(?:[iv]+\s*[/-]\s*)?(?:19|20)\d\d"
    r"(?:\s*[-–]\s*(?:19|20)\d\d)?"
    r"|(?:(?:trong|vào|tính đến|đến|cuối|đầu|hết)\s+)+tháng\s+\d{1,2}(?!\d)"
    r"|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d"
    r"|(?:\d+|sáu|chín|ba|bảy|năm)\s+tháng(?:\s+(?:đầu năm|qua|cuối năm))?"
    r"|(?:hằng năm|hàng năm|mỗi năm|đến nay|hiện nay|từ đầu năm|cụ thể)(?!\w))")


def _sub_times(phrase: str, fill: Optional[str]) -> str:
    """_TIME_WORDS.sub(fill, phrase), each match blanked with as many spaces when `fill` is None (_blank);
    by _TIME_WORDS_LOW on the lower-cased phrase when all its characters are _PLAIN_CHARS (no match is
    empty: each holds a word or digits)."""
    if not _time_hint(phrase):
        return phrase  # no match (see _time_hint)
    if _NOT_PLAIN.search(phrase):
        return _TIME_WORDS.sub(_blank if fill is None else fill, phrase)
    out = []
    last = 0
    for m in _TIME_WORDS_LOW.finditer(phrase.lower()):  # offsets kept: these letters lower-case to one
        a, b = m.span()
        out.append(phrase[last:a])
        out.append(" " * (b - a) if fill is None else fill)
        last = b
    if not out:
        return phrase
    out.append(phrase[last:])
    return "".join(out)


_TRAIL_EXTRA_LAST = ("còn", "tiêu", "thể", "sau", "ước", "kiến")  # the last words _TRAIL_EXTRA takes
_TRAIL_EXTRA = re.compile(r"(?:(?:^|\s+)(?:còn|mục tiêu|với mục tiêu|cụ thể|như sau|ước|dự kiến))+$", re.IGNORECASE)
# Counted nouns that say little by themselves: the verb phrase before them names the count
_PEOPLE = {"người", "lao động", "người lao động", "đồng chí", "lượt", "lượt người", "trường hợp"}
_ROUTINE = re.compile(r"(?<!\w)(?:ban hành|triển khai|tổ chức|thực hiện|cung cấp|kiểm tra|rà soát|hoàn thành|"
                      r"phối hợp|tiến hành|xây dựng|tham mưu|trình|có|và|,)(?!\w)", re.IGNORECASE)
_TIME_ONLY = re.compile(r"(?:cuối|đầu|giữa|hết|trong|vào)\s+(?:năm|kỳ|tháng|quý)$", re.IGNORECASE)
_PLAN_START = re.compile(r"(?:kế hoạch|kh|dự toán|chỉ tiêu|mục tiêu|so với)(?!\w)", re.IGNORECASE)
_ASIDE = re.compile(r"\([^()]*\)")


def _time_hint(phrase: str) -> bool:
    """Whether _TIME_WORDS may match in phrase (else its sub changes nothing). Every match holds a year
    opening with "19" or "20" (ASCII digits, whatever the case flag), "tháng", "nay", "cụ thể" or "năm"
    after "hằng"/"hàng"/"mỗi"/"đầu": substring tests on the phrase and on the lower-cased phrase (each
    letter's case variants lower-case to it) replace an IGNORECASE alternation tried at every position.
    (A digit alone is not enough: "8,36%" holds no time; its alternatives with other digits need "tháng".)"""
    if "19" in phrase or "20" in phrase:
        return True
    low = phrase.lower()
    return "tháng" in low or "nay" in low or "cụ thể" in low or (
        "năm" in low and ("ng năm" in low or "đầu năm" in low or "mỗ" in low))


_ITEM_LABEL = re.compile(r"^(?:[a-zđ]\)|\d{1,2}[.)]|[+•])\s+", re.IGNORECASE)


def _blank(m: Any) -> str:
    return " " * len(m.group(0))


# metric_of cleans the same clause several ways: one document's cleanings are remembered (cleared for
# each document by attach_attributes; nothing is kept from one document to the next)
_CLEANED: dict[tuple[str, bool], str] = {}


def _clean(phrase: str, trail: bool = True) -> str:
    """Lower-case phrase without time and place adverbials, opening discourse words and (with
    `trail`) the verbs and hedges it ends with."""
    key = (phrase, trail)
    found = _CLEANED.get(key)
    if found is None:
        found = _CLEANED[key] = _clean_phrase(phrase, trail)
    return found


_ODD = std_re.compile(r"[*_\x1c-\x1f]")  # what str.split() and _SPACES treat differently


def _squeeze(phrase: str) -> str:
    """_SPACES.sub(" ", phrase) up to the spaces at either end (callers strip them)."""
    if _ODD.search(phrase):
        return _SPACES.sub(" ", phrase)
    return " ".join(phrase.split())


def _trim_trail(phrase: str, p: dict[str, Any]) -> str:
    """p["trail"].sub("", phrase) for a phrase whose words one space parts: the trailing verbs are whole
    words, so the match can only start where the phrase's last run of verb words does."""
    tokens = phrase.split(" ")
    if "" in tokens:  # a wider gap ("*" became a space): the plain way
        return str(p["trail"].sub("", phrase))
    vocab = p["trail_vocab"]
    k = 0
    for tok in reversed(tokens):
        if tok.lower() not in vocab:
            break
        k += 1
    if not k:
        return phrase
    low = phrase.lower()
    start = len(phrase) - len(" ".join(tokens[-k:]))
    m = p["trail_low"].search(low, start) if len(low) == len(phrase) else p["trail"].search(phrase, start)
    return phrase[:m.start()] + phrase[m.end():] if m else phrase


def _clean_phrase(phrase: str, trail: bool) -> str:
    p = _patterns()
    phrase = _sub_times(phrase, " ")
    phrase = _squeeze(phrase).strip(" ,.;:-–…")
    # "c) bố trí vốn …": a list label is no part of the measure (it holds ")", "." or a bullet early on)
    label = _ITEM_LABEL.match(phrase) if _has(phrase[:4], (")", ".", "+", "•")) else None
    if label:
        phrase = phrase[label.end():]
    for _ in range(3):
        before = phrase
        # anchored at the start: a sub would only cut this one match
        opening = p["discourse"].match(phrase) \
            if phrase.lstrip()[:12].lower().startswith(p["discourse_first"]) else None
        if opening:
            phrase = phrase[opening.end():]
        phrase = phrase.strip(" ,.;:-–…")
        if trail and phrase[phrase.rfind(" ") + 1:].lower() in p["trail_last"]:
            phrase = _trim_trail(phrase, p)
            if phrase.lower().endswith(_TRAIL_EXTRA_LAST):
                phrase = _TRAIL_EXTRA.sub("", phrase)
            phrase = phrase.strip(" ,.;:-–…")
        if phrase == before:
            break  # nothing more to trim
    return phrase.lower()


_SHARE_OF = re.compile(r"^(\S.*?)\s+chiếm(?:\s+(tỷ trọng|tỉ trọng))?(?:\s+(?:khoảng|gần|hơn|trên|dưới|xấp xỉ))?$",
                       re.IGNORECASE)
_LINK = re.compile(r"(?<!\w)(?:với|về)\s", re.IGNORECASE)


def _before(text: str, s: int, e: int) -> str:
    """The words of clause [s, e), asides and times blanked; after its last "với" when that names
    something ("… 4 dự án với tổng vốn đăng ký 915 tỷ đồng")."""
    seg = text[s:e]
    if "(" in seg:
        seg = _ASIDE.sub(_blank, seg)
    seg = _sub_times(seg, None)
    low = seg.lower()
    if "với" in low or "về" in low:
        for m in reversed(list(_LINK.finditer(seg))):
            if _clean(seg[m.end():]):
                return seg[m.end():]
            break
    return seg


def _subject(seg: str, prefer_head: bool = False) -> str:
    """The measure named before a figure: a phrase opening with a head noun ("tỷ lệ …", "tổng vốn …"),
    else the words before the clause's first verb, else from a later head noun."""
    stripped = _clean(seg)
    if not stripped:
        return ""
    head = _HEAD_LOW.search(stripped)
    if head and head.start() == 0:
        return stripped
    if _patterns()["places_low"].fullmatch(stripped):
        return ""  # "cả nước giảm 1,43%": a place, not a measure
    v = _patterns()["first_verb_low"].search(stripped)
    if head and (prefer_head or (v and v.group(0) in ("có", "là") and head.start() >= v.end()
                                 and not stripped[v.end():head.start()].strip())):
        return stripped[head.start():]  # "Việt Nam có quy mô thương mại điện tử …"
    if v and v.start() > 0:
        return _clean(stripped[:v.start()])
    if head:
        return stripped[head.start():]
    return "" if v else stripped


def _predicate(seg: str) -> str:
    """The verb phrase right before a count: the words after the last auxiliary ("đã giải quyết việc
    làm mới cho 1.640 lao động" -> "giải quyết việc làm mới")."""
    stripped = _patterns()["places_low"].sub(" ", _clean(seg))
    stripped = _ADVERBS_LOW.sub(" ", stripped)
    parts = [_clean(x) for x in _AUX_LOW.split(stripped)]
    parts = [x for x in parts if x]
    return parts[-1] if parts else ""


def _tail(text: str, e: int, skip_aside: bool = True) -> tuple[str, int]:
    """The words right after a figure that say what it counts ('doanh nghiệp đăng ký thành lập mới'),
    and where they end."""
    window = text[e:e + 150]
    start = 0
    if skip_aside and window.lstrip()[:1] == "(":  # "412/560 xã (chiếm 73,6%) đạt chuẩn …"
        m = _LEADING_ASIDE.match(window)
        start = m.end() if m else 0
    low = window.lower()
    m = _TAIL_STOP_LOW.search(low, start) if len(low) == len(window) else _TAIL_STOP.search(window, start)
    stop = m.start() if m else len(window)
    words = window[start:stop].split()[:9]
    tail = " ".join(words)
    if words and words[-1].lower() in _TAIL_TRIM_WORDS:  # the trimmed words end the tail
        tail = _TAIL_TRIM.sub("", tail)
    tail = tail.strip().lower()
    if not words or _AND.match(tail):
        return "", e
    return tail, e + window.find(words[-1], start) + len(words[-1])


_MOVE_TO = re.compile(r"(?<!\w)(?:giảm|tăng|nâng|đưa|hạ|kéo giảm)\s+([^,;:.()\d]{3,80}?)\s+(?:xuống|lên)"
                      r"(?:\s+(?:còn|mức|dưới|trên|khoảng|tới|đến|ít nhất|tối thiểu|tối đa|hơn))*\s*$", re.IGNORECASE)
_MOVE_VERBS = ("giảm", "tăng", "nâng", "đưa", "hạ")  # every _MOVE_TO match holds one ("kéo giảm" too)
_TAIL_TRIM_WORDS = frozenset("thuộc của cho và với có được đã là".split())
_TAIL_TRIM = re.compile(rf"(?:\s+(?:{'|'.join(sorted(_TAIL_TRIM_WORDS))}))+$", re.IGNORECASE)


def metric_of(ctx: _Context, f: dict[str, Any], sent: tuple[int, int], prev: Optional[dict[str, Any]]) -> Optional[str]:
    """What the figure measures, lower-case, as written nearby (the annotators' habits: the counted
    noun phrase after a count, the named measure before a rate or amount, the share's base after
    "chiếm", the earlier figure's measure for a bare "tăng 5%")."""
    text = ctx.text
    s, e = f["span"]
    about = _ABOUT.match(text, e, e + 70) if text[e:e + 70].lstrip()[:1] in _ABOUT_FIRST else None
    if about:
        m = _TAIL_STOP.search(about.group(1))
        phrase = _clean(about.group(1)[:m.start()] if m else about.group(1))
        if phrase:
            return phrase
    # "giảm tỷ lệ hộ nghèo xuống dưới 3%", "nâng tỷ lệ che phủ rừng lên 45%": the measure is the verb's object
    lo = max(sent[0], s - 120)
    low = ctx.lower
    # the move needs its "lên" or "xuống" and one of its verbs
    moved = _MOVE_TO.search(text, lo, s) if low is None or (
        (low.find("lên", lo, s) >= 0 or low.find("xuống", lo, s) >= 0)
        and any(low.find(v, lo, s) >= 0 for v in _MOVE_VERBS)) else None
    if moved:
        phrase = _clean(moved.group(1), trail=False)
        if _HEAD.match(phrase):
            f["_base"] = phrase
            return phrase
    same = prev is not None and prev["span"][1] <= s and prev["span"][0] >= sent[0]
    floor = sent[0]
    if same and prev["kind"] != "duration":
        floor = min(max(prev["span"][1], prev.get("_tail_end", 0)), s)
        # an earlier figure inside a closed aside: "thị trường châu Âu (chiếm 6,33%) tăng 70,94%"
        k = text.rfind("(", sent[0], prev["span"][0])
        if k >= 0 and ")" not in text[k:prev["span"][0]] and ")" in text[prev["span"][1]:s]:
            floor = max(sent[0], _clause_start_metric(ctx, sent, k))
    clause_s = max(_clause_start_metric(ctx, sent, s), floor)
    seg = _before(text, clause_s, s)
    # a count's doer/verb phrase may run over commas ("tặng Bằng khen hạng Nhất, Nhì, Ba cho 7 tập thể")

    def long_seg() -> str:
        return _before(text, max(_clause_start_metric(ctx, sent, s, loose=True), floor), s)

    subj = _subject(seg)
    low_seg = seg.lower()
    # the cleaned clause holds "chiếm" only where the clause itself does
    share = _SHARE_OF.match(_clean(seg, trail=False)) if "chiếm" in low_seg else None
    if share:  # "nhóm dệt may chiếm tỷ trọng 8,4%": the share of the group named before
        subj = f"{share.group(2) or ''} {share.group(1)}".strip()
    elif clause_s > sent[0] and text[clause_s - 1] == "(" and _SHARE_VERB.match(seg):
        # "thị trường Nhật Bản (chiếm tỷ trọng 5,1%)": the group is named before the aside
        outer = _subject(_before(text, _clause_start_metric(ctx, sent, clause_s - 1), clause_s - 1))
        share = _SHARE_OF.match(f"{outer} {_clean(seg, trail=False)}") if outer else None
        if share:
            subj = f"{share.group(2) or ''} {share.group(1)}".strip()
    verb_before = _verb_before(low_seg) if _has(low_seg, _VERBS_BEFORE) else None
    bare = not subj and not _predicate(seg)  # "…, tăng 12%": the clause names nothing itself
    if bare:
        if same and prev.get("_base"):
            subj = prev["_base"]
        else:
            # walk back over earlier clauses of the sentence: "Sản xuất công nghiệp tăng trưởng, đạt …"
            k = clause_s
            for _ in range(3):
                if k <= sent[0]:
                    break
                k0 = _clause_start_metric(ctx, sent, max(sent[0], k - 2))
                subj = _subject(_before(text, k0, k - 1), prefer_head=True)
                if subj:
                    break
                k = k0
            if not subj and prev is not None and prev.get("_base") and prev["span"][0] >= ctx.para_start(s):
                subj = prev["_base"]  # "…còn 2,75%. Bình quân giảm 1,43%/năm": the paragraph's measure
    base = subj
    tail, f["_tail_end"] = _tail(text, e, skip_aside=f["kind"] != "rate")
    time_only = bool(_TIME_ONLY.match(tail))  # read once: the rules below ask it again of the same tail
    if time_only:
        f["_tail_end"] = e  # "14,6% cuối năm 2021 xuống còn 9%": the year after it belongs to no measure
    if f["kind"] == "duration":
        phrase = _clean(tail, trail=False) or _predicate(long_seg()) or subj
        base = None
    elif f["kind"] == "measure":
        named = "" if time_only else _clean(tail)
        phrase = named or subj or _predicate(seg)  # "kiên cố hóa 42,5 km kênh mương", "sản lượng … đạt 52 vạn tấn"
        base = subj or phrase
    elif f["kind"] == "count":  # (its counted noun is read only here)
        lead = _NUMBER_WORDS.match(f["text"])  # anchored at the start: the only place a sub would cut
        unit_words = (f["text"][lead.end():] if lead else f["text"]).strip().lower()
        noun = (unit_words + " " + tail).strip()
        if _HEAD.match(subj or "") and not verb_before and not bare:
            phrase = f"{subj} {noun}"
        elif tail:
            phrase = noun
        elif bare and subj:
            phrase = subj if unit_words in subj else f"{subj} {noun}"
        elif _PREP_END.search(seg):
            phrase = noun  # "… người lao động thuộc 57 cơ quan": the count names its own noun
        else:
            pred = _predicate(long_seg())
            if unit_words in _PEOPLE:
                # "đã giải quyết việc làm mới cho 1.640 lao động": the verb phrase says what is counted
                phrase = pred if len(pred.split()) >= 2 else f"{pred} {noun}".strip()
            else:
                # "ban hành, triển khai 15 văn bản": a routine verb adds nothing to the counted noun
                phrase = noun if not _ROUTINE.sub(" ", pred).strip(" ,") else f"{pred} {noun}".strip()
        base = phrase
    elif f["kind"] == "rate" and share:
        after = _clean(tail)
        phrase, base = (after if after and not share.group(2) else subj), share.group(1)
    elif f["kind"] == "rate":
        after = "" if time_only else _clean(tail)
        if verb_before == "chiếm" and after:
            phrase = after  # "chiếm 80,2% dân số": a share of the named base
        elif bare and after and not _PLAN_START.match(after):
            phrase = after  # "…; 100% xã đạt chuẩn nông thôn mới": the clause names its own measure
        elif subj and _SHARE_HEAD.match(subj):
            phrase = subj
        else:
            phrase = f"{subj} {after}".strip()
            if bare and subj and not after and not _SHARE_HEAD.match(subj) and prev is not None \
                    and prev["kind"] == "count" and verb_before == "chiếm":
                phrase = f"tỷ lệ {subj}"  # "có 70 kiến nghị đã được trả lời, chiếm 50%"
    else:
        named = _clean(tail)
        if named and _HEAD.match(named) and (bare or not _HEAD.match(subj or "")):
            phrase = named  # "giao 500 tỷ đồng vốn đầu tư công"
        else:
            phrase = subj or _predicate(seg) or named
        base = phrase
    f["_base"] = base
    phrase = _squeeze(phrase).strip(" ,.;:-–…").lower()
    return phrase or None


def _clause_start_metric(ctx: _Context, sent: tuple[int, int], pos: int, loose: bool = False) -> int:
    """Start of the clause before `pos` that may name a figure's measure (commas break it unless `loose`)."""
    return ctx.cut(sent, pos, "loose" if loose else "wrapped" if ctx.wrapped else "metric")


_CLAUSE_METRIC = re.compile(r"[;:\n“”\"]|\((?=[^()]*$)|,\s|\.\s|\.\.\.|…|(?<!\w)trong đó(?!\w)", re.IGNORECASE)
_CLAUSE_METRIC_WRAPPED = re.compile(r"[;:“”\"]|\((?=[^()]*$)|,\s|\.\s|(?<!\w)trong đó(?!\w)", re.IGNORECASE)
_CLAUSE_LOOSE = re.compile(r"[;:\n“”\"]|\((?=[^()]*$)|\.\s|\.\.\.|…|(?<!\w)trong đó(?!\w)", re.IGNORECASE)
_SCAN = {"metric": _CLAUSE_METRIC, "wrapped": _CLAUSE_METRIC_WRAPPED, "loose": _CLAUSE_LOOSE,
         "clause": _CLAUSE_BREAK, "enum": _ENUM}
# the same breaks but brackets, scanned over a whole sentence: which "(" opens the clause depends on
# where the figure is ("(" with no bracket between it and the figure), so cut() finds it by bisection
_BREAK_SOURCES = {"metric": r"[;:\n“”\"]|,\s|\.\s|\.\.\.|…|(?<!\w)trong đó(?!\w)",
           "wrapped": r"[;:“”\"]|,\s|\.\s|(?<!\w)trong đó(?!\w)",
           "loose": r"[;:\n“”\"]|\.\s|\.\.\.|…|(?<!\w)trong đó(?!\w)",
           "clause": _CLAUSE_BREAK.pattern, "enum": _ENUM.pattern}
# simple enough for the standard `re`, which scans them several times faster than `regex`
_BREAKS = {k: std_re.compile(v, std_re.IGNORECASE if k in ("metric", "wrapped", "loose") else 0)
           for k, v in _BREAK_SOURCES.items()}
_PUNCT_BREAKS = {k: std_re.compile(v.replace("|(?<!\\w)trong đó(?!\\w)", ""))
                 for k, v in _BREAK_SOURCES.items() if k in ("metric", "wrapped", "loose")}
# The same scans rewritten to open with one character class (each alternative's first character, in the
# original order; the lookbehinds then tell which alternative it opens): the standard `re` skips ahead
# to the next such character instead of trying the whole alternation at every position. Every
# alternative of a pattern opens with a different character (or, for "." and "\n", keeps its order),
# so each finds the same matches; tests/test_attributes_speed.py compares them on random sentences.
_FAST_BREAKS = {
    "metric": std_re.compile(r'[;:\n“”",.…](?:(?<=[;:\n“”"…])|(?<=,)\s|(?<=\.)\s|(?<=\.)\.\.)'),
    "wrapped": std_re.compile(r'[;:“”",.](?:(?<=[;:“”"])|(?<=[,.])\s)'),
    "loose": std_re.compile(r'[;:\n“”".…](?:(?<=[;:\n“”"…])|(?<=\.)\s|(?<=\.)\.\.)'),
    # anchored on the dash, not on the space before it (spaces are everywhere): see _clause_ends
    "clause": std_re.compile(r'[;:!?\n(),.\-–](?:(?<=[;:!?\n()])|(?<=[,.])\s|(?<=\s[-–])(?=\s))'),
    # anchored on the ")" both alternatives hold: the matches end at the same places (only ends are used)
    "enum": std_re.compile(r'\)(?:(?<=\(\d\))|(?<=\(\d\d\))|(?<=[;:]\s[a-zđ\d]\))\s)'),
}
_FAST_ENUM = _FAST_BREAKS["enum"]
_FAST_CLAUSE = _FAST_BREAKS["clause"]


def _clause_ends(text: str, s: int, e: int) -> list[int]:
    """Ends of the _CLAUSE_BREAK matches in text[s:e], by the dash-anchored scan. Each match of the plain
    scan has a fixed length from its start; a " - " is found at its dash, so its end is one past the dash
    and it counts only when its opening space is no part of an earlier match (", - ", "\n- ") and lies
    in the range; a "\n" right after a counted dash was that dash's closing space."""
    if text.find("-", s, e) < 0 and text.find("–", s, e) < 0:  # no dash: each match stands as found
        return [m.end() for m in _FAST_CLAUSE.finditer(text, s, e)]
    out = []
    last = s
    for m in _FAST_CLAUSE.finditer(text, s, e):
        a = m.start()
        if m.end() == a + 1 and text[a] in "-–":  # " - ": opening space at a - 1, closing one at a + 1
            if a - 1 >= last:
                last = a + 2
                out.append(last)
        elif a >= last:
            last = m.end()
            out.append(last)
    return out


def _enum_ends(text: str, s: int, e: int) -> list[int]:
    """Ends of the enumeration marks in text[s:e], by the ")"-anchored scan: its lookbehinds may see an
    opening "(" or label before s, which the plain scan from s never matches, so those are dropped."""
    out = []
    for m in _FAST_ENUM.finditer(text, s, e):
        end = m.end()
        # "(1)" / "(12)" end with ")"; "a) " ends after it
        start = end - 4 if text[end - 1] == ")" and text[end - 3] != "(" else end - 3
        if start >= s:
            out.append(end)
    return out


_BRACKET = std_re.compile(r"[()]")
_TRONG_DO_BREAK = std_re.compile(r"(?<!\w)trong đó(?!\w)", std_re.IGNORECASE)  # as in _BREAKS
_TRONG_DO = re.compile(r"(?<!\w)trong đó", re.IGNORECASE)
_NUMBER_WORDS = re.compile(r"^[\d.,\s/–\-]+(?:(?:nghìn|ngàn|triệu|tỷ|tỉ|vạn)\s+)?|^(?:(?:một|hai|ba|bốn|năm|sáu|bảy|"
                           r"bẩy|tám|chín|mười|mươi|mốt|tư|lăm|trăm|linh|lẻ|nghìn|ngàn|triệu|tỷ)\s+)+", re.IGNORECASE)


# ------------------------------------------------------------------ entry point

def attach_attributes(doc: Doc, figures: list[dict[str, Any]], lower: Optional[str] = None) -> None:
    """Fill metric, year, period, target and change on each figure record (in place); `lower`, when
    given, is the document's text lower-cased (the figure finder's, shared)."""
    if not figures:
        return
    _CLEANED.clear()
    ctx = _Context(doc, figures, lower)
    text = ctx.text
    prev: Optional[dict[str, Any]] = None
    for f in figures:
        s, e = f["span"]
        sent = ctx.sents[ctx.sentence_index(s)]
        clause_s = ctx.cut(sent, s, "clause")
        f["change"] = change_of(text[clause_s:s])
        if f["change"] is None and (f.get("unit") or "").endswith("/năm"):
            # "tỷ lệ giảm nghèo bình quân 0,98%/năm": a yearly reduction named before the figure
            verb = _yearly_change(text[clause_s:s])
            if verb:
                f["change"] = "decrease" if verb == "giảm" else "increase"
        f["target"] = target_of(ctx, f, sent)
        when = year_of(ctx, f, sent, clause_s)
        f["year"] = when if isinstance(when, int) else None
        f["period"] = tuple(when) if isinstance(when, tuple) else None
        f["metric"] = metric_of(ctx, f, sent, prev)
        prev = f
    for f in figures:
        f.pop("_base", None)
