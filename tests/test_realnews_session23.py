"""Rules from session 23; every sentence here is written for the test."""

from __future__ import annotations

import tacitus

DATE = "2004-11-01"
KEEP_UNCODED = ("stages.confidence.keep_uncoded=true",)


def _events(text: str, date: str = DATE) -> list:
    return list(tacitus.code_text(text, date=date, min_confidence=0, overrides=KEEP_UNCODED))


def _one(text: str, trigger: str, date: str = DATE):
    return next(e for e in _events(text, date) if e.event_text.startswith(trigger))


def _codes(parties) -> list:
    return [a.code for a in parties]


def test_an_act_naming_no_target_in_a_sentence_naming_an_igo_is_toward_the_igo_not_domestic():
    # the request is put to the IMF, not to Ghana itself
    request = _one("Ghana will pay less on its debts this year. Last week, the IMF granted Ghana's request for a delay "
                   "in repayments. Ghana's finance ministry said the money would go to roads in Ghana.", "request")
    assert request.event == "REQUEST"
    assert _codes(request.actor) == ["GHA"] and _codes(request.recipient) == ["IGO"]
    assert "recipient" in request.modality.inferred
    assert "names 'the IMF'" in request.reasons["recipient"]
    call = _one("Germany is worried about the strong euro. German Finance Minister Hans Eichel called for the euro's "
                "rise to be put on the agenda of the G20 summit in Berlin. German exporters say the currency is "
                "hurting sales across Germany.", "called for")
    assert _codes(call.recipient) == ["IGO"]


def test_an_igo_in_a_relative_clause_about_something_else_leaves_the_act_domestic():
    order = _one("China is building dams on its rivers. In April, Chinese officials ordered a halt to work on the river, "
                 "which is part of a United Nations heritage site. China's government said the dams would go ahead in "
                 "China.", "ordered")
    assert order.event == "REQUEST"
    assert _codes(order.recipient) == ["CHN"]
    assert "a domestic act" in order.reasons["recipient"]
