"""Readable terminal output: one block per event, actor -> event -> recipient, with evidence."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterable

from .model import Actor, Event

__all__ = ["format_actor", "format_event", "format_table"]

FLAGS = ("negated", "hypothetical", "hedged", "historical", "ongoing")


def format_actor(actors: Iterable[Actor]) -> str:
    parts = []
    for a in actors:
        code = "".join(filter(None, [a.code, a.sector if a.sector != a.code else None])) or "?"
        parts.append(f"{a.text} [{code}]")
    return " + ".join(parts) or "-"


def format_event(event: Event, *, width: int = 100) -> str:
    flags = [f for f in FLAGS if getattr(event.modality, f)]
    if event.modality.inferred:
        flags.append("inferred:" + ",".join(event.modality.inferred))
    head = f"{format_actor(event.actor)}  ->  {event.event}{'/' + event.mode if event.mode else ''} ({event.cameo})  ->  {format_actor(event.recipient)}"
    date = f"{event.date.isoformat() if event.date else '?'} ({event.date_granularity}{', ' + repr(event.date_text) if event.date_text else ''})"
    lines = [head, f"    date {date}  quad {event.quad_code}  goldstein {event.goldstein:+.1f}"]
    if flags:
        lines.append(f"    flags {', '.join(flags)}")
    if event.claimed_by is not None:
        lines.append(f"    claimed by {format_actor([event.claimed_by])}")
    if event.location is not None:
        lines.append(f"    where {event.location.name} ({event.location.country or '?'})")
    snippet = event.text.replace("\n", " ")
    lines.extend(textwrap.wrap(f"evidence: \u201c{snippet}\u201d  [trigger: {event.event_text!r}]", width=width, initial_indent="    ", subsequent_indent="      "))
    return "\n".join(lines)


def format_table(events: list[Event], *, title: str = "") -> str:
    width = min(shutil.get_terminal_size((100, 20)).columns, 120)
    out = [f"== {title} ({len(events)} events)"] if title else []
    out.extend(format_event(e, width=width) for e in events)
    return "\n\n".join(out) if not title else out[0] + "\n\n" + "\n\n".join(out[1:])
