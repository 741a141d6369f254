"""Hand-built parses for tests of the rules that read a parse (no model): ``parse("Police/NOUN/nsubj/1 ...")``."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

VOCAB = spacy.blank("en").vocab


def parse(spec: str) -> Doc:
    """Tokens as word/POS/dep/head[/entity type[/lemma]], head as a token index; one space between tokens. An entity
    continues from a compound into its head ("New York"); the lemma is the lower-cased word unless given."""
    words, pos, deps, heads, ents, lemmas = [], [], [], [], [], []
    for item in spec.split():
        parts = item.split("/")
        words.append(parts[0])
        pos.append(parts[1])
        deps.append(parts[2])
        heads.append(int(parts[3]))
        ent = parts[4] if len(parts) > 4 else ""
        lemmas.append(parts[5] if len(parts) > 5 else parts[0].lower())
        inside = ent and ents and ents[-1][2:] == ent and deps[-2] == "compound"
        ents.append(("I-" if inside else "B-") + ent if ent else "O")
    return Doc(VOCAB, words=words, spaces=[True] * len(words), pos=pos, deps=deps, heads=heads, ents=ents, lemmas=lemmas)
