"""The gradient-descent lab's views: the cost landscape with descent paths, the 1-D slice
with the current slope, and the ledger of iterations. They only draw snapshots."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktopdl.core.data import Dataset
from desktopdl.core.lab import LabView
from desktopdl.core.landscape import default_view
from desktopdl.core.lessons import Lesson
from desktopdl.core.trainer import Snapshot
from desktopdl.core.views import DescentView, Landscape, LandscapeView, Rect, ShadowRuns, SliceView
from desktopdl.qt import theme
from desktopdl.qt.bowl3d import gl_problem, make_bowl_view, show_bowl
from desktopdl.qt.i18n import tr_core
from desktopdl.qt.number_fields import IntField

#: Path colours per optimizer (Okabe–Ito); the main run is drawn in its optimizer's colour.
RUN_COLORS = {"SGD": "#000000", "Momentum": "#E69F00", "Adam": "#009E73"}
#: The colour of a companion run's path (the MSE run beside cross-entropy).
COMPANION_COLOR = "#D55E00"


def landscape_colormap() -> pg.ColorMap:
    """White valleys, deep blue peaks: the descent path stays legible on a projector."""
    return pg.ColorMap([0.0, 0.45, 1.0], ["#FFFFFF", "#9ECAE1", "#08306B"])


class _ClickViewBox(pg.ViewBox):
    def __init__(self, owner: LandscapePlot):
        super().__init__(enableMenu=False)
        self._owner = owner

    def mouseClickEvent(self, ev) -> None:
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            pos = self.mapToView(ev.pos())
            self._owner.clicked.emit(pos.x(), pos.y())
        else:
            super().mouseClickEvent(ev)


class LandscapePlot(pg.PlotWidget):
    """A cost landscape as a heat map with contours, with the runs' paths drawn on it."""

    clicked = Signal(float, float)

    def __init__(self, title: str, parent=None):
        self._view_box = _ClickViewBox(self)
        super().__init__(parent=parent, viewBox=self._view_box)
        plot = self.getPlotItem()
        plot.setTitle(title, size="14pt")
        plot.hideButtons()
        self.image = pg.ImageItem()
        self.image.setColorMap(landscape_colormap())
        self.image.setZValue(-10)
        plot.addItem(self.image)
        self.contours = pg.PlotDataItem(connect="pairs", pen=pg.mkPen("#555555", width=1))
        self.contours.setZValue(-5)
        plot.addItem(self.contours)
        self.paths: dict[str, tuple[pg.PlotDataItem, pg.ScatterPlotItem]] = {}
        self._shown: Landscape | None = None
        # The colour scale: which cost each shade means (the shades follow log10 of it).
        self.key = pg.GradientLegend((14, 110), (-70, 12))
        self.key.setGradient(landscape_colormap().getGradient())
        self.key.setParentItem(self._view_box)
        self.key.setVisible(False)
        self.setToolTip(
            self.tr("Click to start the next run from there; drag to pan, wheel to zoom")
        )

    def set_axes(self, x_name: str, y_name: str) -> None:
        theme.style_axes(self.getPlotItem(), x_name, y_name)

    def show_landscape(self, landscape: Landscape | None) -> None:
        """The heat map and its contours, both computed with the landscape off this thread."""
        if landscape is None or landscape is self._shown or landscape.shade is None:
            return
        self._shown = landscape
        shade = landscape.shade
        finite = shade[np.isfinite(shade)]
        if not finite.size:
            return
        lo, hi = float(finite.min()), float(finite.max())
        self.image.setImage(shade, levels=(lo, hi if hi > lo else lo + 1e-6))
        self.key.setLabels(
            {
                self.tr("cost {0}").format(f"{10**lo:.3g}"): 0.0,
                self.tr("cost {0}").format(f"{10**hi:.3g}"): 1.0,
            }
        )
        self.key.setVisible(True)
        rect = landscape.rect
        self.image.setRect(rect.xmin, rect.ymin, rect.width, rect.height)
        segments = landscape.contours
        if segments is not None and len(segments):
            self.contours.setData(segments[:, :, 0].reshape(-1), segments[:, :, 1].reshape(-1))
        else:
            self.contours.setData([], [])

    def show_path(self, key: str, points: np.ndarray | None, color: str, big: bool) -> None:
        """Draw one run's path (k×2) with a dot at each iteration and a ring where it is now."""
        if key not in self.paths:
            line = pg.PlotDataItem(pen=pg.mkPen(color, width=3 if big else 2))
            end = pg.ScatterPlotItem(
                size=18 if big else 14, brush=pg.mkBrush(color), pen=pg.mkPen("w", width=2)
            )
            line.setZValue(10)
            end.setZValue(11)
            self.addItem(line)
            self.addItem(end)
            self.paths[key] = (line, end)
            theme.restyle_plot(self)
        line, end = self.paths[key]
        if points is None or not len(points):
            line.setData([], [])
            end.setData([], [])
            return
        points = points[np.all(np.isfinite(points), axis=1)]
        dots = len(points) <= 150
        line.setData(
            points[:, 0],
            points[:, 1],
            symbol="o" if dots else None,
            symbolSize=theme.px(5),
            symbolBrush=color,
            symbolPen=None,
        )
        end.setData([points[-1, 0]], [points[-1, 1]])

    def drop_paths(self, keep: set[str]) -> None:
        for key in list(self.paths):
            if key not in keep:
                for item in self.paths.pop(key):
                    self.removeItem(item)

    def view_rect(self) -> Rect:
        (xmin, xmax), (ymin, ymax) = self._view_box.viewRange()
        return Rect(xmin, xmax, ymin, ymax)

    def set_view(self, rect: Rect) -> None:
        self._view_box.setRange(
            xRange=(rect.xmin, rect.xmax), yRange=(rect.ymin, rect.ymax), padding=0
        )


class LandscapePanel(QWidget):
    """The landscape page: which parameters, which runs, and one or two landscapes."""

    view_changed = Signal(object)  # LabView
    start_picked = Signal(object)  # flat parameter vector

    def __init__(self, lesson: Lesson, parent=None):
        super().__init__(parent)
        self.lesson = lesson
        names = lesson.flat_names
        self.pairs = [(i, j) for i in range(len(names)) for j in range(i + 1, len(names))]
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.pair_combo = QComboBox()
        for i, j in self.pairs:
            held = [n for k, n in enumerate(names) if k not in (i, j)]
            text = f"({names[i]}, {names[j]})" + (
                self.tr(", {0} held").format(", ".join(held)) if held else ""
            )
            self.pair_combo.addItem(theme.plain_subscripts(text))
        self.pair_combo.currentIndexChanged.connect(self._pair_changed)
        bar.addWidget(self.pair_combo)
        self.race_check = QCheckBox(self.tr("Race SGD, Momentum, Adam"))
        self.race_check.setToolTip(
            self.tr("Run the other optimizers from the same start, same rate")
        )
        self.race_check.toggled.connect(self._emit_view)
        bar.addWidget(self.race_check)
        companions = lesson.companions()
        #: The companion whose landscape can stand beside the main one (the lesson says).
        self.companion = next(iter(companions.values()), None)
        self.compare_check = QCheckBox(
            self.tr("Compare with the {0}").format(tr_core(self.companion.cost_name))
            if self.companion is not None
            else ""
        )
        self.compare_check.setToolTip(
            self.tr("The same model trained with that cost, from the same start: its landscape")
        )
        self.compare_check.toggled.connect(self._compare_toggled)
        bar.addWidget(self.compare_check)
        self.bowl_check = QCheckBox(self.tr("3-D bowl"))
        self.bowl_check.setToolTip(self.tr("Show the landscape as a 3-D surface (needs OpenGL)"))
        self.bowl_check.toggled.connect(self._bowl_toggled)
        bar.addWidget(self.bowl_check)
        bar.addStretch(1)
        self.fit_button = QPushButton(self.tr("Fit view"))
        self.fit_button.clicked.connect(self.fit_to_run)
        bar.addWidget(self.fit_button)
        # Two rows of controls: on one row they made the window wider than a 1024-px screen.
        top = QHBoxLayout()
        top.addWidget(self.pair_combo)
        top.addWidget(self.bowl_check)
        top.addStretch(1)
        top.addWidget(self.fit_button)
        bar.removeWidget(self.pair_combo)
        bar.removeWidget(self.bowl_check)
        bar.removeWidget(self.fit_button)
        layout.addLayout(top)
        layout.addLayout(bar)
        # Only now that they have a parent: shown without one, each opened as a window of
        # its own (seen when a page was built after the main window was up).
        self.pair_combo.setVisible(len(self.pairs) > 1)
        self.compare_check.setVisible(self.companion is not None)
        plots = QHBoxLayout()
        self.main_plot = LandscapePlot(tr_core(lesson.cost_name))
        self.mse_plot = LandscapePlot(
            self.tr("{0} (same model, same start)").format(tr_core(self.companion.cost_name))
            if self.companion is not None
            else ""
        )
        self.mse_plot.setVisible(False)
        self.mse_plot.setXLink(self.main_plot)
        self.mse_plot.setYLink(self.main_plot)
        for plot in (self.main_plot, self.mse_plot):
            plot.clicked.connect(self._clicked)
            plots.addWidget(plot)
        self._plots_row = plots
        self.bowl = None
        self.main_plot.sigRangeChanged.connect(self._emit_view)
        layout.addLayout(plots, 1)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.notice = QLabel()
        self.notice.setStyleSheet("color: #B00020;")
        layout.addWidget(self.notice)
        self._snapshot: Snapshot | None = None
        self._data: Dataset | None = None
        self._pair_changed()

    @property
    def pair(self) -> tuple[int, int]:
        return self.pairs[max(self.pair_combo.currentIndex(), 0)]

    def lab_view(self) -> LabView:
        return LabView(
            self.pair,
            self.main_plot.view_rect(),
            companions=self.compare_check.isChecked(),
            race=self.race_check.isChecked(),
        )

    def fit(self, data: Dataset, start: np.ndarray) -> None:
        self._data = data
        self.main_plot.set_view(default_view(self.lesson, data, start, self.pair))

    def fit_to_run(self) -> None:
        if self._snapshot is not None and self._data is not None:
            path = _path(self._snapshot)
            start = (
                path[0]
                if path is not None and len(path)
                else self.lesson.flatten([np.asarray(p) for p in self._snapshot.params])
            )
            self.fit(self._data, start)

    def set_data(self, data: Dataset) -> None:
        self._data = data

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        i, j = self.pair
        landscapes = snapshot.view(LandscapeView) or LandscapeView(None)
        self.main_plot.show_landscape(landscapes.main)
        path = _path(snapshot)
        if self.bowl is not None and self.bowl.isVisible() and landscapes.main is not None:
            show_bowl(self.bowl, landscapes.main, None if path is None else path[:, [i, j]])
        self.mse_plot.show_landscape(landscapes.companion)
        main_points = path[:, [i, j]] if path is not None else None
        self.main_plot.show_path("main", main_points, RUN_COLORS[snapshot.optimizer], big=True)
        runs = snapshot.view(ShadowRuns)
        shadows = {run.label: run for run in (runs.runs if runs is not None else ())}
        keep = {"main"}
        lines = [
            f"<b style='color:{RUN_COLORS[snapshot.optimizer]}'>■ {snapshot.optimizer}</b>"
            + self.tr(" step {0}, cost {1}").format(f"{snapshot.step:,}", f"{snapshot.cost:.5f}")
        ]
        for label, run in shadows.items():
            points = run.path[:, [i, j]] if run.path is not None else None
            color = RUN_COLORS.get(label, COMPANION_COLOR)
            if label not in RUN_COLORS:  # the lesson's companion, drawn on its own landscape
                self.mse_plot.show_path("main", points, RUN_COLORS[snapshot.optimizer], big=True)
                lines.append(
                    self.tr("<b>{0} run</b> (right) step {1}, cost {2}").format(
                        label, f"{run.step:,}", f"{run.cost:.5f}"
                    )
                    + (" — " + tr_core(run.message) if run.message else "")
                )
            else:
                keep.add(label)
                self.main_plot.show_path(label, points, color, big=False)
                state = (
                    self.tr("cost {0}").format(f"{run.cost:.5f}")
                    if np.isfinite(run.cost)
                    else self.tr("stopped: the cost became {0}").format(run.cost)
                )
                lines.append(
                    f"<b style='color:{color}'>■ {label}</b> "
                    + self.tr("step {0}").format(f"{run.step:,}")
                    + f", {state}"
                )
        self.main_plot.drop_paths(keep)
        self.legend.setText("&nbsp;&nbsp;&nbsp;".join(lines))

    def _bowl_toggled(self, on: bool) -> None:
        """Swap the contour map for the 3-D bowl, or explain why it cannot be shown."""
        if on and self.bowl is None:
            problem = gl_problem()
            if problem:
                self.bowl_check.setChecked(False)
                self.notice.setText(problem + " " + self.tr("Showing the contour map."))
                return
            self.bowl = make_bowl_view()
            self._plots_row.insertWidget(0, self.bowl, 1)
        if self.bowl is not None:
            self.bowl.setVisible(on)
        self.main_plot.setVisible(not on)
        self.notice.setText("")
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)

    def _pair_changed(self) -> None:
        names = self.lesson.flat_names
        i, j = self.pair
        for plot in (self.main_plot, self.mse_plot):
            plot.set_axes(names[i], names[j])
        if self._data is not None:
            self.fit_to_run()
        self._emit_view()

    def _compare_toggled(self, on: bool) -> None:
        self.mse_plot.setVisible(on)
        self._emit_view()

    def _emit_view(self, *_args) -> None:
        self.view_changed.emit(self.lab_view())

    def _clicked(self, x: float, y: float) -> None:
        if self._snapshot is None:
            return
        flat = self.lesson.flatten([np.asarray(p) for p in self._snapshot.params])
        path = _path(self._snapshot)
        if path is not None and len(path):
            flat = np.asarray(path[0], dtype=np.float32).copy()
        i, j = self.pair
        flat[i], flat[j] = x, y
        self.start_picked.emit(flat)


class SlicePanel(pg.PlotWidget):
    """Cost against one parameter, the others held: the ball on the curve and its slope."""

    def __init__(self, lesson: Lesson, parent=None):
        super().__init__(parent=parent)
        self.lesson = lesson
        plot = self.getPlotItem()
        plot.hideButtons()
        plot.setMenuEnabled(False)
        self.curve = plot.plot(pen=pg.mkPen(theme.COST_COLOR, width=3))
        self.tangent = plot.plot(
            pen=pg.mkPen(theme.LINE_COLOR, width=3, style=Qt.PenStyle.DashLine)
        )
        self.ball = pg.ScatterPlotItem(
            size=26, brush=pg.mkBrush("#E69F00"), pen=pg.mkPen("k", width=2)
        )
        self.ball.setZValue(10)
        plot.addItem(self.ball)
        self.label = pg.TextItem(color="k", anchor=(0, 0))
        self.label.setFont(theme.big_font(14, bold=True))  # TextItem: rescaled by restyle()
        plot.addItem(self.label)
        self.index = 0

    def show_snapshot(self, snapshot: Snapshot, index: int) -> None:
        names = self.lesson.flat_names
        held = [n for k, n in enumerate(names) if k != index]
        if index != self.index or not self.getPlotItem().titleLabel.text:
            self.index = index
            theme.style_axes(self.getPlotItem(), names[index], self.tr("cost"))
            self.getPlotItem().setTitle(
                self.tr("cost against {0} ({1} held)").format(names[index], ", ".join(held)),
                size="14pt",
            )
        data = snapshot.view(SliceView)
        descent = snapshot.view(DescentView)
        if data is None or descent is None or descent.gradient is None:
            return
        values, costs = data.values, data.costs
        self.curve.setData(values, costs)
        theta = self.lesson.flatten([np.asarray(p) for p in snapshot.params])
        w, cost, slope = float(theta[index]), snapshot.cost, float(descent.gradient[index])
        if not (np.isfinite(w) and np.isfinite(cost) and np.isfinite(slope)):
            return
        self.ball.setData([w], [cost])
        half = (values[-1] - values[0]) / 8
        xs = np.array([w - half, w + half])
        self.tangent.setData(xs, cost + slope * (xs - w))
        self.label.setText(f"∂cost/∂{names[index]} = {slope:.4f}")
        finite = costs[np.isfinite(costs)]
        top = float(finite.max()) if finite.size else cost
        self.label.setPos(values[0], top)


class LedgerModel(QAbstractTableModel):
    """The ledger's rows for a QTableView, newest first. A snapshot's rows replace the
    model's list in one reset; the view asks only for the cells it shows, so a refresh costs
    the same at 200 rows as at 5 (a QTableWidget made 1,400 items and resized its header to
    their contents every snapshot: ~5 s at 200 rows)."""

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self.headers = headers
        self.rows: tuple = ()

    def set_rows(self, rows: tuple) -> None:
        self.beginResetModel()
        self.rows = tuple(reversed(rows))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        column, size = index.column(), len(row.params)
        if column == 0:
            return str(row.iteration)
        if column <= size:
            return f"{row.params[column - 1]:.5f}"
        if column == size + 1:
            return f"{row.cost:.6f}"
        return f"{row.gradient[column - size - 2]:.5f}"


class LedgerPanel(QWidget):
    """Every recorded iteration: parameters, cost, gradient; go back to any of them."""

    rewind_requested = Signal(int)

    def __init__(self, lesson: Lesson, parent=None):
        super().__init__(parent)
        names = [theme.plain_subscripts(n) for n in lesson.flat_names]
        headers = [self.tr("iteration"), *names, self.tr("cost")] + [f"∂cost/∂{n}" for n in names]
        self.model = LedgerModel(headers, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        # Fixed, teacher-adjustable widths: resizing to contents re-measured every cell.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(110)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.clicked.connect(self._row_selected)
        bar = QHBoxLayout()
        self.info = QLabel()
        bar.addWidget(self.info, 1)
        bar.addWidget(QLabel(self.tr("Back to iteration")))
        self.iteration_spin = IntField()
        self.iteration_spin.setRange(0, 0)
        bar.addWidget(self.iteration_spin)
        self.back_button = QPushButton(self.tr("Go back"))
        self.back_button.setToolTip(self.tr("Replay the run from its start up to that iteration"))
        self.back_button.clicked.connect(
            lambda: self.rewind_requested.emit(self.iteration_spin.value())
        )
        bar.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._shown: tuple | None = None

    def show_snapshot(self, snapshot: Snapshot) -> None:
        descent = snapshot.view(DescentView)
        rows = descent.ledger if descent is not None else ()
        key = (snapshot.run_id, snapshot.step, len(rows))
        if key == self._shown:
            return
        self._shown = key
        self.iteration_spin.setRange(0, snapshot.step)
        recorded_from = descent.recorded_from if descent is not None else snapshot.step
        self.info.setText(
            self.tr("{0} iterations; recorded from iteration {1}").format(
                f"{snapshot.step:,}", f"{recorded_from:,}"
            )
            + (
                self.tr("; showing the last {0}").format(len(rows))
                if rows and rows[0].iteration > 0
                else ""
            )
        )
        self.model.set_rows(rows)

    def _row_selected(self, index) -> None:
        if index.isValid():
            self.iteration_spin.setValue(self.model.rows[index.row()].iteration)


def _path(snapshot: Snapshot) -> np.ndarray | None:
    """The recorded descent path of a snapshot, or None when it was not recording."""
    descent = snapshot.view(DescentView)
    return None if descent is None else descent.path
