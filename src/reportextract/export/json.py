"""Document to JSON text: one object, or JSON Lines rows; UTF-8, never \\u-escaped."""
from __future__ import annotations

import json
from typing import Any

from ..models import Document


def dumps(doc: Document | dict[str, Any], *, indent: int | None = 2) -> str:
    """The contract's JSON for a Document (or an already built row such as an error row)."""
    data = doc.to_dict() if isinstance(doc, Document) else doc
    return json.dumps(data, ensure_ascii=False, indent=indent)


def dumps_line(doc: Document | dict[str, Any]) -> str:
    """One JSON Lines row (no newline inside, none at the end)."""
    data = doc.to_dict() if isinstance(doc, Document) else doc
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
