"""Binary Classification page: the probability surface, the 0.5 boundary, H(x) in Test."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from desktopdl.core.lessons.binary import BinaryClassification
from desktopdl.core.views import SurfaceView
from desktopdl.qt.lesson_tab import LessonTab, format_number
from desktopdl.qt.overlays import StraightLine, SurfaceOverlay


class BoundaryOverlay(SurfaceOverlay):
    """P(class 1) behind the points, and the dashed line where it is 0.5 (exact: the model
    is linear, so no traced boundary is needed)."""

    wanted_views = (SurfaceView,)

    def __init__(self, plot_item, pen_scale: float = 1.0) -> None:
        super().__init__(plot_item, pen_scale)
        pen = pg.mkPen("k", width=3 * pen_scale, style=Qt.PenStyle.DashLine)
        self.boundary = StraightLine(pen, z=5)
        self.add(self.boundary)

    def draw(self, snapshot, lesson, data, rect) -> None:
        super().draw(snapshot, lesson, data, rect)
        line = None if snapshot is None else lesson.boundary(list(snapshot.params))
        if line is None:
            self.boundary.setVisible(False)
            return
        (w1, w2), b = line
        if abs(w2) >= abs(w1):
            xs = np.array([rect.xmin, rect.xmax])
            ys = -(w1 * xs + b) / w2
        else:
            ys = np.array([rect.ymin, rect.ymax])
            xs = -(w2 * ys + b) / w1
        self.boundary.set_points(xs, ys)


class BinaryClassificationTab(LessonTab):
    core_lesson = BinaryClassification
    overlay_class = BoundaryOverlay

    def describe_test(self, x: float, y: float, value: float) -> str:
        label = 1 if value >= 0.5 else 0
        return self.tr("H([{0}, {1}]) = {2} → class {3}").format(
            format_number(x), format_number(y), f"{value:.4f}", label
        )
