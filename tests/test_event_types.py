"""The per-type table (data/event_types.tsv): it covers the 16 PLOVER types, its loader names the file and
line of a bad entry, it names only registered rules, and a row's cells change what the events stage does."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tacitus.cameo import PLOVER_TYPES
from tacitus.dictionaries import data_path
from tacitus.errors import DictionaryError
from tacitus.event_types import COLUMNS, check_rules, event_types, load_event_types, mood_codes
from tacitus.model import Article
from tacitus.stages import mood
from tacitus.stages.events import EventStage
from tacitus.stages.events.rules import PHASES, RULES

TABLE = data_path("event_types.tsv")


def test_one_row_per_plover_type_in_plover_order():
    assert list(event_types()) == list(PLOVER_TYPES)


def test_the_header_documents_every_column():
    comments = "\n".join(line for line in TABLE.read_text(encoding="utf-8").splitlines() if line.startswith("#"))
    missing = [c for c in COLUMNS if f"#   {c} " not in comments]
    assert not missing, f"the header of {TABLE.name} does not document {missing}"


def test_every_rule_the_table_names_is_registered_and_every_registered_rule_is_used():
    check_rules(event_types(), RULES)
    used = {name for kind in event_types().values() for name in kind.rules}
    assert used == set(RULES), f"registered but listed for no type: {sorted(set(RULES) - used)}"
    assert all(rule.phase in PHASES and rule.doc for rule in RULES.values())


def test_the_mood_rules_read_their_codes_from_the_table():
    assert mood.INTENT == mood_codes("intent") and mood.INTENT["AID"] == "033"
    assert mood.THREAT == mood_codes("threat") and mood.THREAT["PROTEST"] == "133"
    assert mood.DEMAND == mood_codes("demand") and mood.DEMAND["AGREE"] == "107"
    assert mood.REFUSAL == mood_codes("refusal") and mood.REFUSAL["CONSULT"] == "125"


def _edited(tmp_path, edit) -> tuple[str, int]:
    """A copy of the table with the PROTEST row passed through ``edit`` (a row of cells -> rows); its path and line."""
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    header = next(k for k, line in enumerate(lines) if line.startswith("type\t"))
    columns = lines[header].split("\t")
    k = next(k for k, line in enumerate(lines) if line.startswith("PROTEST\t"))
    cells = dict(zip(columns, lines[k].split("\t")))
    lines[k : k + 1] = ["\t".join(row[c] for c in columns) for row in edit(cells)]
    path = tmp_path / "event_types.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path), k + 1


@pytest.mark.parametrize(
    ("edit", "needle"),
    [
        (lambda row: [{**row, "place_target": "maybe"}], "column 'place_target': 'maybe' must be yes or no"),
        (lambda row: [{**row, "home_actor": "some"}], "column 'home_actor': 'some' must be one of no, any, state"),
        (lambda row: [{**row, "threat": "999"}], "column 'threat': '999' is not a CAMEO code"),
        (lambda row: [{**row, "reversal": "CONCEDE"}], "must be 'TYPE CAMEO' or 'TYPE CAMEO mode'"),
        (lambda row: [{**row, "suppression": "REPRESS 1721"}], "'REPRESS' is not a PLOVER type"),
        (lambda row: [{**row, "rules": "protest-in-words"}], "must be a Python identifier"),
        (lambda row: [{**row, "absorbs_demands": ""}], "column 'absorbs_demands' must not be empty"),
        (lambda row: [row, row], "type PROTEST has a second row"),
    ],
)
def test_a_bad_entry_names_file_and_line(tmp_path, edit, needle):
    path, line = _edited(tmp_path, edit)
    with pytest.raises(DictionaryError) as info:
        load_event_types(path)
    assert needle in str(info.value)
    bad_line = line + 1 if "second row" in needle else line
    assert f"{path}:{bad_line}:" in str(info.value)


def test_a_missing_type_is_named(tmp_path):
    path, _line = _edited(tmp_path, lambda row: [])
    with pytest.raises(DictionaryError, match="no row for PROTEST"):
        load_event_types(path)


def test_an_unregistered_rule_names_file_and_line(tmp_path):
    path, line = _edited(tmp_path, lambda row: [{**row, "rules": "unnamed_protesters|no_such_rule"}])
    with pytest.raises(DictionaryError) as info:
        check_rules(load_event_types(path), RULES)
    assert f"{path}:{line}:" in str(info.value) and "no rule named 'no_such_rule'" in str(info.value)


def _code_with(stage: EventStage, text: str) -> list:
    from tacitus.api import get_pipeline

    pipeline = get_pipeline()
    article = Article(id="t", date=dt.date(2020, 1, 1), text=text)
    analysis = next(iter(pipeline.parser([article])))
    analysis = pipeline.stages["actors"](analysis)
    return stage(analysis).events


@pytest.mark.model
def test_a_rule_listed_in_a_row_applies_and_unlisted_does_not():
    text = "Oxfam protested that Italian border guards had turned back boats carrying migrants."
    stage = EventStage()
    assert [e.event for e in _code_with(stage, text)] == ["ACCUSE"]  # complaint_in_words, listed for PROTEST
    protest = stage.types["PROTEST"]
    stage.types = {**stage.types, "PROTEST": dataclasses.replace(protest, rules=("unnamed_protesters",))}
    assert [e.event for e in _code_with(stage, text)] == ["PROTEST"]


@pytest.mark.model
def test_a_flag_in_a_row_switches_an_inference():
    text = "Two journalists were arrested in Lebanon on Friday."
    stage = EventStage()
    (event,) = _code_with(stage, text)  # place_target: the journalists arrested take Lebanon, where it happens
    assert [(a.code, a.sector) for a in event.recipient] == [("LBN", "JRN")]
    assert "the country of 'Two journalists'" in event.reasons["recipient"]
    assert [(a.code, a.sector) for a in event.actor] == [("LBN", "GOV")]  # and then its authorities arrested them
    assert "that country's authorities" in event.reasons["actor"]
    coerce = stage.types["COERCE"]
    stage.types = {**stage.types, "COERCE": dataclasses.replace(coerce, place_target=False)}
    (event,) = _code_with(stage, text)  # authority_actor: Lebanon's authorities arrested (Lebanese) journalists
    assert [(a.code, a.sector) for a in event.actor] == [("LBN", "GOV")]
    assert [(a.code, a.sector) for a in event.recipient] == [("LBN", "JRN")]
