"""The main window: one tab per lesson, the keyboard map, and a clean shutdown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QUndoGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget

import desktopdl
from desktopdl.qt.lesson_tab import LessonTab
from desktopdl.qt.lessons import TABS

SHORTCUTS = (
    ("Space", "Train / Pause"),
    ("→", "One training step"),
    ("R", "Reset to the seed's starting weights"),
    ("1 – 9", "Choose the class of new points"),
    ("Click", "Add a point (in Test mode: ask the model)"),
    ("Right-click or Ctrl+click", "Remove the nearest point"),
    ("Drag a point", "Move it"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / Redo"),
    ("Ctrl+Q", "Quit"),
)


class MainWindow(QMainWindow):
    def __init__(self, lesson_key: str | None = None):
        super().__init__()
        self.setWindowTitle(f"DesktopDL {desktopdl.__version__}")
        self.tabs_widget = QTabWidget()
        self.tabs_widget.setDocumentMode(True)
        self.setCentralWidget(self.tabs_widget)
        self.undo_group = QUndoGroup(self)
        self.device_label = QLabel()
        self.statusBar().addPermanentWidget(self.device_label)
        self.tabs: list[LessonTab] = []
        for tab_class in TABS:
            tab = tab_class()
            tab.status_text.connect(self._tab_status(tab))
            self.undo_group.addStack(tab.canvas.editor.undo_stack)
            self.tabs_widget.addTab(tab, tab.lesson.title)
            self.tabs.append(tab)
        self._previous = self.current_tab
        self.tabs_widget.currentChanged.connect(self._tab_switched)
        self._tab_switched()
        self._build_menus()
        self._bind_keys()
        if lesson_key is not None:
            self.show_lesson(lesson_key)
        self.resize(1400, 900)

    @property
    def current_tab(self) -> LessonTab:
        return self.tabs_widget.currentWidget()

    def tab_for(self, lesson_key: str) -> LessonTab:
        for tab in self.tabs:
            if tab.lesson.key == lesson_key:
                return tab
        raise KeyError(lesson_key)

    def show_lesson(self, lesson_key: str) -> LessonTab:
        tab = self.tab_for(lesson_key)
        self.tabs_widget.setCurrentWidget(tab)
        return tab

    def shutdown(self) -> bool:
        """Stop every lesson's training thread; True when all have ended."""
        return all([tab.shutdown() for tab in self.tabs])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    # -- internals ------------------------------------------------------------------------

    def _tab_status(self, tab: LessonTab):
        def show(text: str) -> None:
            if tab is self.current_tab:
                self.device_label.setText(text)

        return show

    def _tab_switched(self, *_args) -> None:
        """Leaving a lesson pauses its training, so only the lesson on screen uses the CPU."""
        current = self.current_tab
        if self._previous is not current:
            self._previous.pause()
        self._previous = current
        self.undo_group.setActiveStack(current.canvas.editor.undo_stack)
        if current.snapshot is not None:
            self.device_label.setText(f"Device: {current.snapshot.device_reason}")

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")
        undo = self.undo_group.createUndoAction(self, "Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, "Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        lesson_menu = self.menuBar().addMenu("&Lesson")
        for index, tab in enumerate(self.tabs):
            action = QAction(tab.lesson.title, self, shortcut=QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(
                lambda _checked=False, t=tab: self.tabs_widget.setCurrentWidget(t)
            )
            lesson_menu.addAction(action)
        help_menu = self.menuBar().addMenu("&Help")
        shortcuts = QAction("Keyboard &shortcuts", self, shortcut=QKeySequence("F1"))
        shortcuts.triggered.connect(self._show_shortcuts)
        help_menu.addAction(shortcuts)
        about = QAction("&About DesktopDL", self)
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def _bind_keys(self) -> None:
        bindings = [
            ("Space", lambda: self.current_tab.toggle_training()),
            ("Right", lambda: self.current_tab.step_once()),
            ("R", lambda: self.current_tab.reset()),
        ]
        for digit in range(1, 10):
            bindings.append((str(digit), lambda d=digit: self.current_tab.set_current_class(d - 1)))
        self._shortcuts = []
        for key, slot in bindings:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)

    def _show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td><b>{key}</b>&nbsp;&nbsp;</td><td>{what}</td></tr>" for key, what in SHORTCUTS
        )
        QMessageBox.information(self, "Keyboard shortcuts", f"<table>{rows}</table>")

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            "About DesktopDL",
            f"<h3>DesktopDL {desktopdl.__version__}</h3>"
            "<p>Teach the basics of deep learning: build the model, train it, test it.</p>"
            "<p>Every number shown is the number the lecture's PyTorch code prints.</p>",
        )
