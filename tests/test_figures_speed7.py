"""Speed round 7 (figures and attributes): each fast path against the straightforward computation it
replaces, on invented sentences, random strings and edge cases."""
from __future__ import annotations

import random
import re as std_re

import pytest

from reportextract.extract import attributes as A

try:  # Python 3.11+
    from re import _constants as sre_constants, _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]


def _plain_cues(lower: str, start: int, end: int) -> list[tuple[int, int, str | None, str]]:
    """The oracle: the lookbehind pattern's own finditer, as _Context._cues ran it before."""
    pattern, _ = A._lower_cue()
    return [(m.start(), m.end(), m.lastgroup, m.group(0)) for m in pattern.finditer(lower, start, end)]


def _fast_cues(lower: str, start: int, end: int) -> list[tuple[int, int, str | None, str]]:
    return [(s, m.end(), m.lastgroup, lower[s:m.end()]) for s, m in A._cue_matches(lower, start, end)]


# invented sentences in the style of the reports (no corpus text)
SENTENCES = [
    "ước đạt 102% kế hoạch tỉnh giao, tăng 8,5% so với cùng kỳ năm trước.",
    "Phấn đấu đến năm 2030 tỷ lệ hộ nghèo giảm còn dưới 1,5%; thu ngân sách đạt 1.250 tỷ đồng.",
    "Kết quả, đã giải ngân 640 tỷ đồng, đạt 91,3% dự toán được giao và vượt kế hoạch đề ra.",
    "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính - Kế hoạch xây dựng chương trình mục tiêu quốc gia.",
    "Thủ tướng giao Bộ trưởng chỉ đạo; Chính phủ giao chỉ tiêu 95% xã đạt chuẩn.",
    "Nghị quyết đã được Hội đồng nhân dân thông qua với tổng vốn 3.400 tỷ đồng, bố trí cho 12 huyện.",
    "để hoàn thành chỉ tiêu xuất khẩu 2,8 tỷ USD, định hướng đến năm 2035 và tầm nhìn dài hạn.",
    "Trong đó: 1,5 lần KH; 120% NQ năm tỉnh giao; thực tế thực hiện được 87% cùng kỳ.",
    "(dự kiến) hiện nay đến nay phải đạt, cần đạt, phải hoàn thành quy hoạch, định mức.",
    "đạt chỉ tiêu,mục tiêu.kế hoạch-dự toán_phân bổ đã\nđạt\tkế  hoạch",
]


def test_every_cue_alternative_ends_with_a_word_character() -> None:
    """_cue_matches leans on it: after a cue ending at b no cue starts at b (tested on the parsed pattern,
    every way each alternative can end)."""
    def is_word(ch: str) -> bool:
        return ch.isalnum() or ch == "_"

    def ends_ok(items: list) -> bool:
        """Whether every non-empty match of the sequence `items` ends with a word character; an item that
        may match empty passes the question on to the one before it."""
        for op, av in reversed(items):
            if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT):
                continue
            if op is sre_constants.SUBPATTERN:
                inner = list(av[-1])
                if not inner or sre_parse.SubPattern(None, inner).getwidth()[1] == 0:
                    continue  # an empty named group ('result_0')
                if not ends_ok(inner):
                    return False
                if sre_parse.SubPattern(None, inner).getwidth()[0] > 0:
                    return True
                continue
            if op is sre_constants.LITERAL:
                return is_word(chr(av))
            if op is sre_constants.IN:
                for kind, value in av:
                    if kind is sre_constants.LITERAL and not is_word(chr(value)):
                        return False
                    if kind is sre_constants.CATEGORY and value is not sre_constants.CATEGORY_DIGIT:
                        return False
                    if kind is sre_constants.RANGE and not all(is_word(chr(c)) for c in range(value[0], value[1] + 1)):
                        return False
                    if kind not in (sre_constants.LITERAL, sre_constants.CATEGORY, sre_constants.RANGE):
                        return False
                return True
            if op is sre_constants.BRANCH:
                if not all(ends_ok(list(alt)) for alt in av[1]):
                    return False
                if min(sre_parse.SubPattern(None, list(alt)).getwidth()[0] for alt in av[1]) > 0:
                    return True
                continue
            if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
                lo, _, item = av
                if not ends_ok(list(item)):
                    return False
                if lo > 0:
                    return True
                continue
            return False  # anything else (ANY, NOT_LITERAL, …): not proven
        return True  # an empty tail: the caller's items decide (no alternative is empty: checked below)

    from reportextract import rules

    atoms = A._cue_atoms(rules.load("cues"))
    assert atoms
    for _, source in atoms:
        parsed = sre_parse.parse(rf"(?:{source})(?!\w)")
        assert parsed.getwidth()[0] > 0, source
        assert ends_ok(list(parsed)), source
    # the check itself can fail
    assert not ends_ok(list(sre_parse.parse(r"abc\s*")))
    assert not ends_ok(list(sre_parse.parse(r"\d[\d.,]*%")))
    assert ends_ok(list(sre_parse.parse(r"kế\s+hoạch(?:\s+(?:giao|đề\s+ra))?")))


def test_cue_scan_reads_before_its_start() -> None:
    """The plain scan's lookbehind sees the character before `start` (what the fast scan's start - 1 copies)."""
    pattern, _ = A._lower_cue()
    text = "xđạt kế hoạch"
    assert pattern.search(text, 1).start() == 5  # "đạt kế hoạch" at 1 is no cue: "x" stands before it
    assert [c[0] for c in _fast_cues(text, 1, len(text))] == [5]
    assert _fast_cues(" đạt kế hoạch", 1, 13) == _plain_cues(" đạt kế hoạch", 1, 13) != []


@pytest.mark.parametrize("sentence", SENTENCES)
def test_cue_matches_on_invented_sentences(sentence: str) -> None:
    lower = sentence.lower()
    for start in range(len(lower) + 1):
        for end in {len(lower), max(start, len(lower) - 7), min(len(lower), start + 25)}:
            assert _fast_cues(lower, start, end) == _plain_cues(lower, start, end), (sentence, start, end)


def test_cue_matches_on_random_texts() -> None:
    from reportextract import rules

    cues = rules.load("cues")
    words = [w.lower() for key in ("plan_nouns", "not_plan", "target", "result", "compare") for w in cues[key]]
    words += ["đạt", "vượt", "hoàn thành", "so với", "thông qua", "đến năm 2030", "tới năm 1999", "năm", "giao",
              "đề ra", "85%", "1,5 lần", "12", "x", "_", "đạtx", "xđã", "hộ nghèo", "٣%", "²", "ⅳ", "é", "\u0301"]
    seps = ["", " ", " ", "  ", ", ", ".", "\n", "\t", "(", ")", "-", "_", "\u00a0", "\x1c", "5", "a", "đ"]
    rng = random.Random(7_2026)
    for _ in range(4000):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 9)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        for s, e in ((0, len(text)), (start, end), (start, len(text))):
            assert _fast_cues(text, s, e) == _plain_cues(text, s, e), (text, s, e)


def test_cue_matches_every_character_before_a_cue() -> None:
    """Each code point before a cue, at the text's start and inside it: '\\W' and '(?<!\\w)' agree."""
    pattern, _ = A._lower_cue()
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        text = c + "đạt kế hoạch"
        if cp % 7 == 0:  # the whole comparison on a sample; the start test below on every character
            assert _fast_cues(text, 0, len(text)) == _plain_cues(text, 0, len(text)), hex(cp)
        got = next(iter(A._cue_matches(text, 1, len(text))), None)
        want = pattern.search(text, 1)
        assert (got[0] if got else None) == (want.start() if want else None), hex(cp)


def test_context_cues_unchanged_without_lower() -> None:
    """The regex-module path (a text whose lower-casing moves offsets) is left as it was: same records
    as the fast path on a text without 'İ'."""
    text = "Phấn đấu đến năm 2030 đạt 95% kế hoạch; đã giao chỉ tiêu, mục tiêu cho 12 xã."
    ctx = A._Context.__new__(A._Context)
    ctx.text = text
    ctx.ref_year = 2025
    ctx.lower = text.lower()
    fast = ctx._cues(0, len(text))
    ctx.lower = None
    assert ctx._cues(0, len(text)) == fast
    assert fast
