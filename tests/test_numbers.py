"""Example tables for the number parsers (written for this project, not taken from any source)."""
from __future__ import annotations

import pytest

from reportextract.parsers.numbers import parse_number, parse_number_words, scale_of

NUMBER_EXAMPLES = [
    ("8,36", 8.36),
    ("9.604", 9604),
    ("1.234,5", 1234.5),
    ("1.000.000", 1_000_000),
    ("12", 12),
    ("0,9", 0.9),
    ("72.4", 72.4),        # English decimal: cannot be thousands
    ("103.25", 103.25),
    ("1.191,313", 1191.313),
    ("2,000,000", 2_000_000),  # English thousands with two groups
    ("12 450", 12450),
    ("0.5", 0.5),             # English decimal below one
    ("0.500", 0.5),           # a leading zero cannot open a thousands group
    ("2.500", 2500),          # three digits after the dot: Vietnamese thousands
    ("1.234.567,89", 1234567.89),
    ("100.000.000", 100_000_000),
    ("04", 4),                # counts are often written with a leading zero
    ("33.133,54", 33133.54),
]
NOT_NUMBERS = ["", "abc", "1,2,3", "1..2", "1.2.3", "12a"]


@pytest.mark.parametrize(("text", "value"), NUMBER_EXAMPLES, ids=[e[0] for e in NUMBER_EXAMPLES])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", NOT_NUMBERS, ids=[repr(t) for t in NOT_NUMBERS])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


WORD_EXAMPLES = [
    ("hai", 2), ("ba", 3), ("mười", 10), ("mười lăm", 15), ("hai mươi", 20), ("hai mươi mốt", 21),
    ("ba mươi tư", 34), ("một trăm", 100), ("một trăm linh năm", 105), ("hai nghìn", 2000),
    ("hai mươi lăm", 25), ("bốn mươi nhăm", 45), ("ba trăm lẻ hai", 302), ("mười một", 11),
    ("Bảy", 7), ("chín mươi chín", 99),
]
NOT_WORDS = ["tư", "lăm", "mốt", "nhiều", "hàng trăm", "mươi mươi", "trăm năm mươi hai mươi"]


@pytest.mark.parametrize("text", NOT_WORDS, ids=NOT_WORDS)
def test_not_number_words(text: str) -> None:
    assert parse_number_words(text) is None


@pytest.mark.parametrize(("text", "value"), WORD_EXAMPLES, ids=[e[0] for e in WORD_EXAMPLES])
def test_parse_number_words(text: str, value: int) -> None:
    assert parse_number_words(text) == value


@pytest.mark.parametrize("word,mult", [("nghìn", 1e3), ("ngàn", 1e3), ("triệu", 1e6), ("tỷ", 1e9),
                                       ("tỉ", 1e9), ("vạn", 1e4), ("nghìn tỷ", 1e12), ("ngàn  tỷ", 1e12),
                                       ("Tỷ", 1e9), ("", 1.0)])
def test_scale_of(word: str, mult: float) -> None:
    assert scale_of(word) == mult
