"""A fixed slice of the real news, ingested as a user would: no article lost to an internal error."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("soak", ROOT / "benchmarks" / "soak.py")
soak = importlib.util.module_from_spec(SPEC)  # type: ignore[arg-type]
SPEC.loader.exec_module(soak)  # type: ignore[union-attr]


def test_a_200_article_real_news_slice_loses_nothing(tmp_path):
    if not soak.NEWS.is_dir():
        pytest.skip(f"real news not found at {soak.NEWS} (../shared/data/news); the soak slice needs it")
    tacitus = shutil.which("tacitus", path=str(Path(sys.executable).parent))
    assert tacitus is not None
    folder = tmp_path / "news"
    folder.mkdir()
    count = soak.corpus(folder, per_file=67)  # the first 67 of each file: wikinews, BBC (business), AG News
    assert count == 201
    result = soak.soak_slice(folder, tmp_path / "s.duckdb", processes=1, tacitus=tacitus)
    assert result["exit_status"] == 0, result["stderr_tail"]
    assert result["rejected_by_code"] == {}
    assert result["articles_stored"] == count
