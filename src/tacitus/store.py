"""The DuckDB store: articles, events, their actors, rejected inputs and deduplicated events.

Tables (documented in docs/store.md):

- ``articles``: one row per coded article (its text, date, source);
- ``events``: one row per event as coded from one sentence of one article (the raw
  mentions: every report is kept); its JSONL record is rebuilt by ``record_of`` from the
  columns, ``event_actors`` and ``articles.coder``, so no fact is stored twice;
- ``event_actors``: one row per actor per role (actor, recipient, claimed_by);
- ``errors``: inputs that were rejected, with the reason;
- ``clusters`` and ``mentions``: the same event reported by several articles (same type,
  actors, recipients and modality, dates within a window) as one row with its mention
  count, first and last seen; ``mentions`` maps every event row to its cluster.

Writing is batched, one transaction per batch, so an interrupted ingest loses at most
the batch in flight and a re-run codes exactly what is missing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from .errors import StoreError
from .model import ArticleResult

__all__ = ["Store", "event_rows", "insert_rows", "record_of", "result_rows", "writer_marker", "writer_waiting"]

SCHEMA_VERSION = 4  # 4: events.confidence
TABLES = frozenset({"meta", "articles", "events", "event_actors", "errors", "clusters", "mentions"})
# Rows per row group when writing. DuckDB's default (122,880) suits few large loads; an ingest
# commits many small batches, and each checkpoint rewrites the table's last, partly filled row
# group, so with the default a corpus's events were compressed again and again. With small row
# groups a batch of a few thousand events fills whole groups, which DuckDB writes straight to
# the file at INSERT instead of through the write-ahead log (benchmarks/speed.py's store run, with
# the other changes of that session: 21k -> 36k events/s at ~13k events per transaction). Smaller groups compress worse (2,048 rows: files 60 % larger
# than the default; 4,096: 35 %). Readers see no difference.
ROW_GROUP_SIZE = 4096
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, date DATE NOT NULL, title VARCHAR, url VARCHAR, source VARCHAR,
    origin VARCHAR, text VARCHAR NOT NULL, n_events INTEGER NOT NULL, coded_at TIMESTAMP NOT NULL, coder JSON
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, sentence_index INTEGER, date DATE,
    date_granularity VARCHAR, event VARCHAR, mode VARCHAR, context VARCHAR[], cameo VARCHAR, goldstein DOUBLE,
    quad_code INTEGER, actor_code VARCHAR, actor_sector VARCHAR, actor_country VARCHAR, recipient_code VARCHAR,
    recipient_sector VARCHAR, recipient_country VARCHAR, actor_codes VARCHAR[], recipient_codes VARCHAR[],
    negated BOOLEAN, hypothetical BOOLEAN, hedged BOOLEAN, historical BOOLEAN, ongoing BOOLEAN, inferred VARCHAR[],
    claimed BOOLEAN, claimed_by VARCHAR, location_name VARCHAR, location_country VARCHAR, location_admin1 VARCHAR,
    lat DOUBLE, lon DOUBLE, sentence VARCHAR, event_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    date_text VARCHAR, date_reason VARCHAR, reasons JSON, confidence DOUBLE
);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id VARCHAR NOT NULL, role VARCHAR NOT NULL, position INTEGER NOT NULL, text VARCHAR,
    code VARCHAR, country VARCHAR, sector VARCHAR, name VARCHAR, start_char INTEGER, end_char INTEGER
);
CREATE TABLE IF NOT EXISTS errors (
    origin VARCHAR, code VARCHAR, reason VARCHAR, seen_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS clusters (
    id VARCHAR PRIMARY KEY, event VARCHAR, actor_codes VARCHAR[], recipient_codes VARCHAR[],
    negated BOOLEAN, hypothetical BOOLEAN, first_date DATE, last_date DATE, n_mentions INTEGER,
    n_articles INTEGER, articles VARCHAR[], first_seen TIMESTAMP, last_seen TIMESTAMP,
    goldstein DOUBLE, quad_code INTEGER, representative VARCHAR
);
CREATE TABLE IF NOT EXISTS mentions (
    cluster_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, sentence_index INTEGER
);
"""

EVENT_COLUMNS = (
    "id", "article_id", "sentence_index", "date", "date_granularity", "event", "mode", "context", "cameo", "goldstein",
    "quad_code", "actor_code", "actor_sector", "actor_country", "recipient_code", "recipient_sector", "recipient_country",
    "actor_codes", "recipient_codes", "negated", "hypothetical", "hedged", "historical", "ongoing", "inferred",
    "claimed", "claimed_by", "location_name", "location_country", "location_admin1", "lat", "lon", "sentence",
    "event_text", "trigger_start", "trigger_end", "date_text", "date_reason", "reasons", "confidence",
)
ARTICLE_COLUMNS = ("id", "date", "title", "url", "source", "origin", "text", "n_events", "coded_at", "coder")
ERROR_COLUMNS = ("origin", "code", "reason", "seen_at")
ENTITY_FIELDS = ("text", "code", "country", "sector", "name", "start", "end")


# Rows travel to DuckDB in a compact wire form and DuckDB takes them apart on insert. Handing
# DuckDB a Python object costs about the same whatever its length, so the 24 text and list
# columns of an event go as one string (fields joined by FIELD_SEP, a missing value written as
# NULL_MARK, list items joined by LIST_SEPARATOR), and the event's actors as a second string
# (one actor's fields joined by FIELD_SEP, actors joined by ACTOR_SEP) from which DuckDB makes the
# ``event_actors`` rows. Numbers and flags go as they are. Against one Python value per column,
# and a separate frame of actor rows, this made inserts about 15 % faster (docs/store.md).
# The separators are ASCII control characters that text does not contain; a value that does
# contain one is written with it replaced by a space, so it can never shift a field.
FIELD_SEP, ACTOR_SEP, NULL_MARK, LIST_SEPARATOR = "\x1e", "\x1c", "\x1d", "\x1f"
LIST_COLUMNS = ("context", "actor_codes", "recipient_codes", "inferred")
WIRE_NUMBERS = ("sentence_index", "goldstein", "quad_code", "negated", "hypothetical", "hedged", "historical", "ongoing",
                "claimed", "lat", "lon", "trigger_start", "trigger_end", "confidence")
WIRE_TEXT = tuple(c for c in EVENT_COLUMNS if c not in WIRE_NUMBERS and c not in ("id", "article_id"))
WIRE_COLUMNS = ("id", "article_id", *WIRE_NUMBERS, "text_fields", "actors")
_SEPARATORS_OUT = str.maketrans({FIELD_SEP: " ", ACTOR_SEP: " "})


def _joined(values: list[str]) -> str:
    return LIST_SEPARATOR.join(values)


def _wire(values: list[Any]) -> str:
    """``values`` (strings or None) as one FIELD_SEP-joined string."""
    joined = FIELD_SEP.join(NULL_MARK if v is None else v for v in values)
    if joined.count(FIELD_SEP) != len(values) - 1 or ACTOR_SEP in joined:
        joined = FIELD_SEP.join(NULL_MARK if v is None else v.translate(_SEPARATORS_OUT) for v in values)
    return joined


def _wire_actor(role: str, position: int, entity: dict[str, Any]) -> str:
    return _wire([role, str(position), entity["text"], entity["code"], entity["country"], entity["sector"], entity["name"],
                  str(entity["start"]), str(entity["end"])])


def _derived_reasons(event: str | None, cameo: str | None, date_reason: str | None, reasons: dict[str, Any]) -> dict[str, Any]:
    """Reasons that most events state in words other fields already hold (the date rule is also
    ``date_reason``; Goldstein and quad class follow from the codes; the mode and the CAMEO code usually
    come from the trigger that set the type). Stored as null and rebuilt by ``record_of``: a quarter
    of the events table's bytes."""
    from .cameo import cameo_table

    code = cameo_table().get(cameo or "")
    return {"date": date_reason, "goldstein": f"Goldstein score of CAMEO {cameo}", "quad_code": f"quad class of {event}",
            "mode": reasons.get("event"), "cameo": f"{cameo} {code.name} from {reasons.get('event')}" if code else None}


def _packed_reasons(record: dict[str, Any]) -> dict[str, Any]:
    reasons = record["reasons"]
    derived = _derived_reasons(record["event"], record["cameo"], record["date_reason"], reasons)
    return {k: None if k in derived and isinstance(v, str) and v == derived[k] else v for k, v in reasons.items()}


def _unpacked_reasons(event: str | None, cameo: str | None, date_reason: str | None, stored: str | None) -> dict[str, Any]:
    reasons = json.loads(stored) if stored else {}
    derived = _derived_reasons(event, cameo, date_reason, reasons)
    return {k: derived[k] if v is None and k in derived else v for k, v in reasons.items()}


def _first(actors: list[dict[str, Any]], key: str, having: str = "code") -> Any:
    """``key`` of the first actor that has a ``having`` (the first coded actor by default)."""
    return next((a[key] for a in actors if a.get(having)), None)


def event_rows(record: dict[str, Any]) -> tuple[Any, ...]:
    """The wire row (``WIRE_COLUMNS``) of one JSONL record: its ``events`` row and its
    ``event_actors`` rows, which ``insert_rows`` takes apart.

    Nothing is stored twice: the sentence lives in ``events.sentence``, the actors in
    ``event_actors`` and the coder (the same for every event of an article) in
    ``articles.coder``; ``record_of`` puts the record back together.
    """
    mod = record["modality"]
    loc = record["location"] or {}
    actor, recipient, claimed_by, trigger = record["actor"], record["recipient"], record["claimed_by"], record["trigger"]
    text = _wire([  # in WIRE_TEXT order
        record["date"], record["date_granularity"], record["event"], record["mode"], _joined(record["context"]),
        record["cameo"], _first(actor, "code"), _first(actor, "sector"), _first(actor, "country", "country"),
        _first(recipient, "code"), _first(recipient, "sector"), _first(recipient, "country", "country"),
        _joined(sorted({a["code"] for a in actor if a["code"]})), _joined(sorted({a["code"] for a in recipient if a["code"]})),
        _joined(mod["inferred"]), (claimed_by or {}).get("code"), loc.get("name"), loc.get("country"), loc.get("admin1"),
        record["text"], record["event_text"], record["date_text"], record["date_reason"],
        json.dumps(_packed_reasons(record), ensure_ascii=False),
    ])
    actors = [_wire_actor(role, position, a) for role in ("actor", "recipient") for position, a in enumerate(record[role])]
    if claimed_by:
        actors.append(_wire_actor("claimed_by", 0, claimed_by))
    return (
        record["id"], record["article_id"], record["sentence_index"], record["goldstein"], record["quad_code"],
        mod["negated"], mod["hypothetical"], mod["hedged"], mod["historical"], mod["ongoing"], claimed_by is not None,
        loc.get("lat"), loc.get("lon"), trigger["start"], trigger["end"], record.get("confidence"), text, ACTOR_SEP.join(actors),
    )


class Rows(NamedTuple):
    """Rows for each table, ready to insert."""

    articles: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]  # wire rows (``event_rows``), actors included
    errors: list[tuple[Any, ...]]


def result_rows(results: Iterable[ArticleResult], now: dt.datetime) -> Rows:
    """The table rows of coded articles and rejected inputs."""
    rows = Rows([], [], [])
    for result in results:
        if result.rejected is not None:
            rows.errors.append((result.rejected.origin, result.rejected.code, result.rejected.reason, now))
            continue
        a = result.article
        if a is None:
            continue
        rows.errors.extend((r.origin, r.code, r.reason, now) for r in result.errors)  # sentences lost to an internal error
        coder = result.events[0].coder if result.events else {}
        rows.articles.append((a.id, a.date, a.title, a.url, a.source, a.origin, a.text, len(result.events), now,
                              json.dumps(coder, ensure_ascii=False)))
        rows.events.extend(event_rows(e.to_dict()) for e in result.events)
    return rows


def _wire_select() -> tuple[str, str]:
    """The two SELECTs that take a frame of wire rows apart: ``events`` rows and ``event_actors`` rows."""
    def text(column: str) -> str:
        k = WIRE_TEXT.index(column) + 1
        if column in LIST_COLUMNS:
            return f"CASE WHEN f[{k}] = '' THEN []::VARCHAR[] ELSE string_split(f[{k}], chr({ord(LIST_SEPARATOR)})) END"
        return f"nullif(f[{k}], chr({ord(NULL_MARK)}))"

    events = ", ".join(text(c) if c in WIRE_TEXT else c for c in EVENT_COLUMNS)
    null = f"chr({ord(NULL_MARK)})"
    actors = (f"id, a[1], a[2]::INTEGER, nullif(a[3], {null}), nullif(a[4], {null}), nullif(a[5], {null}), "
              f"nullif(a[6], {null}), nullif(a[7], {null}), a[8]::INTEGER, a[9]::INTEGER")
    return (f"SELECT {events} FROM (SELECT *, string_split(text_fields, chr({ord(FIELD_SEP)})) AS f FROM _batch)",
            f"SELECT {actors} FROM (SELECT id, string_split(unnest(string_split(actors, chr({ord(ACTOR_SEP)}))), "
            f"chr({ord(FIELD_SEP)})) AS a FROM _batch WHERE actors <> '')")


_EVENTS_SELECT, _ACTORS_SELECT = _wire_select()


def _insert(con: Any, rows: list[tuple[Any, ...]], columns: tuple[str, ...], *statements: str) -> None:
    import pandas as pd

    con.register("_batch", pd.DataFrame.from_records(rows, columns=list(columns)))
    try:
        for statement in statements:
            con.execute(statement)
    finally:
        con.unregister("_batch")


def insert_rows(con: Any, rows: Rows) -> None:
    """Insert prepared rows into the store's tables on ``con`` (no transaction handling here).

    The article rows go in last: their presence marks an article as fully stored.
    """
    if rows.events:
        _insert(con, rows.events, WIRE_COLUMNS, f"INSERT INTO events {_EVENTS_SELECT}",
                f"INSERT INTO event_actors {_ACTORS_SELECT}")
    if rows.articles:
        _insert(con, rows.articles, ARTICLE_COLUMNS, "INSERT INTO articles SELECT * FROM _batch")
    if rows.errors:
        # a rejection is recorded once per input, however many runs see it (re-runs, resumed or concurrent ingests)
        _insert(con, rows.errors, ERROR_COLUMNS,
                "INSERT INTO errors SELECT origin, code, reason, min(seen_at) FROM _batch b WHERE NOT EXISTS ("
                "SELECT 1 FROM errors e WHERE e.origin IS NOT DISTINCT FROM b.origin AND e.code IS NOT DISTINCT FROM b.code "
                "AND e.reason IS NOT DISTINCT FROM b.reason) GROUP BY origin, code, reason")


# The columns record_of needs, for ``FROM events e JOIN articles a ... LEFT JOIN (RECORD_ACTORS) x ON x.event_id = e.id``.
RECORD_SELECT = (
    "e.id, e.article_id, e.sentence_index, e.sentence, e.event, e.mode, e.context, e.cameo, e.goldstein, e.quad_code, "
    "x.entities, e.event_text, e.trigger_start, e.trigger_end, e.date::VARCHAR, e.date_granularity, e.date_text, "
    "e.date_reason, e.negated, e.hypothetical, e.hedged, e.historical, e.ongoing, e.inferred, e.location_name, "
    "e.location_country, e.location_admin1, e.lat, e.lon, a.coder, e.reasons, e.confidence"
)
RECORD_ACTORS = (
    "SELECT event_id, list([role, position::VARCHAR, text, code, country, sector, name, start_char::VARCHAR, "
    "end_char::VARCHAR]) AS entities FROM event_actors GROUP BY event_id"
)
RECORD_FROM = f"FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN ({RECORD_ACTORS}) x ON x.event_id = e.id"


DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB database file


def _short(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "...")


def _short_error(exc: Exception) -> str:
    """DuckDB's message, first line only (the rest repeats paths and internals)."""
    return str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__


def _check_store_file(path: str) -> None:
    """Refuse, without opening it, a file that is not a DuckDB database (SQLite, text, a directory ...)."""
    p = Path(path)
    if not p.is_file():
        raise StoreError(f"{path} is not a regular file; give a DuckDB file path with --db", code="T404")
    try:
        with p.open("rb") as f:
            head = f.read(16)
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}", code="T401") from None
    if head and head[8:12] != DUCKDB_MAGIC:
        kind = "an SQLite database" if head.startswith(b"SQLite format 3") else "not a DuckDB database"
        raise StoreError(f"{path} is {kind}; tacitus stores events only in its own DuckDB files: give a new file with --db",
                         code="T404")


WRITER_MARKER_SECONDS = 5.0  # a marker older than this is left over from a writer that was killed


def writer_marker(path: str | Path) -> Path:
    """The file a writer waiting for the store's lock keeps fresh (``Store.open_when_free``)."""
    return Path(f"{path}.writer-waiting")


def writer_waiting(path: str | Path) -> bool:
    """Whether a writer is waiting for the store at ``path`` now (its marker is fresh)."""
    import time

    try:
        return time.time() - writer_marker(path).stat().st_mtime < WRITER_MARKER_SECONDS
    except OSError:
        return False


def _touch(marker: Path) -> None:
    try:
        marker.touch()
    except OSError:  # a read-only directory: the writer still waits, only without telling
        pass


def _entity(values: list[Any]) -> dict[str, Any]:
    entity = dict(zip(ENTITY_FIELDS, values, strict=True))
    for key in ("start", "end"):
        entity[key] = int(entity[key]) if entity[key] is not None else None
    return entity


def record_of(row: tuple[Any, ...]) -> dict[str, Any]:
    """The JSONL record (docs/record.md) of one row selected with ``RECORD_SELECT``."""
    (id_, article_id, sentence_index, text, event, mode, context, cameo, goldstein, quad_code, entities, event_text,
     trigger_start, trigger_end, date, granularity, date_text, date_reason, negated, hypothetical, hedged, historical,
     ongoing, inferred, loc_name, loc_country, loc_admin1, lat, lon, coder, reasons, confidence) = row
    roles: dict[str, list[tuple[int, dict[str, Any]]]] = {"actor": [], "recipient": [], "claimed_by": []}
    for role, position, *values in entities or []:
        roles[role].append((int(position), _entity(values)))
    for found in roles.values():
        found.sort(key=lambda item: item[0])
    location = None
    if loc_name is not None:
        location = {"name": loc_name, "country": loc_country, "admin1": loc_admin1, "lat": lat, "lon": lon}
    return {
        "id": id_, "article_id": article_id, "sentence_index": sentence_index, "text": text, "event": event, "mode": mode,
        "context": list(context or []), "cameo": cameo, "goldstein": goldstein, "quad_code": quad_code,
        "actor": [a for _, a in roles["actor"]], "recipient": [a for _, a in roles["recipient"]],
        "event_text": event_text, "trigger": {"start": trigger_start, "end": trigger_end},
        "date": date, "date_granularity": granularity, "date_text": date_text, "date_reason": date_reason,
        "modality": {"negated": negated, "hypothetical": hypothetical, "hedged": hedged, "historical": historical,
                     "ongoing": ongoing, "inferred": list(inferred or [])},
        "claimed_by": roles["claimed_by"][0][1] if roles["claimed_by"] else None,
        "location": location, "coder": json.loads(coder) if coder else {},
        "reasons": _unpacked_reasons(event, cameo, date_reason, reasons),
        "confidence": confidence,
    }


class Store:
    """A DuckDB file holding coded articles and events."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        import duckdb

        self.path = str(path)
        if self.path == ":memory:" or not self.path.strip():
            raise StoreError(f"--db {self.path!r} would store nothing; give a file path, e.g. --db tacitus.duckdb", code="T405")
        exists = Path(self.path).exists()
        if read_only and not exists:
            raise StoreError(f"no store at {self.path}; create one with `tacitus ingest PATH --db {self.path}`", code="T402")
        if exists:
            _check_store_file(self.path)
        try:
            # No extension is ever installed or loaded: a file that is not DuckDB's must not make DuckDB
            # fetch a scanner for it from the internet.
            self.con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {_short_error(exc)}", code="T401") from None
        try:
            self._attach(read_only=read_only, exists=exists)
        except StoreError:
            self.con.close()
            raise
        except duckdb.Error as exc:
            self.con.close()
            raise StoreError(f"cannot open store {self.path}: {_short_error(exc)}", code="T401") from None

    def _attach(self, *, read_only: bool, exists: bool) -> None:
        """Attach the file; an existing one is looked at read-only first and must be a tacitus store of this
        schema (or an empty DuckDB file): tacitus never writes a table into another program's database."""
        quoted = self.path.replace("'", "''")
        tables: set[str] = set()
        if exists:
            self.con.execute(f"ATTACH '{quoted}' AS store (READ_ONLY)")
            tables = {r[0] for r in self.con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'store'").fetchall()}
            if tables:
                self._check_version(tables)
            if read_only:
                self.con.execute("USE store")
                return
            self.con.execute("DETACH store")
        # attached rather than opened, so that writers can set the row-group size (see ROW_GROUP_SIZE)
        self.con.execute(f"ATTACH '{quoted}' AS store (ROW_GROUP_SIZE {ROW_GROUP_SIZE})")
        self.con.execute("USE store")
        if not TABLES <= tables:  # (the DDL costs a tenth of a small batch's write)
            self.con.execute(SCHEMA)
            if not tables:
                self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    def _check_version(self, tables: set[str]) -> None:
        import duckdb

        if not tables & TABLES:
            raise StoreError(f"{self.path} is a DuckDB database of another program (tables: "
                             f"{', '.join(sorted(tables)[:5])}); tacitus leaves it alone: give a new file with --db", code="T404")
        try:
            row = self.con.execute("SELECT value FROM store.meta WHERE key = 'schema_version'").fetchone()
        except duckdb.Error:
            row = None
        version = row[0] if row else "unknown"
        if str(version) != str(SCHEMA_VERSION):
            raise StoreError(
                f"{self.path} was written by another version of tacitus (store schema {_short(str(version))}, "
                f"this version reads {SCHEMA_VERSION}); ingest the corpus again into a new file",
                code="T403",
            )

    @classmethod
    def open_when_free(cls, path: str | Path, *, read_only: bool = False, wait_seconds: float = 60.0) -> Store:
        """Open the store, waiting while another process (``serve``, another ingest) holds DuckDB's file lock.

        A writer that has to wait says so in a marker file beside the store (``writer_marker``), touched
        while it waits and removed once it has the store: ``tacitus serve`` lets go of its shared read-only
        connection while the marker is fresh, so an ingest gets in between two requests.
        """
        import time

        deadline = time.monotonic() + wait_seconds
        delay = 0.05
        marker = None if read_only else writer_marker(path)
        try:
            while True:
                try:
                    return cls(path, read_only=read_only)
                except StoreError as exc:
                    if "lock" not in str(exc).lower():
                        raise
                    if time.monotonic() > deadline:
                        raise StoreError(f"{path} is being written by another process (an ingest) and stayed locked for "
                                         f"{wait_seconds:.0f} s; run this again when it has finished", code="T406") from None
                    if marker is not None:
                        _touch(marker)
                    time.sleep(delay)
                    delay = min(delay * 2, 0.25 if marker is not None else 1.0)
        finally:
            if marker is not None:
                marker.unlink(missing_ok=True)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored."""
        ids = list(ids)
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def write(self, results: Iterable[ArticleResult]) -> tuple[int, int, int]:
        """Write a batch in one transaction; returns (articles, events, rejected) written."""
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        return self.write_rows(*result_rows(results, now))  # write_rows skips articles already stored

    def write_rows(self, articles: list[tuple[Any, ...]], events: list[tuple[Any, ...]],
                   errors: list[tuple[Any, ...]]) -> tuple[int, int, int]:
        """Insert prepared rows (``result_rows``) in one transaction (used by ``write`` and by bulk loaders)."""
        con = self.con
        # ids are content hashes: keep the first of any repeat in the batch, and skip stored articles,
        # so that plain (fast) INSERTs never conflict. Event ids hash their article's id, and an
        # article's events are written with it or not at all, so event ids are unique without the
        # cost of an index (which halved the insert rate)
        stored = self.known_ids(r[0] for r in articles)
        first = list({r[0]: r for r in reversed(articles) if r[0] not in stored}.values())[::-1]
        keep = {r[0] for r in first}
        if len(first) != len(articles) or not all(r[1] in keep for r in events):
            events = list({r[0]: r for r in reversed(events) if r[1] in keep}.values())[::-1]
        con.execute("BEGIN TRANSACTION")
        try:
            insert_rows(con, Rows(first, events, errors))
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return len(first), len(events), len(errors)

    def deduplicate(self, *, window_days: int = 1) -> int:
        """Rebuild ``clusters`` and ``mentions`` from ``events``; returns the number of clusters.

        Events with the same type, actor codes, recipient codes, negation and hypothetical flags
        whose dates lie within ``window_days`` of the previous one form one cluster. Raw events
        are untouched, so this is reversible and idempotent.
        """
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM mentions")
            con.execute("DELETE FROM clusters")
            con.execute(
                """
                CREATE OR REPLACE TEMP TABLE _keyed AS
                WITH k AS (
                    SELECT e.id, e.article_id, e.sentence_index, e.date, e.event, e.actor_codes, e.recipient_codes,
                           e.negated, e.hypothetical, e.goldstein, e.quad_code, a.coded_at,
                           concat_ws('|', e.event, array_to_string(e.actor_codes, ','), array_to_string(e.recipient_codes, ','),
                                     e.negated::VARCHAR, e.hypothetical::VARCHAR) AS key
                    FROM events e JOIN articles a ON a.id = e.article_id
                ), g AS (
                    SELECT *, CASE WHEN lag(date) OVER w IS NULL OR date - lag(date) OVER w > ? THEN 1 ELSE 0 END AS new_group
                    FROM k WINDOW w AS (PARTITION BY key ORDER BY date, id)
                )
                SELECT *, md5(key || ':' || sum(new_group) OVER (PARTITION BY key ORDER BY date, id
                                                                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)::VARCHAR) AS cluster_id
                FROM g
                """,
                [window_days],
            )
            con.execute("INSERT INTO mentions SELECT cluster_id, id, article_id, sentence_index FROM _keyed")
            con.execute(
                """
                INSERT INTO clusters
                SELECT cluster_id, any_value(event), any_value(actor_codes), any_value(recipient_codes),
                       any_value(negated), any_value(hypothetical), min(date), max(date), count(*),
                       count(DISTINCT article_id), list(DISTINCT article_id ORDER BY article_id), min(coded_at), max(coded_at),
                       avg(goldstein), any_value(quad_code), min(id)
                FROM _keyed GROUP BY cluster_id
                """
            )
            con.execute("DROP TABLE _keyed")
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return int(con.execute("SELECT count(*) FROM clusters").fetchone()[0])  # type: ignore[index]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "events", "errors", "clusters")
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}  # type: ignore[index]  # noqa: S608

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, params or []).fetchall()

    def records(self) -> Iterator[dict[str, Any]]:
        cursor = self.con.execute(f"SELECT {RECORD_SELECT} {RECORD_FROM} ORDER BY e.date, e.id")  # noqa: S608
        while chunk := cursor.fetchmany(2048):
            yield from (record_of(row) for row in chunk)
