"""Actor dictionaries: countries, seats of power, organisations, people and sector nouns.

Each is a TSV data file in ``tacitus/data`` (columns documented in its header
comment and in docs/dictionaries.md); entries are looked up by their token
sequence, lower-cased, with the validity period checked against the article date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import DictionaryError
from .tsv import Row, check_code, check_latitude, check_longitude, read_tsv, split_list

__all__ = ["ActorDictionary", "Entry", "SECTORS", "data_path", "parse_bound"]

SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC IGO NGO".split()
)
INTERNATIONAL_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})


@dataclass(frozen=True)
class Entry:
    kind: str  # country | adjective | capital | metonym | org | person | agent
    code: str | None
    country: str | None
    sector: str | None
    name: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    role: str | None = None
    origin: str = ""

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day < self.valid_to)


def parse_bound(value: str, *, end: bool = False) -> dt.date | None:
    """A validity bound: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a bare year as end means Dec 31."""
    value = value.strip()
    if not value:
        return None
    if re.fullmatch(r"\d{4}", value):
        return dt.date(int(value), 12, 31) if end else dt.date(int(value), 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return dt.date.fromisoformat(value + "-01")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD") from None



def _check_sector(value: str) -> None:
    if value not in SECTORS:
        raise ValueError(f"{value!r} is not a sector; use one of {', '.join(sorted(SECTORS))}")



def _origin(row: Row) -> str:
    """Where an entry comes from, as a user reads it in reasons: file name and line, and the public data set a
    built row came from (its optional ``source`` column: "people_imported.tsv:12, REIGN 2021-03")."""
    source = row.fields.get("source", "")
    return f"{Path(row.path).name}:{row.line}" + (f", {source}" if source else "")


def _bounds(row: Row, start: str, end: str) -> tuple[dt.date | None, dt.date | None]:
    return parse_bound(row[start]), parse_bound(row[end], end=True)


_DATE_CHECKS = {"valid_from": parse_bound, "valid_to": parse_bound, "start": parse_bound, "end": parse_bound}


class ActorDictionary:
    """All actor entries, indexed by lower-cased token sequence."""

    def __init__(self, tokenize: callable) -> None:  # type: ignore[valid-type]
        self._tokenize = tokenize
        self.names: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
        # surface forms per key: an all-capitals word in an entry ("UN", "US") only matches capitals
        self.surfaces: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
        self.caseless: set[tuple[str, ...]] = set()  # names with a surface form free of acronyms: any case matches
        self.agents: dict[tuple[str, ...], Entry] = {}
        self.countries: dict[str, Entry] = {}
        self.capital_coords: dict[str, tuple[float, float]] = {}  # capital name -> (lat, lon)
        # lengths of the names / agent terms that start with a word, longest first (fast matching)
        self.name_lengths: dict[str, list[int]] = defaultdict(list)
        self.agent_lengths: dict[str, list[int]] = defaultdict(list)
        self._fuzzy: dict[str, set[str]] | None = None  # built when loading, again after a change
        self._corrections: dict[str, str | None] = {}

    def key(self, text: str) -> tuple[str, ...]:
        """The lookup key of a name: its tokens, lower-cased."""
        return tuple(t.lower() for t in self._tokenize(text))

    def add_name(self, text: str, entry: Entry, *, override: bool = False) -> None:
        """Index ``entry`` under ``text``; ``override`` first drops what the name meant before (user dictionaries)."""
        words = tuple(self._tokenize(text))
        key = tuple(w.lower() for w in words)
        self._fuzzy = None
        if key and override:
            self.names.pop(key, None)
            self.surfaces.pop(key, None)
            self.caseless.discard(key)
        if key:
            self.surfaces[key].add(words)
            if not any(w.isupper() and len(w) > 1 for w in words):
                self.caseless.add(key)
        if key and entry not in self.names[key]:
            self.names[key].append(entry)
            self._note_length(self.name_lengths, key)

    def add_agent(self, term: str, entry: Entry) -> None:
        key = tuple(term.lower().split())
        self.agents[key] = entry
        self._note_length(self.agent_lengths, key)

    @staticmethod
    def _note_length(index: dict[str, list[int]], key: tuple[str, ...]) -> None:
        lengths = index[key[0]]
        if len(key) not in lengths:
            lengths.append(len(key))
            lengths.sort(reverse=True)

    # --- loaders -------------------------------------------------------------------------
    def load_countries(self, path: Path) -> None:
        cols = ("code", "name", "aliases", "adjectives", "capital", "capital_lat", "capital_lon", "valid_from", "valid_to")
        checks = {"code": check_code, "capital_lat": check_latitude, "capital_lon": check_longitude, **_DATE_CHECKS}
        for row in read_tsv(path, columns=cols, required=("code", "name"), validators=checks):
            start, end = _bounds(row, "valid_from", "valid_to")
            origin = _origin(row)
            base = Entry("country", row["code"], row["code"], None, row["name"], start, end, origin=origin)
            self.countries[row["code"]] = base
            for text in [row["name"], *split_list(row["aliases"])]:
                self.add_name(text, base)
                if not text.lower().startswith("the "):
                    self.add_name("the " + text, base)
            adj = Entry("adjective", row["code"], row["code"], None, row["name"], start, end, origin=origin)
            for text in split_list(row["adjectives"]):
                self.add_name(text, adj)
            if row["capital"]:
                cap = Entry("capital", row["code"], row["code"], "GOV", row["name"], start, end, origin=origin)
                self.add_name(row["capital"], cap)
                if row["capital_lat"] and row["capital_lon"]:
                    self.capital_coords[row["capital"]] = (float(row["capital_lat"]), float(row["capital_lon"]))

    def load_territories(self, path: Path) -> None:
        """Dependent territories, each an entry of its sovereign's code ("Guam" -> USA), named as itself."""
        cols = ("code", "name", "aliases", "adjectives", "sovereign", "valid_from", "valid_to")
        checks = {"code": check_code, "sovereign": self._check_known_country, **_DATE_CHECKS}
        for row in read_tsv(path, columns=cols, required=("code", "name", "sovereign"), validators=checks):
            start, end = _bounds(row, "valid_from", "valid_to")
            origin = _origin(row)
            sovereign = row["sovereign"]
            base = Entry("country", sovereign, sovereign, None, row["name"], start, end, role=f"territory {row['code']}", origin=origin)
            for text in [row["name"], *split_list(row["aliases"])]:
                self.add_name(text, base)
                if not text.lower().startswith("the "):
                    self.add_name("the " + text, base)
            adj = Entry("adjective", sovereign, sovereign, None, row["name"], start, end, role=f"territory {row['code']}", origin=origin)
            for text in split_list(row["adjectives"]):
                self.add_name(text, adj)

    def _check_known_country(self, value: str) -> None:
        check_code(value)
        if self.countries and value not in self.countries:
            raise ValueError(f"{value!r} is not a code of countries.tsv")

    def load_metonyms(self, path: Path) -> None:
        cols = ("text", "code", "sector", "valid_from", "valid_to")
        for row in read_tsv(
            path, columns=cols, required=("text", "code", "sector"),
            validators={"code": check_code, "sector": _check_sector, **_DATE_CHECKS},
        ):
            start, end = _bounds(row, "valid_from", "valid_to")
            entry = Entry("metonym", row["code"], row["code"], row["sector"], row["text"], start, end, origin=_origin(row))
            self.add_name(row["text"], entry)
            self.add_name("the " + row["text"], entry)

    def load_organisations(self, path: Path) -> None:
        cols = ("name", "aliases", "code", "country", "sector", "kind")  # valid_from, valid_to: optional
        for row in read_tsv(
            path, columns=cols, required=("name", "code"),
            validators={"code": check_code, "country": check_code, "sector": _check_sector, **_DATE_CHECKS},
        ):
            start = parse_bound(row.fields.get("valid_from", ""))
            end = parse_bound(row.fields.get("valid_to", ""), end=True)
            if start and end and end <= start:
                raise row.error(f"valid_to {row['valid_to']} is not after valid_from {row['valid_from']}")
            entry = Entry(
                "org", row["code"], row["country"] or None, row["sector"] or None, row["name"],
                start, end, role=row["kind"] or None, origin=_origin(row),
            )
            for text in [row["name"], *split_list(row["aliases"])]:
                self.add_name(text, entry)
                if not text.lower().startswith("the "):
                    self.add_name("the " + text, entry)

    def load_people(self, path: Path) -> None:
        cols = ("name", "aliases", "code", "country", "sector", "role", "start", "end")
        for row in read_tsv(
            path, columns=cols, required=("name", "code"),
            validators={"code": check_code, "country": check_code, "sector": _check_sector, **_DATE_CHECKS},
        ):
            start, end = _bounds(row, "start", "end")
            if start and end and end < start:
                raise row.error(f"end {row['end']} is before start {row['start']}")
            entry = Entry(
                "person", row["code"], row["country"] or None, row["sector"] or None, row["name"],
                start, end, role=row["role"] or None, origin=_origin(row),
            )
            for text in [row["name"], *split_list(row["aliases"])]:
                self.add_name(text, entry)
                bare = INITIAL.sub(r"\1", text)  # "George W Bush", as British style writes "George W. Bush"
                if bare != text:
                    self.add_name(bare, entry)

    def load_agents(self, path: Path) -> None:
        for row in read_tsv(path, columns=("term", "sector"), required=("term", "sector"), validators={"sector": _check_sector}):
            self.add_agent(row["term"], Entry("agent", None, None, row["sector"], row["term"], origin=_origin(row)))

    def office_holders(self, country: str, role: str) -> list[Entry]:
        """Every person entry for an office of a country (all terms), indexed on first use."""
        if not hasattr(self, "_offices"):
            offices: dict[tuple[str | None, str | None], list[Entry]] = defaultdict(list)
            seen: set[Entry] = set()  # (a set: the imported people make a list's membership test quadratic)
            for entries in self.names.values():
                for e in entries:
                    if e.kind == "person" and e not in seen:
                        seen.add(e)
                        offices[(e.country, e.role)].append(e)
            self._offices = offices
        return self._offices.get((country, role), [])

    # --- misspellings -------------------------------------------------------------------
    def _fuzzy_index(self) -> dict[str, set[str]]:
        """One-word country names and demonyms (5+ letters) and people's names (8+), by each
        form with one letter dropped (and the whole word): a symmetric-delete index for one-edit lookups."""
        if self._fuzzy is None:
            index: dict[str, set[str]] = defaultdict(set)
            for key, entries in self.names.items():
                if len(key) != 1 or not key[0].isalpha():
                    continue
                word = key[0]
                places = any(e.kind in ("country", "adjective") for e in entries) and len(word) >= 5
                people = any(e.kind == "person" for e in entries) and len(word) >= FUZZY_PERSON_MIN
                if not (places or people) or any(s[0].isupper() and len(s[0]) > 1 for s in self.surfaces[key]):
                    continue  # acronyms are never corrected
                for variant in {word, *_deletes(word)}:
                    index[variant].add(word)
            self._fuzzy = index
            self._corrections = {}
        return self._fuzzy

    def correct(self, word: str) -> str | None:
        """The one dictionary name ``word`` is a one-letter misspelling of ("Venezuala", "Afganistan",
        "Netanyahou"), or None: never for words of under 6 letters, never when two names fit."""
        lower = word.lower()
        if len(lower) < 6 or not lower.isalpha() or (lower,) in self.names or lower in NOT_MISSPELLINGS:
            return None
        index = self._fuzzy_index()
        if lower in self._corrections:
            return self._corrections[lower]
        found = {target for variant in {lower, *_deletes(lower)} for target in index.get(variant, ())}
        found = {t for t in found if t != lower and _one_edit(lower, t)
                 and (len(t) >= FUZZY_PERSON_MIN and len(lower) >= FUZZY_PERSON_MIN
                      or any(e.kind != "person" for e in self.names[(t,)]))}
        result = next(iter(found)) if len(found) == 1 else None
        if len(self._corrections) < 100_000:
            self._corrections[lower] = result
        return result

    # --- lookup --------------------------------------------------------------------------
    def lookup(self, words: Sequence[str], key: tuple[str, ...] | None = None) -> list[Entry]:
        """Entries whose name is this token sequence; acronyms must match in capitals.

        ``key``: the words in lower case, where the caller has them already.
        """
        key = key if key is not None else tuple(w.lower() for w in words)
        entries = self.names.get(key)
        if not entries:
            return []
        if key in self.caseless:
            return entries
        for surface in self.surfaces[key]:
            if all(not (s.isupper() and len(s) > 1) or w.isupper() for s, w in zip(surface, words)):
                return entries
        return []


# Real names one letter away from a country or demonym: never corrected.
NOT_MISSPELLINGS = frozenset(
    "prussia prussian prussians siberia siberian siberians iberia iberian iberians romani romanis roland "
    "greens"  # the Green party's members, not "Greeks"
    .split()
)
INITIAL = re.compile(r"\b([A-Z])\.(?= )")  # a middle initial with its full stop
FUZZY_PERSON_MIN = 8  # people's names are corrected only when both forms have 8+ letters ("Netanyahou")


def _deletes(word: str) -> set[str]:
    return {word[:k] + word[k + 1 :] for k in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one inserted, dropped, replaced or two swapped adjacent letters."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    if len(a) == len(b):
        return a[k + 1 :] == b[k + 1 :] or (a[k + 2 :] == b[k + 2 :] and a[k : k + 2] == b[k : k + 2][::-1])
    return a[k + 1 :] == b[k:] if len(a) > len(b) else a[k:] == b[k + 1 :]


def data_path(name: str) -> Path:
    return Path(str(resources.files("tacitus").joinpath("data", name)))
