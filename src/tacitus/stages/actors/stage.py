"""The actors stage (``tacitus.actors.v1``): an article's mentions found, and its ``ActorResolver`` set on the analysis for later stages."""

from __future__ import annotations

from ...registry import register_stage
from ...user_dictionaries import load_actor_dictionary
from ..base import Analysis
from .mentions import find_mentions
from .resolver import ActorResolver


@register_stage(
    "tacitus.actors.v1",
    role="actors",
    reads=("Article", "doc.sents", "token.lemma_", "token.dep_", "doc.ents"),
    writes=("Analysis.mentions", "Analysis.resolution"),
    defaults={"dictionaries": []},
)
class ActorStage:
    """Dictionary actor mentions (countries, capitals, seats of power, IGOs, groups, people, sectors) resolved as of the article date."""

    version = "tacitus.actors.v1"

    def __init__(self, *, dictionaries: list[str] | tuple[str, ...] = ()) -> None:
        self.dictionary = load_actor_dictionary(tuple(str(p) for p in dictionaries))

    def __call__(self, analysis: Analysis) -> Analysis:
        analysis.mentions = find_mentions(analysis.doc, self.dictionary, analysis.article.date)
        resolver = ActorResolver(analysis, self.dictionary)
        analysis.resolution = resolver
        return analysis
