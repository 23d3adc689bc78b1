"""Start-up: the QApplication, the theme, the main window, and the self-test."""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktopdl.core import lesson_file
from desktopdl.qt import i18n, theme
from desktopdl.qt.i18n import tr_core
from desktopdl.qt.main_window import MainWindow
from desktopdl.qt.worker import freeze_startup_garbage, stop_all_workers
from desktopdl.resources import resource

SELF_TEST_STEPS = 50
SELF_TEST_TIMEOUT_S = 60.0


#: How long a thread may hold the GIL while another waits (Python's default is 5 ms).
GIL_SWITCH_S = 0.001


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("DesktopDL")
    app.setOrganizationName("DesktopDL")
    app.setDesktopFileName("desktopdl")
    app.setWindowIcon(QIcon(str(resource("icons", "desktopdl.svg"))))
    i18n.register_fonts()
    i18n.install(app, i18n.chosen_language())
    theme.apply(app)
    app.aboutToQuit.connect(stop_all_workers)
    # The training thread runs Python between its torch calls; with the default 5 ms GIL
    # switch interval the GUI thread could wait that long for each turn (a late repaint).
    sys.setswitchinterval(GIL_SWITCH_S)
    return app


def run(
    lesson_key: str | None = None,
    path: str | None = None,
    scale: float | None = None,
    session: str | None = None,
    deck: str | None = None,
) -> int:
    app = application()
    restore_look(app, scale)
    window = MainWindow(lesson_key)
    if session is not None:
        window.restore_session(session)
    if path is not None:
        window.open_path(path)
    window.show()
    if deck is not None:
        window.open_deck(deck)
    QTimer.singleShot(0, freeze_startup_garbage)
    return app.exec()


def restore_look(app: QApplication, scale: float | None = None) -> None:
    """The presenter's last theme and size (or ``--scale``), kept in QSettings."""
    store = QSettings()
    dark = str(store.value("dark", "false")).lower() == "true"
    saved = float(store.value("scale", 1.0) or 1.0)
    theme.set_look(app, None, scale=scale if scale is not None else saved, dark=dark)


def _save_and_reopen(window: MainWindow, tab) -> list[str]:
    """Save the trained lesson with its weights to a temporary file and open it again."""
    name = tab.lesson.key
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, f"{name}.json")
        if not window.save_path(path, with_weights=True, remember=False):
            return [f"{name}: the lesson file could not be saved"]
        saved = lesson_file.read(path)
        if not window.open_path(path, remember=False) or window.current_tab is not tab:
            return [f"{name}: the saved lesson file did not open"]
    if saved.data != tab.workspace.data() or saved.weights is None:
        return [f"{name}: the reopened file lost its points or weights"]
    print(f"self-test: {tr_core(tab.lesson.title)}: lesson file saved and reopened")
    return []


def self_test() -> int:
    """Build the window offscreen, train every lesson a few steps, report, exit 0 or 1."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    window = MainWindow()
    failures = []
    try:
        for tab in window.tabs:
            window.show_lesson(tab.lesson.key)
            tab.speed_combo.setCurrentIndex(0)  # full speed
            tab.steps_spin.setValue(SELF_TEST_STEPS)
            tab.reset()
            tab.toggle_training()
            deadline = time.monotonic() + SELF_TEST_TIMEOUT_S
            while time.monotonic() < deadline:
                QCoreApplication.processEvents()
                snap = tab.snapshot
                if snap is not None and snap.step >= SELF_TEST_STEPS and not snap.running:
                    break
                time.sleep(0.005)
            costs = tab.cost_plot.values
            name = tab.lesson.title
            if len(costs) < SELF_TEST_STEPS:
                failures.append(f"{name}: only {len(costs)} of {SELF_TEST_STEPS} steps ran")
            elif not (all(math.isfinite(c) for c in costs) and costs[-1] < costs[0]):
                failures.append(f"{name}: the cost did not fall ({costs[0]:.4f} → {costs[-1]:.4f})")
            else:
                print(
                    f"self-test: {name}: cost {costs[0]:.4f} → {costs[-1]:.4f} "
                    f"in {len(costs)} steps on {tab.snapshot.device_reason}"
                )
                failures += _save_and_reopen(window, tab)
    finally:
        if not window.shutdown():
            failures.append("a training thread did not stop")
        window.close()
        app.processEvents()
    if (
        not i18n.install(app, "ko")
        or QCoreApplication.translate("LessonTab", "② Train") == "② Train"
    ):
        failures.append("the Korean translation did not load")
    else:
        print("self-test: Korean translation loads")
    i18n.install(app, i18n.chosen_language())
    for failure in failures:
        print(f"self-test FAILED: {failure}", file=sys.stderr)
    if not failures:
        print("self-test: OK")
    return 1 if failures else 0
