"""The JSON API's routes (``/api/...``): each reads the store through the shared ``StoreReader``.

Every list, timeline and network also answers as a CSV or Parquet file (``format=csv|parquet``) holding
exactly the rows it shows, named after the view and its filters. A query runs in a worker thread; when
the client goes away before it is done, the query is interrupted.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi import Path as PathParam
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..dates import MAX_YEAR, MIN_YEAR
from ..errors import TacitusError
from . import queries, timelines
from .downloads import MAX_DOWNLOAD_ROWS, table_file
from .models import (
    ActorDetail,
    ActorList,
    CodeRequest,
    CodeResult,
    Dyad,
    DyadList,
    ErrorBody,
    EventDetail,
    EventPage,
    Meta,
    Network,
)
from .pool import StoreReader

__all__ = ["MAX_TEXT_CHARS", "Coder", "actor_routes", "coding_route", "event_routes"]

MAX_TEXT_CHARS = 100_000

Coder = Callable[[str, dt.date], list[Any]]
"""Codes one article's text; the events' offsets index into ``text.strip()`` (as ``tacitus.code_text`` does)."""

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "not found"},
    422: {"model": ErrorBody, "description": "a parameter is out of range or malformed, or the query took too long"},
    503: {"model": ErrorBody, "description": "the store is being updated (an ingest is writing it); retry after Retry-After seconds"},
}
FILE_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERRORS, 200: {"content": {"text/csv": {}, "application/vnd.apache.parquet": {}},
                    "description": "JSON, or with format=csv|parquet the same rows as a file"},
}

DateParam = Annotated[dt.date | None, Query(description="first event date, YYYY-MM-DD")]
EndParam = Annotated[dt.date | None, Query(description="last event date, YYYY-MM-DD")]
CodeParam = Annotated[str, Query(min_length=1, max_length=16, description="an actor code, e.g. USA")]
Interval = Literal["week", "month"]
Format = Annotated[Literal["json", "csv", "parquet"], Query(description="json, or a csv or parquet file of the same rows")]


def scope(
    count: Annotated[Literal["events", "reports"], Query(
        description="events: deduplicated (the same event reported by several articles counts once); reports: every report")] = "events",
    start: DateParam = None,
    end: EndParam = None,
    min_confidence: Annotated[float, Query(ge=0, le=1, description="only events at least this sure, 0 to 1 (unscored events pass)")] = 0.0,
) -> queries.Scope:
    """The parameters every view takes: what it counts, the date range, the least confidence."""
    if start is not None and end is not None and start > end:
        raise HTTPException(422, f"start ({start}) is after end ({end})")
    return queries.Scope(count=count, start=start, end=end, min_confidence=min_confidence)


ScopeParam = Annotated[queries.Scope, Depends(scope)]


async def run(request: Request, reader: StoreReader, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn(connection, *args, **kwargs)`` in a worker thread (``StoreReader.run``: an answer is kept while the
    store stays open); interrupted if the client goes away first."""
    cursors: list[Any] = []
    task = asyncio.ensure_future(run_in_threadpool(reader.run, fn, *args, on_cursor=cursors.append, **kwargs))
    while not task.done():
        await asyncio.wait({task}, timeout=0.2)
        if not task.done() and await request.is_disconnected():
            for con in cursors:
                try:
                    con.interrupt()
                except Exception:  # noqa: BLE001 - the query ended meanwhile; nothing to stop
                    pass
    return task.result()


def _file(request: Request, view: str, fmt: str, rows: list[dict[str, Any]], columns: tuple[str, ...] | list[str]) -> Response:
    skip = {"format", "page"}
    filters = [(k, v) for k, v in request.query_params.multi_items() if k not in skip and v]
    return table_file(view, filters, fmt, rows, list(columns))


def event_routes(app: FastAPI, reader: StoreReader, allow_coding: bool) -> None:
    """``/api/meta``, ``/api/events`` and ``/api/events/{event_id}``."""

    @app.get("/api/meta", response_model=Meta, tags=["store"], responses=ERRORS)
    async def meta(request: Request) -> dict[str, Any]:
        """Counts (articles, deduplicated events, reports), the date range and the values each filter can take."""
        info = await run(request, reader, queries.store_meta)
        return {**info, "version": __version__, "allow_coding": allow_coding, "max_page_size": queries.MAX_PAGE_SIZE,
                "max_text_chars": MAX_TEXT_CHARS, "min_year": MIN_YEAR, "max_year": MAX_YEAR}

    @app.get("/api/events", response_model=EventPage, tags=["events"], responses=FILE_RESPONSES)
    async def events(
        request: Request,
        where: ScopeParam,
        actor: Annotated[str | None, Query(max_length=16, description="actor code as source or target (see role)")] = None,
        role: Annotated[Literal["any", "source", "target"], Query(description="which side `actor` is on")] = "any",
        partner: Annotated[str | None, Query(max_length=16, description="with `actor`: only events between the two")] = None,
        country: Annotated[str | None, Query(max_length=16, description="country where the event happened")] = None,
        event: Annotated[list[Annotated[str, Query(max_length=16)]] | None, Query(
            description="PLOVER event type, e.g. ASSAULT; repeat for any of several")] = None,
        quad: Annotated[int | None, Query(ge=1, le=4, description="quad class 1-4")] = None,
        mode: Annotated[str | None, Query(max_length=64, description="PLOVER mode")] = None,
        modality: Annotated[list[Literal[tuple(queries.MODALITIES)]] | None, Query(  # type: ignore[valid-type]
            description="asserted (not negated, hypothetical or hedged), negated, hypothetical, hedged, historical, "
            "ongoing, claimed; repeat for any of several")] = None,
        article: Annotated[str | None, Query(max_length=128, description="only this article's events")] = None,
        sort: Annotated[Literal[tuple(queries.SORT_COLUMNS)], Query(description="sort key")] = "date",  # type: ignore[valid-type]
        order: Literal["asc", "desc"] = "desc",
        page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
        page_size: Annotated[int, Query(ge=1, le=queries.MAX_PAGE_SIZE, description="at most 500")] = 50,
        format: Format = "json",  # noqa: A002 - the API's name for it
    ) -> Any:
        """Events (or reports) matching the filters, one page at a time; as a file, every page."""
        if partner and not actor:
            raise HTTPException(422, "partner needs actor: the events between actor and partner")
        flt = queries.EventFilter(scope=where, actor=actor or None, role=role, partner=partner or None, country=country or None,
                                  event=tuple(dict.fromkeys(e for e in event or () if e)), quad=quad, mode=mode,
                                  modality=tuple(dict.fromkeys(modality or ())), article=article or None)
        if format != "json":
            total, rows = await run(request, reader, _all_events, flt, sort=sort, order=order)
            if total > MAX_DOWNLOAD_ROWS:
                raise HTTPException(422, f"{total:,} rows; a download holds at most {MAX_DOWNLOAD_ROWS:,}: narrow the filters")
            return _file(request, f"{where.count}", format, rows, queries.LIST_FIELDS)
        total, items = await run(request, reader, queries.list_events, flt, sort=sort, order=order, page=page, page_size=page_size)
        return {"count": where.count, "total": total, "page": page, "page_size": page_size,
                "pages": max(1, -(-total // page_size)), "sort": sort, "order": order, "items": items}

    @app.get("/api/events/{event_id}", response_model=EventDetail, tags=["events"], responses=ERRORS)
    async def event_detail(request: Request, event_id: Annotated[str, PathParam(max_length=128)]) -> dict[str, Any]:
        """One event: its record, its article's text, and the other articles that reported it."""
        found = await run(request, reader, queries.get_event, event_id)
        if found is None:
            raise HTTPException(404, "no event with this id")
        return found  # type: ignore[no-any-return]


def _all_events(con: Any, flt: queries.EventFilter, *, sort: str, order: str) -> tuple[int, list[dict[str, Any]]]:
    total, _ = queries.list_events(con, flt, page_size=1)
    if total > MAX_DOWNLOAD_ROWS:
        return total, []
    return total, queries.event_rows(con, flt, sort=sort, order=order, limit=MAX_DOWNLOAD_ROWS)


def actor_routes(app: FastAPI, reader: StoreReader) -> None:
    """``/api/actors``, ``/api/actors/{code}``, ``/api/dyads``, ``/api/dyad`` and ``/api/network``."""

    @app.get("/api/actors", response_model=ActorList, tags=["actors"], responses=FILE_RESPONSES)
    async def actors(request: Request, where: ScopeParam, format: Format = "json") -> Any:  # noqa: A002
        """Every actor code with how often it is source and target."""
        rows = await run(request, reader, timelines.list_actors, where)
        if format != "json":
            return _file(request, f"actors-{where.count}", format, rows, ("code", "name", "n_source", "n_target", "n_events"))
        return {"actors": rows}

    @app.get("/api/actors/{code}", response_model=ActorDetail, tags=["actors"], responses=FILE_RESPONSES)
    async def actor(
        request: Request,
        code: Annotated[str, PathParam(max_length=16)],
        where: ScopeParam,
        interval: Interval = "month",
        format: Format = "json",  # noqa: A002
        table: Annotated[Literal["timeline", "partners"], Query(description="which table a file holds")] = "timeline",
    ) -> Any:
        """Whom an actor deals with, and its cooperation (quad 1-2) and conflict (quad 3-4) per period."""
        data = await run(request, reader, timelines.actor_detail, code, where, interval=interval)
        if format != "json":
            columns = ("period", "cooperation", "conflict", "goldstein_sum") if table == "timeline" else (
                "code", "name", "n_source", "n_target", "cooperation", "conflict", "goldstein_mean")
            return _file(request, f"actor-{code}-{table}-{where.count}", format, data[table], columns)
        return data

    @app.get("/api/dyads", response_model=DyadList, tags=["actors"], responses=ERRORS)
    async def dyads(request: Request, where: ScopeParam,
                    limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE_SIZE)] = 20) -> dict[str, Any]:
        """The pairs of actors with the most events between them (either direction)."""
        return {"dyads": await run(request, reader, timelines.top_dyads, where, limit=limit)}

    @app.get("/api/dyad", response_model=Dyad, tags=["actors"], responses=FILE_RESPONSES)
    async def dyad(
        request: Request, a: CodeParam, b: CodeParam, where: ScopeParam, interval: Interval = "month",
        direction: Annotated[Literal["both", "ab", "ba"], Query(description="both, a to b, or b to a")] = "both",
        format: Format = "json",  # noqa: A002
    ) -> Any:
        """Counts per quad class and the Goldstein sum per week or month (every one, empty ones as zeros) between two actors."""
        data = await run(request, reader, timelines.dyad_timeline, a, b, where, interval=interval, direction=direction)
        if format != "json":
            columns = ("period", "q1", "q2", "q3", "q4", "a_to_b", "b_to_a", "total", "goldstein_sum")
            return _file(request, f"dyad-{a}-{b}-{where.count}", format, data["periods"], columns)
        return data

    @app.get("/api/network", response_model=Network, tags=["actors"], responses=FILE_RESPONSES)
    async def network(
        request: Request, where: ScopeParam,
        min_events: Annotated[int, Query(ge=1, le=1_000_000, description="leave out edges with fewer events")] = 1,
        format: Format = "json",  # noqa: A002
        table: Annotated[Literal["edges", "nodes"], Query(description="which table a file holds")] = "edges",
    ) -> Any:
        """Countries (the first actor's home country on each side) linked by their events, with networkx measures."""
        data = await run(request, reader, timelines.network, where, min_events=min_events)
        if format != "json":
            columns = ("source", "target", "n_events", "goldstein_mean", "n_source_to_target", "n_target_to_source") \
                if table == "edges" else ("code", "name", "n_events", "degree", "betweenness", "community", "x", "y")
            return _file(request, f"network-{table}-{where.count}", format, data[table], columns)
        return data


def coding_route(app: FastAPI, code_fn: Coder) -> None:
    """``POST /api/code``: pasted text coded as an article of a given date; nothing is stored."""
    code_lock = threading.Lock()  # the pipeline is not thread-safe; one article at a time

    @app.post(
        "/api/code",
        response_model=CodeResult,
        tags=["coding"],
        responses={**ERRORS, 413: {"model": ErrorBody, "description": "the text is longer than 100,000 characters"}},
    )
    def code(request: CodeRequest) -> dict[str, Any]:
        """Code pasted text as an article of the given date (1800 to 2100, as on the command line); nothing is
        stored (only with `--allow-coding`)."""
        if len(request.text) > MAX_TEXT_CHARS:
            raise HTTPException(413, f"the text has {len(request.text):,} characters; the limit is {MAX_TEXT_CHARS:,}")
        body = request.text.strip()
        if not body:
            raise HTTPException(422, "the text is empty")
        try:
            with code_lock:
                coded = code_fn(request.text, request.date)
        except TacitusError as exc:
            raise HTTPException(422, str(exc)) from None
        return {"date": request.date, "title": request.title, "text": body, "events": [e.to_dict() for e in coded]}
