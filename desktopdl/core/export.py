"""Files a teacher takes away from a lesson: CSV tables, the script, the notebook, and a
headless training run to draw them from.

No Qt, so the command line can write the text outputs on a machine without a display, and
the pictures (desktopdl.qt.exporting) share the same training run.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from desktopdl.core import codegen
from desktopdl.core.data import PointSet
from desktopdl.core.lesson_file import LessonFile, write_text
from desktopdl.core.lessons import lesson as make_lesson
from desktopdl.core.trainer import Status, Trainer

#: The most steps an export trains (for pictures, animations and the cost table): 4 times
#: the largest step limit of a bundled preset (5,000) and 10 times the default (2,000). On
#: one busy CPU core that is 12 s (softmax) to 3 min (networks), 13 min (CNN) or 25 min
#: (RNN). A lesson's step limit may be far higher (up to 10⁷, a lesson left training all
#: lecture): the command line refuses such a run with a sentence rather than train for
#: hours. The script, the notebook and the points train nothing.
MAX_EXPORT_STEPS = 20_000


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


def trainable(lesson_file: LessonFile) -> Trainer:
    """A new trainer for the file (see ``new_trainer``), or ValueError with the lesson's
    sentence when its data cannot be trained on (no points, one class…)."""
    trainer = new_trainer(lesson_file)
    if trainer.status == Status.INVALID_DATA:
        raise ValueError(trainer.message)
    return trainer


def train(lesson_file: LessonFile, steps: int | None = None) -> TrainingRun:
    """Train as many steps as the script would (``codegen.planned_steps``) in this thread.

    Raises ValueError with the lesson's sentence when the data cannot be trained on."""
    trainer = trainable(lesson_file)
    costs = trainer.step(codegen.planned_steps(lesson_file.settings, steps))
    return TrainingRun(trainer, costs)


def save_csv_points(points: PointSet, path: str | os.PathLike, regression: bool = False) -> None:
    """The training points as CSV (x1, x2, label; or x, y for regression), full precision,
    for a spreadsheet or pandas.read_csv. Written whole or not at all, like every export."""
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    if regression:
        writer.writerow(["x", "y"])
        writer.writerows([_number(x), _number(y)] for x, y in points.xy)
    else:
        writer.writerow(["x1", "x2", "label"])
        writer.writerows(
            [_number(x), _number(y), int(label)]
            for (x, y), label in zip(points.xy, points.labels, strict=True)
        )
    write_text(path, text.getvalue())


def save_csv_costs(steps: Sequence[int], costs: Sequence[float], path: str | os.PathLike) -> None:
    """One row per step: the step index and its cost, written so that reading it back gives
    the very float the app computed (repr round-trips)."""
    if len(steps) != len(costs):
        raise ValueError(f"{len(steps)} steps but {len(costs)} costs")
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(["step", "cost"])
    writer.writerows([int(s), _number(c)] for s, c in zip(steps, costs, strict=True))
    write_text(path, text.getvalue())


def save_script(
    lesson_file: LessonFile,
    path: str | os.PathLike,
    steps: int | None = None,
    translate: Callable[[str], str] | None = None,
) -> None:
    """The lesson as a PyTorch script (see ``codegen.lesson_script``); nothing is trained."""
    write_text(path, codegen.lesson_script(lesson_file, steps, translate))


def save_notebook(
    lesson_file: LessonFile,
    path: str | os.PathLike,
    steps: int | None = None,
    translate: Callable[[str], str] | None = None,
) -> None:
    """The lesson as a Jupyter notebook (see ``codegen.notebook``); nothing is trained."""
    notebook = codegen.notebook(lesson_file, steps, translate)
    write_text(path, json.dumps(notebook, indent=1, ensure_ascii=False) + "\n")


def _number(value: float) -> str:
    return repr(float(value))
