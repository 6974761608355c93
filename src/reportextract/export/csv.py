"""Figures as one flat CSV (a row per figure, with its document's path and sha256); resumable."""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from typing import IO, Any

COLUMNS = ("path", "sha256", "idx", "text", "span_start", "span_end", "value", "value_low",
           "value_high", "unit", "kind", "comparator", "metric", "year", "period_start",
           "period_end", "target", "change", "sentence", "page")


def _cell(x: Any) -> Any:
    # One record per line, always: a torn last write is then a torn last line, easy to cut off.
    if isinstance(x, str):
        return " ".join(x.split()) if ("\n" in x or "\r" in x) else x
    if isinstance(x, bool):
        return int(x)
    return "" if x is None else x


def figure_rows(row: dict[str, Any]) -> list[list[Any]]:
    """The CSV records of one contract row (none for an error row or a document without figures)."""
    if "error" in row:
        return []
    src = row.get("source") or {}
    out = []
    for i, f in enumerate(row.get("figures") or []):
        value = f.get("value")
        single, low, high = (None, value[0], value[1]) if isinstance(value, list) else (value, value, value)
        span = f.get("span") or (None, None)
        period = f.get("period") or (None, None)
        out.append([_cell(x) for x in (
            src.get("path"), src.get("sha256"), i, f.get("text"), span[0], span[1], single, low, high,
            f.get("unit"), f.get("kind"), f.get("comparator"), f.get("metric"), f.get("year"),
            period[0], period[1], bool(f.get("target")), f.get("change"), f.get("sentence"),
            f.get("page"))])
    return out


def _encode(records: list[list[Any]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(records)
    return buf.getvalue().encode("utf-8")


def _repair(path: str) -> set[str]:
    """Cut a torn tail: a partial last line, and the last document's rows (it may be incomplete).

    Returns the sha256 of every document left in the file.
    """
    with open(path, "rb") as f:
        data = f.read()
    end = data.rfind(b"\n") + 1  # 0 when there is no complete line at all
    lines = data[:end].splitlines(keepends=True)
    if len(lines) <= 1:  # header only, or nothing
        with open(path, "wb") as f:
            f.write(_encode([list(COLUMNS)]))
        return set()
    last = next(csv.reader([lines[-1].decode("utf-8")]))[1]
    keep = len(lines)
    while keep > 1 and next(csv.reader([lines[keep - 1].decode("utf-8")]))[1] == last:
        keep -= 1
    with open(path, "rb+") as f:
        f.truncate(sum(len(x) for x in lines[:keep]))
    return {next(csv.reader([x.decode("utf-8")]))[1] for x in lines[1:keep]}


class FigureCsvWriter:
    """The batch sink for `--format csv`: every figure of every document, one write per document."""

    needs_row = True

    def __init__(self, path: str | None, *, resume: bool = False, stream: IO[str] | None = None) -> None:
        self._keys: set[str] = set()
        self.stream = stream
        self.f: IO[bytes] | None = None
        self.paths = () if path is None else (path,)  # files a batch must not read as input
        if path is None:
            (stream or sys.stdout).write(_encode([list(COLUMNS)]).decode("utf-8"))
            return
        if resume and os.path.exists(path) and os.path.getsize(path):
            self._keys = _repair(path)
            self.f = open(path, "ab")  # noqa: SIM115
        else:
            self.f = open(path, "wb")  # noqa: SIM115
            self.f.write(_encode([list(COLUMNS)]))
            self.f.flush()

    def keys(self) -> set[str]:
        return self._keys

    def write(self, result: Any, row: dict[str, Any] | None = None) -> None:
        if result.key in self._keys:
            return
        records = figure_rows(row if row is not None else json.loads(result.line))
        if not records:
            return
        if self.f is not None:
            self.f.write(_encode(records))
            self.f.flush()
        else:
            out = self.stream or sys.stdout
            out.write(_encode(records).decode("utf-8"))
            out.flush()

    def close(self) -> None:
        if self.f is not None:
            self.f.close()
