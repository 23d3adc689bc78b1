"""A class's worth of random clicking while lessons train: nothing raises, no lesson ends in
an error, training still works afterwards, and no action holds the GUI thread long.

Each action is what a teacher does with the mouse or keys (switch lessons and lower pages,
train, step, reset, change a setting, load a preset, clear, undo, redo, click points onto
the canvas), drawn from a seeded generator so a failure replays. The GUI-thread time of
an action is its own call plus the event processing it causes at once (repaints, queued
signals); the slowest are printed, by wall-clock time and by the GUI thread's own CPU time.
The spec's bound is 100 ms per action: the 2,000-action run asserts it on the wall clock
(run it on a quiet machine). The CI run (150 actions) asserts 500 ms of GUI-thread CPU
time per action: on a shared 2-core machine the wall clock measured 1.1 s for an action
that used 93 ms of CPU (load average 15), so only the CPU time is a reliable check there.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QApplication

from desktopdl.core.trainer import Status
from desktopdl.qt.worker import freeze_startup_garbage
from tests.qt.conftest import click, full_speed, give_test_input, train_steps

#: The spec: no action holds the GUI thread longer than this.
SPEC_BOUND_S = 0.100
#: What the short CI run asserts, on the GUI thread's CPU time (5× the spec's bound).
CI_CPU_BOUND_S = 0.5
#: Pages whose stalls another change is fixing (Ledger →/rewind, softmax's one-vs-rest
#: with Test, the network diagram): reported, and left out of the bound until it lands.
KNOWN_SLOW_PAGES = {"ledger_panel", "one_vs_rest_page", "network_page"}


@dataclass
class Timing:
    name: str
    lesson: str
    page: str
    #: Wall-clock time: what the class sees.
    seconds: float
    #: The GUI thread's own CPU time: the action's work, without the waits for a CPU that
    #: a machine shared with other jobs adds.
    cpu: float = 0.0


@dataclass
class Run:
    """What a run saw: each action's GUI-thread time, and the worst event-loop turn while
    the lessons trained between actions (a snapshot drawn, a page repainted)."""

    actions: list[Timing] = field(default_factory=list)
    between: list[Timing] = field(default_factory=list)
    uncaught: list[str] = field(default_factory=list)

    def slowest(self, timings: list[Timing], n: int = 8) -> list[Timing]:
        return sorted(timings, key=lambda t: t.seconds, reverse=True)[:n]

    def report(self) -> str:
        cpu = statistics.median(t.cpu for t in self.actions) if self.actions else 0.0
        lines = [
            f"{len(self.actions)} actions; median {1000 * self.median():.1f} ms wall, "
            f"{1000 * cpu:.1f} ms GUI-thread CPU"
        ]
        lines.append("slowest actions (wall ms, GUI-thread CPU ms):")
        lines += [
            f"  {1000 * t.seconds:8.1f} {1000 * t.cpu:8.1f}  {t.name:<14} {t.lesson:<12} {t.page}"
            for t in self.slowest(self.actions)
        ]
        lines.append("most GUI-thread CPU:")
        lines += [
            f"  {1000 * t.seconds:8.1f} {1000 * t.cpu:8.1f}  {t.name:<14} {t.lesson:<12} {t.page}"
            for t in sorted(self.actions, key=lambda t: t.cpu, reverse=True)[:8]
        ]
        lines.append("slowest event-loop turns between actions:")
        lines += [
            f"  {1000 * t.seconds:8.1f} ms  after {t.name:<8} {t.lesson:<12} {t.page}"
            for t in self.slowest(self.between, 5)
        ]
        return "\n".join(lines)

    def median(self) -> float:
        return statistics.median(t.seconds for t in self.actions) if self.actions else 0.0


def actions(window, rng: random.Random) -> dict[str, Callable[[], None]]:
    """The teacher's moves, each on the lesson on screen."""

    def tab():
        return window.current_tab

    def switch_lesson():
        window.show_lesson(rng.choice(window.tabs).lesson.key)

    def switch_page():
        views = tab().views
        views.setCurrentIndex(rng.randrange(views.count()))

    def train():
        full_speed(tab())
        tab().toggle_training()

    def change_setting():
        current = tab()
        choice = rng.randrange(5)
        if choice == 0:
            spin = current.lr_spin
            spin.setValue(rng.uniform(spin.minimum(), min(spin.maximum(), 1.0)))
        elif choice == 1:
            current.seed_spin.setValue(rng.randrange(1000))
        elif choice == 2:
            combo = current.optimizer_combo
            combo.setCurrentIndex(rng.randrange(combo.count()))
        elif choice == 3:
            current.steps_spin.setValue(rng.choice([0, 0, 100, 1000, 5000]))
        else:
            combo = current.speed_combo
            combo.setCurrentIndex(rng.randrange(combo.count()))

    def load_preset():
        current = tab()
        if current.presets:
            index = rng.randrange(len(current.presets))
            current.preset_combo.setCurrentIndex(index)
            current.preset_combo.activated.emit(index)

    def clear():
        button = getattr(tab().workspace, "clear_button", None)
        if button is not None:
            button.click()

    def add_point():
        current = tab()
        if hasattr(current.canvas, "viewport"):
            rect = current.workspace.visible_rect()
            x = rng.uniform(rect.xmin, rect.xmax) * 0.8 + 0.1 * (rect.xmin + rect.xmax)
            y = rng.uniform(rect.ymin, rect.ymax) * 0.8 + 0.1 * (rect.ymin + rect.ymax)
            current.set_current_class(rng.randrange(max(1, current.lesson.canvas_classes)))
            click(current, x, y)
        else:
            give_test_input(current)

    return {
        "switch lesson": switch_lesson,
        "switch page": switch_page,
        "train/pause": train,
        "step": lambda: tab().step_once(),
        "reset": lambda: tab().reset(),
        "setting": change_setting,
        "load preset": load_preset,
        "clear": clear,
        "undo": lambda: tab().workspace.undo_stack.undo(),
        "redo": lambda: tab().workspace.undo_stack.redo(),
        "add point": add_point,
    }


#: How often each move is drawn: edits and training most, lesson switches less.
WEIGHTS = {
    "switch lesson": 4,
    "switch page": 6,
    "train/pause": 8,
    "step": 3,
    "reset": 4,
    "setting": 8,
    "load preset": 4,
    "clear": 2,
    "undo": 5,
    "redo": 3,
    "add point": 12,
}


def run_actions(window, count: int, seed: int) -> Run:
    rng = random.Random(seed)
    moves = actions(window, rng)
    names, weights = list(WEIGHTS), list(WEIGHTS.values())
    app = QApplication.instance()
    run = Run()
    previous_hook = sys.excepthook
    sys.excepthook = lambda kind, value, tb: run.uncaught.append(f"{kind.__name__}: {value}")
    freeze_startup_garbage()  # as the app does after start-up: no 100 ms collections
    try:
        window.current_tab.toggle_training()
        for _ in range(count):
            name = rng.choices(names, weights)[0]
            tab = window.current_tab
            lesson, page = tab.lesson.key, tab.current_page_name()
            started, started_cpu = time.perf_counter(), time.thread_time()
            moves[name]()
            app.processEvents()  # what the action set off at once: repaints, queued signals
            elapsed, cpu = time.perf_counter() - started, time.thread_time() - started_cpu
            now = window.current_tab
            if (now.lesson.key, now.current_page_name()) != (lesson, page):
                lesson, page = now.lesson.key, f"{page} → {now.current_page_name()}"
            run.actions.append(Timing(name, lesson, page, elapsed, cpu))
            # Let the lessons train a moment, as between a teacher's clicks.
            until = time.perf_counter() + rng.uniform(0.0, 0.02)
            worst = 0.0
            while time.perf_counter() < until:
                turn = time.perf_counter()
                app.processEvents()
                worst = max(worst, time.perf_counter() - turn)
            tab = window.current_tab
            run.between.append(Timing(name, tab.lesson.key, tab.current_page_name(), worst))
            errors = [
                t.snapshot.message
                for t in window.tabs
                if t.snapshot is not None and t.snapshot.status == Status.ERROR
            ]
            assert not errors, f"after {name}: {errors}"
    finally:
        sys.excepthook = previous_hook
    return run


def trains_after(qtbot, window) -> None:
    """A fresh Train on the first lesson's own preset: the cost falls."""
    for tab in window.tabs:
        tab.pause()
    tab = window.show_lesson(window.tabs[0].lesson.key)
    tab.load_lesson_file(tab._default_preset())
    tab.views.setCurrentWidget(tab.cost_plot)
    tab.reset()
    qtbot.waitUntil(lambda: tab.snapshot.step == 0 and not tab.snapshot.running, timeout=20_000)
    train_steps(qtbot, tab, 200)
    costs = tab.cost_plot.values
    assert len(costs) >= 200 and costs[-1] < costs[0]


def check(run: Run, capfd, wall: float | None = None, cpu: float | None = None) -> None:
    err = capfd.readouterr().err
    with capfd.disabled():
        print("\n" + run.report())
    assert run.uncaught == []
    assert "Traceback" not in err, err[-3000:]
    over = [
        t
        for t in run.actions
        if ((wall is not None and t.seconds > wall) or (cpu is not None and t.cpu > cpu))
        and not any(known in t.page for known in KNOWN_SLOW_PAGES)
    ]
    assert not over, "\n" + "\n".join(
        f"{1000 * t.seconds:.0f} ms ({1000 * t.cpu:.0f} ms CPU): {t.name} on {t.lesson}/{t.page}"
        for t in over
    )


def test_150_random_actions_while_training(window, qtbot, capfd):
    run = run_actions(window, 150, seed=15)
    trains_after(qtbot, window)
    check(run, capfd, cpu=CI_CPU_BOUND_S)


@pytest.mark.slow
def test_2000_random_actions_while_training(window, qtbot, capfd):
    run = run_actions(window, 2000, seed=2000)
    trains_after(qtbot, window)
    check(run, capfd, wall=SPEC_BOUND_S)
