"""Identifier quoting and the early check on user queries."""

from __future__ import annotations

import pytest

from datalinx.core.connections.sql import check_query, quote_identifier, table_sql
from datalinx.core.errors import Invalid


def test_identifiers_are_quoted_with_the_quote_doubled() -> None:
    assert quote_identifier('a"b') == '"a""b"'
    assert table_sql("t`x", "s", quote="`") == "SELECT * FROM `s`.`t``x`"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("select 1;", "select 1"),
        ("  -- note\n(SELECT 1)", "-- note\n(SELECT 1)"),
        ("/* a */ WITH x AS (SELECT 1) SELECT * FROM x", "/* a */ WITH x AS (SELECT 1) SELECT * FROM x"),
        ("VALUES (1)", "VALUES (1)"),
    ],
)
def test_reading_queries_pass(query: str, expected: str) -> None:
    assert check_query(query) == expected


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("", "empty"),
        ("  ;  ", "empty"),
        ("insert into t values (1)", "'INSERT'"),
        ("/* select */ DROP TABLE t", "'DROP'"),
        ("COPY t TO '/tmp/x'", "'COPY'"),
        ("SELECT * FROM t INTO DUMPFILE '/tmp/x'", "DUMPFILE"),
    ],
)
def test_other_statements_are_refused(query: str, fragment: str) -> None:
    with pytest.raises(Invalid) as caught:
        check_query(query)
    assert fragment in caught.value.message and caught.value.field == "query"
