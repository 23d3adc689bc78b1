"""The benchmark's synthetic point clouds, numpy only, so a child process can make the same
data without importing anything heavier than the app itself imports."""

from __future__ import annotations

import numpy as np


def two_blobs(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two overlapping gaussian classes: not separable, so the cost has a finite minimum and
    long full-speed runs never saturate the sigmoid into log(0)."""
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % 2
    centres = np.where(labels[:, None] == 0, [2.0, 2.0], [4.5, 4.0])
    return centres + rng.normal(0.0, 1.0, size=(n, 2)), labels


def noisy_line(n: int, seed: int = 0) -> np.ndarray:
    """Points around y = 0.8x + 1 on x in [0, 8], like the 8-point preset but many."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.0, 8.0, n)
    return np.column_stack([x, 0.8 * x + 1.0 + rng.normal(0.0, 0.5, n)])
