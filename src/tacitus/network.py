"""Draw the country network: nodes are countries, edges weighted by events and coloured by mean Goldstein."""

from __future__ import annotations

import html
import math
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["goldstein_colour", "layout", "render_html", "render_png"]


def goldstein_colour(score: float) -> str:
    """Red for conflict (-10), grey for neutral, green for cooperation (+10)."""
    t = max(-1.0, min(1.0, score / 10.0))
    if t < 0:
        r, g, b = 200, int(200 * (1 + t)), int(200 * (1 + t))
    else:
        r, g, b = int(200 * (1 - t)), 170, int(200 * (1 - t))
    return f"#{r:02x}{g:02x}{b:02x}"


def layout(nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Nodes on a circle, in sorted order (stable and readable for small networks)."""
    n = max(len(nodes), 1)
    return {node: (math.cos(2 * math.pi * k / n), math.sin(2 * math.pi * k / n)) for k, node in enumerate(sorted(nodes))}


def _nodes(edges: pd.DataFrame) -> list[str]:
    return sorted(set(edges["source"]) | set(edges["target"])) if len(edges) else []


def render_png(edges: pd.DataFrame, path: str | Path, *, title: str = "") -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    pos = layout(_nodes(edges))
    fig, ax = plt.subplots(figsize=(8, 8), dpi=100)
    top = max(edges["events"].max(), 1) if len(edges) else 1
    for row in edges.itertuples():
        (x1, y1), (x2, y2) = pos[row.source], pos[row.target]
        ax.annotate("", xy=(x2, y2), xytext=(x1, y1),
                    arrowprops={"arrowstyle": "-|>", "color": goldstein_colour(row.mean_goldstein),
                                "lw": 0.8 + 5 * row.events / top, "shrinkA": 12, "shrinkB": 12, "alpha": 0.8})
    for node, (x, y) in pos.items():
        ax.scatter([x], [y], s=500, color="#f4f4f4", edgecolors="#333333", zorder=3)
        ax.text(x, y, node, ha="center", va="center", fontsize=8, zorder=4)
    ax.set_xlim(-1.25, 1.25)
    ax.set_ylim(-1.25, 1.25)
    ax.set_axis_off()
    ax.set_title(title or "tacitus: events between countries (edge colour = mean Goldstein)")
    fig.savefig(path, bbox_inches="tight")
    plt.close(fig)


def render_html(edges: pd.DataFrame, path: str | Path, *, title: str = "") -> None:
    """A self-contained page (inline SVG, no scripts from elsewhere)."""
    pos = layout(_nodes(edges))
    size, pad = 640, 60
    top = max(edges["events"].max(), 1) if len(edges) else 1

    def xy(node: str) -> tuple[float, float]:
        x, y = pos[node]
        return pad + (x + 1) / 2 * (size - 2 * pad), pad + (y + 1) / 2 * (size - 2 * pad)

    parts = []
    for row in edges.itertuples():
        (x1, y1), (x2, y2) = xy(row.source), xy(row.target)
        tip = html.escape(f"{row.source} -> {row.target}: {row.events} events, mean Goldstein {row.mean_goldstein:+.2f}")
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{goldstein_colour(row.mean_goldstein)}" '
                     f'stroke-width="{1 + 6 * row.events / top:.1f}" marker-end="url(#arrow)" opacity="0.8"><title>{tip}</title></line>')
    for node in pos:
        x, y = xy(node)
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="18" fill="#f4f4f4" stroke="#333"/>'
                     f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" font-size="11">{html.escape(node)}</text>')
    heading = html.escape(title or "tacitus: events between countries")
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{heading}</title></head>
<body style="font-family: sans-serif"><h1 style="font-size: 1.2em">{heading}</h1>
<p>Edge width: number of events; colour: mean Goldstein score (red conflict, green cooperation). Hover an edge for numbers.</p>
<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="28" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
<path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>
{chr(10).join(parts)}
</svg></body></html>
"""
    Path(path).write_text(page, encoding="utf-8")
