"""Training points: an immutable set of 2-D points with integer class labels.

The canvas edits produce a new PointSet each time instead of mutating one, so the GUI can
hand a set to the training thread without either side seeing the other's changes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_CLASSES = 9


@dataclass(frozen=True, eq=False)
class PointSet:
    """Points ``xy`` (n×2 float64) and labels (n int64). For regression, labels are all 0."""

    xy: np.ndarray
    labels: np.ndarray

    def __post_init__(self) -> None:
        xy = np.array(self.xy, dtype=np.float64).reshape(-1, 2)
        labels = np.array(self.labels, dtype=np.int64).reshape(-1)
        if len(xy) != len(labels):
            raise ValueError(f"{len(xy)} points but {len(labels)} labels")
        if not np.all(np.isfinite(xy)):
            raise ValueError("point coordinates must be finite numbers (no NaN or infinity)")
        if len(labels) and (labels.min() < 0 or labels.max() >= MAX_CLASSES):
            raise ValueError(f"class labels must be between 0 and {MAX_CLASSES - 1}")
        xy.setflags(write=False)
        labels.setflags(write=False)
        object.__setattr__(self, "xy", xy)
        object.__setattr__(self, "labels", labels)

    @classmethod
    def empty(cls) -> PointSet:
        return cls(np.zeros((0, 2)), np.zeros(0, dtype=np.int64))

    def __len__(self) -> int:
        return len(self.labels)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PointSet):
            return NotImplemented
        return np.array_equal(self.xy, other.xy) and np.array_equal(self.labels, other.labels)

    def __hash__(self) -> int:
        return hash((self.xy.tobytes(), self.labels.tobytes()))

    def class_counts(self, n_classes: int) -> np.ndarray:
        return np.bincount(self.labels, minlength=n_classes)[:n_classes]

    def with_point(self, x: float, y: float, label: int) -> PointSet:
        return PointSet(np.vstack([self.xy, [[x, y]]]), np.append(self.labels, label))

    def without(self, index: int) -> PointSet:
        return PointSet(np.delete(self.xy, index, axis=0), np.delete(self.labels, index))

    def inserted(self, index: int, x: float, y: float, label: int) -> PointSet:
        return PointSet(
            np.insert(self.xy, index, [x, y], axis=0), np.insert(self.labels, index, label)
        )

    def moved(self, index: int, x: float, y: float) -> PointSet:
        xy = self.xy.copy()
        xy[index] = (x, y)
        return PointSet(xy, self.labels)

    def nearest(self, x: float, y: float, scale: tuple[float, float] = (1.0, 1.0)) -> int | None:
        """Index of the point nearest (x, y), distances measured in units of ``scale``.

        The canvas passes the size of one screen pixel in data units, so "nearest" means
        nearest on screen even when the axes have very different ranges.
        """
        if not len(self):
            return None
        d = (self.xy - (x, y)) / np.asarray(scale, dtype=np.float64)
        return int(np.argmin(np.einsum("ij,ij->i", d, d)))

    def bounds(self, margin: float = 0.15) -> tuple[float, float, float, float]:
        """(xmin, xmax, ymin, ymax) around the points with a margin; a unit box if empty."""
        if not len(self):
            return (0.0, 1.0, 0.0, 1.0)
        lo, hi = self.xy.min(axis=0), self.xy.max(axis=0)
        span = np.maximum(hi - lo, 1.0)
        lo, hi = lo - margin * span, hi + margin * span
        return (float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1]))
