"""The web UI and JSON API: ``tacitus serve`` (see docs/web.md)."""

from __future__ import annotations

from pathlib import Path

from .app import create_app

__all__ = ["create_app", "serve"]


def serve(db_path: str | Path, *, host: str = "127.0.0.1", port: int = 8000, allow_coding: bool = False) -> None:
    """Serve the store at ``db_path`` on ``host:port`` until interrupted."""
    import uvicorn

    app = create_app(db_path, allow_coding=allow_coding)
    uvicorn.run(app, host=host, port=port, ws="none", log_level="info")
