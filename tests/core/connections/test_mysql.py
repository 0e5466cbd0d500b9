"""MySQL/MariaDB connector against the real local server."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pymysql
import pytest

from datalinx.core.connections import connectors
from datalinx.core.connections.schemas import ConnectionSpec
from datalinx.core.errors import ConnectionFailed, Invalid
from tests.core.connections.conftest import MYSQL, Database

SECRET = "wrong-Pa55word"


def _count(table: str) -> int:
    connection = pymysql.connect(**MYSQL)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM `{table}`")
        (count,) = cursor.fetchone()  # type: ignore[misc]
    connection.close()
    return int(count)


def test_connection_reports_version(mariadb: Database) -> None:
    check = connectors.test_connection(mariadb.spec, None)
    assert check.ok and check.server_version and check.server_version.startswith("MariaDB 10")


def test_wrong_password_is_named_without_the_password(mariadb: Database) -> None:
    with pytest.raises(ConnectionFailed) as caught:
        connectors.test_connection(mariadb.spec, SECRET)
    assert "wrong password" in caught.value.message and SECRET not in caught.value.message


def test_unknown_database_and_refused_port(mariadb: Database, closed_port: int) -> None:
    with pytest.raises(ConnectionFailed, match="database 'no_such_db' does not exist"):
        connectors.test_connection(ConnectionSpec(**{**mariadb.spec.model_dump(), "database": "no_such_db"}), None)
    refused = ConnectionSpec(kind="mysql", host="127.0.0.1", port=closed_port, username="root")
    with pytest.raises(ConnectionFailed, match="refused"):
        connectors.test_connection(refused, SECRET)


def test_list_tables_has_the_table_with_an_estimate(mariadb: Database) -> None:
    (mine,) = [t for t in connectors.list_tables(mariadb.spec, None) if t.name == mariadb.schema]
    assert (mine.schema_name, mine.kind, mine.estimated_rows) == ("test", "table", 5)


def test_export_table_in_batches(mariadb: Database, tmp_path: Path) -> None:
    result = connectors.export_to_parquet(
        mariadb.spec, None, table=mariadb.schema, target=tmp_path / "t.parquet", batch_rows=2
    )
    frame = pl.read_parquet(tmp_path / "t.parquet")
    assert result.rows == 5 and frame["name"].to_list() == ["Ada", "Bo", "Cé", None, "Eve"]
    assert [c.dtype for c in result.columns] == ["int64", "string", "date", "decimal(5,2)", "datetime", "binary"]
    assert frame["raw"].to_list()[:2] == [b"\x00\xff", None]


@pytest.mark.parametrize(
    "query",
    ["DELETE FROM {t}", "SELECT * FROM {t} INTO OUTFILE '/tmp/dl_leak.txt'", "SELECT 1; DELETE FROM {t}"],
)
def test_queries_that_write_are_refused(mariadb: Database, tmp_path: Path, query: str) -> None:
    with pytest.raises(Invalid) as caught:
        connectors.export_to_parquet(
            mariadb.spec, None, query=query.format(t=mariadb.schema), target=tmp_path / "w.parquet"
        )
    assert caught.value.field == "query"
    assert _count(mariadb.schema) == 5 and not (tmp_path / "w.parquet").exists()


def test_the_session_itself_is_read_only(mariadb: Database) -> None:
    with connectors.open_source(mariadb.spec, None) as source, pytest.raises(Invalid, match="read-only"):
        source.run(f"INSERT INTO `{mariadb.schema}` (id) VALUES (99)", 10)
    assert _count(mariadb.schema) == 5
