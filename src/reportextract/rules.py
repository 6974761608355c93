"""Rule data shipped with the package (rules/*.json): loaded once, validated, handed out read-only."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import RuleDataError

RULE_FILES = ("doc_kinds", "titles", "units", "surnames", "page_chrome", "places", "cues")


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """The parsed contents of rules/NAME.json (cached); RuleDataError if it is missing or malformed."""
    try:
        raw = resources.files("reportextract").joinpath("rules", f"{name}.json").read_text("utf-8")
    except FileNotFoundError:
        raise RuleDataError(f"rules/{name}.json is missing from the package") from None
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise RuleDataError(f"rules/{name}.json is not valid JSON: {exc}") from None
    validate(name, data)
    return data


def _strings(name: str, key: str, values: Any) -> None:
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise RuleDataError(f"rules/{name}.json: {key} must be a list of non-empty strings")
    if len(set(values)) != len(values):
        dup = sorted({v for v in values if values.count(v) > 1})
        raise RuleDataError(f"rules/{name}.json: {key} repeats {dup}")


def validate(name: str, data: Any) -> None:
    """Reject empty, duplicate or malformed entries, so a bad edit fails loudly in the tests."""
    if not isinstance(data, dict):
        raise RuleDataError(f"rules/{name}.json must hold an object")
    for key, value in data.items():
        if key.startswith("_"):
            continue
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            _strings(name, key, value)
        elif isinstance(value, list) and not value:
            raise RuleDataError(f"rules/{name}.json: {key} is empty")
