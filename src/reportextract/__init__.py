"""reportextract: Vietnamese government press releases and resolutions to structured data."""
from __future__ import annotations

import logging
import os

from ._pure import compiled_modules, use_sources

if os.environ.get("REPORTEXTRACT_PURE", "") not in ("", "0"):
    use_sources()  # import the .py sources even where an install compiled them (setup.py)

from .api import extract_bytes, extract_file, extract_text
from .errors import (
    DecodeError,
    EmptyTextError,
    FormatError,
    InputError,
    ReportExtractError,
    RuleDataError,
)
from .models import SCHEMA_VERSION, Document

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "DecodeError",
    "Document",
    "EmptyTextError",
    "FormatError",
    "InputError",
    "ReportExtractError",
    "RuleDataError",
    "__version__",
    "compiled_modules",
    "extract_bytes",
    "extract_file",
    "extract_text",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
