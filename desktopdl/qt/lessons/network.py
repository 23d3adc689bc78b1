"""Neural Network page: build the layers, watch the diagram and each neuron as it learns.

The diagram is drawn as the lecture draws a network: inputs, hidden neurons, output, and
weights. Each weight is a line whose colour gives its sign (blue +, orange −) and whose width
its size; each hidden neuron shows a small picture of its own output over the canvas, so the
class can see simple features combine into the final boundary.
"""

from __future__ import annotations

import functools

import numpy as np
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from desktopdl.core.lessons.network import ACTIVATIONS, MAX_LAYERS, MAX_NEURONS, NeuralNetwork
from desktopdl.core.trainer import Snapshot
from desktopdl.core.views import NeuronMaps
from desktopdl.qt import theme
from desktopdl.qt.binding import Field
from desktopdl.qt.lesson_tab import LessonTab, format_number
from desktopdl.qt.number_fields import IntField
from desktopdl.qt.overlays import SurfaceOverlay
from desktopdl.qt.probability_bars import ProbabilityBars

POSITIVE = QColor("#0072B2")
NEGATIVE = QColor("#E69F00")
MAX_LINE = 6.0


#: Shades of line width and colour a weight is drawn in: lines of one shade share a pen and
#: are drawn in one call (a pen and a call per weight cost ~4 ms a frame at 2-8-8-1).
LINE_SHADES = 32


def neuron_images(layer: np.ndarray, activation: str) -> list[QImage]:
    """A layer's neuron outputs (neurons, rows, columns) as pictures, computed for the whole
    layer at once: orange for low, white for middle, blue for high."""
    layer = np.asarray(layer, dtype=np.float32)
    if layer.ndim != 3 or not layer.size:
        return []
    lo, hi = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}.get(activation, (None, None))
    if lo is None:  # unbounded outputs: each neuron's own range
        lo = layer.min(axis=(1, 2), keepdims=True)
        hi = layer.max(axis=(1, 2), keepdims=True)
    t = np.clip((layer - lo) / np.maximum(hi - lo, 1e-9), 0, 1)[:, ::-1]  # rows: y up
    t = np.nan_to_num(t, nan=0.5)
    shades = _neuron_shades()[np.rint(t * 255).astype(np.uint8)]  # (n, rows, columns, 4)
    _count, height, width, _rgba = shades.shape
    return [
        # Converted once to the painter's own format, not at every draw.
        QImage(
            picture.data, width, height, 4 * width, QImage.Format.Format_RGBA8888
        ).convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        for picture in np.ascontiguousarray(shades)
    ]


@functools.cache
def _neuron_shades() -> np.ndarray:
    """256 RGBA shades from orange (0) through white (0.5) to blue (1)."""
    t = np.linspace(0.0, 1.0, 256, dtype=np.float32)[:, None]
    low = np.array([NEGATIVE.red(), NEGATIVE.green(), NEGATIVE.blue()], dtype=np.float32)
    high = np.array([POSITIVE.red(), POSITIVE.green(), POSITIVE.blue()], dtype=np.float32)
    white = np.full(3, 255.0, dtype=np.float32)
    rgb = np.where(
        t < 0.5, white + (low - white) * (1 - 2 * t), white + (high - white) * (2 * t - 1)
    )
    alpha = np.full((256, 1), 255.0, dtype=np.float32)
    return np.hstack([rgb, alpha]).astype(np.uint8)


class NetworkDiagram(QWidget):
    """The network as the lecture draws it. It is drawn once per change of what it shows
    (the shape, the weights, the neurons' pictures, the size, the theme) into a picture that
    every paint copies: a snapshot that changes nothing draws nothing, and a repaint of the
    window costs a copy."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.sizes: list[int] = []
        self.weights: list[np.ndarray] = []
        self.images: list[list[QImage]] = []
        self.activation = "tanh"
        self._maps: list[np.ndarray] = []
        #: The drawing of the state shown, and what it was drawn for (size, theme).
        self._picture: QImage | None = None
        self._picture_key: tuple | None = None
        self.setMinimumSize(300, 220)

    def set_state(
        self, sizes: list[int], params: tuple[np.ndarray, ...], neurons, activation: str
    ) -> None:
        weights = [np.asarray(params[i]) for i in range(0, len(params), 2)]
        maps = [np.asarray(layer) for layer in (neurons or [])]
        same_maps = activation == self.activation and _same_arrays(maps, self._maps)
        if same_maps and list(sizes) == self.sizes and _same_arrays(weights, self.weights):
            if self._picture_key is not None and self._picture_key[-1] != _look_key():
                self.update()  # a theme or size switch: the same state, drawn anew
            return  # nothing it shows changed: no pictures made, no repaint
        if not same_maps:
            self.images = [neuron_images(layer, activation) for layer in maps]
            self._maps = maps  # a snapshot's arrays are read-only
        self.sizes = list(sizes)
        self.weights = [w.copy() for w in weights]
        self.activation = activation
        self._picture = None
        self.update()

    def positions(self) -> list[list[QPointF]]:
        margin_x, margin_y = 70.0, 24.0
        columns = len(self.sizes)
        width = max(self.width() - 2 * margin_x, 1)
        out = []
        for column, size in enumerate(self.sizes):
            x = margin_x + (width * column / max(columns - 1, 1))
            step = (self.height() - 2 * margin_y) / max(size, 1)
            out.append([QPointF(x, margin_y + step * (i + 0.5)) for i in range(size)])
        return out

    def node_size(self) -> float:
        biggest = max(self.sizes or [1])
        return float(np.clip((self.height() - 48) / biggest * 0.8, 8, 44))

    def paintEvent(self, _event) -> None:
        if not self.sizes or len(self.weights) != len(self.sizes) - 1:
            return
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, _look_key())
        if self._picture is None or self._picture_key != key:
            self._picture = QImage(
                round(self.width() * ratio),
                round(self.height() * ratio),
                QImage.Format.Format_ARGB32_Premultiplied,
            )
            self._picture.setDevicePixelRatio(ratio)
            self._picture.fill(Qt.GlobalColor.transparent)
            self._picture_key = key
            painter = QPainter(self._picture)
            self.draw(painter)
            painter.end()
        painter = QPainter(self)
        painter.drawImage(0, 0, self._picture)
        painter.end()

    def draw(self, painter: QPainter) -> None:
        """The whole diagram: weights as lines, neurons as circles or their pictures."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        positions = self.positions()
        biggest = max(
            (float(np.abs(w[np.isfinite(w)]).max()) for w in self.weights if np.isfinite(w).any()),
            default=1.0,
        )
        pens = _line_pens()
        shades: dict[tuple[bool, int], list[QLineF]] = {}
        for layer, w in enumerate(self.weights):
            starts, ends = positions[layer], positions[layer + 1]
            if w.shape != (len(starts), len(ends)):
                w = np.zeros((len(starts), len(ends)))
            finite = np.isfinite(w)
            share = np.minimum(np.abs(np.where(finite, w, 0.0)) / max(biggest, 1e-9), 1)
            levels = np.rint(share * (LINE_SHADES - 1)).astype(int)
            for i, j in zip(*np.nonzero(finite), strict=True):
                key = (bool(w[i, j] >= 0), int(levels[i, j]))
                shades.setdefault(key, []).append(QLineF(starts[i], ends[j]))
        # Thin lines first, so the strong weights are drawn over them.
        for positive, level in sorted(shades, key=lambda k: k[1]):
            painter.setPen(pens[positive][level])
            painter.drawLines(shades[(positive, level)])
        size = self.node_size()
        painter.setFont(theme.big_font(theme.BASE_POINT_SIZE, bold=True))
        picture_pen = QPen(theme.LOOK.outline, theme.px(1.5))
        circle_pen = QPen(theme.LOOK.outline, theme.px(2))
        for column, nodes in enumerate(positions):
            for i, centre in enumerate(nodes):
                box = QRectF(centre.x() - size / 2, centre.y() - size / 2, size, size)
                hidden = 0 < column < len(positions) - 1
                if hidden and column - 1 < len(self.images) and i < len(self.images[column - 1]):
                    painter.drawImage(box, self.images[column - 1][i])
                    painter.setPen(picture_pen)
                    painter.drawRect(box)
                else:
                    painter.setPen(circle_pen)
                    painter.setBrush(theme.LOOK.background)
                    painter.drawEllipse(box)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                if column == 0 and i < 2:
                    painter.setPen(theme.LOOK.foreground)
                    _draw_subscripted(
                        painter, QPointF(centre.x() - 44, centre.y()), "x", str(i + 1)
                    )
            if column == len(positions) - 1:
                painter.setPen(theme.LOOK.foreground)
                painter.drawText(
                    QRectF(nodes[0].x() + size / 2 + 6, nodes[0].y() - 12, 60, 24),
                    Qt.AlignmentFlag.AlignVCenter,
                    "H(x)",
                )


def _same_arrays(a: list[np.ndarray], b: list[np.ndarray]) -> bool:
    """The same arrays, value for value (NaN equal to NaN): a snapshot that changed nothing."""
    return len(a) == len(b) and all(
        x is y or (x.shape == y.shape and np.array_equal(x, y, equal_nan=True))
        for x, y in zip(a, b, strict=True)
    )


def _look_key() -> tuple[int, float]:
    """What a drawing depends on beside its state: the theme and the presenter's size."""
    return theme.LOOK.version, theme.LOOK.scale


def _line_pens() -> dict[bool, list[QPen]]:
    """The weight lines' pens, per sign and shade, for the theme in use (made once per theme
    and size, not once per weight per frame)."""
    key = _look_key()
    if _PENS.get("key") != key:
        _PENS.clear()
        _PENS["key"] = key
        for positive, color in ((True, POSITIVE), (False, NEGATIVE)):
            pens = []
            for level in range(LINE_SHADES):
                share = level / (LINE_SHADES - 1)
                # Opaque, blended toward the background: a translucent antialiased line
                # cost ~80 µs to draw against ~10 µs for an opaque one.
                pen = QPen(theme.tint(color, 0.3 + 0.7 * share), theme.px(0.5 + MAX_LINE * share))
                pens.append(pen)
            _PENS[positive] = pens
    return _PENS


_PENS: dict = {}


def _draw_subscripted(painter: QPainter, right_middle: QPointF, base: str, low: str) -> None:
    """``base`` with ``low`` as a real subscript, ending at ``right_middle``: the Korean font
    draws the Unicode x₁ as a dot that reads "x," from the back row."""
    font = painter.font()
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.72)
    wide = QFontMetricsF(font).horizontalAdvance(base)
    narrow = QFontMetricsF(small).horizontalAdvance(low)
    height = QFontMetricsF(font).ascent()
    left = right_middle.x() - wide - narrow
    baseline = right_middle.y() + height / 3
    painter.drawText(QPointF(left, baseline), base)
    painter.setFont(small)
    painter.drawText(QPointF(left + wide, baseline + height / 4), low)
    painter.setFont(font)


class HiddenLayersEditor(QWidget):
    """The number of hidden layers and the neurons in each: one value, a tuple."""

    valueChanged = Signal(object)  # noqa: N815 - Qt's naming, so the binding treats it as a spin

    def __init__(
        self,
        parent: QWidget | None = None,
        layers: tuple[int, int] = (0, MAX_LAYERS),
        most_units: int = MAX_NEURONS,
        layers_tip: str | None = None,
        units_tip: str | None = None,
    ):
        """``layers`` (fewest, most) and ``most_units`` per layer; the CNN lesson reuses it
        for its convolution layers' filters."""
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.layers_spin = IntField()
        self.layers_spin.setRange(*layers)
        self.layers_spin.setToolTip(
            layers_tip
            or QCoreApplication.translate(
                "NeuralNetworkTab", "Hidden layers (0 = the binary lesson's straight boundary)"
            )
        )
        row.addWidget(self.layers_spin)
        self.neuron_spins: list[QSpinBox] = []
        for _ in range(layers[1]):
            spin = IntField()
            spin.setRange(1, most_units)
            spin.setValue(8)
            spin.setToolTip(
                units_tip or QCoreApplication.translate("NeuralNetworkTab", "Neurons in this layer")
            )
            spin.valueChanged.connect(self._changed)
            row.addWidget(spin)
            self.neuron_spins.append(spin)
        self.layers_spin.valueChanged.connect(self._changed)

    def value(self) -> tuple[int, ...]:
        return tuple(spin.value() for spin in self.neuron_spins[: self.layers_spin.value()])

    def setValue(self, hidden: tuple[int, ...]) -> None:  # noqa: N802 - Qt's naming
        for spin in (self.layers_spin, *self.neuron_spins):
            spin.blockSignals(True)
        self.layers_spin.setValue(len(hidden))
        for spin, neurons in zip(self.neuron_spins, hidden, strict=False):
            spin.setValue(neurons)
        for spin in (self.layers_spin, *self.neuron_spins):
            spin.blockSignals(False)
        self._show_spins()

    def _show_spins(self) -> None:
        for index, spin in enumerate(self.neuron_spins):
            spin.setVisible(index < self.layers_spin.value())
        self.layout().invalidate()  # a layout not shown yet keeps the hidden spins' width
        self.updateGeometry()

    def _changed(self) -> None:
        self._show_spins()
        self.valueChanged.emit(self.value())


def _classes() -> QSpinBox:
    spin = IntField()
    spin.setRange(2, NeuralNetwork.n_classes)
    spin.setToolTip("2: one sigmoid output; more: softmax")
    return spin


def _activations() -> QComboBox:
    combo = QComboBox()
    for name in ACTIVATIONS:
        combo.addItem(name, name)
    return combo


class NetworkPage(NetworkDiagram):
    """The diagram as a lower page: it shows each hidden neuron's picture."""

    wanted_views = (NeuronMaps,)


class NeuralNetworkTab(LessonTab):
    core_lesson = NeuralNetwork
    overlay_class = SurfaceOverlay

    def config_fields(self) -> list[Field]:
        return [
            Field(
                "hidden",
                lambda: QCoreApplication.translate("NeuralNetworkTab", "Hidden layers:"),
                HiddenLayersEditor,
            ),
            Field(
                "activation",
                lambda: QCoreApplication.translate("NeuralNetworkTab", "Activation:"),
                _activations,
            ),
            Field(
                "classes",
                lambda: QCoreApplication.translate("NeuralNetworkTab", "Classes:"),
                _classes,
            ),
        ]

    def lesson_pages(self) -> list[tuple[str, QWidget]]:
        self.diagram = NetworkPage()
        return [(self.tr("Network"), self.diagram)]

    def build_overlays(self) -> None:
        form = self.model_panel.config_form
        self.layers_editor = form["hidden"]
        self.layers_spin = self.layers_editor.layers_spin
        self.neuron_spins = self.layers_editor.neuron_spins
        self.activation_combo = form["activation"]
        self.classes_spin = form["classes"]
        self.bars = ProbabilityBars()
        self.test_group_layout().addWidget(self.bars)

    def draw_page(self, snapshot: Snapshot, page: QWidget) -> None:
        if page is self.diagram:
            maps = snapshot.view(NeuronMaps)
            self.diagram.set_state(
                self.lesson.layer_sizes,
                snapshot.params,
                None if maps is None else list(maps.layers),
                self.lesson.config.activation,
            )

    def show_test(self, x: float, y: float, outputs: np.ndarray) -> None:
        winner = self.lesson.predicted_class(outputs)
        point = f"[{format_number(x)}, {format_number(y)}]"
        if self.lesson.config.classes == 2:
            self.test_result.setText(
                self.tr("H({0}) = {1} → class {2}").format(point, f"{outputs[0]:.4f}", winner)
            )
            self.bars.set_values(np.array([1 - outputs[0], outputs[0]]), self.tr("P(class):"))
        else:
            self.test_result.setText(
                self.tr("H({0}) → class {1} (p = {2})").format(
                    point, winner, f"{outputs[winner]:.3f}"
                )
            )
            self.bars.set_values(outputs, self.tr("softmax:"))
        self.test_detail.setText(
            f"x_test = torch.FloatTensor([[{format_number(x)}, {format_number(y)}]])\n"
            f"H(x_test).detach() → {np.array2string(outputs, precision=4, separator=', ')}"
        )
        self.draw_test(x, y, float(outputs.max()))
