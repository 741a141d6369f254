"""Export a store in the formats other tools read: PLOVER JSONL, ICEWS-style TSV, GDELT 2.0-style, Parquet.

Each format is an exporter registered by name with a one-line description (``register_exporter``);
``export`` dispatches through the registry, and the CLI's ``--format`` choices and help are read from it.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from .cameo import cameo_table
from .errors import ConfigError
from .store import RECORD_FROM, RECORD_SELECT, Store, record_of

__all__ = [
    "EXPORTERS", "EXPORT_FORMATS", "GDELT_COLUMNS", "ICEWS_COLUMNS", "Exporter", "export", "formats_help", "plover_record",
    "register_exporter",
]

# ICEWS coded event data: its 20 columns, in order.
ICEWS_COLUMNS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
)
# GDELT 2.0 event table: its 61 columns, in order (tab-separated, as GDELT's own files).
GDELT_COLUMNS = tuple(
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code "
    "Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code "
    "Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat "
    "Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat "
    "Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat "
    "ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL".split()
)
GDELT_INTERNATIONAL = {"UNO": "IGO", "EUR": "IGO"}


# The least confidence of the events an export writes (``export(min_confidence=...)``), read by ``_rows`` and the
# parquet writer; a context variable, so that registered writers keep their (store, out) signature.
_MIN_CONFIDENCE: ContextVar[float] = ContextVar("min_confidence", default=0.0)
CONFIDENT = "coalesce(e.confidence, 1) >= ?"  # events stored without a confidence (stage off) always pass


def _rows(store: Store, where: str = "", params: list[Any] | None = None) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    params = list(params or [])
    if _MIN_CONFIDENCE.get() > 0:
        where = f"{where} AND {CONFIDENT}" if where else f"WHERE {CONFIDENT}"
        params.append(_MIN_CONFIDENCE.get())
    sql = f"""
        SELECT {RECORD_SELECT}, a.title, a.url, a.source, a.date::VARCHAR, coalesce(c.n_mentions, 1), coalesce(c.n_articles, 1)
        {RECORD_FROM}
        LEFT JOIN mentions m ON m.event_id = e.id LEFT JOIN clusters c ON c.id = m.cluster_id
        {where} ORDER BY e.date, e.id
    """  # noqa: S608
    cursor = store.con.execute(sql, params)
    while True:
        chunk = cursor.fetchmany(2048)
        if not chunk:
            return
        for row in chunk:
            title, url, source, art_date, n_mentions, n_articles = row[-6:]
            yield record_of(row[:-6]), {"title": title, "url": url, "source": source, "date": art_date,
                                       "n_mentions": n_mentions, "n_articles": n_articles}


def plover_record(record: dict[str, Any], article: dict[str, Any]) -> dict[str, Any]:
    """A tacitus record in the PLOVER JSON layout (camelCase field names of the PLOVER manual)."""

    def entity(a: dict[str, Any]) -> dict[str, Any]:
        return {"code": a["code"], "sector": a["sector"], "entityText": a["text"], "identifierText": a["name"]}

    loc = record["location"]
    return {
        "id": record["id"],
        "hasEvent": True,
        "date": record["date"],
        "actor": [entity(a) for a in record["actor"]],
        "recipient": [entity(a) for a in record["recipient"]],
        "event": [record["event"]],
        "eventLoc": None if loc is None else {"name": loc["name"], "countryCode": loc["country"], "admin1": loc["admin1"],
                                              "lat": loc["lat"], "lon": loc["lon"]},
        "eventText": [record["event_text"]],
        "quadCode": record["quad_code"],
        "eventScale": record["goldstein"],
        "mode": [record["mode"]] if record["mode"] else [],
        "context": record["context"],
        "text": record["text"],
        "textInfo": {"sequence": record["sentence_index"], "start": record["trigger"]["start"], "end": record["trigger"]["end"]},
        "citeInfo": {"corpus": article.get("source"), "citation": record["article_id"], "url": article.get("url")},
        "coder": "tacitus " + record["coder"].get("tacitus", ""),
        "codedDate": dt.date.today().isoformat(),
        "comment": "; ".join(f for f in ("negated", "hypothetical", "hedged", "historical", "ongoing") if record["modality"][f]) or None,
        "cameo": record["cameo"],
        "modality": record["modality"],
        "claimedBy": record["claimed_by"],
    }


def _names(actors: list[dict[str, Any]], key: str) -> str:
    return "; ".join(str(a[key]) for a in actors if a.get(key))


def _icews_row(record: dict[str, Any], article: dict[str, Any]) -> list[Any]:
    loc = record["location"] or {}
    src, tgt = record["actor"], record["recipient"]
    return [
        record["id"], record["date"], _names(src, "name") or _names(src, "text"), _names(src, "sector"), _names(src, "country"),
        cameo_table()[record["cameo"]].name, record["cameo"], record["goldstein"],
        _names(tgt, "name") or _names(tgt, "text"), _names(tgt, "sector"), _names(tgt, "country"),
        record["article_id"], record["sentence_index"], article.get("source") or "",
        loc.get("name") or "", "", loc.get("admin1") or "", loc.get("country") or "", loc.get("lat") or "", loc.get("lon") or "",
    ]


def _gdelt_actor(actors: list[dict[str, Any]]) -> list[Any]:
    a = next((x for x in actors if x["code"]), actors[0] if actors else None)
    if a is None:
        return [""] * 10
    code = GDELT_INTERNATIONAL.get(a["code"] or "", a["code"] or "")
    return [code + (a["sector"] or "") if code else "", (a["name"] or a["text"]).upper(), a["country"] or "",
            "", "", "", "", a["sector"] or "", "", ""]


def _gdelt_row(record: dict[str, Any], article: dict[str, Any], number: int) -> list[Any]:
    day = dt.date.fromisoformat(record["date"]) if record["date"] else None
    loc = record["location"] or {}
    geo = ["", "", "", "", "", "", "", ""]
    if loc:
        geo = [4 if loc.get("lat") is not None else 1, loc.get("name") or "", loc.get("country") or "", loc.get("admin1") or "",
               "", loc.get("lat") if loc.get("lat") is not None else "", loc.get("lon") if loc.get("lon") is not None else "", ""]
    fraction = f"{day.year + (day.timetuple().tm_yday - 1) / 365.0:.4f}" if day else ""
    cameo = record["cameo"]
    return [
        number, day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "", day.year if day else "", fraction,
        *_gdelt_actor(record["actor"]), *_gdelt_actor(record["recipient"]),
        1 if record["sentence_index"] == 0 else 0, cameo, cameo[:3], cameo[:2], record["quad_code"], record["goldstein"],
        article["n_mentions"], article["n_articles"], article["n_articles"], "",
        *([""] * 8), *([""] * 8), *geo,
        (article.get("date") or "").replace("-", "") + "000000", article.get("url") or "",
    ]


Writer = Callable[[Store, Any], int]


@dataclass(frozen=True)
class Exporter:
    """One export format: its name (``--format``), what it writes in a few words, and the function that writes it.

    ``write(store, out)`` writes every event and returns how many; ``out`` is a text stream, or a path when
    ``to_path`` (a binary format such as Parquet, which needs ``--out``).
    """

    name: str
    description: str
    write: Writer
    to_path: bool = False


EXPORTERS: dict[str, Exporter] = {}


def register_exporter(name: str, description: str, *, to_path: bool = False) -> Callable[[Writer], Writer]:
    """Decorator registering ``write(store, out) -> count`` as the export format ``name``."""

    def wrap(write: Writer) -> Writer:
        if name in EXPORTERS:
            raise ValueError(f"export format {name!r} registered twice")
        EXPORTERS[name] = Exporter(name, description, write, to_path)
        return write

    return wrap


def formats_help() -> str:
    """The registered formats with their descriptions, as the CLI's ``--format`` help says them."""
    return ", ".join(f"{e.name} ({e.description})" for e in EXPORTERS.values())


def _json_lines(out: TextIO, items: Iterable[dict[str, Any]]) -> int:
    n = 0
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        n += 1
    return n


def _table(out: TextIO, columns: tuple[str, ...], rows: Iterable[list[Any]]) -> int:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


@register_exporter("plover-jsonl", "PLOVER JSON fields")
def _plover_jsonl(store: Store, out: TextIO) -> int:
    return _json_lines(out, (plover_record(record, article) for record, article in _rows(store)))


@register_exporter("icews-tsv", "the 20 ICEWS columns")
def _icews_tsv(store: Store, out: TextIO) -> int:
    return _table(out, ICEWS_COLUMNS, (_icews_row(record, article) for record, article in _rows(store)))


@register_exporter("gdelt-csv", "the 61 GDELT 2.0 event columns, tab-separated like GDELT's files")
def _gdelt_csv(store: Store, out: TextIO) -> int:
    return _table(out, GDELT_COLUMNS, (_gdelt_row(record, article, n) for n, (record, article) in enumerate(_rows(store), 1)))


@register_exporter("parquet", "the events table; needs --out", to_path=True)
def _parquet(store: Store, out: Path) -> int:
    least = _MIN_CONFIDENCE.get()
    where = f" WHERE coalesce(confidence, 1) >= {float(least)!r}" if least > 0 else ""
    target = str(Path(out)).replace("'", "''")
    store.con.execute(f"COPY (SELECT * FROM events{where} ORDER BY date, id) TO '{target}' (FORMAT parquet)")
    return int(store.con.execute(f"SELECT count(*) FROM events{where}").fetchone()[0])  # type: ignore[index]  # noqa: S608


@register_exporter("jsonl", "tacitus records")
def _jsonl(store: Store, out: TextIO) -> int:
    return _json_lines(out, (record for record, _article in _rows(store)))


EXPORT_FORMATS = tuple(EXPORTERS)  # the built-in formats, in the order the CLI lists them


def export(db: str | Path, fmt: str, out: TextIO | str | Path, *, min_confidence: float = 0.0) -> int:
    """Write every event of the store in ``fmt`` to ``out`` (a text stream, or a path for parquet); returns the count.
    ``min_confidence`` leaves out events whose calibrated confidence is below it."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise ConfigError(f"--format {fmt}: use one of {', '.join(EXPORTERS)}", code="T330")
    if not 0 <= min_confidence <= 1:
        raise ConfigError(f"--min-confidence {min_confidence}: use a number from 0 to 1", code="T342")
    token = _MIN_CONFIDENCE.set(float(min_confidence))
    try:
        return _write(exporter, db, fmt, out)
    finally:
        _MIN_CONFIDENCE.reset(token)


def _write(exporter: Any, db: str | Path, fmt: str, out: TextIO | str | Path) -> int:
    with Store.open_when_free(db, read_only=True) as store:
        if exporter.to_path:
            if not isinstance(out, (str, Path)):
                raise ConfigError(f"{fmt} export needs --out FILE", code="T331")
            return exporter.write(store, out)
        assert not isinstance(out, (str, Path))
        return exporter.write(store, out)
