"""The actors stage (``tacitus.actors.v1``): find actor mentions and resolve them to codes as of the article date.

Modules, from the bottom layer up (each imports only modules listed before it, and ``..base`` / ``..syntax``):

- ``words``: the word lists and thresholds tokens, names and places are tested against;
- ``mentions``: the article's mentions, dictionary names and sector nouns, each entry chosen as of the article date;
- ``places``: an actor phrase's country from a place named in it (``place_in``) or in its clause (``country_of_clause``);
- ``focus``: the country an article is about (the one it names most, or its dateline's), for ``country_in_focus``;
- ``namesakes``: a person named again by surname alone as the person named in full earlier (called by the resolver);
- ``pronouns``: what "they", an object "him", a "he" or a subject "it" refers to when it is not a speaker, and whose
  country "the country" is not (called by the resolver);
- ``resolver``: ``ActorResolver``, an argument token turned into the actors it names (names, pronouns,
  references, titles, places), which later stages reach as ``Analysis.resolution``;
- ``stage``: ``ActorStage``, which finds the mentions and sets the resolver.
"""

from .mentions import _choose, find_mentions  # noqa: F401  (_choose: imported from here by tests/test_user_dictionaries.py)
from .resolver import ActorResolver
from .stage import ActorStage

__all__ = ["ActorResolver", "ActorStage", "find_mentions"]
