"""More of the officials module's speed devices find exactly what the plain searches they replace would
(random combinations of sentences written for these tests)."""
from __future__ import annotations

import random
import re

from reportextract.extract import officials as O

SNIPPETS = [
    "Đồng chí Lê Văn Tám, Bí thư Tỉnh ủy phát biểu.", "KT. CHỦ TỊCH", "  tm. ban thường vụ", "* TL. Giám đốc",
    "|Q. Trưởng phòng", "(Đã ký)", "(đã ký và đóng dấu)", "(KÝ TÊN)", "Nơi nhận:", "NƠI NHẬN", "Ký bởi: Sở",
    "văn bản ký số", "quản lý, ý kiến, Quý", "Ông Phạm Văn D", "Tổng thống Joe Biden", "ý", "ơi", "KT", "Q.",
    "nơi nhận hồ sơ", "kÝ Số", "ſố", "\u212aý bởi", "Hà Nội, ngày 2 tháng 3", "   ", "",
]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        parts = rnd.sample(SNIPPETS, rnd.randrange(1, 8))
        out.append("".join(p + rnd.choice(["\n", "\n\n", " ", " \n", "\n  \n", ""]) for p in parts))
    return out


def test_case_insensitive_marks_are_the_only_ones():
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for mark, before in O._SIGN_MARKS.items():
        low = mark.lower()
        assert set(re.findall(low, every, re.IGNORECASE)) == {m for m in O._SIGN_MARKS if m.lower() == low}
        assert set(re.findall("k" if low == "ý" else "n", every, re.IGNORECASE)) == set(before)
    words = O._SIGN_WORD.pattern.replace("\\(", "(").replace("(?:", "").replace(")", "").split("|")
    assert all(len(w) <= 8 and re.search("ký|nơ", w[:6], re.IGNORECASE) for w in words), words


def test_sign_hint_is_one_search_over_the_lines():
    hint = re.compile(r"(?m)^[ \t*|]*(?:KT|TM|TL|TUQ|Q)\.|\((?:Đã ký|đã ký|Ký)|Nơi nhận|Ký bởi|ký số", re.IGNORECASE)
    seen = set()
    for text in _texts(400, 1):
        lines = O._lines(text)
        for k in range(len(lines)):
            for j in range(k):
                want = bool(hint.search(text[lines[j][0]:lines[k][0]]))
                assert O._sign_hint(text, lines, j, k) == want, (text, j, k)
                seen.add(want)
    assert seen == {True, False}


CUE_SNIPPETS = ["ông", "Bà", "đồng chí", "các đồng chí:", "PGS.TS.", "GS, TS", "xông", "Đ/c", "bà con", "anh:",
                "Lê Văn An", "Nguyễn Thị Bình", ",", ".", " ", "\n", "cụ thể", "Thầy", "bác sĩ", "Bí thư"]


def test_no_cue_before_a_name_alone_means_none_in_a_narrower_window():
    d = O._data()
    rnd = random.Random(4)
    cues = 0
    for _ in range(3000):
        text = " ".join(rnd.choice(CUE_SNIPPETS) for _ in range(rnd.randrange(1, 9)))
        for s in range(len(text) + 1):
            if d["cue_end_r"].search(text[max(0, s - 40):s]):
                cues += 1
                continue
            for lo in range(max(0, s - 40), s + 1):
                assert d["cue_end"].search(text, lo, s) is None, (text, s, lo)
    assert cues > 1000


FOREIGN_SNIPPETS = [
    "Tổng thống Joe Biden phát biểu", "Thủ tướng Campuchia Hun Manet", "Bộ trưởng Nông nghiệp Damien O'Connor",
    "ông.Joe Biden Kelly", "Thị trưởng New York Eric Adams", "Quyết định 12/QĐ-TTg", "dịch Covid", "xO'Connor Lee",
    "Lê Văn Tám", "Hà Nội", "Đại sứ Mark Knapper", "Giám đốc Sở Y tế Nguyễn Văn An", "Peter Smith Jones Brown Wood",
    "Tổng thống\nJoe Biden", "Chủ tịch Hồ Chí Minh", "Bà Rịa", "KĐăm Bri", "H'Hen Niê", "Công ty Samsung Group",
]


def test_foreign_passes_read_only_the_lines_with_a_foreign_syllable():
    rnd = random.Random(9)
    for _ in range(600):
        parts = rnd.sample(FOREIGN_SNIPPETS, rnd.randrange(1, 7))
        text = "".join(p + rnd.choice(["\n", "\n\n", ", ", ". ", " ", "\n  "]) for p in parts)
        assert O._names(text, text) == O._names(text, text, [(0, len(text))]), text


VERB_SNIPPETS = ["đối với", "gồm có", "gồm", "các", "ông", "bà", "đồng chí", "đ/c", "và", "là", "giữ chức vụ",
                 "giữ chức danh", "được bầu làm", "được bầu giữ chức", "được bổ nhiệm giữ chức vụ", "được bổ nhiệm làm",
                 "làm", "Trưởng phòng", "Phó Giám đốc", ":", " ", "\t", "Lê Văn An", "xlàm", "khônglà"]


def test_literal_gates_hold_a_word_of_every_match():
    rnd = random.Random(12)
    hits = [0, 0]
    for _ in range(4000):
        text = "".join(rnd.choice(VERB_SNIPPETS) + rnd.choice([" ", "", "  ", "\t"]) for _ in range(rnd.randrange(1, 8)))
        for m in O._LEAD_TO.finditer(text):
            assert O._may_lead_to(m.group(0)), (text, m.group(0))
            hits[0] += 1
        for i in range(len(text)):
            m = O._LATER_VERB.search(text, i)
            if m:
                assert "làm" in m.group(0) or "giữ chức" in m.group(0), (text, m.group(0))
                hits[1] += 1
    assert min(hits) > 500


CAPS_SNIPPETS = ["Tỉnh ủy Hà Giang", "Trung Hoa Tập", "ông", "Lê Văn An", "UBND", "xA", "A", " ", "  ", "\t", ",",
                 "huyện Lâm Hà", "Ðà", "e\u0301", "Sở Y tế", "ΑΒΓ", "ǅa"]


def test_caps_may_end_wherever_caps_before_matches():
    rnd = random.Random(31)
    found = 0
    for _ in range(3000):
        text = "".join(rnd.choice(CAPS_SNIPPETS) + rnd.choice([" ", "", "  "]) for _ in range(rnd.randrange(1, 8)))
        for s in range(len(text) + 1):
            if O._CAPS_BEFORE.search(text, max(0, s - 40), s):
                assert O._caps_may_end(text, s), (text, s)
                found += 1
    assert found > 1000


def test_lines_are_the_runs_line_finds():
    for text in _texts(300, 41) + ["", "\n", "a", "\n\na\n", " \n\t\n x \n", "a\u2028b\nc\r\nd"]:
        assert O._lines(text) == [(m.start(), m.end()) for m in O._LINE.finditer(text) if m.group(0).strip()], text


def test_pre_cut_ends_the_last_boundary():
    rnd = random.Random(51)
    pieces = ["Bí thư", " ", "\n", ",", ";", ":", "|", "(", ")", "“", "”", '"', ".", ". ", ".\n", " - a", " – b", " — C",
              "-", " -x", "\t-\tđ", "Tỉnh ủy", "x.y", "  "]
    for _ in range(5000):
        w = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 9)))
        cut = 0
        for m in O._PRE_BOUND.finditer(w):
            cut = m.end()
        assert O._pre_cut(w) == cut, w


def test_a_name_line_opens_with_a_family_name_word():
    d = O._data()
    rnd = random.Random(61)
    pieces = ["NGUYỄN", "VĂN", "AN", "Nguyễn", "Văn", "An", "H'Hen", "H’Hen", "Niê", "*", "#", "|", "_", " ", "\t", "  ",
              "Lê", "LÊ", "Xyz", "TRẦN", "Trần", "x", "H'", "ĐỖ", "Đỗ", "Văn\u00a0An"]
    seen = 0
    for _ in range(20000):
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 7)))
        stripped = line.strip(" \t*#|_")
        first = stripped.split(" ", 1)[0].split("\t", 1)[0]
        if O._upper_name_line(line):
            assert first in d["upper_surnames"], line
            seen += 1
        if d["name"].fullmatch(stripped):
            assert first in d["name"].surnames or stripped.startswith(("H'", "H’")), line
            seen += 1
    assert seen > 100


def test_title_key_reads_what_the_regex_module_pattern_reads():
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    assert O._TITLE_KEY.findall(every) == O._TITLE_KEY_RE.findall(every)
    for text in _texts(200, 71) + ["Bí thư  Tỉnh ủy (Sơn La)", "a\u00a0b\u2028c\x1cd", "x - y.z"]:
        assert O._TITLE_KEY.sub(" ", text) == O._TITLE_KEY_RE.sub(" ", text), text


def test_raw_of_an_unchanged_scan_is_the_title():
    for text in _texts(100, 81):
        for title in ["Bí thư Tỉnh ủy", "Phó Chủ tịch UBND tỉnh", text[:7], text[3:20], "không có"]:
            i = text.find(title)
            assert O._raw(text, text, title) == (text[i:i + len(title)] if i >= 0 else title)
