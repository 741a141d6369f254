"""The web API, in-process, against a fixture store built by code (no spaCy)."""

from __future__ import annotations

import asyncio
import json
import datetime as dt
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web UI needs fastapi (in the lock file)")
import httpx  # noqa: E402

from tacitus.errors import StoreError  # noqa: E402
from tacitus.model import Actor, Article, Event, Location, Modality, Span  # noqa: E402
from tacitus.pipeline import ArticleResult  # noqa: E402
from tacitus.store import Store  # noqa: E402
from tacitus.web import create_app  # noqa: E402
from tacitus.web.app import MAX_TEXT_CHARS, STATIC  # noqa: E402

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '" onmouseover="alert(1)'
IMG = "<img src=x onerror=alert(1)>"
PAYLOAD_TEXT = (
    f"Officials in {SCRIPT} said on Tuesday that Russia{ATTRIBUTE} threatened Ukraine {IMG} over the border. "
    "Nothing else happened."
)
PAYLOAD_TITLE = f'{SCRIPT} & "quotes" {IMG}'

# ---- the fixture store ------------------------------------------------------------------------


def _sentence(text: str, start: int) -> tuple[int, str]:
    """The sentence around ``start`` (split after '. ') and its index."""
    bounds = [0] + [m.end() for m in re.finditer(r"\. ", text)]
    index = max(i for i, b in enumerate(bounds) if b <= start)
    end = bounds[index + 1] if index + 1 < len(bounds) else len(text)
    return index, text[bounds[index]:end].strip()


def _actor(text: str, words: str, code: str | None, *, sector: str | None = "GOV", name: str | None = None,
           country: str | None = "same", after: int = 0) -> Actor:
    start = text.index(words, after)
    return Actor(text=words, start=start, end=start + len(words), code=code,
                 country=code if country == "same" else country, sector=sector, name=name, reason=f"test actor {words}")


def make_event(article: Article, trigger: str, event: str, *, cameo: str, goldstein: float, quad: int,
               actor: list[Actor] | None = None, recipient: list[Actor] | None = None, date: dt.date | None = None,
               after: int = 0, mode: str = "", modality: Modality | None = None, claimed_by: Actor | None = None,
               location: Location | None = None, reasons: dict[str, str] | None = None) -> Event:
    start = article.text.index(trigger, after)
    index, sentence = _sentence(article.text, start)
    return Event(
        article_id=article.id, sentence_index=index, text=sentence, event=event, mode=mode, cameo=cameo,
        goldstein=goldstein, quad_code=quad, trigger=Span(start, start + len(trigger)), event_text=trigger,
        actor=actor or [], recipient=recipient or [], date=date or article.date, modality=modality or Modality(),
        claimed_by=claimed_by, location=location,
        coder={"tacitus": "test", "events": "test.events.v1"},
        reasons={"event": f"trigger '{trigger}' (test lexicon)", "cameo": f"{cameo} from the trigger", "actor": "subject of the trigger",
                 "recipient": "object of the trigger", "date": "the article date", **(reasons or {})},
    )


def build_results() -> list[ArticleResult]:
    """Five articles: a dyad reported twice, an attack, a payload article, and a run of events for timelines."""
    results = []

    cuba = Article(id="a-cuba", date=dt.date(2021, 7, 16), title="North Korea backs Cuba", source="Wire",
                   url="https://example.org/cuba",
                   text="North Korea voiced support for Cuba on Friday. Russia accused the United States of meddling.")
    t = cuba.text
    results.append(ArticleResult(cuba, [
        make_event(cuba, "voiced support", "SUPPORT", cameo="051", goldstein=3.4, quad=1,
                   actor=[_actor(t, "North Korea", "PRK")], recipient=[_actor(t, "Cuba", "CUB")]),
        make_event(cuba, "accused", "ACCUSE", cameo="112", goldstein=-2.0, quad=3,
                   actor=[_actor(t, "Russia", "RUS")], recipient=[_actor(t, "the United States", "USA")]),
    ]))

    echo = Article(id="a-echo", date=dt.date(2021, 7, 19), title="Moscow blames Washington", source="Other wire",
                   text="Moscow again accused Washington of meddling in its affairs.")
    t = echo.text
    results.append(ArticleResult(echo, [
        make_event(echo, "accused", "ACCUSE", cameo="112", goldstein=-2.0, quad=3,
                   actor=[_actor(t, "Moscow", "RUS", name="Russia")], recipient=[_actor(t, "Washington", "USA", name="United States")]),
    ]))

    strike = Article(id="a-strike", date=dt.date(2021, 8, 30), title="Strike near Kabul",
                     text="Reporters 😀 said the United States struck targets in Afghanistan on Sunday. "
                          "The Taliban did not attack the airport.")
    t = strike.text
    reporters = _actor(t, "Reporters", None, sector="JRN", country=None)
    results.append(ArticleResult(strike, [
        make_event(strike, "struck", "ASSAULT", cameo="195", goldstein=-10.0, quad=4, mode="aerial",
                   actor=[_actor(t, "the United States", "USA", sector="MIL")], recipient=[_actor(t, "Afghanistan", "AFG", sector=None)],
                   date=dt.date(2021, 8, 29), claimed_by=reporters,
                   location=Location(name="Kabul", country="AFG", lat=34.53, lon=69.17)),
        make_event(strike, "attack", "ASSAULT", cameo="190", goldstein=-10.0, quad=4,
                   actor=[_actor(t, "The Taliban", "AFG", sector="REB", name="Taliban")], recipient=[],
                   modality=Modality(negated=True), location=Location(name="Kabul", country="AFG", lat=34.53, lon=69.17)),
    ]))

    payload = Article(id="a-payload", date=dt.date(2021, 7, 20), title=PAYLOAD_TITLE, source="<b>bold</b>",
                      url="javascript:alert(1)", text=PAYLOAD_TEXT)
    t = payload.text
    results.append(ArticleResult(payload, [
        make_event(payload, "threatened", "THREATEN", cameo="130", goldstein=-4.4, quad=3,
                   actor=[_actor(t, f"Russia{ATTRIBUTE}", "RUS", name=IMG)], recipient=[_actor(t, "Ukraine", "UKR")],
                   reasons={"event": f"trigger {SCRIPT} (test)", "actor": f"subject {ATTRIBUTE}", "date": "article date"}),
    ]))

    # A run of RUS-UKR events over half a year: weekly and monthly buckets, both directions.
    lines = [f"Russia met Ukraine in round {i}. Ukraine shelled Russia in round {i}." for i in range(12)]
    run = Article(id="a-run", date=dt.date(2021, 6, 30), title="Talks and shelling", text=" ".join(lines))
    t = run.text
    events = []
    for i in range(12):
        at = t.index(f"round {i}.")
        day = dt.date(2021, 1, 4) + dt.timedelta(days=14 * i)
        start = t.rindex("Russia met", 0, at)
        events.append(make_event(run, "met", "CONSULT", cameo="040", goldstein=1.0, quad=1, after=start, date=day,
                                 actor=[_actor(t, "Russia", "RUS", after=start)], recipient=[_actor(t, "Ukraine", "UKR", after=start)]))
        start = t.index("Ukraine shelled", at)
        events.append(make_event(run, "shelled", "ASSAULT", cameo="195", goldstein=-10.0, quad=4, after=start, date=day,
                                 modality=Modality(hypothetical=i % 3 == 0),
                                 actor=[_actor(t, "Ukraine", "UKR", after=start)], recipient=[_actor(t, "Russia", "RUS", after=start)]))
    results.append(ArticleResult(run, events))
    return results


def build_store(path: Path) -> list[ArticleResult]:
    results = build_results()
    with Store(path) as store:
        store.write(results)
    return results


def event_id(results: list[ArticleResult], article: str, event: str) -> str:
    return next(e.id for r in results if r.article and r.article.id == article for e in r.events if e.event == event)


def fake_coder(text: str, date: dt.date) -> list[Event]:
    """Codes 'X threatened Y' like the pipeline would, offsets into text.strip(); no spaCy."""
    body = text.strip()
    article = Article(id="pasted", date=date, text=body)
    if "threatened" not in body:
        return []
    at = body.index("threatened")
    before = body[:at].split()
    after = body[at + len("threatened"):].split()
    actor = _actor(body, before[-1], "RUS", after=max(0, at - len(before[-1]) - 1)) if before else None
    recipient = _actor(body, after[0], "UKR", after=at) if after else None
    return [make_event(article, "threatened", "THREATEN", cameo="130", goldstein=-4.4, quad=3,
                       actor=[actor] if actor else [], recipient=[recipient] if recipient else [])]


# ---- an in-process client ----------------------------------------------------------------------


class Client:
    """Calls the ASGI app in-process (httpx's ASGI transport), one request at a time."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def call() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as client:
                return await client.request(method, url, **kwargs)

        return asyncio.run(call())

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "fixture.duckdb"
    build_store(path)
    return path


@pytest.fixture(scope="module")
def results() -> list[ArticleResult]:
    return build_results()


@pytest.fixture(scope="module")
def client(store_path: Path) -> Client:
    return Client(create_app(store_path))


@pytest.fixture(scope="module")
def coding_client(store_path: Path) -> Client:
    return Client(create_app(store_path, allow_coding=True, coder=fake_coder))


def total_events(results: list[ArticleResult]) -> int:
    return sum(len(r.events) for r in results)


# ---- meta and the events list ------------------------------------------------------------------


def test_meta_counts_and_filter_values(client: Client, results: list[ArticleResult]) -> None:
    meta = client.get("/api/meta").json()
    assert meta["articles"] == 5
    assert meta["events"] == total_events(results)
    assert {t["event"] for t in meta["event_types"]} == {"SUPPORT", "ACCUSE", "ASSAULT", "THREATEN", "CONSULT"}
    assert meta["modes"] == ["aerial"]
    assert meta["location_countries"] == ["AFG"]
    assert meta["allow_coding"] is False
    assert meta["max_page_size"] == 500


def test_events_default_page_is_newest_first(client: Client, results: list[ArticleResult]) -> None:
    page = client.get("/api/events").json()
    assert page["total"] == total_events(results)
    dates = [e["date"] for e in page["items"]]
    assert dates == sorted(dates, reverse=True)
    assert page["items"][0]["article_title"] == "Strike near Kabul"


def test_events_pagination(client: Client) -> None:
    first = client.get("/api/events", params={"page_size": 10, "sort": "date", "order": "asc"}).json()
    second = client.get("/api/events", params={"page_size": 10, "page": 2, "sort": "date", "order": "asc"}).json()
    assert first["pages"] == second["pages"] == -(-first["total"] // 10)
    assert len(first["items"]) == 10
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    assert first["items"][-1]["date"] <= second["items"][0]["date"]


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"event": "ASSAULT"}, lambda e: e["event"] == "ASSAULT"),
        ({"quad": 1}, lambda e: e["quad_code"] == 1),
        ({"actor": "USA"}, lambda e: "USA" in (e["actor_code"], e["recipient_code"])),
        ({"actor": "RUS", "role": "source"}, lambda e: e["actor_code"] == "RUS"),
        ({"actor": "RUS", "role": "target"}, lambda e: e["recipient_code"] == "RUS"),
        ({"country": "AFG"}, lambda e: e["location_country"] == "AFG"),
        ({"mode": "aerial"}, lambda e: e["mode"] == "aerial"),
        ({"modality": "negated"}, lambda e: e["negated"]),
        ({"modality": "hypothetical"}, lambda e: e["hypothetical"]),
        ({"modality": "claimed"}, lambda e: e["claimed"] and e["claimed_by"] is None),  # claimed by unresolved "Reporters"
        ({"modality": "asserted"}, lambda e: not (e["negated"] or e["hypothetical"] or e["hedged"])),
        ({"start": "2021-07-01", "end": "2021-07-31"}, lambda e: "2021-07-01" <= e["date"] <= "2021-07-31"),
        ({"article": "a-cuba"}, lambda e: e["article_id"] == "a-cuba"),
    ],
)
def test_events_filters(client: Client, params: dict[str, Any], check: Any) -> None:
    page = client.get("/api/events", params={**params, "page_size": 500}).json()
    assert page["total"] == len(page["items"]) > 0, params
    assert all(check(e) for e in page["items"]), params


def test_events_filters_combine(client: Client) -> None:
    page = client.get("/api/events", params={"actor": "UKR", "role": "source", "event": "ASSAULT",
                                             "modality": "hypothetical", "start": "2021-01-01", "end": "2021-12-31"}).json()
    assert page["total"] == 4  # rounds 0, 3, 6, 9


@pytest.mark.parametrize(
    ("sort", "key"), [("goldstein", "goldstein"), ("event", "event"), ("quad_code", "quad_code"), ("actor", "actor_code")]
)
def test_events_sorting(client: Client, sort: str, key: str) -> None:
    for order in ("asc", "desc"):
        items = client.get("/api/events", params={"sort": sort, "order": order, "page_size": 500}).json()["items"]
        values = [e[key] for e in items if e[key] is not None]
        assert values == sorted(values, reverse=order == "desc")


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"page_size": 501}, 422, "page_size"),
        ({"page_size": 0}, 422, "page_size"),
        ({"page": 0}, 422, "page"),
        ({"quad": 5}, 422, "quad"),
        ({"sort": "id; DROP TABLE events"}, 422, "sort"),
        ({"order": "sideways"}, 422, "order"),
        ({"modality": "maybe"}, 422, "modality"),
        ({"start": "July"}, 422, "start"),
        ({"start": "2021-08-01", "end": "2021-07-01"}, 422, "after end"),
    ],
)
def test_events_bad_parameters_are_clear_422s(client: Client, params: dict[str, Any], status: int, message: str) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == status
    body = response.json()
    assert message in body["error"]
    if "page_size" in params and params["page_size"] > 500:
        assert "500" in body["error"]


def test_values_are_bound_not_spliced(client: Client, results: list[ArticleResult]) -> None:
    for evil in ("x' OR '1'='1", "USA'--", "';DROP TABLE x;"):
        assert client.get("/api/events", params={"actor": evil}).json()["total"] == 0
        assert client.get("/api/events", params={"event": evil}).json()["total"] == 0
    assert client.get("/api/meta").json()["events"] == total_events(results)


# ---- one event ---------------------------------------------------------------------------------


def test_event_detail_has_record_article_and_other_reports(client: Client, results: list[ArticleResult]) -> None:
    accuse = event_id(results, "a-cuba", "ACCUSE")
    detail = client.get(f"/api/events/{accuse}").json()
    record = detail["record"]
    assert record["id"] == accuse and record["event"] == "ACCUSE"
    text = detail["article"]["text"]
    assert text[record["trigger"]["start"]:record["trigger"]["end"]] == "accused"
    assert [text[a["start"]:a["end"]] for a in record["actor"]] == ["Russia"]
    assert record["reasons"]["event"].startswith("trigger 'accused'")
    assert [r["article_id"] for r in detail["reported_by"]] == ["a-echo"]
    # and the other way round
    echo = event_id(results, "a-echo", "ACCUSE")
    assert [r["article_id"] for r in client.get(f"/api/events/{echo}").json()["reported_by"]] == ["a-cuba"]


def test_reports_need_same_type_dyad_and_window(client: Client, results: list[ArticleResult]) -> None:
    support = event_id(results, "a-cuba", "SUPPORT")
    assert client.get(f"/api/events/{support}").json()["reported_by"] == []
    # RUS->UKR CONSULT events are in one article only: no other article reports them
    consult = event_id(results, "a-run", "CONSULT")
    assert client.get(f"/api/events/{consult}").json()["reported_by"] == []


def test_unknown_event_is_404(client: Client) -> None:
    response = client.get("/api/events/nope")
    assert response.status_code == 404
    assert response.json()["error"] == "no event with this id"  # the input is not echoed


def test_payloads_come_back_verbatim_as_json(client: Client, results: list[ArticleResult]) -> None:
    detail = client.get(f"/api/events/{event_id(results, 'a-payload', 'THREATEN')}").json()
    assert detail["article"]["text"] == PAYLOAD_TEXT
    assert detail["article"]["title"] == PAYLOAD_TITLE
    assert detail["record"]["actor"][0]["text"] == f"Russia{ATTRIBUTE}"
    response = client.get("/api/events", params={"article": "a-payload"})
    assert response.headers["content-type"] == "application/json"


# ---- actors, dyads, network --------------------------------------------------------------------


def test_actors_list(client: Client) -> None:
    actors = {a["code"]: a for a in client.get("/api/actors").json()["actors"]}
    assert actors["RUS"]["n_source"] == 12 + 1 + 1 + 1  # run, cuba, echo, payload
    assert actors["RUS"]["n_target"] == 12
    assert actors["USA"]["name"] == "United States"


def test_actor_detail_partners_and_timeline(client: Client) -> None:
    detail = client.get("/api/actors/RUS").json()
    partners = {p["code"]: p for p in detail["partners"]}
    assert partners["UKR"]["n_source"] == 13 and partners["UKR"]["n_target"] == 12
    assert partners["UKR"]["cooperation"] == 12 and partners["UKR"]["conflict"] == 13
    assert partners["USA"]["conflict"] == 2
    months = {p["period"]: p for p in detail["timeline"]}
    assert months["2021-01-01"] == {"period": "2021-01-01", "cooperation": 2, "conflict": 2, "goldstein_sum": -18.0}
    weeks = client.get("/api/actors/RUS", params={"interval": "week"}).json()["timeline"]
    assert weeks[0]["period"] == "2021-01-04"  # a Monday
    assert sum(w["cooperation"] + w["conflict"] for w in weeks) == detail["n_source"] + detail["n_target"]


def test_dyad_timeline(client: Client) -> None:
    dyad = client.get("/api/dyad", params={"a": "RUS", "b": "UKR", "interval": "month"}).json()
    assert dyad["total"] == 25
    assert sum(p["q1"] for p in dyad["periods"]) == 12
    assert sum(p["q4"] for p in dyad["periods"]) == 12
    assert sum(p["q3"] for p in dyad["periods"]) == 1
    assert dyad["goldstein_sum"] == pytest.approx(12 * 1.0 - 12 * 10.0 - 4.4)
    weekly = client.get("/api/dyad", params={"a": "RUS", "b": "UKR", "interval": "week", "direction": "ab"}).json()
    assert weekly["total"] == 13 and all(p["b_to_a"] == 0 for p in weekly["periods"])
    assert len([p for p in weekly["periods"] if p["total"]]) == 13
    days = [dt.date.fromisoformat(p["period"]) for p in weekly["periods"]]
    assert all(b - a == dt.timedelta(days=7) for a, b in zip(days, days[1:]))  # every week, empty ones as zeros
    assert client.get("/api/dyad", params={"a": "RUS"}).status_code == 422
    assert client.get("/api/dyad", params={"a": "RUS", "b": "UKR", "interval": "year"}).status_code == 422


def test_top_dyads(client: Client) -> None:
    dyads = client.get("/api/dyads", params={"limit": 2}).json()["dyads"]
    assert (dyads[0]["a"], dyads[0]["b"], dyads[0]["n_events"]) == ("RUS", "UKR", 25)


def test_network(client: Client) -> None:
    net = client.get("/api/network").json()
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert edges[("RUS", "UKR")]["n_events"] == 25
    assert edges[("RUS", "USA")]["n_events"] == 2
    assert edges[("RUS", "USA")]["goldstein_mean"] == -2.0
    assert edges[("CUB", "PRK")]["n_source_to_target"] == 0 and edges[("CUB", "PRK")]["n_target_to_source"] == 1
    assert {n["code"] for n in net["nodes"]} == {"RUS", "UKR", "USA", "AFG", "CUB", "PRK"}
    july = client.get("/api/network", params={"start": "2021-07-01", "end": "2021-07-31", "min_events": 2}).json()
    assert [(e["source"], e["target"]) for e in july["edges"]] == [("RUS", "USA")]


# ---- coding --------------------------------------------------------------------------------------


def test_coding_is_off_unless_allowed(client: Client) -> None:
    # without --allow-coding the route does not exist: nothing reads the body
    response = client.post("/api/code", json={"text": "Russia threatened Ukraine.", "date": "2021-07-16"})
    assert response.status_code in (404, 405)


def test_coding_returns_events_with_offsets_into_the_text(coding_client: Client) -> None:
    response = coding_client.post("/api/code", json={"text": f"  Russia threatened Ukraine. {SCRIPT}\n", "date": "2021-07-16"})
    assert response.status_code == 200
    body = response.json()
    assert body["text"] == f"Russia threatened Ukraine. {SCRIPT}"
    (record,) = body["events"]
    assert body["text"][record["trigger"]["start"]:record["trigger"]["end"]] == "threatened"
    assert coding_client.get("/api/meta").json()["allow_coding"] is True


@pytest.mark.parametrize(
    ("payload", "status", "message"),
    [
        ({"text": "x" * (MAX_TEXT_CHARS + 1), "date": "2021-07-16"}, 413, "100,000"),
        ({"text": "Russia threatened Ukraine.", "date": "yesterday"}, 422, "date"),
        ({"text": "Russia threatened Ukraine."}, 422, "date"),
        ({"text": "   ", "date": "2021-07-16"}, 422, "empty"),
    ],
)
def test_coding_limits(coding_client: Client, payload: dict[str, Any], status: int, message: str) -> None:
    response = coding_client.post("/api/code", json=payload)
    assert response.status_code == status
    assert message in response.json()["error"]


def test_oversized_body_is_refused_before_parsing(coding_client: Client) -> None:
    response = coding_client.post("/api/code", content=b"x" * 2_000_000, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "bytes" in response.json()["error"]


@pytest.mark.model
def test_coding_with_the_pipeline(store_path: Path) -> None:
    client = Client(create_app(store_path, allow_coding=True))
    response = client.post("/api/code", json={"text": "North Korea voiced support for Cuba on Friday.", "date": "2021-07-16"})
    assert response.status_code == 200
    body = response.json()
    assert any(e["event"] == "SUPPORT" for e in body["events"])
    for record in body["events"]:
        assert body["text"][record["trigger"]["start"]:record["trigger"]["end"]] == record["event_text"]


# ---- the app as a whole ------------------------------------------------------------------------


def test_openapi_describes_every_endpoint(client: Client, coding_client: Client) -> None:
    spec = client.get("/api/openapi.json").json()
    assert set(spec["paths"]) == {
        "/api/meta", "/api/events", "/api/events/{event_id}", "/api/actors", "/api/actors/{code}",
        "/api/dyads", "/api/dyad", "/api/network",
    }
    assert "/api/code" in coding_client.get("/api/openapi.json").json()["paths"]
    assert spec["paths"]["/api/events"]["get"]["parameters"]
    # the Swagger/ReDoc pages load scripts from a CDN: they are off
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


@pytest.mark.parametrize("page", ["/events", "/events/abc", "/actors", "/actors/RUS", "/dyad", "/network", "/code"])
def test_pages_serve_the_static_shell_with_a_strict_policy(client: Client, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.text == (STATIC / "index.html").read_text(encoding="utf-8")  # no data in the HTML


def test_root_redirects_and_unknown_paths_are_json_404s(client: Client) -> None:
    assert client.get("/").headers["location"] == "/events"
    response = client.get("/api/nothing")
    assert response.status_code == 404 and "openapi" in response.json()["error"]


def test_assets_come_from_the_package_only() -> None:
    files = sorted(f for f in STATIC.iterdir() if f.is_file())
    assert {f.name for f in files} >= {"index.html", "app.js", "style.css", "404.html"}
    vendored = json.loads((STATIC / "vendor" / "VERSIONS.json").read_text(encoding="utf-8"))
    for name, info in vendored.items():  # each library with its licence, version and tarball integrity
        assert info["version"] and info["integrity"].startswith("sha512-"), name
        assert all((STATIC / "vendor" / f).is_file() for f in info["files"]) and f"{name}.LICENSE.txt" in info["files"]
    for f in files:
        text = f.read_text(encoding="utf-8")
        urls = set(re.findall(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s\"')]*", text))
        assert urls <= {"http://www.w3.org/2000/svg"}, f"{f.name} refers to {urls}"
        assert "@import" not in text


def test_ui_never_parses_data_as_html() -> None:
    js = (STATIC / "app.js").read_text(encoding="utf-8")
    code = "\n".join(line for line in js.splitlines() if not line.lstrip().startswith("//"))
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in code, sink


def test_static_assets_are_served(client: Client) -> None:
    for name in ("app.js", "style.css", "favicon.svg"):
        assert client.get(f"/static/{name}").status_code == 200


# ---- the store ----------------------------------------------------------------------------------


def test_missing_store_is_an_error_at_start(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        create_app(tmp_path / "none.duckdb")


def test_store_locked_by_a_writer_is_a_503(tmp_path: Path) -> None:
    path = tmp_path / "locked.duckdb"
    build_store(path)
    client = Client(create_app(path))
    holder = textwrap.dedent(f"""
        import sys, duckdb
        con = duckdb.connect({str(path)!r})
        print("locked", flush=True)
        sys.stdin.read()
    """)
    proc = subprocess.Popen([sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        response = client.get("/api/meta")
        assert response.status_code == 503
        assert response.json()["error"] == "the store is being updated; retrying"  # no path, no process id
        assert str(tmp_path) not in response.text
        assert response.headers["retry-after"] == "2"
    finally:
        proc.communicate("")
    assert client.get("/api/meta").status_code == 200  # answers again once the writer is gone


def test_cli_serve_reports_a_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tacitus.cli import main

    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no store" in capsys.readouterr().err


def _raw_get(app: Any, path: str, query: bytes) -> int:
    """The status of a GET sent straight to the ASGI app (httpx refuses URLs this long before sending them)."""
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": query, "root_path": "",
             "headers": [(b"host", b"127.0.0.1:8000")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 8000)}
    asyncio.run(app(scope, receive, send))
    return next(m["status"] for m in sent if m["type"] == "http.response.start")


def test_a_list_parameter_repeated_thousands_of_times_is_refused_at_once(client: Client) -> None:
    import time

    started = time.monotonic()
    assert _raw_get(client.app, "/api/events", "&".join(["modality=negated"] * 5000).encode()) == 414
    assert time.monotonic() - started < 1
    response = client.get("/api/events?" + "&".join(["modality=negated"] * 100))
    assert response.status_code == 400 and "query parameters" in response.json()["error"]
    many = client.get("/api/events?" + "&".join(["modality=negated"] * 20))
    assert many.status_code == 200  # repeats within the limit are one filter
    assert many.json() == client.get("/api/events?modality=negated").json()


def test_a_chunked_body_is_counted_as_it_arrives(coding_client: Client) -> None:
    async def chunks():
        for _ in range(200):  # 200 MB if read to the end; refused after the first megabyte
            yield b"x" * 1_000_000

    response = coding_client.post("/api/code", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_a_foreign_host_header_is_refused(client: Client) -> None:
    response = client.get("/api/meta", headers={"host": "attacker.example"})
    assert response.status_code == 400


def slow_query(con: Any, *args: Any, **kwargs: Any) -> Any:
    """A store query that runs for minutes unless it is interrupted."""
    con.execute("SELECT count(*) FROM range(1000000000000) t(i) WHERE i % 7 = 3").fetchall()
    raise AssertionError("the slow query was not interrupted")


def test_a_query_past_its_time_limit_is_stopped(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tacitus.web import queries

    monkeypatch.setattr(queries, "list_events", slow_query)
    slow = Client(create_app(store_path, query_seconds=0.3))
    response = slow.get("/api/events")
    assert response.status_code == 422
    assert response.json()["error"] == "the query took too long and was stopped; narrow the filters"
    assert slow.get("/api/meta").status_code == 200  # the shared connection still serves


def test_validation_errors_do_not_echo_the_input(client: Client) -> None:
    response = client.get("/api/events", params={"actor": "X" * 2000})
    assert response.status_code == 422 and "X" * 100 not in response.text
