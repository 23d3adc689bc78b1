"""What the benchmark trains: the data sets, the cases of section 1, and the loops compared
with the app (the lecture's plain loop, the bare core Trainer, the network's torch loop).

Nothing here knows about Qt, so these are the same loops whatever the window does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F  # noqa: N812 - torch's own convention

from bench.points import noisy_line, two_blobs
from desktopdl.core import datasets
from desktopdl.core.data import PointSet
from desktopdl.core.lessons import Lesson, lesson
from desktopdl.core.lessons.binary import BinaryClassificationMSE
from desktopdl.core.lessons.network import NetworkConfig, NeuralNetwork
from desktopdl.core.trainer import Status, Trainer, TrainSettings

__all__ = ["noisy_line", "two_blobs"]  # re-exported: the sections take their data from here

LR = 0.01


#: The lecture's "non-linear test": its 6 points plus [6, 4] labelled 0. Not separable, so the
#: cost has a finite minimum and a full-speed run never diverges (the 6 points alone are
#: separable: at lr 0.01 the weights grow until log(0) at step ~12,000, inside one window).
LECTURE_XY = [[1, 2], [2, 3], [3, 4], [4, 4], [5, 3], [6, 2], [6, 4]]


LECTURE_LABELS = [0, 0, 0, 1, 1, 1, 0]


#: resources/presets/linear_small.json, the Linear Regression tab's default data.
LINEAR_8_XY = [[1, 1.9], [2, 2.4], [3, 3.6], [4, 4.1], [5, 4.8], [6, 6.0], [7, 6.4], [8, 7.5]]


#: The network of issue 4: 2-8-8-1 tanh on 500 spiral points, SGD lr 0.03.
NETWORK_CONFIG = NetworkConfig(classes=2, hidden=(8, 8), activation="tanh")


NETWORK_LR = 0.03


NETWORK_POINTS = 500


#: Batch sizes measured; 0 = the full batch.
NETWORK_BATCHES = (10, 50, 0)


@dataclass(frozen=True)
class Case:
    key: str
    label: str
    points: PointSet
    learning_rate: float = LR


def cases() -> list[Case]:
    blob_xy, blob_labels = two_blobs(500)
    return [
        Case("binary", "lecture's 7 (non-linear test)", PointSet(LECTURE_XY, LECTURE_LABELS)),
        Case("binary", "500 (two blobs)", PointSet(blob_xy, blob_labels)),
        Case("linear", "8 (preset)", PointSet(LINEAR_8_XY, np.zeros(8, dtype=np.int64))),
        Case("linear", "500 (noisy line)", PointSet(noisy_line(500), np.zeros(500, dtype=int))),
    ]


def plain_loop(key: str, points: PointSet) -> Callable[[int], None]:
    """The lecture's own loop, written out as the lecture writes it (no app code at all)."""
    torch.manual_seed(0)
    if key == "binary":
        x_train = torch.tensor(points.xy, dtype=torch.float32)
        y_train = torch.tensor(points.labels.reshape(-1, 1), dtype=torch.float32)
        w = torch.randn([2, 1], requires_grad=True)
        b = torch.randn([1], requires_grad=True)
        optimizer = torch.optim.SGD([w, b], lr=LR)

        def H(x: torch.Tensor) -> torch.Tensor:  # the lecture's name
            return torch.sigmoid(torch.matmul(x, w) + b)

        def run(n: int) -> None:
            for _ in range(n):
                cost = -torch.mean(
                    y_train * torch.log(H(x_train)) + (1 - y_train) * torch.log(1 - H(x_train))
                )
                optimizer.zero_grad()
                cost.backward()
                optimizer.step()

        return run
    x_train = torch.tensor(points.xy[:, :1], dtype=torch.float32)
    y_train = torch.tensor(points.xy[:, 1:], dtype=torch.float32)
    w = torch.randn([1, 1], requires_grad=True)
    b = torch.randn([1], requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=LR)

    def run_linear(n: int) -> None:
        for _ in range(n):
            cost = torch.mean((torch.matmul(x_train, w) + b - y_train) ** 2)
            optimizer.zero_grad()
            cost.backward()
            optimizer.step()

    return run_linear


def bare_trainer(key: str, points: PointSet) -> tuple[Trainer, Callable[[int], None]]:
    """The core Trainer with no thread and no GUI, as the worker drives it."""
    trainer = Trainer(lesson(key), points, TrainSettings(learning_rate=LR, seed=0, max_steps=0))

    def run(n: int) -> None:
        trainer.step(n)
        if trainer.status != Status.READY:
            raise RuntimeError(f"bare trainer stopped: {trainer.message}")

    return trainer, run


def landscape_cases() -> list[tuple[str, Lesson, Callable[[int], PointSet]]]:
    """(name, lesson, data of n points) for each landscape the lab draws."""

    def line(n: int) -> PointSet:
        return PointSet(noisy_line(n), np.zeros(n, dtype=np.int64))

    def blobs(n: int) -> PointSet:
        return PointSet(*two_blobs(n))

    return [
        ("linear regression, (W, b)", lesson("linear"), line),
        ("binary, cross-entropy, (w₁, w₂), b held", lesson("binary"), blobs),
        ("binary, MSE, (w₁, w₂), b held", BinaryClassificationMSE(), blobs),
    ]


def network_points() -> PointSet:
    return datasets.generate("spirals", NETWORK_POINTS, noise=0.1, seed=0)


def network_plain_loop(points: PointSet, batch: int) -> Callable[[int], None]:
    """The usual torch loop on the same model: ``nn.Sequential``, ``optim.SGD``,
    ``F.binary_cross_entropy_with_logits``, minibatches reshuffled with ``torch.randperm``
    every epoch (batch 0 = the full batch)."""
    torch.manual_seed(0)
    x_train = torch.tensor(points.xy, dtype=torch.float32)
    y_train = torch.tensor(points.labels.reshape(-1, 1), dtype=torch.float32)
    model = torch.nn.Sequential(
        torch.nn.Linear(2, 8),
        torch.nn.Tanh(),
        torch.nn.Linear(8, 8),
        torch.nn.Tanh(),
        torch.nn.Linear(8, 1),
    )
    optimizer = torch.optim.SGD(model.parameters(), lr=NETWORK_LR)
    n_points = len(x_train)
    minibatches = 0 < batch < n_points
    order = torch.randperm(n_points)
    position = 0

    def run(n: int) -> None:
        nonlocal order, position
        for _ in range(n):
            if minibatches:
                if position + batch > n_points:
                    order, position = torch.randperm(n_points), 0
                index = order[position : position + batch]
                position += batch
                x, y = x_train[index], y_train[index]
            else:
                x, y = x_train, y_train
            cost = F.binary_cross_entropy_with_logits(model(x), y)
            optimizer.zero_grad()
            cost.backward()
            optimizer.step()

    return run


def network_settings(batch: int) -> TrainSettings:
    return TrainSettings(
        learning_rate=NETWORK_LR,
        seed=0,
        max_steps=0,
        optimizer="SGD",
        batch_size=batch,
        model=NETWORK_CONFIG,
    )


def network_trainer(points: PointSet, batch: int, fast: bool) -> Callable[[int], None]:
    """The bare core Trainer on the network lesson: autograd (``fast_path = False``, the
    lecture-faithful loop) or the hand-written SGD step (the default)."""
    trainer = Trainer(NeuralNetwork(), points, network_settings(batch))
    trainer.fast_path = fast

    def run(n: int) -> None:
        trainer.step(n)
        if trainer.status != Status.READY:
            raise RuntimeError(f"bare network trainer stopped: {trainer.message}")

    return run
