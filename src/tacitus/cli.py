"""The command-line interface: a thin layer over the library.

Exit status: 0 success; 1 partial: some inputs were rejected or sentences lost (the rest were coded);
2 bad usage, configuration, dictionary or store (nothing was coded); 3 the run could not finish: an
operating-system error (disk full, a file that cannot be written) or an internal error, reported in one line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .config import load_config
from .errors import ConfigError, TacitusError
from .exports import EXPORTERS, export, formats_help
from .dates import parse_date

__all__ = ["build_parser", "main"]

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3


def _at_least(least: int) -> Any:
    """An argparse type: a whole number of at least ``least``."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
        if value < least:
            raise argparse.ArgumentTypeError(f"must be {least} or more, not {value}")
        return value

    return parse


_positive, _not_negative = _at_least(1), _at_least(0)


def _probability(text: str) -> float:
    """An argparse type: a number from 0 to 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, not {text!r}") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"must be from 0 to 1, not {value}")
    return value


def _confidence_filter(p: argparse.ArgumentParser) -> None:
    p.add_argument("--min-confidence", type=_probability, default=0.0, metavar="P",
                   help="only events whose calibrated confidence is at least P, 0 to 1 (default: 0, every event)")


def _pipeline_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("pipeline")
    g.add_argument("--date", help="article date YYYY-MM-DD for inputs without one (plain text)")
    g.add_argument("--config", metavar="FILE", help="TOML file overriding the default configuration")
    g.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                   help="override one setting, e.g. --set stages.parse.n_process=2 (repeatable)")
    g.add_argument("--disable", action="append", default=[], metavar="STAGE", help="drop a stage, e.g. --disable place (repeatable)")
    g.add_argument("--stage", dest="swap", action="append", default=[], metavar="STAGE=FACTORY",
                   help="use another registered factory for a stage, e.g. --stage time=tacitus.time.v1 (repeatable)")
    g.add_argument("--actors", action="append", default=[], metavar="FILE", help="extra actor dictionary (YAML or PETRARCH format; repeatable)")
    g.add_argument("--lexicon", action="append", default=[], metavar="FILE", help="extra trigger lexicon (TSV; repeatable)")
    g.add_argument("--min-confidence", type=_probability, default=None, metavar="P",
                   help="keep events whose calibrated confidence is at least P, 0 to 1 (default: "
                        "stages.confidence.min_confidence: the model's 0.003, where F1 on the annotated development news is at its best; "
                        "0: every event)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tacitus", description="Political event data from dated news articles (PLOVER and CAMEO, with evidence).")
    parser.add_argument("--version", action="version", version=f"tacitus {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _coding_commands(sub)
    _store_commands(sub)
    _service_commands(sub)
    return parser


def _coding_commands(sub: Any) -> None:
    """``code`` and ``ingest``: run the pipeline over articles."""
    code = sub.add_parser("code", help="code articles and print their events", description="Code articles and print their events.")
    code.add_argument("paths", nargs="+", metavar="PATH", help="files (seed-format .txt, .jsonl, .csv), directories or globs")
    code.add_argument("--format", choices=("table", "jsonl"), default=None,
                      help="output format (default: table on a terminal, jsonl otherwise)")
    _pipeline_options(code)

    ingest = sub.add_parser("ingest", help="code articles into a DuckDB store", description=(
        "Code articles into a DuckDB store; articles already stored are skipped, so an interrupted run "
        "can simply be started again. Ends by rebuilding the deduplicated events."))
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or globs")
    ingest.add_argument("--db", default="tacitus.duckdb", help="DuckDB file (default: tacitus.duckdb)")
    ingest.add_argument("--batch-size", type=_positive, default=64, help="articles per transaction (default: 64)")
    ingest.add_argument("--processes", type=_positive, default=None, help="worker processes for parsing and every stage (default: stages.parse.n_process)")
    ingest.add_argument("--dedup-window", type=_not_negative, default=1, metavar="DAYS",
                        help="reports of the same event within this many days are one deduplicated event (default: 1)")
    ingest.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local: this machine into --db; dask: Dask workers into date-partitioned Parquet under --out")
    ingest.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a local cluster)")
    ingest.add_argument("--out", default="tacitus-parquet", help="Parquet directory for --engine dask (default: tacitus-parquet)")
    ingest.add_argument("--partitions", type=_positive, default=None, help="input partitions for --engine dask (default: 4 per worker)")
    _pipeline_options(ingest)


def _store_commands(sub: Any) -> None:
    """``summary``, ``export``, ``query``, ``dyad`` and ``network``: read a store."""
    summary = sub.add_parser("summary", help="summarise a store", description="Summarise the events in a DuckDB store.")
    summary.add_argument("--db", default="tacitus.duckdb", help="DuckDB file (default: tacitus.duckdb)")

    export_cmd = sub.add_parser("export", help=f"export a store ({', '.join(EXPORTERS)})",
                                description="Export every event of a store in a format other tools read.")
    export_cmd.add_argument("--db", default="tacitus.duckdb", help="DuckDB file (default: tacitus.duckdb)")
    _confidence_filter(export_cmd)
    export_cmd.add_argument("--format", required=True, choices=tuple(EXPORTERS), help=formats_help())
    export_cmd.add_argument("--out", help="output file (default: standard output; required for "
                                          f"{' and '.join(e.name for e in EXPORTERS.values() if e.to_path)})")

    query = sub.add_parser("query", help="filter the events of a store", description="Print the events matching every filter given.")
    query.add_argument("--db", default="tacitus.duckdb", help="DuckDB file (default: tacitus.duckdb)")
    _confidence_filter(query)
    query.add_argument("--actor", help="actor code on either side, e.g. PRK")
    query.add_argument("--country", help="country (ISO alpha-3) of any participant")
    query.add_argument("--type", dest="event", help="PLOVER event type, e.g. SUPPORT")
    query.add_argument("--quad", type=int, help="quad class 1-4")
    query.add_argument("--modality", help="negated, hypothetical, hedged, historical, ongoing, claimed or asserted")
    query.add_argument("--since", help="first date YYYY-MM-DD")
    query.add_argument("--until", help="last date YYYY-MM-DD")
    query.add_argument("--text", help="words in the sentence")
    query.add_argument("--limit", type=_positive, default=100, help="at most this many rows (default: 100)")
    query.add_argument("--format", choices=("table", "csv", "jsonl"), default="table", help="output format (default: table)")

    dyad = sub.add_parser("dyad", help="counts per quad class and Goldstein sum over time for two actors",
                          description="Events from ACTOR to RECIPIENT per period: counts per quad class and the Goldstein sum "
                                      "(asserted events only: negated, hypothetical and hedged ones are left out).")
    dyad.add_argument("actor", help="actor code, e.g. PRK")
    dyad.add_argument("recipient", help="recipient code, e.g. CUB")
    dyad.add_argument("--db", default="tacitus.duckdb", help="DuckDB file (default: tacitus.duckdb)")
    _confidence_filter(dyad)
    dyad.add_argument("--by", choices=("day", "week", "month", "year"), default="month", help="period (default: month)")
    dyad.add_argument("--both", action="store_true", help="count both directions")
    dyad.add_argument("--format", choices=("table", "csv"), default="table", help="output format (default: table)")

    network = sub.add_parser("network", help="measure and draw the network of countries", description=(
        "Countries as nodes, edges weighted by the number of events and coloured by mean Goldstein "
        "(asserted events only). Prints each country's events, degree, betweenness and community "
        "(networkx); --png and --html draw it."))
    network.add_argument("--db", default="tacitus.duckdb", help="DuckDB file (default: tacitus.duckdb)")
    _confidence_filter(network)
    network.add_argument("--since", help="first date YYYY-MM-DD")
    network.add_argument("--until", help="last date YYYY-MM-DD")
    network.add_argument("--min-events", type=_positive, default=1, help="leave out edges with fewer events (default: 1)")
    network.add_argument("--png", metavar="FILE", help="write a PNG picture")
    network.add_argument("--html", metavar="FILE", help="write a self-contained HTML page")
    network.add_argument("--format", choices=("table", "csv"), default="table", help="the measures' format (default: table)")


def _service_commands(sub: Any) -> None:
    """``serve`` and ``stages``: the web UI, and the registered stages."""
    serve = sub.add_parser("serve", help="serve the web UI and JSON API over a store",
                           description="Serve the web UI and its JSON API over a DuckDB store (read-only unless --allow-coding).")
    serve.add_argument("--db", default="tacitus.duckdb", help="DuckDB file (default: tacitus.duckdb)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--allow-coding", action="store_true", help="enable the Code page: code pasted text (nothing is stored)")
    serve.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                       help="a Host header name to serve besides this machine's and --host's, e.g. a proxy's (repeatable)")

    stages = sub.add_parser("stages", help="list the registered stages and what each writes", description="List the registered stages, what each writes, and which the configuration uses.")
    stages.add_argument("--config", metavar="FILE", help="TOML file overriding the default configuration")


def _config(args: argparse.Namespace) -> dict:
    config = load_config(args.config, overrides=args.overrides, disable=args.disable, swap=args.swap)
    if getattr(args, "actors", None):
        config["stages"]["actors"]["dictionaries"] = list(config["stages"]["actors"].get("dictionaries", [])) + args.actors
    if getattr(args, "lexicon", None):
        config["stages"]["events"]["lexicons"] = list(config["stages"]["events"].get("lexicons", [])) + args.lexicon
    if getattr(args, "min_confidence", None) is not None and "confidence" in config["stages"]:
        config["stages"]["confidence"]["min_confidence"] = args.min_confidence
    return config


def _cmd_code(args: argparse.Namespace) -> int:
    from .display import format_table
    from .pipeline import Pipeline

    pipeline = Pipeline(_config(args))
    date = parse_date(args.date, origin="--date") if args.date else None
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    rejected = 0
    for result in pipeline.code_paths(args.paths, date=date):
        for rejection in ([result.rejected] if result.rejected is not None else []) + result.errors:
            rejected += 1
            _report(rejection)
        if result.rejected is not None:
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


def _report(rejection: Any) -> None:
    """One rejection (or lost sentence) on stderr, on one line."""
    print(f"tacitus: rejected {rejection.origin}: [{rejection.code}] {rejection.reason}", file=sys.stderr)


def _cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest import ingest
    from .pipeline import Pipeline

    config = _config(args)
    if args.processes is not None:
        config["stages"]["parse"]["n_process"] = args.processes
    date = parse_date(args.date, origin="--date") if args.date else None
    if args.engine == "dask":
        from .distributed import ingest_dask

        summary = ingest_dask(args.paths, args.out, config=config, date=date, scheduler=args.scheduler,
                              partitions=args.partitions, progress=sys.stderr.isatty())
        print(summary.line())
        return EXIT_PARTIAL if summary.rejected else EXIT_OK
    summary = ingest(args.paths, args.db, pipeline=Pipeline(config), date=date, batch_size=args.batch_size,
                     progress=sys.stderr.isatty(), dedup_window_days=args.dedup_window, on_rejected=_report)
    print(summary.line())
    return EXIT_PARTIAL if summary.partial else EXIT_OK


def _cmd_summary(args: argparse.Namespace) -> int:
    from .store import Store

    if not Path(args.db).exists():
        print(f"tacitus: no store at {args.db}; create one with `tacitus ingest PATH --db {args.db}`", file=sys.stderr)
        return EXIT_USAGE
    with Store.open_when_free(args.db, read_only=True) as store:
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


def _cmd_serve(args: argparse.Namespace) -> int:
    from .web import serve

    serve(args.db, host=args.host, port=args.port, allow_coding=args.allow_coding, allowed_hosts=tuple(args.allowed_host))
    return EXIT_OK


def _cmd_stages(args: argparse.Namespace) -> int:
    from .registry import registered_stages

    config = load_config(args.config)
    active = {config["stages"][n]["factory"]: n for n in config["pipeline"]["stages"] if config["stages"][n].get("enabled", True) is not False}
    for info in registered_stages():
        mark = f"in use as '{active[info.name]}'" if info.name in active else "available"
        print(f"{info.name:<26} {info.role:<9} {mark}")
        print(f"    {info.doc}")
        print(f"    writes: {', '.join(info.writes)}")
    return EXIT_OK


def _date_opt(value: str | None, option: str) -> dt.date | None:
    return parse_date(value, origin=option) if value else None


def _print_frame(frame: Any, fmt: str) -> None:
    if fmt == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif fmt == "jsonl":
        frame.to_json(sys.stdout, orient="records", lines=True, date_format="iso")
    elif len(frame):
        if "sentence" in frame.columns:  # a readable subset; csv and jsonl carry every column
            flags = ("negated", "hypothetical", "hedged", "historical", "ongoing")
            frame = frame.assign(
                flags=frame[list(flags)].apply(lambda r: ",".join(f[:4] for f in flags if r[f]), axis=1),
                sentence=frame["sentence"].str.slice(0, 70),
            )[["date", "event", "cameo", "actor_code", "recipient_code", "flags", "sentence"]]
        with pd_options():
            print(frame.to_string(index=False))
    else:
        print("no events match")


def pd_options() -> Any:
    import pandas as pd

    return pd.option_context("display.max_colwidth", 60, "display.width", 200)


def _cmd_export(args: argparse.Namespace) -> int:
    to_path = EXPORTERS[args.format].to_path
    if to_path or args.out:
        if to_path and not args.out:
            raise ConfigError(f"--format {args.format} needs --out FILE", code="T331")
        if to_path:
            n = export(args.db, args.format, args.out, min_confidence=args.min_confidence)
        else:
            with open(args.out, "w", encoding="utf-8", newline="") as fh:
                n = export(args.db, args.format, fh, min_confidence=args.min_confidence)
        print(f"exported {n} events to {args.out}", file=sys.stderr)
    else:
        export(args.db, args.format, sys.stdout, min_confidence=args.min_confidence)
    return EXIT_OK


def _cmd_query(args: argparse.Namespace) -> int:
    from .analytics import query_events

    frame = query_events(args.db, actor=args.actor, country=args.country, event=args.event, quad=args.quad,
                         modality=args.modality, since=_date_opt(args.since, "--since"), until=_date_opt(args.until, "--until"),
                         text=args.text, limit=args.limit, min_confidence=args.min_confidence)
    _print_frame(frame, args.format)
    return EXIT_OK


def _cmd_dyad(args: argparse.Namespace) -> int:
    from .analytics import dyad_series

    _print_frame(dyad_series(args.db, args.actor, args.recipient, by=args.by, both_directions=args.both,
                             min_confidence=args.min_confidence), args.format)
    return EXIT_OK


def _cmd_network(args: argparse.Namespace) -> int:
    from .analytics import network_edges
    from .network import measures_frame, render_html, render_png

    edges = network_edges(args.db, since=_date_opt(args.since, "--since"), until=_date_opt(args.until, "--until"),
                          min_events=args.min_events, min_confidence=args.min_confidence)
    if args.png:
        render_png(edges, args.png)
    if args.html:
        render_html(edges, args.html)
    _print_frame(measures_frame(edges), args.format)
    print(f"{len(edges)} edges between {len(set(edges['source']) | set(edges['target']))} countries", file=sys.stderr)
    return EXIT_OK


COMMANDS = {"code": _cmd_code, "ingest": _cmd_ingest, "summary": _cmd_summary, "stages": _cmd_stages,
            "export": _cmd_export, "query": _cmd_query, "dyad": _cmd_dyad, "network": _cmd_network,
            "serve": _cmd_serve}


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
    except KeyboardInterrupt:
        print("tacitus: interrupted; an ingest can be started again and goes on where it stopped", file=sys.stderr)
        return 130
    except OSError as exc:  # disk full, an output that cannot be written ...
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        print(f"tacitus: [T500] could not finish: {exc.strerror or exc}{where}; free space or fix the path, "
              "then run the same command again", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # noqa: BLE001  (never a traceback: one line, and the status says it failed)
        print(f"tacitus: [T999] internal error: {type(exc).__name__}: {str(exc)[:300]}; "
              "please report it with the command that caused it", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
