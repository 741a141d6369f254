"""The JSONL event record contract and its JSON Schema (shipped in the package)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["EVENT_SCHEMA_PATH", "event_schema", "validate_record"]

EVENT_SCHEMA_PATH = Path(str(resources.files("tacitus").joinpath("schema", "event.schema.json")))


@lru_cache(maxsize=1)
def event_schema() -> dict[str, Any]:
    return json.loads(EVENT_SCHEMA_PATH.read_text(encoding="utf-8"))


def validate_record(record: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if ``record`` breaks the event record contract."""
    import jsonschema

    jsonschema.validate(record, event_schema())
