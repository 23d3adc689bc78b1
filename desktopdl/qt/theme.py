"""Colours and sizes for a projector: high contrast, colour-blind-safe, scalable.

``LOOK`` holds the presenter's choices (a scale factor for every font, marker and line, and
a light or dark theme independent of the operating system's mode). Plot items are built with
plain (scale 1) sizes; ``restyle()`` walks the window and rescales and recolours every plot
item from the base values it recorded the first time it saw them, so plots never end up black
on black and nothing needs rebuilding. Items that set their own sizes on every update (the
canvas points, descent paths) use ``px()`` and say so with ``dl_self_styled = True``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QWidget,
)

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

BASE_POINT_SIZE = 11
MARKER_SIZE = 18
LINE_WIDTH = 4
AXIS_LABEL_PT = 14
MIN_SCALE, MAX_SCALE = 0.6, 3.0


@dataclass
class Look:
    scale: float = 1.0
    dark: bool = False
    #: Grows at every change, so painters can tell their cached colours are stale.
    version: int = 0

    @property
    def background(self) -> QColor:
        return QColor("#1E1E1E") if self.dark else QColor("#FFFFFF")

    @property
    def foreground(self) -> QColor:
        return QColor("#F0F0F0") if self.dark else QColor("#000000")

    @property
    def outline(self) -> QColor:
        """Point outlines: dark on the light theme, light on the dark one."""
        return QColor("#F0F0F0") if self.dark else QColor("#1A1A1A")


LOOK = Look()


def px(size: float) -> float:
    """A marker size or line width in pixels, at the presenter's scale."""
    return size * LOOK.scale


def class_color(index: int) -> QColor:
    color = QColor(CLASS_COLORS[index % len(CLASS_COLORS)])
    if LOOK.dark and color.lightness() < 40:
        return QColor("#BBBBBB")  # black points would vanish on the dark theme
    return color


def point_brushes(labels, classed: bool):
    """One brush per point in its class colour, or one shared brush for regression points."""
    if not classed:
        return pg.mkBrush(class_color(0))
    return [pg.mkBrush(class_color(int(c))) for c in labels]


def tint(color: QColor, amount: float) -> QColor:
    """The colour blended toward the background: surfaces stay quiet so points stand out."""
    back = LOOK.background
    return QColor(
        *(
            round(b + (c - b) * amount)
            for c, b in (
                (color.red(), back.red()),
                (color.green(), back.green()),
                (color.blue(), back.blue()),
            )
        )
    )


def font(size: float, bold: bool = False) -> QFont:
    result = QFont(QApplication.font())
    result.setPointSizeF(size * LOOK.scale)
    result.setBold(bold)
    return result


def big_font(size: float, bold: bool = False) -> QFont:
    return font(size, bold)


def axis_font() -> QFont:
    return font(BASE_POINT_SIZE)


def set_font(widget: QWidget, size: float, bold: bool = False) -> None:
    """Give a widget a large font that follows the presenter's scale."""
    widget.setProperty("dl_font", (float(size), bool(bold)))
    widget.setFont(font(size, bold))


_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉ₖ₋ₜₓₕₒ", "0123456789k-txho")


def rich(text: str) -> str:
    """Text as Qt rich text with real subscripts (x<sub>1</sub>): the Korean font draws the
    Unicode subscripts x₁, x₂ as a dot that reads "x," from the back row. A list of terms
    separated by ";  " (softmax's one line per class) becomes one line per term."""
    escaped = html.escape(str(text), quote=False)
    out, run = [], ""
    for char in escaped:
        if char in "₀₁₂₃₄₅₆₇₈₉ₖ₋ₜₓₕₒ":
            run += char.translate(_SUBSCRIPTS)
            continue
        if run:
            out.append(f"<sub>{run}</sub>")
            run = ""
        out.append(char)
    if run:
        out.append(f"<sub>{run}</sub>")
    return "".join(out).replace(";  ", "<br>").replace(":  ", ":<br>")


def plain_subscripts(text: str) -> str:
    """x₁ → x1, for places that show plain text only (table headers)."""
    return str(text).translate(_SUBSCRIPTS)


def label_style() -> dict:
    return {"font-size": f"{AXIS_LABEL_PT * LOOK.scale:.0f}pt", "color": LOOK.foreground.name()}


def style_axes(plot_item, bottom: str, left: str) -> None:
    """Large ticks and titles in the foreground colour, no SI-prefix rescaling (a cost of 0.12
    must read 0.12, not 120 ×10⁻³)."""
    for name, title in (("bottom", bottom), ("left", left)):
        axis = plot_item.getAxis(name)
        axis.enableAutoSIPrefix(False)
        # Repaints of the plot (a new surface, new points) reuse the drawn axis and grid:
        # redrawing them cost ~3 ms per axis per frame.
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        axis.setProperty("dl_title", rich(title))
        plot_item.setLabel(name, rich(title), **label_style())
    _style_axis_pens(plot_item)


def _style_axis_pens(plot_item) -> None:
    shown = plot_item.getAxis("right").isVisible()
    for name in ("left", "bottom", "right") if shown else ("left", "bottom"):
        axis = plot_item.getAxis(name)
        axis.setTickFont(axis_font())
        axis.setPen(pg.mkPen(LOOK.foreground, width=1))
        axis.setTextPen(pg.mkPen(LOOK.foreground))
        title = axis.property("dl_title")
        if title is not None:
            plot_item.setLabel(name, title, **label_style())


def legend_below(plot_item, columns: int = 2):
    """A legend in a row under the plot's bottom axis (over the curves it hides the very
    part the class watches), styled like the plot; restyles find it as ``plot.legend``."""
    legend = plot_item.legend = pg.LegendItem(colCount=columns, verSpacing=-6)
    plot_item.layout.addItem(legend, 4, 0, 1, 3)
    style_legend(legend)
    return legend


def style_legend(legend) -> None:
    """A legend readable over the curves: the theme's text on a nearly opaque background."""
    back = QColor(LOOK.background)
    back.setAlpha(225)
    legend.setBrush(pg.mkBrush(back))
    legend.setLabelTextColor(LOOK.foreground)
    legend.setLabelTextSize(f"{11 * LOOK.scale:.0f}pt")


def palette() -> QPalette:
    if not LOOK.dark:
        return QApplication.style().standardPalette()
    pal = QPalette()
    window, base, text = QColor("#2B2B2B"), QColor("#1E1E1E"), QColor("#F0F0F0")
    for role, color in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, window),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, QColor("#3A3A3A")),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.ToolTipBase, base),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.Highlight, QColor("#0072B2")),
        (QPalette.ColorRole.HighlightedText, QColor("#FFFFFF")),
        (QPalette.ColorRole.PlaceholderText, QColor("#AAAAAA")),
    ):
        pal.setColor(role, color)
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#888888"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#888888"))
    return pal


def apply(app: QApplication) -> None:
    """The app-wide part of the look: style, palette, base font, pyqtgraph defaults."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(palette())
    base = QFont(app.font())
    base.setPointSizeF(BASE_POINT_SIZE * LOOK.scale)
    app.setFont(base)
    pg.setConfigOptions(
        background=LOOK.background,
        foreground=LOOK.foreground,
        antialias=True,
        imageAxisOrder="row-major",
    )


def set_look(
    app: QApplication, root: QWidget | None, scale: float | None = None, dark: bool | None = None
) -> None:
    """Change the scale and/or theme and restyle everything already on screen."""
    if scale is not None:
        LOOK.scale = min(max(scale, MIN_SCALE), MAX_SCALE)
    if dark is not None:
        LOOK.dark = dark
    LOOK.version += 1
    apply(app)
    if root is not None:
        restyle(root)


def restyle(root: QWidget) -> None:
    for widget in [root, *root.findChildren(QWidget)]:
        spec = widget.property("dl_font")
        if spec:
            widget.setFont(font(*spec))
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())  # style sheets cache the old palette
        if isinstance(widget, pg.PlotWidget):
            _restyle_plot(widget)
        widget.update()


def _base(item, key: str, value):
    """The value an item had when first seen (before any scaling), recorded on the item."""
    bases = item.__dict__.setdefault("_dl_base", {})
    return bases.setdefault(key, value)


def drawing_color(color: QColor) -> QColor:
    """Near-black drawing colours become the foreground on the dark theme."""
    if LOOK.dark and color.lightness() < 90:
        return LOOK.foreground
    return color


def _scaled_pen(item, key: str, pen) -> object:
    pen = pg.mkPen(pen)
    color, width, style = _base(item, key, (QColor(pen.color()), pen.widthF(), pen.style()))
    return pg.mkPen(drawing_color(color), width=width * LOOK.scale, style=style)


def restyle_plot(widget: pg.PlotWidget) -> None:
    """Restyle one plot (after adding items to it lazily)."""
    _restyle_plot(widget)


def _restyle_plot(widget: pg.PlotWidget) -> None:
    widget.setBackground(LOOK.background)
    plot = widget.getPlotItem()
    _style_axis_pens(plot)
    if plot.legend is not None:
        style_legend(plot.legend)
    title = plot.titleLabel
    if title.text:
        _base(title, "size", title.opts.get("size", "14pt"))
        title.setText(title.text, color=LOOK.foreground.name(), size=f"{14 * LOOK.scale:.0f}pt")
    items = list(plot.items)
    for item in list(items):
        items += [child for child in item.childItems() if isinstance(child, pg.IsocurveItem)]
    for item in items:
        if getattr(item, "dl_self_styled", False):
            continue
        if isinstance(item, pg.PlotDataItem):
            if item.opts.get("pen") is not None:
                item.setPen(_scaled_pen(item, "pen", item.opts["pen"]))
        elif isinstance(item, pg.ScatterPlotItem):
            size = _base(item, "size", item.opts.get("size", 10))
            item.setSize(size * LOOK.scale)
            item.setPen(_scaled_pen(item, "pen", item.opts.get("pen")))
        elif isinstance(item, pg.IsocurveItem):
            item.setPen(_scaled_pen(item, "pen", item.pen))
        elif isinstance(item, (QGraphicsLineItem, QGraphicsPathItem)):
            pen = _scaled_pen(item, "pen", item.pen())
            pen.setCosmetic(True)
            item.setPen(pen)
        elif isinstance(item, pg.TextItem):
            item.setColor(LOOK.foreground)
            size = _base(item, "font", item.textItem.font().pointSizeF())
            text_font = item.textItem.font()
            text_font.setPointSizeF(size * LOOK.scale)
            item.setFont(text_font)
