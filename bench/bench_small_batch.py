"""Small-batch SGD on TensorFlow Playground's own problem, side by side (issue 15, item 6).

2-8-8-1 tanh, 500-point two spirals, SGD lr 0.03, one torch thread, batch 1, 10, 30, 64:
epochs/s of

- *plain*: the usual torch loop (``nn.Sequential``, ``optim.SGD``,
  ``F.binary_cross_entropy_with_logits``, minibatches reshuffled with ``torch.randperm``);
- *autograd*: the bare core Trainer with ``fast_path = False`` (the lecture's loop body);
- *one-step*: the bare Trainer through the network lesson's hand-written torch step
  (``fast_sgd_step``), the default before the minibatch runner;
- *runner*: the bare Trainer as the app runs it now, through the lesson's minibatch runner
  (``fast_sgd_runner``: core.fast_mlp, numpy, many steps per call);

measured in the same run, interleaved (every repeat runs each route in turn), medians of the
repeats, ratios the medians of per-repeat ratios. The machine is shared: the load average is
printed, and rates are given per wall second and per second of the thread's CPU time. An
epoch is ``batch × steps / 500`` points, as the trainer counts it (the trainer drops the
last, partial minibatch of each shuffle, and so do the other loops here).

TensorFlow Playground's own JavaScript trainer was measured externally on these machines at
about 1,550–1,600 epochs/s at batch 10 on the same network and data size; it is written
beside the table as a reference, not measured here.

Run: ``.venv/bin/python bench/bench_small_batch.py`` (~40 s).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
import timeit
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F  # noqa: N812 - torch's own convention

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktopdl.core import datasets  # noqa: E402
from desktopdl.core.lessons.network import NetworkConfig, NeuralNetwork  # noqa: E402
from desktopdl.core.trainer import Status, Trainer, TrainSettings  # noqa: E402

POINTS = 500
BATCHES = (1, 10, 30, 64)
LEARNING_RATE = 0.03
CONFIG = NetworkConfig(classes=2, hidden=(8, 8), activation="tanh")
#: TensorFlow Playground's trainer on these machines, batch 10 (measured externally).
PLAYGROUND_BATCH = 10
PLAYGROUND_EPOCHS_PER_S = (1550, 1600)
ROUTES = ("plain", "autograd", "one-step", "runner")


class OneStepNetwork(NeuralNetwork):
    """The network lesson without its minibatch runner: the trainer falls back to the
    hand-written one-step torch path (what it did before the runner)."""

    def fast_sgd_runner(self, device: torch.device) -> None:
        return None


def spirals():
    return datasets.generate("spirals", POINTS, noise=0.1, seed=0)


def settings(batch: int) -> TrainSettings:
    return TrainSettings(
        learning_rate=LEARNING_RATE,
        seed=0,
        max_steps=0,
        device="cpu",
        optimizer="SGD",
        batch_size=batch,
        model=CONFIG,
    )


def plain_loop(batch: int) -> Callable[[int], None]:
    """The usual torch loop on the same model, minibatches reshuffled every pass."""
    points = spirals()
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
    optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)
    order, position = torch.randperm(POINTS), 0

    def run(steps: int) -> None:
        nonlocal order, position
        for _ in range(steps):
            if position + batch > POINTS:
                order, position = torch.randperm(POINTS), 0
            index = order[position : position + batch]
            position += batch
            cost = F.binary_cross_entropy_with_logits(model(x_train[index]), y_train[index])
            optimizer.zero_grad()
            cost.backward()
            optimizer.step()

    return run


def trainer_loop(route: str, batch: int) -> Callable[[int], None]:
    lesson = OneStepNetwork() if route == "one-step" else NeuralNetwork()
    trainer = Trainer(lesson, spirals(), settings(batch))
    trainer.fast_path = route != "autograd"

    def run(steps: int) -> None:
        trainer.step(steps)
        if trainer.status != Status.READY:
            raise RuntimeError(f"the {route} trainer stopped: {trainer.message}")

    return run


def make(route: str, batch: int) -> Callable[[int], None]:
    return plain_loop(batch) if route == "plain" else trainer_loop(route, batch)


@dataclass(frozen=True)
class Rate:
    wall: float
    cpu: float


def timed(run: Callable[[int], None], batch: int, seconds: float) -> Rate:
    """Epochs/s over about ``seconds``, an epoch of steps per call (as the app's training
    thread ends up calling once its slices have grown)."""
    steps = POINTS // batch
    epoch = steps * batch / POINTS
    run(steps)  # warm-up: buffers, caches
    epochs = 0.0
    wall, cpu = time.perf_counter(), time.thread_time()
    while time.perf_counter() - wall < seconds:
        run(steps)
        epochs += epoch
    return Rate(epochs / (time.perf_counter() - wall), epochs / (time.thread_time() - cpu))


def numpy_floor() -> dict[str, float]:
    """Per-call cost of the operations a runner step is made of, on this machine (µs):
    what a step cannot go below in numpy (8 products and 13 ufuncs at 2-8-8-1)."""
    setup = (
        "import numpy as np; f = np.float32; a = np.ones((8, 10), f); w = np.ones((8, 9), f);"
        "b = np.ones((9, 10), f); o = np.empty((8, 10), f);"
        "dot = getattr(np.dot, '_implementation', np.dot); mul = np.multiply;"
        "import torch; ta = torch.ones(10, 8); tw = torch.ones(8, 8); to = torch.empty(10, 8)"
    )
    statements = {
        "numpy product": "dot(w, b, o)",
        "numpy ufunc": "mul(a, a, o)",
        "torch product": "torch.mm(ta, tw, out=to)",
        "torch in-place tanh": "ta.tanh_()",
    }
    floor = {}
    for name, statement in statements.items():
        timer = timeit.Timer(statement, setup)
        number, _ = timer.autorange()
        floor[name] = min(timer.repeat(5, number)) / number * 1e6
    floor["numpy step floor"] = 8 * floor["numpy product"] + 13 * floor["numpy ufunc"]
    return floor


def measure(repeats: int = 5, seconds: float = 0.4, batches=BATCHES) -> dict:
    """epochs/s per route and batch (medians of interleaved repeats) and the ratios."""
    torch.set_num_threads(1)
    load_before = os.getloadavg()
    rates: dict[int, dict[str, list[Rate]]] = {b: {r: [] for r in ROUTES} for b in batches}
    for batch in batches:
        runs = {route: make(route, batch) for route in ROUTES}
        for _ in range(repeats):
            for route in ROUTES:
                rates[batch][route].append(timed(runs[route], batch, seconds))
    rows = []
    for batch in batches:
        per = rates[batch]
        row = {"batch": batch, "steps per epoch": POINTS // batch}
        for route in ROUTES:
            row[route] = statistics.median(r.wall for r in per[route])
            row[f"{route} cpu"] = statistics.median(r.cpu for r in per[route])
        for other in ("plain", "autograd", "one-step"):
            row[f"runner/{other}"] = statistics.median(
                mine.wall / theirs.wall
                for mine, theirs in zip(per["runner"], per[other], strict=True)
            )
        row["runner/Playground"] = row["runner"] / PLAYGROUND_EPOCHS_PER_S[1]
        rows.append(row)
    return {
        "rows": rows,
        "load before": load_before,
        "load after": os.getloadavg(),
        "floor": numpy_floor(),
        "repeats": repeats,
    }


def main() -> None:
    result = measure()
    low, high = PLAYGROUND_EPOCHS_PER_S
    print(
        "## Small-batch SGD: 2-8-8-1 tanh, 500-point two spirals, lr 0.03, one thread\n\n"
        f"Epochs/s, median of {result['repeats']} interleaved repeats (per wall second; per "
        "CPU second of the thread in brackets). Load average before "
        + ", ".join(f"{v:.2f}" for v in result["load before"])
        + "; after "
        + ", ".join(f"{v:.2f}" for v in result["load after"])
        + f" (2 cores). External reference: TensorFlow Playground's own trainer, "
        f"{low:,}–{high:,} epochs/s at batch {PLAYGROUND_BATCH} on these machines.\n"
    )
    print(
        "| batch | steps/epoch | plain | autograd | one-step | runner | runner/plain "
        "| runner/autograd | runner/one-step | runner/Playground |"
    )
    print("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for row in result["rows"]:
        cells = [f"{row[r]:,.0f} ({row[f'{r} cpu']:,.0f})" for r in ROUTES]
        playground = f"{row['runner/Playground']:.2f}×" if row["batch"] == PLAYGROUND_BATCH else "–"
        print(
            f"| {row['batch']} | {row['steps per epoch']} | "
            + " | ".join(cells)
            + f" | {row['runner/plain']:.2f}× | {row['runner/autograd']:.2f}× "
            f"| {row['runner/one-step']:.2f}× | {playground} |"
        )
    floor = result["floor"]
    print(
        "\nPer-call cost of one operation here, now (µs, best of 5): "
        + "; ".join(f"{name} {value:.2f}" for name, value in floor.items())
        + ". A 2-8-8-1 step is 8 products and 13 ufuncs in numpy (the 'numpy step floor', "
        "before the Python loop around them); Playground's 1,600 epochs/s at batch 10 is "
        "80,000 steps/s, 12.5 µs a step."
    )


if __name__ == "__main__":
    main()
