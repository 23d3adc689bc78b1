"""Generated point sets for the classification lessons, each with a point count and noise.

All are seeded (same seed → same points) and drawn in the canvas's default region, about
−5…5 on both axes, so the surfaces and the network's neurons have room to show structure.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from desktopdl.core.data import PointSet
from desktopdl.core.text import T

VIEW = (-6.0, 6.0, -6.0, 6.0)
LECTURE_NONLINEAR_X = [[1, 2], [2, 3], [3, 4], [4, 4], [5, 3], [6, 2], [6, 4]]
LECTURE_NONLINEAR_Y = [0, 0, 0, 1, 1, 1, 0]


def blobs(n: int, noise: float, rng: np.random.Generator, classes: int = 2) -> PointSet:
    """Gaussian clusters on a circle, one per class."""
    labels = np.arange(n) % classes
    angles = 2 * np.pi * labels / classes + np.pi / 4
    centres = 3.2 * np.column_stack([np.cos(angles), np.sin(angles)])
    return PointSet(centres + rng.normal(scale=0.4 + 2.0 * noise, size=(n, 2)), labels)


def xor(n: int, noise: float, rng: np.random.Generator, classes: int = 2) -> PointSet:
    """Four quadrants: class 1 where x₁ and x₂ share a sign."""
    xy = rng.uniform(-4.5, 4.5, size=(n, 2))
    xy += np.sign(xy) * 0.3  # a small gap along the axes
    labels = (np.sign(xy[:, 0]) == np.sign(xy[:, 1])).astype(int)
    return PointSet(xy + rng.normal(scale=2.0 * noise, size=(n, 2)), labels)


def circles(n: int, noise: float, rng: np.random.Generator, classes: int = 2) -> PointSet:
    """A disc of class 0 inside a ring of class 1."""
    labels = np.arange(n) % 2
    radius = np.where(labels == 0, rng.uniform(0, 2.0, n), rng.uniform(3.2, 5.0, n))
    angle = rng.uniform(0, 2 * np.pi, n)
    xy = radius[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    return PointSet(xy + rng.normal(scale=2.0 * noise, size=(n, 2)), labels)


def moons(n: int, noise: float, rng: np.random.Generator, classes: int = 2) -> PointSet:
    """Two interleaved half-moons."""
    labels = np.arange(n) % 2
    t = rng.uniform(0, np.pi, n)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)])
    xy = np.where(labels[:, None] == 0, upper, lower)
    xy = (xy - [0.5, 0.25]) * 3.5
    return PointSet(xy + rng.normal(scale=1.5 * noise, size=(n, 2)), labels)


def spirals(n: int, noise: float, rng: np.random.Generator, classes: int = 2) -> PointSet:
    """Interleaved spiral arms, one per class (two by default)."""
    labels = np.arange(n) % classes
    t = rng.uniform(0.25, 1.0, n) ** 0.5 * 3.2 * np.pi
    angle = t + 2 * np.pi * labels / classes
    radius = t / (3.2 * np.pi) * 5.0
    xy = radius[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    return PointSet(xy + rng.normal(scale=1.2 * noise, size=(n, 2)), labels)


def lecture_nonlinear(n: int, noise: float, rng: np.random.Generator, classes: int = 2) -> PointSet:
    """The lecture's 7 points; count and noise do not apply."""
    return PointSet(LECTURE_NONLINEAR_X, LECTURE_NONLINEAR_Y)


GENERATORS: dict[str, tuple[str, Callable[..., PointSet]]] = {
    "blobs": (T("Blobs"), blobs),
    "xor": (T("XOR"), xor),
    "circles": (T("Circles"), circles),
    "moons": (T("Moons"), moons),
    "spirals": (T("Two spirals"), spirals),
    "lecture": (T("Lecture's non-linear test (7 points)"), lecture_nonlinear),
}
#: Generators that can make more than two classes.
MULTICLASS = ("blobs", "spirals")


def generate(
    name: str, n: int = 200, noise: float = 0.1, seed: int = 0, classes: int = 2
) -> PointSet:
    """A named data set with n points; noise 0…1 blurs the classes into each other."""
    if name not in GENERATORS:
        raise KeyError(f"unknown data set {name!r}; choose from {', '.join(GENERATORS)}")
    if not 1 <= n <= 100_000:
        raise ValueError("the point count must be between 1 and 100,000")
    classes = classes if name in MULTICLASS else 2
    rng = np.random.default_rng(seed)
    return GENERATORS[name][1](int(n), float(noise), rng, classes)
