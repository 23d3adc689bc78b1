"""Section "Scale": how training and drawing fall as the canvas fills (100 → 10,000 points)
and as the decision surface grows (100² → 300² cells), and whether editing and panning stay
responsive with 10,000 points while training at full speed.

The surface's cells per side is the lesson's ``surface_resolution`` (a class attribute the
training thread reads for every snapshot: 200 for the binary lesson); this section sets it
on the binary lesson's class for each run and puts it back. Plots of both curves are drawn
with pyqtgraph's own ``ImageExporter`` (no matplotlib needed)."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters  # noqa: F401 - registers pg.exporters
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from bench.harness import (
    SMOOTH_INTERVAL_MS,
    Context,
    LiveRun,
    Section,
    lateness,
    live_run,
    median,
    pct,
    prepare_tab,
    run_events,
    wait_for,
)
from bench.report import fmt, met
from bench.workloads import Case, two_blobs
from desktopdl.core.data import PointSet
from desktopdl.core.lessons.binary import BinaryClassification
from desktopdl.qt.lesson_tab import LessonTab

#: Issue 15: 10,000 points and a 300×300 surface keep editing, panning and training
#: responsive.
SCALE_LATENESS_P95_MAX_MS = 16.0
POINT_COUNTS = (100, 300, 1_000, 3_000, 10_000)
RESOLUTIONS = (100, 150, 200, 250, 300)
#: The surface runs train the 500 points of section 1.
SURFACE_POINTS = 500
EDIT_POINTS = 10_000
#: One edit every this many ms while the timer measures: a click every 200 ms, a drag's
#: mouse moves at 60 per second.
CLICK_EVERY_MS = 200
MOVE_EVERY_MS = 16


@dataclass(frozen=True)
class Edit:
    """One kind of edit timed with 10,000 points on the canvas while training."""

    name: str
    #: GUI ms per action: the mouse event delivered and the canvas repainted, p50 / p95,
    #: wall time and the GUI thread's own CPU time (the machine is shared: wall includes
    #: waiting for a core and for the training thread's GIL).
    action_ms: tuple[float, float]
    action_cpu_ms: tuple[float, float]
    #: The 10 ms timer's lateness meanwhile, p50 / p95 / max.
    lateness_ms: tuple[float, float, float]
    actions: int


@contextmanager
def surface_resolution(cells: int) -> Iterator[None]:
    """The binary lesson's surface at ``cells`` per side while inside."""
    before = BinaryClassification.__dict__.get("surface_resolution")
    BinaryClassification.surface_resolution = cells
    try:
        yield
    finally:
        if before is None:
            del BinaryClassification.surface_resolution
        else:
            BinaryClassification.surface_resolution = before


def row(label: int, runs: list[LiveRun]) -> dict:
    return {
        "x": label,
        "steps_per_s": median([r.steps_per_s for r in runs]),
        "snap_hz": median([r.snapshots_per_s for r in runs]),
        "paint_hz": median([len(r.canvas_paint_ms) / r.elapsed_s for r in runs]),
        "paint_ms": median([pct(r.canvas_paint_ms, 50) for r in runs]),
        "take_ms": median([pct(r.take_ms, 50) for r in runs]),
        "p50": median([pct(r.lateness_ms, 50) for r in runs]),
        "p95": median([pct(r.lateness_ms, 95) for r in runs]),
        "max": median([max(r.lateness_ms, default=math.nan) for r in runs]),
    }


def send_mouse(
    widget, kind: QEvent.Type, pos: QPoint, button: Qt.MouseButton, buttons: Qt.MouseButton
) -> None:
    """A real mouse event into the canvas's viewport, delivered now (as a user's would be)."""
    where = QPointF(pos)
    event = QMouseEvent(
        kind, where, QPointF(widget.mapToGlobal(pos)), button, buttons, Qt.KeyboardModifier(0)
    )
    QApplication.sendEvent(widget, event)


def timed_edits(
    tab: LessonTab, actions: list[Callable[[], None]], every_ms: int
) -> tuple[list[float], list[float], list[float]]:
    """Run each action at every_ms while training, with the 10 ms timer in the GUI thread:
    (wall ms and GUI-thread CPU ms of each action, its event delivered and the canvas
    repainted; lateness ms)."""
    viewport = tab.canvas.viewport()
    action_ms: list[float] = []
    cpu_ms: list[float] = []
    ticks: list[float] = []
    pending = list(actions)

    def act() -> None:
        if not pending:
            return
        start, cpu = time.perf_counter(), time.thread_time()
        pending.pop(0)()
        viewport.repaint()
        action_ms.append((time.perf_counter() - start) * 1000)
        cpu_ms.append((time.thread_time() - cpu) * 1000)

    precise, driver = QTimer(), QTimer()
    precise.setTimerType(Qt.TimerType.PreciseTimer)
    precise.setInterval(SMOOTH_INTERVAL_MS)
    precise.timeout.connect(lambda: ticks.append(time.perf_counter()))
    driver.setTimerType(Qt.TimerType.PreciseTimer)
    driver.setInterval(every_ms)
    driver.timeout.connect(act)
    precise.start()
    driver.start()
    wait_for(lambda: not pending, timeout_s=60 + len(actions) * every_ms / 1000 * 10)
    run_events(every_ms / 1000)
    driver.stop()
    precise.stop()
    return action_ms, cpu_ms, lateness(ticks)


class Scale(Section):
    title = "Scale: points on the canvas and surface resolution"

    def __init__(self, plots: Path | None = None) -> None:
        #: Folder for the PNG plots (None: none drawn).
        self.plots = plots
        self.points: list[dict] = []
        self.surfaces: list[dict] = []
        self.edits: list[Edit] = []
        self.files: dict[str, Path] = {}

    def measure_window(self, ctx: Context) -> None:
        config, app = ctx.config, ctx.app

        def runs(case: Case) -> list[LiveRun]:
            return [
                live_run(app, case, config.app_warmup_s, config.scale_window_s, timer=True)
                for _ in range(config.smooth_reps)
            ]

        for n in POINT_COUNTS:
            self.points.append(row(n, runs(Case("binary", f"{n:,}", PointSet(*two_blobs(n))))))
        surface_case = Case("binary", f"{SURFACE_POINTS}", PointSet(*two_blobs(SURFACE_POINTS)))
        for cells in RESOLUTIONS:
            with surface_resolution(cells):
                self.surfaces.append(row(cells, runs(surface_case)))
        with surface_resolution(max(RESOLUTIONS)):
            self.measure_edits(ctx)
        if self.plots is not None:
            self.draw_plots()

    def measure_edits(self, ctx: Context) -> None:
        """With 10,000 points and the largest surface, training at full speed: a click
        every 200 ms that adds a point, a drag (60 moves/s) that moves one, and a
        middle-button drag that pans the canvas."""
        case = Case("binary", f"{EDIT_POINTS:,}", PointSet(*two_blobs(EDIT_POINTS)))
        tab = prepare_tab(ctx.app, case)
        tab.toggle_training()
        if not wait_for(lambda: tab.snapshot.running, 60.0):
            raise RuntimeError("training never started")
        run_events(ctx.config.app_warmup_s)
        canvas, viewport = tab.canvas, tab.canvas.viewport()
        count = ctx.config.scale_actions
        press, move, release = (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.MouseButtonRelease,
        )
        left, middle, none = (
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.MiddleButton,
            Qt.MouseButton.NoButton,
        )
        xmin, xmax, ymin, ymax = case.points.bounds()
        rng = np.random.default_rng(0)

        def click_at(x: float, y: float) -> Callable[[], None]:
            def click() -> None:
                at = canvas.map_to_widget(x, y)
                send_mouse(viewport, press, at, left, left)
                send_mouse(viewport, release, at, left, none)

            return click

        clicks = [click_at(rng.uniform(xmin, xmax), rng.uniform(ymin, ymax)) for _ in range(count)]
        # A drag: press, `count` moves, release, each its own action.
        centre = viewport.rect().center()

        def drag(button: Qt.MouseButton, start: QPoint) -> list[Callable[[], None]]:
            path = [start + QPoint(3 * k, 2 * k) for k in range(count + 1)]
            steps = [lambda: send_mouse(viewport, press, path[0], button, button)]
            steps += [
                (lambda at=at: send_mouse(viewport, move, at, none, button)) for at in path[1:]
            ]
            steps.append(lambda: send_mouse(viewport, release, path[-1], button, none))
            return steps

        xy = case.points.xy
        moved_index = int(np.argmin(np.linalg.norm(xy - xy.mean(axis=0), axis=1)))  # central
        grab = canvas.map_to_widget(*case.points.xy[moved_index])
        for name, actions, every in (
            ("add a point (click)", clicks, CLICK_EVERY_MS),
            ("move a point (drag, per mouse move)", drag(left, grab), MOVE_EVERY_MS),
            ("pan (middle-button drag, per mouse move)", drag(middle, centre), MOVE_EVERY_MS),
        ):
            ms, cpu, late = timed_edits(tab, actions, every)
            self.edits.append(
                Edit(
                    name,
                    (pct(ms, 50), pct(ms, 95)),
                    (pct(cpu, 50), pct(cpu, 95)),
                    (pct(late, 50), pct(late, 95), max(late, default=math.nan)),
                    len(ms),
                )
            )
        if len(tab.workspace.data()) != EDIT_POINTS + count:
            ctx.notes.append(
                f"scale: {count} clicks left {len(tab.workspace.data()):,} points "
                f"(expected {EDIT_POINTS + count:,})"
            )
        tab.pause()
        wait_for(lambda: not tab.snapshot.running)

    def draw_plots(self) -> None:
        """docs/scaling_points.png and docs/scaling_surface.png: steps/s, the timer's
        lateness (p50, p95, the 16 ms bound) and canvas paints/s against the size."""
        self.plots.mkdir(parents=True, exist_ok=True)
        for key, rows, label, log in (
            ("points", self.points, "points on the canvas", True),
            ("surface", self.surfaces, "surface cells per side", False),
        ):
            path = self.plots / f"scaling_{key}.png"
            draw_plot(rows, label, log, path)
            self.files[key] = path

    def targets(self, ctx: Context) -> list[str]:
        if not self.points:
            return []
        bound = SCALE_LATENESS_P95_MAX_MS
        largest, widest = self.points[-1], self.surfaces[-1]
        rows = [
            f"| {largest['x']:,} points, full speed: lateness p95 < {bound:.0f} ms "
            f"| {largest['p95']:.1f} ms | {met(largest['p95'] < bound)} |",
            f"| {widest['x']}² surface, full speed: lateness p95 < {bound:.0f} ms "
            f"| {widest['p95']:.1f} ms | {met(widest['p95'] < bound)} |",
        ]
        for edit in self.edits:
            p95 = edit.lateness_ms[1]
            rows.append(
                f"| {EDIT_POINTS:,} points, {max(RESOLUTIONS)}² surface, training: {edit.name}, "
                f"lateness p95 < {bound:.0f} ms | {p95:.1f} ms (GUI {edit.action_ms[0]:.1f} ms, "
                f"CPU {edit.action_cpu_ms[0]:.1f} ms per action) | {met(p95 < bound)} |"
            )
        return rows

    def report(self, ctx: Context) -> list[str]:
        config = ctx.config
        lines = [
            "The binary tab at Full speed with the 10 ms timer in the GUI thread, "
            f"{config.smooth_reps} × {config.scale_window_s:g} s per size after "
            f"{config.app_warmup_s:g} s of warm-up (medians of the runs): first 100 to "
            f"{max(POINT_COUNTS):,} points (two blobs) with the lesson's "
            f"{BinaryClassification.surface_resolution}² surface, then {SURFACE_POINTS} points "
            f"with the surface at {min(RESOLUTIONS)}² to {max(RESOLUTIONS)}² cells "
            "(`BinaryClassification.surface_resolution`, which the training thread reads for "
            "every snapshot). *paints/s*: the canvas's repaints per second, the frame rate "
            "the class sees; *paint ms*: one canvas repaint (p50).",
            "",
        ]
        if self.files:
            lines += [
                "![Training and drawing against the points](scaling_points.png)",
                "",
                "![Training and drawing against the surface size](scaling_surface.png)",
                "",
            ]
        for rows, what in ((self.points, "points"), (self.surfaces, "surface")):
            lines += [
                f"| {what} | steps/s | snapshots/s | paints/s | paint ms | take ms "
                "| lateness p50 ms | p95 ms | max ms |",
                "|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
            ]
            for r in rows:
                size = f"{r['x']:,}" if what == "points" else f"{r['x']}²"
                lines.append(
                    f"| {size} | {fmt(r['steps_per_s'])} | {fmt(r['snap_hz'], 1)} "
                    f"| {fmt(r['paint_hz'], 1)} | {fmt(r['paint_ms'], 1)} "
                    f"| {fmt(r['take_ms'], 2)} | {fmt(r['p50'], 2)} | {fmt(r['p95'], 1)} "
                    f"| {fmt(r['max'], 1)} |"
                )
            lines.append("")
        lines += [
            f"Editing with {EDIT_POINTS:,} points and the {max(RESOLUTIONS)}² surface while "
            "training at Full speed: real mouse events sent to the canvas's viewport (a left "
            f"click every {CLICK_EVERY_MS} ms adds a point; a left drag from a point moves it; "
            f"a middle-button drag pans; drags move the mouse every {MOVE_EVERY_MS} ms). "
            "*GUI ms per action*: the event handled and the canvas repainted, p50 / p95, in "
            "wall time and in the GUI thread's own CPU time (`time.thread_time`; wall adds the "
            "waits for a core and for the training thread's GIL); lateness of the 10 ms timer "
            "meanwhile.",
            "",
            "| edit | actions | GUI ms per action p50 / p95 | GUI CPU ms p50 / p95 "
            "| lateness p50 ms | p95 ms | max ms |",
            "|---|--:|--:|--:|--:|--:|--:|",
        ]
        for e in self.edits:
            lines.append(
                f"| {e.name} | {e.actions} | {fmt(e.action_ms[0], 1)} / {fmt(e.action_ms[1], 1)} "
                f"| {fmt(e.action_cpu_ms[0], 1)} / {fmt(e.action_cpu_ms[1], 1)} "
                f"| {fmt(e.lateness_ms[0], 2)} | {fmt(e.lateness_ms[1], 1)} "
                f"| {fmt(e.lateness_ms[2], 1)} |"
            )
        return lines


def draw_plot(rows: list[dict], label: str, log: bool, path: Path) -> None:
    """Three panels side by side (steps/s; lateness p50, p95 and the bound; paints/s),
    exported offscreen to a PNG."""
    layout = pg.GraphicsLayoutWidget()
    layout.setBackground("w")
    layout.resize(1500, 460)
    sizes = [r["x"] for r in rows]
    # A log scale drawn by hand: pyqtgraph's log mode labels every minor tick.
    x = np.log10(np.array(sizes, dtype=float)) if log else np.array(sizes, dtype=float)
    names = [f"{size:,}" if log else f"{size}²" for size in sizes]
    ticks = [[(float(at), name) for at, name in zip(x, names, strict=True)]]
    panels = (
        ("training steps/s", [("steps/s", "steps_per_s", "#0072B2")]),
        (
            "10 ms timer lateness, ms",
            [("p50", "p50", "#009E73"), ("p95", "p95", "#D55E00")],
        ),
        ("canvas paints/s (frame rate)", [("paints/s", "paint_hz", "#CC79A7")]),
    )
    layout.show()  # offscreen: the layout takes its size only once shown
    for column, (title, series) in enumerate(panels):
        plot = layout.addPlot(row=0, col=column, title=title)
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setLabel("bottom", label)
        plot.getAxis("bottom").setTicks(ticks)
        plot.getAxis("left").setWidth(60)
        plot.addLegend(offset=(10, 10) if column == 1 else (-10, 10))  # clear of the curve
        top = SCALE_LATENESS_P95_MAX_MS if column == 1 else 1.0
        for name, key, color in series:
            y = np.array([r[key] for r in rows], dtype=float)
            plot.plot(x, y, pen=pg.mkPen(color, width=3), symbol="o", symbolBrush=color, name=name)
            if np.isfinite(y).any():
                top = max(top, float(np.nanmax(y)))
        if column == 1:
            plot.addLine(
                y=SCALE_LATENESS_P95_MAX_MS,
                pen=pg.mkPen("#555555", width=2, style=Qt.PenStyle.DashLine),
            )
        plot.setXRange(float(x[0]), float(x[-1]), padding=0.1)  # room for the end labels
        plot.setYRange(0, top * 1.05, padding=0)
    QApplication.processEvents()
    exporter = pg.exporters.ImageExporter(layout.scene())
    exporter.parameters()["width"] = 1500
    exporter.export(str(path))
    layout.close()
