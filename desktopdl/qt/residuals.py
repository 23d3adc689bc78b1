"""The residuals H(x) − y of the regression line, as thin vertical bars.

A wide pen is the obvious way to draw them, but Qt strokes each wide line into a polygon: 500
residuals at 2.5 px cost ~8 ms a repaint, and at 36 repaints a second that GUI time (spent
holding the GIL) took a third of the training rate. Filled, pixel-aligned rectangles look the
same on a projector and cost ~0.3 ms (measured with bench/run_bench.py).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from desktopdl.qt import theme

#: Bar width in screen pixels at presenter scale 1.
WIDTH_PX = 3.0


class ResidualBars(pg.GraphicsObject):
    """Vertical bars from each point (x, y) to the line's value there."""

    #: theme.restyle leaves it alone: it reads the scale and colours when it paints.
    dl_self_styled = True

    def __init__(self) -> None:
        super().__init__()
        self._x = self._low = self._high = np.zeros(0)
        self._bounds = QRectF()

    def set_bars(self, x: np.ndarray, y: np.ndarray, predicted: np.ndarray) -> None:
        self.prepareGeometryChange()
        self._x = np.asarray(x, dtype=float)
        self._low = np.minimum(y, predicted)
        self._high = np.maximum(y, predicted)
        finite = np.isfinite(self._x) & np.isfinite(self._low) & np.isfinite(self._high)
        self._x, self._low, self._high = self._x[finite], self._low[finite], self._high[finite]
        if len(self._x):
            left, right = float(self._x.min()), float(self._x.max())
            bottom, top = float(self._low.min()), float(self._high.max())
            self._bounds = QRectF(left, bottom, right - left, top - bottom)
        else:
            self._bounds = QRectF()
        self.update()

    def clear(self) -> None:
        self.set_bars(np.zeros(0), np.zeros(0), np.zeros(0))

    def bars(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(x, bottom, top) of each bar drawn."""
        return self._x, self._low, self._high

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        if self._bounds.isNull() and not len(self._x):
            return QRectF()
        pad = self._half_width() * 2 + (self.pixelWidth() or 0.0)
        return self._bounds.adjusted(-pad, 0.0, pad, 0.0)

    def paint(self, painter: QPainter, *_args) -> None:
        if not len(self._x):
            return
        half = self._half_width()
        left = (self._x - half).tolist()
        rects = [
            QRectF(x, low, 2 * half, high - low)
            for x, low, high in zip(left, self._low.tolist(), self._high.tolist(), strict=True)
        ]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.drawing_color(QColor(theme.RESIDUAL_COLOR)))
        painter.drawRects(rects)

    def _half_width(self) -> float:
        """Half the bar width in data units (the view's x scale)."""
        return 0.5 * WIDTH_PX * theme.LOOK.scale * (self.pixelWidth() or 0.0)
