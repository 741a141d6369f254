"""Find date expressions in text and resolve them against an article's date.

Our own rules, not dateparser: decades ("the 1950s"), bare weekdays and
relative expressions need the article date and the verb's tense, and each
result carries the rule that produced it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DateExpression", "ResolvedDate", "find_date_expressions", "resolve_date"]

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

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("day_month_year", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b")),
    ("month_day_year", re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b")),
    ("month_day", re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})")),
    ("day_month", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?!,?\s*\d{4})")),
    ("month_year", re.compile(r"\b(?:in\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})\b")),
    ("range", re.compile(r"\bfrom\s+(?P<y1>1\d{3}|20\d{2})\s+(?:to|until|till)\s+(?P<y2>1\d{3}|20\d{2})\b", re.I)),
    ("since_year", re.compile(r"\bsince\s+(?P<year>1\d{3}|20\d{2})\b", re.I)),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<part>early|mid|mid-|late)?\s*-?(?P<decade>1\d{2}0|20\d0)s\b", re.I)),
    ("century", re.compile(r"\b(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+century\b", re.I)),
    ("season", re.compile(r"\b(?:in\s+)?(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>1\d{3}|20\d{2})\b", re.I)),
    ("year", re.compile(r"\b(?P<year>1[89]\d{2}|20\d{2})\b(?!s|-\d)")),
    ("relative_day", re.compile(r"\b(?P<word>yesterday|today|tonight|tomorrow|the day before yesterday)\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|several|few)\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago\b", re.I)),
    ("last_next", re.compile(r"\b(?P<which>last|next|this|past|coming|earlier this|later this)\s+(?P<unit>week|month|year)\b", re.I)),
    ("last_month_name", re.compile(r"\b(?P<which>last|next|this)\s+" + _MONTH, re.I)),
    ("weekday", re.compile(r"\b(?:(?P<which>last|next|this)\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("in_month", re.compile(r"\b(?:in|since|during|until|by)\s+" + _MONTH + r"(?!\s*\d)")),
    ("named_war", re.compile(r"\b(?P<war>World War (?:II|2|Two|I|1|One)|(?:the\s+)?(?:Second|First) World War|(?:the\s+)?Korean War|(?:the\s+)?Vietnam War|(?:the\s+)?Gulf War)\b")),
]
WARS = {"ii": (1939, 1945), "2": (1939, 1945), "two": (1939, 1945), "second": (1939, 1945), "i": (1914, 1918), "1": (1914, 1918),
        "one": (1914, 1918), "first": (1914, 1918), "korean": (1950, 1953), "vietnam": (1955, 1975), "gulf": (1990, 1991)}


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


def find_date_expressions(text: str) -> list[DateExpression]:
    """Date expressions in ``text``, longest first where they overlap, in text order."""
    found: list[DateExpression] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "year" and text[max(0, s - 1) : s] in ("$", "#"):
                continue
            taken.append((s, e))
            found.append(DateExpression(s, e, m.group(0), kind, {k: v for k, v in m.groupdict().items() if v}))
    return sorted(found, key=lambda d: d.start)


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


def resolve_date(expr: DateExpression, base: dt.date, *, future: bool = False) -> ResolvedDate | None:
    """Resolve an expression against the article date ``base``; ``future`` for future-tense clauses."""
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
        if not future and d > base + dt.timedelta(days=7):
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
        return ResolvedDate(dt.date(y, 1, 1), "year", base, f"'since {y}': ongoing from {y}", ongoing=True)
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
        if which == "next" or (future and which != "last"):
            delta = (target - base.weekday()) % 7 or (7 if which == "next" else 0)
            d = base + dt.timedelta(days=delta)
            return ResolvedDate(d, "day", d, f"'{expr.text}': the next {g['weekday']} on or after the article date (future)")
        delta = (base.weekday() - target) % 7
        if which == "last" and delta == 0:
            delta = 7
        d = base - dt.timedelta(days=delta)
        return ResolvedDate(d, "day", d, f"'{expr.text}': the latest {g['weekday']} on or before the article date (past)")
    if k == "named_war":
        key = g["war"].lower().replace("the ", "").split()
        name = key[-1] if key[0] == "world" else key[0]
        y1, y2 = WARS.get(name, (None, None))
        if y1 is None:
            return None
        return ResolvedDate(dt.date(y1, 1, 1), "year", dt.date(y2, 12, 31), f"{expr.text.strip()} ({y1}-{y2})")
    return None
