"""The drawing workspace of the CNN lesson: a pad to draw digits on, and every drawing so far.

The class draws a digit on a large 28×28 pad, presses Enter (or "Add drawing") and the
drawing joins the chosen class; the strip beside the pad shows every drawing as a small
thumbnail, one row per class. Clicking a thumbnail deletes it and dragging it onto another
row relabels it. Like the point canvas, every edit replaces the immutable ``ImageSet``
through a QUndoStack command, so Ctrl+Z undoes any of them and the training thread only
ever receives whole sets. In Test mode the pad is the model's input instead: nothing is
added, and ``test_drawn`` carries the drawing while the pen moves, so the guess follows the
pen live.

``ImageWorkspace`` offers the page the same interface as ``PointWorkspace``; the parts
about a plot (``plot_item``, ``visible_rect``, ``set_view``) are stand-ins, because images
have no plot for overlays to draw on. The page's author registers it with
``workspace.WORKSPACES[ImageSet] = ImageWorkspace``; this module does not, so importing it
changes nothing.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktopdl.core.images import IMAGE_CLASSES, MAX_IMAGES, PAD_SIZE, ImageSet
from desktopdl.core.views import Rect
from desktopdl.qt import theme
from desktopdl.qt.undo import DataEditor, undo_redo_buttons

#: The pen draws on an image this many times the pad's size, then is area-averaged down,
#: so stroke edges are soft grey like MNIST's instead of jagged black and white.
SUPERSAMPLE = 10
#: Pen and eraser widths in pad pixels (MNIST strokes are about 2–3 pixels of 28 wide).
PEN_PIXELS = 2.2
ERASER_PIXELS = 4.0
#: ``changed`` fires at most this often while the pen moves (about 30 times a second):
#: enough for a live guess, few enough that the model keeps up.
CHANGED_INTERVAL_MS = 33
#: The pad is never smaller than this on screen: the back row must see the strokes.
PAD_MIN_PX = 200
#: A pad whose brightest pixel is below this holds no drawing.
BLANK_BELOW = 0.05
#: Thumbnail side (pixels at scale 1) and the strip's narrowest width (three thumbnails).
THUMB_PX = 40
STRIP_MIN_PX = 190
#: Up to this many classes the class buttons read "Class 0 [1]"; more get "0 [1]" (the
#: tooltip says the rest), and more than a row's worth wrap onto a second row, so ten of
#: them fit the left half of a 1024-pixel projector.
FULL_LABELS_UP_TO = 4
BUTTONS_PER_ROW = 5
#: From this width on the pad gets three fifths of the workspace instead of five ninths.
WIDE_PX = 800
#: Test mode's colour: the yellow of the test star on the point lessons.
TEST_COLOR = QColor(240, 228, 66)
DELETE_COLOR = QColor("#D55E00")


def text_on(color: QColor) -> QColor:
    """Black or white, whichever reads better on ``color`` (white on yellow does not)."""
    brightness = (299 * color.red() + 587 * color.green() + 114 * color.blue()) / 1000
    return QColor("#000000") if brightness > 140 else QColor("#FFFFFF")


def testing_color() -> QColor:
    """Test mode's yellow, darkened on white paper, where plain yellow barely shows."""
    return QColor(TEST_COLOR) if theme.LOOK.dark else TEST_COLOR.darker(135)


def ink_table() -> list[int]:
    """A 256-entry colour table from paper (0) to ink (255) in the current theme: dark ink on
    light paper, or light ink on dark paper; the data always says ink = 1."""
    paper, ink = theme.LOOK.background, theme.LOOK.foreground
    t = np.arange(256) / 255
    channels = [
        np.round(p + (i - p) * t).astype(np.uint32)
        for p, i in (
            (paper.red(), ink.red()),
            (paper.green(), ink.green()),
            (paper.blue(), ink.blue()),
        )
    ]
    rgb = 0xFF000000 | (channels[0] << 16) | (channels[1] << 8) | channels[2]
    return [int(v) for v in rgb]


def grey_qimage(image: np.ndarray, table: list[int]) -> QImage:
    """A size×size 0…1 image as an indexed QImage coloured by ``table`` (owns its pixels)."""
    pixels = np.ascontiguousarray(np.round(np.clip(image, 0, 1) * 255), dtype=np.uint8)
    height, width = pixels.shape
    result = QImage(pixels.data, width, height, width, QImage.Format.Format_Indexed8).copy()
    result.setColorTable(table)
    return result


def _qimage_array(image: QImage) -> np.ndarray:
    """The pixels of a Grayscale8 QImage as a (height, width) uint8 array (a copy)."""
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return rows[:, : image.width()].copy()


# -- the drawing pad ----------------------------------------------------------------------------


class DrawingPad(QWidget):
    """A large grey-level pad: the left button draws, the right button (or Eraser) erases.

    It shows the very pixels the network sees, each as a square with a faint grid, so the
    class can count them. ``image()`` is always ink = 1 on paper = 0, whatever the theme.
    """

    #: The drawing changed (while drawing, at most ~30 times a second; the last state of a
    #: stroke always arrives): the size×size float32 image.
    changed = Signal(object)
    #: The mouse button was released: the finished drawing.
    stroke_finished = Signal(object)

    def __init__(self, size: int = PAD_SIZE, parent: QWidget | None = None):
        super().__init__(parent)
        self.eraser = False
        self.test_mode = False
        self._size = size
        self._hires = self._blank(size)
        self._low: np.ndarray | None = None
        self._shown: QImage | None = None
        self._table_version = -1
        self._table: list[int] = []
        self._last: QPointF | None = None
        self._erasing = False
        self._hover: QPointF | None = None
        self._pending = False
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(CHANGED_INTERVAL_MS)
        self._throttle.timeout.connect(self._flush)
        self.setMinimumSize(PAD_MIN_PX, PAD_MIN_PX)
        # Square: as tall as it is wide, so the buttons under it sit right below the image.
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(self.tr("Draw with the left button · the right button erases"))
        self.setAccessibleName(self.tr("Drawing pad"))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return width

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(PAD_MIN_PX + 40, PAD_MIN_PX + 40)

    @staticmethod
    def _blank(size: int) -> QImage:
        side = size * SUPERSAMPLE
        image = QImage(side, side, QImage.Format.Format_Grayscale8)
        image.fill(0)
        return image

    # -- the image ----------------------------------------------------------------------------

    def size_px(self) -> int:
        """The image's side in pixels (28 for MNIST-like drawings)."""
        return self._size

    def set_size(self, size: int) -> None:
        """Draw images of another size from now on (the pad is cleared)."""
        if size != self._size:
            self._size = size
            self._hires = self._blank(size)
            self._changed_at_once()

    def image(self) -> np.ndarray:
        """The drawing: size×size float32 in 0…1, ink = 1, row 0 at the top."""
        if self._low is None:
            s, k = self._size, SUPERSAMPLE
            hires = _qimage_array(self._hires).reshape(s, k, s, k)
            self._low = (hires.mean(axis=(1, 3), dtype=np.float32) / 255).astype(np.float32)
        return self._low.copy()

    def set_image(self, image: np.ndarray) -> None:
        """Show ``image`` (size×size, 0…1) on the pad, to draw over or to test."""
        image = np.asarray(image, dtype=np.float32)
        if image.shape != (self._size, self._size):
            raise ValueError(f"the pad holds {self._size}×{self._size} images, not {image.shape}")
        pixels = np.round(np.clip(image, 0, 1) * 255).astype(np.uint8)
        hires = np.ascontiguousarray(np.kron(pixels, np.ones((SUPERSAMPLE, SUPERSAMPLE), np.uint8)))
        side = hires.shape[0]
        self._hires = QImage(hires.data, side, side, side, QImage.Format.Format_Grayscale8).copy()
        self._changed_at_once()

    def clear(self) -> None:
        """Wipe the pad."""
        self._hires.fill(0)
        self._changed_at_once()

    def is_blank(self) -> bool:
        return float(self.image().max()) < BLANK_BELOW

    def set_eraser(self, on: bool) -> None:
        """The left button erases too (for a touch screen or a one-button mouse)."""
        self.eraser = on
        self.update()

    def set_test_mode(self, on: bool) -> None:
        """Mark the pad as the model's input (a yellow frame, like the test star)."""
        self.test_mode = on
        self.update()

    def restyle(self) -> None:
        self._shown = None
        self.update()

    # -- geometry -----------------------------------------------------------------------------

    def pad_rect(self) -> QRectF:
        """Where the image is drawn: the largest centred square, in whole screen pixels per
        image pixel when it is big enough, so every pixel square has the same size."""
        avail = min(self.width(), self.height()) - 4
        side = max(avail, 1)
        if avail >= self._size * 4:
            side = avail // self._size * self._size
        x = (self.width() - side) / 2
        y = (self.height() - side) / 2
        return QRectF(math.floor(x), math.floor(y), side, side)

    def map_to_widget(self, col: float, row: float) -> QPoint:
        """The widget position of image point (col, row) (pixel centres at +0.5); for tests."""
        rect = self.pad_rect()
        cell = rect.width() / self._size
        return QPoint(round(rect.left() + col * cell), round(rect.top() + row * cell))

    def _to_hires(self, pos: QPointF) -> QPointF:
        rect = self.pad_rect()
        scale = self._size * SUPERSAMPLE / rect.width()
        return QPointF((pos.x() - rect.left()) * scale, (pos.y() - rect.top()) * scale)

    # -- drawing ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        button = event.button()
        if button not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            super().mousePressEvent(event)
            return
        event.accept()
        self._erasing = button == Qt.MouseButton.RightButton or self.eraser
        self._last = self._to_hires(event.position())
        self._stroke_to(self._last)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._hover = event.position()
        if self._last is not None:
            point = self._to_hires(event.position())
            self._stroke_to(point)
            self._last = point
        else:
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._last is None:
            super().mouseReleaseEvent(event)
            return
        event.accept()
        self._last = None
        if self._pending:  # the stroke's last state must reach a live guess
            self._throttle.stop()
            self._flush()
        self.stroke_finished.emit(self.image())

    def leaveEvent(self, event) -> None:  # noqa: N802
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def _stroke_to(self, point: QPointF) -> None:
        """Draw from the last point to ``point`` on the high-resolution image."""
        width = (ERASER_PIXELS if self._erasing else PEN_PIXELS) * SUPERSAMPLE
        color = QColor(0, 0, 0) if self._erasing else QColor(255, 255, 255)
        painter = QPainter(self._hires)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if point == self._last:  # a click: Qt draws nothing for a line of length zero
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawEllipse(point, width / 2, width / 2)
        else:
            painter.setPen(
                QPen(
                    color,
                    width,
                    Qt.PenStyle.SolidLine,
                    Qt.PenCapStyle.RoundCap,
                    Qt.PenJoinStyle.RoundJoin,
                )
            )
            painter.drawLine(self._last, point)
        painter.end()
        self._invalidate()
        if self._throttle.isActive():
            self._pending = True
        else:
            self.changed.emit(self.image())
            self._throttle.start()

    def _flush(self) -> None:
        if self._pending:
            self._pending = False
            self.changed.emit(self.image())
            self._throttle.start()

    def _changed_at_once(self) -> None:
        self._invalidate()
        self._pending = False
        self._throttle.stop()
        self.changed.emit(self.image())

    def _invalidate(self) -> None:
        self._low = None
        self._shown = None
        self.update()

    # -- painting -----------------------------------------------------------------------------

    def _display(self) -> QImage:
        if self._table_version != theme.LOOK.version or not self._table:
            self._table, self._table_version = ink_table(), theme.LOOK.version
            self._shown = None
        if self._shown is None:
            self._shown = grey_qimage(self.image(), self._table)
        return self._shown

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        rect = self.pad_rect()
        # Nearest-neighbour scaling (no smoothing): the class sees the network's pixels.
        painter.drawImage(rect, self._display())
        grid = QColor(theme.LOOK.foreground)
        grid.setAlpha(34)
        painter.setPen(QPen(grid, 1))
        cell = rect.width() / self._size
        left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
        for i in range(1, self._size):
            offset = round(i * cell)
            painter.drawLine(QPointF(left + offset, top), QPointF(left + offset, bottom))
            painter.drawLine(QPointF(left, top + offset), QPointF(right, top + offset))
        if self.test_mode:
            border = QPen(testing_color(), 4)
        else:
            edge = QColor(theme.LOOK.foreground)
            edge.setAlpha(150)
            border = QPen(edge, 2)
        painter.setPen(border)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = border.widthF() / 2
        painter.drawRect(rect.adjusted(-half, -half, half, half))
        if self._hover is not None and rect.contains(self._hover):
            # The pen's footprint, so the class sees how thick a stroke will be.
            erasing = self.eraser
            radius = (ERASER_PIXELS if erasing else PEN_PIXELS) * cell / 2
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            # A paper-coloured ring under an ink-coloured one shows on ink and on paper.
            painter.setPen(QPen(theme.LOOK.background, 4))
            painter.drawEllipse(self._hover, radius, radius)
            ring = DELETE_COLOR if erasing else theme.LOOK.foreground
            style = Qt.PenStyle.DashLine if erasing else Qt.PenStyle.SolidLine
            painter.setPen(QPen(ring, 2, style))
            painter.drawEllipse(self._hover, radius, radius)
        painter.end()


# -- the thumbnails -----------------------------------------------------------------------------


class _Rows(QWidget):
    """Every class's row of thumbnails, painted by this one widget.

    One widget and cached thumbnail pictures keep 1,000 drawings responsive (a widget per
    thumbnail would be 1,000 widgets to lay out), and its own press–move–release handling
    makes click-to-delete and drag-to-relabel work with plain mouse events, which QDrag's
    nested event loop does not (tests and some touch screens).
    """

    clicked = Signal(int)  # image index
    dropped = Signal(int, int)  # image index, class
    dragged_to = Signal(QPoint)  # the pointer during a drag (the strip scrolls to follow)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = ImageSet.empty()
        self.classes = 2
        self.current_class = 0
        self.test_mode = False
        self._members: list[np.ndarray] = []  # image indices of each row, in order
        self._keys: list[bytes] = []
        self._cache: dict[bytes, QImage] = {}
        self._cache_look = (-1, 0)
        self._table: list[int] = []
        self._hover: int | None = None
        self._press: tuple[int, QPoint] | None = None
        self._drag_pos: QPoint | None = None
        self._target: int | None = None
        self._layout_width = -1
        self._tops: list[int] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # for Esc during a drag
        self._set_tooltip()

    # -- contents -----------------------------------------------------------------------------

    def set_images(self, data: ImageSet, classes: int) -> None:
        self.data = data
        rows = max(classes, int(data.labels.max()) + 1 if len(data) else 0)
        self.classes = min(max(rows, 1), IMAGE_CLASSES)
        self._members = [np.flatnonzero(data.labels == k) for k in range(self.classes)]
        self._keys = [image.tobytes() for image in data.images]
        keep = set(self._keys)
        self._cache = {key: image for key, image in self._cache.items() if key in keep}
        self._hover = None
        self._press = None
        self._drag_pos = None
        self._relayout()

    def set_test_mode(self, on: bool) -> None:
        self.test_mode = on
        self._set_tooltip()
        self.update()

    def _set_tooltip(self) -> None:
        self.setToolTip(
            self.tr("Click a drawing: test it")
            if self.test_mode
            else self.tr("Click a drawing: delete it · Drag it to another class: relabel it")
        )

    def restyle(self) -> None:
        self._cache.clear()
        self._relayout()

    # -- geometry -----------------------------------------------------------------------------

    def _metrics(self) -> tuple[int, int, int, int]:
        """Thumbnail side, gap, header height and left margin, at the presenter's scale."""
        thumb = round(theme.px(THUMB_PX))
        gap = max(round(theme.px(4)), 2)
        header = QFontMetrics(theme.font(12, bold=True)).height() + round(theme.px(8))
        left = round(theme.px(8))
        return thumb, gap, header, left

    def per_line(self, width: int | None = None) -> int:
        thumb, gap, _header, left = self._metrics()
        width = self.width() if width is None else width
        return max(1, (width - left - gap) // (thumb + gap))

    def _row_height(self, count: int, width: int) -> int:
        thumb, gap, header, _left = self._metrics()
        lines = max(1, math.ceil(count / self.per_line(width)))
        return header + lines * (thumb + gap) + gap

    def _row_spacing(self) -> int:
        return round(theme.px(6))

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        spacing = self._row_spacing()
        rows = self._members or [np.zeros(0)] * self.classes
        return sum(self._row_height(len(m), width) + spacing for m in rows) + spacing

    def sizeHint(self):  # noqa: N802
        size = super().sizeHint()
        size.setWidth(STRIP_MIN_PX)
        size.setHeight(self.heightForWidth(STRIP_MIN_PX))
        return size

    def _relayout(self) -> None:
        self._tops = []
        y = self._row_spacing()
        for members in self._members:
            self._tops.append(y)
            y += self._row_height(len(members), self.width()) + self._row_spacing()
        self._layout_width = self.width()
        self.updateGeometry()
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: N802
        if event.size().width() != self._layout_width:
            self._relayout()
        super().resizeEvent(event)

    def row_rect(self, label: int) -> QRect:
        """The whole row of class ``label`` (header and thumbnails), in widget pixels."""
        top = self._tops[label]
        height = self._row_height(len(self._members[label]), self.width())
        return QRect(0, top, self.width(), height)

    def thumbnail_rect(self, index: int) -> QRect:
        """Where image ``index`` is drawn, in widget pixels."""
        label = int(self.data.labels[index])
        place = int(np.searchsorted(self._members[label], index))
        return self._slot_rect(label, place)

    def _slot_rect(self, label: int, place: int) -> QRect:
        thumb, gap, header, left = self._metrics()
        line, col = divmod(place, self.per_line())
        x = left + gap + col * (thumb + gap)
        y = self._tops[label] + header + gap + line * (thumb + gap)
        return QRect(x, y, thumb, thumb)

    def row_at(self, pos: QPoint) -> int | None:
        for label in range(len(self._tops)):
            if self.row_rect(label).contains(pos):
                return label
        return None

    def index_at(self, pos: QPoint) -> int | None:
        """The image whose thumbnail is under ``pos``, or None."""
        label = self.row_at(pos)
        if label is None:
            return None
        thumb, gap, header, left = self._metrics()
        x = pos.x() - left - gap
        y = pos.y() - self._tops[label] - header - gap
        if x < 0 or y < 0:
            return None
        col, line = x // (thumb + gap), y // (thumb + gap)
        if col >= self.per_line() or x % (thumb + gap) >= thumb or y % (thumb + gap) >= thumb:
            return None
        place = line * self.per_line() + col
        members = self._members[label]
        return int(members[place]) if place < len(members) else None

    # -- the mouse ----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.index_at(event.position().toPoint())
        if event.button() != Qt.MouseButton.LeftButton or index is None:
            super().mousePressEvent(event)
            return
        event.accept()
        self._press = (index, event.position().toPoint())
        self._drag_pos = None
        self._target = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        if self._press is None:
            hover = self.index_at(pos)
            if hover != self._hover:
                self._hover = hover
                self.setCursor(
                    Qt.CursorShape.PointingHandCursor
                    if hover is not None
                    else Qt.CursorShape.ArrowCursor
                )
                self.update()
            return
        start = self._press[1]
        far = (pos - start).manhattanLength() >= QApplication.startDragDistance()
        if self._drag_pos is None and not (far and not self.test_mode):
            return
        self._drag_pos = pos
        self._target = self.row_at(pos)
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self.dragged_to.emit(pos)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None:
            super().mouseReleaseEvent(event)
            return
        event.accept()
        index, _start = self._press
        dragging, target = self._drag_pos is not None, self.row_at(event.position().toPoint())
        self._press = None
        self._drag_pos = None
        self._target = None
        self.setCursor(Qt.CursorShape.ArrowCursor)
        self.update()
        if dragging:
            if target is not None and target != int(self.data.labels[index]):
                self.dropped.emit(index, target)
        elif self.index_at(event.position().toPoint()) == index:
            self.clicked.emit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self._drag_pos is not None:
            self._press = None  # a drag let go with Esc changes nothing
            self._drag_pos = None
            self.update()
        else:
            super().keyPressEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)

    # -- painting -----------------------------------------------------------------------------

    def _thumbnail(self, index: int) -> QImage:
        """The thumbnail of image ``index``, from the cache (made once per distinct image)."""
        thumb = self._metrics()[0]
        look = (theme.LOOK.version, thumb)
        if look != self._cache_look:
            self._cache.clear()
            self._cache_look = look
            self._table = ink_table()
        key = self._keys[index]
        image = self._cache.get(key)
        if image is None:
            image = grey_qimage(self.data.images[index], self._table).scaled(
                thumb,
                thumb,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            image = image.convertToFormat(QImage.Format.Format_RGB32)
            self._cache[key] = image
        return image

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        exposed = event.rect()
        thumb, gap, header, left = self._metrics()
        fg = theme.LOOK.foreground
        bold = theme.font(12, bold=True)
        for label, members in enumerate(self._members):
            row = self.row_rect(label)
            if not row.intersects(exposed):
                continue
            color = theme.class_color(label)
            target = self._drag_pos is not None and self._target == label
            painter.fillRect(row, theme.tint(color, 0.32 if target else 0.12))
            painter.fillRect(QRect(row.left(), row.top(), round(theme.px(5)), row.height()), color)
            if label == self.current_class or target:
                pen = QPen(color, 3 if target else 2)
                pen.setStyle(Qt.PenStyle.DashLine if target else Qt.PenStyle.SolidLine)
                painter.setPen(pen)
                painter.drawRect(row.adjusted(1, 1, -2, -2))
            heading = QRect(left + gap, row.top(), row.width() - left - 2 * gap, header)
            painter.setFont(bold)
            painter.setPen(fg)
            name = self.tr("Class {0}").format(label)
            painter.drawText(
                heading, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name
            )
            painter.drawText(
                heading,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                str(len(members)),
            )
            if not len(members):
                painter.setFont(theme.font(10))
                hint = QColor(fg)
                hint.setAlpha(150)
                painter.setPen(hint)
                body = QRect(left + gap, row.top() + header, heading.width(), thumb + gap)
                painter.drawText(
                    body,
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    self.tr("No drawings yet"),
                )
                continue
            per_line = self.per_line()
            first = max(0, (exposed.top() - row.top() - header) // (thumb + gap)) * per_line
            last = min(
                len(members), ((exposed.bottom() - row.top()) // (thumb + gap) + 1) * per_line
            )
            painter.setPen(QPen(color, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for place in range(first, last):
                index = int(members[place])
                rect = self._slot_rect(label, place)
                dragged = (
                    self._drag_pos is not None
                    and self._press is not None
                    and (self._press[0] == index)
                )
                if dragged:
                    painter.setOpacity(0.3)
                painter.drawImage(rect, self._thumbnail(index))
                painter.drawRect(rect.adjusted(-1, -1, 0, 0))
                if dragged:
                    painter.setOpacity(1.0)
        if self._hover is not None and self._drag_pos is None and self._hover < len(self.data):
            self._paint_hover(painter, self.thumbnail_rect(self._hover))
        if self._drag_pos is not None and self._press is not None:
            self._paint_dragged(painter, self._press[0])
        painter.end()

    def _paint_hover(self, painter: QPainter, rect: QRect) -> None:
        """A frame on the thumbnail under the pointer, with a ✕ when a click deletes it."""
        color = testing_color() if self.test_mode else DELETE_COLOR
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(color, 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(-2, -2, 1, 1))
        if self.test_mode:
            return
        radius = max(rect.width() / 5, 6)
        centre = QPointF(rect.right() - radius / 2, rect.top() + radius / 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(centre, radius, radius)
        painter.setPen(QPen(QColor("#FFFFFF"), 2))
        arm = radius * 0.45
        painter.drawLine(centre + QPointF(-arm, -arm), centre + QPointF(arm, arm))
        painter.drawLine(centre + QPointF(-arm, arm), centre + QPointF(arm, -arm))

    def _paint_dragged(self, painter: QPainter, index: int) -> None:
        """The dragged thumbnail under the pointer, framed in the colour it would get."""
        thumb = self._metrics()[0]
        side = round(thumb * 1.4)
        rect = QRect(0, 0, side, side)
        rect.moveCenter(self._drag_pos)
        label = self._target if self._target is not None else int(self.data.labels[index])
        painter.drawImage(rect, self._thumbnail(index))
        painter.setPen(QPen(theme.class_color(label), 4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)


class ThumbnailStrip(QScrollArea):
    """Every drawing as a thumbnail, one row per class; scrolls when there are many.

    Clicking a thumbnail asks for it to be deleted (``thumbnail_clicked``) and dragging it
    onto another row asks for a relabel (``thumbnail_dropped``); the workspace makes the
    undoable edit, so the strip itself never changes the data.
    """

    thumbnail_clicked = Signal(int)
    thumbnail_dropped = Signal(int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows = _Rows()
        self.setWidget(self.rows)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(STRIP_MIN_PX)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.rows.clicked.connect(self.thumbnail_clicked)
        self.rows.dropped.connect(self.thumbnail_dropped)
        self.rows.dragged_to.connect(self._follow_drag)

    def set_images(self, data: ImageSet, classes: int) -> None:
        self.rows.set_images(data, classes)
        self._refit()

    def set_current_class(self, label: int) -> None:
        self.rows.current_class = label
        self.rows.update()

    def set_test_mode(self, on: bool) -> None:
        self.rows.set_test_mode(on)

    def restyle(self) -> None:
        self.rows.restyle()
        self._refit()

    def _refit(self) -> None:
        # The rows' height follows their contents; setting this again makes the scroll area
        # ask the rows' heightForWidth now instead of at its next resize.
        self.setWidgetResizable(True)

    def _follow_drag(self, pos: QPoint) -> None:
        margin = round(theme.px(THUMB_PX))
        self.ensureVisible(pos.x(), pos.y(), 0, margin)


# -- the undoable data ------------------------------------------------------------------------


class ImageEditor(DataEditor):
    """The drawings being edited, with undo and redo (the image twin of ``PointEditor``)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(ImageSet.empty(), parent)

    @property
    def images(self) -> ImageSet:
        return self.data


# -- the workspace ------------------------------------------------------------------------------


class ImageWorkspace(QWidget):
    """The CNN page's left side: the bar, the class buttons, the pad and the thumbnails."""

    #: The data changed (an edit, an undo, a load): the new immutable ImageSet.
    data_changed = Signal(object)
    #: Never fires: images have no view to zoom (PointWorkspace's interface).
    view_changed = Signal(object)
    #: Never fires: Test mode sends the drawing instead (``test_drawn``).
    test_clicked = Signal(float, float)
    #: The teacher replaced the data wholesale (Clear): carries a title ("" for none).
    replaced = Signal(str)
    #: In Test mode, the drawing on the pad (size×size float32), live while the pen moves.
    test_drawn = Signal(object)

    def __init__(self, classes: int, offers_datasets: bool, parent: QWidget | None = None):
        """``classes``: how many class buttons to show at first (2–10; ``set_classes``
        changes it). ``offers_datasets`` is ignored: drawings are not generated."""
        super().__init__(parent)
        self.editor = ImageEditor(self)
        self.pad = DrawingPad()
        #: The page reads ``workspace.canvas``; for images it is the pad.
        self.canvas = self.pad
        self.strip = ThumbnailStrip()
        self.dataset_bar = None
        self._test_mode = False
        self._classes = 0
        self._current = 0
        self._plot = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        #: The page puts the Data chooser at the start of this bar.
        self.bar = QHBoxLayout()
        layout.addLayout(self.bar)
        self._edit_buttons()
        self.class_grid = QGridLayout()
        self.class_grid.setHorizontalSpacing(round(theme.px(6)))
        row = QHBoxLayout()
        row.addLayout(self.class_grid)
        row.addStretch(1)
        layout.addLayout(row)
        self._class_bar()
        self.body = QHBoxLayout()
        self.body.addLayout(self._pad_column(), 5)
        self.body.addWidget(self.strip, 4)
        layout.addLayout(self.body, 1)
        self.editor.changed.connect(self.data_changed)
        self.editor.changed.connect(self._show_data)
        self.strip.thumbnail_clicked.connect(self._thumbnail_clicked)
        self.strip.thumbnail_dropped.connect(self._thumbnail_dropped)
        self.pad.changed.connect(self._pad_changed)
        self.pad.stroke_finished.connect(self._refresh)
        self.set_classes(classes)
        self._show_data(self.editor.images)

    # -- what every workspace offers the page -----------------------------------------------

    def data(self) -> ImageSet:
        return self.editor.images

    @property
    def undo_stack(self) -> QUndoStack:
        """The edits, for Ctrl+Z / Ctrl+Shift+Z (the window groups every lesson's stack)."""
        return self.editor.undo_stack

    def set_data(self, data: ImageSet, undo_text: str | None = None) -> None:
        """Show new data: undoable with ``undo_text``, else as a fresh start (undo cleared)."""
        self.editor.show(data, undo_text)

    def plot_item(self):
        """Images have no plot: a detached, never shown PlotItem, so a page that adds its
        test marker or overlays to the workspace's plot still runs (they draw nowhere)."""
        if self._plot is None:
            self._plot = pg.PlotItem()
        return self._plot

    def visible_rect(self) -> Rect:
        """The image in pixels (there is no zoom)."""
        size = float(self.pad.size_px())
        return Rect(0.0, size, 0.0, size)

    def set_view(self, view, data) -> None:
        """Nothing to zoom: a preset's view does not apply to images."""

    def set_test_mode(self, on: bool) -> None:
        """In Test mode the pad is the model's input: drawings are not added, and
        ``test_drawn`` carries the pad while the pen moves (and at once, if it holds one)."""
        self._test_mode = on
        self.pad.set_test_mode(on)
        self.strip.set_test_mode(on)
        self._refresh()
        if on and not self.pad.is_blank():
            self.test_drawn.emit(self.pad.image())

    def set_classes(self, classes: int) -> None:
        """Offer as many class buttons (and rows of thumbnails) as the model has classes."""
        classes = min(max(classes, 2), IMAGE_CLASSES)
        self._classes = classes
        per_row = classes if classes <= BUTTONS_PER_ROW else math.ceil(classes / 2)
        for button in self.class_buttons.buttons():
            index = self.class_buttons.id(button)
            button.setVisible(index < classes)
            button.setText(self._class_label(index, full=classes <= FULL_LABELS_UP_TO))
            self.class_grid.removeWidget(button)
            if index < classes:
                self.class_grid.addWidget(button, *divmod(index, per_row))
        self.class_grid.invalidate()  # a layout not shown yet keeps the hidden buttons' width
        self.strip.set_images(self.data(), classes)
        if self._current >= classes:
            self.set_current_class(0)

    def set_current_class(self, index: int) -> None:
        """New drawings go to class ``index`` (keys 1–9 through the main window)."""
        button = self.class_buttons.button(index)
        if button is None or not 0 <= index < self._classes:
            return
        button.setChecked(True)
        self._current = index
        self.strip.set_current_class(index)
        self._style_add_button()
        self._show_caption()

    def current_class(self) -> int:
        return self._current

    def restyle(self) -> None:
        for button in self.class_buttons.buttons():
            self._style_class_button(button, self.class_buttons.id(button))
        self._style_add_button()
        self.pad.restyle()
        self.strip.restyle()

    def show_count(self, data: ImageSet) -> None:
        """Points show their count in the generator; the strip shows every row's count."""

    def forget_generator(self) -> None:
        """Drawings have no generator."""

    def generator(self) -> None:
        return None

    def show_generator(self, key: str, noise: float) -> None:
        """Drawings have no generator."""

    def regenerate(self) -> None:
        """Drawings have no generator."""

    def clear(self) -> None:
        """Remove every drawing (undoable) and start afresh: nothing of the old data stays."""
        self.editor.replace(
            ImageSet.empty(self.pad.size_px()),
            QCoreApplication.translate("ImageWorkspace", "Clear drawings"),
        )
        self.replaced.emit("")

    def add_drawing(self) -> None:
        """Add the pad's drawing to the chosen class (undoable) and wipe the pad."""
        data = self.data()
        if self._test_mode or self.pad.is_blank() or len(data) >= MAX_IMAGES:
            return
        self.editor.replace(
            data.with_image(self.pad.image(), self._current),
            QCoreApplication.translate("ImageWorkspace", "Add drawing"),
        )
        self.pad.clear()

    def resizeEvent(self, event) -> None:  # noqa: N802
        """A wide workspace (a 1920-pixel screen) gives the pad the larger share: the
        thumbnails already fit many to a line, and the pad is what the class watches."""
        wide = event.size().width() >= WIDE_PX
        self.body.setStretch(0, 3 if wide else 5)
        self.body.setStretch(1, 2 if wide else 4)
        super().resizeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter adds the drawing; 1–9 choose a class when no window shortcut took them."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.add_drawing()
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self.set_current_class(key - Qt.Key.Key_1)
        else:
            super().keyPressEvent(event)

    # -- the parts ----------------------------------------------------------------------------

    def _edit_buttons(self) -> None:
        self.undo_button, self.redo_button = undo_redo_buttons(self.editor.undo_stack)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove every drawing (Ctrl+Z brings them back)"))
        self.clear_button.clicked.connect(self.clear)
        for button in (self.undo_button, self.redo_button, self.clear_button):
            button.setMinimumHeight(34)
            self.bar.addWidget(button)

    def _class_label(self, index: int, full: bool) -> str:
        if index < 9:
            if full:
                return self.tr("Class {0} [{1}]").format(index, index + 1)
            return f"{index} [{index + 1}]"
        return self.tr("Class {0}").format(index) if full else str(index)

    def _class_bar(self) -> None:
        self.class_buttons = QButtonGroup(self)
        for index in range(IMAGE_CLASSES):
            button = QToolButton()
            button.setText(self._class_label(index, full=True))
            button.setCheckable(True)
            button.setChecked(index == 0)
            button.setMinimumHeight(34)
            self._style_class_button(button, index)
            button.setToolTip(
                self.tr("New drawings go to class {0} (key {1})").format(index, index + 1)
                if index < 9
                else self.tr("New drawings go to class {0}").format(index)
            )
            self.class_buttons.addButton(button, index)
            self.class_grid.addWidget(button, *divmod(index, BUTTONS_PER_ROW))
        self.class_buttons.idClicked.connect(self.set_current_class)

    @staticmethod
    def _style_class_button(button: QToolButton, index: int) -> None:
        color = theme.class_color(index)
        button.setStyleSheet(
            f"QToolButton {{ border: 2px solid {color.name()}; border-radius: 4px;"
            " color: palette(text); padding: 4px 6px; }"
            f"QToolButton:checked {{ background: {color.name()};"
            f" color: {text_on(color).name()}; font-weight: bold; }}"
        )

    def _pad_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        column.addWidget(self.caption)
        column.addWidget(self.pad, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add drawing"))
        self.add_button.setToolTip(self.tr("Add the drawing to the chosen class (Enter)"))
        self.add_button.clicked.connect(self.add_drawing)
        self.eraser_button = QPushButton(self.tr("Eraser"))
        self.eraser_button.setCheckable(True)
        self.eraser_button.setToolTip(
            self.tr("The left button erases too (the right button always erases)")
        )
        self.eraser_button.toggled.connect(self.pad.set_eraser)
        self.clear_pad_button = QPushButton(self.tr("Clear pad"))
        self.clear_pad_button.setToolTip(self.tr("Wipe the pad (added drawings stay)"))
        self.clear_pad_button.clicked.connect(self.pad.clear)
        for button in (self.add_button, self.eraser_button, self.clear_pad_button):
            button.setMinimumHeight(34)
            row.addWidget(button)
        row.setStretch(0, 1)
        column.addLayout(row)
        column.addStretch(1)
        return column

    def _style_add_button(self) -> None:
        color = theme.class_color(self._current)
        self.add_button.setStyleSheet(
            f"QPushButton {{ border: 3px solid {color.name()}; border-radius: 4px;"
            " padding: 4px 8px; font-weight: bold; }"
            "QPushButton:disabled { border-color: palette(mid); }"
        )

    def _show_caption(self) -> None:
        if self._test_mode:
            text = self.tr("Test: the model guesses live")
        else:
            text = self.tr("Draw a digit; Enter adds it to class {0}").format(self._current)
        self.caption.setText(text)
        self.caption.setStyleSheet("font-weight: bold;" if self._test_mode else "")

    def _show_data(self, data: ImageSet) -> None:
        if data.size != self.pad.size_px():
            self.pad.set_size(data.size)  # the pad draws what the set holds (after undo too)
        self.strip.set_images(data, self._classes)
        self._refresh()

    def _pad_changed(self, image: np.ndarray) -> None:
        """In Test mode the drawing goes to the model as the pen moves."""
        if self._test_mode:
            self.test_drawn.emit(image)
        self._refresh()

    def _refresh(self, _image: np.ndarray | None = None) -> None:
        """Add drawing works only on a drawing, outside Test mode, below the limit."""
        self.add_button.setEnabled(
            not self._test_mode and not self.pad.is_blank() and len(self.data()) < MAX_IMAGES
        )
        self._show_caption()

    def _thumbnail_clicked(self, index: int) -> None:
        if self._test_mode:
            self.pad.set_image(self.data().images[index])  # test a drawing of the set
            return
        self.editor.replace(
            self.data().without(index),
            QCoreApplication.translate("ImageWorkspace", "Delete drawing"),
        )

    def _thumbnail_dropped(self, index: int, label: int) -> None:
        if self._test_mode or not 0 <= label < IMAGE_CLASSES:
            return
        self.editor.replace(
            self.data().relabelled(index, label),
            QCoreApplication.translate("ImageWorkspace", "Move drawing to class {0}").format(label),
        )
