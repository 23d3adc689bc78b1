"""Editing points with the mouse and keyboard, as a teacher does in front of the class."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.qt.conftest import click, drag


def pixel(tab):
    return np.array(tab.canvas.getPlotItem().getViewBox().viewPixelSize())


def test_click_adds_a_point_where_clicked(open_lesson):
    tab = open_lesson("binary")
    before = len(tab.canvas.editor.points)
    click(tab, 2.5, 1.0)
    points = tab.canvas.editor.points
    assert len(points) == before + 1
    assert np.all(np.abs(points.xy[-1] - (2.5, 1.0)) <= 1.5 * pixel(tab))
    assert points.labels[-1] == 0


def test_number_keys_pick_the_class_of_new_points(open_lesson, window):
    tab = open_lesson("binary")
    QTest.keyClick(window, Qt.Key.Key_2)
    assert tab.workspace.class_buttons.checkedId() == 1
    click(tab, 0.5, 4.5)
    assert tab.canvas.editor.points.labels[-1] == 1
    QTest.keyClick(window, Qt.Key.Key_1)
    click(tab, 0.6, 4.5)
    assert tab.canvas.editor.points.labels[-1] == 0
    QTest.keyClick(window, Qt.Key.Key_5)  # no class 4 in a binary lesson: nothing changes
    assert tab.workspace.class_buttons.checkedId() == 0


@pytest.mark.parametrize("how", ["right", "ctrl"])
def test_right_click_or_ctrl_click_removes_the_nearest_point(open_lesson, how):
    tab = open_lesson("binary")
    before = tab.canvas.editor.points
    assert [3, 4] in before.xy.tolist()
    if how == "right":
        click(tab, 3.05, 3.95, button=Qt.MouseButton.RightButton)
    else:
        click(tab, 3.05, 3.95, modifiers=Qt.KeyboardModifier.ControlModifier)
    after = tab.canvas.editor.points
    assert len(after) == len(before) - 1
    assert [3, 4] not in after.xy.tolist()


def test_right_click_far_from_every_point_removes_nothing(open_lesson):
    tab = open_lesson("binary")
    before = tab.canvas.editor.points
    click(tab, 0.3, 0.3, button=Qt.MouseButton.RightButton)
    assert tab.canvas.editor.points == before


def test_dragging_moves_a_point_and_one_undo_puts_it_back(open_lesson, window):
    tab = open_lesson("binary")
    before = tab.canvas.editor.points
    drag(tab, (1, 2), (1.5, 0.5))
    after = tab.canvas.editor.points
    assert len(after) == len(before)
    index = before.xy.tolist().index([1, 2])
    assert np.all(np.abs(after.xy[index] - (1.5, 0.5)) <= 2 * pixel(tab))
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.canvas.editor.points == before


def test_undo_redo_and_clear(open_lesson, window):
    tab = open_lesson("linear")
    original = tab.canvas.editor.points
    click(tab, 4.5, 1.0)
    click(tab, 5.5, 1.0)
    assert len(tab.canvas.editor.points) == len(original) + 2
    ctrl = Qt.KeyboardModifier.ControlModifier
    QTest.keyClick(window, Qt.Key.Key_Z, ctrl)
    assert len(tab.canvas.editor.points) == len(original) + 1
    QTest.keyClick(window, Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert len(tab.canvas.editor.points) == len(original) + 2
    QTest.mouseClick(tab.workspace.clear_button, Qt.MouseButton.LeftButton)
    assert len(tab.canvas.editor.points) == 0
    QTest.keyClick(window, Qt.Key.Key_Z, ctrl)
    assert len(tab.canvas.editor.points) == len(original) + 2


def test_each_lesson_has_its_own_undo_history(open_lesson, window):
    binary = open_lesson("binary")
    before = binary.canvas.editor.points
    linear = open_lesson("linear")
    linear_before = linear.canvas.editor.points
    click(linear, 4.5, 1.0)
    open_lesson("binary")
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert binary.canvas.editor.points == before  # nothing to undo there
    assert len(linear.canvas.editor.points) == len(linear_before) + 1


def test_presets_load_from_the_data_list_and_can_be_undone(open_lesson, window):
    tab = open_lesson("binary")
    index = tab.preset_combo.findText("Lecture: non-linear test (7 points)")
    assert index >= 0
    tab.preset_combo.setCurrentIndex(index)
    tab.preset_combo.activated.emit(index)
    assert len(tab.canvas.editor.points) == 7
    assert tab.canvas.editor.points.xy[-1].tolist() == [6, 4]
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(tab.canvas.editor.points) == 6


def colour_at(tab, x: float, y: float) -> str:
    """The colour on screen 3 px right of and below data point (x, y): inside its dot, and
    clear of the grid lines through whole numbers."""
    picture = tab.canvas.grab().toImage()
    at = tab.canvas.map_to_widget(x, y)
    ratio = picture.devicePixelRatio()
    return picture.pixelColor(round((at.x() + 3) * ratio), round((at.y() + 3) * ratio)).name()


def test_the_points_on_screen_follow_every_edit_and_view_change(open_lesson, window):
    """The points are drawn from a cached picture; it must never show a stale one."""
    tab = open_lesson("binary")
    tab.canvas.set_view((0, 8, 0, 8))
    colour = colour_at(tab, 1.0, 2.0)  # the lecture's first point, class 0
    assert colour_at(tab, 7.0, 1.0) != colour
    click(tab, 7.0, 1.0)
    assert colour_at(tab, 7.0, 1.0) == colour
    drag(tab, (7.0, 1.0), (7.0, 2.0))
    assert colour_at(tab, 7.0, 2.0) == colour and colour_at(tab, 7.0, 1.0) != colour
    tab.canvas.set_view((3, 11, 0, 8))  # pan: the point keeps its data position
    assert colour_at(tab, 7.0, 2.0) == colour
    tab.canvas.set_view((5, 9, 0, 4))  # zoom in
    assert colour_at(tab, 7.0, 2.0) == colour
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the drag
    assert colour_at(tab, 7.0, 2.0) != colour and colour_at(tab, 7.0, 1.0) == colour
