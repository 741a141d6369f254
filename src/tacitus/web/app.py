"""The FastAPI app: a JSON API over a store (read-only) and the static pages that use it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..errors import StoreError
from ..model import Event
from .pool import StoreReader
from .routes import MAX_TEXT_CHARS, actor_routes, coding_route, event_routes

__all__ = ["MAX_BODY_BYTES", "MAX_TEXT_CHARS", "Coder", "create_app"]

MAX_BODY_BYTES = 1_000_000  # a request body larger than this is refused, counted as it arrives (chunked too)
MAX_QUERY_BYTES = 4096  # a query string longer than this is refused before any parameter is read
MAX_QUERY_PARAMS = 64  # as are more parameters than this (a list parameter repeated thousands of times)
QUERY_SECONDS = 10.0  # a store query running longer than this is interrupted (422)
RETRY_AFTER = "2"  # seconds, on a 503 while an ingest writes the store
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")
STATIC = Path(str(resources.files("tacitus").joinpath("web", "static")))
PAGES = ("/events", "/events/{event_id}", "/actors", "/actors/{code}", "/dyad", "/network", "/code", "/docs/api")

# Nothing is loaded from anywhere but this server; no inline script or style can run, no string is run as code.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
_HEADERS = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

Coder = Callable[[str, dt.date], list[Event]]
"""Codes one article's text; the events' offsets index into ``text.strip()`` (as ``tacitus.code_text`` does)."""

Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


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


def create_app(db_path: str | Path, *, allow_coding: bool = False, coder: Coder | None = None,
               allowed_hosts: tuple[str, ...] | None = None, query_seconds: float = QUERY_SECONDS,
               wait_seconds: float = 2.0) -> FastAPI:
    """The web UI and JSON API over the store at ``db_path``, read through one shared read-only connection
    (``pool.StoreReader``) that is given up whenever an ingest waits to write.

    ``allow_coding`` enables ``POST /api/code`` (and the Code page), which codes pasted text with
    ``coder`` (default: the configured pipeline via ``tacitus.code_text``) without storing it; without it
    the route does not exist. ``allowed_hosts``: the Host header values served (default: this machine's
    names, ``LOCAL_HOSTS``), so that a page of another site cannot reach the server through DNS rebinding.
    ``query_seconds``: a store query running longer is interrupted and answered 422. ``wait_seconds``: how
    long a request waits for an ingest's batch to be written before it is answered 503.
    """
    reader = StoreReader(db_path, seconds=query_seconds, wait_seconds=wait_seconds)
    with reader.connect():  # fail now, not on the first request, when the file is missing or not a store
        pass
    reader.close()

    app = FastAPI(
        title="tacitus",
        version=__version__,
        description="Political event data coded from news articles (PLOVER and CAMEO, with evidence). Read-only "
        "except `POST /api/code`, which codes pasted text without storing it and is enabled by `--allow-coding`.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.reader = reader
    _errors(app)
    event_routes(app, reader, allow_coding)
    actor_routes(app, reader)
    if allow_coding:
        coding_route(app, coder or _code_with_pipeline)
    _pages(app)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts or LOCAL_HOSTS))
    app.add_middleware(RequestLimits)
    return app


class RequestLimits:
    """ASGI middleware, outermost: adds the security headers to every response; refuses a query string over
    ``MAX_QUERY_BYTES`` or with more than ``MAX_QUERY_PARAMS`` parameters (414/400) before the app parses it;
    refuses a body whose ``Content-Length`` is over ``MAX_BODY_BYTES`` and stops reading one at that many
    bytes whatever ``Content-Length`` says (413; a chunked body is counted as it arrives)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *_HEADERS]}
            await send(message)

        query = scope.get("query_string", b"")
        if len(query) > MAX_QUERY_BYTES:
            await _plain(send, 414, f"the query string is longer than {MAX_QUERY_BYTES:,} bytes")
            return
        if query.count(b"&") + 1 > MAX_QUERY_PARAMS:
            await _plain(send, 400, f"more than {MAX_QUERY_PARAMS} query parameters")
            return
        if scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send_with_headers)
            return
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            await _plain(send, 413, f"the request body is larger than {MAX_BODY_BYTES:,} bytes")
            return
        body = await _read_body(receive)
        if body is None:
            await _plain(send, 413, f"the request body is larger than {MAX_BODY_BYTES:,} bytes")
            return
        handed = False

        async def replay() -> dict[str, Any]:
            nonlocal handed
            if handed:
                return await receive()
            handed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send_with_headers)


async def _read_body(receive: Receive) -> bytes | None:
    """The request body, read up to ``MAX_BODY_BYTES``; None past that (the rest is never read)."""
    chunks, received, more = [], 0, True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            return b""  # the client went away
        chunks.append(message.get("body", b""))
        received += len(chunks[-1])
        more = bool(message.get("more_body"))
        if received > MAX_BODY_BYTES:
            return None
    return b"".join(chunks)


async def _plain(send: Send, status: int, message: str) -> None:
    """A JSON error answered straight from the ASGI layer (the security headers included)."""
    body = json.dumps({"error": message}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *_HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _errors(app: FastAPI) -> None:
    """Errors as JSON ``{"error": ...}`` (an HTML page for a page that does not exist), never with a path, a
    process id, a database message or the input itself."""

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # what was wrong and where, never the input itself (a 100 KB input is not echoed back)
        errors = [{k: v for k, v in e.items() if k in ("type", "loc", "msg")} for e in jsonable_encoder(exc.errors())[:10]]
        return _error(422, _validation_message(errors)[:500], detail=errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404 and not request.url.path.startswith("/api/"):
            return FileResponse(STATIC / "404.html", status_code=404, media_type="text/html")
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        # no paths, process ids or database messages leave the server: they stay in its log
        if exc.code == "T407":
            return _error(422, "the query took too long and was stopped; narrow the filters")
        message = "the store is being updated; retrying" if exc.code in ("T401", "T406") else "the store cannot be read"
        response = _error(503, message)
        response.headers["Retry-After"] = RETRY_AFTER
        return response


def _pages(app: FastAPI) -> None:
    """Unknown ``/api/`` paths answered 404 in JSON; the pages: one static shell, which static/app.js renders
    from the API; any other path: the HTML 404 page."""

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown_api(rest: str) -> None:
        raise HTTPException(404, "no such API endpoint; see /api/openapi.json or /docs/api")

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/events")

    def shell() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    for page in PAGES:
        app.add_api_route(page, shell, methods=["GET"], include_in_schema=False)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
