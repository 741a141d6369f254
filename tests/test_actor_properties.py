"""Property tests on actor matching: never crash, mentions always inside the text, dates respected."""

from __future__ import annotations

import datetime as dt

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from tacitus.stages.actors import find_mentions
from tacitus.user_dictionaries import load_actor_dictionary

NLP = spacy.blank("en")
WORDS = ["Washington", "the", "Kremlin", "North", "Korea", "Cuban", "US", "us", "UN", "Un", "Kim", "Jong", "said", "Bush",
         "George", "W.", "Georgia", "state", "of", "Jordan", "Michael", "protesters", ",", ".", "’s", "Soviet", "Union",
         "White", "House", "Hamas", "ISIS", "is", "Taliban", "Putin", "Biden", "Paris", "Texas", "\n\n", "ümlaut", "😀"]


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), max_size=40),
       day=st.dates(min_value=dt.date(1946, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_mentions_never_crash_and_stay_inside(words, day):
    doc = NLP(" ".join(words))
    dictionary = load_actor_dictionary()
    mentions = find_mentions(doc, dictionary, day)
    last_end = 0
    for m in mentions:
        assert 0 <= m.i < m.j <= len(doc)
        assert m.i >= last_end, "mentions never overlap"
        last_end = m.j
        span = doc[m.i : m.j]
        assert 0 <= span.start_char < span.end_char <= len(doc.text)
        if m.kind == "person" and m.sector not in (None, "ELI"):
            entries = [e for e in dictionary.names[tuple(t.lower_ for t in span)] if e.kind == "person" and e.name == m.name]
            assert any(e.valid_on(day) for e in entries), "a person coded as in office must be in office that day"


def test_lower_case_words_never_match_acronyms():
    doc = NLP("let us talk about the un plan")
    assert find_mentions(doc, load_actor_dictionary(), dt.date(2020, 1, 1)) == []


def test_people_resolve_as_of_the_article_date():
    dictionary = load_actor_dictionary()
    doc = NLP("President Bush spoke")
    [m1991] = find_mentions(doc, dictionary, dt.date(1991, 6, 1))
    [m2003] = find_mentions(doc, dictionary, dt.date(2003, 6, 1))
    assert m1991.country == m2003.country == "USA" and m1991.sector == m2003.sector == "GOV"
    assert m1991.name != m2003.name
