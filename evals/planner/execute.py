"""Validate and run a planned definition over the demo Parquet files, and read back its final output."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import polars as pl

from datalinx.core.pipelines import runner
from datalinx.core.pipelines.dag import SINK_KINDS, PipelineDefinition
from datalinx.core.pipelines.local import FilesCatalog, LocalEffects
from datalinx.core.pipelines.validation import Validation, validate

OUTPUT_NODE = "eval_final_output"


class PlanRejected(Exception):
    """The definition does not parse or does not validate; the message says why."""


def final_node(model: PipelineDefinition, validation: Validation) -> str:
    """The node whose output answers the request: the last sink's input, else the last node nothing reads."""
    order = validation.order
    sinks = [node_id for node_id in order if model.node(node_id).kind in SINK_KINDS]
    if sinks:
        return model.inputs(sinks[-1])[0].source
    read = {edge.source for edge in model.edges}
    return [node_id for node_id in order if node_id not in read][-1]


def checked(definition: dict[str, Any], paths: dict[str, Path]) -> tuple[PipelineDefinition, Validation]:
    """The parsed definition and its validation; raises PlanRejected when it is not a valid pipeline."""
    try:
        model = PipelineDefinition.model_validate(definition)
    except ValueError as exc:
        raise PlanRejected(f"not a pipeline definition: {str(exc).splitlines()[0]}") from exc
    validation = validate(model, FilesCatalog(paths))
    if not validation.valid:
        raise PlanRejected("; ".join(p.message for p in validation.problems[:3]))
    return model, validation


def _with_own_sink(model: PipelineDefinition, final: str) -> dict[str, Any]:
    """The same DAG with its sinks replaced by one dataset sink reading `final`, so its rows are written."""
    sinks = {n.id for n in model.nodes if n.kind in SINK_KINDS}
    nodes = [n.model_dump(exclude_none=True) for n in model.nodes if n.id not in sinks]
    edges = [e.model_dump(exclude_none=True) for e in model.edges if e.target not in sinks]
    nodes.append({"id": OUTPUT_NODE, "kind": "sink_dataset", "dataset": OUTPUT_NODE})
    edges.append({"source": final, "target": OUTPUT_NODE})
    return {"nodes": nodes, "edges": edges}


def final_output(definition: dict[str, Any], paths: dict[str, Path], engine: str = "polars") -> pl.DataFrame:
    """Run the definition and return the rows of its final node; PlanRejected or the run's error otherwise."""
    model, validation = checked(definition, paths)
    run_model, run_validation = checked(_with_own_sink(model, final_node(model, validation)), paths)
    sources = {n.id: paths[n.dataset] for n in run_model.nodes if n.kind == "source"}
    with tempfile.TemporaryDirectory(prefix="datalinx-planner-eval-") as folder:
        work = Path(folder)
        plan = runner.RunPlan(
            definition=run_model, validation=run_validation, sources=sources, work_dir=work, engine=engine
        )
        report = runner.run(plan, LocalEffects(), lambda fraction, message: None)
        output = next(o for o in report.outputs if o.node == OUTPUT_NODE)
        return pl.read_parquet(work / output.path)
