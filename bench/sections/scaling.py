"""Section 6: plain and bare steps/s against the number of points, and the surface's cost
per snapshot against its resolution (evaluated as the worker does, drawn as the tab does)."""

from __future__ import annotations

import time
from dataclasses import replace

from bench.harness import Context, Section, median, prepare_tab, ratio, steps_per_second
from bench.report import fmt
from bench.workloads import bare_trainer, cases, plain_loop, two_blobs
from desktopdl.core.data import PointSet
from desktopdl.core.views import SurfaceView


class Scaling(Section):
    title = "Scaling"

    def __init__(self) -> None:
        self.scaling: list[dict] = []
        self.surfaces: list[dict] = []

    def measure_window(self, ctx: Context) -> None:
        """The surface's cost against its resolution: evaluated as the worker does
        (``lesson.surface`` on trained parameters) and drawn as the tab does (its
        ``draw_snapshot``, then the ImageItem's ``render`` that a paint would run)."""
        config = ctx.config
        case = cases()[1]
        tab = prepare_tab(ctx.app, case)  # paused, on the 500 points
        trainer, run = bare_trainer(case.key, case.points)
        run(200)
        rect = tab.canvas.visible_rect()
        for res in (100, 200, 300):
            evaluate, draw = [], []
            for _ in range(config.reps * config.surface_calls):
                start = time.perf_counter()
                surface = trainer.lesson.surface(trainer.params, rect, res)
                middle = time.perf_counter()
                shown = replace(tab.snapshot, views=(SurfaceView(surface, rect),))
                tab.overlay.draw(shown, tab.lesson, tab.workspace.data(), rect)
                tab.overlay.surface.render()
                end = time.perf_counter()
                evaluate.append((middle - start) * 1000)
                draw.append((end - middle) * 1000)
            self.surfaces.append(
                {"resolution": res, "evaluate_ms": median(evaluate), "draw_ms": median(draw)}
            )
        tab.reset()  # the tab's own snapshot replaces the test images

    def measure(self, ctx: Context) -> None:
        config = ctx.config
        for n in (100, 1_000, 10_000):
            points = PointSet(*two_blobs(n))
            plain, bare = [], []
            for rep in range(config.reps):
                runners = [
                    (plain, plain_loop("binary", points)),
                    (bare, bare_trainer("binary", points)[1]),
                ]
                if rep % 2:
                    runners.reverse()
                for into, run in runners:
                    into.append(steps_per_second(run, config.scaling_window_s))
            self.scaling.append(
                {
                    "points": n,
                    "plain": median(plain),
                    "bare": median(bare),
                    "bare_plain": ratio(bare, plain),
                }
            )

    def report(self, ctx: Context) -> list[str]:
        return [
            "Binary classification, two gaussian blobs, steps/s:",
            "",
            "| points | plain | bare | bare/plain |",
            "|--:|--:|--:|--:|",
            *[
                f"| {row['points']:,} | {fmt(row['plain'])} | {fmt(row['bare'])} "
                f"| {row['bare_plain']:.2f}× |"
                for row in self.scaling
            ],
            "",
            "Surface, per snapshot: `lesson.surface(params, rect, res)` as the worker calls it, "
            "and the binary tab's `draw_snapshot` + the ImageItem's `render()` (GUI thread), "
            "median ms:",
            "",
            "| resolution | evaluate ms | draw + render ms |",
            "|--:|--:|--:|",
            *[
                f"| {row['resolution']}² | {row['evaluate_ms']:.2f} | {row['draw_ms']:.2f} |"
                for row in self.surfaces
            ],
        ]
