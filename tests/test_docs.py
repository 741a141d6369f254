"""Docs that cannot rot: the CLI reference and the record reference are checked against the code."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

from tacitus.record import EVENT_SCHEMA_PATH

ROOT = Path(__file__).resolve().parents[1]


def _load_generator():
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "tools" / "gen_cli_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_up_to_date():
    expected = _load_generator().render()
    actual = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run `make docs`"


def test_every_record_field_is_documented():
    schema = json.loads(EVENT_SCHEMA_PATH.read_text(encoding="utf-8"))
    doc = (ROOT / "docs" / "record.md").read_text(encoding="utf-8")
    fields = set(schema["properties"]) | set(schema["$defs"]["actor"]["properties"])
    fields |= set(schema["properties"]["modality"]["properties"]) | set(schema["properties"]["location"]["oneOf"][1]["properties"])
    missing = sorted(f for f in fields if not re.search(rf"`{re.escape(f)}`", doc))
    assert not missing, f"docs/record.md lacks {missing}"


def test_every_config_setting_is_documented():
    import tomllib

    config = tomllib.loads((ROOT / "src" / "tacitus" / "default.toml").read_text(encoding="utf-8"))
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    for stage, settings in config["stages"].items():
        for key in settings:
            assert f"stages.{stage}.{key}" in doc, f"docs/configuration.md lacks stages.{stage}.{key}"


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```", 2)[1]
    commands = [line.strip() for line in block.splitlines() if line.strip() and not line.startswith(("sh", "bash"))]
    assert commands[:2] == ["make demo", "make test"]
