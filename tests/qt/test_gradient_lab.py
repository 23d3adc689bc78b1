"""The gradient-descent lab as a teacher uses it: phases, the ledger, the landscape."""

import numpy as np
import pytest
import torch
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktopdl.core.trainer import PHASE_TITLES
from desktopdl.core.views import DescentView, LandscapeView, ShadowRuns, SliceView


def path(tab):
    descent = tab.snapshot.view(DescentView)
    return None if descent is None else descent.path


def open_lab(tab, qtbot, page: int = 1):
    """Open a lab page and wait until the worker sends what that page draws."""
    tab.views.setCurrentIndex(page)
    needs = {1: LandscapeView, 2: SliceView}.get(page)
    qtbot.waitUntil(
        lambda: path(tab) is not None and (needs is None or tab.snapshot.view(needs) is not None)
    )


def test_step_in_phase_mode_names_each_phase_in_the_lectures_order(open_lesson, window, qtbot):
    tab = open_lesson("linear")
    tab.step_by_combo.setCurrentIndex(tab.step_by_combo.findData("phase"))
    seen = []
    for _ in range(7):
        before = tab.snapshot
        QTest.keyClick(window, Qt.Key.Key_Right)
        qtbot.waitUntil(lambda b=before: tab.snapshot is not b and tab.snapshot.phase is not None)
        seen.append(tab.snapshot.phase.phase)
        assert PHASE_TITLES[tab.snapshot.phase.phase] in tab.phase_label.text()
    assert seen == ["init", "predict", "cost", "gradient", "update", "stop", "predict"]
    assert tab.snapshot.step == 1
    assert tab.phase_label.isVisible()


def test_gradient_shown_in_phase_mode_is_autograds(open_lesson, qtbot):
    tab = open_lesson("linear")
    tab.step_by_combo.setCurrentIndex(tab.step_by_combo.findData("phase"))
    params = [torch.tensor(p, requires_grad=True) for p in tab.snapshot.params]
    x, y = tab.lesson.tensors(tab.canvas.editor.points)
    grads = torch.autograd.grad(tab.lesson.cost(params, x, y), params)
    for _ in range(4):  # init, predict, cost, gradient
        before = tab.snapshot
        tab.step_once()
        qtbot.waitUntil(lambda b=before: tab.snapshot is not b and tab.snapshot.phase is not None)
    assert tab.snapshot.phase.phase == "gradient"
    text = tab.phase_label.text()
    assert f"∂cost/∂W = {grads[0].item():.4f}" in text
    assert f"∂cost/∂b = {grads[1].item():.4f}" in text


def test_ledger_lists_iterations_and_goes_back_to_one(open_lesson, qtbot):
    tab = open_lesson("binary")
    open_lab(tab, qtbot, page=3)
    for target in range(1, 8):
        tab.step_once()
        qtbot.waitUntil(lambda t=target: tab.snapshot.step == t)
    params_after = {}
    table, model = tab.ledger_view.table, tab.ledger_view.model
    qtbot.waitUntil(lambda: model.rowCount() == 7)
    assert model.index(0, 0).data() == "6"  # newest first
    assert model.index(6, 0).data() == "0"
    row3 = next(r for r in tab.snapshot.view(DescentView).ledger if r.iteration == 3)
    params_after[3] = row3.params
    cell = table.visualRect(model.index(6 - 3, 0)).center()
    QTest.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, cell
    )
    assert tab.ledger_view.iteration_spin.value() == 3
    QTest.mouseClick(tab.ledger_view.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.snapshot.step == 3)
    flat = tab.lesson.flatten(list(tab.snapshot.params))
    assert np.array_equal(flat, params_after[3])
    assert len(tab.cost_plot.values) == 3


def test_clicking_the_landscape_sets_the_start(open_lesson, qtbot):
    tab = open_lesson("linear")
    open_lab(tab, qtbot)
    plot = tab.landscape.main_plot
    rect = plot.view_rect()
    w0 = rect.xmin + 0.25 * rect.width
    b0 = rect.ymin + 0.75 * rect.height
    from PySide6.QtCore import QPointF

    scene = plot.getPlotItem().vb.mapViewToScene(QPointF(w0, b0))
    QTest.mouseClick(
        plot.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        plot.mapFromScene(scene),
    )
    qtbot.waitUntil(
        lambda: (
            tab.snapshot.step == 0
            and path(tab) is not None
            and abs(float(tab.snapshot.params[0][0, 0]) - w0) < 0.02 * rect.width
        )
    )
    w, b = tab.lesson.flatten(list(tab.snapshot.params))
    assert w == pytest.approx(w0, abs=0.02 * rect.width)
    assert b == pytest.approx(b0, abs=0.02 * rect.height)
    tab.reset()  # Reset keeps the picked start
    qtbot.waitUntil(lambda: tab.snapshot.step == 0)
    assert tab.lesson.flatten(list(tab.snapshot.params))[0] == pytest.approx(
        w0, abs=0.02 * rect.width
    )


def test_race_draws_a_path_per_optimizer_from_one_start(open_lesson, qtbot):
    tab = open_lesson("linear")
    open_lab(tab, qtbot)
    tab.landscape.race_check.setChecked(True)
    tab.speed_combo.setCurrentIndex(0)
    tab.steps_spin.setValue(300)
    tab.reset()
    qtbot.waitUntil(lambda: tab.snapshot.step == 0)
    tab.toggle_training()
    qtbot.waitUntil(
        lambda: (
            tab.snapshot.step == 300
            and not tab.snapshot.running
            and {run.label for run in tab.snapshot.view(ShadowRuns).runs} == {"Momentum", "Adam"}
        )
    )
    qtbot.waitUntil(lambda: set(tab.landscape.main_plot.paths) == {"main", "Momentum", "Adam"})
    starts = [tab.landscape.main_plot.paths[k][0].getData() for k in ("main", "Momentum", "Adam")]
    for xs, ys in starts:
        assert (xs[0], ys[0]) == (starts[0][0][0], starts[0][1][0])
    ends = {k: tab.landscape.main_plot.paths[k][1].getData() for k in ("main", "Momentum", "Adam")}
    assert ends["Momentum"][0][0] != ends["main"][0][0]
    assert "Momentum" in tab.landscape.legend.text() and "Adam" in tab.landscape.legend.text()


def test_mse_comparison_shows_a_second_landscape_and_run(open_lesson, qtbot):
    tab = open_lesson("binary")
    open_lab(tab, qtbot)
    tab.landscape.compare_check.setChecked(True)
    qtbot.waitUntil(
        lambda: getattr(tab.snapshot.view(LandscapeView), "companion", None) is not None
    )
    assert tab.landscape.mse_plot.isVisible()
    mse = tab.snapshot.view(LandscapeView).companion.image
    ce = tab.snapshot.view(LandscapeView).main.image
    assert mse.shape == ce.shape and not np.allclose(mse, ce)
    assert "MSE run" in tab.landscape.legend.text()


def test_three_d_bowl_falls_back_to_the_contour_map_offscreen(open_lesson, qtbot):
    tab = open_lesson("linear")
    open_lab(tab, qtbot)
    tab.landscape.bowl_check.setChecked(True)
    assert not tab.landscape.bowl_check.isChecked()
    assert "OpenGL" in tab.landscape.notice.text()
    assert tab.landscape.main_plot.isVisible()


def test_learning_rate_slider_spans_1e4_to_10_on_a_log_scale(open_lesson):
    tab = open_lesson("linear")
    tab.lr_slider.setValue(tab.lr_slider.minimum())
    assert tab.lr_spin.value() == pytest.approx(1e-4)
    tab.lr_slider.setValue(tab.lr_slider.maximum())
    assert tab.lr_spin.value() == pytest.approx(10)
    tab.lr_spin.setValue(0.01)
    assert tab.lr_slider.value() == 40  # 10^-2 sits 2/5 of the way from 10^-4 to 10^1


def test_epsilon_stop_says_which_condition_ended_the_run(open_lesson, qtbot):
    tab = open_lesson("linear")
    tab.speed_combo.setCurrentIndex(0)
    tab.steps_spin.setValue(0)
    tab.epsilon_combo.setCurrentIndex(tab.epsilon_combo.findData(1e-4))
    tab.toggle_training()
    qtbot.waitUntil(lambda: tab.snapshot.status == "finished", timeout=20_000)
    assert "ε = 0.0001" in tab.message_label.text()
    costs = tab.cost_plot.values
    assert abs(costs[-1] - costs[-2]) < 1e-4


def test_three_d_bowl_puts_the_log_cost_and_the_path_in_its_box():
    """What the bowl draws (its surface heights and the run's path), checked without a GL
    context: the bowl's lowest point is the least-squares line and the path ends on it."""
    import types

    import pyqtgraph.opengl as gl

    from desktopdl.core.data import PointSet
    from desktopdl.core.landscape import cost_landscape
    from desktopdl.core.lessons import lesson
    from desktopdl.core.trainer import Trainer, TrainSettings
    from desktopdl.core.views import Landscape, Rect
    from desktopdl.qt.bowl3d import BOX, HEIGHT, show_bowl

    xy = np.column_stack([[-2, -1, 0, 1, 2], [-3.5, -1, 0.5, 2.75, 5]])
    LINE = PointSet(xy, np.zeros(5))  # noqa: N806 - the data set's name in the lab tests
    linear = lesson("linear")
    rect = Rect(-4.0, 6.0, -4.0, 6.0)
    image = cost_landscape(linear, LINE, np.zeros(2, dtype=np.float32), (0, 1), rect, 41)
    trainer = Trainer(linear, LINE, TrainSettings(learning_rate=0.05, max_steps=0))
    trainer.set_recording(True)
    trainer.step(400)
    path = trainer.path()
    items = (gl.GLSurfacePlotItem(), gl.GLLinePlotItem(), gl.GLScatterPlotItem())
    view = types.SimpleNamespace(bowl_items=items)
    show_bowl(view, Landscape(image, rect, (0, 1), np.zeros(2)), path)
    surface, line, ball = items
    z = surface._z  # heights, columns = W, rows = b
    assert z.shape == (41, 41) and z.min() == 0 and z.max() == pytest.approx(HEIGHT)
    lowest_w, lowest_b = np.unravel_index(np.argmin(z), z.shape)
    best_w, best_b = np.polyfit(LINE.xy[:, 0], LINE.xy[:, 1], 1)
    step = rect.width / 40
    assert abs(rect.xmin + lowest_w * step - best_w) <= step
    assert abs(rect.ymin + lowest_b * step - best_b) <= step
    pos = line.pos
    assert len(pos) == len(path) and np.all(np.abs(pos[:, :2]) <= BOX / 2)
    assert np.array_equal(ball.pos[0], pos[-1]) and pos[-1, 2] < pos[0, 2]  # downhill


def test_the_ledger_holds_the_run_from_its_first_step_when_opened_later(open_lesson, window, qtbot):
    """Five → presses on the cost curve, then the Ledger: five rows, not an empty table,
    and the replay that fills it leaves the numbers as they were."""
    tab = open_lesson("linear")
    for target in range(1, 6):
        QTest.keyClick(window, Qt.Key.Key_Right)
        qtbot.waitUntil(lambda t=target: tab.snapshot.step == t)
    before = [p.copy() for p in tab.snapshot.params]
    tab.views.setCurrentWidget(tab.ledger_view)
    model = tab.ledger_view.model
    qtbot.waitUntil(lambda: model.rowCount() == 5)
    assert [model.index(r, 0).data() for r in range(5)] == ["4", "3", "2", "1", "0"]
    assert "5 iterations" in tab.ledger_view.info.text()
    assert all(np.array_equal(a, b) for a, b in zip(tab.snapshot.params, before, strict=True))
    assert len(tab.cost_plot.values) == 5  # the curve still holds the whole run
    assert model.rowCount() == 5 and not hasattr(tab.ledger_view.table, "item")  # model/view
