from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from storefixtures import actor, article_result, build_store, event

from tacitus.analytics import dyad_series, network_edges, query_events
from tacitus.errors import ConfigError, StoreError
from tacitus.exports import EXPORTERS, GDELT_COLUMNS, ICEWS_COLUMNS, export, register_exporter
from tacitus.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "headers"


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "s.duckdb"
    build_store(path)
    return path


def test_tables_and_event_actors(db):
    with Store(db, read_only=True) as store:
        counts = store.counts()
        assert counts["articles"] == 4 and counts["events"] == 12
        roles = store.query("SELECT role, count(*) FROM event_actors GROUP BY 1 ORDER BY 1")
        assert roles == [("actor", 16), ("recipient", 8)]


def test_records_read_back_equal_the_records_written(tmp_path):
    """The store keeps each fact once (columns, event_actors, articles.coder) and rebuilds the exact record."""
    from tacitus.model import Article
    from tacitus.pipeline import ArticleResult

    day = dt.date(2023, 5, 4)
    claimed = event("c1", day, "ASSAULT", "190", -10.0, 4, [actor("RUS", "Russia", 0, "GOV"), actor(None, "gunmen", 10)],
                    [actor("UKR", "Kharkiv", 15)], (7, 14), sentence=2, hedged=True)
    claimed.claimed_by = actor("UKR", "Ukraine", 24, "GOV")
    claimed.context = ["military"]
    claimed.modality.inferred = ["recipient"]
    claimed.date_text = "on Tuesday"
    claimed.date_reason = "'on Tuesday': the latest Tuesday on or before the article date"
    # reasons that repeat other fields are stored as null and rebuilt; the others as they are
    claimed.reasons = {"event": "trigger 'shell' [V]", "cameo": "190 Use conventional military force from trigger 'shell' [V]",
                       "goldstein": "Goldstein score of CAMEO 190", "quad_code": "quad class of ASSAULT (set by hand)",
                       "mode": "trigger 'shell' [V]", "date": claimed.date_reason}
    results = [article_result("c0", day), ArticleResult(Article(id="c1", date=day, text="x"), [claimed])]
    written = {e.id: e.to_dict() for r in results for e in r.events}
    path = tmp_path / "r.duckdb"
    with Store(path) as store:
        store.write(results)
        read = {r["id"]: r for r in store.records()}
    assert read == written
    assert [list(r) for r in read.values()] == [list(r) for r in written.values()]  # same field order
    with Store(path, read_only=True) as store:
        row = store.query("SELECT actor_codes, recipient_codes, context, inferred, actor_code, claimed, claimed_by "
                          "FROM events WHERE article_id = 'c1'")
        assert row == [(["RUS"], ["UKR"], ["military"], ["recipient"], "RUS", True, "UKR")]
        # list columns travel joined and are split by DuckDB: an empty list stays empty, never ['']
        empties = store.query("SELECT DISTINCT context, inferred FROM events WHERE article_id = 'c0'")
        assert empties == [([], [])]
        stored = json.loads(store.query("SELECT reasons FROM events WHERE article_id = 'c1'")[0][0])
        assert stored == {**claimed.reasons, "cameo": None, "goldstein": None, "mode": None, "date": None}


def test_separator_characters_in_text_never_shift_a_field(tmp_path):
    """Rows travel to DuckDB as separator-joined strings: a value holding a separator is stored with a
    space in its place, empty strings stay empty, and missing values stay missing."""
    from tacitus.model import Article
    from tacitus.pipeline import ArticleResult
    from tacitus.store import ACTOR_SEP, FIELD_SEP, LIST_SEPARATOR, NULL_MARK

    day = dt.date(2023, 5, 4)
    odd = f"Kyiv{FIELD_SEP}{ACTOR_SEP}Oblast"
    e = event("s1", day, "ASSAULT", "190", -10.0, 4, [actor("RUS", f"Russia{ACTOR_SEP}", 0, "GOV"), actor(None, odd, 10)],
              [actor("UKR", "Kharkiv", 15)], (7, 14))
    e.text = f"Shelling{FIELD_SEP} hit{ACTOR_SEP} {LIST_SEPARATOR}Kharkiv{NULL_MARK}."
    e.date_text = ""
    e.recipient[0].name = None
    written = e.to_dict()
    with Store(tmp_path / "w.duckdb") as store:
        store.write([ArticleResult(Article(id="s1", date=day, text="x"), [e])])
        (read,) = list(store.records())

    def spaced(value):
        return value.replace(FIELD_SEP, " ").replace(ACTOR_SEP, " ")

    assert read["text"] == spaced(e.text) and LIST_SEPARATOR in read["text"]
    assert [a["text"] for a in read["actor"]] == ["Russia ", "Kyiv  Oblast"]
    assert read["date_text"] == "" and read["recipient"][0]["name"] is None
    assert {k: v for k, v in read.items() if k not in ("text", "actor")} == \
        {k: v for k, v in written.items() if k not in ("text", "actor")}


def test_writing_the_same_articles_again_changes_nothing(db):
    with Store(db) as store:
        before = store.query("SELECT id FROM events ORDER BY id")
        store.write([article_result("a0", dt.date(2022, 3, 1)), article_result("a9", dt.date(2022, 3, 1)),
                     article_result("a9", dt.date(2022, 3, 1))])
        assert store.query("SELECT id FROM events WHERE article_id <> 'a9' ORDER BY id") == before
        assert store.query("SELECT count(*), count(DISTINCT id) FROM events") == [(15, 15)]
        assert store.counts()["articles"] == 5


def test_dedup_groups_reports_within_the_window(db):
    with Store(db, read_only=True) as store:
        rows = store.query("SELECT event, n_mentions, n_articles, first_date, last_date FROM clusters WHERE event = 'ASSAULT' ORDER BY first_date")
    # three reports on 1-2 March are one event; the April one is another
    assert rows == [("ASSAULT", 3, 3, dt.date(2022, 3, 1), dt.date(2022, 3, 2)), ("ASSAULT", 1, 1, dt.date(2022, 4, 20), dt.date(2022, 4, 20))]


def test_dedup_is_reversible_and_idempotent(db):
    with Store(db) as store:
        first = store.query("SELECT * FROM clusters ORDER BY id")
        assert store.deduplicate(window_days=1) == len(first)
        assert store.query("SELECT * FROM clusters ORDER BY id") == first
        assert store.counts()["events"] == 12  # raw mentions are kept
        assert store.deduplicate(window_days=0) > len(first)


def test_old_or_foreign_store_is_refused_clearly(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE events (id VARCHAR)")
    con.close()
    with pytest.raises(StoreError) as info:
        Store(path, read_only=True)
    assert "another version" in str(info.value)
    with pytest.raises(StoreError):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_icews_export_header_and_rows(db):
    out = io.StringIO()
    assert export(db, "icews-tsv", out) == 12
    lines = out.getvalue().splitlines()
    assert lines[0].split("\t") == FIXTURES.joinpath("icews_events.txt").read_text().splitlines() == list(ICEWS_COLUMNS)
    row = dict(zip(ICEWS_COLUMNS, lines[1].split("\t")))
    assert row["Event Date"] == "2022-03-01" and row["CAMEO Code"] in ("195", "111", "040")


def test_gdelt_export_has_61_columns(db):
    out = io.StringIO()
    export(db, "gdelt-csv", out)
    lines = out.getvalue().splitlines()
    assert lines[0].split("\t") == FIXTURES.joinpath("gdelt2_events.txt").read_text().splitlines() == list(GDELT_COLUMNS)
    assert len(GDELT_COLUMNS) == 61
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in lines[1:]]
    assault = next(r for r in rows if r["EventCode"] == "195")
    assert assault["SQLDATE"] == "20220301" and assault["Actor1CountryCode"] == "RUS" and assault["QuadClass"] == "4"
    assert assault["EventRootCode"] == "19" and assault["NumArticles"] == "3" and assault["ActionGeo_FullName"] == "Kharkiv"
    assert all(len(line.split("\t")) == 61 for line in lines)


def test_plover_export_fields(db):
    out = io.StringIO()
    export(db, "plover-jsonl", out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == 12
    r = records[0]
    for field in ("id", "date", "actor", "recipient", "event", "eventText", "quadCode", "mode", "context", "text", "textInfo"):
        assert field in r
    assert isinstance(r["event"], list) and r["actor"][0]["entityText"]


def test_parquet_export_is_readable(db, tmp_path):
    import duckdb

    out = tmp_path / "e.parquet"
    assert export(db, "parquet", out) == 12
    assert duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{out}')").fetchone()[0] == 12


def test_export_dispatches_through_the_registry(db, monkeypatch):
    monkeypatch.setattr("tacitus.exports.EXPORTERS", dict(EXPORTERS))  # the registration below does not outlive the test

    @register_exporter("count-lines", "one line per event id")
    def write(store: Store, out: io.StringIO) -> int:
        ids = [row[0] for row in store.query("SELECT id FROM events ORDER BY id")]
        out.write("\n".join(ids) + "\n")
        return len(ids)

    out = io.StringIO()
    assert export(db, "count-lines", out) == 12 and len(out.getvalue().splitlines()) == 12
    with pytest.raises(ValueError, match="registered twice"):
        register_exporter("count-lines", "again")(write)
    with pytest.raises(ConfigError, match="use one of plover-jsonl, icews-tsv, gdelt-csv, parquet, jsonl, count-lines"):
        export(db, "xml", out)
    with pytest.raises(ConfigError, match="parquet export needs --out FILE"):
        export(db, "parquet", out)


def test_query_filters(db):
    assert len(query_events(db, event="assault")) == 4
    assert len(query_events(db, actor="RUS", quad=3)) == 4
    assert len(query_events(db, modality="hypothetical")) == 4
    assert len(query_events(db, modality="asserted")) == 8
    assert len(query_events(db, since=dt.date(2022, 4, 1))) == 3
    assert len(query_events(db, text="condemned")) == 12 and len(query_events(db, text="zebra")) == 0
    assert len(query_events(db, country="UKR", event="ACCUSE")) == 4
    with pytest.raises(ConfigError):
        query_events(db, quad=7)
    with pytest.raises(ConfigError):
        query_events(db, modality="maybe")


def test_dyad_series_by_month(db):
    frame = dyad_series(db, "RUS", "UKR", by="month")
    assert list(frame["period"].astype(str)) == ["2022-03-01", "2022-04-01"]
    assert list(frame["material_conflict"]) == [3, 1]
    assert frame["goldstein_sum"].iloc[0] == -30.0
    both = dyad_series(db, "RUS", "UKR", by="month", both_directions=True)
    assert list(both["verbal_conflict"]) == [3, 1]


def test_network_edges(db):
    edges = network_edges(db)
    pairs = {(r.source, r.target): (r.events, r.mean_goldstein) for r in edges.itertuples()}
    assert pairs[("RUS", "UKR")] == (4, -10.0) and pairs[("UKR", "RUS")] == (4, -2.0)
    assert len(network_edges(db, since=dt.date(2022, 4, 1))) == 2
