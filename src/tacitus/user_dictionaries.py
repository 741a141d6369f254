"""User actor dictionaries: tacitus's YAML schema, and an importer for PETRARCH/Phoenix files.

``load_user_dictionary(dictionary, path)`` reads one file into an ``ActorDictionary``;
``load_actor_dictionary(extra)`` is the built-in dictionaries with the files ``extra`` read into them
(here rather than in ``dictionaries``, which this module builds on).
The format is chosen by the file name, then by its content:

- ``.yaml`` / ``.yml``: the YAML schema (``actors`` and ``agents`` lists; docs/dictionaries.md);
- ``.agents`` among the name's suffixes (``my.agents``, ``Phoenix.agents.txt``): a PETRARCH
  agents file; ``.actors`` among them: a PETRARCH actors file;
- anything else (``.txt``, ``.petrarch``, ...): a PETRARCH agents file when the content says so
  (a ``!MARKER! = ...`` substitution line, a ``{...}`` plural, a ``~`` in a code, or every code a
  bare sector such as ``[GOV]`` with no ``+`` synonym or date line), else a PETRARCH actors file.

Every name a file defines replaces what that name meant before (a built-in entry or an earlier
file's); inside one file, entries with the same name add up (one person's several terms).
A bad entry raises ``DictionaryError`` naming the file and line.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .cache import cached
from .dictionaries import INTERNATIONAL_CODES, SECTORS, ActorDictionary, Entry, data_path, parse_bound
from .errors import DictionaryError

__all__ = ["CAMEO_SECTORS", "load_actor_dictionary", "load_user_dictionary"]

YAML_SUFFIXES = frozenset({".yaml", ".yml"})
ACTOR_KINDS = ("person", "org", "country", "metonym")
_CODE = re.compile(r"^[A-Z]{3}$")
# CAMEO role and religion codes that are not tacitus sectors, and the sector each maps to.
CAMEO_SECTORS = {
    "INS": "REB", "SEP": "REB",  # insurgents, separatists
    "HRI": "SOC", "DEV": "SOC", "ENV": "SOC",  # human rights, development, environmental groups
    **{code: "REL" for code in "ADR ATH BAH BUD CHR CON DOX HIN ITR JAN JEW MOS PAG SHI SHN SIK SUN TAO ZRO".split()},
}


# --- shared -----------------------------------------------------------------------------------
@dataclass
class _Target:
    """Adds one file's entries: the first time the file names a key, it replaces what the key held."""

    dictionary: ActorDictionary
    path: str
    claimed: set[tuple[str, ...]] = field(default_factory=set)

    def error(self, message: str, line: int | None = None) -> DictionaryError:
        return DictionaryError(message, path=self.path, line=line)

    def add_names(self, texts: list[str], entry: Entry, *, with_the: bool) -> None:
        for text in texts:
            variants = [text]
            if with_the and not text.lower().startswith("the "):
                variants.append("the " + text)
            for variant in variants:
                key = self.dictionary.key(variant)
                self.dictionary.add_name(variant, entry, override=key not in self.claimed)
                self.claimed.add(key)

    def add_agent(self, term: str, sector: str, line: int) -> None:
        name = " ".join(term.lower().split())
        self.dictionary.add_agent(_agent_term(term), Entry("agent", None, None, sector, name, origin=f"{self.path}:{line}"))


def _agent_term(text: str) -> str:
    """A lemma phrase as the agent index keys it: lower case, hyphens split off as the tokenizer does."""
    return " ".join(re.sub(r"\s*-\s*", " - ", text).lower().split())


def load_user_dictionary(dictionary: ActorDictionary, path: Path) -> None:
    """Add the actors and agents in ``path`` (YAML or PETRARCH format) to ``dictionary``."""
    target = _Target(dictionary, str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise target.error("file not found; check the --actors path") from None
    except IsADirectoryError:
        raise target.error("is a directory; pass a dictionary file") from None
    except UnicodeDecodeError as exc:
        raise target.error(f"not UTF-8 text ({exc.reason}); save the file as UTF-8") from None
    except OSError as exc:
        raise target.error(f"cannot be read ({exc.strerror})") from None
    suffixes = [s.lower() for s in path.suffixes]
    if path.suffix.lower() in YAML_SUFFIXES:
        _load_yaml(target, text)
        return
    lines = list(_petrarch_lines(text))
    if ".agents" in suffixes or (".actors" not in suffixes and _looks_like_agents(lines)):
        _load_petrarch_agents(target, lines)
    else:
        _load_petrarch_actors(target, lines)


BUILTIN_FILES = (
    ("countries.tsv", "load_countries"),
    ("territories.tsv", "load_territories"),
    ("metonyms.tsv", "load_metonyms"),
    ("organisations.tsv", "load_organisations"),
    ("people.tsv", "load_people"),
    ("agents.tsv", "load_agents"),
    # built from public data by tools/build_actors.py; read after the hand-written files, whose entries win
    ("people_imported.tsv", "load_people"),
    ("organisations_imported.tsv", "load_organisations"),
)


class _WordTokenizer:
    """spaCy's English word tokenizer, made on first use (a dictionary read from the cache may never need it)."""

    def __init__(self) -> None:
        self._tokenizer: Callable[[str], object] | None = None

    def __call__(self, text: str) -> list[str]:
        if self._tokenizer is None:
            import spacy

            self._tokenizer = spacy.blank("en").tokenizer
        return [t.text for t in self._tokenizer(text)]  # type: ignore[attr-defined]


def _word_tokenizer() -> Callable[[str], list[str]]:
    return _WordTokenizer()


def _builtin_dictionary() -> ActorDictionary:
    dictionary = ActorDictionary(_word_tokenizer())
    for name, loader in BUILTIN_FILES:
        path = data_path(name)
        if path.exists():
            getattr(dictionary, loader)(path)
    dictionary._fuzzy_index()  # built now, not during the first article
    if not dictionary.countries:
        raise DictionaryError("no countries loaded; the package data is incomplete", path=str(data_path("countries.tsv")))
    return dictionary


def _thawed(state: dict[str, object]) -> ActorDictionary:
    dictionary = ActorDictionary(_word_tokenizer())
    dictionary.__dict__.update(state)
    return dictionary


@lru_cache(maxsize=8)
def load_actor_dictionary(extra: tuple[str, ...] = ()) -> ActorDictionary:
    """The built-in dictionaries (from the start-up cache while their files are unchanged, see ``tacitus.cache``)
    plus user dictionaries (YAML or PETRARCH format) in ``extra``."""
    code = [Path(__file__), Path(__file__).with_name("dictionaries.py"), Path(__file__).with_name("tsv.py")]
    dictionary = cached("actors", [data_path(name) for name, _ in BUILTIN_FILES] + code, _builtin_dictionary,
                        freeze=lambda d: {k: v for k, v in d.__dict__.items() if k != "_tokenize"}, thaw=_thawed)
    if extra:  # the cached copy is shared by every caller of the built-ins: user entries go into a copy of it
        dictionary = _thawed(copy.deepcopy({k: v for k, v in dictionary.__dict__.items() if k != "_tokenize"}))
        for path in extra:
            load_user_dictionary(dictionary, Path(path))
        dictionary._fuzzy_index()
    return dictionary


# --- YAML ---------------------------------------------------------------------------------------
ACTOR_FIELDS = ("name", "aliases", "code", "country", "sector", "role", "start", "end", "kind", "note")
AGENT_FIELDS = ("term", "sector", "note")


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _load_yaml(target: _Target, text: str) -> None:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = int(mark.line) + 1 if mark is not None else None
        raise target.error(f"not valid YAML: {exc.problem or exc.context}", line) from None
    except yaml.YAMLError as exc:
        raise target.error(f"not valid YAML: {exc}") from None
    if root is None:  # an empty file adds nothing
        return
    top = _mapping(target, root, ("actors", "agents"), "the file")
    for section, loader in (("actors", _yaml_actor), ("agents", _yaml_agent)):
        if section not in top:
            continue
        node = top[section]
        if _is_null(node):
            continue
        if not isinstance(node, yaml.SequenceNode):
            raise target.error(f"'{section}' must be a list of entries (lines starting with '- ')", _line(node))
        for item in node.value:
            loader(target, item)


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _mapping(target: _Target, node: yaml.Node, fields: tuple[str, ...], what: str) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        raise target.error(f"{what} must be a mapping of {', '.join(fields)}", _line(node))
    out: dict[str, yaml.Node] = {}
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name not in fields:
            raise target.error(f"unknown field {name!r} in {what}; use {', '.join(fields)}", _line(key))
        if name in out:
            raise target.error(f"field {name!r} given twice in {what}", _line(key))
        out[name] = value
    return out


def _scalar(target: _Target, fields: dict[str, yaml.Node], name: str) -> str | None:
    node = fields.get(name)
    if node is None or _is_null(node):
        return None
    if not isinstance(node, yaml.ScalarNode):
        raise target.error(f"field '{name}' must be a single value, not a list or mapping", _line(node))
    value = str(node.value).strip()
    return value or None


def _required(target: _Target, fields: dict[str, yaml.Node], name: str, entry: yaml.Node, what: str) -> str:
    value = _scalar(target, fields, name)
    if value is None:
        raise target.error(f"{what} lacks '{name}'", _line(fields.get(name, entry)))
    return value


def _check(target: _Target, fields: dict[str, yaml.Node], name: str, ok: bool, message: str) -> None:
    if not ok:
        raise target.error(f"field '{name}': {message}", _line(fields[name]))


def _yaml_actor(target: _Target, node: yaml.Node) -> None:
    fields = _mapping(target, node, ACTOR_FIELDS, "an actor entry")
    name = _required(target, fields, "name", node, "actor entry")
    code = _required(target, fields, "code", node, f"actor {name!r}")
    _check(target, fields, "code", bool(_CODE.match(code)), f"{code!r} is not a 3-letter upper-case code (USA, UNO, NGO)")
    country = _scalar(target, fields, "country")
    if country is not None:
        _check(target, fields, "country", bool(_CODE.match(country)), f"{country!r} is not a 3-letter upper-case country code")
    sector = _scalar(target, fields, "sector")
    if sector is not None:
        _check(target, fields, "sector", sector in SECTORS, f"{sector!r} is not a sector; use one of {', '.join(sorted(SECTORS))}")
    bounds: list[dt.date | None] = []
    for bound in ("start", "end"):
        value = _scalar(target, fields, bound)
        try:
            bounds.append(parse_bound(value, end=bound == "end") if value is not None else None)
        except ValueError as exc:
            raise target.error(f"field '{bound}': {exc}", _line(fields[bound])) from None
    start, end = bounds
    if start is not None and end is not None and end < start:
        raise target.error(f"actor {name!r}: end {end} is before start {start}", _line(fields["end"]))
    kind = _scalar(target, fields, "kind") or ("person" if start or end else "org")
    if kind not in ACTOR_KINDS:
        raise target.error(f"field 'kind': {kind!r} is not a kind; use one of {', '.join(ACTOR_KINDS)}", _line(fields["kind"]))
    aliases: list[str] = []
    alias_node = fields.get("aliases")
    if alias_node is not None and not _is_null(alias_node):
        if not isinstance(alias_node, yaml.SequenceNode):
            raise target.error("field 'aliases' must be a list, e.g. [Short Name, ABBR]", _line(alias_node))
        for item in alias_node.value:
            if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
                raise target.error("each alias must be a non-empty name", _line(item))
            aliases.append(str(item.value).strip())
    if country is None and (kind in ("country", "metonym") or code not in INTERNATIONAL_CODES):
        country = code  # a national actor belongs to its code's country
    role = _scalar(target, fields, "role") or ("office-holder" if kind == "person" else None)
    entry = Entry(kind, code, country, sector, name, start, end, role=role, origin=f"{target.path}:{_line(node)}")
    target.add_names([name, *aliases], entry, with_the=kind != "person")


def _yaml_agent(target: _Target, node: yaml.Node) -> None:
    fields = _mapping(target, node, AGENT_FIELDS, "an agent entry")
    term = _required(target, fields, "term", node, "agent entry")
    sector = _required(target, fields, "sector", node, f"agent {term!r}")
    _check(target, fields, "sector", sector in SECTORS, f"{sector!r} is not a sector; use one of {', '.join(sorted(SECTORS))}")
    target.add_agent(term, sector, _line(node))


# --- PETRARCH: shared ---------------------------------------------------------------------------
_XML_COMMENT = re.compile(r"<!--.*?-->")
_BRACKET = re.compile(r"\[([^\]]*)\]")
_MARKER_DEF = re.compile(r"^!(\w+)!\s*=\s*(.*)$")


def _petrarch_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, content) of each line that is not blank or a comment.

    Comments: ``#`` and ``;`` (legacy) to the end of the line, ``<!-- ... -->`` (also over
    several lines), and lines starting with ``<``; ``---STOP---`` ends the file.
    """
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_comment:
            if "-->" not in line:
                continue
            line = line.split("-->", 1)[1]
            in_comment = False
        line = _XML_COMMENT.sub(" ", line)
        if "<!--" in line:
            line, in_comment = line.split("<!--", 1)[0], True
        if "---STOP---" in line:
            return
        line = line.split("#", 1)[0].split(";", 1)[0].strip()
        if line and not line.startswith("<"):
            yield number, line


def _chunks(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def _sector_of(chunks: list[str]) -> str | None:
    """The first chunk that is a tacitus sector (or a CAMEO code mapped to one)."""
    for chunk in chunks:
        if chunk in SECTORS:
            return chunk
        if chunk in CAMEO_SECTORS:
            return CAMEO_SECTORS[chunk]
    return None


def _check_petrarch_code(target: _Target, code: str, line: int) -> None:
    if not re.fullmatch(r"(?:[A-Z]{3})+", code):
        raise target.error(f"code {code!r} is not a CAMEO code: upper-case letters in groups of 3 (USA, USAGOV, IGOUNO)", line)


def _looks_like_agents(lines: list[tuple[int, str]]) -> bool:
    codes: list[str] = []
    for _, line in lines:
        if line.startswith(("+", "[")):
            return False
        if _MARKER_DEF.match(line) or re.search(r"\{[^}]*\}|\[\s*~|~\s*\]", line):
            return True
        codes += [c.strip() for c in _BRACKET.findall(line)]
    # a bare sector code ([GOV], [OPP]) is never a country's; IGO and NGO also begin actor codes
    return bool(codes) and all(c[:3] in SECTORS and c[:3] not in ("IGO", "NGO") for c in codes)


def _name(target: _Target, raw: str, line: int) -> str:
    """A PETRARCH phrase as a name: underscores are spaces; all-capital words become title case
    (so "BARACK_OBAMA_" matches "Barack Obama"), except vowel-less ones, kept as acronyms (PKK)."""
    words = raw.replace("_", " ").split()
    if not words:
        raise target.error("empty name", line)
    out = []
    for word in words:
        if word.isupper() and re.search(r"[AEIOUY]", word):
            word = word.capitalize()
        out.append(word)
    return " ".join(out)


# --- PETRARCH actors ----------------------------------------------------------------------------
@dataclass
class _Code:
    line: int
    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    dated: bool = False


@dataclass
class _Record:
    line: int
    names: list[str]
    codes: list[_Code] = field(default_factory=list)


def _petrarch_date(target: _Target, text: str, line: int) -> dt.date:
    """``YYMMDD`` (00-30 are 20YY, 31-99 are 19YY, as in PETRARCH and TABARI) or ``YYYYMMDD``."""
    text = text.strip()
    if re.fullmatch(r"\d{8}", text):
        year, rest = int(text[:4]), text[4:]
    elif re.fullmatch(r"\d{6}", text):
        yy = int(text[:2])
        year, rest = (2000 + yy if yy <= 30 else 1900 + yy), text[2:]
    else:
        raise target.error(f"date {text!r} is not YYMMDD or YYYYMMDD", line)
    try:
        return dt.date(year, int(rest[:2]), int(rest[2:]))
    except ValueError:
        raise target.error(f"date {text!r} is not a calendar date", line) from None


def _code_line(target: _Target, inner: str, line: int) -> _Code:
    """The inside of ``[CODE]``, ``[CODE <date]``, ``[CODE >date]`` or ``[CODE date-date]``."""
    parts = inner.split(None, 1)
    if not parts:
        raise target.error("empty code []", line)
    code, restriction = parts[0], (parts[1].strip() if len(parts) > 1 else "")
    if code != "---":  # the null code: the name is known but codes nothing
        _check_petrarch_code(target, code, line)
    if not restriction:
        return _Code(line, code)
    if restriction[0] == "<":
        return _Code(line, code, end=_petrarch_date(target, restriction[1:], line), dated=True)
    if restriction[0] == ">":
        return _Code(line, code, start=_petrarch_date(target, restriction[1:], line), dated=True)
    if restriction.count("-") == 1:
        first, last = restriction.split("-")
        start, end = _petrarch_date(target, first, line), _petrarch_date(target, last, line)
        if end < start:
            raise target.error(f"date restriction {restriction!r}: end is before start", line)
        return _Code(line, code, start=start, end=end, dated=True)
    raise target.error(f"date restriction {restriction!r} is not <date, >date or date-date", line)


def _load_petrarch_actors(target: _Target, lines: list[tuple[int, str]]) -> None:
    record: _Record | None = None
    for number, line in lines:
        if line.startswith("+"):
            if record is None:
                raise target.error("synonym '+...' before any actor name", number)
            if "[" in line or "]" in line:
                raise target.error("a synonym line takes no code; put codes on the actor's own lines", number)
            record.names.append(_name(target, line[1:], number))
        elif line.startswith("["):
            if record is None:
                raise target.error("code line before any actor name", number)
            match = re.fullmatch(r"\[([^\[\]]*)\]", line)
            if match is None:
                raise target.error("a code line is one [CODE] or [CODE restriction]", number)
            record.codes.append(_code_line(target, match.group(1), number))
        else:
            if record is not None:
                _add_record(target, record)
            match = re.fullmatch(r"([^\[\]+]+?)\s*(?:\[([^\[\]]*)\])?", line)
            if match is None:
                raise target.error("expected NAME_ [CODE], +SYNONYM_ or an indented [CODE date-date]", number)
            record = _Record(number, [_name(target, match.group(1), number)])
            if match.group(2) is not None:
                record.codes.append(_code_line(target, match.group(2), number))
    if record is not None:
        _add_record(target, record)


def _split_code(code: str) -> tuple[str, str | None, str | None]:
    """A CAMEO actor code as tacitus's (code, country, sector): USAGOV -> USA, USA, GOV;
    IGOUNO -> UNO, None, IGO; IGOxxx -> IGO; NGOxxx -> NGO."""
    chunks = _chunks(code)
    head, rest = chunks[0], chunks[1:]
    if head in ("IGO", "NGO"):
        if head == "IGO" and rest and rest[0] in INTERNATIONAL_CODES:
            return rest[0], None, _sector_of(rest[1:]) or "IGO"
        return head, None, _sector_of(rest) or head
    if head in INTERNATIONAL_CODES:
        return head, None, _sector_of(rest)
    return head, head, _sector_of(rest)


def _gaps(spans: list[_Code]) -> list[tuple[dt.date | None, dt.date | None]]:
    """The periods no dated code covers (where the default code applies)."""
    out: list[tuple[dt.date, dt.date]] = []
    cursor = dt.date.min
    for start, end in sorted((s.start or dt.date.min, s.end or dt.date.max) for s in spans):
        if start > cursor:
            out.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < dt.date.max:
        out.append((cursor, dt.date.max))
    return [(None if a == dt.date.min else a, None if b == dt.date.max else b) for a, b in out]


def _add_record(target: _Target, record: _Record) -> None:
    if not record.codes:
        raise target.error(f"actor {record.names[0]!r} has no [CODE]; add one, or [---] for none", record.line)
    dated = [c for c in record.codes if c.dated and c.code != "---"]
    defaults = [c for c in record.codes if not c.dated]
    default = defaults[-1] if defaults and defaults[-1].code != "---" else None
    name = record.names[0]
    entries: list[Entry] = []
    if dated:  # an office-holder: one entry per period, the default code fills the gaps
        periods = [(c, c.start, c.end) for c in dated]
        if default is not None:
            periods += [(default, start, end) for start, end in _gaps([c for c in record.codes if c.dated])]
        for c, start, end in periods:
            code, country, sector = _split_code(c.code)
            entries.append(Entry("person", code, country, sector, name, start, end, role=c.code, origin=f"{target.path}:{c.line}"))
    elif default is not None:
        code, country, sector = _split_code(default.code)
        national = country is not None and sector is None and code in target.dictionary.countries
        kind = "country" if national else "org"
        entries.append(Entry(kind, code, country, sector, name, origin=f"{target.path}:{default.line}"))
    for entry in entries:
        target.add_names(record.names, entry, with_the=entry.kind != "person")


# --- PETRARCH agents ----------------------------------------------------------------------------
def _load_petrarch_agents(target: _Target, lines: list[tuple[int, str]]) -> None:
    markers: dict[str, list[str]] = {}
    entries: list[tuple[int, str]] = []
    for number, line in lines:
        definition = _MARKER_DEF.match(line)
        if definition is not None:
            items = [item.strip() for item in definition.group(2).split(",") if item.strip()]
            if not items:
                raise target.error(f"substitution !{definition.group(1)}! lists no words", number)
            markers[definition.group(1).upper()] = items
        else:
            entries.append((number, line))
    for number, line in entries:
        match = re.fullmatch(r"([^\[\]{}]+?)\s*(?:\{([^{}]*)\})?\s*\[([^\[\]]*)\]", line)
        if match is None:
            raise target.error("expected PHRASE_ {PLURALS} [~CODE]; the {...} part may be left out", number)
        code = match.group(3).strip().strip("~")
        _check_petrarch_code(target, code, number)
        sector = _sector_of(_chunks(code))
        if sector is None:
            raise target.error(f"agent code {code!r} names no sector; use one of {', '.join(sorted(SECTORS))}", number)
        for phrase in _expand(target, match.group(1), markers, number):
            target.add_agent(phrase.replace("_", " "), sector, number)


def _expand(target: _Target, phrase: str, markers: dict[str, list[str]], line: int) -> list[str]:
    """Every phrase a ``!MARKER!`` phrase stands for (``CONGRESS!PERSON!`` -> CONGRESSMAN, ...)."""
    parts = re.split(r"!(\w+)!", phrase)
    choices: list[list[str]] = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            choices.append([part])
        elif part.upper() in markers:
            choices.append(markers[part.upper()])
        else:
            raise target.error(f"substitution !{part}! is not defined; add a line !{part.upper()}! = WORD, WORD", line)
    return ["".join(combo) for combo in itertools.product(*choices)]
