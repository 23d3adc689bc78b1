"""The overfitting lab's speed figures, in one run on this machine.

- Validation cost: the bare trainer's step rate on the overfitting preset with the validation
  share evaluated every k steps, against the same training points with nothing to evaluate
  (the issue: evaluation must not halve the rate).
- Cross-validation: 5 folds of 500 points with a 2-16-16-1 network, 500 steps each (the
  issue's case: "a few seconds on these 2-core machines"), and the same with 2-32-32-1.
- Learning curve: 4 shares of the same 500 points.

Medians of ``REPS`` runs; run as ``python -m bench.bench_overfitting`` with nothing else busy.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import replace

import torch

from desktopdl.core import datasets, lesson_file
from desktopdl.core.lessons.overfitting import Overfitting, cross_validate, learning_curve
from desktopdl.core.trainer import Trainer
from desktopdl.resources import resource

REPS = 3
WINDOW_STEPS = 3000


def rate(trainer: Trainer, steps: int = WINDOW_STEPS) -> float:
    start = time.perf_counter()
    done = 0
    while done < steps:
        done += len(trainer.step(min(500, steps - done)))
    return done / (time.perf_counter() - start)


def main() -> None:
    torch.set_num_threads(1)  # as the app's training thread
    preset = lesson_file.read(resource("presets") / "overfitting_noisy_circles.json")
    settings = replace(preset.settings, max_steps=0, device="cpu")
    lesson = Overfitting(settings.model)
    print("| measurement | median | runs |")
    print("|---|---|---|")
    for every in (1, 10, 50):
        validated, plain = [], []
        for _ in range(REPS):
            with_validation = Trainer(
                lesson, preset.data, replace(settings, validation_every=every)
            )
            train_only = with_validation.train_data
            validated.append(rate(with_validation))
            plain.append(rate(Trainer(lesson, train_only, replace(settings, validation_share=0.0))))
        ratio = statistics.median(v / p for v, p in zip(validated, plain, strict=True))
        print(
            f"| preset, validation every {every} steps: rate vs no validation "
            f"({statistics.median(validated):,.0f} vs {statistics.median(plain):,.0f} steps/s) "
            f"| {ratio:.0%} | {REPS} |"
        )
    points = datasets.generate("circles", 500, 0.3, seed=0)
    for hidden in ((16, 16), (32, 32)):
        config = replace(settings.model, hidden=hidden)
        case = replace(settings, model=config, max_steps=500)
        net = Overfitting(config)
        seconds = []
        for _ in range(REPS):
            start = time.perf_counter()
            cross_validate(net, points, case, 5)
            seconds.append(time.perf_counter() - start)
        sizes = "-".join(str(n) for n in net.layer_sizes)
        print(
            f"| 5-fold cross-validation, 500 points, {sizes}, {case.optimizer}, 500 steps per "
            f"fold | {statistics.median(seconds):.2f} s | {REPS} |"
        )
    config = replace(settings.model, hidden=(16, 16))
    seconds = []
    for _ in range(REPS):
        start = time.perf_counter()
        learning_curve(Overfitting(config), points, replace(settings, model=config, max_steps=500))
        seconds.append(time.perf_counter() - start)
    print(
        "| learning curve (10/25/50/100 % of 350 training points), 2-16-16-1, 500 steps each "
        f"| {statistics.median(seconds):.2f} s | {REPS} |"
    )


if __name__ == "__main__":
    main()
