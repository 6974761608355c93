"""Which of the package's modules run compiled (setup.py builds them with Cython), and a switch to the sources."""
from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from types import ModuleType

_PACKAGE = __name__.rpartition(".")[0]


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Finds the package's submodules as .py sources, passing over compiled ones of the same name."""

    def find_spec(self, name: str, path=None, target: ModuleType | None = None):
        if not name.startswith(_PACKAGE + ".") or not path:
            return None
        leaf = name.rpartition(".")[2]
        for entry in path:
            package = os.path.join(entry, leaf, "__init__.py")
            if os.path.isfile(package):
                return importlib.util.spec_from_file_location(
                    name, package, submodule_search_locations=[os.path.join(entry, leaf)])
            module = os.path.join(entry, leaf + ".py")
            if os.path.isfile(module):
                return importlib.util.spec_from_file_location(name, module)
        return None


def use_sources() -> None:
    """From now on, import this package's submodules from their .py files (REPORTEXTRACT_PURE=1 calls it
    before anything else is imported): for debugging, profiling or editing without a rebuild."""
    if not any(isinstance(f, _SourceFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFinder())


def compiled_modules() -> list[str]:
    """The names of the package's modules that run compiled: those an install built (setup.py), unless
    use_sources() is on. Empty for a pure-Python install.

    >>> import reportextract
    >>> all(name.startswith("reportextract.") for name in reportextract.compiled_modules())
    True
    """
    if any(isinstance(f, _SourceFinder) for f in sys.meta_path):
        return []
    root = os.path.dirname(os.path.abspath(__file__))
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    names = []
    for folder, _, files in os.walk(root):
        package = [_PACKAGE] + [p for p in os.path.relpath(folder, root).split(os.sep) if p != "."]
        for file in files:
            if file.endswith(suffixes) and os.path.isfile(os.path.join(folder, file.split(".")[0] + ".py")):
                leaf = file.split(".")[0]
                names.append(".".join(package if leaf == "__init__" else package + [leaf]))
    return sorted(names)
