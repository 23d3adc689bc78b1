"""The model's straight lines and the regression residuals, drawn over the canvas.

They change with every snapshot (~36 times a second while training), and everything the GUI
thread does holds the GIL the training thread needs, so they are built for cheap updates:

- ``StraightLine`` is a plain ``QGraphicsLineItem``: moving it costs ~0.3 µs, where a 2-point
  ``pg.PlotDataItem.setData`` also made the view box recompute the bounds of every item on
  the canvas (the 500 points included).
- ``ResidualBars`` draws the residuals H(x) − y as filled, pixel-aligned rectangles: a wide pen
  is the obvious way, but Qt strokes each wide line into a polygon, and 500 residuals at 2.5 px
  cost ~8 ms a repaint against ~0.3 ms for the rectangles.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsPathItem

from desktopdl.core.views import BoundaryView, SurfaceView
from desktopdl.qt import theme
from desktopdl.qt.class_surface import ClassSurface, probability_lut

#: Bar width in screen pixels at presenter scale 1.
WIDTH_PX = 3.0


class ResidualBars(pg.GraphicsObject):
    """Vertical bars from each point (x, y) to the line's value there."""

    #: theme.restyle leaves it alone: it reads the scale and colours when it paints.
    dl_self_styled = True

    def __init__(self) -> None:
        super().__init__()
        self._x = self._low = self._high = np.zeros(0)
        #: (left, right, bottom, top) of the data, kept because Qt asks for the bounding
        #: rectangle many times per repaint.
        self._extent = (0.0, 0.0, 0.0, 0.0)

    def set_bars(self, x: np.ndarray, y: np.ndarray, predicted: np.ndarray) -> None:
        self.prepareGeometryChange()
        self._x = np.asarray(x, dtype=float)
        self._low = np.minimum(y, predicted)
        self._high = np.maximum(y, predicted)
        finite = np.isfinite(self._x) & np.isfinite(self._low) & np.isfinite(self._high)
        self._x, self._low, self._high = self._x[finite], self._low[finite], self._high[finite]
        if len(self._x):
            self._extent = (self._x.min(), self._x.max(), self._low.min(), self._high.max())
        self.update()

    def clear(self) -> None:
        self.set_bars(np.zeros(0), np.zeros(0), np.zeros(0))

    def bars(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(x, bottom, top) of each bar drawn."""
        return self._x, self._low, self._high

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        if not len(self._x):
            return QRectF()
        pad = self._half_width() * 2 + (self.pixelWidth() or 0.0)
        left, right, bottom, top = (float(v) for v in self._extent)
        return QRectF(left - pad, bottom, right - left + 2 * pad, top - bottom)

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


class StraightLine(QGraphicsLineItem):
    """A model's line (the regression line, the decision boundary) in data coordinates.

    The pen is cosmetic (its width is in screen pixels); theme.restyle scales it for the
    presenter scale and recolours it for the dark theme like the plots' own items."""

    def __init__(self, pen: QPen, z: float) -> None:
        super().__init__()
        self.setPen(pen)
        self.setZValue(z)
        self.setVisible(False)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        # The view does not antialias by default; a sloped line without it looks jagged.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        super().paint(painter, option, widget)

    def set_points(self, xs: np.ndarray, ys: np.ndarray) -> None:
        """Through (xs[0], ys[0]) and (xs[1], ys[1]); hidden when not both finite."""
        x0, x1 = float(xs[0]), float(xs[1])
        y0, y1 = float(ys[0]), float(ys[1])
        finite = bool(np.all(np.isfinite((x0, y0, x1, y1))))
        if finite:
            self.setLine(QLineF(x0, y0, x1, y1))
        self.setVisible(finite)

    def points(self) -> tuple[np.ndarray, np.ndarray] | None:
        """(xs, ys) of the two end points drawn, or None when hidden."""
        if not self.isVisible():
            return None
        line = self.line()
        return np.array([line.x1(), line.x2()]), np.array([line.y1(), line.y2()])


class CanvasOverlay:
    """What a lesson draws over its workspace's plot from a snapshot.

    The page and the exported pictures both use the lesson's overlay class (the page's
    own drawing, not a second renderer): ``draw`` is called for every snapshot, after an
    edit of the data and after a change of the visible region. ``wanted_views`` names the
    snapshot views it reads, so the training thread computes them while the page shows.
    ``pen_scale`` widens pens for pictures rendered larger than their layout."""

    wanted_views: tuple[type, ...] = ()

    def __init__(self, plot_item, pen_scale: float = 1.0) -> None:
        self.plot_item = plot_item
        self.pen_scale = pen_scale

    def add(self, *items) -> None:
        for item in items:
            self.plot_item.addItem(item)

    def draw(self, snapshot, lesson, data, rect) -> None:
        """Move the items to the model in ``snapshot`` (None: nothing trained yet)."""

    @staticmethod
    def axis_titles() -> tuple[str, str] | None:
        """The picture's axis titles when they are not the plane's x₁, x₂ (or x, y)."""
        return None

    def show_data(self, data, lesson) -> bool:
        """Draw data that is not points (an exported picture has no workspace to draw it):
        True when the overlay drew it, False when the data has no picture of its own."""
        return False


class SurfaceOverlay(CanvasOverlay):
    """The classifier's output painted behind the points (class colours by confidence), its
    decision boundary drawn as lines, and a key saying what the colours mean."""

    wanted_views = (SurfaceView, BoundaryView)

    def __init__(self, plot_item, pen_scale: float = 1.0) -> None:
        super().__init__(plot_item, pen_scale)
        self.surface = ClassSurface()
        self.boundary_lines = SegmentLines(pg.mkPen("#1a1a1a", width=2.5 * pen_scale), z=4)
        self.add(self.surface, self.boundary_lines)
        self.legend = SurfaceLegend(plot_item)

    def draw(self, snapshot, lesson, data, rect) -> None:
        view = None if snapshot is None else snapshot.view(SurfaceView)
        image = None if view is None else view.image
        self.surface.show(image, None if view is None else view.rect)
        self.legend.show_for(image)
        lines = None if snapshot is None else snapshot.view(BoundaryView)
        self.boundary_lines.set_segments(None if lines is None else lines.segments)


class SegmentLines(QGraphicsPathItem):
    """Line segments (S × 2 × 2) as one path item, like ``StraightLine`` a plain Qt item: a
    ``PlotDataItem.setData`` at every snapshot made the view recompute every item's bounds.
    The pen is cosmetic; theme.restyle scales and recolours it like the plots' own items."""

    def __init__(self, pen: QPen, z: float) -> None:
        super().__init__()
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setZValue(z)
        self._shown: object = None

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        super().paint(painter, option, widget)

    def set_segments(self, segments: np.ndarray | None) -> None:
        """Draw these segments (None or none: nothing); the same array is not redrawn."""
        if segments is self._shown:
            return
        self._shown = segments
        if segments is None or not len(segments):
            self.setPath(QPainterPath())
            return
        points = segments.reshape(-1, 2)
        self.setPath(pg.arrayToQPath(points[:, 0], points[:, 1], connect="pairs"))

    def segment_count(self) -> int:
        return 0 if self._shown is None else len(self._shown)


class SurfaceLegend(pg.LabelItem):
    """What the shading means, in one line under the canvas (never over the points):
    P(class 1) from 0 to 1 for a probability map, "the likeliest class, paler = less sure"
    for several classes."""

    def __init__(self, plot_item) -> None:
        super().__init__("", size="11pt", justify="center")
        # Below the bottom axis, in the plot's own layout: exports carry it too.
        plot_item.layout.addItem(self, 4, 1)
        self._shown: object = None

    def show_for(self, image) -> None:
        kind = None if image is None else ("map" if image.ndim == 2 else "classes")
        key = (kind, theme.LOOK.version, theme.LOOK.scale)
        if key == self._shown:
            return
        self._shown = key
        translate = QCoreApplication.translate
        if kind == "map":
            parts = [
                (probability_color(0.0), translate("SurfaceLegend", "P = 0: class 0")),
                (probability_color(0.5), translate("SurfaceLegend", "P = 0.5: the boundary")),
                (probability_color(1.0), translate("SurfaceLegend", "P = 1: class 1")),
            ]
        elif kind == "classes":
            tints = [theme.tint(theme.class_color(c), 0.38) for c in range(image.shape[-1])]
            swatches = "".join(f"<span style='color:{t.name()}'>&#9632;</span>" for t in tints)
            parts = [
                (
                    None,
                    swatches
                    + "&nbsp;"
                    + html.escape(translate("SurfaceLegend", "colour: the likeliest class")),
                ),
                (theme.LOOK.background, translate("SurfaceLegend", "paler: less sure")),
            ]
        else:
            parts = []
        self.setText(
            "&nbsp;&nbsp;&nbsp;".join(
                text
                if color is None
                else f"<span style='color:{color.name()}'>&#9632;</span>&nbsp;{html.escape(text)}"
                for color, text in parts
            ),
            color=theme.LOOK.foreground.name(),
            size=f"{11 * theme.LOOK.scale:.0f}pt",
        )


def probability_color(value: float) -> QColor:
    lut = probability_lut()
    r, g, b = lut[min(int(value * (len(lut) - 1)), len(lut) - 1)][:3]
    return QColor(int(r), int(g), int(b))
