"""tools/build_actors.py: the COW/Gleditsch-Ward table, the review of imported names, and the built files
(people_imported.tsv, organisations_imported.tsv): every row has a source and resolves as of its dates."""

from __future__ import annotations

import datetime as dt
import importlib.util
import random
import sys
from pathlib import Path

import pytest

from tacitus.dictionaries import data_path
from tacitus.stages.actors import _choose
from tacitus.tsv import read_tsv
from tacitus.user_dictionaries import load_actor_dictionary

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location("build_actors", ROOT / "tools" / "build_actors.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_actors"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


build = _tool()
TABLE = build.load_code_table()


@pytest.mark.parametrize("system, number, day, code", [
    ("cow", 2, "2001-01-01", "USA"), ("gw", 2, "1950-01-01", "USA"),
    ("cow", 365, "1985-01-01", "SUN"), ("cow", 365, "1991-12-26", "RUS"), ("gw", 365, "2000-01-01", "RUS"),
    ("cow", 345, "1999-03-24", "YUG"), ("gw", 345, "2004-01-01", "SCG"), ("cow", 345, "2010-01-01", "SRB"),
    ("gw", 345, "2007-01-01", None), ("gw", 340, "2007-01-01", "SRB"),  # GW: Serbia is 340 from 2006
    ("cow", 260, "1980-01-01", "FRG"), ("gw", 260, "1995-01-01", "DEU"), ("cow", 265, "1980-01-01", "DDR"),
    ("cow", 678, "1980-01-01", "YAR"), ("cow", 678, "1995-01-01", None), ("cow", 679, "1995-01-01", "YEM"),
    ("gw", 678, "1995-01-01", "YEM"), ("gw", 680, "1980-01-01", "YMD"),
    ("cow", 315, "1980-01-01", "CSK"), ("cow", 316, "1995-01-01", "CZE"), ("gw", 817, "1970-01-01", "VDR"),
    ("gw", 816, "1970-01-01", "VNM"), ("cow", 347, "2010-01-01", "KOS"), ("gw", 860, "2005-01-01", "TLS"),
    ("gw", 711, "1930-01-01", None),  # Tibet: no tacitus code
])
def test_state_numbers_convert_by_date(system, number, day, code):
    assert build.convert(TABLE, system, number, dt.date.fromisoformat(day)) == code


def test_undated_conversion_only_for_numbers_that_never_changed_code():
    assert build.convert(TABLE, "gw", 700, None) == "AFG"
    assert build.convert(TABLE, "gw", 345, None) is None and build.convert(TABLE, "gw", 365, None) is None


def test_every_code_of_the_table_is_a_tacitus_country():
    codes = {row["code"] for row in read_tsv(data_path("countries.tsv"), columns=("code",))}
    assert {r.code for r in TABLE} <= codes
    # and the two systems agree wherever neither has a documented difference
    cow = {(r.number, r.code, r.start, r.end) for r in TABLE if r.system == "cow"}
    gw = {(r.number, r.code, r.start, r.end) for r in TABLE if r.system == "gw"}
    assert {n for n, *_ in cow ^ gw} <= {255, 260, 340, 345, 678, 679}


def test_dates_are_repaired_and_counted():
    notes = __import__("collections").Counter()
    assert build.yyyymmdd("20100631", notes) == dt.date(2010, 6, 30)
    assert build.yyyymmdd("900804", notes) == dt.date(1990, 8, 4) and build.yyyymmdd("150102", notes) == dt.date(2015, 1, 2)
    assert notes["impossible day of month clamped to the month's last"] == 1


@pytest.fixture(scope="module")
def known():
    rare = {"blunkett": 1.9, "kerekou": 0.0, "straw": 4.0, "brown": 5.0, "menzies": 2.9, "the": 7.0, "greens": 3.9}
    return build.read_known(lambda word: rare.get(word, 2.0))


@pytest.mark.parametrize("name, person, problem", [
    ("David Blunkett", True, None),
    ("Straw", True, "a common word or common name"),
    ("Menzies", True, "one word, not rare enough to stand alone"),
    ("Kerekou", True, None),
    ("Ali", True, "short name"),
    ("Acting Minister Abdul Rahim", True, "a title, not a name"),
    ("Mohammad Ali", True, "a name many people share"),
    ("Supporters of the BNP", False, "a description, not a name"),
    ("CPI", False, "short acronym"),
    ("the Greens", False, "a common word or common name"),
    ("Kabul", True, "also a place"),
    ("Hamas", False, "already names something in the hand-written dictionaries"),
])
def test_review_drops_names_too_ambiguous_to_match(known, name, person, problem):
    assert build.name_problem(name, known, person=person, common_words={"mohammad", "ali", "abdul"}) == problem


def _rows(name: str, columns: tuple[str, ...]):
    return list(read_tsv(data_path(name), columns=columns))


PEOPLE = ("name", "code", "country", "sector", "role", "start", "end", "source")
ORGS = ("name", "code", "country", "sector", "kind", "source")


def test_every_built_row_names_its_source():
    people, orgs = _rows("people_imported.tsv", PEOPLE), _rows("organisations_imported.tsv", ORGS)
    assert len(people) > 10_000 and len(orgs) > 1_000
    families = {"CountryInfo", "Phoenix", "REIGN", "Archigos", "Wikidata", "UCDP"}
    assert all(r["source"].split()[0] in families for r in people + orgs)
    assert {r["source"].split()[0] for r in people} == {"CountryInfo", "Phoenix", "REIGN", "Archigos", "Wikidata"}
    assert {r["source"].split()[0] for r in orgs} == {"Phoenix", "UCDP"}


def _resolve(name: str, day: dt.date):
    dictionary = load_actor_dictionary(())
    entries = dictionary.lookup(name.split())
    return _choose(entries, day) if entries else None


def test_built_people_resolve_within_their_dates_and_not_outside():
    dictionary = load_actor_dictionary(())
    rows = [r for r in _rows("people_imported.tsv", PEOPLE) if r["start"] and r["end"] and len(r["start"]) == 10]
    by_name: dict[str, list] = {}
    for r in _rows("people_imported.tsv", PEOPLE):
        by_name.setdefault(r["name"], []).append(r)
    sample = random.Random(16).sample(rows, 300)
    checked = 0
    for r in sample:
        if len(by_name[r["name"]]) > 1 or len(dictionary.lookup(r["name"].split())) != 1:
            continue  # several spells, or a name shared with another entry: the plain cases only
        start, end = dt.date.fromisoformat(r["start"]), dt.date.fromisoformat(r["end"])
        inside = start + (end - start) / 2
        entry, why = _resolve(r["name"], inside)
        assert (entry.code, entry.sector) == (r["code"], r["sector"] or None), (r, why)
        assert "in office" in why and "people_imported.tsv" in why and r["source"] in why
        entry, why = _resolve(r["name"], end + dt.timedelta(days=1))
        assert entry.sector == "ELI" and "out of office" in why, (r, why)
        entry, why = _resolve(r["name"], start - dt.timedelta(days=1))
        assert entry.sector is None and "not yet in office" in why, (r, why)
        checked += 1
    assert checked > 100


def test_a_cabinet_minister_as_of_the_article_date():
    entry, why = _resolve("David Blunkett", dt.date(2003, 6, 1))
    assert (entry.code, entry.sector) == ("GBR", "GOV") and "CountryInfo" in why
    assert _resolve("David Blunkett", dt.date(2008, 6, 1))[0].sector == "ELI"


def test_hand_written_people_win_over_built_ones():
    built = {r["name"] for r in _rows("people_imported.tsv", PEOPLE)}
    written = {r["name"] for r in _rows("people.tsv", ("name",))}
    assert not built & written


def test_built_organisations_resolve():
    entry, why = _resolve("Mahdi Army", dt.date(2004, 8, 1))
    assert (entry.code, entry.sector) == ("IRQ", "REB") and "organisations_imported.tsv" in why and "Phoenix" in why
