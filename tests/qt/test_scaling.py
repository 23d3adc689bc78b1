"""A canvas full of points stays responsive: 10,000 points on the canvas cost one symbol
picture per class, not one per point (issue 15, "Scale"; the figures are in
docs/benchmarks.md, measured by bench/sections/scale.py)."""

from __future__ import annotations

import numpy as np

from bench.points import two_blobs
from desktopdl.core.data import PointSet
from desktopdl.qt import theme
from desktopdl.qt.app import application
from tests.qt.conftest import click, drag

MANY = 10_000


def symbols_rendered(tab) -> int:
    """How many symbol pictures the canvas's scatter has rendered (pyqtgraph's atlas)."""
    return len(tab.canvas.scatter.fragmentAtlas._coords)


def test_ten_thousand_points_render_one_symbol_per_class(open_lesson):
    """Each distinct brush object costs pyqtgraph one rendered symbol (~0.3 ms): a brush per
    point made a click with 10,000 points hold the window ~3 s."""
    tab = open_lesson("binary")
    tab.pause()
    tab.canvas.editor.replace(PointSet(*two_blobs(MANY)), "many")
    tab.canvas.set_view(tab.canvas.editor.points.bounds())
    click(tab, 3.0, 3.0)
    click(tab, 3.5, 3.0)
    assert len(tab.canvas.editor.points) == MANY + 2
    assert symbols_rendered(tab) <= 4  # one per class, and a spare for a theme change


def test_an_edit_with_ten_thousand_points_redraws_only_the_point_edited(open_lesson, monkeypatch):
    """A full redraw restyles every point (~25 ms for 10,000), too slow to follow a drag at
    60 mouse moves a second: a click restyles only the new point, a drag's moves none, and
    what is drawn is still exactly the editor's points."""
    tab = open_lesson("binary")
    tab.pause()
    canvas = tab.canvas
    canvas.editor.replace(PointSet(*two_blobs(MANY)), "many")
    canvas.set_view(canvas.editor.points.bounds())
    scatter = canvas.scatter
    restyled: list[int] = []
    update_spots = scatter.updateSpots

    def counted(dataSet=None):  # noqa: N803 - pyqtgraph's name
        restyled.append(len(scatter.data if dataSet is None else dataSet))
        update_spots(dataSet)

    monkeypatch.setattr(scatter, "updateSpots", counted)

    def drawn() -> np.ndarray:
        return np.column_stack(scatter.getData())

    before = canvas.editor.points.xy.copy()
    start = before[np.argmin(np.linalg.norm(before - before.mean(axis=0), axis=1))]  # central
    # Far enough that the first move pyqtgraph takes (it drops moves closer than 10 ms
    # apart) is already past its 5-pixel drag threshold.
    drag(tab, tuple(start), tuple(start + (2.0, 2.0)))
    moved = canvas.editor.points.xy
    assert len(moved) == MANY and np.sum(np.any(moved != before, axis=1)) == 1
    assert restyled == []
    assert np.array_equal(drawn(), moved)
    click(tab, 1.0, 1.0)
    assert len(canvas.editor.points) == MANY + 1
    assert restyled == [1]
    assert np.array_equal(drawn(), canvas.editor.points.xy)
    canvas.editor.undo_stack.undo()  # the click
    canvas.editor.undo_stack.undo()  # the drag
    assert np.array_equal(drawn(), before)


def test_shared_brushes_still_follow_the_classes_and_the_theme(open_lesson):
    tab = open_lesson("binary")
    tab.canvas.editor.replace(PointSet(*two_blobs(20)), "few")
    app = application()
    try:
        for dark in (False, True):
            theme.set_look(app, tab.window(), dark=dark)
            brushes = tab.canvas.scatter.data["brush"]
            labels = tab.canvas.editor.points.labels
            colors = {brush.color().name() for brush in brushes}
            assert colors == {theme.class_color(int(c)).name() for c in np.unique(labels)}
            assert all(
                brush.color() == theme.class_color(int(label))
                for brush, label in zip(brushes, labels, strict=True)
            )
    finally:
        theme.set_look(app, tab.window(), dark=False)
