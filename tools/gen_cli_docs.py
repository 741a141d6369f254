"""Write docs/cli.md from the CLI's --help texts (tests/test_docs.py fails when it is stale)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def render() -> str:
    import argparse
    import os

    os.environ["COLUMNS"] = "100"
    from tacitus.cli import build_parser

    parser = build_parser()
    parts = ["# CLI reference", "", "Generated from `tacitus --help` by `make docs` (tools/gen_cli_docs.py); do not edit.", ""]
    parts += ["## tacitus", "", "```", parser.format_help().rstrip(), "```", ""]
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in sub.choices.items():
        parts += [f"## tacitus {name}", "", "```", command.format_help().rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    out = ROOT / "docs" / "cli.md"
    out.write_text(render(), encoding="utf-8")
    print(f"wrote {out}")
