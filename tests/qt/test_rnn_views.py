"""The RNN lesson's lower-page pictures: the network unrolled over a window (walked through
time with ◀ / ▶, the arrow keys or a click, one colour per weight matrix at every step), the
next-character bars, and the CNN → RNN against plain-RNN comparison."""

from __future__ import annotations

import types

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtTest import QTest

from desktopdl.core.views import UnrolledView
from desktopdl.qt import theme
from desktopdl.qt.app import application
from desktopdl.qt.rnn_views import (
    MAX_UNITS,
    SHOWN,
    CharacterBars,
    HybridComparison,
    UnrolledDiagram,
    state_grid,
)
from tests.qt.pictures import colors, picture
from tests.qt.pictures import shown as shown_at

FIRST = 100


def shown(qtbot, widget, width: int = 900, height: int = 330):
    return shown_at(qtbot, widget, width, height)


@pytest.fixture(autouse=True)
def app():
    return application()


def window(length: int = 20, units: int = 16, seed: int = 0) -> UnrolledView:
    """A series window like the lesson sends: tanh hidden states, labels like "0.59"."""
    rng = np.random.default_rng(seed)
    xs = np.sin(np.linspace(0, 5, length))
    outputs = np.roll(xs, -1)
    return UnrolledView(
        first_step=FIRST,
        inputs=xs,
        hidden=np.tanh(rng.normal(size=(length, units))),
        outputs=outputs,
        input_labels=tuple(f"{x:.2f}" for x in xs),
        output_labels=tuple(f"{y:.2f}" for y in outputs),
        target_label="0.61",
    )


def diagram_with(qtbot, view: UnrolledView | None = None) -> UnrolledDiagram:
    diagram = shown(qtbot, UnrolledDiagram())
    diagram.set_cell("gru")
    diagram.set_view(window() if view is None else view)
    return diagram


def click_column(diagram: UnrolledDiagram, index: int) -> None:
    centre = diagram.column_rects()[index].center()
    QTest.mouseClick(
        diagram.canvas,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(int(centre.x()), int(centre.y())),
    )


# -- the unrolled network -----------------------------------------------------------------------


def test_a_20_step_window_shows_its_last_six_steps_side_by_side_inside(qtbot, look):
    diagram = diagram_with(qtbot)
    assert diagram.step() == 19
    assert diagram.shown_steps() == list(range(20 - SHOWN, 20))
    rects = diagram.column_rects()
    assert len(rects) == SHOWN
    whole = QRectF(diagram.canvas.rect())
    for a, b in zip(rects, rects[1:], strict=False):
        assert a.right() <= b.left() + 0.5
    for rect in rects:
        assert whole.left() <= rect.left() and rect.right() <= whole.right()
    assert diagram.canvas.cell_title() == "GRU cell"
    assert diagram.step_text() == "step t = 20 of 20"
    assert diagram.readout.text().startswith("t = 20: x = ")
    assert "h has 16 units" in diagram.readout.text()
    assert "0.61" in diagram.canvas.target_text()
    assert colors(picture(diagram)) > 20


def test_every_use_of_a_weight_matrix_has_its_one_colour(qtbot, look):
    diagram = diagram_with(qtbot)
    found = diagram.arrow_colors()
    assert set(found) == {"W_x", "W_h", "W_y"}
    assert all(len(colours) == 1 for colours in found.values()), found
    assert len(set().union(*found.values())) == 3  # three matrices, three colours
    arrows = diagram.canvas.places().arrows
    assert sum(a.kind == "W_x" for a in arrows) == SHOWN
    # h₀ (or the steps before) feeds the first cell, each cell the next one.
    assert sum(a.kind == "W_h" for a in arrows) == SHOWN


def test_next_at_the_last_step_does_nothing(qtbot):
    diagram = diagram_with(qtbot)
    assert not diagram.next_button.isEnabled()
    with qtbot.assertNotEmitted(diagram.step_changed):
        QTest.mouseClick(diagram.next_button, Qt.MouseButton.LeftButton)
        diagram.next_step()
    assert diagram.step() == 19


def test_previous_steps_back_and_sends_the_absolute_time(qtbot):
    diagram = diagram_with(qtbot)
    with qtbot.waitSignal(diagram.step_changed, timeout=1000) as blocker:
        QTest.mouseClick(diagram.previous_button, Qt.MouseButton.LeftButton)
    assert diagram.step() == 18
    assert blocker.args == [FIRST + 18]
    assert diagram.next_button.isEnabled()
    assert diagram.readout.text().startswith("t = 19: ")


def test_left_and_right_keys_walk_through_time(qtbot):
    diagram = diagram_with(qtbot)
    assert diagram.focusPolicy() == Qt.FocusPolicy.StrongFocus
    QTest.keyClick(diagram, Qt.Key.Key_Left)
    QTest.keyClick(diagram, Qt.Key.Key_Left)
    assert diagram.step() == 17
    QTest.keyClick(diagram, Qt.Key.Key_Right)
    assert diagram.step() == 18
    QTest.keyClick(diagram, Qt.Key.Key_Home)
    assert diagram.step() == 0
    assert diagram.shown_steps()[0] == 0
    assert not diagram.previous_button.isEnabled()


def test_stepping_before_the_shown_steps_scrolls_them(qtbot, look):
    diagram = diagram_with(qtbot)
    for _ in range(SHOWN):
        diagram.previous_step()
    assert diagram.step() == 19 - SHOWN
    assert diagram.shown_steps() == list(range(19 - SHOWN, 19 - SHOWN + SHOWN))
    diagram.set_step(2)
    assert diagram.shown_steps()[0] == 2
    assert diagram.canvas.places().target is None  # the end is off screen: "…" instead
    assert diagram.canvas.places().after is not None
    picture(diagram)


def test_a_new_window_of_the_same_length_keeps_the_step(qtbot):
    diagram = diagram_with(qtbot)
    diagram.set_step(10)
    shown_before = diagram.shown_steps()
    with qtbot.assertNotEmitted(diagram.step_changed):
        for seed in range(1, 5):  # training sends one ~20 times a second
            diagram.set_view(window(seed=seed))
    assert diagram.step() == 10
    assert diagram.shown_steps() == shown_before
    diagram.set_view(window(length=8))
    assert diagram.step() == 7  # clamped to the shorter window
    assert diagram.shown_steps() == list(range(2, 8))


def test_a_step_at_the_end_follows_a_longer_window(qtbot):
    diagram = diagram_with(qtbot, window(length=8))
    assert diagram.step() == 7
    diagram.set_view(window(length=20))
    assert diagram.step() == 19


def test_clicking_a_column_selects_its_step(qtbot):
    diagram = diagram_with(qtbot)
    target = diagram.shown_steps()[1]
    with qtbot.waitSignal(diagram.step_changed, timeout=1000) as blocker:
        click_column(diagram, 1)
    assert diagram.step() == target
    assert blocker.args == [FIRST + target]
    if diagram.isActiveWindow():  # the click gave it the keyboard (← / →)
        assert diagram.hasFocus()


def test_a_short_window_shows_every_step_and_h0(qtbot, look):
    diagram = diagram_with(qtbot, window(length=4, units=8))
    assert diagram.shown_steps() == [0, 1, 2, 3]
    assert diagram.canvas.places().target is not None
    picture(diagram)


def test_many_hidden_units_fit_the_cell_and_the_readout_counts_all(qtbot):
    diagram = diagram_with(qtbot, window(units=100))
    assert "h has 100 units" in diagram.readout_text()
    assert len(diagram.canvas._states[0]) == MAX_UNITS
    picture(diagram)


def test_sixteen_units_make_a_square_grid():
    columns, side = state_grid(16, 80, 100, 18)
    assert columns == 4 and side == 18


def test_without_a_view_it_asks_for_training(qtbot, look):
    diagram = diagram_with(qtbot)
    diagram.set_view(None)
    assert diagram.column_rects() == []
    assert not diagram.previous_button.isEnabled() and not diagram.next_button.isEnabled()
    assert diagram.readout.text() == ""
    assert "unrolled over time" in diagram.canvas.empty_text()
    picture(diagram)


def test_spaces_read_as_an_open_box(qtbot):
    view = window(length=5)
    inputs, outputs = ("다", " ", "는", "\n", "을"), tuple("는 을다 ")
    view = UnrolledView(0, view.inputs, view.hidden, view.outputs, inputs, outputs, " ")
    diagram = diagram_with(qtbot, view)
    diagram.set_step(1)
    assert "x = ␣" in diagram.readout_text()
    assert diagram.canvas.target_text().endswith("␣")
    picture(diagram)


# -- the next character ---------------------------------------------------------------------------


def test_character_bars_show_the_top_eight_and_the_rest_summing_to_one(qtbot, look):
    rng = np.random.default_rng(1)
    chars = list("다는을 이가의에서고abcdefghij")
    assert len(chars) == 20
    p = rng.random(20)
    p[3] = 3.0  # the space is the likeliest
    p /= p.sum()
    bars = CharacterBars()
    qtbot.addWidget(bars)
    assert not bars.isVisible()
    bars.set_probabilities(chars, p, "다음 글자")
    rows = bars.shown()
    assert len(rows) == CharacterBars.TOP + 1
    assert sum(value for _label, value in rows) == pytest.approx(1.0, abs=1e-6)
    assert rows[0] == ("␣", pytest.approx(p[3]))
    assert rows[-1][0] == "others"
    values = [value for _label, value in rows[:-1]]
    assert values == sorted(values, reverse=True)
    assert bars.isVisible()
    assert bars.minimumHeight() >= 9 * theme.px(CharacterBars.ROW)
    shown(qtbot, bars, 900, 330)
    assert colors(picture(bars)) > 5


def test_a_small_vocabulary_has_no_others_row(qtbot):
    bars = CharacterBars()
    qtbot.addWidget(bars)
    bars.set_probabilities(["a", "b", "\n"], np.array([0.2, 0.5, 0.3]))
    assert bars.shown() == [("b", 0.5), ("↵", 0.3), ("a", 0.2)]
    shorter = bars.minimumHeight()
    bars.set_probabilities(list("abcdefghijk"), np.full(11, 1 / 11))
    assert bars.minimumHeight() > shorter


# -- the hybrid against the plain RNN -------------------------------------------------------------


def comparison(plain_sure: int | None = None) -> types.SimpleNamespace:
    steps, k = 8, 5
    t = np.arange(1, steps + 1)
    images = np.zeros((k, 8, 8))
    images[:, 1:7, 3:5] = 1
    return types.SimpleNamespace(
        steps=steps,
        hybrid_accuracy_by_step=0.1 + 0.85 * (1 - np.exp(-t / 2)),
        plain_accuracy_by_step=0.1 + 0.8 * (t / steps) ** 2,
        hybrid_confidence_by_step=np.clip(1 - np.exp(-t / 1.5), 0, 1),
        plain_confidence_by_step=(t / steps) ** 2,
        examples=images,
        example_truth=np.arange(k),
        example_hybrid=np.tile(1 - np.exp(-t / 1.5), (k, 1)),
        example_plain=np.tile((t / steps) ** 2, (k, 1)),
        chance=0.1,
        hybrid_final=0.953,
        plain_final=0.874,
        hybrid_confident_at=3,
        plain_confident_at=plain_sure,
    )


def test_comparison_summarises_both_models(qtbot, look):
    view = shown(qtbot, HybridComparison())
    assert view.stack.currentWidget() is view.placeholder
    assert view.placeholder.text() == "Press Train both to compare."
    view.set_result(comparison())
    text = view.summary.text()
    assert "95.3%" in text and "87.4%" in text
    assert "after 3 of 8" in text and "never sure" in text
    assert view.stack.currentWidget() is view.content
    xs, ys = view.hybrid_curve.getData()
    assert list(xs) == list(range(1, 9)) and len(ys) == 8
    assert view.hybrid_sure.value() == 3
    assert not view.plain_sure.isVisible()
    assert view.chance_line.value() == pytest.approx(0.1)
    assert len(view.strip.item_rects()) == 5
    assert colors(picture(view)) > 20
    view.set_result(comparison(plain_sure=7))
    assert view.plain_sure.isVisible() and "after 7 of 8" in view.summary.text()
    view.clear()
    assert view.stack.currentWidget() is view.placeholder
