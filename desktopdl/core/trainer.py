"""The training loop, with no threads: ``step(n)`` runs n lecture-style steps.

The GUI's worker thread calls it in slices of a few milliseconds and shows ``snapshot()``s,
which are immutable copies: nothing the trainer changes later can alter a snapshot on screen.
Each step is exactly the lecture's loop body (cost, zero_grad, backward, SGD step), so with
the same seed the numbers match the lecture's script digit for digit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np
import torch

from desktopdl.core import device as devices
from desktopdl.core.data import PointSet
from desktopdl.core.lessons.base import Lesson, Rect

MAX_LEARNING_RATE = 1e6


@dataclass(frozen=True)
class TrainSettings:
    """The hyperparameters a teacher sets in ① Model and ② Train."""

    learning_rate: float = 0.01
    seed: int = 0
    #: Stop after this many steps; 0 means no limit.
    max_steps: int = 2000
    device: str = "auto"

    def problem(self) -> str | None:
        if not (math.isfinite(self.learning_rate) and 0 < self.learning_rate <= MAX_LEARNING_RATE):
            return "The learning rate must be a positive number."
        if self.max_steps < 0:
            return "The step limit cannot be negative."
        return None


class Status:
    READY = "ready"
    FINISHED = "finished"
    DIVERGED = "diverged"
    INVALID_DATA = "invalid data"
    ERROR = "error"


@dataclass(frozen=True)
class Snapshot:
    """What the screen shows at one moment; every array in it is a read-only copy."""

    step: int
    #: The cost at the current parameters (what the next loop iteration would compute).
    cost: float
    params: tuple[np.ndarray, ...]
    status: str = Status.READY
    #: A sentence for the teacher when training stopped by itself or cannot start.
    message: str | None = None
    device_reason: str = ""
    surface: np.ndarray | None = None
    surface_rect: Rect | None = None
    #: Costs of the steps run since the previous snapshot, and the step index of the first.
    new_costs: np.ndarray = field(default_factory=lambda: _frozen(np.zeros(0)))
    first_new_step: int = 0
    #: Grows by one at every reset, so the screen knows to start a new cost curve.
    run_id: int = 0
    #: Whether the training thread was running when it took this snapshot.
    running: bool = False


def _frozen(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


class Trainer:
    """Owns the parameters, the optimizer and the data tensors of one lesson."""

    def __init__(self, lesson: Lesson, data: PointSet, settings: TrainSettings | None = None):
        self.lesson = lesson
        self.settings = settings or TrainSettings()
        self.data = data
        self.device_choice = devices.resolve(self.settings.device, self._work_per_step())
        self.status = Status.READY
        self.message: str | None = None
        self.reset()

    # -- commands -------------------------------------------------------------------------

    def reset(self) -> None:
        """Fresh parameters from the seed: the same seed gives the same start every time."""
        generator = torch.Generator().manual_seed(int(self.settings.seed))
        self.params = self._to_device(self.lesson.init_params(generator))
        self.optimizer = torch.optim.SGD(self.params, lr=self.settings.learning_rate)
        self.step_count = 0
        self.run_id = getattr(self, "run_id", -1) + 1
        self.status = Status.READY
        self.message = None
        self.set_data(self.data)

    def set_data(self, data: PointSet) -> None:
        """New training points; the parameters are kept so training continues from here."""
        self.data = data
        problem = self.lesson.check_data(data)
        if problem:
            self.status, self.message = Status.INVALID_DATA, problem
            self.x_train = self.y_train = None
            return
        if self.status == Status.INVALID_DATA:
            self.status, self.message = Status.READY, None
        x, y = self.lesson.tensors(data)
        self.x_train, self.y_train = x.to(self.device), y.to(self.device)

    def set_settings(self, settings: TrainSettings) -> None:
        """New hyperparameters. The learning rate and step limit apply at once; a new seed
        or device applies at the next reset, so a running demo is never yanked back."""
        old = self.settings
        self.settings = settings
        for group in self.optimizer.param_groups:
            group["lr"] = settings.learning_rate
        if self.status == Status.FINISHED and not self._limit_reached():
            self.status, self.message = Status.READY, None
        if settings.device != old.device:
            self.device_choice = devices.resolve(settings.device, self._work_per_step())
            self.reset()

    # -- training -------------------------------------------------------------------------

    @property
    def device(self) -> torch.device:
        return self.device_choice.device

    @property
    def can_train(self) -> bool:
        return self.status == Status.READY and not self._limit_reached()

    def step(self, n: int = 1) -> np.ndarray:
        """Run up to n steps; returns their costs. Stops early at the step limit or when the
        cost stops being a finite number, leaving the parameters of the last good step."""
        costs: list[float] = []
        if self.status != Status.READY:
            return np.asarray(costs)
        lesson, params, optimizer = self.lesson, self.params, self.optimizer
        x_train, y_train = self.x_train, self.y_train
        for _ in range(n):
            if self._limit_reached():
                self._finish()
                break
            cost = lesson.cost(params, x_train, y_train)
            value = cost.item()
            if not math.isfinite(value):
                self.status = Status.DIVERGED
                self.message = (
                    f"The cost diverged (it became {value}) at step {self.step_count}: the "
                    f"learning rate {self.settings.learning_rate:g} is too large. Choose a smaller "
                    "learning rate and press Reset."
                )
                break
            optimizer.zero_grad()
            cost.backward()
            optimizer.step()
            costs.append(value)
            self.step_count += 1
        if self.status == Status.READY and self._limit_reached():
            self._finish()
        return np.asarray(costs)

    def snapshot(self, surface_rect: Rect | None = None, resolution: int = 100) -> Snapshot:
        params = tuple(_frozen(p.detach().cpu().numpy().copy()) for p in self.params)
        cost = math.nan
        if self.x_train is not None:
            with torch.no_grad():
                cost = self.lesson.cost(self.params, self.x_train, self.y_train).item()
        surface = None
        if surface_rect is not None and all(np.all(np.isfinite(p)) for p in params):
            surface = self.lesson.surface(self.params, surface_rect, resolution)
            if surface is not None:
                surface = _frozen(surface)
        return Snapshot(
            step=self.step_count,
            cost=cost,
            params=params,
            status=self.status,
            message=self.message,
            device_reason=self.device_choice.reason,
            surface=surface,
            surface_rect=surface_rect if surface is not None else None,
            first_new_step=self.step_count,
            run_id=self.run_id,
        )

    # -- helpers --------------------------------------------------------------------------

    def _finish(self) -> None:
        self.status = Status.FINISHED
        self.message = f"Finished: reached the step limit ({self.settings.max_steps:,} steps)."

    def _limit_reached(self) -> bool:
        return bool(self.settings.max_steps) and self.step_count >= self.settings.max_steps

    def _work_per_step(self) -> int:
        n_params = sum(p.numel() for p in self.lesson.init_params(torch.Generator().manual_seed(0)))
        return n_params * max(len(self.data), 1)

    def _to_device(self, params: list[torch.Tensor]) -> list[torch.Tensor]:
        """Move freshly drawn CPU parameters to the device; fall back to the CPU if it fails."""
        try:
            moved = [p.to(self.device) for p in params]
        except (RuntimeError, AssertionError) as error:
            self.device_choice = devices.DeviceChoice(
                torch.device("cpu"),
                f"{self.device_choice.device.type.upper()} failed ({error}); training on the CPU",
                fell_back=True,
            )
            moved = list(params)
        return [p.requires_grad_() for p in moved]


def with_costs(snapshot: Snapshot, costs: np.ndarray, first_step: int) -> Snapshot:
    """The snapshot carrying the per-step costs the worker gathered since the last one."""
    return replace(
        snapshot, new_costs=_frozen(np.asarray(costs, dtype=np.float64)), first_new_step=first_step
    )
