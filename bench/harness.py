"""The measuring tools every section shares: the run's configuration, the Qt event-loop
helpers, the live window with a probe on every tab, the 10 ms lateness timer, child
processes, and the statistics (medians of repeats, ratios of back-to-back pairs).

The machines this runs on are shared and noisy, so every number that matters is a ratio or
a median measured inside one run."""

from __future__ import annotations

import itertools
import json
import math
import os
import statistics
import subprocess
import sys
import time
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QWidget

from bench.workloads import Case
from desktopdl.qt.app import application
from desktopdl.qt.lesson_tab import LessonTab
from desktopdl.qt.main_window import MainWindow
from desktopdl.qt.worker import freeze_startup_garbage

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "docs" / "benchmarks.md"
SMOOTH_INTERVAL_MS = 10

# Targets from the issues, shared by several sections.
APP_VS_BARE_MIN = 0.80
BARE_VS_PLAIN_MIN = 1.0
LATENESS_P95_MAX_MS = 10.0
LATENESS_MAX_MS = 50.0
#: How far apart two back-to-back measurements of the same loop land on this machine.
NOISE = 0.05


@dataclass(frozen=True)
class Config:
    """How long and how often to measure; --quick trades precision for time."""

    name: str
    reps: int
    loop_window_s: float
    app_warmup_s: float
    app_window_s: float
    smooth_reps: int
    smooth_window_s: float
    cold_reps: int
    memory_train_s: float
    scaling_window_s: float
    surface_calls: int
    #: Section "Scale": seconds of full-speed training per point count / surface size
    #: (timer on), and edits (clicks, pan steps) timed per action.
    scale_window_s: float = 3.0
    scale_actions: int = 20
    #: Section "Long runs": minutes of full-speed training, in windows of soak_window_s.
    soak_minutes: float = 30.0
    soak_window_s: float = 60.0


FULL = Config("full", 5, 1.0, 0.5, 2.0, 3, 5.0, 3, 10.0, 0.5, 30)
QUICK = Config(
    "quick",
    3,
    0.2,
    0.2,
    0.5,
    1,
    1.5,
    1,
    2.0,
    0.2,
    5,
    scale_window_s=1.0,
    scale_actions=5,
    soak_minutes=0.5,
    soak_window_s=15.0,
)


@dataclass
class Context:
    """What a section's measure gets: the run's configuration, the live window (None for
    the sections measured after it closed), and the notes the report lists at the end."""

    config: Config
    app: AppWindow | None = None
    notes: list[str] = field(default_factory=list)
    #: The sections asked for with --only (empty: all of them).
    only: list[str] = field(default_factory=list)


# -- timing -------------------------------------------------------------------------------


def steps_per_second(run: Callable[[int], None], window_s: float, chunk: int = 10) -> float:
    """Run chunks until window_s has passed; one chunk first so lazy set-up is not timed."""
    run(chunk)
    steps = 0
    start = time.perf_counter()
    while time.perf_counter() - start < window_s:
        run(chunk)
        steps += chunk
    return steps / (time.perf_counter() - start)


def median(values: list[float]) -> float:
    finite = [v for v in values if math.isfinite(v)]
    return statistics.median(finite) if finite else math.nan


def ratio(top: list[float], bottom: list[float]) -> float:
    """Median of per-repeat ratios: each pair was measured back to back, under the same load."""
    return median([t / b for t, b in zip(top, bottom, strict=True)])


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else math.nan


def timed_ms(action: Callable[[], object], reps: int) -> float:
    """Median wall time of ``action()`` over reps calls, in ms."""
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return median(times)


# -- the live app -------------------------------------------------------------------------


def run_events(seconds: float) -> None:
    """Let Qt run (paint, deliver snapshots) for a while: an event loop, never a sleep."""
    loop = QEventLoop()
    QTimer.singleShot(max(1, round(seconds * 1000)), loop.quit)
    loop.exec()


def wait_for(predicate: Callable[[], bool], timeout_s: float = 10.0) -> bool:
    """Run the event loop until predicate() holds (checked every 5 ms) or the timeout."""
    if predicate():
        return True
    loop = QEventLoop()
    poll, guard = QTimer(), QTimer()
    poll.setInterval(5)
    poll.timeout.connect(lambda: predicate() and loop.quit())
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    poll.start()
    guard.start(round(timeout_s * 1000))
    loop.exec()
    poll.stop()
    guard.stop()
    return predicate()


class TabProbe(QObject):
    """Sits between a tab's worker and its ``_take_snapshot`` slot, recording when each
    snapshot reached the screen, its step and epoch, and the GUI thread's time to take it;
    and wraps the canvas's and the cost plot's ``paintEvent`` (and the network diagram's) to
    time every repaint. It also counts what was redrawn: the probability surface's
    ``setImage`` calls, the network diagram's ``set_state`` calls and the cost landscapes
    shown on the lab page."""

    def __init__(self, tab: LessonTab):
        super().__init__()
        self.tab = tab
        #: (time on screen, step, epoch) of every snapshot taken.
        self.records: list[tuple[float, int, float]] = []
        self.take_ms: list[float] = []
        self.paint_ms: dict[str, list[float]] = {"canvas": [], "cost plot": []}
        self.updates = {"surface": 0, "diagram": 0, "landscape": 0}
        tab.worker.snapshot_ready.disconnect(tab._take_snapshot)
        tab.worker.snapshot_ready.connect(self.take)
        self._time_paints(tab.canvas, self.paint_ms["canvas"])
        self._time_paints(tab.cost_plot, self.paint_ms["cost plot"])
        # The probability surface is the overlay's (it was the tab's once: looking only
        # there counted 0 surfaces a second).
        surface = getattr(tab.overlay, "surface", None)
        if isinstance(surface, pg.ImageItem):
            surface.sigImageChanged.connect(lambda: self._count("surface"))
        diagram = getattr(tab, "diagram", None)
        if diagram is not None:
            self.paint_ms["diagram"] = []
            self._time_paints(diagram, self.paint_ms["diagram"])
            set_state = diagram.set_state

            def counted_set_state(*args: object, **kwargs: object) -> None:
                self._count("diagram")
                set_state(*args, **kwargs)

            diagram.set_state = counted_set_state  # draw_page looks it up on the instance
        if tab.landscape is not None:
            self.paint_ms["landscape"] = []
            self._time_paints(tab.landscape.main_plot, self.paint_ms["landscape"])
            image = tab.landscape.main_plot.image
            image.sigImageChanged.connect(lambda: self._count("landscape"))

    def _count(self, what: str) -> None:
        self.updates[what] += 1

    @staticmethod
    def _time_paints(view: QWidget, into: list[float]) -> None:
        original = type(view).paintEvent

        def paint_event(self: QWidget, event: QEvent) -> None:
            start = time.perf_counter()
            original(self, event)
            into.append((time.perf_counter() - start) * 1000)

        # A bound method on the instance: PySide calls it instead of the class's override.
        view.paintEvent = types.MethodType(paint_event, view)

    @Slot()
    def take(self) -> None:
        before = self.tab.snapshot
        start = time.perf_counter()
        self.tab._take_snapshot()
        end = time.perf_counter()
        snapshot = self.tab.snapshot
        if snapshot is not before and snapshot is not None:
            self.records.append((end, snapshot.step, snapshot.epoch))
            self.take_ms.append((end - start) * 1000)

    def clear(self) -> None:
        self.records.clear()
        self.take_ms.clear()
        for times in self.paint_ms.values():
            times.clear()
        for what in self.updates:
            self.updates[what] = 0


@dataclass
class AppWindow:
    """The real MainWindow, shown offscreen, with a probe on every tab."""

    window: MainWindow
    probes: dict[str, TabProbe] = field(default_factory=dict)
    image_updates: int = 0


def start_app() -> AppWindow:
    application()
    window = MainWindow()
    # Nothing here is the teacher's work: closing must not wait on the unsaved-lessons
    # question (offscreen, nobody answers it and the run never ends).
    window.confirm_close = False
    window.show()
    QTimer.singleShot(0, freeze_startup_garbage)  # as desktopdl.qt.app.run() does
    if not wait_for(lambda: all(t.snapshot is not None for t in window.tabs), 30):
        raise RuntimeError("the window never received its first snapshots")
    app = AppWindow(window, {t.lesson.key: TabProbe(t) for t in window.tabs})
    surface = window.tab_for("binary").overlay.surface

    def count_update(*_args: object) -> None:
        app.image_updates += 1

    surface.sigImageChanged.connect(count_update)
    return app


@dataclass(frozen=True)
class LiveRun:
    steps_per_s: float
    snapshots_per_s: float
    take_ms: list[float]
    canvas_paint_ms: list[float]
    cost_paint_ms: list[float]
    #: Share of wall time the GUI thread spent taking snapshots and painting the plots.
    gui_busy: float
    lateness_ms: list[float]
    status: str
    epochs_per_s: float = math.nan
    diagram_paint_ms: list[float] = field(default_factory=list)
    landscape_paint_ms: list[float] = field(default_factory=list)
    #: Surface images, diagram redraws (``set_state``) and landscapes shown, per second.
    updates_per_s: dict[str, float] = field(default_factory=dict)
    #: Seconds measured (paints per second = len(canvas_paint_ms) / elapsed_s).
    elapsed_s: float = math.nan


#: A lesson's own settings for a run, applied after the common ones and before the reset.
Setup = Callable[[LessonTab], None]


def prepare_tab(app: AppWindow, case: Case, setup: Setup | None = None) -> LessonTab:
    """Select the lesson, full speed, no step limit, the case's points via the editor, and a
    fresh start from the seed (so every repeat does the same work)."""
    tab = app.window.show_lesson(case.key)
    tab.pause()
    wait_for(lambda: not tab.snapshot.running)
    tab.speed_combo.setCurrentIndex(0)
    tab.steps_spin.setValue(0)
    tab.lr_spin.setValue(case.learning_rate)
    tab.seed_spin.setValue(0)
    tab.canvas.editor.replace(case.points, "bench")
    tab.canvas.set_view(case.points.bounds())
    if setup is not None:
        setup(tab)
    run_id = tab.snapshot.run_id
    tab.reset()
    if not wait_for(lambda: tab.snapshot.run_id != run_id):
        raise RuntimeError("reset never reached the screen")
    return tab


def live_run(
    app: AppWindow,
    case: Case,
    warmup_s: float,
    window_s: float,
    timer: bool = False,
    setup: Setup | None = None,
) -> LiveRun:
    """Train at full speed and measure over window_s; with ``timer``, also run a 10 ms
    precise QTimer in the GUI thread and record how late each tick came."""
    tab = prepare_tab(app, case, setup)
    probe = app.probes[case.key]
    tab.toggle_training()
    # Generous: opening the lab replays the run so far, which takes seconds on a slow host.
    if not wait_for(lambda: tab.snapshot.running, 60.0):
        raise RuntimeError("training never started")
    run_events(warmup_s)
    probe.clear()
    ticks: list[float] = []
    precise = QTimer()
    precise.setTimerType(Qt.TimerType.PreciseTimer)
    precise.setInterval(SMOOTH_INTERVAL_MS)
    precise.timeout.connect(lambda: ticks.append(time.perf_counter()))
    start = time.perf_counter()
    if timer:
        precise.start()
    run_events(window_s)
    precise.stop()
    elapsed = time.perf_counter() - start
    records, take_ms = list(probe.records), list(probe.take_ms)
    paints = {name: list(times) for name, times in probe.paint_ms.items()}
    updates = {what: count / elapsed for what, count in probe.updates.items()}
    status = tab.snapshot.status
    tab.pause()
    wait_for(lambda: not tab.snapshot.running)
    rate = epochs = math.nan
    if len(records) >= 2:
        (t0, s0, e0), (t1, s1, e1) = records[0], records[-1]
        rate, epochs = (s1 - s0) / (t1 - t0), (e1 - e0) / (t1 - t0)
    return LiveRun(
        steps_per_s=rate,
        snapshots_per_s=len(records) / elapsed,
        take_ms=take_ms,
        canvas_paint_ms=paints["canvas"],
        cost_paint_ms=paints["cost plot"],
        gui_busy=(sum(take_ms) + sum(sum(times) for times in paints.values())) / 1000 / elapsed,
        lateness_ms=lateness(ticks),
        status=status,
        epochs_per_s=epochs,
        diagram_paint_ms=paints.get("diagram", []),
        landscape_paint_ms=paints.get("landscape", []),
        updates_per_s=updates,
        elapsed_s=elapsed,
    )


def lateness(ticks: list[float]) -> list[float]:
    return [(b - a) * 1000 - SMOOTH_INTERVAL_MS for a, b in itertools.pairwise(ticks)]


def idle_lateness(window_s: float) -> list[float]:
    """The same 10 ms timer with nothing training: the machine's own noise floor."""
    ticks: list[float] = []
    precise = QTimer()
    precise.setTimerType(Qt.TimerType.PreciseTimer)
    precise.setInterval(SMOOTH_INTERVAL_MS)
    precise.timeout.connect(lambda: ticks.append(time.perf_counter()))
    precise.start()
    run_events(window_s)
    precise.stop()
    return lateness(ticks)


# -- child processes ----------------------------------------------------------------------


def run_child(
    module: str, args: list[str] | None = None, timeout_s: float = 120.0
) -> tuple[float, float, dict]:
    """Run ``python -m module args`` (a program under bench/children) from the repository
    root; returns (launch wall time, total seconds, the JSON report on its last line)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    launch = time.time()
    done = subprocess.run(
        [sys.executable, "-m", module, *(args or [])],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=timeout_s,
    )
    total = time.time() - launch
    if done.returncode != 0:
        raise RuntimeError(f"child failed ({done.returncode}):\n{done.stderr[-2000:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return launch, total, report


def command_seconds(args: list[str], reps: int) -> float:
    """Median wall time of a short command, for reference rows."""
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=True, cwd=ROOT, timeout=60)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# -- sections -----------------------------------------------------------------------------


class Section:
    """One topic of docs/benchmarks.md: what it measures and the markdown it writes.

    ``measure_window`` runs in the live window, in the order of the report, except the
    sections marked ``last`` (they leave state behind that would change the others' figures);
    the window then closes and ``measure`` runs for every section, in the same order. A
    section keeps its results on itself; ``report`` returns its markdown under its heading
    (``## N. title``, numbered by the report) and ``targets`` its rows of the Targets table.
    A section made from a self-contained ``bench/bench_X.py`` calls that module's measuring
    function in ``measure`` and formats its result in ``report``."""

    title: str = ""
    last: bool = False

    def measure_window(self, ctx: Context) -> None:
        """Measure in the live window (ctx.app); nothing by default."""

    def measure(self, ctx: Context) -> None:
        """Measure after the window closed (child processes, bare loops); nothing by default."""

    def targets(self, ctx: Context) -> list[str]:
        return []

    def report(self, ctx: Context) -> list[str]:
        return []
