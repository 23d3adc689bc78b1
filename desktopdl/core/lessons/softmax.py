"""Softmax classification, "is it A, B or C?", and the lecture's one-vs-rest alternative.

H(x) = softmax(Wx + b) gives each class a probability and the probabilities sum to 1. The
lecture first asks K yes/no questions instead ("is it A? is it B? …", K sigmoids) and picks
the most confident "yes": ``OneVsRest`` is that model, trained beside softmax for comparison.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F  # noqa: N812 - torch's own convention

from desktopdl.core.data import MAX_CLASSES, PointSet
from desktopdl.core.lessons.base import Lesson, LessonConfig, grid_points, number, signed
from desktopdl.core.script import literal, num, say
from desktopdl.core.text import T
from desktopdl.core.views import Rect

#: The canvas offers up to this many classes; the model uses ``config.classes`` of them.
SOFTMAX_MAX_CLASSES = 8
OVR_LABEL = "one-vs-rest"


@dataclass(frozen=True)
class ClassesConfig(LessonConfig):
    """How many classes the model tells apart."""

    classes: int = 2

    def problem(self) -> str | None:
        if not 2 <= self.classes <= SOFTMAX_MAX_CLASSES:
            return T("The number of classes must be between 2 and 8.")
        return None


def class_problem(data: PointSet, classes: int) -> str | None:
    """What is missing for a K-class model, in words for the teacher."""
    if len(data) == 0:
        return T("There are no points yet: pick a class (keys 1–9) and click to add points.")
    if data.labels.max() >= classes:
        extra = int(data.labels.max())
        return T(
            "There are points of class {label}, but the model has {classes} classes: "
            "raise Classes to {needed} or remove those points.",
            label=extra,
            classes=classes,
            needed=extra + 1,
        )
    if len(np.unique(data.labels)) < 2:
        return T("Only one class is present: add points of another class (keys 1–9).")
    return None


class IntegerClasses:
    """Points labelled 0…K−1 with K chosen by the teacher (softmax, one-vs-rest, network)."""

    config: ClassesConfig

    @property
    def canvas_classes(self) -> int:
        return self.config.classes

    def check_data(self, data: PointSet) -> str | None:
        return class_problem(data, self.config.classes)

    def tensors(self, data: PointSet) -> tuple[torch.Tensor, torch.Tensor]:
        return (
            torch.tensor(data.xy, dtype=torch.float32),
            torch.tensor(data.labels, dtype=torch.long),
        )

    def script_data(self, data: PointSet) -> list[str]:
        return [
            literal("x_train = torch.FloatTensor(", [f"[{num(a)}, {num(b)}]" for a, b in data.xy]),
            literal("y_train = torch.LongTensor(", [str(int(c)) for c in data.labels]),
        ]

    def script_imports(self) -> list[str]:
        return ["import torch.nn.functional as F"]

    def script_test(self) -> list[str]:
        return [
            'print("H(x_test) =", H(x_test).detach().tolist())',
            'print("class =", torch.argmax(H(x_test), dim=1).item())',
        ]

    def script_accuracy(self) -> str:
        return "(torch.argmax(H(x_train), dim=1) == y_train).float().mean().item()"


class SoftmaxClassification(IntegerClasses, Lesson):
    key = "softmax"
    title = T("Softmax Classification")
    formula = "H(x) = softmax(Wx + b)"
    cost_formula = T("cost = −mean(log H(x)[y])   (cross-entropy, F.cross_entropy)")
    n_classes = SOFTMAX_MAX_CLASSES
    default_preset = "softmax_three_blobs.json"
    Config = ClassesConfig
    offers_datasets = True
    surface_resolution = 150
    flat_names = ()

    def __init__(self, config=None):
        super().__init__(config)
        k = self.config.classes
        self.flat_names = tuple(f"w{i + 1},{c}" for i in range(2) for c in range(k)) + tuple(
            f"b{c}" for c in range(k)
        )

    def init_params(self, generator: torch.Generator) -> list[torch.Tensor]:
        w = torch.randn([2, self.config.classes], generator=generator)
        b = torch.randn([self.config.classes], generator=generator)
        return [w, b]

    def logits(self, params: list[torch.Tensor], x: torch.Tensor) -> torch.Tensor:
        w, b = params
        return torch.matmul(x, w) + b

    def hypothesis(
        self, params: list[torch.Tensor], x: torch.Tensor, train: bool = False
    ) -> torch.Tensor:
        return torch.softmax(self.logits(params, x), dim=1)

    def cost(
        self, params: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor, train: bool = False
    ) -> torch.Tensor:
        return F.cross_entropy(self.logits(params, x), y)

    def companions(self) -> dict[str, Lesson]:
        return {OVR_LABEL: OneVsRest(self.config)}

    def accuracy(self, params, x, y) -> float:
        return float((self.logits(params, x).argmax(dim=1) == y).float().mean())

    def equation(self, params: list[np.ndarray]) -> str:
        w, b = (np.asarray(p) for p in params)
        rows = [
            f"z{c} = {number(float(w[0, c]), 3)}·x₁{signed(float(w[1, c]), 3)}·x₂"
            f"{signed(float(b[c]), 3)}"
            for c in range(w.shape[1])
        ]
        return "H(x) = softmax(z):  " + ";  ".join(rows)

    def surface(self, params: list[torch.Tensor], rect: Rect, resolution: int) -> np.ndarray:
        """Class probabilities on the grid: (rows, columns, classes)."""
        grid = grid_points(rect, resolution).to(params[0].device)
        with torch.inference_mode():
            prob = self.hypothesis(params, grid)
        return prob.reshape(resolution, resolution, -1).float().cpu().numpy()

    def predicted_class(self, probabilities: np.ndarray) -> int:
        return int(np.argmax(probabilities))

    def script_init(self, names: list[str]) -> list[str]:
        k = self.config.classes
        return [
            f"w = torch.randn([2, {k}], requires_grad=True)",
            f"b = torch.randn([{k}], requires_grad=True)",
        ]

    def script_model(self, names: list[str]) -> list[str]:
        return [
            "def Z(x):",
            "    return torch.matmul(x, w) + b  # " + say(T("one score per class: Wx + b")),
            "",
            "",
            "def H(x):",
            "    return torch.softmax(Z(x), dim=1)  # H(x) = softmax(Wx + b)",
        ]

    def script_cost(self, x: str, y: str) -> str:
        return f"F.cross_entropy(Z({x}), {y})"


class OneVsRest(SoftmaxClassification):
    """K sigmoid classifiers, one per class ("is it class k?"); the answer is the most
    confident yes. The probabilities need not sum to 1, which is the point of the lesson."""

    key = "ovr"
    title = T("One-vs-rest")
    formula = "Hₖ(x) = sigmoid(wₖ·x + bₖ), k = 1…K"
    cost_formula = T("cost = mean over k of the binary cross-entropy of 'is it class k?'")

    def hypothesis(
        self, params: list[torch.Tensor], x: torch.Tensor, train: bool = False
    ) -> torch.Tensor:
        return torch.sigmoid(self.logits(params, x))

    def cost(
        self, params: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor, train: bool = False
    ) -> torch.Tensor:
        targets = F.one_hot(y, self.config.classes).float()
        return F.binary_cross_entropy_with_logits(self.logits(params, x), targets)

    def companions(self) -> dict[str, Lesson]:
        return {}

    def script_cost(self, x: str, y: str) -> str:
        return (
            f"F.binary_cross_entropy_with_logits(Z({x}), F.one_hot({y}, {self.config.classes})"
            ".float())"
        )


assert SOFTMAX_MAX_CLASSES <= MAX_CLASSES
