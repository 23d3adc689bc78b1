"""Pictures of a small CNN for the projector: its blocks, its filters, its feature maps, its
mistakes, and one hand-set kernel at work.

They are redrawn 10–30 times a second while the network trains, so each widget turns its
numbers into small QImages when they arrive and only scales those and writes a little text
when it paints. Every size is measured in the current font at the presenter's scale, so the
English and the Korean labels fit, and nothing is smaller than 11 pt. Signed numbers (weights,
a kernel's output) use the network page's colours: orange below zero, white at zero, blue
above; feature maps, which a ReLU keeps at zero or above, use a viridis-like ramp instead,
which shows against the light and the dark theme alike.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from desktopdl.core.lessons.cnn import KERNELS, MISCLASSIFIED_KEPT, Stage, apply_kernel
from desktopdl.qt import theme
from desktopdl.qt.image_workspace import grey_qimage, ink_table, text_on
from desktopdl.qt.number_fields import RealField

POSITIVE = QColor("#0072B2")
NEGATIVE = QColor("#E69F00")
#: The confusion matrix: right answers on the diagonal, mistakes off it.
RIGHT = QColor("#009E73")
WRONG = QColor("#D55E00")
#: Block colours of the architecture diagram, one per kind of stage.
STAGE_COLORS = {
    "conv": QColor("#0072B2"),
    "pool": QColor("#009E73"),
    "dense": QColor("#CC79A7"),
    "output": QColor("#E69F00"),
}
#: Point sizes at scale 1: the smallest text anywhere, and the confusion counts.
LABEL_PT = 11
COUNT_PT = 12
MAX_FILTERS_SHOWN = 16
MAX_MISCLASSIFIED_SHOWN = MISCLASSIFIED_KEPT
KERNEL_LIMIT = 10.0
#: The combo's entry for a kernel the class types itself.
TYPED = "typed"

#: Matplotlib's viridis at nine stops, dark purple (low) to yellow (high).
_VIRIDIS_STOPS = (
    "#440154",
    "#482878",
    "#3E4989",
    "#31688E",
    "#26828E",
    "#1F9E89",
    "#35B779",
    "#6ECE58",
    "#FDE725",
)


def _ramp(stops: tuple[str, ...]) -> list[int]:
    colors = np.array([QColor(s).getRgb()[:3] for s in stops], dtype=np.float64)
    at = np.linspace(0, 1, len(stops))
    t = np.arange(256) / 255
    channels = [np.round(np.interp(t, at, colors[:, c])).astype(np.uint32) for c in range(3)]
    return [int(v) for v in 0xFF000000 | (channels[0] << 16) | (channels[1] << 8) | channels[2]]


VIRIDIS = _ramp(_VIRIDIS_STOPS)


def stage_name(kind: str) -> str:
    names = {
        "input": QCoreApplication.translate("CnnViews", "input"),
        "conv": QCoreApplication.translate("CnnViews", "conv"),
        "pool": QCoreApplication.translate("CnnViews", "pool"),
        "dense": QCoreApplication.translate("CnnViews", "dense"),
        "output": QCoreApplication.translate("CnnViews", "output"),
    }
    return names.get(kind, kind)


def kernel_names() -> dict[str, str]:
    """Each hand-set kernel's name as the combo shows it (a kernel added to the core later
    shows under its own name until it is translated)."""
    shown = {
        "vertical edges": QCoreApplication.translate("CnnViews", "vertical edges"),
        "horizontal edges": QCoreApplication.translate("CnnViews", "horizontal edges"),
        "blur": QCoreApplication.translate("CnnViews", "blur"),
        "sharpen": QCoreApplication.translate("CnnViews", "sharpen"),
    }
    return {name: shown.get(name, name) for name in KERNELS}


def _finite(values: np.ndarray) -> np.ndarray:
    """A diverged run sends NaN and infinities: they are drawn as zero, not as a crash."""
    return np.nan_to_num(np.asarray(values, dtype=np.float32), nan=0.0, posinf=0.0, neginf=0.0)


def signed_image(values: np.ndarray, limit: float) -> QImage:
    """A 2-D array as orange (−limit) … white (0) … blue (+limit), row 0 at the top."""
    t = np.clip(_finite(values) / max(float(limit), 1e-12), -1.0, 1.0)[..., None]
    white = np.float32(255)
    high = np.array(POSITIVE.getRgb()[:3], dtype=np.float32)
    low = np.array(NEGATIVE.getRgb()[:3], dtype=np.float32)
    rgb = np.where(t >= 0, white + (high - white) * t, white + (low - white) * -t)
    height, width = t.shape[:2]
    rgba = np.empty((height, width, 4), dtype=np.uint8)
    rgba[..., :3] = np.round(rgb)
    rgba[..., 3] = 255
    return QImage(rgba.data, width, height, 4 * width, QImage.Format.Format_RGBA8888).copy()


def ramp_image(values: np.ndarray, low: float, high: float, table: list[int]) -> QImage:
    """A 2-D array coloured by ``table`` from ``low`` to ``high``."""
    span = high - low
    t = (_finite(values) - low) / span if span > 1e-12 else np.zeros_like(values, np.float32)
    return grey_qimage(t, table)


def max_abs(values: np.ndarray) -> float:
    finite = _finite(values)
    return float(np.abs(finite).max()) if finite.size else 0.0


def short(value: float) -> str:
    return f"{value:.3g}"


def shape_text(kind: str, shape: tuple[int, ...]) -> str:
    """ "8@14×14" (8 maps of 14×14) for images, "64" for a vector."""
    if len(shape) == 3:
        channels, height, width = shape
        if kind == "input" and channels == 1:
            return f"{height}×{width}"
        return f"{channels}@{height}×{width}"
    return str(int(np.prod(shape)))


def _label_font(bold: bool = False) -> QFont:
    return theme.font(LABEL_PT, bold)


def _frame_pen() -> QPen:
    """A thin frame that keeps a white (zero) cell apart from white paper."""
    return QPen(theme.tint(theme.LOOK.foreground, 0.55), 1)


def best_grid(count: int, width: float, height: float, gap: float) -> tuple[int, float]:
    """The number of columns that gives ``count`` square cells the largest side, and that side."""
    best = (1, 0.0)
    for columns in range(1, max(count, 1) + 1):
        rows = math.ceil(count / columns)
        side = min((width - gap * (columns - 1)) / columns, (height - gap * (rows - 1)) / rows)
        if side > best[1]:
            best = (columns, side)
    return best


def draw_signed_legend(painter: QPainter, rect: QRectF, caption: str) -> None:
    """ "− [orange · white · blue] +" and the caption that says what the ends stand for."""
    metrics = QFontMetricsF(painter.font())
    x, top, height = rect.left(), rect.top(), rect.height()
    painter.setPen(theme.LOOK.foreground)
    minus = metrics.horizontalAdvance("−") + theme.px(4)
    painter.drawText(QRectF(x, top, minus, height), Qt.AlignmentFlag.AlignCenter, "−")
    bar = QRectF(x + minus, top + theme.px(2), theme.px(80), height - theme.px(4))
    gradient = QLinearGradient(bar.topLeft(), bar.topRight())
    gradient.setColorAt(0, NEGATIVE)
    gradient.setColorAt(0.5, QColor("#FFFFFF"))
    gradient.setColorAt(1, POSITIVE)
    painter.fillRect(bar, gradient)
    painter.setPen(_frame_pen())
    painter.drawRect(bar)
    painter.setPen(QColor("#000000"))  # on the bar's white middle, in either theme
    painter.drawText(bar, Qt.AlignmentFlag.AlignCenter, "0")
    painter.setPen(theme.LOOK.foreground)
    plus = QRectF(bar.right(), top, minus, height)
    painter.drawText(plus, Qt.AlignmentFlag.AlignCenter, "+")
    text = QRectF(plus.right() + theme.px(10), top, rect.right() - plus.right(), height)
    painter.drawText(text, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, caption)


class InkImages:
    """Drawings as ink-on-paper QImages, rebuilt when the theme turns paper dark."""

    def __init__(self) -> None:
        self.arrays: list[np.ndarray] = []
        self._images: list[QImage] = []
        self._version = -1

    def set(self, arrays: list[np.ndarray]) -> None:
        self.arrays = [_finite(a) for a in arrays]
        self._version = -1

    def images(self) -> list[QImage]:
        if self._version != theme.LOOK.version:
            table = ink_table()
            self._images = [grey_qimage(a, table) for a in self.arrays]
            self._version = theme.LOOK.version
        return self._images


# -- the architecture -----------------------------------------------------------------------


@dataclass(frozen=True)
class BlockPlace:
    """Where one stage's block and its labels go."""

    stage: Stage
    block: QRectF
    #: (box, text, bold): the name, the shape, the parameter count.
    texts: tuple[tuple[QRectF, str, bool], ...]
    #: How far each square of a stack sits behind the one in front.
    depth: float


@dataclass(frozen=True)
class LabelPlan:
    """How the labels share the width: all above and below their blocks, or (for many
    blocks) alternately above and below, so each label may be twice as wide as a column."""

    staggered: bool
    #: Name and shape on one line ("conv 8@28×28"): one line fewer, a wider label.
    joined: bool


PLANS = (LabelPlan(False, False), LabelPlan(True, True), LabelPlan(True, False))


@dataclass(frozen=True)
class _Attempt:
    places: list[BlockPlace]
    scale: float
    overflow: float


class ArchitectureDiagram(QWidget):
    """The network as blocks in a row: a stack of squares for maps (the side follows their
    size, so each pooling halves it), a thin bar for a vector of neurons."""

    #: The most squares a stack draws: sixteen would be a smear, six still read as "many".
    MAX_STACK = 6

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.stages: list[Stage] = []
        self._cache: tuple[tuple, list[BlockPlace]] | None = None
        self.setMinimumSize(360, 150)
        self.setToolTip(
            self.tr(
                "Each block is one layer's output: 8@14×14 means 8 maps of 14×14 pixels. "
                "Parameters are the weights and biases training adjusts; pooling has none."
            )
        )

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(560, 180)

    def set_stages(self, stages: list[Stage]) -> None:
        self.stages = list(stages)
        self.update()

    def total_parameters(self) -> int:
        return sum(stage.parameters for stage in self.stages)

    def total_text(self) -> str:
        return self.tr("total: {0} parameters").format(f"{self.total_parameters():,}")

    def _texts(self, stage: Stage) -> tuple[str, str, str]:
        count = (
            "" if stage.kind == "input" else self.tr("{0} params").format(f"{stage.parameters:,}")
        )
        return stage_name(stage.kind), shape_text(stage.kind, stage.shape), count

    def _lines(self, stage: Stage, plan: LabelPlan) -> list[tuple[str, bool]]:
        name, shape, count = self._texts(stage)
        head = [(f"{name} {shape}", True)] if plan.joined else [(name, True), (shape, False)]
        return [*head, (count, False)]

    def _stack(self, stage: Stage) -> int:
        return min(max(stage.shape[0], 1), self.MAX_STACK) if len(stage.shape) == 3 else 1

    def _block_size(
        self, stage: Stage, scale: float, bar_scale: float, depth: float
    ) -> tuple[float, float]:
        if len(stage.shape) == 3:
            side = max(scale * stage.shape[1], theme.px(3))
            extra = (self._stack(stage) - 1) * depth
            return side + extra, side + extra
        return theme.px(12), max(bar_scale * int(np.prod(stage.shape)), theme.px(8))

    def places(self) -> list[BlockPlace]:
        """The blocks left to right, as big as the space leaves them with every label
        readable and apart: the label plan that fits with the biggest blocks."""
        if not self.stages:
            return []
        key = (self.width(), self.height(), theme.LOOK.version, tuple(self.stages))
        if self._cache is None or self._cache[0] != key:
            attempts = [self._attempt(plan) for plan in PLANS]
            fitting = [a for a in attempts if a.overflow <= 0]
            if fitting:
                best = max(fitting, key=lambda a: a.scale)
            else:
                best = min(attempts, key=lambda a: a.overflow)
            self._cache = (key, best.places)
        return self._cache[1]

    def _attempt(self, plan: LabelPlan) -> _Attempt:
        regular, bold = QFontMetricsF(_label_font()), QFontMetricsF(_label_font(True))
        line = max(regular.height(), bold.height())
        margin, block_gap, text_gap = theme.px(6), theme.px(18), theme.px(10)
        lines = [self._lines(stage, plan) for stage in self.stages]
        if plan.staggered:
            lines = [[(t, b) for t, b in texts if t] for texts in lines]
            above = below = max(len(texts) for texts in lines)
        else:
            above, below = 2, 1
        widths = [
            max((bold if b else regular).horizontalAdvance(t) for t, b in texts) + theme.px(6)
            for texts in lines
        ]
        draw_top = margin + above * line + theme.px(2)
        bottom_room = below * line + line + margin + theme.px(8)
        draw_height = max(self.height() - draw_top - bottom_room, theme.px(10))
        # The stacks' depth takes at most a quarter of a short drawing's height.
        depth = min(theme.px(4), draw_height * 0.25 / (self.MAX_STACK - 1))
        width = self.width() - 2 * margin
        pictures = [s for s in self.stages if len(s.shape) == 3 and s.shape[1] > 0]
        vectors = [int(np.prod(s.shape)) for s in self.stages if len(s.shape) != 3]
        bar_scale = draw_height / max(vectors, default=1)
        scale_limit = min(
            ((draw_height - (self._stack(s) - 1) * depth) / s.shape[1] for s in pictures),
            default=1.0,
        )
        reach = 2 if plan.staggered else 1

        def centres(scale: float) -> tuple[list[float], list[float], float]:
            blocks = [self._block_size(s, scale, bar_scale, depth)[0] for s in self.stages]
            at: list[float] = []
            for i, (label, block) in enumerate(zip(widths, blocks, strict=True)):
                x = max(label, block) / 2
                if i >= 1:
                    x = max(x, at[i - 1] + (blocks[i - 1] + block) / 2 + block_gap)
                if i >= reach:
                    x = max(x, at[i - reach] + (widths[i - reach] + label) / 2 + text_gap)
                at.append(x)
            extent = max(c + max(w, b) / 2 for c, w, b in zip(at, widths, blocks, strict=True))
            return at, blocks, extent

        low, high = 0.0, max(scale_limit, 0.0)
        if centres(high)[2] <= width:
            low = high
        else:
            for _ in range(24):
                middle = (low + high) / 2
                low, high = (middle, high) if centres(middle)[2] <= width else (low, middle)
        scale = low
        at, _blocks, extent = centres(scale)
        count = len(self.stages)
        spread = min(max(width - extent, 0.0) / max(count - 1, 1), theme.px(40))
        at = [c + i * spread for i, c in enumerate(at)]
        shift = margin + max(width - extent - spread * (count - 1), 0.0) / 2
        middle_y = draw_top + draw_height / 2
        places = []
        for i, (stage, texts) in enumerate(zip(self.stages, lines, strict=True)):
            w, h = self._block_size(stage, scale, bar_scale, depth)
            centre = shift + at[i]
            block = QRectF(centre - w / 2, middle_y - h / 2, w, h)
            left = centre - widths[i] / 2
            if plan.staggered:
                top = draw_top - theme.px(2) - len(texts) * line if i % 2 == 0 else None
                if top is None:
                    top = draw_top + draw_height + theme.px(2)
                tops = [top + k * line for k in range(len(texts))]
            else:
                tops = [margin, margin + line, draw_top + draw_height + theme.px(2)]
            boxes = tuple(
                (QRectF(left, y, widths[i], line), text, is_bold)
                for y, (text, is_bold) in zip(tops, texts, strict=True)
            )
            places.append(BlockPlace(stage, block, boxes, depth))
        return _Attempt(places, scale, extent - width)

    def total_rect(self) -> QRectF:
        line = QFontMetricsF(_label_font(True)).height()
        margin = theme.px(4)
        return QRectF(margin, self.height() - margin - line, self.width() - 2 * margin, line)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        places = self.places()
        if not places:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        arrow = QPen(theme.tint(theme.LOOK.foreground, 0.6), theme.px(2))
        for before, after in zip(places, places[1:], strict=False):
            y = (before.block.center().y() + after.block.center().y()) / 2
            start = QPointF(before.block.right() + theme.px(3), y)
            end = QPointF(after.block.left() - theme.px(3), y)
            if end.x() - start.x() < theme.px(6):
                continue
            painter.setPen(arrow)
            painter.drawLine(start, end)
            head = theme.px(5)
            painter.drawLine(end, QPointF(end.x() - head, y - head))
            painter.drawLine(end, QPointF(end.x() - head, y + head))
        for place in places:
            self._draw_block(painter, place)
        regular, bold = _label_font(), _label_font(True)
        painter.setPen(theme.LOOK.foreground)
        for place in places:
            for box, text, is_bold in place.texts:
                painter.setFont(bold if is_bold else regular)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.setFont(bold)
        painter.drawText(self.total_rect(), Qt.AlignmentFlag.AlignCenter, self.total_text())
        painter.end()

    def _draw_block(self, painter: QPainter, place: BlockPlace) -> None:
        stage, block = place.stage, place.block
        color = STAGE_COLORS.get(stage.kind, theme.LOOK.foreground)
        painter.setPen(QPen(theme.LOOK.outline, theme.px(1.5)))
        if len(stage.shape) == 3:
            depth, count = place.depth, self._stack(stage)
            side = block.width() - (count - 1) * depth
            fill = theme.tint(color, 0.18) if stage.kind == "input" else theme.tint(color, 0.45)
            painter.setBrush(fill)
            for k in reversed(range(count)):  # the back square first, up and to the right
                painter.drawRect(
                    QRectF(block.left() + k * depth, block.bottom() - side - k * depth, side, side)
                )
        else:
            painter.setBrush(theme.tint(color, 0.55))
            painter.drawRect(block)
            neurons = int(np.prod(stage.shape))
            if neurons > 1 and block.height() / neurons >= theme.px(4):
                step = block.height() / neurons
                for i in range(1, neurons):
                    y = block.top() + i * step
                    painter.drawLine(QPointF(block.left(), y), QPointF(block.right(), y))
        painter.setBrush(Qt.BrushStyle.NoBrush)


# -- the first layer's filters --------------------------------------------------------------


class FilterGrid(QWidget):
    """The first layer's filters as k×k pictures, all on one colour scale (the largest |w| of
    any of them), so a strong filter looks strong next to a weak one."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.weights = np.zeros((0, 1, 3, 3), dtype=np.float32)
        self.limit = 0.0
        self._images: list[QImage] = []
        self.setMinimumSize(240, 140)
        self.setToolTip(
            self.tr(
                "Each square is one filter of the first convolution layer (its first input "
                "channel): blue weights add, orange weights subtract, white ones ignore."
            )
        )

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(580, 260)

    def set_filters(self, weights: np.ndarray) -> None:
        weights = _finite(weights)
        if weights.ndim == 3:
            weights = weights[:, None]
        self.weights = weights[:MAX_FILTERS_SHOWN]
        planes = [w[0] for w in self.weights]
        self.limit = max((max_abs(p) for p in planes), default=0.0)
        self._images = [signed_image(p, self.limit) for p in planes]
        self.update()

    def _legend_height(self) -> float:
        return QFontMetricsF(_label_font()).height() + theme.px(6)

    def filter_rects(self) -> list[QRectF]:
        """Each filter's square, whole weights wide so every weight is an equal square."""
        count = len(self._images)
        if not count:
            return []
        margin, gap = theme.px(6), theme.px(8)
        width = self.width() - 2 * margin
        height = self.height() - 2 * margin - self._legend_height() - theme.px(4)
        columns, side = best_grid(count, width, height, gap)
        k = self.weights.shape[-1]
        if side >= k:
            side = math.floor(side / k) * k
        side = max(side, 1.0)
        rows = math.ceil(count / columns)
        left = margin + (width - columns * side - (columns - 1) * gap) / 2
        top = margin + max(height - rows * side - (rows - 1) * gap, 0) / 2
        return [
            QRectF(
                left + (i % columns) * (side + gap), top + (i // columns) * (side + gap), side, side
            )
            for i in range(count)
        ]

    def cell_rect(self, index: int, row: int, column: int) -> QRectF:
        """Weight [row, column] of filter ``index`` (first input channel), on screen."""
        rect = self.filter_rects()[index]
        k = self.weights.shape[-1]
        cell = rect.width() / k
        return QRectF(rect.left() + column * cell, rect.top() + row * cell, cell, cell)

    def legend_text(self) -> str:
        return self.tr("max |w| = {0}").format(short(self.limit))

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        rects = self.filter_rects()
        if not rects:
            return
        painter = QPainter(self)
        painter.setPen(_frame_pen())
        for rect, image in zip(rects, self._images, strict=True):
            painter.drawImage(rect, image)
            painter.drawRect(rect)
        painter.setFont(_label_font())
        margin = theme.px(6)
        legend = QRectF(
            margin,
            self.height() - margin - self._legend_height(),
            self.width() - 2 * margin,
            self._legend_height(),
        )
        draw_signed_legend(painter, legend, self.legend_text())
        painter.end()


# -- the feature maps -----------------------------------------------------------------------


@dataclass(frozen=True)
class MapRow:
    kind: str
    label: str
    shape: tuple[int, int, int]
    #: The row's maps side by side in one image (one colour table for the whole row, and
    #: one image to build instead of sixteen).
    image: QImage
    #: The values drawn darkest and brightest.
    low: float
    high: float

    def source(self, channel: int) -> QRectF:
        """Map ``channel``'s part of ``image``."""
        _channels, height, width = self.shape
        return QRectF(channel * width, 0, width, height)


class FeatureMapsView(QWidget):
    """One row per stage for one input: the picture, what each filter found in it, what
    pooling kept. All maps share one pixel size, so a pooled map is visibly half as wide."""

    #: A map's pixel is never drawn bigger than this (an 8×8 digit would fill the page).
    MAX_CELL = 24.0

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[MapRow] = []
        self._cache: tuple[tuple, tuple[float, list[list[QRectF]], list[QRectF]]] | None = None
        self.setMinimumSize(300, 160)
        self.setToolTip(
            self.tr(
                "Each row is coloured from its own lowest value (dark purple) to its highest "
                "(yellow). Every map uses the same pixel size, so pooling's halving shows."
            )
        )

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(580, 260)

    def set_maps(self, stages: list[tuple[str, np.ndarray]]) -> None:
        rows, convs, pools = [], 0, 0
        for kind, values in stages:
            maps = _finite(values)
            if maps.ndim == 4:  # a batch: its first image
                maps = maps[0]
            if maps.ndim == 2:
                maps = maps[None]
            if maps.ndim != 3 or not maps.size:
                continue  # the dense layer and the scores are vectors, not maps
            if kind == "conv":
                convs += 1
                label = self.tr("conv {0}").format(convs)
            elif kind == "pool":
                pools += 1
                label = self.tr("pool {0}").format(pools)
            else:
                label = stage_name(kind)
            low, high = float(maps.min()), float(maps.max())
            strip = ramp_image(np.concatenate(list(maps), axis=1), low, high, VIRIDIS)
            rows.append(MapRow(kind, label, tuple(maps.shape), strip, low, high))
        self.rows = rows
        self.update()

    def row_labels(self) -> list[str]:
        return [row.label for row in self.rows]

    def cell_size(self) -> float:
        return self._layout()[0]

    def map_rects(self) -> list[list[QRectF]]:
        """Each row's maps on screen: row ``r``'s map ``c`` is ``map_rects()[r][c]``."""
        return self._layout()[1]

    def _metrics(self) -> tuple[float, float, float, float, float]:
        bold, regular = QFontMetricsF(_label_font(True)), QFontMetricsF(_label_font())
        label_width = max(
            max((bold.horizontalAdvance(r.label) for r in self.rows), default=0),
            max((regular.horizontalAdvance(self._shape(r)) for r in self.rows), default=0),
        )
        return label_width + theme.px(12), bold.height(), theme.px(6), theme.px(4), theme.px(8)

    @staticmethod
    def _shape(row: MapRow) -> str:
        return shape_text(row.kind, row.shape)

    def _layout(self) -> tuple[float, list[list[QRectF]], list[QRectF]]:
        """The one pixel size that lets every row fit (a row too wide for one line of maps
        wraps onto more), and where each map and label goes."""
        key = (self.width(), self.height(), theme.LOOK.version, tuple(r.shape for r in self.rows))
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        label_width, line, margin, gap, row_gap = self._metrics()
        width = self.width() - 2 * margin - label_width
        height = self.height() - 2 * margin

        def per_line(row: MapRow, cell: float) -> int:
            fit = max(1, int((width + gap) // (row.shape[2] * cell + gap)))
            return math.ceil(row.shape[0] / math.ceil(row.shape[0] / fit))  # even lines

        def row_height(row: MapRow, cell: float) -> float:
            lines = math.ceil(row.shape[0] / per_line(row, cell))
            return max(lines * row.shape[1] * cell + (lines - 1) * gap, line)

        def fits(cell: float) -> bool:
            total = sum(row_height(r, cell) for r in self.rows) + row_gap * (len(self.rows) - 1)
            return total <= height

        upper = min((width / r.shape[2] for r in self.rows), default=1.0)
        upper = max(min(upper, theme.px(self.MAX_CELL)), 0.05)
        low, high = 0.05, upper
        if fits(high):
            low = high
        else:
            for _ in range(30):
                middle = (low + high) / 2
                low, high = (middle, high) if fits(middle) else (low, middle)
        cell = low
        rects: list[list[QRectF]] = []
        labels: list[QRectF] = []
        y = margin
        for row in self.rows:
            channels, map_height, map_width = row.shape
            per = per_line(row, cell)
            place = []
            for c in range(channels):
                place.append(
                    QRectF(
                        margin + label_width + (c % per) * (map_width * cell + gap),
                        y + (c // per) * (map_height * cell + gap),
                        map_width * cell,
                        map_height * cell,
                    )
                )
            rects.append(place)
            tall = row_height(row, cell)
            labels.append(QRectF(margin, y, label_width - theme.px(8), tall))
            y += tall + row_gap
        result = (cell, rects, labels)
        self._cache = (key, result)
        return result

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        if not self.rows:
            return
        _cell, rects, labels = self._layout()
        painter = QPainter(self)
        frame = _frame_pen()
        bold, regular = _label_font(True), _label_font()
        line = QFontMetricsF(bold).height()
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, places, label in zip(self.rows, rects, labels, strict=True):
            painter.setPen(frame)
            for channel, rect in enumerate(places):
                painter.drawImage(rect, row.image, row.source(channel))
                painter.drawRect(rect)
            painter.setPen(theme.LOOK.foreground)
            painter.setFont(bold)
            if label.height() >= 2 * line:  # room for the shape under the name
                middle = label.center().y()
                painter.drawText(
                    QRectF(label.left(), middle - line, label.width(), line), right, row.label
                )
                painter.setFont(regular)
                painter.drawText(
                    QRectF(label.left(), middle, label.width(), line), right, self._shape(row)
                )
            else:
                painter.drawText(label, right, row.label)
        painter.end()


# -- the confusion matrix and the mistakes --------------------------------------------------


class ConfusionMatrixView(QWidget):
    """Counts[true, predicted] as a grid: the diagonal (right answers) green, mistakes orange,
    each cell as dark as its share of the true class's images."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.counts = np.zeros((0, 0), dtype=np.int64)
        self._shares = np.zeros((0, 0))
        #: Each cell's (fill, text colour, text), row by row, for the theme version it was
        #: built for: the paint loop then only draws.
        self._looks: tuple[int, list[tuple[QColor, QColor, str]]] | None = None
        self.setMinimumSize(220, 160)
        self.setToolTip(
            self.tr(
                "Rows: the true class. Columns: the class the network predicted. The green "
                "diagonal counts right answers, orange cells mistakes; a cell's shade is its "
                "share of its row."
            )
        )

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(360, 260)

    def set_matrix(self, counts: np.ndarray) -> None:
        counts = np.nan_to_num(np.asarray(counts, dtype=np.float64))
        if counts.ndim != 2 or counts.shape[0] != counts.shape[1]:
            counts = np.zeros((0, 0))
        self.counts = np.rint(np.clip(counts, 0, None)).astype(np.int64)
        totals = self.counts.sum(axis=1, keepdims=True)
        self._shares = self.counts / np.maximum(totals, 1)
        self._looks = None
        self.update()

    def cell_text(self, true: int, predicted: int) -> str:
        return str(int(self.counts[true, predicted]))

    def share(self, true: int, predicted: int) -> float:
        return float(self._shares[true, predicted])

    def cell_color(self, true: int, predicted: int) -> QColor:
        if not self.counts[true, predicted]:
            return QColor(theme.LOOK.background)
        hue = RIGHT if true == predicted else WRONG
        # On dark paper a faint tint turns brown: the dark theme starts stronger.
        least = 0.3 if theme.LOOK.dark else 0.15
        return theme.tint(hue, least + (1 - least) * self.share(true, predicted))

    def _fonts(self) -> tuple[QFont, QFont]:
        return theme.font(COUNT_PT, bold=True), theme.font(COUNT_PT)

    def _gutters(self) -> tuple[float, float, float]:
        """The title line's height, the row numbers' width and the column numbers' height."""
        title, numbers = (QFontMetricsF(f) for f in self._fonts())
        width = numbers.horizontalAdvance(str(max(len(self.counts) - 1, 0))) + theme.px(8)
        return title.height(), width, numbers.height()

    def grid_rect(self) -> QRectF:
        """The cells' area, under the column numbers and right of the row numbers."""
        k = max(len(self.counts), 1)
        line, number_width, number_height = self._gutters()
        margin = theme.px(4)
        left = margin + line + theme.px(4) + number_width
        top = margin + line + number_height + theme.px(2)
        cell_h = max((self.height() - top - margin) / k, 1.0)
        cell_w = max((self.width() - left - margin) / k, 1.0)
        cell_w = min(cell_w, cell_h * 2.2)
        cell_h = min(cell_h, cell_w * 1.2)
        block = left - margin + k * cell_w
        left += max(self.width() - 2 * margin - block, 0) / 2
        return QRectF(left, top, k * cell_w, k * cell_h)

    def cell_rect(self, true: int, predicted: int) -> QRectF:
        return self._cell(self.grid_rect(), true, predicted)

    def _cell(self, grid: QRectF, true: int, predicted: int) -> QRectF:
        k = len(self.counts)
        w, h = grid.width() / k, grid.height() / k
        return QRectF(grid.left() + predicted * w, grid.top() + true * h, w, h)

    def _cell_looks(self) -> list[tuple[QColor, QColor, str]]:
        if self._looks is None or self._looks[0] != theme.LOOK.version:
            quiet = theme.tint(theme.LOOK.foreground, 0.5)
            looks = []
            for true, row in enumerate(self.counts.tolist()):
                for predicted, count in enumerate(row):
                    color = self.cell_color(true, predicted)
                    looks.append((color, text_on(color) if count else quiet, str(count)))
            self._looks = (theme.LOOK.version, looks)
        return self._looks[1]

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        k = len(self.counts)
        if not k:
            return
        painter = QPainter(self)
        bold, regular = self._fonts()
        grid = self.grid_rect()
        line, number_width, numbers_h = self._gutters()
        widest = QFontMetricsF(bold).horizontalAdvance(str(int(self.counts.max())))
        # Bold counts where they fit, regular ones in narrow cells: never smaller than 12 pt.
        painter.setFont(bold if widest <= grid.width() / k - theme.px(4) else regular)
        foreground = theme.LOOK.foreground
        w, h = grid.width() / k, grid.height() / k
        centre = Qt.AlignmentFlag.AlignCenter
        for index, (fill, ink, text) in enumerate(self._cell_looks()):
            rect = QRectF(grid.left() + (index % k) * w, grid.top() + (index // k) * h, w, h)
            painter.fillRect(rect, fill)
            painter.setPen(ink)
            painter.drawText(rect, centre, text)
        painter.setPen(QPen(theme.tint(foreground, 0.35), 1))
        for i in range(k + 1):
            x, y = grid.left() + i * w, grid.top() + i * h
            painter.drawLine(QPointF(x, grid.top()), QPointF(x, grid.bottom()))
            painter.drawLine(QPointF(grid.left(), y), QPointF(grid.right(), y))
        painter.setPen(foreground)
        painter.setFont(regular)
        numbers_top = grid.top() - numbers_h - theme.px(2)
        for index in range(k):
            column, row = self._cell(grid, 0, index), self._cell(grid, index, 0)
            painter.drawText(
                QRectF(column.left(), numbers_top, column.width(), numbers_h),
                Qt.AlignmentFlag.AlignCenter,
                str(index),
            )
            painter.drawText(
                QRectF(
                    grid.left() - number_width, row.top(), number_width - theme.px(6), row.height()
                ),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(index),
            )
        painter.setFont(bold)
        painter.drawText(
            QRectF(grid.left(), numbers_top - line, grid.width(), line),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("predicted class"),
        )
        painter.translate(grid.left() - number_width - theme.px(2) - line / 2, grid.center().y())
        painter.rotate(-90)
        span = max(grid.height(), theme.px(160))
        painter.drawText(
            QRectF(-span / 2, -line / 2, span, line),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("true class"),
        )
        painter.end()


class MisclassifiedStrip(QWidget):
    """The images the network got wrong, each captioned "true → predicted": the class sees
    which drawings fooled it and can guess why. A thumbnail too small to read from the back
    is not drawn: the header then says how many are shown."""

    MIN_THUMB = 36.0
    MAX_THUMB = 110.0

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.true = np.zeros(0, dtype=np.int64)
        self.predicted = np.zeros(0, dtype=np.int64)
        self.total = 0
        self._ink = InkImages()
        self._cache: tuple[tuple, list[QRectF]] | None = None
        self.setMinimumSize(180, 120)
        self.setToolTip(self.tr("Misclassified images: each reads true class → predicted class."))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(320, 260)

    def set_misclassified(
        self, images: np.ndarray, true: np.ndarray, predicted: np.ndarray
    ) -> None:
        images = np.asarray(images, dtype=np.float32)
        self.total = len(images)
        shown = images[:MAX_MISCLASSIFIED_SHOWN]
        self._ink.set(list(shown))
        self.true = np.asarray(true, dtype=np.int64).reshape(-1)[: len(shown)]
        self.predicted = np.asarray(predicted, dtype=np.int64).reshape(-1)[: len(shown)]
        self.update()

    def captions(self) -> list[str]:
        """The captions of the thumbnails drawn (as many as fit)."""
        every = [f"{t} → {p}" for t, p in zip(self.true, self.predicted, strict=False)]
        return every[: len(self.thumbnail_rects())]

    def header(self) -> str:
        return self._header(len(self.thumbnail_rects()))

    def _header(self, shown: int) -> str:
        if not self.total:
            return self.tr("Misclassified: none")
        if self.total > shown:
            return self.tr("Misclassified: {0} ({1} shown)").format(self.total, shown)
        return self.tr("Misclassified: {0}").format(self.total)

    def _fonts(self) -> tuple[QFont, QFont]:
        return theme.font(COUNT_PT, bold=True), theme.font(COUNT_PT)

    def _header_rect(self, text: str) -> QRectF:
        """The header, wrapped onto a second line in a narrow strip."""
        margin = theme.px(4)
        box = QRectF(margin, margin, self.width() - 2 * margin, 1000)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        used = QFontMetricsF(self._fonts()[0]).boundingRect(box, flags, text)
        return QRectF(margin, margin, box.width(), used.height())

    def thumbnail_rects(self) -> list[QRectF]:
        """As many thumbnails as fit at a readable size, captions under them."""
        count = min(len(self.true), len(self.predicted), len(self._ink.arrays))
        key = (self.width(), self.height(), theme.LOOK.version, count)
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        rects = self._place(count, self._header_rect(self._header(count)).bottom())
        header = self._header_rect(self._header(len(rects)))
        if header.bottom() > self._header_rect(self._header(count)).bottom():
            rects = self._place(count, header.bottom())  # the longer header took a line
        self._cache = (key, rects)
        return rects

    def _place(self, count: int, header_bottom: float) -> list[QRectF]:
        caption = QFontMetricsF(self._fonts()[1])
        margin, gap = theme.px(4), theme.px(8)
        top = header_bottom + theme.px(6)
        caption_h = caption.height()
        caption_w = caption.horizontalAdvance("0 → 0") + theme.px(6)
        width, height = self.width() - 2 * margin, self.height() - top - margin
        for shown in range(count, 0, -1):
            columns, side = self._grid(shown, width, height, caption_w, caption_h, gap)
            if side >= theme.px(self.MIN_THUMB) or shown == 1:
                side = min(side, theme.px(self.MAX_THUMB))
                column_w = max(side, caption_w)
                return [
                    QRectF(
                        margin + (i % columns) * (column_w + gap) + (column_w - side) / 2,
                        top + (i // columns) * (side + caption_h + gap),
                        side,
                        side,
                    )
                    for i in range(shown)
                ]
        return []

    @staticmethod
    def _grid(
        count: int, width: float, height: float, caption_w: float, caption_h: float, gap: float
    ) -> tuple[int, float]:
        best = (1, 0.0)
        for columns in range(1, count + 1):
            rows = math.ceil(count / columns)
            column_w = (width - gap * (columns - 1)) / columns
            if column_w < caption_w and columns > 1:
                break
            side = min(column_w, (height - rows * caption_h - (rows - 1) * gap) / rows)
            if side > best[1]:
                best = (columns, side)
        return best

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        bold, regular = self._fonts()
        painter.setFont(bold)
        painter.setPen(theme.LOOK.foreground)
        header = self.header()
        painter.drawText(
            self._header_rect(header),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            header,
        )
        painter.setFont(regular)
        caption_h = QFontMetricsF(regular).height()
        frame = _frame_pen()
        for rect, image, text in zip(
            self.thumbnail_rects(), self._ink.images(), self.captions(), strict=False
        ):
            painter.drawImage(rect, image)
            painter.setPen(frame)
            painter.drawRect(rect)
            painter.setPen(theme.LOOK.foreground)
            below = QRectF(
                rect.center().x() - theme.px(60), rect.bottom() + 1, theme.px(120), caption_h
            )
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()


class ConfusionPage(QWidget):
    """The matrix and its mistakes side by side, for a lesson page."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.matrix = ConfusionMatrixView()
        self.strip = MisclassifiedStrip()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.matrix, 3)
        row.addWidget(self.strip, 2)

    def set_matrix(self, counts: np.ndarray) -> None:
        self.matrix.set_matrix(counts)

    def set_misclassified(
        self, images: np.ndarray, true: np.ndarray, predicted: np.ndarray
    ) -> None:
        self.strip.set_misclassified(images, true, predicted)


# -- one hand-set kernel --------------------------------------------------------------------


class ConvolutionPicture(QWidget):
    """An image, "→ conv →", and what the kernel makes of it on the signed colour scale."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = np.zeros((0, 0), dtype=np.float32)
        self.limit = 0.0
        self._ink = InkImages()
        self._result_image: QImage | None = None
        self.setMinimumSize(260, 150)

    def set_images(self, image: np.ndarray, result: np.ndarray) -> None:
        self._ink.set([image])
        self.result = _finite(result)
        self.limit = max_abs(self.result)
        self._result_image = signed_image(self.result, self.limit)
        self.update()

    def _fonts(self) -> tuple[QFont, QFont]:
        return theme.font(COUNT_PT, bold=True), _label_font()

    def arrow_text(self) -> str:
        return stage_name("conv")

    def legend_text(self) -> str:
        return self.tr("max |result| = {0}").format(short(self.limit))

    def _arrow_width(self) -> float:
        bold = QFontMetricsF(self._fonts()[0])
        return max(bold.horizontalAdvance(self.arrow_text()), theme.px(36)) + theme.px(28)

    def image_rects(self) -> tuple[QRectF, QRectF]:
        """The input's square and the result's square."""
        bold, regular = (QFontMetricsF(f) for f in self._fonts())
        margin = theme.px(4)
        arrow = self._arrow_width()
        top = margin + bold.height() + theme.px(4)
        legend = regular.height() + theme.px(10)
        side = min((self.width() - 2 * margin - arrow) / 2, self.height() - top - legend - margin)
        side = max(side, 8.0)
        left = margin + max(self.width() - 2 * margin - 2 * side - arrow, 0) / 2
        return QRectF(left, top, side, side), QRectF(left + side + arrow, top, side, side)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        if self._result_image is None:
            return
        painter = QPainter(self)
        bold, regular = self._fonts()
        source, target = self.image_rects()
        line = QFontMetricsF(bold).height()
        painter.drawImage(source, self._ink.images()[0])
        painter.drawImage(target, self._result_image)
        painter.setPen(_frame_pen())
        painter.drawRect(source)
        painter.drawRect(target)
        painter.setPen(theme.LOOK.foreground)
        painter.setFont(bold)
        metrics = QFontMetricsF(bold)
        for rect, text in ((source, self.tr("image")), (target, self.tr("feature map"))):
            wide = metrics.horizontalAdvance(text) + theme.px(4)
            left = min(max(rect.center().x() - wide / 2, 0.0), self.width() - wide)
            above = QRectF(left, rect.top() - line - theme.px(4), wide, line)
            painter.drawText(above, Qt.AlignmentFlag.AlignCenter, text)
        y = source.center().y()
        painter.drawText(
            QRectF(source.right(), y - line - theme.px(4), target.left() - source.right(), line),
            Qt.AlignmentFlag.AlignCenter,
            self.arrow_text(),
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(theme.LOOK.foreground, theme.px(2.5)))
        start, end = (
            QPointF(source.right() + theme.px(6), y),
            QPointF(target.left() - theme.px(6), y),
        )
        head = theme.px(7)
        painter.drawLine(start, end)
        painter.drawLine(end, QPointF(end.x() - head, y - head))
        painter.drawLine(end, QPointF(end.x() - head, y + head))
        painter.setFont(regular)
        legend_h = QFontMetricsF(regular).height() + theme.px(4)
        legend = QRectF(
            source.left(), target.bottom() + theme.px(6), self.width() - source.left(), legend_h
        )
        draw_signed_legend(painter, legend, self.legend_text())
        painter.end()


class KernelPlayground(QWidget):
    """One 3×3 kernel chosen by name or typed in, applied to a drawing: what a single filter
    does before any training, so the class has seen an edge detector before one is learned."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.image = np.zeros((0, 0), dtype=np.float32)
        self.kernel_combo = QComboBox()
        for name, shown in kernel_names().items():
            self.kernel_combo.addItem(shown, name)
        self.kernel_combo.addItem(self.tr("typed…"), TYPED)
        self.kernel_combo.setToolTip(
            self.tr('A hand-set kernel, or "typed…" to type your own nine numbers')
        )
        self.spins: list[list[QDoubleSpinBox]] = []
        grid = QGridLayout()
        grid.setSpacing(4)
        for row in range(3):
            spins = []
            for column in range(3):
                spin = RealField()  # keeps what it shows: kernels come as float32
                spin.setRange(-KERNEL_LIMIT, KERNEL_LIMIT)
                spin.setDecimals(2)
                spin.setSingleStep(0.5)
                spin.setAlignment(Qt.AlignmentFlag.AlignRight)
                # No arrows: they would take a third of a narrow column; typing, the wheel
                # and the arrow keys change the number.
                spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
                theme.set_font(spin, COUNT_PT, bold=True)
                spin.valueChanged.connect(self._typed)
                grid.addWidget(spin, row, column)
                spins.append(spin)
            self.spins.append(spins)
        self.picture = ConvolutionPicture()
        controls = QVBoxLayout()
        controls.addWidget(self.kernel_combo)
        controls.addLayout(grid)
        controls.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.picture, 1)
        self.kernel_combo.currentIndexChanged.connect(self._chosen)
        self._chosen()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(580, 260)

    def typed(self) -> bool:
        return self.kernel_combo.currentData() == TYPED

    def choose(self, name: str) -> None:
        """Pick a kernel by its ``KERNELS`` name, or ``TYPED``."""
        self.kernel_combo.setCurrentIndex(self.kernel_combo.findData(name))

    def kernel(self) -> np.ndarray:
        name = self.kernel_combo.currentData()
        if name in KERNELS:
            return np.array(KERNELS[name], dtype=np.float32)
        return np.array([[s.value() for s in row] for row in self.spins], dtype=np.float32)

    def set_kernel(self, values: np.ndarray) -> None:
        """Typed numbers (clipped to ±10): the combo switches to "typed…"."""
        values = np.clip(_finite(values).reshape(3, 3), -KERNEL_LIMIT, KERNEL_LIMIT)
        self.choose(TYPED)
        self._show(values)
        self._recompute()

    def set_input(self, image: np.ndarray) -> None:
        self.image = _finite(image)
        self._recompute()

    def result(self) -> np.ndarray:
        return self.picture.result

    def _show(self, values: np.ndarray) -> None:
        for row, spins in enumerate(self.spins):
            for column, spin in enumerate(spins):
                spin.blockSignals(True)
                spin.setValue(float(values[row, column]))
                spin.blockSignals(False)

    def _chosen(self) -> None:
        typed = self.typed()
        if not typed:
            self._show(self.kernel())
        for spin in (s for row in self.spins for s in row):
            spin.setReadOnly(not typed)
            spin.setFrame(typed)  # boxed while it takes typing, plain numbers otherwise
            spin.setToolTip(
                self.tr("Type a number from −10 to 10 (or turn the mouse wheel)")
                if typed
                else self.tr('Choose "typed…" to type your own numbers')
            )
        self._recompute()

    def _typed(self) -> None:
        if self.typed():
            self._recompute()

    def _recompute(self) -> None:
        if self.image.ndim != 2 or not self.image.size:
            return
        self.picture.set_images(self.image, apply_kernel(self.image, self.kernel()))
