"""Officials and by-line authors: named people with the titles the text gives them, merged across mentions."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any, NamedTuple

import re as sre
import unicodedata

import regex as re
from spacy.language import Language
from spacy.tokens import Doc

from .. import rules
from ..nlp import add_items, doc_text
from ..normalize import _OLD_TONE, modern_tones

# A capitalised name syllable: "Lưu", "A", "KĐăm"/"Kđăm" (ethnic names), "H'Hen"; never an acronym ("UBND").
_SYL = r"(?:\p{Lu}['’]?\p{Lu}?[\p{Ll}\p{M}]+|\p{Lu})(?![\p{L}\p{M}\d])"
_UPSYL = r"\p{Lu}[\p{Lu}\p{M}]*(?![\p{L}\p{M}\d])"
_SP = r"[ \t]+"

# Lower-case words that never sit inside a title: verbs and function words end a title where they start.
_STOP = frozenset("""
đã đang sẽ được bị vừa cho là có về tại trong khi với cùng để thì mà này đó những các đến từ theo phát chủ trì đánh
giá làm tham gặp thăm trao tặng ký yêu cầu đề nghị nhấn mạnh biết nêu khẳng chúc mừng ghi lên ra vào ở như nhằm
thay thôi giữ nghỉ hưu qua đời bầu bổ trả lời tới báo cáo đọc chia sẻ cảm ơn đi khai cũng không chưa rất luôn hơn
nhiều ông bà anh chị chí nói kiểm kết chỉ điều tiếp đón nhận dẫn gửi thuộc phụ xem lắng nghe kiêm trình bày
""".split())
_CUE = r"(?:[Đđ]ồng chí|[Hh]òa thượng|[Hh]oà thượng|[Tt]hượng tọa|[Đđ]ại đức|[Ll]inh mục|[Mm]ục sư|[Nn]i sư|[Đđ]/[Cc]|[Ôô]ng|[Bb]à|anh|chị|[Cc]ụ|[Đđ]ại biểu|[Nn]hà báo|[Nn]ghệ nhân|[Bb]ác sĩ|[Ll]uật sư|[Tt]hầy|[Cc]ô giáo" \
       r"|(?:PGS|GS|TS|ThS|BS|KS|NGƯT|NGND|NSND|NSƯT)\.?(?:[ ]?,?[ ]?(?:TS|ThS|BS|CKII|CKI)\.?)*)"
_WEEKDAY = re.compile(r"^(?:Thứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ [Nn]hật)\b")
_NOT_AUTHOR = frozenset({"PV", "CTV", "BBT", "TTXVN", "VNA", "TTXVN/VNA", "BTV", "NV", "ẢNH"})


@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    """Lower case without diacritics: "Lâm Đông" and "Lâm Đồng" fold alike (OCR drops marks)."""
    text = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    return "".join(c for c in text if not unicodedata.combining(c))

# compiled once: the regex module's own cache lookup costs more than these searches
_UPPER_WORDS = re.compile(r"\p{Lu}{2}[\p{Lu}\p{M}]* \p{Lu}")
_ABBR_DOT = re.compile(r"\p{Lu}{1,3}\.|T\.Ư|T\.W|TP\.|Tp\.")
_COMMA_END = sre.compile(r"[ \t]*,[ \t]*$")
_SEG_BOUND = re.compile(r"[,;:\n|()]|\.\s")
_SPACE = re.compile(r" (?=\S)")
_LIST_SEP = sre.compile(r"[ \t]*(?:,|;|và)[ \t]*")
_LAST_DOT_SPACE = re.compile(r"(?r)\.\s")  # the last one: such matches cannot overlap
_SPACES = re.compile(r"\s+")
_NEW_PREFIX = sre.compile(r"^(?:tân|Tân)[ \t]+")
_LEAD_CUT = sre.compile(r"[,;(]")
_COMMA_SEMI = sre.compile(r"[,;]")
_ORG_TAIL = re.compile(r"[ \t]+(?:niên|Cộng sản|nhân dân|Việt Nam)\b")
_LIST_SPLIT = re.compile(r"([ \t]*(?:,|;|\bvà\b)[ \t]*)")
_LIST_JOIN = re.compile(r"[ \t]*(?:,|;|\bvà\b)[ \t]*")
_ORG_START = re.compile(r"(?:Sở|Ban|Bộ|Hội|Ủy|Uỷ|Tỉnh|Huyện|Thành|Trường|Công|Đoàn|Đảng|Văn|Trung|Chi)\b")
_NON_VI_LETTER = sre.compile(r"[fjwz]")
_VOWELS = sre.compile(r"[aeiouy]+")
_QU_GI = sre.compile(r"(?:qu|gi)[aeiouy]+[a-z]*")
_ONSET = sre.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?")
_BYLINE_WORD = re.compile(r"\b(?:Tin|Bài|Ảnh|Video|Nguồn|Theo|Tổng hợp|Trang|Mục)\b", re.IGNORECASE)
_LINE = sre.compile(r"[^\n]+")
_SIGNED = sre.compile(r"\(?(?:Đã ký|đã ký|Ký|Ký tên|ký|signed)|^\(.*\)$|Ký bởi")
_SIGN_PREFIX = sre.compile(r"(?:(?:KT|TM|TL|TUQ|Q)\.?[ \t]*)?(.+)")
_HAS_ABBR = re.compile(r"\p{Lu}[\p{Lu}&.]")
_DASH_NEXT = sre.compile(r"[ \t]*(?:[-–—]|kiêm|và)?[ \t]+")
_STRONG_FIRST = frozenset({"Phó", "Trưởng", "Chủ", "Giám", "Bí", "Tổng", "Chánh", "Cục", "Vụ", "Viện", "Hiệu", "Thứ", "Bộ"})
_CAPS_BEFORE = re.compile(r"(?:\p{Lu}[\p{L}\p{M}]* )+$")
_AN_LU = re.compile(r"\p{Lu}")
_CAP_RUN = re.compile(rf"(?<![\p{{L}}\p{{M}}\d.]){_SYL}(?:{_SP}{_SYL}){{1,3}}")
_ON_BEHALF = sre.compile(r"(?:KT|TM|TL|TUQ)\.[ \t]*$")
_RX_PARTS = sre.compile(r"[,;]")
_LATER_VERB = re.compile(r"(?<![\p{L}])(?:giữ chức vụ|giữ chức danh|giữ chức|được bầu làm|được bầu giữ chức(?: vụ)?"
                         r"|được bổ nhiệm (?:giữ chức(?: vụ)?|làm)|làm(?=[ \t]+(?:Trưởng|Phó)))[ \t]+")
# a full name (three words or more) that speaks is a person: "Lê Văn An cho biết …"
_SPEECH = re.compile(r"[ \t]+(?:cho biết|chia sẻ|nói|phát biểu|khẳng định|nhấn mạnh|cho rằng|bày tỏ|kể|giải thích"
                     r"|nhận định|trao đổi|trả lời|thông tin|đề xuất|kiến nghị)(?![\p{L}\p{M}])")
# the regex module's \s spelled out for stdlib re (quicker on short strings): _TITLE_KEY_RE, read the same
_WHITESPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
              "\u2028\u2029\u202f\u205f\u3000"
_TITLE_KEY_RE = re.compile(r"[\s.,;:()-]+")
# Where a title's chunk, sentence, verb phrase or ";" part stops (only the start is read): stdlib re with the
# regex module's \s spelled out, quicker to call on a text than the regex module
_CHUNK_STOP = sre.compile(rf"[,;()\n|]|\.(?:[{_WHITESPACE}]|$)|[{_WHITESPACE}][–—][{_WHITESPACE}]")
_SENT_STOP = sre.compile(rf"\.(?:[{_WHITESPACE}]|$)|\n")
_VERB_STOP = sre.compile(rf"[,;()\n|]|\.(?:[{_WHITESPACE}]|$)")
_SEMI_STOP = sre.compile(rf";|\.(?:[{_WHITESPACE}]|$)|\n")
_TITLE_KEY = sre.compile(rf"[{_WHITESPACE}.,;:()\-]+")


def _squeeze(text: str) -> str:
    """_SPACES.sub(" ", text): each run of white space as one space; text itself when it holds no run but
    single spaces. What the sub rewrites is two spaces or any other white space, and every white space
    character but the space is non-printable (tests/test_officials_speed6.py checks all of Unicode): two str
    tests, quicker than a search; a text they pass for another non-printable character is left as is by the sub."""
    return _SPACES.sub(" ", text) if "  " in text or not text.isprintable() else text
_REPEAT = re.compile(r"\b(\p{L}+(?: \p{L}+)?)(?: \1\b)+")


_CUE_START = re.compile(rf"(?<![\p{{L}}\p{{M}}]){_CUE}(?![\p{{L}}\p{{M}}])")


_FOREIGN_FIRST = frozenset("Tổng Phó Thủ Chủ Quốc Nhà Hoàng Công Thị Ngoại Bộ Đại Nữ Giáo".split())
_FOREIGN_GATE = sre.compile("(" + "|".join(sorted(_FOREIGN_FIRST)) + ")")
# every capitalised syllable a name pattern can read (_SYL where a run or a name may start): the gate for foreign names
_SYL_ANY = re.compile(rf"(?<![\p{{L}}\p{{M}}\d.]){_SYL}")
_WORD = re.compile(r"(?<![\p{L}\p{M}\d])[\p{L}\p{M}]+")
_CAP_WORD = re.compile(r"(?<![\p{L}\p{M}\d.])\p{Lu}[\p{L}\p{M}'’]*")


def _at_words(pattern: re.Pattern[str], text: str, starts: re.Pattern[str] | list[tuple[int, str]],
              first: frozenset[str] | None = None):
    """pattern.finditer(text), tried only where `starts` finds a word start (whose word is in `first`,
    when given): a long alternation (every title, every family name) is slow to scan for but quick
    to try at one place. `starts` may be a list of (offset, word) read once per text."""
    pos = 0
    if isinstance(starts, list):
        words: Any = starts
    elif first is None:
        words = ((w.start(), "") for w in starts.finditer(text))  # the word itself is not needed
    else:
        words = ((w.start(), w.group(0)) for w in starts.finditer(text))  # lazily: no list per call
    for at, word in words:
        if at < pos or first is not None and word not in first and word[:2] not in first \
                and word.lower() not in first:
            continue
        m = pattern.match(text, at)
        if m:
            yield m
            pos = m.end()


# Letters a gate may treat as "inside a word": a subset of \\p{L}, so a gate skips only places the exact pattern would.
_VI_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_VI_LETTERS = _VI_LOWER + _VI_LOWER.upper()
# Anything but a space, a digit or a known lower-case letter: a superset of \\p{Lu} for stdlib re.
_MAYBE_UPPER = rf"[^\s0-9{_VI_LOWER}]"
# Old-style tone placement at a word end (what modern_tones rewrites): a document without it is scanned as is.
_OLD_TONE_GATE = sre.compile(r"[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?![a-zA-Z])")
_LETTER_AT = re.compile(r"\p{L}")  # modern_tones' "(?!\p{L})", asked of one place

# Where a _SYL_ANY match that _foreign holds may start, for stdlib re (a charset scan for a capital, then a short
# test there: ~2.5x quicker than _SYL_ANY's scan, which runs its lookbehind at every character). A place is
# passed over only when no foreign syllable can start there, as tests/test_officials_speed5.py checks:
# - a capital (the class holds every \p{Lu}) that opens a syllable _foreign holds Vietnamese: onset (read as
#   _ONSET reads the folded word: possessive, in its order), vowels, a final, then a sure non-letter (_SYL's match
#   ends there, no \p{L}, \p{M} or \d);
# - a capital before two more, or one and a sure non-letter or digit ("UBND", "TP."): no _SYL match there;
# - a character after a letter, a digit or a "." (_SYL_ANY's lookbehind).
# Both tests are assertions at the same place, so their order changes no match: the one-character lookbehind
# goes first (it turns away a third of the capitals, those inside "UBND", "HĐND", for a few steps), and in the
# lookahead (true when any branch matches, whatever their order) the capital-before-capital branch goes first:
# seed ~691 -> ~579 K instructions a scan, dev ~247 -> ~196 (tests/test_officials_speed7.py compares the two).
_VI_VOWELS = "aeiouy" + "".join(c for c in _VI_LOWER[3:] if c != "đ")
_VI_UPPER = "A-ZĐ" + _VI_LOWER[3:].upper()
_NOT_LETTER = r"\s!-/:-@\[-`{-~“”‘’…–—«»·•"  # white space, ASCII and common punctuation: never \p{L}, \p{M}, \d
# the same but for the apostrophes, which _SYL reads after a capital ("A'c")
_VI_END = r"(?:ch|c|m|ng|nh|n|p|t)?(?:[\s!-&(-/:-@\[-`{-~“”‘…–—«»·•]|\Z)"
_VI_REST = rf"[{_VI_VOWELS}]++{_VI_END}"
_FOREIGN_MAY = sre.compile(
    rf"[^0-9{_VI_LOWER}{_NOT_LETTER}]"
    rf"(?<![{_VI_LETTERS}0-9.].)"
    rf"(?![{_VI_UPPER}](?:[{_VI_UPPER}0-9{_NOT_LETTER}]|\Z)"
    rf"|(?<=T)(?:h|r)?+{_VI_REST}|(?<=[BDĐLMRSVXH]){_VI_REST}|(?<=N)(?:gh|g|h)?+{_VI_REST}|(?<=[CKP])h?+{_VI_REST}"
    rf"|(?<=[{_VI_VOWELS.upper()}])[{_VI_VOWELS}]*+{_VI_END}|(?<=G)(?:h|[iìíỉĩị])?+{_VI_REST}"
    rf"|(?<=Q)[uùúủũụưừứửữự]?+{_VI_REST})")


@lru_cache(maxsize=1)
def _cue_gate() -> sre.Pattern[str]:
    """_CUE's words as one stdlib prefix tree (quick to scan for), after a character that is not a known letter,
    before a possible capital (or the "." or "," of a degree chain, "PGS.TS"): where a list of names after a
    cue ("các ông: …") can start. Group 1 holds nothing but the tree, so re skips ahead to its first letters."""
    words, chain = _CUE[3:].split("|(?:PGS", 1)
    spelled = ["PGS"] + chain.split(")", 1)[0].strip("|").split("|")  # the degrees that open a chain
    for alt in words.split("|"):
        literals = [""]
        for one, two, plain in sre.findall(r"\[(.)(.)\]|([^\[\]]+)", alt):
            literals = [w + c for w in literals for c in ((one, two) if one else (plain,))]
        spelled += literals
    return sre.compile(rf"[^{_VI_LETTERS}]({_trie(sorted(set(spelled)))})"
                       rf"(?=[ \t]*:?[ \t]*{_MAYBE_UPPER}|\.|[ ]?,)")


@lru_cache(maxsize=1)
def _cue_degrees() -> frozenset[str]:
    """Each degree that opens or continues a _CUE chain ("PGS.TS."), with or without its ".": where a chain ends."""
    chain = _CUE[3:].split("|(?:PGS", 1)[1]
    degrees = ["PGS"] + chain.split(")", 1)[0].strip("|").split("|")
    degrees += sre.search(r"\(\?:((?:\w+\|)+\w+)\)", chain.split(")", 1)[1]).group(1).split("|")
    return frozenset(degrees) | {d + "." for d in degrees}


@lru_cache(maxsize=1)
def _cue_tails() -> dict[str, tuple[str, ...]]:
    """Every way a _CUE match can end: each literal cue ("đồng chí", "Bà"), and each degree that opens or
    continues a chain ("PGS.TS."), with or without its "."; by their last two characters (each has two)."""
    words = _CUE[3:].split("|(?:PGS", 1)[0]
    tails = set(_cue_degrees())
    for alt in words.split("|"):
        literals = [""]
        for one, two, plain in sre.findall(r"\[(.)(.)\]|([^\[\]]+)", alt):
            literals = [w + c for w in literals for c in ((one, two) if one else (plain,))]
        tails.update(literals)
    assert min(map(len, tails)) >= 2
    by_last: dict[str, list[str]] = {}
    for t in sorted(tails):
        by_last.setdefault(t[-2:], []).append(t)
    return {k: tuple(v) for k, v in by_last.items()}


def _may_end_in_cue(before: str) -> bool:
    """Whether _CUE then [ \t]*:?[ \t]* can end `before` where "$" matches (at its end, or before a final line
    end): no cue ends with a space, a tab or a colon, so the cue must end where those are stripped off (one
    colon at most). A dict lookup and a str.endswith are far quicker than cue_end's search."""
    tails = _cue_tails()
    for b in (before, before[:-1] if before.endswith("\n") else ""):
        b = b.rstrip(" \t")
        if b.endswith(":"):
            b = b[:-1].rstrip(" \t")
        ends = tails.get(b[-2:])
        if ends is not None and b.endswith(ends):
            return True
    return False


def _cue_end_search(pattern: re.Pattern[str], scan: str, lo: int, hi: int) -> Any:
    """pattern.search(scan, lo, hi) for cue_end (_CUE then [ \t]*:?[ \t]*$), tried only where a match can start.
    A match ends its cue where "$" matches (at hi, or before a final line end) once the spaces, tabs and one colon
    before it are passed (no cue ends with one), with a way _cue_tails lists for a cue to end. A literal cue then
    starts its own length before: the pattern is matched at those places, leftmost first, as search would try
    them (the lookbehind sees before a place either way). Only a degree can end a chain of unknown length: then
    the search itself."""
    tails = _cue_tails()
    before = scan[lo:hi]
    starts = set()
    for b in (before, before[:-1] if before.endswith("\n") else ""):
        b = b.rstrip(" \t")
        if b.endswith(":"):
            b = b[:-1].rstrip(" \t")
        for t in tails.get(b[-2:], ()):
            if b.endswith(t):
                if t in _cue_degrees():
                    return pattern.search(scan, lo, hi)
                starts.add(len(b) - len(t))
    for p in sorted(starts):
        m = pattern.match(scan, lo + p, hi)
        if m is not None:
            return m
    return None


def _modern_tones(text: str) -> str:
    """modern_tones(text), rewriting only around the places _OLD_TONE_GATE finds (a rewrite is two letters
    long, and needs one character on each side to decide).

    >>> _modern_tones("Uỷ ban, hoà giải, Quý, thuỷ")
    'Ủy ban, hòa giải, Quý, thủy'
    """
    pieces: list[str] = []
    done = 0
    for m in _OLD_TONE_GATE.finditer(text):
        q = m.start()
        # what modern_tones does to the window text[q - 1:q + 3] (which holds no other rewrite), read directly:
        # its pattern matches at q when the pair, case aside, is one of _OLD_TONE's (the gate's letters case
        # alike one to one), no "q" stands before it, and no letter after; its repl keeps the first letter's case
        old = m.group(0)
        new = _OLD_TONE.get(old.lower())
        if new is None or q and text[q - 1] in "qQ" or _LETTER_AT.match(text, q + 2):
            continue
        if old[0].isupper():
            new = new[0].upper() + new[1:]
        if new != old:
            pieces += [text[done:q], new]
            done = q + 2
    return "".join(pieces) + text[done:] if pieces else text


def _gated(gate: sre.Pattern[str], exact: re.Pattern[str], pattern: re.Pattern[str], text: str,
           first: frozenset[str] | None = None, lead: bool = False):
    """What _at_words(pattern, text, exact, first) yields, trying `exact` only where the cheap stdlib `gate`
    finds group 1: the gate must find every start of an `exact` match that `pattern` can match at, and every
    `exact` match that covers such a start. With `lead`, the gate reads one character before the start
    (so the text's first character is tried on its own)."""
    pos = skip = 0
    search = gate.search
    q = 0 if lead else -1
    while True:
        if q < 0:
            g = search(text, pos - 1 if lead and pos else pos)
            if g is None:
                return
            q = g.start(1)
        em = exact.match(text, q)
        if em is not None and q and text[q - 1] in "'’" and _inside_word(exact, text, q):
            em = None  # "X'Nguyễn": the start sits inside a word `exact` read from further left
        if em is None:
            pos = q + 1
            q = -1
            continue
        pos = em.end()  # exact.finditer would resume here
        if pos <= q:
            pos = q + 1
        if q >= skip:
            word = em.group(0)
            if first is None or word in first or word[:2] in first or word.lower() in first:
                m = pattern.match(text, q)
                if m:
                    yield m
                    skip = m.end()
        q = -1


_RUN_BEFORE = re.compile(r"[\p{L}\p{M}'’]+$")


def _inside_word(exact: re.Pattern[str], text: str, q: int) -> bool:
    """Whether exact.finditer(text) reads a word running over q (a word's letters and apostrophes before q)."""
    run = _RUN_BEFORE.search(text, max(0, q - 80), q)
    if run is None:
        return False
    return any(w.start() < q < w.end() for w in exact.finditer(text, run.start(), q + 1))


# A family name and two to five syllables ("Lê Văn Tám", "H'Hen Niê"); the family name, any whole word here,
# is looked up in a set (quicker to build than an alternation of every family name: same matches).
_NAME = re.compile(rf"(?<![\p{{L}}\p{{M}}\d.])(?:(?P<sur>[\p{{L}}\p{{M}}]+)(?![\p{{L}}\p{{M}}])|H['’]\p{{Lu}}[\p{{Ll}}\p{{M}}]+)"
                   rf"(?:{_SP}{_SYL}){{1,4}}")
# Groups are read by number: the regex module looks a group name up in ~0.3 us, a number in ~0.07 us.
_NAME_SUR = _NAME.groupindex["sur"]


class _NamePattern:
    """match/fullmatch of a person's name opening with a family name of `surnames`.

    A match whose first word is not a family name is no match: only a whole word can be one, and the "H'"
    branch cannot match where that word is followed by a space.
    """

    def __init__(self, surnames: frozenset[str]):
        self.surnames = surnames

    def _keep(self, m: Any) -> Any:
        if m is None:
            return None
        sur = m.group(_NAME_SUR)
        return m if sur is None or sur in self.surnames else None

    def match(self, text: str, pos: int = 0) -> Any:
        m = _NAME.match(text, pos)
        if m is None:
            return None
        sur = m.group(_NAME_SUR)
        return m if sur is None or sur in self.surnames else None  # _keep, inlined: called for each candidate

    def fullmatch(self, text: str) -> Any:
        return self._keep(_NAME.fullmatch(text))


class Mention(NamedTuple):
    start: int
    end: int
    name: str
    cue: bool        # preceded by "ông", "bà", "đồng chí" ...: a person even without a title
    # whether _CUE ends right before the name, read in the 40 characters before it alone (None: not read):
    # False spares find_officials its own search for one, in fewer characters seeing more context
    cue_before: bool | None = None


def _trie(words: list[str]) -> str:
    """An alternation of literal words as a prefix tree, longest first: quick for the regex engine to try.

    >>> _trie(["Phó Chủ tịch", "Phó Bí thư", "Chủ tịch", "Phó"])
    '(?:(?:Phó(?:\\\\ (?:Chủ\\\\ tịch|Bí\\\\ thư))?|Chủ\\\\ tịch))'
    """
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in node.items() if ch]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
        if len(branches) > 1 and not optional:
            body = "(?:" + "|".join(branches) + ")"
        return body + "?" if optional and body else body
    return "(?:" + build(tree) + ")"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    t = rules.load("titles")
    s = rules.load("surnames")["surnames"]
    pl = rules.load("places")

    def alt(words: list[str]) -> str:
        return _trie(sorted(set(words)))

    heads = alt(t["heads"])
    abbr = t["abbreviations"]
    heads_low = frozenset(h.lower() for h in t["heads"])
    assert not any(h.startswith("nguyên") for h in heads_low)  # title_start's group "h" relies on it
    # abbreviations that are themselves a position ("UVTW", "TUV", "PCT"): they may open a title
    title_abbr = [k for k, v in abbr.items() if _opens_with(v, heads_low) and k.upper() == k]
    head_first = frozenset(w.split()[0].lower() for w in list(t["heads"]) + title_abbr + ["nguyên"])
    d: dict[str, Any] = {
        "abbr": abbr,
        "abbr_re": re.compile(rf"(?<![\p{{L}}&\-])(?:{alt(list(abbr))})(?![\p{{L}}&])"),
        # group "h" set: the title opens with a head word (what a pattern of the head words alone would match;
        # no head word starts with "nguyên", so the order of the branches changes nothing)
        "title_start": re.compile(
            rf"(?:nguyên{_SP})?(?:(?P<h>{heads})(?![\p{{L}}\p{{M}}])|(?:{alt(title_abbr)})(?![\p{{L}}\p{{M}}]))",
            re.IGNORECASE),
        "name": _NamePattern(frozenset(s)),
        # a cue ("các đồng chí:", "gồm các ông") followed by a list of names in any form ("Quyết Tâm")
        "cue_list": re.compile(
            rf"(?<![\p{{L}}])(?:(?:gồm|là|có|và){_SP})?(?:các{_SP})?{_CUE}[ \t]*:?[ \t]*"
            rf"(?P<list>{_SYL}(?:{_SP}{_SYL}){{1,4}}(?:[ \t]*(?:,|;|và)[ \t]*{_SYL}(?:{_SP}{_SYL}){{1,4}})*)"),
        # posts that, capitalised, start a second title even with no comma before them
        "strong": sre.compile(rf"(?:Phó |Tổng |Thứ trưởng|Bộ trưởng|Trưởng |Chủ tịch|Chủ nhiệm|Giám đốc|Bí thư|Chánh |Cục trưởng"
                             rf"|Vụ trưởng|Viện trưởng|Hiệu trưởng)"),
        "cue_end": re.compile(rf"(?<![\p{{L}}]){_CUE}[ \t]*:?[ \t]*$"),
        # the same, searched from the end (where it must match): only whether there is one is asked
        "cue_end_r": re.compile(rf"(?r)(?<![\p{{L}}]){_CUE}[ \t]*:?[ \t]*$"),
        # an upper-case name alone on its line; its first word must be in upper_surnames (see _upper_name_line):
        # a set lookup compiles far quicker than a 200-way alternation
        "upper_line": re.compile(rf"^[ \t*#|_]*(?P<n>(?P<sur>[^ \t]+)(?:{_SP}{_UPSYL}){{1,4}})[ \t*|_]*$"),
        "upper_surnames": frozenset(x.upper() for x in s),
        "name_initials": frozenset(x[:1] for x in s) | frozenset(x.upper()[:1] for x in s) | {"H"},
        # where a surname (a word of surname_set, all capitalised) can start: the gate for "name"
        # (followed by no known letter: the word is the surname itself; or "H'"). Group 1 holds nothing but
        # the prefix tree, so stdlib re skips ahead to the tree's first letters (a lookahead inside it would
        # make re try the whole tree at every character: 7x slower)
        "surname_gate": sre.compile("(" + _trie(sorted(set(s) | {"H'", "H’"})) + rf")(?:(?<=['’])|(?![{_VI_LETTERS}'’]))",
                                    0 if all(w[:1].isupper() for w in s) else sre.IGNORECASE),
        "provinces": frozenset(pl["provinces"] + pl["not_names"]),
        "surname_set": frozenset(s) | {"H'", "H’"},
        "head_first": head_first,
        # head_first with, for a first word holding a non-letter ("ct.ubnd"), its opening run of letters ("ct"):
        # what a whole word of letters must be, lower-cased, where title_start matches (see _no_title_at)
        "head_words": head_first | frozenset(re.match(r"[\p{L}\p{M}]*", w).group(0) for w in head_first),
        # where a word of head_first starts (case aside; a whole word: no known letter follows), or a word opening
        # with a two-letter one, after a character that is no known letter (the tests of _gated's `first`)
        "head_gate": sre.compile(rf"[^{_VI_LETTERS}]((?i:{_trie(sorted(head_first))})(?![{_VI_LETTERS}])"
                                 rf"|{_trie(sorted(w for w in head_first if len(w) == 2))})"),
        "provinces_folded": frozenset(_fold(p) for p in pl["provinces"]),
        "org_words": frozenset(pl["non_person_before"]),
        "place_words": frozenset(pl["place_words"]),
    }
    return d


_NOT_LM = re.compile(r"[^\p{L}\p{M}]")
_NGUYEN = re.compile(r"nguyên[ \t]+", re.IGNORECASE)


def _no_title_at(word: str, head_words: frozenset[str]) -> bool:
    """Whether title_start surely cannot match where `word` starts, `word` being a whole word of the text: the
    characters up to a space, a tab or the end of a name, and the next one no letter or mark. A title_start
    match opens with "nguyên" or a head's first word (case aside), then a space, a tab or no letter; a word
    of letters alone (isalpha: no apostrophe, tab or mark) holds exactly that word, or, for a first word like
    "CT.UBND", its letters before the ".". Case aside the regex module equates each letter of head_words with
    letters that lower() alike, but for "İ" (lower() gives two characters): such a word is left to the match."""
    return word.isalpha() and "İ" not in word and word.lower() not in head_words


def _no_title_word(text: str, pos: int, head_words: frozenset[str]) -> bool:
    """_no_title_at for the word at pos: the text from pos up to the next space, or to the end (letters alone, it
    is a whole word: a space or nothing follows). True: title_start.match(text, pos) is surely None."""
    end = text.find(" ", pos)
    return _no_title_at(text[pos:end] if end >= 0 else text[pos:], head_words)


def _opens_with(text: str, heads_low: frozenset[str]) -> bool:
    """Whether text opens (after an optional "nguyên ") with a head word ending before a non-letter, case aside.

    >>> _opens_with("Phó Chủ tịch UBND", frozenset({"phó chủ tịch"})), _opens_with("Phóng viên", frozenset({"phó"}))
    (True, False)
    """
    starts = [0]
    ng = _NGUYEN.match(text)
    if ng:
        starts.insert(0, ng.end())
    for a in starts:
        ends = [m.start() for m in _NOT_LM.finditer(text, a)] + [len(text)]
        if any(text[a:e].lower() in heads_low for e in ends):
            return True
    return False


def _prov_end(text: str) -> int:
    """Where the longest place name (places.json: provinces and not_names) opening text ends, if a non-letter
    follows it; else 0. A set lookup per word boundary: quicker to build than a 200-way alternation.

    >>> _prov_end("Hà Nội, ngày"), _prov_end("Hà Nộix"), _prov_end("Nguyễn Văn A")
    (6, 0, 0)
    """
    places, firsts, longest = _places()
    if text[:2] not in firsts:
        return 0
    word = text.partition(" ")[0]
    if word not in firsts and word.isalpha():
        return 0  # a place opens with a whole first word of one: letters up to a space
    best = 0
    for m in _NOT_LM.finditer(text, 1, longest + 1):
        if text[:m.start()] in places:
            best = m.start()
    if len(text) <= longest and text in places:
        best = len(text)
    return best


@lru_cache(maxsize=1)
def _places() -> tuple[frozenset[str], frozenset[str], int]:
    """Place names that are never people, their first two characters and first words (up to a non-letter),
    and the longest one's length."""
    pl = rules.load("places")
    names = frozenset(pl["provinces"] + pl["not_names"])
    firsts = {n[:2] for n in names} | {n[:m.start()] if (m := _NOT_LM.search(n)) else n for n in names}
    return names, frozenset(firsts), max(map(len, names))


def _head_match(text: str) -> Any:
    """title_start's match when the title opens with a head word (not with an abbreviation), else None."""
    m = _data()["title_start"].match(text)
    return m if m is not None and m.group("h") is not None else None


@lru_cache(maxsize=1)
def _foreign_title() -> re.Pattern[str]:
    """A foreign leader's title, maybe a country, then the name (group "n"): compiled only for a document
    with a foreign-looking syllable."""
    pl = rules.load("places")

    prov = _trie(sorted(set(pl["provinces"])))
    return re.compile(
        rf"(?:Tổng thống|Phó Tổng thống|Thủ tướng|Chủ tịch|Quốc vương|Nhà vua|Hoàng tử|Công chúa|Thủ hiến|Thị trưởng"
        rf"|Ngoại trưởng|Bộ trưởng(?: Ngoại giao| Quốc phòng)?|Đại sứ|Tổng Thư ký|Tổng Giám đốc|Giám đốc|Chủ tịch Hội đồng quản trị"
        rf"|Tổng Bí thư|Chủ tịch nước|Chủ tịch Quốc hội|Phó Thủ tướng|Nữ hoàng|Giáo hoàng)"
        rf"(?:{_SP}(?:{prov}))?(?:{_SP}(?:Liên bang|Cộng hòa|nước|Vương quốc))?(?:{_SP}(?:{prov}))?"
        rf"{_SP}(?P<n>{_SYL}(?:{_SP}{_SYL}){{1,3}})")


@lru_cache(maxsize=4096)
def expand_title(raw: str) -> str:
    """A title written out in full, with modern tone marks ("UVTV Tỉnh ủy" -> "Ủy viên Ban Thường vụ Tỉnh ủy").

    >>> expand_title("Phó Chủ tịch UBND tỉnh")
    'Phó Chủ tịch Ủy ban nhân dân tỉnh'
    >>> expand_title("TUV")
    'Tỉnh ủy viên'
    >>> expand_title("PHÓ CHÁNH VĂN PHÒNG")
    'Phó Chánh Văn phòng'
    """
    d = _data()
    abbr = d["abbr"]
    out = _SPACES.sub(" ", raw).strip(" ,;:-–")
    if out.upper() == out and _UPPER_WORDS.search(out):
        out = _sentence_case(out)
    if _HAS_ABBR.search(out):
        out = d["abbr_re"].sub(lambda m: abbr[m.group(0)], out)
    out = _REPEAT.sub(r"\1", out)  # "UVTW Đảng" -> "… Trung ương Đảng Đảng" -> once
    return modern_tones(_SPACES.sub(" ", out).strip())


def _sentence_case(upper: str) -> str:
    """An upper-case signing title in the usual casing ("PHÓ GIÁM ĐỐC SỞ" -> "Phó Giám đốc sở")."""
    low = upper.lower()
    m = _head_match(low)
    if not m:
        return low[:1].upper() + low[1:]
    canon = next((h for h in rules.load("titles")["heads"] if h.lower() == m.group(0).lower()), m.group(0))
    return canon + low[m.end():]


# ------------------------------------------------------------------ titles around a name

def _trim(chunk: str, hm: Any = False) -> str:
    """Cut a title where running text starts: a verb or function word, a sentence end, a lower-case tail after " - ".
    `hm`: title_start's match at the chunk's start when the caller has it already (None: no match)."""
    words = chunk.split(" ")
    d = _data()
    title_start = d["title_start"]
    if hm is False:
        hm = title_start.match(chunk)
    # the words of the head match are kept as they are (as many as the spaces before its end, plus one)
    in_head = chunk.count(" ", 0, hm.end()) + 1 if hm else 0
    out: list[str] = words[:in_head]
    for i in range(in_head, len(words)):
        w = words[i]
        if w in _STRONG_FIRST and i > 0 and d["strong"].match(" ".join(words[i:i + 4])):
            break  # "Phó Bí thư Thường trực Tỉnh ủy Phó Trưởng Ban Chỉ đạo": a second post starts
        if w in ("-", "–", "—", "&"):
            if i + 1 < len(words) and words[i + 1][:1].isupper() \
                    and (_no_title_at(words[i + 1], d["head_words"])
                         or not title_start.match(" ".join(words[i + 1:i + 6]))):
                out.append(w)  # "Sở Lao động - Thương binh và Xã hội"; not "… tỉnh - Tổ trưởng"
                continue
            break
        bare = w.strip(".,;:!?\"“”'()")
        if not bare:
            if w == "":
                continue
            break
        if bare[:1].islower() and bare in _STOP:
            break
        if bare == "đồng" and i + 1 < len(words) and words[i + 1] in ("chủ", "chí", "thời", "ý", "loạt"):
            break
        if bare == "dự" and not (i + 1 < len(words) and words[i + 1].startswith("khuyết")):
            break  # "… dự lễ", not "Ủy viên dự khuyết"
        if bare == "và" and (i + 1 >= len(words) or not words[i + 1][:1].isupper()
                             or not _no_title_at(words[i + 1], d["head_words"])
                             and title_start.match(" ".join(words[i + 1:i + 6]))):
            break
        out.append(w)
        if w.endswith((".", "!", "?")) and not _ABBR_DOT.fullmatch(w):
            out[-1] = w.rstrip(".!?")
            break
    return " ".join(out).strip(" ,;:-–")


def _is_title(chunk: str) -> str | None:
    """The chunk as a title when it opens with a head word or a title abbreviation; else None."""
    chunk = chunk.strip()[:250]  # no title is longer
    if chunk.startswith(("tân", "Tân")):  # what _NEW_PREFIX can match opens so
        chunk = _NEW_PREFIX.sub("", chunk)
    hm = _data()["title_start"].match(chunk) if chunk else None
    if hm is None:
        return None
    t = _trim(chunk, hm)
    return t if len(t) >= 2 else None


_PAREN_ABBR = re.compile(r"\([\p{Lu}Đ&\-]{2,10}\)")
_PRE_BOUND = re.compile(r"[,;:\n|()“”\"]|\.\s|\s[–—-]\s(?=[\p{Ll}])|^")
_PRE_BOUND_CHARS = ",;:\n|()“”\""


def _pre_cut(window: str) -> int:
    """Where the last _PRE_BOUND match in window ends."""
    cut = 0
    # the last one-character boundary is always where a match ends (the class is tried first), so the
    # scan for the last boundary can start there
    last = max(map(window.rfind, _PRE_BOUND_CHARS))
    rest = window[last + 1:]
    # after it only a "." or a dash can open another: with neither, the last ends there (or is "^" at 0)
    if "." not in rest and "-" not in rest and "–" not in rest and "—" not in rest:
        return last + 1
    # A "." before white space is always where a match starts: no match can hold it but as its first
    # character (the class holds no "."; a dash match holds only white space and a dash). So the scan can
    # start at the last one after `last` as well.
    start = max(last, 0)
    dot = window.rfind(".", start)
    while dot >= 0 and not (dot + 1 < len(window) and window[dot + 1] in _WHITESPACE):
        dot = window.rfind(".", start, dot)
    for cut_m in _PRE_BOUND.finditer(window, max(start, dot)):
        cut = cut_m.end()
    return cut


def _title_before(text: str, start: int, floor: int) -> tuple[str | None, int]:
    """The title written right before a name ("Bí thư Tỉnh ủy Lê Văn A"): (title, where it starts)."""
    lo = max(floor, start - 220)
    head_gate = _data()["head_gate"]
    window = text[lo:start]
    if "(" in window:
        window = _PAREN_ABBR.sub(lambda m: " " * len(m.group(0)), window)
    cut = _pre_cut(window)
    # No word of the segment after the cut can open a title unless the gate finds one in the text from the
    # character before the segment (with cut > 0 a boundary, no letter, as in the segment; blanked
    # "(ABC)" only hides words): the search over the whole window, when the segment is the window.
    if (lo or cut) and not head_gate.search(text, lo + cut - 1, start):
        return None, start
    seg = window[cut:]
    head_re = _data()["title_start"]
    for hm in _gated(head_gate, _WORD, head_re, seg, _data()["head_first"], lead=True):
        if hm.start() and seg[hm.start() - 1].isalpha():
            continue
        gap = seg[hm.end():]
        toks = gap.split()
        if len(toks) > 16:
            continue
        if any(t[:1].islower() and t.strip(".,") in _STOP for t in toks):
            continue
        raw = text[lo + cut + hm.start():start].rstrip()
        return raw.rstrip(" -–"), lo + cut + hm.start()
    return None, start


def _chain_before(text: str, pos: int, floor: int, claimed: list[tuple[int, int]], starts: list[int]) -> list[str]:
    """Titles listed with commas before a pre-name title ("Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng X")."""
    out: list[str] = []
    while True:
        m = _COMMA_END.search(text[max(floor, pos - 4):pos])
        if not m:
            break
        end = max(floor, pos - 4) + m.start()
        lo = max(floor, end - 160)
        seg_start = lo
        for b in _SEG_BOUND.finditer(text[lo:end]):
            seg_start = lo + b.end()
        seg = text[seg_start:end].strip()
        lead = len(text[seg_start:end]) - len(text[seg_start:end].lstrip())
        if any(a <= seg_start + lead < b for a, b in claimed):
            break
        t = _is_title(seg)
        i = bisect_left(starts, seg_start)
        if not t or t != seg or i < len(starts) and starts[i] < end:
            break
        out.insert(0, seg)
        pos = seg_start + lead
    return out


_POST_SEP = re.compile(r"[ \t]*(?:,|;|\||[–—-](?=[ \t])|\()[ \t]*|[ \t]*[–—-](?=\p{Lu})|[ \t]+-(?=\p{L})|[ \t]+(?=\p{Lu}{2,}|Ủy viên|Uỷ viên)")
_POST_VERB = re.compile(
    r"[ \t]+(?:(?:đã|vừa|được|tiếp tục|chính thức|sẽ|đang)[ \t]+)*"
    r"(?:(?:bầu lại|bầu bổ sung|bầu|bổ nhiệm lại|bổ nhiệm|điều động|phân công|chuẩn y|phê chuẩn|tái cử|đắc cử|"
    r"trúng cử|giới thiệu|đề cử|làm|giữ|là|vào|đảm nhiệm|kiêm|kiêm nhiệm)[ \t]+)+"
    r"(?:(?:chức vụ|chức danh|chức|vị trí|cương vị)[ \t]+)?(?=\S)")


_CAREER = sre.compile(
    r"[ \t]*,?[ \t]*(?:(?:đã|từng|đã từng|lần lượt)[ \t]+)+(?:giữ|đảm nhiệm|kinh qua|trải qua)[ \t]+"
    r"(?:(?:nhiều|các|những)[ \t]+)?(?:chức vụ|cương vị|vị trí|chức danh)(?:[ \t]+(?:như|quan trọng|khác|lãnh đạo))*"
    r"[ \t]*:?[ \t]*")
# A title given to the people a clause then lists: "phê chuẩn chức danh Ủy viên UBND tỉnh … đối với ông A, …; ông B".
_LEAD = re.compile(
    r"(?:chức danh|chức vụ|nhiệm vụ|bầu bổ sung|bầu|bổ nhiệm lại|bổ nhiệm|chuẩn y|phê chuẩn|miễn nhiệm|giới thiệu)"
    r"[ \t]+(?:(?:\d+|các|hai|ba|bốn|năm|sáu|bảy)[ \t]+)?(?=\S)", re.IGNORECASE)
_LEAD_TO = sre.compile(
    r"(?:(?:đối với|gồm có|gồm)(?:[ \t]+các)?(?:[ \t]+(?:ông|bà|đồng chí|đ/c)(?:[ \t]+và[ \t]+bà)?)?"
    r"|là[ \t]+(?:các[ \t]+)?(?:ông|bà|đồng chí))[ \t]*:?[ \t]*")


def _may_lead_to(text: str) -> bool:
    """Whether _LEAD_TO can match in text: each of its matches holds "gồm", "đối với", or "là" and one of
    "ông", "bà", "đồng chí" (str's `in` is far quicker than the pattern's scan)."""
    return "gồm" in text or "đối với" in text or "là" in text and ("ông" in text or "bà" in text or "đồng chí" in text)


def _lead_title(text: str, start: int) -> list[str]:
    """The title a sentence gives the list a name stands in ("… chức danh Ủy viên UBND tỉnh đối với ông A, …")."""
    lo = max(0, start - 400)
    window = text[lo:start]
    if not _may_lead_to(window):
        return []
    last_dot = _LAST_DOT_SPACE.search(window)
    b = max(window.rfind("\n"), last_dot.end() if last_dot else -1)
    sent = window[b + 1:]
    if not _may_lead_to(sent):
        return []
    to = None
    for to in _LEAD_TO.finditer(sent):
        pass
    if to is None or sent[to.end():].count("(") != sent[to.end():].count(")"):
        return []
    before = sent[:to.start()]
    lead = None
    for lead in _LEAD.finditer(before):
        pass
    if lead is None:
        return []
    t = _is_title(_LEAD_CUT.split(before[lead.end():])[0])
    return [t] if t else []


def _titles_after(text: str, end: int, starts: list[int] = []) -> tuple[list[str], int]:
    """Titles that follow a name: ", UVTW Đảng, Bí thư Tỉnh ủy", " - Chủ tịch UBND tỉnh", " (Giám đốc Sở …)"."""
    d = _data()
    out: list[str] = []
    pos = end
    in_paren = False
    for _ in range(8):
        sm = _POST_SEP.match(text, pos)
        if not sm:
            break
        sep = sm.group(0)
        if "(" in sep and not out:
            # "X (46 tuổi, Trưởng phòng Kinh tế)": the posts among the bracket's parts
            close = text.find(")", sm.end(), sm.end() + 200)
            if close > 0 and "(" not in text[sm.end():close]:
                found = [t for part in _RX_PARTS.split(text[sm.end():close]) if (t := _is_title(part))]
                if found:
                    out += found
                    pos = close + 1
                    break
        if "(" in sep:
            in_paren = True
        stop = _CHUNK_STOP.search(text, sm.end())
        chunk_end = stop.start() if stop else len(text)
        chunk = text[sm.end():chunk_end]
        if sep.strip() == "" and not d["title_start"].match(chunk):
            break
        t = _is_title(chunk)
        if not t:
            break
        if ";" in sep:
            # after ";" only further posts of the same person ("…, Ủy viên Bộ Chính trị; Giám đốc …"):
            # the part up to the next ";" must name nobody
            seg = _SEMI_STOP.search(text, sm.end())
            j = bisect_left(starts, sm.end())
            if not out or t != chunk.strip() or j < len(starts) and starts[j] < (seg.start() if seg else len(text)):
                break
        i = bisect_left(starts, sm.end())
        if i < len(starts) and starts[i] < sm.end() + len(t):
            # "…, Phó Chủ tịch UBND tỉnh Nguyễn Văn B": that title belongs to the next person
            break
        out.append(t)
        pos = sm.end() + len(t)
        if len(t) < len(chunk.rstrip()):
            dash = _DASH_NEXT.match(text, pos)
            if not (dash and not _no_title_word(text, dash.end(), d["head_words"])
                    and d["title_start"].match(text, dash.end())):
                break
            if not _POST_SEP.match(text, pos):
                # "… Tỉnh ủy Phó Trưởng Ban …", "… kiêm Tổng Giám đốc": the next post follows without a comma
                stop = _CHUNK_STOP.search(text, dash.end())
                nxt = _is_title(text[dash.end():stop.start() if stop else len(text)])
                if not nxt:
                    break
                out.append(nxt)
                pos = dash.end() + len(nxt)
                continue
        if in_paren and text[chunk_end:chunk_end + 1] == ")":
            break
    cm = _CAREER.match(text, end)
    if cm:
        stop = _SENT_STOP.search(text, cm.end())
        for part in _COMMA_SEMI.split(text[cm.end():stop.start() if stop else len(text)]):
            if t := _is_title(part):
                out.append(t)
        return out, pos
    vm = _POST_VERB.match(text, pos if out else end)
    if not vm and out:
        # "ông X, Trưởng phòng …, Sở … giữ chức vụ Phó Giám đốc Sở": the verb comes later in the clause
        sent = _SENT_STOP.search(text, pos)
        limit = min(sent.start() if sent else len(text), pos + 160)
        j = bisect_left(starts, pos)
        if j < len(starts) and starts[j] < limit:
            limit = starts[j]
        # each of its matches holds "giữ chức" or "làm": str.find is far quicker than the pattern's scan
        if text.find("làm", pos, limit) >= 0 or text.find("giữ chức", pos, limit) >= 0:
            vm = _LATER_VERB.search(text, pos, limit)
    if vm:
        stop = _VERB_STOP.search(text, vm.end())
        t = _is_title(text[vm.end():stop.start() if stop else len(text)])
        if t:
            out.append(t)
    return out, pos


# ------------------------------------------------------------------ names

def _ends_with(before: str, words: frozenset[str]) -> bool:
    """Whether the text before a name ends with one of `words` (one to three words long) and a space."""
    return _tail_in(_tail3(before), words)


def _tail3(before: str) -> list[str] | None:
    """The last three words of the text before a name, or None when no space or tab ends it: what _ends_with
    reads, split once for a caller that asks about two word sets."""
    if not before.endswith((" ", "\t")):
        return None
    return before.split()[-3:]


def _tail_in(tail: list[str] | None, words: frozenset[str]) -> bool:
    """_ends_with for the words _tail3 read."""
    if not tail or tail[-1] not in _last_words(words) and tail[-1].lstrip("(“\"'-–") not in words:
        return False  # a phrase of two or three words ends with the last word of one of `words`
    return any(" ".join(tail[-k:]).lstrip("(“\"'-–") in words for k in range(1, len(tail) + 1))


@lru_cache(maxsize=8)
def _last_words(words: frozenset[str]) -> frozenset[str]:
    """The last words of the entries of several words."""
    return frozenset(w.split(" ")[-1] for w in words if " " in w)


def _caps_may_end(text: str, s: int) -> bool:
    """Whether _CAPS_BEFORE can match ending at s: its last word is a capital and letters, then a space at s - 1,
    so a capital stands after the last space before that one (one quick search of a word, not of 40 characters)."""
    if s < 2 or text[s - 1] != " ":
        return False
    return _AN_LU.search(text[max(0, s - 41):s - 1].rpartition(" ")[2]) is not None


def _may_org_tail(after: str) -> bool:
    """Whether _ORG_TAIL can match `after`: each match opens with a space or a tab and holds "niên", "Cộng",
    "nhân" or "Việt" (str tests, quicker than the pattern's call)."""
    return after[:1] in (" ", "\t") and ("niên" in after or "Cộng" in after or "nhân" in after or "Việt" in after)


def _clean_name(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Shrink a capitalised run to the person's name, or None for a place, an organisation or a title."""
    d = _data()
    title_start = d["title_start"]
    name = text[s:e]
    # "Ông Nguyễn Văn A" at a sentence start, "Tỉnh ủy Hà Giang Nguyễn Văn A": drop the words before the name
    name_pm = -1  # _prov_end(name) once read for the name as it stands (-1: not read)
    for _ in range(3):
        first, _, rest = name.partition(" ")
        pm = _prov_end(name)
        rest_words = name[pm:].split() if pm else []
        if pm and (len(rest_words) >= 2 or d["name"].fullmatch(name[pm:].lstrip())):
            cut = len(name) - len(name[pm:].lstrip())
        elif first in ("Ông", "Bà", "Anh", "Chị", "Cụ") and d["name"].fullmatch(rest):
            cut = len(first) + 1
        else:
            name_pm = pm
            break
        s += cut
        name = text[s:e]
    # "Trung Hoa Tập …": the name regex started inside a place that opens with a non-surname word
    run = _CAPS_BEFORE.search(text, max(0, s - 40), s) if _caps_may_end(text, s) else None
    if run:
        pm = _prov_end(text[run.start():e])
        if pm and run.start() + pm > s:
            s = run.start() + pm
            while s < e and text[s] == " ":
                s += 1
            name = text[s:e]
            name_pm = -1
    # a title written with no comma after the name: "Nguyễn Văn A Phó Chủ tịch …" (each space followed by a
    # capital, as _SPACE's matches whose next character isupper(): no white space is upper case)
    hw = d["head_words"]
    # (the words of a name are whole words: their letters end at a space, a tab, or at e, where no letter
    # or mark follows; _no_title_at spares most of the matches)
    k = name.find(" ")
    while k >= 0:
        nxt = name.find(" ", k + 1)
        if k + 1 < len(name) and name[k + 1].isupper() and not _no_title_at(name[k + 1:nxt if nxt >= 0 else len(name)], hw) \
                and title_start.match(text, s + k + 1):
            name = name[:k]
            e = s + k
            name_pm = -1
            break
        k = nxt
    parts = name.split()
    if len(parts) == 5 and parts[2] in d["surname_set"] and _ends_with(text[max(0, s - 30):s], d["place_words"]):
        # "huyện Lâm Hà Trần Văn Xuân": a two-word place, then the person
        s += len(parts[0]) + len(parts[1]) + 2
        name = text[s:e]
        parts = parts[2:]
        name_pm = -1
    if len(parts) < 2:
        return None
    hm = None if _no_title_at(parts[0], hw) else title_start.match(name)  # a word of the name: a whole word
    if hm and hm.end() > len(parts[0]):
        return None
    if parts[0] == "Đoàn" and " ".join(parts[1:]) in d["provinces"]:
        return None  # "Đoàn Quảng Ninh": a delegation
    if name == "Hồ Chí Minh" and text[max(0, s - 9):s] in ("Chủ tịch ", "Chủ Tịch "):
        return s, e  # the person, not the city
    if name in d["provinces"]:
        return None
    if name_pm < 0:
        name_pm = _prov_end(name)
    if name_pm and len(parts) <= 3 or _fold(name) in d["provinces_folded"]:
        return None
    tail = _tail3(text[max(0, s - 30):s])
    if _tail_in(tail, d["org_words"]):
        return None
    if _tail_in(tail, d["place_words"]) and (len(parts) == 2 or name_pm):
        return None
    after = text[e:e + 12]
    if _may_org_tail(after) and _ORG_TAIL.match(after):
        return None
    return s, e


def _names(text: str, scan: str, lines: list[tuple[int, int]] | None = None) -> list[Mention]:
    d = _data()
    found: dict[tuple[int, int], Mention] = {}
    for m in _gated(d["surname_gate"], _CAP_WORD, d["name"], scan, d["surname_set"]):
        span = _clean_name(scan, *m.span())
        if span:
            window = scan[max(0, span[0] - 40):span[0]]
            before = _may_end_in_cue(window) and bool(d["cue_end_r"].search(window))
            cue = before or scan[span[0]:span[1]].count(" ") >= 2 and bool(_SPEECH.match(scan, span[1]))
            found[span] = Mention(span[0], span[1], text[span[0]:span[1]], cue, before)
    list_g = d["cue_list"].groupindex["list"]  # by number: quicker to read than by name
    for m in _gated(_cue_gate(), _CUE_START, d["cue_list"], scan, lead=True):
        tail = _tail3(scan[max(0, m.start() - 30):m.start()])
        if _tail_in(tail, d["place_words"]) or _tail_in(tail, d["org_words"]):
            continue  # "tỉnh Bà Rịa", "núi Bà Đen", "đường Ông Ích Khiêm": places, not a cue
        pos = m.start(list_g)
        for item in _list_items(m.group(list_g)):
            if item and not (_has_list_sep(item) and _LIST_JOIN.fullmatch(item)):
                s = pos
                e = s + _before_title(scan, s, item)
                if " " not in scan[s:e]:
                    pos += len(item)
                    continue
                inside = next((k for k in found if k[0] <= s < k[1] or s <= k[0] < e), None)
                if inside is not None:
                    was = found[inside]
                    found[inside] = Mention(was.start, was.end, was.name, True, was.cue_before)
                elif not d["title_start"].match(scan, s) and not _prov_end(item) \
                        and not _ends_with(scan[max(0, s - 30):s], d["org_words"]) \
                        and not _ORG_START.match(item):
                    found[(s, e)] = Mention(s, e, text[s:e], True)
            pos += len(item)
    # both passes below keep a name only when one of its capitalised syllables is foreign
    own = _foreign_lines(scan, _lines(scan) if lines is None else lines)
    if not own:
        return sorted(found.values())
    # foreign names after a title: "Tổng thống Joe Biden", "Thủ tướng Campuchia Hun Manet"
    n_g = _foreign_title().groupindex["n"]  # by number: quicker to read than by name
    for a, m in ((a, m) for a, b in own for m in _gated(_FOREIGN_GATE, _CAP_WORD, _foreign_title(), scan[a:b],
                                                        _FOREIGN_FIRST)):
        s, e = a + m.start(n_g), a + m.end(n_g)
        words = m.group(n_g).split()
        if len(words) >= 4:  # "Thị trưởng New York Eric Adams": an unknown place before the name
            s = e - len(" ".join(words[-2:]))
        if any(_foreign(w) for w in words) and not any(a <= s < b for a, b in found):
            found[(s, e)] = Mention(s, e, text[s:e], True)
    # other foreign names, kept only when a title stands next to them ("… Nông nghiệp Damien O'Connor")
    for m in (m for a, b in own for m in _CAP_RUN.finditer(scan, a, b)):
        s, e = m.span()
        if not any(_foreign(w) for w in m.group(0).split()) or any(a < e and s < b for a, b in found):
            continue
        pm = _prov_end(m.group(0))
        while pm and pm < e - s:
            s += pm + 1
            pm = _prov_end(scan[s:e])
        words = scan[s:e].split()
        if len(words) >= 4:  # "Thị trưởng New York Eric Adams": an unknown place before the name
            s = e - len(" ".join(words[-2:]))
            words = words[-2:]
        if len(words) >= 2 and not pm and any(_foreign(w) for w in words) and scan[s:e] not in d["provinces"] \
                and not _ends_with(scan[max(0, s - 30):s], d["org_words"]) \
                and not any(scan[s:e].endswith(" " + p) for p in ("Việt Nam", "Group", "Corporation", "Bank")):
            found[(s, e)] = Mention(s, e, text[s:e], False)
    return sorted(found.values())


def _has_list_sep(text: str) -> bool:
    """Whether text holds what each match of _LIST_SPLIT and _LIST_JOIN holds: ",", ";" or "và"."""
    return "," in text or ";" in text or "và" in text


def _list_items(names: str) -> list[str]:
    """_LIST_SPLIT.split(names), without the regex module's split for a list of one name."""
    return _LIST_SPLIT.split(names) if _has_list_sep(names) else [names]


def _before_title(scan: str, s: int, item: str) -> int:
    """How much of a cue list's item (at s in scan) comes before a title written after the name: the first
    space followed by no white space (_SPACE in item) where title_start matches in scan; else all of it."""
    title_start = _data()["title_start"]
    hw = _data()["head_words"]
    k = item.find(" ")
    while k >= 0:
        if k + 1 < len(item) and item[k + 1] not in _WHITESPACE and not _no_title_word(scan, s + k + 1, hw) \
                and title_start.match(scan, s + k + 1):
            return k
        k = item.find(" ", k + 1)
    return len(item)


def _foreign_lines(scan: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines (a, b) where _FOREIGN_MAY finds a place, in order: a superset of the lines holding a _SYL_ANY
    match that _foreign holds. _names' foreign passes read only these, which changes nothing: neither pattern
    reads across a line end (a line end before or after a match reads as the text's start or end would), and
    the syllables of what they keep are _SYL_ANY's, or follow an apostrophe within one (which is then foreign)."""
    starts = [a for a, _ in lines]
    keep: list[tuple[int, int]] = []
    for m in _FOREIGN_MAY.finditer(scan):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < lines[k][1] and (not keep or keep[-1] != lines[k]):
            keep.append(lines[k])
    return keep


_VN_FINAL = sre.compile(r"(?:[aeiouy]+(?:c|ch|m|n|ng|nh|p|t)?)$")


@lru_cache(maxsize=8192)
def _foreign(word: str) -> bool:
    """A word that cannot be one Vietnamese syllable ("Biden", "Joe", "Manet"); "Hun", "Lee" can.

    >>> [_foreign(w) for w in ("Biden", "Joe", "Nguyễn", "Khoa", "Hun")]
    [True, True, False, False, False]
    """
    w = "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c))
    w = w.replace("đ", "d")
    if _NON_VI_LETTER.search(w):
        return True
    if len(_VOWELS.findall(w)) > 1 and not _QU_GI.fullmatch(w):
        return True
    onset = _ONSET.match(w)
    return not _VN_FINAL.fullmatch(w[onset.end():]) if onset else False


# ------------------------------------------------------------------ by-lines and signature blocks

_BYNAME = rf"(?:{_SYL}(?:{_SP}{_SYL}){{1,3}}|{_UPSYL}(?:{_SP}{_UPSYL}){{1,3}}|\p{{Lu}}\p{{Ll}}?\.[ ]?\p{{Lu}}[\p{{L}}\p{{M}}]+)"
_BYNAME_RE = re.compile(_BYNAME)
_BYLINE = re.compile(
    rf"^[ \t*_]*(?:(?:Tin|Bài|Tin và ảnh|Bài và ảnh|Tin, ảnh|Bài, ảnh|Tin/ảnh|Bài/ảnh|Thực hiện|Nhóm PV)[ \t]*:[ \t]*)?"
    rf"(?P<names>{_BYNAME}(?:[ \t]*(?:-|–|,|và|&)[ \t]*{_BYNAME})*)"
    rf"(?P<tail>(?:[ \t]*[,\-–(|][ \t]*(?:\d{{1,2}}[:h]\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|\p{{Lu}}[\p{{Lu}}&./]{{1,14}}\)?|Ảnh[ \t]*:)[^\n]*)?)"
    rf"[ \t*_]*$")
_BYLINE_POS = re.compile(rf"^[ \t*_]*(?P<n>{_SYL}(?:{_SP}{_SYL}){{1,4}}|{_UPSYL}(?:{_SP}{_UPSYL}){{1,4}})"
                         rf"[ \t]*[,\-–][ \t]*(?P<t>[^\n]+?)[ \t*_]*$")
# their groups by number (quicker to read than by name)
_BYLINE_NAMES, _BYLINE_TAIL = _BYLINE.groupindex["names"], _BYLINE.groupindex["tail"]
_BYLINE_POS_N, _BYLINE_POS_T = _BYLINE_POS.groupindex["n"], _BYLINE_POS.groupindex["t"]
# Signs of a signature block above a by-line, read in two parts (one case-insensitive search of both over a
# page of text cost more than the rest of find_authors): a line opening "KT." "TM." …, and a word of
# _SIGN_WORD, every one of which holds "ký" or "nơ" (case aside: _SIGN_MARKS holds every character that
# matches one of these four letters case-insensitively), found with str.find, far quicker than a scan by re.
_SIGN_LINE = sre.compile(r"[ \t*|]*(?:KT|TM|TL|TUQ|Q)\.", sre.IGNORECASE)
_SIGN_WORD = sre.compile(r"\((?:Đã ký|đã ký|Ký)|Nơi nhận|Ký bởi|ký số", sre.IGNORECASE)
_SIGN_MARKS = {"ý": "kK\u212a", "Ý": "kK\u212a", "ơ": "nN", "Ơ": "nN"}  # a mark, the letters before it


def _sign_hint(text: str, lines: list[tuple[int, int]], j: int, k: int) -> bool:
    """Whether the text from lines[j] up to lines[k] holds a sign of a signature block: what a search of
    "(?m)^" + _SIGN_LINE + "|" + _SIGN_WORD over it finds. "^" stands only at the start of a line, and a
    blank line holds no "KT."; a _SIGN_WORD match is at most 8 characters long and holds "ký" or "nơ"
    within its first 6, so a search of the few characters around each such pair finds it."""
    lo, hi = lines[j][0], lines[k][0]
    if any(_SIGN_LINE.match(text, a, b) for a, b in lines[j:k]):
        return True
    for mark, before in _SIGN_MARKS.items():
        q = text.find(mark, lo + 1, hi)
        while q >= 0:
            if text[q - 1] in before and _SIGN_WORD.search(text, max(lo, q - 5), min(hi, q + 8)):
                return True
            q = text.find(mark, q + 1, hi)
    return False


def _opens_upper(line: str) -> bool:
    """Whether a line's first character after " \t*_" is an upper-case letter, as every by-line's is."""
    c = line.lstrip(" \t*_")[:1]
    return bool(c) and unicodedata.category(c) == "Lu"


def _byline_names(line: str) -> list[tuple[int, int]] | None:
    """(start, end) of each name in a by-line ("Minh Thu - Quốc Anh - 08:42, 21/03/2025"), or None."""
    if len(line.strip()) > 70:
        return None
    m = _BYLINE.match(line)
    if not m or _WEEKDAY.match(line.strip()):
        return None
    out = []
    at = m.start(_BYLINE_NAMES)
    for nm in _BYNAME_RE.finditer(m.group(_BYLINE_NAMES)):
        n = nm.group(0)
        if n in _NOT_AUTHOR or n in _data()["provinces"] or _data()["title_start"].match(n):
            return None
        if _BYLINE_WORD.search(n):
            return None
        if n.upper() == n and _is_kind_heading(n):
            return None  # "NGHỊ QUYẾT", "THÔNG BÁO KẾT LUẬN": a heading, not a name
        out.append((at + nm.start(), at + nm.end()))
    return out or None


@lru_cache(maxsize=1)
def _doc_kinds() -> frozenset[str]:
    """Document-kind names, case-folded ("thông báo")."""
    return frozenset(k["name"].casefold() for k in rules.load("doc_kinds")["kinds"])


def _is_kind_heading(words: str) -> bool:
    """Whether an upper-case line is, or opens with, a document kind ("NGHỊ QUYẾT", "QUYẾT ĐỊNH PHÊ DUYỆT").

    >>> _is_kind_heading("NGHỊ QUYẾT"), _is_kind_heading("THÔNG BÁO KẾT LUẬN"), _is_kind_heading("THU HÀ")
    (True, True, False)
    """
    folded = " ".join(words.casefold().split())
    return any(folded == k or folded.startswith(k + " ") for k in _doc_kinds())


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that is not blank: the runs _LINE finds, read with str.split (quicker)."""
    out = []
    at = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((at, at + len(line)))
        at += len(line) + 1
    return out


def find_authors(text: str, lines: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of by-line names: a short name line at the end of a press release (before the page's
    boilerplate), or a name line with a time, date or agency near the start.

    >>> t = "Tiêu đề\\nNội dung bài viết rất dài, có nhiều câu.\\n\\nLê Thu Hà, TTXVN\\nCác tin khác"
    >>> [t[s:e] for s, e in find_authors(t)]
    ['Lê Thu Hà']
    >>> find_authors("NGHỊ QUYẾT")
    []
    """
    lines = _lines(text) if lines is None else lines
    found: list[tuple[int, int]] = []

    def positions_below(k: int) -> bool:
        return k + 1 < len(lines) and bool(_is_title(text[slice(*lines[k + 1])].strip(" \t*_|")))

    for k, (s, e) in enumerate(lines[:8]):
        line = text[s:e]
        m = _BYLINE.match(line) if len(line) <= 90 and _opens_upper(line) else None
        if m and (m.group(_BYLINE_TAIL).strip() or _is_upper_name(line) and positions_below(k)) \
                and (names := _byline_names(line)):
            found += [(s + a, s + b) for a, b in names]
            break
    for k in range(len(lines) - 1, max(-1, len(lines) - 7), -1):
        s, e = lines[k]
        line = text[s:e]
        if not _opens_upper(line):  # neither a by-line nor "Name - post": only the stop test below applies
            if len(line.strip()) > 90 or line.rstrip().endswith((".", ":")):
                break
            continue
        names = _byline_names(line)
        if names and any(s + a == f[0] for a, _ in names for f in found):
            break
        if names:
            if _sign_hint(text, lines, max(0, k - 8), k):
                break  # a signature block: the signer is an official, not an author
            found += [(s + a, s + b) for a, b in names]
            break
        pm = _BYLINE_POS.match(line) if len(line) <= 140 else None
        if pm and (t := _is_title(pm.group(_BYLINE_POS_T))) and t == pm.group(_BYLINE_POS_T).strip(" .") and not found:
            found.append((s + pm.start(_BYLINE_POS_N), s + pm.end(_BYLINE_POS_N)))  # "Lê Văn An - Giám đốc Sở Y tế"
            break
        if len(line.strip()) > 90 or line.rstrip().endswith((".", ":")):
            break
    return found


def _is_upper_name(line: str) -> bool:
    return _upper_name_line(line)


def _upper_name_line(line: str) -> bool:
    """An upper-case full name alone on its line ("  NGUYỄN VĂN AN  "), opening with a family name."""
    d = _data()
    m = d["upper_line"].fullmatch(line)
    return m is not None and m.group("sur") in d["upper_surnames"]


def _split_heads(t: str) -> list[str]:
    """A pre-name title holding two posts without a comma, split ("Bí thư Chi bộ Trưởng thôn" -> two).

    >>> _split_heads("Phó Bí thư Thường trực Tỉnh ủy Phó Trưởng Ban Chỉ đạo")
    ['Phó Bí thư Thường trực Tỉnh ủy', 'Phó Trưởng Ban Chỉ đạo']
    """
    if t.upper() == t:
        return _split_upper(t)
    out: list[str] = []
    rest = t
    while rest:
        first = _trim(rest)
        if not first or len(first) >= len(rest):
            out.append(rest.strip())
            break
        out.append(first)
        rest = _DASH_NEXT.sub("", rest[len(first):], count=1).strip()
        if not _data()["title_start"].match(rest):
            return [t]  # cut for another reason: keep the title as written
    return [o for o in out if o]


def _split_upper(t: str) -> list[str]:
    """An upper-case signing line split into its posts ("PHÓ TRƯỞNG BAN PHÓ CHỦ TỊCH UBND TỈNH" -> two).

    >>> _split_upper("PHÓ TRƯỞNG BAN PHÓ CHỦ TỊCH UBND TỈNH")
    ['PHÓ TRƯỞNG BAN', 'PHÓ CHỦ TỊCH UBND TỈNH']
    """
    if t.upper() != t:
        return [t]
    cuts = [h.start() for h in _data()["title_start"].finditer(t) if h.start() == 0 or t[h.start() - 1] == " "]
    if not cuts:
        return [t]
    return [p for a, b in zip(cuts, cuts[1:] + [len(t)]) if (p := t[a:b].strip())]


def _signatures(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """A name alone on its line under a signing title ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (Đã ký) / Nguyễn Văn A"),
    or over a line of positions ("NGUYỄN VĂN AN / Tỉnh ủy viên, Giám đốc Sở Tài chính"): (start, end, raw title)."""
    d = _data()
    out: list[tuple[int, int, str]] = []
    for k, (s, e) in enumerate(lines):
        line = text[s:e]
        stripped = line.strip(" \t*#|_")
        if len(stripped) > 60 or stripped[:1] not in d["name_initials"]:
            continue  # a name line opens with a family name's first letter
        # either pattern reads the line's first word (up to a space or tab) as the family name: a set lookup
        # spares both for most lines
        first = stripped.split(" ", 1)[0].split("\t", 1)[0]
        um = first in d["upper_surnames"] and _upper_name_line(line)
        if um and d["title_start"].match(stripped):
            um = None
        may_name = first in d["name"].surnames or stripped.startswith(("H'", "H’"))
        nm = d["name"].fullmatch(stripped) if may_name else None
        if not (um or nm):
            continue
        ns = s + line.index(stripped)
        ne = ns + len(stripped)
        if nm and not _clean_name(text, ns, ne):
            continue
        for j in range(k - 1, max(-1, k - 6), -1):
            prev = text[slice(*lines[j])].strip(" \t*#|_")
            if _SIGNED.match(prev):
                continue
            tm = _SIGN_PREFIX.match(prev)
            t = tm.group(1).strip() if tm else ""
            if t.upper() == t and _is_title(t) and len(t) < 80:
                out += [(ns, ne, piece) for piece in _split_upper(t)]
            break
        else:
            pass
        if k + 1 < len(lines) and (not out or out[-1][0] != ns) and not line.lstrip().startswith("|"):
            nxt = text[slice(*lines[k + 1])].strip(" \t*#|_")
            parts = [p.strip() for p in nxt.split(",")]
            if parts and all(_is_title(p) == p for p in parts):
                out += [(ns, ne, p) for p in parts]
    return out


# ------------------------------------------------------------------ the component

def find_officials(text: str) -> tuple[list[dict[str, Any]], list[str]]:
    """(one record per mention of each official, by-line author names).

    >>> recs, authors = find_officials("Đồng chí Lê Văn Tám, UVTW Đảng, Bí thư Tỉnh ủy phát biểu.\\n\\nMai Hoa")
    >>> recs[0]["name"], recs[0]["titles"], authors
    ('Lê Văn Tám', ['Ủy viên Trung ương Đảng', 'Bí thư Tỉnh ủy'], ['Mai Hoa'])
    """
    scan = _modern_tones(text)
    if len(scan) != len(text):
        scan = text
    lines = _lines(text)
    author_spans = find_authors(text, lines)
    authors: list[str] = []
    for s, e in author_spans:
        if text[s:e] not in authors:
            authors.append(text[s:e])
    byline_at = {s for s, _ in author_spans}

    people: dict[str, dict[str, Any]] = {}

    def person(name: str) -> dict[str, Any]:
        key = _squeeze(name).casefold()
        return people.setdefault(key, {"name": name, "raw": [], "mentions": [], "lead": []})

    for s, e, t in _signatures(text, lines):
        p = person(text[s:e])
        p["mentions"].append((s, e))
        p["raw"].append(t)

    mentions = _names(text, scan, lines)
    claimed: list[tuple[int, int]] = []
    posts: dict[int, tuple[list[str], int]] = {}
    starts = [m.start for m in mentions]
    for m in mentions:
        posts[m.start] = _titles_after(scan, m.end, starts)
        if posts[m.start][0]:
            claimed.append((m.end, posts[m.start][1]))
    prev_end = 0
    for i, m in enumerate(mentions):
        titles: list[str] = []
        pre, pre_at = _title_before(scan, m.start, prev_end)
        if pre:
            titles += _chain_before(scan, pre_at, prev_end, claimed, starts)
            pieces = _split_heads(pre)
            if _ON_BEHALF.search(scan, max(0, pre_at - 8), pre_at):
                pieces = pieces[1:]  # "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": signed on the chairman's behalf
            titles += pieces
        elif m.cue_before is not False \
                and (cue := _cue_end_search(_data()["cue_end"], scan, max(prev_end, m.start - 40), m.start)):
            # (cue_before False: none here, as a match here, its lookbehind seeing before the window, is one
            # in the 40 characters before the name read alone)
            # "Giám đốc Sở Y tế, ông Lê Văn A cho biết": the post stands before the cue word
            titles += _chain_before(scan, cue.start(), prev_end, claimed, starts)
        after, _ = posts[m.start]
        titles += after
        prev_end = m.end
        if not titles and (not m.cue or m.start in byline_at):
            continue  # a bare by-line name is an author only
        p = person(m.name)
        p["mentions"].append((m.start, m.end))
        # keep the titles as written in the text (the scan copy only moved tone marks)
        p["raw"] += [_raw(text, scan, t) for t in titles]
        p["lead"] += [_raw(text, scan, t) for t in _group_title(scan, mentions, i) + _lead_title(scan, m.start)]

    # every later mention of a known official's name
    known = {k for k in people}
    for m in mentions:
        key = m.name.casefold()
        if key in known and (m.start, m.end) not in people[key]["mentions"] and m.start not in byline_at:
            people[key]["mentions"].append((m.start, m.end))

    out: list[dict[str, Any]] = []
    for p in people.values():
        raw = list(p["raw"])
        for t in p["lead"]:
            # a list's shared title yields to the person's own form of the same post
            # ("Phó Bí thư Thường trực Tỉnh ủy" over the list's "Phó Bí thư Tỉnh ủy")
            head = _head_match(t)
            hk = head.group(0).casefold() if head else t.casefold()
            if not any(r.casefold().startswith(hk) for r in raw):
                raw.append(t)
        raw_unique: list[str] = []
        for t in raw:
            t = _squeeze(t).strip()
            if t and t not in raw_unique:
                raw_unique.append(t)
        titles = _merge_titles([expand_title(t) for t in raw_unique])
        for s, e in sorted(set(p["mentions"])):
            out.append({"name": text[s:e] if text[s:e].casefold() == p["name"].casefold() else p["name"],
                        "span": (s, e), "text": text[s:e], "titles": titles, "titles_raw": raw_unique})
    return out, authors


def _raw(text: str, scan: str, title: str) -> str:
    """The title as the text writes it, where the scan copy (tone marks moved) has it."""
    if scan is text:
        return title  # no tone mark moved: wherever the scan has it, the text has the same
    i = scan.find(title)
    return text[i:i + len(title)] if i >= 0 else title


def _group_title(scan: str, mentions: list[Mention], i: int) -> list[str]:
    """A title given to a whole list of names: "3 Phó Bí thư Tỉnh ủy, gồm các ông: A; B; C" or
    "các đồng chí A, B được bầu làm Phó Bí thư Tỉnh ủy"."""
    # walk to the list's first and last names (joined by "," ";" "và")
    lo = hi = i
    while lo > 0 and _LIST_SEP.fullmatch(scan[mentions[lo - 1].end:mentions[lo].start]):
        lo -= 1
    while hi + 1 < len(mentions) and _LIST_SEP.fullmatch(scan[mentions[hi].end:mentions[hi + 1].start]):
        hi += 1
    vm = _POST_VERB.match(scan, mentions[hi].end)
    if vm:
        stop = _VERB_STOP.search(scan, vm.end())
        t = _is_title(scan[vm.end():stop.start() if stop else len(scan)])
        if t:
            return [t]
    return []


def _merge_titles(titles: list[str]) -> list[str]:
    """Drop repeats, and a title that is the start of a longer one the same person holds
    ("Bí thư Tỉnh ủy" beside "Bí thư Tỉnh ủy Sơn La").

    >>> _merge_titles(["Bí thư Tỉnh ủy", "Bí thư Tỉnh ủy Sơn La", "Bí thư Tỉnh ủy"])
    ['Bí thư Tỉnh ủy Sơn La']
    """
    keys = [_TITLE_KEY.sub(" ", t.casefold()).strip() for t in titles]
    out: list[str] = []
    seen: set[str] = set()
    for t, k in zip(titles, keys):
        if k in seen or any(o.startswith(k + " ") for o in keys):
            continue
        seen.add(k)
        out.append(t)
    return out


@Language.component("reportextract_officials", assigns=["doc.spans"])
def officials_component(doc: Doc) -> Doc:
    """doc.spans["officials"]: one span per mention; records of one person share name and titles.
    Also fills doc._.info["authors"] with the by-line names."""
    records, authors = find_officials(doc_text(doc))
    info = doc._.info if doc._.info is not None else {}
    if not info.get("authors"):
        info["authors"] = authors
    doc._.info = info
    add_items(doc, "officials", records)
    return doc
