"""The walk-through "adding a lesson" of docs/architecture.md, executed.

A fifth lesson, a 1-D polynomial fit H(x) = a·x² + b·x + c, is defined entirely in this
file: its core class (data kind, config, parameters, H(x), cost, its parts of the script)
and its page (an overlay that draws the curve). One ``register`` call adds it; nothing else
in the app changes. It then trains in the window, saves and reopens, exports a script that
prints the app's numbers, and passes the self-test."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
import pytest
import torch

from desktopdl.core import codegen
from desktopdl.core.data import PointSet
from desktopdl.core.lessons import Lesson, LessonConfig, register, unregister
from desktopdl.core.script import literal, num
from desktopdl.qt.lesson_tab import LessonTab
from desktopdl.qt.overlays import CanvasOverlay
from tests.qt.conftest import click, train_steps


@dataclass(frozen=True)
class PolynomialConfig(LessonConfig):
    degree: int = 2

    def problem(self) -> str | None:
        return None if 1 <= self.degree <= 3 else "degree 1 to 3"


class PolynomialFit(Lesson):
    key = "toy_polynomial"
    title = "Polynomial fit"
    formula = "H(x) = a·x² + b·x + c"
    cost_formula = "cost = mean((H(x) − y)²)"
    Config = PolynomialConfig
    n_classes = 0
    param_names = ("w",)
    default_preset = ""
    flat_names = ("a", "b", "c")

    def starting_data(self) -> PointSet:
        xs = np.linspace(-2, 2, 9)
        return PointSet(np.column_stack([xs, 0.5 * xs**2 - xs + 1]), np.zeros(9, dtype=int))

    def check_data(self, data: PointSet) -> str | None:
        return None if len(data) >= 3 else "add at least three points"

    def tensors(self, data: PointSet):
        x = torch.tensor(data.xy[:, :1], dtype=torch.float32)
        return x, torch.tensor(data.xy[:, 1:], dtype=torch.float32)

    def init_params(self, generator: torch.Generator) -> list[torch.Tensor]:
        return [torch.randn([3], generator=generator)]

    def hypothesis(self, params, x, train=False):
        (w,) = params
        return w[0] * x**2 + w[1] * x + w[2]

    def cost(self, params, x, y, train=False):
        return torch.mean((self.hypothesis(params, x) - y) ** 2)

    def equation(self, params) -> str:
        a, b, c = (float(v) for v in params[0])
        return f"H(x) = {a:.4f}·x² + {b:.4f}·x + {c:.4f}"

    def test_input(self, x: float, y: float) -> np.ndarray:
        return np.array([[x]], dtype=np.float32)

    def script_names(self) -> list[str]:
        return ["w"]

    def script_data(self, data: PointSet) -> list[str]:
        return [
            literal("x_train = torch.FloatTensor(", [f"[{num(v)}]" for v in data.xy[:, 0]]),
            literal("y_train = torch.FloatTensor(", [f"[{num(v)}]" for v in data.xy[:, 1]]),
        ]

    def script_init(self, names: list[str]) -> list[str]:
        return ["w = torch.randn([3], requires_grad=True)"]

    def script_model(self, names: list[str]) -> list[str]:
        return ["def H(x):", "    return w[0] * x**2 + w[1] * x + w[2]"]

    def script_cost(self, x: str, y: str) -> str:
        return f"torch.mean((H({x}) - {y}) ** 2)"

    def probe_point(self, data: PointSet):
        return (3.0,), ""


class CurveOverlay(CanvasOverlay):
    def __init__(self, plot_item, pen_scale: float = 1.0) -> None:
        super().__init__(plot_item, pen_scale)
        self.curve = pg.PlotDataItem(pen=pg.mkPen("#0072B2", width=3 * pen_scale))
        self.add(self.curve)

    def draw(self, snapshot, lesson, data, rect) -> None:
        if snapshot is None or snapshot.config != lesson.config:
            return
        xs = np.linspace(rect.xmin, rect.xmax, 100)
        self.curve.setData(xs, lesson.predict(list(snapshot.params), xs[:, None]))


class PolynomialPage(LessonTab):
    core_lesson = PolynomialFit
    overlay_class = CurveOverlay
    test_inputs = ("x",)

    def describe_test(self, x: float, y: float, value: float) -> str:
        return f"H({x:g}) = {value:.4f}"


@pytest.fixture(autouse=True)
def registered():
    register(PolynomialFit, page=PolynomialPage)
    yield
    unregister(PolynomialFit.key)


def test_the_new_lesson_trains_saves_reopens_and_exports_its_script(window, qtbot, tmp_path):
    tab = window.show_lesson(PolynomialFit.key)
    assert isinstance(tab, PolynomialPage) and tab in window.tabs
    qtbot.waitUntil(lambda: tab.canvas.isVisible())
    click(tab, 0.5, 2.0)  # a point where the teacher clicked
    assert len(tab.workspace.data()) == 10
    x, y = tab.workspace.data().xy[-1]
    assert abs(x - 0.5) < 0.05 and abs(y - 2.0) < 0.05
    train_steps(qtbot, tab, 300)
    costs = tab.cost_plot.values
    assert len(costs) == 300 and costs[-1] < costs[0]
    xs, ys = tab.overlay.curve.getData()
    assert np.allclose(ys, tab.lesson.predict(list(tab.snapshot.params), xs[:, None]))

    path = tmp_path / "poly.json"
    points, trained = tab.workspace.data(), tab.snapshot.params[0]
    assert window.save_path(str(path), with_weights=True, remember=False)
    tab.workspace.set_data(tab.lesson.starting_data(), "replace")  # something else on screen
    assert window.open_path(str(path), remember=False)
    assert window.current_tab is tab and tab.workspace.data() == points
    qtbot.waitUntil(lambda: np.array_equal(tab.snapshot.params[0], trained))  # its weights

    lesson_file = tab.lesson_file()
    script = tmp_path / "poly.py"
    script.write_text(codegen.lesson_script(lesson_file, steps=300))
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    printed = dict(line.split(" = ", 1) for line in out.stdout.splitlines() if " = " in line)
    from desktopdl.core.export import train

    run = train(lesson_file, 300)
    assert float(printed["cost"]) == float(run.costs[-1])
    assert np.array_equal(
        np.asarray(eval(printed["w"]), dtype=np.float32), run.trainer.snapshot().params[0]
    )


def test_the_new_lesson_passes_the_self_test(capsys):
    from desktopdl.qt.app import self_test

    assert self_test() == 0
    assert "Polynomial fit" in capsys.readouterr().out
