"""Pure parsers for document numbers ("04-NQ/TU", "1722/QĐ-TTg") and the kinds they name."""
from __future__ import annotations

from functools import lru_cache

import regex as re

from .. import rules

# A document number: digits, then "/" or "-" joined codes with at least one capital letter code.
NUMBER = (r"\d{1,5}[a-z]?(?:/\d{4})?(?:[/\-][\p{Lu}Đ][\p{L}\d&]*(?:[\-.][\p{L}\d&]+)*)+"
          r"(?:/[\p{Lu}Đ\d][\p{L}\d&]*(?:[\-.][\p{L}\d&]+)*)*")
NUMBER_RE = re.compile(rf"(?<![\p{{L}}\d/\-])(?:{NUMBER})(?![\p{{L}}\d])")


def clean_number(raw: str) -> str:
    """A document number as the contract writes it: no spaces, hyphens for dashes.

    >>> clean_number("15/2020/NQ - HĐND")
    '15/2020/NQ-HĐND'
    >>> clean_number("213/KH\\ufffeUBND")
    '213/KH-UBND'
    """
    s = raw.replace("\ufffe", "-").replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", "", s)


@lru_cache(maxsize=1)
def _kinds() -> tuple[dict[str, str], dict[str, str]]:
    data = rules.load("doc_kinds")["kinds"]
    by_code: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for k in data:
        by_name[k["name"].lower()] = k["name"]
        for code in k["codes"]:
            by_code.setdefault(code.upper(), k["name"])
    return by_code, by_name


def kind_names() -> list[str]:
    """Every document kind name in the rule data ("Nghị quyết", "Quyết định", ...)."""
    return [k["name"] for k in rules.load("doc_kinds")["kinds"]]


def kind_from_number(number: str) -> str | None:
    """The document kind a number's code implies.

    >>> kind_from_number("04-NQ/TU"), kind_from_number("1722/QĐ-TTg"), kind_from_number("15/CT-UBND")
    ('Nghị quyết', 'Quyết định', 'Chỉ thị')
    >>> kind_from_number("57/2014/QH13")
    'Luật'
    """
    by_code, _ = _kinds()
    parts = re.split(r"[/\-]", number)
    for part in parts[1:]:
        code = re.sub(r"\d+$", "", part).upper()
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
