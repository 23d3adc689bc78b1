"""Cost landscapes: the cost over a grid of two parameters, the others held, and 1-D slices.

Evaluated as batched tensor expressions (``Lesson.grid_cost``) in chunks, so a 100×100 grid
over 10,000 points is one pass of matrix arithmetic rather than 10,000 cost calls; the
training thread computes it, never the GUI.
"""

from __future__ import annotations

import numpy as np
import torch

from desktopdl.core.data import Dataset
from desktopdl.core.lessons.base import Lesson
from desktopdl.core.views import Rect

#: Grid rows × data points evaluated per chunk: small enough to stay in cache (1 MB of
#: float32), which measured faster than larger chunks at 1,000 and 10,000 points.
CHUNK_ELEMENTS = 250_000


def _cost_rows(lesson: Lesson, data: Dataset, theta: torch.Tensor) -> np.ndarray:
    x, y = lesson.tensors(data)
    rows = max(1, CHUNK_ELEMENTS // max(len(data), 1))
    out = np.empty(len(theta), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, len(theta), rows):
            out[start : start + rows] = lesson.grid_cost(theta[start : start + rows], x, y).numpy()
    return out


def cost_landscape(
    lesson: Lesson,
    data: Dataset,
    theta: np.ndarray,
    pair: tuple[int, int],
    rect: Rect,
    resolution: int,
) -> np.ndarray:
    """Cost over ``rect`` of parameters ``pair`` (x = pair[0], y = pair[1]), the others held
    at ``theta``'s values. Rows are y (row-major, like the probability surface)."""
    i, j = pair
    xs = np.linspace(rect.xmin, rect.xmax, resolution, dtype=np.float32)
    ys = np.linspace(rect.ymin, rect.ymax, resolution, dtype=np.float32)
    grid = np.repeat(np.asarray(theta, dtype=np.float32)[None, :], resolution * resolution, 0)
    gy, gx = np.meshgrid(ys, xs, indexing="ij")
    grid[:, i] = gx.reshape(-1)
    grid[:, j] = gy.reshape(-1)
    costs = _cost_rows(lesson, data, torch.from_numpy(grid))
    return costs.reshape(resolution, resolution)


def cost_slice(
    lesson: Lesson,
    data: Dataset,
    theta: np.ndarray,
    index: int,
    lo: float,
    hi: float,
    points: int = 400,
) -> tuple[np.ndarray, np.ndarray]:
    """(values, costs): the cost as parameter ``index`` sweeps lo..hi, the others held."""
    values = np.linspace(lo, hi, points, dtype=np.float32)
    grid = np.repeat(np.asarray(theta, dtype=np.float32)[None, :], points, 0)
    grid[:, index] = values
    return values, _cost_rows(lesson, data, torch.from_numpy(grid))


def default_view(lesson: Lesson, data: Dataset, start: np.ndarray, pair: tuple[int, int]) -> Rect:
    """A landscape region that holds the start and what the lesson names as worth seeing
    (for a line, the least-squares (W, b))."""
    points = [np.asarray(start, dtype=np.float64)[list(pair)]]
    points += [np.asarray(anchor)[list(pair)] for anchor in lesson.landscape_anchors(data)]
    points = np.array(points)
    lo, hi = points.min(axis=0), points.max(axis=0)
    half = np.maximum((hi - lo) * 0.75, 2.0)
    centre = (lo + hi) / 2
    return Rect(centre[0] - half[0], centre[0] + half[0], centre[1] - half[1], centre[1] + half[1])
