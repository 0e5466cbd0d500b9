"""Pipelines: DAGs of typed nodes, validated before they run, compiled for several engines, run as jobs.

- `dag.py` is the model (23 node kinds, edges with ports); `validation.validate(definition, catalog)` checks the
  shape, then propagates each node's output schema (`node_schemas.py`) and reports every problem at once.
- `engines/` compile the relational nodes: Polars (one lazy plan, the default) and DuckDB (one view per node, in a
  sandbox with file access off). `casts.py`, `aggregates.py` and `expressions/` define each operation once per
  engine so both give the same rows and types; tests/core/pipelines/test_engines.py compares them on every kind.
- `runner.py` executes a validated plan; samples, quality gates (`gate.py`) and dbt models (`dbt.py`) are
  materialised in the job folder. `jobs.py` runs plans on workers; `publish.py` turns sinks into dataset versions
  on the control plane once per run; warehouse sinks are written in one DuckDB transaction at the end.
- `manager.py` is the public face: pipelines and versions, validation reports, runs, outputs, templates.
"""
