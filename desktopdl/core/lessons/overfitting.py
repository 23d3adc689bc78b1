"""Overfitting and its remedies: a network that learns noisy points too well, and the cures.

The lecture calls overfitting the main problem of training: the model learns the training
data's noise and does not generalise. This lesson is the neural network of the previous one
with the remedies the lecture lists as switches on top of it:

- a simpler model (fewer layers and neurons: the network's own config);
- weight regularisation (L2 weight decay λ and L1: ``TrainSettings``, applied by the trainer);
- dropout (rate p: a random share of hidden outputs is zeroed in each training step and the
  rest scaled by 1/(1−p); evaluation uses every neuron);
- data augmentation (jittered copies of the training points, training only);
- more data (more points from the data's own generator and noise, ``source`` and ``noise``);
- early stopping (``TrainSettings.patience``, kept by the trainer);
- and two experiments that measure instead of claim: k-fold cross-validation and the
  learning curve (validation score against the number of training points).

Dropout and augmentation draw their random numbers the way the exported script does
(dropout from the seed's generator after the start, augmentation from NumPy seeded with
seed + 2), so the script prints the app's numbers.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import torch

from desktopdl.core import datasets
from desktopdl.core.data import PointSet
from desktopdl.core.lessons.network import NetworkConfig, NeuralNetwork
from desktopdl.core.script import LINE, say
from desktopdl.core.text import T

if TYPE_CHECKING:
    from desktopdl.core.trainer import TrainSettings

MAX_DROPOUT = 0.9
MAX_COPIES = 10
MAX_JITTER = 3.0
MIN_FOLDS, MAX_FOLDS = 2, 10
#: Shares of the training points the learning curve trains on.
LEARNING_CURVE_SHARES = (0.1, 0.25, 0.5, 1.0)
#: Models (each its own draw of points and its own start) averaged for each share.
LEARNING_CURVE_REPEATS = 3
#: The held-out share the learning curve uses when the lesson holds none out itself.
LEARNING_CURVE_VALIDATION = 0.3
#: Steps an experiment runs when the lesson has no step limit.
EXPERIMENT_STEPS = 500
#: Steps between progress reports and Cancel checks inside an experiment.
EXPERIMENT_SLICE = 50
#: The seed offset of the augmentation's jitter (the shuffles use seed + 1).
AUGMENT_SEED_OFFSET = 2


@dataclass(frozen=True)
class OverfittingConfig(NetworkConfig):
    """The network's shape plus dropout, augmentation and where the data comes from."""

    hidden: tuple[int, ...] = (32, 32)
    #: Share of each hidden layer's outputs zeroed in a training step (0: no dropout).
    dropout: float = 0.0
    #: Jittered copies of each training point added to the training data (0: none).
    augment_copies: int = 0
    #: Standard deviation of the jitter, in canvas units.
    augment_jitter: float = 0.3
    #: The generator "more data" draws from (a key of datasets.GENERATORS) and its noise.
    source: str = "moons"
    noise: float = 0.3

    def problem(self) -> str | None:
        if not 0 <= self.dropout <= MAX_DROPOUT:
            return T("The dropout rate must be between 0 and 0.9.")
        if not 0 <= self.augment_copies <= MAX_COPIES:
            return T("Augmentation makes 0 to 10 copies of each point.")
        if not 0 <= self.augment_jitter <= MAX_JITTER:
            return T("The augmentation jitter must be between 0 and 3.")
        if self.source not in datasets.GENERATORS:
            return T("Unknown data set {name}.", name=repr(self.source))
        if not 0 <= self.noise <= 1:
            return T("The noise must be between 0 and 1.")
        return super().problem()


class Overfitting(NeuralNetwork):
    key = "overfitting"
    title = T("Overfitting")
    cost_formula = T(
        "cost = cross-entropy on the training points; validation cost on the held-out ones"
    )
    default_preset = "overfitting_noisy_circles.json"
    Config = OverfittingConfig

    # -- the model ------------------------------------------------------------------------

    def hidden_step(self, h: torch.Tensor, train: object) -> torch.Tensor:
        """Dropout: in a training step, zero each output with probability p and scale the
        rest by 1/(1−p), so the expected sum is unchanged; in evaluation, nothing."""
        p = self.config.dropout
        if not train or not p:
            return h
        generator = train if isinstance(train, torch.Generator) else None
        keep = torch.rand(h.shape, generator=generator) >= p
        return h * keep.to(h.device) / (1 - p)

    @property
    def fast_sgd_step(self):
        """The hand-written step knows no dropout: with dropout, autograd does the work."""
        return None if self.config.dropout else super().fast_sgd_step

    def keeps_parameters(self, config) -> bool:
        """Dropout, augmentation and the data's source leave the weights' shapes alone."""
        shape = ("classes", "hidden", "activation")
        return type(config) is type(self.config) and all(
            getattr(config, name) == getattr(self.config, name) for name in shape
        )

    def training_tensors(self, data: PointSet, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
        x, y = self.tensors(data)
        copies = self.config.augment_copies
        if not copies or not len(x):
            return x, y
        return torch.cat([x, x.repeat(copies, 1) + self._jitter(len(x), seed)]), torch.cat(
            [y, y.repeat(copies)]
        )

    def augmented_points(self, data: PointSet, seed: int) -> PointSet:
        """The jittered copies alone (what the canvas shows faintly): the trainer's own."""
        x, y = self.training_tensors(data, seed)
        return PointSet(x[len(data) :].numpy().astype(np.float64), y[len(data) :].numpy())

    def _jitter(self, n: int, seed: int) -> torch.Tensor:
        rng = np.random.default_rng(seed + AUGMENT_SEED_OFFSET)
        shape = (self.config.augment_copies * n, 2)
        return torch.from_numpy(rng.normal(scale=self.config.augment_jitter, size=shape)).float()

    def more_data(self, data: PointSet, count: int) -> PointSet:
        """``data`` with ``count`` more points from the same generator and noise (seeded by
        how many points there are, so the same press gives the same points)."""
        extra = datasets.generate(
            self.config.source, count, self.config.noise, seed=10_000 + len(data)
        )
        return PointSet(np.vstack([data.xy, extra.xy]), np.concatenate([data.labels, extra.labels]))

    # -- the exported script --------------------------------------------------------------

    @property
    def script_z_arguments(self) -> str:
        return "x, train=False" if self.config.dropout else "x"

    def script_hidden_step(self, h: str) -> list[str]:
        if not self.config.dropout:
            return []
        return [
            "    if train:  # "
            + say(T("dropout: zero a random share P of the outputs, scale the rest by 1/(1 − P)")),
            f"        {h} = {h} * (torch.rand({h}.shape) >= P) / (1 - P)",
        ]

    def script_model(self, names: list[str]) -> list[str]:
        lines = super().script_model(names)
        if self.config.dropout:
            note = say(T("the dropout rate: active in training steps only"))
            lines = [f"P = {self.config.dropout!r}  # {note}", "", *lines]
        return lines

    def script_cost(self, x: str, y: str) -> str:
        cost = super().script_cost(x, y)
        return cost.replace(f"Z({x})", f"Z({x}, train=True)") if self.config.dropout else cost

    def script_eval_cost(self, x: str, y: str) -> str:
        return super().script_cost(x, y)

    def script_imports(self) -> list[str]:
        extra = ["import numpy as np"] if self.config.augment_copies else []
        return [*super().script_imports(), *extra]

    def script_augment(self, seed: int) -> list[str]:
        copies = self.config.augment_copies
        if not copies:
            return []
        note = T(
            "Data augmentation: {copies} jittered copies of each training point (σ = {jitter}), "
            "drawn by NumPy seeded with Seed + 2; the validation points stay as they are.",
            copies=copies,
            jitter=f"{self.config.augment_jitter:g}",
        )
        return [
            *("# " + line for line in _wrapped(say(note))),
            "jitter = np.random.default_rng("
            f"{seed + AUGMENT_SEED_OFFSET}).normal(scale={self.config.augment_jitter!r}, "
            f"size=({copies} * len(x_train), 2))",
            f"x_train = torch.cat([x_train, x_train.repeat({copies}, 1) "
            "+ torch.from_numpy(jitter).float()])",
            f"y_train = torch.cat([y_train, y_train.repeat({copies})])",
        ]


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(text, LINE - 2, break_long_words=False)


# -- experiments: cross-validation and the learning curve ------------------------------------


@dataclass(frozen=True)
class Score:
    """A model trained on some points and judged on others it never saw."""

    #: How many points it trained on.
    points: int
    training_cost: float
    validation_cost: float
    training_accuracy: float | None
    validation_accuracy: float | None
    #: The trained parameters (cross-validation draws each fold's boundary with them).
    params: tuple[np.ndarray, ...]


@dataclass(frozen=True)
class CrossValidation:
    k: int
    steps: int
    folds: tuple[Score, ...]
    #: Each fold's validation indices into the data (together: every point exactly once).
    fold_indices: tuple[np.ndarray, ...]

    def mean(self, name: str) -> float:
        return float(np.mean([getattr(f, name) for f in self.folds]))

    def spread(self, name: str) -> float:
        """The standard deviation over the folds (NumPy's, ddof 0)."""
        return float(np.std([getattr(f, name) for f in self.folds]))


@dataclass(frozen=True)
class LearningCurve:
    steps: int
    validation_points: int
    #: One score per share of the training points; None where that share could not train
    #: (one class only).
    scores: tuple[Score | None, ...]
    shares: tuple[float, ...] = LEARNING_CURVE_SHARES
    #: Models averaged per share.
    repeats: int = 1


class Cancelled(Exception):
    """The teacher pressed Cancel: the experiment stopped between two slices of steps."""


def experiment_steps(settings: TrainSettings) -> int:
    return settings.max_steps or EXPERIMENT_STEPS


def fold_indices(n: int, k: int, seed: int) -> list[np.ndarray]:
    """k folds of a seeded shuffle of range(n), sizes differing by at most one."""
    if not MIN_FOLDS <= k <= MAX_FOLDS:
        raise ValueError(T("Cross-validation uses 2 to 10 folds."))
    if n < k:
        raise ValueError(T("{k}-fold cross-validation needs at least {k} points.", k=k))
    order = np.random.default_rng(seed).permutation(n)
    return [np.sort(fold) for fold in np.array_split(order, k)]


def train_and_score(
    lesson: Overfitting,
    data: PointSet,
    training: np.ndarray,
    validation: np.ndarray,
    settings: TrainSettings,
    steps: int,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Score | None:
    """Train a fresh model (the settings' seed) on ``training`` for ``steps`` steps and score
    it on ``validation``; None when those points cannot be trained on (one class)."""
    from desktopdl.core.trainer import Trainer  # the trainer imports the lessons

    train_set = data.subset(training)
    if lesson.check_data(train_set):
        return None
    plain = replace(settings, validation_share=0.0, patience=0, max_steps=steps)
    trainer = Trainer(lesson, train_set, plain)
    while trainer.step_count < steps and trainer.can_train:
        trainer.step(min(EXPERIMENT_SLICE, steps - trainer.step_count))
        if cancelled():
            raise Cancelled
        if progress is not None:
            progress(trainer.step_count / steps)
    params = trainer.params
    x_val, y_val = lesson.tensors(data.subset(validation))
    x_val, y_val = x_val.to(trainer.device), y_val.to(trainer.device)
    with torch.no_grad():
        return Score(
            points=len(training),
            training_cost=trainer.current_cost(),
            validation_cost=lesson.cost(params, x_val, y_val).item(),
            training_accuracy=lesson.accuracy(params, trainer.x_train, trainer.y_train),
            validation_accuracy=lesson.accuracy(params, x_val, y_val),
            params=tuple(p.detach().cpu().numpy().copy() for p in params),
        )


def cross_validate(
    lesson: Overfitting,
    data: PointSet,
    settings: TrainSettings,
    k: int,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> CrossValidation:
    """k-fold cross-validation on the current settings: each fold in turn is held out and a
    fresh model trained on the others; raises Cancelled or ValueError (with a sentence)."""
    problem = lesson.check_data(data)
    if problem:
        raise ValueError(problem)
    folds = fold_indices(len(data), k, settings.seed)
    steps = experiment_steps(settings)
    scores = []
    for index, validation in enumerate(folds):
        training = np.sort(np.concatenate([f for i, f in enumerate(folds) if i != index]))

        def report(done: float, index: int = index) -> None:
            if progress is not None:
                progress((index + done) / k)

        score = train_and_score(
            lesson, data, training, validation, settings, steps, report, cancelled
        )
        if score is None:
            raise ValueError(
                T(
                    "Fold {fold} would train on one class only: add points of both classes.",
                    fold=index + 1,
                )
            )
        scores.append(score)
    return CrossValidation(k, steps, tuple(scores), tuple(folds))


def learning_curve(
    lesson: Overfitting,
    data: PointSet,
    settings: TrainSettings,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    shares: tuple[float, ...] = LEARNING_CURVE_SHARES,
    repeats: int = LEARNING_CURVE_REPEATS,
) -> LearningCurve:
    """The validation score of models trained on growing shares of the training points
    (the same held-out points judge them all): "more data" measured, not claimed.

    Each share is the mean of ``repeats`` models, each drawing its own points and starting
    from its own seed (seed, seed + 1, …): with a few points, one draw says more about luck
    than about the number of points."""
    problem = lesson.check_data(data)
    if problem:
        raise ValueError(problem)
    share = settings.validation_share or LEARNING_CURVE_VALIDATION
    training, validation = data.split(share, settings.seed)
    steps = experiment_steps(settings)
    runs = len(shares) * repeats
    scores: list[Score | None] = []
    for index, part in enumerate(shares):
        count = max(1, round(part * len(training)))
        draws = []
        for repeat in range(repeats):
            order = np.random.default_rng(settings.seed + 3 + repeat).permutation(training)
            run = index * repeats + repeat

            def report(done: float, run: int = run) -> None:
                if progress is not None:
                    progress((run + done) / runs)

            draws.append(
                train_and_score(
                    lesson,
                    data,
                    np.sort(order[:count]),
                    validation,
                    replace(settings, seed=settings.seed + repeat),
                    steps,
                    report,
                    cancelled,
                )
            )
        scores.append(_mean_score([d for d in draws if d is not None]))
    return LearningCurve(steps, len(validation), tuple(scores), tuple(shares), repeats)


def _mean_score(draws: list[Score]) -> Score | None:
    """The draws' mean scores (the first draw's parameters); None when none could train."""
    if not draws:
        return None

    def mean(name: str) -> float | None:
        values = [getattr(d, name) for d in draws]
        return None if any(v is None for v in values) else float(np.mean(values))

    return Score(
        points=draws[0].points,
        training_cost=mean("training_cost"),
        validation_cost=mean("validation_cost"),
        training_accuracy=mean("training_accuracy"),
        validation_accuracy=mean("validation_accuracy"),
        params=draws[0].params,
    )
