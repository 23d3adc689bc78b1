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
from PySide6.QtCore import Qt, QTimer

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


#: Pens of the other cost series, by name (the training cost keeps theme.COST_COLOR).
SERIES_COLORS = {"validation cost": "#D55E00"}


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
            if name.endswith("cost"):
                color = SERIES_COLORS.get(name, "#CC79A7")
                pen = pg.mkPen(color, width=2, style=Qt.PenStyle.DashLine)
                curve = self.getPlotItem().plot(pen=pen, antialias=False, name=name)
            self._series[name] = ([], [], curve)
        kept_steps, kept_values, _curve = self._series[name]
        kept_steps.extend(np.asarray(steps, dtype=float).tolist())
        kept_values.extend(np.asarray(values, dtype=float).tolist())
        self._schedule_refresh()

    def clear_curve(self) -> None:
        self._count = 0
        for _steps, _values, curve in self._series.values():
            if curve is not None:
                self.getPlotItem().removeItem(curve)
        self._series.clear()
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
        for series_steps, values, curve in self._series.values():
            if curve is None:
                continue
            values = np.asarray(values, dtype=float)
            if log:
                values = np.where(values > 0, values, np.nan)
            curve.setData(np.asarray(series_steps, dtype=float), values)
            drawn.append(values)
            if series_steps and series_steps[-1] > self._x_limit:
                self._set_x_limit(max(10.0, nice_ceiling(series_steps[-1])))
        # the envelope keeps every bin's extremes
        y_range = cost_range(np.concatenate(drawn) if len(drawn) > 1 else ys, log)
        if y_range is not None and y_range != self._y_range:
            self._y_range = y_range
            self.getPlotItem().setYRange(*y_range, padding=Y_PADDING)
        self.curve.setData(xs, ys)
