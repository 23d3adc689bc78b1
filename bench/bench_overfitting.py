"""The overfitting lab's speed figures, in one run on this machine.

- Validation cost: the bare trainer's step rate on the overfitting preset with the validation
  share evaluated every k steps, against the same training points with nothing to evaluate
  (the issue: evaluation must not halve the rate).
- Cross-validation: 5 folds of 500 points with a 2-16-16-1 network, 500 steps each (the
  issue's case: "a few seconds on these 2-core machines"), and the same with 2-32-32-1.
- Learning curve: 4 shares of the same 500 points.
- The window during cross-validation: how late a 16 ms GUI timer fires while the page's
  background job runs the same 5 folds (the window must never freeze).

Medians of ``REPS`` runs; run as ``python -m bench.bench_overfitting`` with nothing else busy.
It prints the table and writes it to ``docs/benchmarks_overfitting.md``.
"""

from __future__ import annotations

import datetime
import os
import platform
import statistics
import time
from dataclasses import replace
from pathlib import Path

import torch

from desktopdl.core import datasets, lesson_file
from desktopdl.core.lessons.overfitting import Overfitting, cross_validate, learning_curve
from desktopdl.core.trainer import Trainer
from desktopdl.resources import resource

REPS = 3
WINDOW_STEPS = 3000
REPORT = Path(__file__).resolve().parents[1] / "docs" / "benchmarks_overfitting.md"
ROWS: list[str] = []


def row(text: str) -> None:
    print(text)
    ROWS.append(text)


def rate(trainer: Trainer, steps: int = WINDOW_STEPS) -> float:
    start = time.perf_counter()
    done = 0
    while done < steps:
        done += len(trainer.step(min(500, steps - done)))
    return done / (time.perf_counter() - start)


def main() -> None:
    load = os.getloadavg()[0]
    started = time.perf_counter()
    torch.set_num_threads(1)  # as the app's training thread
    preset = lesson_file.read(resource("presets") / "overfitting_noisy_circles.json")
    settings = replace(preset.settings, max_steps=0, device="cpu")
    lesson = Overfitting(settings.model)
    row("| measurement | median | runs |")
    row("|---|---|---|")
    for every in (1, 10, 50):
        validated, plain = [], []
        for _ in range(REPS):
            with_validation = Trainer(
                lesson, preset.data, replace(settings, validation_every=every)
            )
            train_only = with_validation.train_data
            validated.append(rate(with_validation))
            plain.append(rate(Trainer(lesson, train_only, replace(settings, validation_share=0.0))))
        ratio = statistics.median(v / p for v, p in zip(validated, plain, strict=True))
        row(
            f"| preset, validation every {every} steps: rate vs no validation "
            f"({statistics.median(validated):,.0f} vs {statistics.median(plain):,.0f} steps/s) "
            f"| {ratio:.0%} | {REPS} |"
        )
    points = datasets.generate("circles", 500, 0.3, seed=0)
    for hidden in ((16, 16), (32, 32)):
        config = replace(settings.model, hidden=hidden)
        case = replace(settings, model=config, max_steps=500)
        net = Overfitting(config)
        seconds = []
        for _ in range(REPS):
            start = time.perf_counter()
            cross_validate(net, points, case, 5)
            seconds.append(time.perf_counter() - start)
        sizes = "-".join(str(n) for n in net.layer_sizes)
        row(
            f"| 5-fold cross-validation, 500 points, {sizes}, {case.optimizer}, 500 steps per "
            f"fold | {statistics.median(seconds):.2f} s | {REPS} |"
        )
    config = replace(settings.model, hidden=(16, 16))
    seconds = []
    for _ in range(REPS):
        start = time.perf_counter()
        learning_curve(Overfitting(config), points, replace(settings, model=config, max_steps=500))
        seconds.append(time.perf_counter() - start)
    row(
        "| learning curve (10/25/50/100 % of 350 training points), 2-16-16-1, 500 steps each "
        f"| {statistics.median(seconds):.2f} s | {REPS} |"
    )
    window_during_cross_validation(points, settings)
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M")
    cpu = platform.processor() or platform.machine()
    header = (
        f"Written by `bench/bench_overfitting.py` ({when} UTC, took "
        f"{time.perf_counter() - started:.0f} s; {cpu}, `nproc` = {os.cpu_count()}, torch "
        f"{torch.__version__}, 1 torch thread; 1-minute load average {load:.2f} when it "
        "began). Do not edit by hand: rerun the script. The machine is shared and noisy: read "
        "the ratios and medians of this one run, not absolute speeds."
    )
    text = "# Overfitting lab: benchmarks\n\n" + header + "\n\n" + "\n".join(ROWS) + "\n"
    REPORT.write_text(text, encoding="utf-8")


def window_during_cross_validation(points, settings) -> None:
    """Lateness of a 16 ms timer on the GUI thread while the page cross-validates."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QTimer

    from desktopdl.qt.app import application
    from desktopdl.qt.main_window import MainWindow

    application()
    window = MainWindow()
    window.confirm_close = False  # no one to answer "save the lessons?" here
    window.show()
    tab = window.show_lesson("overfitting")
    tab.workspace.set_data(points)
    tab.model_panel.config_form["hidden"].setValue((16, 16))
    tab.model_panel.config_form.changed.emit()
    tab.experiment_steps_spin.setValue(500)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(16)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    started = time.perf_counter()
    tab.run_cross_validation()
    timer.start()
    while tab.jobs:
        QCoreApplication.processEvents()
        time.sleep(0.001)
    seconds = time.perf_counter() - started
    timer.stop()
    late = sorted((b - a) * 1000 - 16 for a, b in zip(ticks, ticks[1:], strict=False))
    p95 = late[int(0.95 * (len(late) - 1))] if late else float("nan")
    row(
        f"| the window while the page cross-validates (5 folds, 500 points, 2-16-16-1, 500 "
        f"steps; {seconds:.2f} s): 16 ms timer lateness median / p95 / max "
        f"| {statistics.median(late):.1f} / {p95:.1f} / {max(late):.1f} ms | 1 |"
    )
    window.shutdown()


if __name__ == "__main__":
    main()
