"""The events stage (``tacitus.events.v1``): lexicon triggers coded to PLOVER and CAMEO events, with their actors and evidence.

Modules, from the bottom layer up (each imports only modules listed before it, and ``..syntax``):

- ``words``: the word and dependency-label lists the rules test tokens against;
- ``grammar``: parse-tree helpers (what kind of token, its children by relation, a verb's subject);
- ``triggers``: the lexicon's phrases matched in a sentence;
- ``senses``: trigger senses that are no event ("pleaded not guilty"), read from ``data/trigger_senses.tsv``;
- ``arguments``: a trigger's source and target tokens, and where else a target may be named;
- ``scene``: whether a trigger is news of its own or only sets the scene for another event;
- ``inference``: participants the sentence or article implies (the place's country, the authorities of an
  arrest, the host of an invitation, the country the article is about);
- ``domestic``: the domestic side of an act that names no party (the state holding the people it charges, the
  actor's own country, the people of a place who protest there);
- ``candidate``: the state of one sentence and of one match on its way to an event;
- ``rules``: the named per-type rules and their registry, and the recode of undone or suppressed acts;
- ``threats``: the rule that tells a warning's threat from criticism or a forecast;
- ``participants``: a match's actor and target, with the inferences its type allows;
- ``sentence``: passes over a sentence's events (demands, inherited targets, topics, absorbed acts, acts by
  comparison);
- ``stage``: ``EventStage``, whose ``__call__`` runs each match through the layers above.

What each PLOVER type does beyond its triggers is one row of ``data/event_types.tsv`` (loaded by
``tacitus.event_types``); a behaviour that is more than a column is a named rule in ``rules``.
"""

from .stage import EventStage
from .triggers import match_triggers

__all__ = ["EventStage", "match_triggers"]
