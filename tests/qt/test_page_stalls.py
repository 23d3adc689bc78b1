"""Lower pages that froze the window while a lesson trained (issue 15): the Ledger at 200
rows, the softmax lesson's One-vs-rest page and the network diagram. The spec's bound: no
user action holds the GUI thread longer than 100 ms. Times are the GUI thread's own CPU
time (``time.thread_time``), so a busy shared machine does not make them fail; the figures
in wall time are in bench/bench_pages.py."""

from __future__ import annotations

import time
import types

import numpy as np
import pyqtgraph as pg
import pyqtgraph.functions
import pytest
from PySide6.QtWidgets import QHeaderView

from desktopdl.core import datasets
from desktopdl.core.data import PointSet
from desktopdl.core.trainer import LEDGER_ROWS
from desktopdl.core.views import CompanionView, DescentView
from tests.qt.conftest import full_speed, train_steps

#: The spec: no user action holds the GUI thread longer than this.
ACTION_MAX_S = 0.100


def gui_seconds(action) -> float:
    """The GUI thread's CPU time for ``action``."""
    start = time.thread_time()
    action()
    return time.thread_time() - start


def time_snapshots(tab) -> list[float]:
    """From now on, the GUI thread's CPU time for taking and drawing each snapshot."""
    times: list[float] = []
    take = tab._take_snapshot

    def timed() -> None:
        times.append(gui_seconds(take))

    tab.worker.snapshot_ready.disconnect(take)
    tab.worker.snapshot_ready.connect(timed)
    return times


# -- the Ledger ---------------------------------------------------------------------------


def test_the_ledger_at_200_rows_refreshes_within_the_spec_bound(open_lesson, qtbot):
    """200 recorded iterations on the Ledger page: the header keeps its widths (resizing to
    contents re-measured every cell, ~5 s a refresh), and a refresh, drawn, holds the GUI
    thread under 100 ms."""
    tab = open_lesson("linear")
    tab.views.setCurrentWidget(tab.ledger_view)
    model, table = tab.ledger_view.model, tab.ledger_view.table
    train_steps(qtbot, tab, LEDGER_ROWS + 20)
    qtbot.waitUntil(lambda: model.rowCount() == LEDGER_ROWS)
    header = table.horizontalHeader()
    modes = {header.sectionResizeMode(i) for i in range(header.count())}
    assert QHeaderView.ResizeMode.ResizeToContents not in modes
    snapshot = tab.snapshot

    def refresh() -> None:
        tab.ledger_view._shown = None  # as if the snapshot were new
        tab.ledger_view.show_snapshot(snapshot)
        table.viewport().repaint()

    assert gui_seconds(refresh) < ACTION_MAX_S
    newest = snapshot.view(DescentView).ledger[-1]
    assert model.index(0, 0).data() == str(newest.iteration)


def test_step_and_rewind_on_the_ledger_page_hold_the_gui_under_the_bound(open_lesson, qtbot):
    """→ and Go back with 200 rows on the page: each snapshot they bring is taken and drawn
    within 100 ms of the GUI thread, and the ledger shows where the run is now."""
    tab = open_lesson("linear")
    tab.views.setCurrentWidget(tab.ledger_view)
    model = tab.ledger_view.model
    train_steps(qtbot, tab, LEDGER_ROWS + 20)
    qtbot.waitUntil(lambda: model.rowCount() == LEDGER_ROWS)
    tab.steps_spin.setValue(0)  # no limit: → may go on
    times = time_snapshots(tab)
    step = tab.snapshot.step
    tab.step_once()
    qtbot.waitUntil(lambda: model.index(0, 0).data() == str(step))  # the step just taken
    tab.ledger_view.iteration_spin.setValue(100)
    tab.ledger_view.back_button.click()
    qtbot.waitUntil(lambda: tab.snapshot.step == 100)
    qtbot.waitUntil(lambda: model.index(0, 0).data() == "99")
    assert times and max(times) < ACTION_MAX_S


# -- One-vs-rest ----------------------------------------------------------------------------


def open_one_vs_rest(open_lesson, qtbot, points: int):
    """The softmax lesson with ``points`` blob points in three classes, its One-vs-rest
    page open and drawn."""
    tab = open_lesson("softmax")
    data = datasets.generate("blobs", points, 0.1, seed=0, classes=3)
    tab.canvas.editor.replace(PointSet(data.xy, data.labels), "test")
    tab.views.setCurrentWidget(tab.ovr_page)
    tab.step_once()
    qtbot.waitUntil(
        lambda: (
            tab.snapshot.view(CompanionView) is not None
            and tab.snapshot.step >= 1
            and len(tab.ovr_page.plots) == 3
        )
    )
    return tab, data


def test_one_vs_rest_maps_show_each_class_against_the_rest(open_lesson, qtbot):
    """Map k shows every point: class k's in its colour over the others in grey."""
    tab, data = open_one_vs_rest(open_lesson, qtbot, 150)
    for index, (_plot, _image, mine, rest) in enumerate(tab.ovr_page.plots):
        own = data.labels == index
        assert np.array_equal(np.sort(mine.getData()[0]), np.sort(data.xy[own, 0]))
        assert np.array_equal(np.sort(rest.getData()[0]), np.sort(data.xy[~own, 0]))
        assert mine.opts["brush"].color() != rest.opts["brush"].color()
        assert mine.zValue() >= rest.zValue()


def test_one_vs_rest_page_makes_no_brush_per_point_per_snapshot(open_lesson, qtbot, monkeypatch):
    """Two more snapshots of the same points: the maps change, the points are not handed
    to the plots again and no brush is made per point (a brush per point in three plots
    cost ~40 ms a snapshot at 150 points)."""
    tab, _data = open_one_vs_rest(open_lesson, qtbot, 150)
    made: list[object] = []
    original = pyqtgraph.functions.mkBrush

    def counting(*args, **kwargs):
        made.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(pg, "mkBrush", counting)
    monkeypatch.setattr(pyqtgraph.functions, "mkBrush", counting)
    handed: list[int] = []
    for _plot, _image, *scatters in tab.ovr_page.plots:
        for scatter in scatters:
            set_data = scatter.setData

            def counted(*args, _set=set_data, **kwargs) -> None:
                handed.append(1)
                _set(*args, **kwargs)

            scatter.setData = counted
    image = tab.ovr_page.plots[0][1]
    before = image.image.copy()
    for _ in range(2):
        step = tab.snapshot.step
        tab.step_once()
        qtbot.waitUntil(lambda s=step: tab.snapshot.step == s + 1)
    qtbot.waitUntil(lambda: not np.array_equal(image.image, before))  # the map follows
    assert len(made) < 10 and not handed


def test_test_with_the_one_vs_rest_page_open_holds_the_gui_under_the_bound(open_lesson, qtbot):
    """③ Test while training at full speed on 1,000 points with the page open: the test
    and every snapshot drawn after it hold the GUI thread under 100 ms (it was 7.3 s: the
    answer waited behind snapshots that each rebuilt 3,000 brushes)."""
    tab, _data = open_one_vs_rest(open_lesson, qtbot, 1000)
    full_speed(tab)
    tab.steps_spin.setValue(0)
    tab.toggle_training()
    qtbot.waitUntil(lambda: tab.snapshot.running)
    times = time_snapshots(tab)
    qtbot.waitUntil(lambda: len(times) >= 3, timeout=30_000)
    tested = gui_seconds(lambda: tab.test_at(1.0, 1.0))
    assert "class" in tab.test_result.text() and "most confident" in tab.ovr_bars.title
    count = len(times)
    qtbot.waitUntil(lambda: len(times) >= count + 5, timeout=30_000)
    tab.pause()
    assert tested < ACTION_MAX_S
    assert max(times) < ACTION_MAX_S, f"slowest snapshot {max(times) * 1000:.0f} ms"


# -- the network diagram ------------------------------------------------------------------


@pytest.fixture
def diagram_tab(open_lesson, qtbot):
    """The network lesson with its diagram on screen and drawn, training paused."""
    tab = open_lesson("network")
    assert tab.views.currentWidget() is tab.diagram
    tab.step_once()
    qtbot.waitUntil(lambda: tab.snapshot.step == 1 and bool(tab.diagram.images))
    qtbot.waitUntil(lambda: not tab.snapshot.running)
    return tab


def count_paints(widget) -> list[int]:
    paints: list[int] = []
    original = type(widget).paintEvent

    def paint_event(self, event) -> None:
        paints.append(1)
        original(self, event)

    widget.paintEvent = types.MethodType(paint_event, widget)
    return paints


def test_the_network_diagram_draws_nothing_when_nothing_it_shows_changed(diagram_tab, qtbot):
    """Snapshots that change nothing on the diagram (a speed change sends one, so does a
    paused worker's every command): no neuron picture is made again and nothing repaints."""
    tab = diagram_tab
    diagram = tab.diagram
    qtbot.wait(50)  # the first drawing's repaint
    images = diagram.images
    paints = count_paints(diagram)
    for speed in (5.0, 50.0, None):
        before = tab.snapshot
        tab.worker.set_speed(speed)
        qtbot.waitUntil(lambda b=before: tab.snapshot is not b)
    qtbot.wait(50)
    assert diagram.images is images
    assert not paints


def test_the_network_diagram_still_follows_the_weights(diagram_tab, qtbot):
    """A step changes the weights: the diagram draws again, and its drawing changes."""
    tab = diagram_tab
    diagram = tab.diagram
    before = diagram.grab().toImage()
    paints = count_paints(diagram)
    tab.lr_spin.setValue(1.0)  # a big step, so the lines visibly change
    step = tab.snapshot.step
    for _ in range(5):
        tab.step_once()
    qtbot.waitUntil(lambda: tab.snapshot.step == step + 5)
    qtbot.waitUntil(lambda: bool(paints))
    assert diagram.grab().toImage() != before


def test_the_network_diagram_is_drawn_anew_in_the_other_theme(diagram_tab, window, qtbot):
    """The kept drawing belongs to a theme: after a switch the same state is drawn in the
    new theme's colours (the input and output circles are filled with its background)."""
    diagram = diagram_tab.diagram
    light = diagram.grab().toImage()
    try:
        window.set_dark(True)
        qtbot.waitUntil(lambda: diagram.grab().toImage() != light)
    finally:
        window.set_dark(False)
    qtbot.waitUntil(lambda: diagram.grab().toImage() == light)
