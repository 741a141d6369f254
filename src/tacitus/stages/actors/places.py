"""The country of an actor phrase from the places in it or in its clause: a region or city the gazetteer knows, or a country named where the clause happens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..base import Analysis, Mention
from .mentions import capitalised
from .words import ACT_NOUNS, LOCATIVE_PREPS, NAMED_PLACE_RATIO, PLACE_DOMINANCE, RESIDENT_NOUNS, UNTAGGED_PLACE_MIN_POPULATION

# Nouns of a place whose country adjective says where it is ("the Pakistani city of Quetta"), unlike "a US-Iraqi checkpoint".
PLACE_NOUNS = frozenset("city town village capital province region district port".split())

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def names_an_act(head: Token) -> bool:
    """A phrase naming an attack or a blast, not a party ("a wave of bombings in Kabul killed ..."): the place
    in it is where it happened, and gives the act no country of its own."""
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return any(t is not None and t.lemma_.lower() in ACT_NOUNS for t in (head, inner))


def place_in(analysis: Analysis, np: dict[int, int]) -> tuple[str, str] | None:
    """"the government of Oromia region", "police in Lagos": a region or city the gazetteer
    knows, named in the noun phrase, gives the country when all places of that name are in one
    country (or one of them is in a country the article names)."""
    from ...gazetteer import load_gazetteer
    from ..syntax import GENERIC_NAMES as GENERIC_PLACE_WORDS

    doc = analysis.doc
    gazetteer = load_gazetteer()
    for k in sorted(np):
        tok = doc[k]
        tagged = tok.ent_type_ in ("GPE", "LOC")
        if not capitalised(tok) or not (tagged or (tok.pos_ == "PROPN" and tok.ent_type_ not in ("PERSON", "NORP")
                                                     and (tok.dep_ != "compound" or tok.head.lemma_.lower() in RESIDENT_NOUNS))):
            continue  # not "the Metro Bus Syndicate" (a word of a longer name); "a Cheltenham man" is from there
        if k > 0 and doc[k - 1].ent_type_ in ("GPE", "LOC") and doc[k - 1].i in np:
            continue  # matched from the first word of the name
        found = gazetteer.match_at([t.text for t in doc[k : k + 4]], 0)
        if found is None:
            continue
        end, places = found
        if end == 1 and tok.lower_ in GENERIC_PLACE_WORDS:
            continue  # "its Gulf war", "Central region": not the province of that name
        run = k
        while run + 1 < len(doc) and doc[run + 1].pos_ == "PROPN":
            run += 1
        if not tagged:  # a proper noun the tagger did not take for a place ("in Ryazan"): only a big one,
            # named by the whole run of proper nouns (not "Metro" of "Metro Bus Syndicate")
            if k + end - 1 != run or (k > 0 and doc[k - 1].pos_ == "PROPN"):
                continue
            places = [p for p in places if p.population >= UNTAGGED_PLACE_MIN_POPULATION]
        elif k + end - 1 != run:  # the start of a longer name ("Hyde Park Corner"): only a big place ("New York Times")
            places = [p for p in places if p.population >= UNTAGGED_PLACE_MIN_POPULATION]
        local = [p for p in places if p.kind != "country"]
        size: dict[str, int] = {}
        for p in local:
            size[p.country] = max(size.get(p.country, 0), p.population)
        countries = set(size)
        if len(countries) > 1:
            # "Lagos": the Nigerian city, not the Portuguese town; "Geneva" is not the Illinois town because
            # the article names the United States. A country the article names wins only among places of a size.
            top = max(size, key=lambda c: size[c])
            named = {m.country for m in analysis.mentions if m.country} & countries
            if all(size[top] >= PLACE_DOMINANCE * size[c] for c in countries if c != top):
                countries = {top}
            else:
                countries = {c for c in named if size[c] * NAMED_PLACE_RATIO >= size[top]}
        if len(countries) == 1:
            (country,) = countries
            place = max((p for p in places if p.country == country), key=lambda p: p.population)
            return country, f"place named in the phrase: {place.describe()}"
    return None


def country_of_clause(analysis: Analysis, by_token: dict[int, Mention], head: Token) -> tuple[str, str] | None:
    """The one country where the clause of ``head`` happens: "union leaders agreed to call off the
    march in Minsk", "inmates staged a hunger strike at a prison in Lima". Only places attached to the clause's
    verb, to the argument itself or to objects and infinitives below the verb (not to reported speech)."""
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "agent") else head
    if verb.dep_ == "prep" or verb.dep_ == "agent":
        verb = verb.head
    allowed = {head.i, verb.i}
    frontier = [verb, *(c for c in head.children if c.dep_ in ("acl", "relcl"))]  # "demonstrators protesting ... in X"
    # a verb coordinated with the clause's, sharing its subject: "killed five people and injured 30 in a Tel Aviv market"
    frontier += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and not any(g.dep_.startswith("nsubj") for g in c.children)]
    allowed.update(c.i for c in frontier)
    while frontier:  # objects, infinitive complements and their objects
        tok = frontier.pop()
        for child in tok.children:
            if child.dep_ in ("dobj", "xcomp", "attr", "oprd") and child.i not in allowed:
                allowed.add(child.i)
                frontier.append(child)
    countries: dict[str, Mention] = {}
    described: set[str] = set()  # countries the place phrases name by adjective ("a joint US-Iraqi checkpoint")
    for tok in analysis.sentence_of(head)[1]:
        if tok.dep_ != "pobj" or tok.head.lower_ not in LOCATIVE_PREPS or tok.head.head.i not in allowed:
            continue
        for sub in tok.subtree:
            m = by_token.get(sub.i)
            if m is not None and m.kind in ("country", "capital") and m.country:
                countries.setdefault(m.country, m)
            elif m is not None and m.kind == "adjective" and m.country and analysis.doc[m.j - 1].head.lower_ in PLACE_NOUNS:
                countries.setdefault(m.country, m)  # "in the Pakistani city of Quetta"
            elif m is not None and m.kind == "adjective" and m.country:
                described.add(m.country)
        if not any(by_token.get(sub.i) for sub in tok.subtree):
            place = place_in(analysis, {sub.i: 0 for sub in tok.subtree})
            if place is not None:
                countries.setdefault(place[0], Mention(tok.i, tok.i + 1, "place", place[0], place[0], None, place[0], place[1]))
    if len(countries) != 1 or described - set(countries):
        return None
    (m,) = countries.values()
    span = analysis.doc[m.i : m.j]
    return m.country, f"inferred: a domestic actor of the one country where the clause happens, {m.name} ({span.text!r})"


def setting(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> bool:
    """A country named as the setting of its sentence, not as a party to it: a possessive or an adjective on a thing
    ("Ukraine's presidential runoff", "the Iraqi election"; not "Israel's army", "Iraqi soldiers") or a place ("in
    Iraq")."""
    last = doc[m.j - 1]
    if last.dep_ == "poss" or (m.kind == "adjective" and last.dep_ == "amod"):
        head = last.head
        return head.pos_ == "NOUN" and head.ent_type_ not in ("PERSON", "NORP", "ORG") and head.i not in by_token
    return last.dep_ == "pobj" and last.head.lower_ in LOCATIVE_PREPS
