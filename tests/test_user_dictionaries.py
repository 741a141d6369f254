"""User dictionaries (--actors FILE): the YAML schema and the PETRARCH/Phoenix importer."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import tacitus
from tacitus.cli import main
from tacitus.dictionaries import ActorDictionary, Entry
from tacitus.errors import DictionaryError
from tacitus.stages.actors import _choose
from tacitus.user_dictionaries import load_user_dictionary

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "dictionaries"
ARTICLE = "date 2021-07-16 Test\n\nMaren Tolvik criticized Russia on Friday.\n"


def _dictionary() -> ActorDictionary:
    return ActorDictionary(lambda text: text.split())


def _load(path: Path) -> ActorDictionary:
    d = _dictionary()
    load_user_dictionary(d, path)
    return d


def _on(d: ActorDictionary, name: str, day: str) -> Entry:
    entries = d.lookup(name.split())
    assert entries, f"{name!r} not in the dictionary"
    chosen = _choose(entries, dt.date.fromisoformat(day))
    assert chosen is not None
    return chosen[0]


def _error(tmp_path: Path, text: str, name: str = "bad.yaml") -> DictionaryError:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        load_user_dictionary(_dictionary(), f)
    assert info.value.path == str(f)
    return info.value


# --- YAML ---------------------------------------------------------------------------------------
def test_yaml_actors_and_agents():
    d = _load(FIXTURES / "user_actors.yaml")
    tolvik = _on(d, "Tolvik", "2021-07-16")
    assert (tolvik.kind, tolvik.code, tolvik.country, tolvik.sector, tolvik.role) == ("person", "NOR", "NOR", "GOV", "head_of_government")
    assert tolvik.origin.endswith("user_actors.yaml:3")
    assert _on(d, "Maren Tolvik", "2025-01-01").sector == "LEG"  # the second spell, same name
    assert _on(d, "Maren Tolvik", "2019-01-01").sector is None  # not yet in office
    hwc = _on(d, "the HWC", "2021-07-16")
    assert (hwc.kind, hwc.code, hwc.country, hwc.sector) == ("org", "NGO", None, "NGO")
    assert d.lookup(["Hwc"]) == []  # an all-capitals alias matches only in capitals
    hall = _on(d, "the Saltmarsh Hall", "2021-07-16")
    assert (hall.kind, hall.code, hall.country, hall.sector) == ("metonym", "NOR", "NOR", "GOV")
    assert d.agents[("lighthouse", "keeper")].sector == "CVL"
    assert d.agents[("dune", "-", "ranger")].sector == "MIL"


def test_yaml_entry_overrides_a_builtin_name(tmp_path):
    d = _dictionary()
    builtin = Entry("org", "GBR", "GBR", "GOV", "Saltmarsh Hall", origin="organisations.tsv:9")
    d.add_name("Saltmarsh Hall", builtin)
    d.add_name("Harbour Board", builtin)
    d.add_agent("keeper", Entry("agent", None, None, "GOV", "keeper", origin="agents.tsv:3"))
    f = tmp_path / "mine.yml"
    f.write_text(
        "actors:\n"
        "  - {name: Saltmarsh Hall, code: NOR, sector: GOV, kind: metonym}\n"
        "  - {name: Saltmarsh Hall, code: NOR, sector: MIL, kind: metonym, start: 2030}\n"
        "agents:\n"
        "  - {term: keeper, sector: CVL}\n",
        encoding="utf-8",
    )
    load_user_dictionary(d, f)
    entries = d.lookup(["Saltmarsh", "Hall"])
    assert [(e.code, e.sector) for e in entries] == [("NOR", "GOV"), ("NOR", "MIL")]  # built-in gone, both user rows kept
    assert all(e.origin.startswith(str(f)) for e in entries)
    assert d.lookup(["Harbour", "Board"]) == [builtin]  # names the file does not mention are untouched
    assert d.agents[("keeper",)].sector == "CVL"
    # a later file overrides an earlier one in the same way
    g = tmp_path / "later.yaml"
    g.write_text("actors:\n  - name: Saltmarsh Hall\n    code: SWE\n", encoding="utf-8")
    load_user_dictionary(d, g)
    assert [(e.kind, e.code, e.country) for e in d.lookup(["Saltmarsh", "Hall"])] == [("org", "SWE", "SWE")]


def test_yaml_empty_file_and_empty_sections(tmp_path):
    for text in ("", "# nothing yet\n", "actors:\nagents: []\n"):
        f = tmp_path / "empty.yaml"
        f.write_text(text, encoding="utf-8")
        d = _dictionary()
        load_user_dictionary(d, f)
        assert not d.names and not d.agents


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("actors:\n  - name: A\n    code: [NOR\n", 4, "not valid YAML"),  # unclosed flow sequence
        ("actors:\n  - name: A\n     code: NOR\n", 3, "not valid YAML"),  # bad indentation
        ("actors:\n  - name: A\n    code: NOR\n  - name: B\n    sector: GOV\n", 4, "lacks 'code'"),
        ("actors:\n  - name: A\n    code: NOR\n\n  - name: B\n    code: NOR\n    sector: GOVT\n", 7, "'GOVT' is not a sector"),
        ("actors:\n  - name: A\n    code: NOR\n    start: 2020-13-01\n", 4, "not a date"),
        ("actors:\n  - name: A\n    code: NOR\n    start: 2021\n    end: 2020\n", 5, "before start"),
        ("actors:\n  - name: A\n    code: nor\n", 3, "3-letter"),
        ("actors:\n  - name: A\n    code: NOR\n    country: Norway\n", 4, "country code"),
        ("actors:\n  - name: A\n    code: NOR\n    kind: party\n", 4, "not a kind"),
        ("actors:\n  - name: A\n    code: NOR\n    alias: [B]\n", 4, "unknown field 'alias'"),
        ("actors:\n  - name: A\n    code: NOR\n    code: SWE\n", 4, "given twice"),
        ("actors:\n  - name: A\n    code: NOR\n    aliases: B\n", 4, "must be a list"),
        ("actors:\n  - code: NOR\n", 2, "lacks 'name'"),
        ("actors:\n  - A\n", 2, "must be a mapping"),
        ("actors:\n  name: A\n", 2, "must be a list"),
        ("people:\n  - name: A\n", 1, "unknown field 'people'"),
        ("agents:\n  - term: keeper\n    sector: XYZ\n", 3, "not a sector"),
        ("agents:\n  - term: keeper\n", 2, "lacks 'sector'"),
    ],
)
def test_bad_yaml_names_file_and_line(tmp_path, text, line, words):
    error = _error(tmp_path, text)
    assert error.line == line, str(error)
    assert words in str(error)
    assert str(error).startswith(f"[T200] {error.path}:{line}: ")


# --- PETRARCH actors ----------------------------------------------------------------------------
def test_petrarch_actors_resolve_by_date():
    d = _load(FIXTURES / "petrarch_actors.txt")
    assert _on(d, "Elspeth Varga", "2016-05-01").sector == "GOV"  # 150301-190615
    assert (_on(d, "Varga", "2016-05-01").code, _on(d, "Varga", "2016-05-01").country) == ("HUN", "HUN")
    assert _on(d, "Varga", "2019-06-15").sector == "LEG"  # >190615; the end day belongs to the next period
    assert _on(d, "Varga", "2010-01-01").sector == "ELI"  # the default code fills the gaps
    varga = _on(d, "Varga", "2016-05-01")
    assert varga.kind == "person" and varga.origin.endswith("petrarch_actors.txt:7") and varga.role == "HUNGOV"
    assert _on(d, "Tobias Orrin", "1999-01-01").code == "DEU"  # YYYYMMDD and YYMMDD mixed
    former = _on(d, "Tobias Orrin", "2005-01-01")
    assert (former.code, former.sector) == ("DEU", "ELI")  # no default: out of office is ELI, as for people.tsv
    heron = _on(d, "the Order of the Grey Heron", "2020-01-01")
    assert (heron.kind, heron.code, heron.country, heron.sector) == ("org", "NGO", None, "REL")
    kestrel = _on(d, "Kestrel League", "2020-01-01")
    assert (kestrel.code, kestrel.country, kestrel.sector) == ("UNO", None, "IGO")
    front = _on(d, "MFK", "2020-01-01")  # a vowel-less word is kept as an acronym
    assert (front.code, front.country, front.sector) == ("FRA", "FRA", "REB")  # CAMEO INS -> REB
    assert d.lookup(["Mfk"]) == []
    assert not d.lookup(["Ignored", "After", "Stop"])


def test_petrarch_country_code_becomes_a_country_entry(tmp_path):
    d = _dictionary()
    d.countries["ISL"] = Entry("country", "ISL", "ISL", None, "Iceland")
    f = tmp_path / "countries.actors"
    f.write_text("ICELAND_ [ISL]\n+ICELANDIC_\nNOWHERELAND_ [ZZZ]\n", encoding="utf-8")
    load_user_dictionary(d, f)
    assert [e.kind for e in d.lookup(["Icelandic"])] == ["country"]
    assert [e.kind for e in d.lookup(["the", "Iceland"])] == ["country"]
    assert [(e.kind, e.code) for e in d.lookup(["Nowhereland"])] == [("org", "ZZZ")]


def test_two_digit_years_follow_petrarch():
    from tacitus.user_dictionaries import _petrarch_date, _Target

    target = _Target(_dictionary(), "x.txt")
    assert _petrarch_date(target, "300101", 1) == dt.date(2030, 1, 1)
    assert _petrarch_date(target, "310101", 1) == dt.date(1931, 1, 1)
    assert _petrarch_date(target, "18970101", 1) == dt.date(1897, 1, 1)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("# header\n+SYNONYM_\n", 2, "before any actor"),
        ("A_ [USA]\n\t[USAGOV 090120-170132]\n", 2, "not a calendar date"),
        ("A_ [USA]\n\t[USAGOV 0901-1701]\n", 2, "not YYMMDD"),
        ("A_\n\t[USAGOV 170120-090120]\n", 2, "end is before start"),
        ("A_\n\t[USAGOV ~090120]\n", 2, "<date, >date or date-date"),
        ("A_ [US]\n", 1, "not a CAMEO code"),
        ("A_ [usagov]\n", 1, "not a CAMEO code"),
        ("A_ [USA]\nB_\n+C_\n", 2, "has no [CODE]"),
        ("A_ [USA]\n+B_ [USAGOV]\n", 2, "takes no code"),
        ("A_ [USA] [USAGOV]\n", 1, "expected NAME_ [CODE]"),
    ],
)
def test_bad_petrarch_actors_name_file_and_line(tmp_path, text, line, words):
    error = _error(tmp_path, text, "bad.petrarch")
    assert error.line == line, str(error)
    assert words in str(error)


# --- PETRARCH agents ----------------------------------------------------------------------------
def test_petrarch_agents_detected_by_content():
    d = _load(FIXTURES / "petrarch_agents.txt")
    assert not d.names
    assert {k: e.sector for k, e in d.agents.items()} == {
        ("lighthouse", "keeper"): "CVL",
        ("lighthouse", "warden"): "CVL",
        ("canal", "pilot"): "BUS",
        ("dune", "ranger"): "MIL",
        ("salt", "trader"): "NGO",
    }
    assert d.agents[("canal", "pilot")].origin.endswith("petrarch_agents.txt:4")


def test_agents_suffix_and_bare_sector_codes(tmp_path):
    plain = tmp_path / "mine.txt"
    plain.write_text("PROTESTER [OPP]\nMINE_WORKER [LAB]\n", encoding="utf-8")  # every code a sector: agents
    assert _load(plain).agents[("protester",)].sector == "OPP"
    named = tmp_path / "mine.agents"
    named.write_text("!minist! = minister, ministry\n!minist! [GOV]\n", encoding="utf-8")
    assert set(_load(named).agents) == {("minister",), ("ministry",)}
    actors = tmp_path / "orgs.txt"
    actors.write_text("GREY_HERON_GUILD_ [NGO]\n", encoding="utf-8")  # NGO begins actor codes too: actors
    d = _load(actors)
    assert not d.agents and d.lookup(["Grey", "Heron", "Guild"])


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("KEEPER [~CVL]\nWARDEN\n", 2, "expected PHRASE_"),
        ("KEEPER [~CVL]\nCONGRESS!PERSON! [~LEG]\n", 2, "!PERSON! is not defined"),
        ("KEEPER [~CVL]\nWARDEN [~XYZ]\n", 2, "names no sector"),
        ("!PERSON! =\nKEEPER [~CVL]\n", 1, "lists no words"),
    ],
)
def test_bad_petrarch_agents_name_file_and_line(tmp_path, text, line, words):
    error = _error(tmp_path, text, "bad.agents")
    assert error.line == line, str(error)
    assert words in str(error)


def test_missing_and_undecodable_files(tmp_path):
    with pytest.raises(DictionaryError, match="file not found"):
        load_user_dictionary(_dictionary(), tmp_path / "nope.yaml")
    f = tmp_path / "latin1.txt"
    f.write_bytes("CAF\xc9_ [FRA]\n".encode("latin-1"))
    with pytest.raises(DictionaryError, match="UTF-8"):
        load_user_dictionary(_dictionary(), f)


# --- end to end ---------------------------------------------------------------------------------
@pytest.mark.model
def test_user_actor_resolves_in_code_text():
    path = json.dumps([str(FIXTURES / "user_actors.yaml")])
    events = tacitus.code_text("Maren Tolvik criticized Russia on Friday.", date="2021-07-16",
                               overrides=(f"stages.actors.dictionaries={path}",))
    assert events and [(a.code, a.sector) for a in events[0].actor] == [("NOR", "GOV")]
    assert "user_actors.yaml:3" in events[0].actor[0].reason


@pytest.mark.model
def test_cli_code_with_actors(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["code", str(article), "--actors", str(FIXTURES / "user_actors.yaml"), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and records[0]["actor"][0]["code"] == "NOR" and records[0]["actor"][0]["sector"] == "GOV"


@pytest.mark.model
def test_cli_bad_actors_file_is_a_usage_error(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - name: A\n    code: NOR\n    sector: GOVT\n", encoding="utf-8")
    assert main(["code", str(article), "--actors", str(bad), "--format", "jsonl"]) == 2
    assert f"{bad}:4" in capsys.readouterr().err
