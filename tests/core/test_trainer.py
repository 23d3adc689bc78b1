import math

import numpy as np
import pytest
import torch

from desktopdl.core.data import PointSet
from desktopdl.core.lessons import Rect, lesson
from desktopdl.core.trainer import Status, Trainer, TrainSettings
from desktopdl.core.views import SurfaceView
from tests.lecture import LECTURE_X, LECTURE_Y


def lecture_trainer(**settings) -> Trainer:
    return Trainer(lesson("binary"), PointSet(LECTURE_X, LECTURE_Y), TrainSettings(**settings))


def regression(points) -> PointSet:
    xy = np.asarray(points, dtype=float)
    return PointSet(xy, np.zeros(len(xy), dtype=int))


def test_training_lowers_the_cost():
    trainer = lecture_trainer(max_steps=0)
    before = trainer.snapshot().cost
    costs = trainer.step(300)
    assert len(costs) == 300
    assert trainer.snapshot().cost < before
    assert costs[-1] < costs[0]


def test_snapshot_cost_is_the_next_iterations_cost():
    trainer = lecture_trainer(max_steps=0)
    trainer.step(5)
    shown = trainer.snapshot().cost
    assert trainer.step(1)[0] == shown


def test_snapshot_is_an_immutable_copy():
    trainer = lecture_trainer(max_steps=0)
    snap = trainer.snapshot()
    w_before = snap.params[0].copy()
    trainer.step(50)
    assert np.array_equal(snap.params[0], w_before)
    with pytest.raises(ValueError):
        snap.params[0][0, 0] = 1.0


def test_step_limit_stops_and_says_why():
    trainer = lecture_trainer(max_steps=25)
    assert len(trainer.step(100)) == 25
    assert trainer.status == Status.FINISHED
    assert "25 steps" in trainer.message
    assert len(trainer.step(10)) == 0
    trainer.set_settings(TrainSettings(max_steps=30))
    assert len(trainer.step(10)) == 5


def test_divergence_stops_at_first_non_finite_cost_and_reset_recovers():
    data = regression([[0, 0], [100, 300], [200, 590]])
    trainer = Trainer(lesson("linear"), data, TrainSettings(learning_rate=1.0, max_steps=0))
    costs = trainer.step(1000)
    assert trainer.status == Status.DIVERGED
    assert len(costs) < 1000 and np.all(np.isfinite(costs))
    assert "smaller learning rate" in trainer.message
    assert len(trainer.step(10)) == 0
    trainer.set_settings(TrainSettings(learning_rate=1e-5, max_steps=0))
    trainer.reset()
    assert trainer.status == Status.READY
    costs = trainer.step(200)
    assert len(costs) == 200 and costs[-1] < costs[0]


@pytest.mark.parametrize(
    ("key", "points", "labels", "phrase"),
    [
        ("linear", [], [], "no points"),
        ("linear", [[1, 2]], [0], "One point"),
        ("linear", [[1, 2], [1, 5]], [0, 0], "same x"),
        ("binary", [], [], "no points"),
        ("binary", [[1, 2], [2, 2]], [0, 0], "class 1"),
        ("binary", [[1, 2], [2, 2]], [1, 1], "class 0"),
    ],
)
def test_unusable_data_is_explained_and_not_trained(key, points, labels, phrase):
    data = PointSet(np.array(points, dtype=float).reshape(-1, 2), labels)
    trainer = Trainer(lesson(key), data, TrainSettings())
    assert trainer.status == Status.INVALID_DATA
    assert phrase in trainer.message
    assert len(trainer.step(10)) == 0
    assert math.isnan(trainer.snapshot().cost)


def test_new_data_keeps_the_parameters_and_training_continues():
    trainer = lecture_trainer(max_steps=0)
    trainer.step(100)
    params = [p.copy() for p in trainer.snapshot().params]
    trainer.set_data(PointSet(LECTURE_X + [[0.5, 4]], LECTURE_Y + [0]))
    for a, b in zip(params, trainer.snapshot().params, strict=True):
        assert np.array_equal(a, b)
    assert len(trainer.step(10)) == 10
    trainer.set_data(PointSet(LECTURE_X[:3], LECTURE_Y[:3]))  # one class left
    assert trainer.status == Status.INVALID_DATA and len(trainer.step(1)) == 0
    trainer.set_data(PointSet(LECTURE_X, LECTURE_Y))
    assert trainer.status == Status.READY and len(trainer.step(1)) == 1


def test_learning_rate_change_applies_to_the_next_step():
    a, b = lecture_trainer(max_steps=0), lecture_trainer(max_steps=0)
    a.set_settings(TrainSettings(learning_rate=0.5, max_steps=0))
    a.step(1)
    b.step(1)
    assert not np.array_equal(a.snapshot().params[0], b.snapshot().params[0])


def test_surface_is_the_model_probability_on_a_row_major_grid():
    trainer = lecture_trainer(max_steps=0)
    trainer.step(500)
    rect = Rect(0, 7, 0, 5)
    snap = trainer.snapshot(rect, wanted=(SurfaceView,), resolution=70)
    surface = snap.view(SurfaceView)
    assert surface.image.shape == (70, 70)
    assert surface.rect == rect
    # the cell in row i, column j is centred at (x_j, y_i)
    i, j = 10, 60
    x, y = 0 + (j + 0.5) * 7 / 70, 0 + (i + 0.5) * 5 / 70
    expected = trainer.lesson.predict(list(snap.params), np.array([[x, y]]))[0]
    assert surface.image[i, j] == pytest.approx(expected, abs=1e-6)


def test_missing_cuda_falls_back_to_cpu_with_a_message(monkeypatch):
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    trainer = lecture_trainer(device="cuda")
    assert trainer.device.type == "cpu"
    assert trainer.device_choice.fell_back
    assert "CUDA is not available" in trainer.snapshot().device_reason
    assert len(trainer.step(5)) == 5


def test_auto_device_picks_cpu_for_the_lecture_model():
    trainer = lecture_trainer(device="auto")
    assert trainer.device.type == "cpu"
    assert "Auto" in trainer.device_choice.reason


@pytest.mark.parametrize("key", ["linear", "binary", "softmax", "network"])
def test_trainers_sgd_step_is_torchs_sgd_bit_for_bit(key):
    """The trainer updates SGD parameters itself (for speed); the numbers must stay torch's."""
    rng = np.random.default_rng(3)
    data = PointSet(rng.normal(size=(40, 2)), rng.integers(0, 2, 40))
    trainer = Trainer(lesson(key), data, TrainSettings(learning_rate=0.2, seed=5, max_steps=0))
    trainer.fast_path = False
    params = [p.detach().clone().requires_grad_() for p in trainer.params]
    optimizer = torch.optim.SGD(params, lr=0.2)
    x, y = trainer.x_train, trainer.y_train
    expected = []
    for _ in range(300):
        cost = trainer.lesson.cost(params, x, y)
        expected.append(cost.item())
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
    assert trainer.step(300).tolist() == expected
    for mine, torchs in zip(trainer.params, params, strict=True):
        assert torch.equal(mine.detach(), torchs.detach())


def fail_on_call(monkeypatch, owner, name: str, call: int) -> None:
    """Make ``owner.name`` raise on its ``call``-th call, as a bug in a lesson would."""
    original, calls = getattr(owner, name), [0]

    def failing(*args, **kwargs):
        calls[0] += 1
        if calls[0] == call:
            raise RuntimeError("a bug in a lesson")
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, failing)


def network_trainer(batch: int) -> Trainer:
    from desktopdl.core import datasets
    from desktopdl.core.lessons.network import NetworkConfig

    points = datasets.generate("spirals", 200, noise=0.1, seed=0)
    config = NetworkConfig(2, (8, 8), "tanh")
    return Trainer(
        lesson("network"),
        points,
        TrainSettings(learning_rate=0.03, seed=4, max_steps=0, batch_size=batch, model=config),
    )


@pytest.mark.parametrize(
    ("route", "make", "fault"),
    [
        ("autograd", lambda: lecture_trainer(max_steps=0), ("lesson", "cost", 40)),
        (
            "autograd with validation",
            lambda: lecture_trainer(max_steps=0, validation_share=0.3, validation_every=10),
            ("lesson", "cost", 40),
        ),
        ("hand-written step", lambda: network_trainer(0), ("lesson", "fast_sgd_step", 40)),
        ("minibatch runner", lambda: network_trainer(10), ("trainer", "_batch_plan", 2)),
    ],
)
def test_steps_finished_before_an_error_are_counted_once_with_their_costs(
    route, make, fault, monkeypatch
):
    """A lesson that raises in the middle of a call to step: the steps it finished are in
    the parameters, so the count shown and the curve must hold them, no more, no fewer."""
    broken, clean = make(), make()
    owner, name, call = fault
    fail_on_call(monkeypatch, broken.lesson if owner == "lesson" else broken, name, call)
    with pytest.raises(RuntimeError, match="a bug in a lesson"):
        broken.step(5000)
    done = broken.take_unreported_costs()
    assert 0 < broken.step_count == len(done) < 5000
    assert np.array_equal(done, clean.step(broken.step_count))
    for mine, theirs in zip(broken.snapshot().params, clean.snapshot().params, strict=True):
        assert np.array_equal(mine, theirs)
    assert len(broken.take_unreported_costs()) == 0  # handed over once
