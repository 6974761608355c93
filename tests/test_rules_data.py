"""Every rule file ships, loads, validates and compiles."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from reportextract import rules
from reportextract.errors import RuleDataError


@pytest.mark.parametrize("name", rules.RULE_FILES)
def test_rule_file_loads(name: str) -> None:
    data = rules.load(name)
    assert isinstance(data, dict) and data


def test_no_unknown_rule_files() -> None:
    shipped = {p.name[:-5] for p in resources.files("reportextract").joinpath("rules").iterdir()
               if p.name.endswith(".json")}
    assert shipped == set(rules.RULE_FILES)


def test_validate_rejects_duplicates_and_empties() -> None:
    with pytest.raises(RuleDataError):
        rules.validate("x", {"words": ["a", "a"]})
    with pytest.raises(RuleDataError):
        rules.validate("x", {"words": []})
    with pytest.raises(RuleDataError):
        rules.validate("x", {"words": ["a", " "]})


def test_unit_words_are_lower_case() -> None:
    units = rules.load("units")
    for word in units["count_nouns"] + units["duration"]:
        assert word == word.lower(), word
    assert json.dumps(units, ensure_ascii=False)
