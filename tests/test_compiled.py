"""The compiled modules (setup.py builds them with Cython) against their .py sources: same outputs,
up to date, and REPORTEXTRACT_PURE=1 switching to the sources."""
from __future__ import annotations

import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "reportextract"
TEXTS = [ROOT / "samples" / "giam-ngheo-2016-2020.txt", *sorted((ROOT / "tests" / "golden").glob("*.txt"))]

# Run in a fresh interpreter: extract every text, report where the modules came from.
_PROBE = r"""
import json, sys
import reportextract
import reportextract.extract.officials as officials
out = {p: reportextract.extract_text(open(p, encoding="utf-8").read()).to_dict() for p in sys.argv[1:]}
print(json.dumps({"compiled": reportextract.compiled_modules(), "officials": officials.__file__, "out": out},
                 ensure_ascii=False))
"""


def _built() -> list[Path]:
    """The compiled modules an install left next to their sources in src/ (an editable install)."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sorted(p for p in PACKAGE.rglob("*") if p.name.endswith(suffixes))


def _probe(pure: bool) -> dict:
    env = dict(os.environ, REPORTEXTRACT_PURE="1" if pure else "0")
    done = subprocess.run([sys.executable, "-c", _PROBE, *map(str, TEXTS)], capture_output=True, text=True,
                          env=env, cwd=ROOT, check=True)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def pure() -> dict:
    return _probe(pure=True)


def test_pure_switch_imports_the_sources(pure):
    assert pure["compiled"] == []
    assert pure["officials"].endswith("officials.py")


def test_compiled_modules_give_the_same_output(pure):
    if not _built():
        pytest.skip("a pure-Python install: nothing was compiled (setup.py)")
    compiled = _probe(pure=False)
    assert "reportextract.extract.officials" in compiled["compiled"]
    assert not compiled["officials"].endswith(".py")
    assert len(compiled["out"]) == len(TEXTS) >= 2
    for path, doc in compiled["out"].items():
        assert doc == pure["out"][path], f"compiled and pure outputs differ on {Path(path).name}"


def test_compiled_modules_are_not_older_than_their_sources():
    stale = []
    for built in _built():
        source = built.with_name(built.name.split(".", 1)[0] + ".py")
        if source.exists() and source.stat().st_mtime > built.stat().st_mtime:
            stale.append(source.relative_to(ROOT))
    assert not stale, (f"{', '.join(map(str, stale))} changed after it was compiled, so the old compiled module "
                       "still runs: rebuild (pip install -e .) or run with REPORTEXTRACT_PURE=1")
