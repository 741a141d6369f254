from __future__ import annotations

import sys

import pytest

from tacitus import memory


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_steady_heap_takes_effect_once_on_linux(monkeypatch):
    monkeypatch.setattr(memory, "_applied", False)
    assert memory.steady_heap() is True
    assert memory.steady_heap() is True  # idempotent


def test_steady_heap_is_a_no_op_elsewhere(monkeypatch):
    monkeypatch.setattr(memory, "_applied", False)
    monkeypatch.setattr(memory.sys, "platform", "darwin")
    assert memory.steady_heap() is False
