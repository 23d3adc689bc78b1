"""Neural Network tab: build the layers, watch the diagram and each neuron as it learns."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from desktopdl.core.lessons import ModelConfig
from desktopdl.core.lessons.base import ACTIVATIONS
from desktopdl.core.lessons.network import NeuralNetwork
from desktopdl.core.trainer import Snapshot
from desktopdl.qt.class_surface import ClassSurface
from desktopdl.qt.lesson_tab import LessonTab, format_number
from desktopdl.qt.network_diagram import NetworkDiagram
from desktopdl.qt.probability_bars import ProbabilityBars

MAX_LAYERS = 6


class NeuralNetworkTab(LessonTab):
    core_lesson = NeuralNetwork

    def build_overlays(self) -> None:
        plot = self.canvas.getPlotItem()
        self.surface = ClassSurface()
        plot.addItem(self.surface)
        self.diagram = NetworkDiagram()
        self.views.insertTab(0, self.diagram, self.tr("Network"))
        self.views.setCurrentIndex(0)
        self.bars = ProbabilityBars()
        self.test_group_layout().addWidget(self.bars)
        form = self.model_form()
        self.layers_spin = QSpinBox()
        self.layers_spin.setRange(0, MAX_LAYERS)
        self.layers_spin.setToolTip(
            self.tr("Hidden layers (0 = the binary lesson's straight boundary)")
        )
        form.addRow(self.tr("Hidden layers:"), self.layers_spin)
        row = QHBoxLayout()
        self.neuron_spins = []
        for _ in range(MAX_LAYERS):
            spin = QSpinBox()
            spin.setRange(1, 32)
            spin.setValue(8)
            spin.setToolTip(self.tr("Neurons in this layer"))
            spin.valueChanged.connect(self._settings_changed)
            row.addWidget(spin)
            self.neuron_spins.append(spin)
        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Neurons:"), holder)
        self.activation_combo = QComboBox()
        for name in ACTIVATIONS:
            self.activation_combo.addItem(name, name)
        self.activation_combo.currentIndexChanged.connect(self._settings_changed)
        form.addRow(self.tr("Activation:"), self.activation_combo)
        self.classes_spin = QSpinBox()
        self.classes_spin.setRange(2, NeuralNetwork.n_classes)
        self.classes_spin.setToolTip("2: one sigmoid output; more: softmax")
        self.classes_spin.valueChanged.connect(self._settings_changed)
        form.addRow(self.tr("Classes:"), self.classes_spin)
        self.layers_spin.valueChanged.connect(self._layers_changed)

    def _layers_changed(self) -> None:
        for index, spin in enumerate(self.neuron_spins):
            spin.setVisible(index < self.layers_spin.value())
        self._settings_changed()

    def model_config(self) -> ModelConfig:
        layers = self.layers_spin.value()
        return ModelConfig(
            classes=self.classes_spin.value(),
            hidden=tuple(spin.value() for spin in self.neuron_spins[:layers]),
            activation=self.activation_combo.currentData(),
        )

    def show_model_config(self, config: ModelConfig) -> None:
        widgets = [self.layers_spin, self.classes_spin, self.activation_combo, *self.neuron_spins]
        for widget in widgets:
            widget.blockSignals(True)
        self.layers_spin.setValue(len(config.hidden))
        for spin, neurons in zip(self.neuron_spins, config.hidden, strict=False):
            spin.setValue(neurons)
        for index, spin in enumerate(self.neuron_spins):
            spin.setVisible(index < len(config.hidden))
        self.classes_spin.setValue(config.classes)
        self.activation_combo.setCurrentIndex(
            max(self.activation_combo.findData(config.activation), 0)
        )
        for widget in widgets:
            widget.blockSignals(False)
        super().show_model_config(config)

    def draw_snapshot(self, snapshot: Snapshot) -> None:
        self.surface.show(snapshot.surface, snapshot.surface_rect)

    def draw_page(self, snapshot: Snapshot, page: QWidget) -> None:
        if page is self.diagram:
            sizes = self.lesson.layer_sizes
            if len(snapshot.params) == 2 * (len(sizes) - 1):
                self.diagram.set_state(
                    sizes,
                    snapshot.params,
                    snapshot.extras.get("neurons"),
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
