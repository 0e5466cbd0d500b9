"""Mapping: propose how a source's columns fill a target schema, then compile the accepted plan into a pipeline.

- `schemas.py`: the target schema users write as JSON (`parse_target_schema` names every wrong field), or take
  from an existing dataset (`target_from_facts`); `FieldMapping` and `MappingPlan`, which cross every layer.
- `matcher.propose(source_facts, target) -> MappingPlan` works without an LLM and gives the same plan every time.
  Candidates (`candidates.py`) come from names (`names.py`: case, separators, abbreviations, synonyms, weighted
  by how rare each concept is), the target's description, types (`fit.py`) and sampled values (`values.py`:
  numbers and dates as text, shapes, lookups to allowed values through `quality/vocabulary.py`). Transforms are
  direct, cast, concat, split, date_format, lookup and constant; each mapping has a confidence and a reason;
  fields with no candidate of at least `MIN_CONFIDENCE` stay unmapped.
- `compile.to_pipeline(plan, source_node=, output=)` writes derive + select (+ rename) + cast nodes ending in the
  sink; every expression is in the pipeline expression language (`transforms.py`), so Polars and DuckDB agree.
- `apply.apply_plan(plan, parquet, work_dir, engine=)` runs a plan over a local file, for trials and evaluations.
"""
