"""Colours and sizes chosen for a projector: high contrast, colour-blind-safe, large text."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication

#: Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
CLASS_COLORS = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
    "#999999",  # grey
)
LINE_COLOR = "#D55E00"
RESIDUAL_COLOR = "#555555"
COST_COLOR = "#0072B2"
TEST_COLOR = "#000000"

BASE_POINT_SIZE = 11
MARKER_SIZE = 18
LINE_WIDTH = 4


def class_color(index: int) -> QColor:
    return QColor(CLASS_COLORS[index % len(CLASS_COLORS)])


def tint(color: QColor, amount: float) -> QColor:
    """The colour blended toward white: backgrounds stay light so points stand out."""
    r, g, b = color.red(), color.green(), color.blue()
    return QColor(
        round(255 - (255 - r) * amount),
        round(255 - (255 - g) * amount),
        round(255 - (255 - b) * amount),
    )


def apply(app: QApplication) -> None:
    """Light high-contrast theme, independent of the operating system's dark mode."""
    app.setStyle("Fusion")
    palette = app.style().standardPalette()
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    pg.setConfigOptions(background="w", foreground="k", antialias=True, imageAxisOrder="row-major")


def big_font(size: int, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSize(size)
    font.setBold(bold)
    return font


def axis_font() -> QFont:
    return big_font(BASE_POINT_SIZE)


#: CSS for pyqtgraph axis titles, which take HTML styles rather than a QFont.
AXIS_LABEL_STYLE = {"font-size": "14pt", "color": "#000"}


def style_axes(plot_item, bottom: str, left: str) -> None:
    """Large black ticks and titles, no SI-prefix rescaling (a cost of 0.12 must read 0.12)."""
    for name, title in (("bottom", bottom), ("left", left)):
        axis = plot_item.getAxis(name)
        axis.setTickFont(axis_font())
        axis.setPen(pg.mkPen("k", width=1))
        axis.setTextPen(pg.mkPen("k"))
        axis.enableAutoSIPrefix(False)
        plot_item.setLabel(name, title, **AXIS_LABEL_STYLE)
