"""Stage registration is open (any role, stages found by a package scan and by entry points) and the
pipeline checks, when it is built, that every field a stage reads is written by an enabled stage before it."""

from __future__ import annotations

import sys
from importlib.metadata import EntryPoint

import pytest

from tacitus import registry
from tacitus.config import load_config
from tacitus.errors import ConfigError
from tacitus.pipeline import Pipeline, check_reads
from tacitus.registry import StageInfo, get_stage, register_stage, registered_stages

BUILT_IN = {
    "tacitus.read.v1", "tacitus.parse.spacy.v1", "tacitus.actors.v1", "tacitus.events.v1", "tacitus.learned.minilm.v1",
    "tacitus.modality.v1", "tacitus.time.v1", "tacitus.time.v2", "tacitus.place.v1", "tacitus.place.v2",
}


@pytest.fixture
def scratch_registry(monkeypatch):
    """A copy of the registry (built-in stages found) that the test may add to."""
    registered_stages()
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))


def _stage(name: str, reads: tuple[str, ...] = (), writes: tuple[str, ...] = ()) -> StageInfo:
    return StageInfo(name, "x", reads, writes, "", object)


def test_the_package_scan_finds_every_built_in_stage_and_each_declares_what_it_reads():
    stages = {s.name: s for s in registered_stages()}
    assert set(stages) >= BUILT_IN
    assert all(stages[n].writes for n in BUILT_IN)
    assert all(stages[n].reads for n in BUILT_IN - {"tacitus.read.v1"})
    assert [s.role for s in registered_stages()][:3] == ["read", "parse", "actors"]  # the default pipeline's order


def test_the_default_pipeline_passes_the_check():
    config = load_config()
    stages = config["pipeline"]["stages"]
    check_reads([(n, get_stage(config["stages"][n]["factory"]), True) for n in stages])


def test_a_read_nothing_before_writes_names_both_stages_and_the_field():
    with pytest.raises(ConfigError) as info:
        check_reads([("a", _stage("x.a.v1", reads=("Event.date",)), True), ("b", _stage("x.b.v1", writes=("Event.date",)), True)])
    assert info.value.code == "T313"
    assert "stage 'a' (x.a.v1) reads Event.date, which stage 'b' (x.b.v1) writes, but it comes after 'a'" in str(info.value)


def test_a_read_written_only_by_a_disabled_stage_says_so():
    with pytest.raises(ConfigError, match="which stage 'b' .* writes, but it is disabled; enable it"):
        check_reads([("b", _stage("x.b.v1", writes=("Event",)), False), ("a", _stage("x.a.v1", reads=("Event.date",)), True)])


def test_a_read_no_listed_stage_writes_names_the_registered_stages_that_do():
    config = load_config(disable=["events", "learned", "place"])
    with pytest.raises(ConfigError) as info:
        Pipeline(config)
    message = str(info.value)
    assert "stage 'modality' (tacitus.modality.v1) reads Event.event" in message
    assert "no stage in pipeline.stages writes" in message and "tacitus.events.v1" in message


def test_writing_a_whole_provides_its_parts_and_a_part_provides_the_whole():
    check_reads([("w", _stage("x.w.v1", writes=("Article",)), True), ("r", _stage("x.r.v1", reads=("Article.date",)), True)])
    check_reads([("w", _stage("x.w.v1", writes=("Event.date",)), True), ("r", _stage("x.r.v1", reads=("Event",)), True)])
    with pytest.raises(ConfigError):  # a sibling field is not enough
        check_reads([("w", _stage("x.w.v1", writes=("Event.date",)), True), ("r", _stage("x.r.v1", reads=("Event.dates",)), True)])


def test_roles_are_open_but_names_of_roles_and_fields_are_checked(scratch_registry):
    @register_stage("test.translate.v1", role="translate", reads=("Article",), writes=("Article.text",))
    class Translate:
        """Pretend to translate."""

    assert get_stage("test.translate.v1").role == "translate"
    assert registered_stages()[-1].name == "test.translate.v1"  # a role the default pipeline lacks sorts last
    with pytest.raises(ValueError, match="role 'Translate'"):
        register_stage("test.bad.v1", role="Translate", reads=(), writes=())
    with pytest.raises(ValueError, match="'Event date' is not a field name"):
        register_stage("test.bad.v1", role="translate", reads=("Event date",), writes=())


def test_a_role_named_in_the_config_must_match_the_stage():
    config = load_config()
    config["stages"]["time"]["factory"] = "tacitus.place.v2"
    config["stages"]["time"].pop("historical_days")
    with pytest.raises(ConfigError, match=r"\[T309\] stage 'time' is set to 'tacitus.place.v2', which is a place stage"):
        Pipeline(config)


def test_stages_of_other_packages_come_from_entry_points(tmp_path, monkeypatch, scratch_registry):
    (tmp_path / "tacitus_plugin_example.py").write_text(
        "from tacitus.registry import register_stage\n\n"
        "@register_stage('plugin.noop.v1', role='noop', reads=('Event',), writes=())\n"
        "class Noop:\n    '''Do nothing.'''\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    points = [EntryPoint("noop", "tacitus_plugin_example", registry.ENTRY_POINT_GROUP)]
    monkeypatch.setattr(registry, "entry_points", lambda group: points if group == registry.ENTRY_POINT_GROUP else [])
    monkeypatch.setattr(registry, "_discovered", False)
    assert get_stage("plugin.noop.v1").role == "noop"
    sys.modules.pop("tacitus_plugin_example", None)

    points[:] = [EntryPoint("broken", "tacitus_no_such_module", registry.ENTRY_POINT_GROUP)]
    monkeypatch.setattr(registry, "_discovered", False)
    with pytest.raises(ConfigError, match=r"\[T314\] entry point broken = tacitus_no_such_module"):
        get_stage("tacitus.events.v1")
