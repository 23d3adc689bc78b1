"""DesktopDL launched in its own process, as a teacher launches it, for the Ctrl+C, start-up
and close-cycle tests.

As a script it is the app itself (``desktopdl.qt.app.run()``, with its first window, SIGINT
handling and close path) plus a script of clicks: ``python tests/launched_app.py train
LESSON`` starts the lesson on screen training at full speed as soon as the window can train
and prints ``training``; ``... close LESSON SEED`` also closes the window, as its close
button does, at a moment drawn from SEED between 0 and 1.5 s into training.

``Launched`` is the test's side: it starts such a process (or ``python -m desktopdl``),
reads its stdout lines as they come (the start-up events of ``DESKTOPDL_STARTUP_LOG``) and
collects what it wrote to stderr.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(__file__).resolve()

#: The latest moment of a scripted close, after training began.
MAX_CLOSE_DELAY_MS = 1500

#: What a clean exit never prints.
BAD_OUTPUT = ("Traceback", "QThread: Destroyed while thread is still running", "KeyboardInterrupt")


class Launched:
    """One launched process; ``wait_line`` and ``finish`` never wait past their timeout."""

    def __init__(self, args: list[str], platform: str = "offscreen") -> None:
        self.config = tempfile.TemporaryDirectory(prefix="desktopdl-launch-config-")
        env = dict(
            os.environ,
            QT_QPA_PLATFORM=platform,
            DESKTOPDL_STARTUP_LOG="1",
            XDG_CONFIG_HOME=self.config.name,  # never the developer's own settings
            PYTHONUNBUFFERED="1",
        )
        self.process = subprocess.Popen(
            [sys.executable, *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.errors: list[str] = []
        self._readers = [
            threading.Thread(target=self._read, args=(self.process.stdout, self.lines.put)),
            threading.Thread(target=self._read, args=(self.process.stderr, self.errors.append)),
        ]
        for reader in self._readers:
            reader.start()

    @staticmethod
    def _read(stream, put) -> None:
        for line in stream:
            put(line)

    def wait_line(self, text: str, timeout_s: float = 180.0) -> bool:
        """Wait until a stdout line contains ``text``; False if the process ended first."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                if self.process.poll() is not None and self.lines.empty():
                    return False
                continue
            self.seen.append(line)
            if text in line:
                return True
        return False

    def interrupt(self, presses: int = 1, gap_s: float = 0.05) -> None:
        """Ctrl+C in the launching terminal, ``presses`` times."""
        for press in range(presses):
            if self.process.poll() is not None:
                return
            self.process.send_signal(signal.SIGINT)
            if press + 1 < presses:
                time.sleep(gap_s)  # a person's repeated presses, not a wait for a result

    def finish(self, timeout_s: float = 90.0) -> tuple[int | None, str]:
        """The exit status (None: it hung and was killed) and everything it wrote to stderr."""
        try:
            code = self.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            code = None
        for reader in self._readers:
            reader.join(timeout=10)
        self.config.cleanup()
        return code, "".join(self.errors)


def problems(code: int | None, errors: str) -> list[str]:
    """What a user would call a bad exit: a hang, a crash, a non-zero status, a traceback."""
    found = []
    if code is None:
        found.append("it did not exit (killed after the timeout)")
    elif code < 0:
        found.append(f"it died of signal {-code} ({signal.Signals(-code).name})")
    elif code != 0:
        found.append(f"it exited with status {code}")
    found += [f"it printed {bad!r}" for bad in BAD_OUTPUT if bad in errors]
    return found


def launch_training(lesson: str, close_seed: int | None = None) -> Launched:
    """This script in its own process: train ``lesson``; close at a random moment if seeded."""
    mode = ["train", lesson] if close_seed is None else ["close", lesson, str(close_seed)]
    return Launched([str(SCRIPT), *mode])


# -- the launched side ---------------------------------------------------------------------


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktopdl.qt import app

    mode, lesson = argv[0], argv[1]
    delay_ms = random.Random(int(argv[2])).randrange(MAX_CLOSE_DELAY_MS) if mode == "close" else 0
    app.base_application()  # run() reuses it; the timer below needs it
    poll = QTimer()
    started = []

    def main_window():
        for widget in QApplication.topLevelWidgets():
            if type(widget).__name__ == "MainWindow" and widget.isVisible():
                return widget
        return None

    def check() -> None:
        window = main_window()
        if window is None or window.current_tab.snapshot is None:
            return
        tab = window.current_tab
        if not started:
            started.append(True)
            # Unlimited steps count as an unsaved change; this scripted run has nothing a
            # teacher would want kept, so closing it must not stop at the "save?" question.
            window.confirm_close = False
            tab.speed_combo.setCurrentIndex(0)  # full speed
            tab.steps_spin.setValue(0)  # no step limit: it trains until closed
            tab.toggle_training()
        elif tab.snapshot.running:
            poll.stop()
            print("training", flush=True)
            if mode == "close":
                QTimer.singleShot(delay_ms, window.close)

    poll.timeout.connect(check)
    poll.start(5)
    return app.run(lesson)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
