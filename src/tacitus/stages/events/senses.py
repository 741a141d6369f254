"""Trigger senses that are no event ("pleaded not guilty", "merger talks"), read from data/trigger_senses.tsv."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ...dictionaries import data_path
from ...tsv import read_tsv, split_list

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["NonEventSense", "load_senses", "non_event_sense"]

POS = frozenset({"V", "N", "*"})


@dataclass(frozen=True)
class NonEventSense:
    """One row: a dependent of ``trigger`` with one of ``relations`` and one of ``words`` ("*": any) makes it no event."""

    trigger: str
    pos: str
    relations: frozenset[str]
    words: frozenset[str]
    note: str

    def applies(self, anchor: Token, within: frozenset[int] = frozenset()) -> bool:
        """Whether a dependent of ``anchor`` shows this sense; dependents at token indices ``within`` (the other
        words of a phrase trigger, which already fix its sense: "meet their demands") do not count."""
        if self.pos == "V" and anchor.pos_ not in ("VERB", "AUX"):
            return False
        if self.pos == "N" and anchor.pos_ not in ("NOUN", "PROPN"):
            return False
        if ("head" in self.relations or (f"head:{anchor.dep_}" in self.relations and _in_passing(anchor))) \
                and anchor.head.i != anchor.i and anchor.head.i not in within and self._names(anchor.head):
            return True  # "in charge of", "released without charge": the word the trigger hangs on ("head:acomp": when
            # the trigger is that word's adjectival complement, "is committed to")
        for dep, c in _dependents(anchor):
            if c.i in within:
                continue
            if dep in self.relations and self._names(c):
                return True
            # a relation path "ccomp>mark": a dependent of that dependent ("asked if he would ...": a question)
            if any(r == f"{dep}>{g.dep_}" and self._names(g) for g in c.children for r in self.relations):
                return True
        return False

    def _names(self, token: Token) -> bool:
        if "*" in self.words or token.lemma_.lower() in self.words or token.lower_ in self.words:
            return True
        # "pleaded not guilty": the word with its own modifiers
        return " ".join(t.lower_ for t in token.subtree) in self.words


def _in_passing(anchor: Token) -> bool:
    """For a ``head:<relation>`` sense: whether the trigger's clause is said in passing. Not an adverbial or noun
    clause with a subject of its own ("if the premier will not allow a vote, ...", "assurances that it would not
    allow an attack"), only a participle ("..., allowing goods in", "a project backed by two ministries");
    not a relative clause that tells what happened on an occasion ("the vote in which MPs opposed the bill", "the
    summit where they backed the plan"), only one that says what someone is ("a party that opposes it")."""
    if anchor.dep_ in ("advcl", "acl"):
        return not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in anchor.children)
    return not (anchor.dep_ == "relcl" and any(
        (c.dep_ == "advmod" and c.lower_ in ("where", "when")) or (c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children))
        for c in anchor.children))


PARTITIVES = frozenset("all most some many much none each any both several part half".split())


def _dependents(anchor: Token) -> list[tuple[str, Token]]:
    """The trigger's children with their relations, the objects of its prepositions ("investigation of the crash":
    'crash', as pobj), the noun after a partitive object ("met most of its targets": 'targets', as dobj), and, for an infinitive with no subject of its own, the subject of the verb it completes, in the
    infinitive's voice ("the drama went on to be shot in Spain": 'drama', as nsubjpass of 'shot')."""
    out = []
    for c in anchor.children:
        out.append((c.dep_, c))
        if c.dep_ in ("prep", "agent"):  # (the agent's object too: "backed by gunships")
            out.extend(("pobj", x) for x in c.children if x.dep_ == "pobj")
        elif c.dep_ == "advmod":  # "the retreat back into recession": the object of the adverb's preposition
            out.extend(("pobj", x) for p in c.children if p.dep_ == "prep" for x in p.children if x.dep_ == "pobj")
        elif c.dep_ == "dobj" and c.lower_ in PARTITIVES:  # "met most of its targets": the targets, in its place
            out.extend((c.dep_, x) for of in c.children if of.dep_ == "prep" and of.lower_ == "of"
                       for x in of.children if x.dep_ == "pobj")
    if anchor.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children):
        passive = any(c.dep_ == "auxpass" for c in anchor.children)
        out.extend(("nsubjpass" if passive else "nsubj", c) for c in anchor.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    return out


def _check_pos(value: str) -> None:
    if value not in POS:
        raise ValueError(f"pos {value!r} is not one of V, N, *")


@lru_cache(maxsize=4)
def load_senses(path: str | None = None) -> dict[str, tuple[NonEventSense, ...]]:
    """The rows of the senses file by trigger lemma; a bad row raises DictionaryError naming file and line."""
    source = path or str(data_path("trigger_senses.tsv"))
    out: dict[str, list[NonEventSense]] = {}
    for row in read_tsv(source, columns=("trigger", "pos", "relation", "words", "note"),
                        required=("trigger", "pos", "relation", "words"), validators={"pos": _check_pos}):
        relations, words = split_list(row["relation"]), split_list(row["words"])
        if not relations or not words:
            raise row.error("relation and words need at least one item each")
        out.setdefault(row["trigger"].lower(), []).append(NonEventSense(
            row["trigger"].lower(), row["pos"], frozenset(relations), frozenset(w.lower() for w in words), row["note"]))
    return {k: tuple(v) for k, v in out.items()}


def non_event_sense(anchor: Token, trigger: str, within: frozenset[int] = frozenset()) -> NonEventSense | None:
    """The sense row that makes this trigger word match no event, or None (``within``: see ``applies``)."""
    for sense in load_senses().get(trigger, ()):
        if sense.applies(anchor, within):
            return sense
    return None
