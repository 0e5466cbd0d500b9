"""The pipeline DAG: typed nodes joined by edges. Strict, versioned, self-describing, checkable before it runs."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from datalinx.core.pipelines.types import CASTABLE

SCHEMA_VERSION = 1
IDENTIFIER = r"^[A-Za-z_][A-Za-z0-9_]{0,62}$"

NodeId = Annotated[str, Field(pattern=IDENTIFIER, description="Node id: letters, digits, underscore; unique.")]
ColumnName = Annotated[str, Field(min_length=1, max_length=255)]
Columns = Annotated[list[ColumnName], Field(min_length=1)]
CastType = Literal[tuple(t.value for t in CASTABLE)]  # type: ignore[valid-type]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NodeBase(Strict):
    id: NodeId
    description: str | None = Field(default=None, max_length=2000, description="What this step does, in words.")


# --- sources --------------------------------------------------------------------------------------------------------


class SourceNode(NodeBase):
    """Read a dataset version, a connection's table or query, or a table of the workspace warehouse."""

    kind: Literal["source"]
    dataset: str | None = Field(default=None, description="Dataset id or name.")
    version: int | None = Field(default=None, ge=1, description="Dataset version; the current one when absent.")
    connection: str | None = Field(default=None, description="Connection id or name.")
    table: str | None = Field(default=None, description="Table of the connection.")
    table_schema: str | None = Field(default=None, description="Schema of the connection's table.")
    query: str | None = Field(default=None, max_length=100_000, description="Read-only SQL run on the connection.")
    warehouse_table: str | None = Field(
        default=None, pattern=IDENTIFIER, description="Table of the workspace's DuckDB warehouse."
    )

    @model_validator(mode="after")
    def _one_origin(self) -> SourceNode:
        origins = [o for o in ("dataset", "connection", "warehouse_table") if getattr(self, o) is not None]
        if len(origins) != 1:
            raise ValueError("a source reads exactly one of `dataset`, `connection` or `warehouse_table`")
        if self.connection is not None and (self.table is None) == (self.query is None):
            raise ValueError("a connection source takes either `table` or `query`")
        if self.connection is None and (self.table or self.query or self.table_schema):
            raise ValueError("`table`, `table_schema` and `query` belong to a connection source")
        if self.dataset is None and self.version is not None:
            raise ValueError("`version` belongs to a dataset source")
        return self


# --- row and column transforms --------------------------------------------------------------------------------------


class SelectNode(NodeBase):
    """Keep these columns, in this order."""

    kind: Literal["select"]
    columns: Columns


class DropNode(NodeBase):
    """Remove these columns."""

    kind: Literal["drop"]
    columns: Columns


class RenameNode(NodeBase):
    """Rename columns: {old name: new name}."""

    kind: Literal["rename"]
    columns: Annotated[dict[ColumnName, ColumnName], Field(min_length=1)]


class CastNode(NodeBase):
    """Change column types: {column: type}. A value that does not convert fails the run, or becomes null."""

    kind: Literal["cast"]
    columns: Annotated[dict[ColumnName, CastType], Field(min_length=1)]
    on_error: Literal["fail", "null"] = "fail"


class FilterNode(NodeBase):
    """Keep the rows where the condition is true (an expression such as `country = 'DE' and amount > 10`)."""

    kind: Literal["filter"]
    condition: str = Field(min_length=1, max_length=10_000)


class DeriveNode(NodeBase):
    """Add or replace columns computed by expressions, in order: {column: expression}; later ones see earlier ones."""

    kind: Literal["derive"]
    columns: Annotated[dict[ColumnName, Annotated[str, Field(min_length=1, max_length=10_000)]], Field(min_length=1)]


class SortKey(Strict):
    column: ColumnName
    descending: bool = False
    nulls_last: bool = True


class SortNode(NodeBase):
    """Order the rows."""

    kind: Literal["sort"]
    by: Annotated[list[SortKey], Field(min_length=1)]


class LimitNode(NodeBase):
    """Keep the first `n` rows (after `offset`); put a sort before it to choose which."""

    kind: Literal["limit"]
    n: int = Field(ge=0, le=1_000_000_000)
    offset: int = Field(default=0, ge=0)


class SampleNode(NodeBase):
    """A reproducible random sample: `n` rows or a `fraction`; the same seed picks the same rows on every engine."""

    kind: Literal["sample"]
    n: int | None = Field(default=None, ge=0)
    fraction: float | None = Field(default=None, ge=0, le=1)
    seed: int = Field(default=0, ge=0, le=2**31 - 1)

    @model_validator(mode="after")
    def _size(self) -> SampleNode:
        if (self.n is None) == (self.fraction is None):
            raise ValueError("a sample takes either `n` or `fraction`")
        return self


class DeduplicateNode(NodeBase):
    """Keep one row per key (all columns when `keys` is absent): the first or the last by `order_by`.

    Rows that tie on `order_by` are ordered by their other columns' values, so every engine keeps the same row.
    """

    kind: Literal["deduplicate"]
    keys: list[ColumnName] | None = None
    keep: Literal["first", "last"] = "first"
    order_by: list[SortKey] = Field(default_factory=list, description="Decides which row is first.")


class FillSpec(Strict):
    strategy: Literal["constant", "mean", "median", "mode", "forward", "backward"]
    value: str | int | float | bool | None = Field(default=None, description="The constant, for `constant`.")

    @model_validator(mode="after")
    def _value(self) -> FillSpec:
        if (self.strategy == "constant") == (self.value is None):
            raise ValueError("`value` is required for the constant strategy and only for it")
        return self


class FillMissingNode(NodeBase):
    """Replace nulls per column; `forward`/`backward` follow `order_by` (within `partition_by` when given)."""

    kind: Literal["fill_missing"]
    columns: Annotated[dict[ColumnName, FillSpec], Field(min_length=1)]
    order_by: list[SortKey] = Field(default_factory=list)
    partition_by: list[ColumnName] = Field(default_factory=list)


# --- combining ------------------------------------------------------------------------------------------------------


class JoinNode(NodeBase):
    """Join the `left` and `right` inputs (edge ports) on key columns; right columns that clash get `suffix`."""

    kind: Literal["join"]
    how: Literal["inner", "left", "right", "full", "semi", "anti"] = "inner"
    on: list[ColumnName] | None = Field(default=None, description="Key columns named the same on both sides.")
    left_on: list[ColumnName] | None = None
    right_on: list[ColumnName] | None = None
    suffix: str = Field(default="_right", min_length=1, max_length=32)

    @model_validator(mode="after")
    def _keys(self) -> JoinNode:
        if self.on is not None:
            if self.left_on is not None or self.right_on is not None:
                raise ValueError("give either `on` or `left_on` + `right_on`")
            if not self.on:
                raise ValueError("`on` needs at least one column")
        elif not self.left_on or not self.right_on:
            raise ValueError("give `on`, or `left_on` and `right_on`")
        elif len(self.left_on) != len(self.right_on):
            raise ValueError("`left_on` and `right_on` need the same number of columns")
        return self

    @property
    def left_keys(self) -> list[str]:
        return list(self.on or self.left_on or [])

    @property
    def right_keys(self) -> list[str]:
        return list(self.on or self.right_on or [])


class UnionNode(NodeBase):
    """Stack the inputs by column name (in edge order); columns missing from an input are null there."""

    kind: Literal["union"]
    distinct: bool = False


AggregateFunction = Literal["sum", "mean", "min", "max", "count", "count_distinct", "median"]


class Aggregation(Strict):
    function: AggregateFunction
    column: ColumnName | None = Field(default=None, description="Input column; absent only for count (rows).")
    alias: ColumnName | None = Field(default=None, description="Output name; `<function>_<column>` by default.")

    @model_validator(mode="after")
    def _column(self) -> Aggregation:
        if self.column is None and self.function != "count":
            raise ValueError(f"{self.function} needs a `column`")
        return self

    @property
    def output(self) -> str:
        return self.alias or (f"{self.function}_{self.column}" if self.column else "count")


class AggregateNode(NodeBase):
    """Group rows by columns (none: one row for all) and compute sums, means, counts..."""

    kind: Literal["aggregate"]
    group_by: list[ColumnName] = Field(default_factory=list)
    aggregations: Annotated[list[Aggregation], Field(min_length=1)]


class PivotNode(NodeBase):
    """Turn the values of column `on` into columns (`on_values`), aggregating `values` per `index`."""

    kind: Literal["pivot"]
    index: Columns
    on: ColumnName
    on_values: Annotated[list[Annotated[str, Field(min_length=1, max_length=255)]], Field(min_length=1, max_length=500)]
    values: ColumnName
    function: AggregateFunction = "sum"


class UnpivotNode(NodeBase):
    """Turn columns into rows: one (`variable_name`, `value_name`) row per column of `columns`, per input row."""

    kind: Literal["unpivot"]
    index: list[ColumnName] = Field(default_factory=list)
    columns: Columns
    variable_name: ColumnName = "variable"
    value_name: ColumnName = "value"


# --- code and checks ------------------------------------------------------------------------------------------------


class SqlNode(NodeBase):
    """One DuckDB SELECT over the node's inputs, each visible as a table named by its edge port or source node id."""

    kind: Literal["sql"]
    query: str = Field(min_length=1, max_length=100_000)


class DbtModelNode(NodeBase):
    """Run a model of the workspace's dbt project (dbt-duckdb); inputs are `source('pipeline', <port or node id>)`."""

    kind: Literal["dbt_model"]
    model: str = Field(pattern=IDENTIFIER)


class GateCheck(Strict):
    issue_type: str = Field(min_length=1, max_length=50, description="An issue type such as `exact_duplicate`.")
    column: ColumnName | None = None
    max_rows: int = Field(default=0, ge=0, description="Most affected rows allowed.")


class QualityGateNode(NodeBase):
    """Stop the run when the input's quality score, a dimension's score or a named check is below its threshold."""

    kind: Literal["quality_gate"]
    min_score: float | None = Field(default=None, ge=0, le=100)
    min_dimensions: dict[str, Annotated[float, Field(ge=0, le=100)]] = Field(default_factory=dict)
    checks: list[GateCheck] = Field(default_factory=list)

    @model_validator(mode="after")
    def _something(self) -> QualityGateNode:
        if self.min_score is None and not self.min_dimensions and not self.checks:
            raise ValueError("a quality gate needs `min_score`, `min_dimensions` or `checks`")
        return self


# --- sinks ----------------------------------------------------------------------------------------------------------


class DatasetSink(NodeBase):
    """Write the input as a dataset: a new dataset, or a new version of an existing one."""

    kind: Literal["sink_dataset"]
    dataset: str = Field(min_length=1, max_length=200, description="Name of the dataset to write.")
    if_exists: Literal["new_version", "error"] = "new_version"


class WarehouseSink(NodeBase):
    """Write the input as a table of the workspace's DuckDB warehouse."""

    kind: Literal["sink_warehouse"]
    table: str = Field(pattern=IDENTIFIER)
    if_exists: Literal["error", "replace", "append"] = "error"


class FileSink(NodeBase):
    """Write the input as a file to download from the run's output."""

    kind: Literal["sink_file"]
    format: Literal["csv", "parquet", "ndjson"] = "csv"
    name: str = Field(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,120}$", description="File name, without a folder.")


Node = Annotated[
    SourceNode
    | SelectNode
    | DropNode
    | RenameNode
    | CastNode
    | FilterNode
    | DeriveNode
    | SortNode
    | LimitNode
    | SampleNode
    | DeduplicateNode
    | FillMissingNode
    | JoinNode
    | UnionNode
    | AggregateNode
    | PivotNode
    | UnpivotNode
    | SqlNode
    | DbtModelNode
    | QualityGateNode
    | DatasetSink
    | WarehouseSink
    | FileSink,
    Field(discriminator="kind"),
]

SINK_KINDS = frozenset({"sink_dataset", "sink_warehouse", "sink_file"})
# How many inputs each kind takes: (at least, at most); None means no upper bound.
ARITY: dict[str, tuple[int, int | None]] = {"source": (0, 0), "join": (2, 2), "union": (2, None), "sql": (1, None)}
ARITY["dbt_model"] = (0, None)
DEFAULT_ARITY = (1, 1)


class Edge(Strict):
    """Data flows from node `source` into node `target`; `port` names the input (`left`/`right` for joins)."""

    source: NodeId
    target: NodeId
    port: str | None = Field(default=None, pattern=IDENTIFIER, description="left/right for a join; a table name.")


class PipelineDefinition(Strict):
    """A pipeline's DAG: nodes, and edges from each node to the ones that read it."""

    schema_version: Literal[1] = SCHEMA_VERSION
    nodes: Annotated[list[Node], Field(min_length=1, max_length=500)]
    edges: list[Edge] = Field(default_factory=list, max_length=2000)

    def node(self, node_id: str) -> Any:
        return next(n for n in self.nodes if n.id == node_id)

    def inputs(self, node_id: str) -> list[Edge]:
        """Edges into a node, in the order they are listed."""
        return [e for e in self.edges if e.target == node_id]


def arity(kind: str) -> tuple[int, int | None]:
    """(fewest, most) inputs a node kind takes."""
    if kind in SINK_KINDS:
        return DEFAULT_ARITY
    return ARITY.get(kind, DEFAULT_ARITY)
