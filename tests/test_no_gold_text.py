"""The project never copies (or closely paraphrases) a sentence of the PLOVER gold records.

The gold records (../shared/data/plover-gsr) are the development set that accuracy is measured
on; examples, tests, comments and lexicon entries written from them would make those figures
meaningless. Any six-word run shared with a gold sentence fails here: write your own example.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
RUN = 6
SUFFIXES = {".py", ".md", ".txt", ".jsonl", ".toml", ".html", ".js", ".yaml", ".yml"}
# Name lists hold facts (official names of organisations can run past six words), not sentences.
NAME_FILES = {"countries.tsv", "organisations.tsv", "people.tsv", "metonyms.tsv", "places.tsv", "cameo.tsv"}
SKIP_DIRS = {".venv", ".git", "results", "__pycache__", "node_modules", ".pytest_cache"}

WORD = re.compile(r"[a-z0-9']+")


def runs(text: str) -> set[str]:
    words = WORD.findall(text.lower())
    return {" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def project_files() -> list[Path]:
    out = []
    for path in ROOT.rglob("*"):
        if not path.is_file() or SKIP_DIRS & set(path.relative_to(ROOT).parts):
            continue
        if path.suffix in SUFFIXES or (path.suffix == ".tsv" and path.name not in NAME_FILES):
            out.append(path)
    return out


@pytest.mark.skipif(not GOLD.exists(), reason="the gold records are not beside the project")
def test_no_six_word_run_of_a_gold_sentence_in_the_project():
    gold: set[str] = set()
    for record in json.loads(GOLD.read_text(encoding="utf-8")):
        gold |= runs(record.get("text") or "")
    found = []
    for path in project_files():
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            shared = runs(line) & gold
            if shared:
                found.append(f"{path.relative_to(ROOT)}:{number}: shares '{sorted(shared)[0]}'")
    assert not found, (
        "these lines share a six-word run with a sentence of the PLOVER gold records; rewrite them in your own words "
        "about other actors (never copy or paraphrase gold sentences: it makes the accuracy figures meaningless):\n"
        + "\n".join(found)
    )


def test_the_check_finds_a_shared_run():
    assert runs("at dawn the tired brown fox jumped over a fence") & runs("so the tired brown fox jumped over a wall")
    assert not runs("short line")
