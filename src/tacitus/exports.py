"""Export a store in the formats other tools read: PLOVER JSONL, ICEWS-style TSV, GDELT 2.0-style, Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from .cameo import cameo_table
from .errors import ConfigError
from .store import RECORD_FROM, RECORD_SELECT, Store, record_of

__all__ = ["EXPORT_FORMATS", "GDELT_COLUMNS", "ICEWS_COLUMNS", "export", "plover_record"]

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
EXPORT_FORMATS = ("plover-jsonl", "icews-tsv", "gdelt-csv", "parquet", "jsonl")
GDELT_INTERNATIONAL = {"UNO": "IGO", "EUR": "IGO"}


def _rows(store: Store, where: str = "", params: list[Any] | None = None) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    sql = f"""
        SELECT {RECORD_SELECT}, a.title, a.url, a.source, a.date::VARCHAR, coalesce(c.n_mentions, 1), coalesce(c.n_articles, 1)
        {RECORD_FROM}
        LEFT JOIN mentions m ON m.event_id = e.id LEFT JOIN clusters c ON c.id = m.cluster_id
        {where} ORDER BY e.date, e.id
    """  # noqa: S608
    cursor = store.con.execute(sql, params or [])
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


def export(db: str | Path, fmt: str, out: TextIO | str | Path) -> int:
    """Write every event of the store in ``fmt`` to ``out`` (a text stream, or a path for parquet); returns the count."""
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"--format {fmt}: use one of {', '.join(EXPORT_FORMATS)}", code="T330")
    with Store.open_when_free(db, read_only=True) as store:
        if fmt == "parquet":
            if not isinstance(out, (str, Path)):
                raise ConfigError("parquet export needs --out FILE", code="T331")
            store.con.execute(f"COPY (SELECT * FROM events ORDER BY date, id) TO '{Path(out)}' (FORMAT parquet)")
            return int(store.con.execute("SELECT count(*) FROM events").fetchone()[0])  # type: ignore[index]
        assert not isinstance(out, (str, Path))
        n = 0
        if fmt in ("plover-jsonl", "jsonl"):
            for record, article in _rows(store):
                item = plover_record(record, article) if fmt == "plover-jsonl" else record
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
                n += 1
            return n
        writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(ICEWS_COLUMNS if fmt == "icews-tsv" else GDELT_COLUMNS)
        for record, article in _rows(store):
            n += 1
            writer.writerow(_icews_row(record, article) if fmt == "icews-tsv" else _gdelt_row(record, article, n))
        return n
