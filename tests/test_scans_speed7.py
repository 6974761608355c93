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


# ---------------------------------------------------------------- normalize: the odd characters

import unicodedata  # noqa: E402

from reportextract import normalize  # noqa: E402


def _old_normalize(text: str) -> str:
    found = set(normalize._ODD.findall(text))
    if found:
        if "\r" in found:
            text = text.replace("\r\n", "\n")
        for ch in found:
            text = text.replace(ch, normalize._REPLACE[ch])
    return unicodedata.normalize("NFC", text)


def test_odd_chars_every_code_point():
    for i in range(sys.maxunicode + 1):
        text = "Hà Nội " + chr(i) + "\nngày 5"
        assert normalize._odd_chars(text) == set(normalize._ODD.findall(text)), hex(i)


_RAW = [
    "Ðồng chí Nguyễn Văn An\r\nChủ tịch UBND xã",
    "Tổng\u00a0thu\u00a0đạt 1.200\u202ftỷ đồng\u200b, tăng 5\u00ad%",
    "213/KH\ufffeUBND ngày 3\u20114\u20102024\tvề\x0bviệc\x0c\x85kiểm tra\u2028\u2029",
    "\ufeffSáng nay\x00\x01\x1f\x7f, ðoàn công tác\u3000\u2007đến",
    "Ho\u0300a bi\u0300nh\r\r\n\n", "", "\n", "\u00a0", "\r", "\r\n", "Đ", "plain ascii text.",
]


@pytest.mark.parametrize("text", _RAW)
def test_normalize_same_as_findall(text):
    assert normalize.normalize_text(text) == _old_normalize(text)


def test_normalize_random():
    rng = random.Random(71)
    odd = sorted(normalize._REPLACE)
    plain = ["a", "Hà", " ", "\n", "ủy", "Ố", "12", ".", "“", "–", "\u0300", "\u0301", "e", "\u00e0", "\U0001f600"]
    for _ in range(20000):
        text = "".join(rng.choice(odd if rng.random() < 0.2 else plain) for _ in range(rng.randint(0, 12)))
        assert normalize.normalize_text(text) == _old_normalize(text), repr(text)


# ---------------------------------------------------------------- years: the count-word gate

from reportextract.extract import dates  # noqa: E402
from reportextract.parsers.dates import confined, lone_years, year_windows  # noqa: E402


def test_count_first_letters_cover_the_pattern():
    head = "[ \\t]*(?:"
    src = dates._COUNT_AFTER.pattern
    assert src.startswith(head) and src.endswith(")")
    firsts = {alt[0] for alt in src[len(head):-1].split("|")}
    assert {f.lower() for f in firsts} == set("%nhtkmslđucd")
    cls = regex.compile("[" + "".join(sorted(firsts)) + "]", regex.IGNORECASE)
    for i in range(sys.maxunicode + 1):
        c = chr(i)
        if cls.match(c):
            assert c in dates._COUNT_FIRST, hex(i)


def _old_find_years(text: str):
    _, numbers, anchors = year_windows(text)
    masked = [m.span() for m in confined(dates.DOC_NUMBER, text, numbers)]
    out = []
    for y in lone_years(text, anchors, ".,"):
        end = y + 4
        if any(s <= y < e for s, e in masked):
            continue
        if dates._COUNT_AFTER.match(text, end, end + 20) and not dates._TIME_BEFORE.search(text, max(0, y - 12), y):
            continue
        out.append({"text": text[y:end], "value": int(text[y:end]), "span": (y, end)})
    return out


_YEAR_TEXTS = [
    "Năm 2024 có 2000 người tham gia, 1995 hộ thoát nghèo; đến năm 2025 còn 2010 HỘ.",
    "Tổng kết giai đoạn 2016-2020 và kế hoạch 2021 \t  tấn; 2019\tKG; 2018 Kg, 2017 \u212am đường.",
    "Quyết định 12/2019/QĐ-UBND ngày 5/3/2019; 2023 ſinh viên; 2022 USD; 2021%; 2020 %, 2019 triệu.",
    "cuối năm 2020 con số; 2020 con; 2020 cán bộ; 2024                     người; 2024", "2000",
    "đầu 2015 đại biểu, sau 2016 đảng viên, niên khóa 2017 học sinh, 1999 dự án, 2001 m2, 2002 m",
]


@pytest.mark.parametrize("text", _YEAR_TEXTS)
def test_find_years_same_as_ungated(text):
    assert dates.find_years(text) == _old_find_years(text)


def test_find_years_random():
    rng = random.Random(73)
    pieces = ["2020", "1999", "2000", " ", "  ", "\t", "\n", "người", "Người", "NGƯỜI", "hộ", "ha", "hat", "kg", "Km",
              "\u212ag", "m2", "m", "mà", "học sinh", "ſinh viên", "USD", "usd", "%", "con", "căn", "tỷ", "năm", "từ",
              "đến", "khóa", "và", ",", ".", "/", "-", "12/2019/QĐ-UB", "5", "x", "Đồng", "đồng"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert dates.find_years(text) == _old_find_years(text), repr(text)
