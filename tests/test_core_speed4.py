"""Equivalence tests for the speed4-core fast paths: each compared with the straightforward computation."""
from __future__ import annotations

import sys

import pytest
import regex

from reportextract.normalize import _OLD_TONE_RE, _OLD_TONE_PAIR, modern_tones
from reportextract.parsers.dates import letters_of

# Invented sentences in the style of official writing (not taken from any corpus).
SENTENCES = [
    "Uỷ ban nhân dân tỉnh đã chỉ đạo công tác hoà giải ở cơ sở và thuỷ lợi nội đồng.",
    "Ông Nguyễn Văn Hoà, Phó Chủ tịch UBND huyện, Trưởng ban Chỉ đạo phòng chống thiên tai.",
    "QUYẾT ĐỊNH của ỦY BAN NHÂN DÂN TỈNH về việc phê duyệt kế hoạch năm 2025.",
    "Đồng chí Lê Thị Thuý, Uỷ viên Ban Thường vụ Tỉnh uỷ, Trưởng Ban Tuyên giáo.",
    "Quý I năm 2024, kinh tế tăng trưởng khá; khoẻ mạnh, tuỳ theo, hoạ sĩ, Khoá XIII.",
    "HOÀ BÌNH, THUỶ NGUYÊN, UỶ BAN, quà tặng, Quỳnh Lưu, Thuỵ Khuê, xoè ô.",
    "Ngày 5/3/2024, Sở Kế hoạch và Đầu tư ký kết biên bản ghi nhớ với đối tác.",
    "hoà, hoá, hoả, hoã, hoạ, hoè, hoé, hoẻ, hoẽ, hoẹ, tuỳ, tuý, tuỷ, tuỹ, tuỵ, oàn, uýt",
    "",
    "o",
    "Thủ tướng Chính phủ ban hành Nghị quyết số 12/NQ-CP về phát triển kinh tế - xã hội.",
]


def _slices(text: str) -> list[str]:
    return [text[i:j] for i in range(len(text) + 1) for j in range(i, min(len(text), i + 12) + 1)]


def _modern_tones_slow(text: str) -> str:
    def repl(m: regex.Match[str]) -> str:
        from reportextract.normalize import _OLD_TONE
        s = m.group(0)
        new = _OLD_TONE[s.lower()]
        return new[0].upper() + new[1:] if s[0].isupper() else new
    return _OLD_TONE_RE.sub(repl, text)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_modern_tones_gate_matches_ungated_sub(sentence: str) -> None:
    for piece in [sentence, *_slices(sentence)]:
        assert modern_tones(piece) == _modern_tones_slow(piece)
        # the gate is a necessary condition of every match
        if _OLD_TONE_RE.search(piece):
            assert _OLD_TONE_PAIR.search(piece)


def test_modern_tones_gate_covers_every_case_variant() -> None:
    # every character the IGNORECASE pattern accepts in a pair's second place is in the gate's class
    seconds = {k[1] for k in __import__("reportextract.normalize", fromlist=["_OLD_TONE"])._OLD_TONE}
    for cp in range(0x30000):
        c = chr(cp)
        if 0xD800 <= cp < 0xE000:
            continue
        for s in seconds:
            if regex.fullmatch(s, c, regex.IGNORECASE):
                assert _OLD_TONE_PAIR.fullmatch("o" + c) or _OLD_TONE_PAIR.fullmatch("u" + c), hex(cp)


@pytest.mark.parametrize("words", [
    "ngày tháng năm đến tới và từ sáng chiều tối trưa đêm hôm mai qua nay sau trước lần",
    "Nghị quyết Kế hoạch Kết luận số",
    "ngày tháng năm so với cùng kỳ cuối đầu sinh",
])
def test_letters_of_holds_every_case_insensitive_match(words: str) -> None:
    letters = set(letters_of(words))
    pattern = regex.compile("[" + regex.escape("".join(set(words.replace(" ", "")))) + "]", regex.IGNORECASE)
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp < 0xE000:
            continue
        c = chr(cp)
        if pattern.fullmatch(c):
            assert c in letters, hex(cp)
    assert ("\u212a" in letters) == ("k" in words.lower())
