from __future__ import annotations

import gc
import sys
import weakref

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


def test_release_garbage_frees_reference_cycles(monkeypatch):
    class Node:
        pass

    monkeypatch.setattr(memory, "_frozen", True)  # do not freeze the test session's objects
    gc.disable()
    try:
        a, b = Node(), Node()
        a.other, b.other = b, a
        ref = weakref.ref(a)
        del a, b
        assert ref() is not None  # a cycle: reference counting alone never frees it
        memory.release_garbage()
        assert ref() is None
    finally:
        gc.enable()
