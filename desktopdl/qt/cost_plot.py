"""The live cost curve: every step's cost kept, a light picture of it drawn.

Drawing was the app's bottleneck (pyqtgraph paints in Python while holding the GIL, which
starves the training thread): a 3-px antialiased curve of 10k steps took 50–115 ms a frame.
So the curve is redrawn at most ~10 times a second, without antialiasing, as a min/max
envelope with one bin per pixel of the plot (at most ``ENVELOPE_BINS``; every spike stays
visible). The step axis grows in 1-2-5 jumps and the cost axis runs from 0 to a round
ceiling (whole decades on a log scale), so the axes are re-laid-out only when the curve
outgrows them: a re-layout with its tick labels costs ~5 ms, at 10 Hz 5 % of the GUI thread.

A class may leave a lesson training at full speed for an hour (tens of millions of steps),
so neither the memory nor a frame's work may grow with the run (``CostHistory``): the costs
are kept in fixed-size float64 buffers (thinned past a million steps) and the envelope is
kept incrementally in at most ENVELOPE_CAPACITY bins that merge in pairs when they fill. A
frame reads those bins, never the steps. Before, each frame took the min/max over every
step so far (the GUI thread's CPU per frame: 0.4 ms at 40,000 steps, 16 ms at 4 million)
and each doubling of the arrays copied them all at once (75 ms at a million steps).
"""

from __future__ import annotations

import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, QTimer

from desktopdl.core.trainer import TRAINING_ACCURACY, VALIDATION_ACCURACY, VALIDATION_COST
from desktopdl.qt import theme

REFRESH_S = 0.1
ENVELOPE_BINS = 1500
MIN_BINS = 200
#: Room above and below the cost axis's ends, so their tick labels (0 and the ceiling) are
#: drawn: pyqtgraph drops a label that would stick out of the plot.
Y_PADDING = 0.1


def nice_ceiling(value: float, steps: tuple[float, ...] = (1, 2, 5)) -> float:
    """The smallest ``step`` × 10ⁿ (any n) that is ≥ value > 0."""
    power = 10 ** math.floor(math.log10(value))
    for step in (*steps, 10):
        if step * power >= value * (1 - 1e-12):
            return float(step * power)
    return float(10 * power)


#: Ceilings for the cost axis: tight enough that the curve fills most of the plot, round
#: enough to read.
COST_CEILINGS = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8)


def cost_range(costs: np.ndarray, log: bool) -> tuple[float, float] | None:
    """The cost axis for these costs: 0 to a round ceiling, or whole decades in log10 units;
    None when there is nothing finite to show."""
    finite = costs[np.isfinite(costs)]
    if log:
        finite = finite[finite > 0]
        if not len(finite):
            return None
        low, high = math.floor(math.log10(finite.min())), math.ceil(math.log10(finite.max()))
        return float(low), float(max(high, low + 1))
    if not len(finite):
        return None
    low, high = min(0.0, float(finite.min())), float(finite.max())
    top = nice_ceiling(high, COST_CEILINGS) if high > 0 else 1.0
    bottom = -nice_ceiling(-low, COST_CEILINGS) if low < 0 else 0.0
    return bottom, top


#: Every step's cost is kept exactly up to this many values (8 MB of float64); past that
#: the exact record keeps every 2nd step's cost, then every 4th… (the envelope still holds
#: every step's extremes), so a run of any length holds at most this many.
EXACT_CAPACITY = 1 << 20
#: Bins of the incremental envelope: when they are full, neighbours are merged in pairs (the
#: bin width doubles), so between half and all of them trace every step's minimum and
#: maximum. At least 2·ENVELOPE_BINS, so a frame always has a bin per pixel to draw.
ENVELOPE_CAPACITY = 4096
#: Points of a named series (validation cost every k steps…) kept at most: past that every
#: 2nd point is dropped, then every 4th…
SERIES_CAPACITY = 1 << 16
#: A batch of costs starting more steps than this after the last one starts the curve anew
#: (a shorter gap is drawn as a gap).
MAX_GAP = 100_000


class CostHistory:
    """One run's per-step training costs in memory that does not grow with the run, and the
    picture of them in time that does not grow either.

    Two records, both fed by ``append`` in O(new steps):

    * the exact costs (``values``/``steps``, what "Costs as CSV" writes): every step's
      cost as float64 (8 B a step) up to EXACT_CAPACITY steps; a longer run keeps every
      ``stride``-th step (1, 2, 4…: the buffer is thinned in place when it fills);
    * an envelope: each bin of ``width`` steps keeps its minimum, maximum and smallest
      positive cost (for the log scale); when ENVELOPE_CAPACITY bins are full, neighbours
      are merged in pairs and the width doubles. A frame draws from these bins in
      O(ENVELOPE_CAPACITY), however many steps the run has taken, and every spike stays.

    The steps are implicit: the k-th cost received is step ``first_step + k`` (the
    training thread hands them over without gaps); the cost of step k is plotted at k + 1.
    """

    def __init__(self, first_step: int = 0) -> None:
        self.first_step = first_step
        #: Costs received since the run started.
        self.count = 0
        self.stride = 1
        self._exact = np.zeros(1024)
        self._kept = 0
        self.width = 1
        self._low = np.zeros(ENVELOPE_CAPACITY)
        self._high = np.zeros(ENVELOPE_CAPACITY)
        self._positive = np.zeros(ENVELOPE_CAPACITY)
        self._bins = 0
        #: The bin being filled: how many steps it holds and their extremes.
        self._part = 0
        self._part_low = self._part_high = self._part_positive = math.nan
        self.last = math.nan

    @property
    def nbytes(self) -> int:
        """Bytes held by the arrays: bounded, whatever the run's length."""
        arrays = (self._exact, self._low, self._high, self._positive)
        return sum(a.nbytes for a in arrays)

    @property
    def values(self) -> np.ndarray:
        """The kept costs (every step's, or every ``stride``-th one's in a very long run)."""
        return self._exact[: self._kept]

    @property
    def steps(self) -> np.ndarray:
        """The plotted step of each kept cost (1, 2, 3… for a run from the start)."""
        return self.first_step + 1 + self.stride * np.arange(self._kept, dtype=np.float64)

    def append(self, costs: np.ndarray) -> None:
        costs = np.asarray(costs, dtype=np.float64)
        if not len(costs):
            return
        self._keep_exact(costs)
        self._add_to_bins(costs)
        self.count += len(costs)
        self.last = float(costs[-1])

    def _keep_exact(self, costs: np.ndarray) -> None:
        while True:
            kept = costs[(-self.count) % self.stride :: self.stride]
            if self._kept + len(kept) <= EXACT_CAPACITY:
                break
            # Thin the record: keep the costs of every 2·stride-th step.
            half = self._exact[: self._kept : 2]
            self._kept = len(half)
            self._exact[: self._kept] = half
            self.stride *= 2
        needed = self._kept + len(kept)
        if needed > len(self._exact):
            size = min(EXACT_CAPACITY, max(2 * len(self._exact), needed))
            self._exact = np.resize(self._exact, size)
        self._exact[self._kept : needed] = kept
        self._kept = needed

    def _add_to_bins(self, costs: np.ndarray) -> None:
        at, n = 0, len(costs)
        while at < n:
            width = self.width
            if self._part == 0 and n - at >= width:
                if self._bins == ENVELOPE_CAPACITY:
                    self._merge_bins()
                    continue
                k = min((n - at) // width, ENVELOPE_CAPACITY - self._bins)
                block = costs[at : at + k * width].reshape(k, width)
                end = self._bins + k
                self._low[self._bins : end] = np.fmin.reduce(block, axis=1)
                self._high[self._bins : end] = np.fmax.reduce(block, axis=1)
                self._positive[self._bins : end] = np.fmin.reduce(
                    np.where(block > 0, block, np.nan), axis=1
                )
                self._bins = end
                at += k * width
                continue
            piece = costs[at : at + min(width - self._part, n - at)]
            self._part_low = np.fmin(self._part_low, np.fmin.reduce(piece))
            self._part_high = np.fmax(self._part_high, np.fmax.reduce(piece))
            positive = piece[piece > 0]
            if len(positive):
                self._part_positive = np.fmin(self._part_positive, positive.min())
            self._part += len(piece)
            at += len(piece)
            if self._part == width:
                if self._bins == ENVELOPE_CAPACITY:
                    self._merge_bins()  # the bin is half of a wider one now: keep filling
                    continue
                i = self._bins
                self._low[i], self._high[i] = self._part_low, self._part_high
                self._positive[i] = self._part_positive
                self._bins += 1
                self._part = 0
                self._part_low = self._part_high = self._part_positive = math.nan

    def _merge_bins(self) -> None:
        """Neighbouring bins in pairs: half as many, each twice as wide."""
        half = self._bins // 2
        for array, merge in ((self._low, np.fmin), (self._high, np.fmax)):
            array[:half] = merge(array[0 : 2 * half : 2], array[1 : 2 * half : 2])
        self._positive[:half] = np.fmin(
            self._positive[0 : 2 * half : 2], self._positive[1 : 2 * half : 2]
        )
        self._bins = half
        self.width *= 2

    def envelope(self, bins: int, log: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """At most 2·bins points tracing the curve: every cost while there are few of them,
        else each group of bins' maximum and minimum at the group's first step, and the
        latest cost last. In log mode costs ≤ 0 are NaN (not drawn). O(ENVELOPE_CAPACITY)."""
        if self.stride == 1 and self.count <= 2 * bins:
            ys = self.values
            return self.steps, (np.where(ys > 0, ys, np.nan) if log else ys.copy())
        lows = (self._positive if log else self._low)[: self._bins]
        highs = self._high[: self._bins]
        if self._part:  # the bin being filled
            lows = np.append(lows, self._part_positive if log else self._part_low)
            highs = np.append(highs, self._part_high)
        groups = bins - 1  # and the latest cost
        size = -(-len(lows) // groups)
        starts = np.arange(0, len(lows), size)
        lows = np.fmin.reduceat(lows, starts)
        highs = np.fmax.reduceat(highs, starts)
        if log:
            highs = np.where(highs > 0, highs, np.nan)
        xs = self.first_step + 1 + starts.astype(np.float64) * self.width
        last_x = float(self.first_step + self.count)
        last_y = self.last if not log or self.last > 0 else math.nan
        out_x = np.append(np.repeat(xs, 2), last_x)
        out_y = np.append(np.column_stack([highs, lows]).reshape(-1), last_y)
        return out_x, out_y


class SeriesHistory:
    """A named series' (steps, values), at most SERIES_CAPACITY points: when full, every
    other point is dropped (a validation cost every 10 steps has 65,536 points by step
    655,360; the plot is narrower than that). Drawing takes O(bins) of them."""

    def __init__(self) -> None:
        self._steps = np.zeros(64)
        self._values = np.zeros(64)
        self._count = 0
        #: Keep one point of every ``stride`` received (1, 2, 4…).
        self.stride = 1
        self._seen = 0

    @property
    def steps(self) -> np.ndarray:
        return self._steps[: self._count]

    @property
    def values(self) -> np.ndarray:
        return self._values[: self._count]

    @property
    def nbytes(self) -> int:
        return self._steps.nbytes + self._values.nbytes

    def append(self, steps: np.ndarray, values: np.ndarray) -> None:
        steps = np.asarray(steps, dtype=np.float64)
        values = np.asarray(values, dtype=np.float64)
        while True:
            offset = (-self._seen) % self.stride
            new_steps, new_values = steps[offset :: self.stride], values[offset :: self.stride]
            if self._count + len(new_steps) <= SERIES_CAPACITY:
                break
            half = self._count - self._count // 2
            self._steps[:half] = self._steps[: self._count : 2]
            self._values[:half] = self._values[: self._count : 2]
            self._count = half
            self.stride *= 2
        self._seen += len(steps)
        needed = self._count + len(new_steps)
        if needed > len(self._steps):
            size = min(SERIES_CAPACITY, max(2 * len(self._steps), needed))
            self._steps = np.resize(self._steps, size)
            self._values = np.resize(self._values, size)
        self._steps[self._count : needed] = new_steps
        self._values[self._count : needed] = new_values
        self._count = needed

    def drawn(self, bins: int) -> tuple[np.ndarray, np.ndarray]:
        """At most ~2·bins of the points, evenly picked, the latest one always included."""
        n = self._count
        every = max(1, -(-n // (2 * bins)))
        if every == 1:
            return self.steps.copy(), self.values.copy()
        index = np.arange(n - 1, -1, -every)[::-1]
        return self._steps[index], self._values[index]


#: Pens of the other series, by name (the training cost keeps theme.COST_COLOR). Costs share
#: the left axis; accuracies have their own 0…1 axis on the right.
SERIES_COLORS = {
    VALIDATION_COST: "#D55E00",
    TRAINING_ACCURACY: "#009E73",
    VALIDATION_ACCURACY: "#CC79A7",
}
ACCURACIES = (TRAINING_ACCURACY, VALIDATION_ACCURACY)
#: How many kept runs ("ghosts") the plot draws at most.
MAX_GHOSTS = 6
GHOST_COLORS = ("#8C564B", "#9467BD", "#7F7F7F", "#17BECF", "#BCBD22", "#1F77B4")


def series_label(name: str) -> str:
    """A series' name in the interface's language."""
    labels = {
        "cost": QCoreApplication.translate("CostPlot", "training cost (each step)"),
        VALIDATION_COST: QCoreApplication.translate("CostPlot", "validation cost"),
        TRAINING_ACCURACY: QCoreApplication.translate("CostPlot", "training accuracy (right)"),
        VALIDATION_ACCURACY: QCoreApplication.translate("CostPlot", "validation accuracy (right)"),
    }
    return labels.get(name, name)


class CostPlot(pg.PlotWidget):
    """The metrics panel: appends the per-step training cost and the other named series each
    snapshot carries (validation cost every k steps…) to one plot; cleared at a new run.
    Accuracy series are kept (``series``) but not drawn on the cost axis."""

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self._history = CostHistory()
        self._last_refresh = 0.0
        self._x_limit = 0.0
        self._y_range: tuple[float, float] | None = None
        plot = self.getPlotItem()
        theme.style_axes(plot, self.tr("step"), self.tr("cost"))
        plot.showGrid(x=True, y=True, alpha=0.25)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.enableAutoRange(x=False, y=False)
        self.curve = plot.plot(pen=pg.mkPen(theme.COST_COLOR, width=2), antialias=False)
        #: Named series: name → (their points, curve or None).
        self._series: dict[str, tuple[SeriesHistory, object]] = {}
        self._legend: pg.LegendItem | None = None
        self._accuracy_view: pg.ViewBox | None = None
        self._best_line: pg.InfiniteLine | None = None
        #: Kept runs: key → their curves (faded), drawn until removed.
        self._ghosts: dict[int, list[pg.PlotDataItem]] = {}
        self._next_ghost = 0
        self.setMinimumHeight(150)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self._set_x_limit(10)

    @property
    def values(self) -> np.ndarray:
        """The run's per-step costs (every step's up to EXACT_CAPACITY; see CostHistory)."""
        return self._history.values

    @property
    def steps(self) -> np.ndarray:
        return self._history.steps

    @property
    def history(self) -> CostHistory:
        return self._history

    def series(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """(steps, values) of a named series received since the run started."""
        if name not in self._series:
            return np.zeros(0), np.zeros(0)
        points = self._series[name][0]
        return points.steps.copy(), points.values.copy()

    def append_series(self, name: str, steps: np.ndarray, values: np.ndarray) -> None:
        if name not in self._series:
            curve = None
            if name == VALIDATION_COST:
                pen = pg.mkPen(SERIES_COLORS[name], width=3, style=Qt.PenStyle.DashLine)
                curve = self.getPlotItem().plot(pen=pen, antialias=False)
            elif name in ACCURACIES:
                style = Qt.PenStyle.SolidLine if name == TRAINING_ACCURACY else Qt.PenStyle.DotLine
                curve = pg.PlotDataItem(pen=pg.mkPen(SERIES_COLORS[name], width=2, style=style))
                self._accuracy_axis().addItem(curve)
            if curve is not None:
                self._show_in_legend(curve, name)
            self._series[name] = (SeriesHistory(), curve)
        self._series[name][0].append(steps, values)
        self._schedule_refresh()

    def _show_in_legend(self, curve, name: str) -> None:
        if self._legend is None:
            self._legend = theme.legend_below(self.getPlotItem())
            self._legend.addItem(self.curve, series_label("cost"))
        self._legend.addItem(curve, series_label(name))

    def _accuracy_axis(self) -> pg.ViewBox:
        """A second view box for 0…1 accuracies, sharing the step axis, scaled on the right."""
        if self._accuracy_view is None:
            plot = self.getPlotItem()
            view = self._accuracy_view = pg.ViewBox(enableMenu=False)
            view.setMouseEnabled(x=False, y=False)
            plot.showAxis("right")
            plot.scene().addItem(view)
            axis = plot.getAxis("right")
            axis.linkToView(view)
            title = QCoreApplication.translate("CostPlot", "accuracy")
            axis.setProperty("dl_title", theme.rich(title))
            axis.enableAutoSIPrefix(False)
            theme.restyle_plot(self)
            view.setXLink(plot)
            view.setYRange(0, 1, padding=Y_PADDING)

            def follow() -> None:
                view.setGeometry(plot.vb.sceneBoundingRect())

            plot.vb.sigResized.connect(follow)
            follow()
        return self._accuracy_view

    def mark_best(self, step: int | None) -> None:
        """A vertical line at the step with the lowest validation cost (None: no line)."""
        if step is None:
            if self._best_line is not None:
                self._best_line.setVisible(False)
            return
        if self._best_line is None:
            self._best_line = pg.InfiniteLine(
                angle=90,
                pen=pg.mkPen(SERIES_COLORS[VALIDATION_COST], width=2, style=Qt.PenStyle.DotLine),
                label=QCoreApplication.translate("CostPlot", "best"),
                labelOpts={"position": 0.92, "color": SERIES_COLORS[VALIDATION_COST]},
            )
            self.getPlotItem().addItem(self._best_line)
        self._best_line.setVisible(True)
        if self._best_line.value() != step:
            self._best_line.setValue(step)

    def best_step(self) -> float | None:
        line = self._best_line
        return None if line is None or not line.isVisible() else float(line.value())

    def keep_ghost(self) -> int | None:
        """Keep the run drawn now as faded curves (its cost and validation cost) that stay
        through new runs; returns the ghost's key, or None when MAX_GHOSTS are kept."""
        if len(self._ghosts) >= MAX_GHOSTS or not self._history.count:
            return None
        key = self._next_ghost
        self._next_ghost += 1
        color = pg.mkColor(self.ghost_color(key))
        color.setAlpha(150)
        plot = self.getPlotItem()
        xs, ys = self._history.envelope(MIN_BINS)
        curves = [plot.plot(xs.copy(), ys.copy(), pen=pg.mkPen(color, width=2))]
        steps, values = self.series(VALIDATION_COST)
        if len(steps):
            dashed = pg.mkPen(color, width=2, style=Qt.PenStyle.DashLine)
            curves.append(plot.plot(steps, values, pen=dashed))
        for curve in curves:
            curve.setZValue(-5)
        self._ghosts[key] = curves
        self.refresh()
        return key

    @staticmethod
    def ghost_color(key: int) -> str:
        return GHOST_COLORS[key % len(GHOST_COLORS)]

    def remove_ghost(self, key: int) -> None:
        for curve in self._ghosts.pop(key, []):
            self.getPlotItem().removeItem(curve)

    def ghost_keys(self) -> list[int]:
        return list(self._ghosts)

    def clear_curve(self) -> None:
        self._history = CostHistory()
        for name, (_points, curve) in self._series.items():
            if curve is None:
                continue
            if name in ACCURACIES:
                self._accuracy_view.removeItem(curve)
            else:
                self.getPlotItem().removeItem(curve)
            if self._legend is not None:
                self._legend.removeItem(curve)
        self._series.clear()
        self.mark_best(None)
        self.curve.setData([], [])
        self._set_x_limit(10)
        self._y_range = None

    def set_log_scale(self, log: bool) -> None:
        self.getPlotItem().setLogMode(y=log)
        self._y_range = None
        self.refresh()

    def append(self, first_step: int, costs: np.ndarray) -> None:
        """The costs of steps ``first_step``, ``first_step + 1``…; the cost of step k (0, 1,
        …) is plotted at k + 1: after 3 steps the curve reaches 3. O(len(costs)): nothing
        here grows with the steps already on the curve."""
        if not len(costs):
            return
        history = self._history
        expected = history.first_step + history.count
        if not history.count or first_step < expected:
            # A run's first costs (or, never seen in practice, costs going back in time).
            history = self._history = CostHistory(first_step)
        elif first_step - expected > MAX_GAP:
            history = self._history = CostHistory(first_step)
        elif first_step > expected:  # steps nobody sent: a gap in the curve
            history.append(np.full(first_step - expected, np.nan))
        history.append(costs)
        self._schedule_refresh()

    def _schedule_refresh(self) -> None:
        wait = REFRESH_S - (time.perf_counter() - self._last_refresh)
        if wait <= 0:
            self.refresh()
        elif not self._timer.isActive():
            self._timer.start(int(wait * 1000) + 1)

    def _set_x_limit(self, limit: float) -> None:
        self._x_limit = limit
        self.getPlotItem().setXRange(0, limit, padding=0.02)

    def refresh(self) -> None:
        """Draw the costs received so far (``append`` calls it at most every REFRESH_S)."""
        self._last_refresh = time.perf_counter()
        history = self._history
        log = self.getPlotItem().ctrl.logYCheck.isChecked()
        last_step = history.first_step + history.count
        if history.count and last_step > self._x_limit:
            self._set_x_limit(max(10.0, nice_ceiling(last_step)))
        # One bin per screen pixel of the plot is all the eye can see (capped for 4K screens).
        # Every array below has O(bins) points, however long the run: the frame's cost.
        width = int(self.getPlotItem().getViewBox().width())
        bins = max(MIN_BINS, min(ENVELOPE_BINS, width))
        xs, ys = history.envelope(bins, log)
        drawn = [ys]
        for name, (points, curve) in self._series.items():
            if curve is None:
                continue
            series_steps, values = points.drawn(bins)
            if name in ACCURACIES:  # their own 0…1 axis, never on the log scale
                curve.setData(series_steps, values)
                continue
            if log:
                values = np.where(values > 0, values, np.nan)
            curve.setData(series_steps, values)
            drawn.append(values)
            if len(series_steps) and series_steps[-1] > self._x_limit:
                self._set_x_limit(max(10.0, nice_ceiling(series_steps[-1])))
        # Kept runs stay on screen: the axis holds their costs too.
        drawn += [
            g.yData for curves in self._ghosts.values() for g in curves if g.yData is not None
        ]
        # the envelope keeps every bin's extremes
        y_range = cost_range(np.concatenate(drawn) if len(drawn) > 1 else ys, log)
        if y_range is not None and y_range != self._y_range:
            self._y_range = y_range
            self.getPlotItem().setYRange(*y_range, padding=Y_PADDING)
        self.curve.setData(xs, ys)
