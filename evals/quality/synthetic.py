"""Generated datasets for what the demo data lacks: more formats, ML problems, and missingness with known mechanisms."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import polars as pl
from pydantic import BaseModel

MECHANISMS = ("MCAR", "MAR", "MNAR")


class Injected(BaseModel):
    """Rows of one injected issue type."""

    type: str
    columns: list[str]
    rows: list[int]


class Generated(BaseModel):
    """A generated Parquet file with its injected issues and the mechanism behind each column's nulls."""

    name: str
    path: str
    issues: list[Injected]
    mechanisms: dict[str, str]


def _pick(rng: np.random.Generator, free: set[int], count: int, where: np.ndarray | None = None) -> list[int]:
    pool = np.array(sorted(free if where is None else free & set(np.flatnonzero(where).tolist())))
    chosen = sorted(rng.choice(pool, size=min(count, pool.size), replace=False).tolist())
    free.difference_update(chosen)
    return chosen


def signals(folder: Path, seed: int, rows: int = 20_000) -> Generated:
    """Formats (URL, phone, numbers and dates as text), a learnable label with flipped rows, and train/test leakage."""
    rng = np.random.default_rng(seed)
    free = set(range(rows))
    x = rng.normal(size=(rows, 4))
    group = rng.choice(["alpha", "beta", "gamma"], size=rows, p=[0.5, 0.3, 0.2])
    margin = 1.5 * x[:, 0] - 1.0 * x[:, 1] + 0.8 * x[:, 2] + np.where(group == "beta", 0.7, 0.0) - 1.2
    label = (margin > 0).astype(int)
    start = dt.date(2020, 1, 1)
    days = rng.integers(0, 1500, size=rows)
    data = {
        "event_id": np.arange(1, rows + 1),
        "x0": x[:, 0].round(4), "x1": x[:, 1].round(4), "x2": x[:, 2].round(4), "x3": x[:, 3].round(4),
        "group": group,
        "site": [f"https://shop{n % 97}.example.com/p/{n}" for n in range(rows)],
        "contact": [f"+44 20 {rng.integers(1000, 9999)} {rng.integers(1000, 9999)}" for _ in range(rows)],
        "amount_text": [f"{v:.2f}" for v in rng.gamma(2.0, 30.0, size=rows)],
        "event_day": [(start + dt.timedelta(days=int(d))).isoformat() for d in days],
        "label": label,
        "split": np.where(rng.random(rows) < 0.8, "train", "test"),
    }  # fmt: skip
    issues = []
    for column, kind, bad in (
        ("site", "invalid_url", ["htp:/broken", "www", "https://", "shop dot com", "https://exa mple.com"]),
        ("contact", "invalid_phone", ["12", "call me", "+44 20", "n/a 555", "0"]),
        ("amount_text", "type_mismatch", ["12,5x", "abc", "1.2.3", "ten", "$$"]),
        ("event_day", "invalid_date", ["2024-02-30", "2023-13-01", "not a date", "31/31/2024", "2024-00-10"]),
    ):
        picked = _pick(rng, free, rows // 100)
        values = list(data[column])
        for n, row in enumerate(picked):
            values[row] = bad[n % len(bad)]
        data[column] = values
        issues.append(Injected(type=kind, columns=[column], rows=picked))
    flipped = _pick(rng, free, rows // 100, np.abs(margin) > 0.5)
    data["label"][flipped] = 1 - data["label"][flipped]
    issues.append(Injected(type="label_noise", columns=["label"], rows=flipped))
    leaked = _pick(rng, free, rows // 200, data["split"] == "test")
    sources = _pick(rng, free, len(leaked), data["split"] == "train")  # clean rows, each copied once
    for row, source in zip(leaked, sources, strict=True):
        for column in ("x0", "x1", "x2", "x3", "group", "site", "contact", "amount_text", "event_day", "label"):
            data[column][row] = data[column][source]
    issues.append(Injected(type="train_test_leakage", columns=["split"], rows=leaked))
    path = folder / f"signals_{seed}.parquet"
    pl.DataFrame(data).write_parquet(path)
    return Generated(name=path.stem, path=str(path), issues=issues, mechanisms={})


def missing(folder: Path, seed: int, rows: int = 20_000) -> Generated:
    """Columns with nulls by known mechanisms: completely at random, driven by other columns, or by the value itself."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=rows)
    amount = rng.lognormal(4.0, 0.6, size=rows)
    group = rng.choice(list("ABCDE"), size=rows)
    tier = rng.choice(["basic", "plus", "pro"], size=rows, p=[0.6, 0.3, 0.1])
    day = rng.integers(0, 3650, size=rows)
    frame = {"x": x, "amount": amount, "group": group, "tier": tier, "day": day}
    hidden: dict[str, tuple[np.ndarray, np.ndarray, str]] = {}

    def own(values: np.ndarray, mask: np.ndarray, mechanism: str, name: str) -> None:
        hidden[name] = (values, mask, mechanism)

    u = rng.random
    own(rng.normal(50, 10, rows), u(rows) < 0.10, "MCAR", "mcar_normal")
    own(rng.lognormal(3, 0.8, rows), u(rows) < 0.05, "MCAR", "mcar_skewed")
    own(rng.choice(["red", "green", "blue"], rows).astype(object), u(rows) < 0.08, "MCAR", "mcar_category")
    own(rng.integers(18, 90, rows).astype(float), u(rows) < 0.06, "MCAR", "mcar_uniform")
    own(rng.choice(["x", "y"], rows).astype(object), (group == "A") & (u(rows) < 0.4), "MAR", "mar_by_group")
    own(rng.normal(0, 1, rows), u(rows) < 1 / (1 + np.exp(-(2 * x - 2))), "MAR", "mar_by_x")
    own(rng.lognormal(2, 0.5, rows), (tier == "pro") & (u(rows) < 0.5), "MAR", "mar_by_tier")
    own(rng.integers(0, 100, rows).astype(float), (day > 3000) & (u(rows) < 0.3), "MAR", "mar_by_day")
    values = rng.normal(100, 15, rows)
    own(values, (values > np.quantile(values, 0.85)) & (u(rows) < 0.5), "MNAR", "mnar_high")
    values = rng.lognormal(10, 0.5, rows)
    own(values, (values < np.quantile(values, 0.10)) & (u(rows) < 0.6), "MNAR", "mnar_low")
    values = rng.integers(18, 90, rows).astype(float)
    own(values, (values >= 65) & (u(rows) < 0.4), "MNAR", "mnar_age")
    values = rng.normal(0, 1, rows)
    own(values, u(rows) < 1 / (1 + np.exp(-(2.5 * values - 3))), "MNAR", "mnar_smooth")
    for name, (values, mask, _) in hidden.items():
        column = values.astype(object) if values.dtype == object else values.astype(float)
        if column.dtype == object:
            frame[name] = pl.Series(
                name, [None if m else v for v, m in zip(column, mask, strict=True)], dtype=pl.String
            )
        else:
            frame[name] = pl.Series(name, np.where(mask, np.nan, column)).fill_nan(None)
    frame["day"] = pl.Series("day", day).cast(pl.Int32).cast(pl.Date)
    path = folder / f"missing_{seed}.parquet"
    pl.DataFrame(frame).write_parquet(path)
    return Generated(
        name=path.stem, path=str(path), issues=[], mechanisms={name: m for name, (_, _, m) in hidden.items()}
    )
