"""Softmax Classification tab: classes by colour, probability bars, one-vs-rest beside it."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from desktopdl.core.lab import LabView
from desktopdl.core.lessons import ModelConfig
from desktopdl.core.lessons.softmax import OneVsRest, SoftmaxClassification
from desktopdl.core.trainer import Snapshot
from desktopdl.qt import theme
from desktopdl.qt.class_surface import TINT, ClassSurface
from desktopdl.qt.lesson_tab import LessonTab, format_number
from desktopdl.qt.probability_bars import ProbabilityBars


def one_class_lut(index: int) -> np.ndarray:
    """White for "no", the class's colour for "yes"."""
    cmap = pg.ColorMap([0.0, 1.0], [pg.mkColor("w"), theme.tint(theme.class_color(index), TINT)])
    return cmap.getLookupTable(0.0, 1.0, 256)


class OneVsRestPage(QWidget):
    """K small maps, one per question "is it class k?", and the lecture's answer rule."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.caption = QLabel(
            self.tr(
                "One-vs-rest: one sigmoid per class asks “is it class k?”. The answer is the "
                "most confident “yes”. Trained beside softmax, from the same data and "
                "learning rate."
            )
        )
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.grid = QGridLayout()
        layout.addLayout(self.grid, 1)
        self.plots: list[tuple[pg.PlotWidget, pg.ImageItem, pg.ScatterPlotItem]] = []

    def ensure(self, classes: int) -> None:
        while len(self.plots) > classes:
            plot, _image, _points = self.plots.pop()
            self.grid.removeWidget(plot)
            plot.deleteLater()
        while len(self.plots) < classes:
            index = len(self.plots)
            plot = pg.PlotWidget()
            plot.getPlotItem().setTitle(self.tr("is it class {0}?").format(index), size="13pt")
            plot.getPlotItem().hideButtons()
            plot.getPlotItem().setMenuEnabled(False)
            plot.setMouseEnabled(False, False)
            image = pg.ImageItem()
            image.setLookupTable(one_class_lut(index))
            points = pg.ScatterPlotItem(size=7, pen=pg.mkPen("#1a1a1a", width=1))
            plot.addItem(image)
            plot.addItem(points)
            self.grid.addWidget(plot, index // 4, index % 4)
            self.plots.append((plot, image, points))
            theme.restyle_plot(plot)

    def show_snapshot(self, snapshot: Snapshot, points, rect) -> None:
        surface = snapshot.extras.get("ovr_surface")
        if surface is None or rect is None:
            return
        classes = surface.shape[-1]
        self.ensure(classes)
        for index, (plot, image, scatter) in enumerate(self.plots):
            image.setImage(surface[..., index], levels=(0.0, 1.0), autoLevels=False)
            image.setRect(rect.xmin, rect.ymin, rect.width, rect.height)
            mine = points.labels == index
            brushes = [
                pg.mkBrush(theme.class_color(index)) if m else pg.mkBrush("#DDDDDD") for m in mine
            ]
            scatter.setData(pos=points.xy, brush=brushes)
            plot.setRange(xRange=(rect.xmin, rect.xmax), yRange=(rect.ymin, rect.ymax), padding=0)


class SoftmaxClassificationTab(LessonTab):
    core_lesson = SoftmaxClassification

    def build_overlays(self) -> None:
        plot = self.canvas.getPlotItem()
        self.surface = ClassSurface()
        plot.addItem(self.surface)
        self.ovr_page = OneVsRestPage()
        self.views.addTab(self.ovr_page, self.tr("One-vs-rest"))
        self.bars = ProbabilityBars()
        self.test_group_layout().addWidget(self.bars)
        self.ovr_bars = ProbabilityBars()
        self.test_group_layout().addWidget(self.ovr_bars)
        self.classes_spin = QSpinBox()
        self.classes_spin.setRange(2, SoftmaxClassification.n_classes)
        self.classes_spin.setValue(self.lesson.config.classes)
        self.classes_spin.setToolTip(
            self.tr("How many classes the model tells apart (keys 1–8 pick one)")
        )
        self.classes_spin.valueChanged.connect(self._settings_changed)
        self.model_form().addRow(self.tr("Classes:"), self.classes_spin)

    def initial_lab_view(self) -> LabView:
        return LabView(one_vs_rest=True)

    def model_config(self) -> ModelConfig:
        return ModelConfig(classes=self.classes_spin.value())

    def show_model_config(self, config: ModelConfig) -> None:
        self.classes_spin.setValue(config.classes)
        super().show_model_config(config)

    def draw_snapshot(self, snapshot: Snapshot) -> None:
        self.surface.show(snapshot.surface, snapshot.surface_rect)

    def draw_page(self, snapshot: Snapshot, page: QWidget) -> None:
        if page is self.ovr_page:
            self.ovr_page.show_snapshot(
                snapshot, self.canvas.editor.points, self.canvas.visible_rect()
            )

    def show_test(self, x: float, y: float, outputs: np.ndarray) -> None:
        winner = int(np.argmax(outputs))
        point = f"[{format_number(x)}, {format_number(y)}]"
        self.test_result.setText(
            self.tr("H({0}) → class {1} (p = {2})").format(point, winner, f"{outputs[winner]:.3f}")
        )
        self.bars.set_values(outputs, self.tr("softmax (sums to 1):"))
        self.test_detail.setText(
            f"x_test = torch.FloatTensor([[{format_number(x)}, {format_number(y)}]])\n"
            f"H(x_test).detach() → {np.array2string(outputs, precision=4, separator=', ')}"
        )
        ovr = self.snapshot.extras.get("ovr_params") if self.snapshot else None
        if ovr is not None:
            try:
                answers = OneVsRest(self.lesson.config).predict(list(ovr), np.array([[x, y]]))
            except RuntimeError:
                answers = None
            if answers is not None:
                best = int(np.argmax(answers))
                self.ovr_bars.set_values(
                    answers, self.tr("one-vs-rest: most confident “yes” → class {0}").format(best)
                )
        self.draw_test(x, y, float(outputs.max()))
