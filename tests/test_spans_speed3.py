"""The span-writing and span-stage fast paths (inlined span bounds, shared scans, merged passes) give what
the plain computations give, on invented sentences."""
from __future__ import annotations

import random

import pytest
import regex as re

from reportextract import nlp
from reportextract.extract import references as R

# Invented sentences in the style of official writing, with odd spacing and line breaks.
SENTENCES = [
    "Ngày 12/4/2025, UBND tỉnh ban hành Kế hoạch số 77/KH-UBND về phát triển du lịch cộng đồng.",
    "  Sở Y tế đề nghị các huyện  rà soát danh sách hộ cận nghèo trước ngày 30/6.\n",
    "\nThực hiện Chỉ thị 05-CT/TU, toàn tỉnh đã xây dựng 1.250 căn nhà đại đoàn kết.\n\n",
    "Giai đoạn 2021 – 2025, tỷ lệ hộ nghèo giảm bình quân 1,5%/năm; thu nhập đạt 58 triệu đồng.",
    "Hà Nội,\tngày 03 tháng 9 năm 2024",
    "x",
    " ",
    "Quyết định số 1520/QĐ-UBND ngày 8-11-2023 của Chủ tịch UBND huyện Tân Lạc.   ",
]


def _records(text: str, rng: random.Random) -> list[dict[str, object]]:
    n = len(text)
    out = []
    for _ in range(60):
        s = rng.randint(0, n)
        e = rng.choice([s, s + 1, rng.randint(s, n), n])
        out.append({"span": (s, min(e, n))})
    return out


@pytest.mark.parametrize("text", SENTENCES + [" ".join(SENTENCES), "\n".join(SENTENCES)])
def test_add_items_spans_are_make_spans(text: str) -> None:
    rng = random.Random(len(text))
    doc = nlp.make_doc(text)
    records = _records(text, rng)
    nlp.add_items(doc, "probe", records)
    got = [(s.start, s.end, s.start_char, s.end_char, s.label_) for s in doc.spans["probe"]]
    want = []
    for r in records:
        s = nlp.make_span(doc, *r["span"], label="probe")  # type: ignore[misc]
        want.append((s.start, s.end, s.start_char, s.end_char, s.label_))
    assert got == want
    assert nlp.items(doc, "probe") == records


# ---------------------------------------------------------------- references

REF_PIECES = [
    "Ngày 9/8/2024, Chủ tịch UBND tỉnh đã ký ", "các quyết định", " Quyết định số 12/QĐ-UBND", " KÝ ", "Ký",
    "kÝ", "\u212aý", "ky", "kỳ", "ký kết", "ban hành", "BAN HÀNH", "Ban Hành", "bAn hÀnh", "ban  hành",
    "ban\thành", "ban hanh", "ban hành", "\n", ". ", "; ", "Kế hoạch 45", " số 7", "ngày 3-4", " ",
    "sáng 5.6 ", "Sở Tư pháp ", "Nghị quyết số 17 ", "(", ")", "được", "ký", "ý", "K", "hành",
]


def _ref_texts(seed: int, n: int = 400) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(REF_PIECES) for _ in range(rng.randint(1, 14))) for _ in range(n)]


def test_sign_word_spelled_cases_find_what_ignorecase_finds() -> None:
    plain = re.compile(r"ký|ban hành", re.IGNORECASE)
    for text in _ref_texts(2):
        assert [m.span() for m in R._SIGN_WORD.finditer(text)] == [m.span() for m in plain.finditer(text)], text


# ---------------------------------------------------------------- anchors in the regex module

ANCHOR_PIECES = REF_PIECES + [
    "3/4", "12 - 5", "7 .8", "ngày 30/4 và 1/5", "123/45", "1/234", "Nghị quyết số:12", "Thông tư  8",
    "Kết luận số 5a", "tháng 6/2025", "٣/٤", "\U00011f53/\U00011f54", " số 4", "Văn bản 0", "Chỉ thị\t16",
    "Sáng ngày ", "/2024", "Nghị quyết ", "\U00011f55", "Sáng ngày 2", "/5/2024", "/4 ", "số 1",
]


@pytest.mark.parametrize("which", ["day", "bare"])
def test_regex_module_anchors_find_the_stdlib_anchors_on_the_same_digits(which: str) -> None:
    import re as std_re

    from reportextract.extract import dates as D
    anchor = D._DAY_WINDOWS.anchor if which == "day" else R._bare_bounds()[0]
    plain = std_re.compile(anchor.pattern)
    rng = random.Random(4)
    for _ in range(500):
        text = "".join(rng.choice(ANCHOR_PIECES) for _ in range(rng.randint(1, 12)))
        if all(bool(std_re.match(r"\d", ch)) == bool(re.match(r"\d", ch)) for ch in text):
            assert [m.span() for m in anchor.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    newer = "ngày \U00011f53/\U00011f54" if which == "day" else "Nghị quyết số \U00011f53"
    assert not plain.search(newer) and anchor.search(newer)  # a digit stdlib's \d does not know yet
    # the regex module's \d (the patterns') holds every digit stdlib's does
    allc = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert set(std_re.findall(r"\d", allc)) <= set(re.findall(r"\d", allc))


def test_windowed_scans_match_whole_text_scans_with_newer_digits() -> None:
    """With digits only the regex module knows, the gated scans still give the plain scans' matches."""
    from reportextract.extract import dates as D
    from reportextract.parsers.dates import confined
    rng = random.Random(5)
    # (no Kelvin sign: letters_of writes an ASCII "K" where it means U+212A, so _bare_bounds' `after` ends a
    # window at a Kelvin-sign suffix letter the IGNORECASE pattern reads as "k" -- a gap older than this test)
    pieces = [p for p in ANCHOR_PIECES if "\u212a" not in p]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(500)]
    texts += ["Sáng ngày 2\U00011f55/5/2024, UBND tỉnh họp.", "Hôm qua (1\U00011f55-4), Sở Tài chính báo cáo.",
              "Nghị quyết số 1\U00011f55 của HĐND tỉnh", "Chỉ thị \U00011f55 ngày 3/4/2024"]
    for text in texts:
        want = [m.span() for m in R._bare_re().finditer(text)]
        assert [m.span() for m in R._bare_mentions(text)] == want, text
        for pattern, _ in D.DATE_PATTERNS[1:4] + D.DATE_PATTERNS[6:7]:
            want = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in confined(pattern, text, D._DAY_WINDOWS.windows(text))] == want, text


def test_bare_mentions_with_newer_digits_match_finditer() -> None:
    text = "Căn cứ Nghị quyết số \U00011f51\U00011f52 của HĐND tỉnh và Kế hoạch số 7 của UBND tỉnh."
    assert [m.span() for m in R._bare_mentions(text)] == [m.span() for m in R._bare_re().finditer(text)]


# ---------------------------------------------------------------- document numbers

NUMBER_PIECES = [
    "12", "1520", "7a", "30đ", "/", "-", "–", " / ", " - ", "/ ", " -", "/2024", "/ 2023", "QĐ", "UBND", "NQ",
    "HĐND", "KH", "TTg", "qđ", "năm", "tháng", "ĐU", "Đảng", "ủy", "CT", "TU", "&", "BCA", "C04", ".", ",", " ",
    "\t", "số ", "Quyết định ", "đạt 5.775/8.227 xã", "5/năm", "3-tháng", "P6", "X", "\n", "(", ")",
]


def test_numbers_from_capital_code_starts_match_finditer() -> None:
    from reportextract.parsers import references as P
    rng = random.Random(6)
    texts = ["".join(rng.choice(NUMBER_PIECES) for _ in range(rng.randint(1, 16))) for _ in range(1500)]
    texts += ["số 04-NQ/TU, 12/2024/qđ-UBND và 7/KH- BCA- C04", "15/2020/NQ - HĐND - UBND", "5/năm-QĐ"]
    for text in texts:
        assert [m.span() for m in P._numbers(text)] == [m.span() for m in P.NUMBER_RE.finditer(text)], text


# ---------------------------------------------------------------- dates: context year

YEAR_PIECES = [
    "Ông sinh năm 1967", "Bà sinh ngày 3/4/1970", ", ", "; ", ". ", "\n", " ", "Quyết định số 12/2019/QĐ-UBND",
    "ngày 3/4/2019", "ngày 08 tháng 11 năm 2016", "Ngày 9 tháng 12 năm 2020", "năm 2019", "năm 2020", "2021",
    "nhiệm kỳ 2020-2025", "giai đoạn 2016 – 2020", "2011—2015", "so với cùng kỳ năm 2021", "so với 2022",
    "So Với Cuối Năm 2023", "tăng 5%", "đạt 2000 người", "15/2020/NQ-HĐND", "12.5.2018", "4-5-2017", "1999",
    "Kế hoạch 45/2023/KH-UBND", "2024.5", "2025,5", "(2026)", "SINH NĂM 1980", "2012/2013", "sinh năm 19",
]


def _plain_context_year(text: str) -> int | None:
    """context_year as first written: one confined pass per pattern, any() over the masked spans."""
    from collections import Counter

    from reportextract.parsers import dates as P
    years, numbers, anchors = P.year_windows(text)
    votes: Counter[int] = Counter()
    masked = [m.span() for m in P.confined(P._CTX_NUMBER, text, numbers)]
    for m in P.confined(P._CTX_BIRTH, text, years, (("sinh",),)):
        masked.append(m.span("y"))
    for m in P.confined(P._CTX_FULL, text, years, (("/", ".", "-", "ngày"),)):
        votes[int(m.group("y") or m.group("y2"))] += 2
        masked.append(m.span("y") if m.group("y") else m.span("y2"))
    for m in P.confined(P._CTX_PERIOD, text, years, (P._DASHES,)):
        votes[int(m.group("a"))] += 0.5
        votes[int(m.group("b"))] += 0.4
        masked += [m.span("a"), m.span("b")]
    for m in P.confined(P._CTX_BASE, text, years, (("so",),)):
        votes[int(m.group("y")) + 1] += 1
        masked.append(m.span("y"))
    for s in P.lone_years(text, anchors, "/.,-"):
        if not any(a <= s < b for a, b in masked):
            votes[int(text[s:s + 4])] += 1
    return max(votes, key=lambda y: (votes[y], y)) if votes else None


@pytest.mark.parametrize("seed", range(4))
def test_context_year_in_one_window_pass_votes_as_the_pattern_passes(seed: int) -> None:
    from reportextract.parsers.dates import context_year
    rng = random.Random(seed)
    for _ in range(400):
        text = "".join(rng.choice(YEAR_PIECES) for _ in range(rng.randint(1, 14)))
        assert context_year(text) == _plain_context_year(text), text
