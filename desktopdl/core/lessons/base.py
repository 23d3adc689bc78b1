"""What every lesson defines, and the abilities it may declare.

A lesson is one module: its data kind, its own frozen config dataclass (validated), its
parameters, H(x) with a train/eval flag, its cost and metrics, the views it computes, and
its parts of the exported script. Generic code (the trainer, the lab, lesson files, code
generation, the page) only calls these methods and never asks which lesson it has.

A lesson is written the way the lecture writes it (plain tensors, ``torch.matmul``, the cost
formula spelled out), because the app must print the lecture's numbers to the last digit.
"""

from __future__ import annotations

import dataclasses
import typing
from abc import ABC, abstractmethod
from collections.abc import Collection
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import torch

from desktopdl.core.contours import decision_boundary
from desktopdl.core.data import DataError, Dataset, PointSet, is_finite_number
from desktopdl.core.script import num, say, tensor_literal
from desktopdl.core.text import T
from desktopdl.core.views import BoundaryView, Rect, SurfaceView, ViewContext

if typing.TYPE_CHECKING:
    from desktopdl.core.fast_mlp import MinibatchSGD

#: The lecture's test point for classifiers: x_test = torch.FloatTensor([[6, 4]]).
LECTURE_TEST = (6.0, 4.0)


@dataclass(frozen=True)
class LessonConfig:
    """A lesson's own model choices (classes, layers…). Each lesson subclasses it with its
    fields and their defaults; lesson files store it as a JSON object of those fields."""

    def problem(self) -> str | None:
        """A sentence saying what is wrong with these choices, or None."""
        return None

    def to_json(self) -> dict:
        return {
            f.name: list(v) if isinstance(v := getattr(self, f.name), tuple) else v
            for f in dataclasses.fields(self)
        }

    @classmethod
    def from_json(cls, doc: object, strict: bool = True) -> LessonConfig:
        """The config a lesson file holds. Types are checked against the field annotations
        (int, float, str, bool, tuple[int, ...]); ``strict`` refuses unknown keys (version-1
        files stored every lesson's knobs together, so they are read leniently)."""
        if not isinstance(doc, dict):
            raise DataError(T("'model' must be an object."))
        hints = typing.get_type_hints(cls)
        fields = {f.name: f for f in dataclasses.fields(cls)}
        unknown = sorted(set(doc) - set(fields))
        if strict and unknown:
            raise DataError(T("'model' has an unknown field {name}.", name=repr(unknown[0])))
        values = {}
        for name, value in doc.items():
            if name not in fields:
                continue
            values[name] = _typed(value, hints[name], name)
        config = cls(**values)
        problem = config.problem()
        if problem:
            raise DataError(problem)
        return config


def _typed(value: object, hint: object, name: str) -> object:
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is bool and isinstance(value, bool):
        return value
    if hint is int and is_number and isinstance(value, int):
        return value
    if hint is float and is_finite_number(value):
        return float(value)
    if hint is str and isinstance(value, str):
        return value
    if typing.get_origin(hint) is tuple and isinstance(value, list):
        (item, *_rest) = typing.get_args(hint)
        return tuple(_typed(v, item, name) for v in value)
    raise DataError(T("'{name}' has the wrong type ({value}).", name=name, value=f"{value!r:.40}"))


class Lesson(ABC):
    """One lecture topic as a model: parameters, hypothesis H(x) and cost."""

    key: ClassVar[str]
    title: ClassVar[str]
    formula: ClassVar[str]
    cost_formula: ClassVar[str]
    #: What the cost is called on a landscape's title.
    cost_name: ClassVar[str] = T("cost")
    #: The lesson's own model choices; a lesson without any keeps the empty base.
    Config: ClassVar[type[LessonConfig]] = LessonConfig
    #: What it trains on (the page picks its workspace by this, lesson files store it).
    data_kind: ClassVar[type[Dataset]] = PointSet
    #: Number of point classes the canvas offers; 0 means (x, y) points for regression.
    n_classes: ClassVar[int]
    #: The preset a fresh tab starts with (a file name in resources/presets).
    default_preset: ClassVar[str]
    #: One name per scalar parameter, in ``flatten`` order (W, b or w₁, w₂, b).
    flat_names: ClassVar[tuple[str, ...]]
    #: Whether the canvas offers generated data sets (blobs, XOR, spirals…).
    offers_datasets: ClassVar[bool] = False
    #: Whether the gradient-descent lab (landscape, slice, ledger) applies: two or three
    #: parameters, so a landscape over a pair of them means something.
    gradient_lab: ClassVar[bool] = False
    #: Cells per side of the surface behind the points, evaluated for every snapshot.
    surface_resolution: ClassVar[int] = 200
    #: The least time between two snapshots while training: views that cost milliseconds
    #: (a forecast rolled step by step) would otherwise take much of the training time.
    snapshot_interval_s: ClassVar[float] = 0.0
    #: A hand-written plain-SGD step (see NeuralNetwork.fast_sgd_step), or None.
    fast_sgd_step = None

    def fast_sgd_runner(self, device: torch.device) -> MinibatchSGD | None:
        """Where ``fast_sgd_step`` is used, the trainer runs minibatches through this
        instead, many steps per call (see NeuralNetwork.fast_sgd_runner), or None."""
        return None

    def __init__(self, config: LessonConfig | None = None):
        self.config = config if config is not None else self.Config()

    def configured(self, config: LessonConfig) -> Lesson:
        """The same lesson with another model shape (a new object: snapshots stay valid)."""
        return type(self)(config)

    @property
    def canvas_classes(self) -> int:
        """How many point classes the canvas offers (0: regression points)."""
        return self.n_classes

    def starting_data(self) -> Dataset:
        """The data a fresh page shows when the lesson ships no preset file."""
        return self.data_kind.empty()

    # -- the model ------------------------------------------------------------------------

    @abstractmethod
    def check_data(self, data: Dataset) -> str | None:
        """A sentence telling the teacher what is missing, or None when training can start."""

    def split_data(
        self, data: Dataset, validation_share: float, seed: int
    ) -> tuple[Dataset, Dataset | None]:
        """(training data, validation data or None): the data kind's seeded split. A lesson
        whose items depend on each other (windows of a sequence) splits its own way."""
        train_index, validation_index = data.split(validation_share, seed)
        if not len(validation_index):
            return data, None
        return data.subset(train_index), data.subset(validation_index)

    @abstractmethod
    def tensors(self, data: Dataset) -> tuple[torch.Tensor, torch.Tensor]:
        """x_train and y_train as tensors, shaped as in the lecture."""

    def training_tensors(self, data: Dataset, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
        """The tensors a training step uses: ``tensors`` of the training data, which a lesson
        may extend (jittered copies for data augmentation, drawn from ``seed``)."""
        return self.tensors(data)

    def keeps_parameters(self, config: LessonConfig) -> bool:
        """Whether training can go on from the current parameters under ``config`` (a new
        dropout rate can; a new layer cannot, and starts a new run)."""
        return config == self.config

    @abstractmethod
    def init_params(self, generator: torch.Generator) -> list[torch.Tensor]:
        """Fresh parameters, drawn in the lecture's order (``w`` then ``b``)."""

    @abstractmethod
    def hypothesis(
        self, params: list[torch.Tensor], x: torch.Tensor, train: bool = False
    ) -> torch.Tensor:
        """H(x). ``train`` is False in evaluation; inside a training step it is True, or the
        generator the step's random choices (dropout) draw from."""

    @abstractmethod
    def cost(
        self, params: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor, train: bool = False
    ) -> torch.Tensor:
        """The scalar cost, with the lecture's exact expression."""

    @abstractmethod
    def equation(self, params: list[np.ndarray]) -> str:
        """H(x) with the current numbers in place of W and b, for the Model panel."""

    def accuracy(
        self, params: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor
    ) -> float | None:
        """Share of points classified right, or None for regression."""
        return None

    def explain_non_finite(self, params: list[torch.Tensor], x: torch.Tensor) -> str | None:
        """Why the cost stopped being finite, when it is not the learning rate's fault."""
        return None

    # -- optional abilities ---------------------------------------------------------------

    def surface(self, params: list[torch.Tensor], rect: Rect, resolution: int) -> np.ndarray | None:
        """Model output over a grid (rows = y) covering ``rect``, or None if the lesson has none
        (a lesson that returns one offers a decision surface over the plane)."""
        return None

    def views(
        self,
        params: list[torch.Tensor],
        rect: Rect | None,
        wanted: Collection[type],
        resolution: int | None = None,
        context: ViewContext | None = None,
    ) -> list:
        """The typed views (core.views) of the model that the page on screen shows;
        ``resolution`` overrides the surface's cells per side (exported pictures);
        ``context`` carries the probe input and the validation tensors where a view needs
        them."""
        out = []
        if (SurfaceView in wanted or BoundaryView in wanted) and rect is not None:
            image = self.surface(params, rect, resolution or self.surface_resolution)
            if image is not None:
                image.setflags(write=False)
                out.append(SurfaceView(image, rect))
                if BoundaryView in wanted:
                    segments = decision_boundary(image, rect)
                    segments.setflags(write=False)
                    out.append(BoundaryView(segments))
        return out

    def companions(self) -> dict[str, Lesson]:
        """Runs trained in lock-step beside this one for comparison, by label: the MSE run
        beside cross-entropy, one-vs-rest beside softmax. Their cost landscape is drawn next
        to the main one where the lesson has a gradient lab."""
        return {}

    def landscape_anchors(self, data: Dataset) -> list[np.ndarray]:
        """Flat parameter vectors the cost landscape's default window should hold besides the
        start (linear regression: the least-squares line)."""
        return []

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

    # -- parameters as one vector ---------------------------------------------------------

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

    def parameter_count(self) -> int:
        return sum(p.numel() for p in self.init_params(torch.Generator().manual_seed(0)))

    # -- ③ Test ---------------------------------------------------------------------------

    def predict(self, params: list[np.ndarray], x: np.ndarray) -> np.ndarray:
        """H(x) for test inputs, computed in float32 torch on the CPU like the lecture's print."""
        tensors = [torch.tensor(np.asarray(p, dtype=np.float32)) for p in params]
        with torch.inference_mode():
            out = self.hypothesis(tensors, torch.as_tensor(np.asarray(x, dtype=np.float32)))
        return out.numpy().reshape(-1)

    def test_input(self, x: float, y: float) -> np.ndarray:
        """The model input for a point clicked at (x, y) in Test mode."""
        return np.array([[x, y]], dtype=np.float32)

    # -- the exported script (core.codegen assembles these parts) -------------------------

    def script_names(self) -> list[str]:
        """The script's names for the parameters, in ``init_params`` order."""
        return ["w", "b"]

    def script_imports(self) -> list[str]:
        """Import lines beyond ``import torch``."""
        return []

    @abstractmethod
    def script_data(self, data: Dataset) -> list[str]:
        """Lines that define x_train and y_train as the lesson's tensors."""

    @abstractmethod
    def script_init(self, names: list[str]) -> list[str]:
        """Lines that draw fresh parameters as ``init_params`` does (after manual_seed)."""

    @abstractmethod
    def script_model(self, names: list[str]) -> list[str]:
        """Lines that define H(x) (and any helper such as Z(x))."""

    @abstractmethod
    def script_cost(self, x: str, y: str) -> str:
        """The cost as one expression of the (mini)batch tensors named ``x`` and ``y``."""

    def script_eval_cost(self, x: str, y: str) -> str:
        """The cost in evaluation mode (validation, the final numbers): the same expression
        unless the model acts differently while training (dropout)."""
        return self.script_cost(x, y)

    def script_split(self, data: Dataset, validation_share: float, seed: int) -> list[str]:
        """Lines that hold out the validation share of x_train and y_train exactly as
        ``split_data`` does: the same seeded shuffle (none when nothing is held out)."""
        if self.split_data(data, validation_share, seed)[1] is None:
            return []
        return [
            f"order = np.random.default_rng({seed}).permutation(len(x_train))",
            f"held = min(len(x_train) - 1, max(1, round({validation_share!r} * len(x_train))))",
            "train_index = torch.from_numpy(np.sort(order[held:]))",
            "val_index = torch.from_numpy(np.sort(order[:held]))",
            "x_val, y_val = x_train[val_index], y_train[val_index]",
            "x_train, y_train = x_train[train_index], y_train[train_index]",
        ]

    def script_augment(self, seed: int) -> list[str]:
        """Lines run after the validation split that extend x_train and y_train the way
        ``training_tensors`` does (none by default)."""
        return []

    def probe_point(self, data: Dataset) -> tuple[tuple[float, ...], str]:
        """The input the script's ③ Test asks about, and a comment saying why that one.

        Classifiers: the lecture's [6, 4] when it lies among the points (their bounds with
        a margin), else the first training point (its class is known, so the answer can be
        checked). The canvas's zoom plays no part, so panning never rewrites the script."""
        xmin, xmax, ymin, ymax = data.bounds()
        x, y = LECTURE_TEST
        if xmin <= x <= xmax and ymin <= y <= ymax:
            return LECTURE_TEST, "  # " + say(T("the lecture's test point"))
        first = data.xy[0]
        note = "  # " + say(T("the first training point: class {label}", label=int(data.labels[0])))
        return (float(first[0]), float(first[1])), note

    def probe_input(self, data: Dataset) -> np.ndarray:
        """The model input the script's ``x_test`` holds (what its ③ Test prints H of)."""
        return np.array([self.probe_point(data)[0]], dtype=np.float32)

    def script_probe(self, data: Dataset) -> list[str]:
        """Lines that define ``x_test``, the input the script's ③ Test asks about."""
        point, note = self.probe_point(data)
        args = ", ".join(num(v) for v in point)
        return [f"x_test = torch.FloatTensor([[{args}]]){note}"]

    def script_weights(self, names: list[str], values: list[np.ndarray]) -> list[str]:
        """Lines that set the parameters to saved values (a lesson file with weights), in
        place of ``script_init``."""
        return [tensor_literal(name, value) for name, value in zip(names, values, strict=True)]

    def script_test(self) -> list[str]:
        """Lines that print the model's answer for ``x_test``."""
        return ['print("H(x_test) =", H(x_test).detach().item())']

    def script_accuracy(self) -> str | None:
        """An expression of the share of x_train classified right, or None (regression)."""
        return None


def grid_points(rect: Rect, resolution: int) -> torch.Tensor:
    """Cell centres of a resolution×resolution grid over rect, row-major (y rows, x columns)."""
    xs = torch.linspace(rect.xmin, rect.xmax, resolution + 1)
    ys = torch.linspace(rect.ymin, rect.ymax, resolution + 1)
    xc = (xs[:-1] + xs[1:]) / 2
    yc = (ys[:-1] + ys[1:]) / 2
    gy, gx = torch.meshgrid(yc, xc, indexing="ij")
    return torch.stack([gx.reshape(-1), gy.reshape(-1)], dim=1)


def number(value: float, digits: int = 4) -> str:
    """A parameter as the board shows it: 1.2345 with ``digits`` decimals, or with 4
    significant digits in scientific notation when that would hide it (7.714e+19, 3.2e-06)."""
    size = abs(value)
    if size != 0 and (size >= 1e4 or size < 10 ** (-digits)) and size != float("inf"):
        return f"{value:.3e}"
    return f"{value:.{digits}f}"


def signed(value: float, digits: int = 4) -> str:
    """' + 1.2345' or ' − 1.2345': a term written the way a teacher writes it on the board."""
    sign = "−" if value < 0 else "+"
    return f" {sign} {number(abs(value), digits)}"
