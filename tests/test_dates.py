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
