"""Trigger matching: the lexicon's longest phrases in a sentence, left to right, without overlap."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ...lexicon import Lexicon, TriggerEntry
from .grammar import verbal
from .words import ADVERB_PARTICLES, MAX_GAP, PARTICLES, PHRASE_PARTICLES

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["Words", "match_triggers"]


def _pos_ok(entry: TriggerEntry, token: Token) -> bool:
    if entry.pos == "V":
        # "evacuated the wounded": a participle used as a noun is not the act
        return verbal(token) and not (token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")
                                       and any(c.dep_ == "det" for c in token.children))
    if entry.pos == "N":
        # "riot police", "aid workers": a noun modifying another noun is not an event
        return token.pos_ in ("NOUN", "PROPN") and not verbal(token) and not (token.dep_ == "compound" and len(entry.phrase) == 1) \
            and not _title(token)
    return token.pos_ in ("VERB", "NOUN", "AUX", "ADJ", "PROPN")


def _title(token: Token) -> bool:
    """A capitalised noun inside a title or a name ("Attack of the Clones", "the Battle of Britain"), not at the start of
    its sentence: a work or a named past event, not a reported act."""
    doc = token.doc
    if token.is_sent_start or not token.text[:1].isupper() or token.text.isupper() or token.i + 2 >= len(doc):
        return False
    after = doc[token.i + 2] if doc[token.i + 2].lower_ != "the" or token.i + 3 >= len(doc) else doc[token.i + 3]
    return doc[token.i + 1].lower_ == "of" and after.text[:1].isupper()


class Words:
    """Token attributes of a document or a sentence, read from spaCy once (phrase matching reads them often);
    ``Words(doc)`` once per article, then ``sentence(span)`` per sentence (slices of the article's)."""

    __slots__ = ("index", "lemma", "lower", "text", "punct", "head", "has_object")

    def __init__(self, tokens: Iterable[Token] | None) -> None:
        if tokens is None:
            return
        tokens = list(tokens)
        self.index = [t.i for t in tokens]
        self.lemma = [t.lemma_.lower() for t in tokens]
        self.lower = [t.lower_ for t in tokens]
        self.text = [t.text for t in tokens]
        self.punct = [t.is_punct for t in tokens]
        self.head = [t.head.i for t in tokens]
        objects_of = {t.head.i for t in tokens if t.dep_ == "pobj"}
        self.has_object = [t.i in objects_of for t in tokens]  # a preposition with its own object ("in aid")

    def sentence(self, sent: SpacySpan) -> Words:
        """The attributes of ``sent``'s tokens, when these are a whole document's."""
        part = Words(None)
        a, b = sent.start, sent.end
        part.index, part.lemma, part.lower = self.index[a:b], self.lemma[a:b], self.lower[a:b]
        part.text, part.punct, part.head, part.has_object = self.text[a:b], self.punct[a:b], self.head[a:b], self.has_object[a:b]
        return part


def _match_phrase(words: Words, k: int, phrase: tuple[str, ...]) -> list[int] | None:
    """Token indices matching ``phrase`` from position ``k``, allowing short gaps."""
    matched = [words.index[k]]
    pos = k
    n = len(words.index)
    for word in phrase[1:]:
        hit = None
        gap = 0
        step = 0
        while gap <= MAX_GAP:
            step += 1
            at = pos + step
            if at >= n:
                break
            if words.punct[at] and words.text[at] != "-":
                break
            if words.lemma[at] == word or words.lower[at] == word:
                # a particle after a gap belongs to the word before it: "gave in" but not "giving warning that in
                # the coming decade" (the "in" of another phrase)
                if gap > 0 and word in PHRASE_PARTICLES and (words.head[at] != words.index[pos]
                                                             or words.has_object[at] and word in ADVERB_PARTICLES):
                    return None  # (nor "in" with its own object: "gave $5m in aid" is no "give in"; "called Tuesday on X" is)
                hit = at
                break
            # pieces of a hyphenated modifier ("day-old", "four-day") count as one word
            if words.text[at] != "-" and not (at + 1 < n and words.text[at + 1] == "-"):
                gap += 1
        if hit is None:
            return None
        matched.append(words.index[hit])
        pos = hit
    return matched


def _match_object(verb: Token, word: str, cache: dict[int, dict[str, int]]) -> list[int] | None:
    """A verb-object phrase whose object is further away than the gap allows
    ("eased after a week of calm the overnight curfew", "will let the families displaced by the floods years ago
    return"): the verb's direct object (or one conjoined with it: "provided maps and intelligence"), the verb of
    its infinitive clause, or its particle after a long object ("forced the agency, its staff and families out"),
    has that lemma."""
    objects = cache.get(verb.i)
    if objects is None:
        objects = {}
        for c in verb.children:
            if c.dep_ in ("dobj", "xcomp"):
                for o in (c, *(x for x in c.conjuncts if x.i > c.i)):  # "provided maps and intelligence"
                    objects.setdefault(o.lemma_.lower(), o.i)
                    objects.setdefault(o.lower_, o.i)
            elif (c.dep_ == "prt" or c.dep_ == "prep") and c.lower_ in PARTICLES and c.i > verb.i:
                objects.setdefault(c.lower_, c.i)  # a particle after the object: "forced the agency out"
        cache[verb.i] = objects
    k = objects.get(word)
    return None if k is None else [verb.i, k]


# Entity types of names whose words are no triggers: "the United Jewish Israel Appeal", "Christian Aid", "the Iraq War".
NAME_ENTITIES = frozenset({"ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW", "EVENT", "GPE", "NORP"})


def _in_a_name(tok: Token) -> bool:
    """A proper-noun word inside a name of several words (an organisation, a work, a law, a named event)."""
    if tok.tag_ not in ("NNP", "NNPS") or tok.ent_type_ not in NAME_ENTITIES:
        return False
    k = tok.i
    doc = tok.doc
    return (k > 0 and doc[k - 1].ent_iob_ in ("B", "I") and tok.ent_iob_ == "I") or (k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I")


def _dated_preposition(doc: SpacyDoc, matched: list[int]) -> bool:
    """"called an emergency meeting on Monday": a phrase's last word reached across a gap is the preposition of a
    date, not the particle of the phrase ('call on')."""
    if len(matched) < 2 or matched[-1] - matched[-2] == 1:
        return False
    last = doc[matched[-1]]
    return last.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in last.children)


def _clause_verb_ends(entry: TriggerEntry, doc: SpacyDoc, matched: list[int]) -> bool:
    """A noun phrase whose last word is the verb of a clause of its own ("the Secretary of State Mike Pompeo will visit" is
    no "state visit"): a verb with its own subject or auxiliary, unless the phrase's first word is a common noun in
    that subject, or in that of the verb it completes ("millions of workers could strike", "teachers voted to strike"
    are still workers' strikes)."""
    if entry.pos != "N" or len(matched) < 2:
        return False
    last = doc[matched[-1]]
    verbs = [last, last.head] if last.dep_ in ("xcomp", "conj") else [last]  # "teachers voted to strike"
    if last.pos_ not in ("VERB", "AUX") or doc[matched[0]].pos_ == "NOUN" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= matched[0] <= c.right_edge.i for v in verbs for c in v.children):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in last.children)


def match_triggers(sent: SpacySpan, lexicon: Lexicon, blocked: frozenset[int] = frozenset(),
                   words: Words | None = None) -> list[tuple[TriggerEntry, list[int]]]:
    """Longest lexicon matches in a sentence, without overlap, left to right.

    Tokens in ``blocked`` (names of actors: "Asia-Pacific Economic Cooperation") never trigger. ``words``: the
    document's ``Words``, when the caller has read them already.
    """
    used: set[int] = set(blocked)
    objects: dict[int, dict[str, int]] = {}
    out = []
    doc = sent.doc
    words = Words(sent) if words is None else words.sentence(sent)
    present = {*words.lemma, *words.lower}  # a phrase with a word not in the sentence cannot match
    for k, lemma in enumerate(words.lemma):
        entries = lexicon.starting(lemma)
        if not entries or words.index[k] in used:
            continue
        tok = doc[words.index[k]]
        if tok.ent_type_ in ("DATE", "TIME") or _in_a_name(tok):  # "last March"
            continue
        pos_ok: dict[tuple[str, bool], bool] = {}
        for entry, rest, key in entries:
            if not rest <= present:
                continue
            ok = pos_ok.get(key)
            if ok is None:
                ok = pos_ok[key] = _pos_ok(entry, tok)
            if not ok:
                continue
            matched = _match_phrase(words, k, entry.phrase)
            if matched is None and entry.pos == "V" and len(entry.phrase) == 2:
                matched = _match_object(tok, entry.phrase[1], objects)
            if matched and (_dated_preposition(doc, matched) or _clause_verb_ends(entry, doc, matched)
                            or entry.pos == "V" and doc[matched[0]].dep_ == "amod"
                            and (doc[matched[0]].tag_ == "VBN" or doc[matched[0]].head.i not in matched[1:])):
                # (nor a participle modifying a noun: "the accused soldier attacked" is no 'accuse ... attack', "a banned
                # militant organization" no ban; "threatening attacks" is a threat)
                continue
            if matched and not used.intersection(matched):
                used.update(matched)
                out.append((entry, matched))
                break
    return out
