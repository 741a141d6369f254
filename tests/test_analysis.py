"""The per-article state stages share: the actors stage offers actor lookup and speakers as one ``Resolution``."""

from __future__ import annotations

import datetime as dt

from tacitus.api import get_pipeline
from tacitus.model import Article
from tacitus.stages.base import Analysis, Resolution

TEXT = 'Cuba condemned the embargo. "We will not give in," the foreign minister said.'


def _analysis(*, with_actors: bool) -> Analysis:
    pipeline = get_pipeline()
    analysis = next(iter(pipeline.parser([Article(id="t", date=dt.date(2021, 7, 16), text=TEXT)])))
    return pipeline.stages["actors"](analysis) if with_actors else analysis


def test_the_actors_stage_sets_a_resolution():
    analysis = _analysis(with_actors=True)
    assert isinstance(analysis.resolution, Resolution)
    cuba = analysis.doc[0]
    assert [a.code for a in analysis.resolution.actors_for(cuba)] == ["CUB"]
    said = next(t for t in analysis.doc if t.text == "said")
    speaker = analysis.resolution.speaker_of(said)
    assert speaker is not None and speaker.country == "CUB"


def test_without_the_actors_stage_the_events_stage_keeps_unresolved_actors():
    analysis = _analysis(with_actors=False)
    assert analysis.resolution is None
    events = get_pipeline().stages["events"](analysis).events
    assert events and all(a.code is None and a.reason == "actors stage disabled" for e in events for a in e.actor)
