"""SQL text we send to customer databases: quoted identifiers and a first check on user queries."""

from __future__ import annotations

import re

from datalinx.core.errors import Invalid

# Statements that only read. The read-only session is the real guard; this check gives a clear message early.
READING_KEYWORDS = frozenset({"select", "with", "values", "table", "from"})
_COMMENT = re.compile(r"(--[^\n]*(\n|$))|(/\*.*?\*/)", re.S)
_FILE_WRITE = re.compile(r"\binto\s+(outfile|dumpfile)\b", re.I)


def quote_identifier(name: str, quote: str = '"') -> str:
    """Quote a table, schema or column name as an identifier (the quote character doubled inside)."""
    if not name or "\x00" in name:
        raise Invalid("a table or schema name must not be empty or hold NUL characters", field="table")
    return quote + name.replace(quote, quote + quote) + quote


def table_sql(table: str, schema: str | None, quote: str = '"') -> str:
    """`SELECT * FROM "schema"."table"` with both names quoted."""
    qualified = quote_identifier(table, quote)
    if schema:
        qualified = f"{quote_identifier(schema, quote)}.{qualified}"
    return f"SELECT * FROM {qualified}"


def check_query(query: str) -> str:
    """The query without trailing semicolons, refused early when it plainly does not only read."""
    stripped = query.strip().rstrip(";").strip()
    head = _COMMENT.sub(" ", stripped).lstrip(" \t\r\n(")
    keyword = re.split(r"[\s(]", head, maxsplit=1)[0].lower() if head else ""
    if not keyword:
        raise Invalid("the query is empty", field="query")
    if keyword not in READING_KEYWORDS:
        raise Invalid(
            f"the query starts with '{keyword.upper()}'; only queries that read (SELECT, WITH, VALUES, TABLE) "
            "may run, and connections are read-only",
            field="query",
        )
    if _FILE_WRITE.search(_COMMENT.sub(" ", stripped)):
        raise Invalid("the query writes a file on the server (INTO OUTFILE/DUMPFILE), which is refused", field="query")
    return stripped


def write_refused(describe: str) -> Invalid:
    """The error for a query the read-only session stopped from writing."""
    return Invalid(
        f"the query tried to change data on the {describe}; connections are read-only and nothing was changed",
        field="query",
    )
