"""The event-trigger lexicon: lemma phrases mapped to PLOVER type, mode, context and CAMEO code."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .cameo import PLOVER_TYPES, cameo_table
from .dictionaries import data_path
from .tsv import read_tsv, split_list

__all__ = ["Lexicon", "TriggerEntry", "load_lexicon"]

COLUMNS = ("phrase", "pos", "event", "mode", "cameo", "context", "recipient_preps")


@dataclass(frozen=True)
class TriggerEntry:
    phrase: tuple[str, ...]
    pos: str  # V, N or *
    event: str
    mode: str
    cameo: str
    context: str
    preps: tuple[str, ...]
    origin: str

    @property
    def label(self) -> str:
        return f"trigger {' '.join(self.phrase)!r} [{self.pos}] ({self.origin})"


class Lexicon:
    """Trigger entries indexed by their first lemma, longest phrase first."""

    def __init__(self) -> None:
        self.by_first: dict[str, list[TriggerEntry]] = defaultdict(list)
        self._starting: dict[str, list[tuple[TriggerEntry, frozenset[str], tuple[str, bool]]]] = {}

    def starting(self, lemma: str) -> list[tuple[TriggerEntry, frozenset[str], tuple[str, bool]]]:
        """The entries whose phrase starts with ``lemma``, longest first, each with the set of its other words and its
        (pos, single word) key: what trigger matching reads for every token, worked out once per first word."""
        entries = self.by_first.get(lemma)
        if not entries:
            return []
        plan = self._starting.get(lemma)
        if plan is None:  # (load() clears these)
            plan = self._starting[lemma] = [(e, frozenset(e.phrase[1:]), (e.pos, len(e.phrase) == 1)) for e in entries]
        return plan

    def load(self, path: Path) -> None:
        self._starting.clear()
        cameo = cameo_table()

        def check_event(value: str) -> None:
            if value not in PLOVER_TYPES:
                raise ValueError(f"{value!r} is not a PLOVER type; use one of {', '.join(PLOVER_TYPES)}")

        def check_cameo(value: str) -> None:
            if value not in cameo:
                raise ValueError(f"{value!r} is not a CAMEO code (see data/cameo.tsv); keep leading zeros")

        def check_pos(value: str) -> None:
            if value not in ("V", "N", "*"):
                raise ValueError(f"{value!r} must be V, N or *")

        rows = read_tsv(
            path, columns=COLUMNS, required=("phrase", "pos", "event", "cameo"),
            validators={"event": check_event, "cameo": check_cameo, "pos": check_pos},
        )
        for row in rows:
            phrase = tuple(row["phrase"].lower().split())
            entry = TriggerEntry(
                phrase, row["pos"], row["event"], row["mode"].lower(), row["cameo"], row["context"].lower(),
                tuple(p.lower() for p in split_list(row["recipient_preps"])), f"{Path(row.path).name}:{row.line}",
            )
            bucket = self.by_first[phrase[0]]
            bucket[:] = [e for e in bucket if (e.phrase, e.pos) != (entry.phrase, entry.pos)]  # later files override
            bucket.append(entry)
            bucket.sort(key=lambda e: -len(e.phrase))

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_first.values())


@lru_cache(maxsize=8)
def load_lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    """The built-in trigger lexicon plus user lexicons (same columns) in ``extra``."""
    lexicon = Lexicon()
    lexicon.load(data_path("triggers.tsv"))
    for path in extra:
        lexicon.load(Path(path))
    return lexicon
