"""Neural Network page: build the layers, watch the diagram and each neuron as it learns."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from desktopdl.core.lessons.network import ACTIVATIONS, MAX_LAYERS, MAX_NEURONS, NeuralNetwork
from desktopdl.core.trainer import Snapshot
from desktopdl.core.views import NeuronMaps
from desktopdl.qt.binding import Field
from desktopdl.qt.lesson_tab import LessonTab, format_number
from desktopdl.qt.network_diagram import NetworkDiagram
from desktopdl.qt.overlays import SurfaceOverlay
from desktopdl.qt.probability_bars import ProbabilityBars


class HiddenLayersEditor(QWidget):
    """The number of hidden layers and the neurons in each: one value, a tuple."""

    valueChanged = Signal(object)  # noqa: N815 - Qt's naming, so the binding treats it as a spin

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.layers_spin = QSpinBox()
        self.layers_spin.setRange(0, MAX_LAYERS)
        self.layers_spin.setToolTip(
            QCoreApplication.translate(
                "NeuralNetworkTab", "Hidden layers (0 = the binary lesson's straight boundary)"
            )
        )
        row.addWidget(self.layers_spin)
        self.neuron_spins: list[QSpinBox] = []
        for _ in range(MAX_LAYERS):
            spin = QSpinBox()
            spin.setRange(1, MAX_NEURONS)
            spin.setValue(8)
            spin.setToolTip(QCoreApplication.translate("NeuralNetworkTab", "Neurons in this layer"))
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
