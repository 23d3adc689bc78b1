"""Files a teacher takes away from a lesson: CSV tables, the script, the notebook, and a
headless training run to draw them from.

No Qt, so the command line can write the text outputs on a machine without a display, and
the pictures (desktopdl.qt.exporting) share the same training run.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from desktopdl.core import codegen
from desktopdl.core.data import PointSet
from desktopdl.core.lesson_file import LessonFile
from desktopdl.core.lessons import lesson as make_lesson
from desktopdl.core.trainer import Status, Trainer


@dataclass(frozen=True)
class TrainingRun:
    """A lesson trained headless: the trainer where it stopped and every step's cost."""

    trainer: Trainer
    costs: np.ndarray

    @property
    def steps(self) -> np.ndarray:
        """The step each cost was computed in (1, 2, …), as the app's cost curve and the
        script's ``step + 1`` count them."""
        return np.arange(1, len(self.costs) + 1)


def new_trainer(lesson_file: LessonFile) -> Trainer:
    """A trainer for the file's lesson, data, settings and saved weights, on the CPU: the
    exported numbers then match the generated script (which runs on the CPU) whatever GPU
    this machine has."""
    settings = replace(lesson_file.settings, device="cpu")
    trainer = Trainer(make_lesson(lesson_file.lesson), lesson_file.data, settings)
    if lesson_file.weights is not None:  # the app starts such a file from its weights
        trainer.set_start(np.asarray(lesson_file.weights, dtype=np.float32))
    return trainer


def train(lesson_file: LessonFile, steps: int | None = None) -> TrainingRun:
    """Train as many steps as the script would (``codegen.planned_steps``) in this thread.

    Raises ValueError with the lesson's sentence when the data cannot be trained on."""
    trainer = new_trainer(lesson_file)
    if trainer.status == Status.INVALID_DATA:
        raise ValueError(trainer.message)
    costs = trainer.step(codegen.planned_steps(lesson_file.settings, steps))
    return TrainingRun(trainer, costs)


def save_csv_points(points: PointSet, path: str | os.PathLike, regression: bool = False) -> None:
    """The training points as CSV (x1, x2, label; or x, y for regression), full precision,
    for a spreadsheet or pandas.read_csv."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        if regression:
            writer.writerow(["x", "y"])
            writer.writerows([_number(x), _number(y)] for x, y in points.xy)
        else:
            writer.writerow(["x1", "x2", "label"])
            writer.writerows(
                [_number(x), _number(y), int(label)]
                for (x, y), label in zip(points.xy, points.labels, strict=True)
            )


def save_csv_costs(steps: Sequence[int], costs: Sequence[float], path: str | os.PathLike) -> None:
    """One row per step: the step index and its cost, written so that reading it back gives
    the very float the app computed (repr round-trips)."""
    if len(steps) != len(costs):
        raise ValueError(f"{len(steps)} steps but {len(costs)} costs")
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["step", "cost"])
        writer.writerows([int(s), _number(c)] for s, c in zip(steps, costs, strict=True))


def save_script(
    lesson_file: LessonFile,
    path: str | os.PathLike,
    steps: int | None = None,
    translate: Callable[[str], str] | None = None,
) -> None:
    """The lesson as a PyTorch script (see ``codegen.lesson_script``)."""
    text = codegen.lesson_script(lesson_file, steps, translate)
    Path(path).write_text(text, encoding="utf-8")


def save_notebook(
    lesson_file: LessonFile,
    path: str | os.PathLike,
    steps: int | None = None,
    translate: Callable[[str], str] | None = None,
) -> None:
    """The lesson as a Jupyter notebook (see ``codegen.notebook``)."""
    notebook = codegen.notebook(lesson_file, steps, translate)
    text = json.dumps(notebook, indent=1, ensure_ascii=False)
    Path(path).write_text(text + "\n", encoding="utf-8")


def _number(value: float) -> str:
    return repr(float(value))
