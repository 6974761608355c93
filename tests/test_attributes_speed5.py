"""Round-5 fast paths of the attribute rules give what the plain patterns give (the old code is the oracle)."""
from __future__ import annotations

import random
import re as std_re
import sys

import pytest
import regex

from reportextract.extract import attributes as A

# ------------------------------------------------------------------ _sub_times

# Invented pieces of clauses: every form of time words, numbers and years, other words, odd characters
TIME_PIECES = [
    "trong", "vào", "tính đến", "đến", "cuối", "đầu", "hết", "giữa", "sau", "qua", "từ", "năm", "giai đoạn",
    "tháng", "quý", "ngày", "sáu", "chín", "ba", "bảy", "hằng năm", "hàng năm", "mỗi năm", "đến nay",
    "hiện nay", "từ đầu năm", "cụ thể", "nay", "đầu năm", "cuối năm", "2020", "1998", "2031", "2016-2020",
    "2021 – 2025", "2019 -2023", "12/2023", "3", "6", "10", "I/2024", "IV - 2022", "ii/2025", "15/3/2021",
    "8,36%", "0,9%/năm", "tỷ lệ hộ nghèo", "giảm", "đạt", "kế hoạch", "xã", "Tỉnh ủy", ",", ".", "(", ")",
    "tháng 6", "trong 9 tháng đầu năm", "Quý II/2024", "19", "20", "200", "năm nay", "từ năm 2016",
]
SEPARATORS = [" "] * 12 + ["  ", "", "\n", "\t", "\u00a0", "\x1c", " \u3000 "]
# characters outside _PLAIN_CHARS whose case or class differs between the engines: the slow path's inputs
ODD = ["\u0131", "\u0130", "\u212a", "\u017f", "\u0301", "\u200d", "\u203f", "\u0663", "\u2163", "\u01c5", "\u00df", "\ufb00",
       "\u03a9"]  # ı İ K(elvin) ſ, a combining acute, ZWJ, ‿, ٣, Ⅳ, ǅ, ß, ﬀ, Ω


def _case(rng: random.Random, piece: str) -> str:
    pick = rng.random()
    if pick < 0.5:
        return piece
    if pick < 0.65:
        return piece.upper()
    if pick < 0.8:
        return piece.title()
    return "".join(c.upper() if rng.random() < 0.5 else c for c in piece)


def _phrases(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 9)):
            parts.append(_case(rng, rng.choice(TIME_PIECES)))
            parts.append(rng.choice(SEPARATORS))
            if rng.random() < 0.03:
                parts.append(rng.choice(ODD))
        out.append("".join(parts))
    return out


def _old_sub_times(phrase: str, fill: str | None) -> str:
    """The code before round 5: the regex pattern with IGNORECASE on the phrase itself, ungated."""
    return A._TIME_WORDS.sub(A._blank if fill is None else fill, phrase)


def test_lowered_patterns_are_the_patterns() -> None:
    alts = A._TIME_WORDS.pattern.split("|(?<!\\w)")
    assert alts[0].startswith("(?<!\\w)") and len(alts) == 5
    factored = "(?<!\\w)(?:" + "|".join([alts[0][len("(?<!\\w)"):]] + alts[1:]) + ")"
    assert A._TIME_WORDS_LOW.pattern == factored.replace("[IV]", "[iv]")  # its lookbehind tested once
    assert A._CHANGE_LOW.pattern == A._CHANGE.pattern
    assert A._YEARLY_CHANGE_LOW.pattern == A._YEARLY_CHANGE.pattern


# each IGNORECASE `regex` pattern and its standard `re` twin for lower-cased _PLAIN_CHARS text
LOWERED = [(A._TIME_WORDS, A._TIME_WORDS_LOW), (A._CHANGE, A._CHANGE_LOW), (A._YEARLY_CHANGE, A._YEARLY_CHANGE_LOW)]


@pytest.mark.parametrize("slow,fast", LOWERED, ids=["time_words", "change", "yearly_change"])
def test_plain_characters_mean_the_same_to_both_engines(slow: regex.Pattern, fast: std_re.Pattern) -> None:
    assert slow.flags & regex.IGNORECASE and not fast.flags & std_re.IGNORECASE
    source = std_re.sub(r"\(\?P<\w+>", "(", slow.pattern)  # (group names are no text)
    assert not any(c.isupper() for c in std_re.sub(r"\(\?P<\w+>", "(", fast.pattern))  # it reads lower case
    # every letter of the pattern, in the case the pattern writes it
    letters = sorted({c for c in source if c.isalpha()})
    plain = set(A._PLAIN_CHARS)
    for c in A._PLAIN_CHARS:
        low = c.lower()
        assert len(low) == 1 and low in plain, c
        for cls in (r"\w", r"\s", r"\d"):
            assert bool(regex.match(cls, c)) == bool(std_re.match(cls, low)), (c, cls)
        for x in letters:
            assert bool(regex.fullmatch(regex.escape(x), c, regex.IGNORECASE)) == (low == x.lower()), (c, x)
    assert not A._NOT_PLAIN.search(A._PLAIN_CHARS)
    for c in ODD + ["\u00a0", "\x1c", "\x0b", "\u3000", "\ufeff"]:
        assert A._NOT_PLAIN.search(c), c


@pytest.mark.parametrize("fill", [None, " "])
def test_sub_times_is_the_plain_sub(fill: str | None) -> None:
    fast_matched = slow = 0
    for phrase in _phrases(51 if fill is None else 52, 12000):
        got = A._sub_times(phrase, fill)
        assert got == _old_sub_times(phrase, fill), (phrase, fill)
        if A._NOT_PLAIN.search(phrase):
            slow += 1
        elif got != phrase:  # (a match blanked by the fast path)
            fast_matched += 1
    assert fast_matched > 1000 and slow > 1000, (fast_matched, slow)  # both paths were exercised


def test_sub_times_on_every_slice_of_invented_clauses() -> None:
    clauses = [
        "Trong 9 tháng đầu năm 2025, toàn tỉnh giải ngân đạt 61,4% kế hoạch vốn",
        "Tính đến cuối tháng 6/2024 tỷ lệ hộ nghèo còn 3,1%, giảm 0,8% so với đầu năm",
        "GIAI ĐOẠN 2021 - 2025 hằng năm tạo việc làm mới cho khoảng 12.000 lao động",
        "quý IV/2023 thu ngân sách 1.250 tỷ đồng, từ đầu năm đến nay tăng 14%",
        "Sáu tháng qua xuất khẩu ước đạt 820 triệu USD; cụ thể: năm 2022 đạt 96%",
        "từ năm 2016 đến năm 2020 mỗi năm giảm bình quân 1,2% hộ nghèo",
    ]
    for text in clauses:
        for a in range(len(text)):
            for b in range(a + 1, min(len(text), a + 40) + 1):
                piece = text[a:b]
                assert A._sub_times(piece, None) == _old_sub_times(piece, None), piece


# ------------------------------------------------------------------ change_of

CHANGE_PIECES = [
    "tăng", "giảm", "tăng trưởng âm", "tăng trưởng", "bình quân", "trung bình", "thêm", "được", "mạnh", "nhẹ",
    "hơn", "khoảng", "gần", "trên", "dưới", "xấp xỉ", "ước", "đạt", "là", "lên", "tới", "đến", "ít nhất",
    "tối thiểu", "từ", "mỗi năm", "hằng năm", "hàng năm", "so với cùng kỳ", "so với năm trước", "còn",
    "xuống còn", "lên mức", "xuống mức", "về", "ở mức", "tỷ lệ hộ nghèo", "doanh thu", "sản lượng lúa",
    "kim ngạch xuất khẩu", "12,5%", "3", ",", ";", ".", "-", "(", ")", "giảm nghèo", "tăng cường",
]


def _old_change_of(before_clause: str) -> str | None:
    """change_of before round 5 (the regex pattern on the clause itself)."""
    tail = before_clause[-60:]
    low = tail.lower()
    if "tăng" not in low and "giảm" not in low:
        return None
    k = 0
    if len(low) == len(tail):
        k = min(i for i in (low.find("tăng"), low.find("giảm"), len(low)) if i >= 0)
    m = A._CHANGE.search(tail, k)
    if not m or before_clause.rstrip().lower().endswith(A._LEVEL_LAST) and A._LEVEL_AFTER_CHANGE.search(before_clause):
        return None
    verb = m.group("verb").lower()
    return "decrease" if verb.startswith("giảm") or "âm" in verb else "increase"


def _change_parts(rng: random.Random, most: int) -> list[str]:
    """1 to `most` random change-clause pieces, each in a random case and followed by a separator,
    now and then an odd character among them."""
    parts: list[str] = []
    for _ in range(rng.randint(1, most)):
        parts.append(_case(rng, rng.choice(CHANGE_PIECES)))
        parts.append(rng.choice(SEPARATORS))
        if rng.random() < 0.03:
            parts.append(rng.choice(ODD))
    return parts


def test_change_of_is_the_plain_search() -> None:
    rng = random.Random(53)
    found = {None: 0, "increase": 0, "decrease": 0}
    odd = 0
    for _ in range(20000):
        parts = _change_parts(rng, 10)
        if rng.random() < 0.6:  # most end with a verb and some of the words that may follow it
            parts.append(_case(rng, rng.choice(["tăng", "giảm", "tăng trưởng âm", "Tăng", "GIẢM"])))
            for _ in range(rng.randint(0, 3)):
                parts.append(rng.choice([" ", " ", "  ", "\n", "\u00a0"]))
                parts.append(_case(rng, rng.choice(CHANGE_PIECES[4:36])))
            parts.append(rng.choice(["", " ", " ", "  "]))
        clause = "".join(parts)
        got = A.change_of(clause)
        assert got == _old_change_of(clause), clause
        found[got] += 1
        odd += bool(A._NOT_PLAIN.search(clause[-60:]))
    assert min(found.values()) > 3000 and odd > 1000, (found, odd)


def test_yearly_change_is_the_plain_search() -> None:
    rng = random.Random(55)
    found = {None: 0, "tăng": 0, "giảm": 0}
    odd = 0
    for _ in range(20000):
        parts = _change_parts(rng, 12)
        clause = "".join(parts)
        m = A._YEARLY_CHANGE.search(clause)  # the code before round 5
        old = m.group(1).lower() if m else None
        got = A._yearly_change(clause)
        assert got == old, clause
        found[got] += 1
        odd += bool(A._NOT_PLAIN.search(clause))
    assert min(found.values()) > 2000 and odd > 1000, (found, odd)
