"""Factories for a real main window, and helpers that click like a teacher does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from desktopdl.qt import i18n, theme
from desktopdl.qt.app import application
from desktopdl.qt.lesson_tab import LessonTab
from desktopdl.qt.main_window import MainWindow


@pytest.fixture(autouse=True)
def discard_unsaved_work(monkeypatch):
    """Closing a window over edited lessons asks Save / Discard / Cancel, and offscreen no
    one would answer (the test would hang at its end): every test answers Discard. A test
    of that question sets its own answer over this one."""
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kwargs: QMessageBox.StandardButton.Discard
    )


@pytest.fixture
def window(qtbot):
    """A shown main window whose training threads are joined after the test."""
    application()
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 860)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: all(tab.snapshot is not None for tab in win.tabs), timeout=30_000)
    yield win
    assert win.shutdown()


@pytest.fixture
def korean(window):
    """The window's messages in Korean for one test, English again afterwards. After
    ``window`` (whose ``application()`` installs the saved language); the widgets built
    before stay English, what is said from now on (messages, questions) is Korean."""
    app = application()
    assert i18n.install(app, "ko")
    yield app
    i18n.install(app, "en")


@pytest.fixture
def open_lesson(window, qtbot):
    def open_(key: str) -> LessonTab:
        tab = window.show_lesson(key)
        qtbot.waitUntil(lambda: tab.canvas.isVisible())
        return tab

    return open_


def canvas_pos(tab: LessonTab, x: float, y: float) -> QPoint:
    return tab.canvas.map_to_widget(x, y)


def click(
    tab: LessonTab,
    x: float,
    y: float,
    button=Qt.MouseButton.LeftButton,
    modifiers=Qt.KeyboardModifier.NoModifier,
) -> None:
    QTest.mouseClick(tab.canvas.viewport(), button, modifiers, canvas_pos(tab, x, y))


def give_test_input(tab: LessonTab) -> None:
    """Give ③ Test an input as a teacher would: click the point canvas, or draw a short
    stroke on a drawing pad."""
    canvas = tab.canvas
    if hasattr(canvas, "viewport"):
        click(tab, 1.0, 1.0)
        return
    size = canvas.size_px()
    a, b = (
        canvas.map_to_widget(size * 0.3, size * 0.3),
        canvas.map_to_widget(size * 0.7, size * 0.7),
    )
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, 9):
        QTest.mouseMove(canvas, a + (b - a) * (i / 8))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def drag(tab: LessonTab, start: tuple[float, float], end: tuple[float, float]) -> None:
    viewport = tab.canvas.viewport()
    a, b = canvas_pos(tab, *start), canvas_pos(tab, *end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, 11):
        QTest.mouseMove(viewport, a + (b - a) * (i / 10))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def wait_for_step(qtbot, tab: LessonTab, step: int, timeout: int = 20_000) -> None:
    qtbot.waitUntil(lambda: tab.snapshot.step >= step and not tab.snapshot.running, timeout=timeout)


def full_speed(tab: LessonTab) -> None:
    tab.speed_combo.setCurrentIndex(0)


def train_steps(qtbot, tab: LessonTab, steps: int) -> None:
    """Press Train at full speed with a step limit of ``steps`` and wait until it stops."""
    full_speed(tab)
    tab.steps_spin.setValue(steps)
    tab.toggle_training()
    wait_for_step(qtbot, tab, steps)


@pytest.fixture(params=[False, True], ids=["light", "dark"])
def look(request):
    """Each test in the light and the dark theme, the light one restored afterwards."""
    app = application()
    theme.set_look(app, None, dark=request.param)
    yield request.param
    theme.set_look(app, None, dark=False)
