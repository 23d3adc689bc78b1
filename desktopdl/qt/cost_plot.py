"""The live cost curve: every step's cost kept, a light picture of it drawn.

Drawing was the app's bottleneck (pyqtgraph paints in Python while holding the GIL, which
starves the training thread): a 3-px antialiased curve of 10k steps took 50–115 ms a frame.
So the curve is redrawn at most ~10 times a second, without antialiasing, as a min/max
envelope with one bin per pixel of the plot (at most ``ENVELOPE_BINS``; every spike stays
visible). The step axis grows in 1-2-5 jumps and the cost axis runs from 0 to a round
ceiling (whole decades on a log scale), so the axes are re-laid-out only when the curve
outgrows them: a re-layout with its tick labels costs ~5 ms, at 10 Hz 5 % of the GUI thread.
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


def envelope(steps: np.ndarray, costs: np.ndarray, bins: int) -> tuple[np.ndarray, np.ndarray]:
    """At most 2·bins points tracing each bin's minimum and maximum, in step order."""
    n = len(costs)
    if n <= 2 * bins:
        return steps, costs
    per_bin = n // bins
    used = per_bin * bins
    shaped = costs[:used].reshape(bins, per_bin)
    lows, highs = np.nanmin(shaped, axis=1), np.nanmax(shaped, axis=1)
    xs = steps[:used:per_bin]
    out_x = np.repeat(xs, 2)
    out_y = np.column_stack([highs, lows]).reshape(-1)
    if used < n:  # the unbinned tail, as it is
        out_x = np.concatenate([out_x, steps[used:]])
        out_y = np.concatenate([out_y, costs[used:]])
    return out_x, out_y


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
        self._steps = np.zeros(1024)
        self._costs = np.zeros(1024)
        self._count = 0
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
        #: Named series: name → (steps, values, curve or None).
        self._series: dict[str, tuple[list[float], list[float], object]] = {}
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
        return self._costs[: self._count]

    @property
    def steps(self) -> np.ndarray:
        return self._steps[: self._count]

    def series(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """(steps, values) of a named series received since the run started."""
        steps, values, _curve = self._series.get(name, ([], [], None))
        return np.asarray(steps, dtype=float), np.asarray(values, dtype=float)

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
            self._series[name] = ([], [], curve)
        kept_steps, kept_values, _curve = self._series[name]
        kept_steps.extend(np.asarray(steps, dtype=float).tolist())
        kept_values.extend(np.asarray(values, dtype=float).tolist())
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
        if len(self._ghosts) >= MAX_GHOSTS or not self._count:
            return None
        key = self._next_ghost
        self._next_ghost += 1
        color = pg.mkColor(self.ghost_color(key))
        color.setAlpha(150)
        plot = self.getPlotItem()
        xs, ys = envelope(self.steps, self.values, MIN_BINS)
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
        self._count = 0
        for name, (_steps, _values, curve) in self._series.items():
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
        n = len(costs)
        if not n:
            return
        if self._count + n > len(self._costs):
            size = max(2 * len(self._costs), self._count + n)
            self._steps = np.resize(self._steps, size)
            self._costs = np.resize(self._costs, size)
        # The cost of step k (1, 2, …) is plotted at k: after 3 steps the curve reaches 3.
        self._steps[self._count : self._count + n] = np.arange(first_step + 1, first_step + n + 1)
        self._costs[self._count : self._count + n] = costs
        self._count += n
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
        steps, costs = self.steps, self.values
        log = self.getPlotItem().ctrl.logYCheck.isChecked()
        if log:
            costs = np.where(costs > 0, costs, np.nan)
        if len(steps) and steps[-1] > self._x_limit:
            self._set_x_limit(max(10.0, nice_ceiling(steps[-1])))
        # One bin per screen pixel of the plot is all the eye can see (capped for 4K screens).
        width = int(self.getPlotItem().getViewBox().width())
        xs, ys = envelope(steps, costs, max(MIN_BINS, min(ENVELOPE_BINS, width)))
        drawn = [ys]
        for name, (series_steps, values, curve) in self._series.items():
            if curve is None:
                continue
            values = np.asarray(values, dtype=float)
            if name in ACCURACIES:  # their own 0…1 axis, never on the log scale
                curve.setData(np.asarray(series_steps, dtype=float), values)
                continue
            if log:
                values = np.where(values > 0, values, np.nan)
            curve.setData(np.asarray(series_steps, dtype=float), values)
            drawn.append(values)
            if series_steps and series_steps[-1] > self._x_limit:
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
