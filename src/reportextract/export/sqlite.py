"""Contract rows into normalised SQLite tables keyed by the document's sha256 (upserts, one transaction each)."""
from __future__ import annotations

import json
import sqlite3
from itertools import zip_longest
from typing import Any, Iterable

from ..errors import ReportExtractError

# "references" is an SQL keyword, hence the quotes wherever the table is named.
SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT PRIMARY KEY,
    path TEXT, format TEXT, chars INTEGER, pages INTEGER,
    title TEXT, kind TEXT, published TEXT, number TEXT, issuer TEXT,
    authors TEXT,   -- JSON array of by-line names
    years TEXT,     -- JSON array of every year the text names
    warnings TEXT,  -- JSON array
    schema TEXT
);
CREATE TABLE IF NOT EXISTS figures (
    sha256 TEXT NOT NULL, idx INTEGER NOT NULL,
    text TEXT, span_start INTEGER, span_end INTEGER,
    value REAL,                          -- NULL for a range or a vague amount
    value_low REAL, value_high REAL,     -- a range's bounds; both equal `value` for one number
    unit TEXT, kind TEXT, comparator TEXT, metric TEXT,
    year INTEGER, period_start INTEGER, period_end INTEGER,
    target INTEGER, change TEXT, sentence TEXT, page INTEGER,
    PRIMARY KEY (sha256, idx)
);
CREATE TABLE IF NOT EXISTS officials (
    sha256 TEXT NOT NULL, idx INTEGER NOT NULL,
    name TEXT, span_start INTEGER, span_end INTEGER,  -- the first mention
    mentions TEXT,                                    -- JSON array of [start, end]
    page INTEGER,
    PRIMARY KEY (sha256, idx)
);
CREATE TABLE IF NOT EXISTS official_titles (
    sha256 TEXT NOT NULL, official_idx INTEGER NOT NULL, idx INTEGER NOT NULL,
    title TEXT, title_raw TEXT,
    PRIMARY KEY (sha256, official_idx, idx)
);
CREATE TABLE IF NOT EXISTS "references" (
    sha256 TEXT NOT NULL, idx INTEGER NOT NULL,
    text TEXT, kind TEXT, number TEXT, date TEXT, issuer TEXT,
    span_start INTEGER, span_end INTEGER, page INTEGER,
    PRIMARY KEY (sha256, idx)
);
CREATE TABLE IF NOT EXISTS dates (
    sha256 TEXT NOT NULL, idx INTEGER NOT NULL,
    text TEXT, value TEXT, span_start INTEGER, span_end INTEGER, page INTEGER,
    PRIMARY KEY (sha256, idx)
);
CREATE TABLE IF NOT EXISTS periods (
    sha256 TEXT NOT NULL, idx INTEGER NOT NULL,
    text TEXT, start_year INTEGER, end_year INTEGER, span_start INTEGER, span_end INTEGER,
    page INTEGER,
    PRIMARY KEY (sha256, idx)
);
CREATE TABLE IF NOT EXISTS errors (
    path TEXT PRIMARY KEY, sha256 TEXT, type TEXT, message TEXT
);
CREATE INDEX IF NOT EXISTS figures_metric ON figures (metric);
CREATE INDEX IF NOT EXISTS figures_year ON figures (year);
CREATE INDEX IF NOT EXISTS officials_name ON officials (name);
CREATE INDEX IF NOT EXISTS references_number ON "references" (number);
"""

CHILD_TABLES = ("figures", "officials", "official_titles", '"references"', "dates", "periods")


COLUMN_COUNTS: dict[str, int] = {}


def _insert(table: str, replace: bool = False) -> str:
    """An INSERT with as many placeholders as the table has columns (counted once from SCHEMA)."""
    if not COLUMN_COUNTS:
        conn = sqlite3.connect(":memory:")
        conn.executescript(SCHEMA)
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            COLUMN_COUNTS[name] = len(conn.execute(f'PRAGMA table_info("{name}")').fetchall())
        conn.close()
    n = COLUMN_COUNTS[table.strip('"')]
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    return f"{verb} INTO {table} VALUES ({', '.join('?' * n)})"


def _span(item: dict[str, Any]) -> tuple[Any, Any]:
    span = item.get("span") or (None, None)
    return span[0], span[1]


def _figure(sha: str, i: int, f: dict[str, Any]) -> tuple[Any, ...]:
    value = f.get("value")
    if isinstance(value, list):
        single, low, high = None, value[0], value[1]
    else:
        single, low, high = value, value, value
    period = f.get("period") or (None, None)
    return (sha, i, f.get("text"), *_span(f), single, low, high, f.get("unit"), f.get("kind"),
            f.get("comparator"), f.get("metric"), f.get("year"), period[0], period[1],
            int(bool(f.get("target"))), f.get("change"), f.get("sentence"), f.get("page"))


class SqliteWriter:
    """Writes documents and error rows; writing a document again replaces it instead of duplicating."""

    needs_row = True

    def __init__(self, path: str, *, resume: bool = False) -> None:
        self.path = path
        # Files a batch must not read as input: the database and its journals.
        self.paths = () if path == ":memory:" else tuple(path + x for x in ("", "-wal", "-shm", "-journal"))
        try:
            self.conn = sqlite3.connect(path, isolation_level=None)
            # WAL: a killed writer never corrupts the file, and commits need no fsync each.
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.executescript(SCHEMA)
        except sqlite3.Error as exc:
            raise ReportExtractError(f"{path}: cannot be used as a SQLite database ({exc})") from None
        # With resume, rows already here are kept as they are instead of being replaced.
        self._skip: set[str] = self.keys() if resume else set()

    def keys(self) -> set[str]:
        """Resume keys: every document's sha256, and each error row's sha256 (or path)."""
        rows = self.conn.execute(
            "SELECT sha256 FROM documents UNION SELECT coalesce(sha256, 'path:' || path) FROM errors")
        return {r[0] for r in rows}

    def write_row(self, row: dict[str, Any]) -> None:
        """One document or error row, in one transaction."""
        c = self.conn
        c.execute("BEGIN")
        try:
            if "error" in row:
                src, err = row.get("source") or {}, row["error"]
                c.execute("INSERT OR REPLACE INTO errors VALUES (?, ?, ?, ?)",
                          (src.get("path"), src.get("sha256"), err.get("type"), err.get("message")))
            else:
                self._document(row)
            c.execute("COMMIT")
        except BaseException as exc:
            c.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise ReportExtractError(f"{self.path}: SQLite error ({exc})") from exc
            raise

    def _document(self, row: dict[str, Any]) -> None:
        c = self.conn
        src, info = row["source"], row.get("document") or {}
        sha = src["sha256"]
        for table in CHILD_TABLES:
            c.execute(f"DELETE FROM {table} WHERE sha256 = ?", (sha,))
        c.execute("DELETE FROM errors WHERE path = ?", (src.get("path"),))
        c.execute(_insert("documents", replace=True), (
            sha, src.get("path"), src.get("format"), src.get("chars"), src.get("pages"),
            info.get("title"), info.get("kind"), info.get("published"), info.get("number"),
            info.get("issuer"), json.dumps(info.get("authors") or [], ensure_ascii=False),
            json.dumps(row.get("years") or []), json.dumps(row.get("warnings") or [], ensure_ascii=False),
            row.get("schema")))
        c.executemany(_insert("figures"),
                      [_figure(sha, i, f) for i, f in enumerate(row.get("figures") or [])])
        officials, titles = [], []
        for i, o in enumerate(row.get("officials") or []):
            mentions = o.get("mentions") or []
            first = mentions[0] if mentions else (None, None)
            officials.append((sha, i, o.get("name"), first[0], first[1], json.dumps(mentions), o.get("page")))
            for j, (title, raw) in enumerate(zip_longest(o.get("titles") or [], o.get("titles_raw") or [])):
                titles.append((sha, i, j, title, raw))
        c.executemany(_insert("officials"), officials)
        c.executemany(_insert("official_titles"), titles)
        c.executemany(_insert('"references"'), [
            (sha, i, r.get("text"), r.get("kind"), r.get("number"), r.get("date"), r.get("issuer"),
             *_span(r), r.get("page")) for i, r in enumerate(row.get("references") or [])])
        c.executemany(_insert("dates"), [
            (sha, i, d.get("text"), d.get("value"), *_span(d), d.get("page"))
            for i, d in enumerate(row.get("dates") or [])])
        c.executemany(_insert("periods"), [
            (sha, i, p.get("text"), p.get("start"), p.get("end"), *_span(p), p.get("page"))
            for i, p in enumerate(row.get("periods") or [])])

    def write(self, result: Any, row: dict[str, Any] | None = None) -> None:
        """The batch's sink interface: `result` carries the key and the JSON line."""
        if result.key in self._skip:
            return
        self.write_row(row if row is not None else json.loads(result.line))

    def load(self, rows: Iterable[dict[str, Any]]) -> tuple[int, int]:
        """Write many rows; returns (documents, error rows)."""
        docs = errors = 0
        for row in rows:
            self.write_row(row)
            if "error" in row:
                errors += 1
            else:
                docs += 1
        return docs, errors

    def close(self) -> None:
        self.conn.close()
