"""The third round of the officials module's speed devices reads exactly what the plain code it replaced read
(sentences and names written for these tests, in random combinations)."""
from __future__ import annotations

import random
import sys

import pytest
import regex

from reportextract.extract import officials as O

# ------------------------------------------------------------------ material

NAMES = ["Nguyễn Văn An", "Trần Thị Bích Hạnh", "Lê Quang", "Hà Văn Khoa", "Phạm Minh Chính", "Y Nhuận Byă",
         "H'Hen Niê", "Đặng Thị Mai", "Lâm Hà Trần Văn Xuân", "Hồ Chí Minh", "Đoàn Quảng Ninh", "Quảng Ngãi",
         "Bùi Thanh Sơn", "Ông Vũ Đức Đam", "Kiên Giang Lý Văn Tư", "Hoàng Anh", "Lò Văn Puốn", "Mai Tiến Dũng"]
BEFORE = ["", "Đồng chí ", "ông ", "bà ", "Phó Chủ tịch UBND tỉnh ", "Bí thư Tỉnh ủy ", "huyện ", "xã ",
          "Sở ", "Công ty ", "tỉnh ", "đường ", "Trường THPT ", "các đồng chí: ", "PGS.TS. ", "Chủ tịch ",
          "Tập đoàn ", "thôn ", "Ban Tuyên giáo ", "\n", "(", "“", "- ", "gồm các ông: "]
AFTER = ["", ", Bí thư Tỉnh ủy", " Phó Chủ tịch UBND tỉnh", " - Giám đốc Sở Y tế", " phát biểu.", " cho biết",
         " (Trưởng phòng Kinh tế)", " Thanh niên", " Cộng sản", " nhân dân", ", Ủy viên Ban Thường vụ Tỉnh ủy",
         " và Lê Văn Bình", "; Phó Trưởng ban Dân vận", " giữ chức vụ Phó Giám đốc", " Việt Nam", " UBND tỉnh",
         " Chủ nhiệm Ủy ban Kiểm tra", " tân Bí thư", ".", "\n", " Trưởng thôn Bản Mới", " giám đốc sở",
         " nguyên phó chủ tịch xã"]
TITLES = ["Phó Chủ tịch UBND tỉnh phát biểu", "Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh", "Giám đốc Sở Lao động - Thương binh"
          " và Xã hội cho biết", "Ủy viên dự khuyết Trung ương Đảng", "Trưởng ban Dân vận và Phó Chủ tịch", "Phó Bí thư "
          "Thường trực Tỉnh ủy Phó Trưởng Ban Chỉ đạo", "Chủ tịch UBND huyện - Tổ trưởng", "TUV, Bí thư Huyện ủy đã",
          "Phó Giám đốc Công an tỉnh đồng chí", "Chánh Văn phòng UBND tỉnh dự lễ", "Hiệu trưởng Trường THPT Lê Lợi.",
          "PHÓ CHỦ TỊCH UBND TỈNH", "Chủ tịch  UBND   xã", "nguyên Bộ trưởng Bộ Tài chính", "Tổng Giám đốc & Chủ tịch",
          "Bí thư Đảng ủy Khối các cơ quan tỉnh", "Thứ trưởng Bộ Y tế Trần Văn Thuấn", "Giám đốc Sở T.Ư Đoàn",
          "Giám đốc. Sau đó ông về quê", "Bí thư Tỉnh ủy! Tại buổi lễ", "Phó Chủ tịch, Trưởng ban"]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rnd.randrange(1, 5)):
            parts.append(rnd.choice(BEFORE) + rnd.choice(NAMES) + rnd.choice(AFTER))
        out.append(rnd.choice(["", "Hôm nay, ", "Tại hội nghị, "]) + " ".join(parts))
    return out


# ------------------------------------------------------------------ the code as it was (the slow paths)

_SPACE = regex.compile(r" (?=\S)")


def _clean_name_plain(text, s, e):
    d = O._data()
    name = text[s:e]
    for _ in range(3):
        first, _, rest = name.partition(" ")
        pm = O._prov_end(name)
        rest_words = name[pm:].split() if pm else []
        if pm and (len(rest_words) >= 2 or d["name"].fullmatch(name[pm:].lstrip())):
            cut = len(name) - len(name[pm:].lstrip())
        elif first in ("Ông", "Bà", "Anh", "Chị", "Cụ") and d["name"].fullmatch(rest):
            cut = len(first) + 1
        else:
            break
        s += cut
        name = text[s:e]
    run = O._CAPS_BEFORE.search(text, max(0, s - 40), s) if O._caps_may_end(text, s) else None
    if run:
        pm = O._prov_end(text[run.start():e])
        if pm and run.start() + pm > s:
            s = run.start() + pm
            while s < e and text[s] == " ":
                s += 1
            name = text[s:e]
    for sm in _SPACE.finditer(name):
        if text[s + sm.end()].isupper() and d["title_start"].match(text, s + sm.end()):
            name = name[:sm.start()]
            e = s + len(name)
            break
    parts = name.split()
    if len(parts) == 5 and parts[2] in d["surname_set"] and O._ends_with(text[max(0, s - 30):s], d["place_words"]):
        s += len(parts[0]) + len(parts[1]) + 2
        name = text[s:e]
        parts = parts[2:]
    if len(parts) < 2 or d["title_start"].match(name) and d["title_start"].match(name).end() > len(parts[0]):
        return None
    if parts[0] == "Đoàn" and " ".join(parts[1:]) in d["provinces"]:
        return None
    if name == "Hồ Chí Minh" and text[max(0, s - 9):s] in ("Chủ tịch ", "Chủ Tịch "):
        return s, e
    if name in d["provinces"] or O._prov_end(name) and len(parts) <= 3 or O._fold(name) in d["provinces_folded"]:
        return None
    before = text[max(0, s - 30):s]
    if O._ends_with(before, d["org_words"]):
        return None
    if O._ends_with(before, d["place_words"]) and (len(parts) == 2 or O._prov_end(name)):
        return None
    if O._ORG_TAIL.match(text[e:e + 12]):
        return None
    return s, e


def _trim_plain(chunk, hm=False):
    words = chunk.split(" ")
    out = []
    if hm is False:
        hm = O._data()["title_start"].match(chunk)
    in_head = len(chunk[:hm.end()].split(" ")) if hm else 0
    for i, w in enumerate(words):
        if i < in_head:
            out.append(w)
            continue
        if w in O._STRONG_FIRST and i > 0 and O._data()["strong"].match(" ".join(words[i:i + 4])):
            break
        if w in ("-", "–", "—", "&"):
            if i + 1 < len(words) and words[i + 1][:1].isupper() \
                    and not O._data()["title_start"].match(" ".join(words[i + 1:i + 6])):
                out.append(w)
                continue
            break
        bare = w.strip(".,;:!?\"“”'()")
        if not bare:
            if w == "":
                continue
            break
        if bare[:1].islower() and bare in O._STOP:
            break
        if bare == "đồng" and i + 1 < len(words) and words[i + 1] in ("chủ", "chí", "thời", "ý", "loạt"):
            break
        if bare == "dự" and not (i + 1 < len(words) and words[i + 1].startswith("khuyết")):
            break
        if bare == "và" and (i + 1 >= len(words) or not words[i + 1][:1].isupper()
                             or O._data()["title_start"].match(" ".join(words[i + 1:i + 6]))):
            break
        out.append(w)
        if w.endswith((".", "!", "?")) and not O._ABBR_DOT.fullmatch(w):
            out[-1] = w.rstrip(".!?")
            break
    return " ".join(out).strip(" ,;:-–")


# ------------------------------------------------------------------ the tests

def test_no_white_space_is_upper_case():
    """_clean_name reads a space followed by an upper-case character where _SPACE read " (?=\\S)"."""
    assert not [c for c in map(chr, range(sys.maxunicode + 1)) if c.isupper() and regex.match(r"\s", c)]


@pytest.mark.parametrize("seed", range(6))
def test_clean_name_is_the_plain_one(seed):
    d = O._data()
    seen = set()
    for text in _texts(150, seed):
        spans = [m.span() for m in regex.finditer(r"(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}'’]*(?: \p{Lu}[\p{L}\p{M}]*){1,4}",
                                                 text, overlapped=True)]
        spans += [m.span() for m in O._gated(d["surname_gate"], O._CAP_WORD, d["name"], text, d["surname_set"])]
        # and any run of words, lower-case ones too
        words = [m.span() for m in regex.finditer(r"\S+", text)]
        spans += [(words[i][0], words[j][1]) for i in range(len(words)) for j in range(i, min(i + 5, len(words)))]
        for s, e in spans:
            want = _clean_name_plain(text, s, e)
            assert O._clean_name(text, s, e) == want, (text, s, e)
            seen.add(want is None)
    assert seen == {True, False}


@pytest.mark.parametrize("chunk", TITLES + [t.upper() for t in TITLES] + [t.lower() for t in TITLES]
                         + ["", " ", "Phó", "và Lê Văn An", "Giám đốc  - Sở", "Phó Chủ tịch tỉnh!"])
def test_trim_is_the_plain_one(chunk):
    assert O._trim(chunk) == _trim_plain(chunk)
    hm = O._data()["title_start"].match(chunk)
    assert O._trim(chunk, hm) == _trim_plain(chunk, hm)
    assert O._trim(chunk, None) == _trim_plain(chunk, None)


def _pre_cut_plain(window):
    cut = 0
    for cut_m in O._PRE_BOUND.finditer(window):
        cut = cut_m.end()
    return cut


def _title_before_plain(text, start, floor):
    lo = max(floor, start - 220)
    head_gate = O._data()["head_gate"]
    if lo and not head_gate.search(text, lo - 1, start):
        return None, start
    window = text[lo:start]
    if "(" in window:
        window = O._PAREN_ABBR.sub(lambda m: " " * len(m.group(0)), window)
    cut = _pre_cut_plain(window)
    seg = window[cut:]
    head_re = O._data()["title_start"]
    for hm in O._gated(head_gate, O._WORD, head_re, seg, O._data()["head_first"], lead=True):
        if hm.start() and seg[hm.start() - 1].isalpha():
            continue
        gap = seg[hm.end():]
        toks = gap.split()
        if len(toks) > 16:
            continue
        if any(t[:1].islower() and t.strip(".,") in O._STOP for t in toks):
            continue
        raw = text[lo + cut + hm.start():start].rstrip()
        return raw.rstrip(" -–"), lo + cut + hm.start()
    return None, start


CUT_BITS = ["Hội nghị", ". ", ".", " - ", " – ", "—", "-", "2016-2020", "v.v. ", "(UBND)", "(", ")", ", ", ";", ":",
            "\n", "|", "“", "”", "\"", ".\u00a0", ".\t", " -\n", " - đồng chí", " - Phó", "TP.", "ông", " ", "..."]


@pytest.mark.parametrize("seed", range(4))
def test_pre_cut_is_the_last_boundary(seed):
    rnd = random.Random(seed)
    for _ in range(3000):
        window = "".join(rnd.choice(CUT_BITS) for _ in range(rnd.randrange(0, 12)))
        assert O._pre_cut(window) == _pre_cut_plain(window), window


BEFORE_BITS = ["Phó Chủ tịch UBND tỉnh ", "Bí thư Tỉnh ủy ", "Giám đốc Sở (SYT) ", "ông ", "đồng chí ", "và ", ", ", ". ",
               " - ", "(PCT) ", "Chánh Văn phòng ", "tham dự hội nghị có ", "nguyên Bộ trưởng ", "TUV ", "Trưởng ban ",
               "\n", "giai đoạn 2016-2020. ", "Phó", "x", "Chủ tịch", "(", "Tỉnh ủy viên, ", "các ", "Thứ trưởng Bộ Y tế "]


@pytest.mark.parametrize("seed", range(4))
def test_title_before_is_the_plain_one(seed):
    rnd = random.Random(seed)
    seen = set()
    for _ in range(600):
        head = "".join(rnd.choice(BEFORE_BITS) for _ in range(rnd.randrange(0, 30)))
        text = head + rnd.choice(NAMES) + rnd.choice(AFTER)
        start = len(head)
        for floor in {0, rnd.randrange(0, start + 1), max(0, start - 3)}:
            want = _title_before_plain(text, start, floor)
            assert O._title_before(text, start, floor) == want, (text, start, floor)
            seen.add(want[0] is None)
    assert seen == {True, False}


CUE_BITS = ["ông", "Ông", "bà", "đồng chí", "Đồng chí", "PGS", "PGS.TS.", "GS, TS", "GS,TS.", "BS.CKII", "TS.BS.",
            "NSƯT", "Đ/c", "đ/C", "anh", "chị", "Hòa thượng", "thầy", "Cô giáo", "nhà báo", "xông", "Thanh", "công",
            " ", "  ", "\t", ":", " : ", "\n", ".", ",", "(", "các ", "gồm ", "tỉnh ", "Sở ", "giai đoạn 2016-2020. "]


@pytest.mark.parametrize("seed", range(4))
def test_a_cue_ends_only_where_may_end_in_cue_says(seed):
    d = O._data()
    rnd = random.Random(seed)
    seen = set()
    for _ in range(4000):
        head = "".join(rnd.choice(CUE_BITS) for _ in range(rnd.randrange(0, 9)))
        text = head + rnd.choice(NAMES)
        b = len(head)
        for a in {0, max(0, b - 40), rnd.randrange(0, b + 1)}:
            window = text[a:b]
            back = bool(d["cue_end_r"].search(window))
            forward = d["cue_end"].search(text, a, b) is not None
            if back or forward:
                assert O._may_end_in_cue(window), (window, back, forward)
            seen.add((back, forward))
    assert (True, True) in seen and (False, False) in seen


def test_whitespace_is_the_regex_modules():
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert set(regex.findall(r"\s", every)) == set(O._WHITESPACE)


@pytest.mark.parametrize("seed", range(3))
def test_squeeze_is_spaces_sub(seed):
    rnd = random.Random(seed)
    bits = ["Lê", "Văn", "An", "Phó Chủ tịch", " ", "  ", "\t", "\n", "\xa0", "\u2009", "\u3000", "\x1c", "\x85", ",", ""]
    changed = set()
    for _ in range(3000):
        text = "".join(rnd.choice(bits) for _ in range(rnd.randrange(0, 8)))
        want = O._SPACES.sub(" ", text)
        assert O._squeeze(text) == want, repr(text)
        changed.add(want != text)
    assert changed == {True, False}


LIST_BITS = ["Lê Văn An", "Trần Thị Bình", " ", "  ", "\t", ",", ", ", ";", " và ", "và", "Nguyễn Văn Vàng", "vàng",
             "Phó Chủ tịch", " Bí thư", "\xa0", "Hà", "Giám đốc Sở", "x", "\n"]


@pytest.mark.parametrize("seed", range(3))
def test_list_items_and_titles_after_names_are_the_plain_ones(seed):
    rnd = random.Random(seed)
    title_start = O._data()["title_start"]
    for _ in range(3000):
        head = rnd.choice(["", "các ông: ", "ông "])
        names = "".join(rnd.choice(LIST_BITS) for _ in range(rnd.randrange(0, 8)))
        scan = head + names + rnd.choice(["", " phát biểu", ", Bí thư"])
        assert O._list_items(names) == O._LIST_SPLIT.split(names), names
        for item in O._LIST_SPLIT.split(names) + [names]:
            if O._LIST_JOIN.fullmatch(item):
                assert O._has_list_sep(item)
            s = scan.find(item) if item else 0
            want = len(item)
            for sp in _SPACE.finditer(item):
                if title_start.match(scan, s + sp.end()):
                    want = sp.start()
                    break
            assert O._before_title(scan, s, item) == want, (scan, s, item)


STOPS_PLAIN = {  # the regex module patterns the stdlib ones replaced
    "_CHUNK_STOP": regex.compile(r"[,;()\n|]|\.(?:\s|$)|\s[–—]\s"),
    "_SENT_STOP": regex.compile(r"\.(?:\s|$)|\n"),
    "_VERB_STOP": regex.compile(r"[,;()\n|]|\.(?:\s|$)"),
    "_SEMI_STOP": regex.compile(r";|\.(?:\s|$)|\n"),
}
STOP_BITS = ["Giám đốc Sở", " ", ".", ". ", ".\n", "\n", ",", ";", "(", ")", "|", " – ", " — ", "\u2009—\xa0", "–", "-",
             "\t", "\x85", "\u3000", "TP.HCM", "v.v", "\x1c", "đ"]


@pytest.mark.parametrize("name", sorted(STOPS_PLAIN))
def test_stdlib_stops_find_what_the_regex_module_found(name):
    rnd = random.Random(name)
    fast, plain = getattr(O, name), STOPS_PLAIN[name]
    found = set()
    for _ in range(4000):
        text = "".join(rnd.choice(STOP_BITS) for _ in range(rnd.randrange(0, 10)))
        pos = rnd.randrange(0, len(text) + 1)
        want = plain.search(text, pos)
        got = fast.search(text, pos)
        assert (got and got.start()) == (want and want.start()), (text, pos)
        found.add(want is None)
    assert found == {True, False}
