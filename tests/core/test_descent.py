"""The gradient-descent lab's core: phases, ledger, rewind, stop rules, optimizers, landscapes."""

import re
from dataclasses import replace

import numpy as np
import pytest
import torch

from desktopdl.core.data import PointSet
from desktopdl.core.lab import Lab, LabView, landscape_resolution
from desktopdl.core.landscape import cost_landscape, cost_slice, default_view
from desktopdl.core.lessons import Rect, lesson
from desktopdl.core.lessons.binary import MSE_LABEL, BinaryClassificationMSE
from desktopdl.core.trainer import Status, Trainer, TrainSettings
from desktopdl.core.views import DescentView, LandscapeView, ShadowRuns, SliceView
from tests.lecture import LECTURE_X, LECTURE_Y, lecture_loop

LECTURE = PointSet(LECTURE_X, LECTURE_Y)
#: Centred x, so the (W, b) bowl's axes are the grid's axes; all values exact in float32.
LINE = PointSet(np.column_stack([[-2, -1, 0, 1, 2], [-3.5, -1, 0.5, 2.75, 5]]), np.zeros(5))
BINARY = lesson("binary")
SHIFTED = PointSet(LINE.xy + [3, 0], np.zeros(5))
CYCLE = ["predict", "cost", "gradient", "update", "stop"]


def lecture_trainer(**settings) -> Trainer:
    return Trainer(lesson("binary"), PointSet(LECTURE_X, LECTURE_Y), TrainSettings(**settings))


def autograd_at(flat) -> tuple[float, np.ndarray]:
    """The binary lesson's cost and ∂cost/∂θ at ``flat``, by torch.autograd.grad."""
    params = [p.clone().requires_grad_() for p in BINARY.unflatten(flat)]
    cost = BINARY.cost(params, *BINARY.tensors(LECTURE))
    grads = torch.autograd.grad(cost, params)
    return cost.item(), np.concatenate([g.reshape(-1).numpy() for g in grads])


def lecture_cost64(flat) -> float:
    """The lecture's cost formula (lesson.cost) at ``flat`` in float64: in float32,
    log(1 − σ(z)) loses digits once |z| ≳ 10, which the landscape's softplus form does not."""
    x, y = BINARY.tensors(LECTURE)
    return BINARY.cost([p.double() for p in BINARY.unflatten(flat)], x.double(), y.double()).item()


def numbers(text: str) -> list[float]:
    return [float(v) for v in re.findall(r"-?\d+\.\d+", text)]


def same_params(a: Trainer, b: Trainer) -> bool:
    return np.array_equal(a.flat_params(), b.flat_params())


def least_squares(data: PointSet) -> tuple[float, float]:
    """(W, b) of the least-squares line: what the linear lesson anchors its landscape on."""
    (anchor,) = lesson("linear").landscape_anchors(data)
    w, b = np.polyfit(data.xy[:, 0], data.xy[:, 1], 1)
    assert np.array_equal(anchor, [w, b])
    return float(w), float(b)


def view_of(views: list, kind: type):
    """The one view of this type among a lab's views, or None."""
    found = [v for v in views if type(v) is kind]
    assert len(found) <= 1
    return found[0] if found else None


def shadow_runs(views: list) -> dict:
    """The lab's shadow runs by label."""
    return {run.label: run for run in view_of(views, ShadowRuns).runs}


def test_phases_follow_the_lecture_and_show_its_numbers():
    trainer = lecture_trainer(max_steps=0)
    report, _ = trainer.advance_phase()
    assert report.phase == "init" and "torch.manual_seed(0)" in report.text
    assert numbers(report.text) == pytest.approx(trainer.start, abs=5e-5)
    lr = np.float32(trainer.settings.learning_rate)
    for cycle in range(3):
        before = trainer.flat_params()
        cost, grad = autograd_at(before)
        phases = []
        for _ in CYCLE:
            report, done = trainer.advance_phase()
            phases.append(report.phase)
            if report.phase == "predict":
                x, _y = trainer.lesson.tensors(LECTURE)
                h = trainer.lesson.predict(trainer.lesson.unflatten(before), x.numpy())
                assert numbers(report.text) == pytest.approx(h, abs=5e-5)
                assert "6 training points" in report.text
            elif report.phase == "cost":
                assert numbers(report.text)[0] == pytest.approx(cost, abs=5e-7)
                assert np.array_equal(trainer.flat_params(), before)  # nothing moved yet
            elif report.phase == "gradient":
                assert numbers(report.text) == pytest.approx(grad, abs=5e-5)
                held = np.concatenate([p.grad.reshape(-1).numpy() for p in trainer.params])
                assert np.array_equal(held, grad)  # what cost.backward() left in .grad
            elif report.phase == "update":
                assert list(done) == [cost] and trainer.step_count == cycle + 1
                np.testing.assert_allclose(
                    trainer.flat_params(), before - lr * grad, rtol=0, atol=1e-7
                )
            else:
                assert report.text.endswith("continue") and len(done) == 0
        assert phases == CYCLE


@pytest.mark.parametrize("optimizer", ["SGD", "Momentum", "Adam"])
def test_phase_cycles_are_the_same_arithmetic_as_step(optimizer):
    phased = lecture_trainer(max_steps=0, optimizer=optimizer, seed=4)
    stepped = lecture_trainer(max_steps=0, optimizer=optimizer, seed=4)
    phased.set_recording(True)
    stepped.set_recording(True)
    phased.advance_phase()  # init
    for _ in range(7 * len(CYCLE)):
        phased.advance_phase()
    stepped.step(7)
    assert phased.step_count == 7 and same_params(phased, stepped)
    for a, b in zip(phased.ledger(), stepped.ledger(), strict=True):
        assert a.iteration == b.iteration and a.cost == b.cost
        assert np.array_equal(a.gradient, b.gradient) and np.array_equal(a.params, b.params)


def test_phase_mode_stops_at_the_step_limit():
    trainer = lecture_trainer(max_steps=2)
    seen = [trainer.advance_phase()[0] for _ in range(1 + 2 * len(CYCLE) + 1)]
    assert [r.phase for r in seen] == ["init"] + CYCLE * 2 + ["done"]
    assert "continue" in seen[5].text
    assert "step limit (2 steps)" in seen[10].text and seen[10].text.endswith("→ stop")
    assert trainer.status == Status.FINISHED and trainer.step_count == 2


def test_phase_mode_does_not_update_past_a_lowered_step_limit():
    trainer = lecture_trainer(max_steps=0)
    trainer.step(10)
    trainer.set_settings(TrainSettings(max_steps=5))
    assert not trainer.can_train and trainer.status == Status.READY
    for _ in range(len(CYCLE)):
        trainer.advance_phase()
    assert trainer.step_count == 10  # step(1) would refuse; Phase should as well


def test_snapshot_gradient_is_autograds_and_leaves_training_alone():
    a, b = lecture_trainer(max_steps=0), lecture_trainer(max_steps=0)
    a.set_recording(True)  # the gradient comes with the descent view, as the slice page asks
    b.set_recording(True)
    a.step(5)
    b.step(5)
    snap = a.snapshot(with_gradient=True)
    cost, grad = autograd_at(a.flat_params())
    assert snap.cost == cost and np.array_equal(snap.view(DescentView).gradient, grad)
    a.step(5)
    b.step(5)
    assert same_params(a, b)


def test_ledger_rows_are_the_runs_arithmetic():
    trainer = lecture_trainer(max_steps=0, learning_rate=0.05)
    trainer.step(10)
    at_ten = trainer.flat_params()
    replayed = trainer.set_recording(True)  # mid-run: the run is replayed from its start
    assert len(replayed) == 10 and np.array_equal(trainer.flat_params(), at_ten)  # same numbers
    trainer.step(30)
    rows = trainer.ledger()
    assert [r.iteration for r in rows] == list(range(40))
    descent = trainer.snapshot().view(DescentView)
    assert descent.recorded_from == 0 and np.array_equal(rows[10].params, at_ten)
    for row, after in zip(rows, rows[1:], strict=False):
        assert np.array_equal(row.new_params, after.params)
    assert np.array_equal(rows[-1].new_params, trainer.flat_params())
    for row in rows:
        np.testing.assert_allclose(row.new_params, row.params - 0.05 * row.gradient, atol=1e-6)
        cost, grad = autograd_at(row.params)
        assert row.cost == cost and np.array_equal(row.gradient, grad)
    path = trainer.snapshot().view(DescentView).path
    assert path.shape == (41, 3) and np.array_equal(path[10], at_ten)
    assert np.array_equal(path[-1], trainer.flat_params())
    latest = trainer.ledger(last=5)
    assert [r.iteration for r in latest] == [35, 36, 37, 38, 39]
    assert np.array_equal(latest[0].params, rows[35].params)


@pytest.mark.parametrize("optimizer", ["SGD", "Momentum", "Adam"])
def test_rewind_replays_to_the_same_numbers(optimizer):
    trainer = lecture_trainer(max_steps=0, optimizer=optimizer, seed=2)
    trainer.set_recording(True)
    original = trainer.step(50)
    at_fifty = trainer.flat_params()
    path = trainer.snapshot().view(DescentView).path
    assert np.array_equal(path[0], trainer.start) and len(path) == 51
    replayed = trainer.rewind(20)
    assert trainer.step_count == 20 and np.array_equal(replayed, original[:20])
    fresh = lecture_trainer(max_steps=0, optimizer=optimizer, seed=2)
    fresh.step(20)
    assert same_params(trainer, fresh)
    assert [r.iteration for r in trainer.ledger()] == list(range(20))
    # the optimizer's state (momentum buffer, Adam's moments) came back too
    assert np.array_equal(trainer.step(30), original[20:])
    assert np.array_equal(trainer.flat_params(), at_fifty)


@pytest.mark.parametrize("epsilon", [1e-3, 1e-4])
def test_min_cost_change_stops_when_the_cost_settles(epsilon):
    trainer = lecture_trainer(max_steps=0, min_cost_change=epsilon)
    costs = trainer.step(100_000)
    changes = np.abs(np.diff(costs))
    assert 2 < len(costs) < 100_000
    assert changes[-1] < epsilon and np.all(changes[:-1] >= epsilon)
    assert trainer.status == Status.FINISHED and trainer.step_count == len(costs)
    assert f"ε = {epsilon:g}" in trainer.message and f"step {len(costs):,}" in trainer.message
    assert "step limit" not in trainer.message
    assert len(trainer.step(1)) == 0


def test_larger_epsilon_stops_sooner_and_zero_never_stops():
    runs = {
        eps: len(lecture_trainer(max_steps=0, min_cost_change=eps).step(100_000))
        for eps in (1e-3, 1e-4)
    }
    assert runs[1e-3] < runs[1e-4]
    never = lecture_trainer(max_steps=3000, min_cost_change=0.0)
    assert len(never.step(10_000)) == 3000
    assert "step limit (3,000 steps)" in never.message and "ε" not in never.message


def test_phase_mode_stops_on_epsilon_at_the_same_step():
    stepped = lecture_trainer(max_steps=0, min_cost_change=1e-3)
    stepped.step(100_000)
    phased = lecture_trainer(max_steps=0, min_cost_change=1e-3)
    reports = [phased.advance_phase()[0]]
    while reports[-1].phase != "done":
        reports.append(phased.advance_phase()[0])
    last, report = reports[-2:]
    assert last.phase == "stop" and "ε = 0.001" in last.text and last.text.endswith("→ stop")
    assert phased.step_count == stepped.step_count and same_params(phased, stepped)
    assert report.text == stepped.message


@pytest.mark.parametrize(
    ("optimizer", "make"),
    [
        ("SGD", lambda p: torch.optim.SGD(p, lr=0.01)),
        ("Momentum", lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9)),
        ("Adam", lambda p: torch.optim.Adam(p, lr=0.01)),
    ],
)
def test_each_optimizer_is_the_lecture_loop_with_torchs_optimizer(optimizer, make):
    w, b, _H, train = lecture_loop(7, make)
    trainer = lecture_trainer(max_steps=0, seed=7, optimizer=optimizer)
    for steps in (1, 9):
        train(steps)
        trainer.step(steps)
        assert np.array_equal(trainer.snapshot().params[0], w.detach().numpy())
        assert np.array_equal(trainer.snapshot().params[1], b.detach().numpy())


def test_set_start_until_the_seed_changes():
    trainer = lecture_trainer(max_steps=0, seed=0)
    picked = np.array([-3.0, 2.5, 1.0], dtype=np.float32)
    trainer.step(5)
    trainer.set_start(picked)
    assert trainer.step_count == 0 and np.array_equal(trainer.flat_params(), picked)
    assert np.array_equal(trainer.start, picked)
    assert "picked on the landscape" in trainer.advance_phase()[0].text
    trainer.step(5)
    trainer.reset()
    assert np.array_equal(trainer.flat_params(), picked)
    trainer.step(8)
    trainer.rewind(0)  # back to the picked start, which the next reset still uses
    assert trainer.step_count == 0 and np.array_equal(trainer.flat_params(), picked)
    trainer.step(2)
    trainer.reset()
    assert np.array_equal(trainer.flat_params(), picked)
    trainer.set_settings(replace(trainer.settings, seed=5))
    trainer.reset()
    torch.manual_seed(5)
    w, b = torch.randn([2, 1]), torch.randn([1])
    assert np.array_equal(
        trainer.flat_params(), np.concatenate([w.reshape(-1), b]).astype(np.float32)
    )


@pytest.mark.parametrize("data", [LINE, SHIFTED], ids=["centred", "shifted"])
def test_linear_landscape_is_the_mean_squared_error_at_every_cell(data):
    best = least_squares(data)
    rect = Rect(best[0] - 3, best[0] + 2, best[1] - 1, best[1] + 4)  # not square
    image = cost_landscape(lesson("linear"), data, np.zeros(2), (0, 1), rect, 61)
    ws, bs = np.linspace(rect.xmin, rect.xmax, 61), np.linspace(rect.ymin, rect.ymax, 61)
    x, y = data.xy[:, 0], data.xy[:, 1]
    expected = ((ws[None, :, None] * x + bs[:, None, None] - y) ** 2).mean(axis=2)
    np.testing.assert_allclose(image, expected, rtol=1e-5)  # rows are b, columns W
    view = default_view(lesson("linear"), data, np.array([4.0, -6.0]), (0, 1))
    for w_, b_ in ((4.0, -6.0), best):
        assert view.xmin < w_ < view.xmax and view.ymin < b_ < view.ymax


def test_linear_landscape_bottoms_out_at_least_squares():
    best = least_squares(LINE)
    rect = Rect(-1, 4, -2, 2)
    image = cost_landscape(lesson("linear"), LINE, np.zeros(2), (0, 1), rect, 61)
    ws, bs = np.linspace(rect.xmin, rect.xmax, 61), np.linspace(rect.ymin, rect.ymax, 61)
    row, col = np.unravel_index(np.argmin(image), image.shape)
    assert (row, col) == (np.argmin(np.abs(bs - best[1])), np.argmin(np.abs(ws - best[0])))


def binary_grid(model, theta, pair, rect, resolution):
    image = cost_landscape(model, LECTURE, theta, pair, rect, resolution)
    xs = np.linspace(rect.xmin, rect.xmax, resolution, dtype=np.float32)
    ys = np.linspace(rect.ymin, rect.ymax, resolution, dtype=np.float32)
    return image, xs, ys


@pytest.mark.parametrize("pair", [(0, 1), (0, 2), (2, 1)])
def test_binary_landscape_is_the_lectures_cost_with_the_others_held(pair):
    theta = lecture_trainer().start
    rect = Rect(-2, 2, -1.5, 1.5)
    image, xs, ys = binary_grid(BINARY, theta, pair, rect, 21)
    assert image.shape == (21, 21)
    for row, col in [(0, 0), (20, 20), (0, 20), (20, 0), (3, 17), (11, 6)]:
        flat = theta.copy()
        flat[pair[0]], flat[pair[1]] = xs[col], ys[row]
        assert image[row, col] == pytest.approx(lecture_cost64(flat), rel=1e-5)
        assert image[row, col] == pytest.approx(autograd_at(flat)[0], rel=1e-3)
    moved = theta.copy()
    held = ({0, 1, 2} - set(pair)).pop()
    moved[held] += 1.0
    other, _, _ = binary_grid(BINARY, moved, pair, rect, 21)
    flat = moved.copy()
    flat[pair[0]], flat[pair[1]] = xs[5], ys[9]
    assert other[9, 5] == pytest.approx(lecture_cost64(flat), rel=1e-5)
    assert not np.allclose(other, image)


def test_mse_landscape_is_the_mean_squared_error_of_the_sigmoid():
    theta = lecture_trainer().start
    rect = Rect(-3, 3, -2, 2)
    image, xs, ys = binary_grid(BinaryClassificationMSE(), theta, (1, 2), rect, 31)
    w1 = np.float64(theta[0])
    x, y = LECTURE.xy, LECTURE.labels
    z = w1 * x[:, 0] + xs[None, :, None].astype(float) * x[:, 1] + ys[:, None, None]
    expected = ((1 / (1 + np.exp(-z)) - y) ** 2).mean(axis=2)
    np.testing.assert_allclose(image, expected, rtol=1e-5, atol=1e-7)


def test_cost_slice_is_the_landscapes_row_and_column():
    theta = lecture_trainer().start
    rect = Rect(-1, 3, -4, 0)
    image, xs, ys = binary_grid(BINARY, theta, (0, 2), rect, 25)
    flat = theta.copy()
    flat[2] = ys[7]
    values, costs = cost_slice(BINARY, LECTURE, flat, 0, rect.xmin, rect.xmax, 25)
    assert np.array_equal(values, xs)
    np.testing.assert_allclose(costs, image[7, :], rtol=1e-6)
    flat = theta.copy()
    flat[0] = xs[18]
    values, costs = cost_slice(BINARY, LECTURE, flat, 2, rect.ymin, rect.ymax, 25)
    np.testing.assert_allclose(costs, image[:, 18], rtol=1e-6)


def worst_midpoint_excess(image: np.ndarray, rng: np.random.Generator) -> float:
    """max of f(mid) − (f(a) + f(b))/2 over random segments between grid cells."""
    worst = -np.inf
    n = len(image)
    for _ in range(4000):
        a = rng.integers(0, n, 2)
        b = a + 2 * rng.integers(-(n // 2), n // 2 + 1, 2)  # the midpoint is a grid cell
        if np.any(b < 0) or np.any(b >= n):
            continue
        mid = (a + b) // 2
        worst = max(worst, image[tuple(mid)] - (image[tuple(a)] + image[tuple(b)]) / 2)
    return worst


def test_cross_entropy_is_a_bowl_and_mse_is_bumpy():
    """The lecture's reason for the log cost: with a sigmoid, the squared error is not convex."""
    theta = lecture_trainer().start
    rect = Rect(-5, 5, -5, 5)
    ce, _, _ = binary_grid(BINARY, theta, (0, 2), rect, 41)
    mse, _, _ = binary_grid(BinaryClassificationMSE(), theta, (0, 2), rect, 41)
    assert worst_midpoint_excess(ce, np.random.default_rng(0)) <= 1e-6
    assert worst_midpoint_excess(mse, np.random.default_rng(0)) > 0.05


def test_race_shadows_start_where_the_main_run_started_and_keep_pace():
    main = lecture_trainer(max_steps=0)
    main.set_start(np.array([2.0, -1.0, 0.5], dtype=np.float32))
    rect = Rect(-3, 3, -2, 2)
    lab = Lab()
    lab.configure(LabView(race=True, rect=rect), main)
    assert main.recording and set(lab.shadows) == {"Momentum", "Adam"}
    main.step(12)
    lab.follow(12)
    for name, shadow in lab.shadows.items():
        alone = lecture_trainer(max_steps=0, optimizer=name)
        alone.set_start(main.start)
        alone.step(12)
        assert shadow.step_count == 12 and same_params(shadow, alone)
    views = lab.views(main)
    side = landscape_resolution(len(LECTURE))
    landscape = view_of(views, LandscapeView).main
    assert landscape.image.shape == (side, side) and landscape.rect == rect
    np.testing.assert_array_equal(
        landscape.image,
        cost_landscape(main.lesson, LECTURE, main.flat_params(), (0, 1), rect, side),
    )
    runs = shadow_runs(views)
    assert set(runs) == {"Momentum", "Adam"}
    for run in runs.values():
        assert run.step == 12 and len(run.path) == 13
        assert np.array_equal(run.path[0], main.start)
    assert view_of(views, LandscapeView).companion is None and view_of(views, SliceView) is None
    lab.configure(LabView(race=True, rect=rect, page="slice"), main)  # only the page on screen
    views = lab.views(main)
    values, costs = view_of(views, SliceView).values, view_of(views, SliceView).costs
    assert values[0] == rect.xmin and values[-1] == rect.xmax and len(costs) == len(values)
    assert view_of(views, LandscapeView) is None and view_of(views, ShadowRuns) is None


def test_background_lab_computes_landscapes_off_the_calling_thread():
    import threading

    main = lecture_trainer(max_steps=0)
    rect = Rect(-3, 3, -2, 2)
    lab = Lab(background=True)
    try:
        lab.configure(LabView(rect=rect), main)
        callers = []
        from desktopdl.core import lab as lab_module

        original = lab_module.cost_landscape

        def recording(*args):
            callers.append(threading.current_thread())
            return original(*args)

        lab_module.cost_landscape = recording
        first = lab.views(main)
        # not ready yet: nothing is waited for
        assert view_of(first, LandscapeView).main is None
        lab._pending["main"][1].result(timeout=30)
        second = lab.views(main)
        assert view_of(second, LandscapeView).main.image.shape == (100, 100)
        assert callers and all(t is not threading.current_thread() for t in callers)
    finally:
        lab_module.cost_landscape = original
        lab.close()


def test_companions_add_an_mse_shadow_for_binary_only():
    main = lecture_trainer(max_steps=0)
    main.step(3)
    lab = Lab()
    rect = Rect(-3, 3, -2, 2)
    lab.configure(LabView(companions=True, rect=rect), main)
    assert set(lab.shadows) == {MSE_LABEL}
    shadow = lab.shadows[MSE_LABEL]
    assert isinstance(shadow.lesson, BinaryClassificationMSE) and shadow.step_count == 3
    views = lab.views(main)
    assert np.array_equal(shadow_runs(views)[MSE_LABEL].path[0], main.start)
    side = landscape_resolution(len(LECTURE))
    landscapes = view_of(views, LandscapeView)
    assert landscapes.companion_label == MSE_LABEL
    np.testing.assert_array_equal(
        landscapes.companion.image,
        cost_landscape(
            BinaryClassificationMSE(), LECTURE, shadow.flat_params(), (0, 1), rect, side
        ),
    )
    assert not np.allclose(landscapes.companion.image, landscapes.main.image)

    line = Trainer(lesson("linear"), LINE, TrainSettings(max_steps=0))
    linear_lab = Lab()
    linear_lab.configure(LabView(companions=True, rect=rect), line)
    views = linear_lab.views(line)
    assert linear_lab.shadows == {} and shadow_runs(views) == {}
    landscapes = view_of(views, LandscapeView)
    assert landscapes.main is not None and landscapes.companion is None
