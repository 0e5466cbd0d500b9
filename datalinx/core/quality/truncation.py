"""Evidence for self-censoring: does a column's observed distribution thin out abruptly where values went missing?

Data alone cannot prove MNAR. What it can show: if values above (or below) some point were hidden, the observed
density drops there by the share that was kept, and the values missing from that tail add up to about the number
of nulls. The histogram's log-density is fitted as a smooth quadratic plus a step (a Poisson regression); a step
is accepted only when it is significant across all candidate cut points and the hidden values it implies agree
with the null count.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

BINS = 40
MIN_Z = 3.5  # Bonferroni over the ~35 cut points tried, at 1%
AGREEMENT = (0.5, 2.0)  # implied hidden values / nulls must fall in this range


@dataclass
class Truncation:
    """A step in the observed density consistent with the nulls having been cut from one tail."""

    side: str  # "upper" or "lower"
    cut: float  # in the column's own units
    kept: float  # estimated share of values kept beyond the cut
    implied_missing: float
    z: float
    log_scale: bool


def _skew(values: np.ndarray) -> float:
    centred = values - values.mean()
    spread = centred.std()
    return float(np.mean(centred**3) / spread**3) if spread > 0 else 0.0


def _scale(values: np.ndarray) -> tuple[np.ndarray, bool]:
    """Log scale for positive, right-skewed columns, where a quadratic log-density fits much better."""
    if values.min() > 0 and abs(_skew(np.log(values))) < abs(_skew(values)):
        return np.log(values), True
    return values, False


def _poisson_fits(designs: np.ndarray, counts: np.ndarray, start: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Coefficients and log-likelihoods (up to a constant) of many Poisson regressions at once, by IRLS.

    `designs` is (models, bins, parameters); `start` holds the first coefficients of every model's fit.
    """
    models, _, size = designs.shape
    beta = np.zeros((models, size))
    beta[:, : start.size] = start
    for _ in range(30):
        eta = np.einsum("mbp,mp->mb", designs, beta)
        mu = np.exp(np.clip(eta, -30, 30))
        target = eta + (counts - mu) / mu
        gram = np.einsum("mbp,mb,mbq->mpq", designs, mu, designs) + 1e-9 * np.eye(size)
        right = np.einsum("mbp,mb->mp", designs, mu * target)
        step = np.linalg.solve(gram, right[..., None])[..., 0]
        converged = np.max(np.abs(step - beta)) < 1e-7
        beta = step
        if converged:
            break
    mu = np.exp(np.clip(np.einsum("mbp,mp->mb", designs, beta), -30, 30))
    return beta, np.sum(counts * np.log(np.maximum(mu, 1e-300)) - mu, axis=1)


def _poisson_fit(design: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, float]:
    """One Poisson regression (see `_poisson_fits`), started from the mean count."""
    beta, fit = _poisson_fits(design[None], counts, np.array([math.log(max(counts.mean(), 1e-9))]))
    return beta[0], float(fit[0])


def _histogram(x: np.ndarray, discrete: bool) -> tuple[np.ndarray, np.ndarray]:
    low, high = np.quantile(x, [0.01, 0.99])
    if discrete:
        width = max(1.0, math.ceil((high - low + 1) / BINS))
        edges = np.arange(math.floor(low) - 0.5, math.ceil(high) + 0.5 + width, width)
    else:
        edges = np.linspace(low, high, BINS + 1)
    counts, edges = np.histogram(x, bins=edges)
    return counts.astype(float), edges


def find_truncation(observed: np.ndarray, nulls: int) -> Truncation | None:
    """The most significant density step that explains `nulls` hidden values, or None."""
    values = observed[np.isfinite(observed)].astype(float)
    if nulls < 10 or values.size < 200 or np.unique(values).size < 10:
        return None
    x, log_scale = _scale(values)
    discrete = not log_scale and bool(np.all(x == np.round(x)))
    counts, edges = _histogram(x, discrete)
    if counts.size < 8 or edges[-1] <= edges[0]:
        return None
    centres = (edges[:-1] + edges[1:]) / 2
    u = (centres - centres.mean()) / (np.ptp(centres) / 2)
    linear = np.column_stack([np.ones_like(u), u])
    quadratic = np.column_stack([linear, u * u])
    linear_beta, linear_fit = _poisson_fit(linear, counts)
    quadratic_beta, quadratic_fit = _poisson_fit(quadratic, counts)
    # One indicator per cut covers both sides: a rise below the cut is the same fit as a drop above it.
    cuts = np.arange(2, counts.size - 2)
    steps = (np.arange(counts.size)[None, :] >= cuts[:, None]).astype(float)
    with_line = np.concatenate([np.broadcast_to(linear, (cuts.size, *linear.shape)), steps[..., None]], axis=2)
    line_beta, line_fits = _poisson_fits(with_line, counts, linear_beta)
    # A straight log-density with a step competes with a curved one (same number of parameters): when the step wins,
    # it is tested against the straight line; otherwise a step must improve on the curve itself.
    if line_fits.max() > quadratic_fit:
        fits, deltas, baseline = line_fits, line_beta[:, -1], linear_fit
    else:
        with_curve = np.concatenate(
            [np.broadcast_to(quadratic, (cuts.size, *quadratic.shape)), steps[..., None]], axis=2
        )
        curve_beta, fits = _poisson_fits(with_curve, counts, quadratic_beta)
        deltas, baseline = curve_beta[:, -1], quadratic_fit
    candidates = [
        (float(fit), float(delta), int(b), baseline) for fit, delta, b in zip(fits, deltas, cuts, strict=True)
    ]
    best: Truncation | None = None
    for fit, delta, b, baseline in candidates:
        side = 1 if delta < 0 else -1
        kept = math.exp(-abs(delta))
        z = math.sqrt(max(0.0, 2 * (fit - baseline)))
        if not 0.05 < kept < 0.85 or z < MIN_Z:
            continue
        cut = edges[b]
        beyond = int(np.count_nonzero(x >= cut)) if side > 0 else int(np.count_nonzero(x < cut))
        implied = beyond * (1 - kept) / kept
        if not AGREEMENT[0] * nulls <= implied <= AGREEMENT[1] * nulls:
            continue
        if best is None or z > best.z:
            shown = math.exp(cut) if log_scale else cut
            best = Truncation("upper" if side > 0 else "lower", float(shown), kept, implied, z, log_scale)
    return best
