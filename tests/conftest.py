"""Shared fixtures. Every event record the suite produces is validated against the JSON Schema."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import tacitus
from tacitus.model import Event
from tacitus.record import validate_record

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_f4155a337e30c35f.txt"

_original_to_dict = Event.to_dict


def _validating_to_dict(self: Event) -> dict:
    record = _original_to_dict(self)
    validate_record(record)
    return record


@pytest.fixture(autouse=True, scope="session")
def validate_every_record():
    """The record contract: each record any test produces must match the shipped schema."""
    Event.to_dict = _validating_to_dict  # type: ignore[method-assign]
    yield
    Event.to_dict = _original_to_dict  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def seed_events():
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    results = tacitus.code_files([SEED])
    assert len(results) == 1 and results[0].rejected is None
    return results[0].events


@pytest.fixture(scope="session")
def code():
    def run(text: str, date: str = "2021-07-16") -> list[Event]:
        return tacitus.code_text(text, date=dt.date.fromisoformat(date))

    return run
