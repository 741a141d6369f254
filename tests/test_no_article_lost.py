"""No article lost, no file that is not ours touched, every failure reported by name with its documented status."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3

import duckdb
import pytest

import tacitus
from tacitus.api import get_pipeline
from tacitus.cli import main
from tacitus.errors import CodingError, StoreError
from tacitus.model import Article
from tacitus.pipeline import Pipeline
from tacitus.store import Store

DAY = dt.date(2021, 7, 16)


def _seed_file(path, body="Iran attacked Iraq on Monday."):
    path.write_text(f"date 2021-07-16 A title\n{body}\n", encoding="utf-8")
    return path


def test_a_speaker_who_is_only_we_does_not_loop():
    # "we" is the subject of the speech verb that reports "we condemned": resolving it once looped
    # pronoun -> speaker -> the same pronoun until Python's recursion limit rejected the article.
    events = tacitus.code_text('We said that we condemned Iran. "We told them we were ready," the minister said.', date=DAY)
    assert any(e.event == "ACCUSE" and [a.code for a in e.recipient] == ["IRN"] for e in events)


class _FailOn:
    """A stage that raises on any sentence it is given that contains ``word`` (as a bug in a rule would)."""

    def __init__(self, word: str) -> None:
        self.word = word

    def __call__(self, analysis):
        for k, sent in enumerate(analysis.sentences):
            if k not in analysis.skip_sentences and self.word in sent.text:
                raise ValueError(f"rule failed on {self.word}")
        return analysis


def _pipeline_with(step) -> Pipeline:
    pipeline = Pipeline(get_pipeline().config)
    pipeline.steps = [*pipeline.steps, step]
    return pipeline


def test_an_internal_error_costs_only_its_sentence(tmp_path):
    pipeline = _pipeline_with(_FailOn("Zanzibar"))
    text = "Iran attacked Iraq on Monday. A storm reached Zanzibar. Russia accused Ukraine on Tuesday."
    [result] = list(pipeline.code_articles([Article(id="a1", date=DAY, text=text, origin="one.txt")]))
    assert result.rejected is None
    assert {e.event for e in result.events} == {"ASSAULT", "ACCUSE"}
    [error] = result.errors
    assert error.code == "T901" and "sentence 1 of article a1" in error.reason and "Zanzibar" in error.reason
    with Store(tmp_path / "s.duckdb") as store:
        assert store.write([result]) == (1, 2, 1)
        assert store.query("SELECT code FROM errors") == [("T901",)]


def test_code_text_raises_when_the_whole_article_fails(monkeypatch):
    pipeline = _pipeline_with(_FailOn("Iran"))
    monkeypatch.setattr(tacitus.api, "get_pipeline", lambda **_: pipeline)
    with pytest.raises(CodingError) as info:
        tacitus.code_text("Iran attacked Iraq.", date=DAY)
    assert info.value.rejection.code == "T900"
    assert tacitus.code_text("Nothing happened here.", date=DAY) == []  # no events is not a failure


def test_a_file_name_that_is_not_utf8_is_stored_escaped(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.path.join(os.fsencode(folder), b"x\xffy.txt")
    with open(name, "w", encoding="utf-8") as f:
        f.write("date 2021-07-16 T\nIran attacked Iraq on Monday.\n")
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(folder), "--db", str(db)]) == 0
    with Store(db, read_only=True) as store:
        [(origin,)] = store.query("SELECT origin FROM articles")
    assert origin.endswith("x\\xffy.txt")


def test_names_with_newlines_or_direction_overrides_are_printed_escaped(tmp_path, capsys):
    bad = tmp_path / "a\nb\u202ec.txt"
    bad.write_text("no date here\n", encoding="utf-8")
    assert main(["code", str(bad), "--format", "jsonl"]) == 1
    err = capsys.readouterr().err
    assert "a\\u000ab\\u202ec.txt" in err and "\u202e" not in err and err.count("\n") == 1


def test_odd_directory_entries_are_rejected_by_name(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    _seed_file(folder / "good.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.txt").symlink_to(folder / "nothing")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "dir.txt").mkdir()
    assert main(["ingest", str(folder), "--db", str(tmp_path / "s.duckdb")]) == 1
    err = capsys.readouterr().err
    for name, words in (("pipe.txt", "a FIFO"), ("gone.txt", "to nothing"), ("loop.txt", "loops"), ("dir.txt", "a directory")):
        assert any(name in line and words in line for line in err.splitlines()), name


def test_a_rejection_is_recorded_once_however_many_runs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _seed_file(folder / "good.txt")
    (folder / "bad.txt").write_text("no date\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    for _ in range(3):
        assert main(["ingest", str(folder), "--db", str(db)]) == 1
    with Store(db, read_only=True) as store:
        assert store.counts()["errors"] == 1


def test_another_programs_duckdb_file_is_never_written(tmp_path, capsys):
    path = tmp_path / "theirs.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE accounts (id INTEGER)")
    con.close()
    before = path.read_bytes()
    assert main(["ingest", str(_seed_file(tmp_path / "a.txt")), "--db", str(path)]) == 2
    assert "another program" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_an_sqlite_file_is_refused_without_loading_an_extension(tmp_path):
    path = tmp_path / "data.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StoreError) as info:
        Store(path)
    assert info.value.code == "T404" and "SQLite" in str(info.value)


def test_memory_store_is_refused(tmp_path, capsys):
    assert main(["ingest", str(_seed_file(tmp_path / "a.txt")), "--db", ":memory:"]) == 2
    assert "would store nothing" in capsys.readouterr().err


@pytest.mark.parametrize("setup", ["no_key", "abc"])
def test_a_damaged_meta_table_is_a_clear_store_error(tmp_path, capsys, setup):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    if setup == "no_key":
        con.execute("DROP TABLE meta")
        con.execute("CREATE TABLE meta (value VARCHAR)")
    else:
        con.execute("UPDATE meta SET value = 'abc' WHERE key = 'schema_version'")
    con.close()
    assert main(["summary", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert "T403" in err and "Traceback" not in err


@pytest.mark.parametrize("argv", [
    ["--processes", "0"], ["--batch-size", "0"], ["--batch-size", "-5"], ["--dedup-window", "-5"],
    ["--set", "stages.parse.n_process=abc"], ["--set", "stages.parse.n_process=0"],
])
def test_bad_numbers_are_usage_errors(tmp_path, capsys, argv):
    try:
        status = main(["ingest", str(_seed_file(tmp_path / "a.txt")), "--db", str(tmp_path / "s.duckdb"), *argv])
    except SystemExit as exc:  # argparse's own usage error
        status = exc.code
    assert status == 2
    assert "Traceback" not in capsys.readouterr().err


def test_an_os_error_is_exit_3_in_one_line(tmp_path, capsys, monkeypatch):
    from tacitus import cli

    def full(_args):
        raise OSError(28, "No space left on device", "/dev/full")

    monkeypatch.setitem(cli.COMMANDS, "summary", full)
    assert main(["summary", "--db", str(tmp_path / "x.duckdb")]) == 3
    err = capsys.readouterr().err
    assert "No space left on device" in err and err.count("\n") == 1


def test_a_nul_byte_costs_one_jsonl_line(tmp_path, capsys):
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": f"r{k}", "date": "2021-07-16", "text": f"Iran attacked Iraq {k} times."}) for k in range(5)]
    lines[1] = '{"id": "bad\x00"}'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = tacitus.code_files([path])
    rejected = [r.rejected for r in results if r.rejected is not None]
    assert len(results) == 5 and len(rejected) == 1 and rejected[0].origin.endswith("a.jsonl:2")


@pytest.mark.parametrize(("record", "words"), [
    ({"id": "a", "date": "2021-07-16", "text": ["Iran", "attacked"]}, "'text' must be a string, not an array"),
    ({"id": "a", "date": "2021-07-16", "text": 12}, "'text' must be a string, not a number"),
    ({"id": "a", "date": True, "text": "Iran attacked Iraq."}, "'date' must be a string YYYY-MM-DD, not a boolean"),
])
def test_wrong_json_types_are_named(tmp_path, record, words):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [result] = tacitus.code_files([path])
    assert words in result.rejected.reason


@pytest.mark.parametrize(("header", "words"), [
    ("id,date,text,text", "names text more than once"),
    ("id;date;text", "separated by semicolons"),
    ("id\tdate\ttext", "separated by tabs"),
])
def test_csv_headers_that_would_mislead_are_explained(tmp_path, header, words):
    path = tmp_path / "a.csv"
    path.write_text(header + "\n" + header.replace("text", "x").replace("date", "2021-07-16") + "\n", encoding="utf-8")
    [result] = tacitus.code_files([path])
    assert words in result.rejected.reason


def test_reading_commands_wait_for_an_ingest_to_release_the_store(tmp_path, capsys):
    import subprocess
    import sys

    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(_seed_file(tmp_path / "a.txt")), "--db", str(db)]) == 0
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from tacitus.store import Store; s = Store(sys.argv[1]); print('held', flush=True); "
        "time.sleep(1.5); s.close()"), str(db)], stdout=subprocess.PIPE, text=True)
    with holder:
        assert holder.stdout.readline().strip() == "held"
        assert main(["summary", "--db", str(db)]) == 0  # waited for the writer instead of failing as "usage"
        assert "1 articles" in capsys.readouterr().out
        holder.wait(timeout=30)


def test_the_start_up_cache_is_a_copy_rebuilt_when_damaged(tmp_path, monkeypatch):
    from tacitus import cache

    monkeypatch.setenv("TACITUS_CACHE_DIR", str(tmp_path))
    builds = []

    def build():
        builds.append(1)
        return {"names": ["Iran", "Iraq"]}

    source = tmp_path / "data.tsv"
    source.write_text("Iran\n", encoding="utf-8")
    assert cache.cached("demo", [source], build) == {"names": ["Iran", "Iraq"]}
    assert cache.cached("demo", [source], build) == {"names": ["Iran", "Iraq"]} and len(builds) == 1  # read back
    source.write_text("Iran\nIraq\n", encoding="utf-8")  # the data changed: built again, the stale copy removed
    cache.cached("demo", [source], build)
    assert len(builds) == 2 and len(list(tmp_path.glob("demo-*.pickle"))) == 1
    next(tmp_path.glob("demo-*.pickle")).write_bytes(b"not a pickle")  # damaged: built again, no error
    assert cache.cached("demo", [source], build) == {"names": ["Iran", "Iraq"]} and len(builds) == 3
    monkeypatch.setenv("TACITUS_CACHE_DIR", "off")
    cache.cached("demo", [source], build)
    assert len(builds) == 4


def test_mixed_encodings_keep_both_halves_readable(tmp_path):
    # UTF-8 quotes and dashes next to cp1252 accented letters: neither half may turn into mojibake
    utf8 = "date 2021-07-16 T\nThe minister said \u201cno\u201d \u2014 then Iran attacked Iraq.\n".encode()
    legacy = "Les d\u00e9put\u00e9s fran\u00e7ais ont vot\u00e9 \u00e0 Mars\u00e9ille, pr\u00e8s du si\u00e8ge.\n".encode("cp1252")
    path = tmp_path / "mixed.txt"
    path.write_bytes(utf8 + legacy)
    [result] = tacitus.code_files([path])
    text = result.article.text
    assert "\u201cno\u201d \u2014" in text and "d\u00e9put\u00e9s fran\u00e7ais" in text and "\u00e2\u20ac" not in text
