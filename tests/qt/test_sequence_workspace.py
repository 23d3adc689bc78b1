"""The RNN lesson's sequence workspace, used with the mouse and keys as a teacher does."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktopdl.core.sequences import DEFAULT_LENGTH, SequenceSet, generate
from desktopdl.qt.app import application
from desktopdl.qt.sequence_workspace import SequenceWorkspace

LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def workspace(qtbot):
    application()
    ws = SequenceWorkspace(0, True)
    qtbot.addWidget(ws)
    ws.resize(900, 640)
    ws.show()
    qtbot.waitExposed(ws)
    return ws


def draw(canvas, start: tuple[float, float], end: tuple[float, float], moves=20):
    """Press at data point ``start``, move in a straight line to ``end``, release."""
    viewport = canvas.viewport()
    a, b = canvas.map_to_widget(*start), canvas.map_to_widget(*end)
    QTest.mousePress(viewport, LEFT, NO_KEYS, a)
    for i in range(1, moves + 1):
        QTest.mouseMove(viewport, a + (b - a) * (i / moves))
    QTest.mouseRelease(viewport, LEFT, NO_KEYS, b)


def value_per_pixel(canvas) -> float:
    """How much one screen pixel is worth on the value axis (the drawing's precision)."""
    top, bottom = canvas.map_to_widget(0, 1), canvas.map_to_widget(0, 0)
    return 1 / max(bottom.y() - top.y(), 1)


def type_korean(widget, syllables: str) -> None:
    """Type Hangul as a Korean input method does: each syllable composed, then committed
    (QTest.keyClicks takes Latin-1 only)."""
    for syllable in syllables:
        composing = QInputMethodEvent(syllable, [])
        QApplication.sendEvent(widget, composing)
        committed = QInputMethodEvent()
        committed.setCommitString(syllable)
        QApplication.sendEvent(widget, committed)


def choose_series(ws, label: str) -> None:
    index = ws.series_combo.findText(label)
    assert index >= 0, label
    ws.series_combo.setCurrentIndex(index)
    ws.series_combo.activated.emit(index)


def test_a_drag_draws_the_steps_under_the_pen_as_one_undoable_edit(workspace, qtbot):
    canvas = workspace.canvas
    assert canvas.isVisible() and canvas.width() >= 420
    view_before = workspace.visible_rect()
    with qtbot.waitSignal(workspace.data_changed) as changed:
        draw(canvas, (5, 0.5), (40, 0.5))
    drawn = changed.args[0]
    assert drawn is workspace.data()
    tolerance = 3 * value_per_pixel(canvas)
    assert 40 <= len(drawn) <= 42
    assert np.all(np.abs(drawn.values[5:41] - 0.5) < tolerance)
    assert workspace.visible_rect() == view_before  # the drag neither panned nor zoomed
    assert workspace.undo_stack.count() == 1 and workspace.undo_stack.undoText() == "Draw"

    QTest.mouseClick(workspace.undo_button, LEFT)
    assert len(workspace.data()) == 0  # the whole stroke at once
    QTest.mouseClick(workspace.redo_button, LEFT)
    assert workspace.data() == drawn


def test_drawing_over_a_generated_sine_changes_only_the_steps_under_the_stroke(workspace):
    choose_series(workspace, "sine")
    sine = workspace.data().values.copy()
    draw(workspace.canvas, (60, 1.2), (90, 1.2))
    values = workspace.data().values
    assert len(values) == len(sine) == DEFAULT_LENGTH
    changed = np.flatnonzero(np.abs(values - sine) > 1e-9)
    assert changed.min() >= 59 and changed.max() <= 91
    assert np.all(np.abs(values[61:90] - 1.2) < 3 * value_per_pixel(workspace.canvas))
    assert np.array_equal(values[:55], sine[:55]) and np.array_equal(values[95:], sine[95:])


def test_choosing_square_wave_makes_it_at_once_and_keeps_the_text(workspace, qtbot):
    workspace.set_data(SequenceSet(np.zeros(0), "hello"))
    with qtbot.waitSignal(workspace.replaced) as replaced:
        choose_series(workspace, "square wave")
    data = workspace.data()
    assert len(data) == 200 and set(np.unique(data.values)) == {-1.0, 1.0}
    assert replaced.args == ["square wave"]
    assert data.text == "hello"
    assert workspace.generator() == ("square", 0.0)
    assert workspace.undo_stack.undoText() == "Generate square wave"
    view = workspace.visible_rect()
    assert view.xmin <= 0 and view.xmax >= 200 + 50  # every step, and room for a forecast
    assert view.ymin < -1 and view.ymax > 1


def test_length_and_noise_shape_the_regenerated_series(workspace):
    choose_series(workspace, "sine")
    workspace.length_spin.setValue(400)
    QTest.mouseClick(workspace.regenerate_button, LEFT)
    clean = workspace.data().values
    assert len(clean) == 400
    assert np.allclose(clean, generate("sine", 400))
    assert workspace.visible_rect().xmax >= 400

    workspace.noise_slider.setValue(20)
    QTest.mouseClick(workspace.regenerate_button, LEFT)
    noisy = workspace.data().values
    assert len(noisy) == 400 and not np.allclose(noisy, clean)
    assert 0.1 < np.std(noisy - clean) < 0.3
    QTest.mouseClick(workspace.regenerate_button, LEFT)  # a new seed: other noise
    assert not np.array_equal(workspace.data().values, noisy)


def test_typed_text_becomes_the_data_and_undo_puts_the_old_text_back(workspace, qtbot):
    workspace.set_data(SequenceSet(np.zeros(3), "old"))
    workspace.set_task("text")
    edit = workspace.text_edit
    assert edit.isVisible() and not workspace.canvas.isVisible()
    assert not workspace.series_row.isVisible()
    assert edit.toPlainText() == "old"
    edit.setFocus()
    edit.selectAll()
    with qtbot.waitSignal(workspace.data_changed, timeout=3000) as changed:
        type_korean(edit, "안녕")
        QTest.keyClicks(edit, " RNN")
    assert changed.args[0].text == "안녕 RNN"
    assert workspace.data().text == "안녕 RNN" and len(workspace.data()) == 3
    assert workspace.undo_stack.count() == 1  # a whole burst of typing is one edit
    assert workspace.count_label.text() == "6 characters, 5 different"  # N twice

    QTest.mouseClick(workspace.undo_button, LEFT)
    assert edit.toPlainText() == "old" and workspace.data().text == "old"
    QTest.mouseClick(workspace.lecture_button, LEFT)
    assert edit.toPlainText().startswith("RNN은") and workspace.undo_stack.canUndo()

    workspace.set_task("series")
    assert workspace.canvas.isVisible() and not edit.isVisible()


def test_the_hidden_state_strip_shows_a_heatmap_under_the_plot(workspace, qtbot):
    strip = workspace.strip
    assert not strip.isVisible()
    choose_series(workspace, "sine")
    states = np.tanh(np.random.default_rng(0).normal(size=(180, 8)))
    workspace.set_hidden_states(20, states)
    assert strip.isVisible() and strip.image.image.shape == (8, 180)
    qtbot.waitUntil(lambda: strip.width() > 0 and strip.view_box.viewRange()[0][1] > 0)
    # Step t of the strip sits right under step t of the plot.
    for step in (20, 120, 199):
        above = workspace.canvas.mapTo(workspace, workspace.canvas.map_to_widget(step, 0))
        scene = strip.view_box.mapViewToScene(QPoint(step, 3).toPointF())
        below = strip.mapTo(workspace, strip.mapFromScene(scene))
        assert abs(above.x() - below.x()) <= 1
    assert strip.y() > workspace.canvas.y()

    workspace.set_cursor_step(50)
    assert workspace.canvas.cursor_line.isVisible() and strip.cursor_line.value() == 50
    workspace.set_cursor_step(None)
    assert not workspace.canvas.cursor_line.isVisible()

    workspace.set_hidden_states(0, None)
    assert not strip.isVisible()


def test_the_hint_shows_only_while_there_is_nothing_to_see(workspace):
    hint = workspace.canvas.hint
    assert hint.isVisible()
    choose_series(workspace, "sawtooth")
    assert not hint.isVisible()
    QTest.mouseClick(workspace.clear_button, LEFT)
    assert len(workspace.data()) == 0 and hint.isVisible()
    QTest.mouseClick(workspace.undo_button, LEFT)
    assert not hint.isVisible()


def test_restyle_follows_the_dark_theme(workspace):
    from desktopdl.qt import theme
    from desktopdl.qt.app import application as app

    choose_series(workspace, "sine")
    try:
        theme.set_look(app(), workspace, dark=True)
        workspace.restyle()
        assert workspace.canvas.backgroundBrush().color() == theme.LOOK.background
        assert workspace.canvas.hint.color == theme.LOOK.foreground
    finally:
        theme.set_look(app(), workspace, dark=False)
        workspace.restyle()
