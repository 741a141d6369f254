"""docs/stages.md cannot rot: its worked example is registered, configured and run here, the error it
quotes is the one the pipeline gives, and its table of built-in stages is the registry's; every file
the map in docs/architecture.md points to exists."""

from __future__ import annotations

import datetime as dt
import re
import types
from pathlib import Path

import pytest

from tacitus import registry
from tacitus.config import load_config
from tacitus.errors import ConfigError
from tacitus.model import Article
from tacitus.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "stages.md"
TEXT = ("In 1950, North Korea invaded South Korea. On Friday, North Korea condemned the sanctions imposed by "
        "the United States.")


def _block(start: str) -> str:
    """The fenced code block of docs/stages.md whose first line starts with ``start``."""
    for body in re.findall(r"```\w*\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S):
        if body.startswith(start):
            return body
    raise AssertionError(f"docs/stages.md has no code block starting with {start!r}")


@pytest.fixture
def example_stage(monkeypatch):
    """The example stage registered from the doc's code, in a copy of the registry the test throws away."""
    registry.registered_stages()  # the built-in stages, found first
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    module = types.ModuleType("current_only")
    exec(compile(_block("# current_only.py"), str(DOC), "exec"), module.__dict__)
    return registry.get_stage("example.current_only.v1")


def _events(pipeline: Pipeline) -> list[tuple[str, bool]]:
    article = Article(id="doc", date=dt.date(2021, 7, 16), text=TEXT)
    (result,) = pipeline.code_articles([article])
    return [(e.event, e.modality.historical) for e in result.events]


def test_the_example_stage_runs_in_a_pipeline(tmp_path, example_stage):
    assert example_stage.role == "filter" and example_stage.reads == ("Event.modality.historical", "Event.modality.ongoing")
    config = tmp_path / "current.toml"
    config.write_text(_block("# current.toml"), encoding="utf-8")
    pipeline = Pipeline(load_config(config))
    assert pipeline.coder["current"] == "example.current_only.v1"
    assert _events(Pipeline(load_config())) == [("ASSAULT", True), ("ACCUSE", False)]
    assert _events(pipeline) == [("ACCUSE", False)]


def test_the_quoted_error_is_the_one_given(example_stage):
    config = load_config()
    stages = config["pipeline"]["stages"]
    stages.insert(stages.index("time"), "current")
    config["stages"]["current"] = {"factory": "example.current_only.v1"}
    with pytest.raises(ConfigError) as info:
        Pipeline(config)
    assert str(info.value) == _block("[T313]").strip()


def test_the_table_of_built_in_stages_is_the_registry():
    documented = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `tacitus.") and len(cells) == 4:
            name, role, reads, writes = cells
            documented[name.strip("`")] = (role, tuple(re.findall(r"`([^`]+)`", reads)), tuple(re.findall(r"`([^`]+)`", writes)))
    actual = {s.name: (s.role, s.reads, s.writes) for s in registry.registered_stages() if s.name.startswith("tacitus.")}
    assert documented == actual


def test_every_file_the_architecture_map_names_exists():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    names = [n for n in re.findall(r"`([\w./{},*-]+)`", text) if re.search(r"\.(py|tsv|toml|json)$|/$|_\*$", n)]
    assert len(names) > 20
    missing = []
    for name in names:
        braces = re.fullmatch(r"(.*)\{(.*)\}(.*)", name)
        for path in [braces[1] + part + braces[3] for part in braces[2].split(",")] if braces else [name]:
            found = ROOT / path if path.startswith(("docs/", "tests/")) else ROOT / "src" / "tacitus" / path
            if not (list(found.parent.glob(found.name)) if "*" in path else found.exists()):
                missing.append(path)
    assert not missing, f"docs/architecture.md names files that do not exist: {missing}"
