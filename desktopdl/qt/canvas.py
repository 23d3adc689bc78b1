"""The point canvas: click to add, right-click (or Ctrl+click) to remove, drag to move.

Every edit replaces the immutable PointSet and goes through a QUndoStack, so Ctrl+Z and
Ctrl+Shift+Z work for all of them, and the training thread only ever receives whole sets.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QGraphicsItem

from desktopdl.core.data import PointSet
from desktopdl.core.lessons import Rect
from desktopdl.qt import theme
from desktopdl.qt.undo import DataEditor

#: How close (in screen pixels) a press must be to a point to grab or delete it.
GRAB_RADIUS_PX = 18
DELETE_RADIUS_PX = 40
#: Qt's pixmap cache (KiB): room for the cached points of a few full-screen 4K canvases.
PIXMAP_CACHE_KB = 128 * 1024


class PointEditor(DataEditor):
    """The training points being edited, with undo and redo."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(PointSet.empty(), parent)

    @property
    def points(self) -> PointSet:
        return self.data

    def add(self, x: float, y: float, label: int) -> None:
        self.replace(
            self.points.with_point(x, y, label),
            QCoreApplication.translate("PointEditor", "Add point"),
        )

    def remove(self, index: int) -> None:
        self.replace(
            self.points.without(index), QCoreApplication.translate("PointEditor", "Remove point")
        )

    def clear(self) -> None:
        self.replace(PointSet.empty(), QCoreApplication.translate("PointEditor", "Clear points"))


class _PassiveScatter(pg.ScatterPlotItem):
    """Points that leave every click to the canvas, so Ctrl+click on a point removes it.

    While training, the surface and line under the points change ~36 times a second and the
    points do not: Qt keeps them as one cached picture and blits it, instead of pyqtgraph
    redrawing every symbol in Python (0.6 ms for 500, GIL held). Qt alone missed some changes
    (an edit after a zoom showed the old picture), so every data or view change drops the
    picture explicitly."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # The cache must hold a full-screen 4K canvas, or it is re-rendered on every frame.
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))

    def setData(self, *args, **kwargs) -> None:  # noqa: N802 - pyqtgraph's name
        super().setData(*args, **kwargs)
        self.drop_cached_picture()

    def viewTransformChanged(self) -> None:  # noqa: N802 - pyqtgraph's name
        super().viewTransformChanged()
        self.drop_cached_picture()

    def append_spots(self, xy: np.ndarray, brushes: list, pen, size: float) -> None:
        """Add points at the end, styling only them: ``setData`` restyles every point
        (~25 ms for 10,000, per click)."""
        self.addPoints(pos=np.asarray(xy, dtype=float), brush=brushes, pen=pen, size=size)
        self.drop_cached_picture()

    def move_spot(self, index: int, x: float, y: float) -> None:
        """Move one point (a drag does it at every mouse move) without restyling the rest."""
        self.data["x"][index] = x
        self.data["y"][index] = y
        self.prepareGeometryChange()
        self.informViewBoundsChanged()
        self.bounds = [None, None]
        self.invalidate()
        self.drop_cached_picture()
        self.sigPlotChanged.emit(self)

    def drop_cached_picture(self) -> None:
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def mouseClickEvent(self, ev) -> None:
        ev.ignore()


class _CanvasViewBox(pg.ViewBox):
    """A ViewBox whose clicks and drags edit points; empty-space drags still pan."""

    def __init__(self, canvas: PointCanvas):
        super().__init__(enableMenu=False)
        self._canvas = canvas
        self._drag_index: int | None = None
        self._drag_before: PointSet | None = None

    def mouseClickEvent(self, ev) -> None:
        pos = self.mapToView(ev.pos())
        ctrl = bool(ev.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if ev.button() == Qt.MouseButton.RightButton or (
            ev.button() == Qt.MouseButton.LeftButton and ctrl
        ):
            ev.accept()
            self._canvas.remove_near(pos.x(), pos.y())
        elif ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self._canvas.left_click(pos.x(), pos.y())
        else:
            super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev, axis=None) -> None:
        canvas = self._canvas
        if ev.button() != Qt.MouseButton.LeftButton or canvas.test_mode:
            super().mouseDragEvent(ev, axis)
            return
        if ev.isStart():
            start = self.mapToView(ev.buttonDownPos())
            self._drag_index = canvas.point_near(start.x(), start.y(), GRAB_RADIUS_PX)
            self._drag_before = canvas.editor.points
        if self._drag_index is None:
            super().mouseDragEvent(ev, axis)
            return
        ev.accept()
        pos = self.mapToView(ev.pos())
        moved = self._drag_before.moved(self._drag_index, pos.x(), pos.y())
        if ev.isFinish():
            canvas.editor.preview(self._drag_before)
            canvas.editor.replace(moved, QCoreApplication.translate("PointEditor", "Move point"))
            self._drag_index = None
        else:
            canvas.editor.preview(moved)


class _PointStyles:
    """One brush per class, the outline pen and the held-out rings, for one look (``key``).

    The canvas hands the same objects to the scatter at every redraw (see
    ``PointCanvas._styles``)."""

    def __init__(self, key: tuple) -> None:
        self.key = key
        classes = len(theme.CLASS_COLORS)
        self._brushes = np.empty(classes, dtype=object)
        self._brushes[:] = [pg.mkBrush(theme.class_color(c)) for c in range(classes)]
        self._rings = [pg.mkPen(theme.class_color(c), width=theme.px(3.5)) for c in range(classes)]
        self.plain_brush = pg.mkBrush(theme.class_color(0))
        self.outline = pg.mkPen(theme.LOOK.outline, width=theme.px(2))
        self.hollow = pg.mkBrush(theme.LOOK.background)

    def brushes(self, labels: np.ndarray) -> list:
        """A list (one entry per point) of the shared class brushes."""
        return self._brushes[labels % len(self._brushes)].tolist()

    def ring(self, label: int):
        return self._rings[label % len(self._rings)]


class PointCanvas(pg.PlotWidget):
    """A plot of the training points that the teacher edits with the mouse."""

    #: In Test mode, a left click asks the model about (x, y) instead of adding a point.
    test_clicked = Signal(float, float)
    #: The visible data region changed (zoom, pan, resize): the surface must follow.
    view_changed = Signal(object)  # Rect

    def __init__(self, n_classes: int, parent=None):
        self._view_box = _CanvasViewBox(self)
        super().__init__(parent=parent, viewBox=self._view_box)
        self.n_classes = n_classes
        self.current_class = 0
        self.test_mode = False
        self.editor = PointEditor(self)
        #: Indices of points held out for validation (drawn hollow), and whether they show.
        self.held_out = np.zeros(0, dtype=np.int64)
        self.show_held_out = True
        self._style_cache: _PointStyles | None = None
        #: What the scatter shows when it was drawn with no held-out points: (points,
        #: styles), so an edit of one point can redraw just that point.
        self._drawn: tuple[PointSet, _PointStyles] | None = None
        self.setMinimumSize(420, 320)
        plot = self.getPlotItem()
        plot.showGrid(x=True, y=True, alpha=0.15)
        theme.style_axes(plot, "x₁" if n_classes else "x", "x₂" if n_classes else "y")
        self.setToolTip(
            self.tr("Click: add a point · Right-click or Ctrl+click: remove · Drag: move")
        )
        plot.hideButtons()
        self.scatter = _PassiveScatter(pxMode=True)
        self.scatter.setZValue(10)
        self.scatter.dl_self_styled = True
        plot.addItem(self.scatter)
        self.editor.changed.connect(self._redraw)
        self._view_box.sigRangeChanged.connect(self._emit_view)

    # -- editing --------------------------------------------------------------------------

    def set_current_class(self, index: int) -> None:
        if 0 <= index < max(self.n_classes, 1):
            self.current_class = index

    def left_click(self, x: float, y: float) -> None:
        if self.test_mode:
            self.test_clicked.emit(x, y)
        else:
            self.editor.add(x, y, self.current_class if self.n_classes else 0)

    def remove_near(self, x: float, y: float) -> None:
        if self.test_mode:
            return
        index = self.point_near(x, y, DELETE_RADIUS_PX)
        if index is not None:
            self.editor.remove(index)

    def point_near(self, x: float, y: float, radius_px: float) -> int | None:
        """The nearest point within radius_px screen pixels of (x, y), or None."""
        px, py = self._view_box.viewPixelSize()
        if not px or not py:
            return None
        points = self.editor.points
        index = points.nearest(x, y, scale=(px, py))
        if index is None:
            return None
        dx, dy = (points.xy[index] - (x, y)) / (px, py)
        return index if dx * dx + dy * dy <= radius_px * radius_px else None

    # -- view -----------------------------------------------------------------------------

    def set_view(self, view: tuple[float, float, float, float]) -> None:
        xmin, xmax, ymin, ymax = view
        self._view_box.setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0)

    def visible_rect(self) -> Rect:
        (xmin, xmax), (ymin, ymax) = self._view_box.viewRange()
        return Rect(xmin, xmax, ymin, ymax)

    def map_to_widget(self, x: float, y: float):
        """Widget (viewport) pixel position of data point (x, y); used to click in tests."""
        scene = self._view_box.mapViewToScene(QPointF(x, y))
        return self.mapFromScene(scene)

    def _emit_view(self, *_args) -> None:
        self.view_changed.emit(self.visible_rect())

    def set_held_out(self, indices: np.ndarray, shown: bool = True) -> None:
        """Draw these points hollow (ring in the class colour), or not at all when not
        ``shown``: the validation points, which the model never trains on."""
        self.held_out = np.asarray(indices, dtype=np.int64)
        self.show_held_out = shown
        self._redraw(self.editor.points)

    def _styles(self) -> _PointStyles:
        """The brushes and pens of the points, made once per look (theme and scale).

        pyqtgraph renders one symbol picture per distinct brush and pen *object* (its atlas
        keys them by identity), so a fresh brush per point made every edit render one symbol
        per point: a click with 10,000 points on the canvas held the window ~3 s (see
        docs/benchmarks.md, "Scale"). Shared objects make it one picture per class."""
        key = (theme.LOOK.version, theme.LOOK.scale)
        if self._style_cache is None or self._style_cache.key != key:
            self._style_cache = _PointStyles(key)
        return self._style_cache

    def _redraw(self, points: PointSet) -> None:
        styles = self._styles()
        labels = np.asarray(points.labels, dtype=np.int64)
        held = self.held_out[self.held_out < len(points)]
        if not len(held):
            if self._redraw_changed_point(points, styles):
                self._drawn = (points, styles)
                return
            self._drawn = (points, styles)
            self.scatter.setData(
                pos=np.asarray(points.xy),
                brush=styles.brushes(labels) if self.n_classes else styles.plain_brush,
                pen=styles.outline,
                size=theme.px(theme.MARKER_SIZE),
                symbol="o",
            )
            return
        self._drawn = None
        brushes = styles.brushes(labels)
        pens = [styles.outline] * len(points)
        sizes = np.full(len(points), theme.px(theme.MARKER_SIZE), dtype=float)
        for index in held:
            brushes[index] = styles.hollow
            pens[index] = styles.ring(int(labels[index]))
            if not self.show_held_out:
                sizes[index] = 0
        self.scatter.setData(
            pos=np.asarray(points.xy), brush=brushes, pen=pens, size=sizes, symbol="o"
        )

    def _redraw_changed_point(self, points: PointSet, styles: _PointStyles) -> bool:
        """Draw an edit of one point (a click that added it, a drag that moves it) by
        touching only that point; False when the edit is anything else. With 10,000 points
        a full redraw takes ~25 ms, so a drag could not follow the mouse."""
        if self._drawn is None or self._drawn[1] is not styles:
            return False
        before = self._drawn[0]
        n = len(before)
        same_labels = np.array_equal(points.labels[:n], before.labels)
        if len(points) == n + 1 and same_labels and np.array_equal(points.xy[:n], before.xy):
            labels = np.asarray(points.labels[n:], dtype=np.int64)
            brushes = styles.brushes(labels) if self.n_classes else [styles.plain_brush]
            size = theme.px(theme.MARKER_SIZE)
            self.scatter.append_spots(points.xy[n:], brushes, styles.outline, size)
            return True
        if len(points) != n or not same_labels:
            return False
        changed = np.flatnonzero(np.any(points.xy != before.xy, axis=1))
        if len(changed) > 1:
            return False
        if len(changed) == 1:
            index = int(changed[0])
            self.scatter.move_spot(index, *(float(v) for v in points.xy[index]))
        return True

    def restyle(self) -> None:
        """Markers follow the presenter's scale and theme (a new look redraws the scatter
        whole)."""
        self._redraw(self.editor.points)
