"""CAMEO codes, Goldstein scores, and the PLOVER event types with their quad classes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .dictionaries import data_path
from .tsv import read_tsv

__all__ = ["PLOVER_TYPES", "QUAD_CLASS", "CameoCode", "cameo_table", "quad_class"]

# The 16 PLOVER event types and their quad class:
# 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
QUAD_CLASS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "REQUEST": 1,
    "CONCEDE": 2, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
PLOVER_TYPES = tuple(QUAD_CLASS)


def quad_class(event: str) -> int:
    """Quad class of a PLOVER event type."""
    return QUAD_CLASS[event]


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    plover_event: str
    plover_mode: str
    plover_context: str


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    """All CAMEO codes by code string (leading zeros kept)."""
    table = {}
    cols = ("code", "name", "goldstein", "plover_event", "plover_mode", "plover_context")
    for row in read_tsv(data_path("cameo.tsv"), columns=cols, required=("code", "goldstein"), validators={"goldstein": float}):
        table[row["code"]] = CameoCode(
            row["code"], row["name"], float(row["goldstein"]), row["plover_event"], row["plover_mode"], row["plover_context"]
        )
    return table
