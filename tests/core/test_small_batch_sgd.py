"""Small-batch SGD through the network lesson's minibatch runner (core.fast_mlp): the
numbers a class sees are autograd's (within float rounding), whatever the batch, the
weight decay, the activation or the way the training thread slices the run, and the
trainer really takes that route at small batches (speed is measured in
bench/bench_small_batch.py, not here)."""

from __future__ import annotations

import numpy as np
import pytest

from desktopdl.core import datasets
from desktopdl.core.fast_mlp import MinibatchSGD
from desktopdl.core.lessons.network import NetworkConfig, NeuralNetwork
from desktopdl.core.trainer import Status, Trainer, TrainSettings

PLAYGROUND = NetworkConfig(2, (8, 8), "tanh")


def spirals(points: int = 200, classes: int = 2):
    return datasets.generate("spirals", points, noise=0.1, seed=0, classes=classes)


def settings(batch: int, **changes) -> TrainSettings:
    values = dict(
        learning_rate=0.03, seed=4, max_steps=0, device="cpu", batch_size=batch, model=PLAYGROUND
    )
    return TrainSettings(**(values | changes))


def pair(data, train_settings: TrainSettings) -> tuple[Trainer, Trainer]:
    """The trainer as the app runs it, and the same trainer on autograd."""
    fast = Trainer(NeuralNetwork(), data, train_settings)
    slow = Trainer(NeuralNetwork(), data, train_settings)
    slow.fast_path = False
    return fast, slow


def assert_same_run(fast: Trainer, slow: Trainer, fast_costs, slow_costs, tolerance=1e-5):
    assert fast.step_count == slow.step_count
    assert fast.status == slow.status
    assert np.allclose(fast_costs, slow_costs, rtol=tolerance, atol=tolerance)
    for mine, theirs in zip(fast.snapshot().params, slow.snapshot().params, strict=True):
        assert np.allclose(mine, theirs, rtol=tolerance, atol=tolerance)


@pytest.mark.parametrize("weight_decay", [0.0, 0.01], ids=["plain", "weight decay"])
@pytest.mark.parametrize("batch", [1, 10, 64])
def test_small_batches_give_autograds_weights(batch, weight_decay):
    fast, slow = pair(spirals(), settings(batch, weight_decay=weight_decay))
    steps = 120 if batch > 1 else 400
    assert_same_run(fast, slow, fast.step(steps), slow.step(steps))


@pytest.mark.parametrize(
    ("classes", "hidden", "activation"),
    [(3, (6, 5), "relu"), (2, (5,), "sigmoid"), (4, (6, 4, 3), "linear"), (3, (), "tanh")],
)
def test_every_shape_and_activation_gives_autograds_weights(classes, hidden, activation):
    config = NetworkConfig(classes, hidden, activation)
    fast, slow = pair(spirals(150, classes), settings(7, model=config, weight_decay=0.002))
    assert_same_run(fast, slow, fast.step(90), slow.step(90))


def test_the_run_is_the_same_however_the_training_thread_slices_it():
    """The worker asks for 1, 2, 4… steps a call, then thousands: a call boundary never
    changes the minibatches or the numbers (bit for bit, the same route)."""
    whole = Trainer(NeuralNetwork(), spirals(), settings(10))
    sliced = Trainer(NeuralNetwork(), spirals(), settings(10))
    costs = whole.step(3000)  # more than one runner call (RUNNER_STEPS)
    pieces = np.concatenate([sliced.step(n) for n in (1, 2, 4, 8, 16, 19, 2950)])
    assert np.array_equal(costs, pieces)
    for a, b in zip(whole.snapshot().params, sliced.snapshot().params, strict=True):
        assert np.array_equal(a, b)


def test_switching_route_mid_run_keeps_the_minibatch_order():
    fast, slow = pair(spirals(), settings(30))
    first = fast.step(25)  # the runner
    fast.fast_path = False
    second = fast.step(25)  # autograd, drawing the next minibatches
    assert_same_run(fast, slow, np.concatenate([first, second]), slow.step(50))


def test_the_step_limit_and_epsilon_stop_where_autograds_loop_stops():
    fast, slow = pair(spirals(), settings(10, max_steps=37))
    assert_same_run(fast, slow, fast.step(500), slow.step(500))
    assert fast.status == Status.FINISHED and fast.step_count == 37

    fast, slow = pair(spirals(), settings(20, min_cost_change=0.002))
    fast_costs, slow_costs = fast.step(5000), slow.step(5000)
    assert fast.status == Status.FINISHED and 1 < fast.step_count < 5000
    assert_same_run(fast, slow, fast_costs, slow_costs)
    assert fast.message == slow.message


def test_a_diverging_run_keeps_the_last_good_weights():
    config = NetworkConfig(3, (8, 8), "relu")
    fast, slow = pair(spirals(100, 3), settings(5, learning_rate=1e5, model=config))
    fast_costs, slow_costs = fast.step(400), slow.step(400)
    assert fast.status == slow.status == Status.DIVERGED
    assert fast.step_count == slow.step_count
    assert np.all(np.isfinite(fast_costs))
    assert all(np.all(np.isfinite(p)) for p in fast.snapshot().params)
    assert fast.message == slow.message
    assert np.allclose(fast_costs, slow_costs, rtol=1e-4)


def test_the_trainer_takes_the_runner_at_small_batches(monkeypatch):
    """Structural: at batch 1–64 plain SGD goes through MinibatchSGD.run, not autograd
    and not the one-step path; Momentum, the ledger's recording, L1 and the full batch
    do not."""
    calls = {"runner": 0, "autograd": 0, "step": 0}
    run = MinibatchSGD.run

    def counting_run(self, *args, **kwargs):
        calls["runner"] += 1
        return run(self, *args, **kwargs)

    monkeypatch.setattr(MinibatchSGD, "run", counting_run)

    def trained(train_settings: TrainSettings, recording: bool = False) -> dict[str, int]:
        trainer = Trainer(NeuralNetwork(), spirals(), train_settings)
        lesson = trainer.lesson
        cost, step = lesson.cost, lesson.fast_sgd_step

        def counting_cost(*args):
            calls["autograd"] += 1
            return cost(*args)

        def counting_step(*args):
            calls["step"] += 1
            return step(*args)

        lesson.cost, lesson.fast_sgd_step = counting_cost, counting_step
        trainer.set_recording(recording)
        for key in calls:
            calls[key] = 0
        trainer.step(20)
        assert trainer.step_count == 20
        return {key: bool(value) for key, value in calls.items()}

    runner = {"runner": True, "autograd": False, "step": False}
    for batch in (1, 10, 64):
        assert trained(settings(batch)) == runner
        assert trained(settings(batch, weight_decay=0.01)) == runner
    autograd = {"runner": False, "autograd": True, "step": False}
    assert trained(settings(10, optimizer="Momentum")) == autograd
    assert trained(settings(10, l1=0.001)) == autograd
    assert trained(settings(10), recording=True) == autograd
    assert trained(settings(0)) == {"runner": False, "autograd": False, "step": True}
