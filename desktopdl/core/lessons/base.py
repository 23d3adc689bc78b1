"""What every lesson defines: its data needs, its parameters, H(x), its cost and its surface.

A lesson is written the way the lecture writes it (plain tensors, ``torch.matmul``, the cost
formula spelled out), because the app must print the lecture's numbers to the last digit.
The trainer is generic and only calls these methods.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import torch

from desktopdl.core.data import PointSet
from desktopdl.core.text import T

ACTIVATIONS = ("relu", "tanh", "sigmoid", "linear")


@dataclass(frozen=True)
class ModelConfig:
    """The shape of a lesson's model where the teacher can choose it."""

    #: Output classes (softmax, one-vs-rest, network); 2 means one sigmoid output.
    classes: int = 2
    #: Neurons per hidden layer of the network lesson, input side first.
    hidden: tuple[int, ...] = ()
    activation: str = "tanh"

    def problem(self) -> str | None:
        if not 2 <= self.classes <= 8:
            return T("The number of classes must be between 2 and 8.")
        if len(self.hidden) > 6 or any(not 1 <= n <= 32 for n in self.hidden):
            return T("A network has 0 to 6 hidden layers of 1 to 32 neurons.")
        if self.activation not in ACTIVATIONS:
            return T("Unknown activation {name}.", name=repr(self.activation))
        return None


@dataclass(frozen=True)
class Rect:
    """An axis-aligned region of the data plane: the part of the canvas a surface covers."""

    xmin: float
    xmax: float
    ymin: float
    ymax: float

    @property
    def width(self) -> float:
        return self.xmax - self.xmin

    @property
    def height(self) -> float:
        return self.ymax - self.ymin


class Lesson(ABC):
    """One lecture topic as a model: parameters, hypothesis H(x) and cost."""

    key: ClassVar[str]
    title: ClassVar[str]
    formula: ClassVar[str]
    cost_formula: ClassVar[str]
    #: Number of point classes the canvas offers; 0 means (x, y) points for regression.
    n_classes: ClassVar[int]
    #: Names of the parameters, in the order ``init_params`` draws them from the generator.
    param_names: ClassVar[tuple[str, ...]]
    #: The preset a fresh tab starts with (a file name in resources/presets).
    default_preset: ClassVar[str]
    #: One name per scalar parameter, in ``flatten`` order (W, b or w₁, w₂, b).
    flat_names: ClassVar[tuple[str, ...]]
    #: Whether the canvas offers generated data sets (blobs, XOR, spirals…).
    offers_datasets: ClassVar[bool] = False
    #: Whether the gradient-descent lab (landscape, slice, ledger) applies: two or three
    #: parameters, so a landscape over a pair of them means something.
    gradient_lab: ClassVar[bool] = True
    #: Cells per side of the surface behind the points, evaluated for every snapshot.
    surface_resolution: ClassVar[int] = 200

    def __init__(self, config: ModelConfig | None = None):
        self.config = config or ModelConfig()

    def configured(self, config: ModelConfig) -> Lesson:
        """The same lesson with another model shape (a new object: snapshots stay valid)."""
        return type(self)(config)

    @property
    def canvas_classes(self) -> int:
        """How many point classes the canvas offers (0: regression points)."""
        return self.n_classes

    def accuracy(
        self, params: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor
    ) -> float | None:
        """Share of training points classified right, or None for regression."""
        return None

    @abstractmethod
    def check_data(self, data: PointSet) -> str | None:
        """A sentence telling the teacher what is missing, or None when training can start."""

    @abstractmethod
    def tensors(self, data: PointSet) -> tuple[torch.Tensor, torch.Tensor]:
        """x_train and y_train as float32 tensors, shaped as in the lecture."""

    @abstractmethod
    def init_params(self, generator: torch.Generator) -> list[torch.Tensor]:
        """Fresh parameters, drawn in the lecture's order (``w`` then ``b``)."""

    @abstractmethod
    def hypothesis(self, params: list[torch.Tensor], x: torch.Tensor) -> torch.Tensor:
        """H(x)."""

    @abstractmethod
    def cost(self, params: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        """The scalar cost, with the lecture's exact expression."""

    @abstractmethod
    def equation(self, params: list[np.ndarray]) -> str:
        """H(x) with the current numbers in place of W and b, for the Model panel."""

    def explain_non_finite(self, params: list[torch.Tensor], x: torch.Tensor) -> str | None:
        """Why the cost stopped being finite, when it is not the learning rate's fault."""
        return None

    def grid_cost(self, theta: torch.Tensor, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        """The cost for each row of ``theta`` (G × P flat parameter vectors) at once.

        Used for cost landscapes: one batched expression instead of G calls. Lessons may
        override it with a closed form or a numerically stable rewriting; this default maps
        the lesson's own cost over the rows with ``torch.func.vmap``."""
        shapes = [p.shape for p in self.init_params(torch.Generator().manual_seed(0))]

        def one(row: torch.Tensor) -> torch.Tensor:
            params, start = [], 0
            for shape in shapes:
                size = int(np.prod(shape))
                params.append(row[start : start + size].reshape(shape))
                start += size
            return self.cost(params, x, y)

        return torch.func.vmap(one)(theta)

    def flatten(self, params: list[torch.Tensor] | list[np.ndarray]) -> np.ndarray:
        """All parameters (tensors or arrays) as one float32 vector, in ``flat_names`` order."""
        arrays = [p.detach().cpu().numpy() if isinstance(p, torch.Tensor) else p for p in params]
        return np.concatenate([np.asarray(a, dtype=np.float32).reshape(-1) for a in arrays])

    def unflatten(self, flat: np.ndarray) -> list[torch.Tensor]:
        """Parameters shaped as ``init_params`` makes them, from a flat vector."""
        shapes = [p.shape for p in self.init_params(torch.Generator().manual_seed(0))]
        values = torch.tensor(np.asarray(flat, dtype=np.float32).reshape(-1))
        out, start = [], 0
        for shape in shapes:
            size = int(np.prod(shape))
            out.append(values[start : start + size].reshape(shape).clone())
            start += size
        return out

    #: A hand-written plain-SGD step (see NeuralNetwork.fast_sgd_step), or None.
    fast_sgd_step = None

    def pictures(self, params: list[torch.Tensor], rect: Rect) -> dict:
        """Extra pictures of the model over the canvas for a snapshot (e.g. each neuron)."""
        return {}

    def surface(self, params: list[torch.Tensor], rect: Rect, resolution: int) -> np.ndarray | None:
        """Model output over a grid (rows = y) covering ``rect``, or None if the lesson has none."""
        return None

    def predict(self, params: list[np.ndarray], x: np.ndarray) -> np.ndarray:
        """H(x) for test inputs, computed in float32 torch on the CPU like the lecture's print."""
        tensors = [torch.tensor(np.asarray(p, dtype=np.float32)) for p in params]
        with torch.inference_mode():
            out = self.hypothesis(tensors, torch.as_tensor(np.asarray(x, dtype=np.float32)))
        return out.numpy().reshape(-1)

    def test_input(self, x: float, y: float) -> np.ndarray:
        """The model input for a point clicked at (x, y) in Test mode."""
        return np.array([[x, y]], dtype=np.float32)


def grid_points(rect: Rect, resolution: int) -> torch.Tensor:
    """Cell centres of a resolution×resolution grid over rect, row-major (y rows, x columns)."""
    xs = torch.linspace(rect.xmin, rect.xmax, resolution + 1)
    ys = torch.linspace(rect.ymin, rect.ymax, resolution + 1)
    xc = (xs[:-1] + xs[1:]) / 2
    yc = (ys[:-1] + ys[1:]) / 2
    gy, gx = torch.meshgrid(yc, xc, indexing="ij")
    return torch.stack([gx.reshape(-1), gy.reshape(-1)], dim=1)


def signed(value: float, digits: int = 4) -> str:
    """' + 1.2345' or ' − 1.2345': a term written the way a teacher writes it on the board."""
    sign = "−" if value < 0 else "+"
    return f" {sign} {abs(value):.{digits}f}"
