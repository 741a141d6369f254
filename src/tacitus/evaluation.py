"""Annotated real-news labels (ids, offsets and codes, never text): their schema, a validating loader, and the
scoring of coded events against them.

A label file is JSON Lines, one annotated sentence per line (``benchmarks/realnews/labels.jsonl``)::

    {"article": "bbc-politics-012", "corpus": "bbc_2004_2005.jsonl", "stratum": "bbc:politics", "split": "dev",
     "batch": 4, "start": 120, "end": 231, "events": [
        {"type": "ACCUSE", "source": ["GBR"], "target": ["GBR"], "status": "asserted", "quote": [140, 152],
         "time": "current", "date_text": null, "place": null, "place_country": null}]}

``start``/``end`` index the article body as tacitus reads it (``iter_articles``); ``quote``, ``date_text`` and
``place`` are ``[start, end]`` offsets into the same body, inside the sentence. ``source``/``target`` are ISO-3
country codes, ``IGO`` or a specific IGO code (UNO, NATO, EUR, AFR ...); ``[]`` when the text names no
codeable party. ``batch`` (optional) is the annotation batch the sentence was drawn in (1 for the first), so a
tool can hold out the sentences no rule was tuned on.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DictionaryError

__all__ = ["GoldEvent", "LabelledSentence", "TYPES", "load_labels", "party_key", "score_sentences"]

TYPES = frozenset(
    "AGREE CONSULT SUPPORT REQUEST CONCEDE COOPERATE AID RETREAT ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE "
    "COERCE ASSAULT".split()
)
STATUSES = frozenset({"asserted", "negated", "hypothetical", "hedged"})
TIMES = frozenset({"current", "recent_past", "historical", "future"})
SPLITS = frozenset({"dev", "test"})


@dataclass(frozen=True)
class GoldEvent:
    type: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    status: str
    quote: tuple[int, int]
    time: str | None = None
    date_text: tuple[int, int] | None = None
    place: tuple[int, int] | None = None
    place_country: str | None = None


@dataclass(frozen=True)
class LabelledSentence:
    article: str
    corpus: str
    stratum: str
    split: str
    start: int
    end: int
    events: tuple[GoldEvent, ...] = field(default_factory=tuple)
    batch: int | None = None


def _span(value: Any, where: str, sentence: tuple[int, int], *, optional: bool) -> tuple[int, int] | None:
    if value is None and optional:
        return None
    if (not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
            or not sentence[0] <= value[0] < value[1] <= sentence[1]):
        raise ValueError(f"{where} must be [start, end] offsets inside the sentence {list(sentence)}, not {value!r}")
    return value[0], value[1]


def _codes(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.isupper() and 3 <= len(v) <= 4 for v in value):
        raise ValueError(f"{where} must be a list of upper-case codes (ISO-3, IGO, NATO ...), not {value!r}")
    return tuple(value)


def _event(raw: Any, sentence: tuple[int, int]) -> GoldEvent:
    if not isinstance(raw, dict):
        raise ValueError("an event must be an object")
    if raw.get("type") not in TYPES:
        raise ValueError(f"type {raw.get('type')!r} is not one of the 16 PLOVER types")
    if raw.get("status") not in STATUSES:
        raise ValueError(f"status {raw.get('status')!r} is not one of {', '.join(sorted(STATUSES))}")
    if raw.get("time") is not None and raw["time"] not in TIMES:
        raise ValueError(f"time {raw['time']!r} is not one of {', '.join(sorted(TIMES))}")
    country = raw.get("place_country")
    if country is not None and not (isinstance(country, str) and len(country) == 3 and country.isupper()):
        raise ValueError(f"place_country {country!r} is not an ISO-3 code")
    return GoldEvent(
        type=raw["type"], source=_codes(raw.get("source"), "source"), target=_codes(raw.get("target"), "target"),
        status=raw["status"], quote=_span(raw.get("quote"), "quote", sentence, optional=False),  # type: ignore[arg-type]
        time=raw.get("time"), date_text=_span(raw.get("date_text"), "date_text", sentence, optional=True),
        place=_span(raw.get("place"), "place", sentence, optional=True), place_country=country,
    )


def check_ids(raw: Any) -> dict[str, Any]:
    """A label line's object, with its article, corpus, stratum and split checked (``ValueError`` says what is wrong)."""
    if not isinstance(raw, dict):
        raise ValueError("a line must be a JSON object")
    for key in ("article", "corpus", "stratum"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise ValueError(f"{key!r} must be a non-empty string")
    if raw.get("split") not in SPLITS:
        raise ValueError(f"split must be 'dev' or 'test', not {raw.get('split')!r}")
    return raw


def load_labels(path: str | Path) -> list[LabelledSentence]:
    """The labelled sentences of a label file; a bad line raises ``DictionaryError`` naming file and line."""
    path = Path(path)
    out: list[LabelledSentence] = []
    seen: set[tuple[str, int]] = set()
    with path.open(encoding="utf-8") as stream:
        for lineno, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                raw = check_ids(json.loads(line))
                sentence = _span([raw.get("start"), raw.get("end")], "start/end", (0, 10**9), optional=False)
                assert sentence is not None
                if not isinstance(raw.get("events"), list):
                    raise ValueError("'events' must be a list")
                events = tuple(_event(e, sentence) for e in raw["events"])
                batch = raw.get("batch")
                if batch is not None and (not isinstance(batch, int) or isinstance(batch, bool) or batch < 1):
                    raise ValueError(f"'batch' must be a positive whole number, not {batch!r}")
                if (raw["article"], sentence[0]) in seen:
                    raise ValueError(f"sentence {raw['article']}@{sentence[0]} is labelled twice")
                seen.add((raw["article"], sentence[0]))
            except (ValueError, TypeError) as exc:
                raise DictionaryError(f"bad label: {exc}", path=str(path), line=lineno, code="T250") from None
            out.append(LabelledSentence(raw["article"], raw["corpus"], raw["stratum"], raw["split"], sentence[0], sentence[1], events,
                                        raw.get("batch")))
    return out


def party_key(codes: Iterable[str], igo_codes: frozenset[str] | None = None, countries: frozenset[str] | None = None) -> frozenset[str]:
    """Codes as compared: every international organisation is ``IGO`` (the benchmark scores country/IGO level)."""
    out = set()
    for code in codes:
        if (igo_codes is not None and code in igo_codes) or (countries is not None and code not in countries) or code == "IGO":
            out.add("IGO")
        else:
            out.add(code)
    return frozenset(out)


Key = tuple[str, frozenset[str], frozenset[str]]


RECIPROCAL_TYPES = frozenset({"CONSULT"})


def as_participants(key: Key) -> Key:
    """A meeting keyed by who took part, not by who met whom: the PLOVER manual (2.4.2) codes a reciprocal meeting with
    every party as the actor and no recipient, so "A met B", "B hosted A" and "A and B held talks" are one event.
    Keys of other types are returned as they are."""
    kind, source, target = key
    return (kind, source | target, frozenset()) if kind in RECIPROCAL_TYPES else key


def match(gold: list[Key], system: list[Key]) -> tuple[int, list[Key], list[Key]]:
    """Matched count, then the system keys left unmatched and the gold keys left unmatched (multiset matching)."""
    left, right = Counter(gold), Counter(system)
    both = left & right
    return sum(both.values()), list((right - both).elements()), list((left - both).elements())


def score_sentences(pairs: Iterable[tuple[list[Key], list[Key]]]) -> dict[str, Any]:
    """Precision, recall and F1 over (gold keys, system keys) per sentence, overall and by type."""
    tp = fp = fn = 0
    by_type: dict[str, Counter[str]] = {}
    for gold, system in pairs:
        hit, extra, missed = match(gold, system)
        tp, fp, fn = tp + hit, fp + len(extra), fn + len(missed)
        for key in Counter(gold) & Counter(system):
            by_type.setdefault(key[0], Counter())["tp"] += (Counter(gold) & Counter(system))[key]
        for key in extra:
            by_type.setdefault(key[0], Counter())["fp"] += 1
        for key in missed:
            by_type.setdefault(key[0], Counter())["fn"] += 1

    def prf(t: int, p: int, n: int) -> dict[str, float | int]:
        precision = t / (t + p) if t + p else 0.0
        recall = t / (t + n) if t + n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "tp": t, "fp": p, "fn": n}

    return {**prf(tp, fp, fn), "by_type": {k: prf(c["tp"], c["fp"], c["fn"]) for k, c in sorted(by_type.items())}}
