"""The packaged JSON Schema of the output (schema/output.schema.json)."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def output_schema() -> dict[str, Any]:
    """The JSON Schema every `Document.to_dict()` validates against."""
    text = resources.files(__package__).joinpath("output.schema.json").read_text("utf-8")
    return json.loads(text)
