"""Registered, versioned pipeline stages, found by a scan of ``tacitus.stages`` and by entry points.

A stage is a factory registered under a versioned name (``tacitus.events.v1``) with the role it plays
(``parse``, ``actors``, ... or a new one: roles are open), the fields it reads and the fields it
writes (``Event.date``, ``Analysis.mentions``, ``doc.sents``). A published name never changes
behaviour: new behaviour gets ``.v2``.

Nothing here lists the built-in stages: every module of the ``tacitus.stages`` package is imported
the first time a stage is looked up (a module registers its stage by being there), then every entry
point of the group ``tacitus.stages`` (how another installed package adds stages). ``Pipeline``
checks the declared reads against the writes of the stages before them (docs/stages.md).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

from .config import load_config
from .errors import ConfigError

__all__ = ["ENTRY_POINT_GROUP", "StageInfo", "get_stage", "register_stage", "registered_stages"]

ENTRY_POINT_GROUP = "tacitus.stages"
STAGE_PACKAGE = f"{__package__}.stages"
ROLE = re.compile(r"^[a-z][a-z0-9_]*$")
# A field a stage reads or writes: a record or object, then attribute names ("Event.modality.historical").
FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


@dataclass(frozen=True)
class StageInfo:
    name: str
    role: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    doc: str
    factory: Callable[..., Any]
    defaults: dict[str, Any] = field(default_factory=dict)


_REGISTRY: dict[str, StageInfo] = {}
_discovered = False


def register_stage(
    name: str, *, role: str, reads: tuple[str, ...], writes: tuple[str, ...], defaults: dict[str, Any] | None = None
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Class decorator registering a stage factory under ``name``.

    ``reads`` are the fields the stage cannot run without (an earlier enabled stage must write each);
    ``writes`` the fields it sets; ``defaults`` its options, which ``[stages.NAME]`` may override.
    """
    if not ROLE.match(role):
        raise ValueError(f"stage {name!r}: role {role!r} must be a lower-case word (letters, digits, '_')")
    bad = [f for f in (*reads, *writes) if not FIELD.match(f)]
    if bad:
        raise ValueError(f"stage {name!r}: {', '.join(map(repr, bad))} is not a field name such as 'Event.date'")

    def wrap(factory: Callable[..., Any]) -> Callable[..., Any]:
        if name in _REGISTRY:
            raise ValueError(f"stage {name!r} registered twice")
        doc = (factory.__doc__ or "").strip().splitlines()[0] if factory.__doc__ else ""
        _REGISTRY[name] = StageInfo(name, role, tuple(reads), tuple(writes), doc, factory, dict(defaults or {}))
        return factory

    return wrap


def _discover() -> None:
    """Import every module of ``tacitus.stages``, then load the ``tacitus.stages`` entry points (once)."""
    global _discovered
    if _discovered:
        return
    package = importlib.import_module(STAGE_PACKAGE)
    for module in pkgutil.iter_modules(package.__path__, f"{STAGE_PACKAGE}."):
        importlib.import_module(module.name)
    for point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            point.load()
        except Exception as exc:
            raise ConfigError(
                f"entry point {point.name} = {point.value} (group {ENTRY_POINT_GROUP}) cannot be loaded: {exc!r}; "
                "fix or uninstall the package that declares it",
                code="T314",
            ) from exc
    _discovered = True


def registered_stages() -> list[StageInfo]:
    """Every registered stage, by role in the order of the default pipeline (other roles after), then name."""
    _discover()
    order = {role: k for k, role in enumerate(load_config()["pipeline"]["stages"])}
    return sorted(_REGISTRY.values(), key=lambda s: (order.get(s.role, len(order)), s.role, s.name))


def get_stage(name: str) -> StageInfo:
    _discover()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise ConfigError(f"no stage named {name!r}; registered stages: {known}", code="T301") from None
