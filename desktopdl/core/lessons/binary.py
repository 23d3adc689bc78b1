"""Binary classification: H(x) = sigmoid(Wx + b) on 2-D points with the cross-entropy cost.

The cost is the lecture's expression, H(x) evaluated twice and all: autograd sums the two
branches' gradients in that order, and a rewrite (one H, or BCE-with-logits) would change the
last printed digits.
"""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F  # noqa: N812 - torch's own convention

from desktopdl.core.data import PointSet
from desktopdl.core.lessons.base import Lesson, grid_points, number, signed
from desktopdl.core.script import literal, num
from desktopdl.core.text import T
from desktopdl.core.views import Rect

#: The companion run's label: the same model with the squared error.
MSE_LABEL = "MSE"


class BinaryClassification(Lesson):
    key = "binary"
    title = T("Binary Classification")
    formula = "H(x) = sigmoid(Wx + b)"
    cost_formula = T("cost = −mean(y·log H(x) + (1 − y)·log(1 − H(x)))")
    cost_name = T("cross-entropy cost")
    n_classes = 2
    default_preset = "lecture_binary.json"
    flat_names = ("w₁", "w₂", "b")
    gradient_lab = True

    def check_data(self, data: PointSet) -> str | None:
        counts = data.class_counts(2)
        if len(data) == 0:
            return T("There are no points yet: add points of class 0 and class 1 (keys 1 and 2).")
        if data.labels.max() >= 2:  # from a file: sigmoid's cross-entropy needs y ∈ {0, 1}
            return T(
                "There are points of class {label}, but binary classification knows only "
                "classes 0 and 1: remove them, or open the file in the Softmax lesson.",
                label=int(data.labels.max()),
            )
        missing = [str(c) for c in range(2) if counts[c] == 0]
        if missing:
            return T(
                "Only one class is present: add at least one point of class {label} "
                "(press {key}, then click).",
                label=missing[0],
                key=int(missing[0]) + 1,
            )
        return None

    def tensors(self, data: PointSet) -> tuple[torch.Tensor, torch.Tensor]:
        x_train = torch.tensor(data.xy, dtype=torch.float32)
        y_train = torch.tensor(data.labels.reshape(-1, 1), dtype=torch.float32)
        return x_train, y_train

    def init_params(self, generator: torch.Generator) -> list[torch.Tensor]:
        w = torch.randn([2, 1], generator=generator)
        b = torch.randn([1], generator=generator)
        return [w, b]

    def hypothesis(
        self, params: list[torch.Tensor], x: torch.Tensor, train: bool = False
    ) -> torch.Tensor:
        w, b = params
        return torch.sigmoid(torch.matmul(x, w) + b)

    def cost(
        self, params: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor, train: bool = False
    ) -> torch.Tensor:
        h = self.hypothesis
        return -torch.mean(y * torch.log(h(params, x)) + (1 - y) * torch.log(1 - h(params, x)))

    def accuracy(self, params, x, y) -> float:
        return float(((self.hypothesis(params, x) >= 0.5).float() == y).float().mean())

    def explain_non_finite(self, params: list[torch.Tensor], x: torch.Tensor) -> str | None:
        """With finite weights, an infinite cross-entropy means H(x) rounded to exactly 0 or 1
        in float32 and the lecture's log(1 − H(x)) became log(0): separable points, growing
        weights. Blaming the learning rate would mislead the class."""
        with torch.no_grad():
            if not all(torch.isfinite(p).all() for p in params):
                return None
            h = self.hypothesis(params, x)
            if not bool(((h == 0) | (h == 1)).any()):
                return None
        return T(
            "W and b are finite, but H(x) rounded to exactly 0 or 1 in float32 and log(0) = −∞. "
            "The points are separable, so the weights keep growing. Stop earlier (step limit "
            "or ε), or press Reset."
        )

    def grid_cost(self, theta: torch.Tensor, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        # With log σ(z) = −softplus(−z) and log(1 − σ(z)) = −softplus(z), the lecture's cost
        # is mean(softplus(z) − y·z): finite where log(0) is not, and its y·z part is linear
        # in θ, so only one softplus over the grid × points remains.
        z = theta[:, :2] @ x.T + theta[:, 2:3]
        mean_yx = (y[:, 0] @ x) / len(x)
        yz = theta[:, :2] @ mean_yx + theta[:, 2] * y.mean()
        return F.softplus(z).mean(dim=1) - yz

    def companions(self) -> dict[str, Lesson]:
        return {MSE_LABEL: BinaryClassificationMSE()}

    def equation(self, params: list[np.ndarray]) -> str:
        w, b = (p.reshape(-1) for p in params)
        first = number(float(w[0]))
        return f"H(x) = sigmoid({first}·x₁{signed(float(w[1]))}·x₂{signed(float(b[0]))})"

    def surface(self, params: list[torch.Tensor], rect: Rect, resolution: int) -> np.ndarray:
        grid = grid_points(rect, resolution).to(params[0].device)
        with torch.inference_mode():
            prob = self.hypothesis(params, grid)
        return prob.reshape(resolution, resolution).float().cpu().numpy()

    def boundary(self, params: list[np.ndarray]) -> tuple[np.ndarray, float] | None:
        """(w, b) of the line w·x + b = 0 where H(x) = 0.5, or None when w is zero."""
        w, b = (np.asarray(p, dtype=np.float64).reshape(-1) for p in params)
        if not np.all(np.isfinite(w)) or not np.isfinite(b[0]) or not np.any(w):
            return None
        return w, float(b[0])

    # -- the exported script ---------------------------------------------------------------

    def script_data(self, data: PointSet) -> list[str]:
        return [
            literal("x_train = torch.FloatTensor(", [f"[{num(a)}, {num(b)}]" for a, b in data.xy]),
            literal("y_train = torch.FloatTensor(", [f"[{int(c)}]" for c in data.labels]),
        ]

    def script_init(self, names: list[str]) -> list[str]:
        return [
            "w = torch.randn([2, 1], requires_grad=True)",
            "b = torch.randn([1], requires_grad=True)",
        ]

    def script_model(self, names: list[str]) -> list[str]:
        return [
            "def H(x):",
            "    return torch.sigmoid(torch.matmul(x, w) + b)  # H(x) = sigmoid(Wx + b)",
        ]

    def script_cost(self, x: str, y: str) -> str:
        return f"-torch.mean({y} * torch.log(H({x})) + (1 - {y}) * torch.log(1 - H({x})))"

    def script_accuracy(self) -> str:
        return "((H(x_train) >= 0.5).float() == y_train).float().mean().item()"


class BinaryClassificationMSE(BinaryClassification):
    """The same sigmoid model with the mean squared error: the cost the lecture warns about.

    With a sigmoid inside, the squared error is no longer a bowl; its flat, bumpy regions
    are why the lecture switches to the log (cross-entropy) cost. Used for side-by-side
    landscapes, not as a tab of its own.
    """

    key = "binary_mse"
    title = T("Binary Classification (MSE cost)")
    cost_formula = T("cost = mean((H(x) − y)²)")
    cost_name = T("MSE cost")

    def cost(
        self, params: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor, train: bool = False
    ) -> torch.Tensor:
        return torch.mean((self.hypothesis(params, x) - y) ** 2)

    def grid_cost(self, theta: torch.Tensor, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        z = theta[:, :2] @ x.T + theta[:, 2:3]
        return torch.mean((torch.sigmoid(z) - y[:, 0][None, :]) ** 2, dim=1)

    def companions(self) -> dict[str, Lesson]:
        return {}

    def script_cost(self, x: str, y: str) -> str:
        return f"torch.mean((H({x}) - {y}) ** 2)"
