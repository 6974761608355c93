"""Build hook: compile the per-document modules with Cython, falling back to pure Python.

Everything else about the package lives in pyproject.toml. The modules listed below run once or
more for every document (normalise, spans, extractors, value parsers, assembly); compiling them
unchanged with Cython (no type declarations: the .py files stay the only source) cuts the
instructions extract_text runs per document by 14% and its CPU time by 3-18% (README, Speed), and
the cold start by about 0.1 s. The compiled modules behave as the pure ones do: the test suite
runs on both (.ci/run) and tests/test_compiled.py checks their outputs are the same.

- REPORTEXTRACT_PURE=1 at install time skips the compilation (a pure-Python install).
- Without a C compiler, or if a module fails to compile, the install goes on in pure Python with a
  warning.
- An editable install builds the compiled modules next to their sources (src/reportextract/...):
  after editing one of those sources, run the install again (tests/test_compiled.py fails until
  then), or set REPORTEXTRACT_PURE=1 when running to import the sources instead.
"""
from __future__ import annotations

import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

# Module paths (under src/) compiled into extension modules of the same name.
COMPILED = [
    "reportextract/assemble.py",
    "reportextract/models.py",
    "reportextract/nlp.py",
    "reportextract/normalize.py",
    "reportextract/readers/__init__.py",
    "reportextract/extract/attributes.py",
    "reportextract/extract/dates.py",
    "reportextract/extract/document.py",
    "reportextract/extract/figures.py",
    "reportextract/extract/officials.py",
    "reportextract/extract/references.py",
    "reportextract/extract/tables.py",
    "reportextract/parsers/dates.py",
    "reportextract/parsers/numbers.py",
    "reportextract/parsers/references.py",
]


def _warn(message: str) -> None:
    print(f"reportextract build: {message}; installing the pure-Python modules", file=sys.stderr)


def extensions() -> list:
    if os.environ.get("REPORTEXTRACT_PURE", "") not in ("", "0"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        _warn("Cython is not available")
        return []
    import hashlib

    import Cython

    here = os.path.dirname(os.path.abspath(__file__))
    sources = [os.path.join("src", path) for path in COMPILED]
    directives = {
        "language_level": 3,
        # plain builtin functions: calls between them skip the cyfunction layer
        "binding": False,
        "embedsignature": True,
        "autotestdict": False,  # the doctests are collected from the functions themselves, once
    }
    # The generated C stays out of src/, in a folder named after the directives and Cython's version:
    # cythonize regenerates a .c file only when its .py is newer, so a change of either gets a new folder.
    key = hashlib.sha256(repr((sorted(directives.items()), Cython.__version__)).encode()).hexdigest()[:12]
    try:
        return cythonize(sources, build_dir=os.path.join(here, "build", f"cython-{key}"),
                         compiler_directives=directives, nthreads=os.cpu_count() or 1, quiet=True)
    except Exception as exc:  # a Cython error in one module: install everything pure
        _warn(f"Cython failed ({exc})")
        return []


class OptionalBuildExt(build_ext):
    """build_ext that warns, instead of failing the install, when an extension does not build."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:
            _warn(f"no C compiler or build tools ({exc})")

    def build_extension(self, ext) -> None:
        try:
            super().build_extension(ext)
        except Exception as exc:
            _warn(f"{ext.name} did not compile ({exc})")


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
