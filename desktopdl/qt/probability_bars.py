"""One bar per class with its probability: the answer to "is it A, B or C?" at a glance."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from desktopdl.qt import theme

BAR_HEIGHT = 26


class ProbabilityBars(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.values = np.zeros(0)
        self.title = ""
        self.setMinimumHeight(40)

    def set_values(self, values: np.ndarray, title: str = "") -> None:
        self.values = np.asarray(values, dtype=np.float64).reshape(-1)
        self.title = title
        self.setMinimumHeight(BAR_HEIGHT * (len(self.values) + 1) + 8)
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(theme.big_font(theme.BASE_POINT_SIZE, bold=True))
        label_width, text_width = 80, 64
        width = max(self.width() - label_width - text_width - 8, 10)
        y = 0
        if self.title:
            painter.drawText(
                QRectF(0, 0, self.width(), BAR_HEIGHT), Qt.AlignmentFlag.AlignVCenter, self.title
            )
            y += BAR_HEIGHT
        best = int(np.argmax(self.values)) if len(self.values) else -1
        for index, value in enumerate(self.values):
            row = QRectF(0, y, self.width(), BAR_HEIGHT - 4)
            painter.setPen(QColor("black"))
            painter.drawText(
                row.adjusted(0, 0, -self.width() + label_width, 0),
                Qt.AlignmentFlag.AlignVCenter,
                f"class {index}",
            )
            bar = QRectF(label_width, y + 2, width * float(np.clip(value, 0, 1)), BAR_HEIGHT - 8)
            painter.fillRect(bar, theme.class_color(index))
            if index == best:
                painter.drawRect(QRectF(label_width, y + 2, width, BAR_HEIGHT - 8))
            painter.drawText(
                QRectF(label_width + width + 6, y, text_width, BAR_HEIGHT - 4),
                Qt.AlignmentFlag.AlignVCenter,
                f"{value:.3f}",
            )
            y += BAR_HEIGHT
        painter.end()
