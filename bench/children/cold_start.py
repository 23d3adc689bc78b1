"""Child program: cold start. Imports the app, builds the MainWindow, shows it and runs
the event loop until the first tab's canvas has painted and drawn its first snapshot;
prints the time of each milestone (seconds since the epoch; the parent subtracts its
launch time).

    python -m bench.children.cold_start
"""

import time

marks = {"start": time.time()}

import json  # noqa: E402 - the clock starts before anything is imported
import os  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402

from bench.children.common import wait_for  # noqa: E402
from desktopdl.qt import app as desktop_app  # noqa: E402
from desktopdl.qt.worker import freeze_startup_garbage  # noqa: E402

marks["imported"] = time.time()
qt_app = desktop_app.application()
window = desktop_app.MainWindow()
window.confirm_close = False  # no one to answer "save the lessons?" here
marks["window built"] = time.time()
tab = window.current_tab


class Watch(QObject):
    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            marks.setdefault("first paint", time.time())
        return False


def drawn() -> bool:
    # Polled every 5 ms: the worker may publish its first snapshot before this script could
    # connect to its signal, so watch what the tab shows instead.
    if tab.snapshot is not None:
        marks.setdefault("first snapshot drawn", time.time())
    return "first paint" in marks and "first snapshot drawn" in marks


watch = Watch()
tab.canvas.viewport().installEventFilter(watch)
window.show()
QTimer.singleShot(0, freeze_startup_garbage)
ok = wait_for(drawn)
stopped = window.shutdown()
print(json.dumps({"marks": marks, "ok": ok and stopped}))
