"""The location scoring of benchmarks/realnews.py: pairing by type, place- and country-level agreement, the block's
figures. Events and labels are built by hand (no news text)."""

from __future__ import annotations

import collections
import importlib.util
from pathlib import Path

from tacitus.evaluation import GoldEvent
from tacitus.model import Event, Location, Span

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("realnews", ROOT / "benchmarks" / "realnews.py")
realnews = importlib.util.module_from_spec(SPEC)  # type: ignore[arg-type]
SPEC.loader.exec_module(realnews)  # type: ignore[union-attr]

TEXT = "Police held two men in the Gaza Strip and soldiers shelled Basra; envoys then met in Britain."


def event(kind: str, start: int, location: Location | None = None, reason: str = "", inferred: bool = False) -> Event:
    e = Event("a", 0, TEXT, kind, "", "", 0.0, 1, Span(start, start + 4), "x", location=location)
    if reason:
        e.reasons["location"] = reason
    if inferred:
        e.modality.inferred.append("location")
    return e


def gold(kind: str, quote: tuple[int, int], words: str | None = None, country: str | None = None) -> GoldEvent:
    place = None
    if words is not None:
        at = TEXT.index(words)
        place = (at, at + len(words))
    return GoldEvent(kind, (), (), "asserted", quote, place=place, place_country=country)


def test_pairing_is_by_type_and_prefers_the_trigger_inside_the_quote():
    far, near = event("ASSAULT", 60), event("ASSAULT", 48)
    g = gold("ASSAULT", (45, 70))
    assert realnews.pair_by_type([far, near, event("CONSULT", 75)], [g, gold("AID", (0, 5))]) == [(near, g)]
    assert realnews.pair_by_type([near, far], [gold("ASSAULT", (58, 70))])[0][0] is far


def test_place_right_by_shared_words_or_by_a_reading_of_the_words():
    readings = realnews.PlaceReadings()
    assert realnews.place_right(Location("Gaza Strip", "PSE"), "the Gaza Strip", readings)
    assert realnews.place_right(Location("Basrah", "IRQ"), "Basra", readings)  # a gazetteer alias
    assert realnews.place_right(Location("United Kingdom", "GBR"), "Britain", readings)  # a dictionary country
    assert not realnews.place_right(Location("Iraq", "IRQ"), "Basra", readings)
    assert not realnews.place_right(Location("London", "GBR"), "Britain", readings)


def test_score_place_counts_located_country_and_place():
    readings = realnews.PlaceReadings()
    g = gold("ASSAULT", (45, 70), "Basra", "IRQ")
    assert realnews.score_place(event("ASSAULT", 48, Location("Basrah", "IRQ")), g, TEXT, readings) == collections.Counter(
        events_with_annotated_place=1, located=1, country_right=1, place_right=1)
    assert realnews.score_place(event("ASSAULT", 48, Location("Iraq", "IRQ")), g, TEXT, readings) == collections.Counter(
        events_with_annotated_place=1, located=1, country_right=1, place_right=0)
    assert realnews.score_place(event("ASSAULT", 48), g, TEXT, readings) == collections.Counter(events_with_annotated_place=1)


def test_located_without_an_annotated_place_is_counted_by_source():
    readings = realnews.PlaceReadings()
    g = gold("COERCE", (0, 20))
    counts = collections.Counter()
    for e in (event("COERCE", 7, Location("Kabul", "AFG"), "dateline 'KABUL': ..."),
              event("COERCE", 7, Location("Italy", "ITA"), "inferred: no place named; ...", inferred=True),
              event("COERCE", 7, Location("Herat", "AFG"), "'in Herat', where the act is: ..."),
              event("COERCE", 7)):
        counts.update(realnews.score_place(e, g, TEXT, readings))
    block = realnews.location_block(counts)
    assert block["events_without_annotated_place"] == 4
    assert block["located_without_annotated_place"] == {"text": 1, "dateline": 1, "inferred": 1}
    assert block["located_share"] is None and block["country_right_of_located"] is None


def test_location_block_ratios():
    counts = collections.Counter(events_with_annotated_place=10, located=8, country_right=8, place_right=6)
    block = realnews.location_block(counts)
    assert (block["located_share"], block["country_right_of_located"], block["place_right_of_located"]) == (0.8, 1.0, 0.75)
    assert (block["country_recall"], block["place_recall"]) == (0.8, 0.6)


def test_the_confidence_block_ranks_and_scores_by_hand_built_pairs(tmp_path):
    pairs = [(0.9, 1), (0.8, 0), (0.6, 1), (0.2, 0), (0.2, 1)]
    block = realnews.reliability(pairs, tmp_path / "r.png")
    # of the 6 (right, wrong) pairs, the right one is higher in 3, and one tie (0.2 against 0.2) counts half
    assert block["ranking_auc"] == round(3.5 / 6, 4)
    assert block["brier"] == round((0.01 + 0.64 + 0.16 + 0.04 + 0.64) / 5, 4)
    assert realnews.ranking_auc([(0.5, 1), (0.7, 1)]) is None  # no wrong event: nothing to rank


def test_the_calibration_error_comes_with_an_interval_over_articles():
    pairs = [(0.9, 1), (0.8, 0), (0.6, 1), (0.2, 0), (0.2, 1), (0.1, 0)]
    ece, rows = realnews.calibration_bins(pairs)
    assert sum(r["events"] for r in rows) == len(pairs) and 0 <= ece <= 1
    low, high = realnews.ece_interval(pairs, ["a", "a", "b", "b", "c", "c"], draws=200)
    assert 0 <= low <= high <= 1
    assert realnews.ece_interval(pairs, ["a"] * 6) is None  # one article: nothing to resample
