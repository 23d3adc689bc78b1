"""The CNN lesson's figures, in one run on this machine: how soon a default CNN reaches 90 %
validation accuracy on the built-in digits (bare trainer and the live app at full speed),
how often the screen refreshes while it trains, and how late a 10 ms GUI timer fires.

Run as ``python -m bench.bench_cnn`` with nothing else busy; it prints the table and writes
it to ``docs/benchmarks_cnn.md``.
"""

from __future__ import annotations

import datetime
import os
import statistics
import time
from pathlib import Path

import torch

from desktopdl.core import lesson_file
from desktopdl.core.export import new_trainer
from desktopdl.core.trainer import VALIDATION_ACCURACY
from desktopdl.resources import resource

REPORT = Path(__file__).resolve().parents[1] / "docs" / "benchmarks_cnn.md"
REPS = 3
TARGET = 0.9


def bare_seconds_to_target() -> tuple[float, int, float]:
    preset = lesson_file.read(resource("presets") / "cnn_digits.json")
    trainer = new_trainer(preset)
    start = time.perf_counter()
    while trainer.can_train:
        trainer.step(25)
        if dict(trainer.snapshot().metrics).get(VALIDATION_ACCURACY, 0) >= TARGET:
            break
    seconds = time.perf_counter() - start
    return seconds, trainer.step_count, trainer.step_count / seconds


def app_run() -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, Qt, QTimer

    from desktopdl.qt.app import application
    from desktopdl.qt.main_window import MainWindow

    application()
    window = MainWindow()
    window.confirm_close = False  # no one to answer "save the lessons?" here
    window.resize(1400, 900)
    window.show()
    tab = window.show_lesson("cnn")
    while tab.snapshot is None:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    tab.views.setCurrentWidget(tab.maps_page)
    tab.speed_combo.setCurrentIndex(0)
    ticks: list[float] = []
    shown: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    tab.worker.snapshot_ready.connect(lambda: shown.append(time.perf_counter()))
    start = time.perf_counter()
    tab.toggle_training()
    timer.start()
    reached = None
    while time.perf_counter() - start < 60:
        QCoreApplication.processEvents()
        snapshot = tab.snapshot
        if reached is None and dict(snapshot.metrics).get(VALIDATION_ACCURACY, 0) >= TARGET:
            reached = time.perf_counter() - start
        if snapshot.step >= 1000 or (not snapshot.running and snapshot.step > 0):
            break
        time.sleep(0.001)
    elapsed = time.perf_counter() - start
    timer.stop()
    late = sorted((b - a) * 1000 - 10 for a, b in zip(ticks, ticks[1:], strict=False))
    window.shutdown()
    return {
        "seconds to 90 %": reached if reached is not None else float("nan"),
        "snapshots/s": len(shown) / elapsed,
        "lateness p50": statistics.median(late),
        "lateness p95": late[int(0.95 * (len(late) - 1))],
        "lateness max": late[-1],
        "steps": tab.snapshot.step,
        "elapsed": elapsed,
    }


def main() -> None:
    torch.set_num_threads(1)
    load = os.getloadavg()[0]
    rows = ["| measurement | median | runs |", "|---|---|---|"]
    bare = [bare_seconds_to_target() for _ in range(REPS)]
    rows.append(
        "| bare trainer, digits preset (10 classes, 1,438 training images, 2 conv layers, "
        f"Adam, batch 64): seconds to 90 % validation accuracy | "
        f"{statistics.median(b[0] for b in bare):.2f} s (step "
        f"{statistics.median(b[1] for b in bare):.0f}, "
        f"{statistics.median(b[2] for b in bare):,.0f} steps/s) | {REPS} |"
    )
    app = app_run()
    rows.append(
        "| the app at full speed, Feature maps page open: seconds from Train to 90 % "
        f"validation accuracy | {app['seconds to 90 %']:.2f} s | 1 |"
    )
    rows.append(
        f"| the same run ({app['steps']:,} steps in {app['elapsed']:.1f} s): snapshots on "
        f"screen | {app['snapshots/s']:.1f}/s | 1 |"
    )
    rows.append(
        "| the same run: 10 ms GUI timer lateness p50 / p95 / max | "
        f"{app['lateness p50']:.1f} / {app['lateness p95']:.1f} / {app['lateness max']:.1f} ms "
        "| 1 |"
    )
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M")
    header = (
        f"Written by `bench/bench_cnn.py` ({when} UTC; `nproc` = {os.cpu_count()}, torch "
        f"{torch.__version__}, 1 torch thread; 1-minute load average {load:.2f} when it "
        "began). Do not edit by hand: rerun the script. The machine is shared and noisy."
    )
    text = "# CNN lesson: benchmarks\n\n" + header + "\n\n" + "\n".join(rows) + "\n"
    print(text)
    REPORT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
