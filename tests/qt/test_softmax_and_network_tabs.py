"""Softmax and network tabs as a teacher uses them."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktopdl.core.data import PointSet
from desktopdl.core.views import CompanionView
from tests.qt.conftest import click, full_speed, train_steps, wait_for_step


def test_class_buttons_and_keys_follow_the_number_of_classes(open_lesson, window, qtbot):
    tab = open_lesson("softmax")
    assert tab.classes_spin.value() == 3
    visible = [b for b in tab.workspace.class_buttons.buttons() if b.isVisible()]
    assert len(visible) == 3
    QTest.keyClick(window, Qt.Key.Key_3)
    click(tab, -5, 5)
    assert tab.canvas.editor.points.labels[-1] == 2
    QTest.keyClick(window, Qt.Key.Key_5)  # no class 4 yet: ignored
    assert tab.workspace.class_buttons.checkedId() == 2
    tab.classes_spin.setValue(5)
    assert len([b for b in tab.workspace.class_buttons.buttons() if b.isVisible()]) == 5
    QTest.keyClick(window, Qt.Key.Key_5)
    click(tab, 5, -5)
    assert tab.canvas.editor.points.labels[-1] == 4
    qtbot.waitUntil(lambda: tab.snapshot.params[0].shape == (2, 5))


def test_probability_bars_show_softmax_for_the_clicked_point(open_lesson, qtbot):
    tab = open_lesson("softmax")
    train_steps(qtbot, tab, 300)
    tab.test_mode_button.setChecked(True)
    blob = tab.canvas.editor.points.xy[tab.canvas.editor.points.labels == 1].mean(axis=0)
    click(tab, *blob)
    bars = tab.bars.values
    clicked = np.array([[spin.value() for spin in tab.test_spins]], dtype=np.float32)
    expected = tab.lesson.predict(list(tab.snapshot.params), clicked)
    assert bars.shape == (3,) and np.allclose(bars, expected, atol=1e-6)  # softmax at the click
    assert abs(bars.sum() - 1) < 1e-5
    assert int(np.argmax(bars)) == 1
    assert "class 1" in tab.test_result.text()
    qtbot.waitUntil(lambda: tab.snapshot.view(CompanionView) is not None, timeout=20_000)
    click(tab, *blob)
    assert "most confident" in tab.ovr_bars.title and tab.ovr_bars.title.endswith("class 1")


def test_one_vs_rest_page_shows_a_map_per_class(open_lesson, qtbot):
    tab = open_lesson("softmax")
    tab.views.setCurrentWidget(tab.ovr_page)
    tab.step_once()
    qtbot.waitUntil(lambda: len(tab.ovr_page.plots) == 3)
    image = tab.ovr_page.plots[0][1].image
    assert image is not None and image.min() >= 0 and image.max() <= 1


def test_diagram_follows_the_architecture_and_the_weights(open_lesson, qtbot):
    tab = open_lesson("network")
    assert tab.views.currentWidget() is tab.diagram
    qtbot.waitUntil(lambda: tab.diagram.sizes == [2, 8, 8, 1])
    before = [w.copy() for w in tab.diagram.weights]
    train_steps(qtbot, tab, 50)
    qtbot.waitUntil(lambda: not np.array_equal(tab.diagram.weights[0], before[0]))
    assert len(tab.diagram.images) == 2 and len(tab.diagram.images[1]) == 8
    tab.layers_spin.setValue(3)
    tab.neuron_spins[2].setValue(4)
    qtbot.waitUntil(lambda: tab.diagram.sizes == [2, 8, 8, 4, 1])
    assert tab.equation_label.text().startswith("2-8-8-4-1 network")


def test_regenerate_starts_afresh_and_reset_keeps_the_data(open_lesson, qtbot):
    """New data is a new run from the seed (the old weights, steps and description no longer
    describe the canvas); Reset keeps the data; the generated set is one undoable edit."""
    tab = open_lesson("network")
    start = [p.copy() for p in tab.snapshot.params]
    tab.step_once()
    qtbot.waitUntil(lambda: tab.snapshot.step == 1)
    tab.workspace.dataset_combo.setCurrentIndex(tab.workspace.dataset_combo.findData("circles"))
    tab.workspace.points_spin.setValue(150)
    QTest.mouseClick(tab.workspace.regenerate_button, Qt.MouseButton.LeftButton)
    points = tab.canvas.editor.points
    assert len(points) == 150
    qtbot.waitUntil(lambda: tab.snapshot.step == 0)
    assert all(np.array_equal(a, b) for a, b in zip(start, tab.snapshot.params, strict=True))
    tab.step_once()
    qtbot.waitUntil(lambda: tab.snapshot.step == 1)
    tab.reset()
    qtbot.waitUntil(lambda: tab.snapshot.step == 0)
    assert tab.canvas.editor.points == points
    QTest.keyClick(tab.window(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.canvas.editor.points != points  # the generated set is one undoable edit


def test_accuracy_is_shown_next_to_the_cost(open_lesson, qtbot):
    tab = open_lesson("network")
    train_steps(qtbot, tab, 400)
    assert tab.accuracy_label.isVisible()
    assert tab.accuracy_label.text().startswith(f"accuracy {tab.snapshot.accuracy:.1%}")
    assert tab.snapshot.accuracy > 0.95


def test_batch_size_counts_epochs(open_lesson, qtbot):
    tab = open_lesson("network")
    tab.canvas.editor.replace(
        PointSet(np.random.default_rng(0).normal(size=(100, 2)), np.arange(100) % 2), "test"
    )
    tab.batch_spin.setValue(10)
    full_speed(tab)
    tab.steps_spin.setValue(30)
    tab.reset()
    qtbot.waitUntil(lambda: tab.snapshot.step == 0)
    tab.toggle_training()
    wait_for_step(qtbot, tab, 30)
    assert tab.snapshot.epoch == 3.0
    assert "epoch 3.0" in tab.accuracy_label.text()


def test_views_are_computed_only_for_what_is_on_screen(open_lesson, qtbot):
    """The neuron pictures come only while the diagram shows; softmax never records a
    ledger (its one-vs-rest page shows none), yet its one-vs-rest maps come with their page."""
    from desktopdl.core.views import DescentView, NeuronMaps, SurfaceView

    network = open_lesson("network")
    network.step_once()
    qtbot.waitUntil(lambda: network.snapshot.view(NeuronMaps) is not None)
    network.views.setCurrentWidget(network.cost_plot)
    network.step_once()
    qtbot.waitUntil(lambda: network.snapshot.view(NeuronMaps) is None)
    assert network.snapshot.view(SurfaceView) is not None  # the canvas still shows it

    softmax = open_lesson("softmax")
    softmax.views.setCurrentWidget(softmax.ovr_page)
    softmax.step_once()
    qtbot.waitUntil(
        lambda: getattr(softmax.snapshot.view(CompanionView), "surface", None) is not None
    )
    assert softmax.snapshot.view(DescentView) is None  # nothing recorded
    softmax.views.setCurrentWidget(softmax.cost_plot)
    softmax.step_once()
    qtbot.waitUntil(lambda: softmax.snapshot.view(CompanionView).surface is None)
