"""The country network: measures and layout with networkx, and drawings of it (PNG, HTML).

Nodes are countries, edges weighted by events and coloured by mean Goldstein. ``graph_summary`` gives
each node its number of events (weighted degree), its number of partner countries (degree), its
betweenness centrality (shortest paths weighted by 1 / events, so busy links are short), its community
(Louvain, weighted; 0 is the largest) and a position (Fruchterman-Reingold, weighted), all with a fixed
seed so that the same network is drawn and measured the same way every time.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

__all__ = ["MEASURES", "goldstein_colour", "graph", "graph_summary", "layout", "measures_frame", "render_html", "render_png"]

MEASURES = ("n_events", "degree", "betweenness", "community", "x", "y")
SEED = 7


def goldstein_colour(score: float) -> str:
    """Red for conflict (-10), grey for neutral, green for cooperation (+10)."""
    t = max(-1.0, min(1.0, score / 10.0))
    if t < 0:
        r, g, b = 200, int(200 * (1 + t)), int(200 * (1 + t))
    else:
        r, g, b = int(200 * (1 - t)), 170, int(200 * (1 - t))
    return f"#{r:02x}{g:02x}{b:02x}"


def graph(edges: Iterable[tuple[str, str, float]]) -> nx.Graph:
    """The undirected graph of ``(source, target, events)`` rows; both directions of a pair add up."""
    import networkx as nx

    g = nx.Graph()
    for a, b, n in edges:
        if a == b:
            continue
        weight = g.edges[a, b]["weight"] if g.has_edge(a, b) else 0
        g.add_edge(a, b, weight=weight + n)
    for _a, _b, data in g.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    return g


def graph_summary(edges: Iterable[tuple[str, str, float]]) -> dict[str, dict[str, Any]]:
    """Each node's measures (``MEASURES``; see the module docstring), positions in [-1, 1]."""
    import networkx as nx

    g = graph(edges)
    if not len(g):
        return {}
    between = nx.betweenness_centrality(g, weight="distance", normalized=True)
    communities = sorted(nx.community.louvain_communities(g, weight="weight", seed=SEED), key=lambda c: (-len(c), min(c)))
    community = {node: k for k, members in enumerate(communities) for node in members}
    pos = nx.spring_layout(g, weight="weight", seed=SEED) if len(g) > 2 else nx.circular_layout(g)
    return {
        node: {"n_events": int(g.degree(node, weight="weight")), "degree": int(g.degree(node)),
               "betweenness": round(between[node], 4), "community": community[node],
               "x": round(float(pos[node][0]), 4), "y": round(float(pos[node][1]), 4)}
        for node in sorted(g)
    }


def layout(edges: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """The position of each country of an ``analytics.network_edges`` frame (``graph_summary``)."""
    summary = graph_summary(_rows(edges))
    return {node: (m["x"], m["y"]) for node, m in summary.items()}


def _rows(edges: pd.DataFrame) -> list[tuple[str, str, float]]:
    return [(r.source, r.target, r.events) for r in edges.itertuples()]


def measures_frame(edges: pd.DataFrame) -> pd.DataFrame:
    """One row per country with its measures (``graph_summary``), busiest first."""
    import pandas as pd

    summary = graph_summary(_rows(edges))
    frame = pd.DataFrame([{"country": node, **m} for node, m in summary.items()],
                         columns=["country", *MEASURES])
    return frame.drop(columns=["x", "y"]).sort_values(["n_events", "country"], ascending=[False, True], ignore_index=True)


def render_png(edges: pd.DataFrame, path: str | Path, *, title: str = "") -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    pos = layout(edges)
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
    ax.set_xlim(-1.2, 1.2)
    ax.set_ylim(-1.2, 1.2)
    ax.set_axis_off()
    ax.set_title(title or "tacitus: events between countries (edge colour = mean Goldstein)")
    fig.savefig(path, bbox_inches="tight")
    plt.close(fig)


def render_html(edges: pd.DataFrame, path: str | Path, *, title: str = "") -> None:
    """A self-contained page (inline SVG, no scripts from elsewhere)."""
    pos = layout(edges)
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
