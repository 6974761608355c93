"""reportextract: Vietnamese government press releases and resolutions to structured data."""
from __future__ import annotations

import logging

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
    "extract_bytes",
    "extract_file",
    "extract_text",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
