"""CSV tables, the script and notebook files, and the headless run they are drawn from."""

import csv
import json

import numpy as np
import pytest

from desktopdl.core import codegen, export, lesson_file
from desktopdl.core.data import PointSet
from desktopdl.core.lesson_file import LessonFile
from desktopdl.core.lessons import lesson
from desktopdl.core.trainer import Trainer, TrainSettings
from desktopdl.resources import resource


def rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_points_csv_reads_back_the_exact_points_and_labels(tmp_path):
    points = PointSet([[1, 2], [0.1, -3.25], [1 / 3, 7]], [0, 2, 1])
    export.save_csv_points(points, tmp_path / "p.csv")
    header, *body = rows(tmp_path / "p.csv")
    assert header == ["x1", "x2", "label"]
    assert np.array_equal([[float(x), float(y)] for x, y, _ in body], points.xy)
    assert [int(label) for *_xy, label in body] == [0, 2, 1]


def test_regression_points_csv_has_x_and_y_columns(tmp_path):
    export.save_csv_points(PointSet([[1, 2.5]], [0]), tmp_path / "p.csv", regression=True)
    assert rows(tmp_path / "p.csv") == [["x", "y"], ["1.0", "2.5"]]


def test_costs_csv_holds_every_step_with_the_exact_cost(tmp_path):
    data = lesson_file.read(resource("presets", "lecture_binary.json"))
    run = export.train(data, 30)
    export.save_csv_costs(run.steps, run.costs, tmp_path / "c.csv")
    header, *body = rows(tmp_path / "c.csv")
    assert header == ["step", "cost"]
    assert [int(step) for step, _ in body] == list(range(1, 31))  # the step that computed it
    trainer = Trainer(lesson("binary"), data.data, data.settings)
    assert [float(cost) for _, cost in body] == trainer.step(30).tolist()


def test_costs_csv_refuses_mismatched_columns(tmp_path):
    with pytest.raises(ValueError):
        export.save_csv_costs([0, 1], [0.5], tmp_path / "c.csv")


def test_train_runs_the_planned_steps_and_refuses_untrainable_data():
    data = lesson_file.read(resource("presets", "linear_small.json"))
    assert len(export.train(data, 25).costs) == 25
    assert export.train(data, 25).trainer.device.type == "cpu"
    empty = LessonFile("linear", PointSet.empty(), TrainSettings())
    with pytest.raises(ValueError, match="no points"):
        export.train(empty)


def test_script_and_notebook_files_hold_what_codegen_writes(tmp_path):
    data = lesson_file.read(resource("presets", "softmax_three_blobs.json"))
    export.save_script(data, tmp_path / "s.py", 10)
    export.save_notebook(data, tmp_path / "n.ipynb", 10)
    assert (tmp_path / "s.py").read_text(encoding="utf-8") == codegen.lesson_script(data, 10)
    book = json.loads((tmp_path / "n.ipynb").read_text(encoding="utf-8"))
    assert book == codegen.notebook(data, 10)
