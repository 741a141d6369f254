"""Load and abuse benchmark of ``tacitus serve`` on this machine's loopback only, bounded in time.

Load: the store is examples/ ingested three times over (each copy its own articles, so that the
deduplicated events are a third of the reports); a server runs in its own process on 127.0.0.1, and 1
then 8 client threads, each with one keep-alive connection, loop for --seconds over a fixed mix of
API calls (meta, an events page, a filtered events page, actors, one actor, a dyad timeline, the
network). With --vary every request also carries a different (harmless) end date, so that no answer
can come from the server's cache: the cost of the queries themselves. Reports requests/s, p50 and p95 latency, errors, and the server's RSS growth.

Abuse (--abuse): a list parameter repeated 5,000 times, a 200 MB chunked POST, a foreign Host header,
and a query past its time limit (the server is started with a 0.5 s limit and an events query that
would run for minutes); for each, the status, the seconds to the answer and the server's RSS growth.

``--src DIR`` serves the tacitus package under DIR (another checkout's ``src``: the figures before a
change) instead of this one's. Writes benchmarks/results/web_load[_LABEL].json.

Usage: python benchmarks/web_load.py [--seconds 8] [--clients 1,8] [--label after] [--src DIR] [--abuse]
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIX = ("/api/meta", "/api/events", "/api/events?actor=RUS&page_size=25", "/api/actors", "/api/actors/USA",
       "/api/dyad?a=RUS&b=UKR", "/api/network")

SERVER = """
import sys, time
sys.path.insert(0, {src!r})
import uvicorn
from tacitus.web import create_app
kwargs = {{}}
if {slow}:
    from tacitus.web import queries
    def slow(con, *a, **k):
        con.execute("SELECT count(*) FROM range(1000000000000) t(i) WHERE i % 7 = 3").fetchall()
    queries.list_events = slow
    kwargs["query_seconds"] = 0.5
app = create_app({db!r}, **kwargs)
uvicorn.run(app, host="127.0.0.1", port={port}, log_level="warning", ws="none", access_log=False)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_store(path: Path, copies: int = 3) -> None:
    """examples/ ingested ``copies`` times: each copy under its own file names, so its articles are new."""
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(copies):
            folder = Path(tmp) / f"copy{k}"
            folder.mkdir()
            for f in sorted((ROOT / "examples").glob("*.txt")):
                text = f.read_text(encoding="utf-8")
                (folder / f.name).write_text(text + f"\n\n(Copy {k}.)\n", encoding="utf-8")
        tacitus = Path(sys.executable).with_name("tacitus")
        subprocess.run([str(tacitus), "ingest", tmp, "--db", str(path)], check=True, stdout=subprocess.DEVNULL)


class Server:
    def __init__(self, db: Path, src: Path, *, slow: bool = False) -> None:
        self.port = free_port()
        code = SERVER.format(src=str(src), db=str(db), port=self.port, slow=slow)
        self.proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError(self.proc.stderr.read().decode() if self.proc.stderr else "server died")
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def rss_mb(self) -> float:
        import psutil

        return psutil.Process(self.proc.pid).memory_info().rss / 2**20

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


def client_loop(port: int, seconds: float, latencies: list[float], errors: list[int], offset: int, vary: bool = False) -> None:
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    deadline = time.monotonic() + seconds
    i = offset * 100_000
    while time.monotonic() < deadline:
        path = MIX[i % len(MIX)]
        if vary:  # an end date after every event, different each time: the same rows, never a cached answer
            path += ("&" if "?" in path else "?") + f"end={dt.date(2100, 1, 1) + dt.timedelta(days=i)}"
        i += 1
        started = time.perf_counter()
        con.request("GET", path)
        response = con.getresponse()
        response.read()
        latencies.append(time.perf_counter() - started)
        if response.status != 200:
            errors.append(response.status)
    con.close()


def load(server: Server, clients: int, seconds: float, vary: bool) -> dict:
    client_loop(server.port, 1.0, [], [], 0)  # warm-up
    latencies: list[float] = []
    errors: list[int] = []
    rss_before = server.rss_mb()
    threads = [threading.Thread(target=client_loop, args=(server.port, seconds, latencies, errors, k, vary)) for k in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100)
    return {"clients": clients, "vary": vary, "seconds": round(wall, 2), "requests": len(latencies),
            "requests_per_s": round(len(latencies) / wall, 1), "p50_ms": round(q[49] * 1000, 1),
            "p95_ms": round(q[94] * 1000, 1), "errors": len(errors), "rss_growth_mb": round(server.rss_mb() - rss_before, 1)}


def raw(port: int, request: bytes, body_chunks: int = 0) -> tuple[int, float]:
    """Send ``request`` (and, from a second thread, up to ``body_chunks`` chunks of 1 MB, chunked encoding);
    the status and the seconds until the status line arrived."""
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(request)

        def send_body() -> None:
            try:
                for _ in range(body_chunks):
                    s.sendall(b"%x\r\n" % 1_000_000 + b"x" * 1_000_000 + b"\r\n")
                s.sendall(b"0\r\n\r\n")
            except OSError:
                pass  # the server answered and closed before the body was sent in full

        sender = threading.Thread(target=send_body, daemon=True)
        if body_chunks:
            sender.start()
        status_line = s.makefile("rb").readline()
        seconds = time.perf_counter() - started
    return int(status_line.split()[1]), seconds


def abuse(db: Path, src: Path) -> list[dict]:
    cases = {
        "5,000 repeated list values": (b"GET /api/events?" + b"&".join([b"modality=negated"] * 5000)
                                       + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 0),
        "200 MB chunked body": (b"POST /api/code HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                b"Transfer-Encoding: chunked\r\n\r\n", 200),
        "foreign Host header": (b"GET /api/meta HTTP/1.1\r\nHost: attacker.example\r\n\r\n", 0),
        "query past its time limit": (b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 0),
    }
    out = []
    for name, (request, chunks) in cases.items():
        server = Server(db, src, slow=name.startswith("query"))
        try:
            raw(server.port, b"GET /api/meta HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")  # warm-up
            before = server.rss_mb()
            status, seconds = raw(server.port, request, chunks)
            time.sleep(0.5)
            out.append({"case": name, "status": status, "seconds": round(seconds, 3),
                        "rss_growth_mb": round(server.rss_mb() - before, 1)})
        finally:
            server.stop()
        print(f"  {name}: {out[-1]['status']} in {out[-1]['seconds']} s, RSS +{out[-1]['rss_growth_mb']} MB")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", default="1,8")
    parser.add_argument("--label", default="after")
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    parser.add_argument("--db", type=Path, help="a store to serve (default: examples/ ingested three times)")
    parser.add_argument("--abuse", action="store_true", help="also run the abuse cases")
    parser.add_argument("--vary", action="store_true", help="no two requests alike (no cached answers)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    try:
        db = args.db or tmp / "examples.duckdb"
        if args.db is None:
            build_store(db)
        result: dict = {"label": args.label, "src": os.path.relpath(args.src, ROOT), "mix": list(MIX), "load": []}
        server = Server(db, args.src)
        try:
            for clients in (int(c) for c in args.clients.split(",")):
                result["load"].append(load(server, clients, args.seconds, args.vary))
                print(json.dumps(result["load"][-1]))
        finally:
            server.stop()
        if args.abuse:
            result["abuse"] = abuse(db, args.src)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    out = ROOT / "benchmarks" / "results" / f"web_load_{args.label}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
