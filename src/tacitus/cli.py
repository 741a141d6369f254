"""The command-line interface: a thin layer over the library.

Exit status: 0 success; 1 some inputs were rejected (the rest were coded);
2 bad usage, configuration or dictionary (nothing was coded).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .config import load_config
from .errors import TacitusError
from .readers import parse_date

__all__ = ["build_parser", "main"]

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


def _pipeline_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("pipeline")
    g.add_argument("--date", help="article date YYYY-MM-DD for inputs without one (plain text)")
    g.add_argument("--config", metavar="FILE", help="TOML file overriding the default configuration")
    g.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                   help="override one setting, e.g. --set stages.parse.n_process=2 (repeatable)")
    g.add_argument("--disable", action="append", default=[], metavar="STAGE", help="drop a stage, e.g. --disable place (repeatable)")
    g.add_argument("--stage", dest="swap", action="append", default=[], metavar="STAGE=FACTORY",
                   help="use another registered factory for a stage, e.g. --stage time=tacitus.time.v1 (repeatable)")
    g.add_argument("--actors", action="append", default=[], metavar="FILE", help="extra actor dictionary (YAML; repeatable)")
    g.add_argument("--lexicon", action="append", default=[], metavar="FILE", help="extra trigger lexicon (TSV; repeatable)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tacitus", description="Political event data from dated news articles (PLOVER and CAMEO, with evidence).")
    parser.add_argument("--version", action="version", version=f"tacitus {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    code = sub.add_parser("code", help="code articles and print their events", description="Code articles and print their events.")
    code.add_argument("paths", nargs="+", metavar="PATH", help="files (seed-format .txt, .jsonl, .csv), directories or globs")
    code.add_argument("--format", choices=("table", "jsonl"), default=None,
                      help="output format (default: table on a terminal, jsonl otherwise)")
    _pipeline_options(code)

    ingest = sub.add_parser("ingest", help="code articles into a DuckDB store", description="Code articles into a DuckDB store; articles already stored are skipped.")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or globs")
    ingest.add_argument("--db", default="tacitus.duckdb", help="DuckDB file (default: tacitus.duckdb)")
    ingest.add_argument("--batch-size", type=int, default=64, help="articles per transaction (default: 64)")
    _pipeline_options(ingest)

    summary = sub.add_parser("summary", help="summarise a store", description="Summarise the events in a DuckDB store.")
    summary.add_argument("--db", default="tacitus.duckdb", help="DuckDB file (default: tacitus.duckdb)")

    stages = sub.add_parser("stages", help="list the registered stages and what each writes", description="List the registered stages, what each writes, and which the configuration uses.")
    stages.add_argument("--config", metavar="FILE", help="TOML file overriding the default configuration")
    return parser


def _config(args: argparse.Namespace) -> dict:
    config = load_config(args.config, overrides=args.overrides, disable=args.disable, swap=args.swap)
    if getattr(args, "actors", None):
        config["stages"]["actors"]["dictionaries"] = list(config["stages"]["actors"].get("dictionaries", [])) + args.actors
    if getattr(args, "lexicon", None):
        config["stages"]["events"]["lexicons"] = list(config["stages"]["events"].get("lexicons", [])) + args.lexicon
    return config


def _cmd_code(args: argparse.Namespace) -> int:
    from .display import format_table
    from .pipeline import Pipeline

    pipeline = Pipeline(_config(args))
    date = parse_date(args.date, origin="--date") if args.date else None
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    rejected = 0
    for result in pipeline.code_paths(args.paths, date=date):
        if result.rejected is not None:
            rejected += 1
            print(f"tacitus: rejected {result.rejected.origin}: [{result.rejected.code}] {result.rejected.reason}", file=sys.stderr)
            continue
        if fmt == "jsonl":
            for event in result.events:
                sys.stdout.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        else:
            art = result.article
            assert art is not None
            title = f"{art.origin or art.id}  {art.date.isoformat()}  {art.title}".strip()
            print(format_table(result.events, title=title))
            print()
    return EXIT_PARTIAL if rejected else EXIT_OK


def _cmd_ingest(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline
    from .readers import Rejected
    from .store import Store

    pipeline = Pipeline(_config(args))
    date = parse_date(args.date, origin="--date") if args.date else None
    started = time.perf_counter()
    totals = [0, 0, 0]
    skipped = 0
    with Store(args.db) as store:
        items = list(pipeline.read(args.paths, date=date))
        known = store.known_ids(i.id for i in items if not isinstance(i, Rejected))
        todo = [i for i in items if isinstance(i, Rejected) or i.id not in known]
        skipped = len(items) - len(todo)
        batch = []
        for result in pipeline.code_articles(todo):
            batch.append(result)
            if len(batch) >= args.batch_size:
                totals = [t + n for t, n in zip(totals, store.write(batch))]
                batch = []
        if batch:
            totals = [t + n for t, n in zip(totals, store.write(batch))]
        counts = store.counts()
    took = time.perf_counter() - started
    print(f"ingested {totals[0]} articles ({totals[1]} events), skipped {skipped} already stored, rejected {totals[2]} in {took:.1f}s")
    print(f"store {args.db}: {counts['articles']} articles, {counts['events']} events, {counts['errors']} errors")
    return EXIT_PARTIAL if totals[2] else EXIT_OK


def _cmd_summary(args: argparse.Namespace) -> int:
    from .store import Store

    if not Path(args.db).exists():
        print(f"tacitus: no store at {args.db}; create one with `tacitus ingest PATH --db {args.db}`", file=sys.stderr)
        return EXIT_USAGE
    with Store(args.db, read_only=True) as store:
        counts = store.counts()
        print(f"{args.db}: {counts['articles']} articles, {counts['events']} events, {counts['errors']} rejected inputs\n")
        print("events by type (quad class):")
        for event, quad, n in store.query("SELECT event, any_value(quad_code), count(*) FROM events GROUP BY event ORDER BY 3 DESC"):
            print(f"  {event:<10} q{quad}  {n}")
        print("\nmost frequent dyads (actor -> recipient):")
        rows = store.query(
            "SELECT actor_code, recipient_code, count(*), round(avg(goldstein), 1) FROM events "
            "WHERE actor_code IS NOT NULL AND recipient_code IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 10"
        )
        for a, r, n, g in rows:
            print(f"  {a} -> {r}: {n} events, mean Goldstein {g:+}")
        flags = store.query(
            "SELECT count(*) FILTER (historical), count(*) FILTER (hypothetical), count(*) FILTER (negated), "
            "count(*) FILTER (hedged), count(*) FILTER (claimed_by IS NOT NULL) FROM events"
        )[0]
        print(f"\nhistorical {flags[0]}, hypothetical {flags[1]}, negated {flags[2]}, hedged {flags[3]}, reported claims {flags[4]}")
    return EXIT_OK


def _cmd_stages(args: argparse.Namespace) -> int:
    from .registry import registered_stages

    config = load_config(args.config)
    active = {config["stages"][n]["factory"]: n for n in config["pipeline"]["stages"]}
    for info in registered_stages():
        mark = f"in use as '{active[info.name]}'" if info.name in active else "available"
        print(f"{info.name:<26} {info.role:<9} {mark}")
        print(f"    {info.doc}")
        print(f"    writes: {', '.join(info.writes)}")
    return EXIT_OK


COMMANDS = {"code": _cmd_code, "ingest": _cmd_ingest, "summary": _cmd_summary, "stages": _cmd_stages}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](args)
    except TacitusError as exc:
        print(f"tacitus: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
