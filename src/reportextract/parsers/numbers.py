"""Pure number parsers: Vietnamese digit formats, multiplier words and spelled-out numbers."""
from __future__ import annotations

import regex as re

_THOUSANDS_DOT = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_THOUSANDS_DOT_DEC = re.compile(r"^\d{1,3}(?:\.\d{3})+,\d+$")
_THOUSANDS_SPACE = re.compile(r"^\d{1,3}(?: \d{3})+(?:,\d+)?$")
_DEC_COMMA = re.compile(r"^\d+,\d+$")
_EN_DEC = re.compile(r"^\d+\.\d+$")
_EN_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$")


def parse_number(text: str) -> float | None:
    """Read a number written the Vietnamese way (decimal comma, thousands dot).

    English decimals that cannot be thousands ("72.4", "103.25") are read as decimals.

    >>> parse_number("1.234,5")
    1234.5
    >>> parse_number("8,36")
    8.36
    >>> parse_number("9.604")
    9604.0
    >>> parse_number("72.4")
    72.4
    >>> parse_number("1.000.000")
    1000000.0
    >>> parse_number("12 450")
    12450.0
    >>> parse_number("0.500")  # a leading zero cannot start a thousands group
    0.5
    >>> parse_number("abc") is None
    True
    """
    s = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if not s:
        return None
    if s.isdigit():
        return float(s)
    # each pattern is tried only when s holds the separators its every match holds
    dot, comma = "." in s, "," in s
    if dot and _THOUSANDS_DOT.match(s) and not s.startswith("0"):
        return float(s.replace(".", ""))
    if dot and comma and _THOUSANDS_DOT_DEC.match(s):
        return float(s.replace(".", "").replace(",", "."))
    if " " in s and _THOUSANDS_SPACE.match(s):
        return float(s.replace(" ", "").replace(",", "."))
    if comma and _DEC_COMMA.match(s):
        return float(s.replace(",", "."))
    if dot and _EN_DEC.match(s):
        return float(s)
    if comma and _EN_THOUSANDS.match(s):
        return float(s.replace(",", ""))
    return None


SCALES: dict[str, float] = {
    "nghìn": 1e3, "ngàn": 1e3, "ngan": 1e3, "nghin": 1e3,
    "vạn": 1e4,
    "triệu": 1e6, "trieu": 1e6,
    "tỷ": 1e9, "tỉ": 1e9, "ty": 1e9,
    "nghìn tỷ": 1e12, "ngàn tỷ": 1e12, "nghìn tỉ": 1e12, "ngàn tỉ": 1e12,
    "triệu tỷ": 1e15,
}


def scale_of(word: str | None) -> float:
    """The multiplier a scale word applies (1 when there is none).

    >>> scale_of("tỷ"), scale_of("Nghìn tỷ"), scale_of("vạn"), scale_of(None)
    (1000000000.0, 1000000000000.0, 10000.0, 1.0)
    """
    if not word:
        return 1.0
    return SCALES.get(" ".join(word.lower().split()), 1.0)


_DIGITS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5,
           "lăm": 5, "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}


def parse_number_words(text: str) -> int | None:
    """Read a spelled-out whole number ("hai", "mười lăm", "hai mươi mốt", "một trăm linh năm").

    >>> parse_number_words("hai")
    2
    >>> parse_number_words("mười lăm")
    15
    >>> parse_number_words("hai mươi mốt")
    21
    >>> parse_number_words("ba trăm linh năm")
    305
    >>> parse_number_words("nhiều") is None
    True
    """
    words = text.lower().split()
    if not words:
        return None
    total, current, last = 0, 0, None
    for w in words:
        if w in _DIGITS:
            if w in ("mốt", "tư", "lăm", "nhăm") and last not in ("mươi", "mười"):
                return None  # "tư" alone is "investment" (đầu tư) far more often than "four"
            current += _DIGITS[w]
        elif w == "mười":
            current += 10
        elif w == "mươi":
            current = (current or 1) * 10 if current < 10 else None  # type: ignore[assignment]
            if current is None:
                return None
        elif w == "trăm":
            current = (current or 1) * 100
        elif w in ("linh", "lẻ"):
            pass
        elif w == "nghìn" or w == "ngàn":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
        last = w
    return total + current
