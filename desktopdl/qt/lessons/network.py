"""Neural Network page: build the layers, watch the diagram and each neuron as it learns.

The diagram is drawn as the lecture draws a network: inputs, hidden neurons, output, and
weights. Each weight is a line whose colour gives its sign (blue +, orange −) and whose width
its size; each hidden neuron shows a small picture of its own output over the canvas, so the
class can see simple features combine into the final boundary.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from desktopdl.core.lessons.network import ACTIVATIONS, MAX_LAYERS, MAX_NEURONS, NeuralNetwork
from desktopdl.core.trainer import Snapshot
from desktopdl.core.views import NeuronMaps
from desktopdl.qt import theme
from desktopdl.qt.binding import Field
from desktopdl.qt.lesson_tab import LessonTab, format_number
from desktopdl.qt.overlays import SurfaceOverlay
from desktopdl.qt.probability_bars import ProbabilityBars

POSITIVE = QColor("#0072B2")
NEGATIVE = QColor("#E69F00")
MAX_LINE = 6.0


def neuron_image(values: np.ndarray, activation: str) -> QImage:
    """A neuron's outputs as a picture: orange for low, white for middle, blue for high."""
    lo, hi = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}.get(activation, (None, None))
    if lo is None:
        lo, hi = float(values.min()), float(values.max())
    t = np.clip((values - lo) / max(hi - lo, 1e-9), 0, 1)[::-1]  # rows: y up
    low = np.array([NEGATIVE.red(), NEGATIVE.green(), NEGATIVE.blue()], dtype=np.float32)
    high = np.array([POSITIVE.red(), POSITIVE.green(), POSITIVE.blue()], dtype=np.float32)
    white = np.full(3, 255.0, dtype=np.float32)
    below = (t < 0.5)[..., None]
    mix_low = white + (low - white) * (1 - 2 * t)[..., None]
    mix_high = white + (high - white) * (2 * t - 1)[..., None]
    rgb = np.where(below, mix_low, mix_high).astype(np.uint8)
    rgba = np.dstack([rgb, np.full(t.shape, 255, np.uint8)]).copy()
    height, width = t.shape
    return QImage(rgba.data, width, height, 4 * width, QImage.Format.Format_RGBA8888).copy()


class NetworkDiagram(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.sizes: list[int] = []
        self.weights: list[np.ndarray] = []
        self.images: list[list[QImage]] = []
        self.activation = "tanh"
        self.setMinimumSize(300, 220)

    def set_state(
        self, sizes: list[int], params: tuple[np.ndarray, ...], neurons, activation: str
    ) -> None:
        self.sizes = list(sizes)
        self.weights = [np.asarray(params[i]) for i in range(0, len(params), 2)]
        self.activation = activation
        self.images = [[neuron_image(m, activation) for m in layer] for layer in (neurons or [])]
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
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        positions = self.positions()
        biggest = max((float(np.abs(w).max()) for w in self.weights if w.size), default=1.0)
        for layer, w in enumerate(self.weights):
            for i, a in enumerate(positions[layer]):
                for j, b in enumerate(positions[layer + 1]):
                    value = (
                        float(w[i, j])
                        if w.shape == (len(positions[layer]), len(positions[layer + 1]))
                        else 0.0
                    )
                    if not np.isfinite(value):
                        continue
                    share = min(abs(value) / max(biggest, 1e-9), 1)
                    # Opaque, blended toward the background: a translucent antialiased line
                    # cost ~80 µs to draw against ~10 µs for an opaque one.
                    color = theme.tint(POSITIVE if value >= 0 else NEGATIVE, 0.3 + 0.7 * share)
                    pen = QPen(color, theme.px(0.5 + MAX_LINE * share))
                    painter.setPen(pen)
                    painter.drawLine(a, b)
        size = self.node_size()
        painter.setFont(theme.big_font(theme.BASE_POINT_SIZE, bold=True))
        for column, nodes in enumerate(positions):
            for i, centre in enumerate(nodes):
                box = QRectF(centre.x() - size / 2, centre.y() - size / 2, size, size)
                hidden = 0 < column < len(positions) - 1
                if hidden and column - 1 < len(self.images) and i < len(self.images[column - 1]):
                    painter.drawImage(box, self.images[column - 1][i])
                    painter.setPen(QPen(theme.LOOK.outline, theme.px(1.5)))
                    painter.drawRect(box)
                else:
                    painter.setPen(QPen(theme.LOOK.outline, theme.px(2)))
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
        painter.end()


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
        self.layers_spin = QSpinBox()
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
            spin = QSpinBox()
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
    spin = QSpinBox()
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
