"""Lines where a grid of values crosses a level: cost contours and decision boundaries.

Both are computed off the GUI thread (the landscape's thread, the training thread) and drawn
as segments, so the screen only moves line items.
"""

from __future__ import annotations

import numpy as np

from desktopdl.core.views import Rect


def contour_segments(image: np.ndarray, level: float) -> np.ndarray:
    """Line segments (S × 2 points × (column, row)) where ``image`` crosses ``level``.

    Marching squares, vectorised with numpy: each cell whose corners straddle the level
    contributes one segment (two at a saddle). pyqtgraph's IsocurveItem does the same in a
    Python loop, ~2 ms a level for 100×100, in the GUI thread; this runs beside the
    landscape, off it.
    """
    v = np.asarray(image, dtype=np.float64)
    low = v < level
    corners_low = (
        low[:-1, :-1].astype(np.int8) + low[:-1, 1:] + low[1:, :-1] + low[1:, 1:]
    )  # how many of each cell's four corners lie below the level
    # Only the cells the level passes through (a boundary crosses a few hundred of a 200 ×
    # 200 grid's 40,000): working on every cell cost ~6 ms a snapshot, a fifth of the
    # training thread's time at 40 snapshots a second. The order stays row-major.
    rows, cols = np.nonzero((corners_low > 0) & (corners_low < 4))
    if rows.size == 0:
        return np.zeros((0, 2, 2))
    a, b = v[rows, cols], v[rows, cols + 1]  # bottom-left, bottom-right (row i)
    d, c = v[rows + 1, cols], v[rows + 1, cols + 1]  # top-left, top-right (row i + 1)
    rows, cols = rows.astype(np.float64), cols.astype(np.float64)

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
    hits = np.stack([hit for hit, _ in edges], axis=-1)  # (cells, 4)
    points = np.stack([pt for _, pt in edges], axis=-2)  # (cells, 4, 2)
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


def to_plane(segments: np.ndarray, shape: tuple[int, int], rect: Rect) -> np.ndarray:
    """Segments in cell-centre grid units (column, row) → plane coordinates over ``rect``
    (the grid's cells cover the rect, like a surface image placed with setRect)."""
    rows, cols = shape
    scale = np.array([rect.width / cols, rect.height / rows])
    return (segments + 0.5) * scale + np.array([rect.xmin, rect.ymin])


def decision_boundary(image: np.ndarray, rect: Rect) -> np.ndarray:
    """Where a classifier changes its answer, as segments (S × 2 × 2) in plane coordinates.

    One probability per cell (rows × columns): the 0.5 contour. Class probabilities
    (rows × columns × K): the edges between neighbouring cells whose most likely classes
    differ, an outline that follows the grid (marching squares per class cost K times as
    much, too much beside training)."""
    if image.ndim == 2:
        return to_plane(contour_segments(image, 0.5), image.shape, rect)
    winner = image.argmax(axis=-1)
    rows, cols = winner.shape
    segments = []
    across = np.nonzero(winner[:, 1:] != winner[:, :-1])  # a vertical edge right of (r, c)
    if across[0].size:
        r, c = across
        x = c + 0.5
        segments.append(np.stack([np.stack([x, r - 0.5], -1), np.stack([x, r + 0.5], -1)], 1))
    down = np.nonzero(winner[1:, :] != winner[:-1, :])  # a horizontal edge above (r, c)
    if down[0].size:
        r, c = down
        y = r + 0.5
        segments.append(np.stack([np.stack([c - 0.5, y], -1), np.stack([c + 0.5, y], -1)], 1))
    if not segments:
        return np.zeros((0, 2, 2))
    return to_plane(np.concatenate(segments).astype(np.float64), (rows, cols), rect)
