"""SQLite export: normalised tables keyed by sha256, upserts instead of duplicates, `load`, README queries."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reportextract.cli import cli
from reportextract.export.sqlite import SqliteWriter
from test_batch import make_docs, rows_of

TABLES = ("documents", "figures", "officials", "official_titles", "references", "dates", "periods",
          "errors")

# The two example queries of the README's "Batch processing" section, kept in step with it.
POVERTY_BY_YEAR = """
SELECT f.year, f.value, d.path
FROM figures AS f JOIN documents AS d ON d.sha256 = f.sha256
WHERE f.metric LIKE '%hộ nghèo%' AND f.unit = '%' AND f.year IS NOT NULL
ORDER BY f.year, d.path
"""
OFFICIALS_WITH_TITLES = """
SELECT o.name, group_concat(DISTINCT t.title) AS titles, count(DISTINCT o.sha256) AS documents
FROM officials AS o JOIN official_titles AS t ON t.sha256 = o.sha256 AND t.official_idx = o.idx
GROUP BY o.name ORDER BY documents DESC, o.name
"""


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    make_docs(tmp_path / "docs", 4)
    (tmp_path / "docs" / "zz-broken.bin").write_bytes(b"\x00\x01\x02\x03" * 40)
    return tmp_path / "docs"


def test_batch_db_fills_every_table_with_spans(runner, folder: Path, seed_path: Path, tmp_path: Path) -> None:
    db, out = tmp_path / "r.sqlite", tmp_path / "r.jsonl"
    result = runner.invoke(cli, ["batch", "-q", str(folder), str(seed_path), "-o", str(out), "--db", str(db)])
    assert result.exit_code == 1  # the broken file
    rows = rows_of(out)
    docs = [r for r in rows if "error" not in r]
    n = counts(db)
    assert n["documents"] == len(docs) == 5 and n["errors"] == 1
    assert n["figures"] == sum(len(r["figures"]) for r in docs)
    assert n["officials"] == sum(len(r["officials"]) for r in docs) > 0
    assert n["references"] == sum(len(r["references"]) for r in docs) > 0
    assert n["dates"] == sum(len(r["dates"]) for r in docs) > 0
    assert n["official_titles"] > 0
    seed = next(r for r in docs if r["source"]["path"] == str(seed_path))
    text = seed_path.read_text(encoding="utf-8")
    with sqlite3.connect(db) as conn:
        for table in ("figures", "references", "dates"):
            for got, start, end in conn.execute(
                    f'SELECT text, span_start, span_end FROM "{table}" WHERE sha256 = ?',
                    (seed["source"]["sha256"],)):
                assert text[start:end] == got, table


def test_rerunning_updates_instead_of_duplicating(runner, folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite"
    runner.invoke(cli, ["batch", "-q", str(folder), "--db", str(db)])
    first = counts(db)
    runner.invoke(cli, ["batch", "-q", str(folder), "--db", str(db)])
    assert counts(db) == first
    # A file that failed and then is fixed leaves no error row behind.
    (folder / "zz-broken.bin").write_text("Năm 2021, tỉnh có 12 xã đạt chuẩn nông thôn mới.", encoding="utf-8")
    runner.invoke(cli, ["batch", "-q", str(folder), "--db", str(db)])
    after = counts(db)
    assert after["errors"] == 0 and after["documents"] == first["documents"] + 1


def test_load_reads_jsonl_and_is_idempotent(runner, folder: Path, tmp_path: Path) -> None:
    out, direct, loaded = tmp_path / "r.jsonl", tmp_path / "direct.sqlite", tmp_path / "loaded.sqlite"
    runner.invoke(cli, ["batch", "-q", str(folder), "-o", str(out), "--db", str(direct)])
    with out.open("a", encoding="utf-8") as f:
        f.write('{"schema":"reportextract/1","source":{"pa')  # a line cut by a killed batch
    for _ in range(2):
        result = runner.invoke(cli, ["load", str(out), "--db", str(loaded)])
        assert result.exit_code == 0, result.output
        assert "loaded 4 documents and 1 error rows" in result.output
    assert counts(loaded) == counts(direct)


def test_load_refuses_what_is_not_jsonl(runner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    result = runner.invoke(cli, ["load", str(bad), "--db", str(tmp_path / "x.sqlite")])
    assert result.exit_code == 1 and "not reportextract JSON Lines" in result.output


def test_readme_queries_run(runner, seed_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite"
    runner.invoke(cli, ["batch", "-q", str(seed_path), "--db", str(db)])
    with sqlite3.connect(db) as conn:
        by_year = conn.execute(POVERTY_BY_YEAR).fetchall()
        officials = conn.execute(OFFICIALS_WITH_TITLES).fetchall()
    assert (2016, 8.36, str(seed_path)) in by_year
    assert any(name == "Lê Trường Lưu" and "Bí thư Tỉnh ủy" in titles for name, titles, _ in officials)


def test_ranges_fill_low_and_high() -> None:
    w = SqliteWriter(":memory:")
    row = {"schema": "reportextract/1", "source": {"path": "a.txt", "sha256": "a" * 64},
           "document": {}, "figures": [
               {"text": "7-7,5%", "span": [0, 6], "value": [7, 7.5], "unit": "%", "kind": "rate"},
               {"text": "3 xã", "span": [10, 14], "value": 3, "unit": "xã", "kind": "count"}]}
    w.write_row(row)
    got = w.conn.execute("SELECT value, value_low, value_high FROM figures ORDER BY idx").fetchall()
    assert got == [(None, 7.0, 7.5), (3.0, 3.0, 3.0)]
    assert json.loads(w.conn.execute("SELECT authors FROM documents").fetchone()[0]) == []


def test_a_db_that_is_not_sqlite_is_one_line_and_exit_1(runner, folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "not.sqlite"
    db.write_text("plain text, not a database\n" * 100, encoding="utf-8")
    for args in (["batch", "-q", str(folder), "--db", str(db)], ["load", str(tmp_path / "x.jsonl"), "--db", str(db)]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 1 and "SQLite" in result.output
        assert len(result.output.strip().splitlines()) == 1
