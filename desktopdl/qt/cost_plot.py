"""The live cost curve: every step's cost, drawn with pyqtgraph's peak downsampling."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from desktopdl.qt import theme


class CostPlot(pg.PlotWidget):
    """Appends the per-step costs carried by each snapshot; cleared when a new run starts."""

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self._steps = np.zeros(1024)
        self._costs = np.zeros(1024)
        self._count = 0
        plot = self.getPlotItem()
        theme.style_axes(plot, self.tr("step"), self.tr("cost"))
        plot.showGrid(x=True, y=True, alpha=0.25)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        self.curve = plot.plot(pen=pg.mkPen(theme.COST_COLOR, width=3))
        self.curve.setDownsampling(auto=True, method="peak")
        self.curve.setClipToView(True)
        self.setMinimumHeight(150)

    @property
    def values(self) -> np.ndarray:
        return self._costs[: self._count]

    @property
    def steps(self) -> np.ndarray:
        return self._steps[: self._count]

    def clear_curve(self) -> None:
        self._count = 0
        self.curve.setData([], [])

    def set_log_scale(self, log: bool) -> None:
        self.getPlotItem().setLogMode(y=log)
        self._refresh()

    def append(self, first_step: int, costs: np.ndarray) -> None:
        n = len(costs)
        if not n:
            return
        if self._count + n > len(self._costs):
            size = max(2 * len(self._costs), self._count + n)
            self._steps = np.resize(self._steps, size)
            self._costs = np.resize(self._costs, size)
        self._steps[self._count : self._count + n] = np.arange(first_step, first_step + n)
        self._costs[self._count : self._count + n] = costs
        self._count += n
        self._refresh()

    def _refresh(self) -> None:
        costs = self.values
        if self.getPlotItem().ctrl.logYCheck.isChecked():
            costs = np.where(costs > 0, costs, np.nan)
        self.curve.setData(self.steps, costs)
