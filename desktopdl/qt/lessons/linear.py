"""Linear Regression tab: the live line, the residuals H(x) − y, and H(x) in Test."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from desktopdl.core.lessons.linear import LinearRegression
from desktopdl.core.trainer import Snapshot
from desktopdl.qt import theme
from desktopdl.qt.lesson_tab import LessonTab, format_number
from desktopdl.qt.overlays import ResidualBars, StraightLine


class LinearRegressionTab(LessonTab):
    core_lesson = LinearRegression

    def build_overlays(self) -> None:
        plot = self.canvas.getPlotItem()
        self.residuals = ResidualBars()
        self.line = StraightLine(pg.mkPen(theme.LINE_COLOR, width=theme.LINE_WIDTH), z=6)
        self.residuals.setZValue(5)
        for item in (self.residuals, self.line):
            plot.addItem(item)
        self.canvas.view_changed.connect(lambda _rect: self._redraw_line())
        self.canvas.editor.changed.connect(lambda _points: self._redraw_line())

    def draw_snapshot(self, snapshot: Snapshot) -> None:
        self._redraw_line()

    def _redraw_line(self) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        w = float(snapshot.params[0].reshape(-1)[0])
        b = float(snapshot.params[1].reshape(-1)[0])
        if not (np.isfinite(w) and np.isfinite(b)):
            self.line.setVisible(False)
            self.residuals.clear()
            return
        rect = self.canvas.visible_rect()
        xs = np.array([rect.xmin, rect.xmax])
        self.line.set_points(xs, w * xs + b)
        points = self.canvas.editor.points.xy
        self.residuals.set_bars(points[:, 0], points[:, 1], w * points[:, 0] + b)

    def describe_test(self, x: float, y: float, value: float) -> str:
        return f"H({format_number(x)}) = {value:.4f}"

    def draw_test(self, x: float, y: float, value: float | None) -> None:
        """The star sits on the line, at (x, H(x))."""
        self.show_test_marker(None if value is None else (x, value))
