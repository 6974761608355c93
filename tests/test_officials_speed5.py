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
    assert seen > 20000


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


# ---------------------------------------------------------------- cheap tests before single pattern calls

_WORDS = ["Phó", "Chủ", "tịch", "UBND", "Giám", "đốc", "Sở", "Nguyễn", "Văn", "An", "nguyên", "Nguyên", "CT.UBND",
          "Ct", "PCT", "TUV", "Ủy", "viên", "Bí", "thư", "İnh", "\u212aiểm", "kiểm", "sát", "Tổ", "trưởng", "và",
          "-", "–", ",", "(", "Thường", "trực", "Tỉnh", "ủy", "Hà", "Thị", "Lan", "Kế", "toán", "Trưởng", "ban"]
_SEPS = [" ", " ", " ", "  ", "\t", ", ", ".", "\n", "-", ""]


def _random_texts(n, seed):
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        k = rnd.randrange(1, 9)
        out.append("".join(rnd.choice(_WORDS) + rnd.choice(_SEPS) for _ in range(k)))
    return out


def test_no_title_word_is_safe():
    d = O._data()
    for text in _random_texts(4000, 511) + SENTENCES:
        for pos in range(len(text) + 1):
            if O._no_title_word(text, pos, d["head_words"]):
                assert d["title_start"].match(text, pos) is None, (text, pos)


def test_only_dotted_capital_i_lowers_unlike_the_regex_module():
    # _no_title_at compares lower(): every character the regex module equates, case aside, with a letter of
    # head_words lowers to that letter, but for "İ" (left to the match)
    import regex
    hw = O._data()["head_words"]
    letters = sorted(set("".join(hw)))
    any_of = regex.compile("(?i)[" + "".join(regex.escape(c) for c in letters) + "]")
    odd = set()
    for i in range(0x110000):
        c = chr(i)
        if 0xD800 <= i < 0xE000 or not any_of.fullmatch(c):
            continue
        for L in letters:
            if regex.fullmatch("(?i)" + regex.escape(L), c) and c.lower() != L:
                odd.add(c)
    assert odd <= {"İ"}


def test_org_tail_needs_its_words():
    rnd = random.Random(512)
    pieces = [" ", "\t", "niên", "Cộng sản", "nhân dân", "Việt Nam", "Việt", "x", ",", "Cộng", "nhân"]
    for _ in range(20000):
        after = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 5)))[:12]
        if O._ORG_TAIL.match(after):
            assert O._may_org_tail(after), after


def _ungated(monkeypatch):
    monkeypatch.setattr(O, "_no_title_at", lambda word, head_words: False)


OFFICIAL_TEXTS = SENTENCES + [TEXT] + [
    "Đồng chí Lê Văn Tám, UVTW Đảng, Bí thư Tỉnh ủy - Trưởng đoàn ĐBQH tỉnh phát biểu.",
    "Tham dự có các ông: Hà Văn Long Phó Giám đốc Sở Y tế, Trịnh Quang Huy Trưởng phòng và Lò Văn Sinh.",
    "Ông Nguyễn Văn Dũng - Tổ trưởng tổ công tác và Tổ phó Hoàng Minh Đức cùng kiểm tra.",
    "Bí thư Đoàn Thanh niên Lưu Văn Khánh và bà Đinh Thị Hồng Nhung Cộng sản tham gia.",
    "Bản tin\n\nNội dung bài viết rất dài, có nhiều câu.\n\nLê Thu Hà, TTXVN\nCác tin khác",
    "Tin: Đỗ Hằng\nSáng nay, ông Phạm Văn Quang, Phó Chủ tịch UBND tỉnh, làm việc với huyện.",
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nNguyễn Văn An",
    "NGUYỄN VĂN AN\nTỉnh ủy viên, Giám đốc Sở Tài chính",
    "Sở Lao động - Thương binh và Xã hội và Ủy ban MTTQ tỉnh; ông Lê Quý Đôn, Giám đốc Sở và Phó Chủ tịch Hội.",
]


@pytest.mark.parametrize("text", OFFICIAL_TEXTS)
def test_find_officials_as_without_the_cheap_tests(text, monkeypatch):
    fast = O.find_officials(text)
    _ungated(monkeypatch)
    assert O.find_officials(text) == fast


def test_find_officials_as_without_the_cheap_tests_random(monkeypatch):
    rnd = random.Random(514)
    texts = ["\n".join(rnd.sample(OFFICIAL_TEXTS, 3)) for _ in range(40)]
    fast = [O.find_officials(t) for t in texts]
    _ungated(monkeypatch)
    assert [O.find_officials(t) for t in texts] == fast


def test_groups_read_by_number_are_the_named_groups():
    m = O._NAME.match("Nguyễn Văn An")
    assert m.group(O._NAME_SUR) == m.group("sur") == "Nguyễn"
    m = O._BYLINE.match("Lê Thu Hà, TTXVN")
    assert (m.group(O._BYLINE_NAMES), m.group(O._BYLINE_TAIL)) == (m.group("names"), m.group("tail"))
    m = O._BYLINE_POS.match("Lê Văn An - Giám đốc Sở Y tế")
    assert (m.group(O._BYLINE_POS_N), m.group(O._BYLINE_POS_T)) == (m.group("n"), m.group("t"))


# ---------------------------------------------------------------- the cue before a name

_CUE_PIECES = ["ông", "Ông", "bà", "Bà", "anh", "Thanh", "chị", "đồng chí", "Đồng chí", "đ/c", "Đ/C", "cô giáo",
               "Hòa thượng", "Nhà báo", "PGS", "GS", "TS", "ThS", "BS", "CKII", "CKI", "NGƯT", ".", ",", " ", " ",
               "  ", ":", "\t", "\n", "x", "Lê", "và", "các", "Tỉnh ủy", "(", "1"]


def test_cue_end_search_is_the_search():
    rnd = random.Random(521)
    cue_end = O._data()["cue_end"]
    seen = 0
    for _ in range(20000):
        text = "".join(rnd.choice(_CUE_PIECES) for _ in range(rnd.randrange(1, 9))) + "Nguyễn Văn An"
        hi = len(text) - len("Nguyễn Văn An")
        lo = rnd.randrange(0, hi + 1)
        want = cue_end.search(text, lo, hi)
        got = O._cue_end_search(cue_end, text, lo, hi)
        assert (want and want.span()) == (got and got.span()), (text, lo)
        seen += want is not None
    assert seen > 1500


@pytest.mark.parametrize("text", OFFICIAL_TEXTS)
def test_cue_end_search_in_sentences(text):
    cue_end = O._data()["cue_end"]
    for hi in range(len(text) + 1):
        lo = max(0, hi - 40)
        want = cue_end.search(text, lo, hi)
        got = O._cue_end_search(cue_end, text, lo, hi)
        assert (want and want.span()) == (got and got.span()), (text, hi)
