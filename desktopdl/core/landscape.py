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


def contour_segments(image: np.ndarray, level: float) -> np.ndarray:
    """Line segments (S × 2 points × (column, row)) where ``image`` crosses ``level``.

    Marching squares, vectorised with numpy: each cell whose corners straddle the level
    contributes one segment (two at a saddle). pyqtgraph's IsocurveItem does the same in a
    Python loop, ~2 ms a level for 100×100, in the GUI thread; this runs beside the
    landscape, off it.
    """
    v = np.asarray(image, dtype=np.float64)
    a, b = v[:-1, :-1], v[:-1, 1:]  # bottom-left, bottom-right (row i)
    d, c = v[1:, :-1], v[1:, 1:]  # top-left, top-right (row i + 1)
    rows, cols = np.mgrid[0 : v.shape[0] - 1, 0 : v.shape[1] - 1].astype(np.float64)

    def crossing(p, q):
        hit = (p < level) != (q < level)
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(hit, (level - p) / (q - p), 0.0)
        return hit, t

    edges = []
    for (p, q), (x0, y0, dx, dy) in (
        ((a, b), (cols, rows, 1, 0)),  # bottom
        ((b, c), (cols + 1, rows, 0, 1)),  # right
        ((d, c), (cols, rows + 1, 1, 0)),  # top
        ((a, d), (cols, rows, 0, 1)),  # left
    ):
        hit, t = crossing(p, q)
        edges.append((hit, np.stack([x0 + dx * t, y0 + dy * t], axis=-1)))
    hits = np.stack([hit for hit, _ in edges], axis=-1)  # (r, c, 4)
    points = np.stack([pt for _, pt in edges], axis=-2)  # (r, c, 4, 2)
    count = hits.sum(axis=-1)
    segments = []
    two = count == 2
    if two.any():
        order = np.argsort(~hits[two], axis=-1, kind="stable")[:, :2]
        chosen = np.take_along_axis(points[two], order[..., None], axis=1)
        segments.append(chosen)
    four = count == 4
    if four.any():
        pts = points[four]
        centre_low = ((a + b + c + d) / 4)[four] < level
        low_a = (a < level)[four]
        # Join the edges around the corners that differ from the centre.
        same = centre_low == low_a
        first = np.where(same[:, None, None], pts[:, [0, 1]], pts[:, [0, 3]])
        second = np.where(same[:, None, None], pts[:, [2, 3]], pts[:, [2, 1]])
        segments += [first, second]
    if not segments:
        return np.zeros((0, 2, 2))
    return np.concatenate(segments)
