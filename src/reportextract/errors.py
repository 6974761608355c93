"""The one exception tree of reportextract: every error the library raises on purpose."""
from __future__ import annotations


class ReportExtractError(Exception):
    """Base class: a problem with an input or a setting, with a one-line, user-facing message."""

    code = "E000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InputError(ReportExtractError):
    """The input cannot be read: missing, a directory, not a file we understand."""

    code = "E101"


class DecodeError(InputError):
    """The bytes are not text in any encoding we accept."""

    code = "E102"


class EmptyTextError(InputError):
    """The document holds no text to extract from."""

    code = "E103"


class FormatError(InputError):
    """A PDF, DOCX, HTML or archive file is broken, encrypted or not what its name says."""

    code = "E104"


class RuleDataError(ReportExtractError):
    """A rule or gazetteer file shipped with the package is malformed."""

    code = "E201"
