"""Wordfish: a one-dimensional Poisson scaling of the speakers' word counts.

Slapin and Proksch's model (2008): the count of word ``j`` in speaker ``i``'s
speech is Poisson with ``log mean = alpha_i + psi_j + beta_j * omega_i``, where
``alpha`` is how much the speaker says, ``psi`` how common the word is, ``beta``
how much the word tells the two ends of the scale apart, and ``omega`` the
speaker's position. The parameters are estimated by alternating Newton steps
(words given speakers, speakers given words) from a correspondence-analysis
start, with a weak normal prior on ``beta`` and ``omega`` that keeps rare words
and short speeches from running off; ``omega`` is standardised (mean 0, sd 1).
The direction of the scale is not identified by the model: the caller orients it.
"""

from __future__ import annotations

import numpy as np

__all__ = ["wordfish"]

_CLIP = 30.0  # exp(30) is far above any word count; keeps exp() finite


def wordfish(
    counts: np.ndarray, *, n_iter: int = 40, prior: float = 1.0, random_state: int = 0
) -> np.ndarray:
    """Speakers' positions ``omega`` from a speakers x words count matrix.

    Parameters
    ----------
    counts
        Dense non-negative counts, one row per speaker (each with some words).
    n_iter
        Alternating Newton rounds.
    prior
        Standard deviation of the normal prior on ``beta`` and ``omega``.
    random_state
        Unused by the deterministic start; kept so that every random step has a seed.

    Returns
    -------
    numpy.ndarray
        One standardised position per row of ``counts``.

    Examples
    --------
    >>> import numpy as np
    >>> left = np.array([[9, 1, 5], [8, 2, 5]]); right = left[:, ::-1]
    >>> omega = wordfish(np.vstack([left, right]))
    >>> bool(np.sign(omega[0]) == np.sign(omega[1]) != np.sign(omega[2]))
    True
    """
    y = np.asarray(counts, dtype=float)
    alpha, psi, beta, omega = _start(y)
    precision = 1.0 / prior**2
    for _ in range(n_iter):
        psi, beta = _word_step(y, alpha, psi, beta, omega, precision)
        alpha, omega = _speaker_step(y, alpha, psi, beta, omega, precision)
        mean, sd = omega.mean(), omega.std() or 1.0
        psi, beta, omega = psi + beta * mean, beta * sd, (omega - mean) / sd
    return omega


def _start(y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Correspondence analysis' first dimension as the starting positions."""
    rows, cols = y.sum(axis=1), y.sum(axis=0)
    total = y.sum()
    expected = np.outer(rows, cols) / total
    residual = (y - expected) / np.sqrt(np.maximum(expected, 1e-12))
    u, _, _ = np.linalg.svd(residual, full_matrices=False)
    omega = u[:, 0] / (u[:, 0].std() or 1.0)
    omega -= omega.mean()
    alpha = np.log(np.maximum(rows, 1.0) / max(rows[0], 1.0))
    psi = np.log(np.maximum(y.mean(axis=0), 1e-3))
    beta = np.zeros(y.shape[1])
    return alpha, psi, beta, omega


def _rate(alpha: np.ndarray, psi: np.ndarray, beta: np.ndarray, omega: np.ndarray) -> np.ndarray:
    eta = alpha[:, None] + psi[None, :] + omega[:, None] * beta[None, :]
    return np.exp(np.clip(eta, -_CLIP, _CLIP))


def _newton_2x2(
    g0: np.ndarray, g1: np.ndarray, h00: np.ndarray, h01: np.ndarray, h11: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Solve ``H d = g`` for many 2x2 systems at once (H negative definite)."""
    det = h00 * h11 - h01 * h01
    det = np.where(np.abs(det) < 1e-12, -1e-12, det)
    return (h11 * g0 - h01 * g1) / det, (h00 * g1 - h01 * g0) / det


def _word_step(
    y: np.ndarray,
    alpha: np.ndarray,
    psi: np.ndarray,
    beta: np.ndarray,
    omega: np.ndarray,
    precision: float,
) -> tuple[np.ndarray, np.ndarray]:
    mu = _rate(alpha, psi, beta, omega)
    r = y - mu
    g0, g1 = r.sum(axis=0), (r * omega[:, None]).sum(axis=0) - precision * beta
    h00 = -mu.sum(axis=0)
    h01 = -(mu * omega[:, None]).sum(axis=0)
    h11 = -(mu * (omega**2)[:, None]).sum(axis=0) - precision
    d0, d1 = _newton_2x2(g0, g1, h00, h01, h11)
    return psi - np.clip(d0, -2, 2), beta - np.clip(d1, -2, 2)


def _speaker_step(
    y: np.ndarray,
    alpha: np.ndarray,
    psi: np.ndarray,
    beta: np.ndarray,
    omega: np.ndarray,
    precision: float,
) -> tuple[np.ndarray, np.ndarray]:
    mu = _rate(alpha, psi, beta, omega)
    r = y - mu
    g0, g1 = r.sum(axis=1), (r * beta[None, :]).sum(axis=1) - precision * omega
    h00 = -mu.sum(axis=1)
    h01 = -(mu * beta[None, :]).sum(axis=1)
    h11 = -(mu * (beta**2)[None, :]).sum(axis=1) - precision
    d0, d1 = _newton_2x2(g0, g1, h00, h01, h11)
    return alpha - np.clip(d0, -2, 2), omega - np.clip(d1, -2, 2)
