"""A faster stand-in for spaCy's ``attribute_ruler``: the same rules, applied with the same result, found by table look-up.

The English pipelines' attribute ruler maps each fine-grained tag (with some words and dependency labels) to the
coarse part of speech, the morphology and a few lemmas. spaCy runs its 179 rules through a ``Matcher``, which on
news text costs about a sixth of the whole parse. Nearly every rule is keyed on one tag or one word, so here the
rules are indexed by the tag and the word of their first token; only the few keyed on neither are tried on every
token. A rule's conditions are read from the document before any rule is applied, and the rules a token matches
are applied in the ruler's own order (a later rule wins), as ``AttributeRuler.set_annotations`` does: the
annotations are the same, token for token (``tests/test_parse_attributes.py`` checks it on written text;
``benchmarks/attributes.py`` on the real news).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

__all__ = ["FACTORY", "TableAttributes", "use_table_attributes"]

FACTORY = "tacitus_attributes"
COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}

# one token's values: the hashes of its tag, lower-case form and dependency label, and whether it is a space
Values = tuple[int, int, int, int]


class UnsupportedPattern(ValueError):
    """A ruler pattern this table does not read (another attribute or operator): keep spaCy's ruler."""


def _condition(attr: str, value: Any, strings: Any) -> Callable[[Values, Callable[[int], str]], bool]:
    """A test of one attribute of a token, on its hashed values (``text`` turns a hash back into its string)."""
    if attr not in COLUMNS:
        raise UnsupportedPattern(f"attribute {attr}")
    col = COLUMNS[attr]
    if attr == "IS_SPACE":
        want = int(bool(value))
        return lambda v, text: v[col] == want
    if isinstance(value, str):
        h = strings.add(value) if value else 0
        return lambda v, text: v[col] == h
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN"):
            hashes = frozenset(strings.add(x) if x else 0 for x in arg)
            return (lambda v, text: v[col] in hashes) if op == "IN" else (lambda v, text: v[col] not in hashes)
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda v, text: rx.search(text(v[col])) is not None
    raise UnsupportedPattern(f"{attr}: {value!r}")


class TableAttributes:
    """The rules of a pipeline's attribute ruler, indexed for look-up, applied as a pipeline component."""

    def __init__(self, ruler: Any, strings: Any) -> None:
        self.attrs = ruler.attrs  # per rule, the attributes to set (already hashed, as spaCy applies them)
        self.by_tag: dict[int, list[tuple]] = defaultdict(list)
        self.by_lower: dict[int, list[tuple]] = defaultdict(list)
        self.anywhere: list[tuple] = []
        self._static: set = set()  # the tests that read only the tag, the word or the space flag
        self._cache: dict[tuple[int, int, int], tuple] = {}
        self._merged: dict[tuple[int, ...], dict] = {}
        self._text = strings.__getitem__
        for rule, index in enumerate(ruler.indices):  # the ruler keys rule k's patterns as str(k)
            for pattern in ruler.matcher.get(str(rule))[1]:
                specs = [[_condition(a, v, strings) for a, v in spec.items()] for spec in pattern]
                self._static.update(test for spec, tests in zip(pattern, specs) for (a, v), test in zip(spec.items(), tests)
                                    if a != "DEP" and not (isinstance(v, dict) and "REGEX" in v))
                entry = (rule, index, specs)
                first = pattern[0]
                if isinstance(first.get("TAG"), str) or isinstance(first.get("TAG"), dict) and "IN" in first["TAG"]:
                    tags = [first["TAG"]] if isinstance(first["TAG"], str) else first["TAG"]["IN"]
                    for tag in tags:
                        self.by_tag[strings.add(tag) if tag else 0].append(entry)
                elif isinstance(first.get("LOWER"), str) or isinstance(first.get("LOWER"), dict) and "IN" in first["LOWER"]:
                    words = [first["LOWER"]] if isinstance(first["LOWER"], str) else first["LOWER"]["IN"]
                    for word in words:
                        self.by_lower[strings.add(word)].append(entry)
                else:
                    self.anywhere.append(entry)

    def _for(self, tag: int, lower: int, space: int) -> tuple[tuple[int, ...], tuple[tuple, ...]]:
        """For a token's tag, word and space flag: the one-token rules these alone decide that it matches, and the
        rules whose other conditions (the dependency label, a pattern regex, the next token) are left to test."""
        key = (tag, lower, space)
        found = self._cache.get(key)
        if found is None:
            v = (tag, lower, -1, space)
            text = self._text
            static, dynamic = [], []
            for entry in (*self.by_tag.get(tag, ()), *self.by_lower.get(lower, ()), *self.anywhere):
                rule, index, specs = entry
                if len(specs) == 1 and all(test in self._static for test in specs[0]):
                    if all(test(v, text) for test in specs[0]):
                        static.append(rule)
                else:
                    dynamic.append(entry)
            found = self._cache[key] = (tuple(static), tuple(dynamic))
        return found

    def __call__(self, doc: Doc) -> Doc:
        table = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        text = doc.vocab.strings.__getitem__
        n = len(table)
        hits: dict[int, list[int]] = {}  # token -> the rules that set it
        for i, values in enumerate(table):
            static, dynamic = self._for(values[0], values[1], values[3])
            if static:
                hits.setdefault(i, []).extend(static)
            for rule, index, specs in dynamic:
                if i + len(specs) <= n and all(test(table[i + k], text) for k, spec in enumerate(specs) for test in spec):
                    hits.setdefault(i + index, []).append(rule)
        merged = self._merged
        for i, rules in hits.items():
            key = tuple(sorted(rules))
            attrs = merged.get(key)
            if attrs is None:  # the rules in the ruler's order, a later one overriding an earlier one
                attrs = merged[key] = {k: v for rule in key for k, v in self.attrs[rule].items()}
            set_token_attrs(doc[i], attrs)
        return doc


@Language.factory(FACTORY)
def _make(nlp: Language, name: str) -> TableAttributes:
    return TableAttributes(nlp.get_pipe("attribute_ruler"), nlp.vocab.strings)


def use_table_attributes(nlp: Language) -> bool:
    """Put the table in place of the pipeline's attribute ruler (which stays, disabled). False, and the ruler kept,
    when the pipeline has none or a rule the table does not read."""
    if "attribute_ruler" not in nlp.pipe_names or FACTORY in nlp.pipe_names:
        return False
    try:
        nlp.add_pipe(FACTORY, after="attribute_ruler")
    except UnsupportedPattern:
        return False
    nlp.disable_pipe("attribute_ruler")
    return True
