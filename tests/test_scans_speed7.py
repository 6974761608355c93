"""Round-7 scan gates compared with the plain computations they skip (the old code kept as the oracle)."""
from __future__ import annotations

import random
import sys

import pytest
import regex

from reportextract import nlp

# ---------------------------------------------------------------- sentence breaks

_S = regex.compile(r"\s")


def test_space_set_is_the_regex_modules():
    got = [c for c in map(chr, range(sys.maxunicode + 1)) if c in nlp._SPACE]
    assert got == [c for c in map(chr, range(sys.maxunicode + 1)) if _S.match(c)]


def _old_breaks(text: str) -> list[int]:
    return [m.end() for m in nlp._SENT_BREAK.finditer(text)]


_SENTENCES = [
    "Sáng 17/3, UBND tỉnh tổ chức hội nghị. Đồng chí Trần Văn Hòa, Phó Chủ tịch UBND tỉnh chủ trì.",
    "TP. Hồ Chí Minh đạt 12,5%. Tp. Cần Thơ đạt 9,1%! Vì sao? Bởi vì… “Hộ nghèo” giảm.",
    "ThS. Nguyễn Văn An, PGS. TS. Lê Thị Bình và GS. Phạm Minh cho biết: năm 2023 tăng 5%.\n\n  - Ý kiến thứ nhất.",
    "Tổng thu đạt 1.200 tỷ đồng... 2. Chi thường xuyên.\n\n\n",
    "v.v. Các xã A, B, C. Q. Ba Đình. P. Trúc Bạch. St. Văn Miếu.",
    "Kết quả (tính đến 30/6).\t\u2003(1) Hoàn thành; (2) chưa xong.)\" Tiếp theo",
    "\n", "", ".", "..", ". A", "\n\n A", " \n", "a.\u00a0B", "a.\x1cB", "a.\n\x1c", "x\n\x1d\x1ey", "TP. A. B",
    "…•Mục tiêu", "Hết.” Tiếp", "Hết.’ A", "Hết.) 1", "Hết?! (2)", "A. +5", "A. *ghi chú", "A. –B", "A.\u2028B",
]


@pytest.mark.parametrize("text", _SENTENCES)
def test_sentence_breaks_same_as_finditer(text):
    assert nlp._sentence_breaks(text) == _old_breaks(text)


def test_sentence_breaks_random():
    rng = random.Random(7)
    pieces = ["\n", " ", "  ", "\t", "\u00a0", "\u2003", "\x1c", "\x1f", "\u2028", ".", "!", "?", "…", "...",
              "\"", "”", "’", ")", "(", "“", "‘", "-", "–", "•", "+", "*", "TP", "Tp", "ThS", "TS", "PGS", "GS",
              "BS", "KS", "St", "P", "Q", "v.v", "Đ", "Ả", "a", "ủy", "b", "12", "3", "năm", "Hà Nội", "x"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert nlp._sentence_breaks(text) == _old_breaks(text), text
