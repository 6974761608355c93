"""`reportextract eval` and the evaluate library: same numbers as the reference scorer, errors, floors."""
from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reportextract.api import extract_file
from reportextract.cli import cli
from reportextract.evaluate import find_input, load_gold, parse_floors, score
from reportextract.errors import ReportExtractError

GOLDEN = Path(__file__).parent / "golden"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"  # ../shared beside the checkout


@pytest.fixture(scope="module")
def gold() -> dict[str, dict]:
    return load_gold(GOLDEN)


@pytest.fixture(scope="module")
def predictions(gold: dict[str, dict]) -> dict[str, dict]:
    return {name: extract_file(find_input(GOLDEN, name)).to_dict() for name in gold}  # type: ignore[arg-type]


def _perturbed(predictions: dict[str, dict]) -> dict[str, dict]:
    """Every way a prediction can be wrong, so parity covers each branch of the scorer."""
    out = copy.deepcopy(predictions)
    for i, (name, pred) in enumerate(sorted(out.items())):
        figures = pred["figures"]
        del figures[:: 3]                                  # misses
        if figures:
            figures[0] = {**figures[0], "unit": "tấn", "kind": "measure", "metric": "khác hẳn"}
            figures[-1] = {**figures[-1], "target": not figures[-1]["target"], "year": 1999,
                           "period": [1990, 1995], "comparator": "~", "change": "increase"}
            figures.append({**figures[-1], "value": 123456.789, "text": "spurious"})
            figures.append({**figures[0], "value": None})    # a vague amount is never scored
        stranger = {"name": "Người Lạ", "titles": ["Giám đốc"], "mentions": []}
        pred["officials"] = pred["officials"][1:] + [stranger]
        for official in pred["officials"][:1]:
            official["titles"] = official["titles"][:1] + ["Chủ tịch UBND huyện"]
        pred["dates"] = pred["dates"][1:] + [{"value": "1999-01-01", "text": "x", "span": [0, 1]}]
        pred["periods"] = pred["periods"][:1]
        pred["years"] = pred["years"][1:] + [1999]
        for ref in pred["references"][:1]:
            ref["date"], ref["kind"] = None, "Công văn"
        pred["document"] = {**pred["document"], "title": None if i % 2 else "Khác", "published": "1999-01-01"}
    out.pop(sorted(out)[0])                                 # one document without a prediction
    return out


def _reference(gold_dir: Path, predictions: dict[str, dict], tmp_path: Path, *extra: str) -> str:
    pred_dir = tmp_path / "pred"
    pred_dir.mkdir(exist_ok=True)
    for name, pred in predictions.items():
        (pred_dir / f"{name}.json").write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([sys.executable, str(REFERENCE), str(gold_dir), str(pred_dir), *extra],
                          capture_output=True, text=True, check=False)
    return done.stdout


@pytest.mark.skipif(not REFERENCE.is_file(), reason="the reference scorer ../shared/eval/score.py is absent")
@pytest.mark.parametrize("variant", ["as extracted", "perturbed"])
def test_same_numbers_as_the_reference_scorer(variant: str, gold: dict, predictions: dict,
                                              tmp_path: Path) -> None:
    preds = predictions if variant == "as extracted" else _perturbed(predictions)
    report = score(gold, preds)
    assert report.to_dict() == json.loads(_reference(GOLDEN, preds, tmp_path, "--json"))
    assert report.table() == _reference(GOLDEN, preds, tmp_path).rstrip("\n")


def test_perfect_prediction_scores_one(gold: dict) -> None:
    report = score(gold, gold)
    assert all(s["f1"] == 1.0 for s in report.items.values())
    assert all(a["accuracy"] == 1.0 for a in report.attributes.values())
    assert not report.missing and not report.error_lines()


def test_missing_prediction_is_listed_and_scored_empty(gold: dict) -> None:
    report = score(gold, {})
    assert report.missing == sorted(gold)
    assert report.items["figures"]["recall"] == 0.0


def test_errors_carry_their_sentence(gold: dict, predictions: dict) -> None:
    name = "kinh-te-6-thang-2024"
    pred = copy.deepcopy(predictions[name])
    pred["figures"] = [f for f in pred["figures"] if f["text"] != "52,3 vạn tấn"]
    text = extract_file(GOLDEN / f"{name}.txt").text
    report = score({name: gold[name]}, {name: pred}, {name: text})
    lines = report.error_lines()
    at = lines.index("  figure missed: '52,3 vạn tấn' = 523000 tấn")
    assert lines[at + 1] == "      in: Sản lượng lương thực có hạt ước đạt 52,3 vạn tấn."


@pytest.mark.parametrize("bounds, expected", [
    (["figures=0.9"], {"figures": 0.9}),
    (["figure.year=0.5", "metric=0.25"], {"figure.year": 0.5, "metric": 0.25}),
    ([], {}),
], ids=["item", "label-and-attribute", "none"])
def test_parse_floors(bounds: list[str], expected: dict) -> None:
    assert parse_floors(bounds) == expected


@pytest.mark.parametrize("bound", ["figure=0.9", "figures", "figures=high"], ids=["typo", "no-value", "not-a-number"])
def test_parse_floors_rejects(bound: str) -> None:
    with pytest.raises(ReportExtractError):
        parse_floors([bound])


def test_below_uses_f1_and_accuracy(gold: dict) -> None:
    report = score(gold, gold)
    assert report.below({"figures": 1.0, "unit": 1.0}) == []
    assert report.below({"figures": 1.01}) == ["figures 1.000 < 1.01"]


def test_find_input_prefers_txt_then_any_format(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<html></html>")
    (tmp_path / "a.gold.json").write_text("{}")
    assert find_input(tmp_path, "a") == tmp_path / "a.html"
    (tmp_path / "a.txt").write_text("x")
    assert find_input(tmp_path, "a") == tmp_path / "a.txt"
    assert find_input(tmp_path, "b") is None


# ---------------------------------------------------------------- the command


@pytest.fixture()
def small_gold(tmp_path: Path) -> Path:
    """One golden document, so each command run stays fast."""
    name = "kinh-te-6-thang-2024"
    for suffix in (".txt", ".gold.json"):
        shutil.copy(GOLDEN / f"{name}{suffix}", tmp_path / f"{name}{suffix}")
    return tmp_path


def test_eval_prints_the_table(runner, small_gold: Path) -> None:
    result = runner.invoke(cli, ["eval", str(small_gold)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("item                      P      R     F1   gold\nfigures ")
    assert "\nattribute               acc      n\n" in result.output


def test_eval_json_has_the_reference_shape(runner, small_gold: Path) -> None:
    result = runner.invoke(cli, ["eval", str(small_gold), "--json"], catch_exceptions=False)
    data = json.loads(result.output)
    assert set(data) == {"items", "attributes", "missing"}
    assert set(data["items"]["figures"]) == {"precision", "recall", "f1", "support"}
    assert data["missing"] == []


def test_eval_reads_inputs_from_another_folder(runner, small_gold: Path, tmp_path_factory) -> None:
    inputs = tmp_path_factory.mktemp("inputs")
    (small_gold / "kinh-te-6-thang-2024.txt").rename(inputs / "kinh-te-6-thang-2024.txt")
    alone = json.loads(runner.invoke(cli, ["eval", str(small_gold), "--json"]).output)
    assert alone["missing"] == ["kinh-te-6-thang-2024"]
    both = json.loads(runner.invoke(cli, ["eval", str(small_gold), str(inputs), "--json"]).output)
    assert both["missing"] == [] and both["items"]["figures"]["f1"] > 0.5


def test_eval_show_errors_lists_sentences(runner, small_gold: Path) -> None:
    gold_file = small_gold / "kinh-te-6-thang-2024.gold.json"
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    gold["figures"].append({**gold["figures"][0], "text": "52,3 vạn tấn", "value": 7, "unit": "tấn"})
    gold_file.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(cli, ["eval", str(small_gold), "--show-errors"], catch_exceptions=False)
    assert "== kinh-te-6-thang-2024\n" in result.output
    assert "  figure missed: '52,3 vạn tấn' = 7 tấn\n      in: Sản lượng lương thực" in result.output


@pytest.mark.parametrize("bounds, code", [
    (["--min", "figures=0"], 0),
    (["--min", "figures=1.01"], 1),
    (["--min", "figures=0,dates=1.01"], 1),
    (["--min", "figurez=0.5"], 2),
], ids=["met", "below", "comma-separated", "unknown-field"])
def test_eval_min_sets_the_exit_code(runner, small_gold: Path, bounds: list[str], code: int) -> None:
    result = runner.invoke(cli, ["eval", str(small_gold), "--json", *bounds])
    assert result.exit_code == code, result.output
    if code == 1:
        assert "below bound: " in result.stderr


def test_eval_of_a_folder_without_gold_is_a_usage_error(runner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert "no *.gold.json files" in result.output


@pytest.mark.parametrize("field, value, sentence", [
    ("dates", "2023-07-13", "Sáng ngày 13/7, Ban Dân tộc tỉnh"),
    ("dates", "2024-06", "Tính đến hết tháng 6/2024"),
    ("periods", [2021, 2023], "Sau 3 năm triển khai (2021-2023)"),
    ("years", 2045, "Căn cứ Quyết định số 1978/QĐ-TTg"),
    ("references", {"kind": "Quyết định", "number": "1212/QĐ-TTg"}, "Đồng ý chủ trương đầu tư"),
], ids=["day-without-year", "month", "period", "year", "reference"])
def test_missed_items_are_found_in_the_text(field: str, value: Any, sentence: str) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.txt")))
    report = score({"x": {field: [value]}}, {"x": {}}, {"x": text})
    assert report.errors["x"][0].sentence.startswith(sentence), report.errors["x"][0]
