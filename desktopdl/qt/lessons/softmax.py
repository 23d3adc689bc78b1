"""Softmax Classification tab: classes by colour, probability bars, one-vs-rest beside it."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from desktopdl.core.data import PointSet
from desktopdl.core.lab import LabView
from desktopdl.core.lessons.softmax import OVR_LABEL, SoftmaxClassification
from desktopdl.core.trainer import Snapshot
from desktopdl.core.views import CompanionView
from desktopdl.qt import theme
from desktopdl.qt.binding import Field
from desktopdl.qt.class_surface import TINT
from desktopdl.qt.lesson_tab import LessonTab, format_number
from desktopdl.qt.number_fields import IntField
from desktopdl.qt.overlays import SurfaceOverlay
from desktopdl.qt.probability_bars import ProbabilityBars


def one_class_lut(index: int) -> np.ndarray:
    """The theme's background for "no", the class's colour for "yes"."""
    back = theme.LOOK.background
    cmap = pg.ColorMap([0.0, 1.0], [back, theme.tint(theme.class_color(index), TINT)])
    return cmap.getLookupTable(0.0, 1.0, 256)


#: The other classes' points on a one-vs-rest map.
REST_COLOR = "#DDDDDD"


class OneVsRestPage(QWidget):
    """K small maps, one per question "is it class k?", and the lecture's answer rule.

    Each map has two scatter items, the class's points and the rest, each with one brush:
    a brush per point, rebuilt every snapshot, cost ~40 ms a snapshot at 150 points and
    held the timer back by 0.4 s (1.75 s at 1,000 points). The points are handed to the
    scatter items only when the points, the classes or the theme change; a snapshot
    itself only replaces the K images."""

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
        #: Per class: its plot, its map, its own points and the other classes' points.
        self.plots: list[
            tuple[pg.PlotWidget, pg.ImageItem, pg.ScatterPlotItem, pg.ScatterPlotItem]
        ] = []
        #: The points the scatter items show, and the region and size of the maps now.
        self._points_shown: PointSet | None = None
        self._rect_shown: tuple | None = None
        self._surface_shown: np.ndarray | None = None
        self._look = -1

    def ensure(self, classes: int) -> None:
        while len(self.plots) > classes:
            plot, *_items = self.plots.pop()
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
            outline = pg.mkPen("#1a1a1a", width=1)
            rest = pg.ScatterPlotItem(size=7, pen=outline, brush=pg.mkBrush(REST_COLOR))
            mine = pg.ScatterPlotItem(
                size=7, pen=outline, brush=pg.mkBrush(theme.class_color(index))
            )
            plot.addItem(image)
            plot.addItem(rest)
            plot.addItem(mine)  # the class's own points on top of the rest
            self.grid.addWidget(plot, index // 4, index % 4)
            self.plots.append((plot, image, mine, rest))
            theme.restyle_plot(plot)
            # The new plot has no points, region or map yet.
            self._points_shown = self._rect_shown = self._surface_shown = None

    def show_snapshot(self, snapshot: Snapshot, points, rect) -> None:
        companion = snapshot.view(CompanionView)
        if companion is None or companion.surface is None or rect is None:
            return
        surface = companion.surface.image
        classes = surface.shape[-1]
        self.ensure(classes)
        if self._look != theme.LOOK.version:  # a theme switch: new colours
            self._look = theme.LOOK.version
            for index, (_plot, image, mine, _rest) in enumerate(self.plots):
                image.setLookupTable(one_class_lut(index))
                mine.setBrush(pg.mkBrush(theme.class_color(index)))
        shown = self._surface_shown
        if shown is None or not np.array_equal(shown, surface):
            self._surface_shown = surface  # a snapshot's arrays are read-only
            for index, (_plot, image, _mine, _rest) in enumerate(self.plots):
                image.setImage(surface[..., index], levels=(0.0, 1.0), autoLevels=False)
        if self._points_shown is None or self._points_shown != points:
            self._points_shown = points
            for index, (_plot, _image, mine, rest) in enumerate(self.plots):
                own = points.labels == index
                mine.setData(pos=points.xy[own])
                rest.setData(pos=points.xy[~own])
        if (rect, surface.shape) != self._rect_shown:  # setRect scales by the image's size
            self._rect_shown = (rect, surface.shape)
            for plot, image, _mine, _rest in self.plots:
                image.setRect(rect.xmin, rect.ymin, rect.width, rect.height)
                plot.setRange(
                    xRange=(rect.xmin, rect.xmax), yRange=(rect.ymin, rect.ymax), padding=0
                )


def classes_field() -> Field:
    def make() -> QSpinBox:
        spin = IntField()
        spin.setRange(2, SoftmaxClassification.n_classes)
        spin.setToolTip(
            QCoreApplication.translate(
                "SoftmaxClassificationTab",
                "How many classes the model tells apart (keys 1–8 pick one)",
            )
        )
        return spin

    return Field(
        "classes", lambda: QCoreApplication.translate("SoftmaxClassificationTab", "Classes:"), make
    )


class SoftmaxClassificationTab(LessonTab):
    core_lesson = SoftmaxClassification
    overlay_class = SurfaceOverlay

    def config_fields(self) -> list[Field]:
        return [classes_field()]

    def lesson_pages(self) -> list[tuple[str, QWidget]]:
        self.ovr_page = OneVsRestPage()
        return [(self.tr("One-vs-rest"), self.ovr_page)]

    def build_overlays(self) -> None:
        self.classes_spin = self.model_panel.config_form["classes"]
        self.bars = ProbabilityBars()
        self.test_group_layout().addWidget(self.bars)
        self.ovr_bars = ProbabilityBars()
        self.test_group_layout().addWidget(self.ovr_bars)

    def opening_page(self) -> QWidget:
        return self.cost_plot

    def page_changed(self, page: QWidget) -> None:
        """The one-vs-rest maps are computed only while their page is on screen."""
        self.worker.set_lab_view(
            LabView(companions=True, page=None, companion_page=page is self.ovr_page)
        )

    def draw_page(self, snapshot: Snapshot, page: QWidget) -> None:
        if page is self.ovr_page:
            self.ovr_page.show_snapshot(
                snapshot, self.workspace.data(), self.workspace.visible_rect()
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
        companion = self.snapshot.view(CompanionView) if self.snapshot else None
        if (
            companion is not None
            and companion.label == OVR_LABEL
            and companion.params[1].shape[0] == self.lesson.config.classes
        ):
            ovr = self.lesson.companions()[OVR_LABEL]
            answers = ovr.predict(list(companion.params), np.array([[x, y]]))
            best = int(np.argmax(answers))
            self.ovr_bars.set_values(
                answers, self.tr("one-vs-rest: most confident “yes” → class {0}").format(best)
            )
        self.draw_test(x, y, float(outputs.max()))
