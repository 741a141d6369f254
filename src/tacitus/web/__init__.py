"""The web UI and JSON API: ``tacitus serve`` (see docs/web.md)."""

from __future__ import annotations

from pathlib import Path

from .app import create_app

__all__ = ["create_app", "serve"]


def serve(db_path: str | Path, *, host: str = "127.0.0.1", port: int = 8000, allow_coding: bool = False,
          allowed_hosts: tuple[str, ...] = ()) -> None:
    """Serve the store at ``db_path`` on ``host:port`` until interrupted. Requests must name this machine
    (or ``host``, or one of ``allowed_hosts``) in their Host header."""
    import uvicorn

    from .app import LOCAL_HOSTS

    hosts = tuple(dict.fromkeys((*LOCAL_HOSTS, host, *allowed_hosts)))
    app = create_app(db_path, allow_coding=allow_coding, allowed_hosts=hosts)
    uvicorn.run(app, host=host, port=port, ws="none", log_level="info")
