"""Rules from the session-14 reading of real-news errors (the dev split); every sentence here is written for the
test."""

from __future__ import annotations

import tacitus

DATE = "2005-03-01"


def _codes(actors) -> set[str]:
    return {a.code for a in actors if a.code}


def test_members_named_after_including_join_the_party():
    text = "A car bomb went off in a crowded square in Baghdad, killing nine people, including a Polish engineer."
    killing = next(e for e in tacitus.code_text(text, date=DATE, min_confidence=0) if e.event_text == "killing")
    assert "POL" in _codes(killing.recipient), "the engineer named among the dead is a target"
    assert any("'including'" in a.reason for a in killing.recipient)
    text = "Several African states, including Ghana and Mali, condemned the coup in Guinea-Bissau."
    condemned = next(e for e in tacitus.code_text(text, date=DATE, min_confidence=0) if e.event_text == "condemned")
    assert {"GHA", "MLI"} <= _codes(condemned.actor)


def test_a_country_s_allies_and_neighbours_are_not_that_country():
    for text in ("Sudan's neighbours criticised the plan to hold the vote in March.",
                 "The allies of Serbia rejected the court's demand for the general's arrest."):
        for e in tacitus.code_text(text, date=DATE, min_confidence=0):
            assert not _codes(e.actor) & {"SDN", "SRB"}, f"{text}: the allies or neighbours are other states"
    events = tacitus.code_text("Sudanese troops attacked a village near the border.", date=DATE, min_confidence=0)
    assert any(_codes(e.actor) == {"SDN"} for e in events), "a country's own troops keep its code"
