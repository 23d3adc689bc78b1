"""The lesson as PyTorch code, beside the lesson: what the class just watched, as a script.

The text comes from ``desktopdl.core.codegen`` and follows every change of settings and
points, so "this is the code that does what you see" stays true while the teacher plays.
Regenerating takes milliseconds (about 50 ms for 5,000 points), pointless while the page is
hidden and too much for every mouse move of a drag: a hidden panel only remembers the newest
lesson file and writes the text when it is shown; a visible one waits for a pause of
REFRESH_DELAY_MS in the changes.
"""

from __future__ import annotations

import os
import re

from PySide6.QtCore import QRegularExpression, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QShowEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktopdl.core import codegen, export
from desktopdl.core.lesson_file import LessonFile
from desktopdl.qt.i18n import tr_core

REFRESH_DELAY_MS = 150
#: Point size of the code: readable from the back of a classroom.
CODE_POINT_SIZE = 15
MIN_POINT_SIZE, MAX_POINT_SIZE = 8, 40

MONOSPACE_FAMILIES = ("Cascadia Mono", "Consolas", "Menlo", "SF Mono", "DejaVu Sans Mono")

KEYWORDS = (
    "and as break def elif else for from if import in is lambda not or return while with "
    "None True False"
).split()
BUILTINS = ("print", "range", "len", "abs")


def code_font(point_size: int) -> QFont:
    """A clear monospace font: the usual programmers' fonts first, then the system's."""
    font = QFont()
    system = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
    font.setFamilies([*MONOSPACE_FAMILIES, system])
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    font.setPointSize(point_size)
    return font


def _format(color: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    text_format = QTextCharFormat()
    text_format.setForeground(QColor(color))
    if bold:
        text_format.setFontWeight(QFont.Weight.Bold)
    text_format.setFontItalic(italic)
    return text_format


class PythonHighlighter(QSyntaxHighlighter):
    """Keywords, builtins, numbers, strings and comments, in dark colours that survive a
    washed-out projector (no pale greys or yellows)."""

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        words = "|".join(KEYWORDS)
        self._rules = [
            (QRegularExpression(rf"\b({words})\b"), _format("#0033B3", bold=True)),
            (QRegularExpression(rf"\b({'|'.join(BUILTINS)})\b"), _format("#871094")),
            (
                QRegularExpression(r"(?<![\w.])\d+(\.\d*)?([eE][-+]?\d+)?\b"),
                _format("#B34700"),
            ),
        ]
        self._string = _format("#067D17")
        self._comment = _format("#5A5A5A", italic=True)

    def highlightBlock(self, text: str) -> None:
        for expression, text_format in self._rules:
            matches = expression.globalMatch(text)
            while matches.hasNext():
                match = matches.next()
                self.setFormat(match.capturedStart(), match.capturedLength(), text_format)
        comment = None
        for match in re.finditer(r"\"[^\"]*\"|'[^']*'|#", text):
            if match.group() == "#":
                comment = match.start()
                break
            self.setFormat(match.start(), match.end() - match.start(), self._string)
        if comment is not None:
            self.setFormat(comment, len(text) - comment, self._comment)


def _first_code_line(text: str) -> int:
    """The number of the first line that is not the header's comments or blank."""
    for number, line in enumerate(text.splitlines()):
        if line.strip() and not line.startswith("#"):
            return number
    return 0


class CodePanel(QWidget):
    """The lesson's PyTorch script, read-only and large, with Copy, Save .py and Save .ipynb."""

    #: A file was written (its path), for the status bar.
    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._lesson_file: LessonFile | None = None
        self._steps: int | None = None
        self._stale = False
        self._problem: str | None = None
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._refresh)

        self.caption = QLabel(
            self.tr(
                "The lesson as PyTorch code, the lecture's way. Run it with python: it prints "
                "the numbers this lesson shows after the same number of steps."
            )
        )
        self.caption.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setReadOnly(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setFont(code_font(CODE_POINT_SIZE))
        self.editor.setStyleSheet("QPlainTextEdit { background: white; color: #111; }")
        self.highlighter = PythonHighlighter(self.editor.document())

        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the whole script to the clipboard"))
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.save_py_button = QPushButton(self.tr("Save .py…"))
        self.save_py_button.setToolTip(self.tr("Save the script as a Python file"))
        self.save_py_button.clicked.connect(self._save_script_dialog)
        self.save_ipynb_button = QPushButton(self.tr("Save .ipynb…"))
        self.save_ipynb_button.setToolTip(
            self.tr("Save as a Jupyter notebook with ① Model ② Train ③ Test")
        )
        self.save_ipynb_button.clicked.connect(self._save_notebook_dialog)
        self.smaller_button = QToolButton()
        self.smaller_button.setText(self.tr("A−"))
        self.smaller_button.setToolTip(self.tr("Smaller code text"))
        self.smaller_button.clicked.connect(lambda: self.set_point_size(self.point_size() - 2))
        self.larger_button = QToolButton()
        self.larger_button.setText(self.tr("A+"))
        self.larger_button.setToolTip(self.tr("Larger code text"))
        self.larger_button.clicked.connect(lambda: self.set_point_size(self.point_size() + 2))

        buttons = QHBoxLayout()
        for button in (self.copy_button, self.save_py_button, self.save_ipynb_button):
            button.setMinimumHeight(34)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.smaller_button)
        buttons.addWidget(self.larger_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)
        self._show_problem(None)

    # -- API --------------------------------------------------------------------------------

    def set_lesson_file(self, lesson_file: LessonFile, steps: int | None = None) -> None:
        """Show the script for this lesson file (``steps``: as ``codegen.planned_steps``).

        Cheap to call on every change: the text is written when the changes pause, or when
        a hidden panel is shown; ``text()`` brings it up to date at once."""
        self._lesson_file, self._steps, self._stale = lesson_file, steps, True
        if self.isVisible():
            self._refresh_timer.start()

    def text(self) -> str:
        """The script on display (brought up to date first)."""
        self._refresh()
        return self.editor.toPlainText()

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    def save_script(self, path: str | os.PathLike) -> None:
        """Write the script to ``path`` (no dialog; raises OSError or ValueError)."""
        export.save_script(self._require_file(), path, self._steps, tr_core)
        self.saved.emit(str(path))

    def save_notebook(self, path: str | os.PathLike) -> None:
        """Write the notebook to ``path`` (no dialog; raises OSError or ValueError)."""
        export.save_notebook(self._require_file(), path, self._steps, tr_core)
        self.saved.emit(str(path))

    @property
    def problem(self) -> str | None:
        """Why there is no script (the lesson's sentence), or None."""
        self._refresh()
        return self._problem

    def point_size(self) -> int:
        return self.editor.font().pointSize()

    def set_point_size(self, size: int) -> None:
        font = self.editor.font()
        font.setPointSize(max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size)))
        self.editor.setFont(font)

    # -- internals ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self._refresh()
        super().showEvent(event)

    def _refresh(self) -> None:
        self._refresh_timer.stop()
        if not self._stale or self._lesson_file is None:
            return
        self._stale = False
        try:
            text = codegen.lesson_script(self._lesson_file, self._steps, tr_core)
            problem = None
        except ValueError as error:
            problem = tr_core(error.args[0]) if error.args else str(error)
            text = "# " + self.tr("The script needs data the lesson can train on:") + "\n"
            text += f"# {problem}\n"
        scroll = self.editor.verticalScrollBar()
        first_fill = not self.editor.toPlainText()
        position = scroll.value()
        self.editor.setPlainText(text)
        if first_fill:
            position = _first_code_line(text)  # the code, not the header, in a short page
        scroll.setValue(min(position, scroll.maximum()))  # then keep the teacher's place
        self._show_problem(problem)

    def _show_problem(self, problem: str | None) -> None:
        self._problem = problem
        usable = problem is None and self._lesson_file is not None
        for button in (self.save_py_button, self.save_ipynb_button):
            button.setEnabled(usable)

    def _require_file(self) -> LessonFile:
        if self._lesson_file is None:
            raise ValueError(self.tr("There is no lesson to save yet."))
        return self._lesson_file

    def _default_name(self, suffix: str) -> str:
        lesson_file = self._require_file()
        stem = re.sub(r"[^\w-]+", "_", lesson_file.title or lesson_file.lesson).strip("_")
        return f"{stem.lower() or lesson_file.lesson}{suffix}"

    def _save_script_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the lesson as a Python script"),
            self._default_name(".py"),
            self.tr("Python script (*.py)"),
        )
        if path:
            self._save(self.save_script, path)

    def _save_notebook_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the lesson as a Jupyter notebook"),
            self._default_name(".ipynb"),
            self.tr("Jupyter notebook (*.ipynb)"),
        )
        if path:
            self._save(self.save_notebook, path)

    def _save(self, save, path: str) -> None:
        try:
            save(path)
        except (OSError, ValueError) as error:
            QMessageBox.warning(
                self,
                self.tr("Cannot save"),
                self.tr("{path} could not be saved: {error}").format(path=path, error=error),
            )
