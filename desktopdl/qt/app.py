"""Start-up: the QApplication, the first window, the theme, the main window, Ctrl+C and
the self-test.

``run()`` paints a light first window (``first_paint.FirstWindow``) before torch,
pyqtgraph and the lessons are imported, builds the main window behind it and closes it
once the main window has painted. This module therefore imports only Qt and the small
``i18n`` and ``first_paint`` modules at the top; everything heavy is imported where it is
used (``MainWindow`` stays reachable as ``app.MainWindow``).
"""

from __future__ import annotations

import math
import os
import signal
import socket
import sys
import tempfile
import time

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from desktopdl.qt import first_paint, i18n
from desktopdl.resources import resource

SELF_TEST_STEPS = 50
SELF_TEST_TIMEOUT_S = 60.0


#: How long a thread may hold the GIL while another waits (Python's default is 5 ms).
GIL_SWITCH_S = 0.001

#: Fonts are added to Qt's font database once per process, however often the app is made.
_fonts_registered: list[bool] = []


def __getattr__(name: str):
    """``app.MainWindow`` without importing torch when this module is imported."""
    if name == "MainWindow":
        from desktopdl.qt.main_window import MainWindow

        return MainWindow
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def base_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with its names, icon, Korean font and language: all the first
    window needs, and nothing that imports pyqtgraph or torch."""
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("DesktopDL")
    app.setOrganizationName("DesktopDL")
    app.setDesktopFileName("desktopdl")
    if app.windowIcon().isNull():
        # Once: setting it again walks every top-level widget, and a test process that
        # called this per test crashed there on a widget a previous test left half-deleted.
        app.setWindowIcon(QIcon(str(resource("icons", "desktopdl.svg"))))
    if not _fonts_registered:
        i18n.register_fonts()
        _fonts_registered.append(True)
    i18n.install(app, i18n.chosen_language())
    return app


def application(argv: list[str] | None = None) -> QApplication:
    from desktopdl.qt import theme
    from desktopdl.qt.worker import collect_garbage_in_gui_thread, stop_all_workers

    app = base_application(argv)
    theme.apply(app)
    collect_garbage_in_gui_thread()
    app.aboutToQuit.connect(stop_all_workers)
    # The training thread runs Python between its torch calls; with the default 5 ms GIL
    # switch interval the GUI thread could wait that long for each turn (a late repaint).
    sys.setswitchinterval(GIL_SWITCH_S)
    return app


class Interrupts(QObject):
    """Ctrl+C in the launching terminal closes the window as its close button does.

    Python's own SIGINT handler raises KeyboardInterrupt inside whatever Python code runs
    next: a paint or snapshot handler called from Qt, which printed a traceback, never
    quit, and sometimes crashed. Here the handler only notes the press; the C-level part of
    the signal writes a byte to a socket (``signal.set_wakeup_fd``) that a
    ``QSocketNotifier`` watches, so Qt's event loop wakes and calls ``close()`` on the
    window from an ordinary event: training threads stopped, an unsaved deck asked about.
    """

    def __init__(self) -> None:
        super().__init__()
        #: A Ctrl+C that has not been acted on yet (start-up checks it between stages).
        self.requested = False
        self.window: QWidget | None = None
        self._closing = False
        self._previous = signal.signal(signal.SIGINT, self._on_signal)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._notifier: QSocketNotifier | None = None

    def _on_signal(self, _signum: int, _frame) -> None:
        self.requested = True

    def listen(self) -> None:
        """Watch the socket (once the QApplication exists: a notifier needs its loop)."""
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self, *_args) -> None:
        # The bytes are the signals' numbers. Act on them, not on ``requested``: when the
        # signal lands on a training thread, Python 3.11 may run the Python-level handler
        # only much later (nothing prompts the main thread to look), yet the byte is here.
        received = b""
        try:
            while chunk := self._reader.recv(64):
                received += chunk
        except (BlockingIOError, InterruptedError):
            pass
        if signal.SIGINT in received and self.window is not None:
            self.requested = False
            self.close_window()

    def close_window(self) -> None:
        """Close the window like its close button (a second press while it asks is ignored)."""
        if self._closing or self.window is None:
            return
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self.window:
            # A dialog's own event loop is running: close it, then the window once it ended.
            modal.close()
            QTimer.singleShot(0, self.close_window)
            return
        self._closing = True
        try:
            closed = self.window.close()
        finally:
            self._closing = False
        if closed:
            QApplication.quit()

    def finish(self) -> None:
        """The window has closed: stop listening and ignore further presses while the
        process cleans up (a KeyboardInterrupt there would interrupt joining the threads)."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        self._reader.close()
        self._writer.close()
        self.window = None


def run(
    lesson_key: str | None = None,
    path: str | None = None,
    scale: float | None = None,
    session: str | None = None,
    deck: str | None = None,
) -> int:
    """The window a teacher launches: the first window at once, the lessons behind it."""
    if first_paint.uses_xcb():
        missing = first_paint.missing_xcb_packages()
        if missing:  # Qt would abort with "could not load the Qt platform plugin xcb"
            print(first_paint.xcb_message(missing), file=sys.stderr)
            return 2
    interrupts = Interrupts()
    try:
        return _run(interrupts, lesson_key, path, scale, session, deck)
    finally:
        interrupts.finish()


def _run(
    interrupts: Interrupts,
    lesson_key: str | None,
    path: str | None,
    scale: float | None,
    session: str | None,
    deck: str | None,
) -> int:
    app = base_application()
    interrupts.listen()
    saved_scale, dark = first_paint.saved_look()
    first = first_paint.show_first_window(scale if scale is not None else saved_scale, dark)
    try:
        # torch alone first (the slowest import), then a chance for the first window to
        # answer the window system before the lessons and their plots load.
        import torch  # noqa: F401

        QCoreApplication.processEvents()
        from desktopdl.core.lessons import REGISTRY
        from desktopdl.qt.main_window import MainWindow
    except ImportError as error:
        first.close()
        print(f"DesktopDL cannot start its window: {error}", file=sys.stderr)
        return 2
    if lesson_key is not None and lesson_key not in REGISTRY:
        first.close()
        print(
            f"desktopdl: unknown lesson {lesson_key!r}; choose from {', '.join(REGISTRY)}",
            file=sys.stderr,
        )
        return 2
    QCoreApplication.processEvents()
    application()
    restore_look(app, scale)
    if interrupts.requested:  # Ctrl+C while loading: nothing to save yet
        first.close()
        return 0
    window = MainWindow(lesson_key)
    interrupts.window = window
    if session is not None:
        window.restore_session(session)
    if path is not None:
        window.open_path(path)
    if interrupts.requested:
        first.close()
        window.shutdown()
        return 0
    first_paint.on_first_paint(window, lambda: _main_window_painted(first, window))
    window.show()
    if deck is not None:
        window.open_deck(deck)
    return app.exec()


def _main_window_painted(first: first_paint.FirstWindow, window) -> None:
    """Close the first window once the main one is drawn, so no blank frame shows between."""
    QTimer.singleShot(0, first.close)
    first_paint.log_startup("window painted")
    _when_ready(window)


def _when_ready(window) -> None:
    """Once the lesson on screen has its first snapshot (it can be trained): log "ready",
    then build the other lessons' pages behind it, and only then freeze the start-up
    garbage (a full collection before would stall once more for everything built after)."""
    from desktopdl.qt.worker import freeze_startup_garbage

    poll = QTimer(window)

    def check() -> None:
        if window.current_tab.snapshot is not None:
            poll.stop()
            first_paint.log_startup("ready")
            window.build_remaining_pages(then=freeze_startup_garbage)

    poll.timeout.connect(check)
    poll.start(5)
    check()


def restore_look(app: QApplication, scale: float | None = None) -> None:
    """The presenter's last theme and size (or ``--scale``), kept in QSettings."""
    from desktopdl.qt import theme

    saved, dark = first_paint.saved_look()
    theme.set_look(app, None, scale=scale if scale is not None else saved, dark=dark)


def _save_and_reopen(window, tab) -> list[str]:
    """Save the trained lesson with its weights to a temporary file and open it again."""
    from desktopdl.core import lesson_file
    from desktopdl.qt.i18n import tr_core

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
    from desktopdl.qt.main_window import MainWindow

    app = application()
    window = MainWindow()
    window.confirm_close = False  # nothing to keep, and no one to answer a question
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
