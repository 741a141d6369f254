"""Data-driven date resolution: (sentence, article date, future?, expected date, granularity)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tacitus.dates import find_date_expressions, resolve_date

BASE = dt.date(2021, 7, 16)  # a Friday

CASES = [
    ("The statement was released Friday.", False, "2021-07-16", "day"),
    ("They met on Tuesday.", False, "2021-07-13", "day"),
    ("They will meet on Tuesday.", True, "2021-07-20", "day"),
    ("They met last Friday.", False, "2021-07-09", "day"),
    ("Talks resume next Monday.", True, "2021-07-19", "day"),
    ("It happened yesterday.", False, "2021-07-15", "day"),
    ("It happened today.", False, "2021-07-16", "day"),
    ("They sign tomorrow.", True, "2021-07-17", "day"),
    ("Troops left two days ago.", False, "2021-07-14", "day"),
    ("They left 3 weeks ago.", False, "2021-06-25", "week"),
    ("The deal collapsed six months ago.", False, "2021-01-01", "month"),
    ("It was signed ten years ago.", False, "2011-01-01", "year"),
    ("The protests began last week.", False, "2021-07-05", "week"),
    ("Elections are due next month.", True, "2021-08-01", "month"),
    ("Sanctions were imposed last year.", False, "2020-01-01", "year"),
    ("They agreed earlier this month.", False, "2021-07-01", "month"),
    ("The summit opened on July 12.", False, "2021-07-12", "day"),
    ("The summit opened on 12 July 2021.", False, "2021-07-12", "day"),
    ("The summit opened on July 12, 2021.", False, "2021-07-12", "day"),
    ("The summit opened on 2021-07-12.", False, "2021-07-12", "day"),
    ("The vote was held on December 3.", False, "2020-12-03", "day"),
    ("A vote is due on August 3.", True, "2021-08-03", "day"),
    ("It was founded in March 1990.", False, "1990-03-01", "month"),
    ("Rebels attacked in January.", False, "2021-01-01", "month"),
    ("North Korea was established in 1948.", False, "1948-01-01", "year"),
    ("In the 1950s, the two went to war.", False, "1950-01-01", "decade"),
    ("In the early 1990s the talks failed.", False, "1990-01-01", "decade"),
    ("In the late 1970s the regime fell.", False, "1976-01-01", "decade"),
    ("Ties date to the 19th century.", False, "1801-01-01", "century"),
    ("Ties date to the nineteenth century.", False, "1801-01-01", "century"),
    ("The war lasted from 1950 to 1953.", False, "1950-01-01", "year"),
    ("The embargo has been in place since 1962.", False, "1962-01-01", "year"),
    ("In the summer of 2019 protests spread.", False, "2019-06-01", "season"),
    ("In the aftermath of World War II, the state was founded.", False, "1939-01-01", "year"),
    ("After the Korean War, the border hardened.", False, "1950-01-01", "year"),
    # explicit dates in other common forms
    ("The talks began on Jul. 9.", False, "2021-07-09", "day"),
    ("The ceasefire took hold on July 4th.", False, "2021-07-04", "day"),
    ("Envoys met on the 9th of July.", False, "2021-07-09", "day"),
    ("The accord was signed on 3rd March 2019.", False, "2019-03-03", "day"),
    ("The accord was signed on March 3rd, 2019.", False, "2019-03-03", "day"),
    ("The decree is dated 2020/11/05.", False, "2020-11-05", "day"),
    ("The parliament dissolved in Sept. 2017.", False, "2017-09-01", "month"),
    ("The visit ended on December 30.", False, "2020-12-30", "day"),
    ("The referendum is set for November 2.", True, "2021-11-02", "day"),
    # days of the month without a month
    ("Observers arrived on the 12th.", False, "2021-07-12", "day"),
    ("Ballots were counted on the 20th.", False, "2021-06-20", "day"),
    ("The mission must leave by the 28th.", True, "2021-07-28", "day"),
    ("Troops withdrew on the 3rd of last month.", False, "2021-06-03", "day"),
    # weekdays
    ("Delegates gathered on Monday.", False, "2021-07-12", "day"),
    ("The minister spoke Thursday night.", False, "2021-07-15", "day"),
    ("Riots broke out this past Sunday.", False, "2021-07-11", "day"),
    ("The envoy lands this coming Wednesday.", True, "2021-07-21", "day"),
    ("Voting starts next Saturday.", True, "2021-07-17", "day"),
    ("The bill passed last Tuesday.", False, "2021-07-13", "day"),
    # relative days and parts of days
    ("Shelling resumed last night.", False, "2021-07-15", "day"),
    ("The president flew home this morning.", False, "2021-07-16", "day"),
    ("Rebels struck overnight.", False, "2021-07-16", "day"),
    ("The deal was reached the day before yesterday.", False, "2021-07-14", "day"),
    ("Inspectors arrive the day after tomorrow.", True, "2021-07-18", "day"),
    ("The cabinet meets tonight.", True, "2021-07-16", "day"),
    # counted spans
    ("Fighting erupted four days ago.", False, "2021-07-12", "day"),
    ("The border closed a week ago.", False, "2021-07-09", "week"),
    ("Aid stopped a couple of weeks ago.", False, "2021-07-02", "week"),
    ("The pact lapsed a few months ago.", False, "2021-04-01", "month"),
    ("The treaty expired twenty years ago.", False, "2001-01-01", "year"),
    ("The country split two decades ago.", False, "2001-01-01", "year"),
    ("The army will withdraw in two weeks.", True, "2021-07-30", "week"),
    ("A verdict is expected in three days.", True, "2021-07-19", "day"),
    ("Attacks have risen over the past two weeks.", False, "2021-07-02", "week"),
    ("Prices doubled in the last three months.", False, "2021-04-01", "month"),
    ("The region has been calm for the past five years.", False, "2016-07-16", "year"),
    # relative weeks, months and years and their parts
    ("The talks collapsed earlier this week.", False, "2021-07-12", "week"),
    ("The envoy returns next week.", True, "2021-07-19", "week"),
    ("Negotiators meet early next week.", True, "2021-07-19", "week"),
    ("The strike ended late last week.", False, "2021-07-09", "week"),
    ("The offensive started last month.", False, "2021-06-01", "month"),
    ("The embassy reopened late last month.", False, "2021-06-21", "month"),
    ("The trial opens later this month.", True, "2021-07-01", "month"),
    ("The law took effect this year.", False, "2021-01-01", "year"),
    ("Elections are due early next year.", True, "2022-01-01", "year"),
    ("The army seized power late last year.", False, "2020-09-01", "year"),
    ("The troops must leave by the end of the year.", True, "2021-09-01", "year"),
    ("Reforms are planned for next year.", True, "2022-01-01", "year"),
    # parts of named months and years
    ("The offensive began in mid-July.", False, "2021-07-11", "month"),
    ("Floods struck in early July.", False, "2021-07-01", "month"),
    ("The blockade started in late June.", False, "2021-06-21", "month"),
    ("The summit is planned for late August.", True, "2021-08-21", "month"),
    ("The truce broke down in late July.", False, "2020-07-21", "month"),
    ("The vote was held at the end of March.", False, "2021-03-21", "month"),
    ("The unrest began in mid-May 2018.", False, "2018-05-11", "month"),
    ("The junta took over in early 2020.", False, "2020-01-01", "year"),
    ("The economy shrank in mid-2019.", False, "2019-05-01", "year"),
    ("The dispute flared in late 2016.", False, "2016-09-01", "year"),
    # months resolved against the article date
    ("Protests spread in March.", False, "2021-03-01", "month"),
    ("The regime fell in September.", False, "2020-09-01", "month"),
    ("The census will run in September.", True, "2021-09-01", "month"),
    ("Exports fell last March.", False, "2021-03-01", "month"),
    ("Exports fell last August.", False, "2020-08-01", "month"),
    ("The law expires next May.", True, "2022-05-01", "month"),
    # weekends and seasons
    ("Thousands marched last weekend.", False, "2021-07-10", "week"),
    ("Crowds gathered over the weekend.", False, "2021-07-10", "week"),
    ("More rallies are planned this weekend.", True, "2021-07-17", "week"),
    ("The drought began last summer.", False, "2020-06-01", "season"),
    ("The offensive stalled in the spring.", False, "2021-03-01", "season"),
    ("A new round is due this winter.", True, "2021-12-01", "season"),
    ("The mission ends next spring.", True, "2022-03-01", "season"),
    ("The siege began in the winter of 1992.", False, "1992-12-01", "season"),
    ("Talks stalled in autumn 2018.", False, "2018-09-01", "season"),
    # years, ranges, decades, centuries
    ("The party has ruled since 2019.", False, "2019-01-01", "year"),
    ("The two states fought between 1980 and 1988.", False, "1980-01-01", "year"),
    ("The occupation lasted 2003-11.", False, "2003-01-01", "year"),
    ("He governed 1994 to 2004.", False, "1994-01-01", "year"),
    ("Ties were frozen in the 1990's.", False, "1990-01-01", "decade"),
    ("The dispute dates back to the '80s.", False, "1980-01-01", "decade"),
    ("The pipeline was planned in the nineties.", False, "1990-01-01", "decade"),
    ("The border was drawn in the early sixties.", False, "1960-01-01", "decade"),
    ("The alliance frayed in the mid-2000s.", False, "2003-01-01", "decade"),
    ("The port was built in the 1800s.", False, "1800-01-01", "century"),
    ("The city grew in the early 1900s.", False, "1900-01-01", "century"),
    ("The border dates from the eighteenth century.", False, "1701-01-01", "century"),
    ("Troops were first deployed in the First World War.", False, "1914-01-01", "year"),
]

# (sentence, expected expression text): the span each rule claims
SPANS = [
    ("Observers arrived on the 12th.", "on the 12th"),
    ("The offensive began in mid-July.", "mid-July"),
    ("The army seized power late last year.", "late last year"),
    ("Aid stopped a couple of weeks ago.", "a couple of weeks ago"),
    ("The two states fought between 1980 and 1988.", "between 1980 and 1988"),
    ("The war lasted from 1950 to 1953.", "from 1950 to 1953"),
]

# Text that is not a date (or not one this module resolves).
NOT_DATES = [
    "The veterans were in their 90s.",
    "It marked the 20th anniversary of the accord.",
    "The 3rd battalion moved north.",
    "The fall of Kabul shocked the region.",
    "It was the first time in 20 years.",
    "They pledged $1990 in aid.",
]


@pytest.mark.parametrize(("sentence", "future", "expected", "granularity"), CASES)
def test_resolution(sentence, future, expected, granularity):
    exprs = find_date_expressions(sentence)
    assert exprs, f"no date expression found in {sentence!r}"
    resolved = resolve_date(exprs[0], BASE, future=future)
    assert resolved is not None
    assert resolved.date.isoformat() == expected
    assert resolved.granularity == granularity
    assert resolved.reason
    assert resolved.date <= resolved.last


def test_there_are_enough_cases():
    assert len(CASES) >= 80


@pytest.mark.parametrize(("sentence", "text"), SPANS)
def test_expression_spans(sentence, text):
    exprs = find_date_expressions(sentence)
    assert [e.text for e in exprs] == [text]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_not_dates(sentence):
    resolved = [resolve_date(e, BASE) for e in find_date_expressions(sentence)]
    assert all(r is None for r in resolved)


def test_hundreds_are_a_century_not_a_decade():
    [expr] = find_date_expressions("The port was built in the 1800s.")
    resolved = resolve_date(expr, BASE)
    assert (resolved.date, resolved.last) == (dt.date(1800, 1, 1), dt.date(1899, 12, 31))


def test_two_thousands_stay_a_decade():
    [expr] = find_date_expressions("The alliance grew in the 2000s.")
    resolved = resolve_date(expr, BASE)
    assert (resolved.granularity, resolved.last) == ("decade", dt.date(2009, 12, 31))


def test_bare_weekday_on_the_article_weekday_is_the_article_date():
    # dateparser resolves a bare weekday to the *next* one; a past-tense report means the latest.
    [expr] = find_date_expressions("The statement was issued on Friday.")
    assert resolve_date(expr, BASE, future=False).date == BASE
    assert resolve_date(expr, BASE, future=True).date == BASE


def test_past_spans_end_at_the_article_date():
    [expr] = find_date_expressions("Attacks have risen over the past two weeks.")
    resolved = resolve_date(expr, BASE)
    assert resolved.last == BASE and resolved.date == BASE - dt.timedelta(weeks=2)


def test_reversed_or_impossible_ranges_resolve_to_none():
    for text in ("The plan covers 2018-2015.", "It ran 2021-07 to date."):
        for expr in find_date_expressions(text):
            if expr.kind == "year_range":
                assert resolve_date(expr, BASE) is None


def test_since_is_ongoing_to_the_article_date():
    [expr] = find_date_expressions("The embargo has held since 1962.")
    resolved = resolve_date(expr, BASE)
    assert resolved.ongoing and resolved.last == BASE


def test_no_expression_in_plain_sentence():
    assert find_date_expressions("The ministers met and agreed to cooperate.") == []


def test_invalid_calendar_dates_resolve_to_none():
    [expr] = find_date_expressions("It happened on 2021-02-30.")
    assert resolve_date(expr, BASE) is None


def test_money_is_not_a_year():
    assert find_date_expressions("They pledged $2000 in aid.") == []


@given(
    text=st.lists(st.sampled_from(list("abc 0123456789-,.") + ["July ", "Friday ", "1950s ", "ago ", "last week ", "since "]), max_size=30).map("".join),
    base=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
)
def test_resolution_never_crashes_and_offsets_stay_inside(text, base):
    for expr in find_date_expressions(text):
        assert 0 <= expr.start < expr.end <= len(text)
        assert text[expr.start : expr.end] == expr.text
        resolved = resolve_date(expr, base)
        if resolved is not None:
            assert resolved.date <= resolved.last


@given(base=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)),
       word=st.sampled_from(["Monday", "Friday", "yesterday", "last week", "two days ago", "last month", "June 3"]))
def test_past_expressions_never_land_after_the_article_date(base, word):
    [expr] = find_date_expressions(f"It happened {word}.")
    resolved = resolve_date(expr, base, future=False)
    assert resolved is not None and resolved.date <= base + dt.timedelta(days=7)


# Expressions a past-tense clause can use; none may resolve after the article date. (An explicit
# day and month keeps the week's grace of test_past_expressions_never_land_after_the_article_date.)
PAST_FORMS = [
    "on Sunday", "on Wednesday", "last Thursday", "this past Saturday", "yesterday", "last night", "the day before yesterday",
    "this morning", "overnight", "three days ago", "a couple of weeks ago", "a few months ago", "twenty years ago",
    "last week", "earlier this week", "late last week", "last month", "earlier this month", "late last month",
    "last year", "late last year", "early last year", "on the 1st", "on the 15th", "on the 31st", "on the 3rd of last month",
    "in mid-July", "in early March", "in late December", "at the end of May", "in March", "in November", "last weekend",
    "over the weekend", "last summer", "in the winter", "in the spring", "this past autumn", "the past two weeks",
    "the last three years", "in the nineties", "in the '70s", "in the sixties",
]
# Explicit years are what the text says; checked against articles written after them.
PAST_YEARS = ["in early 2001", "since 2001", "in 2003", "in mid-2002", "between 1999 and 2003", "in the summer of 2003", "in March 2003"]


@given(base=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)), form=st.sampled_from(PAST_FORMS))
def test_past_tense_events_never_land_after_the_article_date(base, form):
    text = f"The fighting ended {form}."
    for expr in find_date_expressions(text):
        resolved = resolve_date(expr, base, future=False)
        if resolved is not None:
            assert isinstance(resolved.date, dt.date) and resolved.date <= resolved.last
            assert resolved.date <= base, (form, expr.kind, resolved)


@given(base=st.dates(min_value=dt.date(2004, 1, 1), max_value=dt.date(2090, 12, 31)), form=st.sampled_from(PAST_YEARS))
def test_explicit_past_years_never_land_after_a_later_article_date(base, form):
    [expr] = find_date_expressions(f"The fighting ended {form}.")
    resolved = resolve_date(expr, base, future=False)
    assert resolved is not None and resolved.date <= resolved.last <= base


def test_since_a_later_year_is_not_resolved():
    [expr] = find_date_expressions("The embargo has held since 2025.")
    assert resolve_date(expr, BASE) is None


@given(
    text=st.lists(st.sampled_from([
        "on the ", "12th", "31st", " of last month", "mid-", "late ", "early ", "July", "March ", "2019", "1800s", "'90s",
        " the ", "nineties", "last ", "next ", "this ", "past ", "weekend", "winter", "spring", "year", "month", "week",
        "between ", " and ", "-", "to ", "in ", "two ", "a couple of ", "weeks", " ago", "Monday", ", ", " ",
    ]), max_size=14).map("".join),
    base=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    future=st.booleans(),
)
def test_every_resolved_date_is_valid_and_offsets_stay_inside(text, base, future):
    for expr in find_date_expressions(text):
        assert 0 <= expr.start < expr.end <= len(text)
        assert text[expr.start : expr.end] == expr.text
        resolved = resolve_date(expr, base, future=future)
        if resolved is not None:
            assert isinstance(resolved.date, dt.date) and isinstance(resolved.last, dt.date)
            assert resolved.date <= resolved.last
            assert resolved.granularity in ("day", "week", "month", "season", "year", "decade", "century")
            assert resolved.reason


@given(base=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)),
       word=st.sampled_from(["June 3", "3 June", "December 31", "January 1", "on Friday", "last month", "yesterday"]))
def test_past_tense_never_lands_after_the_article_date(base, word):
    [expr] = find_date_expressions(f"It happened {word}.")
    resolved = resolve_date(expr, base, past=True)
    assert resolved is not None and resolved.date <= base


def _every_pattern(text: str) -> list:
    """find_date_expressions without the keyword gates: every pattern tried on the whole text."""
    import tacitus.dates as dates

    saved = dates.PATTERNS
    dates.PATTERNS = [(kind, pattern, ()) for kind, pattern, _gate in saved]
    try:
        return dates.find_date_expressions(text)
    finally:
        dates.PATTERNS = saved


def test_keyword_gates_change_no_result():
    texts = [c[0] for c in CASES] + [s for s, _ in SPANS] + list(NOT_DATES)
    texts.append(" ".join(texts))  # and all of them in one text, as an article
    for text in texts:
        assert find_date_expressions(text) == _every_pattern(text), text
    for text in (t.upper() for t in texts[:40]):
        assert find_date_expressions(text) == _every_pattern(text), text


@given(st.text(alphabet="0123456789 -/'’sthdaywekmonJFMASONDrlgcuvbipfLTWy", max_size=60))
def test_keyword_gates_change_no_result_on_any_text(text):
    assert find_date_expressions(text) == _every_pattern(text)


def _both_ways(text: str) -> None:
    import tacitus.dates as dates

    for pattern, _fast in dates._UNBOUNDED.items():
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in dates._finditer(pattern, text)] == expected, (pattern.pattern, text)


def test_patterns_searched_without_their_word_boundary_match_the_same():
    texts = [c[0] for c in CASES] + [s for s, _ in SPANS] + list(NOT_DATES)
    texts += [" ".join(texts), "x2004-01-02 _15 March 2004 é15 March 2004 on the 3rd 1999s 1999-2000 in May5 in Mayo"]
    for text in texts:
        _both_ways(text)


@given(st.text(alphabet="0123456789 -_é/'’sthdaywekmonJFMASONDrlgcuvbipfLTWy", max_size=60))
def test_patterns_searched_without_their_word_boundary_match_the_same_on_any_text(text):
    _both_ways(text)
