"""Dates: an article's own date read and checked, and date expressions in its text found and resolved against it.

Our own rules, not dateparser: decades ("the 1950s"), bare weekdays and
relative expressions need the article date and the verb's tense, and each
result carries the rule that produced it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .errors import ArticleDateError

__all__ = ["MAX_YEAR", "MIN_YEAR", "DateExpression", "ResolvedDate", "find_date_expressions", "parse_date", "resolve_date",
           "shift_date", "without_clock_time"]

MIN_YEAR, MAX_YEAR = 1800, 2100  # the years an article may be dated in

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_NUM_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a": 1, "several": 3, "few": 3}
_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year", "decade": "decade", "decades": "decade"}
ORDINAL_CENTURIES = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
                     "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
                     "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}

_PART = r"(?P<part>(?i:early|mid|late|the end of|end of|the beginning of|beginning of|the start of|start of|the middle of|middle of))[-\s]+"
_YEAR = r"(?P<year>1\d{3}|20\d{2})"
_COUNT = r"(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a couple of|couple of|a few|few|several|a|a dozen)"
_COUNT_WORDS = {"eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "a couple of": 2, "couple of": 2, "a few": 3, "a dozen": 12}
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}
_PART_WORDS = {"early": "early", "beginning of": "early", "the beginning of": "early", "start of": "early", "the start of": "early",
               "mid": "mid", "middle of": "mid", "the middle of": "mid", "late": "late", "end of": "late", "the end of": "late"}
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

# Each pattern comes with words one of which must occur in the text for it to match at all
# (empty: always tried); a lower-case word is looked for in the lower-cased text, any other as
# written (for patterns that match case-sensitively). Skipping the others is most of the cost of
# a scan, and the result is the same (tests/test_dates.py checks it against trying every pattern).
_PART_WORDS_GATE = ("early", "mid", "late", "end of", "beginning of", "start of", "middle of")
_MONTH_GATE = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_GATE_ANY_CASE = tuple(m.lower() for m in _MONTH_GATE)
_SEASON_GATE = ("spring", "summer", "autumn", "fall", "winter")

PATTERNS: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    ("iso_slash", re.compile(r"\b(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})\b"), ("/",)),
    ("part_month", re.compile(r"\b" + _PART + _MONTH[: -len(r"\.?")] + r"(?:,?\s+" + _YEAR + r")?(?![\w-])"), _PART_WORDS_GATE),
    ("part_year", re.compile(r"\b" + _PART + _YEAR + r"\b(?!['’]?s)"), _PART_WORDS_GATE),
    ("part_relative", re.compile(r"\b" + _PART + r"(?P<which>last|next|this|the)\s+(?P<unit>week|month|year)\b", re.I), _PART_WORDS_GATE),
    ("decade_apostrophe", re.compile(r"\b(?:the\s+)?(?:(?P<part>early|mid|late)[-\s]+)?(?P<decade>1\d{2}0|20\d0)['’]s\b", re.I), ("0's", "0’s")),
    ("decade_short", re.compile(r"\bthe\s+(?:(?P<part>early|mid|late)[-\s]+)?(?:['’](?P<short>\d0)s|(?P<short2>[1-9]0)['’]?s|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b", re.I), ("0s", "0's", "0’s", "ties")),
    ("ago_more", re.compile(r"\b(?P<n>eleven|twelve|fifteen|twenty|thirty|a couple of|couple of|a few|a dozen)\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago\b", re.I), ("ago",)),
    ("in_n", re.compile(r"\bin\s+" + _COUNT + r"\s+(?P<unit>days?|weeks?|months?|years?)(?!\s+ago)(?!\s+of)\b", re.I), ("day", "week", "month", "year")),
    ("past_n", re.compile(r"\b(?:the\s+)?(?P<which>past|last|previous)\s+" + _COUNT + r"\s+(?P<unit>days|weeks|months|years|decades)\b(?!\s+of\b)", re.I), ("past", "last", "previous")),
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), ("-",)),
    ("day_month_year", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b"), _MONTH_GATE),
    ("month_day_year", re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b"), _MONTH_GATE),
    ("month_day", re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})"), _MONTH_GATE),
    ("day_month", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?!,?\s*\d{4})"), _MONTH_GATE),
    ("day_of_month", re.compile(r"\b(?i:on|by|until|till|since|before|after)\s+the\s+(?P<day>[12]?\d|3[01])(?:st|nd|rd|th)\b"
                                r"(?:\s+of\s+(?P<which>this|last|next)\s+month)?(?!\s+(?:of\s+)?[A-Za-z])"), ()),
    ("month_year", re.compile(r"\b(?:in\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})\b"), _MONTH_GATE),
    ("range", re.compile(r"\bfrom\s+(?P<y1>1\d{3}|20\d{2})\s+(?:to|until|till)\s+(?P<y2>1\d{3}|20\d{2})\b", re.I), ("from",)),
    ("year_range", re.compile(r"\b(?:between\s+(?P<y1>1\d{3}|20\d{2})\s+and\s+(?P<y2>1\d{3}|20\d{2})"
                              r"|(?P<y3>1\d{3}|20\d{2})\s*(?:-|–|to|until|through)\s*(?P<y4>1\d{3}|20\d{2}|\d{2}))\b(?!s)", re.I), ()),
    ("since_year", re.compile(r"\bsince\s+(?P<year>1\d{3}|20\d{2})\b", re.I), ("since",)),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<part>early|mid|mid-|late)?\s*-?(?P<decade>1\d{2}0|20\d0)s\b", re.I), ("0s",)),
    ("century", re.compile(r"\b(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+century\b", re.I), ("century",)),
    ("season", re.compile(r"\b(?:in\s+)?(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>1\d{3}|20\d{2})\b", re.I), _SEASON_GATE),
    ("year", re.compile(r"\b(?P<year>1[89]\d{2}|20\d{2})\b(?!s|-\d)"), ()),
    ("day_part", re.compile(r"\b(?P<word>last night|this morning|this afternoon|this evening|overnight|the day after tomorrow)\b", re.I), ("night", "morning", "afternoon", "evening", "overnight", "tomorrow")),
    ("relative_day", re.compile(r"\b(?P<word>yesterday|today|tonight|tomorrow|the day before yesterday)\b", re.I), ("yesterday", "today", "tonight", "tomorrow")),
    ("ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|several|few)\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago\b", re.I), ("ago",)),
    ("last_next", re.compile(r"\b(?P<which>last|next|this|past|coming|earlier this|later this)\s+(?P<unit>week|month|year)\b", re.I), ("week", "month", "year")),
    ("last_month_name", re.compile(r"\b(?P<which>last|next|this)\s+" + _MONTH, re.I), _MONTH_GATE_ANY_CASE),
    ("weekend", re.compile(r"\b(?P<which>this past|last|past|this|next|coming|the)\s+weekend\b", re.I), ("weekend",)),
    ("season_relative", re.compile(r"\b(?P<which>this past|last|this|next|coming|the)\s+(?P<season>spring|summer|autumn|winter|fall)\b(?!\s+of\b)", re.I), _SEASON_GATE),
    ("weekday", re.compile(r"\b(?:(?P<which>last|next|this|this past|past|this coming|coming)\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"), ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")),
    ("in_month", re.compile(r"\b(?i:in|since|during|until|by)\s+" + _MONTH + r"(?!\s*\d)"), _MONTH_GATE),
    ("named_war", re.compile(r"\b(?P<war>World War (?:II|2|Two|I|1|One)|(?:the\s+)?(?:Second|First) World War|(?:the\s+)?Korean War|(?:the\s+)?Vietnam War|(?:the\s+)?Gulf War)\b"), ("War",)),
]
WARS = {"ii": (1939, 1945), "2": (1939, 1945), "two": (1939, 1945), "second": (1939, 1945), "i": (1914, 1918), "1": (1914, 1918),
        "one": (1914, 1918), "first": (1914, 1918), "korean": (1950, 1953), "vietnam": (1955, 1975), "gulf": (1990, 1991)}


# Patterns that begin with \b and a word character, searched without the \b (the word boundary then checked on each
# hit): a pattern that begins with a literal or a character class lets the regex engine skip to where it can start,
# one that begins with \b tries every position; so do these, 2-5 times faster, with the same matches
# (tests/test_dates.py checks them against the patterns). A leading \d{4} or \d{1,2} is written \d\d{3} or \d\d?,
# the same, for the engine to see the digit.
_UNBOUNDED_KINDS = ("iso", "day_month_year", "month_day_year", "month_day", "day_month", "day_of_month", "year", "in_month")


def _unbounded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    rest = pattern.pattern[len(r"\b"):]
    rest = re.sub(r"^\(\?P<(\w+)>\\d\{4\}\)", r"(?P<\1>\\d\\d{3})", rest)
    rest = re.sub(r"^\(\?P<(\w+)>\\d\{1,2\}\)", r"(?P<\1>\\d\\d?)", rest)
    return re.compile(rest, pattern.flags)


_UNBOUNDED = {pattern: _unbounded(pattern) for kind, pattern, _gate in PATTERNS if kind in _UNBOUNDED_KINDS}


def _finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, faster for the patterns in ``_UNBOUNDED``."""
    fast = _UNBOUNDED.get(pattern)
    if fast is None:
        yield from pattern.finditer(text)
        return
    pos = 0
    while (m := fast.search(text, pos)) is not None:
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] == "_"):  # no word boundary before it (what \b tests)
            pos = s + 1
            continue
        yield m
        pos = m.end()  # (no pattern matches the empty string)


@dataclass(frozen=True)
class DateExpression:
    start: int
    end: int
    text: str
    kind: str
    groups: dict[str, str]


@dataclass(frozen=True)
class ResolvedDate:
    date: dt.date
    granularity: str  # day, week, month, season, year, decade, century
    last: dt.date  # last day the expression covers
    reason: str
    ongoing: bool = False


def parse_date(value: str, *, origin: str) -> dt.date:
    """Parse an ISO date (``YYYY-MM-DD``; a timestamp's date part is accepted) between 1800 and 2100.

    Dates after today are accepted (time zones and embargoes date articles ahead);
    dates before 1800 or after 2100 are typing errors and are rejected.
    """
    raw = value.strip()
    shown = raw if len(raw) <= 60 else raw[:59] + "…"
    try:
        day = dt.date.fromisoformat(raw[:10])
    except ValueError:
        raise ArticleDateError(
            f"{origin}: {shown!r} is not a valid date; write it as YYYY-MM-DD", code="T111"
        ) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ArticleDateError(
            f"{origin}: date {day.isoformat()} is {'before' if day.year < MIN_YEAR else 'after'} "
            f"{MIN_YEAR if day.year < MIN_YEAR else MAX_YEAR}; tacitus reads dates from {MIN_YEAR} to {MAX_YEAR} "
            "(future dates included): check the date",
            code="T112",
        )
    return day


def find_date_expressions(text: str) -> list[DateExpression]:
    """Date expressions in ``text``, longest first where they overlap, in text order."""
    found: list[DateExpression] = []
    taken: list[tuple[int, int]] = []
    lower = text.lower()
    for kind, pattern, gate in PATTERNS:
        if gate and not any(word in (lower if word.islower() else text) for word in gate):
            continue
        for m in _finditer(pattern, text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "year" and text[max(0, s - 1) : s] in ("$", "#"):
                continue
            taken.append((s, e))
            found.append(DateExpression(s, e, m.group(0), kind, {k: v for k, v in m.groupdict().items() if v}))
    return sorted(found, key=lambda d: d.start)


# A four-digit number read as a 24-hour clock ("1800 GMT", "at 1600", "0600 local time") is no year. The
# number must be a valid time (hours up to 24, minutes up to 59) and the words around it must say so: a time
# zone, "hours" or "local time" after it, or "at", "around", "about" right before it ("by 2030", "in 1800",
# "until 2018" stay years). Issue 19 found events dated 1800-01-01 and 1600-02-26 from such times.
_CLOCK_NUMBER = re.compile(r"(?:[01]\d|2[0-4])[0-5]\d")
_CLOCK_AFTER = re.compile(r"\s*(?:hours?\b|hrs?\b|h\b|GMT\b|UTC\b|Zulu\b|local\s+time\b|"
                          r"(?:[ECMPA][SD]T|BST|CET|CEST|EET|EEST|WET|MSK|IST|JST|AEST|AEDT|WAT|CAT|EAT|PKT|GST|SGT|HKT|ICT|WIB)\b|[ap]\.?m\b)")
_CLOCK_BEFORE = re.compile(r"\b(?:at|around|about|approximately|till|by\s+about)\s+$", re.IGNORECASE)
# "from 1800 to 0600", "between 2200 and 0500": a span that wraps past midnight is a curfew's hours, not years
_CLOCK_SPAN_AFTER = re.compile(r"\s*(?:-|–|to|until|till|and)\s*(?P<to>(?:[01]\d|2[0-4])[0-5]\d)\b")
_REDUCED = {"day_month_year": "day_month", "month_day_year": "month_day", "month_year": "in_month"}


def without_clock_time(text: str, expr: DateExpression) -> DateExpression | None:
    """``expr`` without a 24-hour clock time read as its year: ``None`` when the whole expression is one
    ("1800 GMT", "at 1600", "from 1800 to 2000 GMT"), the day and month alone when only its year is
    ("26 February, 1600 GMT"), else ``expr`` itself."""
    years = re.findall(r"\d{4}", expr.text)
    if not years or not all(_CLOCK_NUMBER.fullmatch(y) for y in years):
        return expr
    span = _CLOCK_SPAN_AFTER.match(text, expr.end)
    after = bool(_CLOCK_AFTER.match(text, expr.end)) or bool(span and (span["to"] < years[-1] or _CLOCK_AFTER.match(text, span.end())))
    before = expr.text[:4].isdigit() and bool(_CLOCK_BEFORE.search(text, max(0, expr.start - 20), expr.start))
    if not (after or before):
        return expr
    if expr.kind in _REDUCED and after:
        cut = expr.text.rfind(expr.groups["year"])
        short = expr.text[:cut].rstrip(" ,")
        if expr.kind == "month_year":
            groups = {"month": expr.groups["month"]}
        else:
            groups = {k: v for k, v in expr.groups.items() if k != "year"}
        return DateExpression(expr.start, expr.start + len(short), short, _REDUCED[expr.kind], groups)
    if expr.kind in ("year", "range", "year_range"):
        return None
    return expr


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, 1)


def resolve_date(expr: DateExpression, base: dt.date, *, future: bool = False, past: bool = False) -> ResolvedDate | None:
    """Resolve an expression against the article date ``base``.

    ``future`` for future-tense clauses; ``past`` for past-tense ones, which never land after the
    article date (a day and month without a year then means the latest such day on or before it;
    otherwise a week's grace allows for "the summit opens on June 3" in a June 1 article).
    """
    for resolve in (_resolve_calendar, _resolve_relative, _resolve_parts, _resolve_spans, _resolve_war):
        resolved = resolve(expr, base, future=future, past=past)
        if resolved is not None:
            return resolved
    return None


def _resolve_calendar(expr: DateExpression, base: dt.date, *, future: bool, past: bool) -> ResolvedDate | None:
    """Dates written out and named periods: an ISO date, a day and month (with or without a year), a month, a
    year range, "since" a year, a decade, a century, a season of a year, a year."""
    g = expr.groups
    k = expr.kind
    if k == "iso":
        d = _safe(int(g["y"]), int(g["m"]), int(g["d"]))
        return ResolvedDate(d, "day", d, "explicit ISO date") if d else None
    if k in ("day_month_year", "month_day_year"):
        d = _safe(int(g["year"]), MONTHS[g["month"].lower().rstrip(".")], int(g["day"]))
        return ResolvedDate(d, "day", d, "explicit day, month and year") if d else None
    if k in ("month_day", "day_month"):
        month, day = MONTHS[g["month"].lower().rstrip(".")], int(g["day"])
        d = _safe(base.year, month, day)
        if d is None:
            return None
        if not future and (d > base + dt.timedelta(days=7) or (past and d > base)):
            d = _safe(base.year - 1, month, day) or d
            return ResolvedDate(d, "day", d, "day and month; past tense, so the latest such day on or before the article date")
        if future and d < base - dt.timedelta(days=7):
            d = _safe(base.year + 1, month, day) or d
        return ResolvedDate(d, "day", d, "day and month in the article's year")
    if k == "month_year":
        month, year = MONTHS[g["month"].lower().rstrip(".")], int(g["year"])
        return ResolvedDate(dt.date(year, month, 1), "month", _end_of_month(year, month), "explicit month and year")
    if k in ("in_month", "last_month_name"):
        month = MONTHS[g["month"].lower().rstrip(".")]
        year = base.year
        which = g.get("which", "").lower()
        if which == "next" or (future and month < base.month):
            year += 1 if month <= base.month else 0
        elif which == "last" or (not future and month > base.month):
            year -= 1 if month >= base.month else 0
        return ResolvedDate(dt.date(year, month, 1), "month", _end_of_month(year, month), "month name resolved against the article date")
    if k == "range":
        y1, y2 = int(g["y1"]), int(g["y2"])
        return ResolvedDate(dt.date(y1, 1, 1), "year", dt.date(y2, 12, 31), f"year range {y1}-{y2}")
    if k == "since_year":
        y = int(g["year"])
        if y > base.year:
            return None  # "since 2025" in an article of 2021: not a time this article can report
        return ResolvedDate(dt.date(y, 1, 1), "year", base, f"'since {y}': ongoing from {y}", ongoing=True)
    if k == "decade" and int(g["decade"]) % 100 == 0 and int(g["decade"]) < 2000:
        return _hundreds(int(g["decade"]), g.get("part", "").lower().strip("-"))
    if k == "decade":
        start = int(g["decade"])
        part = g.get("part", "").lower().strip("-")
        first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(part, (0, 9))
        return ResolvedDate(dt.date(start + first, 1, 1), "decade", dt.date(start + last, 12, 31), f"decade {start}s{' (' + part + ')' if part else ''}")
    if k == "century":
        raw = g["ord"].lower()
        n = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else ORDINAL_CENTURIES.get(raw)
        if not n:
            return None
        return ResolvedDate(dt.date((n - 1) * 100 + 1, 1, 1), "century", dt.date(n * 100, 12, 31), f"century {n}")
    if k == "season":
        y = int(g["year"])
        season = g["season"].lower()
        month = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}[season]
        return ResolvedDate(dt.date(y, month, 1), "season", _end_of_month(y + (month == 12), (month + 2) % 12 or 12), f"season {season} {y}")
    if k == "year":
        y = int(g["year"])
        if y > base.year + 50:
            return None
        return ResolvedDate(dt.date(y, 1, 1), "year", dt.date(y, 12, 31), f"year {y}")
    return None


def _resolve_relative(expr: DateExpression, base: dt.date, *, future: bool, past: bool) -> ResolvedDate | None:
    """Days and periods counted from the article date: "yesterday", "three weeks ago", "last month", "on Friday"."""
    g = expr.groups
    k = expr.kind
    if k == "relative_day":
        word = g["word"].lower()
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "the day before yesterday": -2}[word]
        d = base + dt.timedelta(days=offset)
        return ResolvedDate(d, "day", d, f"'{word}' relative to the article date")
    if k == "ago":
        raw = g["n"].lower()
        n = int(raw) if raw.isdigit() else _NUM_WORDS[raw]
        unit = _UNITS[g["unit"].lower()]
        if unit == "day":
            d = base - dt.timedelta(days=n)
            return ResolvedDate(d, "day", d, f"{n} days before the article date")
        if unit == "week":
            d = base - dt.timedelta(weeks=n)
            return ResolvedDate(d, "week", d + dt.timedelta(days=6), f"{n} weeks before the article date")
        if unit == "month":
            d = _shift_months(base, -n)
            return ResolvedDate(d, "month", _end_of_month(d.year, d.month), f"{n} months before the article date")
        years = n * (10 if unit == "decade" else 1)
        y = base.year - years
        return ResolvedDate(dt.date(y, 1, 1), "year", dt.date(y, 12, 31), f"{years} years before the article date")
    if k == "last_next":
        which, unit = g["which"].lower(), g["unit"].lower()
        step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
        if unit == "week":
            monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=step)
            return ResolvedDate(monday, "week", monday + dt.timedelta(days=6), f"'{which} week' relative to the article date")
        if unit == "month":
            d = _shift_months(base, step)
            return ResolvedDate(d, "month", _end_of_month(d.year, d.month), f"'{which} month' relative to the article date")
        y = base.year + step
        return ResolvedDate(dt.date(y, 1, 1), "year", dt.date(y, 12, 31), f"'{which} year' relative to the article date")
    if k == "weekday":
        target = WEEKDAYS[g["weekday"].lower()]
        which = g.get("which", "").lower()
        which = {"this past": "last", "past": "last", "this coming": "next", "coming": "next"}.get(which, which)
        if which == "next" or (future and which != "last"):
            delta = (target - base.weekday()) % 7 or (7 if which == "next" else 0)
            d = base + dt.timedelta(days=delta)
            return ResolvedDate(d, "day", d, f"'{expr.text}': the next {g['weekday']} on or after the article date (future)")
        delta = (base.weekday() - target) % 7
        if which == "last" and delta == 0:
            delta = 7
        d = base - dt.timedelta(days=delta)
        return ResolvedDate(d, "day", d, f"'{expr.text}': the latest {g['weekday']} on or before the article date (past)")
    return None


def _resolve_war(expr: DateExpression, base: dt.date, *, future: bool, past: bool) -> ResolvedDate | None:
    """A war named for its years: "World War II", "the Korean War"."""
    g = expr.groups
    k = expr.kind
    if k == "named_war":
        key = g["war"].lower().replace("the ", "").split()
        name = key[-1] if key[0] == "world" else key[0]
        y1, y2 = WARS.get(name, (None, None))
        if y1 is None:
            return None
        return ResolvedDate(dt.date(y1, 1, 1), "year", dt.date(y2, 12, 31), f"{expr.text.strip()} ({y1}-{y2})")
    return None


# --- forms added after the first release: parts of months and years, spans, seasons, weekends ----------

def _count(raw: str) -> int:
    raw = raw.lower()
    if raw.isdigit():
        return int(raw)
    return _COUNT_WORDS.get(raw) or _NUM_WORDS[raw]


def _part_of(part: str) -> str:
    return _PART_WORDS[" ".join(part.lower().split())]


def _month_part(year: int, month: int, part: str) -> tuple[dt.date, dt.date]:
    first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}[part]
    end = _end_of_month(year, month)
    return dt.date(year, month, first), min(dt.date(year, month, min(last, end.day)), end)


def _year_part(year: int, part: str) -> tuple[dt.date, dt.date]:
    first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
    return dt.date(year, first, 1), _end_of_month(year, last)


def _hundreds(start: int, part: str) -> ResolvedDate:
    """'the 1800s': the hundred years from 1800 (not the decade 1800-1809)."""
    first, last = {"early": (0, 33), "mid": (34, 66), "late": (67, 99)}.get(part, (0, 99))
    label = f"the {start}s{' (' + part + ')' if part else ''}: the hundred years from {start}"
    return ResolvedDate(dt.date(start + first, 1, 1), "century", dt.date(start + last, 12, 31), label)


def _season_occurrence(year: int, season: str) -> tuple[dt.date, dt.date]:
    """The season starting in ``year`` (meteorological: spring March-May, ..., winter December-February)."""
    month = SEASON_START[season]
    start = dt.date(year, month, 1)
    end_index = year * 12 + month - 1 + 2
    return start, _end_of_month(end_index // 12, end_index % 12 + 1)


def _shift(base: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return base + dt.timedelta(days=n)
    if unit == "week":
        return base + dt.timedelta(weeks=n)
    if unit == "month":
        return _shift_months(base, n)
    years = n * (10 if unit == "decade" else 1)
    return _safe(base.year + years, base.month, base.day) or dt.date(base.year + years, base.month, 28)


def shift_date(day: dt.date, unit: str, n: int) -> dt.date:
    """``day`` moved by ``n`` days, weeks, months (to the month's first day), years or decades."""
    return _shift(day, unit, n)


def _resolve_parts(expr: DateExpression, base: dt.date, *, future: bool, past: bool) -> ResolvedDate | None:
    """Dates with slashes, parts of months and years ("early March", "late last year"), year ranges, decades
    written with an apostrophe or in short ("the '90s", "the sixties")."""
    g = expr.groups
    k = expr.kind
    if k == "iso_slash":
        d = _safe(int(g["y"]), int(g["m"]), int(g["d"]))
        return ResolvedDate(d, "day", d, "explicit year/month/day date") if d else None
    if k == "part_month":
        part, month = _part_of(g["part"]), MONTHS[g["month"].lower().rstrip(".")]
        if g.get("year"):
            first, last = _month_part(int(g["year"]), month, part)
            return ResolvedDate(first, "month", last, f"{part} {calendar.month_name[month]} {g['year']}")
        first, last = _month_part(base.year, month, part)
        if not future and first > base:
            first, last = _month_part(base.year - 1, month, part)
            return ResolvedDate(first, "month", last, f"{part} {calendar.month_name[month]}; past tense, so the latest one begun by the article date")
        if future and last < base:
            first, last = _month_part(base.year + 1, month, part)
        return ResolvedDate(first, "month", last, f"{part} {calendar.month_name[month]} resolved against the article date")
    if k == "part_year":
        part, year = _part_of(g["part"]), int(g["year"])
        if year > base.year + 50:
            return None
        first, last = _year_part(year, part)
        return ResolvedDate(first, "year", last, f"{part} {year}")
    if k == "part_relative":
        part, which, unit = _part_of(g["part"]), g["which"].lower(), g["unit"].lower()
        step = {"last": -1, "next": 1}.get(which, 0)
        if unit == "week":
            monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=step)
            first, last = {"early": (0, 1), "mid": (2, 3), "late": (4, 6)}[part]
            return ResolvedDate(monday + dt.timedelta(days=first), "week", monday + dt.timedelta(days=last), f"{part} {which} week relative to the article date")
        if unit == "month":
            start = _shift_months(base, step)
            first_day, last_day = _month_part(start.year, start.month, part)
            return ResolvedDate(first_day, "month", last_day, f"{part} {which} month relative to the article date")
        first_day, last_day = _year_part(base.year + step, part)
        return ResolvedDate(first_day, "year", last_day, f"{part} {which} year relative to the article date")
    if k == "year_range":
        y1 = int(g.get("y1") or g["y3"])
        raw = g.get("y2") or g["y4"]
        y2 = int(raw) if len(raw) == 4 else y1 - y1 % 100 + int(raw)
        if y2 <= y1 or y2 > base.year + 50:
            return None
        return ResolvedDate(dt.date(y1, 1, 1), "year", dt.date(y2, 12, 31), f"year range {y1}-{y2}")
    if k == "decade_apostrophe":
        start = int(g["decade"])
        part = g.get("part", "").lower()
        if start % 100 == 0 and start < 2000:
            return _hundreds(start, part)
        first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(part, (0, 9))
        return ResolvedDate(dt.date(start + first, 1, 1), "decade", dt.date(start + last, 12, 31), f"decade {start}s{' (' + part + ')' if part else ''}")
    if k == "decade_short":
        tens = int(g.get("short") or g.get("short2") or _DECADE_WORDS[g["word"].lower()])
        start = base.year - base.year % 100 + tens  # the latest such decade begun by the article date
        if start > base.year:
            start -= 100
        part = g.get("part", "").lower()
        first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(part, (0, 9))
        return ResolvedDate(dt.date(start + first, 1, 1), "decade", dt.date(start + last, 12, 31),
                            f"'{expr.text.strip()}': the {start}s, the latest such decade begun by the article date")
    return None


def _resolve_spans(expr: DateExpression, base: dt.date, *, future: bool, past: bool) -> ResolvedDate | None:
    """Counts and spans ("a couple of years ago", "in two weeks", "the past five years"), parts of a day,
    weekends, seasons relative to the article date, and "on the 5th" of a month."""
    g = expr.groups
    k = expr.kind
    if k == "ago_more":
        return resolve_date(DateExpression(expr.start, expr.end, expr.text, "ago", {"n": str(_count(g["n"])), "unit": g["unit"]}), base)
    if k == "in_n":
        if not future:
            return None  # "the first time in 20 years" is a span of time, not a date
        n, unit = _count(g["n"]), _UNITS[g["unit"].lower()]
        d = _shift(base, unit, n)
        return ResolvedDate(d, "day" if unit == "day" else unit, d, f"{n} {unit}s after the article date")
    if k == "past_n":
        n, unit = _count(g["n"]), _UNITS[g["unit"].lower()]
        start = _shift(base, unit, -n)
        return ResolvedDate(start, "day" if unit == "day" else ("year" if unit == "decade" else unit), base,
                            f"the {n} {unit}s up to the article date")
    if k == "day_part":
        word = " ".join(g["word"].lower().split())
        offset = {"last night": -1, "the day after tomorrow": 2}.get(word, 0)
        d = base + dt.timedelta(days=offset)
        return ResolvedDate(d, "day", d, f"'{word}' relative to the article date")
    if k == "weekend":
        which = g["which"].lower()
        saturday = base - dt.timedelta(days=(base.weekday() - 5) % 7)  # latest Saturday on or before
        if base.weekday() == 6:
            saturday = base - dt.timedelta(days=1)
        if which in ("next", "coming") or (future and which in ("this", "the") and saturday + dt.timedelta(days=1) < base):
            saturday += dt.timedelta(weeks=1)
        elif which == "last" and base.weekday() >= 5:
            saturday -= dt.timedelta(weeks=1)
        return ResolvedDate(saturday, "week", saturday + dt.timedelta(days=1), f"'{expr.text.strip()}': the weekend of {saturday.isoformat()}")
    if k == "season_relative":
        which, season = g["which"].lower(), g["season"].lower()
        year = base.year
        if season == "winter" and base.month <= 2:
            year -= 1  # January and February belong to the winter begun in December
        start, end = _season_occurrence(year, season)
        if which == "next" or which == "coming" or (future and which in ("the", "this") and end < base):
            if start <= base:
                start, end = _season_occurrence(year + 1, season)
        elif which in ("last", "this past"):
            if end >= base:
                start, end = _season_occurrence(year - 1, season)
        elif not future and start > base:
            start, end = _season_occurrence(year - 1, season)
        return ResolvedDate(start, "season", end, f"'{expr.text.strip()}': {season} begun {start.isoformat()}")
    if k == "day_of_month":
        day, which = int(g["day"]), g.get("which", "").lower()
        step = {"last": -1, "next": 1}.get(which, 0)
        month_start = _shift_months(base, step)
        if not which:
            if not future and day > base.day:
                month_start = _shift_months(base, -1)
            elif future and day < base.day:
                month_start = _shift_months(base, 1)
        d = _safe(month_start.year, month_start.month, day)
        if d is None:
            return None
        if which:
            return ResolvedDate(d, "day", d, f"day {day} of {which} month, relative to the article date")
        same = (d.year, d.month) == (base.year, base.month)
        where = "the article's month" if same else ("the month before the article date (past tense)" if d < base else "the month after the article date (future)")
        return ResolvedDate(d, "day", d, f"'{expr.text.strip()}': day {day} of {where}")
    return None
