"""Missingness mechanisms: batched tests of every null indicator against every other column, then MCAR/MAR/MNAR.

All tests run as a handful of matrix products on a sample: chi-square counts come from one sparse one-hot matrix
times the null-indicator matrix, and Mann-Whitney rank sums from one rank matrix times the same indicators.
Testing pair by pair was 20x slower on a million rows. Benjamini-Hochberg corrects each column's family of tests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

import numpy as np
import polars as pl
from scipy import sparse, stats

from datalinx.core.quality.context import ScanContext
from datalinx.core.quality.frames import sample_rows
from datalinx.core.quality.profiles import empty_expr, value_counts
from datalinx.core.quality.schemas import MissingnessReport, MissingPredictor
from datalinx.core.quality.truncation import find_truncation

MIN_EFFECT = 0.05  # on large samples tiny differences are significant; below this they are not worth a mechanism
MAX_LEVELS = 50
CO_MISSING = 0.9  # Jaccard overlap of null sets that makes two columns 'missing together'
PROXY = 0.8  # |Spearman| above which a predictor stands in for the column itself


def benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values."""
    if p.size == 0:
        return p
    order = np.argsort(p)
    ranked = p[order] * p.size / np.arange(1, p.size + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty_like(p)
    out[order] = np.minimum(adjusted, 1.0)
    return out


def _indicators(frame: pl.DataFrame, targets: list[str], blank_free: Collection[str] = ()) -> np.ndarray:
    exprs = []
    for name in targets:
        missing = pl.col(name).is_null()
        if frame.schema[name] == pl.String and name not in blank_free:
            missing = missing | empty_expr(name).fill_null(False)
        exprs.append(missing.alias(name))
    return frame.select(exprs).to_numpy().astype(np.float32)


def _is_number(dtype: pl.DataType) -> bool:
    return dtype.is_numeric() or isinstance(dtype, pl.Date | pl.Datetime)


def _numeric(frame: pl.DataFrame, name: str) -> pl.Series:
    if frame.schema[name].is_numeric():
        return frame.get_column(name).cast(pl.Float64).fill_nan(None)
    return frame.get_column(name).cast(pl.Date).cast(pl.Float64)


def _chi_square(frame: pl.DataFrame, names: list[str], m: np.ndarray) -> dict[str, tuple[np.ndarray, ...]]:
    """Per categorical column: chi-square statistic, dof, p and Cramér's V against every null indicator."""
    codes, spans = [], []
    offset = 0
    for name in names:
        text = frame.get_column(name).cast(pl.String)
        levels = value_counts(text).head(MAX_LEVELS).get_column("value")
        code = text.replace_strict(levels, pl.int_range(levels.len(), eager=True), default=-1, return_dtype=pl.Int64)
        code = code.to_numpy()
        codes.append(np.where(code >= 0, code + offset, -1))
        spans.append((offset, levels.len()))
        offset += levels.len()
    rows = np.repeat(np.arange(m.shape[0]), len(names))
    flat = np.column_stack(codes).ravel() if codes else np.empty(0, dtype=np.int64)
    keep = flat >= 0
    onehot = sparse.csr_matrix((np.ones(keep.sum(), np.float32), (flat[keep], rows[keep])), shape=(offset, m.shape[0]))
    nulls = np.asarray(onehot @ m)  # levels x targets
    sizes = np.asarray(onehot.sum(axis=1)).ravel()
    out = {}
    for name, (start, count) in zip(names, spans, strict=True):
        if count < 2:
            continue
        null, size = nulls[start : start + count], sizes[start : start + count, None]
        total, null_total = size.sum(), null.sum(axis=0)
        table = np.stack([null, size - null])  # 2 x levels x targets
        expected = np.stack([np.outer(size, null_total / total), np.outer(size, 1 - null_total / total)])
        with np.errstate(divide="ignore", invalid="ignore"):
            chi = np.nansum((table - expected) ** 2 / np.where(expected > 0, expected, np.nan), axis=(0, 1))
        dof = count - 1
        v = np.sqrt(chi / total / min(1, dof)) if total else np.zeros_like(chi)
        out[name] = (chi, np.full_like(chi, dof), stats.chi2.sf(chi, dof), v)
    return out


def _mann_whitney(
    columns: dict[str, pl.Series], m: np.ndarray, tied: set[str] | None = None
) -> dict[str, tuple[np.ndarray, ...]]:
    """Per numeric column: z, p and 2|AUC - 0.5| of its values between null and non-null rows of every target."""
    names = list(columns)
    if not names:
        return {}
    present = np.column_stack([s.is_not_null().to_numpy() for s in columns.values()])
    ranks = np.zeros(present.shape)
    ties = np.zeros(len(names))
    for i, series in enumerate(columns.values()):
        ranks[present[:, i], i], ties[i] = _ranks(series.drop_nulls().to_numpy())
    # The tie correction matters where values repeat; near-unique columns (`tied` names the others) skip it.
    if tied is not None:
        ties *= [name in tied for name in names]
    present = present.astype(np.float32)
    n1 = m.T @ present  # targets x columns: null rows with a value
    rank_sum = m.T @ ranks
    total = present.sum(axis=0)
    n2 = total - n1
    u = rank_sum - n1 * (n1 + 1) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        variance = n1 * n2 / 12 * ((total + 1) - ties / (total * (total - 1)))
        z = (u - n1 * n2 / 2) / np.sqrt(variance)
        auc = u / (n1 * n2)
    z = np.nan_to_num(z)
    p = 2 * stats.norm.sf(np.abs(z))
    effect = np.nan_to_num(np.abs(auc - 0.5) * 2)
    return {name: (z[:, i], p[:, i], effect[:, i], auc[:, i]) for i, name in enumerate(names)}


def _ranks(values: np.ndarray) -> tuple[np.ndarray, float]:
    """Average ranks (1-based, ties sharing their mean rank) and the tie term sum(t^3 - t), from one sort.

    Polars' rank and a separate value count cost three times as much.
    """
    order = np.argsort(values)
    ordered = values[order]
    starts = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]]))
    counts = np.diff(np.append(starts, values.size))
    ranks = np.empty(values.size)
    ranks[order] = np.repeat(starts + (counts + 1) / 2, counts)
    sizes = counts.astype(np.float64)
    return ranks, float(np.sum(sizes**3 - sizes))


def analyse(ctx: ScanContext) -> list[MissingnessReport]:
    """A mechanism, with its evidence, for every column that has missing values."""
    targets = [n for n, p in ctx.profiles.items() if p.null_count + p.empty_count > 0 and p.semantic_type != "empty"]
    if not targets:
        return []
    index = sample_rows(ctx.rows, ctx.config.missingness_sample_size, ctx.config.seed + 1)
    schema = ctx.frame.schema
    numbers = [n for n, d in schema.items() if _is_number(d) and ctx.profiles[n].distinct_count > 2]
    categorical = [
        n
        for n, p in ctx.profiles.items()
        if n not in numbers and 2 <= p.distinct_count <= MAX_LEVELS * 4 and p.semantic_type not in ("id", "text")
    ]
    # Only the columns tested are sampled: gathering the others (long text, ids) cost as much as the tests.
    wanted = {*targets, *numbers, *categorical}
    columns = ctx.frame.select(n for n in ctx.frame.columns if n in wanted)
    frame = columns if index.size == ctx.rows else columns[index]
    if index.size < ctx.rows:
        ctx.notes.append(f"missingness tests run on a {index.size:,}-row sample")
    m = _indicators(frame, targets, ctx.blank_free())
    numeric = {n: _numeric(frame, n) for n in numbers}
    chi = _chi_square(frame, categorical, m)
    tied = {n for n in numeric if ctx.profiles[n].distinct_count < 0.5 * (ctx.rows - ctx.profiles[n].null_count)}
    mwu = _mann_whitney(numeric, m, tied)
    # Every test as one row of these arrays (columns: targets), so each target's family is a slice, not a loop.
    names = [*chi, *mwu]
    kinds = ["chi-square"] * len(chi) + ["mann-whitney"] * len(mwu)
    stat = np.array([chi[n][0] for n in chi] + [mwu[n][0] for n in mwu]).reshape(len(names), len(targets))
    pval = np.array([chi[n][2] for n in chi] + [mwu[n][1] for n in mwu]).reshape(len(names), len(targets))
    effect = np.array([chi[n][3] for n in chi] + [mwu[n][2] for n in mwu]).reshape(len(names), len(targets))
    counts = m.sum(axis=0)
    overlap = m.T @ m
    reports = []
    for j, target in enumerate(targets):
        together = [
            targets[i]
            for i in range(len(targets))
            if i != j and overlap[i, j] >= CO_MISSING * (counts[i] + counts[j] - overlap[i, j])
        ]
        tested = np.array([n != target and n not in together for n in names], dtype=bool)
        rows = np.flatnonzero(tested)
        adjusted = benjamini_hochberg(pval[rows, j])
        keep = (adjusted < ctx.config.significance) & (effect[rows, j] >= MIN_EFFECT)
        predictors = sorted(
            (
                MissingPredictor(
                    column=names[i],
                    test=kinds[i],
                    statistic=round(float(stat[i, j]), 4),
                    p_value=float(pval[i, j]),
                    p_adjusted=float(a),
                    effect=round(float(effect[i, j]), 4),
                )
                for i, a in zip(rows[keep], adjusted[keep], strict=True)
            ),
            key=lambda p: (p.p_adjusted, -p.effect),
        )
        profile = ctx.profiles[target]
        report = MissingnessReport(
            column=target,
            null_count=profile.null_count + profile.empty_count,
            null_fraction=round((profile.null_count + profile.empty_count) / max(ctx.rows, 1), 6),
            mechanism="MCAR",
            suspected=False,
            predictors=predictors[:10],
            missing_with=together,
            rows_tested=int(frame.height),
        )
        _classify(report, frame, target, int(counts[j]), int(rows.size), numeric, ctx.config.significance)
        reports.append(report)
    _share_mechanisms(reports, frame, numeric)
    return reports


def _share_mechanisms(reports: list[MissingnessReport], frame: pl.DataFrame, numeric: dict[str, pl.Series]) -> None:
    """Columns missing in the same rows that track each other (age, birth date) share the better-evidenced mechanism.

    The tests' power differs between such proxies (a density step is plainer in one than in the other), but their
    nulls are the same event, so what one column shows holds for the other.
    """
    found = {r.column: r for r in reports}
    for report in reports:
        if report.mechanism != "MCAR":
            continue
        for other in (found[c] for c in report.missing_with if c in found):
            proxy = _proxy(frame, report.column, other.column, numeric)
            if other.mechanism == "MCAR" or proxy is None or abs(proxy) < PROXY:
                continue
            report.mechanism, report.suspected = other.mechanism, other.suspected
            report.predictors = other.predictors
            report.evidence = [
                f"missing in the same rows as {other.column}, which tracks it closely (Spearman {proxy:.2f}), "
                f"so the evidence found for {other.column} holds here:",
                *(e for e in other.evidence if not e.startswith("missing in")),
            ]
            break


def _classify(
    report: MissingnessReport,
    frame: pl.DataFrame,
    target: str,
    nulls: int,
    tested: int,
    numeric: dict[str, pl.Series],
    alpha: float,
) -> None:
    if report.missing_with:
        report.evidence.append(f"missing in (nearly) the same rows as {', '.join(report.missing_with)}")
    if report.predictors:
        report.mechanism = "MAR"
        top = report.predictors[0]
        report.evidence.append(
            f"nulls depend on observed columns: {', '.join(p.column for p in report.predictors[:3])} "
            f"(strongest {top.column}: {top.test}, adjusted p={top.p_adjusted:.2g}, effect {top.effect:.2f})"
        )
        proxy = _proxy(frame, target, top.column, numeric)
        if proxy is not None and abs(proxy) >= PROXY:
            report.evidence.append(
                f"{top.column} tracks {target} closely (Spearman {proxy:.2f}), so the nulls may instead depend on "
                f"{target} itself (MNAR); the data cannot tell these apart"
            )
        return
    values = numeric.get(target)
    cut = find_truncation(values.drop_nulls().to_numpy(), nulls) if values is not None else None
    if cut is not None:
        report.mechanism, report.suspected = "MNAR", True
        where = "above" if cut.side == "upper" else "below"
        temporal = isinstance(frame.schema[target], pl.Date | pl.Datetime)
        point = (dt.date(1970, 1, 1) + dt.timedelta(days=round(cut.cut))).isoformat() if temporal else f"{cut.cut:.6g}"
        report.evidence.append(
            f"no observed column explains the nulls ({tested} tests at FDR {alpha:g}), but the observed values thin "
            f"out {where} {point}: about {cut.kept:.0%} of the values expected there are present, so about "
            f"{cut.implied_missing:.0f} are missing from that tail, close to the {nulls} nulls tested"
        )
        report.evidence.append("MNAR cannot be proven from the data; treat this as a suspicion to check at the source")
        return
    report.evidence.append(
        f"no association with any of {tested} other columns after Benjamini-Hochberg correction, and no sign "
        "of values cut from one tail; consistent with missing completely at random"
    )


def _proxy(frame: pl.DataFrame, target: str, predictor: str, numeric: dict[str, pl.Series]) -> float | None:
    if target not in numeric or predictor not in numeric:
        return None
    pair = pl.DataFrame({"a": numeric[target], "b": numeric[predictor]}).drop_nulls()
    if pair.height < 30:
        return None
    return float(pair.select(pl.corr("a", "b", method="spearman")).item())
