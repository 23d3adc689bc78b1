"""The gradient-descent lab beside a lesson's main run: landscapes, slices and races.

``Lab`` is driven by the training thread. It keeps "shadow" trainers that start where the
main run started and take the same number of steps (other optimizers for a race, or the MSE
cost for the comparison with cross-entropy), and it computes the pictures the lab shows:
the cost landscape over two parameters with the others held, a 1-D slice with the current
slope, each shadow's path. Landscapes are cached and recomputed only when what they depend
on has changed, at most a few times a second.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace

import numpy as np

from desktopdl.core.data import PointSet
from desktopdl.core.landscape import cost_landscape, cost_slice
from desktopdl.core.lessons.base import Lesson, Rect
from desktopdl.core.lessons.binary import BinaryClassification, BinaryClassificationMSE
from desktopdl.core.lessons.softmax import OneVsRest, SoftmaxClassification
from desktopdl.core.trainer import OPTIMIZERS, Trainer, TrainSettings

#: Grid cells × data points per landscape, at most: keeps a recompute near 0.2 s.
LANDSCAPE_WORK = 20_000_000
MAX_RESOLUTION = 100
MIN_RESOLUTION = 40
MIN_RECOMPUTE_S = 0.25
#: Replaying a shadow further than this to catch up with the main run is not worth the wait.
MAX_CATCH_UP = 50_000
MSE_LABEL = "MSE"
OVR_LABEL = "one-vs-rest"
OVR_RESOLUTION = 100


@dataclass(frozen=True)
class LabView:
    """What the lab shows: which two parameters, over which region, and which extras."""

    pair: tuple[int, int] = (0, 1)
    rect: Rect | None = None
    compare_mse: bool = False
    race: bool = False
    #: Train K yes/no sigmoid classifiers beside a softmax model.
    one_vs_rest: bool = False


@dataclass(frozen=True)
class Landscape:
    image: np.ndarray
    rect: Rect
    pair: tuple[int, int]
    #: The flat parameters whose other entries were held.
    held: np.ndarray


@dataclass(frozen=True)
class ShadowRun:
    label: str
    path: np.ndarray | None
    cost: float
    step: int
    status: str
    message: str | None


def landscape_resolution(n_points: int) -> int:
    side = int(math.sqrt(LANDSCAPE_WORK / max(n_points, 1)))
    return max(MIN_RESOLUTION, min(MAX_RESOLUTION, side))


class Lab:
    def __init__(self) -> None:
        self.view: LabView | None = None
        self.shadows: dict[str, Trainer] = {}
        self._cache: dict[str, tuple[tuple, Landscape]] = {}
        self._last_compute = 0.0

    @property
    def active(self) -> bool:
        return self.view is not None

    def configure(self, view: LabView | None, main: Trainer) -> None:
        old = self.view
        self.view = view
        if view is not None:
            main.set_recording(True)
        if (
            old is None
            or view is None
            or (old.race, old.compare_mse, old.one_vs_rest)
            != (view.race, view.compare_mse, view.one_vs_rest)
        ):
            self.restart(main)

    def restart(self, main: Trainer) -> None:
        """Shadows start afresh from the main run's start and catch up with its step."""
        self.shadows = {}
        view = self.view
        if view is None:
            return
        labels: list[tuple[str, Lesson, TrainSettings]] = []
        if view.race:
            for name in OPTIMIZERS:
                if name != main.settings.optimizer:
                    labels.append((name, main.lesson, replace(main.settings, optimizer=name)))
        if view.compare_mse and isinstance(main.lesson, BinaryClassification):
            labels.append((MSE_LABEL, BinaryClassificationMSE(), main.settings))
        if view.one_vs_rest and isinstance(main.lesson, SoftmaxClassification):
            labels.append((OVR_LABEL, OneVsRest(main.settings.model), main.settings))
        for label, lesson, settings in labels:
            shadow = Trainer(lesson, main.data, settings)
            shadow.custom_start = main.start.copy()
            shadow.reset()
            shadow.set_recording(True)
            shadow.step(min(main.step_count, MAX_CATCH_UP))
            self.shadows[label] = shadow

    def follow(self, steps: int) -> None:
        """The main run took ``steps`` steps: every shadow takes as many."""
        if steps:
            for shadow in self.shadows.values():
                shadow.step(steps)

    def set_data(self, data: PointSet) -> None:
        for shadow in self.shadows.values():
            shadow.set_data(data)

    def set_settings(self, settings: TrainSettings) -> None:
        for label, shadow in self.shadows.items():
            optimizer = label if label in OPTIMIZERS else settings.optimizer
            shadow.set_settings(replace(settings, optimizer=optimizer))

    def extras(self, main: Trainer, canvas_rect: Rect | None = None) -> dict:
        """The lab's pictures for a snapshot of ``main``."""
        view = self.view
        if view is None or main.x_train is None:
            return {}
        ovr = self.shadows.get(OVR_LABEL)
        if ovr is not None and canvas_rect is not None and ovr.x_train is not None:
            if np.all(np.isfinite(ovr.flat_params())):
                return {
                    "ovr_surface": ovr.lesson.surface(ovr.params, canvas_rect, OVR_RESOLUTION),
                    "ovr_params": tuple(p.detach().cpu().numpy().copy() for p in ovr.params),
                }
        theta = main.flat_params()
        shadows = {}
        for label, shadow in self.shadows.items():
            snap = shadow.snapshot()
            shadows[label] = ShadowRun(
                label, snap.path, snap.cost, snap.step, snap.status, snap.message
            )
        out: dict = {"shadows": shadows}
        if view.rect is not None and np.all(np.isfinite(theta)):
            out["landscape"] = self._landscape("main", main.lesson, main.data, theta, view)
            if MSE_LABEL in self.shadows:
                mse = self.shadows[MSE_LABEL]
                out["landscape_mse"] = self._landscape(
                    MSE_LABEL, mse.lesson, mse.data, mse.flat_params(), view
                )
            index = view.pair[0]
            out["slice"] = cost_slice(
                main.lesson, main.data, theta, index, view.rect.xmin, view.rect.xmax
            )
        return out

    def _landscape(
        self, key: str, lesson: Lesson, data: PointSet, theta: np.ndarray, view: LabView
    ) -> Landscape | None:
        """Recompute when the region, the pair, the data or a held parameter changed, but
        no more often than MIN_RECOMPUTE_S; otherwise hand back the cached picture."""
        held = theta.copy()
        held[list(view.pair)] = 0
        span = max(view.rect.width, view.rect.height)
        signature = (view.rect, view.pair, hash(data), tuple(np.round(held / (span * 1e-3), 0)))
        cached = self._cache.get(key)
        if cached is not None:
            if cached[0] == signature:
                return cached[1]
            if time.perf_counter() - self._last_compute < MIN_RECOMPUTE_S:
                return cached[1]
        image = cost_landscape(
            lesson, data, theta, view.pair, view.rect, landscape_resolution(len(data))
        )
        landscape = Landscape(image, view.rect, view.pair, theta.copy())
        image.setflags(write=False)
        self._cache[key] = (signature, landscape)
        self._last_compute = time.perf_counter()
        return landscape
