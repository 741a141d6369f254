"""The per-type table: what each PLOVER event type does beyond its triggers (data/event_types.tsv), loaded and checked.

One row per type says where a missing target or actor may be inferred from, which other events it
absorbs, how it is recoded when undone or suppressed, the CAMEO codes the mood rules give it, and the
named rules (``stages/events/rules.py``) the events stage applies to it. The columns are documented in
the file's header. The events stage reads it through ``event_types()``; the mood rules through
``mood_codes()``. A bad entry raises DictionaryError naming the file and line.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .cameo import PLOVER_TYPES, cameo_table
from .dictionaries import data_path
from .errors import DictionaryError
from .tsv import Row, read_tsv, split_list

__all__ = ["COLUMNS", "EventType", "Recode", "check_rules", "event_types", "load_event_types", "mood_codes"]

EVENT_TYPES_FILE = "event_types.tsv"
FLAGS = (
    "place_target", "condition_target", "clause_target", "governed_target", "own_people_target", "purpose_target",
    "authority_actor", "home_government_target", "topic_governor", "charge_governor",
    "absorbs_demands", "ordered_force",
)
CHOICES = {"home_actor": ("no", "any", "state"), "home_sector_target": ("any", "state"), "home_target": ("no", "yes", "thing")}
RECODES = ("reversal", "suppression")
MOODS = ("intent", "threat", "demand", "refusal")
COLUMNS = (
    "type", "place_target", "visit_codes", "condition_target", "clause_target", "governed_target", "own_people_target",
    "purpose_target", "authority_actor", "home_actor", "home_sector_target", "home_target", "home_government_target",
    "topic_governor", "charge_governor", "absorbs_demands", "ordered_force", "reversal", "suppression",
    "intent", "threat", "demand", "refusal", "rules",
)


@dataclass(frozen=True)
class Recode:
    """The type, CAMEO code and mode an event becomes (``reversal``, ``suppression``)."""

    event: str
    cameo: str
    mode: str


@dataclass(frozen=True)
class EventType:
    """One row of the table; ``origin`` is ``path:line``. The fields are the file's columns."""

    name: str
    place_target: bool
    visit_codes: frozenset[str]
    condition_target: bool
    clause_target: bool
    governed_target: bool
    own_people_target: bool
    purpose_target: bool
    authority_actor: bool
    home_actor: str
    home_sector_target: str
    home_target: str
    home_government_target: bool
    topic_governor: bool
    charge_governor: bool
    absorbs_demands: bool
    ordered_force: bool
    reversal: Recode | None
    suppression: Recode | None
    intent: str
    threat: str
    demand: str
    refusal: str
    rules: tuple[str, ...]
    path: str
    line: int

    @property
    def origin(self) -> str:
        return f"{Path(self.path).name}:{self.line}"


def _check_flag(value: str) -> None:
    if value not in ("yes", "no"):
        raise ValueError(f"{value!r} must be yes or no")


def _check_choice(choices: tuple[str, ...]) -> Callable[[str], None]:
    def check(value: str) -> None:
        if value not in choices:
            raise ValueError(f"{value!r} must be one of {', '.join(choices)}")

    return check


def _check_cameo(value: str) -> None:
    if value not in cameo_table():
        raise ValueError(f"{value!r} is not a CAMEO code (see data/cameo.tsv); keep leading zeros")


def _check_type(value: str) -> None:
    if value not in PLOVER_TYPES:
        raise ValueError(f"{value!r} is not a PLOVER type; use one of {', '.join(PLOVER_TYPES)}")


def _parse_recode(value: str) -> Recode:
    parts = value.split()
    if len(parts) not in (2, 3):
        raise ValueError(f"{value!r} must be 'TYPE CAMEO' or 'TYPE CAMEO mode', e.g. 'RETREAT 085 ease'")
    _check_type(parts[0])
    _check_cameo(parts[1])
    return Recode(parts[0], parts[1], parts[2] if len(parts) == 3 else "")


def _check_codes(value: str) -> None:
    for code in split_list(value):
        _check_cameo(code)


def _check_rules(value: str) -> None:
    for name in split_list(value):
        if not name.isidentifier():
            raise ValueError(f"rule name {name!r} must be a Python identifier (letters, digits, '_')")


def _row(row: Row) -> EventType:
    flags = {name: row[name] == "yes" for name in FLAGS}
    return EventType(
        name=row["type"], visit_codes=frozenset(split_list(row["visit_codes"])),
        home_actor=row["home_actor"], home_sector_target=row["home_sector_target"], home_target=row["home_target"],
        reversal=_parse_recode(row["reversal"]) if row["reversal"] else None,
        suppression=_parse_recode(row["suppression"]) if row["suppression"] else None,
        intent=row["intent"], threat=row["threat"], demand=row["demand"], refusal=row["refusal"],
        rules=tuple(split_list(row["rules"])), path=row.path, line=row.line, **flags,
    )


def load_event_types(path: str | Path | None = None) -> dict[str, EventType]:
    """The table in ``path`` (default: the package's), by type; every PLOVER type must have one row."""
    path = Path(path) if path is not None else data_path(EVENT_TYPES_FILE)
    validators: dict[str, Callable[[str], object]] = {"type": _check_type, "visit_codes": _check_codes, "rules": _check_rules}
    validators.update({name: _check_flag for name in FLAGS})
    validators.update({name: _check_choice(choices) for name, choices in CHOICES.items()})
    validators.update({name: _parse_recode for name in RECODES})
    validators.update({name: _check_cameo for name in MOODS})
    table: dict[str, EventType] = {}
    for row in read_tsv(path, columns=COLUMNS, required=("type", *FLAGS, *CHOICES), validators=validators):
        if row["type"] in table:
            raise row.error(f"type {row['type']} has a second row (the first is line {table[row['type']].line})")
        table[row["type"]] = _row(row)
    missing = [t for t in PLOVER_TYPES if t not in table]
    if missing:
        raise DictionaryError(f"no row for {', '.join(missing)}; the table needs one row per PLOVER type", path=str(path))
    return {t: table[t] for t in PLOVER_TYPES}


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    """The package's table, loaded once."""
    return load_event_types()


def check_rules(table: dict[str, EventType], known: Container[str]) -> None:
    """Raise DictionaryError (file and line) for a rule a row names that is not among ``known``."""
    for kind in table.values():
        for name in kind.rules:
            if name not in known:
                raise DictionaryError(f"column 'rules': no rule named {name!r} is registered "
                                      "(stages/events/rules.py registers them)", path=kind.path, line=kind.line)


def mood_codes(mood: str) -> dict[str, str]:
    """{type: CAMEO code} for the types the table gives a code for ``mood`` (intent, threat, demand, refusal)."""
    if mood not in MOODS:
        raise ValueError(f"{mood!r} is not one of {', '.join(MOODS)}")
    return {name: getattr(kind, mood) for name, kind in event_types().items() if getattr(kind, mood)}
