"""Drive the real app into each lesson's teaching state and save PNGs for a person to look at.

Run under a display (e.g. ``xvfb-run -s "-screen 0 1920x1080x24" python bench/screenshots.py``);
it trains each lesson, sets a test point, opens the gradient-descent lab views, and grabs the
window at 1920×1080 and 1024×768.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktopdl.core.views import LandscapeView, ShadowRuns
from desktopdl.qt.app import application, restore_look
from desktopdl.qt.main_window import MainWindow


def wait_until(predicate, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not predicate():
        QCoreApplication.processEvents()
        time.sleep(0.01)
    for _ in range(20):
        QCoreApplication.processEvents()


def train(tab, steps: int = 2000) -> None:
    tab.reset()
    # Step 0 of a new run (opening the lab replays the run, which also changes the run id).
    wait_until(lambda: tab.snapshot.step == 0 and not tab.snapshot.running)
    tab.toggle_training()
    wait_until(lambda: tab.snapshot.step >= steps and not tab.snapshot.running)


def lesson_window(out_dir: str, width: str, height: str, key: str):
    """The app in the saved theme at ``width`` × ``height`` showing lesson ``key``, and a
    function that saves the window as ``<key>_<name>_<width>x<height>.png`` in ``out_dir``
    (one lesson's screenshot scripts start here)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    restore_look(app)  # the saved theme (dark or light)
    window = MainWindow()
    window.confirm_close = False  # no one to answer "save the lessons?" here
    window.resize(int(width), int(height))
    window.show()
    wait_until(lambda: all(tab.snapshot is not None for tab in window.tabs))
    tab = window.show_lesson(key)

    def grab(name: str) -> None:
        wait_until(lambda: False, 0.6)
        path = out / f"{key}_{name}_{width}x{height}.png"
        window.grab().save(str(path))
        size = window.size()
        grown = "" if (size.width(), size.height()) == (int(width), int(height)) else " (GREW)"
        print(
            path,
            f"{size.width()}×{size.height()}{grown}",
            window.minimumSizeHint().toTuple(),
            tab.minimumSizeHint().toTuple(),
            tab.plots.minimumSizeHint().toTuple(),
            tab.readout.parentWidget().minimumSizeHint().toTuple(),
        )

    return app, window, tab, grab


def main(out_dir: str = "shots") -> None:
    out = Path(out_dir)
    out.mkdir(exist_ok=True)
    app = application()
    window = MainWindow()
    window.confirm_close = False  # no one to answer "save the lessons?" here
    window.show()
    wait_until(lambda: all(tab.snapshot is not None for tab in window.tabs))

    def grab(name: str) -> None:
        wait_until(lambda: False, 0.4)
        path = out / f"{name}.png"
        window.grab().save(str(path))
        print(path)

    for size in ((1920, 1080), (1024, 768)):
        window.resize(*size)
        suffix = f"{size[0]}x{size[1]}"
        for tab in window.tabs:
            window.show_lesson(tab.lesson.key)
            tab.views.setCurrentWidget(tab.opening_page())
            tab.speed_combo.setCurrentIndex(0)
            tab.steps_spin.setValue(2000)
            train(tab)
            tab.test_mode_button.setChecked(True)
            tab._test_clicked(*((6.0, 4.0) if tab.lesson.gradient_lab else (1.5, 2.5)))
            grab(f"{tab.lesson.key}_{suffix}")
            tab.test_mode_button.setChecked(False)
    window.resize(1920, 1080)
    for tab in window.tabs:
        if not tab.lesson.gradient_lab:
            window.show_lesson(tab.lesson.key)
            tab.plots.setSizes([520, 480])
            tab.views.setCurrentIndex(0)  # the lesson's own page (one-vs-rest, the diagram)
            grab(f"{tab.lesson.key}_page")
            if tab.lesson.offers_datasets:
                for index in range(tab.workspace.dataset_combo.count()):
                    tab.workspace.dataset_combo.setCurrentIndex(index)
                    tab.regenerate()
                    tab.steps_spin.setValue(1500)
                    train(tab, 1500)
                    grab(f"{tab.lesson.key}_dataset_{tab.workspace.dataset_combo.currentData()}")
            continue
        window.show_lesson(tab.lesson.key)
        tab.plots.setSizes([450, 550])
        tab.views.setCurrentIndex(1)
        tab.landscape.race_check.setChecked(True)
        if tab.lesson.key == "binary":
            tab.landscape.pair_combo.setCurrentIndex(1)
            tab.landscape.compare_check.setChecked(True)
        train(tab, 300 if tab.lesson.key == "linear" else 2000)

        def landscapes_drawn(t=tab) -> bool:
            view = t.snapshot.view(LandscapeView)
            runs = t.snapshot.view(ShadowRuns)
            compared = not t.landscape.compare_check.isChecked() or view.companion is not None
            return view is not None and view.main is not None and compared and runs is not None

        wait_until(landscapes_drawn)
        grab(f"{tab.lesson.key}_landscape")
        tab.views.setCurrentIndex(2)
        grab(f"{tab.lesson.key}_slice")
        tab.step_by_combo.setCurrentIndex(1)
        tab.reset()
        wait_until(lambda t=tab: t.snapshot.step == 0)
        for _ in range(9):
            tab.step_once()
            wait_until(lambda: False, 0.05)
        tab.views.setCurrentIndex(3)
        grab(f"{tab.lesson.key}_ledger_phase")
    window.shutdown()
    app.quit()


if __name__ == "__main__":
    main(*sys.argv[1:])
