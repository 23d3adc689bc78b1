"""Drive the real app into each lesson's teaching state and save PNGs for a person to look at.

Run under a display (e.g. ``xvfb-run -s "-screen 0 1920x1080x24" python bench/screenshots.py``);
it trains each lesson, sets a test point, and grabs the window at 1920×1080 and 1024×768.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktopdl.qt.app import application
from desktopdl.qt.main_window import MainWindow


def wait_until(predicate, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not predicate():
        QCoreApplication.processEvents()
        time.sleep(0.01)
    for _ in range(20):
        QCoreApplication.processEvents()


def main(out_dir: str = "shots") -> None:
    out = Path(out_dir)
    out.mkdir(exist_ok=True)
    app = application()
    window = MainWindow()
    window.show()
    wait_until(lambda: all(tab.snapshot is not None for tab in window.tabs))
    for size in ((1920, 1080), (1024, 768)):
        window.resize(*size)
        for tab in window.tabs:
            window.show_lesson(tab.lesson.key)
            tab.speed_combo.setCurrentIndex(0)
            run_id = tab.snapshot.run_id
            tab.reset()
            wait_until(lambda t=tab, r=run_id: t.snapshot.run_id != r)
            tab.toggle_training()
            wait_until(lambda t=tab: t.snapshot.step >= 2000 and not t.snapshot.running)
            tab.test_mode_button.setChecked(True)
            tab._test_clicked(6.0, 4.0)
            wait_until(lambda: False, 0.3)
            name = out / f"{tab.lesson.key}_{size[0]}x{size[1]}.png"
            window.grab().save(str(name))
            print(name)
    window.shutdown()
    app.quit()


if __name__ == "__main__":
    main(*sys.argv[1:])
