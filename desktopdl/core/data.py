"""Data kinds: what a lesson trains on, and the small protocol every kind follows.

A lesson names its data kind (``Lesson.data_kind``); the trainer, the lesson files and the
page only use the ``Dataset`` protocol below, so an image set or a sequence can join the
2-D points without any of them changing. Data is immutable: an edit makes a new set, so the
GUI can hand a set to the training thread without either side seeing the other's changes.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import ClassVar, Protocol, runtime_checkable

import numpy as np

from desktopdl.core.text import T

MAX_CLASSES = 9
#: The most points one lesson holds (a lesson file with more is refused).
MAX_POINTS = 100_000
#: Coordinates beyond this are refused: the cost of a line through them overflows float32.
MAX_COORDINATE = 1e6


class DataError(ValueError):
    """Data that cannot be read from a lesson file; the message says why in plain words."""


@runtime_checkable
class Dataset(Protocol):
    """What the trainer and the lesson files need of any data kind."""

    #: The name stored in lesson files ("points", later "images", "sequence").
    kind: ClassVar[str]

    @classmethod
    def empty(cls) -> Dataset:
        """No data yet (a fresh page, after Clear)."""
        ...

    def __len__(self) -> int: ...

    def fingerprint(self) -> str:
        """Equal for equal data: caches (landscapes, splits) key on it."""
        ...

    def to_json(self) -> dict: ...

    @classmethod
    def from_json(cls, doc: dict) -> Dataset:
        """The data a lesson file holds; raises DataError with a sentence when it is bad."""
        ...

    def subset(self, indices: np.ndarray) -> Dataset: ...

    def split(self, validation_share: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
        """(training indices, validation indices), the same for the same data and seed."""
        ...


def seeded_split(n: int, validation_share: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Hold out round(share × n) items, chosen by a seeded shuffle (any data kind uses it).

    At least one item stays for training; with a share of 0 nothing is held out."""
    if n == 0 or validation_share <= 0:
        return np.arange(n), np.zeros(0, dtype=np.int64)
    held = min(n - 1, max(1, round(validation_share * n)))
    order = np.random.default_rng(seed).permutation(n)
    return np.sort(order[held:]), np.sort(order[:held])


@dataclass(frozen=True, eq=False)
class PointSet:
    """Points ``xy`` (n×2 float64) and labels (n int64). For regression, labels are all 0."""

    kind: ClassVar[str] = "points"

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

    def fingerprint(self) -> str:
        digest = hashlib.blake2b(self.xy.tobytes(), digest_size=12)
        digest.update(self.labels.tobytes())
        return digest.hexdigest()

    def to_json(self) -> dict:
        return {"kind": self.kind, "points": self.xy.tolist(), "labels": self.labels.tolist()}

    @classmethod
    def from_json(cls, doc: dict) -> PointSet:
        points, labels = doc.get("points"), doc.get("labels")
        if not isinstance(points, list) or not isinstance(labels, list):
            raise DataError(T("'points' and 'labels' must be lists."))
        if len(points) > MAX_POINTS:
            raise DataError(
                T(
                    "There are {count} points; the most a lesson holds is {limit}.",
                    count=len(points),
                    limit=MAX_POINTS,
                )
            )
        if len(points) != len(labels):
            raise DataError(
                T(
                    "There are {count} points but {labels} labels.",
                    count=len(points),
                    labels=len(labels),
                )
            )
        for point in points:
            if (
                not isinstance(point, list)
                or len(point) != 2
                or not all(is_finite_number(v) for v in point)
            ):
                raise DataError(
                    T(
                        "Every point must be two finite numbers [x, y], found {point}.",
                        point=f"{point!r:.60}",
                    )
                )
            if any(abs(v) > MAX_COORDINATE for v in point):
                raise DataError(
                    T(
                        "The coordinate in {point} is too large (keep within ±1,000,000).",
                        point=f"{point!r:.60}",
                    )
                )
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in labels):
            raise DataError(T("Every label must be a whole number."))
        # Checked here, not only by the array: −1 and labels ≥ 2⁶³ otherwise reach the
        # teacher as numpy's "Python int too large to convert to C long".
        if not all(0 <= v < MAX_CLASSES for v in labels):
            raise DataError(
                T("Every label must be a class from 0 to {most}.", most=MAX_CLASSES - 1)
            )
        try:
            return cls(points, labels)
        except (ValueError, OverflowError) as error:
            raise DataError(str(error)) from None

    def subset(self, indices: np.ndarray) -> PointSet:
        return PointSet(self.xy[indices], self.labels[indices])

    def split(self, validation_share: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
        return seeded_split(len(self), validation_share, seed)

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


def is_finite_number(value: object) -> bool:
    """A JSON number that is a real, finite value (not a bool, NaN, infinity, or an integer
    too large for a float)."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


#: Every data kind by the name lesson files store ("points"…); a new kind adds itself here.
DATA_KINDS: dict[str, type[Dataset]] = {PointSet.kind: PointSet}
