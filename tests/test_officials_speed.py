"""The officials module's speed devices (stdlib gates, set lookups in place of long alternations) find exactly
what the plain patterns they replace would."""
from __future__ import annotations

import random

import pytest
import regex

from reportextract import rules
from reportextract.extract import officials as O

# sentences written for these tests: names, cues, titles, places, foreign names, odd characters
SNIPPETS = [
    "Đồng chí Lê Văn Tám, Bí thư Tỉnh ủy phát biểu.", "các ông: Quyết Tâm, Hà Anh và bà Mai Hoa",
    "PGS.TS Nguyễn Văn An", "PGS, TS. Trần Thị Bình", "xGS. TS Đỗ Văn C", "Hà Nội, ngày 2 tháng 3",
    "Tổng thống Joe Biden", "Thủ tướng Campuchia Hun Manet", "ông Damien O'Connor", "H'Hen Niê",
    "X'Nguyễn Văn A", "_Ông Phạm Văn D_", "²ông Lý Văn E", "① Bà Lò Thị F", "không Hà Giang",
    "Phó Chủ tịch UBND tỉnh Vũ Văn G", "NGUYỄN VĂN AN", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nHoàng Văn H",
    "đ/c Ngô Thị I", "Bà Rịa - Vũng Tàu", "nguyên Bộ trưởng Bộ Y tế Đặng Văn K", "\u0301Ông Bùi Văn L",
]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        parts = rnd.sample(SNIPPETS, rnd.randrange(1, 6))
        out.append(rnd.choice([" ", "\n", "; ", ""]).join(parts))
    return out + SNIPPETS


@pytest.mark.parametrize("gate, exact, pattern, first, lead", [
    pytest.param(lambda: O._data()["surname_gate"], O._CAP_WORD, lambda: O._data()["name"],
                 lambda: O._data()["surname_set"], False, id="surnames"),
    pytest.param(O._cue_gate, O._CUE_START, lambda: O._data()["cue_list"], lambda: None, True, id="cues"),
    pytest.param(lambda: O._FOREIGN_GATE, O._CAP_WORD, O._foreign_title, lambda: O._FOREIGN_FIRST, False,
                 id="foreign titles"),
    pytest.param(lambda: O._data()["head_gate"], O._WORD, lambda: O._data()["title_start"],
                 lambda: O._data()["head_first"], True, id="head words"),
])
def test_gated_finds_what_every_word_start_would(gate, exact, pattern, first, lead):
    for text in _texts(300, 7):
        want = [m.span() for m in O._at_words(pattern(), text, exact, first())]
        got = [m.span() for m in O._gated(gate(), exact, pattern(), text, first(), lead=lead)]
        assert got == want, text


def _trie_re(words: list[str], tail: str = "", flags: int = 0) -> regex.Pattern[str]:
    return regex.compile(rf"(?:{O._trie(sorted(set(words)))}){tail}", flags)


def test_place_prefix_matches_an_alternation_of_places():
    pl = rules.load("places")
    names = pl["provinces"] + pl["not_names"]
    ref = _trie_re(names, r"(?![\p{L}\p{M}])")
    samples = [p + tail for p in names[:60] for tail in ("", ",", "x", " A", "-", "\u0301")] + _texts(100, 3)
    for s in samples:
        m = ref.match(s)
        assert O._prov_end(s) == (m.end() if m else 0), s


def test_name_pattern_matches_an_alternation_of_family_names():
    s = rules.load("surnames")["surnames"]
    ref = regex.compile(rf"(?<![\p{{L}}\p{{M}}\d.])(?:{O._trie(sorted(set(s)))}(?![\p{{L}}\p{{M}}])"
                        rf"|H['’]\p{{Lu}}[\p{{Ll}}\p{{M}}]+)(?:{O._SP}{O._SYL}){{1,4}}")
    name = O._data()["name"]
    for text in _texts(200, 5):
        for i in range(len(text)):
            want, got = ref.match(text, i), name.match(text, i)
            assert (want and want.span()) == (got and got.span()), (text, i)
        want, got = ref.fullmatch(text), name.fullmatch(text)
        assert (want and want.span()) == (got and got.span()), text


@pytest.mark.parametrize("line", [
    "NGUYỄN VĂN AN", "  TRẦN THỊ B  ", "*LÊ VĂN CƯỜNG*", "| HOÀNG  ANH |", "NGUYỄNX VĂN AN", "VĂN AN",
    "NGUYỄN", "LÊ\tVĂN A", "# ĐỖ VĂN A _", "NGUYỄN Văn An", "H'HEN NIÊ", "NGUYỄN VĂN AN BÌNH CƯỜNG DŨNG",
])
def test_upper_name_line_matches_an_alternation_of_family_names(line):
    s = rules.load("surnames")["surnames"]
    ref = regex.compile(rf"^[ \t*#|_]*(?:{O._trie(sorted({x.upper() for x in s}))})(?:{O._SP}{O._UPSYL}){{1,4}}"
                        r"[ \t*|_]*$")
    assert O._upper_name_line(line) == bool(ref.fullmatch(line))


def test_head_match_is_a_match_of_the_head_words_alone():
    heads = rules.load("titles")["heads"]
    ref = regex.compile(rf"(?:nguyên{O._SP})?(?:{O._trie(sorted(set(heads)))})(?![\p{{L}}\p{{M}}])", regex.IGNORECASE)
    low = frozenset(h.lower() for h in heads)
    for text in _texts(100, 11) + [h + tail for h in heads for tail in ("", " tỉnh", "x")]:
        for s in (text, text.lower(), text.upper(), "nguyên " + text):
            want, got = ref.match(s), O._head_match(s)
            assert (want and want.group(0)) == (got and got.group(0)), s
            assert O._opens_with(s, low) == bool(want), s


def test_cue_gate_spells_every_cue():
    for cue in ["Đồng chí", "đồng chí", "Hoà thượng", "ông", "Bà", "anh", "chị", "Cụ", "Đ/c", "Đại biểu",
                "Nhà báo", "Bác sĩ", "Luật sư", "Thầy", "cô giáo", "PGS.TS.", "GS, TS", "ThS"]:
        text = f" {cue} Lê Văn A"
        assert O._CUE_START.match(text, 1), cue
        assert O._cue_gate().search(text).start(1) == 1, cue


@pytest.mark.parametrize("text", [
    "Uỷ ban, hoà giải, thuỷ lợi", "Quý, quỷ, qoà", "uỷoẹ oà\u0301uỵ,", "OÀ HOÀ", "xoè hoàn toàn", "oàoà uỷuỷ",
    "hoà.", "", "không có gì",
])
def test_modern_tones_near_the_gate_is_modern_tones(text):
    assert O._modern_tones(text) == O.modern_tones(text)
