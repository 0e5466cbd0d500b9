"""Pipeline expressions: parsing, checking, and Polars and DuckDB giving the same values and types."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import duckdb
import numpy as np
import polars as pl
import pytest
from polars.testing import assert_series_equal

from datalinx.core.errors import Invalid
from datalinx.core.pipelines.expressions import (
    Checked,
    ExpressionError,
    ast,
    check,
    columns,
    parse,
    to_polars,
    to_sql,
)
from datalinx.core.pipelines.expressions.casing import SQL_LOWER_FIXES, SQL_UPPER_FIXES
from datalinx.core.pipelines.types import POLARS, ColumnType, Schema, of_polars

T = ColumnType
ROWS = 400

# Text that exercises case mapping, LIKE wildcards and escapes, trimming, and date and number parsing.
TEXTS = [
    "Héllo", "straße", "ΑΣ ΣΑ", "İstanbul", "😀 émoji", "", "  padded  ", "tab\there", "new\nline", "100%",
    "a_b", "axb", "back\\slash", "it's", "ﬁne", "ǅ", "12", "-3.5", "1e3", " 7", "+4", "1_000", "0x10",
    "2024-01-31", "31/01/2024", "2024-1-5", "2024-02-30", "2024-02-29", "2024-01-31 10:11:12",
    "2024-01-31T10:11:12.5", "٢٠٢٤-01-01", "2024-01-31\n", "HELLO", "hello", "l", "ß", "a", "Ω",
]  # fmt: skip
PARTS = ["l", "ß", "", "a", "e", "%", "LO", "é"]


def make_frame(seed: int = 7) -> pl.DataFrame:
    """A few hundred rows with nulls in every column, negatives, zeros, halves, NaN, unicode and old dates."""
    rng = np.random.default_rng(seed)

    def nulls(values: list[object], share: float = 0.12) -> list[object]:
        return [None if rng.random() < share else value for value in values]

    halves = [0.5, 1.5, 2.5, -0.5, -2.5, 2.55, 1.005, 0.125, -7.5, 0.0, -0.0, 1e-7, 123456.789]
    floats = [*halves, math.nan, math.inf, -math.inf]
    floats += [round(float(v), 2) for v in rng.normal(0, 60, ROWS - len(floats))]
    epoch = datetime(1965, 1, 1)
    moments = [epoch + timedelta(seconds=int(s)) for s in rng.integers(0, 70 * 365 * 86400, ROWS)]
    moments = [m.replace(microsecond=int(rng.integers(0, 999_999))) if i % 3 else m for i, m in enumerate(moments)]
    moments[:4] = [datetime(2024, 1, 7, 23, 59, 59), datetime(1969, 12, 31, 23, 0), datetime(2000, 2, 29), epoch]
    days = [m.date() + timedelta(days=int(rng.integers(-400, 400))) for m in moments]
    days[:3] = [date(2024, 1, 7), date(2024, 1, 1), date(2024, 2, 29)]
    return pl.DataFrame(
        {
            "row": list(range(ROWS)),
            "i": nulls([-7, 7, 0, -1, 5, *rng.integers(-50, 51, ROWS - 5).tolist()]),
            "j": nulls([2, -2, 0, 3, -3, *rng.integers(-5, 6, ROWS - 5).tolist()]),
            "big": nulls(rng.integers(-(10**12), 10**12, ROWS).tolist()),
            "x": nulls(floats),
            "y": nulls([2.0, -2.0, 0.0, *np.round(rng.normal(0, 3, ROWS - 3), 1).tolist()]),
            "s": nulls([TEXTS[k % len(TEXTS)] for k in range(ROWS)], 0.08),
            "t": nulls([PARTS[int(k)] for k in rng.integers(0, len(PARTS), ROWS)]),
            "d": nulls(days),
            "ts": nulls(moments),
            "b": nulls(rng.random(ROWS) < 0.5),
            "c": nulls((rng.random(ROWS) < 0.5).tolist()),
        },
        schema={
            "row": pl.Int64, "i": pl.Int64, "j": pl.Int64, "big": pl.Int64, "x": pl.Float64, "y": pl.Float64,
            "s": pl.String, "t": pl.String, "d": pl.Date, "ts": pl.Datetime("us"), "b": pl.Boolean, "c": pl.Boolean,
        },
    )  # fmt: skip


FRAME = make_frame()
SCHEMA: Schema = {
    "row": T.INT64, "i": T.INT64, "j": T.INT64, "big": T.INT64, "x": T.FLOAT64, "y": T.FLOAT64,
    "s": T.STRING, "t": T.STRING, "d": T.DATE, "ts": T.DATETIME, "b": T.BOOL, "c": T.BOOL,
}  # fmt: skip


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    """One DuckDB connection with the test frame registered as `t`."""
    connection = duckdb.connect()
    connection.register("t", FRAME)
    return connection


def run_both(
    text: str, con: duckdb.DuckDBPyConnection, frame: pl.DataFrame = FRAME, schema: Schema = SCHEMA
) -> pl.Series:
    """The result of one expression in Polars, after asserting DuckDB gives the same values and dtype."""
    expr = parse(text)
    checked = check(expr, schema)
    polars_result = frame.select(to_polars(expr, schema).alias("r"))["r"]
    if polars_result.len() == 1 < frame.height:  # a constant: Polars gives one value where SQL gives one per row
        polars_result = polars_result.extend_constant(polars_result[0], frame.height - 1)
    duckdb_result = con.sql(f'SELECT {to_sql(expr, schema)} AS r FROM t ORDER BY "row"').pl()["r"]
    assert_series_equal(polars_result, duckdb_result, rel_tol=1e-12, abs_tol=1e-12)
    assert polars_result.dtype == POLARS[checked.type], f"{text}: {polars_result.dtype} is not {checked.type}"
    return polars_result


def agree(text: str, **values: list[object]) -> list[object]:
    """Evaluate an expression over a small frame in both engines; returns the values they agree on."""
    frame = pl.DataFrame({"row": list(range(len(next(iter(values.values()))))), **values}, strict=False)
    schema = {name: of_polars(dtype) for name, dtype in frame.schema.items()}
    connection = duckdb.connect()
    connection.register("t", frame)
    return run_both(text, connection, frame, schema).to_list()


ARITHMETIC = [
    "i + j", "i - j", "i * j", "x + i", "x - y", "x * 2", "i / j", "x / y", "i / 0", "x / 0.0", "i // j",
    "x // y", "i // 0", "i % j", "x % y", "i % 0", "x % 0", "-i", "-x", "-(i + j) * 2", "i + j * 2 - 1",
    "(i + j) * 2", "big * 3 // 7", "big % 1000", "1.5 + i", ".5 * x", "1e3 + x", "i % -3", "-7 // j",
    "1 + 2 * 3", "7 // -2", "-7 % 3", "x // 0.5",
]  # fmt: skip
COMPARISON = [
    "i = j", "i == j", "i != j", "i <> j", "i < j", "i <= x", "x > y", "x >= 0", "s = t", "s < t",
    "s >= 'a'", "b = c", "b > c", "b = true", "d < ts", "ts >= '2000-01-01 12:00:00'", "d >= '2000-01-01'",
    "d < '2010-06-15 12:00'", "d = date '2024-02-29'", "ts < timestamp '1990-05-01 08:30:00'",
    "d between '1990-01-01' and '2010-12-31'", "ts not between '1990-01-01' and '2000-01-01'",
    "i between -10 and 10", "i between j and 20", "i not between j and 5", "x between null and 10",
    "i in (1, 2, 3)", "i in (1, null)", "i not in (1, 2)", "i not in (1, null)", "x in (1, 2.5, -0.5)",
    "s in ('Héllo', '', 'straße')", "d in ('2024-02-29', '2024-01-07')", "i is null", "s is not null",
    "x is null or y is null", "x = x",
]  # fmt: skip
LOGIC = [
    "b and c", "b or c", "not b", "not (b and c)", "b and not c or i > 0", "b or i is null",
    "not b is null", "i > 0 and x > 0 or s like 'a%'", "b and null", "c or null", "b IS NOT NULL AND c",
]  # fmt: skip
STRINGS = [
    "lower(s)", "upper(s)", "LOWER(s)", "trim(s)", "ltrim(s)", "rtrim(s)", "length(s)", "length(trim(s))",
    "substr(s, 2)", "substr(s, 2, 3)", "substr(s, 0, 2)", "substr(s, -3)", "substr(s, -3, 2)",
    "substr(s, i, j)", "substr(s, 10, 2)", "substr(s, 3, -2)", "concat(s, '-', t)", "concat(s, i, b, d)",
    "concat(s, ts)", "concat(null, s)", "s || t", "s || '!' || i", "replace(s, 'l', 'L')",
    "replace(s, '', 'x')", "replace(s, 'a', t)", "replace(s, '%', '$0')", "contains(s, t)",
    "contains(s, 'l')", "starts_with(s, t)", "ends_with(s, 'e')", "s like 'H%'", "s like '%l_o%'",
    "s like '100\\%' escape '\\'", "s like 'a\\_b' escape '\\'", "s like 'back\\slash'", "s not like '%e%'",
    "s ilike 'h%'", "s ilike 'STRASSE'", "s ilike '%SS%'", "s not ilike '%É%'", "s ilike 'ıstanbul'",  # noqa: RUF001 (dotless i on purpose)
    "s like '%'", "s like ''", "s like '_'", "s like 'new_line'", "s like '%.%'",
    "to_string(i)", "to_string(d)", "to_string(ts)", "to_string(b)", "upper(s) = upper(t)",
    "upper(substr(s, 1, 1)) || lower(substr(s, 2))", "`s` || \"t\"", "split_part(s, 'l', 1)",
    "split_part(s, 'l', 2)", "split_part(s, 'l', -1)", "split_part(trim(s), ' ', 1)", "split_part(s, 'e', 9)",
]  # fmt: skip
NUMBERS = [
    "abs(i)", "abs(x)", "round(x)", "round(x, 1)", "round(x, 2)", "round(x, -1)", "round(i, -1)",
    "round(i, -2)", "round(i)", "round(i / 2)", "round(x / 8, 2)", "floor(x)", "ceil(x)", "floor(i)",
    "ceil(i / 4)", "sqrt(x)", "sqrt(i)", "ln(x)", "exp(x / 100)", "power(x, 2)", "power(i, j)", "power(2, i)",
    "least(i, j)", "least(i, x, 0)", "greatest(i, j, x)", "greatest(s, t)", "least(d, ts)", "greatest(null, i)",
    "greatest(x, 1)", "least(x, 1)", "coalesce(i, j, 0)", "coalesce(x, i)", "coalesce(s, t, '?')",
    "nullif(i, j)", "nullif(s, '')", "nullif(x, 0)", "if(b, i, j)", "if(i > 0, 'pos', 'neg')", "if(b, x, i)",
    "case when i > 0 then 'pos' when i < 0 then 'neg' else 'zero' end", "case when b then 1 end",
    "case i when 1 then 'one' when -7 then 'minus seven' else 'many' end", "to_number(s)", "to_number(i)",
    "to_int(s)", "to_int(x)", "to_int(b)", "coalesce(to_number(s), x, 0) * 2 > i",
]  # fmt: skip
DATES = [
    "year(d)", "month(d)", "day(d)", "quarter(d)", "day_of_week(d)", "day_of_week(ts)", "day_of_year(d)",
    "week(d)", "week(ts)", "year(ts)", "hour(ts)", "minute(ts)", "second(ts)", "date_trunc('month', d)",
    "date_trunc('year', d)", "date_trunc('week', d)", "date_trunc('quarter', d)", "date_trunc('day', ts)",
    "date_trunc('week', ts)", "date_trunc('hour', ts)", "date_trunc('MONTH', ts)", "date_trunc('second', ts)",
    "date_diff('day', d, ts)", "date_diff('day', d, date '2024-01-31')", "date_diff('month', d, ts)",
    "date_diff('year', d, ts)", "date_diff('quarter', ts, d)", "date_diff('hour', ts, d)",
    "date_diff('minute', ts, timestamp '2000-01-01 00:00:00')", "date_diff('second', d, ts)",
    "to_date(s)", "to_date(s, '%d/%m/%Y')", "to_date(ts)",
    "to_timestamp(s)", "to_timestamp(s, '%Y-%m-%dT%H:%M:%S.%f')", "to_timestamp(d)", "d = to_date('2024-02-29')",
    "date '2024-01-31'", "timestamp '2024-01-31 12:00:00'", "null", "'it''s'", "true", "1.5", "coalesce(null, d)",
]  # fmt: skip
EXPRESSIONS = ARITHMETIC + COMPARISON + LOGIC + STRINGS + NUMBERS + DATES


def test_expression_list_covers_every_function_and_operator() -> None:
    """Every function of the table is used by at least one expression of the equivalence list."""
    from datalinx.core.pipelines.expressions.library import FUNCTIONS

    used = {node.name for text in EXPRESSIONS for node in ast.walk(parse(text)) if isinstance(node, ast.Call)}
    assert set(FUNCTIONS) - used == set()
    assert len(EXPRESSIONS) >= 100


@pytest.mark.parametrize("text", EXPRESSIONS)
def test_polars_and_duckdb_agree(text: str, con: duckdb.DuckDBPyConnection) -> None:
    """The same values (floats to 1e-12) and the same dtype in both engines, and the dtype the checker said."""
    result = run_both(text, con)
    if text not in ("null", "i / 0", "i // 0", "i % 0", "x % 0", "x / 0.0"):
        assert result.null_count() < ROWS, "an all-null answer would agree without testing anything"


# Engine differences, each pinned to the answer both engines now give.


def test_round_halves_away_from_zero_in_both_engines() -> None:
    """Polars rounds half to even by default and DuckDB half away from zero; both give DuckDB's answer."""
    x = [0.5, 1.5, 2.5, -0.5, -2.5, 2.55, 1.005, None]
    assert agree("round(x)", x=x) == [1.0, 2.0, 3.0, -1.0, -3.0, 3.0, 1.0, None]
    # Scaling by ten before rounding is done the same way in both (DuckDB's own round(2.55, 1) gives 2.5).
    assert agree("round(x, 1)", x=x) == [0.5, 1.5, 2.5, -0.5, -2.5, 2.6, 1.0, None]
    assert agree("round(i, -1)", i=[15, -15, 14, 25, None]) == [20, -20, 10, 30, None]


def test_modulo_and_floor_division_follow_the_divisor_sign() -> None:
    """DuckDB truncates `//` and `%` toward zero, Polars floors; both floor, so a == b * (a // b) + a % b."""
    a, b = [-7, 7, -7, 7, 0], [2, -2, -2, 2, 3]
    assert agree("a // b", a=a, b=b) == [-4, -4, 3, 3, 0]
    assert agree("a % b", a=a, b=b) == [1, -1, -1, 1, 0]
    assert agree("x % y", x=[-7.5, 7.5], y=[2.0, -2.0]) == [0.5, -0.5]


def test_division_and_modulo_by_zero_give_null() -> None:
    """DuckDB 2.0 raises on integer % and // by zero and gives inf for /; both engines give null instead."""
    assert agree("a / b", a=[1, -1, 0, None], b=[0, 0, 0, 0]) == [None, None, None, None]
    assert agree("a // b", a=[1, 5], b=[0, 0]) == [None, None]
    assert agree("a % b", a=[1, 5], b=[0, 0]) == [None, None]
    assert agree("x / y", x=[1.0, 1.0], y=[0.0, -0.0]) == [None, None]
    assert agree("a / b", a=[7], b=[2]) == [3.5]


def test_length_counts_characters_not_bytes() -> None:
    """length() is the number of code points in both engines, whatever the UTF-8 byte count."""
    assert agree("length(s)", s=["😀é", "", "e\u0301", None]) == [2, 0, 2, None]


def test_substr_with_out_of_range_and_negative_starts() -> None:
    """Polars' 0-based slice follows DuckDB's substr: 0 is just before the first character, negatives count back."""
    s = ["hello"] * 7
    start, length = [0, -2, 10, -10, 2, 3, 1], [2, 2, 2, 3, 0, -2, 100]
    assert agree("substr(s, p, n)", s=s, p=start, n=length) == ["h", "lo", "", "", "", "he", "hello"]


def test_split_part_counts_from_one_and_gives_empty_text_past_the_parts() -> None:
    """DuckDB's split_part: 1-based, negative from the end, '' for part 0, past the last part or before the first."""
    s = ["a b  c", "a b  c", "a b  c", "a b  c", " anna x", "", None, "a b  c"]
    assert agree("split_part(s, ' ', 1)", s=s) == ["a", "a", "a", "a", "", "", None, "a"]
    assert agree("split_part(s, ' ', 3)", s=s[:1]) == [""]
    assert agree("split_part(s, ' ', -1)", s=s[:1]) == ["c"]
    assert agree("split_part(s, ' ', 0)", s=s[:2]) == ["", ""]
    assert agree("split_part(s, ' ', -5)", s=s[:1]) == [""]
    assert agree("split_part(s, ', ', 2)", s=["x, y, z", "x,y"]) == ["y", ""]


def test_date_trunc_week_starts_on_monday_and_keeps_dates_as_dates() -> None:
    """DuckDB truncates a DATE to a TIMESTAMP; the result is cast back so both give a date."""
    days = [date(2024, 1, 7), date(2024, 1, 1), date(1970, 1, 1), None]
    assert agree("date_trunc('week', d)", d=days) == [date(2024, 1, 1), date(2024, 1, 1), date(1969, 12, 29), None]


def test_day_of_week_is_iso_monday_one_to_sunday_seven() -> None:
    """DuckDB's dayofweek() counts Sunday as 0; day_of_week() is ISO in both engines."""
    assert agree("day_of_week(d)", d=[date(2024, 1, 1), date(2024, 1, 6), date(2024, 1, 7)]) == [1, 6, 7]


def test_like_wildcards_and_escapes() -> None:
    """% and _ match any run and any one character (newlines too); an ESCAPE character makes them literal."""
    s = ["100%", "100x", "a_b", "axb", "a\nb", "back\\slash", "é"]
    assert agree("s like '100\\%' escape '\\'", s=s) == [True, False, False, False, False, False, False]
    assert agree("s like 'a_b'", s=s) == [False, False, True, True, True, False, False]
    assert agree("s like 'a!_b' escape '!'", s=s) == [False, False, True, False, False, False, False]
    assert agree("s like 'back\\slash'", s=s) == [False, False, False, False, False, True, False]  # no ESCAPE
    assert agree("s like '_'", s=s) == [False] * 6 + [True]


def test_ilike_compares_lower_cased_text_including_unicode() -> None:
    """ilike is lower(text) like lower(pattern), with lower() agreeing in both engines."""
    s = ["Straße", "STRASSE", "Élan", "İstanbul", None]
    assert agree("s ilike 'strasse'", s=s) == [False, True, False, False, None]
    assert agree("s ilike 'é%'", s=s) == [False, False, True, False, None]
    assert agree("s ilike 'istanbul'", s=s) == [False, False, False, True, None]


def test_concat_skips_nulls_and_double_bar_propagates_them() -> None:
    """concat() is SQL's null-skipping concat; || gives null if either side is null."""
    a, b = ["a", None, None], ["b", "b", None]
    assert agree("concat(a, b)", a=a, b=b) == ["ab", "b", ""]
    assert agree("a || b", a=a, b=b) == ["ab", None, None]


def test_least_and_greatest_ignore_nulls_and_rank_nan_highest() -> None:
    """DuckDB's least/greatest skip nulls and order NaN above every number; Polars is made to do the same."""
    a, b = [1.0, None, None, math.nan, 2.0], [None, 3.0, None, 1.0, math.nan]
    assert agree("least(a, b)", a=a, b=b) == [1.0, 3.0, None, 1.0, 2.0]
    greatest = agree("greatest(a, b)", a=a, b=b)
    assert greatest[:3] == [1.0, 3.0, None] and all(math.isnan(v) for v in greatest[3:])  # type: ignore[arg-type]


def test_booleans_compare_false_below_true() -> None:
    """Boolean ordering and equality are the same in both engines, with nulls giving null."""
    assert agree("a > b", a=[True, False, True, None], b=[False, True, True, True]) == [True, False, False, None]


def test_trim_removes_spaces_only() -> None:
    """DuckDB's trim() strips spaces and Polars' strip_chars() all whitespace; both strip spaces only."""
    assert agree("trim(s)", s=["  a  ", "\ta\n", " \tb "]) == ["a", "\ta\n", "\tb"]


def test_three_valued_logic_matches_sql() -> None:
    """and/or/not with nulls follow SQL's Kleene logic, and so do in and between with nulls."""
    a, b = [True, True, False, False, None, None], [None, False, None, True, None, True]
    assert agree("a and b", a=a, b=b) == [None, False, False, False, None, None]
    assert agree("a or b", a=a, b=b) == [True, True, None, True, None, True]
    assert agree("not a", a=a, b=b) == [False, False, True, True, None, None]
    assert agree("i in (1, null)", i=[1, 2, None]) == [True, None, None]
    assert agree("i not in (1, null)", i=[1, 2]) == [False, None]
    assert agree("i between null and 10", i=[5, 11]) == [None, False]


def test_to_date_gives_null_for_text_that_does_not_parse() -> None:
    """to_date() reads only what its format describes (ASCII digits); anything else is null in both engines."""
    s = ["2024-01-31", "2024-1-5", "2024-02-30", " 2024-01-31", "2024-01-31 10:00", "٢٠٢٤-01-01", "2024-01-31\n"]
    assert agree("to_date(s)", s=s) == [date(2024, 1, 31), date(2024, 1, 5), None, None, None, None, None]
    assert agree("to_date(s, '%d.%m.%Y')", s=["31.01.2024", "1.2.2024", "31/01/2024"]) == [
        date(2024, 1, 31),
        date(2024, 2, 1),
        None,
    ]
    stamps = agree("to_timestamp(s, '%Y-%m-%dT%H:%M:%S.%f')", s=["2024-01-31T10:11:12.5", "2024-01-31T25:00:00.1"])
    assert stamps == [datetime(2024, 1, 31, 10, 11, 12, 500000), None]


def test_number_conversions_read_plain_decimal_text_only() -> None:
    """DuckDB alone would read ' 7', '1_000' and '0x10', and cast '1.5' to 2; both engines refuse them."""
    s = ["12", "-3.5", "1e3", " 7", "+4", "1_000", "0x10", "1.5", ".5"]
    assert agree("to_number(s)", s=s) == [12.0, -3.5, 1000.0, None, 4.0, None, None, 1.5, 0.5]
    assert agree("to_int(s)", s=s) == [12, None, None, None, 4, None, None, None, None]
    assert agree("to_int(x)", x=[2.7, -2.7, math.nan, 1e30]) == [2, -2, None, None]


def test_upper_and_lower_agree_on_special_cases() -> None:
    """Full case mappings (ß, ligatures), dotted capital I and the final sigma give one answer in both."""
    s = ["straße", "ﬁne", "ΑΣ ΣΑ", "İstanbul", "ǅ"]
    assert agree("upper(s)", s=s) == ["STRAẞE", "FINE", "ΑΣ ΣΑ", "İSTANBUL", "Ǆ"]
    assert agree("lower(s)", s=s) == ["straße", "ﬁne", "ασ σα", "istanbul", "ǆ"]  # noqa: RUF001


def test_upper_and_lower_agree_on_every_code_point() -> None:
    """Over all of Unicode: a new disagreement after an engine upgrade is listed so the tables can be redone."""
    frame = pl.DataFrame(
        {"row": range(0x110000 - 2048), "s": [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]}
    )
    connection = duckdb.connect()
    connection.register("t", frame)
    schema = {"row": T.INT64, "s": T.STRING}
    for function in ("upper", "lower"):
        expr = parse(f"{function}(s)")
        polars_result = frame.select("s", p=to_polars(expr, schema))
        duckdb_result = connection.sql(f'SELECT {to_sql(expr, schema)} AS d FROM t ORDER BY "row"').pl()
        differ = polars_result.hstack(duckdb_result).filter(pl.col("p") != pl.col("d"))
        assert differ.height == 0, f"{function}() differs for {differ.rows()[:20]}"
    assert SQL_UPPER_FIXES and SQL_LOWER_FIXES


def test_date_strings_compared_with_date_columns_are_read_as_dates() -> None:
    """The usual date filter, a string literal against a date column, is read at check time as a date."""
    days = [date(2023, 12, 31), date(2024, 1, 1), None]
    assert agree("d >= '2024-01-01'", d=days) == [False, True, None]
    assert agree("d < '2024-01-01 12:00'", d=days) == [True, True, None]  # a timestamp literal: compared as datetimes
    assert agree("d in ('2024-01-01', '2023-12-31')", d=days) == [True, True, None]


def test_filter_keeps_the_same_rows_in_both_engines(con: duckdb.DuckDBPyConnection) -> None:
    """A boolean expression used as a filter keeps the same rows (null counts as false in both)."""
    for text in ("i > 0 and b", "s ilike '%e%' or x is null", "d >= '2000-01-01' and not c", "i in (1, 2, null)"):
        expr = parse(text)
        kept = FRAME.filter(to_polars(expr, SCHEMA))["row"].to_list()
        rows = con.sql(f'SELECT "row" FROM t WHERE {to_sql(expr, SCHEMA)} ORDER BY "row"').pl()["row"].to_list()
        assert kept == rows and 0 < len(kept) < ROWS


# Parsing.


def test_parse_builds_frozen_nodes_with_sql_precedence() -> None:
    """or < and < not < comparison < || < + - < * / % // < unary minus; positions do not affect equality."""
    a, b, c = ast.Column("a"), ast.Column("b"), ast.Column("c")
    assert parse("a or b and c") == ast.Binary("or", a, ast.Binary("and", b, c))
    assert parse("not a = b") == ast.Unary("not", ast.Binary("=", a, b))
    assert parse("a || b + c") == ast.Binary("||", a, ast.Binary("+", b, c))
    assert parse("-a * b") == ast.Binary("*", ast.Unary("-", a), b)
    assert parse("a + b * c") == parse("a+(b*c)")
    assert parse("a <> b") == parse("a != b") and parse("a == b") == parse("a = b")
    assert parse("-9223372036854775808") == ast.Literal(-(2**63))
    with pytest.raises(AttributeError):
        parse("a").name = "b"  # type: ignore[misc]


def test_parse_reads_literals_keywords_and_quoted_names() -> None:
    """Numbers, '' escapes, typed date literals, any-case keywords, "double quoted" and `backtick` names."""
    assert parse("1.5") == ast.Literal(1.5) and parse(".5") == ast.Literal(0.5) and parse("1e3") == ast.Literal(1000.0)
    assert parse("'it''s'") == ast.Literal("it's")
    assert parse("date '2024-01-31'") == ast.Literal(date(2024, 1, 31))
    assert parse("TIMESTAMP '2024-01-31 12:00:00'") == ast.Literal(datetime(2024, 1, 31, 12))
    assert parse('"first ""nick"" name"') == ast.Column('first "nick" name')
    assert parse("`first name`") == parse('"first name"')
    assert parse("x IS NOT NULL") == ast.IsNull(ast.Column("x"), negated=True)
    assert parse("date") == ast.Column("date")  # a keyword only before a string


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("(i + 1", "at character 7: expected ')' but found end of expression"),
        ("lower(s", "at character 8: expected ',' or ')' but found end of expression"),
        ("i +", "at character 4: expected an expression but found end of expression"),
        ("", "at character 1: expected an expression but found end of expression"),
        ("i = = 1", "at character 5: expected an expression but found '='"),
        ("i j", "at character 3: expected an operator or end of expression but found 'j'"),
        ("1 < i < 5", "at character 7: comparisons cannot be chained"),
        ("'abc", "at character 1: unterminated string"),
        ('"abc', "at character 1: unterminated quoted name"),
        ("i $ 2", "at character 3: unexpected character '$'"),
        ("x is 5", "at character 6: expected 'null' but found '5'"),
        ("x not 5", "at character 7: expected 'in', 'like', 'ilike' or 'between' after 'not'"),
        ("s like 'a' escape 'ab'", "at character 19: expected a one-character string after 'escape'"),
        ("case when b then 1", "at character 19: expected 'end' but found end of expression"),
        ("i between 1 or 2", "at character 13: expected 'and' but found 'or'"),
        ("99999999999999999999", "at character 1: integer 99999999999999999999 is out of range for int64"),
        ("1e999", "at character 1: number 1e999 is too large"),
        ("date '2024-02-30'", "at character 6: '2024-02-30' is not a valid date"),
        ("x and or y", "at character 7: expected an expression but found 'or'"),
    ],
)
def test_parse_errors_name_the_position_and_what_was_expected(text: str, message: str) -> None:
    """Each syntax error says where (1-based character) and what the parser wanted there."""
    with pytest.raises(ExpressionError) as caught:
        parse(text)
    assert message in caught.value.message
    assert isinstance(caught.value, Invalid)


def test_ten_thousand_nested_parentheses_give_a_clean_error() -> None:
    """Deep input is refused with an ExpressionError, never a RecursionError."""
    with pytest.raises(ExpressionError, match="nested too deeply"):
        parse("(" * 10_000 + "1" + ")" * 10_000)
    with pytest.raises(ExpressionError, match="nested too deeply"):
        parse("1" + " + 1" * 10_000)  # no parser recursion, but a tree 10,000 deep
    with pytest.raises(ExpressionError, match="nested too deeply"):
        parse("-" * 10_000 + "i")


def test_a_deep_tree_built_in_code_is_refused_by_check() -> None:
    """Trees that did not come from parse() are depth-checked too."""
    expr: ast.Expr = ast.Column("i")
    for _ in range(5_000):
        expr = ast.Unary("-", expr)
    with pytest.raises(ExpressionError, match="nested too deeply"):
        check(expr, SCHEMA)


def test_long_chains_under_the_depth_limit_run_in_both_engines(con: duckdb.DuckDBPyConnection) -> None:
    """A 150-term sum and a 150-item or-chain compile and agree."""
    run_both(" + ".join(["i"] * 150), con)
    run_both(" or ".join(f"i = {k}" for k in range(150)), con)


def test_nesting_that_would_blow_up_the_sql_text_is_refused() -> None:
    """Floor division repeats its operands in SQL; nesting it deeply is refused before the text explodes."""
    text = "i"
    for _ in range(40):
        text = f"(i // ({text}))"
    with pytest.raises(ExpressionError, match="too large to compile"):
        to_sql(parse(text), SCHEMA)


# Checking.


def test_check_returns_the_type_and_the_columns_used() -> None:
    """Checked carries the result type and every column read, as columns() does."""
    expr = parse("if(b, length(s), i) > x")
    assert check(expr, SCHEMA) == Checked(T.BOOL, frozenset({"b", "s", "i", "x"}))
    assert columns(expr) == frozenset({"b", "s", "i", "x"})
    assert check(parse("i + x"), SCHEMA).type == T.FLOAT64
    assert check(parse("i // j"), SCHEMA).type == T.INT64
    assert check(parse("i / j"), SCHEMA).type == T.FLOAT64
    assert check(parse("s"), SCHEMA).type == T.STRING  # not boolean: a filter's caller decides


CUSTOMERS: Schema = {"customer_id": T.INT64, "age": T.INT64, "name": T.STRING, "signup": T.DATE}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("custmer_id > 1", "unknown column 'custmer_id'; did you mean 'customer_id'?"),
        ("Customer_ID > 1", "unknown column 'Customer_ID'; did you mean 'customer_id'?"),
        ("zzz > 1", "unknown column 'zzz' (columns: customer_id, age, name, signup)"),
        ("lower(age)", "lower() expects a string, got int64 (column 'age')"),
        ("age = 'abc'", "cannot compare int64 with string (column 'age', literal 'abc')"),
        ("name + 1", "'+' expects a number, got string (column 'name')"),
        ("age and true", "'and' expects booleans, got int64 (column 'age')"),
        ("substr(name)", "substr() takes 2 to 3 arguments (substr(text, start[, length])), got 1"),
        ("lowr(name)", "unknown function 'lowr'; did you mean lower()?"),
        ("substring(name, 1, 2)", "unknown function 'substring'; did you mean substr()?"),
        ("today()", "today() is not allowed: an expression must give the same answer every time it runs"),
        ("signup >= now()", "now() is not allowed"),
        ("signup >= '2024-13-01'", "'2024-13-01' is not a date: write 'YYYY-MM-DD'"),
        ("signup = 'yesterday'", "'yesterday' is not a date"),
        ("age = null", "comparing with null never gives true or false; write 'x is null'"),
        ("name like upper(name)", "'like' expects a pattern written as a literal"),
        ("name like 'a!' escape '!'", "the pattern 'a!' ends with its escape character"),
        ("concat(name, 1.5)", "concat() cannot turn a float64 into text the same way in every engine"),
        ("if(age, 1, 2)", "if() expects a boolean condition, got int64 (column 'age')"),
        ("if(age > 1, 1, 'x')", "if() branches have different types: int64 and string (literal 'x')"),
        ("round(age, 1.5)", "round() expects digits as an integer"),
        ("split_part(name, '', 1)", "split_part() expects the separator as a non-empty string literal"),
        ("split_part(name, ' ', age)", "split_part() expects the part's number written as a literal"),
        ("date_trunc('mnth', signup)", "date_trunc() does not know the unit 'mnth'; did you mean 'month'?"),
        ("hour(signup)", "hour() expects a datetime, got date (column 'signup')"),
        ("to_date(name, '%Y-%q')", "to_date() format: unsupported directive '%q'"),
        ("replace(name, name, 'x')", "replace() expects the text to find written as a literal (column 'name')"),
    ],
)
def test_check_errors_name_columns_types_and_suggestions(text: str, message: str) -> None:
    """Each checking error names the column or literal at fault and, where it can, what was meant."""
    with pytest.raises(ExpressionError) as caught:
        check(parse(text), CUSTOMERS)
    assert message in caught.value.message


def test_check_reports_every_problem_in_one_message() -> None:
    """Errors are collected over the whole tree and joined by '; '."""
    with pytest.raises(ExpressionError) as caught:
        check(parse("lower(age) = custmer_id or frobnicate(nam)"), CUSTOMERS)
    assert caught.value.message == (
        "lower() expects a string, got int64 (column 'age'); unknown column 'custmer_id'; "
        "did you mean 'customer_id'?; unknown function 'frobnicate'; unknown column 'nam'; did you mean 'name'?"
    )


def test_names_that_differ_only_in_case_are_refused() -> None:
    """DuckDB resolves "A" to column a even when quoted, so such a reference would read the wrong column."""
    with pytest.raises(ExpressionError, match="differs from 'a' only in case"):
        check(parse('"A" > 1'), {"a": T.INT64, "A": T.INT64})


# Safety of the generated SQL.


def test_a_column_name_with_sql_in_it_is_quoted_and_read_as_that_column() -> None:
    """A name like `a" OR 1=1 --` is one quoted identifier: DuckDB reads exactly that column."""
    name = 'a" OR 1=1 --'
    expr = parse('"a"" OR 1=1 --" > 1')
    assert columns(expr) == {name}
    assert to_sql(expr, {name: T.INT64}) == '("a"" OR 1=1 --" > CAST(1 AS BIGINT))'
    assert agree('"a"" OR 1=1 --" > 1', **{name: [0, 5, None]}) == [False, True, None]


def test_a_string_literal_with_sql_in_it_stays_a_string(con: duckdb.DuckDBPyConnection) -> None:
    """Quotes in literals are doubled: the SQL compares with the text and runs nothing else."""
    expr = parse("s = 'x''); DROP TABLE t; --'")
    assert to_sql(expr, SCHEMA) == "(\"s\" = 'x''); DROP TABLE t; --')"
    assert run_both("s = 'x''); DROP TABLE t; --'", con).sum() == 0
    assert con.sql("SELECT count(*) FROM t").fetchall() == [(ROWS,)]


@pytest.mark.parametrize("text", ["x'); DROP TABLE t; --", "1; DROP TABLE t", '"a"" OR 1=1 --'])
def test_text_that_is_not_an_expression_is_refused_before_any_sql(text: str) -> None:
    """Injection attempts are syntax errors: an unterminated string, a stray ';', an unterminated name."""
    with pytest.raises(ExpressionError, match="at character"):
        parse(text)
