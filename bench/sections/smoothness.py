"""Sections 2 and 3: the 10 ms timer's lateness idle and while training 500 points at full
speed; then what reached the screen in those runs (snapshots per second, GUI time per
snapshot and per paint, the surface's ImageItem kept and updated) and one cost-curve
update against the length of the curve."""

from __future__ import annotations

import math
import time

import numpy as np
import pyqtgraph as pg

from bench.harness import (
    LATENESS_MAX_MS,
    LATENESS_P95_MAX_MS,
    SMOOTH_INTERVAL_MS,
    Context,
    LiveRun,
    Section,
    idle_lateness,
    live_run,
    median,
    pct,
    wait_for,
)
from bench.report import fmt, met
from bench.sections.rates import gui_summary
from bench.workloads import cases
from desktopdl.core.lessons.binary import BinaryClassification

SNAPSHOT_HZ_MIN = 30.0


class Smoothness(Section):
    title = "GUI smoothness"

    def __init__(self) -> None:
        self.rows: list[dict] = []
        self.runs: list[LiveRun] = []
        self.snapshots: dict = {}

    def measure_window(self, ctx: Context) -> None:
        config, app = ctx.config, ctx.app
        binary = app.window.tab_for("binary")
        surface_before = binary.overlay.surface
        case = cases()[1]
        app.window.show_lesson("binary")
        idle = idle_lateness(config.smooth_window_s)
        self.rows.append(
            {
                "when": "idle (nothing training)",
                "p50": pct(idle, 50),
                "p95": pct(idle, 95),
                "max": max(idle, default=math.nan),
                "snap_hz": math.nan,
                "n": len(idle),
            }
        )
        runs = self.runs
        updates_before = app.image_updates
        for _ in range(config.smooth_reps):
            runs.append(
                live_run(app, case, config.app_warmup_s, config.smooth_window_s, timer=True)
            )
        updates = app.image_updates - updates_before
        self.rows.append(
            {
                "when": f"binary, {case.label}, full speed",
                "p50": median([pct(r.lateness_ms, 50) for r in runs]),
                "p95": median([pct(r.lateness_ms, 95) for r in runs]),
                "max": median([max(r.lateness_ms, default=math.nan) for r in runs]),
                "worst": max(max(r.lateness_ms, default=math.nan) for r in runs),
                "snap_hz": median([r.snapshots_per_s for r in runs]),
                "n": sum(len(r.lateness_ms) for r in runs),
            }
        )
        plot_items = binary.canvas.getPlotItem().items
        self.snapshots = {
            **gui_summary(runs),
            "take_p95": median([pct(r.take_ms, 95) for r in runs]),
            "canvas_paint_max": max(max(r.canvas_paint_ms, default=math.nan) for r in runs),
            "cost_paint_max": max(max(r.cost_paint_ms, default=math.nan) for r in runs),
            "same_item": binary.overlay.surface is surface_before,
            "image_items": sum(isinstance(item, pg.ImageItem) for item in plot_items),
            "image_updates": updates,
            "resolution": BinaryClassification.surface_resolution,
        }

    def targets(self, ctx: Context) -> list[str]:
        busy = self.rows[-1]
        return [
            f"| GUI timer lateness p95 < {LATENESS_P95_MAX_MS:.0f} ms | {busy['p95']:.1f} ms "
            f"| {met(busy['p95'] < LATENESS_P95_MAX_MS)} |",
            f"| GUI timer lateness max < {LATENESS_MAX_MS:.0f} ms (median of runs; worst) "
            f"| {busy['max']:.1f} ms; {busy['worst']:.1f} ms "
            f"| {met(busy['max'] < LATENESS_MAX_MS)} |",
        ]

    def report(self, ctx: Context) -> list[str]:
        config = ctx.config
        lines = [
            f"A {SMOOTH_INTERVAL_MS} ms `Qt.PreciseTimer` in the GUI thread; lateness = actual "
            f"interval − {SMOOTH_INTERVAL_MS} ms, over {config.smooth_window_s:g} s windows "
            f"({config.smooth_reps} while training, median of the runs' percentiles), after "
            "`freeze_startup_garbage()` as the app does.",
            "",
            "| condition | ticks | p50 ms | p95 ms | max ms | snapshots/s |",
            "|---|--:|--:|--:|--:|--:|",
        ]
        for row in self.rows:
            lines.append(
                f"| {row['when']} | {row['n']} | {fmt(row['p50'], 2)} | {fmt(row['p95'], 2)} "
                f"| {fmt(row['max'], 1)} | {fmt(row['snap_hz'], 1)} |"
            )
        return lines


class Snapshots(Section):
    """Reads the smoothness runs; measures the cost curve itself."""

    title = "Snapshots reaching the screen"

    def __init__(self, smoothness: Smoothness) -> None:
        self.smoothness = smoothness
        self.cost_curve: list[dict] = []

    def measure_window(self, ctx: Context) -> None:
        """How one snapshot's cost-curve update (append 50 steps, repaint) grows with the
        number of steps already on the curve: a long full-speed run reaches 10^5–10^6 in
        minutes."""
        tab = ctx.app.window.show_lesson("binary")
        tab.pause()
        wait_for(lambda: not tab.snapshot.running)
        plot = tab.cost_plot
        for n in (1_000, 10_000, 100_000, 1_000_000):
            plot.clear_curve()
            plot.append(0, 0.3 + 1 / np.sqrt(np.arange(1.0, n + 1)))  # smooth, like a real run
            plot.viewport().repaint()
            times = []
            for k in range(ctx.config.surface_calls):
                start = time.perf_counter()
                plot.append(n + 50 * k, np.full(50, 0.3))
                plot.viewport().repaint()
                times.append((time.perf_counter() - start) * 1000)
            self.cost_curve.append({"steps": n, "ms": median(times)})
        plot.clear_curve()
        run_id = tab.snapshot.run_id
        tab.reset()
        wait_for(lambda: tab.snapshot.run_id != run_id)

    def targets(self, ctx: Context) -> list[str]:
        snap = self.smoothness.snapshots
        same = snap["same_item"] and snap["image_items"] == 1
        return [
            f"| snapshots on screen ≥ {SNAPSHOT_HZ_MIN:.0f}/s | {snap['snap_hz']:.1f}/s "
            f"| {met(snap['snap_hz'] >= SNAPSHOT_HZ_MIN)} |",
            f"| surface ImageItem updated, not rebuilt | same object: {snap['same_item']}, "
            f"{snap['image_items']} ImageItem in the plot, {snap['image_updates']} updates "
            f"| {met(same)} |",
        ]

    def report(self, ctx: Context) -> list[str]:
        snap = self.smoothness.snapshots
        return [
            f"Same runs (binary, 500 points, full speed; the worker evaluates a "
            f"{snap['resolution']}² surface for each snapshot):",
            "",
            f"- snapshots drawn: {snap['snap_hz']:.1f}/s",
            f"- GUI time per snapshot in `_take_snapshot`: p50 {snap['take_ms']:.2f} ms, "
            f"p95 {snap['take_p95']:.2f} ms",
            f"- one repaint: canvas p50 {snap['canvas_paint_ms']:.1f} ms (max "
            f"{snap['canvas_paint_max']:.1f}), cost plot p50 {snap['cost_paint_ms']:.1f} ms "
            f"(max {snap['cost_paint_max']:.1f}); GUI thread busy {snap['gui_busy']:.0%} of the "
            "time",
            f"- surface ImageItem: same object before and after: {snap['same_item']}; "
            f"ImageItems in the plot: {snap['image_items']}; `setImage` updates seen: "
            f"{snap['image_updates']}",
            "",
            "One cost-curve update (append 50 steps, repaint the cost plot; idle, the real "
            "widget) against the number of steps already on the curve:",
            "",
            "| steps on the curve | ms per update |",
            "|--:|--:|",
            *[f"| {row['steps']:,} | {row['ms']:.1f} |" for row in self.cost_curve],
        ]
