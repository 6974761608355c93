"""The command line through CliRunner: output shape, exit codes and messages."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportextract.cli import cli


def test_parse_seed_prints_one_object(runner, seed_path: Path) -> None:
    result = runner.invoke(cli, ["parse", str(seed_path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema"] == "reportextract/1"
    assert data["document"]["title"].startswith("TỔNG KẾT")
    assert "\\u" not in result.output  # UTF-8, not escaped


def test_parse_several_files_gives_json_lines(runner, seed_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "b.txt"
    other.write_text("Năm 2022, toàn tỉnh có 120 hộ thoát nghèo.", encoding="utf-8")
    result = runner.invoke(cli, ["parse", str(seed_path), str(other)])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["source"]["path"] for r in rows] == [str(seed_path), str(other)]


def test_parse_stdin_and_output_file(runner, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = runner.invoke(cli, ["parse", "-", "-o", str(out), "--compact"],
                           input="Tỷ lệ hộ nghèo còn 3,45%.".encode())
    assert result.exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["figures"][0]["value"] == 3.45
    assert "\n" not in out.read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("make,needle", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "directory"),
    (lambda d: (d / "e.txt").write_text("  \n\t ") and d / "e.txt", "no text"),
    (lambda d: (d / "b.bin").write_bytes(b"\x00\x01\x02\x03" * 50) and d / "b.bin", "binary"),
], ids=["missing", "directory", "whitespace-only", "binary"])
def test_bad_input_is_one_line_and_exit_1(runner, tmp_path: Path, make, needle: str) -> None:
    path = make(tmp_path)
    result = runner.invoke(cli, ["parse", str(path)])
    assert result.exit_code == 1
    assert needle in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_usage_error_exits_2(runner) -> None:
    assert runner.invoke(cli, ["parse"]).exit_code == 2
    assert runner.invoke(cli, ["parse", "--indent", "x", "a"]).exit_code == 2


def test_text_prints_normalised_text(runner, tmp_path: Path) -> None:
    p = tmp_path / "nfd.txt"
    p.write_bytes("Ðồng chí Hoà".encode("utf-16"))
    result = runner.invoke(cli, ["text", str(p)])
    assert result.exit_code == 0
    assert result.output == "Đồng chí Hoà\n"


def test_version_and_help(runner) -> None:
    assert "reportextract" in runner.invoke(cli, ["--version"]).output
    for command in cli.commands.values():
        result = runner.invoke(cli, [command.name, "-h"])
        assert result.exit_code == 0
        assert "Example" in result.output, command.name
