"""Pictures of a recurrent network for the projector: the network unrolled over one window,
the next character it expects after a typed prefix, and a CNN → RNN hybrid racing a plain RNN
through a digit one column at a time.

The unrolled drawing is the lesson's central picture: the same cell copied once per time step,
its hidden state carried to the right. What makes it *one* network rather than six is that
every copy uses the same weights, so every input arrow has one colour, every recurrent arrow
another and every output arrow a third. The drawing is repainted ~20 times a second while the
network trains, so a new window only turns its numbers into colour indices; painting fills a
few hundred rectangles and writes a little text. Every size is measured in the current font at
the presenter's scale, and nothing is smaller than 11 pt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktopdl.core.lessons.rnn import CELL_NAMES
from desktopdl.core.views import UnrolledView
from desktopdl.qt import theme
from desktopdl.qt.cnn_views import InkImages

#: Point sizes at scale 1: the smallest text anywhere, the weights' names, an input or an
#: output (a number or a character the class reads from the back row).
LABEL_PT = 11
WEIGHT_PT = 13
VALUE_PT = 16
#: The time steps the unrolled drawing shows at once, and the hidden units one cell shows.
SHOWN = 6
#: The keys that walk the diagram through time while it has the focus.
STEP_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End)
#: The width one drawn time step needs (at scale 1), arrows included.
COLUMN_PX = 120
MAX_UNITS = 64
#: One colour per weight matrix (Okabe–Ito, away from the hidden state's blue and red): the
#: same colour at every step says "the same weights at every step".
WEIGHT_COLORS = {"W_x": QColor("#009E73"), "W_h": QColor("#D55E00"), "W_y": QColor("#CC79A7")}
#: How each weight matrix's name is drawn: the letter and its subscript (the Korean font
#: draws the Unicode subscript ₓ as a dot, so the subscript is drawn small and lowered).
WEIGHT_NAMES = {"W_x": ("W", "x"), "W_h": ("W", "h"), "W_y": ("W", "o")}
#: The hidden state's colours: −1 blue, 0 white, +1 red (tanh keeps it in −1…1).
STATE_LOW = QColor("#2166AC")
STATE_HIGH = QColor("#B2182B")
#: Steps after the current one are not computed yet: drawn this faint.
FADED = 0.28
#: An input after the current step is data, already known: it fades less than what the
#: network has not computed from it yet.
INPUT_FADED = 0.55
#: Characters that would read as nothing on screen, and what is drawn instead.
VISIBLE = {" ": "␣", "\n": "↵", "\t": "⇥", "\r": "↵", "": "∅"}


def visible(label: str) -> str:
    """A character as the class can see it: a space is "␣", a newline "↵"."""
    return VISIBLE.get(label, label)


def window_length(view: UnrolledView | None) -> int:
    """The steps a view can draw (0 without a view)."""
    if view is None:
        return 0
    return min(len(view.input_labels), len(view.output_labels), len(view.hidden))


def highlight_color() -> QColor:
    """The theme's highlight (the palette's), which marks the current time step."""
    return QApplication.palette().color(QPalette.ColorRole.Highlight)


def _state_table() -> list[QColor]:
    """256 colours from −1 (blue) through 0 (white) to +1 (red)."""
    white = np.array([255.0, 255.0, 255.0])
    low = np.array(STATE_LOW.getRgb()[:3], dtype=np.float64)
    high = np.array(STATE_HIGH.getRgb()[:3], dtype=np.float64)
    table = []
    for i in range(256):
        t = i / 127.5 - 1.0
        rgb = white + (high - white) * t if t >= 0 else white + (low - white) * -t
        table.append(QColor(*(int(round(c)) for c in rgb)))
    return table


STATE_COLORS = _state_table()


def state_indices(hidden: np.ndarray) -> list[list[int]]:
    """Each step's first ``MAX_UNITS`` hidden units as indices into ``STATE_COLORS``."""
    values = np.nan_to_num(np.asarray(hidden, dtype=np.float64), nan=0.0)
    values = values.reshape(len(values), -1) if values.ndim != 2 else values
    t = (np.clip(values[:, :MAX_UNITS], -1.0, 1.0) + 1.0) * 127.5
    return np.round(t).astype(np.int64).tolist()


def _frame_pen() -> QPen:
    """A thin frame that keeps a white (zero) cell apart from white paper."""
    return QPen(theme.tint(theme.LOOK.foreground, 0.55), 1)


def _label_color(color: QColor) -> QColor:
    """A weight colour for text: a little darker on white paper, where thin letters in
    green or pink are harder to read than a thick line."""
    return QColor(color) if theme.LOOK.dark else color.darker(125)


# -- text with a subscript --------------------------------------------------------------------


def _subscript_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.72)
    return small


def subscript_width(parts: tuple[tuple[str, bool], ...], font: QFont) -> float:
    """The width of text made of (text, is_subscript) runs."""
    regular, small = QFontMetricsF(font), QFontMetricsF(_subscript_font(font))
    return sum((small if sub else regular).horizontalAdvance(text) for text, sub in parts)


def draw_subscripted(
    painter: QPainter,
    rect: QRectF,
    parts: tuple[tuple[str, bool], ...],
    font: QFont,
    centred: bool = True,
) -> None:
    """(text, is_subscript) runs on one line, centred in ``rect`` (or from its left edge)."""
    small = _subscript_font(font)
    metrics = QFontMetricsF(font)
    small_metrics = QFontMetricsF(small)
    width = subscript_width(parts, font)
    x = rect.center().x() - width / 2 if centred else rect.left()
    baseline = rect.center().y() + (metrics.ascent() - metrics.descent()) / 2
    for text, sub in parts:
        painter.setFont(small if sub else font)
        y = baseline + (metrics.ascent() * 0.28 if sub else 0.0)
        painter.drawText(QPointF(x, y), text)
        x += (small_metrics if sub else metrics).horizontalAdvance(text)


def draw_value(painter: QPainter, rect: QRectF, text: str) -> None:
    """A label centred in ``rect`` in the painter's font, elided if too long. A space is
    drawn as a thick "␣" bracket: the font's own glyph is a thin line the back row misses."""
    metrics = QFontMetricsF(painter.font())
    if text != VISIBLE[" "]:
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 4)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown)
        return
    size = metrics.height()
    width, height = size * 0.62, size * 0.26
    left = rect.center().x() - width / 2
    bottom = rect.center().y() + size * 0.2
    path = QPainterPath(QPointF(left, bottom - height))
    path.lineTo(left, bottom)
    path.lineTo(left + width, bottom)
    path.lineTo(left + width, bottom - height)
    painter.save()
    pen = QPen(painter.pen().color(), max(size * 0.09, 1.5))
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.restore()


def value_width(metrics: QFontMetricsF, text: str) -> float:
    """The width ``draw_value`` takes for ``text``."""
    if text == VISIBLE[" "]:
        return metrics.height() * 0.62
    return metrics.horizontalAdvance(text)


def state_grid(count: int, width: float, height: float, largest: float) -> tuple[int, float]:
    """Columns and side for ``count`` squares of at most ``largest`` in the area: of the
    grids whose squares are nearly the biggest, the one with the fewest empty places (16
    units as 4×4, not 3×6 with two holes), then the widest."""
    options = []
    for columns in range(1, max(count, 1) + 1):
        rows = math.ceil(count / columns)
        side = min(width / columns, height / rows, largest)
        options.append((columns, side, rows * columns - count))
    best = max(side for _c, side, _e in options)
    near = [o for o in options if o[1] >= 0.85 * best]
    columns, side, _empty = min(near, key=lambda o: (o[2], -o[0]))
    return columns, side


def weight_parts(kind: str) -> tuple[tuple[str, bool], ...]:
    letter, sub = WEIGHT_NAMES[kind]
    return ((letter, False), (sub, True))


def draw_arrow(painter: QPainter, start: QPointF, end: QPointF, width: float) -> None:
    """A line with a filled head at ``end``, in the painter's pen colour."""
    color = painter.pen().color()
    dx, dy = end.x() - start.x(), end.y() - start.y()
    length = math.hypot(dx, dy)
    if length < 1:
        return
    ux, uy = dx / length, dy / length
    head = min(width * 3.2, length * 0.6)
    base = QPointF(end.x() - ux * head, end.y() - uy * head)
    painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    painter.drawLine(start, base)
    half = head * 0.55
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPolygon(
        QPolygonF(
            [
                end,
                QPointF(base.x() - uy * half, base.y() + ux * half),
                QPointF(base.x() + uy * half, base.y() - ux * half),
            ]
        )
    )
    painter.setBrush(Qt.BrushStyle.NoBrush)


# -- the network unrolled over time -----------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One time step of the drawing: where its boxes go."""

    #: The step's index in the window (0-based).
    index: int
    #: The whole column: a click anywhere in it selects the step.
    area: QRectF
    output: QRectF
    cell: QRectF
    input: QRectF
    #: The "t = 3" under the input.
    time: QRectF
    #: The cell's title line, and one square per hidden unit under it with their frames.
    title: QRectF
    units: tuple[QRectF, ...]
    frame: QPainterPath


@dataclass(frozen=True)
class Arrow:
    """One use of a weight matrix: from ``start`` to ``end``, its name in ``label``."""

    kind: str
    start: QPointF
    end: QPointF
    label: QRectF
    #: The window step this arrow computes (faded while that step is not computed yet).
    step: int


@dataclass(frozen=True)
class Layout:
    columns: list[Column]
    #: The faded box on the left: "h₀ = 0", or "…" for the steps before the shown ones.
    before: QRectF
    #: A "…" box on the right when later steps are not shown, else None.
    after: QRectF | None
    #: The "true next: …" box after the last output, when the last step is shown.
    target: QRectF | None
    arrows: list[Arrow]
    value_font: QFont


class UnrolledCanvas(QWidget):
    """The drawing itself: state comes from ``UnrolledDiagram``; a click on a column is
    reported as ``column_clicked(window index)``."""

    column_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view: UnrolledView | None = None
        self.cell_kind = "plain"
        self.step = 0
        self.start = 0
        self._states: list[list[int]] = []
        self._cache: tuple[tuple, Layout] | None = None
        self._faded_states: tuple[int, list[QColor]] | None = None
        self._layer: tuple[tuple, QPixmap] | None = None
        self.setMinimumSize(300, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(900, 250)

    def set_state(self, view: UnrolledView | None, step: int, start: int) -> None:
        """A repaint only when something visible changed: once training settles, the labels
        and the state's colours stay the same from one snapshot to the next."""
        states = self._states
        if view is not self.view:
            states = state_indices(view.hidden) if view is not None else []
        same = (
            (step, start) == (self.step, self.start)
            and (view is None) == (self.view is None)
            and states == self._states
            and (
                view is None
                or (view.input_labels, view.output_labels, view.target_label)
                == (self.view.input_labels, self.view.output_labels, self.view.target_label)
            )
        )
        self._states = states
        self.view, self.step, self.start = view, step, start
        if not same:
            self.update()

    def set_cell(self, cell: str) -> None:
        self.cell_kind = cell
        self.update()

    def length(self) -> int:
        """The window's length (0 without a view)."""
        return window_length(self.view)

    def capacity(self) -> int:
        """How many time steps fit side by side with readable boxes (at most SHOWN): a
        1024-pixel window has room for four, a 1920-pixel one for six."""
        return max(3, min(SHOWN, int(self.width() / theme.px(COLUMN_PX))))

    def shown_steps(self) -> list[int]:
        """The window indices drawn, left to right."""
        count = min(self.capacity(), self.length())
        return list(range(self.start, self.start + count))

    def cell_title(self) -> str:
        titles = {
            "plain": self.tr("RNN cell"),
            "lstm": self.tr("LSTM cell"),
            "gru": self.tr("GRU cell"),
        }
        return titles.get(self.cell_kind, self.cell_kind)

    def target_caption(self) -> str:
        return self.tr("true next:")

    def target_text(self) -> str:
        """What the box after the last output says (its caption over the value)."""
        label = visible(self.view.target_label) if self.view is not None else ""
        return f"{self.target_caption()} {label}"

    def title_for(self, width: float, metrics: QFontMetricsF) -> str:
        """The cell's title, or just "GRU" in a narrow box."""
        title = self.cell_title()
        if metrics.horizontalAdvance(title) > width:
            title = CELL_NAMES.get(self.cell_kind, self.cell_kind)
        return metrics.elidedText(title, Qt.TextElideMode.ElideRight, width)

    def empty_text(self) -> str:
        return self.tr("Train the model to see it unrolled over time.")

    # -- geometry ------------------------------------------------------------------------------

    def places(self) -> Layout | None:
        """Where everything goes for the shown steps (cached per size, theme and range)."""
        view = self.view
        steps = self.shown_steps()
        if view is None or not steps:
            return None
        n = self.length()
        labels = [visible(view.input_labels[i]) for i in steps]
        labels += [visible(view.output_labels[i]) for i in steps]
        # The labels change with every window; the places only when the widest one (or the
        # true next one) changes size: a new window while training reuses the layout.
        metrics = QFontMetricsF(theme.font(VALUE_PT, bold=True))
        key = (
            self.width(),
            self.height(),
            theme.LOOK.version,
            tuple(steps),
            n,
            round(max(value_width(metrics, t) for t in labels)),
            round(value_width(metrics, visible(view.target_label))),
            len(self._states[0]) if self._states else 0,
        )
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        layout = self._compute(steps, n, labels)
        self._cache = (key, layout)
        return layout

    def _compute(self, steps: list[int], n: int, labels: list[str]) -> Layout:
        margin = theme.px(4)
        small = theme.font(LABEL_PT)
        weight = theme.font(WEIGHT_PT, bold=True)
        weight_w = max(subscript_width(weight_parts(k), weight) for k in WEIGHT_NAMES)
        weight_h = QFontMetricsF(weight).height()
        gap = max(weight_w + theme.px(8), theme.px(30))
        before_w = max(
            subscript_width((("h", False), ("0", True), (" = 0", False)), small) + theme.px(14),
            theme.px(56),
        )
        shows_end = steps[-1] == n - 1
        caption_metrics = QFontMetricsF(small)
        target_label = visible(self.view.target_label) if self.view is not None else ""
        right = theme.px(36)
        if shows_end:
            value_metrics = QFontMetricsF(theme.font(VALUE_PT, bold=True))
            right = max(
                caption_metrics.horizontalAdvance(self.target_caption()),
                value_width(value_metrics, target_label),
            ) + theme.px(16)
        count = len(steps)
        width = self.width() - 2 * margin
        cell_w = (width - before_w - right - (count + 1) * gap) / count
        cell_w = max(min(cell_w, theme.px(170)), theme.px(36))
        used = before_w + right + (count + 1) * gap + count * cell_w
        left = margin + max(width - used, 0.0) / 2

        # The biggest value font (16 pt down to 9 pt) whose labels fit their boxes, and
        # whose boxes, arrows and cells fit the height (a 1024×768 window leaves ~150 px).
        time_h = QFontMetricsF(small).height()
        top = margin + theme.px(3)
        smallest_cell = QFontMetricsF(theme.font(LABEL_PT, True)).height() + theme.px(14)
        for size in (VALUE_PT, 14, 12, LABEL_PT, 10, 9):
            value_font = theme.font(size, bold=True)
            metrics = QFontMetricsF(value_font)
            widest = max(value_width(metrics, t) for t in labels)
            box_h = metrics.height() + theme.px(8 if size > LABEL_PT else 4)
            arrow_gap = max(theme.px(24 if size > LABEL_PT else 16), weight_h)
            cell_h = self.height() - top - margin - 2 * box_h - 2 * arrow_gap - time_h - theme.px(4)
            if widest + theme.px(10) <= cell_w and cell_h >= smallest_cell:
                break
        box_w = min(cell_w, max(widest + theme.px(14), theme.px(40)))
        cell_h = max(cell_h, smallest_cell)

        output_y = top
        cell_y = output_y + box_h + arrow_gap
        input_y = cell_y + cell_h + arrow_gap
        time_y = input_y + box_h + theme.px(1)
        columns: list[Column] = []
        arrows: list[Arrow] = []
        before = QRectF(left, cell_y + cell_h * 0.2, before_w, cell_h * 0.6)
        x = left + before_w + gap
        for index in steps:
            centre = x + cell_w / 2
            cell = QRectF(x, cell_y, cell_w, cell_h)
            output = QRectF(centre - box_w / 2, output_y, box_w, box_h)
            inputs = QRectF(centre - box_w / 2, input_y, box_w, box_h)
            time = QRectF(x - gap / 2, time_y, cell_w + gap, time_h)
            area = QRectF(x - gap / 2, 0, cell_w + gap, self.height())
            title, units, frame = self._cell_inside(cell)
            columns.append(Column(index, area, output, cell, inputs, time, title, units, frame))
            x += cell_w + gap
        for place in columns:
            centre = place.cell.center().x()
            tip = theme.px(2)
            label_x = centre + theme.px(5)
            arrows.append(
                Arrow(
                    "W_x",
                    QPointF(centre, place.input.top() - tip),
                    QPointF(centre, place.cell.bottom() + tip),
                    QRectF(label_x, place.cell.bottom(), weight_w + theme.px(4), arrow_gap),
                    place.index,
                )
            )
            arrows.append(
                Arrow(
                    "W_y",
                    QPointF(centre, place.cell.top() - tip),
                    QPointF(centre, place.output.bottom() + tip),
                    QRectF(label_x, place.output.bottom(), weight_w + theme.px(4), arrow_gap),
                    place.index,
                )
            )
        middle = cell_y + cell_h / 2
        sources = [before.right(), *(c.cell.right() for c in columns)]
        targets = [c.cell.left() for c in columns]
        after = None
        if not shows_end:
            after = QRectF(columns[-1].cell.right() + gap, before.top(), right, before.height())
            targets.append(after.left())
        for i, (source, target) in enumerate(zip(sources, targets, strict=False)):
            step = steps[i] if i < len(steps) else steps[-1] + 1
            label = QRectF(source, middle - weight_h - theme.px(3), target - source, weight_h)
            arrows.append(
                Arrow(
                    "W_h",
                    QPointF(source + theme.px(2), middle),
                    QPointF(target - theme.px(2), middle),
                    label,
                    step,
                )
            )
        target = None
        if shows_end:
            last = columns[-1]
            value_h = QFontMetricsF(theme.font(VALUE_PT, bold=True)).height()
            target_h = caption_metrics.height() + value_h + theme.px(8)
            target = QRectF(last.cell.right() + gap, output_y, right, target_h)
        return Layout(columns, before, after, target, arrows, value_font)

    def _cell_inside(self, cell: QRectF) -> tuple[QRectF, tuple[QRectF, ...], QPainterPath]:
        """The title line and h_t's squares, in the grid that makes them biggest."""
        title_h = QFontMetricsF(theme.font(LABEL_PT, bold=True)).height()
        inner = cell.adjusted(theme.px(4), theme.px(2), -theme.px(4), -theme.px(4))
        title = QRectF(inner.left(), inner.top(), inner.width(), title_h)
        area = QRectF(inner.left(), title.bottom() + theme.px(2), inner.width(), 0)
        area.setBottom(inner.bottom())
        count = len(self._states[0]) if self._states else 0
        frame = QPainterPath()
        if not count or area.height() < 2 or area.width() < 2:
            return title, (), frame
        columns, side = state_grid(count, area.width(), area.height(), theme.px(18))
        side = max(side, 1.0)
        rows = math.ceil(count / columns)
        left = area.left() + (area.width() - columns * side) / 2
        top = area.top() + (area.height() - rows * side) / 2
        units = tuple(
            QRectF(left + (i % columns) * side, top + (i // columns) * side, side, side)
            for i in range(count)
        )
        for rect in units:
            frame.addRect(rect)
        return title, units, frame

    def column_rects(self) -> list[QRectF]:
        layout = self.places()
        return [c.area for c in layout.columns] if layout is not None else []

    def arrow_colors(self) -> dict[str, set[str]]:
        """Each weight matrix's arrows' colours as drawn ("#rrggbb"): one colour per matrix."""
        layout = self.places()
        found: dict[str, set[str]] = {kind: set() for kind in WEIGHT_COLORS}
        for arrow in layout.arrows if layout is not None else []:
            found[arrow.kind].add(self._arrow_color(arrow.kind).name())
        return found

    @staticmethod
    def _arrow_color(kind: str) -> QColor:
        return WEIGHT_COLORS[kind]

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        layout = self.places()
        if layout is None:
            painter.setFont(theme.font(14))
            painter.setPen(theme.tint(theme.LOOK.foreground, 0.7))
            painter.drawText(
                QRectF(self.rect()),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text(),
            )
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        current = next((c for c in layout.columns if c.index == self.step), None)
        painter.drawPixmap(0, 0, self._weights_layer(layout, current))
        for column in layout.columns:
            faded = column.index > self.step
            self._draw_column(painter, column, layout.value_font, column is current, faded)
        if layout.target is not None:
            self._draw_target(painter, layout.target, layout.value_font)
        painter.end()

    def _weights_layer(self, layout: Layout, current: Column | None) -> QPixmap:
        """The band, the h₀ box and the arrows with their labels, drawn once per layout and
        step: they do not change while training, and their text cost ~3 ms a frame."""
        ratio = self.devicePixelRatioF()
        key = (id(layout), self.step, self.start, theme.LOOK.version, self.size().toTuple(), ratio)
        if self._layer is not None and self._layer[0] == key:
            return self._layer[1]
        pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if current is not None:
            self._draw_band(painter, current)
        self._draw_before(painter, layout)
        for arrow in layout.arrows:
            self._draw_arrow(painter, arrow, arrow.step > self.step)
        painter.end()
        self._layer = (key, pixmap)
        return pixmap

    @staticmethod
    def _ink(color: QColor, faded: bool, amount: float = FADED) -> QColor:
        """A colour as drawn in a step not computed yet: most of the way to the paper. (The
        painter's opacity would do the same at ten times the cost of every box.)"""
        return theme.tint(color, amount) if faded else QColor(color)

    def _state_colors(self, faded: bool) -> list[QColor]:
        if not faded:
            return STATE_COLORS
        if self._faded_states is None or self._faded_states[0] != theme.LOOK.version:
            self._faded_states = (
                theme.LOOK.version,
                [theme.tint(c, FADED) for c in STATE_COLORS],
            )
        return self._faded_states[1]

    def _draw_band(self, painter: QPainter, column: Column) -> None:
        """The current step: a tinted band behind its three boxes."""
        pad = theme.px(6)
        band = QRectF(
            column.cell.left() - pad,
            column.output.top() - theme.px(3),
            column.cell.width() + 2 * pad,
            column.time.bottom() - column.output.top() + theme.px(4),
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.tint(highlight_color(), 0.22))
        painter.drawRoundedRect(band, theme.px(6), theme.px(6))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _draw_before(self, painter: QPainter, layout: Layout) -> None:
        """The dashed, faded box the first shown cell reads its previous state from."""
        pen = QPen(theme.tint(theme.LOOK.foreground, 0.55), theme.px(1.5), Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(layout.before, theme.px(4), theme.px(4))
        if layout.after is not None:
            painter.drawRoundedRect(layout.after, theme.px(4), theme.px(4))
        painter.setPen(theme.tint(theme.LOOK.foreground, 0.7))
        small = theme.font(LABEL_PT)
        if self.start == 0:
            parts = (("h", False), ("0", True), (" = 0", False))
            draw_subscripted(painter, layout.before, parts, small)
        else:
            painter.setFont(theme.font(VALUE_PT, bold=True))
            painter.drawText(layout.before, Qt.AlignmentFlag.AlignCenter, "…")
        if layout.after is not None:
            painter.setFont(theme.font(VALUE_PT, bold=True))
            painter.drawText(layout.after, Qt.AlignmentFlag.AlignCenter, "…")

    def _draw_arrow(self, painter: QPainter, arrow: Arrow, faded: bool) -> None:
        color = self._arrow_color(arrow.kind)
        painter.setPen(QPen(self._ink(color, faded), theme.px(3)))
        draw_arrow(painter, arrow.start, arrow.end, theme.px(3))
        painter.setPen(self._ink(_label_color(color), faded))
        centred = arrow.kind == "W_h"
        draw_subscripted(
            painter,
            arrow.label,
            weight_parts(arrow.kind),
            theme.font(WEIGHT_PT, bold=True),
            centred,
        )

    def _draw_column(
        self, painter: QPainter, column: Column, value_font: QFont, current: bool, faded: bool
    ) -> None:
        view = self.view
        assert view is not None
        fill = theme.tint(theme.LOOK.foreground, 0.07)
        radius = theme.px(4)
        painter.setFont(value_font)
        for rect, text, amount in (
            (column.input, visible(view.input_labels[column.index]), INPUT_FADED),
            (column.output, visible(view.output_labels[column.index]), FADED),
        ):
            painter.setPen(QPen(self._ink(theme.LOOK.outline, faded, amount), theme.px(1.5)))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, radius, radius)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(self._ink(theme.LOOK.foreground, faded, amount))
            draw_value(painter, rect, text)
        outline = QPen(self._ink(theme.LOOK.outline, faded), theme.px(1.5))
        if current:
            outline = QPen(highlight_color(), theme.px(4))
        painter.setPen(outline)
        painter.setBrush(fill)
        painter.drawRoundedRect(column.cell, radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self._ink(theme.LOOK.foreground, faded, INPUT_FADED))
        painter.setFont(theme.font(LABEL_PT, bold=current))
        painter.drawText(
            column.time, Qt.AlignmentFlag.AlignCenter, self.tr("t = {0}").format(column.index + 1)
        )
        title_font = theme.font(LABEL_PT, bold=True)
        painter.setFont(title_font)
        painter.setPen(self._ink(theme.LOOK.foreground, faded))
        title = self.title_for(column.title.width(), QFontMetricsF(title_font))
        painter.drawText(column.title, Qt.AlignmentFlag.AlignCenter, title)
        self._draw_state(painter, column, self._states[column.index], faded)

    def _draw_state(
        self, painter: QPainter, column: Column, indices: list[int], faded: bool
    ) -> None:
        """h_t as coloured squares, one per unit."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        table = self._state_colors(faded)
        for rect, index in zip(column.units, indices, strict=False):
            painter.fillRect(rect, table[index])
        pen = _frame_pen()
        pen.setColor(self._ink(pen.color(), faded))
        painter.strokePath(column.frame, pen)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def _draw_target(self, painter: QPainter, rect: QRectF, value_font: QFont) -> None:
        """The true next item, in a dashed box: what the last output should have said."""
        pen = QPen(theme.LOOK.foreground, theme.px(1.5), Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, theme.px(4), theme.px(4))
        small = theme.font(LABEL_PT)
        caption_h = QFontMetricsF(small).height()
        painter.setFont(small)
        painter.setPen(theme.LOOK.foreground)
        inner = rect.adjusted(0, theme.px(3), 0, -theme.px(4))
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), caption_h),
            Qt.AlignmentFlag.AlignCenter,
            self.target_caption(),
        )
        painter.setFont(value_font)
        below = QRectF(inner.left(), inner.top() + caption_h, inner.width(), 0)
        below.setBottom(inner.bottom())
        draw_value(painter, below, visible(self.view.target_label) if self.view else "")

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        layout = self.places()
        if layout is not None and event.button() == Qt.MouseButton.LeftButton:
            for column in layout.columns:
                if column.area.contains(event.position()):
                    self.column_clicked.emit(column.index)
                    return
        super().mousePressEvent(event)


class WeightLegend(QWidget):
    """ "→ Wₓ  → W_h  → W_y   same colour = same weights at every step"."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self.tr("same colour = same weights at every step")

    def _fonts(self) -> tuple[QFont, QFont]:
        return theme.font(WEIGHT_PT, bold=True), theme.font(LABEL_PT)

    def _swatch(self) -> float:
        return theme.px(26)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        weight, small = self._fonts()
        names = sum(subscript_width(weight_parts(k), weight) for k in WEIGHT_NAMES)
        width = names + 3 * (self._swatch() + theme.px(14))
        width += QFontMetricsF(small).horizontalAdvance(self.text()) + theme.px(8)
        height = QFontMetricsF(weight).height() + theme.px(6)
        return QSize(math.ceil(width), math.ceil(height))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(theme.px(120), self.sizeHint().height())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        weight, small = self._fonts()
        middle = self.height() / 2
        x = theme.px(4)
        for kind, color in WEIGHT_COLORS.items():
            painter.setPen(QPen(color, theme.px(3)))
            draw_arrow(
                painter, QPointF(x, middle), QPointF(x + self._swatch(), middle), theme.px(3)
            )
            x += self._swatch() + theme.px(4)
            parts = weight_parts(kind)
            width = subscript_width(parts, weight)
            painter.setPen(_label_color(color))
            draw_subscripted(painter, QRectF(x, 0, width, self.height()), parts, weight, False)
            x += width + theme.px(10)
        painter.setFont(small)
        painter.setPen(theme.LOOK.foreground)
        rest = QRectF(x, 0, max(self.width() - x, 0.0), self.height())
        text = QFontMetricsF(small).elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rest.width()
        )
        painter.drawText(rest, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.end()


class UnrolledDiagram(QWidget):
    """The RNN drawn once per time step of one window, for walking through time: ◀ / ▶, the
    arrow keys or a click on a column move the current step; the steps after it are drawn
    faint, as not computed yet. ``step_changed`` sends the current step's absolute time index
    (``view.first_step + k``), so the workspace can put its cursor there."""

    step_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view: UnrolledView | None = None
        self.cell = "plain"
        self._k = 0
        self._start = 0
        self._emitted: int | None = None
        self.previous_button = self._button("◀", self.tr("Previous time step (←)"))
        self.next_button = self._button("▶", self.tr("Next time step (→)"))
        self.previous_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)
        self.step_label = QLabel()
        theme.set_font(self.step_label, WEIGHT_PT, bold=True)
        self.legend = WeightLegend()
        self.canvas = UnrolledCanvas()
        self.canvas.column_clicked.connect(self.set_step)
        # A click on the drawing gives the diagram the keyboard (← / →).
        self.canvas.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.canvas.setFocusProxy(self)
        self.readout = QLabel()
        theme.set_font(self.readout, 12)
        self.readout.setContentsMargins(4, 0, 4, 0)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(6)
        bar.addWidget(self.step_label)
        bar.addSpacing(16)
        bar.addWidget(self.legend, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.readout)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(
            self.tr(
                "The same cell at every time step: it reads the input and the hidden state "
                "before it. ◀ / ▶ or the arrow keys walk through time."
            )
        )
        self._refresh()

    def _button(self, glyph: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(glyph)
        button.setToolTip(tip)
        button.setAutoRepeat(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        theme.set_font(button, VALUE_PT, bold=True)
        return button

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(900, 330)

    # -- state ---------------------------------------------------------------------------------

    def length(self) -> int:
        return window_length(self.view)

    def set_view(self, view: UnrolledView | None) -> None:
        """A new window (many times a second while training): the current step stays where
        it is when the window is as long as before, and follows the end if it was there."""
        old = self.length()
        was_last = old > 0 and self._k == old - 1
        self.view = view
        n = self.length()
        if n == 0:
            self.view = None
            self._k = self._start = 0
            self._emitted = None  # the next window sends its step again
        elif old == 0 or (was_last and n != old):
            self._k = n - 1
            self._start = n - min(self.canvas.capacity(), n)
        elif n != old:
            self._k = min(self._k, n - 1)
            self._follow()
        self._refresh()

    def set_cell(self, cell: str) -> None:
        self.cell = cell
        self.canvas.set_cell(cell)

    def step(self) -> int:
        """The current step, 0-based within the window."""
        return self._k

    def absolute_step(self) -> int | None:
        return None if self.view is None else self.view.first_step + self._k

    def set_step(self, k: int) -> None:
        n = self.length()
        if not n:
            return
        k = min(max(int(k), 0), n - 1)
        if k == self._k:
            return
        self._k = k
        self._follow()
        self._refresh()

    def next_step(self) -> None:
        self.set_step(self._k + 1)

    def previous_step(self) -> None:
        self.set_step(self._k - 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Another width shows more or fewer steps: keep the current one among them."""
        super().resizeEvent(event)
        if self.length():
            self._follow()
            self._refresh()

    def _follow(self) -> None:
        """Scroll the shown steps so that the current one is among them."""
        n = self.length()
        count = min(self.canvas.capacity(), n)
        if self._k < self._start:
            self._start = self._k
        elif self._k >= self._start + count:
            self._start = self._k - count + 1
        self._start = min(max(self._start, 0), n - count)

    def shown_steps(self) -> list[int]:
        return self.canvas.shown_steps()

    def column_rects(self) -> list[QRectF]:
        """Each shown step's column in the canvas's coordinates (``self.canvas``)."""
        return self.canvas.column_rects()

    def arrow_colors(self) -> dict[str, set[str]]:
        return self.canvas.arrow_colors()

    def readout_text(self) -> str:
        view = self.view
        if view is None:
            return ""
        k = self._k
        hidden = np.nan_to_num(np.asarray(view.hidden[k], dtype=np.float64).reshape(-1))
        low = float(hidden.min()) if hidden.size else 0.0
        high = float(hidden.max()) if hidden.size else 0.0
        return self.tr("t = {0}: x = {1}, h has {2} units (min {3}, max {4}), output {5}").format(
            k + 1,
            visible(view.input_labels[k]),
            hidden.size,
            f"{low:.2f}",
            f"{high:.2f}",
            visible(view.output_labels[k]),
        )

    def step_text(self) -> str:
        if self.view is None:
            return ""
        return self.tr("step t = {0} of {1}").format(self._k + 1, self.length())

    def _refresh(self) -> None:
        """Push the state to the children; set texts only when they change (cheap at 20 Hz)."""
        n = self.length()
        self.canvas.set_state(self.view, self._k, self._start)
        self.previous_button.setEnabled(n > 0 and self._k > 0)
        self.next_button.setEnabled(n > 0 and self._k < n - 1)
        for label, text in (
            (self.step_label, self.step_text()),
            (self.readout, self.readout_text()),
        ):
            if label.text() != text:
                label.setText(text)
        absolute = self.absolute_step()
        if absolute is not None and absolute != self._emitted:
            self._emitted = absolute
            self.step_changed.emit(absolute)

    def restyle(self) -> None:
        self.canvas._cache = None
        self.legend.updateGeometry()
        self.canvas.update()
        self.legend.update()

    def event(self, event: QEvent) -> bool:
        """While the diagram has the focus, ← → Home End walk through time: the window's
        own → (one training step) waits until the focus leaves it."""
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in STEP_KEYS:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key == Qt.Key.Key_Left:
            self.previous_step()
        elif key == Qt.Key.Key_Right:
            self.next_step()
        elif key == Qt.Key.Key_Home:
            self.set_step(0)
        elif key == Qt.Key.Key_End:
            self.set_step(self.length() - 1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()


# -- the next character -----------------------------------------------------------------------


class CharacterBars(QWidget):
    """The next character's probabilities after a typed prefix: the ``TOP`` likeliest as bars
    and the rest of the vocabulary as one grey "others" bar, so the bars always add up to 1
    and the class sees how sure the model is, not only what it picks."""

    TOP = 6
    #: A row's height at scale 1 (the character is drawn at ``VALUE_PT``).
    ROW = 27

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = ""
        #: (label, value, is_the_others_row) top to bottom.
        self._rows: list[tuple[str, float, bool]] = []
        self.setMinimumHeight(40)
        # Nothing to show before the first prefix: no empty space either.
        self.setVisible(False)

    def set_probabilities(
        self, chars: list[str], probabilities: np.ndarray, title: str = ""
    ) -> None:
        p = np.nan_to_num(np.asarray(probabilities, dtype=np.float64).reshape(-1))
        p = np.clip(p[: len(chars)], 0.0, None)
        total = float(p.sum())
        p = p / total if total > 0 else np.full(len(p), 1.0 / max(len(p), 1))
        order = np.argsort(-p, kind="stable")[: self.TOP]
        rows = [(visible(chars[i]), float(p[i]), False) for i in order]
        if len(p) > self.TOP:
            rest = max(0.0, 1.0 - sum(value for _label, value, _other in rows))
            rows.append((self.tr("others"), rest, True))
        self._rows = rows
        self.title = title
        self.restyle()
        self.setVisible(True)
        self.update()

    @staticmethod
    def bar_color() -> QColor:
        """The cost curve's blue, lighter on dark paper."""
        return QColor("#56B4E9") if theme.LOOK.dark else QColor(theme.COST_COLOR)

    def shown(self) -> list[tuple[str, float]]:
        """The rows drawn, top to bottom: (label, value)."""
        return [(label, value) for label, value, _other in self._rows]

    def _row_height(self) -> float:
        char = QFontMetricsF(theme.font(VALUE_PT, bold=True)).height()
        return max(theme.px(self.ROW), char + theme.px(8))

    def _title_height(self) -> float:
        return QFontMetricsF(theme.font(WEIGHT_PT, bold=True)).height() + theme.px(6)

    def _height(self) -> int:
        title = self._title_height() if self.title else 0.0
        return math.ceil(title + self._row_height() * len(self._rows) + theme.px(6))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(420, self._height())

    def restyle(self) -> None:
        self.setMinimumHeight(self._height())
        self.updateGeometry()
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        if not self._rows:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        char_font = theme.font(VALUE_PT, bold=True)
        other_font = theme.font(12)
        value_font = theme.font(WEIGHT_PT, bold=True)
        char_metrics, other_metrics = QFontMetricsF(char_font), QFontMetricsF(other_font)
        margin = theme.px(4)
        y = margin
        if self.title:
            painter.setFont(value_font)
            painter.setPen(theme.LOOK.foreground)
            painter.drawText(
                QRectF(margin, y, self.width() - 2 * margin, self._title_height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.title,
            )
            y += self._title_height()
        row_h = self._row_height()
        box_w = max(
            max(
                (
                    (other_metrics if other else char_metrics).horizontalAdvance(label)
                    for label, _value, other in self._rows
                ),
                default=0.0,
            )
            + theme.px(14),
            row_h,
        )
        value_w = QFontMetricsF(value_font).horizontalAdvance("0.000") + theme.px(12)
        bar_left = margin + box_w + theme.px(10)
        bar_span = max(self.width() - bar_left - value_w - margin, 10.0)
        best = max(
            range(len(self._rows)), key=lambda i: self._rows[i][1] if not self._rows[i][2] else -1
        )
        for index, (label, value, other) in enumerate(self._rows):
            row = QRectF(margin, y, self.width() - 2 * margin, row_h)
            box = QRectF(margin, y + theme.px(2), box_w, row_h - theme.px(4))
            if not other:
                painter.setPen(QPen(theme.tint(theme.LOOK.foreground, 0.5), theme.px(1.2)))
                painter.setBrush(theme.tint(theme.LOOK.foreground, 0.06))
                painter.drawRoundedRect(box, theme.px(4), theme.px(4))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(theme.LOOK.foreground)
            painter.setFont(other_font if other else char_font)
            if other:
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
            else:
                draw_value(painter, box, label)
            bar_h = row_h - theme.px(10)
            bar = QRectF(
                bar_left, y + (row_h - bar_h) / 2, bar_span * min(max(value, 0.0), 1.0), bar_h
            )
            color = theme.tint(theme.LOOK.foreground, 0.4) if other else self.bar_color()
            painter.fillRect(bar, color)
            if index == best:
                painter.setPen(QPen(theme.LOOK.foreground, theme.px(1.2)))
                painter.drawRect(QRectF(bar_left, bar.top(), bar_span, bar_h))
            painter.setPen(theme.LOOK.foreground)
            painter.setFont(value_font)
            painter.drawText(
                QRectF(row.right() - value_w, y, value_w, row_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{value:.3f}",
            )
            y += row_h
        painter.end()


# -- the CNN → RNN hybrid against a plain RNN -------------------------------------------------

HYBRID_COLOR = QColor("#0072B2")
#: The hybrid's blue on dark paper, where #0072B2 is too dark to read (Okabe–Ito sky blue).
HYBRID_DARK = QColor("#56B4E9")
PLAIN_COLOR = QColor("#D55E00")


def model_colors() -> tuple[QColor, QColor]:
    """The hybrid's and the plain RNN's colours in the current theme."""
    return (HYBRID_DARK if theme.LOOK.dark else HYBRID_COLOR), PLAIN_COLOR


#: A model counts as sure once its mean probability of the true class reaches this.
SURE = 0.9


class ExampleStrip(QWidget):
    """A few held-out digits, each with two rows of step cells (the hybrid's, then the plain
    RNN's) shaded by the probability of the true digit after each step: the class sees which
    model was sure after two columns and which needed the whole image."""

    MAX_SHOWN = 6
    MAX_THUMB = 72.0

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._ink = InkImages()
        self.truth: list[int] = []
        self.hybrid = np.zeros((0, 0))
        self.plain = np.zeros((0, 0))
        self.setMinimumSize(160, 130)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(300, 260)

    def set_examples(
        self, images: np.ndarray, truth: np.ndarray, hybrid: np.ndarray, plain: np.ndarray
    ) -> None:
        images = np.nan_to_num(np.asarray(images, dtype=np.float32))
        count = min(len(images), len(truth), len(hybrid), len(plain), self.MAX_SHOWN)
        self._ink.set(list(images[:count]))
        self.truth = [int(t) for t in np.asarray(truth).reshape(-1)[:count]]
        self.hybrid = np.nan_to_num(np.asarray(hybrid, dtype=np.float64))[:count]
        self.plain = np.nan_to_num(np.asarray(plain, dtype=np.float64))[:count]
        self.update()

    def caption(self) -> str:
        return self.tr("p(true digit) after each step")

    def _fonts(self) -> tuple[QFont, QFont]:
        return theme.font(12, bold=True), theme.font(LABEL_PT)

    def item_rects(self) -> list[QRectF]:
        """Each example's thumbnail; its caption sits above, its two step rows below."""
        count = len(self.truth)
        if not count:
            return []
        bold, small = (QFontMetricsF(f) for f in self._fonts())
        margin, gap = theme.px(4), theme.px(10)
        label_h = bold.height()
        bars_h = 2 * self._bar_height() + theme.px(6)
        caption_h = small.height() + theme.px(4)
        width = self.width() - 2 * margin
        height = self.height() - 2 * margin - caption_h
        best = (1, 0.0)
        for columns in range(1, count + 1):
            rows = math.ceil(count / columns)
            side = min(
                (width - gap * (columns - 1)) / columns,
                (height - rows * (label_h + bars_h) - gap * (rows - 1)) / rows,
            )
            if side > best[1]:
                best = (columns, side)
        columns, side = best
        side = max(min(side, theme.px(self.MAX_THUMB)), theme.px(16))
        rows = math.ceil(count / columns)
        item_h = label_h + side + bars_h
        used_w = columns * side + (columns - 1) * gap
        left = margin + max(width - used_w, 0.0) / 2
        return [
            QRectF(
                left + (i % columns) * (side + gap),
                margin + (i // columns) * (item_h + gap) + label_h,
                side,
                side,
            )
            for i in range(count)
        ][: rows * columns]

    def _bar_height(self) -> float:
        return theme.px(11)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        rects = self.item_rects()
        if not rects:
            return
        painter = QPainter(self)
        bold, small = self._fonts()
        label_h = QFontMetricsF(bold).height()
        frame = _frame_pen()
        bar_h = self._bar_height()
        bottom = 0.0
        for i, (rect, image) in enumerate(zip(rects, self._ink.images(), strict=False)):
            painter.setFont(bold)
            painter.setPen(theme.LOOK.foreground)
            painter.drawText(
                QRectF(
                    rect.left() - theme.px(8),
                    rect.top() - label_h,
                    rect.width() + theme.px(16),
                    label_h,
                ),
                Qt.AlignmentFlag.AlignCenter,
                str(self.truth[i]),
            )
            painter.drawImage(rect, image)
            painter.setPen(frame)
            painter.drawRect(rect)
            y = rect.bottom() + theme.px(3)
            for values, color in zip((self.hybrid[i], self.plain[i]), model_colors(), strict=True):
                self._draw_steps(
                    painter, QRectF(rect.left(), y, rect.width(), bar_h), values, color
                )
                y += bar_h + theme.px(3)
            bottom = max(bottom, y)
        painter.setFont(small)
        painter.setPen(theme.LOOK.foreground)
        line = QFontMetricsF(small).height()
        painter.drawText(
            QRectF(theme.px(4), bottom + theme.px(2), self.width() - theme.px(8), line),
            Qt.AlignmentFlag.AlignCenter,
            self.caption(),
        )
        painter.end()

    @staticmethod
    def _draw_steps(painter: QPainter, rect: QRectF, values: np.ndarray, color: QColor) -> None:
        steps = len(values)
        if not steps:
            return
        width = rect.width() / steps
        for step, value in enumerate(values):
            cell = QRectF(rect.left() + step * width, rect.top(), width, rect.height())
            painter.fillRect(cell, theme.tint(color, float(np.clip(value, 0.0, 1.0))))
        painter.setPen(_frame_pen())
        for step in range(steps + 1):
            x = rect.left() + step * width
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        painter.drawRect(rect)


class HybridComparison(QWidget):
    """CNN features read column by column by an RNN, against an RNN reading raw pixel rows:
    held-out accuracy after each step read, and a few digits with when each model became
    sure. ``result`` is duck-typed (the core's dataclass; tests pass a SimpleNamespace)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = None
        self.placeholder = QLabel(self.tr("Press Train both to compare."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        theme.set_font(self.placeholder, 14)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        theme.set_font(self.summary, 13, bold=True)
        self.plot = pg.PlotWidget()
        plot = self.plot.getPlotItem()
        theme.style_axes(plot, self.tr("columns / rows read"), self.tr("held-out accuracy"))
        plot.showGrid(x=True, y=True, alpha=0.25)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.enableAutoRange(x=False, y=False)
        self.legend = theme.legend_below(plot)
        self.hybrid_curve = plot.plot()
        self.plain_curve = plot.plot()
        for curve in (self.hybrid_curve, self.plain_curve):
            curve.dl_self_styled = True  # restyle() sets their pens (the theme's would
            # turn the dark blue white on dark paper)
        self.legend.addItem(self.hybrid_curve, self.tr("CNN → RNN"))
        self.legend.addItem(self.plain_curve, self.tr("RNN on rows"))
        self.chance_line = pg.InfiniteLine(angle=0, label=self.tr("chance"))
        self.hybrid_sure = pg.InfiniteLine(angle=90, label=self.tr("sure"))
        self.plain_sure = pg.InfiniteLine(angle=90, label=self.tr("sure"))
        for line in (self.chance_line, self.hybrid_sure, self.plain_sure):
            plot.addItem(line)
            line.setVisible(False)
        self.strip = ExampleStrip()
        content = QWidget()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.plot, 3)
        row.addWidget(self.strip, 2)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        column.addLayout(row, 1)
        self.content = content
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(content)
        self.setMinimumHeight(180)
        self.restyle()
        self.clear()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(900, 330)

    def clear(self) -> None:
        self.result = None
        self.stack.setCurrentWidget(self.placeholder)

    def summary_text(self) -> str:
        result = self.result
        if result is None:
            return self.placeholder.text()
        steps = int(result.steps)

        def sure(step: int | None) -> str:
            if step is None:
                return self.tr("never sure (≥ 0.9)")
            return self.tr("sure (≥ 0.9) after {0} of {1}").format(int(step), steps)

        return self.tr("CNN → RNN on columns: {0}, {1} · RNN on rows: {2}, {3}").format(
            f"{float(result.hybrid_final):.1%}",
            sure(result.hybrid_confident_at),
            f"{float(result.plain_final):.1%}",
            sure(result.plain_confident_at),
        )

    def set_result(self, result) -> None:
        self.result = result
        steps = int(result.steps)
        xs = np.arange(1, steps + 1, dtype=np.float64)
        hybrid = np.nan_to_num(np.asarray(result.hybrid_accuracy_by_step, dtype=np.float64))
        plain = np.nan_to_num(np.asarray(result.plain_accuracy_by_step, dtype=np.float64))
        self.hybrid_curve.setData(xs[: len(hybrid)], hybrid[:steps])
        self.plain_curve.setData(xs[: len(plain)], plain[:steps])
        plot = self.plot.getPlotItem()
        plot.setXRange(1, max(steps, 2), padding=0.04)
        plot.setYRange(0, 1, padding=0.06)
        plot.getAxis("bottom").setTicks([[(float(x), str(int(x))) for x in xs]])
        self.chance_line.setValue(float(result.chance))
        self.chance_line.setVisible(True)
        for line, at in (
            (self.hybrid_sure, result.hybrid_confident_at),
            (self.plain_sure, result.plain_confident_at),
        ):
            line.setVisible(at is not None)
            if at is not None:
                line.setValue(float(at))
        self.strip.set_examples(
            result.examples, result.example_truth, result.example_hybrid, result.example_plain
        )
        self.summary.setText(self.summary_text())
        self.stack.setCurrentWidget(self.content)

    def restyle(self) -> None:
        """Sizes and colours pyqtgraph's own restyle does not reach: the markers, the
        chance line and the "sure" markers with their labels."""
        theme.restyle_plot(self.plot)
        hybrid, plain = model_colors()
        for curve, color, symbol in (
            (self.hybrid_curve, hybrid, "o"),
            (self.plain_curve, plain, "s"),
        ):
            curve.setPen(pg.mkPen(color, width=theme.px(theme.LINE_WIDTH)))
            curve.setSymbol(symbol)
            curve.setSymbolSize(theme.px(13))
            curve.setSymbolBrush(pg.mkBrush(color))
            curve.setSymbolPen(pg.mkPen(theme.LOOK.background, width=theme.px(1.5)))
        grey = theme.tint(theme.LOOK.foreground, 0.6)
        lines = (
            (self.chance_line, grey, Qt.PenStyle.DashLine, 0.92),
            (self.hybrid_sure, hybrid, Qt.PenStyle.DashLine, 0.6),
            (self.plain_sure, plain, Qt.PenStyle.DashLine, 0.42),
        )
        for line, color, style, position in lines:
            line.setPen(pg.mkPen(color, width=theme.px(3), style=style))
            label = line.label
            label.setColor(_label_color(color) if line is not self.chance_line else grey)
            label.setFont(theme.font(12, bold=True))
            label.setPosition(position)
            label.fill = pg.mkBrush(theme.LOOK.background)
        self.strip.update()
