"""The gradient-descent lab beside a lesson's main run: landscapes, slices and races.

``Lab`` is driven by the training thread. It keeps "shadow" trainers that start where the
main run started and take the same number of steps (other optimizers for a race, or the MSE
cost for the comparison with cross-entropy), and it computes the pictures the lab shows:
the cost landscape over two parameters with the others held, a 1-D slice with the current
slope, each shadow's path. Landscapes are cached and recomputed only when what they depend
on has changed, at most a few times a second.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace

import numpy as np

from desktopdl.core.data import PointSet
from desktopdl.core.landscape import contour_segments, cost_landscape, cost_slice
from desktopdl.core.lessons.base import Lesson, Rect
from desktopdl.core.lessons.binary import BinaryClassification, BinaryClassificationMSE
from desktopdl.core.lessons.softmax import OneVsRest, SoftmaxClassification
from desktopdl.core.trainer import OPTIMIZERS, Trainer, TrainSettings

#: Cells per side of a landscape: at least 100 × 100, whatever the number of points.
LANDSCAPE_RESOLUTION = 100
MIN_RECOMPUTE_S = 0.25
SLICE_POINTS = 200
CONTOUR_LEVELS = 9
SLICE_INTERVAL_S = 0.1
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
    #: The lab page on screen ("landscape", "slice", "ledger", or None): only its pictures
    #: are computed, while recording and the races go on.
    page: str | None = "landscape"


@dataclass(frozen=True)
class Landscape:
    image: np.ndarray
    rect: Rect
    pair: tuple[int, int]
    #: The flat parameters whose other entries were held.
    held: np.ndarray
    #: log10 of the cost, what the colours show (costs span decades).
    shade: np.ndarray | None = None
    #: Contour lines of ``shade`` at CONTOUR_LEVELS evenly spaced levels, as segments
    #: (S × 2 points × (x, y)) in parameter coordinates.
    contours: np.ndarray | None = None


@dataclass(frozen=True)
class ShadowRun:
    label: str
    path: np.ndarray | None
    cost: float
    step: int
    status: str
    message: str | None


def landscape_resolution(n_points: int) -> int:
    """The lab's grid side for a data set of this size (computed off the training thread,
    so it need not shrink for large sets)."""
    return LANDSCAPE_RESOLUTION


class Lab:
    """Shadows and pictures for one lesson's run. With ``background=True`` (the app) the
    landscapes are computed in a thread of their own: torch releases the GIL in the grid
    arithmetic, so neither training nor the window waits for a 100×100 grid over 10,000
    points (~0.5 s); the newest finished picture is shown until the next one is ready."""

    def __init__(self, background: bool = False) -> None:
        self.view: LabView | None = None
        self.shadows: dict[str, Trainer] = {}
        self._cache: dict[str, tuple[tuple, Landscape]] = {}
        self._pending: dict[str, tuple[tuple, Future]] = {}
        self._executor = ThreadPoolExecutor(max_workers=1) if background else None
        self._last_compute = 0.0
        self._last_slice = 0.0
        self._slice: tuple | None = None

    @property
    def active(self) -> bool:
        return self.view is not None

    @property
    def wants_gradient(self) -> bool:
        """The slice page draws the slope at the current parameters."""
        return self.view is not None and self.view.page == "slice"

    def picture_ready(self) -> bool:
        """A landscape finished in the background and is not on screen yet."""
        return any(future.done() for _signature, future in self._pending.values())

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)

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
            shadow.set_recording(label != OVR_LABEL)
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
        """The lab's pictures for a snapshot of ``main``: only what the page on screen needs."""
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
        out: dict = {}
        if view.page == "landscape":
            out["shadows"] = {
                label: ShadowRun(
                    label,
                    shadow.path(),
                    shadow.current_cost(),
                    shadow.step_count,
                    shadow.status,
                    shadow.message,
                )
                for label, shadow in self.shadows.items()
            }
        if view.rect is None or not np.all(np.isfinite(theta)):
            return out
        if view.page == "landscape":
            pictures = {"landscape": self._landscape("main", main.lesson, main.data, theta, view)}
            if MSE_LABEL in self.shadows:
                mse = self.shadows[MSE_LABEL]
                pictures["landscape_mse"] = self._landscape(
                    MSE_LABEL, mse.lesson, mse.data, mse.flat_params(), view
                )
            out.update({key: value for key, value in pictures.items() if value is not None})
        elif view.page == "slice":
            now = time.perf_counter()
            if self._slice is None or now - self._last_slice >= SLICE_INTERVAL_S:
                self._slice = cost_slice(
                    main.lesson,
                    main.data,
                    theta,
                    view.pair[0],
                    view.rect.xmin,
                    view.rect.xmax,
                    SLICE_POINTS,
                )
                self._last_slice = now
            out["slice"] = self._slice
        return out

    def _landscape(
        self, key: str, lesson: Lesson, data: PointSet, theta: np.ndarray, view: LabView
    ) -> Landscape | None:
        """Recompute when the region, the pair, the data or a held parameter changed, but
        no more often than MIN_RECOMPUTE_S; meanwhile hand back the newest finished one."""
        held = theta.copy()
        held[list(view.pair)] = 0
        span = max(view.rect.width, view.rect.height)
        signature = (view.rect, view.pair, hash(data), tuple(np.round(held / (span * 1e-3), 0)))
        pending = self._pending.get(key)
        if pending is not None and pending[1].done():
            del self._pending[key]
            if pending[1].exception() is None:
                self._cache[key] = (pending[0], pending[1].result())
            pending = None
        cached = self._cache.get(key)
        fresh = cached is not None and cached[0] == signature
        recent = time.perf_counter() - self._last_compute < MIN_RECOMPUTE_S
        if fresh or pending is not None or (cached is not None and recent):
            return cached[1] if cached is not None else None
        self._last_compute = time.perf_counter()
        job = (lesson, data, theta.copy(), view.pair, view.rect)
        if self._executor is None:
            self._cache[key] = (signature, _compute_landscape(*job))
            return self._cache[key][1]
        self._pending[key] = (signature, self._executor.submit(_compute_landscape, *job))
        return cached[1] if cached is not None else None


def _compute_landscape(
    lesson: Lesson, data: PointSet, theta: np.ndarray, pair: tuple[int, int], rect: Rect
) -> Landscape:
    image = cost_landscape(lesson, data, theta, pair, rect, LANDSCAPE_RESOLUTION)
    image.setflags(write=False)
    shade = np.log10(np.maximum(image, 1e-12)).astype(np.float32)
    finite = shade[np.isfinite(shade)]
    segments = np.zeros((0, 2, 2))
    if finite.size:
        levels = np.linspace(finite.min(), finite.max(), CONTOUR_LEVELS + 2)[1:-1]
        found = [contour_segments(shade, float(level)) for level in levels]
        segments = np.concatenate(found) if found else segments
        rows, cols = shade.shape
        # grid index → parameter value (linspace includes both ends)
        scale = np.array([rect.width / (cols - 1), rect.height / (rows - 1)])
        segments = segments * scale + np.array([rect.xmin, rect.ymin])
    return Landscape(image, rect, pair, theta, shade, segments)
