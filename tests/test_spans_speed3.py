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
