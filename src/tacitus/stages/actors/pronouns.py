"""What a pronoun refers to when it is not the speaker of reported speech: a plural group named just before "they",
the person an object pronoun names (never its own clause's subject), the person subject before "he", the subject of
the sentence before "it"; and whose country "the country" is not (its own clause's subject's)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..base import SPEECH_VERBS
from ..syntax import clause_verb, quoted_spans
from .words import TITLE_ROLES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...model import Actor
    from ..base import Mention
    from .resolver import ActorResolver


def plural_antecedent(resolver: ActorResolver, pronoun: Token) -> Actor | None:
    """"they", "them", "their": the nearest plural noun phrase before it, in its sentence or the one before, when
    that names a group the dictionaries know ("Protesters blocked the road. They asked the mayor to resign"); a
    nearer plural noun that names none ("outside forces ... their blockade") stops the search."""
    k, sent = resolver.analysis.sentence_of(pronoun)
    start = resolver.analysis.sentences[k - 1].start if k > 0 else sent.start
    for tok in reversed(resolver.doc[start : pronoun.i]):
        if tok.tag_ not in ("NNS", "NNPS") or tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr"):
            continue
        m = resolver.by_token.get(tok.i)
        if m is None or tok.i in resolver._active:
            return None
        actor = resolver.one(tok)
        if actor.code is None and actor.sector is None:
            return None
        return resolver._actor([pronoun.i], code=actor.code, country=actor.country, sector=actor.sector, name=actor.name,
                           reason=f"pronoun {pronoun.text!r} refers to {actor.text!r}; {actor.reason}")
    return None


def not_own_subject(resolver: ActorResolver, pronoun: Token, kinds: set[str]) -> Mention | None:
    """The last mention of ``kinds`` before an object pronoun that is not the subject of the pronoun's own clause
    (a pronoun object is never its own clause's subject: "Musharraf met the Pope, who urged him" is Musharraf);
    a relative pronoun subject stands for the noun its clause modifies."""
    verb = pronoun.head if pronoun.dep_ != "pobj" else pronoun.head.head
    skip: set[int] = set()
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        skip.update(t.i for t in subj.subtree)
        if subj.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            skip.update(t.i for t in verb.head.subtree if t.i < verb.i)
    names = {m.name for t in skip if (m := resolver.by_token.get(t)) is not None and m.name}  # the subject named before too
    for m in reversed(resolver.analysis.mentions):
        if m.i < pronoun.i and m.kind in kinds and not skip.intersection(range(m.i, m.j)) and m.name not in names:
            return m
    return None


def earlier_person(resolver: ActorResolver, pronoun: Token) -> Actor | None:
    """"he"/"she" with no known person before it: the last subject before it in its sentence that
    names a person by name or title ("the Sultan of Brunei was cited as saying he ...", "the
    Chilean president, who met X, said he ..."). Not across sentences: with no gender known, the
    last person named there is too often someone else."""
    sent = resolver.analysis.sentence_of(pronoun)[1]
    for tok in reversed(resolver.doc[sent.start : pronoun.i]):
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ == "PRON" or tok.tag_ in ("NNS", "NNPS"):
            continue
        m = resolver.by_token.get(tok.i)
        person = tok.ent_type_ == "PERSON" or (m is not None and m.kind == "agent" and m.name is not None
                                                and tuple(m.name.split()) in TITLE_ROLES)
        if not person:
            continue
        actor = resolver.one(tok)
        if actor.code is not None:
            return actor
    return None


def nearer_person_subject(resolver: ActorResolver, pronoun: Token, after: int) -> Actor | None:
    """A subject "he"/"she" after a sentence whose subject is a person no dictionary lists ("Tory spokesman Michael
    Ancram said ... He said ..."): that person, when named after the last person a dictionary knows (token ``after``)
    and resolved to a country or a sector; None otherwise. The subject goes on more often than an older name does."""
    k, sent = resolver.analysis.sentence_of(pronoun)
    start = resolver.analysis.sentences[k - 1].start if k > 0 else sent.start
    for tok in reversed(resolver.doc[max(start, after + 1) : pronoun.i]):
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ == "PRON" or tok.tag_ in ("NNS", "NNPS") or tok.ent_type_ != "PERSON":
            continue
        actor = resolver.one(tok)
        return actor if actor.code is not None or actor.sector is not None else None
    return None


def subject_before(head: Token) -> Token | None:
    """For the subject "it" of a sentence's main clause: the singular noun or name (or "it") that was the subject of
    the sentence before (the subject a new sentence most often goes on with), else None."""
    sent = head.sent
    verb = head.head
    while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ROOT" or sent.start == 0:
        return None
    root = head.doc[sent.start - 1].sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or (subject.pos_ not in ("NOUN", "PROPN") and subject.lower_ != "it") or subject.tag_ in ("NNS", "NNPS"):
        return None
    return subject  # (an "it" there too goes on with its own sentence before: "Yukos went to court. It also vowed ... It sued")


def subject_country(resolver: ActorResolver, head: Token) -> str | None:
    """The country of the subject of the clause ``head`` is in, when ``head`` is not part of that subject."""
    subject = next((c for c in clause_verb(head).children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or head.i in {t.i for t in subject.subtree}:
        return None
    m = resolver.by_token.get(subject.i)
    if m is not None and m.country:
        return m.country
    # "Nato-led allied troops entered the country": the country of a modifier of the subject's head
    found = [n.country for t in subject.subtree if (n := resolver.by_token.get(t.i)) is not None and n.country and _modifies(t, subject)]
    return found[0] if len(set(found)) == 1 else None


def _modifies(token: Token, head: Token) -> bool:
    """Whether ``token`` modifies ``head`` within its noun phrase, not through a preposition ("US-led forces", not
    "forces from Chad")."""
    while token.i != head.i:
        if token.dep_ in ("prep", "pobj", "relcl", "acl") or token.head.i == token.i:
            return False
        token = token.head
    return True


def unknown_subject_between(resolver: ActorResolver, ref: Mention, pronoun: Token) -> Token | None:
    """An organisation no dictionary knows, the subject of a clause between a pronoun "it" and the last mention it
    could refer to, in the pronoun's sentence or the one before ("the retailer Kwikmart knew ... since it had banned
    the word", "Microsoft said it would appeal"): the nearer subject is what "it" names, not the country named before it."""
    first = resolver.analysis.sentence_of(pronoun)[0]
    start = resolver.analysis.sentences[max(0, first - 1)].start
    for token in reversed(resolver.doc[max(ref.j, start) : pronoun.i]):
        if token.dep_ in ("nsubj", "nsubjpass") and token.ent_type_ == "ORG" and token.i not in resolver.by_token:
            return token
    return None


def quote_speaker(resolver: ActorResolver, pronoun: Token) -> Actor | None:
    """The speaker of the direct quotation a first-person pronoun is in, when the quotation runs over more than one
    sentence: the subject of the speech verb after it closes ('... more doors being opened," the minister said') or
    before it opens ('The minister said: "I welcome this report ...'), in the sentence where it closes or opens."""
    analysis = resolver.analysis
    span = next(((a, b) for a, b in quoted_spans(analysis.text) if a < pronoun.idx < b), None)
    if span is None:
        return None
    doc = pronoun.doc
    for at, after in ((span[1], True), (span[0], False)):
        tok = doc.char_span(at, at + 1, alignment_mode="expand")
        if tok is None or len(tok) == 0:  # the quote mark is a space or past the end: no token to read the sentence of
            continue
        sent = tok[0].sent
        words = [t for t in sent if (t.idx > span[1] if after else t.idx < span[0])]
        verb = next((t for t in words if t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None) if verb is not None else None
        if subject is not None:
            return resolver.one(subject)
    return None
