"""The main window: one tab per lesson, files, presenter controls, and a clean shutdown."""

from __future__ import annotations

import errno
import json
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QProcess, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QColor,
    QKeySequence,
    QPainter,
    QPalette,
    QShortcut,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import desktopdl
from desktopdl.core import codegen, export, lesson_file
from desktopdl.core import deck as decks
from desktopdl.core.lessons import REGISTRY
from desktopdl.qt import exporting, i18n, theme
from desktopdl.qt.deck import (
    DeckBar,
    DeckPlayer,
    NotesWindow,
    SlidesDialog,
    bundled_deck_path,
    current_state_slide,
    presentation_screens,
    read_deck_or_warn,
)
from desktopdl.qt.i18n import LANGUAGES, tr_core
from desktopdl.qt.lesson_tab import LessonTab
from desktopdl.qt.lessons import page_class

MAX_RECENT = 8
#: Between two pages built behind the first one: input and painting get turns between.
PREBUILD_GAP_MS = 30
EXPORT_WIDTH = 1920
SCALE_STEP = 1.15
FILE_FILTER = "DesktopDL lesson (*.json);;All files (*)"
DECK_FILTER = "DesktopDL deck (*.deck.json *.json);;All files (*)"


def shortcut_rows() -> list[tuple[str, str]]:
    return [
        ("Space", QApplication.translate("Shortcuts", "Train / Pause")),
        (
            "→  /  Page Down",
            QApplication.translate("Shortcuts", "One training step (or one phase in phase mode)"),
        ),
        ("R", QApplication.translate("Shortcuts", "Reset to the seed's starting weights")),
        ("1 – 9", QApplication.translate("Shortcuts", "Choose the class of new points")),
        (
            QApplication.translate("Shortcuts", "Click"),
            QApplication.translate("Shortcuts", "Add a point (in Test mode: ask the model)"),
        ),
        (
            QApplication.translate("Shortcuts", "Right-click or Ctrl+click"),
            QApplication.translate("Shortcuts", "Remove the nearest point"),
        ),
        (
            QApplication.translate("Shortcuts", "Drag a point"),
            QApplication.translate("Shortcuts", "Move it"),
        ),
        ("Ctrl+Z / Ctrl+Shift+Z", QApplication.translate("Shortcuts", "Undo / Redo")),
        (
            "B",
            QApplication.translate("Shortcuts", "Blank the screen and pause (B again to return)"),
        ),
        ("F11", QApplication.translate("Shortcuts", "Full screen")),
        (
            "P",
            QApplication.translate(
                "Shortcuts", "Presenter layout: fold the controls, show the numbers large"
            ),
        ),
        (
            "Ctrl+=  /  Ctrl+−  /  Ctrl+0",
            QApplication.translate("Shortcuts", "Bigger / smaller / normal size"),
        ),
        ("Ctrl+O / Ctrl+S", QApplication.translate("Shortcuts", "Open / save a lesson file")),
        (
            "Page Down / →  ·  Page Up / ←",
            QApplication.translate(
                "Shortcuts", "With a deck open: next slide (or reveal the answer) / previous"
            ),
        ),
        (
            "F5  /  Esc",
            QApplication.translate(
                "Shortcuts", "Present the deck (speaker notes on a second screen) / stop"
            ),
        ),
        ("Ctrl+1 … Ctrl+4", QApplication.translate("Shortcuts", "Go to a lesson")),
        ("F1", QApplication.translate("Shortcuts", "This list")),
    ]


#: The file in a session folder that lists its lessons.
SESSION_FILE = "session.json"
#: The window's size when the screen has room for it.
DEFAULT_SIZE = (1400, 900)


class BlankScreen(QWidget):
    """Covers the whole window, menu and status bar included, so the class looks at the
    teacher; B (or a click) brings it back."""

    #: A click on the blank screen: the window restores what it hid.
    dismissed = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("black"))
        self.setPalette(palette)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Press B to return"))
        hint.setStyleSheet("color: #444444; background: transparent;")
        hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        layout.addWidget(hint)
        self.hide()

    def paintEvent(self, _event) -> None:
        QPainter(self).fillRect(self.rect(), QColor("black"))

    def mousePressEvent(self, _event) -> None:
        self.dismissed.emit()


class LessonSlot(QWidget):
    """A lesson's place among the tabs. Its page is built the first time it is needed (shown,
    opened from a file, asked for by a slide): building all seven pages up front took about
    1.2 s of the start-up, for lessons the class may not reach that day."""

    def __init__(self, key: str, build) -> None:
        super().__init__()
        self.key = key
        self._build = build
        self.page: LessonTab | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def built_page(self) -> LessonTab:
        if self.page is None:
            self.page = self._build(self.key, self)  # never a window of its own, even briefly
            self.layout().addWidget(self.page)
        return self.page


class MainWindow(QMainWindow):
    def __init__(self, lesson_key: str | None = None):
        super().__init__()
        self.setWindowTitle(f"DesktopDL {desktopdl.__version__}")
        self.settings_store = QSettings()
        #: Ask before closing over unsaved lessons (off for the self-test, and for a restart,
        #: which carries every lesson over in a session folder).
        self.confirm_close = True
        self.tabs_widget = QTabWidget()
        self.tabs_widget.setDocumentMode(True)
        #: The open deck (none at first): its bar sits over the lessons.
        self.deck_player = DeckPlayer(self)
        self.deck_bar = DeckBar(self.deck_player)
        self.notes_window: NotesWindow | None = None
        self._slides_dialog: SlidesDialog | None = None
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.deck_bar)
        central_layout.addWidget(self.tabs_widget, 1)
        self.setCentralWidget(central)
        self.undo_group = QUndoGroup(self)
        self.device_label = QLabel()
        self.statusBar().addPermanentWidget(self.device_label)
        self._slots: dict[str, LessonSlot] = {}
        self._shut_down = False
        for key, entry in REGISTRY.items():
            self._slots[key] = LessonSlot(key, self._build_page)
            self.tabs_widget.addTab(self._slots[key], tr_core(entry.lesson.title))
        if lesson_key is not None:
            self.tabs_widget.setCurrentWidget(self._slots[lesson_key])
        self.blank = BlankScreen(self)
        self.blank.dismissed.connect(self.toggle_blank)
        self._build_menus()
        self._bind_keys()
        self._fit_to_screen()
        theme.restyle(self)
        self._previous = self.current_tab
        self.tabs_widget.currentChanged.connect(self._tab_switched)
        self._tab_switched()

    def _build_page(self, key: str, slot: QWidget) -> LessonTab:
        """A lesson's page, wired to the window and in the window's present look."""
        tab = page_class(key)(slot)
        tab.status_text.connect(self._tab_status(tab))
        self.undo_group.addStack(tab.workspace.undo_stack)
        if hasattr(self, "presenter_action"):  # built after the menus: in the layout chosen
            theme.restyle(tab)
            tab.restyle()
            tab.set_presenter_layout(self.presenter_action.isChecked())
        return tab

    @property
    def tabs(self) -> list[LessonTab]:
        """Every lesson's page, in the lecture's order, each built now if it was not yet
        (what goes through all lessons: the self-test, tests, benchmarks)."""
        return [slot.built_page() for slot in self._slots.values()]

    @property
    def built_tabs(self) -> list[LessonTab]:
        """The pages built so far: the only ones with points, settings or a thread to mind."""
        return [slot.page for slot in self._slots.values() if slot.page is not None]

    def build_remaining_pages(self, then=None) -> None:
        """Build the pages not built yet, one per turn of the event loop, so that a first
        visit to a lesson later is instant and no single turn holds the window long; call
        ``then`` when all are built."""
        if self._shut_down:  # closing: no new page, and no thread started behind it
            return
        waiting = [slot for slot in self._slots.values() if slot.page is None]
        if waiting:
            waiting[0].built_page()
            QTimer.singleShot(PREBUILD_GAP_MS, self, lambda: self.build_remaining_pages(then))
        elif then is not None:
            then()

    def _fit_to_screen(self) -> None:
        """Open at 1400 × 900, or smaller where the screen's free area is smaller (a
        1280 × 800 laptop): never wider or taller than the screen."""
        screen = self.screen() or QApplication.primaryScreen()
        free = screen.availableGeometry() if screen is not None else None
        width, height = DEFAULT_SIZE
        if free is not None:
            frame = 30  # the title bar and borders the window manager adds
            width, height = min(width, free.width()), min(height, free.height() - frame)
        self.resize(width, height)

    @property
    def current_tab(self) -> LessonTab:
        return self.tabs_widget.currentWidget().built_page()

    def tab_for(self, lesson_key: str) -> LessonTab:
        return self._slots[lesson_key].built_page()

    def show_lesson(self, lesson_key: str) -> LessonTab:
        self.tabs_widget.setCurrentWidget(self._slots[lesson_key])
        return self.current_tab

    def unsaved_tabs(self) -> list[LessonTab]:
        """The lessons whose points or settings changed since they were opened or saved."""
        return [tab for tab in self.built_tabs if tab.has_unsaved_changes()]

    def _lessons_may_close(self) -> bool:
        """Edited lessons are saved, discarded or kept open, as the teacher says: closing
        must never lose an afternoon's points without asking."""
        unsaved = self.unsaved_tabs()
        if not unsaved:
            return True
        names = ", ".join(tr_core(tab.lesson.title) for tab in unsaved)
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved lessons"),
            self.tr("These lessons have changes that are not saved: {0}. Save them?").format(names),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            for tab in unsaved:
                self.show_lesson(tab.lesson.key)
                if not self._save_dialog(with_weights=False):
                    return False  # a cancelled dialog or a failed save keeps the window
            return True
        return answer == QMessageBox.StandardButton.Discard

    def shutdown(self) -> bool:
        """Stop every lesson's training thread; True when all have ended."""
        self._shut_down = True
        return all([tab.shutdown() for tab in self.built_tabs])

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._deck_may_close() or (self.confirm_close and not self._lessons_may_close()):
            event.ignore()
            return
        self.shutdown()
        if self.notes_window is not None:
            self.notes_window.close()
        super().closeEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.blank.setGeometry(self.rect())

    # -- files ----------------------------------------------------------------------------

    def open_path(self, path: str, remember: bool = True) -> bool:
        """Open a lesson file in its tab; a bad file is refused with a message, nothing lost."""
        try:
            opened = lesson_file.read(path)
        except lesson_file.LessonFileError as error:
            QMessageBox.warning(
                self, self.tr("Cannot open the lesson file"), tr_core(error.args[0])
            )
            return False
        tab = self.show_lesson(opened.lesson)
        tab.load_lesson_file(opened)
        tab.mark_saved(path)
        if remember:
            self._remember(path)
        self.statusBar().showMessage(self.tr("Opened {0}").format(Path(path).name), 5000)
        return True

    def save_path(self, path: str, with_weights: bool, remember: bool = True) -> bool:
        """Save the lesson on screen; a failure (a full disk, a read-only folder) is shown
        in the interface's language, and neither the lesson nor a file already there is lost
        (the file is written to a temporary name first)."""
        tab = self.current_tab
        try:
            lesson_file.write(path, tab.lesson_file(with_weights))
        except (OSError, ValueError) as error:
            QMessageBox.warning(
                self, self.tr("Cannot save the lesson file"), self._not_saved_text(path, error)
            )
            return False
        tab.mark_saved(path)
        if remember:
            self._remember(path)
        # The full path: a teacher must find the file again after the lesson.
        self.statusBar().showMessage(self.tr("Saved {0}").format(str(Path(path).resolve())), 15000)
        return True

    def _not_saved_text(self, path: str, error: Exception) -> str:
        """Why a file was not written, in the interface's language (the system's own words
        for an error, "[Errno 28] No space left on device", stay English)."""
        return self.tr(
            "{0} was not saved: {1}\nNothing on screen was lost, and a file already there is "
            "unchanged. Choose another place, or make room and save again."
        ).format(Path(path).name, self._os_reason(error))

    def _os_reason(self, error: Exception) -> str:
        code = getattr(error, "errno", None)
        if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return self.tr("the disk is full")
        if code in (errno.EACCES, errno.EPERM, errno.EROFS) or isinstance(error, PermissionError):
            return self.tr("this place cannot be written to (read-only, or no permission)")
        if isinstance(error, OSError):
            return error.strerror or str(error)
        return str(error)

    def _open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a lesson"), "", FILE_FILTER)
        if path:
            self.open_path(path)

    def _save_dialog(self, with_weights: bool) -> bool:
        """Ask where (the file the lesson came from, else lesson.json) and save; True when
        it was saved."""
        tab = self.current_tab
        suggested = tab.file_path or f"{tab.lesson.key}.json"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the lesson"), suggested, FILE_FILTER
        )
        return bool(path) and self.save_path(path, with_weights)

    def recent_files(self) -> list[str]:
        value = self.settings_store.value("recent_files", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _remember(self, path: str) -> None:
        path = str(Path(path).resolve())
        recent = [p for p in self.recent_files() if p != path]
        self.settings_store.setValue("recent_files", [path, *recent][:MAX_RECENT])
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_files():
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(self.recent_files()))

    # -- export -------------------------------------------------------------------------

    def _export(self, suffix: str, write) -> None:
        """Ask where, write, and say so; a failure is shown, never raised."""
        name = f"{self.current_tab.lesson.key}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), name, f"{suffix.upper()} (*.{suffix})"
        )
        if not path:
            return
        try:
            write(path)
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Export failed"),
                self.tr("{0} could not be written: {1}").format(
                    Path(path).name, self._os_reason(error)
                ),
            )
            return
        except (ValueError, RuntimeError) as error:
            # A core sentence (a lesson's "add points of class 1") keeps its template, so it
            # reaches the Korean interface translated.
            said = error.args[0] if error.args and isinstance(error.args[0], str) else str(error)
            QMessageBox.warning(self, self.tr("Export failed"), tr_core(said))
            return
        self.statusBar().showMessage(self.tr("Saved {0}").format(str(Path(path).resolve())), 15000)

    def _export_canvas_png(self, path: str) -> None:
        width, ok = QInputDialog.getInt(
            self,
            self.tr("Canvas as PNG"),
            self.tr("Width in pixels (for slides):"),
            EXPORT_WIDTH,
            200,
            8000,
            100,
        )
        if ok:
            exporting.save_widget_png(self.current_tab.canvas, path, width=width)

    def _export_animation(self, path: str) -> None:
        """Record the current lesson's training, with a progress bar that can cancel it."""
        tab = self.current_tab
        steps = tab.snapshot.step if tab.snapshot is not None and tab.snapshot.step else None
        recorded = tab.lesson_file()
        planned = codegen.planned_steps(recorded.settings, steps)
        label = self.tr("Recording the training…")
        if planned > export.MAX_EXPORT_STEPS:
            # A lesson left training all lecture (or a limit of 10⁷) would record for hours.
            steps = export.MAX_EXPORT_STEPS
            label = self.tr("Recording the first {0} of {1} steps…").format(
                f"{export.MAX_EXPORT_STEPS:,}", f"{planned:,}"
            )
        progress = QProgressDialog(label, self.tr("Cancel"), 0, 100, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)

        def advance(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()
            if progress.wasCanceled():
                raise RuntimeError(self.tr("Recording cancelled."))

        try:
            exporting.record_training(recorded, steps, path, progress=advance)
        finally:
            progress.close()

    # -- decks ----------------------------------------------------------------------------

    def open_deck(self, path: str) -> bool:
        """Open a deck at its first slide; a damaged deck is refused with a message and the
        deck on screen (if any) stays."""
        deck = read_deck_or_warn(self, path)
        if deck is None or not self._deck_may_close():
            return False
        self.deck_player.open(deck, None if Path(path) == bundled_deck_path() else path)
        self.statusBar().showMessage(self.tr("Opened {0}").format(Path(path).name), 5000)
        return True

    def open_bundled_deck(self) -> bool:
        return self.open_deck(str(bundled_deck_path()))

    def _open_deck_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a deck"), "", DECK_FILTER)
        if path:
            self.open_deck(path)

    def add_current_slide(self, title: str | None = None) -> None:
        """The lesson on screen, as it is now, becomes a slide after the one on screen (a
        new deck when none is open)."""
        tab = self.current_tab
        if title is None:
            default = tab.preset_combo.currentText() or tr_core(tab.lesson.title)
            title, ok = QInputDialog.getText(
                self, self.tr("Add current state as slide"), self.tr("Slide title:"), text=default
            )
            if not ok:
                return
        slide = current_state_slide(tab, title.strip() or tr_core(tab.lesson.title))
        player = self.deck_player
        if player.deck is None:
            player.open(decks.Deck())
            player.set_deck(decks.Deck((slide,)), 0)
        else:
            at = player.index + 1
            player.set_deck(player.deck.with_slide(slide, at), at)
        self.statusBar().showMessage(self.tr("Slide {0} added").format(player.index + 1), 5000)

    def save_deck(self, path: str) -> bool:
        player = self.deck_player
        if player.deck is None or not player.deck.slides:
            return False
        try:
            decks.write(path, player.deck)
        except (OSError, ValueError) as error:
            QMessageBox.warning(
                self, self.tr("Cannot save the deck"), self._not_saved_text(path, error)
            )
            return False
        player.path, player.dirty = path, False
        self.statusBar().showMessage(self.tr("Saved {0}").format(str(Path(path).resolve())), 15000)
        return True

    def _save_deck_dialog(self) -> bool:
        if self.deck_player.deck is None:
            return False
        name = self.deck_player.path or "lecture.deck.json"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the deck"), name, DECK_FILTER)
        return bool(path) and self.save_deck(path)

    def _deck_may_close(self) -> bool:
        """An edited deck is saved, discarded or kept open, as the teacher says."""
        player = self.deck_player
        if player.deck is None or not player.dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved deck"),
            self.tr("The deck has slides that are not saved. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self._save_deck_dialog()
        return answer == QMessageBox.StandardButton.Discard

    def close_deck(self) -> None:
        if self._deck_may_close():
            self.stop_presenting()
            self.deck_player.close()

    def edit_slides(self) -> None:
        if self._slides_dialog is None:
            self._slides_dialog = SlidesDialog(self.deck_player, self)
        self._slides_dialog.refill()
        self._slides_dialog.show()
        self._slides_dialog.raise_()

    def show_notes(self) -> NotesWindow:
        if self.notes_window is None:
            self.notes_window = NotesWindow(self.deck_player)
        self.notes_window.show()
        self.notes_window.raise_()
        return self.notes_window

    def present(self) -> None:
        """The lesson fullscreen on the projector, the notes on the laptop when there are
        two screens (with one, the notes stay under View → Speaker notes)."""
        if not self.deck_player.active:
            self.open_bundled_deck()
            if not self.deck_player.active:
                return
        projector, laptop = presentation_screens(
            QApplication.screens(), QApplication.primaryScreen()
        )
        if laptop is not None:
            notes = self.show_notes()
            notes.setScreen(laptop)
            notes.move(laptop.availableGeometry().topLeft())
            notes.resize(laptop.availableGeometry().size() * 0.9)
            notes.restart_clock()
            self.setScreen(projector)
            self.move(projector.geometry().topLeft())
        self.showFullScreen()
        self.activateWindow()
        self._escape.setEnabled(True)

    def stop_presenting(self) -> None:
        self._escape.setEnabled(False)
        if self.isFullScreen():
            self.showNormal()

    def _forward(self) -> None:
        if self.deck_player.active:
            self.deck_player.next()
        else:
            self.current_tab.step_once()

    def _back(self) -> None:
        if self.deck_player.active:
            self.deck_player.previous()

    # -- presenter ------------------------------------------------------------------------

    def set_scale(self, scale: float) -> None:
        theme.set_look(QApplication.instance(), self, scale=scale)
        for tab in self.built_tabs:
            tab.restyle()
        self.deck_bar.restyle()
        self.settings_store.setValue("scale", theme.LOOK.scale)
        self.statusBar().showMessage(self.tr("Size {0:.0%}").format(theme.LOOK.scale), 3000)

    def set_dark(self, dark: bool) -> None:
        theme.set_look(QApplication.instance(), self, dark=dark)
        for tab in self.built_tabs:
            tab.restyle()
        self.settings_store.setValue("dark", dark)

    def choose_language(self, code: str, ask: bool = True) -> None:
        """Keep the choice; the window is rebuilt in the new language on restart."""
        if code == i18n.chosen_language():
            return
        self.settings_store.setValue("language", code)
        if not ask:
            return
        # Asked in the language on screen now, with Qt's own buttons translated too.
        answer = QMessageBox.question(
            self,
            self.tr("Language"),
            self.tr(
                "DesktopDL restarts in the new language, with every lesson as it is now "
                "(points, settings and trained weights). Restart now?"
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            folder = self.save_session()
            self.confirm_close = False  # every lesson travels in the session folder
            args = [a for a in sys.argv[1:] if not a.endswith(".json")]
            args += ["--restore-session", folder]
            QProcess.startDetached(
                sys.executable,
                args if getattr(sys, "frozen", False) else ["-m", "desktopdl", *args],
            )
            self.close()

    def save_session(self) -> str:
        """Every lesson as it is now (with its trained weights) in a new folder, and which
        one is on screen: what a restart needs to come back where it was."""
        folder = Path(tempfile.mkdtemp(prefix="desktopdl-session-"))
        files = {}
        for tab in self.built_tabs:  # a page never built holds nothing to carry over
            name = f"{tab.lesson.key}.json"
            lesson_file.write(folder / name, tab.lesson_file(with_weights=True))
            files[tab.lesson.key] = name
        session = {
            "current": self.current_tab.lesson.key,
            "files": files,
            # After the restart, closing still asks about work not saved before it, and
            # Save still offers the file each lesson came from.
            "unsaved": [tab.lesson.key for tab in self.unsaved_tabs()],
            "paths": {tab.lesson.key: tab.file_path for tab in self.built_tabs},
        }
        (folder / SESSION_FILE).write_text(json.dumps(session), encoding="utf-8")
        return str(folder)

    def restore_session(self, folder: str) -> None:
        """Open the lessons a session folder holds, show the one that was on screen, and
        remove the folder; a damaged session is skipped with a message, nothing else lost."""
        root = Path(folder)
        try:
            session = json.loads((root / SESSION_FILE).read_text(encoding="utf-8"))
            unsaved, paths = list(session.get("unsaved", [])), dict(session.get("paths", {}))
            for key, name in dict(session.get("files", {})).items():
                if key in self._slots:
                    self.open_path(str(root / Path(name).name), remember=False)
                    tab = self.tab_for(key)
                    path = paths.get(key)
                    tab.mark_saved(path if isinstance(path, str) else None)
                    if key in unsaved:
                        tab.mark_changed()
            current = session.get("current")
            if current in self._slots:
                self.show_lesson(current)
        except (OSError, ValueError, TypeError, AttributeError) as error:
            self.statusBar().showMessage(
                self.tr("The lessons before the restart could not be restored: {0}").format(error)
            )
        finally:
            shutil.rmtree(root, ignore_errors=True)

    def toggle_fullscreen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def set_presenter_layout(self, on: bool) -> None:
        """Every lesson folds its controls and shows its numbers large (P again: back)."""
        self.presenter_action.setChecked(on)
        for tab in self.built_tabs:
            tab.set_presenter_layout(on)

    def toggle_blank(self) -> None:
        blank = not self.blank.isVisible()
        if blank:
            self.current_tab.pause()
        # The menu and status bars are hidden too: over them the cover left a grey frame.
        self.menuBar().setVisible(not blank)
        self.statusBar().setVisible(not blank)
        self.blank.setGeometry(self.rect())
        self.blank.raise_()
        self.blank.setVisible(blank)

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
        self.undo_group.setActiveStack(current.workspace.undo_stack)
        if current.snapshot is not None:
            self.device_label.setText(
                self.tr("Device: {0}").format(tr_core(current.snapshot.device_reason))
            )

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # its key works while the menu bar is hidden (blank screen)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(
            file_menu, self.tr("&Open lesson…"), self._open_dialog, QKeySequence.StandardKey.Open
        )
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self._fill_recent_menu()
        self._action(
            file_menu,
            self.tr("&Save lesson…"),
            lambda: self._save_dialog(False),
            QKeySequence.StandardKey.Save,
        )
        self._action(
            file_menu,
            self.tr("Save lesson with trained &weights…"),
            lambda: self._save_dialog(True),
            QKeySequence("Ctrl+Shift+S"),
        )
        export_menu = file_menu.addMenu(self.tr("&Export"))
        for text, suffix, slot in (
            (self.tr("Canvas as PNG…"), "png", self._export_canvas_png),
            (
                self.tr("Canvas as SVG…"),
                "svg",
                lambda p: exporting.save_plot_svg(self.current_tab.canvas, p),
            ),
            (
                self.tr("Window as PNG…"),
                "png",
                lambda p: exporting.save_widget_png(self, p, width=EXPORT_WIDTH),
            ),
            (
                self.tr("Cost curve as SVG…"),
                "svg",
                lambda p: exporting.save_plot_svg(self.current_tab.cost_plot, p),
            ),
            (self.tr("Training animation (GIF)…"), "gif", self._export_animation),
            (self.tr("Training animation (MP4)…"), "mp4", self._export_animation),
            (
                self.tr("Points as CSV…"),
                "csv",
                lambda p: export.save_csv_points(
                    self.current_tab.workspace.data(),
                    p,
                    regression=not self.current_tab.lesson.n_classes,
                ),
            ),
            (
                self.tr("Costs as CSV…"),
                "csv",
                lambda p: export.save_csv_costs(
                    self.current_tab.cost_plot.steps, self.current_tab.cost_plot.values, p
                ),
            ),
            (
                self.tr("PyTorch script (.py)…"),
                "py",
                lambda p: self.current_tab.code_panel.save_script(p),
            ),
            (
                self.tr("Notebook (.ipynb)…"),
                "ipynb",
                lambda p: self.current_tab.code_panel.save_notebook(p),
            ),
        ):
            self._action(
                export_menu, text, lambda _checked=False, s=suffix, f=slot: self._export(s, f)
            )
        file_menu.addSeparator()
        self._action(
            file_menu, self.tr("Open &deck…"), self._open_deck_dialog, QKeySequence("Ctrl+Shift+O")
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        deck_menu = bar.addMenu(self.tr("&Deck"))
        self._action(deck_menu, self.tr("&Open deck…"), self._open_deck_dialog)
        self._action(deck_menu, self.tr("&Week-9 lecture"), self.open_bundled_deck)
        deck_menu.addSeparator()
        self._action(
            deck_menu,
            self.tr("&Add current state as slide…"),
            lambda: self.add_current_slide(),
            QKeySequence("Ctrl+Shift+A"),
        )
        self._action(deck_menu, self.tr("&Edit slides…"), self.edit_slides)
        self._action(deck_menu, self.tr("&Save deck…"), self._save_deck_dialog)
        deck_menu.addSeparator()
        self._action(deck_menu, self.tr("&Present"), self.present, QKeySequence("F5"))
        self._action(deck_menu, self.tr("Speaker &notes"), self.show_notes)
        self._action(deck_menu, self.tr("&Close deck"), self.close_deck)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_group.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)

        view_menu = bar.addMenu(self.tr("&View"))
        self._action(
            view_menu, self.tr("&Full screen"), self.toggle_fullscreen, QKeySequence("F11")
        )
        self._action(
            view_menu,
            self.tr("&Bigger"),
            lambda: self.set_scale(theme.LOOK.scale * SCALE_STEP),
            [QKeySequence("Ctrl+="), QKeySequence("Ctrl++")],
        )
        self._action(
            view_menu,
            self.tr("&Smaller"),
            lambda: self.set_scale(theme.LOOK.scale / SCALE_STEP),
            QKeySequence("Ctrl+-"),
        )
        self._action(
            view_menu, self.tr("&Normal size"), lambda: self.set_scale(1.0), QKeySequence("Ctrl+0")
        )
        view_menu.addSeparator()
        themes = QActionGroup(self)
        self.light_action = self._action(
            view_menu, self.tr("&Light theme (projector)"), lambda: self.set_dark(False)
        )
        self.dark_action = self._action(
            view_menu, self.tr("&Dark theme"), lambda: self.set_dark(True)
        )
        for action in (self.light_action, self.dark_action):
            action.setCheckable(True)
            themes.addAction(action)
        (self.dark_action if theme.LOOK.dark else self.light_action).setChecked(True)
        view_menu.addSeparator()
        self.presenter_action = self._action(
            view_menu,
            self.tr("&Presenter layout"),
            lambda: self.set_presenter_layout(self.presenter_action.isChecked()),
            QKeySequence("P"),
        )
        self.presenter_action.setCheckable(True)
        self._action(view_menu, self.tr("B&lank screen"), self.toggle_blank, QKeySequence("B"))

        language_menu = view_menu.addMenu(self.tr("Language"))
        languages = QActionGroup(self)
        current = i18n.chosen_language()
        for code, name in LANGUAGES.items():
            action = self._action(
                language_menu, name, lambda _checked=False, c=code: self.choose_language(c)
            )
            action.setCheckable(True)
            action.setChecked(code == current)
            languages.addAction(action)

        lesson_menu = bar.addMenu(self.tr("&Lesson"))
        for index, (key, entry) in enumerate(REGISTRY.items()):
            self._action(
                lesson_menu,
                tr_core(entry.lesson.title),
                lambda _checked=False, k=key: self.show_lesson(k),
                QKeySequence(f"Ctrl+{index + 1}"),
            )

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(
            help_menu, self.tr("Keyboard &shortcuts"), self.show_shortcuts, QKeySequence("F1")
        )
        self._action(help_menu, self.tr("&Week-9 lecture (deck)"), self.open_bundled_deck)
        self._action(help_menu, self.tr("&About DesktopDL"), self._show_about)

    def _bind_keys(self) -> None:
        bindings = [
            ("Space", lambda: self.current_tab.toggle_training()),
            # With a deck open these walk the slides (a clicker sends Page Down / Up).
            ("Right", self._forward),
            ("PgDown", self._forward),
            ("Left", self._back),
            ("PgUp", self._back),
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
        # Only while presenting: elsewhere Esc belongs to the dialogs and the fields.
        self._escape = QShortcut(QKeySequence("Esc"), self)
        self._escape.activated.connect(self.stop_presenting)
        self._escape.setEnabled(False)

    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td><b>{key}</b>&nbsp;&nbsp;</td><td>{what}</td></tr>"
            for key, what in shortcut_rows()
        )
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Keyboard shortcuts"))
        box.setText(f"<table>{rows}</table>")
        box.setFont(theme.font(theme.BASE_POINT_SIZE + 2))
        box.open()
        self._shortcuts_box = box

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About DesktopDL"),
            f"<h3>DesktopDL {desktopdl.__version__}</h3>"
            + self.tr(
                "<p>Teach the basics of deep learning: build the model, train it, test "
                "it.</p><p>Every number shown is the number the lecture's PyTorch code "
                "prints.</p>"
            ),
        )
