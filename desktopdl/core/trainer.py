"""The training loop, with no threads: ``step(n)`` runs n lecture-style steps.

The GUI's worker thread calls it in slices of a few milliseconds and shows ``snapshot()``s,
which are immutable copies: nothing the trainer changes later can alter a snapshot on screen.
Each step is exactly the lecture's loop body (cost, zero_grad, backward, optimizer step), so
with the same seed the numbers match the lecture's script digit for digit.

For the gradient-descent lab the same loop can also be walked one phase at a time
(``advance_phase``), and, while ``recording`` is on, each iteration's parameters, cost and
gradient are recorded so the ledger and the descent path can show them (the latest
LEDGER_ROWS iterations, and a path thinned to PATH_POINTS: fixed memory however long the
run); ``rewind`` replays to any iteration. Recording is off by default because it costs
~12 % of the step rate.
Plain SGD is ``LeanSGD``: torch's arithmetic without the optimizer's per-call overhead.

A share of the data can be held out for validation: the trainer then evaluates the model
(in eval mode) on it every ``validation_every`` steps and keeps the named metric series
(training and validation cost, training and validation accuracy) beside the per-step
training cost, and can stop early when the validation cost stops improving, going back to
the best weights. Penalties on the weights (L2 weight decay, L1) are the optimizer's
business, as in torch: the cost the curve shows stays the data's cost.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass, field, replace

import numpy as np
import torch

from desktopdl.core import device as devices
from desktopdl.core.data import Dataset
from desktopdl.core.lessons.base import Lesson, LessonConfig
from desktopdl.core.text import T
from desktopdl.core.views import DescentView, Rect, ViewContext

MAX_LEARNING_RATE = 1e6
#: A cost that stops being finite before this many steps is blamed on the learning rate.
EARLY_DIVERGENCE_STEPS = 20
#: The most a teacher can hold out for validation.
MAX_VALIDATION_SHARE = 0.9
#: Metric series names (the per-step training cost is "cost").
VALIDATION_COST = "validation cost"
#: The training cost in eval mode at each evaluation (what the gap is measured against).
TRAINING_COST = "training cost"
TRAINING_ACCURACY = "training accuracy"
VALIDATION_ACCURACY = "validation accuracy"
OPTIMIZERS = ("SGD", "Momentum", "Adam")
MOMENTUM = 0.9
#: The most steps a minibatch runner (Lesson.fast_sgd_runner) takes in one call: its
#: buffers hold every step's minibatch (~40 bytes a point).
RUNNER_STEPS = 2048
#: Turning the recording on replays a run of at most this many steps from its start.
MAX_REPLAY = 50_000
#: How many ledger rows and path points a snapshot carries at most. The recording keeps no
#: more than these (the latest LEDGER_ROWS iterations, and PATH_POINTS − 1 iterations
#: spread evenly over the run for the path), so recording holds the same memory at step 10
#: and at step 10 million, and a snapshot's copy of it costs the same too.
LEDGER_ROWS = 200
PATH_POINTS = 2000

PHASES = ("init", "predict", "cost", "gradient", "update", "stop", "done")
PHASE_TITLES = {
    "init": T("① init"),
    "predict": T("② predict"),
    "cost": T("③ cost"),
    "gradient": T("④ gradient"),
    "update": T("⑤ update"),
    "stop": T("⑥ stop check"),
    "done": T("⑦ done"),
}


@dataclass(frozen=True)
class TrainSettings:
    """The hyperparameters a teacher sets in ① Model and ② Train."""

    learning_rate: float = 0.01
    seed: int = 0
    #: Stop after this many steps; 0 means no limit.
    max_steps: int = 2000
    device: str = "auto"
    optimizer: str = "SGD"
    #: Stop when the cost changes by less than this between two iterations; 0 means never.
    min_cost_change: float = 0.0
    #: Points per step; 0 means the full batch (the lecture's way).
    batch_size: int = 0
    #: The lesson's own model choices (its ``Config``); None means the lesson's defaults.
    model: LessonConfig | None = None
    #: Share of the data held out for validation (0: train on everything, the lecture's way).
    validation_share: float = 0.0
    #: Evaluate on the validation data every this many steps (so it does not halve the rate).
    validation_every: int = 10
    #: L2 weight decay λ, applied as torch's optimizers apply ``weight_decay`` (the
    #: gradient of λ/2·Σw²), to every parameter.
    weight_decay: float = 0.0
    #: L1 penalty: the gradient of l1·Σ|w| joins each step's gradient.
    l1: float = 0.0
    #: Early stopping: stop when the validation cost has not improved for this many
    #: evaluations and go back to the best weights (0: never; needs a validation share).
    patience: int = 0

    def problem(self) -> str | None:
        if not (math.isfinite(self.learning_rate) and 0 < self.learning_rate <= MAX_LEARNING_RATE):
            return T("The learning rate must be a positive number.")
        if self.max_steps < 0:
            return T("The step limit cannot be negative.")
        if self.optimizer not in OPTIMIZERS:
            return T(
                "Unknown optimizer {name}; choose from {choices}.",
                name=repr(self.optimizer),
                choices=", ".join(OPTIMIZERS),
            )
        if not (math.isfinite(self.min_cost_change) and self.min_cost_change >= 0):
            return T("The cost-change threshold ε must be a number ≥ 0.")
        if self.batch_size < 0:
            return T("The batch size cannot be negative.")
        if not (
            math.isfinite(self.validation_share)
            and 0 <= self.validation_share <= MAX_VALIDATION_SHARE
        ):
            return T("The validation share must be between 0 and 0.9.")
        if self.validation_every < 1:
            return T("Validation must run every 1 or more steps.")
        if not (math.isfinite(self.weight_decay) and self.weight_decay >= 0):
            return T("The weight decay λ must be a number ≥ 0.")
        if not (math.isfinite(self.l1) and self.l1 >= 0):
            return T("The L1 penalty must be a number ≥ 0.")
        if self.patience < 0:
            return T("The early-stopping patience cannot be negative.")
        return self.model.problem() if self.model is not None else None


class LeanSGD:
    """Plain SGD with ``torch.optim.SGD``'s own arithmetic (``param.add_(grad, alpha=-lr)``,
    the same kernel, so the numbers stay the lecture's bit for bit) but without its per-call
    bookkeeping (profiler ranges, hooks, param-group loops), which at ~10,000 steps/s cost a
    quarter of the rate. A test holds it equal to torch's SGD."""

    def __init__(self, params: list[torch.Tensor], lr: float, weight_decay: float = 0.0):
        self.params = list(params)
        self.param_groups = [{"params": self.params, "lr": lr, "weight_decay": weight_decay}]

    def zero_grad(self) -> None:
        for param in self.params:
            param.grad = None

    def step(self) -> None:
        group = self.param_groups[0]
        alpha, decay = -group["lr"], group["weight_decay"]
        with torch.no_grad():
            for param in self.params:
                grad = param.grad.add(param, alpha=decay) if decay else param.grad
                param.add_(grad, alpha=alpha)


def make_optimizer(
    name: str, params: list[torch.Tensor], lr: float, weight_decay: float = 0.0
) -> torch.optim.Optimizer | LeanSGD:
    """torch's optimizers (plain SGD with torch's arithmetic), so the ledger shows what
    students' code would do."""
    if name == "SGD":
        return LeanSGD(params, lr, weight_decay)
    if name == "Momentum":
        return torch.optim.SGD(params, lr=lr, momentum=MOMENTUM, weight_decay=weight_decay)
    if name == "Adam":
        return torch.optim.Adam(params, lr=lr, weight_decay=weight_decay)
    raise ValueError(f"unknown optimizer {name!r}")


class Status:
    READY = "ready"
    FINISHED = "finished"
    DIVERGED = "diverged"
    INVALID_DATA = "invalid data"
    ERROR = "error"


@dataclass(frozen=True)
class LedgerRow:
    """One iteration: the parameters it started from, its cost and gradient, where it went."""

    iteration: int
    params: np.ndarray
    cost: float
    gradient: np.ndarray
    new_params: np.ndarray


@dataclass(frozen=True)
class PhaseReport:
    """What the last press of Phase did, in the lecture's words and with its numbers."""

    phase: str
    iteration: int
    text: str

    @property
    def title(self) -> str:
        return PHASE_TITLES[self.phase]


@dataclass(frozen=True)
class MetricPoints:
    """New points of one named metric series (validation cost, accuracies…)."""

    name: str
    steps: np.ndarray
    values: np.ndarray


@dataclass(frozen=True)
class Snapshot:
    """What the screen shows at one moment; every array in it is a read-only copy."""

    step: int
    #: The cost at the current parameters (what the next loop iteration would compute).
    cost: float
    params: tuple[np.ndarray, ...]
    #: The lesson config that produced these parameters: a page showing another config
    #: knows the snapshot is stale without guessing from array shapes.
    config: LessonConfig | None = None
    status: str = Status.READY
    #: A sentence for the teacher when training stopped by itself or cannot start.
    message: str | None = None
    device_reason: str = ""
    #: Costs of the steps run since the previous snapshot, and the step index of the first.
    new_costs: np.ndarray = field(default_factory=lambda: _frozen(np.zeros(0)))
    first_new_step: int = 0
    #: New points of the other metric series since the previous snapshot.
    new_metrics: tuple[MetricPoints, ...] = ()
    #: The latest value of each metric series ("training accuracy"…), for the read-outs.
    metrics: tuple[tuple[str, float], ...] = ()
    #: Grows by one at every reset, so the screen knows to start a new cost curve.
    run_id: int = 0
    #: Whether the training thread was running when it took this snapshot.
    running: bool = False
    optimizer: str = "SGD"
    phase: PhaseReport | None = None
    #: Passes over the training data so far (steps × batch size / points).
    epoch: float = 0.0
    #: Share of training points classified right, for classification lessons.
    accuracy: float | None = None
    #: The typed views (core.views) the page on screen asked for.
    views: tuple = ()
    #: The cost the last step computed, or None before the first step.
    last_step_cost: float | None = None
    #: The step with the lowest validation cost so far (early stopping goes back to it).
    best_step: int | None = None
    #: The weight penalty at the current parameters (λ/2·Σw² + l1·Σ|w|), when one is set.
    penalty: float | None = None

    @property
    def shown_cost(self) -> float:
        """The cost the screen shows: the one the last step computed (the lecture's
        ``print(cost.item())`` after the loop), or before any step the one step 1 will."""
        return self.cost if self.last_step_cost is None else self.last_step_cost

    def view(self, kind: type):
        """The view of this type, or None when it was not computed for this snapshot."""
        for view in self.views:
            if type(view) is kind:
                return view
        return None


def _frozen(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


class Trainer:
    """Owns the parameters, the optimizer and the data tensors of one lesson."""

    def __init__(self, lesson: Lesson, data: Dataset, settings: TrainSettings | None = None):
        self.settings = settings or TrainSettings()
        self.lesson = (
            lesson.configured(self.settings.model) if self.settings.model is not None else lesson
        )
        self.data = data
        self.device_choice = devices.resolve(self.settings.device, self._work_per_step())
        self.status = Status.READY
        self.message: str | None = None
        self.recording = False
        #: Use a lesson's hand-written SGD step where it has one (off: always autograd).
        self.fast_path = True
        #: The lesson's minibatch runner (Lesson.fast_sgd_runner), with the lesson and
        #: device it was made for.
        self._runner: tuple[Lesson, torch.device, object] | None = None
        #: The input the page asks about (the feature maps of a drawing), or None.
        self.probe: np.ndarray | None = None
        self.custom_start: np.ndarray | None = None
        #: Costs of steps completed by a call that then raised (take_unreported_costs).
        self._unreported: list[np.ndarray] = []
        self.reset()

    # -- commands -------------------------------------------------------------------------

    def reset(self) -> None:
        """Back to the start: the seed's parameters (same seed, same start every time), or
        the start the teacher picked on the cost landscape."""
        generator = torch.Generator().manual_seed(int(self.settings.seed))
        params = self.lesson.init_params(generator)
        #: Training steps' random choices (dropout) go on drawing from the seed's generator
        #: after the start: the exported script's torch.manual_seed stream, draw for draw.
        self._noise = generator
        if self.custom_start is not None:
            params = self.lesson.unflatten(self.custom_start)
        self.start = self.lesson.flatten([p.detach() for p in params])
        self.params = self._to_device(params)
        self.optimizer = self._make_optimizer()
        self.step_count = 0
        self._samples_seen = 0
        self._order = torch.zeros(0, dtype=torch.long)
        self._order_position = 0
        self._batch_generator = torch.Generator().manual_seed(int(self.settings.seed) + 1)
        self.run_id = getattr(self, "run_id", -1) + 1
        self.status = Status.READY
        self.message = None
        self.phase: PhaseReport | None = None
        self._pending_cost: torch.Tensor | None = None
        self._last_cost: float | None = None
        #: The cost the last step computed (before its update), as the lecture's loop
        #: prints it: what the headline, the curve's end, the ledger and the script show.
        self.last_step_cost: float | None = None
        self._new_metrics: list[tuple[str, int, float]] = []
        self._latest_metrics: dict[str, float] = {}
        self.best_step: int | None = None
        self._best: tuple[float, list[torch.Tensor], dict[str, float]] | None = None
        self._evaluations_since_best = 0
        self._clear_history()
        self.set_data(self.data)

    def set_data(self, data: Dataset) -> None:
        """New training data; the parameters are kept so training continues from here.
        The validation share is held out by a split seeded with the seed, so the same data
        and seed always hold out the same items."""
        self.data = data
        self._pending_cost = None
        self._order = torch.zeros(0, dtype=torch.long)  # reshuffle for the new points
        self.train_data, self.validation_data = self.lesson.split_data(
            data, self.settings.validation_share, int(self.settings.seed)
        )
        self.x_val = self.y_val = None
        problem = self.lesson.check_data(self.train_data)
        if problem:
            self.status, self.message = Status.INVALID_DATA, problem
            self.x_train = self.y_train = None
            return
        if self.status == Status.INVALID_DATA:
            self.status, self.message = Status.READY, None
        x, y = self.lesson.training_tensors(self.train_data, int(self.settings.seed))
        self.x_train, self.y_train = x.to(self.device), y.to(self.device)
        if self.validation_data is not None:
            x, y = self.lesson.tensors(self.validation_data)
            self.x_val, self.y_val = x.to(self.device), y.to(self.device)

    def set_settings(self, settings: TrainSettings) -> None:
        """New hyperparameters. The learning rate, optimizer and stop rules apply at once; a
        new seed or device applies at the next reset, so a running demo is never yanked back."""
        old = self.settings
        self.settings = settings
        if settings.optimizer != old.optimizer:
            self.optimizer = self._make_optimizer()
        for group in self.optimizer.param_groups:
            group["lr"] = settings.learning_rate
            group["weight_decay"] = settings.weight_decay
        if settings.seed != old.seed:
            self.custom_start = None
        if self.status == Status.FINISHED and not self._limit_reached():
            self.status, self.message = Status.READY, None
            self._evaluations_since_best = 0  # an early stop's count starts again
        if (settings.validation_share, settings.seed) != (old.validation_share, old.seed):
            self.set_data(self.data)
        if settings.model is not None and settings.model != self.lesson.config:
            keeps = self.lesson.keeps_parameters(settings.model)
            self.lesson = self.lesson.configured(settings.model)
            if keeps:  # dropout, augmentation…: training goes on from here
                self.set_data(self.data)
            else:
                self.custom_start = None
                self.reset()
        elif settings.device != old.device:
            self.device_choice = devices.resolve(settings.device, self._work_per_step())
            self.reset()

    def fail(self, error: Exception) -> None:
        """An unexpected error stopped training: say so in the teacher's words (translated
        like every core sentence), keep the parameters as they are."""
        self.status = Status.ERROR
        self.message = devices.explain_failure(error) or T(
            "Training stopped because of an error: {error}. Press Reset.", error=error
        )

    def set_start(self, flat: np.ndarray) -> None:
        """Start the next run from these parameter values (a click on the cost landscape)."""
        self.custom_start = np.asarray(flat, dtype=np.float32).copy()
        self.reset()

    def set_recording(self, on: bool) -> np.ndarray:
        """Keep every iteration from now on. Turned on mid-run, the run is replayed from its
        start (the same numbers, bit for bit) so the ledger and the path hold it from its
        first step; returns the replayed costs (empty when nothing was replayed)."""
        replayed = np.zeros(0)
        if on and not self.recording:
            self._clear_history()
            self.recording = True
            if 0 < self.step_count <= MAX_REPLAY and self.status != Status.INVALID_DATA:
                replayed = self.rewind(self.step_count)
        self.recording = on
        return replayed

    def rewind(self, iteration: int) -> np.ndarray:
        """Return to the parameters before ``iteration`` (0 = the start) by replaying the run
        from its start, which restores Momentum's and Adam's state exactly too. This starts a
        new run id (the cost curve is redrawn) and returns the replayed costs."""
        iteration = max(0, min(iteration, self.step_count))
        custom, self.custom_start = self.custom_start, self.start.copy()
        self.reset()
        self.custom_start = custom
        return self.step(iteration)

    # -- training -------------------------------------------------------------------------

    @property
    def device(self) -> torch.device:
        return self.device_choice.device

    @property
    def can_train(self) -> bool:
        return self.status == Status.READY and not self._limit_reached()

    def step(self, n: int = 1) -> np.ndarray:
        """Run up to n whole iterations; returns their costs. Stops early at a stop condition
        or when the cost stops being a finite number, keeping the last good parameters.
        With a validation share, the model is evaluated every ``validation_every`` steps."""
        self._unreported = []
        costs = self._steps(n) if self.x_val is None else self._validated_steps(n)
        if len(costs):
            self.last_step_cost = float(costs[-1])
        return costs

    def take_unreported_costs(self) -> np.ndarray:
        """The costs of the steps a call to ``step`` completed before it raised: they are
        counted in ``step_count`` and in the parameters, so the curve must show them too."""
        costs, self._unreported = self._unreported, []
        return np.concatenate(costs) if costs else np.zeros(0)

    def _validated_steps(self, n: int) -> np.ndarray:
        every = self.settings.validation_every
        parts = []
        done = 0
        if self.step_count == 0 and not self._latest_metrics:
            self._evaluate()
        while done < n and self.can_train:
            chunk = min(n - done, every - self.step_count % every)
            try:
                costs = self._steps(chunk)
            except Exception:
                self._unreported[:0] = parts
                raise
            parts.append(costs)
            done += len(costs)
            if len(costs) and self.step_count % every == 0:
                self._evaluate()
            if len(costs) < chunk:
                break
        return np.concatenate(parts) if parts else np.zeros(0)

    def _evaluate(self) -> None:
        """Training and validation cost and accuracies at the current parameters, in eval
        mode; then the early-stopping check."""
        lesson, params, step = self.lesson, self.params, self.step_count
        with torch.no_grad():
            values = {
                TRAINING_COST: lesson.cost(params, self.x_train, self.y_train).item(),
                VALIDATION_COST: lesson.cost(params, self.x_val, self.y_val).item(),
            }
            train_accuracy = lesson.accuracy(params, self.x_train, self.y_train)
            if train_accuracy is not None:
                values[TRAINING_ACCURACY] = train_accuracy
                values[VALIDATION_ACCURACY] = lesson.accuracy(params, self.x_val, self.y_val)
        for name, value in values.items():
            self._new_metrics.append((name, step, float(value)))
        self._latest_metrics.update(values)
        self._early_stopping(values)

    def _early_stopping(self, values: dict[str, float]) -> None:
        """Keep the best weights; after ``patience`` evaluations without a new best, stop
        and go back to them (exactly: the values are copies, not a replay)."""
        cost = values[VALIDATION_COST]
        if self._best is None or cost < self._best[0]:
            self._best = (cost, [p.detach().clone() for p in self.params], dict(values))
            self.best_step = self.step_count
            self._evaluations_since_best = 0
            return
        self._evaluations_since_best += 1
        patience = self.settings.patience
        if not patience or self._evaluations_since_best < patience:
            return
        best_cost, best_params, best_values = self._best
        with torch.no_grad():
            for param, best in zip(self.params, best_params, strict=True):
                param.copy_(best)
        self._latest_metrics.update(best_values)
        self.status = Status.FINISHED
        self.message = T(
            "Stopped early at step {step}: the validation cost has not improved for {count} "
            "evaluations. The weights of step {best} are back (validation cost {cost}).",
            step=f"{self.step_count:,}",
            count=patience,
            best=f"{self.best_step:,}",
            cost=f"{best_cost:.4f}",
        )

    def take_metrics(self) -> tuple[MetricPoints, ...]:
        """The metric points recorded since the last call, one MetricPoints per series."""
        rows, self._new_metrics = self._new_metrics, []
        series: dict[str, tuple[list[int], list[float]]] = {}
        for name, step, value in rows:
            steps, values = series.setdefault(name, ([], []))
            steps.append(step)
            values.append(value)
        return tuple(
            MetricPoints(
                name,
                _frozen(np.asarray(steps, dtype=np.int64)),
                _frozen(np.asarray(values, dtype=np.float64)),
            )
            for name, (steps, values) in series.items()
        )

    def _steps(self, n: int) -> np.ndarray:
        costs: list[float] = []
        if self.status != Status.READY:
            return np.asarray(costs)
        if self.phase is not None and self.phase.phase == "update":
            # Finish the stop check the phase walk-through left pending.
            if self._stop_reason(self._phase_cost) is not None:
                self.phase = None
                return np.asarray(costs)
            self._last_cost = self._phase_cost
        self.phase, self._pending_cost = None, None
        lesson, params, optimizer = self.lesson, self.params, self.optimizer
        x_train, y_train = self.x_train, self.y_train
        recording, epsilon = self.recording, self.settings.min_cost_change
        batch = self.settings.batch_size
        minibatches = 0 < batch < len(x_train)
        l1, noise = self.settings.l1, self._noise
        if (
            lesson.fast_sgd_step is not None
            and self.settings.optimizer == "SGD"
            and not l1
            and (not recording and self.fast_path)
        ):
            if minibatches and self._minibatch_runner() is not None:
                return self._runner_steps(n, batch)
            if not self.settings.weight_decay:
                return self._fast_steps(n, batch if minibatches else 0)
        # The loop body is the lecture's; everything else is hoisted out of it, because at
        # ~10,000 steps/s every attribute lookup shows in the rate.
        limit = self.settings.max_steps
        allowed = n if not limit else max(0, min(n, limit - self.step_count))
        cost_of, zero_grad, update = lesson.cost, optimizer.zero_grad, optimizer.step
        append, isfinite = costs.append, math.isfinite
        try:
            for _ in range(allowed):
                if minibatches:
                    index = self._next_batch(batch)
                    cost = cost_of(params, x_train[index], y_train[index], noise)
                else:
                    cost = cost_of(params, x_train, y_train, noise)
                value = cost.item()
                if not isfinite(value):
                    self.step_count += len(costs)
                    costs_done = len(costs)
                    self._samples_seen += costs_done * (batch if minibatches else len(x_train))
                    self._diverge(value)
                    return np.asarray(costs)
                zero_grad()
                cost.backward()
                if l1:
                    self._add_l1_gradient()
                if recording:
                    self.step_count += len(costs)  # _record reads the step it is at
                    self._record(value)
                    self.step_count -= len(costs)
                update()
                append(value)
                if epsilon:
                    self.step_count += len(costs)
                    stopped = self._converged(value)
                    self.step_count -= len(costs)
                    if stopped:
                        break
                    self._last_cost = value
        except Exception:
            # The steps before the error have changed the parameters: count them.
            self.step_count += len(costs)
            self._samples_seen += len(costs) * (batch if minibatches else len(x_train))
            self._unreported.append(np.asarray(costs))
            if costs and not epsilon:
                self._last_cost = costs[-1]
            raise
        if costs:
            self._last_cost = self._last_cost if epsilon else costs[-1]
        self.step_count += len(costs)
        self._samples_seen += len(costs) * (batch if minibatches else len(x_train))
        if self.status == Status.READY and self._limit_reached():
            self._finish_at_limit()
        return np.asarray(costs)

    def advance_phase(self) -> tuple[PhaseReport, np.ndarray]:
        """Do the next phase of gradient descent and say what it did with its numbers.

        Returns the report and the costs of any iteration the phase completed (the update
        phase completes one). The arithmetic is the same as ``step``'s, split into parts.
        """
        names = self.lesson.flat_names
        done: list[float] = []
        previous = self.phase.phase if self.phase else None
        if (
            self.status == Status.READY
            and previous in (None, "init", "stop")
            and (self._limit_reached())
        ):
            self._finish_at_limit()  # the limit was lowered below the current step
        if self.status != Status.READY:
            report = PhaseReport("done", self.step_count, self.message or T("Training has ended."))
        elif previous is None and self.step_count == 0:
            report = PhaseReport(
                "init",
                0,
                T(
                    "Parameters start at {values} (picked on the landscape)",
                    values=_assign(names, self.start),
                )
                if self.custom_start is not None
                else T(
                    "Parameters start at {values} (torch.manual_seed({seed}), torch.randn)",
                    values=_assign(names, self.start),
                    seed=self.settings.seed,
                ),
            )
        elif previous in (None, "init", "stop"):
            with torch.no_grad():
                h = self.lesson.hypothesis(self.params, self.x_train).reshape(-1).cpu().numpy()
            shown = ", ".join(f"{v:.4f}" for v in h[:6]) + (", …" if len(h) > 6 else "")
            report = PhaseReport(
                "predict",
                self.step_count,
                T("H(x) = [{values}] for the {count} training points", values=shown, count=len(h)),
            )
        elif previous == "predict":
            self._pending_cost = self.lesson.cost(
                self.params, self.x_train, self.y_train, self._noise
            )
            value = self._pending_cost.item()
            report = PhaseReport("cost", self.step_count, f"cost = {value:.6f}")
            if not math.isfinite(value):
                self._diverge(value)
                report = PhaseReport("done", self.step_count, self.message)
        elif previous == "cost":
            self.optimizer.zero_grad()
            self._pending_cost.backward()
            if self.settings.l1:
                self._add_l1_gradient()
            grad = self._flat_grad()
            report = PhaseReport(
                "gradient", self.step_count, _assign([f"∂cost/∂{name}" for name in names], grad)
            )
        elif previous == "gradient":
            before = self.flat_params()
            grad = self._flat_grad()
            value = self._pending_cost.item()
            if self.recording:
                self._record(value)
            self.optimizer.step()
            self._pending_cost = None
            self._samples_seen += len(self.x_train)
            self._phase_cost = value
            done.append(value)
            self.last_step_cost = value
            self.step_count += 1
            after = self.flat_params()
            report = PhaseReport(
                "update", self.step_count - 1, self._update_text(names, before, grad, after)
            )
        else:  # after "update": the stop check
            value = self._phase_cost
            stop = self._stop_reason(value)
            if stop is None:
                change = (
                    ""
                    if self._last_cost is None
                    else (f"; |Δcost| = {abs(value - self._last_cost):.3g}")
                )
                report = PhaseReport(
                    "stop",
                    self.step_count,
                    T(
                        "{count} iteration(s) done{change}: continue",
                        count=f"{self.step_count:,}",
                        change=change,
                    ),
                )
                self._last_cost = value
            else:
                report = PhaseReport("stop", self.step_count, T("{reason} → stop", reason=stop))
        self.phase = report
        return report, np.asarray(done)

    def snapshot(
        self,
        surface_rect: Rect | None = None,
        wanted: Collection[type] = (),
        resolution: int | None = None,
        with_gradient: bool = False,
    ) -> Snapshot:
        """What the screen shows now; ``wanted`` names the view types on screen (the
        lesson computes those over ``surface_rect``; DescentView comes while recording)."""
        params = tuple(_frozen(p.detach().cpu().numpy().copy()) for p in self.params)
        cost = math.nan
        gradient = accuracy = None
        if self.x_train is not None:
            with torch.no_grad():
                accuracy = self.lesson.accuracy(self.params, self.x_train, self.y_train)
            if with_gradient:
                cost, gradient = self._cost_and_gradient()
            else:
                with torch.no_grad():
                    cost = self.lesson.cost(self.params, self.x_train, self.y_train).item()
        views: list = []
        if all(np.all(np.isfinite(p)) for p in params):
            context = ViewContext(self.probe, self.x_val, self.y_val, self.data)
            views = self.lesson.views(self.params, surface_rect, wanted, resolution, context)
        if self.recording:
            views.append(
                DescentView(
                    self._path(), tuple(self.ledger(LEDGER_ROWS)), self._hist_from, gradient
                )
            )
        return Snapshot(
            step=self.step_count,
            cost=cost,
            params=params,
            config=self.lesson.config,
            status=self.status,
            message=self.message,
            device_reason=self.device_choice.reason,
            first_new_step=self.step_count,
            new_metrics=self.take_metrics(),
            metrics=tuple(self._latest_metrics.items()),
            run_id=self.run_id,
            optimizer=self.settings.optimizer,
            phase=self.phase,
            epoch=self._samples_seen / max(len(self.x_train) if self.x_train is not None else 0, 1),
            accuracy=accuracy,
            views=tuple(views),
            last_step_cost=self.last_step_cost if self.step_count else None,
            best_step=self.best_step,
            penalty=self.penalty(),
        )

    def penalty(self) -> float | None:
        """λ/2·Σw² + l1·Σ|w| at the current parameters (what weight decay and L1 add to
        the cost they minimise), or None when neither is set."""
        decay, l1 = self.settings.weight_decay, self.settings.l1
        if not decay and not l1:
            return None
        with torch.no_grad():
            squares = sum(float(p.square().sum()) for p in self.params)
            sizes = sum(float(p.abs().sum()) for p in self.params)
        return decay / 2 * squares + l1 * sizes

    def path(self) -> np.ndarray | None:
        """The recorded descent path (thinned), or None when not recording."""
        return self._path() if self.recording else None

    def current_cost(self) -> float:
        if self.x_train is None:
            return math.nan
        with torch.no_grad():
            return self.lesson.cost(self.params, self.x_train, self.y_train).item()

    def flat_params(self) -> np.ndarray:
        return self.lesson.flatten([p.detach() for p in self.params])

    def ledger(self, last: int | None = None) -> list[LedgerRow]:
        """The latest recorded iterations (the latest ``last`` of them; at most LEDGER_ROWS
        are kept), oldest first."""
        n = self._hist_len
        kept = min(n, LEDGER_ROWS)
        first = n - kept if last is None else max(n - kept, n - last)
        rows: list[LedgerRow] = []
        if not kept:
            return rows
        theta = self._ring_theta.numpy()
        grads = self._ring_grad.numpy()
        current = self.flat_params()
        for i in range(first, n):
            slot = i % LEDGER_ROWS
            new = theta[(i + 1) % LEDGER_ROWS] if i + 1 < n else current
            rows.append(
                LedgerRow(
                    self._hist_from + i,
                    _frozen(theta[slot].copy()),
                    float(self._ring_cost[slot]),
                    _frozen(grads[slot].copy()),
                    _frozen(np.asarray(new, dtype=np.float32).copy()),
                )
            )
        return rows

    # -- helpers --------------------------------------------------------------------------

    def _fast_steps(self, n: int, batch: int) -> np.ndarray:
        """``step`` through the lesson's hand-written SGD step (same stop rules)."""
        costs: list[float] = []
        x_train, y_train, lr = self.x_train, self.y_train, self.settings.learning_rate
        epsilon = self.settings.min_cost_change
        fast = self.lesson.fast_sgd_step
        try:
            for _ in range(n):
                if self._limit_reached():
                    self._finish_at_limit()
                    break
                if batch:
                    index = self._next_batch(batch)
                    value = fast(self.params, x_train[index], y_train[index], lr)
                else:
                    value = fast(self.params, x_train, y_train, lr)
                if not math.isfinite(value):
                    self._diverge(value)
                    break
                costs.append(value)
                self.step_count += 1
                self._samples_seen += batch or len(x_train)
                if epsilon and self._converged(value):
                    break
                self._last_cost = value
        except Exception:
            self._unreported.append(np.asarray(costs))  # counted step by step already
            raise
        if self.status == Status.READY and self._limit_reached():
            self._finish_at_limit()
        return np.asarray(costs)

    def _minibatch_runner(self):
        """The lesson's runner of many minibatch steps per call, or None; one per trainer
        (it keeps buffers), made again for a new lesson config or device."""
        if self._runner is None or self._runner[:2] != (self.lesson, self.device):
            self._runner = (self.lesson, self.device, self.lesson.fast_sgd_runner(self.device))
        return self._runner[2]

    def _runner_steps(self, n: int, batch: int) -> np.ndarray:
        """``step`` through the lesson's minibatch runner: the minibatches ``_next_batch``
        would draw and the stop rules of ``_fast_steps`` (a non-finite cost keeps the
        parameters before it, as autograd's loop does), up to RUNNER_STEPS steps a call."""
        limit = self.settings.max_steps
        left = n if not limit else max(0, min(n, limit - self.step_count))
        runner, epsilon, parts = self._runner[2], self.settings.min_cost_change, []
        try:
            while left and self.status == Status.READY:
                count = min(left, RUNNER_STEPS)
                order = self._order, self._order_position, self._batch_generator.get_state()
                plan = self._batch_plan(count, batch)
                costs = runner.run(
                    self.params,
                    self.x_train,
                    self.y_train,
                    plan,
                    self.settings.learning_rate,
                    self.settings.weight_decay,
                )
                finite = np.isfinite(costs)
                keep = count if finite.all() else int(np.argmin(finite))
                converged = False
                if epsilon:  # the ε rule compares each step's cost with the one before
                    last = np.nan if self._last_cost is None else self._last_cost
                    previous = np.concatenate([[last], costs[:-1]])
                    close = np.abs(costs[:keep] - previous[:keep]) < epsilon
                    converged = bool(close.any())
                    if converged:
                        keep = int(np.argmax(close)) + 1
                if keep < count:  # a stop rule ended the run inside this call
                    runner.truncate(keep)
                    self._order, self._order_position = order[:2]
                    self._batch_generator.set_state(order[2])
                    self._batch_plan(keep, batch)
                self.step_count += keep
                self._samples_seen += keep * batch
                parts.append(costs[:keep])
                left -= keep
                if keep:
                    self._last_cost = float(previous[keep - 1] if converged else costs[keep - 1])
                if converged:
                    self._converged(float(costs[keep - 1]))
                elif keep < count:
                    self._diverge(float(costs[keep]))
        except Exception:
            self._unreported.extend(parts)  # the calls before this one are counted
            raise
        if self.status == Status.READY and self._limit_reached():
            self._finish_at_limit()
        return parts[0] if len(parts) == 1 else np.concatenate([np.zeros(0), *parts])

    def _batch_plan(self, steps: int, batch: int) -> np.ndarray:
        """The indices of the next ``steps`` minibatches, (steps, batch): what ``steps``
        calls of ``_next_batch`` return (the same seeded shuffles), drawn in one go."""
        parts, left, order = [], steps, self._order.numpy()
        while left:
            if self._order_position + batch > len(order):
                self._order = torch.randperm(len(self.x_train), generator=self._batch_generator)
                self._order_position, order = 0, self._order.numpy()
            count = min(left, (len(order) - self._order_position) // batch)
            end = self._order_position + count * batch
            parts.append(order[self._order_position : end].reshape(count, batch))
            self._order_position, left = end, left - count
        return np.concatenate(parts) if len(parts) != 1 else parts[0]

    def _next_batch(self, batch: int) -> torch.Tensor:
        """Indices of the next minibatch: a fresh seeded shuffle every epoch."""
        if self._order_position + batch > len(self._order):
            self._order = torch.randperm(len(self.x_train), generator=self._batch_generator)
            self._order_position = 0
        index = self._order[self._order_position : self._order_position + batch]
        self._order_position += batch
        return index.to(self.device)

    def _record(self, cost: float) -> None:
        """Keep this iteration for the ledger (a ring of the latest LEDGER_ROWS) and, when it
        falls on the path's stride, for the descent path: O(1) time and no new memory."""
        n = self._hist_len
        if n == 0:
            self._hist_from = self.step_count
        if self._ring_theta is None:
            size = sum(p.numel() for p in self.params)
            self._ring_theta = torch.zeros((LEDGER_ROWS, size))
            self._ring_grad = torch.zeros((LEDGER_ROWS, size))
            self._path_theta = torch.zeros((min(256, PATH_POINTS - 1), size))
        slot = n % LEDGER_ROWS
        params = self.params
        with torch.no_grad():
            torch.cat([p.detach().reshape(-1).cpu() for p in params], out=self._ring_theta[slot])
            torch.cat([p.grad.reshape(-1).cpu() for p in params], out=self._ring_grad[slot])
        self._ring_cost[slot] = cost
        self._hist_len = n + 1
        if n % self._path_stride == 0:
            self._keep_on_path(n, self._ring_theta[slot])

    def _keep_on_path(self, n: int, theta: torch.Tensor) -> None:
        """The path keeps every ``_path_stride``-th recorded iteration; when its
        PATH_POINTS − 1 rows are full, every other row goes and the stride doubles."""
        kept = self._path_len
        if kept == PATH_POINTS - 1:
            half = self._path_theta[:kept:2].clone()
            kept = self._path_len = len(half)
            self._path_theta[:kept] = half
            self._path_stride *= 2
            if n % self._path_stride:
                return
        if kept == len(self._path_theta):
            bigger = torch.zeros((min(2 * kept, PATH_POINTS - 1), self._path_theta.shape[1]))
            bigger[:kept] = self._path_theta
            self._path_theta = bigger
        self._path_theta[kept] = theta
        self._path_len = kept + 1

    def _clear_history(self) -> None:
        """Forget the recording; its buffers are made at the first recorded iteration (a
        trainer that never records, a CNN's among them, holds none)."""
        self._ring_theta: torch.Tensor | None = None
        self._ring_grad: torch.Tensor | None = None
        self._ring_cost = np.zeros(LEDGER_ROWS)
        self._path_theta: torch.Tensor | None = None
        self._path_len = 0
        self._path_stride = 1
        self._hist_len = 0
        self._hist_from = self.step_count if hasattr(self, "step_count") else 0

    def _path(self) -> np.ndarray:
        """The path's kept iterations (all of them while there are fewer than PATH_POINTS,
        else every ``_path_stride``-th one) plus the current parameters: at most
        PATH_POINTS rows, made in O(PATH_POINTS) however long the run."""
        current = self.flat_params()[None, :]
        if self._path_theta is None:
            return _frozen(np.ascontiguousarray(current, dtype=np.float64))
        theta = self._path_theta[: self._path_len].numpy()
        path = np.vstack([theta, current])
        return _frozen(np.ascontiguousarray(path, dtype=np.float64))

    def _add_l1_gradient(self) -> None:
        """∂(l1·Σ|w|)/∂w = l1·sign(w), added as autograd adds it for ``cost + penalty``."""
        l1 = self.settings.l1
        with torch.no_grad():
            for param in self.params:
                param.grad.add_(param.sign(), alpha=l1)

    def _flat_grad(self) -> np.ndarray:
        return np.concatenate([p.grad.detach().reshape(-1).cpu().numpy() for p in self.params])

    def _cost_and_gradient(self) -> tuple[float, np.ndarray]:
        """∂cost/∂θ at the current parameters, computed on copies so training is untouched."""
        copies = [p.detach().clone().requires_grad_() for p in self.params]
        cost = self.lesson.cost(copies, self.x_train, self.y_train)
        grads = torch.autograd.grad(cost, copies)
        flat = np.concatenate([g.reshape(-1).cpu().numpy() for g in grads])
        return cost.item(), _frozen(flat)

    def _update_text(self, names, before, grad, after) -> str:
        lr = self.settings.learning_rate
        if self.settings.optimizer == "SGD":
            parts = [
                f"{n} ← {b:.4f} − {lr:g}×({g:.4f}) = {a:.4f}"
                for n, b, g, a in zip(names, before, grad, after, strict=True)
            ]
            return "θ ← θ − lr·∂cost/∂θ:  " + ";  ".join(parts)
        rule = (
            "v ← 0.9·v + ∂cost/∂θ, θ ← θ − lr·v"
            if self.settings.optimizer == "Momentum"
            else "Adam: θ ← θ − lr·m̂/(√v̂ + ε)"
        )
        parts = [f"{n}: {b:.4f} → {a:.4f}" for n, b, a in zip(names, before, after, strict=True)]
        return f"{rule}:  " + ";  ".join(parts)

    def _stop_reason(self, value: float) -> str | None:
        if self._limit_reached():
            self._finish_at_limit()
            return self.message
        if self.settings.min_cost_change and self._converged(value):
            return self.message
        return None

    def _converged(self, value: float) -> bool:
        """True (and finished) when the cost changed by less than ε since the last step."""
        last = self._last_cost
        if last is None or abs(value - last) >= self.settings.min_cost_change:
            return False
        self.status = Status.FINISHED
        self.message = T(
            "Finished: the cost changed by less than ε = {epsilon} (|Δcost| = {change} at "
            "step {step}).",
            epsilon=f"{self.settings.min_cost_change:g}",
            change=f"{abs(value - last):.3g}",
            step=f"{self.step_count:,}",
        )
        return True

    def _diverge(self, value: float) -> None:
        self.status = Status.DIVERGED
        # A rate that overflows within a few steps is the rate's fault, whatever the data.
        early = self.step_count < EARLY_DIVERGENCE_STEPS
        reason = None if early else self.lesson.explain_non_finite(self.params, self.x_train)
        if reason:
            self.message = T(
                "The cost became {value} at step {step}: {reason}",
                value=value,
                step=self.step_count,
                reason=reason,
            )
            return
        self.message = T(
            "The cost diverged (it became {value}) at step {step}: the learning rate {lr} is "
            "too large. Choose a smaller learning rate and press Reset.",
            value=value,
            step=self.step_count,
            lr=f"{self.settings.learning_rate:g}",
        )

    def _finish_at_limit(self) -> None:
        self.status = Status.FINISHED
        self.message = T(
            "Finished: reached the step limit ({steps} steps).",
            steps=f"{self.settings.max_steps:,}",
        )

    def _limit_reached(self) -> bool:
        return bool(self.settings.max_steps) and self.step_count >= self.settings.max_steps

    def _work_per_step(self) -> int:
        return self.lesson.parameter_count() * max(len(self.data), 1)

    def _make_optimizer(self) -> torch.optim.Optimizer | LeanSGD:
        settings = self.settings
        return make_optimizer(
            settings.optimizer, self.params, settings.learning_rate, settings.weight_decay
        )

    def _to_device(self, params: list[torch.Tensor]) -> list[torch.Tensor]:
        """Move freshly drawn CPU parameters to the device; fall back to the CPU if it fails."""
        try:
            moved = [p.to(self.device) for p in params]
        except (RuntimeError, AssertionError) as error:
            self.device_choice = devices.DeviceChoice(
                torch.device("cpu"),
                T(
                    "{device} failed ({error}); training on the CPU",
                    device=self.device_choice.device.type.upper(),
                    error=str(error),
                ),
                fell_back=True,
            )
            moved = list(params)
        return [p.requires_grad_() for p in moved]


def _assign(names, values) -> str:
    return ", ".join(f"{n} = {float(v):.4f}" for n, v in zip(names, values, strict=True))


def with_costs(
    snapshot: Snapshot,
    costs: np.ndarray,
    first_step: int,
    metrics: tuple[MetricPoints, ...] = (),
) -> Snapshot:
    """The snapshot carrying the per-step costs and metric points gathered since the last
    one the screen took."""
    return replace(
        snapshot,
        new_costs=_frozen(np.asarray(costs, dtype=np.float64)),
        first_new_step=first_step,
        new_metrics=metrics,
    )


def merge_metrics(batches: list[tuple[MetricPoints, ...]]) -> tuple[MetricPoints, ...]:
    """Several snapshots' metric points as one batch, series by series, in step order."""
    series: dict[str, list[MetricPoints]] = {}
    for batch in batches:
        for points in batch:
            series.setdefault(points.name, []).append(points)
    return tuple(
        MetricPoints(
            name,
            _frozen(np.concatenate([p.steps for p in parts])),
            _frozen(np.concatenate([p.values for p in parts])),
        )
        for name, parts in series.items()
    )
