"""Linear regression: H(x) = Wx + b with the mean squared error, a quadratic bowl in (W, b)."""

from __future__ import annotations

import math

import numpy as np
import torch

from desktopdl.core.data import PointSet
from desktopdl.core.lessons.base import Lesson, number, signed
from desktopdl.core.script import literal, num, say
from desktopdl.core.text import T


class LinearRegression(Lesson):
    key = "linear"
    title = T("Linear Regression")
    formula = "H(x) = Wx + b"
    cost_formula = T("cost = mean((H(x) − y)²)")
    n_classes = 0
    default_preset = "linear_small.json"
    flat_names = ("W", "b")
    gradient_lab = True

    def check_data(self, data: PointSet) -> str | None:
        if len(data) == 0:
            return T("There are no points yet: click on the canvas to add at least two.")
        if len(data) == 1:
            return T("One point is not enough to fit a line: add at least one more point.")
        if np.ptp(data.xy[:, 0]) == 0:
            return T(
                "All points share the same x, so no line y = Wx + b fits them: spread them out."
            )
        return None

    def tensors(self, data: PointSet) -> tuple[torch.Tensor, torch.Tensor]:
        x_train = torch.tensor(data.xy[:, :1], dtype=torch.float32)
        y_train = torch.tensor(data.xy[:, 1:], dtype=torch.float32)
        return x_train, y_train

    def init_params(self, generator: torch.Generator) -> list[torch.Tensor]:
        w = torch.randn([1, 1], generator=generator)
        b = torch.randn([1], generator=generator)
        return [w, b]

    def hypothesis(
        self, params: list[torch.Tensor], x: torch.Tensor, train: bool = False
    ) -> torch.Tensor:
        w, b = params
        return torch.matmul(x, w) + b

    def cost(
        self, params: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor, train: bool = False
    ) -> torch.Tensor:
        return torch.mean((self.hypothesis(params, x) - y) ** 2)

    def grid_cost(self, theta: torch.Tensor, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        # mean((Wx + b − y)²) is a quadratic in (W, b): expand it once with the data's
        # moments, and the whole grid costs O(grid) whatever the number of points.
        x, y = x[:, 0].double(), y[:, 0].double()
        w, b = theta[:, 0].double(), theta[:, 1].double()
        xx, xm, xy, ym, yy = (x * x).mean(), x.mean(), (x * y).mean(), y.mean(), (y * y).mean()
        cost = w * w * xx + 2 * w * b * xm + b * b - 2 * w * xy - 2 * b * ym + yy
        return cost.float()

    def landscape_anchors(self, data: PointSet) -> list[np.ndarray]:
        """The least-squares line: the bottom of the bowl belongs in the picture."""
        x, y = data.xy[:, 0], data.xy[:, 1]
        if len(x) < 2 or np.ptp(x) == 0:
            return []
        w, b = np.polyfit(x, y, 1)
        return [np.array([w, b])]

    def equation(self, params: list[np.ndarray]) -> str:
        w, b = params
        return f"H(x) = {number(float(w.reshape(-1)[0]))}·x{signed(float(b.reshape(-1)[0]))}"

    def test_input(self, x: float, y: float) -> np.ndarray:
        return np.array([[x]], dtype=np.float32)

    # -- the exported script ---------------------------------------------------------------

    def script_data(self, data: PointSet) -> list[str]:
        return [
            literal("x_train = torch.FloatTensor(", [f"[{num(v)}]" for v in data.xy[:, 0]]),
            literal("y_train = torch.FloatTensor(", [f"[{num(v)}]" for v in data.xy[:, 1]]),
        ]

    def script_init(self, names: list[str]) -> list[str]:
        return [
            "w = torch.randn([1, 1], requires_grad=True)",
            "b = torch.randn([1], requires_grad=True)",
        ]

    def script_model(self, names: list[str]) -> list[str]:
        return ["def H(x):", "    return torch.matmul(x, w) + b  # H(x) = Wx + b"]

    def script_cost(self, x: str, y: str) -> str:
        return f"torch.mean((H({x}) - {y}) ** 2)"

    def probe_point(self, data: PointSet) -> tuple[tuple[float, ...], str]:
        """The next whole x past the data: a prediction."""
        return (float(math.floor(data.xy[:, 0].max()) + 1),), "  # " + say(T("just past the data"))
