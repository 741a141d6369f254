"""Hand-built articles and events for store, export and analytics tests (no spaCy)."""

from __future__ import annotations

import datetime as dt

from tacitus.model import Actor, Article, Event, Location, Span
from tacitus.pipeline import ArticleResult

TEXT = "Russia shelled Kharkiv. Ukraine condemned Russia. Moscow and Kyiv held talks."


def actor(code: str | None, text: str, start: int, sector: str | None = None) -> Actor:
    return Actor(text=text, start=start, end=start + len(text), code=code, country=code, sector=sector, name=text)


def event(article_id: str, day: dt.date, kind: str, cameo: str, goldstein: float, quad: int, src: list[Actor],
          tgt: list[Actor], trigger: tuple[int, int], sentence: int = 0, **modality: bool) -> Event:
    e = Event(article_id=article_id, sentence_index=sentence, text=TEXT, event=kind, mode="", cameo=cameo,
              goldstein=goldstein, quad_code=quad, trigger=Span(*trigger), event_text=TEXT[trigger[0]:trigger[1]],
              actor=src, recipient=tgt, date=day, date_reason="test", coder={"tacitus": "test"},
              reasons={"event": "test", "cameo": "test"})
    for key, value in modality.items():
        setattr(e.modality, key, value)
    if kind == "ASSAULT":
        e.location = Location(name="Kharkiv", country="UKR", lat=49.99, lon=36.23)
    return e


def article_result(article_id: str, day: dt.date, *, source: str = "wire") -> ArticleResult:
    art = Article(id=article_id, date=day, text=TEXT, title=f"title {article_id}", source=source, url=f"http://x/{article_id}")
    rus, ukr = actor("RUS", "Russia", 0, "GOV"), actor("UKR", "Kharkiv", 15)
    events = [
        event(article_id, day, "ASSAULT", "195", -10.0, 4, [rus], [ukr], (7, 14)),
        event(article_id, day, "ACCUSE", "111", -2.0, 3, [actor("UKR", "Ukraine", 24)], [actor("RUS", "Russia", 43)], (32, 41), 1),
        event(article_id, day, "CONSULT", "040", 1.0, 1, [actor("RUS", "Moscow", 51, "GOV"), actor("UKR", "Kyiv", 62, "GOV")], [],
              (67, 77), 2, hypothetical=True),
    ]
    return ArticleResult(art, events)


def build_store(path, days=(dt.date(2022, 3, 1), dt.date(2022, 3, 1), dt.date(2022, 3, 2), dt.date(2022, 4, 20))) -> None:
    from tacitus.store import Store

    with Store(path) as store:
        store.write([article_result(f"a{k}", day) for k, day in enumerate(days)])
        store.deduplicate(window_days=1)
