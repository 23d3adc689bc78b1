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

from desktopdl.core.contours import contour_segments
from desktopdl.core.data import Dataset
from desktopdl.core.landscape import cost_landscape, cost_slice
from desktopdl.core.lessons.base import Lesson
from desktopdl.core.trainer import OPTIMIZERS, Trainer, TrainSettings
from desktopdl.core.views import (
    CompanionView,
    Landscape,
    LandscapeView,
    Rect,
    ShadowRun,
    ShadowRuns,
    SliceView,
    SurfaceView,
)

#: Cells per side of a landscape: at least 100 × 100, whatever the number of points.
LANDSCAPE_RESOLUTION = 100
MIN_RECOMPUTE_S = 0.25
SLICE_POINTS = 200
CONTOUR_LEVELS = 9
SLICE_INTERVAL_S = 0.1
#: Replaying a shadow further than this to catch up with the main run is not worth the wait.
MAX_CATCH_UP = 50_000
#: Cells per side of a companion's surface over the canvas.
COMPANION_RESOLUTION = 100


@dataclass(frozen=True)
class LabView:
    """What the lab shows: which two parameters, over which region, and which extras."""

    pair: tuple[int, int] = (0, 1)
    rect: Rect | None = None
    #: Train the lesson's companion runs (Lesson.companions) beside the main one.
    companions: bool = False
    race: bool = False
    #: The lab page on screen ("landscape", "slice", "ledger", or None): only its pictures
    #: are computed, while recording and the races go on.
    page: str | None = "landscape"
    #: Whether the page with the companion's own pictures is shown (its surface is drawn).
    companion_page: bool = False
    #: Keep every iteration for the ledger and the descent path (~12 % of the rate): only a
    #: lesson page with a gradient lab asks for it, once one of its lab pages was opened.
    record: bool = False

    @property
    def records(self) -> bool:
        return self.record or self.race


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
        #: The shadows that are the lesson's companions (not optimizer races).
        self.companion_labels: set[str] = set()
        self._cache: dict[str, tuple[tuple, Landscape]] = {}
        self._pending: dict[str, tuple[tuple, Future]] = {}
        self._executor = ThreadPoolExecutor(max_workers=1) if background else None
        self._last_compute = 0.0
        self._last_slice = 0.0
        self._slice: tuple | None = None

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

    def configure(self, view: LabView | None, main: Trainer) -> np.ndarray:
        """Show ``view``; returns the costs of the main run replayed so that its recording
        starts at its first step (empty when nothing was replayed)."""
        old = self.view
        self.view = view
        replayed = main.set_recording(view is not None and view.records)
        if (
            old is None
            or view is None
            or (old.race, old.companions) != (view.race, view.companions)
            or len(replayed)
        ):
            self.restart(main)
        return replayed

    def restart(self, main: Trainer) -> None:
        """Shadows start afresh from the main run's start and catch up with its step."""
        self.shadows = {}
        self.companion_labels = set()
        view = self.view
        if view is None:
            return
        labels: list[tuple[str, Lesson, TrainSettings]] = []
        if view.race:
            for name in OPTIMIZERS:
                if name != main.settings.optimizer:
                    labels.append((name, main.lesson, replace(main.settings, optimizer=name)))
        if view.companions:
            for label, lesson in main.lesson.companions().items():
                labels.append((label, lesson, replace(main.settings, model=lesson.config)))
                self.companion_labels.add(label)
        for label, lesson, settings in labels:
            shadow = Trainer(lesson, main.data, settings)
            shadow.custom_start = main.start.copy()
            shadow.reset()
            shadow.set_recording(main.lesson.gradient_lab)
            shadow.step(min(main.step_count, MAX_CATCH_UP))
            self.shadows[label] = shadow

    def follow(self, steps: int) -> None:
        """The main run took ``steps`` steps: every shadow takes as many."""
        if steps:
            for shadow in self.shadows.values():
                shadow.step(steps)

    def set_data(self, data: Dataset) -> None:
        for shadow in self.shadows.values():
            shadow.set_data(data)

    def set_settings(self, settings: TrainSettings, main: Trainer) -> None:
        companions = main.lesson.companions()
        for label, shadow in self.shadows.items():
            optimizer = label if label in OPTIMIZERS else settings.optimizer
            model = companions[label].config if label in companions else settings.model
            shadow.set_settings(replace(settings, optimizer=optimizer, model=model))

    def views(self, main: Trainer, canvas_rect: Rect | None = None) -> list:
        """The lab's typed views for a snapshot of ``main``: only what the page on screen
        needs."""
        view = self.view
        if view is None or main.x_train is None:
            return []
        out: list = []
        for label in sorted(self.companion_labels):
            shadow = self.shadows[label]
            if shadow.x_train is None or not np.all(np.isfinite(shadow.flat_params())):
                continue
            surface = None
            if view.companion_page and canvas_rect is not None:
                image = shadow.lesson.surface(shadow.params, canvas_rect, COMPANION_RESOLUTION)
                surface = None if image is None else SurfaceView(image, canvas_rect)
            params = tuple(p.detach().cpu().numpy().copy() for p in shadow.params)
            out.append(CompanionView(label, params, surface))
        theta = main.flat_params()
        if view.page == "landscape":
            out.append(
                ShadowRuns(
                    tuple(
                        ShadowRun(
                            label,
                            shadow.path(),
                            shadow.current_cost(),
                            shadow.step_count,
                            shadow.status,
                            shadow.message,
                        )
                        for label, shadow in self.shadows.items()
                    )
                )
            )
        if view.rect is None or not np.all(np.isfinite(theta)):
            return out
        if view.page == "landscape":
            landscape = self._landscape("main", main.lesson, main.train_data, theta, view)
            companion, companion_label = None, ""
            for label in sorted(self.companion_labels):
                shadow = self.shadows[label]
                companion_label = label
                companion = self._landscape(
                    label, shadow.lesson, shadow.train_data, shadow.flat_params(), view
                )
            out.append(LandscapeView(landscape, companion, companion_label))
        elif view.page == "slice":
            now = time.perf_counter()
            if self._slice is None or now - self._last_slice >= SLICE_INTERVAL_S:
                self._slice = cost_slice(
                    main.lesson,
                    main.train_data,
                    theta,
                    view.pair[0],
                    view.rect.xmin,
                    view.rect.xmax,
                    SLICE_POINTS,
                )
                self._last_slice = now
            out.append(SliceView(*self._slice))
        return out

    def _landscape(
        self, key: str, lesson: Lesson, data: Dataset, theta: np.ndarray, view: LabView
    ) -> Landscape | None:
        """Recompute when the region, the pair, the data or a held parameter changed, but
        no more often than MIN_RECOMPUTE_S; meanwhile hand back the newest finished one."""
        held = theta.copy()
        held[list(view.pair)] = 0
        span = max(view.rect.width, view.rect.height)
        signature = (
            view.rect,
            view.pair,
            data.fingerprint(),
            tuple(np.round(held / (span * 1e-3), 0)),
        )
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
    lesson: Lesson, data: Dataset, theta: np.ndarray, pair: tuple[int, int], rect: Rect
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
