"""Pure parsers for document numbers ("04-NQ/TU", "1722/QĐ-TTg") and the kinds they name."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import regex as re

from .. import rules

# One code of a number: capitals and digits, at most one small letter inside ("NQ", "HĐND", "TTg",
# "QĐi", "CTr", "QH13", "C04", "CCHC&VTLT").
CODE = r"[\p{Lu}][\p{Lu}\d&]*(?:[a-zđ][\p{Lu}\d&]*)?(?:\.[\p{Lu}\d]+)*"
# A document number: digits (and a letter: "30a"), maybe "/year", then codes joined by "/" or "-".
# Spaces around a separator are typing or extraction noise ("15/2020/NQ - HĐND"); they are allowed
# after the digits and after the first code only, so "12/QĐ-UBND - UBND tỉnh" stops at its own end.
# A space on one side only ("BCA- C04", a PDF line join) is allowed anywhere.
_SEP1 = r"(?:[ \t][/\-–](?![ \t])|[/\-–][ \t]?)"
NUMBER = (rf"\d{{1,6}}[a-zđ]?(?:[ \t]?/[ \t]?(?:19|20)\d\d)?[ \t]?[/\-–][ \t]?{CODE}"
          rf"(?:[ \t]?[/\-–][ \t]?{CODE})?(?:{_SEP1}{CODE})*")
_SPACES = re.compile(r"\s+")
_SEPS = re.compile(r"[/\-]")
NUMBER_RE = re.compile(rf"(?<![\p{{L}}\d/\-.,])(?:{NUMBER})(?![\p{{L}}\d]|[/\-]\d)")


# Every number holds a separator before a capital ("/QĐ", "- HĐND"), at most 15 characters after its start
# (digits, a letter, "/yyyy", spaces): its first code, as NUMBER spells it (CODE opens with \p{Lu}). Those
# places only: a letter in lower case ("5/năm", "3-tháng") opens no window (a third fewer on the dev corpus).
_CODE_START = re.compile(r"[/\-–][ \t]?\p{Lu}")
_UPPER = re.compile(r"\p{Lu}")


def _is_upper(c: str) -> bool:
    """Whether the one character `c` (or "") is a capital, \\p{Lu}: an ASCII one is such when it is A-Z."""
    return "A" <= c <= "Z" if c.isascii() else _UPPER.match(c) is not None


def _code_starts(text: str) -> list[int]:
    """The starts of _CODE_START's finditer matches: each "/", "-" or "–" found by str.find (a C substring
    search; a regex scan tries every character), kept when a capital follows it or a space or tab and a
    capital (the pattern's "[ \\t]?" gives way to a capital right after). A match holds no separator
    after its first character, so matches never overlap: finditer's are all the places it matches."""
    out = []
    find = text.find
    for sep in ("/", "-", "–"):
        i = find(sep)
        while i >= 0:
            c = text[i + 1:i + 2]
            if c == " " or c == "\t":
                if _is_upper(text[i + 2:i + 3]):
                    out.append(i)
            elif _is_upper(c):
                out.append(i)
            i = find(sep, i + 1)
    out.sort()
    return out


# What ends a number: a character none consumes; a space or tab next to no separator.
_NUMBER_END = re.compile(r"[^\p{L}\d&./\-– \t]|(?<![/\-–])[ \t](?![/\-–])")


def _numbers(text: str) -> Iterator[re.Match[str]]:
    """NUMBER_RE.finditer(text), tried only from 15 characters before a code to the number's end.

    Windows may overlap; `pos` keeps the matches apart as finditer does. Every match lies in the window
    of its first code: its start is at most 15 characters before, and it consumes no character that
    ends a window (the spaces it takes stand next to a separator).
    """
    pos = 0
    for f in _code_starts(text):
        if f < pos:
            continue
        e = _NUMBER_END.search(text, f)
        for m in NUMBER_RE.finditer(text, max(pos, f - 15), e.end() if e else len(text)):
            yield m
            pos = m.end()


def clean_number(raw: str) -> str:
    """A document number as the contract writes it: no spaces, hyphens for dashes.

    >>> clean_number("15/2020/NQ - HĐND")
    '15/2020/NQ-HĐND'
    >>> clean_number("213/KH\\ufffeUBND")
    '213/KH-UBND'
    """
    s = raw.replace("\ufffe", "-").replace("–", "-").replace("—", "-")
    return _SPACES.sub("", s)


def find_numbers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, cleaned number) of every document number in `text`.

    >>> [n for _, _, n in find_numbers("Nghị quyết 15/2020/NQ - HĐND và Quyết định 1722/QĐ-TTg - UBND tỉnh")]
    ['15/2020/NQ-HĐND', '1722/QĐ-TTg']
    >>> [n for _, _, n in find_numbers("đạt 5.775/8.227 xã, 12/2021, số 3980/C04-P6, số 7/KH- BCA- C04")]
    ['3980/C04-P6', '7/KH-BCA-C04']
    """
    return [(m.start(), m.end(), clean_number(m.group(0))) for m in _numbers(text)]


@lru_cache(maxsize=1)
def _kinds() -> tuple[dict[str, str], dict[str, str]]:
    data = rules.load("doc_kinds")["kinds"]
    by_code: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for k in data:
        key = k["name"].lower()
        # canonical_kind's direct lookup relies on this
        assert key == _SPACES.sub(" ", key), key
        by_name[key] = k["name"]
        for code in k["codes"]:
            by_code.setdefault(code.upper(), k["name"])
    return by_code, by_name


def kind_names() -> list[str]:
    """Every document kind name in the rule data ("Nghị quyết", "Quyết định", ...)."""
    return [k["name"] for k in rules.load("doc_kinds")["kinds"]]


def canonical_kind(raw: str) -> str | None:
    """A kind word as the rule data spells it, whatever its case.

    >>> canonical_kind("NGHỊ QUYẾT"), canonical_kind("công văn"), canonical_kind("Bảng")
    ('Nghị quyết', 'Công văn', None)
    """
    _, by_name = _kinds()
    # the keys hold no whitespace but single ' ' (_kinds checks): a key equal to raw.lower() means raw has no
    # other whitespace, so the \s+ sub would leave it unchanged; only a miss needs the sub
    hit = by_name.get(raw.lower())
    if hit is not None:
        return hit
    return by_name.get(_SPACES.sub(" ", raw).lower())


def kind_from_number(number: str) -> str | None:
    """The document kind a number's code implies.

    >>> kind_from_number("04-NQ/TU"), kind_from_number("1722/QĐ-TTg"), kind_from_number("15/CT-UBND")
    ('Nghị quyết', 'Quyết định', 'Chỉ thị')
    >>> kind_from_number("57/2014/QH13"), kind_from_number("5743/SKHĐT-TH") is None
    ('Luật', True)
    """
    by_code, _ = _kinds()
    parts = _SEPS.split(number)
    for part in parts[1:]:
        code = part.rstrip("0123456789").upper()
        if code in by_code:
            return by_code[code]
    return None


def kind_to_document_kind(name: str | None) -> str:
    """The contract's document.kind for a kind name ("Nghị quyết" -> "resolution")."""
    if not name:
        return "other"
    for k in rules.load("doc_kinds")["kinds"]:
        if k["name"].lower() == name.lower():
            return str(k["kind"])
    return "other"
