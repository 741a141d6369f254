"""Take the screenshots in docs/screenshots/ of each page of the web UI.

Codes examples/ into a temporary store, serves it (with coding enabled) and drives Debian
chromium with Playwright:

    .venv/bin/python tools/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EXAMPLE = ROOT / "examples" / "009_korea_summit.txt"


def build_store(path: Path) -> None:
    import tacitus
    from tacitus.store import Store

    results = tacitus.code_files([ROOT / "examples"])
    with Store(path) as store:
        store.write(results)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url) as response:  # noqa: S310 (our own server on 127.0.0.1)
        return json.loads(response.read())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"), help="folder for the PNG files")
    parser.add_argument("--only", action="append", metavar="PAGE", help="only this page: events, event, actor, dyad, network, code")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    import uvicorn
    from playwright.sync_api import sync_playwright

    from tacitus.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "examples.duckdb"
        build_store(db)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = uvicorn.Server(uvicorn.Config(create_app(db, allow_coding=True), host="127.0.0.1", port=port,
                                               log_level="warning", ws="none", lifespan="off"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)

        # an event with a source, a target and a report elsewhere makes the best picture
        items = get_json(f"{base}/api/events?page_size=500&sort=date")["items"]
        candidates = [e for e in items if e["actor_code"] and e["recipient_code"] and e["actor_code"] != e["recipient_code"]]
        event = next((e for e in candidates if get_json(f"{base}/api/events/{e['id']}")["reported_by"]), candidates[0])
        dyad = get_json(f"{base}/api/dyads?limit=1")["dyads"][0]
        top_actor = get_json(f"{base}/api/actors")["actors"][0]["code"]

        lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
        _, date, title = lines[0].split(maxsplit=2)
        body = "\n".join(lines[1:]).strip()

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900}, device_scale_factor=1)

            def shot(path: str, name: str) -> None:
                if args.only and name not in args.only:
                    return
                page.goto(base + path)
                page.wait_for_selector("body[data-ready]", state="attached")
                page.screenshot(path=str(out / f"{name}.png"))
                print(f"wrote {out / name}.png  ({path})")

            shot("/events?page_size=25", "events")
            shot(f"/events/{event['id']}", "event")
            shot(f"/actors/{top_actor}", "actor")
            shot(f"/dyad?a={dyad['a']}&b={dyad['b']}&interval=month", "dyad")
            shot("/network", "network")
            if not args.only or "code" in args.only:
                page.goto(base + "/code")
                page.wait_for_selector("body[data-ready]", state="attached")
                page.fill("input[name=date]", date)
                page.fill("input[name=title]", title)
                page.fill("textarea[name=text]", body)
                page.click("button[type=submit]")
                page.wait_for_selector("body[data-coded]", state="attached", timeout=60_000)
                page.screenshot(path=str(out / "code.png"))
                print(f"wrote {out / 'code.png'}  (/code)")
            browser.close()
        server.should_exit = True
        thread.join()
    return 0


if __name__ == "__main__":
    sys.exit(main())
