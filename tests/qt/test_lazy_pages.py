"""Lesson pages built when first needed: the window opens with one page, the others are
built on a first visit (or behind the first one, after start-up) in the look of the moment."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from desktopdl.core.lessons import REGISTRY
from desktopdl.qt.app import application
from desktopdl.qt.main_window import MainWindow
from tests.qt.conftest import click


class WindowsShown(QObject):
    """Every top-level widget shown while installed, other than the main window."""

    def __init__(self, main: MainWindow) -> None:
        super().__init__()
        self.main = main
        self.shown: list[str] = []

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.Show
            and watched.isWidgetType()
            and watched.isWindow()
            and watched is not self.main
        ):
            self.shown.append(type(watched).__name__)
        return False


def shown_window(qtbot, lesson_key=None) -> MainWindow:
    application()
    window = MainWindow(lesson_key)
    window.confirm_close = False
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_window_opens_with_only_the_lesson_on_screen_built(qtbot):
    window = shown_window(qtbot, "network")
    try:
        assert [tab.lesson.key for tab in window.built_tabs] == ["network"]
        assert window.current_tab.lesson.key == "network"
        # Every lesson still has its tab, titled, in the lecture's order.
        assert window.tabs_widget.count() == len(REGISTRY)
        assert all(window.tabs_widget.tabText(i) for i in range(window.tabs_widget.count()))
    finally:
        assert window.shutdown()


def test_a_first_visit_builds_the_page_in_the_present_look_without_a_stray_window(qtbot):
    window = shown_window(qtbot, "linear")
    watch = WindowsShown(window)
    QApplication.instance().installEventFilter(watch)
    try:
        window.set_dark(True)
        window.set_presenter_layout(True)
        tab = window.show_lesson("binary")  # has the gradient lab, whose panel hid widgets
        qtbot.waitUntil(lambda: tab.snapshot is not None)
        assert tab.canvas.backgroundBrush().color() == QColor("#1E1E1E")  # dark
        assert tab.panel_scroll.isHidden()  # the presenter layout chosen before it existed
        assert watch.shown == []  # no panel flashed up as a window of its own
        assert QApplication.activeWindow() is window
    finally:
        QApplication.instance().removeEventFilter(watch)
        window.set_presenter_layout(False)
        window.set_dark(False)
        assert window.shutdown()


def test_the_other_pages_are_built_one_per_turn_after_start_up(qtbot):
    window = shown_window(qtbot, "softmax")
    done = []
    try:
        window.build_remaining_pages(then=lambda: done.append(True))
        assert len(window.built_tabs) == 2  # one now, the next ones on later turns
        qtbot.waitUntil(lambda: bool(done), timeout=30_000)
        assert [tab.lesson.key for tab in window.built_tabs] == list(REGISTRY)
        assert window.current_tab.lesson.key == "softmax"  # the view stayed where it was
    finally:
        assert window.shutdown()


def test_closing_stops_the_pages_still_to_be_built(qtbot):
    window = shown_window(qtbot, "linear")
    window.build_remaining_pages()
    assert window.shutdown()
    qtbot.wait(500)  # the turns the remaining pages would have been built in
    assert [tab.lesson.key for tab in window.built_tabs] == ["linear", "binary"]
    assert all(tab.worker.isFinished() for tab in window.built_tabs)


def test_a_session_carries_only_built_pages_and_restores_them(qtbot):
    window = shown_window(qtbot, "linear")
    try:
        tab = window.show_lesson("binary")
        qtbot.waitUntil(lambda: tab.snapshot is not None)
        click(tab, 1.5, -0.5)  # one more point, as a teacher adds it
        points = tab.workspace.data().xy.copy()
        folder = window.save_session()
    finally:
        assert window.shutdown()
    restored = shown_window(qtbot)
    try:
        restored.restore_session(folder)
        assert restored.current_tab.lesson.key == "binary"
        assert {t.lesson.key for t in restored.built_tabs} == {"linear", "binary"}
        assert (restored.current_tab.workspace.data().xy == points).all()
        assert restored.current_tab.has_unsaved_changes()  # the click still asks at close
    finally:
        assert restored.shutdown()
