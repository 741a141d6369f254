from __future__ import annotations

import json

from tacitus.cli import main

ARTICLE = "date 2019-03-05 Test\n\nRussian troops attacked the Ukrainian town of Avdiivka on Monday.\n"


def test_code_jsonl_output(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert main(["code", str(f), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and records[0]["event"] == "ASSAULT"
    assert records[0]["actor"][0]["code"] == "RUS" and records[0]["actor"][0]["sector"] == "MIL"
    assert records[0]["date"] == "2019-03-04"


def test_code_table_output(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert main(["code", str(f), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "ASSAULT" in out and "->" in out and "evidence:" in out


def test_rejected_input_gives_exit_1_and_names_the_file(tmp_path, capsys):
    good, bad = tmp_path / "a.txt", tmp_path / "nodate.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad.write_text("No date line here.", encoding="utf-8")
    assert main(["code", str(good), str(bad), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert "nodate.txt" in captured.err and "--date" in captured.err
    assert captured.out.strip()


def test_bad_date_option_is_a_usage_error(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("plain", encoding="utf-8")
    assert main(["code", str(f), "--date", "2021-02-30"]) == 2
    assert "2021-02-30" in capsys.readouterr().err


def test_disable_a_stage(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert main(["code", str(f), "--format", "jsonl", "--disable", "place", "--disable", "time"]) == 0
    record = json.loads(capsys.readouterr().out.splitlines()[0])
    assert record["location"] is None and "time" not in record["coder"] and "place" not in record["coder"]
    assert record["date"] == "2019-03-05"


def test_stages_lists_every_role(capsys):
    assert main(["stages"]) == 0
    out = capsys.readouterr().out
    for name in ("tacitus.read.v1", "tacitus.parse.spacy.v1", "tacitus.actors.v1", "tacitus.events.v1",
                 "tacitus.modality.v1", "tacitus.time.v1", "tacitus.place.v1"):
        assert name in out
    assert "writes:" in out


def test_ingest_is_idempotent_and_summary_reads_it(tmp_path, capsys):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "x1", "date": "2019-03-05", "text": ARTICLE.split("\n\n", 1)[1]}) + "\n", encoding="utf-8")
    db = tmp_path / "t.duckdb"
    assert main(["ingest", str(f), "--db", str(db)]) == 0
    assert main(["ingest", str(f), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "skipped 1 already stored" in out
    assert main(["summary", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "1 articles" in out and "ASSAULT" in out
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM events WHERE article_id = 'x1'").fetchone()[0] >= 1
    con.close()


def test_export_format_choices_and_help_are_the_exporter_registry():
    import argparse

    from tacitus.cli import build_parser
    from tacitus.exports import EXPORTERS

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    option = next(a for a in sub.choices["export"]._actions if "--format" in a.option_strings)
    assert list(option.choices) == list(EXPORTERS) == ["plover-jsonl", "icews-tsv", "gdelt-csv", "parquet", "jsonl"]
    for name, exporter in EXPORTERS.items():
        assert exporter.description and "\n" not in exporter.description
        assert f"{name} ({exporter.description})" in option.help
