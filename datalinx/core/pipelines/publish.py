"""Publishing a finished run on the control plane: dataset sinks become versions, the run keeps its report."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from datalinx.core.context import Call
from datalinx.core.datasets import ingest
from datalinx.core.datasets import manager as datasets
from datalinx.core.datasets.schemas import IngestResult
from datalinx.core.errors import Invalid
from datalinx.core.jobs.schemas import JobRead
from datalinx.core.pipelines.dag import PipelineDefinition
from datalinx.core.pipelines.schemas import RunOutput, RunReport
from datalinx.dao import datasets as datasets_dao
from datalinx.dao import pipelines as pipelines_dao
from datalinx.dao.models import utcnow

if TYPE_CHECKING:
    from datalinx.core.pipelines.jobs import RunPayload


def file_url(run_id: str, name: str) -> str:
    return f"/v1/runs/{run_id}/files/{name}"


def _dataset_output(call: Call, job: JobRead, run_id: str, node: Any, path: str, rows: int) -> RunOutput:
    relative = f"jobs/{job.id}/{path}"
    absolute = datasets.absolute(call, relative)
    dataset = datasets_dao.find(call.session, call.scope, node.dataset)
    if dataset is not None and node.if_exists == "error":
        raise Invalid(
            f"dataset '{node.dataset}' was created meanwhile and the sink's if_exists is 'error'", field="dataset"
        )
    if dataset is None:
        dataset = datasets.create_dataset(call, node.dataset)
    result = IngestResult(rows=rows, columns=ingest.column_infos(absolute), size_bytes=absolute.stat().st_size)
    source = {"pipeline_run": run_id, "node": node.id}
    version = datasets.add_version(call, dataset, result, absolute, relative, source=source)
    call.audit("pipeline.output", resource_type="dataset", resource_id=dataset.id, version=version.version, run=run_id)
    return RunOutput(node=node.id, kind=node.kind, rows=rows, dataset_id=dataset.id, dataset_version=version.version)


def _check_quota(call: Call, job: JobRead, report: RunReport, definition: PipelineDefinition) -> None:
    adding = sum(
        datasets.absolute(call, f"jobs/{job.id}/{o.path}").stat().st_size
        for o in report.outputs
        if definition.node(o.node).kind == "sink_dataset"
    )
    used = datasets_dao.stored_bytes(call.session, call.scope)
    quota = call.runtime.settings.workspace_storage_bytes
    if adding and used + adding > quota:
        raise Invalid(
            f"the run's datasets ({adding} bytes) would exceed the workspace quota of {quota} bytes", field="sink"
        )


def complete_run(call: Call, job: JobRead, payload: RunPayload, report: RunReport) -> None:
    """Store the report; for a run, add each dataset sink's version and list every output. Once per run."""
    run = pipelines_dao.get_run(call.session, call.scope, payload.run_id)
    if run is None or run.status == "succeeded":  # the pipeline was deleted meanwhile, or this ran already
        return
    definition = PipelineDefinition.model_validate(payload.definition)
    outputs: list[RunOutput] = []
    if not payload.dry_run:
        _check_quota(call, job, report, definition)
        for output in report.outputs:
            node = definition.node(output.node)
            if node.kind == "sink_dataset":
                outputs.append(_dataset_output(call, job, run.id, node, output.path, output.rows))
            elif node.kind == "sink_warehouse":
                outputs.append(RunOutput(node=node.id, kind=node.kind, rows=output.rows, table=node.table))
            else:
                outputs.append(
                    RunOutput(
                        node=node.id,
                        kind=node.kind,
                        rows=output.rows,
                        file_name=node.name,
                        download_url=file_url(run.id, node.name),
                    )
                )
    run.report = json.loads(report.model_dump_json())
    run.outputs = [o.model_dump(mode="json") for o in outputs]
    run.status = "succeeded"
    run.finished_at = utcnow()
