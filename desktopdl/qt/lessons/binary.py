"""Binary Classification tab: the probability surface, the 0.5 boundary, H(x) in Test."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from desktopdl.core.lessons.binary import BinaryClassification
from desktopdl.core.trainer import Snapshot
from desktopdl.qt.class_surface import ClassSurface
from desktopdl.qt.lesson_tab import LessonTab, format_number
from desktopdl.qt.overlays import StraightLine


class BinaryClassificationTab(LessonTab):
    core_lesson = BinaryClassification

    def build_overlays(self) -> None:
        plot = self.canvas.getPlotItem()
        self.surface = ClassSurface()
        self.boundary = StraightLine(pg.mkPen("k", width=3, style=Qt.PenStyle.DashLine), z=5)
        for item in (self.surface, self.boundary):
            plot.addItem(item)
        self.canvas.view_changed.connect(lambda _rect: self._redraw_boundary())

    def draw_snapshot(self, snapshot: Snapshot) -> None:
        self.surface.show(snapshot.surface, snapshot.surface_rect)
        self._redraw_boundary()

    def _redraw_boundary(self) -> None:
        """The line w₁x₁ + w₂x₂ + b = 0, where H(x) = 0.5, clipped to the visible region."""
        line = None if self.snapshot is None else self.lesson.boundary(list(self.snapshot.params))
        if line is None:
            self.boundary.setVisible(False)
            return
        (w1, w2), b = line
        rect = self.canvas.visible_rect()
        if abs(w2) >= abs(w1):
            xs = np.array([rect.xmin, rect.xmax])
            ys = -(w1 * xs + b) / w2
        else:
            ys = np.array([rect.ymin, rect.ymax])
            xs = -(w2 * ys + b) / w1
        self.boundary.set_points(xs, ys)

    def describe_test(self, x: float, y: float, value: float) -> str:
        label = 1 if value >= 0.5 else 0
        return self.tr("H([{0}, {1}]) = {2} → class {3}").format(
            format_number(x), format_number(y), f"{value:.4f}", label
        )
