"""The RNN page as a teacher uses it: train the sine and watch the forecast, draw a sequence
with the mouse, step the unrolled network through time, type the start of a sentence and
read the next-character bars, generate text, and compare CNN → RNN with an RNN on rows."""

from __future__ import annotations

import functools

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktopdl.core.lessons import rnn as rnn_core
from desktopdl.core.views import ForecastView, HiddenStates, UnrolledView
from desktopdl.qt.lessons import rnn as rnn_page
from tests.qt.conftest import train_steps, wait_for_step
from tests.qt.test_sequence_workspace import draw

LEFT = Qt.MouseButton.LeftButton


def choose_preset(tab, name: str) -> None:
    index = tab.preset_combo.findData(name)
    tab.preset_combo.setCurrentIndex(index)
    tab.preset_combo.activated.emit(index)


def test_training_the_sine_draws_the_one_step_predictions_and_the_fed_back_forecast(
    open_lesson, qtbot
):
    tab = open_lesson("rnn")
    data = tab.workspace.data()
    assert len(data.values) == 200 and tab.lesson.config.cell == "gru"
    train_steps(qtbot, tab, 300)
    overlay = tab.overlay
    qtbot.waitUntil(lambda: overlay.forecast.getData()[0] is not None)
    xs, ys = overlay.forecast.getData()
    # The dashes start at the last true value and run 60 steps past the end.
    assert xs[0] == 199 and xs[-1] == 259 and ys[0] == data.values[-1]
    steps, predicted = overlay.predictions.getData()
    assert steps[0] == 20 and len(predicted) == 180
    assert np.abs(predicted - data.values[20:]).max() < 0.1  # it learnt the sine
    # The held-out end is shaded (a fifth of the 180 predicted steps, the last 36), and the
    # readout says the error in words.
    low, high = tab.validation_region.getRegion()
    assert (low, high) == (163.5, 199.5)
    assert "of the amplitude" in tab.numbers.text()
    # The hidden state runs under the series, a column per predicted step.
    assert tab.workspace.strip.isVisible()
    assert tab.workspace.strip.image.image.shape == (16, 180)
    # ③ Test: the value after the end is the script's H(x_test).
    value = tab.lesson.predict(list(tab.snapshot.params), tab.lesson.probe_input(data))[0]
    assert f"{value:.4f}" in tab.test_result.text()


def test_space_trains_and_the_cost_falls(open_lesson, qtbot, window):
    tab = open_lesson("rnn")
    tab.speed_combo.setCurrentIndex(0)
    tab.steps_spin.setValue(100)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_Space)
    wait_for_step(qtbot, tab, 100)
    costs = tab.cost_plot.values
    assert len(costs) == 100 and costs[-1] < costs[0] / 5


def test_a_sequence_drawn_with_the_mouse_is_what_the_model_learns(open_lesson, qtbot):
    tab = open_lesson("rnn")
    qtbot.waitUntil(lambda: tab.workspace.strip.isVisible())  # the preset's hidden states
    QTest.mouseClick(tab.workspace.clear_button, LEFT)
    assert len(tab.workspace.data().values) == 0
    assert tab.preset_combo.currentIndex() == -1
    # Nothing of the old series stays: no hidden states, no unrolled window, no answer.
    qtbot.waitUntil(lambda: not tab.workspace.strip.isVisible())
    assert tab.unrolled_page.diagram.length() == 0 and tab.test_result.text() == ""
    draw(tab.workspace.canvas, (0, 0.0), (30, 1.0))
    draw(tab.workspace.canvas, (31, 1.0), (60, -0.5))
    values = tab.workspace.data().values
    assert 58 <= len(values) <= 62
    assert values[30] > 0.8 and values[-1] < -0.3
    assert tab.preset_combo.placeholderText() == tab.own_data_text()
    train_steps(qtbot, tab, 50)
    assert tab.snapshot.step == 50 and np.isfinite(tab.snapshot.cost)
    # Too short for the window: a message, and no training.
    tab.workspace.set_data(tab.workspace.data().with_values(np.zeros(10)), "short")
    tab.toggle_training()
    assert "at least 21" in tab.readout.message_label.text()


def test_the_unrolled_network_steps_back_through_time_with_the_cursor(open_lesson, qtbot):
    tab = open_lesson("rnn")
    tab.views.setCurrentWidget(tab.unrolled_page)
    train_steps(qtbot, tab, 30)
    diagram = tab.unrolled_page.diagram
    qtbot.waitUntil(lambda: diagram.length() == 20)
    assert diagram.step() == 19 and not diagram.next_button.isEnabled()
    QTest.mouseClick(diagram.previous_button, LEFT)
    QTest.mouseClick(diagram.previous_button, LEFT)
    assert diagram.step() == 17
    view = tab.snapshot.view(UnrolledView)
    # The cursor marks the step that input predicts, on the plot and the hidden strip.
    assert tab.workspace.canvas.cursor_line.value() == view.first_step + 17 + 1
    assert "W" in tab.unrolled_page.formula.text() and "σ" in tab.unrolled_page.formula.text()
    # Another cell: the formula and the diagram follow, and the script builds nn.LSTM.
    cell = tab.model_panel.config_form["cell"]
    cell.setCurrentIndex(cell.findData("lstm"))
    assert "LSTM" in tab.formula_label.text() and "tanh(c" in tab.unrolled_page.formula.text()
    tab.views.setCurrentWidget(tab.code_panel)
    qtbot.waitUntil(lambda: "nn.LSTM(" in tab.code_panel.text())


def test_a_typed_start_shows_next_character_bars_summing_to_one(open_lesson, qtbot):
    tab = open_lesson("rnn")
    choose_preset(tab, "rnn_lecture_text.json")
    assert tab.lesson.text_task and not tab.workspace.canvas.isVisible()
    tab.views.setCurrentWidget(tab.text_page)
    train_steps(qtbot, tab, 300)
    prefix = tab.text_page.prefix
    bars = tab.text_page.bars
    assert prefix.text() == "RNN은"  # the text's own start, so the bars show at once
    qtbot.waitUntil(bars.isVisible)
    prefix.clear()
    prefix.setFocus()
    QTest.keyClicks(prefix, "RNN")
    shown = bars.shown()
    assert sum(value for _label, value in shown) == pytest.approx(1.0, abs=1e-6)
    assert shown[0][0] == "은"  # the lecture always writes "RNN은"
    assert "“은”" in tab.test_result.text()
    QTest.mouseClick(tab.text_page.generate_button, LEFT)
    assert "greedy" in tab.text_page.greedy.text() and "RNN" in tab.text_page.sampled.text()
    assert "perplexity" in tab.numbers.text()


def test_typing_in_the_text_never_triggers_the_window_keys(open_lesson, qtbot, window):
    tab = open_lesson("rnn")
    choose_preset(tab, "rnn_lecture_text.json")
    edit = tab.workspace.text_edit
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    QTest.keyClicks(edit, " R 1")
    qtbot.waitUntil(lambda: tab.workspace.data().text.endswith(" R 1"), timeout=5000)
    assert not tab.snapshot.running and tab.snapshot.step == 0  # Space and R typed, not run
    # A new character: the model's alphabet follows, and training starts afresh.
    assert "1" in tab.lesson.config.alphabet


def test_the_cnn_rnn_comparison_runs_in_the_background_and_can_be_cancelled(
    open_lesson, qtbot, monkeypatch
):
    monkeypatch.setattr(
        rnn_page, "hybrid_experiment", functools.partial(rnn_core.hybrid_experiment, steps=30)
    )
    tab = open_lesson("rnn")
    tab.views.setCurrentWidget(tab.hybrid_page)
    panel = tab.hybrid_page.panel
    QTest.mouseClick(panel.run_button, LEFT)
    assert panel.cancel_button.isVisible()
    qtbot.waitUntil(lambda: tab._hybrid_job is None, timeout=60_000)
    summary = tab.hybrid_page.comparison.summary_text()
    assert "CNN → RNN" in summary and "%" in summary
    QTest.mouseClick(panel.run_button, LEFT)
    QTest.mouseClick(panel.cancel_button, LEFT)
    qtbot.waitUntil(lambda: tab._hybrid_job is None, timeout=30_000)
    assert "Cancelled" in tab.readout.message_label.text()


def test_views_are_computed_only_while_on_screen(open_lesson, qtbot):
    tab = open_lesson("rnn")
    tab.views.setCurrentWidget(tab.cost_plot)
    train_steps(qtbot, tab, 20)
    snapshot = tab.snapshot
    assert snapshot.view(UnrolledView) is None
    assert snapshot.view(ForecastView) is not None and snapshot.view(HiddenStates) is not None


def test_the_arrow_keys_walk_the_focused_diagram_not_the_training(open_lesson, qtbot, window):
    tab = open_lesson("rnn")
    tab.views.setCurrentWidget(tab.unrolled_page)
    train_steps(qtbot, tab, 20)
    diagram = tab.unrolled_page.diagram
    qtbot.waitUntil(lambda: diagram.length() == 20)
    window.activateWindow()
    diagram.setFocus()
    qtbot.waitUntil(diagram.hasFocus)
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Left)
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Left)
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Right)
    assert diagram.step() == 18
    assert tab.snapshot.step == 20  # → did not run a training step
