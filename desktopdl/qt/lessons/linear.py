"""Linear Regression page: the live line, the residuals H(x) − y, and H(x) in Test."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from desktopdl.core.lessons.linear import LinearRegression
from desktopdl.qt import theme
from desktopdl.qt.lesson_tab import LessonTab, format_number
from desktopdl.qt.overlays import CanvasOverlay, ResidualBars, StraightLine


class LineOverlay(CanvasOverlay):
    """The fitted line across the visible region, and a bar from each point to it."""

    def __init__(self, plot_item, pen_scale: float = 1.0) -> None:
        super().__init__(plot_item, pen_scale)
        self.residuals = ResidualBars()
        self.residuals.setZValue(5)
        width = theme.LINE_WIDTH * pen_scale
        self.line = StraightLine(pg.mkPen(theme.LINE_COLOR, width=width), z=6)
        self.add(self.residuals, self.line)

    def draw(self, snapshot, lesson, data, rect) -> None:
        if snapshot is None:
            return
        w = float(snapshot.params[0].reshape(-1)[0])
        b = float(snapshot.params[1].reshape(-1)[0])
        if not (np.isfinite(w) and np.isfinite(b)):
            self.line.setVisible(False)
            self.residuals.clear()
            return
        xs = np.array([rect.xmin, rect.xmax])
        self.line.set_points(xs, w * xs + b)
        points = data.xy
        self.residuals.set_bars(points[:, 0], points[:, 1], w * points[:, 0] + b)


class LinearRegressionTab(LessonTab):
    core_lesson = LinearRegression
    overlay_class = LineOverlay
    test_inputs = ("x",)

    def describe_test(self, x: float, y: float, value: float) -> str:
        return f"H({format_number(x)}) = {value:.4f}"

    def draw_test(self, x: float, y: float, value: float | None) -> None:
        """The star sits on the line, at (x, H(x))."""
        self.show_test_marker(None if value is None else (x, value))
