"""Build src/tacitus/data/people_imported.tsv and organisations_imported.tsv from public actor data.

Sources (../shared/data/actors, see its MANIFEST.md for commits and licences); facts only (names, codes, offices,
dates), each row naming its source in the ``source`` column:

- CountryInfo 120116 (CC BY-SA 3.0): leaders by office ~1960-2009 (rulers.org) and cabinets Jan 2003 - Feb 2011
  (CIA World Leaders), with YYYYMMDD dates;
- Phoenix/PETRARCH2 dictionaries (MIT): people with date-restricted codes to ~2015 (Countries), IGOs and NGOs and
  their officials (International; companies are left out), non-state armed groups (MilNonState);
- REIGN leader list to March 2021 (COW state numbers) and Archigos 4.1 leaders 1840-2015 (Gleditsch-Ward numbers);
- Wikidata snapshots (CC0): heads of state and government 2021-22, foreign ministers ~2022-23, heads of IGOs;
- UCDP actor list 22.1: rebel groups and party militias with their GW country (the list has no dates).

State numbers are converted with tools/country_codes.tsv, by date. Everything imported is reviewed first: a name
is dropped when it is too ambiguous to match safely — short, a common English word (wordfreq Zipf frequency of 3
or more, "Straw", "Brown"), a place in the gazetteer, a name the hand-written dictionaries already give another
meaning, a title rather than a name, a descriptive label ("Supporters of ..."), or a name of people so common that
it names many ("Mohammad Ali"). A person the hand-written people.tsv already has, or whose office people.tsv fills
on the same dates, is left to people.tsv. Every dropped row and name is counted by reason in the files' headers
(and listed with --dropped FILE).

Needs the package installed (for its PETRARCH code reader) and wordfreq, at build time only:

    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq
    PYTHONPATH=$(echo /tmp/wf/lib/python3*/site-packages) .venv/bin/python tools/build_actors.py
"""

from __future__ import annotations

import argparse
import calendar
import collections
import csv
import datetime as dt
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "tacitus" / "data"
SHARED = ROOT.parent / "shared" / "data" / "actors"
CODE_TABLE = Path(__file__).resolve().parent / "country_codes.tsv"
PEOPLE_COLUMNS = ("name", "aliases", "code", "country", "sector", "role", "start", "end", "source")
ORG_COLUMNS = ("name", "aliases", "code", "country", "sector", "kind", "valid_from", "valid_to", "source")

COMMON_ZIPF = 3.0  # a one-word name at least this frequent in English (wordfreq) is a common word or a common name
COMMON_NAME_PEOPLE = 8  # a word in this many different people's names is a common given name ("Mohammad", "Ali")
MIN_WORD = 5  # a one-word name needs this many letters
MIN_ACRONYM = 4  # an all-capital acronym needs this many letters ("CPI", "BNP" are too short to be safe)
EARLIEST_END = dt.date(1946, 1, 1)  # spells that ended before this are left out (no news archive tacitus codes)
RARE_ZIPF = 2.5  # a person named by one word (a surname) needs it this rare in English ("Menzies" 3.0, "Faisal" 3.0 are not)
ONE_WORD_SINCE = dt.date(1990, 1, 1)  # ... and a spell that lasted into 1990 or later
# The date each source last saw the people it lists in office: an open spell ends there unless a later source
# (a leader list) still has the person in office.
SNAPSHOTS = {"CountryInfo": dt.date(2011, 2, 28), "Phoenix": dt.date(2014, 1, 30)}
# Names the gazetteer and the word list do not flag but that name places or events in the news.
NOT_NAMES = frozenset({"maidan", "strathclyde"})
AGREEMENTS = frozenset({"safta", "nafta", "gatt", "afta", "cafta", "mercosur treaty"})  # trade agreements named like bodies
TITLE_WORDS = frozenset(
    "minister president secretary acting ambassador chief governor general deputy chairman king queen prince "
    "princess sheikh emir sultan mr mrs ms dr sir lord lady mullah mawlawi ustad haji colonel major".split())
DESCRIPTIVE = re.compile(r"^(forces of|supporters of|military faction|faction of|followers of|government of|"
                         r"opposition|dissident|mutineers|splinter|rebels? of)\b", re.IGNORECASE)
# CountryInfo country codes that tacitus writes otherwise.
COUNTRYINFO_CODES = {"KSV": "KOS", "TMP": "TLS", "ROM": "ROU", "ZAR": "COD"}


# --- small helpers ---------------------------------------------------------------------------------
def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def name_key(text: str) -> str:
    """How two spellings of one name compare: folded to ASCII, lower case, punctuation as spaces."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_fold(text).lower()).split())


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def calendar_date(year: int, month: int, day: int) -> tuple[dt.date, bool]:
    """The date, with an impossible day clamped to the month's last ("20100631" -> 2010-06-30); True if repaired."""
    month = min(max(month, 1), 12)
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(max(day, 1), last)), not 1 <= day <= last


def yyyymmdd(text: str, notes: collections.Counter) -> dt.date:
    text = text.strip()
    if len(text) == 6:  # PETRARCH YYMMDD: 00-30 are 20YY
        yy = int(text[:2])
        text = str(2000 + yy if yy <= 30 else 1900 + yy) + text[2:]
    if len(text) == 7:  # one malformed Phoenix date ("9008223"): read as YYMMDD with a stray digit
        text = text[:6]
        notes["malformed date read by its first six digits"] += 1
        return yyyymmdd(text, notes)
    day, repaired = calendar_date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    if repaired:
        notes["impossible day of month clamped to the month's last"] += 1
    return day


# --- the country-number table ----------------------------------------------------------------------
@dataclass(frozen=True)
class CodeRow:
    system: str
    number: int
    code: str
    start: dt.date | None
    end: dt.date | None


def load_code_table(path: Path = CODE_TABLE) -> list[CodeRow]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("system\t"):
            continue
        system, number, code, start, end, *_ = (line.split("\t") + [""] * 6)[:6]
        rows.append(CodeRow(system, int(number), code, dt.date.fromisoformat(start) if start else None,
                            dt.date.fromisoformat(end) if end else None))
    return rows


def convert(table: list[CodeRow], system: str, number: int | str, day: dt.date | None) -> str | None:
    """The tacitus code of a COW or GW state number on ``day``; with no day, only a number that never changed code."""
    number = int(number)
    rows = [r for r in table if r.system == system and r.number == number]
    if day is None:
        codes = {r.code for r in rows}
        return codes.pop() if len(codes) == 1 else None
    for r in rows:
        if (r.start is None or r.start <= day) and (r.end is None or day < r.end):
            return r.code
    return None


# --- rows ------------------------------------------------------------------------------------------
@dataclass
class Person:
    name: str
    code: str
    country: str | None
    sector: str | None
    role: str
    start: dt.date | None
    end: dt.date | None
    source: str
    aliases: list[str] = field(default_factory=list)

    def overlaps(self, other: Person) -> bool:
        return (self.start or dt.date.min) < (other.end or dt.date.max) and (other.start or dt.date.min) < (self.end or dt.date.max)


@dataclass
class Org:
    name: str
    code: str
    country: str | None
    sector: str | None
    kind: str
    source: str
    aliases: list[str] = field(default_factory=list)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@dataclass
class Review:
    """Counts of what was left out, by reason, and the names themselves for --dropped."""

    rows: collections.Counter = field(default_factory=collections.Counter)  # (source, reason)
    names: collections.Counter = field(default_factory=collections.Counter)  # (source, reason)
    notes: collections.Counter = field(default_factory=collections.Counter)  # repairs
    listed: list[tuple[str, str, str]] = field(default_factory=list)

    def drop_row(self, source: str, reason: str, name: str, file: str = "people") -> None:
        self.rows[(file, source_family(source), reason)] += 1
        self.listed.append((source, f"{file} row: {reason}", name))

    def drop_name(self, source: str, reason: str, name: str, file: str = "people") -> None:
        self.names[(file, source_family(source), reason)] += 1
        self.listed.append((source, f"{file} name: {reason}", name))


def source_family(source: str) -> str:
    return source.split(" ")[0]


# --- readers ---------------------------------------------------------------------------------------
def petrarch_name(raw: str) -> str:
    from tacitus.user_dictionaries import _name

    class _Quiet:
        def error(self, message: str, line: int | None = None) -> ValueError:
            return ValueError(message)

    name = _name(_Quiet(), raw.strip().rstrip("_"), 0)  # type: ignore[arg-type]
    name = re.sub(r"\s*\(([^)]*)\)\s*", " ", name).strip()  # "(AAIA)" acronyms are read separately
    return " ".join(w if not w.isupper() or len(w) > 1 else w for w in name.split())


def person_title(title: str) -> tuple[str, str]:
    """A CountryInfo office title as (role, sector)."""
    t = title.lower()
    if re.search(r"ambassador|permanent representative|representative to|envoy", t):
        return "diplomat", "GOV"
    if re.search(r"\bvice[- ]president", t):
        return "vice_president", "GOV"
    if re.search(r"prime minister|premier|chancellor|head of government|chief minister", t):
        return "head_of_government", "GOV"
    if re.search(r"foreign (affairs|and commonwealth|minister|secretary|relations)|external (affairs|relations)", t) \
            or t.strip() == "secretary of state":
        return "foreign_minister", "GOV"
    if re.search(r"\bdefen[cs]e\b|armed forces|\bwar\b", t) and re.search(r"minister|secretary", t):
        return "defence_minister", "GOV"
    if re.search(r"\b(kings?|queens?|emirs?|sultans?|shahs?|emperors?|monarchs?|grand dukes?|princes?)\b", t):
        return "monarch", "GOV"
    if re.fullmatch(r"presidents?|presidents? of the republic|head of state|heads of state", t.strip()):
        return "head_of_state", "GOV"
    if "minister" in t or "secretary" in t:
        return "minister", "GOV"
    if re.search(r"president|chairman|chairmen|head|leader|council|junta|regent", t):
        return "leader", "GOV"
    return "official", "GOV"


def read_countryinfo(path: Path, known: set[str], review: Review) -> list[Person]:
    source = "CountryInfo 120116"
    text = path.read_text(encoding="latin-1")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    out: list[Person] = []
    for block in re.findall(r"<Country>(.*?)</Country>", text, flags=re.S):
        m = re.search(r"<CountryCode>\s*(\S+)\s*</CountryCode>", block)
        if not m:
            continue
        country = COUNTRYINFO_CODES.get(m.group(1), m.group(1))
        leaders = re.search(r"<Leaders>(.*?)</Leaders>", block, flags=re.S)
        government = re.search(r"<Government>(.*?)</Government>", block, flags=re.S)
        if country not in known:
            if leaders or government:
                review.drop_row(source, "country not in countries.tsv", m.group(1))
            continue
        if leaders:
            title = ""
            for line in leaders.group(1).splitlines():
                line = line.split("#", 1)[0].strip()
                tag = re.fullmatch(r"<([^/>][^>]*)>", line)
                if tag:
                    title = tag.group(1)
                    continue
                if not line or line.startswith("<"):
                    continue
                pm = re.match(r"(\S+)\s+(.*)$", line)
                if not pm:
                    continue
                role, sector = person_title(title)
                for restriction in re.findall(r"\[([^\]:]*)\]", pm.group(2)):
                    try:
                        start, end = _restriction(restriction, review.notes)
                    except ValueError:
                        review.drop_row(source, "malformed date", pm.group(1))
                        continue
                    out.append(Person(petrarch_name(pm.group(1)), country, country, sector, role, start, end,
                                      f"{source} leaders ({title.strip()})"))
        if government:
            for line in government.group(1).splitlines():
                body, _, comment = line.partition("#")
                pm = re.match(r"\s*(\S+)\s+(\[.*\])", body)
                if not pm:
                    continue
                titles = [t.strip().strip('"').strip() for t in comment.split("&")]
                codes = re.findall(r"\[([A-Z]+)\s+([^\]]*)\]", pm.group(2))
                for code, restriction in codes:
                    head = code[:3]
                    if head not in known:
                        review.drop_row(source, "code of no known country", pm.group(1))
                        continue
                    title = re.sub(r'\s*"?acting"?', "", titles[0], flags=re.I) if len(titles) == 1 else ""
                    role, _ = person_title(title) if title else (
                        "minister" if all(re.search(r"minister|secretary", t.lower()) for t in titles) else "official", "GOV")
                    from tacitus.user_dictionaries import _split_code

                    c, ctry, sector = _split_code(code)
                    try:
                        start, end = _restriction(restriction, review.notes)
                    except ValueError:
                        review.drop_row(source, "malformed date", pm.group(1))
                        continue
                    out.append(Person(petrarch_name(pm.group(1)), c, ctry, sector or "GOV", role, start, end,
                                      f"{source} government ({title or ' & '.join(titles)})"))
    return out


def _restriction(text: str, notes: collections.Counter) -> tuple[dt.date | None, dt.date | None]:
    text = text.strip()
    if text.startswith(">"):
        return yyyymmdd(text[1:], notes), None
    if text.startswith("<"):
        return None, yyyymmdd(text[1:], notes)
    if "-" in text:
        a, b = (p.strip() for p in text.split("-", 1))
        start, end = yyyymmdd(a, notes), yyyymmdd(b, notes)
        if end < start:
            notes["start and end swapped"] += 1
            start, end = end, start
        return start, end
    return None, None


def _petrarch_records(path: Path) -> Iterator[tuple[list[str], list[tuple[str, str]]]]:
    """(names, [(code, restriction)]) per PETRARCH actor entry."""
    from tacitus.user_dictionaries import _petrarch_lines

    names: list[str] = []
    codes: list[tuple[str, str]] = []
    for _, line in _petrarch_lines(path.read_text(encoding="utf-8", errors="replace")):
        if line.startswith("+"):
            names.append(line[1:].split("[")[0].strip())
            continue
        found = re.findall(r"\[([^\]]*)\]", line)
        head = line.split("[", 1)[0].strip()
        if head:
            if names:
                yield names, codes
            names, codes = [head], []
        for inner in found:
            parts = inner.split(None, 1)
            if parts:
                codes.append((parts[0], parts[1].strip() if len(parts) > 1 else ""))
    if names:
        yield names, codes


def read_phoenix_people(path: Path, known: set[str], review: Review, source: str) -> tuple[list[Person], list[Org]]:
    """Dated codes make people; an entry with only a default code is an organisation (or a country: skipped)."""
    from tacitus.user_dictionaries import _split_code

    people: list[Person] = []
    orgs: list[Org] = []
    for raw_names, codes in _petrarch_records(path):
        names = [petrarch_name(n) for n in raw_names if n.strip("_ ")]
        if not names or not codes:
            continue
        dated = [(c, r) for c, r in codes if r and c != "---"]
        if dated and any(c.startswith("MNC") for c, _ in codes):
            review.drop_row(source, "company (business actors are out of scope)", names[0], "organisations")
            continue
        if dated:
            for code, restriction in dated:
                if not re.fullmatch(r"(?:[A-Z]{3})+", code):
                    review.drop_row(source, "malformed code", names[0])
                    continue
                c, country, sector = _split_code(code)
                if c == "MNC" or sector == "BUS" and "International" in source:
                    review.drop_row(source, "company (business actors are out of scope)", names[0])
                    break
                if sector == "ELI":
                    continue  # Phoenix's "elite" spells are only the years around an office: not an office
                if country is not None and country not in known:
                    review.drop_row(source, "code of no known country", names[0])
                    continue
                try:
                    start, end = _restriction(restriction.replace(" ", ""), review.notes) if restriction[0] in "<>" \
                        else _restriction(restriction, review.notes)
                except (ValueError, IndexError):
                    review.drop_row(source, "malformed date", names[0])
                    continue
                role = "official" if c not in ("IGO", "UNO", "EUR") else "official"
                people.append(Person(names[0], c, country, sector or ("GOV" if country else "IGO"), role, start, end,
                                     source, aliases=names[1:]))
            continue
        code = codes[-1][0]
        if code == "---" or not re.fullmatch(r"(?:[A-Z]{3})+", code):
            continue
        c, country, sector = _split_code(code)
        if c == "MNC" or code.startswith("MNC"):
            review.drop_row(source, "company (business actors are out of scope)", names[0], "organisations")
            continue
        if country is not None and sector is None and c in known:
            continue  # a country's name: countries.tsv
        if country is not None and country not in known:
            review.drop_row(source, "region or group code, not a state", names[0], "organisations")
            continue
        if c not in known and c not in ("IGO", "UNO", "EUR", "NGO", "IMG", "ISM"):
            review.drop_row(source, "region or group code, not a state", names[0], "organisations")
            continue
        kind = {"IGO": "igo", "UNO": "igo", "EUR": "igo", "NGO": "ngo", "IMG": "armed"}.get(c, "other")
        if sector == "REB" or (kind == "other" and sector in ("REB", "PRM")):
            kind = "armed"
        if sector is None:
            sector = "REB" if "MilNonState" in source or c == "IMG" else None
            if sector == "REB":
                kind = "armed"
        acronyms = [a for raw in raw_names for a in re.findall(r"\(([A-Z][A-Z0-9-]{1,9})\)", raw.replace("_", " "))]
        # a one-word name PETRARCH wrote in capitals is read as an acronym ("SAFTA", "OPEC": capitals only)
        names = [raw.strip("_ ").upper() if len(n.split()) == 1 and 2 <= len(n) <= 6 and raw.strip("_ ").isupper() else n
                 for n, raw in zip(names, [r for r in raw_names if r.strip("_ ")])]
        orgs.append(Org(names[0], c, country, sector, kind, source, aliases=names[1:] + acronyms))
    return people, orgs


def _reign_dates(r: dict[str, str]) -> tuple[dt.date, dt.date | None]:
    start, _ = calendar_date(int(r["syear"]), int(r["smonth"]), int(r["sdate"]))
    end = calendar_date(int(r["eyear"]), int(r["emonth"]), 1)[0] if r["eyear"].strip() else None
    if end is not None and end <= start:  # left in the month they came: the month's end
        end = calendar_date(end.year, end.month, 31)[0] + dt.timedelta(days=1)
    return start, end


def _archigos_dates(r: dict[str, str]) -> tuple[dt.date, dt.date | None]:
    return dt.date.fromisoformat(r["startdate"]), (dt.date.fromisoformat(r["enddate"]) if r["enddate"] not in ("", "NA") else None)


# leader list -> (source, file encoding, state numbers, how a row's dates are read)
LEADER_LISTS = {
    "reign": ("REIGN 2021-03", "latin-1", "cow", _reign_dates),
    "archigos": ("Archigos 4.1", "utf-8", "gw", _archigos_dates),
}


def read_leader_list(path: Path, kind: str, table: list[CodeRow], review: Review) -> list[Person]:
    """REIGN or Archigos: effective leaders' spells, their state numbers converted as of each spell's start."""
    source, encoding, system, dates = LEADER_LISTS[kind]
    out = []
    with path.open(encoding=encoding, newline="") as fh:
        for r in csv.DictReader(fh):
            try:
                start, end = dates(r)
            except ValueError:
                review.drop_row(source, "malformed date", r["leader"])
                continue
            code = convert(table, system, r["ccode"], start)
            if code is None:
                review.drop_row(source, "state number with no tacitus code on that date", r["leader"])
                continue
            out.append(Person(r["leader"].strip(), code, code, "GOV", "leader", start, end, source))
    return out


def read_wikidata(folder: Path, countries_by_name: dict[str, str], review: Review) -> list[Person]:
    out = []
    source = "Wikidata heads of state and government 2021"
    with (folder / "heads_of_state_government_2021_wikidata.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            code = countries_by_name.get(name_key(r["country"]))
            if code is None:
                review.drop_row(source, "country not in countries.tsv", r["officeholderLabel"])
                continue
            position = r["positionLabel"].lower()
            role = "head_of_government" if re.search(r"prime minister|premier|chancellor|head of government", position) \
                else "monarch" if re.search(r"king|queen|emir|sultan|monarch|grand duke|prince", position) \
                else "head_of_state" if "president" in position or "head of state" in position else "leader"
            start = dt.date(int(r["start_year"]), 1, 1) if r["start_year"].strip() else None
            end = dt.date(int(r["end_year"]), 1, 1) if r["end_year"].strip() else None
            if not r["officeholderLabel"].strip() or re.fullmatch(r"Q\d+", r["officeholderLabel"]):
                review.drop_row(source, "no name", r["officeholder"])
                continue
            out.append(Person(r["officeholderLabel"].strip(), code, code, "GOV", role, start, end, source))
    source = "Wikidata foreign ministers 2022-23"
    with (folder / "foreign_ministers_current_wikidata.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            code = countries_by_name.get(name_key(r["countryLabel"]))
            if not r["name"].strip():
                review.drop_row(source, "no name", r["countryLabel"])
                continue
            if code is None:
                review.drop_row(source, "country not in countries.tsv", r["name"])
                continue
            start = _bound(r["start"][:10].strip())
            out.append(Person(r["name"].strip(), code, code, "GOV", "foreign_minister", start, None, source))
    source = "Wikidata heads of IGOs"
    with (folder / "intl_org_heads_holders21.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            position = r["position"]
            code = "EUR" if re.search(r"European (Commission|Council|Parliament|Central Bank|Union)", position) \
                else "UNO" if re.search(r"United Nations|UNESCO|UNICEF|World Health|World Food|UNHCR|International Atomic|"
                                        r"International Labour|Food and Agriculture|UNDP|International Telecommunication", position) \
                else "IGO"
            start, end = _bound(r["start"][:10].strip()), _bound(r["end"][:10].strip())
            role = "secretary_general" if "secretary" in position.lower() else "leader"
            out.append(Person(r["person"].strip(), code, None, "IGO", role, start, end, f"{source} ({position})"))
    return out


def read_ucdp(path: Path, table: list[CodeRow], review: Review) -> list[Org]:
    source = "UCDP actors 22.1"
    out = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh):
            org = r["Org"].strip()
            if org == "4":
                continue  # governments: countries.tsv
            if org == "3":
                review.drop_row(source, "identity group (a people's name, not an organisation)", r["NameData"], "organisations")
                continue
            numbers = [n.strip() for n in r["GWNOLoc"].split(",") if n.strip()]
            if len(numbers) != 1:
                review.drop_row(source, "active in several states (no one country)", r["NameData"], "organisations")
                continue
            code = convert(table, "gw", numbers[0], None)
            if code is None:
                review.drop_row(source, "state number whose code changed over time (the list has no dates)", r["NameData"], "organisations")
                continue
            names = []
            for column in ("NameOrigFullEng", "NameData", "NameOrig", "NameOrigFull", "NewNameFullEng"):
                value = r.get(column, "").strip()
                if value and value != "n/a" and value not in names:
                    names.append(value)
            sector = "REB" if org == "1" else "PRM"
            out.append(Org(names[0], code, code, sector, "armed", source, aliases=names[1:]))
    return out


# --- review ----------------------------------------------------------------------------------------
@dataclass
class Known:
    """What the hand-written dictionaries and the gazetteer already name, and how common words are."""

    countries: set[str]
    countries_by_name: dict[str, str]
    curated: set[str]  # name keys of countries, metonyms, organisations, agents, territories
    curated_people: dict[str, list[Person]]  # name key -> people.tsv rows
    offices: dict[tuple[str, str], list[Person]]  # (country, role) -> people.tsv rows
    places: set[str]
    zipf: Callable[[str], float]


def read_known(zipf: Callable[[str], float]) -> Known:
    def rows(name: str) -> Iterator[dict[str, str]]:
        header = None
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if header is None:
                header = parts
                continue
            yield dict(zip(header, parts + [""] * (len(header) - len(parts))))

    countries, by_name, curated = set(), {}, set()
    for r in rows("countries.tsv"):
        countries.add(r["code"])
        for text in [r["name"], *r["aliases"].split("|"), *r["adjectives"].split("|"), r["capital"]]:
            if text:
                curated.add(name_key(text))
        for text in [r["name"], *r["aliases"].split("|")]:
            if text:
                by_name.setdefault(name_key(text), r["code"])
    by_name.update({"united states of america": "USA", "people s republic of china": "CHN", "czechia": "CZE",
                    "kingdom of the netherlands": "NLD", "ivory coast": "CIV", "cote d ivoire": "CIV"})
    for r in rows("territories.tsv"):
        for text in [r["name"], *r["aliases"].split("|"), *r["adjectives"].split("|")]:
            if text:
                curated.add(name_key(text))
    for r in rows("metonyms.tsv"):
        curated.add(name_key(r["text"]))
    for r in rows("organisations.tsv"):
        for text in [r["name"], *r["aliases"].split("|")]:
            if text:
                curated.add(name_key(text))
    for r in rows("agents.tsv"):
        curated.add(name_key(r["term"]))
    people: dict[str, list[Person]] = collections.defaultdict(list)
    offices: dict[tuple[str, str], list[Person]] = collections.defaultdict(list)
    for r in rows("people.tsv"):
        p = Person(r["name"], r["code"], r["country"] or None, r["sector"], r["role"],
                   _bound(r["start"]), _bound(r["end"]), "people.tsv")
        for text in [r["name"], *r["aliases"].split("|")]:
            if text:
                people[name_key(text)].append(p)
        offices[(p.country or p.code, p.role)].append(p)
    places = set()
    for r in rows("places.tsv"):
        for text in [r["name"], *r["aliases"].split("|")]:
            if text:
                places.add(name_key(text))
    return Known(countries, by_name, curated, dict(people), dict(offices), places, zipf)


def _bound(text: str) -> dt.date | None:
    if not text:
        return None
    if len(text) == 4:
        return dt.date(int(text), 1, 1)
    if len(text) == 7:
        return dt.date.fromisoformat(text + "-01")
    return dt.date.fromisoformat(text)


def name_problem(name: str, known: Known, *, person: bool, common_words: set[str]) -> str | None:
    """Why ``name`` is too ambiguous to match safely, or None."""
    key = name_key(name)
    words = key.split()
    if not words:
        return "empty"
    if DESCRIPTIVE.search(name):
        return "a description, not a name"
    if person and any(w in TITLE_WORDS for w in words):
        return "a title, not a name"
    if key in NOT_NAMES:
        return "also a place"
    if not person and words[0] == "the" and len(words) == 2:
        words = words[1:]
    if len(words) == 1:
        raw = name.strip()
        if raw.isupper() and len(raw) > 1:
            if len(re.sub(r"[^A-Z]", "", raw)) < MIN_ACRONYM:
                return "short acronym"
        elif len(words[0]) < MIN_WORD:
            return "short name"
        if known.zipf(words[0]) >= COMMON_ZIPF:
            return "a common word or common name"
    elif len(key) < 6:
        return "short name"
    if key in known.places:
        return "also a place"
    if key in known.curated:
        return "already names something in the hand-written dictionaries"
    if person and len(words) >= 2 and all(w in common_words for w in words):
        return "a name many people share"
    if person and len(words) == 1 and (known.zipf(words[0]) >= RARE_ZIPF or words[0] in common_words):
        return "one word, not rare enough to stand alone"
    if not person and len(words) >= 1 and all(known.zipf(w) >= 4.0 for w in words) and len(words) <= 3 and not name.isupper():
        return "common words only"
    return None


def surname_alias(p: Person, known: Known, shared: collections.Counter) -> str | None:
    """The last word of a leader's name as an alias, where it is distinctive enough to stand alone."""
    words = p.name.split()
    if len(words) < 2 or (p.end is not None and p.end < ONE_WORD_SINCE):
        return None
    last = words[-1]
    key = name_key(last)
    if (len(key) < MIN_WORD or not key.isalpha() or known.zipf(key) >= RARE_ZIPF or key in known.places or key in NOT_NAMES
            or key in known.curated or key in known.curated_people or shared[key] > 1):
        return None
    return last


# --- merging ---------------------------------------------------------------------------------------
PRIORITY = {"CountryInfo": 0, "Phoenix": 1, "Wikidata": 2, "REIGN": 3, "Archigos": 4}
TITLE_ROLES = frozenset({"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "monarch", "supreme_leader"})


def merge_people(people: list[Person], known: Known, review: Review) -> list[Person]:
    recent = []
    for p in people:
        if p.start is not None and p.end is not None and p.end < p.start:
            review.drop_row(source_family(p.source), "ends before it starts", p.name)
        elif p.end is not None and p.end < EARLIEST_END:
            review.drop_row(source_family(p.source), "ended before 1946", p.name)
        else:
            recent.append(p)
    people = recent
    people.sort(key=lambda p: (PRIORITY[source_family(p.source)], p.country or p.code, p.start or dt.date.min))
    # how many different people (by full name) each word belongs to: common given names
    owners: dict[str, set[str]] = collections.defaultdict(set)
    for p in people:
        for w in name_key(p.name).split():
            owners[w].add(name_key(p.name))
    for key, rows in known.curated_people.items():
        for w in key.split():
            owners[w].add(key)
    common_words = {w for w, s in owners.items() if len(s) >= COMMON_NAME_PEOPLE}
    known.common_given_names = common_words
    kept: list[Person] = []
    confirmed: set[int] = set()
    by_person: dict[tuple[str, str], list[Person]] = collections.defaultdict(list)  # (country, key) -> kept spells
    by_surname: dict[tuple[str, str], list[Person]] = collections.defaultdict(list)  # (country, last word) -> kept
    for p in people:
        family = source_family(p.source)
        key = name_key(p.name)
        problem = name_problem(p.name, known, person=True, common_words=common_words)
        if key in known.curated_people:
            review.drop_row(family, "in people.tsv already", p.name)
            continue
        holders = known.offices.get((p.country or p.code, p.role), []) if p.role in TITLE_ROLES else []
        if any(h.overlaps(p) for h in holders):
            review.drop_row(family, "office filled by people.tsv on those dates", p.name)
            continue
        country = p.country or p.code
        last = key.split()[-1] if key else ""
        same = by_person.get((country, key), [])
        if family in ("REIGN", "Archigos"):
            # leader lists name leaders by surname: the same spell from a fuller source is the same person
            same = same or [q for q in by_surname.get((country, last), []) if q.overlaps(p)]
        twin = next((q for q in same if q.overlaps(p)), None)
        if twin is not None and twin.end is None and p.end is None and family in ("REIGN", "Archigos", "Wikidata"):
            confirmed.add(id(twin))  # still in office when the later list was made
        if twin is not None:
            if twin.end is None and p.end is not None and (twin.start or dt.date.min) < p.end \
                    and source_family(twin.source) in ("CountryInfo", "Phoenix") and family in ("REIGN", "Archigos"):
                twin.end = p.end  # "in office at the last update" closed by the leader list
                twin.source += f"; end from {p.source}"
                review.notes[f"open spell closed from {family}"] += 1
            review.drop_row(family, "same spell from a fuller source", p.name)
            continue
        if problem is None and len(key.split()) == 1 and (
                p.end is not None and (p.end < ONE_WORD_SINCE or p.start is not None and (p.end - p.start).days < 365)
                or len(owners[key]) > 1 or p.role not in ("head_of_state", "head_of_government", "monarch", "leader")):
            problem = "one word, for a minister, a spell before 1990 or under a year, or shared with other people"
        if problem is not None:
            review.drop_row(family, f"name {problem}", p.name)
            continue
        aliases = []
        for alias in p.aliases:
            if name_key(alias) == key or name_key(alias) in {name_key(a) for a in aliases}:
                continue
            why = name_problem(alias, known, person=True, common_words=common_words)
            if why is None and name_key(alias) in known.curated_people:
                why = "a name people.tsv gives someone"
            if why is None:
                aliases.append(alias)
            else:
                review.drop_name(family, why, alias)
        p = replace(p, aliases=aliases)
        kept.append(p)
        by_person[(country, key)].append(p)
        for alias in aliases:
            by_person[(country, name_key(alias))].append(p)
        by_surname[(country, last)].append(p)
    diplomats = [p for p in kept if p.role == "diplomat"]
    for p in diplomats:  # read so that other sources' copies of the post go too
        review.drop_row(source_family(p.source), "a diplomatic post (diplomats serve international bodies before "
                        "and after, and are named for those posts)", p.name)
    kept = [p for p in kept if p.role != "diplomat"]
    for p in kept:
        snapshot = SNAPSHOTS.get(source_family(p.source))
        if p.end is None and snapshot is not None and id(p) not in confirmed and (p.start is None or p.start < snapshot):
            p.end = snapshot
            review.notes["open spell ended at its source's last update"] += 1
    # surnames as aliases, for leaders (not ministers: a minister's surname alone is rarely theirs in the news)
    shared: collections.Counter = collections.Counter()
    for key in {name_key(p.name) for p in kept} | set(known.curated_people):
        for w in set(key.split()):
            shared[w] += 1
    for p in kept:
        if p.role in ("head_of_state", "head_of_government", "monarch", "leader") and source_family(p.source) != "Wikidata" or p.role == "foreign_minister":
            alias = surname_alias(p, known, shared)
            if alias and alias not in p.aliases:
                p.aliases.append(alias)
                review.notes["surname added as an alias"] += 1
    return kept


def merge_orgs(orgs: list[Org], known: Known, review: Review, common_words: set[str]) -> list[Org]:
    kept: list[Org] = []
    seen: set[str] = set()
    for o in orgs:
        family = source_family(o.source)
        if name_key(o.name) in AGREEMENTS or re.search(r"free trade|\bagreement\b|\btreaty\b|\bconvention\b|\bprotocol\b", o.name, flags=re.IGNORECASE):
            review.drop_row(family, "an agreement, not an actor", o.name, "organisations")
            continue
        names = []
        for text in [o.name, *o.aliases]:
            text = " ".join(text.split()).strip(" -")
            key = name_key(text)
            if not key or key in {name_key(n) for n in names}:
                continue
            why = name_problem(text, known, person=False, common_words=set())
            if why is None and len(key.split()) >= 2 and all(w in common_words for w in key.split()):
                why = "a name many people share"
            if why is None and key in seen:
                why = "named by an earlier imported row"
            if why is None:
                names.append(text)
            else:
                review.drop_name(family, why, text, "organisations")
        if not names:
            review.drop_row(family, "no name safe to match", o.name, "organisations")
            continue
        seen.update(name_key(n) for n in names)
        kept.append(replace(o, name=names[0], aliases=names[1:]))
    return kept


# --- writing ---------------------------------------------------------------------------------------
def clean(value: str) -> str:
    return " ".join(str(value).replace("\t", " ").split())


def joined(names: list[str]) -> str:
    return "|".join(clean(n.replace("|", "/")) for n in names)


def header_counts(kind: str, rows: Iterable[Person | Org], review: Review) -> list[str]:
    per_source = collections.Counter(source_family(r.source) for r in rows)
    lines = ["# Rows per source: " + ", ".join(f"{s} {n}" for s, n in sorted(per_source.items()))]
    dropped: collections.Counter = collections.Counter()
    for (file, _, reason), n in sorted(review.rows.items()):
        if file == kind:
            dropped[reason] += n
    lines.append(f"# Rows left out ({sum(dropped.values())}): " + "; ".join(f"{r} {n}" for r, n in dropped.most_common()))
    names: collections.Counter = collections.Counter()
    for (file, _, reason), n in review.names.items():
        if file == kind:
            names[reason] += n
    lines.append(f"# Other names of kept rows left out ({sum(names.values())}): " + "; ".join(f"{r} {n}" for r, n in names.most_common()))
    return lines


def write(path: Path, preamble: list[str], columns: tuple[str, ...], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for line in preamble:
            fh.write(line + "\n")
        fh.write("\t".join(columns) + "\n")
        for row in rows:
            fh.write("\t".join(clean(v) for v in row) + "\n")


def build(shared: Path, out: Path, zipf: Callable[[str], float], dropped: Path | None = None) -> Review:
    review = Review()
    table = load_code_table()
    known = read_known(zipf)
    people: list[Person] = []
    orgs: list[Org] = []
    people += read_countryinfo(shared / "countryinfo" / "CountryInfo.120116.txt", known.countries, review)
    p, o = read_phoenix_people(shared / "petrarch2_phoenix" / "Phoenix.Countries.actors.txt", known.countries, review, "Phoenix Countries")
    people += p
    orgs += o
    p, o = read_phoenix_people(shared / "petrarch2_phoenix" / "Phoenix.International.actors.txt", known.countries, review, "Phoenix International")
    people += p
    orgs += o
    _, o = read_phoenix_people(shared / "petrarch2_phoenix" / "Phoenix.MilNonState.actors.txt", known.countries, review, "Phoenix MilNonState")
    orgs += o
    people += read_wikidata(shared / "wikidata_leaders_snapshot", known.countries_by_name, review)
    people += read_leader_list(shared / "reign" / "leaderlist_3_21.csv", "reign", table, review)
    people += read_leader_list(shared / "archigos_4.1" / "Archigos_4.1_leaders.csv", "archigos", table, review)
    orgs += read_ucdp(shared / "ucdp_actor_22.1" / "ucdp-actor-221.csv", table, review)
    people = merge_people(people, known, review)
    orgs = merge_orgs(orgs, known, review, getattr(known, "common_given_names", set()))
    people.sort(key=lambda p: (p.country or p.code, name_key(p.name), p.start or dt.date.min))
    orgs.sort(key=lambda o: (o.country or o.code, name_key(o.name)))
    notes = "; ".join(f"{k} {n}" for k, n in review.notes.most_common())
    common = [
        "# Generated by tools/build_actors.py from the public actor data in ../shared/data/actors (see its MANIFEST.md):",
        "# facts only (names, codes, offices, dates), each row naming its source. Do not edit by hand: fix the",
        "# hand-written files (people.tsv, organisations.tsv), which take precedence, or the build tool.",
    ]
    write(out / "people_imported.tsv", [
        "# People from public leader and cabinet data, one row per spell in an office; the columns of people.tsv,",
        *common[:1], *common[1:],
        "# role: as in people.tsv, plus minister (other cabinet posts), official (other posts: ambassadors, central",
        "# bankers, judges, IGO officials) and leader (REIGN/Archigos effective leaders); end empty = in office as",
        "# last known (CountryInfo: 2009 for leaders, 2011 for cabinets; Phoenix ~2015), unless a leader list closed it.",
        *header_counts("people", people, review),
        f"# Repairs and additions: {notes}",
    ], PEOPLE_COLUMNS, [[p.name.replace("|", "/"), joined(p.aliases), p.code, p.country or "", p.sector or "", p.role, iso(p.start), iso(p.end), p.source] for p in people])
    write(out / "organisations_imported.tsv", [
        "# Organisations from public data: IGOs and NGOs (Phoenix International), armed and non-state groups",
        "# (Phoenix MilNonState, UCDP); the columns of organisations.tsv.",
        *common,
        "# The sources give no dates for these groups: a group that later ruled (or joined a government) is coded",
        "# as the source has it; organisations.tsv, read first, gives such groups their periods.",
        *header_counts("organisations", orgs, review),
    ], ORG_COLUMNS, [[o.name.replace("|", "/"), joined(o.aliases), o.code, o.country or "", o.sector or "", o.kind, iso(o.valid_from), iso(o.valid_to), o.source] for o in orgs])
    if dropped is not None:
        dropped.write_text("".join(f"{s}\t{r}\t{n}\n" for s, r, n in review.listed), encoding="utf-8")
    return review


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED, help="the folder of public actor data")
    ap.add_argument("--out", type=Path, default=DATA)
    ap.add_argument("--dropped", type=Path, default=None, help="list every dropped row and name here (source, reason, name)")
    args = ap.parse_args()
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        print("build_actors: needs wordfreq at build time (see this file's docstring)", file=sys.stderr)
        return 2
    review = build(args.shared, args.out, lambda w: zipf_frequency(w, "en"), args.dropped)
    for (file, source, reason), n in sorted(review.rows.items()):
        print(f"{file}\tdropped row\t{source}\t{reason}\t{n}")
    for (file, source, reason), n in sorted(review.names.items()):
        print(f"{file}\tdropped name\t{source}\t{reason}\t{n}")
    for note, n in review.notes.most_common():
        print(f"note\t{note}\t{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
