"""Names that stand for someone other than their first reading: a person named again by surname alone ("Mr Howard",
"Hotak") is the person named in full earlier in the article; a party name many countries share ("Labour") is the
party of the country a modifier names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Actor
from ..base import HONORIFICS, Mention
from .words import GENERIC_AGENTS, TITLE_ROLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...dictionaries import Entry

    from .resolver import ActorResolver


# The small model often tags a foreign person's name as an organisation ("Ricardo Rossello Nevares").
NAME_ENTS = ("PERSON", "ORG")
# Titles only a person's name follows: "Mr Straw" is a person even when the model reads 'Straw' as a product.


def _of_tail(tok: Token) -> str:
    """The 'of' part of a name ("Appeal" in "Court of Appeal"), '' when it has none."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = next((x for x in c.children if x.dep_ == "pobj" and x.pos_ == "PROPN"), None)
            if obj is not None:
                return obj.text
    return ""


def earlier_namesake(resolver: ActorResolver, head: Token) -> Actor | None:
    """The actor of the last earlier fuller mention of ``head``'s surname (a first name, title or party before it:
    "Tory leader Michael Howard" for a later "Mr Howard"), when that mention resolves to a country; None otherwise."""
    doc = head.doc
    honoured = head.i > 0 and doc[head.i - 1].lower_.rstrip(".") in HONORIFICS  # "Mr Straw", whatever entity type the model gave
    if head.pos_ != "PROPN" or (head.ent_type_ not in (*NAME_ENTS, "") and not honoured) or not head.text[:1].isupper():
        return None
    tail = _of_tail(head)
    for k in range(head.left_edge.i - 1, -1, -1):
        tok = doc[k]
        if tok.text != head.text or tok.ent_type_ not in NAME_ENTS or k == 0:
            continue
        if k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN" and doc[k + 1].ent_type_ in NAME_ENTS and tok.ent_iob_ == "B":
            continue  # a first name here ("Howard Dean"), not the surname; a middle one is ("Ricardo Rossello Nevares")
        if doc[k - 1].pos_ not in ("PROPN", "NOUN", "ADJ"):
            continue  # no fuller name, title or party before it: the same bare mention
        if tail and tail != _of_tail(tok):
            continue  # "the Court of Appeal" after "the European Court of Justice": another name
        anchor = tok  # the name's head: "Rossello" in "Ricardo Rossello Nevares, Puerto Rico's governor" is a compound
        while anchor.dep_ in ("compound", "flat") and anchor.head.i != anchor.i and anchor.head.pos_ == "PROPN":
            anchor = anchor.head
        earlier = resolver.one(anchor)
        if earlier.code is None:
            return None
        widened = head.ent_type_ != "PERSON" or tok.ent_type_ != "PERSON" or anchor.i != tok.i
        if widened and earlier.sector is None:
            return None  # read past the small model's tags only for a holder of a political role, not a player of a country
        np = resolver._np(head)
        return resolver._actor(list(np), code=earlier.code, country=earlier.country, sector=earlier.sector, name=earlier.name,
                               reason=f"{head.text!r} named in full earlier as {earlier.text!r}; {earlier.reason}")
    return None


# Words of party names many countries share ("Labour Party", "Liberal Democrats", "Green Party").
GENERIC_PARTY_WORDS = frozenset(
    "the labour labor liberal liberals conservative conservatives green greens socialist socialists communist communists "
    "social democratic democrats democrat republican republicans national people's workers christian union front "
    "progressive new party".split()
)


def generic_party(doc: Doc, main: Mention, entities: list[Mention], reason: str) -> tuple[Mention, str]:
    """"Israel's Labour party", "the Irish Labour Party", "the Irish Labour leader": a party name many countries share, the dictionary's entry
    for one country, given another country by a possessive or an adjective on it, is that other country's party."""
    if main.kind != "org" or main.sector != "PTY" or not all(w.lower() in GENERIC_PARTY_WORDS for w in doc[main.i : main.j].text.split()):
        return main, reason
    last = doc[main.j - 1]
    # the party's words, and the noun they name a member of: "the Irish Labour leader" ('Irish' on 'leader')
    heads = set(range(main.i, main.j)) | ({last.head.i} if last.dep_ in ("compound", "amod") else set())
    for m in entities:
        if m.kind in ("country", "adjective") and m.country and m.country != main.country and m.j <= main.i \
                and doc[m.j - 1].head.i in heads and doc[m.j - 1].dep_ in ("poss", "amod", "compound"):
            why = f"{doc[m.i:m.j].text!r} names the country of a party name many countries share; {m.reason}"
            return Mention(main.i, main.j, "org", m.country, m.country, main.sector, main.name, why), why
    if main.j + 1 < len(doc) and doc[main.j].lower_ == "of":  # "the Conservative Party of Canada"
        after = next((m for m in entities if m.i == main.j + 1 and m.kind == "country" and m.country and m.country != main.country), None)
        if after is not None:
            why = f"'of {doc[after.i:after.j].text}' names the country of a party name many countries share; {after.reason}"
            return Mention(main.i, main.j, "org", after.country, after.country, main.sector, main.name, why), why
    return main, reason


def body_of_generic_agent(resolver: ActorResolver, head: Token, agent: Mention, agents: list[Mention],
                          entities: list[Mention], np: dict[int, int]) -> Mention:
    """A spokesman, official or member takes the sector of the body named with it ("a spokesman for the rebels",
    "members of parliament"); of a body by a name no dictionary knows ("a spokesman for NBC", "an official at
    Kwikmart"), it has no sector: the default of its sector noun (a spokesman is the government's) would make a
    company's spokesman a state body."""
    body = min((m for m in agents if m is not agent and m.name not in GENERIC_AGENTS),
               key=lambda m: (np.get(m.j - 1, 9), abs(m.j - 1 - head.i)), default=None)
    if body is not None:
        return Mention(agent.i, agent.j, "agent", None, None, body.sector, agent.name, f"{agent.reason}, of {body.name!r}: {body.reason}")
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")):
        obj = next((x for x in prep.children if x.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ == "PROPN" and not entities and obj.i not in resolver.by_token:
            return Mention(agent.i, agent.j, "agent", None, None, None, agent.name,
                           f"{agent.reason}, of {obj.text!r}, which no dictionary knows: no sector of its own")
    return agent


def included_members(head: Token) -> list[Token]:
    """"nine people, including a Kenyan policeman", "several states, including Chad and Niger": the head of the
    members named in the 'including' phrase (its conjuncts resolve with it)."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "including":
            return [g for g in c.children if g.dep_ == "pobj"][:1]
    return []


def shallow_copy(actor: Actor) -> Actor:
    """``copy.copy(actor)``, faster: an Actor's fields (and a pending ``pair``) are its ``__dict__``."""
    new = Actor.__new__(Actor)
    new.__dict__.update(actor.__dict__)
    return new


def title_holder(resolver: ActorResolver, head: Token, agent: Mention) -> tuple[Entry, str] | None:
    """"the president", "the foreign minister": the holder of that office, on the article's date, in the country the
    article has named most so far; with none named yet, in the country of the one whose words name it ('"The prime
    minister should go," Tory leader Michael Howard said': Britain's)."""
    roles = TITLE_ROLES.get(tuple(agent.name.split()) if agent.name else ())
    if roles is None or not any(c.lower_ == "the" for c in head.children) or head.tag_ == "NNS":
        return None
    counts: dict[str, tuple[int, int]] = {}  # country -> (mentions, position of the last one)
    for m in resolver.analysis.mentions:
        if m.i >= head.i:
            break
        if m.kind in ("country", "adjective", "capital", "person") and m.country:
            counts[m.country] = (counts.get(m.country, (0, 0))[0] + 1, m.i)
    why = "is the country the article names most (and last) before it"
    if counts:
        country = max(counts, key=lambda c: counts[c])
    else:
        speaker = resolver.speaker_of(head)
        if speaker is None or not speaker.country:
            return None
        country, why = speaker.country, f"is the country of {speaker.text!r}, whose words name the office"
    day = resolver.analysis.article.date
    for role in roles:
        holders = [e for e in resolver.dictionary.office_holders(country, role) if e.valid_on(day)]
        if len(holders) == 1:
            return holders[0], f"{country} {why}"
    return None
