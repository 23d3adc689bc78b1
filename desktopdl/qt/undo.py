"""Editing immutable data with undo and redo: every edit replaces the whole set.

The point canvas and the drawing pad both keep their data this way, so Ctrl+Z and
Ctrl+Shift+Z work for every edit and the training thread only ever receives whole sets.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QToolButton

from desktopdl.qt import theme


class _Replace(QUndoCommand):
    def __init__(self, editor: DataEditor, before: object, after: object, text: str):
        super().__init__(text)
        self._editor, self._before, self._after = editor, before, after

    def redo(self) -> None:
        self._editor._set(self._after)

    def undo(self) -> None:
        self._editor._set(self._before)


class DataEditor(QObject):
    """The data being edited (a PointSet, an ImageSet…), with its undo stack."""

    changed = Signal(object)

    def __init__(self, empty: object, parent: QObject | None = None):
        super().__init__(parent)
        self.data = empty
        self.undo_stack = QUndoStack(self)

    def replace(self, data: object, text: str) -> None:
        """An undoable edit named ``text`` (nothing when the data is unchanged)."""
        if data != self.data:
            self.undo_stack.push(_Replace(self, self.data, data, text))

    def show(self, data: object, undo_text: str | None = None) -> None:
        """New data: undoable with ``undo_text``, else a fresh start (the stack cleared)."""
        if undo_text is not None:
            self.replace(data, undo_text)
        else:
            self.preview(data)
            self.undo_stack.clear()

    def preview(self, data: object) -> None:
        """Show data without recording it (an edit in progress, a fresh start)."""
        self._set(data)

    def _set(self, data: object) -> None:
        self.data = data
        self.changed.emit(data)


def undo_redo_buttons(stack: QUndoStack) -> tuple[QToolButton, QToolButton]:
    """↶ and ↷ for a workspace's bar, enabled while there is something to undo or redo.

    Curved arrows, the usual undo/redo signs: plain ◀ ▶ beside Data read as "previous and
    next preset"."""
    buttons = []
    for text, tip, action, can in (
        (
            "↶",
            QCoreApplication.translate("Undo", "Undo (Ctrl+Z)"),
            stack.undo,
            stack.canUndoChanged,
        ),
        (
            "↷",
            QCoreApplication.translate("Undo", "Redo (Ctrl+Shift+Z)"),
            stack.redo,
            stack.canRedoChanged,
        ),
    ):
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.clicked.connect(action)
        can.connect(button.setEnabled)
        theme.set_font(button, 12, bold=True)
        button.setAutoRaise(False)
        button.setStyleSheet("QToolButton { padding: 0px 2px; }")
        button.setMaximumWidth(round(theme.px(30)))
        button.setEnabled(False)
        buttons.append(button)
    return buttons[0], buttons[1]
