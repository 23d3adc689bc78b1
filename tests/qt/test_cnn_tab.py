"""The CNN page as a teacher uses it: draw classes with the mouse, load the built-in digits,
train, look inside (architecture, filters, feature maps, confusion), test a drawing live."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktopdl.core.views import ConfusionView, FeatureMaps
from tests.qt.conftest import train_steps

LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier


def stroke(pad, points, moves=8):
    """Press at the first pad pixel (col, row), move through the others, release."""
    where = [pad.map_to_widget(col + 0.5, row + 0.5) for col, row in points]
    QTest.mousePress(pad, LEFT, NO_KEYS, where[0])
    for a, b in zip(where, where[1:], strict=False):
        for i in range(1, moves + 1):
            QTest.mouseMove(pad, a + (b - a) * (i / moves))
    QTest.mouseRelease(pad, LEFT, NO_KEYS, where[-1])


def draw_your_own(tab) -> None:
    index = tab.preset_combo.findData("cnn_draw_your_own.json")
    tab.preset_combo.setCurrentIndex(index)
    tab.preset_combo.activated.emit(index)


def test_drawing_with_the_mouse_adds_an_image_of_the_chosen_class(open_lesson, qtbot):
    tab = open_lesson("cnn")
    draw_your_own(tab)
    assert len(tab.workspace.data()) == 0 and tab.lesson.image_size == 28
    pad = tab.workspace.canvas
    tab.set_current_class(2)
    stroke(pad, [(14, 4), (14, 24)])  # a vertical bar down the middle
    QTest.mouseClick(tab.workspace.add_button, LEFT)
    data = tab.workspace.data()
    assert len(data) == 1 and data.labels.tolist() == [2]
    assert data.images[0][14, 14] > 0.5 and data.images[0][14, 3] < 0.05
    assert pad.is_blank()  # ready for the next drawing
    # The strip shows it; the architecture is the 28×28 network's.
    assert tab.architecture.diagram.stages[0].shape == (1, 28, 28)


def test_the_digits_load_with_the_classes_and_counts_chosen(open_lesson, qtbot):
    tab = open_lesson("cnn")
    for digit, check in enumerate(tab.digit_checks):
        check.setChecked(digit in (3, 8))
    tab.per_class_spin.setValue(20)
    QTest.mouseClick(tab.load_digits_button, LEFT)
    data = tab.workspace.data()
    assert len(data) == 40 and data.class_counts(2).tolist() == [20, 20]
    assert tab.lesson.config.classes == 2 and tab.lesson.image_size == 8
    tab.workspace.undo_stack.undo()
    assert len(tab.workspace.data()) == 1797


def test_training_on_the_digits_shows_filters_feature_maps_and_confusion(open_lesson, qtbot):
    tab = open_lesson("cnn")
    tab.views.setCurrentWidget(tab.maps_page)
    train_steps(qtbot, tab, 200)
    metrics = dict(tab.snapshot.metrics)
    assert metrics["validation accuracy"] > 0.85
    qtbot.waitUntil(lambda: tab.snapshot.view(FeatureMaps) is not None, timeout=10_000)
    kinds = [kind for kind, _ in tab.snapshot.view(FeatureMaps).stages]
    assert kinds == ["input", "conv", "pool", "conv", "pool"]
    tab.views.setCurrentWidget(tab.confusion_page)
    qtbot.waitUntil(lambda: tab.snapshot.view(ConfusionView) is not None, timeout=10_000)
    counts = tab.snapshot.view(ConfusionView).counts
    assert counts.shape == (10, 10) and counts.sum() == round(0.2 * 1797)
    tab.views.setCurrentWidget(tab.filters_page)
    qtbot.waitUntil(lambda: tab.filters_page.weights is not None, timeout=10_000)
    assert tab.filters_page.weights.shape == (8, 1, 3, 3)


def test_changing_the_layers_redraws_the_architecture(open_lesson, qtbot):
    tab = open_lesson("cnn")
    editor = tab.filters_editor
    editor.layers_spin.setValue(1)
    kinds = [stage.kind for stage in tab.architecture.diagram.stages]
    assert kinds == ["input", "conv", "pool", "output"]
    total = sum(stage.parameters for stage in tab.architecture.diagram.stages)
    assert total == tab.lesson.parameter_count()


def test_a_drawing_in_test_mode_shows_a_bar_per_class_summing_to_one(open_lesson, qtbot):
    tab = open_lesson("cnn")
    train_steps(qtbot, tab, 100)
    QTest.mouseClick(tab.test_mode_button, LEFT)
    assert tab.test_mode_button.isChecked()
    before = len(tab.workspace.data())
    stroke(tab.workspace.canvas, [(2, 1), (5, 1), (5, 4), (2, 6), (5, 7)])
    qtbot.waitUntil(lambda: tab.bars.isVisible(), timeout=5_000)
    assert len(tab.bars.values) == 10 and abs(tab.bars.values.sum() - 1) < 1e-5
    assert "class" in tab.test_result.text()
    assert len(tab.workspace.data()) == before  # a test drawing is not training data


def test_the_hand_set_kernel_shows_what_one_convolution_does(open_lesson, qtbot):
    tab = open_lesson("cnn")
    draw_your_own(tab)
    stroke(tab.workspace.canvas, [(14, 4), (14, 24)])
    playground = tab.kernel_page
    playground.choose("vertical edges")
    result = playground.result()
    assert result.shape == (28, 28)
    assert result[14, 12] < 0 < result[14, 16] or result[14, 16] < 0 < result[14, 12]
    assert np.allclose(result[14, 2], 0)


def test_the_guess_follows_training_and_goes_when_the_network_changes(open_lesson, qtbot):
    tab = open_lesson("cnn")
    QTest.mouseClick(tab.test_mode_button, LEFT)
    stroke(tab.workspace.canvas, [(2, 1), (5, 1), (5, 4), (2, 6), (5, 7)])
    qtbot.waitUntil(lambda: tab.bars.isVisible(), timeout=5_000)
    before = tab.bars.values.copy()
    train_steps(qtbot, tab, 100)  # the same drawing, guessed again by the trained network
    qtbot.waitUntil(lambda: not np.array_equal(tab.bars.values, before), timeout=5_000)
    draw_your_own(tab)  # 3 classes, 28×28: the old guess and its 10 bars must go
    assert not tab.bars.isVisible()
    assert "→" not in tab.test_result.text()
    QTest.mouseClick(tab.workspace.clear_button, LEFT)
    assert tab.preset_combo.currentIndex() == -1
    assert tab.preset_combo.placeholderText() == "your own drawings"
