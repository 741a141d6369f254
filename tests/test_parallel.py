"""Two worker processes code exactly what one process codes, in the same order."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.config import load_config
from tacitus.pipeline import Pipeline
from tacitus.readers import Rejected

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_two_processes_give_the_same_events(tmp_path):
    bad = tmp_path / "nodate.txt"
    bad.write_text("no date line", encoding="utf-8")
    paths = sorted((ROOT / "examples").glob("*.txt"))[:10] + [bad]
    serial = list(Pipeline(load_config()).code_paths(paths))
    parallel = list(Pipeline(load_config(overrides=["stages.parse.n_process=2"])).code_paths(paths))
    def order(results):
        return [r.article.id if r.article else r.rejected.origin for r in results]

    assert order(parallel) == order(serial)
    assert any(isinstance(r.rejected, Rejected) for r in parallel)
    for a, b in zip(serial, parallel):
        assert [e.to_dict() for e in a.events] == [e.to_dict() for e in b.events]
