"""Property tests: extract_text takes any string without raising and answers the same every time."""
from __future__ import annotations

import json

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reportextract
from reportextract.schema import output_schema

# Pieces that make text look like Vietnamese official writing, numbers and odd Unicode.
WORDS = ["Tỷ lệ", "hộ nghèo", "giảm", "tăng", "đạt", "năm", "2020", "giai đoạn", "2016-2020", "%", ",",
         ".", "8,36", "1.234,5", "72.4", "tỷ đồng", "triệu USD", "trên", "dưới", "khoảng", "chỉ tiêu",
         "Nghị quyết số", "04-NQ/TU", "ngày", "17/3", "tháng", "Đồng chí", "Nguyễn Văn An", "Bí thư",
         "Tỉnh ủy", "UBND", "UVTV", "\n", "\n\n", "hai", "ba", "xã", "người", "lần thứ", "XV", "|",
         "Ð", "Hoa\u0300", "\u00a0", "\u200b", "\ufeff", "\ufffe", "(cid:12)", "Số:", "/", "-", "–"]
fragment = st.one_of(st.sampled_from(WORDS), st.text(max_size=6))
vietnamese_like = st.lists(fragment, max_size=40).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vietnamese_like)
def test_extract_text_never_raises_and_is_deterministic(text: str) -> None:
    first = reportextract.extract_text(text).to_dict()
    second = reportextract.extract_text(text).to_dict()
    assert json.dumps(first, ensure_ascii=False) == json.dumps(second, ensure_ascii=False)
    jsonschema.validate(first, output_schema())


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_is_accepted(text: str) -> None:
    doc = reportextract.extract_text(text)
    body = doc.text
    for figure in doc.figures:
        assert body[figure.span[0]:figure.span[1]] == figure.text
