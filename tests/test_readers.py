from __future__ import annotations

import datetime as dt
import json

import pytest

from tacitus.errors import ArticleDateError
from tacitus.readers import Rejected, article_id, iter_articles, read_seed_text


def _read(paths, **kw):
    return list(iter_articles([str(p) for p in paths], **kw))


def test_seed_format_gives_date_title_and_body(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(" date 2021-07-16 Leaders meet\n\nThe leaders met in Hanoi.\n", encoding="utf-8")
    [art] = _read([f])
    assert art.date == dt.date(2021, 7, 16)
    assert art.title == "Leaders meet"
    assert art.text == "The leaders met in Hanoi."
    assert art.id == article_id(art.date, art.text)


def test_id_is_stable_and_content_based(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("date 2020-01-02 T\n\nSame body.", encoding="utf-8")
    b.write_text("date 2020-01-02 Other title\n\nSame body.", encoding="utf-8")
    assert _read([a])[0].id == _read([b])[0].id
    b.write_text("date 2020-01-03 T\n\nSame body.", encoding="utf-8")
    assert _read([a])[0].id != _read([b])[0].id


def test_plain_text_needs_a_date(tmp_path):
    f = tmp_path / "plain.txt"
    f.write_text("Troops crossed the border.", encoding="utf-8")
    [rej] = _read([f])
    assert isinstance(rej, Rejected) and "plain.txt" in rej.origin and "--date" in rej.reason
    [art] = _read([f], date=dt.date(2019, 5, 1))
    assert art.date == dt.date(2019, 5, 1) and art.title == ""


def test_plain_text_without_date_raises_from_api():
    with pytest.raises(ArticleDateError) as info:
        read_seed_text("No header here.", origin="x.txt")
    assert "x.txt" in str(info.value) and "T110" in str(info.value)


def test_invalid_date_is_rejected_with_reason(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_text("date 2021-02-30 Title\n\nBody.", encoding="utf-8")
    [rej] = _read([f])
    assert isinstance(rej, Rejected) and "2021-02-30" in rej.reason and rej.code == "T111"


def test_jsonl_keeps_ids_and_rejects_bad_lines(tmp_path):
    f = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"id": "r1", "date": "2022-03-01", "text": "Body one.", "title": "One", "url": "http://x", "source": "wire"}),
        "{not json",
        json.dumps({"id": "r3", "text": "No date."}),
        json.dumps({"date": "2022-03-02", "text": "Body four."}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = _read([f])
    assert [type(x).__name__ for x in out] == ["Article", "Rejected", "Rejected", "Article"]
    assert out[0].id == "r1" and out[0].url == "http://x" and out[0].source == "wire"
    assert out[1].origin.endswith("a.jsonl:2") and "JSON" in out[1].reason
    assert out[2].origin.endswith("a.jsonl:3") and "date" in out[2].reason
    assert out[3].id == article_id(dt.date(2022, 3, 2), "Body four.")


def test_csv_records(tmp_path):
    f = tmp_path / "a.csv"
    f.write_text('id,date,text,title\nc1,2018-04-05,"Body, with comma.",T\nc2,,x,\n', encoding="utf-8")
    out = _read([f])
    assert out[0].id == "c1" and out[0].text == "Body, with comma."
    assert isinstance(out[1], Rejected) and out[1].origin.endswith("a.csv:3")


def test_directories_and_globs(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("date 2001-01-01 A\n\nOne.", encoding="utf-8")
    (tmp_path / "y.txt").write_text("date 2001-01-02 B\n\nTwo.", encoding="utf-8")
    (tmp_path / "ignore.bin").write_bytes(b"\x00\x01")
    assert len(_read([tmp_path])) == 2
    assert [a.title for a in _read([tmp_path / "*.txt"])] == ["B"]
    [rej] = _read([tmp_path / "nothing*.txt"])
    assert isinstance(rej, Rejected) and "matches no file" in rej.reason
    [rej] = _read([tmp_path / "missing.txt"])
    assert "no such file" in rej.reason


def test_latin1_is_decoded_other_legacy_encodings_and_empty_are_rejected(tmp_path):
    # Latin-script legacy text is decoded as cp1252 (docs/robustness.md); other legacy encodings
    # are rejected naming the encoding they look like; nothing raises.
    latin = tmp_path / "latin.txt"
    latin.write_bytes("date 2020-01-01 T\n\ncaf\xe9".encode("latin-1"))
    cyrillic = tmp_path / "cyrillic.txt"
    cyrillic.write_bytes("date 2020-01-01 T\n\nПрезидент России встретился с министром иностранных дел.".encode("cp1251"))
    empty = tmp_path / "empty.txt"
    empty.write_text("date 2020-01-01 T\n\n   \n", encoding="utf-8")
    out = _read([latin, cyrillic, empty])
    assert out[0].text == "caf\xe9"
    assert all(isinstance(x, Rejected) for x in out[1:])
    assert "UTF-8" in out[1].reason and "cp1251" in out[1].reason and out[1].code == "T105"
    assert "no text" in out[2].reason


def test_too_long_article_is_rejected(tmp_path):
    f = tmp_path / "long.txt"
    f.write_text("date 2020-01-01 T\n\n" + "word " * 100, encoding="utf-8")
    [rej] = _read([f], max_chars=50)
    assert isinstance(rej, Rejected) and "max_chars" in rej.reason
