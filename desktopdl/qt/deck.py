"""Presenting a deck: each slide opens its lesson in the window and runs its actions there.

``DeckPlayer`` walks the slides (Page Down / → / a clicker forward, Page Up / ← back) and
runs a slide's actions one after another through the lesson page's own controls, so the
class watches the 200 steps happen and the teacher can still click a new point mid-slide.
``DeckBar`` keeps the counter, the title and the slide's words on screen; ``NotesWindow``
shows the speaker notes, the next slide's title and a timer on the laptop's screen;
``SlidesDialog`` reorders, retitles and deletes slides. ``export_slides`` runs the whole deck
offscreen and writes a PDF or a folder of PNGs with the notes.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QMarginsF, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QKeySequence,
    QPageSize,
    QPainter,
    QPdfWriter,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktopdl.core import deck as decks
from desktopdl.core import lesson_file as lesson_files
from desktopdl.core.deck import Action, Deck, Slide, Words
from desktopdl.core.trainer import Status
from desktopdl.qt import binding, i18n, theme
from desktopdl.qt.i18n import tr_core
from desktopdl.resources import resource

#: Each training action takes about this long on screen, whatever its step count: long
#: enough to watch the line move, short enough to keep the class's attention.
TRAIN_ACTION_SECONDS = 3.0
#: The slowest and fastest rate a training action is shown at (steps per second).
TRAIN_RATE_RANGE = (10.0, 2000.0)
#: The pause between two phases of a "phase" action, so the class reads each one.
PHASE_INTERVAL_MS = 1200
#: How often a waiting action looks at the page's latest snapshot.
POLL_MS = 30
#: A slide whose lesson sends no snapshot for this long is given up with a message.
STALL_SECONDS = 20.0


def language() -> str:
    return i18n.current_language()


class DeckPlayer(QObject):
    """The open deck, the slide on screen, and the queue of its actions."""

    #: The deck, the slide or its state changed: the bar and the notes redraw.
    changed = Signal()
    #: The slide's actions have all run (or were given up): its state is reached.
    slide_ready = Signal(int)

    def __init__(self, window, parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        self.deck: Deck | None = None
        self.path: str | None = None
        #: Edited since it was opened or saved.
        self.dirty = False
        self.index = 0
        #: "asking" (a question waits for the reveal), "running" (actions), "ready".
        self.state = "ready"
        #: Train at full speed and skip the phase pauses (export, tests).
        self.fast = False
        #: What went wrong in the last slide's actions (shown in the bar), or "".
        self.problem = ""
        self._queue: list[Action] = []
        self._waiting = None  # a function that returns True when the action is done
        self._since = 0.0
        self._snapshot_seen = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def active(self) -> bool:
        return self.deck is not None and bool(self.deck.slides)

    @property
    def slide(self) -> Slide | None:
        return self.deck.slides[self.index] if self.active else None

    def open(self, deck: Deck, path: str | None = None, index: int = 0) -> None:
        self.deck, self.path, self.dirty = deck, path, False
        if deck.slides:
            self.go(index)
        else:
            self.changed.emit()

    def close(self) -> None:
        self._stop_actions()
        tab = self.window.current_tab
        tab.set_guessing(False)
        tab.clear_guess()
        self.deck, self.path, self.dirty, self.index = None, None, False, 0
        self.changed.emit()

    def set_deck(self, deck: Deck, index: int | None = None) -> None:
        """An edited deck (authoring): keep the slide on screen, mark it unsaved."""
        self.deck, self.dirty = deck, True
        if index is not None:
            self.index = index
        self.index = max(0, min(self.index, len(deck.slides) - 1))
        self.changed.emit()

    def next(self) -> None:
        """Forward: reveal the answer of a slide that asks, else the next slide."""
        if not self.active:
            return
        if self.state == "asking":
            self.reveal()
        elif self.index + 1 < len(self.deck.slides):
            self.go(self.index + 1)

    def previous(self) -> None:
        if self.active and self.index > 0:
            self.go(self.index - 1)

    def go(self, index: int) -> None:
        """Open slide ``index`` in its lesson, as the file describes it, and start it."""
        if not self.active:
            return
        self._stop_actions()
        old_tab = self.window.current_tab
        old_tab.set_guessing(False)
        old_tab.clear_guess()
        self.index = max(0, min(index, len(self.deck.slides) - 1))
        slide = self.slide
        tab = self.window.show_lesson(slide.lesson.lesson)
        tab.set_guessing(False)
        tab.clear_guess()
        tab.clear_test()
        before = tab.run_id
        tab.load_lesson_file(slide.lesson)
        tab.show_page(slide.page) or tab.views.setCurrentWidget(tab.opening_page())
        self.problem = ""
        # Nothing runs until the page shows the fresh run (the reset's snapshot): a stale
        # snapshot from before would end a training action at once.
        self._queue = list(slide.actions)
        self._start_waiting(lambda: tab.run_id != before)
        if slide.question:
            self.state = "asking"
            tab.set_guessing(True)
        else:
            self.state = "running"
        self.changed.emit()

    def reveal(self) -> None:
        """Run the actions of a slide that asked: the answer appears next to the guess."""
        if self.state != "asking":
            return
        self.window.current_tab.set_guessing(False)
        self.state = "running"
        self.changed.emit()
        if self._waiting is None:
            self._next_action()

    # -- the action queue -------------------------------------------------------------------

    def _start_waiting(self, done) -> None:
        self._waiting = done
        self._since = time.monotonic()
        self._timer.start()

    def _poll(self) -> None:
        if self._waiting is None:
            self._timer.stop()
            return
        if self._waiting():
            self._waiting = None
            self._timer.stop()
            if self.state == "running":
                self._next_action()
        elif time.monotonic() - self._since > STALL_SECONDS:
            self._give_up(self.tr("The lesson stopped answering; the slide's actions stopped."))

    def _stop_actions(self) -> None:
        self._queue = []
        self._waiting = None
        self._timer.stop()
        tab = self.window.current_tab
        tab.pause()
        self._restore_tab_speed(tab)

    def _give_up(self, text: str) -> None:
        self.problem = text
        self._stop_actions()
        self.state = "ready"
        self.changed.emit()
        self.slide_ready.emit(self.index)

    def _next_action(self) -> None:
        tab = self.window.current_tab
        while self._queue:
            action = self._queue.pop(0)
            before = tab.snapshot
            done = self._run(tab, action)
            if self.state != "running":
                return  # the action gave up
            if done is None and action.do in ("add_point", "set"):
                # The page shows the change once the worker has answered it (a new point's
                # accuracy): the slide is not ready before that.
                done = self._newer_than(tab, before)
            if done is not None:
                self._start_waiting(done)
                return
        self._restore_tab_speed(tab)
        self.state = "ready"
        self.changed.emit()
        self.slide_ready.emit(self.index)

    def _run(self, tab, action: Action):
        """Start one action on the page; returns what says it is done, or None when it is
        done at once."""
        kind = action.do
        if kind in ("train", "phase"):
            problem = tab.lesson.check_data(tab.workspace.data())
            if problem:
                self._give_up(tr_core(problem))
                return None
        if kind == "train":
            return self._train(tab, action.steps)
        if kind == "phase":
            return self._phases(tab, action.steps)
        if kind == "add_point":
            tab.workspace.editor.add(action.x, action.y, action.label)
        elif kind == "test":
            tab.test_at(action.x, action.y)
        elif kind == "set":
            widget = _setting_widget(tab, action.name)
            if widget is None:
                self._give_up(self.tr("This lesson has no setting {0}.").format(action.name))
            else:
                binding.write(widget, action.value)
        elif kind == "page":
            tab.show_page(action.name)
        elif kind == "compare":
            if tab.landscape is not None:
                tab.show_page("landscape_panel")
                tab.landscape.compare_check.setChecked(True)
        elif kind == "click":
            button = tab.findChild(QAbstractButton, action.name)
            if button is None:
                self._give_up(self.tr("This lesson has no button {0}.").format(action.name))
            else:
                button.click()
        return None

    def _train(self, tab, steps: int):
        snapshot = tab.snapshot
        target = (snapshot.step if snapshot is not None else 0) + steps
        tab.steps_spin.setValue(target)
        if self.fast:
            tab.worker.set_speed(None)
        else:
            low, high = TRAIN_RATE_RANGE
            tab.worker.set_speed(min(high, max(low, steps / TRAIN_ACTION_SECONDS)))
        tab.worker.train()
        return self._after_command(tab, target)

    def _phases(self, tab, phases: int):
        """Walk gradient descent one phase at a time, a pause between phases."""
        combo = tab.step_by_combo
        combo.setCurrentIndex(max(0, combo.findData("phase")))
        # The ① … ⑦ strip sits low in ② Train: below the fold on a 768- or 900-pixel screen.
        QTimer.singleShot(0, lambda: tab.panel_scroll.ensureWidgetVisible(tab.phase_label))
        remaining = [phases]

        def advance() -> bool:
            if self._phase_due > time.monotonic():
                return False
            if remaining[0] == 0:
                return True
            remaining[0] -= 1
            tab.worker.advance_phase()
            self._phase_due = time.monotonic() + (0 if self.fast else PHASE_INTERVAL_MS / 1000)
            self._since = time.monotonic()
            return False

        self._phase_due = 0.0
        return advance

    def _after_command(self, tab, target: int):
        """Done when training has stopped after the command: at the target step, or after
        it was seen running (a stop rule, early stopping), or with an error. A snapshot that
        only answers the step-limit change, sent before the worker took the train command,
        is neither."""
        before = tab.snapshot
        seen_running = [False]

        def stopped() -> bool:
            snapshot = tab.snapshot
            if snapshot is before or snapshot is None:
                return False
            self._since = time.monotonic()
            if snapshot.running:
                seen_running[0] = True
                return False
            failed = snapshot.status in (Status.DIVERGED, Status.ERROR, Status.INVALID_DATA)
            if failed:
                self.problem = tr_core(snapshot.message or "")
            return snapshot.step >= target or seen_running[0] or failed

        return stopped

    def _newer_than(self, tab, before):
        """Done at the first snapshot sent after the commands so far (a change that sends
        none, a value already set, still gets one: the worker answers every command)."""
        tab.worker.set_surface_rect(tab.workspace.visible_rect())
        return lambda: tab.snapshot is not before and not tab.snapshot.running

    def _restore_tab_speed(self, tab) -> None:
        """Back to the speed the teacher chose (a training action paces its own)."""
        tab.worker.set_speed(tab.speed_combo.currentData())


def _setting_widget(tab, name: str) -> QWidget | None:
    for form in (tab.model_panel.form, tab.model_panel.config_form, tab.train_panel.form):
        if name in form.widgets:
            return form.widgets[name]
    return None


# -- the bar over the lessons ----------------------------------------------------------------


class DeckBar(QWidget):
    """The slide counter, the title and the slide's words, over the lesson."""

    def __init__(self, player: DeckPlayer, parent: QWidget | None = None):
        super().__init__(parent)
        self.player = player
        self.setObjectName("deck_bar")
        self.back_button = QToolButton()
        self.back_button.setText("◀")
        self.back_button.setToolTip(self.tr("Previous slide (Page Up)"))
        self.back_button.clicked.connect(player.previous)
        self.forward_button = QToolButton()
        self.forward_button.setText("▶")
        self.forward_button.setToolTip(self.tr("Next slide, or reveal the answer (Page Down)"))
        self.forward_button.clicked.connect(player.next)
        self.counter = QLabel()
        self.title = QLabel()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.reveal_button = QPushButton(self.tr("Reveal the answer"))
        self.reveal_button.clicked.connect(player.reveal)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close the deck (the lesson stays as it is)"))
        self.close_button.clicked.connect(player.close)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        for widget in (self.back_button, self.counter, self.forward_button):
            top.addWidget(widget)
        top.addSpacing(12)
        top.addWidget(self.title, 1)
        top.addWidget(self.reveal_button)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addWidget(self.question)
        self.restyle()
        player.changed.connect(self.refresh)
        self.refresh()

    def restyle(self) -> None:
        self.counter.setFont(theme.big_font(14, bold=True))
        self.title.setFont(theme.big_font(16, bold=True))
        self.text.setFont(theme.big_font(13))
        self.question.setFont(theme.big_font(14, bold=True))
        self.question.setStyleSheet("color: #D81B60;")

    def refresh(self) -> None:
        player = self.player
        self.setVisible(player.active)
        slide = player.slide
        if slide is None:
            return
        lang = language()
        total = len(player.deck.slides)
        self.counter.setText(f"{player.index + 1} / {total}")
        self.title.setText(slide.title.get(lang) or tr_core(slide.lesson.title))
        text = slide.text.get(lang)
        if player.problem:
            text = f"{text}  ({player.problem})" if text else player.problem
        self.text.setText(text)
        self.text.setVisible(bool(text))
        asking = player.state == "asking"
        self.question.setVisible(asking)
        self.reveal_button.setVisible(asking)
        if asking:
            self.question.setText(
                self.tr("Question:")
                + " "
                + slide.question.get(lang)
                + "  "
                + self.tr("(click your guess on the canvas, then Page Down to reveal)")
            )
        self.back_button.setEnabled(player.index > 0)
        self.forward_button.setEnabled(asking or player.index + 1 < total)


# -- speaker notes -------------------------------------------------------------------------------


class NotesWindow(QWidget):
    """For the teacher's own screen: the slide's notes, what comes next, and a timer."""

    def __init__(self, player: DeckPlayer, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.player = player
        self.setWindowTitle(self.tr("Speaker notes"))
        self.counter = QLabel()
        self.counter.setFont(theme.big_font(16, bold=True))
        self.clock = QLabel()
        self.clock.setFont(theme.big_font(22, bold=True))
        self.title = QLabel()
        self.title.setFont(theme.big_font(18, bold=True))
        self.title.setWordWrap(True)
        self.notes = QTextBrowser()
        self.notes.setFont(theme.big_font(16))
        self.next_title = QLabel()
        self.next_title.setFont(theme.big_font(14))
        self.next_title.setWordWrap(True)
        restart = QPushButton(self.tr("Restart the timer"))
        restart.clicked.connect(self.restart_clock)
        back = QPushButton("◀")
        back.clicked.connect(player.previous)
        forward = QPushButton("▶")
        forward.clicked.connect(player.next)
        top = QHBoxLayout()
        top.addWidget(self.counter)
        top.addStretch(1)
        top.addWidget(self.clock)
        top.addWidget(restart)
        bottom = QHBoxLayout()
        bottom.addWidget(self.next_title, 1)
        bottom.addWidget(back)
        bottom.addWidget(forward)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.notes, 1)
        layout.addLayout(bottom)
        for keys, slot in (
            (("PgDown", "Right", "Space"), player.next),
            (("PgUp", "Left"), player.previous),
        ):
            for key in keys:
                QShortcut(QKeySequence(key), self, activated=slot)
        self._started = time.monotonic()
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._show_clock)
        self._tick.start(1000)
        self._show_clock()
        player.changed.connect(self.refresh)
        self.resize(720, 560)
        self.refresh()

    def restart_clock(self) -> None:
        self._started = time.monotonic()
        self._show_clock()

    def elapsed(self) -> float:
        return time.monotonic() - self._started

    def _show_clock(self) -> None:
        seconds = int(self.elapsed())
        self.clock.setText(f"{seconds // 60:02d}:{seconds % 60:02d}")

    def refresh(self) -> None:
        player = self.player
        slide = player.slide
        if slide is None:
            self.counter.setText(self.tr("No deck is open."))
            self.title.clear()
            self.notes.clear()
            self.next_title.clear()
            return
        lang = language()
        total = len(player.deck.slides)
        self.counter.setText(self.tr("Slide {0} of {1}").format(player.index + 1, total))
        self.title.setText(slide.title.get(lang))
        notes = slide.notes.get(lang) or slide.text.get(lang)
        if slide.question:
            notes = self.tr("Question: {0}").format(slide.question.get(lang)) + "\n\n" + notes
        self.notes.setPlainText(notes)
        if player.index + 1 < total:
            following = player.deck.slides[player.index + 1]
            self.next_title.setText(self.tr("Next: {0}").format(following.title.get(lang)))
        else:
            self.next_title.setText(self.tr("This is the last slide."))


def presentation_screens(screens: list, primary) -> tuple[object, object | None]:
    """(projector, laptop): with two screens the lesson goes to the one that is not the
    primary (the laptop's own, in the usual mirror-off setup) and the notes stay on the
    primary; with one screen there is no second place for the notes."""
    others = [screen for screen in screens if screen is not primary]
    if not others:
        return primary, None
    return others[0], primary


# -- authoring -----------------------------------------------------------------------------------


class SlidesDialog(QDialog):
    """The open deck's slides: drag or move them, retitle, delete, go to one."""

    def __init__(self, player: DeckPlayer, parent: QWidget | None = None):
        super().__init__(parent)
        self.player = player
        self.setWindowTitle(self.tr("Slides"))
        self.list = QListWidget()
        self.list.setFont(theme.big_font(12))
        self.list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.list.model().rowsMoved.connect(self._dragged)
        self.list.itemDoubleClicked.connect(lambda _item: self.go_to())
        buttons = QVBoxLayout()
        for text, slot in (
            (self.tr("Go to"), self.go_to),
            (self.tr("Move up"), lambda: self.move(-1)),
            (self.tr("Move down"), lambda: self.move(1)),
            (self.tr("Retitle…"), self.retitle),
            (self.tr("Delete"), self.delete),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(close)
        player.changed.connect(self.refill)
        self.resize(560, 480)
        self.refill()

    def refill(self) -> None:
        deck = self.player.deck
        self.list.blockSignals(True)
        self.list.clear()
        if deck is not None:
            lang = language()
            for number, slide in enumerate(deck.slides, 1):
                self.list.addItem(f"{number}. {slide.title.get(lang) or slide.lesson.lesson}")
            self.list.setCurrentRow(self.player.index)
        self.list.blockSignals(False)

    def selected(self) -> int | None:
        row = self.list.currentRow()
        return row if self.player.deck is not None and row >= 0 else None

    def go_to(self) -> None:
        row = self.selected()
        if row is not None:
            self.player.go(row)

    def move(self, by: int) -> None:
        row = self.selected()
        if row is None or not 0 <= row + by < len(self.player.deck.slides):
            return
        self._moved(row, row + by)

    def _dragged(self, _parent, start: int, _end: int, _destination, row: int) -> None:
        # Qt gives the row before which the item was dropped.
        self._moved(start, row - 1 if row > start else row)

    def _moved(self, row: int, to: int) -> None:
        player = self.player
        shown = player.deck.slides[player.index]
        deck = player.deck.moved(row, to)
        player.set_deck(deck, deck.slides.index(shown))
        self.list.setCurrentRow(to)

    def retitle(self) -> None:
        row = self.selected()
        if row is None:
            return
        lang = language()
        title, ok = QInputDialog.getText(
            self,
            self.tr("Retitle"),
            self.tr("Title:"),
            text=self.player.deck.slides[row].title.get(lang),
        )
        if ok and title.strip():
            self.player.set_deck(self.player.deck.retitled(row, lang, title.strip()))
            self.list.setCurrentRow(row)

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        player = self.player
        deck = player.deck.without_slide(row)
        if not deck.slides:
            player.close()
            return
        index = player.index - (1 if row < player.index else 0)
        player.set_deck(deck, index)
        if row == player.index or index != player.index:
            player.go(min(index, len(deck.slides) - 1))


def current_state_slide(tab, title: str) -> Slide:
    """The lesson as it is now, trained weights included, as a slide titled ``title``."""
    return Slide(
        lesson=tab.lesson_file(with_weights=True, title=title),
        title=Words().with_text(language(), title),
        page=tab.current_page_name(),
    )


# -- export --------------------------------------------------------------------------------------

#: The width of an exported slide in pixels (a 16:10 projector's).
SLIDE_WIDTH = 1920
SLIDE_MARGIN = 48


def run_slide(player: DeckPlayer, index: int, timeout_s: float = 120.0) -> None:
    """Open slide ``index``, reveal it, and wait (with the event loop running) until its
    actions have all run; raises TimeoutError when they have not after ``timeout_s``."""
    loop = QEventLoop()
    done = []

    def finished(index: int) -> None:
        done.append(index)
        loop.quit()

    player.slide_ready.connect(finished)
    player.go(index)
    if player.state == "asking":
        player.reveal()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(int(timeout_s * 1000))
    if not done:
        loop.exec()
    player.slide_ready.disconnect(finished)
    if not done:
        raise TimeoutError(f"slide {index + 1} did not finish in {timeout_s:.0f} s")
    # The last snapshot is drawn: let the page paint it.
    QApplication.processEvents()


def slide_page(window, slide: Slide, number: int, total: int, lang: str) -> QImage:
    """One handout page: the title, the slide's words, the window as the class saw it, and
    the speaker notes under it."""
    from desktopdl.qt import exporting

    shot = exporting.widget_image(window, SLIDE_WIDTH - 2 * SLIDE_MARGIN)
    title_font = QFont(theme.big_font(30, bold=True))
    text_font = QFont(theme.big_font(20))
    notes_font = QFont(theme.big_font(18))
    width = SLIDE_WIDTH - 2 * SLIDE_MARGIN
    words = slide.text.get(lang)
    notes = slide.notes.get(lang)
    if slide.question:
        question = QApplication.translate("DeckPlayer", "Question:")
        words = (words + "\n" if words else "") + f"{question} {slide.question.get(lang)}"

    def height_of(text: str, font: QFont) -> int:
        if not text:
            return 0
        probe = QImage(1, 1, QImage.Format.Format_RGB32)
        painter = QPainter(probe)
        painter.setFont(font)
        rect = painter.boundingRect(QRectF(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        painter.end()
        return int(rect.height()) + 12

    heights = [height_of(slide.title.get(lang) or " ", title_font), height_of(words, text_font)]
    notes_height = height_of(notes, notes_font)
    total_height = (
        SLIDE_MARGIN * 2 + sum(heights) + shot.height() + 24 + notes_height + (40 if notes else 0)
    )
    page = QImage(SLIDE_WIDTH, total_height, QImage.Format.Format_RGB32)
    page.fill(QColor("white"))
    painter = QPainter(page)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    y = SLIDE_MARGIN
    painter.setPen(QColor("#111111"))
    painter.setFont(title_font)
    painter.drawText(
        QRectF(SLIDE_MARGIN, y, width, heights[0]),
        Qt.TextFlag.TextWordWrap,
        slide.title.get(lang),
    )
    painter.setFont(text_font)
    painter.setPen(QColor("#555555"))
    painter.drawText(
        QRectF(SLIDE_MARGIN, y, width, heights[0]),
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
        f"{number} / {total}",
    )
    y += heights[0]
    painter.setPen(QColor("#222222"))
    painter.drawText(QRectF(SLIDE_MARGIN, y, width, heights[1]), Qt.TextFlag.TextWordWrap, words)
    y += heights[1]
    painter.drawImage(SLIDE_MARGIN, y, shot)
    painter.setPen(QColor("#888888"))
    painter.drawRect(SLIDE_MARGIN, y, shot.width() - 1, shot.height() - 1)
    y += shot.height() + 24
    if notes:
        painter.setPen(QColor("#555555"))
        painter.setFont(QFont(theme.big_font(16, bold=True)))
        painter.drawText(
            QRectF(SLIDE_MARGIN, y, width, 36),
            Qt.TextFlag.TextSingleLine,
            QApplication.translate("DeckPlayer", "Notes"),
        )
        y += 40
        painter.setFont(notes_font)
        painter.setPen(QColor("#222222"))
        painter.drawText(
            QRectF(SLIDE_MARGIN, y, width, notes_height), Qt.TextFlag.TextWordWrap, notes
        )
    painter.end()
    return page


def window_playing(deck: Deck):
    """A main window (offscreen without a display) with ``deck`` open at full speed."""
    from desktopdl.qt import exporting
    from desktopdl.qt.main_window import MainWindow

    exporting.ensure_app()
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    window.deck_player.fast = True
    window.deck_player.open(deck)
    return window


def export_slides(
    deck: Deck, out: str | os.PathLike, lang: str, progress=None
) -> tuple[list[Path], float]:
    """Run every slide in an offscreen window and write ``out``: a PDF (one page a slide)
    when it ends in .pdf, else a folder of PNGs (slide-01.png …) with notes.txt. Returns
    the files written and the seconds the run took."""
    started = time.monotonic()
    out = Path(out)
    window = window_playing(deck)
    player = window.deck_player
    pages: list[QImage] = []
    try:
        for index, slide in enumerate(deck.slides):
            run_slide(player, index)
            pages.append(slide_page(window, slide, index + 1, len(deck.slides), lang))
            if progress is not None:
                progress(index + 1, len(deck.slides))
    finally:
        window.deck_player.close()
        window.shutdown()
        window.close()
        window.deleteLater()
    written = (
        _write_pdf(pages, out)
        if out.suffix.lower() == ".pdf"
        else _write_folder(deck, pages, out, lang)
    )
    return written, time.monotonic() - started


def _write_pdf(pages: list[QImage], out: Path) -> list[Path]:
    """The pages as a PDF, written whole or not at all (``lesson_file.replacing``)."""
    with lesson_files.replacing(out) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(writer.pageLayout().orientation().Landscape)
        writer.setPageMargins(QMarginsF(8, 8, 8, 8))
        writer.setResolution(150)
        painter = QPainter(writer)
        if not painter.isActive():
            raise OSError(f"{out} could not be written")
        try:
            for number, page in enumerate(pages):
                if number:
                    writer.newPage()
                area = painter.viewport()
                scaled = page.scaled(
                    area.width(),
                    area.height(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                painter.drawImage(0, 0, scaled)
        finally:
            painter.end()
        if tmp.stat().st_size == 0:  # QPdfWriter reports no write error: an empty file is one
            raise OSError(f"{out} could not be written")
    return [out]


def _write_folder(deck: Deck, pages: list[QImage], out: Path, lang: str) -> list[Path]:
    from desktopdl.qt import exporting

    out.mkdir(parents=True, exist_ok=True)
    written = []
    lines = []
    for number, (slide, page) in enumerate(zip(deck.slides, pages, strict=True), 1):
        path = out / f"slide-{number:02d}.png"
        exporting.save_png(page, path)
        written.append(path)
        lines += [f"{number}. {slide.title.get(lang)}", "", slide.text.get(lang)]
        if slide.notes:
            lines += ["", slide.notes.get(lang)]
        lines += ["", ""]
    notes = out / "notes.txt"
    lesson_files.write_text(notes, "\n".join(lines))
    written.append(notes)
    return written


def read_deck_or_warn(parent: QWidget, path: str) -> Deck | None:
    """The deck at ``path``, or None after telling the teacher why it cannot be opened."""
    try:
        return decks.read(path)
    except decks.DeckError as error:
        QMessageBox.warning(
            parent,
            QApplication.translate("DeckPlayer", "Cannot open the deck"),
            tr_core(error.args[0]),
        )
        return None


def bundled_deck_path() -> Path:
    return resource("decks") / "week9.json"


__all__ = [
    "DeckBar",
    "DeckPlayer",
    "NotesWindow",
    "SlidesDialog",
    "bundled_deck_path",
    "current_state_slide",
    "export_slides",
    "presentation_screens",
    "read_deck_or_warn",
]
