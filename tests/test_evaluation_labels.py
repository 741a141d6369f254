"""The real-news label files: their loaders name file and line of a bad entry, and the time scoring rules."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tacitus.errors import DictionaryError
from tacitus.evaluation import load_labels
from tacitus.evaluation_time import TimeLabel, date_right, load_time_labels

ROOT = Path(__file__).resolve().parent.parent

GOOD_TIME = {"article": "a1", "corpus": "wikinews_2019.jsonl", "stratum": "wikinews", "weight": 1.0, "split": "dev",
             "sentence": [10, 80], "trigger": [20, 27], "event": True, "time": "historical", "date": "2015",
             "date_text": [2, 9], "how": "agreed"}


def write(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "labels.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_time_labels_load(tmp_path: Path) -> None:
    (label,) = load_time_labels(write(tmp_path, [GOOD_TIME]))
    assert label.time == "historical" and label.date == "2015" and label.date_text == (2, 9)


@pytest.mark.parametrize("change, words", [
    ({"time": "yesterday"}, "time 'yesterday'"),
    ({"date": "May 2015"}, "date 'May 2015'"),
    ({"trigger": [5, 9]}, "not inside the sentence"),
    ({"event": False}, "names no act"),
    ({"weight": 0.5}, "weight"),
    ({"split": "train"}, "split"),
    ({"how": "guessed"}, "how"),
])
def test_bad_time_label_names_file_and_line(tmp_path: Path, change: dict, words: str) -> None:
    path = write(tmp_path, [dict(GOOD_TIME, trigger=[30, 35]), dict(GOOD_TIME, **change)])
    with pytest.raises(DictionaryError) as info:
        load_time_labels(path)
    assert f"{path}:2" in str(info.value) and words in str(info.value)


def test_a_time_label_given_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="labelled twice"):
        load_time_labels(write(tmp_path, [GOOD_TIME, GOOD_TIME]))


def test_bad_sentence_label_names_file_and_line(tmp_path: Path) -> None:
    good = {"article": "a1", "corpus": "c.jsonl", "stratum": "s", "split": "dev", "start": 0, "end": 50, "events": []}
    bad = dict(good, start=60, end=90, events=[{"type": "SHOUT", "source": [], "target": [], "status": "asserted", "quote": [61, 70]}])
    path = write(tmp_path, [good, bad])
    with pytest.raises(DictionaryError) as info:
        load_labels(path)
    assert f"{path}:2" in str(info.value) and "PLOVER" in str(info.value)


def test_a_sentence_label_may_say_its_batch(tmp_path: Path) -> None:
    good = {"article": "a1", "corpus": "c.jsonl", "stratum": "s", "split": "dev", "batch": 3, "start": 0, "end": 50, "events": []}
    (sentence,) = load_labels(write(tmp_path, [good]))
    assert sentence.batch == 3
    path = write(tmp_path, [dict(good, batch="third")])
    with pytest.raises(DictionaryError) as info:
        load_labels(path)
    assert f"{path}:1" in str(info.value) and "batch" in str(info.value)


def label(**change: object) -> TimeLabel:
    raw = dict(GOOD_TIME, **change)
    return TimeLabel(raw["article"], raw["corpus"], raw["stratum"], raw["weight"], raw["split"], tuple(raw["sentence"]),
                     tuple(raw["trigger"]), raw["event"], raw["time"], raw["date"], None, raw["how"])


ARTICLE = dt.date(2019, 3, 14)


def test_a_labelled_date_is_matched_at_its_granularity() -> None:
    assert date_right(label(date="2015"), dt.date(2015, 7, 1), True, ARTICLE)
    assert not date_right(label(date="2015"), dt.date(2016, 1, 1), True, ARTICLE)
    assert date_right(label(date="2019-03"), dt.date(2019, 3, 1), False, ARTICLE)
    assert not date_right(label(date="2019-03-12"), dt.date(2019, 3, 14), False, ARTICLE)
    assert date_right(label(date="1950s"), dt.date(1957, 1, 1), True, ARTICLE)
    assert not date_right(label(date="1950s"), dt.date(1960, 1, 1), True, ARTICLE)
    assert not date_right(label(date="2015"), None, False, ARTICLE)


def test_an_undated_act_is_judged_by_its_time_class() -> None:
    assert date_right(label(date=None, time="current"), dt.date(2019, 3, 13), False, ARTICLE)
    assert not date_right(label(date=None, time="current"), dt.date(2019, 3, 13), True, ARTICLE)
    assert not date_right(label(date=None, time="current"), dt.date(2018, 1, 1), False, ARTICLE)
    assert date_right(label(date=None, time="historical"), dt.date(2001, 1, 1), True, ARTICLE)
    assert not date_right(label(date=None, time="historical"), ARTICLE, False, ARTICLE)
    assert date_right(label(date=None, time="future"), None, False, ARTICLE)
    assert date_right(label(event=False, time=None, date=None), None, False, ARTICLE) is None


def test_the_shipped_time_labels_load() -> None:
    path = ROOT / "benchmarks" / "realnews" / "time_labels.jsonl"
    if not path.is_file():
        pytest.skip("no time labels shipped yet")
    labels = load_time_labels(path)
    assert labels and {x.split for x in labels} == {"dev", "test"}


def test_the_shipped_sentence_labels_load_and_the_calibration_batch_is_apart() -> None:
    labels_path = ROOT / "benchmarks" / "realnews" / "labels.jsonl"
    calibration_path = ROOT / "benchmarks" / "realnews" / "calibration.jsonl"
    if not labels_path.is_file() or not calibration_path.is_file():
        pytest.skip("no real-news labels shipped yet")
    labels, calibration = load_labels(labels_path), load_labels(calibration_path)
    assert {s.split for s in labels} == {"dev", "test"}
    # drawn from unread dev articles only, never a sentence of the benchmark's own set
    assert calibration and {s.split for s in calibration} == {"dev"}
    assert not {(s.article, s.start) for s in labels} & {(s.article, s.start) for s in calibration}
    test_articles = {s.article for s in labels if s.split == "test"}
    assert not test_articles & {s.article for s in calibration}


def test_the_dev_batch_read_for_errors_is_dev_only_and_apart() -> None:
    root = ROOT / "benchmarks" / "realnews"
    paths = [root / "labels.jsonl", root / "calibration.jsonl", root / "dev_events.jsonl"]
    if not all(p.is_file() for p in paths):
        pytest.skip("no real-news labels shipped yet")
    labels, calibration, dev_events = (load_labels(p) for p in paths)
    assert dev_events and {s.split for s in dev_events} == {"dev"}
    keys = {(s.article, s.start) for s in dev_events}
    assert not keys & {(s.article, s.start) for s in labels}
    assert not keys & {(s.article, s.start) for s in calibration}, "the calibration set stays unread"
    assert not {s.article for s in labels if s.split == "test"} & {s.article for s in dev_events}


def test_the_dev_batches_of_missed_sentences_are_dev_only_and_apart() -> None:
    root = ROOT / "benchmarks" / "realnews"
    paths = [root / "labels.jsonl", root / "calibration.jsonl", root / "dev_events.jsonl", root / "dev_misses.jsonl"]
    if not all(p.is_file() for p in paths):
        pytest.skip("no real-news labels shipped yet")
    labels, calibration, dev_events, misses = (load_labels(p) for p in paths)
    assert misses and {s.split for s in misses} == {"dev"}
    keys = {(s.article, s.start) for s in misses}
    for other in (labels, calibration, dev_events):
        assert not keys & {(s.article, s.start) for s in other}
    assert not {s.article for s in labels if s.split == "test"} & {s.article for s in misses}
