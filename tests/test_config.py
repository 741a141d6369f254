from __future__ import annotations

import pytest

from tacitus.config import load_config
from tacitus.errors import ConfigError
from tacitus.registry import get_stage, registered_stages


def test_default_config_lists_all_stages_in_order():
    config = load_config()
    assert config["pipeline"]["stages"] == ["read", "parse", "actors", "events", "learned", "modality", "time", "place", "confidence"]
    for name in config["pipeline"]["stages"]:
        info = get_stage(config["stages"][name]["factory"])
        assert info.role == name and info.writes


def test_registered_stage_names_are_versioned():
    for info in registered_stages():
        assert info.name.startswith("tacitus.") and info.name.rsplit(".", 1)[-1].startswith("v")


def test_overrides_disable_and_swap():
    config = load_config(overrides=["stages.parse.n_process=2", "stages.time.historical_days=30"], disable=["place"],
                         swap=["time=tacitus.time.v1"])
    assert config["stages"]["parse"]["n_process"] == 2
    assert config["stages"]["time"]["historical_days"] == 30
    assert "place" not in config["pipeline"]["stages"]


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"disable": ["nope"]}, "no such stage"),
        ({"disable": ["parse"]}, "cannot be disabled"),
        ({"overrides": ["novalue"]}, "SECTION.KEY=VALUE"),
        ({"swap": ["actors"]}, "STAGE=FACTORY"),
    ],
)
def test_bad_options_say_what_to_do(kwargs, needle):
    with pytest.raises(ConfigError) as info:
        load_config(**kwargs)
    assert needle in str(info.value)


def test_bad_config_file_names_the_file(tmp_path):
    f = tmp_path / "c.toml"
    f.write_text("[pipeline\nstages = 1", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(f)
    assert str(f) in str(info.value)


def test_unknown_factory_lists_known_ones():
    with pytest.raises(ConfigError) as info:
        get_stage("tacitus.events.v99")
    assert "tacitus.events.v1" in str(info.value)
