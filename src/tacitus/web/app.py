"""The FastAPI app: a JSON API over a store (read-only) and the static pages that use it."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..errors import StoreError, TacitusError
from ..model import Event
from . import queries
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

__all__ = ["MAX_BODY_BYTES", "MAX_TEXT_CHARS", "Coder", "create_app"]

MAX_TEXT_CHARS = 100_000
MAX_BODY_BYTES = 1_000_000  # a request body larger than this is refused, counted as it arrives (chunked too)
MAX_QUERY_BYTES = 4096  # a query string longer than this is refused before any parameter is read
MAX_QUERY_PARAMS = 64  # as are more parameters than this (a list parameter repeated thousands of times)
QUERY_SECONDS = 10.0  # a store query running longer than this is interrupted (503)
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")
STATIC = Path(str(resources.files("tacitus").joinpath("web", "static")))
PAGES = ("/events", "/events/{event_id}", "/actors", "/actors/{code}", "/dyad", "/network", "/code")

# Nothing is loaded from anywhere but this server; no inline script or style can run.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}

Coder = Callable[[str, dt.date], list[Event]]
"""Codes one article's text; the events' offsets index into ``text.strip()`` (as ``tacitus.code_text`` does)."""


def _code_with_pipeline(text: str, date: dt.date) -> list[Event]:
    from ..api import code_text

    return code_text(text, date=date)


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


def _validation_message(errors: list[dict[str, Any]]) -> str:
    parts = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ())]
        where = f"{loc[0]} parameter '{'.'.join(loc[1:])}'" if loc and loc[0] in ("query", "path") else ".".join(loc)
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "not found"},
    422: {"model": ErrorBody, "description": "a parameter is out of range or malformed"},
    503: {"model": ErrorBody, "description": "the store cannot be opened now (another process is writing it); retry"},
}

DateParam = Annotated[dt.date | None, Query(description="first event date, YYYY-MM-DD")]
EndParam = Annotated[dt.date | None, Query(description="last event date, YYYY-MM-DD")]
CodeParam = Annotated[str, Query(min_length=1, max_length=16, description="an actor code, e.g. USA")]
Interval = Literal["week", "month"]


def _check_range(start: dt.date | None, end: dt.date | None) -> None:
    if start is not None and end is not None and start > end:
        raise HTTPException(422, f"start ({start}) is after end ({end})")


def create_app(db_path: str | Path, *, allow_coding: bool = False, coder: Coder | None = None,
               allowed_hosts: tuple[str, ...] | None = None, query_seconds: float = QUERY_SECONDS) -> FastAPI:
    """The web UI and JSON API over the store at ``db_path``, opened read-only for each request.

    ``allow_coding`` enables ``POST /api/code`` (and the Code page), which codes pasted text with
    ``coder`` (default: the configured pipeline via ``tacitus.code_text``) without storing it; without it
    the route does not exist. ``allowed_hosts``: the Host header values served (default: this machine's
    names, ``LOCAL_HOSTS``), so that a page of another site cannot reach the server through DNS rebinding.
    ``query_seconds``: a store query running longer is interrupted and answered 503.
    """
    reader = queries.StoreReader(db_path, seconds=query_seconds)
    with reader.connect():  # fail now, not on the first request, when the file is missing or not a store
        pass
    code_fn = coder or _code_with_pipeline

    app = FastAPI(
        title="tacitus",
        version=__version__,
        description="Political event data coded from news articles (PLOVER and CAMEO, with evidence). Read-only "
        "except `POST /api/code`, which codes pasted text without storing it and is enabled by `--allow-coding`.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    _guard(app)
    _event_routes(app, reader, allow_coding)
    _actor_routes(app, reader)
    if allow_coding:
        _coding_route(app, code_fn)
    _pages(app)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts or LOCAL_HOSTS))
    app.add_middleware(RequestLimits)
    return app


class RequestLimits:
    """ASGI middleware, outermost: refuses a query string over ``MAX_QUERY_BYTES`` or with more than
    ``MAX_QUERY_PARAMS`` parameters (414/400) before the app parses it, and stops reading a request body at
    ``MAX_BODY_BYTES`` whatever ``Content-Length`` says (413; a chunked body is counted as it arrives)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Callable[[], Awaitable[dict[str, Any]]],
                       send: Callable[[dict[str, Any]], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"")
        if len(query) > MAX_QUERY_BYTES:
            await _plain(send, 414, f"the query string is longer than {MAX_QUERY_BYTES:,} bytes")
            return
        if query.count(b"&") + 1 > MAX_QUERY_PARAMS:
            await _plain(send, 400, f"more than {MAX_QUERY_PARAMS} query parameters")
            return
        if scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        # a body is read here, up to the limit, before the app sees any of it; then handed on whole
        chunks, received, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunks.append(message.get("body", b""))
            received += len(chunks[-1])
            more = bool(message.get("more_body"))
            if received > MAX_BODY_BYTES:
                await _plain(send, 413, f"the request body is larger than {MAX_BODY_BYTES:,} bytes")
                return
        body = b"".join(chunks)
        handed = False

        async def replay() -> dict[str, Any]:
            nonlocal handed
            if handed:
                return await receive()
            handed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


async def _plain(send: Callable[[dict[str, Any]], Awaitable[None]], status: int, message: str) -> None:
    """A JSON error answered straight from the ASGI layer (the security headers included)."""
    import json

    body = json.dumps({"error": message}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               *((k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _guard(app: FastAPI) -> None:
    """Every response: the size limit on request bodies, the security headers, and errors as JSON ``{"error": ...}``."""

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            response: Response = _error(413, f"the request body is larger than {MAX_BODY_BYTES:,} bytes")
        else:
            response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # what was wrong and where, never the input itself (a 100 KB input is not echoed back)
        errors = [{k: v for k, v in e.items() if k in ("type", "loc", "msg")} for e in jsonable_encoder(exc.errors())[:10]]
        return _error(422, _validation_message(errors)[:500], detail=errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        # no paths, process ids or database messages leave the server: they stay in its log
        if exc.code in ("T401", "T406"):
            message = "the store is being updated; retrying"
        elif exc.code == "T407":
            message = "the query took too long and was stopped; narrow the filters"
        else:
            message = "the store cannot be read"
        response = _error(503, message)
        response.headers["Retry-After"] = "5"
        return response


def _event_routes(app: FastAPI, reader: queries.StoreReader, allow_coding: bool) -> None:
    """``/api/meta``, ``/api/events`` and ``/api/events/{event_id}``."""

    @app.get("/api/meta", response_model=Meta, tags=["store"], responses=ERRORS)
    def meta() -> dict[str, Any]:
        """Counts, the date range and the values each filter can take."""
        with reader.connect() as con:
            info = queries.store_meta(con)
        return {**info, "version": __version__, "allow_coding": allow_coding,
                "max_page_size": queries.MAX_PAGE_SIZE, "max_text_chars": MAX_TEXT_CHARS}

    @app.get("/api/events", response_model=EventPage, tags=["events"], responses=ERRORS)
    def events(
        start: DateParam = None,
        end: EndParam = None,
        actor: Annotated[str | None, Query(max_length=16, description="actor code as source or target (see role)")] = None,
        role: Annotated[Literal["any", "source", "target"], Query(description="which side `actor` is on")] = "any",
        country: Annotated[str | None, Query(max_length=16, description="country where the event happened")] = None,
        event: Annotated[str | None, Query(max_length=16, description="PLOVER event type, e.g. ASSAULT")] = None,
        quad: Annotated[int | None, Query(ge=1, le=4, description="quad class 1-4")] = None,
        mode: Annotated[str | None, Query(max_length=64, description="PLOVER mode")] = None,
        modality: Annotated[list[Literal[tuple(queries.MODALITIES)]] | None, Query(  # type: ignore[valid-type]
            description="asserted (not negated, hypothetical or hedged), negated, hypothetical, hedged, historical, "
            "ongoing, claimed; repeat for all of several")] = None,
        article: Annotated[str | None, Query(max_length=128, description="only this article's events")] = None,
        sort: Annotated[Literal[tuple(queries.SORT_COLUMNS)], Query(description="sort key")] = "date",  # type: ignore[valid-type]
        order: Literal["asc", "desc"] = "desc",
        page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
        page_size: Annotated[int, Query(ge=1, le=queries.MAX_PAGE_SIZE, description="at most 500")] = 50,
    ) -> dict[str, Any]:
        """Events matching the filters, one page at a time."""
        _check_range(start, end)
        flt = queries.EventFilter(start=start, end=end, actor=actor or None, role=role, country=country or None,
                                  event=event or None, quad=quad, mode=mode, modality=tuple(dict.fromkeys(modality or ())),
                                  article=article or None)
        with reader.connect() as con:
            total, items = queries.list_events(con, flt, sort=sort, order=order, page=page, page_size=page_size)
        return {"total": total, "page": page, "page_size": page_size, "pages": max(1, -(-total // page_size)),
                "sort": sort, "order": order, "items": items}

    @app.get("/api/events/{event_id}", response_model=EventDetail, tags=["events"], responses=ERRORS)
    def event_detail(event_id: Annotated[str, PathParam(max_length=128)]) -> dict[str, Any]:
        """One event: its record, its article's text, and the other articles that reported it."""
        with reader.connect() as con:
            found = queries.get_event(con, event_id)
        if found is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        return found


def _actor_routes(app: FastAPI, reader: queries.StoreReader) -> None:
    """``/api/actors``, ``/api/actors/{code}``, ``/api/dyads``, ``/api/dyad`` and ``/api/network``."""

    @app.get("/api/actors", response_model=ActorList, tags=["actors"], responses=ERRORS)
    def actors(start: DateParam = None, end: EndParam = None) -> dict[str, Any]:
        """Every actor code with how often it is source and target."""
        _check_range(start, end)
        with reader.connect() as con:
            return {"actors": queries.list_actors(con, start=start, end=end)}

    @app.get("/api/actors/{code}", response_model=ActorDetail, tags=["actors"], responses=ERRORS)
    def actor(
        code: Annotated[str, PathParam(max_length=16)],
        start: DateParam = None,
        end: EndParam = None,
        interval: Interval = "month",
    ) -> dict[str, Any]:
        """Whom an actor deals with, and its cooperation (quad 1-2) and conflict (quad 3-4) per period."""
        _check_range(start, end)
        with reader.connect() as con:
            return queries.actor_detail(con, code, start=start, end=end, interval=interval)

    @app.get("/api/dyads", response_model=DyadList, tags=["actors"], responses=ERRORS)
    def dyads(
        start: DateParam = None,
        end: EndParam = None,
        limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE_SIZE)] = 20,
    ) -> dict[str, Any]:
        """The pairs of actors with the most events between them (either direction)."""
        _check_range(start, end)
        with reader.connect() as con:
            return {"dyads": queries.top_dyads(con, start=start, end=end, limit=limit)}

    @app.get("/api/dyad", response_model=Dyad, tags=["actors"], responses=ERRORS)
    def dyad(
        a: CodeParam,
        b: CodeParam,
        interval: Interval = "month",
        direction: Annotated[Literal["both", "ab", "ba"], Query(description="both, a to b, or b to a")] = "both",
        start: DateParam = None,
        end: EndParam = None,
    ) -> dict[str, Any]:
        """Counts per quad class and the Goldstein sum per week or month of the events between two actors."""
        _check_range(start, end)
        with reader.connect() as con:
            return queries.dyad_timeline(con, a, b, interval=interval, direction=direction, start=start, end=end)

    @app.get("/api/network", response_model=Network, tags=["actors"], responses=ERRORS)
    def network(
        start: DateParam = None,
        end: EndParam = None,
        min_events: Annotated[int, Query(ge=1, le=1_000_000, description="leave out edges with fewer events")] = 1,
    ) -> dict[str, Any]:
        """Countries (the first actor's home country on each side) linked by their events."""
        _check_range(start, end)
        with reader.connect() as con:
            return queries.network(con, start=start, end=end, min_events=min_events)


def _coding_route(app: FastAPI, code_fn: Coder) -> None:
    """``POST /api/code``: pasted text coded as an article of a given date; nothing is stored."""
    code_lock = threading.Lock()  # the pipeline is not thread-safe; one article at a time

    @app.post(
        "/api/code",
        response_model=CodeResult,
        tags=["coding"],
        responses={**ERRORS, 413: {"model": ErrorBody, "description": "the text is longer than 100,000 characters"}},
    )
    def code(request: CodeRequest) -> dict[str, Any]:
        """Code pasted text as an article of the given date; nothing is stored (only with `--allow-coding`)."""
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


def _pages(app: FastAPI) -> None:
    """Unknown ``/api/`` paths answered 404; the pages: one static shell, which static/app.js renders from the API."""

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown_api(rest: str) -> None:
        raise HTTPException(404, f"no API endpoint /api/{rest}; see /api/openapi.json")

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/events")

    def shell() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    for page in PAGES:
        app.add_api_route(page, shell, methods=["GET"], include_in_schema=False)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
