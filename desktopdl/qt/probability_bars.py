"""One bar per class with its probability: the answer to "is it A, B or C?" at a glance."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from desktopdl.qt import theme

BAR_HEIGHT = 26  # at scale 1


class ProbabilityBars(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.values = np.zeros(0)
        self.title = ""
        self.setMinimumHeight(40)
        # Nothing to show before the first test: no empty space in the read-out either.
        self.setVisible(False)

    def set_values(self, values: np.ndarray, title: str = "") -> None:
        self.values = np.asarray(values, dtype=np.float64).reshape(-1)
        self.title = title
        self.setMinimumHeight(int(theme.px(BAR_HEIGHT) * (len(self.values) + 1) + 8))
        self.setVisible(True)
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(theme.big_font(theme.BASE_POINT_SIZE, bold=True))
        painter.setPen(theme.LOOK.foreground)
        label_width, text_width = theme.px(80), theme.px(64)
        width = max(self.width() - label_width - text_width - 8, 10)
        y = 0
        bar_height = theme.px(BAR_HEIGHT)
        if self.title:
            painter.drawText(
                QRectF(0, 0, self.width(), bar_height), Qt.AlignmentFlag.AlignVCenter, self.title
            )
            y += bar_height
        best = int(np.argmax(self.values)) if len(self.values) else -1
        for index, value in enumerate(self.values):
            row = QRectF(0, y, self.width(), bar_height - 4)
            painter.setPen(theme.LOOK.foreground)
            painter.drawText(
                row.adjusted(0, 0, -self.width() + label_width, 0),
                Qt.AlignmentFlag.AlignVCenter,
                self.tr("class {0}").format(index),
            )
            bar = QRectF(label_width, y + 2, width * float(np.clip(value, 0, 1)), bar_height - 8)
            painter.fillRect(bar, theme.class_color(index))
            if index == best:
                painter.drawRect(QRectF(label_width, y + 2, width, bar_height - 8))
            painter.drawText(
                QRectF(label_width + width + 6, y, text_width, bar_height - 4),
                Qt.AlignmentFlag.AlignVCenter,
                f"{value:.3f}",
            )
            y += bar_height
        painter.end()
