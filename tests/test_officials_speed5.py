"""Equivalence tests for the fifth round of find_officials speed-ups: each gate against the plain computation."""
import itertools
import random
from bisect import bisect_right

import pytest

from reportextract.extract import officials as O

# Invented lines in the style of provincial press releases, some naming foreign guests or quoting document codes.
SENTENCES = [
    "Tổng thống Mỹ Joe Biden và Thủ tướng Campuchia Hun Manet đã hội đàm trực tuyến.",
    "Ông Damien O'Connor, Bộ trưởng Thương mại New Zealand, thăm tỉnh Gia Lai.",
    "Theo Quyết định số 12/QĐ-TTg ngày 5/3/2024 của Thủ tướng Chính phủ về đề án.",
    "Bà H'Hen Niê và ông Y Moan Ksor, Phó Chủ tịch UBND huyện Krông Búk, dự lễ.",
    "Đại sứ Pháp Olivier Brochet trao tặng 20 suất học bổng cho học sinh tỉnh Đắk Lắk.",
    "Dịch Covid-19 làm giảm 8,5% doanh thu của Công ty TNHH Block Ba tại khu công nghiệp X.",
    "Ông Nguyễn Văn Quý, Giám đốc Sở Tài chính, cho biết năm nay thu ngân sách đạt 2.350 tỷ đồng.",
    "Chủ tịch Hội đồng quản trị Samsung Lee Jae-yong gặp Phó Thủ tướng Trần Hồng Hà.",
    "Thị trưởng New York Eric Adams phát biểu tại diễn đàn; ông Gìn, ông Qun và bà Ghi cùng dự.",
    "Nhà báo Lưu Quang Định (TTXVN) đưa tin từ Viêng Chăn, thủ đô nước CHDCND Lào.",
    "PGS.TS Hoàng Văn Ủy, ThS. Trịnh Thị Yến và KS Đinh Quốc Ánh nhận bằng khen.",
    "Kế hoạch số 45/KH-UBND; Tờ trình 07/TTr-SNNP; Công văn 3107/BNN-TT của Bộ.",
]
TEXT = "\n".join(SENTENCES)


def _flagged(text):
    return {m.start() for m in O._FOREIGN_MAY.finditer(text)}


def _foreign_starts(text):
    """Where _SYL_ANY (as findall reads it) finds a syllable _foreign holds: what the gate must find."""
    return {m.start() for m in O._SYL_ANY.finditer(text) if O._foreign(m.group(0))}


def _old_foreign_lines(scan, lines):
    """The code as it was: _SYL_ANY's foreign syllables, then the lines holding one (str.find + bisect)."""
    words = [w for w in set(O._SYL_ANY.findall(scan)) if O._foreign(w)]
    starts = [a for a, _ in lines]
    keep = set()
    for w in words:
        i = scan.find(w)
        while i >= 0:
            k = bisect_right(starts, i) - 1
            if k >= 0 and i + len(w) <= lines[k][1]:
                keep.add(k)
            i = scan.find(w, i + 1)
    return [lines[k] for k in sorted(keep)]


# pieces for syllables: every capital the gate knows, onsets' second letters, vowels, finals, and what may follow
_CAPS = [chr(c) for c in range(0x41, 0x5B)] + list("ĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ") \
    + ["İ", "\u212a", "Ö", "Ñ", "Ð", "ǅ", "Σ"]
_SECOND = ["", "h", "g", "gh", "r", "i", "ì", "u", "ư", "ụ", "'", "’", "T", "Đ", "\u0301"]
_VOWEL_RUNS = ["", "a", "ê", "ươ", "uyê", "ia", "oa", "ie", "ỹ", "ă", "o\u0302"]
_FINALS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "k", "b", "d", "nt", "f", "z", "w", "j", "ß", "ﬁ"]
_AFTER = ["", " ", ".", ",", "-", "'", "’", "1", "a", "x", "Đ", "\u0300", "\n", "\u00a0", "“", "ǅ"]
_BEFORE = ["", " ", "(", ".", "a", "1", "'", "’", "Đ", "\u0301", "-", "\n"]


def test_gate_finds_every_foreign_syllable_of_every_built_word():
    seen = 0
    for second, vowels, final in itertools.product(_SECOND, _VOWEL_RUNS, _FINALS):
        for cap in _CAPS:
            word = cap + second + vowels + final
            for before, after in ((" ", " "), ("", ""), ("(", ".")):
                text = before + word + after
                missed = _foreign_starts(text) - _flagged(text)
                assert not missed, text
                seen += 1
    assert seen > 50000


def test_gate_finds_every_foreign_syllable_in_random_strings():
    rnd = random.Random(501)
    pieces = _CAPS + _SECOND + _VOWEL_RUNS + _FINALS + _AFTER + _BEFORE + ["UBND", "TTg", "Văn", "Covid"]
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 12)))
        missed = _foreign_starts(text) - _flagged(text)
        assert not missed, text


@pytest.mark.parametrize("sentence", SENTENCES + [TEXT])
def test_gate_lines_hold_the_old_lines(sentence):
    lines = O._lines(sentence)
    old = _old_foreign_lines(sentence, lines)
    new = O._foreign_lines(sentence, lines)
    # every line holding a foreign syllable, in order; lines are not repeated
    want = [ln for ln in lines if any(ln[0] <= s < ln[1] for s in _foreign_starts(sentence))]
    assert set(want) <= set(new) and new == sorted(set(new))
    assert set(want) <= set(old)


def test_gate_passes_over_plain_vietnamese():
    # a Vietnamese-only line with acronyms has no foreign syllable and nothing for the gate
    text = "Ông Nguyễn Văn Quý, Phó Chủ tịch UBND tỉnh, Ủy viên BTV Tỉnh ủy, dự Hội nghị HĐND TP. Hà Giang."
    assert not _foreign_starts(text)
    assert not _flagged(text)


@pytest.mark.parametrize("sentence", SENTENCES + [TEXT])
def test_names_with_gate_lines_as_with_old_lines(sentence, monkeypatch):
    fast = O._names(sentence, sentence)
    monkeypatch.setattr(O, "_foreign_lines", _old_foreign_lines)
    slow = O._names(sentence, sentence)
    assert fast == slow
