"""Bad inputs never stop a batch: each is coded, or rejected naming the file (and line) and why.

The corpus is built by code (``build_corpus``): every case lists what reading it must give. The
same corpus then goes through ``tacitus ingest`` end to end. Property tests (hypothesis) check that
the readers never raise and that date-expression offsets stay inside the text.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.dates import find_date_expressions
from tacitus.errors import InputError
from tacitus.model import Article
from tacitus.readers import SUFFIXES, Rejected, html_article, iter_articles, read_seed_text

BODY = "Russian troops attacked the Ukrainian town of Avdiivka on Monday. Ukraine condemned the attack."
MB = 1024 * 1024
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def seed(date: str, body: str = BODY, title: str = "Title") -> str:
    return f"date {date} {title}\n\n{body}\n"


def jsonl(*records: object) -> bytes:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records).encode("utf-8")


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", seed("2021-07-16"))
    return buffer.getvalue()


HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>World News | Troops attack Avdiivka</title>
<meta property="og:title" content="Troops attack Avdiivka">
<meta property="article:published_time" content="2019-03-05T09:30:00+02:00">
<style>p { color: red } .x:before { content: "<p>not text</p>" }</style>
<script>if (a < b && c > d) { document.write("<p>Iran attacked Iraq.</p>"); }</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li>Sanctions against North Korea</li></ul></nav>
<header><h1>Troops attack Avdiivka</h1></header>
<article>
  <p>Russian troops <b>attacked</b> the Ukrainian town of Avdiivka on Monday.</p>
  <!-- <p>Israel bombed Gaza.</p> -->
  <p>Ukraine condemned the attack &amp; asked for help.</p>
  <aside>Related: China criticised Japan.</aside>
</article>
<footer>&copy; 2019 World News</footer>
<script src="/app.js"></script>
</body></html>
"""


@dataclass(frozen=True)
class Expect:
    """What one article or rejection read from a case must look like."""

    code: str | None  # None: an article that is coded
    says: str = ""  # in the rejection reason, or in the article text
    where: str = ""  # the origin ends with this (":3" for line 3)


OK = Expect(None)


def build_corpus(root: Path) -> dict[str, list[Expect]]:
    """Write the bad-input corpus under ``root``; file name -> what reading it gives, in order."""
    root.mkdir(parents=True, exist_ok=True)
    cases: dict[str, list[Expect]] = {}

    def case(name: str, content: bytes | str, *expect: Expect) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        (root / name).write_bytes(data)
        cases[name] = list(expect)

    soon = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    case("good.txt", seed("2019-03-05"), Expect(None, "Avdiivka"))
    case("empty.txt", b"", Expect("T101", "empty file"))
    case("whitespace.txt", " \n\t\r\n   \n", Expect("T101", "only whitespace"))
    case("header_only.txt", "date 2021-07-16 Title\n\n \n", Expect("T101", "no text"))
    case("image.txt", PNG, Expect("T114", "PNG image"))
    case("archive.csv", zip_bytes(), Expect("T114", "zip archive"))
    case("nul.txt", b"date 2021-07-16 T\n\nabc\x00\x01\x02def", Expect("T114", "NUL byte"))
    case("invalid_utf8.txt", seed("2019-03-05", BODY + " Caf\xe9 Br\xfcssel").encode("utf-8").replace(b"\xc3\xa9", b"\xe9"),
         Expect(None, "Br\xfcssel"))
    case("utf16.txt", codecs.BOM_UTF16_LE + seed("2019-03-05", BODY + " (utf-16)").encode("utf-16-le"), Expect(None, "(utf-16)"))
    case("utf16be.txt", codecs.BOM_UTF16_BE + seed("2019-03-05", BODY + " (utf-16-be)").encode("utf-16-be"),
         Expect(None, "(utf-16-be)"))
    case("utf32.txt", codecs.BOM_UTF32_LE + seed("2019-03-05", BODY + " (utf-32)").encode("utf-32-le"), Expect(None, "(utf-32)"))
    case("utf8_bom.txt", codecs.BOM_UTF8 + seed("2019-03-05", BODY + " (bom)").encode("utf-8"), Expect(None, "(bom)"))
    case("utf16_no_bom.txt", seed("2019-03-05", BODY + " (no bom)").encode("utf-16-le"), Expect(None, "(no bom)"))
    case("bad_utf16.txt", codecs.BOM_UTF16_LE + "date 2019-03-05 T\n\nBody".encode("utf-16-le") + b"\x00\xd8A\x00",
         Expect("T105", "invalid utf-16-le"))
    case("latin1.txt", seed("2019-03-05", "Fran\xe7ois Hollande met officials in M\xfcnchen. " + BODY).encode("latin-1"),
         Expect(None, "Fran\xe7ois"))
    case("cp1252.txt", seed("2019-03-05", "The minister said \u201cno\u201d \u2013 " + BODY).encode("cp1252"),
         Expect(None, "\u201cno\u201d"))
    case("cp1251.txt", seed("2019-03-05", "Президент России Владимир Путин встретился с министром иностранных дел.").encode("cp1251"),
         Expect("T105", "cp1251"))
    case("big.txt", b"", Expect("T106", "max_chars"))  # 50 MB, written below in chunks
    case("long_line.txt", b"", Expect("T116", "max_sentence_chars"))  # a 999,000-character line, below
    case("html_page.html", HTML, Expect(None, "Ukraine condemned the attack & asked for help."))
    case("html_nodate.htm", "<html><body><p>Troops crossed the border.</p></body></html>", Expect("T110", "<time datetime>"))
    case("html_baddate.html", '<html><head><meta property="article:published_time" content="2021-02-30"></head>'
         "<body><p>Text.</p></body></html>", Expect("T111", "article:published_time"))
    case("html_scripts_only.html", "<html><head><script>var x = '<p>no</p>';</script><style>p{}</style></head>"
         "<body><nav>Home</nav></body></html>", Expect("T101", "no paragraph text"))
    case("nodate.txt", "Troops crossed the border on Monday.\n", Expect("T110", "--date"))
    case("baddate.txt", seed("2021-02-30"), Expect("T111", "2021-02-30"))
    case("future.txt", seed(soon), Expect(None, "Avdiivka"))
    case("far_future.txt", seed("2150-01-01"), Expect("T112", "after 2100"))
    case("ancient.txt", seed("1700-05-01"), Expect("T112", "before 1800"))
    case("arabic.txt", seed("2020-01-05", "أدانت وزارة الخارجية المصرية الهجوم على السفارة في بغداد يوم الأحد."),
         Expect(None, "بغداد"))
    case("chinese.txt", seed("2020-01-05", "中国外交部发言人今天表示，中方坚决反对美国对伊朗的制裁。"), Expect(None, "伊朗"))
    case("spanish.txt", seed("2020-01-05", "El presidente de Colombia se reunió con los líderes de las FARC en La Habana el martes."),
         Expect(None, "Colombia"))
    case("records.jsonl", jsonl(
        {"id": "j1", "date": "2019-03-05", "text": BODY, "title": "One", "url": "http://x/1", "source": "wire"},
        "{broken json",
        {"id": "j3", "date": "2019-03-05"},
        {"id": "j4", "text": "No date here."},
        ["not", "an", "object"],
        {"id": "j1", "date": "2019-03-06", "text": "Same id, other text."},
        {"id": ["x"], "date": "2019-03-05", "text": "Odd id."},
        {"id": "j8", "date": "2019-03-05", "text": "Odd url.", "url": {"href": "x"}},
        "[" * 100_000 + "]" * 100_000,
        '{"id": "j10", "date": "2019-03-05", "text": "' + "9" * 5000 + '", "n": ' + "9" * 5000 + "}",
        {"id": "j11", "date": "2019-03-05", "text": "Lone surrogate \ud800 and NUL \u0000 survive. " + BODY},
        "",
        {"id": "j13", "date": "20190305", "text": "Compact ISO date. " + BODY},
        {"id": "j14", "date": "2021-02-30", "text": "Invalid date."},
    ),
        Expect(None, "Avdiivka", ":1"), Expect("T107", "JSON", ":2"), Expect("T103", "text", ":3"),
        Expect("T110", "date", ":4"), Expect("T102", "object", ":5"), Expect("T113", "j1", ":6"),
        Expect("T117", "'id'", ":7"), Expect("T117", "'url'", ":8"), Expect("T107", "JSON", ":9"),
        Expect("T107", "JSON", ":10"), Expect(None, "\ufffd and NUL", ":11"), Expect(None, "Compact", ":13"),
        Expect("T111", "2021-02-30", ":14"),
    )
    case("records.csv", (
        "id,date,text,title\n"
        f'c1,2019-03-05,"{BODY}",One\n'
        'c2,2019-03-05,"An unclosed quote, title\n'
        f'c3,2019-03-05,"{BODY} Three.",Three\n'
        "c4,2019-03-05,Too,many,fields,here\n"
        'c5,2019-03-05,"Quoted" then text,Five\n'
        f'c1,2019-03-06,"{BODY} Dup.",Dup\n'
        f'c7,2019-03-05,"{BODY}\nA second line in the same field.",Seven\n'
        "c8,2019-03-05\n"
        f'c9,,"{BODY} Nine.",Nine\n'
        'c10,2019-03-05,"Unclosed to the end of the file\n'
        f"c11,2019-03-05,{BODY.replace(',', '')} Eleven.,Eleven\n"
    ),
        Expect(None, "Avdiivka", ":2"), Expect("T115", "CSV", ":3"), Expect(None, "Three.", ":4"),
        Expect("T115", "fields", ":5"), Expect("T115", "CSV", ":6"), Expect("T113", "c1", ":7"),
        Expect(None, "second line", ":8"), Expect("T103", "text", ":10"), Expect("T110", "date", ":11"),
        Expect("T115", "CSV", ":12"), Expect(None, "Eleven.", ":13"),
    )
    case("empty.jsonl", b"\n\n", Expect("T101", "no records"))
    case("header_only.csv", "id,date,text\r\n", Expect("T101", "header"))
    case("no_text_column.csv", "id,date,body\n1,2019-03-05,Text\n", Expect("T103", "no 'text' column", ":1"))
    case("latin1.csv", f"id,date,text\nl1,2019-03-05,Fran\xe7ois met {BODY}\n".encode("latin-1"), Expect(None, "Fran\xe7ois", ":2"))
    case("utf16.jsonl", codecs.BOM_UTF16_LE + jsonl({"id": "u1", "date": "2019-03-05", "text": BODY + " wide"}).decode().encode("utf-16-le"),
         Expect(None, "wide", ":1"))

    with (root / "big.txt").open("wb") as big:  # 50 MB in 1 MB writes: never 50 MB in memory
        big.write(b"date 2019-03-05 Big\n\n")
        chunk = (BODY + "\n").encode() * (MB // (len(BODY) + 1))
        while big.tell() < 50 * MB:
            big.write(chunk)
    (root / "long_line.txt").write_text(seed("2019-03-05", "word " * 199_800), encoding="utf-8")
    return cases


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[Expect]]]:
    root = tmp_path_factory.mktemp("bad") / "corpus"
    return root, build_corpus(root)


def _check(items: list[Article | Rejected], expected: list[Expect], name: str) -> None:
    assert len(items) == len(expected), f"{name}: {items}"
    for item, want in zip(items, expected):
        assert item.origin and name in item.origin and item.origin.endswith(want.where or name), item
        if want.code is None:
            assert isinstance(item, Article), f"{name}: expected an article, got {item}"
            assert want.says in item.text
            item.text.encode("utf-8")  # what is stored must encode
        else:
            assert isinstance(item, Rejected), f"{name}: expected a rejection, got {item}"
            assert item.code == want.code and want.says in item.reason, item


def test_every_bad_input_is_coded_or_rejected_with_file_line_and_reason(corpus) -> None:
    root, cases = corpus
    for name, expected in cases.items():
        _check(list(iter_articles([root / name])), expected, name)


def test_fifty_megabytes_are_rejected_by_size_before_reading(corpus, monkeypatch) -> None:
    root, _ = corpus
    big = root / "big.txt"
    assert big.stat().st_size >= 50 * MB

    def no_read(self: Path) -> bytes:
        raise AssertionError("read a file the size check rejects")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    [rejected] = iter_articles([big])
    assert isinstance(rejected, Rejected) and rejected.code == "T106" and "bytes" in rejected.reason


def test_limits_are_settings_and_the_reason_names_them(corpus) -> None:
    root, _ = corpus
    [article] = iter_articles([root / "long_line.txt"], max_sentence_chars=0)  # 0: the guard is off
    assert isinstance(article, Article) and len(article.text) > 990_000
    [rejected] = iter_articles([root / "long_line.txt"])
    assert "line 3" in rejected.reason and "998,999 characters" in rejected.reason
    [rejected] = iter_articles([root / "good.txt"], max_chars=20)
    assert rejected.code == "T106" and "stages.read.max_chars = 20" in rejected.reason
    rejected = next(iter_articles([root / "records.jsonl"], max_chars=10))
    assert rejected.code == "T106" and rejected.origin.endswith(":1")


def test_read_settings_are_registered_validated_and_overridable() -> None:
    from tacitus.config import load_config
    from tacitus.errors import ConfigError
    from tacitus.pipeline import Pipeline
    from tacitus.readers import Reader
    from tacitus.registry import get_stage

    assert get_stage("tacitus.read.v1").defaults == {"max_chars": 1_000_000, "max_sentence_chars": 5_000}
    pipeline = Pipeline(load_config(overrides=["stages.read.max_sentence_chars=0", "stages.read.max_chars=5000"]))
    assert (pipeline.reader.max_chars, pipeline.reader.max_sentence_chars) == (5000, 0)
    for bad in ({"max_chars": 0}, {"max_chars": 2_000_000}, {"max_sentence_chars": -1}, {"max_chars": "many"}):
        with pytest.raises(ConfigError) as info:
            Reader(**bad)
        assert info.value.code == "T340" and next(iter(bad)) in info.value.message


def test_an_over_long_jsonl_line_is_skipped_without_losing_the_next(tmp_path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_bytes(jsonl({"id": "big", "date": "2019-03-05", "text": "x" * 300_000}, {"id": "ok", "date": "2019-03-05", "text": BODY}))
    out = list(iter_articles([f], max_chars=1_000))
    assert isinstance(out[0], Rejected) and out[0].origin.endswith(":1") and "bytes" in out[0].reason
    assert isinstance(out[1], Article) and out[1].id == "ok"


def test_the_same_article_in_two_files_is_read_once(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(seed("2019-03-05"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(seed("2019-03-05", title="Other title"), encoding="utf-8")
    first, second = iter_articles([tmp_path])
    assert isinstance(first, Article) and isinstance(second, Rejected)
    assert second.code == "T113" and "a.txt" in second.reason and second.origin.endswith("b.txt")


def test_binary_files_given_by_name_are_rejected_whatever_their_suffix(tmp_path) -> None:
    (tmp_path / "photo.png").write_bytes(PNG)
    (tmp_path / "book.epub").write_bytes(zip_bytes())
    out = list(iter_articles([tmp_path / "photo.png", tmp_path / "book.epub"]))
    assert [r.code for r in out] == ["T114", "T114"]
    assert "PNG image" in out[0].reason and "zip archive" in out[1].reason


def test_html_title_date_and_paragraphs() -> None:
    article = html_article(HTML, origin="page.html")
    assert article.date == dt.date(2019, 3, 5) and article.title == "Troops attack Avdiivka"
    assert article.text.split("\n\n") == [
        "Russian troops attacked the Ukrainian town of Avdiivka on Monday.",
        "Ukraine condemned the attack & asked for help.",
    ]
    page = '<html><head><title>A | Site</title></head><body><time datetime="2020-02-03">3 Feb</time><p>Body.</p></body></html>'
    article = html_article(page, origin="p.html")
    assert article.date == dt.date(2020, 2, 3) and article.title == "A | Site" and article.text == "3 Feb\n\nBody."
    article = html_article("<p>No date.</p>", origin="p.html", date=dt.date(2001, 1, 1))
    assert article.date == dt.date(2001, 1, 1)


def test_pathological_html_is_parsed_in_linear_time() -> None:
    # html.parser rescans the page for each unterminated construct; these would take minutes unguarded
    for page in ("<a " * 200_000, "<!--" * 200_000, "<![" * 200_000, "<script>" + "x<" * 200_000, "<?" * 200_000):
        try:
            html_article(page, origin="p.html", date=dt.date(2020, 1, 1))
        except InputError as exc:
            assert exc.code == "T101"


@pytest.mark.model
def test_ingest_of_the_whole_bad_corpus_is_partial_and_loses_no_good_article(corpus, tmp_path, capsys) -> None:
    import duckdb

    from tacitus.cli import main

    root, cases = corpus
    db = tmp_path / "bad.duckdb"
    assert main(["ingest", str(root), "--db", str(db)]) == 1
    good = [e for expected in cases.values() for e in expected if e.code is None]
    bad = [e for expected in cases.values() for e in expected if e.code is not None]
    con = duckdb.connect(str(db), read_only=True)
    try:
        errors = con.execute("SELECT origin, code, reason FROM errors").fetchall()
        assert len(errors) == len(bad)
        assert sorted(code for _, code, _ in errors) == sorted(e.code for e in bad)
        assert all(reason and str(root) in origin for origin, _, reason in errors)
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == len(good)
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    finally:
        con.close()
    out = capsys.readouterr().out
    assert f"ingested {len(good)} articles" in out and f"rejected {len(bad)}" in out


# ------------------------------------------------------------------------------------ property tests

PROPERTY = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
MARKUP = st.sampled_from(["<", ">", "</", "<!--", "-->", "<![", "<?", "<p>", "</p>", "<script>", "</script>", "<a href='",
                          '"', "&", "&amp;", "&#x", ";", "date ", "2021-07-16", "\n", " ", "word", ",", ".", "\x00", "\ufeff",
                          "<meta property=\"article:published_time\" content=\"", "<time datetime=\"", "{", "}", "[", "]",
                          '"text": "', '"date": "', '"id": ', "\\u", "\\ud800", "é", "中"])


@PROPERTY
@given(content=st.text(), with_date=st.booleans())
def test_read_seed_text_never_crashes(content: str, with_date: bool) -> None:
    try:
        article = read_seed_text(content, origin="x.txt", date=dt.date(2021, 7, 16) if with_date else None)
    except InputError as exc:
        assert exc.code.startswith("T1") and "x.txt" in exc.message
        return
    assert article.text and article.text == article.text.strip() and article.text in content
    assert 1800 <= article.date.year <= 2100


@PROPERTY
@given(data=st.one_of(st.binary(max_size=2000), st.lists(MARKUP, max_size=60).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from(sorted(SUFFIXES) + [".bin"]))
def test_iter_articles_never_crashes(tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str) -> None:
    path = tmp_path_factory.mktemp("prop") / f"input{suffix}"
    path.write_bytes(data)
    lines = data.count(b"\n") + 1
    for item in iter_articles([path], date=dt.date(2021, 7, 16), max_chars=1_000):
        assert item.origin is not None and item.origin.startswith(str(path))
        line = item.origin[len(str(path)):].lstrip(":")
        assert line == "" or 1 <= int(line) <= lines
        if isinstance(item, Article):
            assert item.text.strip() and len(item.text) <= 1_000
            item.text.encode("utf-8")
            (item.title + item.id + (item.url or "") + (item.source or "")).encode("utf-8")
        else:
            assert item.reason and item.code.startswith("T1")


@PROPERTY
@given(parts=st.lists(MARKUP, max_size=80))
def test_html_reader_never_crashes(parts: list[str]) -> None:
    try:
        article = html_article("".join(parts).replace("\\ud800", ""), origin="p.html", date=dt.date(2021, 7, 16))
    except InputError as exc:
        assert exc.code.startswith("T1")
        return
    assert article.text and "<script>" not in article.text


DATE_WORDS = st.sampled_from(["July", "Jul.", "12", "12th", "2021", "1990s", "mid-", "the", "last", "next", "week", "ago",
                              "two", "days", "since", "from", "to", "1950", "Friday", "century", "twentieth", "spring",
                              "of", "World War II", "yesterday", "-", ",", " ", "  ", "\n", "2021-07-16", "2021-02-30", "$"])


@PROPERTY
@given(text=st.one_of(st.text(), st.lists(DATE_WORDS, max_size=40).map("".join)))
def test_date_expression_offsets_are_inside_the_text(text: str) -> None:
    found = find_date_expressions(text)
    end = 0
    for expr in found:
        assert 0 <= expr.start < expr.end <= len(text)
        assert text[expr.start : expr.end] == expr.text
        assert expr.start >= end  # in text order, never overlapping
        end = expr.end
