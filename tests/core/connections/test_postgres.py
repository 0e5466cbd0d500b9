"""PostgreSQL connector against the real local server: read-only sessions, quoting, batches, clear failures."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import psycopg
import pytest

from datalinx.core.connections import connectors
from datalinx.core.connections.schemas import ConnectionSpec
from datalinx.core.errors import ConnectionFailed, Invalid
from tests.core.connections.conftest import PG, Database

SECRET = "s3cret-Pa55word"


def _people_count(schema: str) -> int:
    with psycopg.connect(**PG) as connection:
        return int(connection.execute(f'SELECT count(*) FROM "{schema}".people').fetchone()[0])  # type: ignore[index]


def test_connection_reports_version_and_latency(postgres: Database) -> None:
    check = connectors.test_connection(postgres.spec, None)
    assert check.ok and check.server_version and check.server_version.startswith("PostgreSQL 15")
    assert check.latency_ms is not None and check.latency_ms > 0


def test_list_tables_has_tables_views_and_estimates(postgres: Database) -> None:
    mine = {t.name: t for t in connectors.list_tables(postgres.spec, None) if t.schema_name == postgres.schema}
    assert set(mine) == {"people", "adults", 'odd "name"'}
    assert (mine["people"].kind, mine["people"].estimated_rows) == ("table", 5)
    assert mine["adults"].kind == "view" and mine["adults"].estimated_rows is None


def test_export_table_in_batches_keeps_rows_and_types(postgres: Database, tmp_path: Path) -> None:
    seen: list[float] = []
    target = tmp_path / "out" / "people.parquet"
    result = connectors.export_to_parquet(
        postgres.spec,
        None,
        table="people",
        schema=postgres.schema,
        target=target,
        batch_rows=2,
        progress=lambda f, m: seen.append(f),
    )
    frame = pl.read_parquet(target)
    assert result.rows == 5 and frame["name"].to_list() == ["Ada", "Bo", "Cé", None, "Eve"]
    assert [c.dtype for c in result.columns] == ["int32", "string", "date", "decimal(5,2)", "bool", "datetime"]
    assert [c.null_count for c in result.columns] == [0, 1, 1, 1, 1, 2]
    assert seen[-1] == 1.0 and seen == sorted(seen)
    assert sorted(p.name for p in target.parent.iterdir()) == ["people.parquet"]


def test_table_names_are_quoted_identifiers(postgres: Database, tmp_path: Path) -> None:
    result = connectors.export_to_parquet(
        postgres.spec, None, table='odd "name"', schema=postgres.schema, target=tmp_path / "odd.parquet"
    )
    assert result.rows == 1
    with pytest.raises(Invalid) as caught:
        connectors.export_to_parquet(
            postgres.spec, None, table="people; DROP TABLE people", schema=postgres.schema, target=tmp_path / "x"
        )
    assert caught.value.field == "table" and "does not exist" in caught.value.message
    assert _people_count(postgres.schema) == 5
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    "query",
    [
        "DELETE FROM {s}.people",
        "/* looks harmless */ UPDATE {s}.people SET name = 'x'",
        "WITH gone AS (DELETE FROM {s}.people RETURNING *) SELECT * FROM gone",
        "SELECT nextval('{s}.ticket')",
        "SELECT 1; DELETE FROM {s}.people",
    ],
)
def test_queries_that_write_are_refused_and_change_nothing(postgres: Database, tmp_path: Path, query: str) -> None:
    with pytest.raises(Invalid) as caught:
        connectors.export_to_parquet(
            postgres.spec, None, query=query.format(s=postgres.schema), target=tmp_path / "w.parquet"
        )
    assert caught.value.field == "query"
    assert _people_count(postgres.schema) == 5
    with psycopg.connect(**PG) as connection:
        assert connection.execute(f'SELECT last_value FROM "{postgres.schema}".ticket').fetchone() == (1,)
    assert not (tmp_path / "w.parquet").exists()


def test_the_session_itself_is_read_only(postgres: Database) -> None:
    # Beneath the query check and the cursor: the session refuses writes on its own.
    with connectors.open_source(postgres.spec, None) as source, pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        source.connection.execute(f'INSERT INTO "{postgres.schema}".people (id) VALUES (99)')  # type: ignore[attr-defined]
    assert _people_count(postgres.schema) == 5


def test_query_export(postgres: Database, tmp_path: Path) -> None:
    query = f'SELECT name, score * 2 AS double_score FROM "{postgres.schema}".people WHERE score IS NOT NULL;'
    result = connectors.export_to_parquet(postgres.spec, None, query=query, target=tmp_path / "q.parquet")
    assert result.rows == 4 and [c.name for c in result.columns] == ["name", "double_score"]


def test_refused_port_is_named_without_the_password(closed_port: int) -> None:
    spec = ConnectionSpec(kind="postgresql", host="127.0.0.1", port=closed_port, username="postgres")
    with pytest.raises(ConnectionFailed) as caught:
        connectors.test_connection(spec, SECRET)
    assert "refused" in caught.value.message and f"127.0.0.1:{closed_port}" in caught.value.message
    assert SECRET not in caught.value.message


def test_silent_server_times_out_quickly(silent_port: int) -> None:
    spec = ConnectionSpec(kind="postgresql", host="127.0.0.1", port=silent_port, options={"connect_timeout": "1"})
    with pytest.raises(ConnectionFailed, match="no answer within 1 s"):
        connectors.test_connection(spec, SECRET)


def test_unknown_database_and_user_have_their_own_messages(postgres: Database) -> None:
    base = postgres.spec.model_dump()
    with pytest.raises(ConnectionFailed) as caught:
        connectors.test_connection(ConnectionSpec(**{**base, "database": "no_such_db"}), SECRET)
    assert "database 'no_such_db' does not exist" in caught.value.message and SECRET not in caught.value.message
    with pytest.raises(ConnectionFailed) as caught:
        connectors.test_connection(ConnectionSpec(**{**base, "username": "nobody_here"}), SECRET)
    assert "user 'nobody_here' does not exist" in caught.value.message and SECRET not in caught.value.message


def test_options_that_could_lift_read_only_are_refused(postgres: Database) -> None:
    spec = ConnectionSpec(
        **{**postgres.spec.model_dump(), "options": {"options": "-c default_transaction_read_only=off"}}
    )
    with pytest.raises(Invalid) as caught:
        connectors.test_connection(spec, None)
    assert caught.value.field == "options"
