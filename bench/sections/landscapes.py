"""Section 7: cost landscapes, computed as the lab's training thread computes them against
the number of points, and live: the binary tab with its "Cost landscape" page open and a
race on, while the 10 ms timer measures the GUI thread. The live part runs last in the
window: once opened, the lab stays on for the tab."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import torch

import desktopdl.core.lab as core_lab
from bench.harness import (
    LATENESS_MAX_MS,
    LATENESS_P95_MAX_MS,
    SMOOTH_INTERVAL_MS,
    Context,
    LiveRun,
    Section,
    Setup,
    live_run,
    median,
    pct,
    timed_ms,
)
from bench.report import fmt, met
from bench.workloads import Case, landscape_cases, two_blobs
from desktopdl.core.data import PointSet
from desktopdl.core.lab import landscape_resolution
from desktopdl.core.landscape import cost_landscape, default_view
from desktopdl.core.lessons import Lesson
from desktopdl.core.trainer import Status
from desktopdl.qt.lesson_tab import LessonTab

#: Issue 3: a landscape is at least 100×100 cost evaluations over all the points.
LANDSCAPE_RESOLUTION = 100


LANDSCAPE_POINTS = (100, 1_000, 10_000)


def landscape_row(
    case_lesson: Lesson, data: PointSet, theta: np.ndarray, reps: int, warm: bool
) -> dict[str, float]:
    pair, naive_cells = (0, 1), 50
    rect = default_view(case_lesson, data, theta, pair)
    adaptive = landscape_resolution(len(data))

    def landscape(res: int) -> np.ndarray:
        return cost_landscape(case_lesson, data, theta, pair, rect, res)

    if warm:
        landscape(LANDSCAPE_RESOLUTION)  # first-call set-up is not timed
    full_ms = timed_ms(lambda: landscape(LANDSCAPE_RESOLUTION), reps)
    adaptive_ms = (
        full_ms if adaptive == LANDSCAPE_RESOLUTION else timed_ms(lambda: landscape(adaptive), reps)
    )
    params = case_lesson.unflatten(theta)
    x, y = case_lesson.tensors(data)

    def cells() -> None:
        with torch.inference_mode():
            for _ in range(naive_cells):
                case_lesson.cost(params, x, y).item()

    return {
        "ms": full_ms,
        "terms_per_us": LANDSCAPE_RESOLUTION**2 * len(data) / (full_ms * 1000),
        "naive_ms": timed_ms(cells, 1) * LANDSCAPE_RESOLUTION**2 / naive_cells,
        "resolution": adaptive,
        "adaptive_ms": adaptive_ms,
    }


@contextmanager
def watch_landscapes() -> Iterator[list[tuple[float, bool]]]:
    """Time every ``cost_landscape`` call the lab makes, and note whether it ran on the GUI
    thread: (ms, on the GUI thread) per call."""
    calls: list[tuple[float, bool]] = []
    original = core_lab.cost_landscape
    gui_thread = threading.get_ident()

    def timed(*args: object, **kwargs: object) -> np.ndarray:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            ms = (time.perf_counter() - start) * 1000
            calls.append((ms, threading.get_ident() == gui_thread))

    core_lab.cost_landscape = timed
    try:
        yield calls
    finally:
        core_lab.cost_landscape = original


def landscape_gui_row(when: str, runs: list[LiveRun]) -> dict:
    return {
        "when": when,
        "steps_per_s": median([r.steps_per_s for r in runs]),
        "snap_hz": median([r.snapshots_per_s for r in runs]),
        "landscape_hz": median([r.updates_per_s["landscape"] for r in runs]),
        "take_ms": median([pct(r.take_ms, 50) for r in runs]),
        "take_max": max(max(r.take_ms, default=math.nan) for r in runs),
        "paint_ms": median([pct(r.landscape_paint_ms, 50) for r in runs]),
        "gui_busy": median([r.gui_busy for r in runs]),
        "p50": median([pct(r.lateness_ms, 50) for r in runs]),
        "p95": median([pct(r.lateness_ms, 95) for r in runs]),
        "max": median([max(r.lateness_ms, default=math.nan) for r in runs]),
        "worst": max(max(r.lateness_ms, default=math.nan) for r in runs),
        "n": sum(len(r.lateness_ms) for r in runs),
    }


class Landscapes(Section):
    title = "Cost landscapes"
    last = True

    def __init__(self) -> None:
        self.landscapes: list[dict] = []
        self.gui: dict = {}

    def measure(self, ctx: Context) -> None:
        """``cost_landscape`` as the lab calls it (the pair (0, 1), the others held at the
        seeded start, over the lab's default region), at 100² and at the lab's own
        resolution, against 100, 1,000 and 10,000 points; and, for scale, one call of the
        lesson's own cost per grid cell (timed over 50 cells, times 100²/50)."""
        for name, case_lesson, make in landscape_cases():
            theta = case_lesson.flatten(case_lesson.init_params(torch.Generator().manual_seed(0)))
            for n in LANDSCAPE_POINTS:
                row = landscape_row(
                    case_lesson, make(n), theta, ctx.config.reps, warm=n == LANDSCAPE_POINTS[0]
                )
                self.landscapes.append({"lesson": name, "points": n, **row})

    def measure_window(self, ctx: Context) -> None:
        """The binary tab trains 1,000 points at full speed, first with the cost curve shown
        (lab off), then with its "Cost landscape" page open and a race on (Momentum and Adam
        shadows), while the 10 ms timer measures the GUI thread. Not interleaved."""
        config, app = ctx.config, ctx.app
        n = 1_000
        case = Case("binary", f"{n:,} (two blobs)", PointSet(*two_blobs(n)))

        def cost_curve(tab: LessonTab) -> None:
            tab.views.setCurrentWidget(tab.cost_plot)

        def open_lab(tab: LessonTab) -> None:
            tab.views.setCurrentWidget(tab.landscape)
            tab.landscape.race_check.setChecked(True)

        def runs(setup: Setup) -> list[LiveRun]:
            return [
                live_run(app, case, config.app_warmup_s, config.smooth_window_s, True, setup)
                for _ in range(config.smooth_reps)
            ]

        if app.window.tab_for("binary").lab_enabled:
            ctx.notes.append("landscape run: the binary tab's lab was already on")
        plain = runs(cost_curve)
        with watch_landscapes() as calls:
            lab = runs(open_lab)
        tab = app.window.tab_for("binary")
        tab.landscape.race_check.setChecked(False)
        tab.views.setCurrentWidget(tab.cost_plot)
        bad = {r.status for r in plain + lab} - {Status.READY}
        if bad:
            ctx.notes.append(f"landscape run: the app's trainer ended as {bad}")
        worker_ms = [ms for ms, _gui in calls]
        self.gui = {
            "points": n,
            "resolution": landscape_resolution(n),
            "computed": len(calls),
            "on_gui_thread": sum(gui for _ms, gui in calls),
            "compute_p50": pct(worker_ms, 50),
            "compute_max": max(worker_ms, default=math.nan),
            "rows": [
                landscape_gui_row("cost curve page (lab off)", plain),
                landscape_gui_row("Cost landscape page + race", lab),
            ],
        }

    def targets(self, ctx: Context) -> list[str]:
        rows = []
        gui = self.gui
        if gui:
            plain, lab = gui["rows"]
            where = f"binary, {gui['points']:,} points, landscape page + race, full speed"
            rows.append(
                f"| landscapes off the GUI thread: lateness p95 < {LATENESS_P95_MAX_MS:.0f} ms "
                f"({where}) | {lab['p95']:.1f} ms (lab off: {plain['p95']:.1f} ms); "
                f"{gui['on_gui_thread']} of {gui['computed']} landscapes computed on the GUI "
                f"thread | {met(lab['p95'] < LATENESS_P95_MAX_MS and gui['on_gui_thread'] == 0)} |"
            )
            rows.append(
                f"| landscapes off the GUI thread: lateness max < {LATENESS_MAX_MS:.0f} ms "
                f"(median of runs; worst) | {lab['max']:.1f} ms; {lab['worst']:.1f} ms "
                f"(lab off: {plain['max']:.1f} ms) | {met(lab['max'] < LATENESS_MAX_MS)} |"
            )
        lab_rows = [r for r in self.landscapes if r["lesson"] == self.landscapes[0]["lesson"]]
        if lab_rows:
            grids = " / ".join(f"{r['resolution']}² ({r['points']:,})" for r in lab_rows)
            ok = all(r["resolution"] >= LANDSCAPE_RESOLUTION for r in lab_rows)
            rows.append(
                f"| the lab's landscape ≥ {LANDSCAPE_RESOLUTION}×{LANDSCAPE_RESOLUTION} cost "
                f"evaluations (points) | {grids} | {met(ok)} |"
            )
        return rows

    def report(self, ctx: Context) -> list[str]:
        config = ctx.config
        gui = self.gui
        lines = [
            "`cost_landscape(lesson, data, theta, (0, 1), rect, res)` as the lab's training thread "
            "calls it: the pair's cost over the lab's default region (`default_view`) with the "
            "other parameters held at the seeded start, one thread, median of "
            f"{config.reps} calls. *terms/µs*: grid cells × points per microsecond at "
            f"{LANDSCAPE_RESOLUTION}². *per-cell calls*: the lesson's own `cost` called once per "
            f"cell (timed over 50 cells, × {LANDSCAPE_RESOLUTION**2:,}/50), what a "
            "non-vectorised landscape would cost. *lab*: `landscape_resolution(n)`, the grid the "
            "lab actually uses, and its time. Linear regression's `grid_cost` is the closed-form "
            "quadratic (the data's moments), so it hardly depends on the points.",
            "",
            f"| landscape | points | {LANDSCAPE_RESOLUTION}² ms | terms/µs | per-cell calls ms "
            "| lab grid | lab ms |",
            "|---|--:|--:|--:|--:|--:|--:|",
        ]
        for r in self.landscapes:
            lines.append(
                f"| {r['lesson']} | {r['points']:,} | {fmt(r['ms'], 1)} | {fmt(r['terms_per_us'])} "
                f"| {fmt(r['naive_ms'])} | {r['resolution']}² | {fmt(r['adaptive_ms'], 1)} |"
            )
        if gui:
            lines += [
                "",
                f"Live: the binary tab with {gui['points']:,} points (two blobs) at Full speed, "
                f"{config.smooth_reps} × {config.smooth_window_s:g} s with the "
                f"{SMOOTH_INTERVAL_MS} ms timer in the GUI thread: first with the cost curve shown "
                "(lab off), then with "
                'its "Cost landscape" page open and "Race SGD, Momentum, Adam" on (the lab records '
                "every step, steps two shadow trainers, and recomputes the "
                f"{gui['resolution']}² landscape when b moves, at most every "
                f"{core_lab.MIN_RECOMPUTE_S:g} s). *take*: GUI time per snapshot (p50; max); "
                "*landscape paint*: one repaint of the landscape plot (p50). Idle floor in "
                "section 2.",
                "",
                "| page | steps/s | snapshots/s | landscapes shown/s | take ms "
                "| landscape paint ms | GUI busy | lateness p50 ms | p95 ms | max ms (worst) |",
                "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
                *[
                    f"| {r['when']} | {fmt(r['steps_per_s'])} | {fmt(r['snap_hz'], 1)} "
                    f"| {fmt(r['landscape_hz'], 1)} | {fmt(r['take_ms'], 2)}; "
                    f"{fmt(r['take_max'], 1)} "
                    f"| {fmt(r['paint_ms'], 1)} | {r['gui_busy']:.0%} | {fmt(r['p50'], 2)} "
                    f"| {fmt(r['p95'], 1)} | {fmt(r['max'], 1)} ({fmt(r['worst'], 1)}) |"
                    for r in gui["rows"]
                ],
                "",
                f"Landscapes the lab computed during those runs: {gui['computed']}, "
                f"{gui['on_gui_thread']} of them on the GUI thread; "
                f"{fmt(gui['compute_p50'], 1)} ms p50 and {fmt(gui['compute_max'], 1)} ms max "
                "each, in the training thread "
                "(`desktopdl.core.lab.cost_landscape` wrapped to time each call and note its "
                "thread).",
            ]
        return lines
