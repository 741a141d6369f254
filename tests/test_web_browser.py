"""The web UI in a real browser: Playwright drives Debian chromium against a live server.

Skipped (with the reason) where /usr/bin/chromium, Playwright or uvicorn is absent; `.ci/run`
installs chromium. Playwright never downloads a browser here.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"browser tests need Debian chromium at {CHROMIUM} (apt-get install chromium)"),
]

pytest.importorskip("fastapi", reason="the web UI needs fastapi (in the lock file)")
uvicorn = pytest.importorskip("uvicorn", reason="browser tests need uvicorn (in the lock file)")
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright (in the lock file)")

from test_web_api import ATTRIBUTE, IMG, PAYLOAD_TEXT, SCRIPT, build_store, event_id, fake_coder  # noqa: E402

from tacitus.pipeline import ArticleResult  # noqa: E402
from tacitus.web import create_app  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn serving the app in a thread on 127.0.0.1."""

    def __init__(self, app: Any) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", ws="none", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[ArticleResult]]:
    path = tmp_path_factory.mktemp("browser") / "fixture.duckdb"
    return path, build_store(path)


@pytest.fixture(scope="module")
def results(store: tuple[Path, list[ArticleResult]]) -> list[ArticleResult]:
    return store[1]


@pytest.fixture(scope="module")
def server(store: tuple[Path, list[ArticleResult]]) -> Iterator[LiveServer]:
    with LiveServer(create_app(store[0], allow_coding=True, coder=fake_coder)) as live:
        yield live


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A browser tab that records dialogs (alert() means an injection ran) and console errors."""

    def __init__(self, browser: Any, base: str) -> None:
        self.base = base
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: str) -> Any:
        self.page.goto(self.base + path)
        return self.ready()

    def ready(self) -> Any:
        self.page.wait_for_selector("body[data-ready]", state="attached", timeout=10_000)
        return self.page

    def check_clean(self) -> None:
        assert self.dialogs == [], f"a script from the data ran: {self.dialogs}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.page.locator(".error").count() == 0, self.page.locator(".error").all_inner_texts()


@pytest.fixture()
def tab(browser: Any, server: LiveServer) -> Iterator[Page]:
    page = Page(browser, server.url)
    yield page
    page.check_clean()
    page.page.close()


def marks(page: Any, cls: str) -> list[str]:
    return page.locator(f"[data-testid=article-text] mark.{cls}").all_inner_texts()


def test_events_page_filter_and_open_an_event(tab: Page, results: list[ArticleResult]) -> None:
    page = tab.open("/events")
    assert page.locator("[data-testid=events-table] tbody tr").count() == 30  # all of them: 50 a page
    page.select_option("select[name=event]", "ACCUSE")
    page.fill("input[name=actor]", "RUS")
    page.click("button[type=submit]")
    page = tab.ready()
    assert "event=ACCUSE" in page.url and "actor=RUS" in page.url
    assert page.locator("[data-testid=count]").inner_text() == "2 events"
    rows = page.locator("[data-testid=events-table] tbody tr")
    assert rows.count() == 2
    assert set(rows.locator("td:nth-child(2) a").all_inner_texts()) == {"ACCUSE"}
    page.locator("tr[data-event-id] a.event-link").last.click()
    page = tab.ready()
    assert "/events/" in page.url
    assert marks(page, "hl-trigger") == ["accused"]
    assert marks(page, "hl-actor") in (["Russia"], ["Moscow"])
    assert marks(page, "hl-recipient") in (["the United States"], ["Washington"])
    assert page.locator("[data-testid=reported-by] li").count() == 1
    assert page.locator("[data-testid=fields] tr[data-field=event] td.reason").inner_text().startswith("trigger 'accused'")


def test_events_page_sorting_and_paging(tab: Page) -> None:
    page = tab.open("/events?page_size=25&sort=goldstein&order=asc")
    values = [float(v) for v in page.locator("[data-testid=events-table] tbody td[data-label=Goldstein]").all_inner_texts()]
    assert values == sorted(values)
    page.click("a[rel=next]")
    page = tab.ready()
    assert "page=2" in page.url
    assert page.locator(".pager").inner_text().startswith("« previous")


def test_event_page_highlights_the_spans(tab: Page, results: list[ArticleResult]) -> None:
    strike = next(r for r in results if r.article and r.article.id == "a-strike")
    event = strike.events[0]
    page = tab.open(f"/events/{event.id}")
    # offsets are code points: the emoji before the spans must not shift them
    assert marks(page, "hl-trigger") == ["struck"]
    assert marks(page, "hl-actor") == ["the United States"]
    assert marks(page, "hl-recipient") == ["Afghanistan"]
    assert marks(page, "hl-claim") == ["Reporters"]
    fields = page.locator("[data-testid=fields]")
    for name in ("event", "cameo", "goldstein", "quad_code", "actor", "recipient", "date", "modality", "location", "coder"):
        assert fields.locator(f"tr[data-field={name}]").count() == 1, name
    assert "Kabul" in fields.locator("tr[data-field=location]").inner_text()
    assert page.locator("[data-testid=reported-by] li").count() == 0


def test_injected_markup_in_an_article_stays_text(tab: Page, results: list[ArticleResult]) -> None:
    page = tab.open(f"/events/{event_id(results, 'a-payload', 'THREATEN')}")
    text = page.locator("[data-testid=article-text]")
    assert text.inner_text() == PAYLOAD_TEXT
    assert marks(page, "hl-actor") == [f"Russia{ATTRIBUTE}"]
    assert marks(page, "hl-trigger") == ["threatened"]
    assert page.locator("h2").first.inner_text().startswith(SCRIPT)
    # nothing from the data became an element or an attribute
    assert page.locator("script").count() == 5  # the vendored chart library and app.js
    assert page.locator("img").count() == 0
    assert page.locator("[onmouseover], [onerror]").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert SCRIPT in page.locator("[data-testid=fields]").inner_text()
    page.hover("mark.hl-actor")
    page.hover("[data-testid=fields] tr[data-field=actor]")
    # the events list shows the payload title as text too
    page = tab.open("/events?article=a-payload")
    assert IMG in page.locator("td.evidence").inner_text()
    assert page.locator("img").count() == 0


def test_actor_page(tab: Page) -> None:
    page = tab.open("/actors")
    page.click("[data-testid=actors-table] a:text-is('RUS')")
    page = tab.ready()
    assert page.url.endswith("/actors/RUS")
    partners = page.locator("[data-testid=partners-table] tbody tr")
    assert partners.first.locator("td").first.inner_text().startswith("UKR")
    page.wait_for_selector("[data-testid=actor-chart][data-drawn] svg")
    assert page.locator("[data-testid=actor-chart] svg path[aria-label]").count() > 0
    page.select_option("select[name=interval]", "week")
    page.click("button[type=submit]")
    page = tab.ready()
    assert "interval=week" in page.url
    assert page.locator("h2", has_text="per week").count() == 1


def test_dyad_page(tab: Page) -> None:
    page = tab.open("/dyad")
    # the busiest pair is chosen when none is given
    assert page.locator("input[name=a]").input_value() == "RUS"
    assert page.locator("[data-testid=dyad-total]").inner_text().startswith("25 events")
    page.fill("input[name=start]", "2021-03-01")
    page.select_option("select[name=direction]", "ab")
    page.click("button[type=submit]")
    page = tab.ready()
    assert "direction=ab" in page.url and "start=2021-03-01" in page.url
    rows = page.locator("[data-testid=dyad-table] tbody tr")
    assert rows.count() > 0
    assert all(r.locator("td").nth(6).inner_text() == "0" for r in rows.all())  # UKR -> RUS column


def test_network_page(tab: Page) -> None:
    page = tab.open("/network")
    page.wait_for_selector("[data-testid=network][data-drawn] svg")
    assert page.locator("[data-testid=nodes-table] tbody tr").count() == 6
    assert page.locator("[data-testid=edges-table] tbody tr").count() == 4
    page.fill("input[name=start]", "2021-07-01")
    page.fill("input[name=end]", "2021-07-31")
    page.click("button[type=submit]")
    page = tab.ready()
    codes = page.locator("[data-testid=nodes-table] tbody td:first-child a").all_inner_texts()
    assert set(codes) == {"RUS", "USA", "UKR", "CUB", "PRK"}
    page.click("[data-testid=nodes-table] a:text-is('USA')")
    page = tab.ready()
    assert page.url.endswith("/actors/USA")


def test_code_page_highlights_pasted_text(tab: Page) -> None:
    page = tab.open("/code")
    page.fill("input[name=date]", "2021-07-16")
    page.fill("textarea[name=text]", f"{SCRIPT} Russia threatened Ukraine {ATTRIBUTE}. {IMG}")
    page.click("button[type=submit]")
    page.wait_for_selector("body[data-coded]", state="attached")
    assert page.locator(".status").inner_text() == "1 event found."
    assert marks(page, "hl-trigger") == ["threatened"]
    assert marks(page, "hl-actor") == ["Russia"]
    assert marks(page, "hl-recipient") == ["Ukraine"]
    assert SCRIPT in page.locator("[data-testid=article-text]").inner_text()
    assert page.locator("img").count() == 0 and page.locator("[onmouseover]").count() == 0


def test_code_page_shows_a_clear_error(tab: Page) -> None:
    page = tab.open("/code")
    page.fill("input[name=date]", "2021-07-16")
    page.eval_on_selector("textarea[name=text]", "t => t.removeAttribute('maxlength')")
    page.fill("textarea[name=text]", "x" * 100_001)
    page.click("button[type=submit]")
    page.wait_for_selector("body[data-coded]", state="attached")
    error = page.locator(".error")
    assert "limit is 100,000" in error.inner_text()
    error.evaluate("e => e.remove()")  # expected here; check_clean looks for unexpected ones
    tab.errors = [e for e in tab.errors if "413" not in e]


# ---- deduplicated events, calendar axes, downloads, pair links, 404 (issue 18) ----------------


def _copy(article: Any, new_id: str, date: Any = None) -> Any:
    """The same article under another id (another wire's copy), its events coded again."""
    import dataclasses

    from test_web_api import make_event, _actor

    copy = dataclasses.replace(article, id=new_id, date=date or article.date)
    t = copy.text
    return ArticleResult(copy, [make_event(copy, "accused", "ACCUSE", cameo="112", goldstein=-2.0, quad=3,
                                           actor=[_actor(t, "Moscow", "RUS", name="Russia")],
                                           recipient=[_actor(t, "Washington", "USA", name="United States")])])


@pytest.fixture(scope="module")
def dedup_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The fixture store with two more copies of the 'echo' article (same event, same day) and an old
    RUS-UKR meeting in November 2019, so that 2020 is a year without any RUS-UKR event; deduplicated."""
    from test_web_api import build_results, make_event, _actor

    from tacitus.model import Article
    from tacitus.store import Store

    results = build_results()
    echo = next(r for r in results if r.article and r.article.id == "a-echo")
    results += [_copy(echo.article, "a-echo-2"), _copy(echo.article, "a-echo-3")]
    old = Article(id="a-old", date=dt.date(2019, 11, 15), title="Old talks", text="Russia met Ukraine in Minsk.")
    results.append(ArticleResult(old, [make_event(old, "met", "CONSULT", cameo="040", goldstein=1.0, quad=1,
                                                  actor=[_actor(old.text, "Russia", "RUS")], recipient=[_actor(old.text, "Ukraine", "UKR")])]))
    path = tmp_path_factory.mktemp("dedup") / "dedup.duckdb"
    with Store(path) as store:
        store.write(results)
        store.deduplicate()
    with LiveServer(create_app(path)) as live:
        yield live


@pytest.fixture()
def dtab(browser: Any, dedup_server: LiveServer) -> Iterator[Page]:
    page = Page(browser, dedup_server.url)
    yield page
    page.check_clean()
    page.page.close()


def test_the_events_reports_switch(dtab: Page) -> None:
    page = dtab.open("/events?actor=RUS&partner=USA&role=source")
    assert page.locator("[data-testid=count]").inner_text() == "2 events"  # the three copies are one event
    assert sorted(page.locator("[data-testid=mentions]").all_inner_texts()) == ["1", "3"]
    assert "events (" in page.locator("[data-testid=footer-counts]").inner_text()
    page.click("#count-switch a[data-count=reports]")
    page = dtab.ready()
    assert "count=reports" in page.url and "partner=USA" in page.url
    assert page.locator("[data-testid=count]").inner_text() == "4 reports"
    # the switch carries over to other pages and through a filter form
    page = dtab.open("/actors/USA?count=reports")
    assert page.locator("[data-testid=partners-table] tr[data-partner=RUS] td").nth(2).inner_text() == "4"
    page.click("button[type=submit]")
    page = dtab.ready()
    assert "count=reports" in page.url


def test_timelines_are_drawn_on_a_calendar(dtab: Page) -> None:
    page = dtab.open("/dyad?a=RUS&b=UKR&interval=month")
    page.wait_for_selector("[data-testid=dyad-chart][data-drawn] svg")
    chart = page.locator("[data-testid=dyad-chart] svg")

    def x_of(month: str) -> float:
        box = chart.locator(f"path[aria-label*='{month}']").first.bounding_box()
        assert box is not None, month
        return float(box["x"])

    one_month = x_of("2019-12") - x_of("2019-11")
    gap = x_of("2021-01") - x_of("2019-11")  # 2020 had no RUS-UKR event: its twelve months are still drawn
    assert one_month > 0 and gap == pytest.approx(14 * one_month, rel=0.08)
    texts = "els => els.map(e => e.textContent)"
    labels = chart.locator(".role-axis-label text").evaluate_all(texts)
    assert any("2020" in label for label in labels)  # the empty year has its ticks
    assert {"events per month", "Goldstein sum"} <= set(chart.locator(".role-axis-title text").evaluate_all(texts))


def test_downloads_hold_what_the_view_shows(dtab: Page) -> None:
    import csv
    import io

    page = dtab.open("/events?actor=RUS&partner=USA")
    with page.expect_download() as info:
        page.click("[data-download=csv]")
    download = info.value
    assert download.suggested_filename == "tacitus-events-actor=RUS-partner=USA.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    shown = page.locator("tr[data-event-id]").all()
    assert [r["id"] for r in rows] == [t.get_attribute("data-event-id") for t in shown]
    assert sorted(r["n_mentions"] for r in rows) == ["1", "3"]
    with page.expect_download() as info:
        page.click("[data-download=parquet]")
    assert Path(info.value.path()).read_bytes()[:4] == b"PAR1"
    page = dtab.open("/dyad?a=RUS&b=UKR")
    page.wait_for_selector("[data-testid=dyad-chart][data-drawn] svg")
    with page.expect_download() as info:
        page.click("button[data-download=svg]")
    assert info.value.suggested_filename == "tacitus-dyad-RUS-UKR-events-month.svg"
    assert "<svg" in Path(info.value.path()).read_text(encoding="utf-8")
    with page.expect_download() as info:
        page.click("button[data-download=png]")
    assert Path(info.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_partner_links_are_filtered_to_the_pair(dtab: Page) -> None:
    page = dtab.open("/actors/RUS")
    partners = page.locator("[data-testid=partners-table] tbody tr")
    codes = [p.get_attribute("data-partner") for p in partners.all()]
    assert "RUS" not in codes and None not in codes and set(codes) == {"UKR", "USA"}
    hrefs = page.locator("a.pair-events").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(set(hrefs)) == len(hrefs) == 2
    page.click("tr[data-partner=USA] a.pair-events")
    page = dtab.ready()
    assert "actor=RUS" in page.url and "partner=USA" in page.url
    for row in page.locator("[data-testid=events-table] tbody tr").all():
        assert {row.locator("td").nth(3).inner_text().split()[0], row.locator("td").nth(4).inner_text().split()[0]} == {"RUS", "USA"}


def test_an_unknown_page_is_an_html_404(browser: Any, dedup_server: LiveServer) -> None:
    page = browser.new_page()  # (the browser logs the 404 itself as a console error: not checked here)
    try:
        response = page.goto(dedup_server.url + "/no/such/page")
        assert response is not None and response.status == 404
        assert "text/html" in response.headers["content-type"]
        assert page.locator("[data-testid=not-found] h1").inner_text() == "Page not found"
        page.click("a:text-is('Events')")
        page.wait_for_selector("body[data-ready]", state="attached")
        api = page.goto(dedup_server.url + "/api/nothing")
        assert api is not None and api.status == 404 and api.headers["content-type"].startswith("application/json")
    finally:
        page.close()


def test_the_events_table_fits_a_phone(browser: Any, dedup_server: LiveServer) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 800})
    try:
        for path in ("/events", "/actors/RUS", "/dyad", "/network", "/docs/api"):
            page.goto(dedup_server.url + path)
            page.wait_for_selector("body[data-ready]", state="attached")
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    finally:
        page.close()


def test_the_api_reference_page(dtab: Page) -> None:
    page = dtab.open("/docs/api")
    assert page.locator("section.endpoint").count() >= 8
    assert page.locator("section.endpoint h2", has_text="/api/events").count() >= 1
    assert "count" in page.locator("section.endpoint").first.inner_text() or page.locator("td.code:text-is('count')").count() > 0
