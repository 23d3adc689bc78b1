"""A computation that runs off the GUI thread with progress and Cancel (cross-validation, a
learning curve): the window never waits for it, and closing the window stops it.

The job is a plain function ``run(progress, cancelled)``; it reports progress 0…1 through
``progress`` and checks ``cancelled()`` between slices of work (raising any exception to
stop). Signals carry the result back to the GUI thread, queued, so the widgets are only
ever touched there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QThread, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget


class BackgroundJob(QThread):
    #: Share done, 0…1 (sent at most as often as the job reports).
    progressed = Signal(float)
    #: The function's result.
    succeeded = Signal(object)
    #: A sentence for the teacher (a ValueError's message, or what went wrong).
    failed = Signal(str)
    #: Cancel was pressed and the job stopped.
    cancelled = Signal()

    def __init__(
        self, work: Callable[[Callable[[float], None], Callable[[], bool]], object], parent=None
    ):
        super().__init__(parent)
        self._work = work
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def is_cancelling(self) -> bool:
        return self._cancel

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self.is_cancelling)
        except Exception as error:  # noqa: BLE001 - reported to the teacher, never lost
            if self._cancel:
                self.cancelled.emit()
            else:
                self.failed.emit(str(error))
            return
        if self._cancel:
            self.cancelled.emit()
        else:
            self.succeeded.emit(result)

    def stop(self, timeout_ms: int = 5000) -> bool:
        """Cancel and wait for the thread; True when it has ended."""
        self.cancel()
        return self.wait(timeout_ms)


class ExperimentPanel(QWidget):
    """A Run button, a progress bar and Cancel for one background experiment."""

    def __init__(self, run_text: str, tooltip: str, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.run_button = QPushButton(run_text)
        self.run_button.setToolTip(tooltip)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(QCoreApplication.translate("BackgroundJob", "Cancel"))
        self.cancel_button.setVisible(False)
        layout.addWidget(self.run_button)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.cancel_button)

    def show_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        if running:
            self.progress.setValue(0)
