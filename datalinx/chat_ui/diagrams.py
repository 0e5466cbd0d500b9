"""A plan's DAG as a picture: nodes in layers from sources to sinks, arrows for edges, each node explained."""

from __future__ import annotations

import textwrap
from collections import defaultdict
from typing import Any

import plotly.graph_objects as go

KIND_COLOURS = {"source": "#2f6fdb", "step": "#6b5fb5", "quality_gate": "#d9822b", "sink": "#2e9d5b"}
LABEL_WIDTH = 26
LABEL_LINES = 3


def _edges(definition: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    ids = {str(n.get("id")) for n in definition.get("nodes", [])}
    edges = []
    for edge in definition.get("edges", []):
        source, target = str(edge.get("source")), str(edge.get("target"))
        if source in ids and target in ids:
            edges.append((source, target, edge.get("port")))
    return edges


def layers(definition: dict[str, Any]) -> dict[str, int]:
    """Each node's layer: the length of the longest path reaching it from a source (cycles do not loop)."""
    order = [str(n.get("id")) for n in definition.get("nodes", [])]
    parents: dict[str, list[str]] = defaultdict(list)
    for source, target, _ in _edges(definition):
        parents[target].append(source)
    depth: dict[str, int] = {}

    def visit(node: str, path: frozenset[str]) -> int:
        if node in depth:
            return depth[node]
        reachable = [p for p in parents[node] if p not in path]
        depth[node] = 1 + max((visit(p, path | {node}) for p in reachable), default=-1)
        return depth[node]

    for node in order:
        visit(node, frozenset())
    return depth


def positions(definition: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """Where each node is drawn: x is its layer, nodes of one layer spread around y = 0 in definition order."""
    by_layer: dict[int, list[str]] = defaultdict(list)
    for node, layer in layers(definition).items():
        by_layer[layer].append(node)
    placed: dict[str, tuple[float, float]] = {}
    for layer, nodes in by_layer.items():
        middle = (len(nodes) - 1) / 2
        for index, node in enumerate(nodes):
            placed[node] = (float(layer), middle - index)
    return placed


def kind_group(kind: str) -> str:
    """The colour group of a node kind: source, sink, quality gate, or any other step."""
    if kind.startswith("sink"):
        return "sink"
    return kind if kind in ("source", "quality_gate") else "step"


def dag_figure(definition: dict[str, Any], explanations: dict[str, str]) -> go.Figure:
    """The plan as a Plotly figure; hovering a node shows what it does."""
    nodes = {str(n.get("id")): n for n in definition.get("nodes", [])}
    placed = positions(definition)
    figure = go.Figure()
    for source, target, port in _edges(definition):
        (x0, y0), (x1, y1) = placed[source], placed[target]
        figure.add_annotation(
            x=x1, y=y1, ax=x0, ay=y0, xref="x", yref="y", axref="x", ayref="y", showarrow=True,
            arrowhead=3, arrowsize=1.4, arrowwidth=1.5, arrowcolor="#888", standoff=22, startstandoff=22,
            text="", hovertext=port or "",
        )  # fmt: skip
        if port:
            figure.add_annotation(x=(x0 + x1) / 2, y=(y0 + y1) / 2, text=port, showarrow=False, font={"size": 10})
    for group, colour in KIND_COLOURS.items():
        members = [i for i in placed if kind_group(str(nodes[i].get("kind", ""))) == group]
        if not members:
            continue
        figure.add_trace(
            go.Scatter(
                x=[placed[i][0] for i in members],
                y=[placed[i][1] for i in members],
                mode="markers+text",
                marker={"size": 34, "color": colour, "symbol": "square", "line": {"width": 1, "color": "#fff"}},
                text=[label(i, nodes[i], explanations) for i in members],
                textposition="bottom center",
                hovertext=[_hover(i, nodes[i], explanations) for i in members],
                hoverinfo="text",
                name=group.replace("_", " "),
            )
        )
    width = max((x for x, _ in placed.values()), default=0)
    height = max((abs(y) for _, y in placed.values()), default=0)
    figure.update_layout(
        title="Pipeline plan",
        showlegend=True,
        xaxis={"visible": False, "range": [-0.5, width + 0.5]},
        yaxis={"visible": False, "range": [-height - 1.0, height + 0.5]},
        height=300 + 140 * int(2 * height),
        margin={"l": 20, "r": 20, "t": 50, "b": 20},
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return figure


def _explained(node_id: str, node: dict[str, Any], explanations: dict[str, str]) -> str:
    return str(explanations.get(node_id) or node.get("description") or node.get("kind", ""))


def label(node_id: str, node: dict[str, Any], explanations: dict[str, str]) -> str:
    """A node's caption: its id, its kind and the start of its explanation, a few words a line."""
    lines = textwrap.wrap(_explained(node_id, node, explanations), LABEL_WIDTH)
    if len(lines) > LABEL_LINES:
        lines = [*lines[: LABEL_LINES - 1], lines[LABEL_LINES - 1] + " …"]
    caption = "<br>".join(f"<i>{line}</i>" for line in lines)
    return f"<b>{node_id}</b> ({node.get('kind', '')})<br>{caption}"


def _hover(node_id: str, node: dict[str, Any], explanations: dict[str, str]) -> str:
    text = _explained(node_id, node, explanations)
    return f"<b>{node_id}</b> ({node.get('kind', '')})<br>" + "<br>".join(textwrap.wrap(text, 60))
