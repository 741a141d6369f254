"""The server's shared read-only connection: reused across requests, given up when an ingest waits, and a
query interrupted when its client goes away."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web UI needs fastapi (in the lock file)")

from test_web_api import Client, build_store  # noqa: E402

from tacitus.web import create_app  # noqa: E402


def test_requests_share_one_connection(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    build_store(path)
    app = create_app(path)
    client = Client(app)
    for _ in range(5):
        assert client.get("/api/events").status_code == 200
        assert client.get("/api/network").status_code == 200
    assert app.state.reader.opened == 2  # once to check the store at start, once for every request since


WRITER = textwrap.dedent("""
    import sys, datetime as dt
    sys.path.insert(0, {tests!r})
    from test_web_api import make_event, _actor
    from tacitus.model import Article
    from tacitus.pipeline import ArticleResult
    from tacitus.store import Store
    art = Article(id="a-new", date=dt.date(2021, 9, 1), text="Russia met Ukraine again.")
    results = [ArticleResult(art, [make_event(art, "met", "CONSULT", cameo="040", goldstein=1.0, quad=1,
               actor=[_actor(art.text, "Russia", "RUS")], recipient=[_actor(art.text, "Ukraine", "UKR")])])]
    with Store.open_when_free({db!r}, wait_seconds=20) as store:
        store.write(results)
    print("written", flush=True)
""")


def test_an_ingest_gets_the_writer_lock_between_requests(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    build_store(path)
    app = create_app(path, wait_seconds=10)
    client = Client(app)
    before = client.get("/api/meta").json()["reports"]
    statuses: list[int] = []
    stop = threading.Event()

    def keep_reading() -> None:  # a reader that never pauses for a second (no idle release)
        while not stop.is_set():
            statuses.append(client.get("/api/meta").status_code)

    reader = threading.Thread(target=keep_reading)
    reader.start()
    try:
        time.sleep(0.3)
        writer = subprocess.run([sys.executable, "-c", WRITER.format(tests=str(Path(__file__).parent), db=str(path))],
                                capture_output=True, text=True, timeout=60)
    finally:
        stop.set()
        reader.join(timeout=30)
    assert writer.returncode == 0, writer.stderr
    assert "written" in writer.stdout
    assert statuses and set(statuses) == {200}  # the readers waited for the batch instead of failing
    assert client.get("/api/meta").json()["reports"] == before + 1  # and then saw it
    assert app.state.reader.opened >= 3  # given up for the writer, opened again


def test_a_query_is_interrupted_when_its_client_goes_away(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    uvicorn = pytest.importorskip("uvicorn")
    from test_web_browser import LiveServer

    from tacitus.web import queries

    path = tmp_path / "s.duckdb"
    build_store(path)
    stopped = threading.Event()

    def slow(con: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            con.execute("SELECT count(*) FROM range(1000000000000) t(i) WHERE i % 7 = 3").fetchall()
        except Exception:
            stopped.set()
            raise
        return 0, []

    monkeypatch.setattr(queries, "list_events", slow)
    del uvicorn
    with LiveServer(create_app(path, query_seconds=120)) as live:
        with socket.create_connection(("127.0.0.1", live.port)) as s:
            s.sendall(b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            time.sleep(0.5)
        assert stopped.wait(20), "the query ran on after its client went away"
