"""What a column means, guessed from its name and a sample of its values: ids, emails, phones, dates, units..."""

from __future__ import annotations

import re

import polars as pl

from datalinx.core.quality.schemas import SemanticType

EMAIL = r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
LOOSE_EMAIL = r"@|^\S+\.\S+\.[a-z]{2,}$"
URL = r"^(https?://|www\.)[^\s/$.?#][^\s]*\.[^\s]{2,}"
LOOSE_URL = r"^(https?://|www\.)"
PHONE_CHARS = r"^[+(]?[0-9][0-9 ()./-]{5,22}$"
PHONE_DIGITS = r"^(?:[^0-9]*[0-9]){7,15}[^0-9]*$"  # 7 to 15 digits; 3x faster than counting them
SEVEN_DIGITS = r"^(?:[^0-9]*[0-9]){7}"  # at least 7
MEASURE = r"^\s*[-+]?[0-9]+(?:[.,][0-9]+)?\s*([A-Za-zµ°%]{1,6})\s*$"
CURRENCY = r"^\s*(?:[$€£¥]\s*[-+]?[0-9][0-9,]*(?:\.[0-9]+)?|[-+]?[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:[$€£¥]|[A-Z]{3}))\s*$"
POSTAL = r"^(?:[0-9]{4,6}(?:-[0-9]{4})?|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}|[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9])$"
# 'none' and 'unknown' are left out: they are often real categories ("internet_service = none").
PLACEHOLDERS = ["", "n/a", "na", "null", "nil", "-", "--", "?", "nan", "missing", "#n/a"]
# The same set as one pattern, spaces and case ignored: cheaper than stripping and lower-casing every value.
BLANK = r"(?i)^\s*(n/?a|null|nil|-{1,2}|\?|nan|missing|#n/a)?\s*$"
# Date formats tried on text columns, the most common first; one format is the column's 'dominant' one.
DATE_FORMATS = [
    "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%Y.%m.%d",
    "%Y/%m/%d", "%d-%m-%Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y%m%d",
]  # fmt: skip
_ID_NAME = re.compile(r"(^|_)(id|uuid|guid|key|ref|code|number|no)$|^(id|uuid|guid)|[a-z](Id|ID|Ref)$")
_PHONE_NAME = re.compile(r"phone|mobile|tel(ephone)?$|fax|cell", re.IGNORECASE)
_POSTAL_NAME = re.compile(r"zip|postal|postcode|plz", re.IGNORECASE)
_BOOL_TEXT = {"true", "false", "yes", "no", "y", "n", "t", "f", "0", "1"}


def is_numeric(dtype: pl.DataType) -> bool:
    """Integers, floats and decimals."""
    return dtype.is_numeric()


def is_temporal(dtype: pl.DataType) -> bool:
    """Dates and datetimes (times and durations are treated as numbers elsewhere)."""
    return isinstance(dtype, pl.Date | pl.Datetime)


def id_like_name(name: str) -> bool:
    """Whether a column name reads like an identifier (customer_id, order_ref, uuid...)."""
    return bool(_ID_NAME.search(name) or _ID_NAME.search(name.lower()))


def pattern_family(values: pl.Expr) -> pl.Expr:
    """The shape of a value with digit runs as '9' and letter runs as 'A': '+49 160 1234567' -> '+9 9 9'."""
    return values.str.replace_all(r"[0-9]+", "9").str.replace_all(r"[^\W\d_]+", "A")


def pattern_mask(values: pl.Expr) -> pl.Expr:
    """The value with each digit as '9' and each letter as 'A': '030-1234' -> '999-9999'."""
    return values.str.replace_all(r"[0-9]", "9").str.replace_all(r"[^\W\d_]", "A")


def best_date_formats(sample: pl.Series, *, minimum: float = 0.8) -> list[tuple[str, int]]:
    """The date formats matching a text sample, by how many values each parses (first match wins), or []."""
    text = sample.drop_nulls().str.strip_chars()
    if text.len() == 0 or text.str.contains(r"[0-9]").mean() < minimum:  # type: ignore[operator]
        return []
    remaining = pl.Series(values=[True] * text.len())
    found: list[tuple[str, int]] = []
    frame = pl.DataFrame({"v": text})
    for fmt in DATE_FORMATS:
        parsed = frame.select(pl.col("v").str.to_date(fmt, strict=False).is_not_null()).to_series()
        hits = parsed & remaining
        count = int(hits.sum())
        if count:
            found.append((fmt, count))
            remaining = remaining & ~parsed
    total = sum(count for _, count in found)
    return sorted(found, key=lambda item: -item[1]) if total >= minimum * text.len() else []


def infer_semantic_type(
    name: str, dtype: pl.DataType, sample: pl.Series, distinct: int, rows: int, shares: dict[str, float] | None = None
) -> SemanticType:
    """The semantic type of a column from its name, dtype, sample, distinct count and (text) `text_shares`."""
    values = sample.drop_nulls()
    if values.len() == 0:
        return "empty"
    if dtype == pl.Boolean:
        return "boolean"
    if is_temporal(dtype):
        return "datetime"
    non_null = max(rows, 1)
    if is_numeric(dtype):
        if distinct == 2 and set(values.unique().cast(pl.Float64).to_list()) <= {0.0, 1.0}:
            return "boolean"
        if dtype.is_integer() and id_like_name(name):
            return "id"
        if dtype.is_integer() and _POSTAL_NAME.search(name):
            return "postal_code"
        return "numeric" if distinct > 20 or not dtype.is_integer() else "categorical"
    if dtype != pl.String:
        return "categorical" if distinct <= 50 else "text"
    text = values.str.strip_chars()
    share = shares if shares is not None else text_shares(pl.DataFrame({"v": text}), ["v"])["v"]
    if distinct <= 2 and set(text.str.to_lowercase().unique().to_list()) <= _BOOL_TEXT:
        return "boolean"
    if share["email"] >= 0.6:
        return "email"
    if share["url"] >= 0.6:
        return "url"
    if best_date_formats(text.head(2_000)):
        return "date_string"
    if share["phone"] >= 0.6 and (_PHONE_NAME.search(name) or share["phone"] >= 0.9):
        return "phone"
    if _POSTAL_NAME.search(name) and share["postal"] >= 0.6:
        return "postal_code"
    if share["currency"] >= 0.8 and share["number"] < 0.8:
        return "currency"
    if share["measure"] >= 0.8:
        return "measure"
    if share["number"] >= 0.95:
        return "numeric"
    if id_like_name(name) and (
        distinct >= 0.9 * non_null or (share["single_token"] >= 0.95 and share["has_digit"] >= 0.95)
    ):
        return "id"
    if distinct <= max(50, 0.01 * non_null) and distinct < 0.5 * non_null:
        return "categorical"
    if distinct >= 0.98 * non_null and share["single_token"] >= 0.95 and share["has_digit"] >= 0.95:
        return "id"
    return "text"


def _share_exprs(v: pl.Expr) -> dict[str, pl.Expr]:
    return {
        "email": v.str.contains(LOOSE_EMAIL).mean(),
        "url": v.str.contains(LOOSE_URL).mean(),
        "phone": (v.str.contains(PHONE_CHARS) & v.str.contains(SEVEN_DIGITS)).mean(),
        "postal": v.str.contains(POSTAL).mean(),
        "currency": v.str.contains(CURRENCY).mean(),
        "measure": v.str.contains(MEASURE).mean(),
        "number": v.str.replace_all(",", "").cast(pl.Float64, strict=False).is_not_null().mean(),
        "single_token": (~v.str.contains(r"\s")).mean(),
        "has_digit": v.str.contains(r"[0-9]").mean(),
    }


def text_shares(sample: pl.DataFrame, names: list[str]) -> dict[str, dict[str, float]]:
    """Per text column, the shares of its stripped non-null values shaped like emails, URLs, phones... in one query."""
    exprs = [
        expr.alias(f"{name}\0{key}")
        for name in names
        for key, expr in _share_exprs(pl.col(name).drop_nulls().str.strip_chars()).items()
    ]
    shares: dict[str, dict[str, float]] = {name: {} for name in names}
    if exprs:
        # Lazy, so each column is stripped once for its nine tests.
        for key, value in sample.lazy().select(exprs).collect().row(0, named=True).items():
            name, share = key.split("\0")
            shares[name][share] = float(value or 0.0)
    return shares
