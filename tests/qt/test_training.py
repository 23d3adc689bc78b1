"""Training from the window: keys, buttons, the numbers shown, and bad input."""

import numpy as np
import pytest
import torch
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyle

from desktopdl.core.data import PointSet
from desktopdl.core.trainer import Status
from desktopdl.qt import theme
from desktopdl.qt.cost_plot import cost_range
from tests.lecture import LECTURE_X, LECTURE_Y, lecture_binary
from tests.qt.conftest import click, full_speed, train_steps, wait_for_step


def test_train_button_lowers_the_cost_and_the_curve_follows(open_lesson, qtbot):
    tab = open_lesson("linear")
    full_speed(tab)
    start_cost = tab.snapshot.cost
    QTest.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)
    wait_for_step(qtbot, tab, 2000)
    assert tab.snapshot.cost < start_cost / 10
    assert len(tab.cost_plot.values) == 2000
    assert tab.cost_plot.values[0] == start_cost
    assert tab.step_label.text() == "step 2,000 / 2,000"
    # The headline is the cost the last step computed, where the curve ends (at step 2,000).
    assert tab.cost_label.text() == f"cost of step 2,000: {tab.cost_plot.values[-1]:.6f}"
    assert tab.cost_plot.steps[-1] == 2000
    assert "step limit" in tab.message_label.text()


def test_lecture_numbers_on_screen(open_lesson, qtbot):
    """Seed 7, lr 0.01, 2000 steps: W, b and H([6, 4]) are the lecture script's numbers."""
    tab = open_lesson("binary")
    full_speed(tab)
    tab.seed_spin.setValue(7)
    tab.reset()
    qtbot.waitUntil(lambda: tab.snapshot.step == 0 and tab.snapshot.cost > 0)
    tab.toggle_training()
    wait_for_step(qtbot, tab, 2000)
    w, b, h_test, _ = lecture_binary(7)
    assert np.array_equal(tab.snapshot.params[0], w.numpy())
    assert np.array_equal(tab.snapshot.params[1], b.numpy())
    tab.test_mode_button.setChecked(True)
    click(tab, 6, 4)
    assert tab.test_spins[0].value() == 6 and tab.test_spins[1].value() == 4
    label = 1 if h_test >= 0.5 else 0
    assert tab.test_result.text() == f"H([6, 4]) = {h_test:.4f} → class {label}"
    assert tab.test_detail.text().endswith(repr(h_test))
    wv = w.numpy().ravel()
    assert f"{wv[0]:.4f}·x<sub>1</sub>" in tab.equation_label.text()


def test_boundary_separates_the_lecture_points(open_lesson, qtbot):
    tab = open_lesson("binary")
    train_steps(qtbot, tab, 2000)
    probs = tab.lesson.predict(list(tab.snapshot.params), np.array(LECTURE_X))
    assert ((probs >= 0.5).astype(int) == LECTURE_Y).all()
    (w1, w2), b = tab.lesson.boundary(list(tab.snapshot.params))
    xs, ys = tab.overlay.boundary.points()
    assert np.allclose(w1 * xs + w2 * ys + b, 0, atol=1e-6)  # the drawn line is H = 0.5
    sides = np.sign(np.array(LECTURE_X) @ [w1, w2] + b)
    assert set(sides[:3]) == {-1} and set(sides[3:]) == {1}
    surface = tab.overlay.surface.image
    assert surface is not None and surface.min() < 0.1 and surface.max() > 0.9


def test_space_toggles_right_arrow_steps_and_r_resets(open_lesson, window, qtbot):
    tab = open_lesson("binary")
    start = [p.copy() for p in tab.snapshot.params]
    QTest.keyClick(window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: tab.snapshot.step == 1)
    QTest.keyClick(window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: tab.snapshot.step == 2)
    assert len(tab.cost_plot.values) == 2
    QTest.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tab.snapshot.running and tab.snapshot.step > 5)
    assert tab.train_button.text() == "Pause"
    QTest.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not tab.snapshot.running)
    paused_at = tab.snapshot.step
    qtbot.wait(100)
    assert tab.snapshot.step == paused_at
    QTest.keyClick(window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: tab.snapshot.step == 0)
    assert all(np.array_equal(a, b) for a, b in zip(start, tab.snapshot.params, strict=True))
    assert len(tab.cost_plot.values) == 0


def test_editing_while_training_continues_on_the_new_data(open_lesson, qtbot):
    tab = open_lesson("binary")
    full_speed(tab)
    tab.steps_spin.setValue(0)
    tab.toggle_training()
    qtbot.waitUntil(lambda: tab.snapshot.running and tab.snapshot.step > 100)
    tab.canvas.set_current_class(1)
    click(tab, 0.5, 4.5)
    step_after_edit = tab.snapshot.step
    qtbot.waitUntil(lambda: tab.snapshot.step > step_after_edit + 200)
    assert tab.snapshot.running
    tab.pause()
    qtbot.waitUntil(lambda: not tab.snapshot.running)
    # the cost on screen is the cost over all 7 points, the clicked one included
    points = tab.canvas.editor.points
    assert len(points) == 7 and points.labels[-1] == 1
    x, y = tab.lesson.tensors(points)
    params = [torch.tensor(p) for p in tab.snapshot.params]
    assert tab.snapshot.cost == pytest.approx(tab.lesson.cost(params, x, y).item(), rel=1e-6)
    six_point_cost = tab.lesson.cost(params, *tab.lesson.tensors(PointSet(LECTURE_X, LECTURE_Y)))
    assert tab.snapshot.cost != pytest.approx(six_point_cost.item(), rel=1e-3)


def test_empty_canvas_one_class_and_one_point_are_explained(open_lesson, qtbot):
    tab = open_lesson("binary")
    QTest.mouseClick(tab.workspace.clear_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)
    assert "no points" in tab.message_label.text()
    click(tab, 1, 1)
    tab.toggle_training()
    assert "Only one class" in tab.message_label.text()
    assert "class 1" in tab.message_label.text()
    qtbot.wait(50)
    assert tab.snapshot.step == 0 and not tab.snapshot.running
    linear = open_lesson("linear")
    QTest.mouseClick(linear.workspace.clear_button, Qt.MouseButton.LeftButton)
    click(linear, 2, 2)
    linear.step_once()
    assert "One point" in linear.message_label.text()


def test_diverging_learning_rate_stops_explains_and_reset_recovers(open_lesson, qtbot):
    tab = open_lesson("linear")
    full_speed(tab)
    tab.lr_spin.setValue(50.0)
    tab.toggle_training()
    qtbot.waitUntil(lambda: tab.snapshot.status == Status.DIVERGED, timeout=10_000)
    assert "diverged" in tab.message_label.text()
    assert "smaller learning rate" in tab.message_label.text()
    assert not tab.snapshot.running
    assert "nan" not in tab.equation_label.text().lower()
    tab.lr_spin.setValue(0.01)
    tab.reset()
    qtbot.waitUntil(lambda: tab.snapshot.status == Status.READY and tab.snapshot.step == 0)
    tab.toggle_training()
    wait_for_step(qtbot, tab, 2000)
    assert tab.snapshot.status == Status.FINISHED


def test_choosing_cuda_without_a_gpu_falls_back_visibly(open_lesson, window, qtbot, monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    tab = open_lesson("binary")
    tab.device_combo.setCurrentIndex(tab.device_combo.findData("cuda"))
    qtbot.waitUntil(lambda: "CUDA is not available" in window.device_label.text())
    tab.step_once()
    qtbot.waitUntil(lambda: tab.snapshot.step == 1)


def test_residual_bars_run_from_each_point_to_the_line_and_show(open_lesson, qtbot):
    tab = open_lesson("linear")
    xy = np.array([[1.0, 1.0], [2.0, 6.0], [3.0, 1.0], [4.0, 6.0], [5.0, 1.0], [6.0, 6.0]])
    tab.canvas.editor.replace(PointSet(xy, np.zeros(6, dtype=int)), "zig-zag")
    tab.canvas.set_view((0, 7, -1, 8))
    train_steps(qtbot, tab, 2000)
    w, b = (float(p.ravel()[0]) for p in tab.snapshot.params)
    x, low, high = tab.overlay.residuals.bars()
    assert np.array_equal(x, xy[:, 0])
    predicted = w * xy[:, 0] + b
    assert np.allclose(low, np.minimum(xy[:, 1], predicted))
    assert np.allclose(high, np.maximum(xy[:, 1], predicted))
    # The bar is on screen: halfway between the point and the line, the pixel is the
    # residual colour (the points are ≥ 1.5 units from the line here, far wider than a dot).
    picture = tab.canvas.grab().toImage()
    ratio = picture.devicePixelRatio()
    for px, py, h in zip(xy[:, 0], xy[:, 1], predicted, strict=True):
        middle = tab.canvas.map_to_widget(px, (py + h) / 2)
        colour = picture.pixelColor(round(middle.x() * ratio), round(middle.y() * ratio))
        assert colour.name() == theme.RESIDUAL_COLOR, (px, colour.name())


def test_cost_axis_holds_every_cost_and_stays_put_while_the_cost_falls(open_lesson, qtbot):
    tab = open_lesson("linear")
    full_speed(tab)
    tab.toggle_training()
    qtbot.waitUntil(lambda: tab.snapshot.step >= 300, timeout=20_000)
    early = tab.cost_plot.getPlotItem().viewRange()[1]
    wait_for_step(qtbot, tab, 2000)
    tab.cost_plot.refresh()
    low, high = tab.cost_plot.getPlotItem().viewRange()[1]
    costs = tab.cost_plot.values
    assert low <= 0 and costs.max() <= high < 1.6 * costs.max()
    assert [low, high] == early  # the costs fell; the axis did not move


@pytest.mark.parametrize(
    ("costs", "log", "expected"),
    [
        ([0.69, 0.3, 0.01], False, (0.0, 0.8)),
        ([7.1, 0.2], False, (0.0, 8.0)),
        ([1.0, 0.5], False, (0.0, 1.0)),
        ([123.0, 4.0], False, (0.0, 150.0)),
        ([0.69, 0.003], True, (-3.0, 0.0)),
        ([float("nan"), 2.0, float("inf")], False, (0.0, 2.0)),
        ([float("nan")], False, None),
    ],
)
def test_cost_axis_range_is_round(costs, log, expected):
    assert cost_range(np.array(costs), log) == expected


@pytest.mark.parametrize("key", ["binary", "network"])
def test_side_panel_shows_the_final_numbers_unclipped(open_lesson, qtbot, key):
    """After a run, the longest numbers (accuracy and epoch) still fit the side panel."""
    tab = open_lesson(key)
    train_steps(qtbot, tab, 2000)
    assert tab.accuracy_label.isVisible()
    panel = tab.panel_scroll.widget()
    assert panel.minimumSizeHint().width() <= tab.panel_scroll.viewport().width()


def test_train_button_shows_play_then_pause(open_lesson, qtbot):
    tab = open_lesson("linear")
    play = tab.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay).pixmap(16).toImage()
    pause = tab.style().standardIcon(QStyle.StandardPixmap.SP_MediaPause).pixmap(16).toImage()
    assert tab.train_button.text() == "Train"
    assert tab.train_button.icon().pixmap(16).toImage() == play
    tab.steps_spin.setValue(0)
    tab.toggle_training()
    qtbot.waitUntil(lambda: tab.train_button.text() == "Pause")
    assert tab.train_button.icon().pixmap(16).toImage() == pause
    tab.pause()
    qtbot.waitUntil(lambda: tab.train_button.text() == "Train")
    assert tab.train_button.icon().pixmap(16).toImage() == play
