"""A batch killed with SIGKILL and rerun with --resume: every document exactly once, no torn row."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reportextract.cli import cli
from test_batch import make_docs

N = 240


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_sigkill_then_resume_gives_every_document_once(runner, tmp_path: Path) -> None:
    make_docs(tmp_path / "docs", N)
    out, db = tmp_path / "out.jsonl", tmp_path / "out.sqlite"
    args = ["batch", str(tmp_path / "docs"), "-o", str(out), "--db", str(db), "--jobs", "2", "-q"]
    # Its own session, so the kill takes the workers too (they are our children, killed by group id).
    proc = subprocess.Popen([sys.executable, "-m", "reportextract", *args], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 20:
                break
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    written = out.read_bytes().count(b"\n")
    assert 20 <= written < N, "the batch was not killed in the middle"

    result = runner.invoke(cli, [*args[:-1], "--resume"])
    assert result.exit_code == 0, result.output
    assert "skipped" in result.output

    lines = out.read_text(encoding="utf-8").splitlines()
    shas = [json.loads(line)["source"]["sha256"] for line in lines]  # every line parses
    assert len(shas) == len(set(shas)) == N
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == N
        assert conn.execute("SELECT count(DISTINCT sha256) FROM figures").fetchone()[0] == N
        per_doc = dict(conn.execute("SELECT sha256, count(*) FROM figures GROUP BY sha256"))
    expected = {json.loads(line)["source"]["sha256"]: len(json.loads(line)["figures"]) for line in lines}
    assert per_doc == expected  # no document's figures twice, none half-written
