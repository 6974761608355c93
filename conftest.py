"""pytest set-up for the whole tree (tests/ and the doctests in src/)."""
import os

# --doctest-modules collects src/reportextract/x.py by importing reportextract.x; where an install compiled it
# (setup.py), that import gives x.cpython-*.so, whose docstrings hold the same doctests. Without this, pytest
# would refuse the other file name ("import file mismatch").
os.environ.setdefault("PY_IGNORE_IMPORTMISMATCH", "1")
