"""String functions and operators: trim, length, substr, split_part, concat, ||, replace, contains, like, ilike..."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from datalinx.core.pipelines.expressions.casing import lower_polars, lower_sql
from datalinx.core.pipelines.expressions.registry import (
    INTEGER,
    STRING,
    Function,
    Mismatch,
    Signature,
    Typed,
    constant,
    expect,
    fixed,
    label,
    sql_string,
)
from datalinx.core.pipelines.expressions.temporal import regex_literal
from datalinx.core.pipelines.types import ColumnType

T = ColumnType
_TEXT = (STRING, "a string", T.STRING)
_INT = (INTEGER, "an integer", T.INT64)
# Types text functions turn into strings; floats are left out because the engines print them differently
# (DuckDB writes 6.4e-05 where Polars writes 0.000064).
_PRINTABLE = frozenset({T.STRING, T.INT64, T.BOOL, T.DATE, T.DATETIME})


def _printable_rule(name: str, args: Sequence[Typed]) -> Signature:
    for arg in args:
        if arg.type == T.FLOAT64:
            raise Mismatch(
                f"{label(name)} cannot turn a float64 into text the same way in every engine{arg.where()}; "
                "round() it and use to_int(), or compare numbers instead"
            )
        expect(name, arg, _PRINTABLE, "strings, integers, booleans, dates or datetimes")
    return Signature(T.STRING, tuple(arg.type for arg in args))


# Datetimes as text: 'YYYY-MM-DD HH:MM:SS', and six digits of microseconds only when there are some (the
# engines' own casts differ: Polars always writes six digits, DuckDB drops trailing zeros).
_WHOLE_SECONDS, _MICROSECONDS = "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S%.6f"


def _text_polars(expr: pl.Expr, kind: ColumnType) -> pl.Expr:
    if kind == T.DATETIME:
        whole = expr.dt.strftime(_WHOLE_SECONDS)
        return pl.when(expr.dt.microsecond() == 0).then(whole).otherwise(expr.dt.strftime(_MICROSECONDS))
    return expr if kind == T.STRING else expr.cast(pl.String)


def _text_sql(sql: str, kind: ColumnType) -> str:
    if kind == T.DATETIME:  # DuckDB's microsecond() counts from the start of the minute
        whole = f"strftime({sql}, {sql_string(_WHOLE_SECONDS)})"
        fraction = f"strftime({sql}, {sql_string(_MICROSECONDS.replace('%.6f', '.%f'))})"
        return f"(CASE WHEN microsecond({sql}) % 1000000 = 0 THEN {whole} ELSE {fraction} END)"
    return sql if kind == T.STRING else f"CAST({sql} AS VARCHAR)"


def _texts(args: Sequence[pl.Expr], node: Typed) -> list[pl.Expr]:
    return [_text_polars(arg, typed.type) for arg, typed in zip(args, node.args, strict=True)]


def _texts_sql(args: Sequence[str], node: Typed) -> list[str]:
    return [_text_sql(arg, typed.type) for arg, typed in zip(args, node.args, strict=True)]


def _substr_polars(args: Sequence[pl.Expr], node: Typed) -> pl.Expr:
    """DuckDB's substr: 1-based; 0 is the place before the first character; negative counts from the end."""
    text, offset = args[0], args[1]
    length = args[2] if len(args) > 2 else None
    size = text.str.len_chars().cast(pl.Int64)
    start = pl.when(offset > 0).then(offset - 1).when(offset == 0).then(-1).otherwise(size + offset)
    if length is None:
        low, high = start, size
    else:  # a negative length takes the characters before the start
        low = pl.when(length >= 0).then(start).otherwise(start + length)
        high = pl.when(length >= 0).then(start + length).otherwise(start)
    low, high = low.clip(0, size), high.clip(0, size)
    return text.str.slice(low, (high - low).clip(0))


def _replace_polars(args: Sequence[pl.Expr], node: Typed) -> pl.Expr:
    source = str(node.args[1].value)
    if not source:  # DuckDB leaves the text as it is when asked to replace ''
        return args[0]
    target = node.args[2]
    if target.is_literal:
        return args[0].str.replace_all(source, pl.lit(target.value or "", dtype=pl.String), literal=True)
    # Polars refuses a null replacement; SQL's answer for it is null.
    replaced = args[0].str.replace_all(source, args[2].fill_null(""), literal=True)
    return pl.when(args[2].is_not_null()).then(replaced)


def _replace_rule(name: str, args: Sequence[Typed]) -> Signature:
    expect(name, args[0], STRING, "a string")
    expect(name, args[2], STRING, "a string")
    if not isinstance(constant(name, args[1], "the text to find"), str):
        raise Mismatch(f"replace() expects the text to find as a string literal{args[1].where()}")
    return Signature(T.STRING, (T.STRING, T.STRING, T.STRING))


def _split_part_rule(name: str, args: Sequence[Typed]) -> Signature:
    expect(name, args[0], STRING, "a string")
    separator = constant(name, args[1], "the separator")
    if not isinstance(separator, str) or not separator:
        raise Mismatch(f"{label(name)} expects the separator as a non-empty string literal{args[1].where()}")
    index = constant(name, args[2], "the part's number")
    if not isinstance(index, int) or isinstance(index, bool):
        raise Mismatch(f"{label(name)} expects the part's number as an integer literal{args[2].where()}")
    return Signature(T.STRING, (T.STRING, T.STRING, T.INT64))


def _split_part_polars(args: Sequence[pl.Expr], node: Typed) -> pl.Expr:
    """DuckDB's split_part: the 1-based part (negative counts from the end); '' past either end or for part 0."""
    separator, index = str(node.args[1].value), node.args[2].value
    assert isinstance(index, int)
    part = pl.lit("") if index == 0 else args[0].str.split(separator).list.get(index - (index > 0), null_on_oob=True)
    return pl.when(args[0].is_not_null()).then(part.fill_null(""))


def like_parts(pattern: str, escape: str | None) -> list[tuple[bool, str]]:
    """A LIKE pattern as (is_wildcard, text) parts: '%' and '_' wildcards and runs of literal text."""
    parts: list[tuple[bool, str]] = []
    text: list[str] = []
    chars = iter(pattern)
    for char in chars:
        if escape is not None and char == escape:
            escaped = next(chars, None)
            if escaped is None:
                raise ValueError(f"the pattern {sql_string(pattern)} ends with its escape character")
            text.append(escaped)
        elif char in "%_":
            parts.extend([(False, "".join(text)), (True, char)] if text else [(True, char)])
            text = []
        else:
            text.append(char)
    return [*parts, (False, "".join(text))] if text else parts


def _insensitive(node: Typed) -> bool:
    return node.function is not None and node.function.name == "ilike"


def _pattern(node: Typed) -> list[tuple[bool, str]]:
    """The parts of a like/ilike node's pattern; for ilike, literal text is lower-cased as lower() does it."""
    escape = node.args[2].value
    parts = like_parts(str(node.args[1].value), escape if isinstance(escape, str) else None)
    literals = [text for wildcard, text in parts if not wildcard]
    if not _insensitive(node) or not literals:
        return parts
    lowered = iter(pl.select(*(lower_polars(pl.lit(t)).alias(str(i)) for i, t in enumerate(literals))).row(0))
    return [(wildcard, text if wildcard else next(lowered)) for wildcard, text in parts]


def _like_rule(name: str, args: Sequence[Typed]) -> Signature:
    expect(name, args[0], STRING, "a string")
    pattern = constant(name, args[1], "a pattern")
    if not isinstance(pattern, str):
        raise Mismatch(f"{name} expects a string pattern{args[1].where()}")
    try:
        like_parts(pattern, args[2].value if isinstance(args[2].value, str) else None)
    except ValueError as error:
        raise Mismatch(f"{name}: {error}") from None
    return Signature(T.BOOL, (T.STRING, T.STRING, args[2].type))


def _like_polars(args: Sequence[pl.Expr], node: Typed) -> pl.Expr:
    wildcards = {"%": ".*", "_": "."}
    body = "".join(wildcards[text] if wildcard else regex_literal(text) for wildcard, text in _pattern(node))
    text = lower_polars(args[0]) if _insensitive(node) else args[0]
    return text.str.contains("(?s)^" + body + "$")


def _like_sql(args: Sequence[str], node: Typed) -> str:
    parts = _pattern(node)
    # Without an ESCAPE clause DuckDB reads every character but % and _ literally, backslash included.
    needs_escape = any(c in text for wildcard, text in parts if not wildcard for c in "%_")

    def literal(text: str) -> str:
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") if needs_escape else text

    pattern = sql_string("".join(text if wildcard else literal(text) for wildcard, text in parts))
    text = lower_sql(args[0]) if _insensitive(node) else args[0]
    return f"({text} LIKE {pattern}" + (" ESCAPE '\\')" if needs_escape else ")")


_TEXT_RULE = fixed(T.STRING, _TEXT)
_TEST_RULE = fixed(T.BOOL, _TEXT, _TEXT)

FUNCTIONS: tuple[Function, ...] = (
    Function(
        "trim", "trim(text)", (1, 1), _TEXT_RULE, lambda a, n: a[0].str.strip_chars(" "), lambda a, n: f"trim({a[0]})"
    ),
    Function(
        "ltrim",
        "ltrim(text)",
        (1, 1),
        _TEXT_RULE,
        lambda a, n: a[0].str.strip_chars_start(" "),
        lambda a, n: f"ltrim({a[0]})",
    ),
    Function(
        "rtrim",
        "rtrim(text)",
        (1, 1),
        _TEXT_RULE,
        lambda a, n: a[0].str.strip_chars_end(" "),
        lambda a, n: f"rtrim({a[0]})",
    ),
    Function(
        "length",
        "length(text)",
        (1, 1),
        fixed(T.INT64, _TEXT),
        lambda a, n: a[0].str.len_chars().cast(pl.Int64),
        lambda a, n: f"length({a[0]})",
    ),
    Function(
        "substr",
        "substr(text, start[, length])",
        (2, 3),
        fixed(T.STRING, _TEXT, _INT, _INT),
        _substr_polars,
        lambda a, n: f"substr({', '.join(a)})",
    ),
    Function(
        "split_part",
        "split_part(text, separator, n)",
        (3, 3),
        _split_part_rule,
        _split_part_polars,
        lambda a, n: f"split_part({', '.join(a)})",
    ),
    Function(
        "concat",
        "concat(a, b, ...)",
        (1, None),
        _printable_rule,
        lambda a, n: pl.concat_str(_texts(a, n), ignore_nulls=True),
        lambda a, n: f"concat({', '.join(_texts_sql(a, n))})",
    ),
    Function(
        "to_string",
        "to_string(value)",
        (1, 1),
        _printable_rule,
        lambda a, n: _texts(a, n)[0],
        lambda a, n: _texts_sql(a, n)[0],
    ),
    Function(
        "replace",
        "replace(text, find, replacement)",
        (3, 3),
        _replace_rule,
        _replace_polars,
        lambda a, n: f"replace({', '.join(a)})",
    ),
    Function(
        "contains",
        "contains(text, part)",
        (2, 2),
        _TEST_RULE,
        lambda a, n: a[0].str.contains(a[1], literal=True),
        lambda a, n: f"contains({a[0]}, {a[1]})",
    ),
    Function(
        "starts_with",
        "starts_with(text, prefix)",
        (2, 2),
        _TEST_RULE,
        lambda a, n: a[0].str.starts_with(a[1]),
        lambda a, n: f"starts_with({a[0]}, {a[1]})",
    ),
    Function(
        "ends_with",
        "ends_with(text, suffix)",
        (2, 2),
        _TEST_RULE,
        lambda a, n: a[0].str.ends_with(a[1]),
        lambda a, n: f"ends_with({a[0]}, {a[1]})",
    ),
)

OPERATORS: tuple[Function, ...] = (
    Function(
        "||",
        "a || b",
        (2, 2),
        _printable_rule,
        lambda a, n: pl.concat_str(_texts(a, n), ignore_nulls=False),
        lambda a, n: f"({' || '.join(_texts_sql(a, n))})",
    ),
    Function("like", "text like pattern", (3, 3), _like_rule, _like_polars, _like_sql),
    Function("ilike", "text ilike pattern", (3, 3), _like_rule, _like_polars, _like_sql),
)
