"""Start-up as a teacher meets it: a window before the heavy imports, Ctrl+C in the
launching terminal closing it like its close button, and a sentence naming the package
when Qt's X11 plugin cannot load."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QColor

from desktopdl import cli
from desktopdl.qt import app, first_paint
from tests.launched_app import Launched, launch_training, problems

LESSONS = ("linear", "binary", "softmax", "network", "overfitting", "cnn", "rnn")


# -- the first window ----------------------------------------------------------------------


def test_the_first_window_needs_neither_torch_nor_pyqtgraph():
    """What run() imports before it paints: torch alone takes about a second."""
    code = (
        "import sys; import desktopdl.qt.app, desktopdl.qt.first_paint; "
        "print(sorted(m for m in ('torch', 'pyqtgraph', 'numpy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_app_main_window_is_still_reachable():
    """``app.MainWindow`` (the benchmark's children use it) is loaded on first use."""
    from desktopdl.qt.main_window import MainWindow

    assert app.MainWindow is MainWindow


@pytest.mark.parametrize("dark", [False, True])
def test_the_first_window_wears_the_presenters_theme(qtbot, dark):
    from desktopdl.qt import theme

    app.base_application()
    first = first_paint.FirstWindow(scale=1.0, dark=dark)
    qtbot.addWidget(first)
    before = theme.LOOK.dark
    theme.LOOK.dark = dark
    try:
        background, foreground = theme.LOOK.background, theme.LOOK.foreground
    finally:
        theme.LOOK.dark = before
    image = first.picture.toImage()
    assert image.pixelColor(2, 2) == background
    # the title is drawn in the theme's text colour: some pixels are exactly that colour
    width, height = image.width(), image.height()
    colours = {
        image.pixelColor(x, y).rgb() for x in range(0, width, 2) for y in range(0, height // 2, 2)
    }
    assert foreground.rgb() in colours
    assert QColor(first_paint.ACCENT).rgb() in {
        image.pixelColor(x, height - 2).rgb() for x in range(width)
    }


def test_the_first_window_grows_with_the_presenters_scale(qtbot):
    app.base_application()
    small, large = first_paint.FirstWindow(1.0), first_paint.FirstWindow(1.5)
    qtbot.addWidget(small)
    qtbot.addWidget(large)
    assert large.width() > small.width() and large.height() > small.height()


def test_a_dialog_during_start_up_is_not_hidden_under_the_first_window(qtbot):
    """A lesson file that cannot be read warns before the main window shows."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    app.base_application()
    first = first_paint.show_first_window()
    qtbot.addWidget(first)
    assert first.isVisible() and first.painted
    box = QMessageBox(QMessageBox.Icon.Warning, "DesktopDL", "Cannot open the lesson file")
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitUntil(lambda: not first.isVisible())
    box.close()


def test_the_first_window_is_painted_before_the_main_window():
    """The start-up events of a real launch, in the order a teacher sees them."""
    launched = Launched(["-m", "desktopdl"])
    assert launched.wait_line('"ready"'), launched.seen
    launched.interrupt()
    code, errors = launched.finish()
    events = [line.split('"startup": "')[1].split('"')[0] for line in launched.seen]
    assert events == ["first paint", "window painted", "ready"]
    assert problems(code, errors) == [], errors[-3000:]


def test_an_unknown_lesson_is_refused_with_the_choices():
    done = subprocess.run(
        [sys.executable, "-m", "desktopdl", "--lesson", "astrology"],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 2
    assert "unknown lesson 'astrology'" in done.stderr and "linear" in done.stderr


# -- Ctrl+C --------------------------------------------------------------------------------


@pytest.mark.parametrize(("lesson", "presses"), [("linear", 1), ("binary", 3), ("cnn", 2)])
def test_ctrl_c_while_training_quits_like_closing_the_window(lesson, presses):
    launched = launch_training(lesson)
    assert launched.wait_line("training"), launched.seen
    launched.interrupt(presses)
    code, errors = launched.finish()
    assert problems(code, errors) == [], errors[-3000:]


def test_ctrl_c_in_a_window_left_idle_quits():
    """With every training thread asleep nothing else wakes the main thread: the press
    itself must (a press landing on an idle thread was once lost)."""
    launched = Launched(["-m", "desktopdl"])
    assert launched.wait_line('"ready"'), launched.seen
    launched.interrupt()
    code, errors = launched.finish()
    assert problems(code, errors) == [], errors[-3000:]


def test_ctrl_c_while_the_lessons_load_quits():
    launched = Launched(["-m", "desktopdl"])
    assert launched.wait_line('"first paint"'), launched.seen
    launched.interrupt(2)
    code, errors = launched.finish()
    assert problems(code, errors) == [], errors[-3000:]


@pytest.mark.slow
@pytest.mark.parametrize("press", range(36))
def test_ctrl_c_many_times(press):
    """The report: 5 crashes in 36 presses. Every lesson, one to three presses, while
    training, idle or loading."""
    lesson = LESSONS[press % len(LESSONS)]
    moment = press % 3
    if moment == 0:
        launched = launch_training(lesson)
        assert launched.wait_line("training"), launched.seen
    else:
        launched = Launched(["-m", "desktopdl", "--lesson", lesson])
        assert launched.wait_line('"ready"' if moment == 1 else '"first paint"'), launched.seen
    launched.interrupt(1 + press % 3)
    code, errors = launched.finish()
    assert problems(code, errors) == [], errors[-3000:]


# -- Qt's X11 plugin -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "darwin", False),
        ({"DISPLAY": ":0"}, "win32", False),
    ],
)
def test_the_x11_plugin_is_checked_only_where_qt_will_load_it(environ, platform, expected):
    assert first_paint.uses_xcb(environ, platform) is expected


def test_a_missing_libxcb_cursor_is_named_with_its_package(monkeypatch, capsys):
    monkeypatch.setattr(first_paint, "uses_xcb", lambda: True)
    monkeypatch.setattr(first_paint, "library_loads", lambda name: name != "libxcb-cursor.so.0")
    assert cli.main([]) != 0
    message = capsys.readouterr().err
    assert "sudo apt install libxcb-cursor0" in message
    assert "Could not load the Qt platform plugin" not in message


def test_the_probe_tells_a_present_library_from_a_missing_one():
    assert first_paint.library_loads("libc.so.6")
    assert not first_paint.library_loads("libdesktopdl-no-such-library.so.0")
