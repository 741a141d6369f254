"""Registered, versioned pipeline stages.

A stage is a factory registered under a versioned name (``tacitus.events.v1``)
with the role it plays (``parse``, ``actors``, ...) and what it writes. A
published name never changes behaviour: new behaviour gets ``.v2``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import ConfigError

__all__ = ["StageInfo", "get_stage", "register_stage", "registered_stages"]

ROLES = ("read", "parse", "actors", "events", "learned", "modality", "time", "place")


@dataclass(frozen=True)
class StageInfo:
    name: str
    role: str
    writes: tuple[str, ...]
    doc: str
    factory: Callable[..., Any]
    defaults: dict[str, Any] = field(default_factory=dict)


_REGISTRY: dict[str, StageInfo] = {}


def register_stage(
    name: str, *, role: str, writes: tuple[str, ...], defaults: dict[str, Any] | None = None
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Class decorator registering a stage factory under ``name``."""
    if role not in ROLES:
        raise ValueError(f"unknown stage role {role!r}; roles are {', '.join(ROLES)}")

    def wrap(factory: Callable[..., Any]) -> Callable[..., Any]:
        if name in _REGISTRY:
            raise ValueError(f"stage {name!r} registered twice")
        doc = (factory.__doc__ or "").strip().splitlines()[0] if factory.__doc__ else ""
        _REGISTRY[name] = StageInfo(name, role, writes, doc, factory, dict(defaults or {}))
        return factory

    return wrap


def _load_builtin() -> None:
    from . import readers  # noqa: F401  (registers the read stage)
    from .stages import actors, events, learned, modality, parse, place, time  # noqa: F401


def registered_stages() -> list[StageInfo]:
    _load_builtin()
    return sorted(_REGISTRY.values(), key=lambda s: (ROLES.index(s.role), s.name))


def get_stage(name: str) -> StageInfo:
    _load_builtin()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise ConfigError(f"no stage named {name!r}; registered stages: {known}", code="T301") from None
