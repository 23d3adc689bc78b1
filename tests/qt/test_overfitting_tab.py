"""The overfitting page as a teacher uses it: hollow validation points, remedies switched
during training, ghost runs kept and removed, cross-validation with Cancel, the numbers."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktopdl.core.trainer import VALIDATION_COST
from tests.qt.conftest import full_speed, train_steps


def test_validation_points_are_hollow_and_can_be_hidden(open_lesson, qtbot):
    tab = open_lesson("overfitting")
    data = tab.workspace.data()
    _training, validation = data.split(
        tab.worker_settings.validation_share, tab.worker_settings.seed
    )
    assert len(validation) == len(data) // 2
    scatter = tab.canvas.scatter
    brushes = scatter.data["brush"]
    background = tab.canvas.held_out  # the canvas holds the held-out indices it draws hollow
    assert np.array_equal(background, validation)
    hollow = {brushes[i].color().name() for i in validation}
    filled = {brushes[i].color().name() for i in range(len(data)) if i not in set(validation)}
    assert len(hollow) == 1 and not hollow & filled
    QTest.mouseClick(tab.show_validation_check, Qt.MouseButton.LeftButton)
    assert not tab.show_validation_check.isChecked()
    sizes = scatter.data["size"]
    assert all(sizes[i] == 0 for i in validation)
    assert all(sizes[i] > 0 for i in range(len(data)) if i not in set(validation))
    tab.validation_spin.setValue(0.0)  # nothing held out: every point is drawn filled
    assert len(tab.canvas.held_out) == 0


def test_training_shows_both_costs_and_the_gap(open_lesson, qtbot):
    tab = open_lesson("overfitting")
    train_steps(qtbot, tab, 600)
    steps, values = tab.cost_plot.series(VALIDATION_COST)
    assert steps[-1] == 600 and len(values) == 61
    metrics = dict(tab.snapshot.metrics)
    gap = metrics[VALIDATION_COST] - metrics["training cost"]
    assert f"{gap:+.4f}" in tab.numbers.text()
    assert "validation" in tab.numbers.text()
    assert tab.cost_plot.best_step() == tab.snapshot.best_step


def test_dropout_switched_on_while_training_keeps_the_run(open_lesson, qtbot):
    tab = open_lesson("overfitting")
    full_speed(tab)
    tab.steps_spin.setValue(0)
    tab.toggle_training()
    qtbot.waitUntil(lambda: tab.snapshot.step > 200, timeout=20_000)
    run = tab.snapshot.run_id
    tab.dropout_spin.setValue(0.5)
    tab.decay_spin.setValue(0.01)
    qtbot.waitUntil(
        lambda: tab.snapshot.config.dropout == 0.5 and tab.snapshot.penalty is not None,
        timeout=20_000,
    )
    step = tab.snapshot.step
    qtbot.waitUntil(lambda: tab.snapshot.step > step + 100, timeout=20_000)
    tab.toggle_training()
    qtbot.waitUntil(lambda: not tab.snapshot.running, timeout=10_000)
    assert tab.snapshot.run_id == run  # the same run went on: no reset
    assert "dropout p = 0.5" in tab.numbers.text()
    assert "with it" in tab.numbers.text()


def test_ghost_runs_are_kept_labelled_and_removed(open_lesson, qtbot):
    tab = open_lesson("overfitting")
    train_steps(qtbot, tab, 300)
    QTest.mouseClick(tab.keep_button, Qt.MouseButton.LeftButton)
    assert len(tab.ghosts) == 1
    (key,) = tab.ghosts
    row, boundary = tab.ghosts[key]
    assert "32-32" in row.findChildren(type(tab.numbers))[1].text()
    assert boundary.segment_count() > 0
    tab.dropout_spin.setValue(0.5)
    tab.reset()
    qtbot.waitUntil(lambda: tab.snapshot.step == 0)
    train_steps(qtbot, tab, 300)
    QTest.mouseClick(tab.keep_button, Qt.MouseButton.LeftButton)
    assert len(tab.ghosts) == 2 and len(tab.cost_plot.ghost_keys()) == 2
    labels = [r.findChildren(type(tab.numbers))[1].text() for r, _ in tab.ghosts.values()]
    assert "dropout 0.5" in labels[1] and "dropout" not in labels[0]
    for _ in range(4):
        QTest.mouseClick(tab.keep_button, Qt.MouseButton.LeftButton)
    assert len(tab.ghosts) == 6 and not tab.keep_button.isEnabled()
    remove = row.findChildren(type(tab.keep_button))[0]
    QTest.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert key not in tab.ghosts and key not in tab.cost_plot.ghost_keys()
    assert boundary.scene() is None
    assert tab.keep_button.isEnabled()


def test_cross_validation_runs_in_the_background_and_cancels(open_lesson, qtbot):
    tab = open_lesson("overfitting")
    tab.experiment_steps_spin.setValue(2000)
    QTest.mouseClick(tab.folds_panel.run_button, Qt.MouseButton.LeftButton)
    assert tab.folds_panel.cancel_button.isVisible()
    qtbot.waitUntil(lambda: tab.folds_panel.progress.value() > 0, timeout=20_000)
    QTest.mouseClick(tab.folds_panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.jobs, timeout=20_000)
    assert tab.folds_page.result is None
    assert tab.folds_panel.run_button.isEnabled()

    tab.experiment_steps_spin.setValue(200)
    tab.folds_spin.setValue(4)
    QTest.mouseClick(tab.folds_panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.folds_page.result is not None, timeout=60_000)
    result = tab.folds_page.result
    assert result.k == 4 and len(tab.fold_lines) == 4
    assert f"{result.mean('validation_accuracy'):.1%}" in tab.folds_page.summary.text()
    assert tab.views.currentWidget() is tab.folds_page


def test_more_data_adds_points_from_the_generator(open_lesson, qtbot):
    tab = open_lesson("overfitting")
    before = len(tab.workspace.data())
    tab.more_spin.setValue(40)
    QTest.mouseClick(tab.more_button, Qt.MouseButton.LeftButton)
    assert len(tab.workspace.data()) == before + 40
    assert len(tab.canvas.held_out) == round(0.5 * (before + 40))
    tab.workspace.undo_stack.undo()
    assert len(tab.workspace.data()) == before


def test_augmented_copies_show_on_the_canvas(open_lesson, qtbot):
    tab = open_lesson("overfitting")
    assert not tab.copies.isVisible()
    tab.copies_spin.setValue(3)
    training = len(tab.workspace.data()) - len(tab.canvas.held_out)
    assert tab.copies.isVisible() and len(tab.copies.data) == 3 * training


def test_learning_curve_runs_and_is_drawn(open_lesson, qtbot):
    tab = open_lesson("overfitting")
    tab.experiment_steps_spin.setValue(150)
    QTest.mouseClick(tab.curve_panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.curve_page.result is not None, timeout=60_000)
    assert len(tab.curve_page.result.scores) == 4
    assert tab.views.currentWidget() is tab.curve_page


def test_closing_during_cross_validation_stops_it(window, qtbot):
    tab = window.show_lesson("overfitting")
    tab.experiment_steps_spin.setValue(5000)
    QTest.mouseClick(tab.folds_panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.folds_panel.progress.value() > 0, timeout=20_000)
    assert window.shutdown()
    assert not tab.jobs or all(job.isFinished() for job in tab.jobs.values())
