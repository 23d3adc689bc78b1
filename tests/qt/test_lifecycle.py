"""Closing, switching lessons and starting from the command line never hang or crash."""

import subprocess
import sys
import threading
import weakref

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QWidget

import desktopdl
from desktopdl.qt.app import application
from desktopdl.qt.main_window import MainWindow
from tests.qt.conftest import full_speed


@pytest.fixture
def qt_messages():
    seen = []
    previous = qInstallMessageHandler(lambda kind, _ctx, text: seen.append((kind, text)))
    yield seen
    qInstallMessageHandler(previous)


def test_widgets_left_in_reference_cycles_are_destroyed_in_the_gui_thread(qtbot):
    """A training thread that allocates must not be the one that frees the widgets
    garbage holds: a Qt destructor run there deadlocked against the GUI thread (the
    window froze for good)."""
    application()
    freed_in = []
    widget = QWidget()
    widget.itself = widget  # a cycle: only the garbage collector frees it
    weakref.finalize(widget, lambda: freed_in.append(threading.current_thread()))
    del widget

    allocated = []

    def allocate_like_a_training_thread() -> None:
        allocated.extend([] for _ in range(200_000))  # enough for many collections

    thread = threading.Thread(target=allocate_like_a_training_thread)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(freed_in), timeout=5_000)
    allocated.clear()
    assert freed_in == [threading.main_thread()]


def test_closing_the_window_while_training_stops_every_thread(qtbot, qt_messages):
    application()
    window = MainWindow()
    window.show()
    qtbot.waitUntil(lambda: all(tab.snapshot is not None for tab in window.tabs))
    for tab in window.tabs:
        full_speed(tab)
        tab.steps_spin.setValue(0)
        window.show_lesson(tab.lesson.key)
        tab.toggle_training()
        qtbot.waitUntil(lambda t=tab: t.snapshot.running)
    window.close()
    assert all(tab.worker.isFinished() for tab in window.tabs)
    assert not [t for k, t in qt_messages if "QThread" in t or k == QtMsgType.QtFatalMsg]


def test_switching_lessons_pauses_the_one_left(open_lesson, qtbot):
    linear = open_lesson("linear")
    full_speed(linear)
    linear.steps_spin.setValue(0)
    linear.toggle_training()
    qtbot.waitUntil(lambda: linear.snapshot.running)
    open_lesson("binary")
    qtbot.waitUntil(lambda: not linear.snapshot.running)
    step = linear.snapshot.step
    qtbot.wait(100)
    assert linear.snapshot.step == step


def test_reset_while_training_stops_and_returns_to_the_start(open_lesson, qtbot):
    tab = open_lesson("binary")
    full_speed(tab)
    tab.steps_spin.setValue(0)
    tab.toggle_training()
    qtbot.waitUntil(lambda: tab.snapshot.running and tab.snapshot.step > 50)
    tab.reset()
    qtbot.waitUntil(lambda: tab.snapshot.step == 0 and not tab.snapshot.running)
    qtbot.wait(100)
    assert tab.snapshot.step == 0


def test_lesson_option_opens_that_tab(qtbot):
    application()
    window = MainWindow(lesson_key="binary")
    qtbot.addWidget(window)
    try:
        assert window.current_tab.lesson.key == "binary"
    finally:
        assert window.shutdown()


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktopdl", *args], capture_output=True, text=True, timeout=120
    )


def test_version_option():
    out = run_cli("--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"DesktopDL {desktopdl.__version__}"


def test_self_test_trains_every_lesson_and_exits_zero():
    out = run_cli("--self-test")
    assert out.returncode == 0, out.stderr
    assert "Linear Regression: cost" in out.stdout
    assert "Binary Classification: cost" in out.stdout
    assert out.stdout.strip().endswith("self-test: OK")


def test_unknown_lesson_is_refused_with_the_choices():
    out = run_cli("--lesson", "astrology")
    assert out.returncode == 2
    assert "binary" in out.stderr and "linear" in out.stderr


def test_void_calls_do_not_drain_none_refcount(qtbot):
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None on every void call and then
    aborted the interpreter; the pinned version must not."""
    from PySide6.QtWidgets import QWidget

    application()
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        widget.update()
    assert sys.getrefcount(None) >= before - 100


def test_opening_a_damaged_lesson_file_warns_and_keeps_the_work(
    open_lesson, window, tmp_path, monkeypatch
):
    from desktopdl.qt import main_window

    warnings = []
    monkeypatch.setattr(
        main_window.QMessageBox, "warning", lambda _parent, title, text: warnings.append(text)
    )
    tab = open_lesson("binary")
    before = tab.canvas.editor.points
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "desktopdl-lesson", "version": 1, "lesson": "bin')
    assert window.open_path(str(bad)) is False
    assert warnings and "damaged" in warnings[0]
    assert tab.canvas.editor.points == before
    from desktopdl.resources import resource

    good = tmp_path / "nonlinear.json"
    good.write_text(resource("presets", "lecture_nonlinear.json").read_text())
    assert window.open_path(str(good)) is True
    assert window.current_tab.lesson.key == "binary"
    assert len(window.current_tab.canvas.editor.points) == 7
    assert window.recent_files()[0] == str(good.resolve())


def test_version_does_not_import_torch_and_an_unknown_lesson_is_named():
    from desktopdl import cli

    assert cli.main(["--lesson", "nonsense"]) == 2
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from desktopdl.cli import main\n"
            "try: main(['--version'])\nexcept SystemExit: pass\nprint('torch' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip().endswith("False")
