"""The CNN lesson's drawing workspace, used with the mouse and keys as a teacher does."""

import time

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QHBoxLayout

from desktopdl.core.images import ImageSet
from desktopdl.qt import theme
from desktopdl.qt.app import application
from desktopdl.qt.image_workspace import ImageWorkspace

LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton
NO_KEYS = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def workspace(qtbot):
    application()
    ws = ImageWorkspace(3, False)
    qtbot.addWidget(ws)
    ws.resize(580, 620)
    ws.show()
    qtbot.waitExposed(ws)
    return ws


def stroke(pad, points, button=LEFT, moves=8, release=True):
    """Press at the first pad pixel (col, row), move through the others, release."""
    where = [pad.map_to_widget(col + 0.5, row + 0.5) for col, row in points]
    QTest.mousePress(pad, button, NO_KEYS, where[0])
    for a, b in zip(where, where[1:], strict=False):
        for i in range(1, moves + 1):
            QTest.mouseMove(pad, a + (b - a) * (i / moves))
    if release:
        QTest.mouseRelease(pad, button, NO_KEYS, where[-1])


def drag(widget, start: QPoint, end: QPoint, moves=10):
    QTest.mousePress(widget, LEFT, NO_KEYS, start)
    for i in range(1, moves + 1):
        QTest.mouseMove(widget, start + (end - start) * (i / moves))
    QTest.mouseRelease(widget, LEFT, NO_KEYS, end)


def blobs(labels):
    """Distinct images: image i has one bright square at a place of its own."""
    images = np.zeros((len(labels), 28, 28), dtype=np.float32)
    for i in range(len(labels)):
        row, col = divmod(i, 6)
        images[i, 2 + 4 * row : 5 + 4 * row, 2 + 4 * col : 5 + 4 * col] = 1.0
    return ImageSet(images, labels)


def test_a_stroke_then_add_drawing_adds_one_image_with_ink_where_the_pen_went(workspace):
    pad = workspace.pad
    assert workspace.canvas is pad
    assert pad.width() >= 280 and pad.height() >= 280  # large enough for the back row
    assert not workspace.add_button.isEnabled()  # nothing drawn yet
    stroke(pad, [(6, 6), (21, 21)])
    drawn = pad.image()
    assert drawn.shape == (28, 28) and drawn.dtype == np.float32
    assert all(drawn[k, k] > 0.5 for k in range(8, 20))
    # Soft edges, as in MNIST: grey pixels beside the stroke, not just black and white.
    assert np.any((drawn > 0.1) & (drawn < 0.9))

    QTest.mouseClick(workspace.add_button, LEFT)

    data = workspace.data()
    assert len(data) == 1 and data.labels.tolist() == [0]
    image = data.images[0]
    assert all(image[k, k] > 0.5 for k in range(8, 20))
    assert image[20, 6] < 0.05 and image[6, 20] < 0.05 and image[0, 27] == 0
    assert pad.is_blank()  # ready for the next drawing
    assert workspace.strip.rows.index_at(workspace.strip.rows.thumbnail_rect(0).center()) == 0
    QTest.mouseClick(workspace.undo_button, LEFT)
    assert len(workspace.data()) == 0


def test_a_click_makes_a_dot_and_an_empty_pad_adds_nothing(workspace):
    QTest.keyClick(workspace.pad, Qt.Key.Key_Return)
    assert len(workspace.data()) == 0
    where = workspace.pad.map_to_widget(14.5, 14.5)
    QTest.mouseClick(workspace.pad, LEFT, NO_KEYS, where)
    assert workspace.pad.image()[14, 14] > 0.5


def test_keys_and_class_buttons_choose_the_class_of_new_drawings(workspace):
    pad = workspace.pad
    pad.setFocus()
    QTest.keyClick(pad, Qt.Key.Key_2)
    assert workspace.class_buttons.checkedId() == 1
    stroke(pad, [(14, 4), (14, 24)])
    QTest.keyClick(pad, Qt.Key.Key_Return)  # Enter adds, like the button
    workspace.set_current_class(2)  # what the main window's key 3 does
    assert workspace.class_buttons.checkedId() == 2
    stroke(pad, [(4, 14), (24, 14)])
    QTest.mouseClick(workspace.add_button, LEFT)
    QTest.mouseClick(workspace.class_buttons.button(0), LEFT)
    stroke(pad, [(4, 4), (24, 24)])
    QTest.mouseClick(workspace.add_button, LEFT)
    assert workspace.data().labels.tolist() == [1, 2, 0]
    workspace.set_current_class(5)  # only three classes: ignored
    assert workspace.class_buttons.checkedId() == 0
    assert [b.text() for b in workspace.class_buttons.buttons() if b.isVisible()] == [
        "Class 0 [1]",
        "Class 1 [2]",
        "Class 2 [3]",
    ]


def test_clicking_a_thumbnail_deletes_it_and_undo_brings_it_back(workspace):
    data = blobs([0, 0, 1])
    workspace.set_data(data)
    rows = workspace.strip.rows
    QTest.mouseClick(rows, LEFT, NO_KEYS, rows.thumbnail_rect(1).center())
    assert len(workspace.data()) == 2
    assert np.array_equal(workspace.data().images, data.images[[0, 2]])
    workspace.undo_stack.undo()  # Ctrl+Z through the window's undo group
    assert workspace.data() == data
    workspace.undo_stack.redo()
    assert len(workspace.data()) == 2
    QTest.mouseClick(rows, LEFT, NO_KEYS, QPoint(rows.width() - 5, rows.height() - 5))
    assert len(workspace.data()) == 2  # a click beside the thumbnails deletes nothing


def test_dragging_a_thumbnail_onto_another_class_relabels_it(workspace):
    data = blobs([0, 0, 1])
    workspace.set_data(data)
    rows = workspace.strip.rows
    drag(rows, rows.thumbnail_rect(0).center(), rows.row_rect(2).center())
    assert workspace.data().labels.tolist() == [2, 0, 1]
    assert np.array_equal(workspace.data().images, data.images)
    # Its thumbnail now sits in class 2's row.
    assert rows.row_rect(2).contains(rows.thumbnail_rect(0))
    workspace.undo_stack.undo()
    assert workspace.data().labels.tolist() == [0, 0, 1]
    # A drag that ends in its own row neither relabels nor deletes.
    start = rows.thumbnail_rect(1).center()
    drag(rows, start, start + QPoint(30, 0))
    assert workspace.data() == data


def test_the_right_button_and_the_eraser_remove_ink(workspace):
    pad = workspace.pad
    stroke(pad, [(3, 14), (25, 14)])
    assert pad.image()[14, 5:24].min() > 0.5
    stroke(pad, [(8, 14), (12, 14)], button=RIGHT)
    image = pad.image()
    assert image[13:16, 8:13].max() < 0.1  # erased where the eraser went
    assert image[14, 18:24].min() > 0.5  # kept elsewhere
    QTest.mouseClick(workspace.eraser_button, LEFT)
    stroke(pad, [(18, 14), (23, 14)])
    assert pad.image()[13:16, 18:24].max() < 0.1
    QTest.mouseClick(workspace.eraser_button, LEFT)
    QTest.mouseClick(workspace.clear_pad_button, LEFT)
    assert pad.is_blank()


def test_data_changed_carries_the_new_image_set(workspace, qtbot):
    stroke(workspace.pad, [(5, 5), (20, 10)])
    with qtbot.waitSignal(workspace.data_changed) as blocker:
        workspace.add_drawing()
    assert isinstance(blocker.args[0], ImageSet) and len(blocker.args[0]) == 1
    with qtbot.waitSignal(workspace.data_changed) as blocker:
        workspace.undo_stack.undo()
    assert len(blocker.args[0]) == 0


def test_test_mode_guesses_the_drawing_live_and_adds_nothing(workspace):
    drawn = []
    workspace.test_drawn.connect(drawn.append)
    workspace.set_data(blobs([0, 1]))
    workspace.set_test_mode(True)
    assert not workspace.add_button.isEnabled()
    started = time.perf_counter()
    stroke(workspace.pad, [(6, 6), (14, 22), (22, 6)], moves=25, release=False)
    assert drawn, "nothing sent to the model while the pen was still down"
    while_drawing = len(drawn)
    elapsed_ms = (time.perf_counter() - started) * 1000
    assert while_drawing <= elapsed_ms / 33 + 2  # at most ~30 guesses a second
    QTest.mouseRelease(workspace.pad, LEFT, NO_KEYS, workspace.pad.map_to_widget(22, 6))
    assert np.array_equal(drawn[-1], workspace.pad.image())  # the finished stroke arrives
    assert drawn[-1][14, 6:22].max() > 0.5
    QTest.keyClick(workspace.pad, Qt.Key.Key_Return)
    workspace.add_drawing()
    assert len(workspace.data()) == 2  # Test mode adds nothing
    # Clicking a thumbnail in Test mode tests that drawing instead of deleting it.
    rows = workspace.strip.rows
    QTest.mouseClick(rows, LEFT, NO_KEYS, rows.thumbnail_rect(1).center())
    assert len(workspace.data()) == 2
    assert np.allclose(drawn[-1], workspace.data().images[1], atol=1 / 255)
    workspace.set_test_mode(False)
    assert workspace.add_button.isEnabled()
    workspace.add_drawing()
    assert len(workspace.data()) == 3


def test_a_thousand_images_show_scroll_and_paint_quickly(workspace):
    rng = np.random.default_rng(0)
    images = (rng.random((1000, 28, 28)) > 0.8).astype(np.float32)
    data = ImageSet(images, rng.integers(0, 3, 1000))
    start = time.perf_counter()
    workspace.set_data(data)
    set_data = time.perf_counter() - start
    strip, rows = workspace.strip, workspace.strip.rows
    assert strip.verticalScrollBar().maximum() > 0  # it scrolls
    assert rows.height() > strip.viewport().height() * 5
    start = time.perf_counter()
    rows.repaint(rows.visibleRegion())  # makes the visible thumbnails' pictures
    first = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(10):
        rows.repaint(rows.visibleRegion())
    visible = (time.perf_counter() - start) / 10
    start = time.perf_counter()
    whole = rows.grab()
    everything = time.perf_counter() - start
    start = time.perf_counter()
    rows.grab()
    everything_again = time.perf_counter() - start
    print(
        f"\n1,000 images: set_data {set_data * 1000:.1f} ms; visible strip paint "
        f"{first * 1000:.1f} ms first, {visible * 1000:.2f} ms cached; all {rows.height()} px "
        f"of rows {everything * 1000:.0f} ms first, {everything_again * 1000:.0f} ms cached"
    )
    assert not whole.isNull()
    assert visible < 0.1 and everything_again < 1.0
    # The last thumbnail is reachable: scroll to the bottom and delete it.
    strip.verticalScrollBar().setValue(strip.verticalScrollBar().maximum())
    last = int(np.flatnonzero(data.labels == data.labels.max())[-1])
    target = rows.thumbnail_rect(last)
    assert strip.viewport().rect().contains(rows.mapTo(strip.viewport(), target.center()))
    QTest.mouseClick(rows, LEFT, NO_KEYS, target.center())
    assert len(workspace.data()) == 999
    assert np.array_equal(workspace.data().images, np.delete(data.images, last, axis=0))


def test_clear_and_set_data_go_through_undo(workspace, qtbot):
    data = blobs([0, 1, 2])
    workspace.set_data(data)
    assert not workspace.undo_stack.canUndo()  # a fresh start
    with qtbot.waitSignal(workspace.replaced) as blocker:
        QTest.mouseClick(workspace.clear_button, LEFT)
    assert blocker.args == [""]
    assert len(workspace.data()) == 0
    QTest.mouseClick(workspace.undo_button, LEFT)
    assert workspace.data() == data
    workspace.set_data(blobs([1]), undo_text="Load digits")
    assert workspace.undo_stack.undoText() == "Load digits"
    workspace.undo_stack.undo()
    assert workspace.data() == data


def test_it_offers_the_page_what_a_point_workspace_does(workspace):
    assert isinstance(workspace.bar, QHBoxLayout)
    workspace.plot_item().addItem(pg.ScatterPlotItem())  # the page's test marker: harmless
    rect = workspace.visible_rect()
    assert rect.width == 28
    workspace.set_view(None, workspace.data())
    workspace.show_count(workspace.data())
    workspace.forget_generator()
    workspace.restyle()
    assert workspace.generator() is None
    for classes in (3, 10):
        workspace.set_classes(classes)
        shown = [b for b in workspace.class_buttons.buttons() if not b.isHidden()]
        assert len(shown) == classes
        hint = workspace.minimumSizeHint()
        assert hint.width() <= 580 and hint.height() <= 600, (classes, hint)
    workspace.set_classes(10)
    workspace.set_current_class(9)
    stroke(workspace.pad, [(4, 4), (20, 20)])
    workspace.add_drawing()
    assert workspace.data().labels.tolist() == [9]
    workspace.set_classes(2)
    assert workspace.class_buttons.checkedId() == 0  # class 9 is gone


def _pad_colour_at(pad, col, row):
    return pad.grab().toImage().pixelColor(pad.map_to_widget(col + 0.5, row + 0.5))


def test_ink_is_dark_on_light_paper_and_light_on_dark_paper(workspace):
    pad = workspace.pad
    stroke(pad, [(4, 14), (24, 14)])
    assert _pad_colour_at(pad, 14, 14).lightness() < 60
    assert _pad_colour_at(pad, 14, 4).lightness() > 200
    app = application()
    theme.set_look(app, workspace, dark=True)
    try:
        assert _pad_colour_at(pad, 14, 14).lightness() > 200
        assert _pad_colour_at(pad, 14, 4).lightness() < 60
        assert pad.image()[14, 14] > 0.5 and pad.image()[4, 14] == 0  # the data: ink = 1
    finally:
        theme.set_look(app, workspace, dark=False)
