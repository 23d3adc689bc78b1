"""The lesson page: a workspace on the left, the lecture's ① Model ② Train ③ Test on the right.

The page is assembled from parts that know nothing of any particular lesson: the workspace
chosen by the lesson's data kind (``workspace.WORKSPACES``), the panels (``panels``), the
metrics plot, the lower pages the lesson offers (its own pages, the gradient-descent lab when
``Lesson.gradient_lab``, the code page), and the overlay class that draws the model over
the workspace (also used by exported pictures). A lesson's page module subclasses
``LessonTab`` and declares those parts: ``overlay_class``, ``config_fields`` (its config's
controls, bound by name), ``lesson_pages`` and how it words a test result.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktopdl.core import lesson_file
from desktopdl.core.lesson_file import LessonFile
from desktopdl.core.lessons import Lesson, LessonConfig
from desktopdl.core.lessons.base import number
from desktopdl.core.trainer import PHASE_TITLES, PHASES, Snapshot, Status, TrainSettings
from desktopdl.core.views import DescentView
from desktopdl.qt import theme
from desktopdl.qt.binding import Field
from desktopdl.qt.code_panel import CodePanel
from desktopdl.qt.cost_plot import CostPlot
from desktopdl.qt.i18n import tr_core, tr_preset
from desktopdl.qt.lab import LandscapePanel, LedgerPanel, SlicePanel
from desktopdl.qt.overlays import CanvasOverlay
from desktopdl.qt.panels import (
    DEFAULT_SPEED,
    ModelPanel,
    Readout,
    TestPanel,
    TrainPanel,
    guard_fields,
    optimizer_fields,
    training_fields,
)
from desktopdl.qt.worker import TrainingWorker
from desktopdl.qt.workspace import WORKSPACES
from desktopdl.resources import resource

#: Under the points (z 10), above the model's lines and surface.
TEST_MARKER_Z = 8
#: The class's guess before a deck reveals the answer (magenta: no class colour uses it).
GUESS_COLOR = "#D81B60"
#: Wide enough for the longest live readout, so nothing is clipped while numbers change.
PANEL_MIN_WIDTH = 395


def presets_for(lesson_key: str) -> list[tuple[str, LessonFile]]:
    """The preset files in resources/presets that belong to one lesson, by title."""
    return [(name, preset) for name, preset in _presets() if preset.lesson == lesson_key]


@functools.cache
def _presets() -> tuple[tuple[str, LessonFile], ...]:
    """Every preset, read once: each tab used to read them all (the digits alone are 165 KB)."""
    return tuple(
        (path.name, lesson_file.read(path)) for path in sorted(resource("presets").glob("*.json"))
    )


def page_name(page: QWidget) -> str:
    """The name a deck's slide uses for a lower page: its object name, or its class's name
    in snake case (CostPlot → cost_plot), the same in every language."""
    if page.objectName():
        return page.objectName()
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(page).__name__).lower()


def format_number(value: float) -> str:
    """A coordinate as a teacher would write it: 6, 6.5, 6.25 (never 6.000000)."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if math.isfinite(value) else str(value)


class LessonTab(QWidget):
    """One lesson: workspace and lower pages on the left, the three stages on the right."""

    core_lesson: type[Lesson]
    #: What the lesson draws over the workspace (the page and exported pictures share it).
    overlay_class: type[CanvasOverlay] = CanvasOverlay
    #: Names of the ③ Test inputs.
    test_inputs: tuple[str, ...] = ("x₁", "x₂")
    #: A line for the status bar: the device in use and what the trainer says.
    status_text = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.lesson = self.core_lesson()
        self.presets = presets_for(self.lesson.key)
        self.snapshot: Snapshot | None = None
        self._run_id = -1
        self._test_point: tuple[float, float] | None = None
        self._loading = False
        self._loading_data = False
        #: The settings last sent to the training thread; settings without a control here
        #: (a file's validation share, say) are kept from it.
        self.worker_settings: TrainSettings = TrainSettings(model=self.lesson.config)
        #: A standing note (the preset's description) shown when the trainer has nothing to say.
        self._note = ""
        #: The title the lesson's file keeps when saved: the file's or preset's own (never
        #: the preset list's text, which is translated and may name another preset).
        self._title = ""
        #: The file the lesson was opened from or last saved to (None for a preset).
        self.file_path: str | None = None
        #: The data and settings as last opened or saved, to tell whether closing loses work.
        self._saved_state: tuple | None = None
        self._status_shown = ""
        self.workspace = WORKSPACES[self.lesson.data_kind](
            self.lesson.n_classes, self.lesson.offers_datasets
        )
        #: The plot the overlays and the test marker draw on.
        self.canvas = self.workspace.canvas
        self.cost_plot = CostPlot()
        lab = self.lesson.gradient_lab
        self.landscape = LandscapePanel(self.lesson) if lab else None
        self.slice_view = SlicePanel(self.lesson) if lab else None
        self.ledger_view = LedgerPanel(self.lesson) if lab else None
        self.lab_enabled = False
        self.model_panel = ModelPanel(
            tr_core(self.lesson.formula),
            tr_core(self.lesson.cost_formula),
            optimizer_fields(),
            self.config_fields(),
        )
        self.train_panel = TrainPanel(self.train_fields())
        self.test_panel = TestPanel(self.test_inputs)
        self.readout = Readout()
        self._bind_controls()
        self._build_ui()
        # The point being tested (③): a star every lesson draws the same way, under the
        # points and half transparent, so a training point at the same spot stays visible.
        self.test_marker = pg.ScatterPlotItem(
            size=44,
            symbol="star",
            brush=pg.mkBrush(240, 228, 66, 230),
            pen=pg.mkPen("k", width=2.5),
        )
        self.test_marker.setZValue(TEST_MARKER_Z)
        self.test_marker.setVisible(False)
        self.workspace.plot_item().addItem(self.test_marker)
        self._guessing = False
        self._guesses: list[tuple[float, float]] = []
        self.guess_marks = pg.ScatterPlotItem(
            size=30, symbol="x", brush=pg.mkBrush(GUESS_COLOR), pen=pg.mkPen("k", width=1.5)
        )
        self.guess_line = pg.InfiniteLine(
            pen=pg.mkPen(GUESS_COLOR, width=4, style=Qt.PenStyle.DashDotLine)
        )
        for item in (self.guess_marks, self.guess_line):
            item.setZValue(TEST_MARKER_Z)
            item.setVisible(False)
            self.workspace.plot_item().addItem(item, ignoreBounds=True)
        self.overlay = self.overlay_class(self.workspace.plot_item())
        self.build_overlays()
        start = self._default_preset()
        self.worker = TrainingWorker(self.lesson, start.data, start.settings, parent=self)
        self.worker.snapshot_ready.connect(self._take_snapshot)
        self.workspace.data_changed.connect(self._data_changed)
        self.workspace.view_changed.connect(self._view_changed)
        self.workspace.test_clicked.connect(self._test_clicked)
        self.workspace.replaced.connect(self._data_replaced)
        if self.landscape is not None:
            self.landscape.view_changed.connect(self._lab_view_changed)
            self.landscape.start_picked.connect(self._start_picked)
            self.ledger_view.rewind_requested.connect(self.worker.rewind)
        self.worker.set_speed(DEFAULT_SPEED)
        self.worker.start()
        self.load_lesson_file(start, undoable=False)
        self.page_changed(self.views.currentWidget())
        self._send_wanted_views()
        guard_fields(self)

    # -- what a lesson's page declares ---------------------------------------------------------

    def config_fields(self) -> list[Field]:
        """The controls of the lesson's own config, bound to its fields by name."""
        return []

    def train_fields(self) -> list[Field]:
        """The rows of ② Train; a lesson adds its own training settings (validation…)."""
        return training_fields()

    def lesson_pages(self) -> list[tuple[str, QWidget]]:
        """The lesson's own lower pages (title, widget), shown before the cost curve; a page
        with ``wanted_views`` gets those views while it is on screen."""
        return []

    def opening_page(self) -> QWidget:
        """The lower page shown first: the lesson's own first page, else the cost curve."""
        return self.views.widget(0)

    def build_overlays(self) -> None:
        """Add what the lesson shows beside the standard parts (bars in ③ Test…)."""

    def side_panels(self) -> list[QWidget]:
        """The lesson's own groups in the side panel, between ② Train and ③ Test."""
        return []

    def inputs_changed(self) -> None:
        """The data or the settings changed (an edit, a file, a control): lessons redraw
        what depends on them (the held-out points…)."""

    def show_numbers(self, snapshot: Snapshot) -> None:
        """The lesson's own read-outs for each snapshot (beside step, cost and accuracy)."""

    def describe_test(self, x: float, y: float, value: float) -> str:
        """The headline for a test at (x, y) whose model output is ``value``."""
        raise NotImplementedError

    def draw_test(self, x: float, y: float, value: float | None) -> None:
        """Mark the tested point on the canvas (value None hides the marker)."""
        self.show_test_marker(None if value is None else (x, y))

    def draw_page(self, snapshot: Snapshot, page: QWidget) -> None:
        """Draw a lesson's own lower page (one-vs-rest, the network diagram)."""

    def model_changed(self) -> None:
        """The model's shape changed (classes, layers): lessons rebuild what depends on it."""

    def show_test_marker(self, at: tuple[float, float] | None) -> None:
        """The star at ``at``, or none. Hidden rather than emptied: an empty scatter item still
        costs a repaint of its own on every snapshot."""
        self.test_marker.setVisible(at is not None)
        if at is not None:
            self.test_marker.setData([at[0]], [at[1]])

    def own_data_text(self) -> str:
        """What the Data chooser says once the teacher has made the data their own."""
        return self.tr("your own points")

    def test_group_layout(self) -> QVBoxLayout:
        """Where lessons add their own test read-outs (in the Readout, always on screen)."""
        return self.readout.extras

    # -- layout -------------------------------------------------------------------------------

    def _bind_controls(self) -> None:
        """The handles the window's keys and the tests reach, and the forms' one callback."""
        model, train, test = self.model_panel, self.train_panel, self.test_panel
        for form in (model.form, model.config_form, train.form):
            form.changed.connect(self._settings_changed)
        self.lr_editor = model.form["learning_rate"]
        self.lr_spin, self.lr_slider = self.lr_editor.spin, self.lr_editor.slider
        self.optimizer_combo = model.form["optimizer"]
        self.steps_spin = train.form["max_steps"]
        self.epsilon_combo = train.form["min_cost_change"]
        self.batch_spin = train.form["batch_size"]
        self.seed_spin = train.form["seed"]
        self.device_combo = train.form["device"]
        self.speed_combo, self.step_by_combo = train.speed_combo, train.step_by_combo
        self.train_button, self.step_button = train.train_button, train.step_button
        self.reset_button, self.log_check = train.reset_button, train.log_check
        readout = self.readout
        self.step_label, self.cost_label = readout.step_label, readout.cost_label
        self.accuracy_label, self.message_label = readout.accuracy_label, readout.message_label
        self.phase_label = train.phase_label
        self.equation_label, self.formula_label = model.equation_label, model.formula_label
        self.test_mode_button, self.test_button = test.test_mode_button, test.predict_button
        self.test_spins = test.spins
        self.test_result, self.test_detail = readout.test_result, readout.test_detail
        train.train_button.clicked.connect(self.toggle_training)
        train.step_button.clicked.connect(self.step_once)
        train.reset_button.clicked.connect(self.reset)
        train.speed_combo.currentIndexChanged.connect(
            lambda: self.worker.set_speed(train.speed_combo.currentData())
        )
        train.log_check.toggled.connect(self.cost_plot.set_log_scale)
        test.test_mode_button.toggled.connect(self.workspace.set_test_mode)
        test.typed.connect(self._test_typed)

    def _build_ui(self) -> None:
        self.preset_combo = QComboBox()
        for name, preset in self.presets:
            self.preset_combo.addItem(tr_preset(preset.title) or name, name)
            self.preset_combo.setItemData(
                self.preset_combo.count() - 1,
                tr_preset(preset.description),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.preset_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.preset_combo.setMinimumContentsLength(9)
        self.preset_combo.setPlaceholderText(self.own_data_text())
        self.preset_combo.activated.connect(self._preset_chosen)
        self.workspace.bar.insertWidget(0, QLabel(self.tr("Data")))
        self.workspace.bar.insertWidget(1, self.preset_combo, 1)

        self.views = QTabWidget()
        for title, page in self.lesson_pages():
            self.views.addTab(page, title)
        self.views.addTab(self.cost_plot, self.tr("Cost curve"))
        if self.landscape is not None:
            self.views.addTab(self.landscape, self.tr("Cost landscape"))
            self.views.addTab(self.slice_view, self.tr("Slice"))
            self.views.addTab(self.ledger_view, self.tr("Ledger"))
        self.code_panel = CodePanel()
        self.views.addTab(self.code_panel, self.tr("Code"))
        self.views.setCurrentWidget(self.opening_page())
        #: Weights the trainer starts from instead of the seed's (a file's, or a landscape
        #: click), so the Code page's script starts from them too.
        self._start_weights: tuple[float, ...] | None = None
        self.views.currentChanged.connect(self._view_tab_changed)
        self.plots = plots = QSplitter(Qt.Orientation.Vertical)
        plots.addWidget(self.workspace)
        plots.addWidget(self.views)
        plots.setStretchFactor(0, 3)
        plots.setStretchFactor(1, 1)

        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        for part in (self.model_panel, self.train_panel, *self.side_panels(), self.test_panel):
            panel_layout.addWidget(part)
        panel_layout.addStretch(1)
        self.panel_scroll = scroll = QScrollArea()
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_panel()

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.readout)
        side_layout.addWidget(scroll, 1)
        layout = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(plots)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        layout.addWidget(splitter)

    def page_names(self) -> list[str]:
        """The lower pages by name, in their order on screen."""
        return [page_name(self.views.widget(i)) for i in range(self.views.count())]

    def show_page(self, name: str) -> bool:
        """Bring the lower page of this name on screen; False when the lesson has none."""
        for index in range(self.views.count()):
            if page_name(self.views.widget(index)) == name:
                self.views.setCurrentIndex(index)
                self._make_room_for(self.views.widget(index))  # also when already on screen
                return True
        return False

    def current_page_name(self) -> str:
        return page_name(self.views.currentWidget())

    def _fit_panel(self) -> None:
        """Keep the side panel wide enough for its live numbers at the presenter's size."""
        scroll = self.panel_scroll
        for part in (self.model_panel, self.train_panel, self.test_panel):
            part.updateGeometry()  # measure what the panels show now, not a cached size
        scroll.setMinimumWidth(
            int(
                max(scroll.widget().minimumSizeHint().width(), theme.px(PANEL_MIN_WIDTH))
                + scroll.verticalScrollBar().sizeHint().width()
                + 4
            )
        )

    def restyle(self) -> None:
        """After a change of size or theme: redraw what draws itself, refit the panel."""
        self.workspace.restyle()
        self.readout.restyle()
        self._fit_panel()
        self._redraw_overlay()
        if self.snapshot is not None:  # the lower page on screen recolours now too
            self._show_views(self.snapshot)

    # -- settings -----------------------------------------------------------------------------

    def model_config(self) -> LessonConfig:
        """The lesson config the ① Model controls describe."""
        return self.lesson.Config(**self.model_panel.config_form.values())

    def settings(self) -> TrainSettings:
        return replace(
            self.worker_settings,
            **self.model_panel.form.values(),
            **self.train_panel.form.values(),
            model=self.model_config(),
        )

    def show_settings(self, settings: TrainSettings) -> None:
        """Put settings (and their lesson config) in the controls, as the teacher's own."""
        self.model_panel.form.show(settings)
        self.train_panel.form.show(settings)
        self.show_model_config(settings.model or self.lesson.Config())

    def show_model_config(self, config: LessonConfig) -> None:
        self.model_panel.config_form.show(config)
        self.lesson = self.lesson.configured(config)
        self._model_shape_changed()
        self._fit_panel()

    def _model_shape_changed(self) -> None:
        """The config changed: the formula, the classes offered and the lesson's own parts."""
        self.formula_label.setText(theme.rich(tr_core(self.lesson.formula)))
        self.model_panel.cost_label.setText(theme.rich(tr_core(self.lesson.cost_formula)))
        self.workspace.set_classes(self.lesson.canvas_classes)
        self.model_changed()

    def _settings_changed(self) -> None:
        if self._loading:
            return
        settings = self.settings()
        previous = self.worker_settings
        if settings.model != self.lesson.config:
            self.lesson = self.lesson.configured(settings.model)
            self._model_shape_changed()
        if (settings.seed, settings.model) != (previous.seed, previous.model):
            self._start_weights = None  # the trainer drops a picked start here too
        self.worker_settings = settings
        self.worker.set_settings(settings)
        self._update_code()
        self.inputs_changed()

    # -- lesson files ---------------------------------------------------------------------------

    def load_lesson_file(self, preset: LessonFile, undoable: bool = True) -> None:
        """Take a lesson file's data, settings and view, and start afresh from its seed."""
        self._loading = True
        try:
            self.worker_settings = preset.settings
            self.show_settings(preset.settings)
        finally:
            self._loading = False
        self._title = preset.title
        index = self.preset_combo.findText(tr_preset(preset.title)) if preset.title else -1
        # A file of the teacher's own is named by its title, not by the last preset chosen.
        self.preset_combo.setCurrentIndex(index)
        if index < 0:
            self.preset_combo.setPlaceholderText(preset.title or self.own_data_text())
        self._loading_data = True
        try:
            self.workspace.set_data(
                preset.data,
                self.tr("Load {0}").format(tr_preset(preset.title)) if undoable else None,
            )
        finally:
            self._loading_data = False
        self.workspace.forget_generator()
        self.workspace.set_view(preset.view, preset.data)
        self.worker_settings = self.settings()
        self.worker.set_settings(self.worker_settings)
        self.worker.set_surface_rect(self.workspace.visible_rect())
        self.worker.reset()
        if preset.weights is not None:
            self.worker.set_start(np.asarray(preset.weights, dtype=np.float32))
        self._start_weights = preset.weights
        if self.landscape is not None:
            self.landscape.set_data(preset.data)
            if self.lab_enabled:
                self._fit_landscape()
        self._note = tr_preset(preset.description)
        self._show_message(self._note)
        self._update_code()
        self.inputs_changed()
        self.mark_saved(None)

    def mark_saved(self, path: str | None) -> None:
        """What is on screen now is what the file at ``path`` (or the preset just chosen)
        holds: closing asks about it again only after another change."""
        self.file_path = path
        self._saved_state = self._state()

    def mark_changed(self) -> None:
        """Count the lesson as unsaved whatever it holds (a restart brought back work that
        was not saved before it)."""
        self._saved_state = None

    def has_unsaved_changes(self) -> bool:
        """Whether the points or settings differ from the file or preset they came from
        (an edit undone counts as no change)."""
        return self._state() != self._saved_state

    def _state(self) -> tuple:
        return (self.workspace.data(), self.settings())

    def lesson_file(self, with_weights: bool = False, title: str = "") -> LessonFile:
        """Everything needed to bring this lesson back: data, settings, view, weights."""
        weights = None
        snapshot = self.snapshot
        if with_weights and snapshot is not None and snapshot.config == self.lesson.config:
            flat = self.lesson.flatten(list(snapshot.params))
            if np.all(np.isfinite(flat)) and len(flat) == len(self.lesson.flat_names):
                weights = tuple(float(v) for v in flat)
        rect = self.workspace.visible_rect()
        return LessonFile(
            lesson=self.lesson.key,
            data=self.workspace.data(),
            settings=self.settings(),
            title=title or self._title or self.lesson.title,
            description=self._note,
            view=(rect.xmin, rect.xmax, rect.ymin, rect.ymax),
            weights=weights,
        )

    def _default_preset(self) -> LessonFile:
        for name, preset in self.presets:
            if name == self.lesson.default_preset:
                return preset
        return LessonFile(
            self.lesson.key, self.lesson.starting_data(), TrainSettings(model=self.lesson.config)
        )

    def _preset_chosen(self, index: int) -> None:
        self.load_lesson_file(self.presets[index][1])

    # -- actions (also bound to keys by the main window) ----------------------------------------

    def toggle_training(self) -> None:
        if self.snapshot is not None and self.snapshot.running:
            self.worker.pause()
            return
        problem = self.lesson.check_data(self.workspace.data())
        if problem:
            self._show_message(problem, error=True)
            return
        if self.snapshot is not None and self.snapshot.status == Status.DIVERGED:
            self._show_message(self.snapshot.message, error=True)
            return
        self.worker.train()

    def step_once(self) -> None:
        problem = self.lesson.check_data(self.workspace.data())
        if problem:
            self._show_message(problem, error=True)
            return
        if self.step_by_combo.currentData() == "phase":
            self.worker.advance_phase()
        else:
            self.worker.step_once()

    def reset(self) -> None:
        self.worker.reset()

    def pause(self) -> None:
        self.worker.pause()

    def set_current_class(self, index: int) -> None:
        self.workspace.set_current_class(index)

    def regenerate(self) -> None:
        self.workspace.regenerate()

    def shutdown(self) -> bool:
        """Stop the training thread and wait for it; True when it has ended."""
        return self.worker.stop()

    # -- reactions ------------------------------------------------------------------------------

    def _start_picked(self, flat: np.ndarray) -> None:
        self._start_weights = tuple(float(v) for v in flat)
        self.worker.set_start(flat)
        self._update_code()

    def _update_code(self) -> None:
        """The Code page shows the script of exactly what this tab trains."""
        current = self.lesson_file()
        if self._start_weights is not None:
            current = replace(current, weights=self._start_weights)
        self.code_panel.set_lesson_file(current)

    def _data_replaced(self, title: str) -> None:
        """New data wholesale (Clear, a generated set): a new run from the seed, and every
        label says what is on the canvas now."""
        self.preset_combo.setCurrentIndex(-1)
        self.preset_combo.setPlaceholderText(
            self.tr("generated: {0}").format(title) if title else self.own_data_text()
        )
        self._note = ""
        self._title = ""
        self._start_weights = None
        self.worker.reset(fresh=True)
        self._update_code()
        self.inputs_changed()

    def _data_changed(self, data) -> None:
        if not self._loading_data and self.preset_combo.currentIndex() >= 0:
            # The teacher's own edit: the preset's title and description no longer apply.
            self.preset_combo.setCurrentIndex(-1)
            self.preset_combo.setPlaceholderText(self.own_data_text())
            self._note = ""
            self._title = ""
            self._show_message(self._note)
        self.worker.set_data(data)
        self._update_code()
        self._redraw_overlay()
        self.inputs_changed()
        if self.landscape is not None:
            self.landscape.set_data(data)

    def _view_changed(self, rect) -> None:
        self.worker.set_surface_rect(rect)
        self._redraw_overlay()

    def _redraw_overlay(self) -> None:
        snapshot = self.snapshot
        if snapshot is not None and snapshot.config != self.lesson.config:
            return  # the model just changed shape; the next snapshot fits it
        self.overlay.draw(
            snapshot, self.lesson, self.workspace.data(), self.workspace.visible_rect()
        )

    def _send_wanted_views(self) -> None:
        """Tell the training thread which views the page shows now: the overlay's, and the
        lower page's on screen (nothing is computed for a hidden page)."""
        page = self.views.currentWidget()
        wanted = set(self.overlay.wanted_views) | set(getattr(page, "wanted_views", ()))
        self.worker.set_wanted_views(frozenset(wanted))

    def _view_tab_changed(self, index: int) -> None:
        """Opening a lab view turns the lab on for this lesson (it then records every
        iteration, which costs ~12 % of the step rate, so it is off until wanted)."""
        page = self.views.widget(index)
        self._make_room_for(page)
        lab_pages = (self.landscape, self.slice_view, self.ledger_view)
        if self.landscape is not None and page in lab_pages and not self.lab_enabled:
            self.lab_enabled = True
            self._fit_landscape()
        if self.lab_enabled:
            self._lab_view_changed(self.landscape.lab_view())
        self.page_changed(page)
        self._send_wanted_views()
        if self.snapshot is not None:
            self._show_views(self.snapshot)

    def page_changed(self, page: QWidget) -> None:
        """A lower page came on screen, or the page was built: a lesson that always trains a
        companion (softmax: one-vs-rest) tells the worker what the page now shows."""

    def _make_room_for(self, page: QWidget) -> None:
        """A landscape, ledger, diagram or code page needs more than the cost curve's strip:
        give the lower half at least 45 % of the height when one is opened."""
        if page is self.cost_plot:
            return
        top, bottom = self.plots.sizes()
        total = top + bottom
        if total and bottom < 0.45 * total:
            self.plots.setSizes([int(total * 0.55), total - int(total * 0.55)])

    def _fit_landscape(self) -> None:
        snapshot = self.snapshot
        if snapshot is not None:
            descent = snapshot.view(DescentView)
            start = (
                descent.path[0]
                if descent is not None and len(descent.path)
                else self.lesson.flatten([np.asarray(p) for p in snapshot.params])
            )
            self.landscape.fit(self.workspace.data(), start)

    def _lab_view_changed(self, view) -> None:
        """Tell the worker what the lab shows; only the page on screen gets pictures (the
        recording and the races go on, so the paths are whole when the teacher comes back)."""
        if self.lab_enabled:
            pages = {
                self.landscape: "landscape",
                self.slice_view: "slice",
                self.ledger_view: "ledger",
            }
            page = pages.get(self.views.currentWidget())
            # Once on, the lab keeps recording so the path is whole when the page returns.
            self.worker.set_lab_view(replace(view, page=page, record=True))

    def _show_views(self, snapshot: Snapshot) -> None:
        """Draw the snapshot on the lower page on screen (hidden pages wait their turn)."""
        page = self.views.currentWidget()
        if page is self.cost_plot:
            return
        if page is self.landscape:
            self.landscape.show_snapshot(snapshot)
        elif page is self.slice_view:
            self.slice_view.show_snapshot(snapshot, self.landscape.pair[0])
        elif page is self.ledger_view:
            self.ledger_view.show_snapshot(snapshot)
        elif snapshot.config == self.lesson.config:
            self.draw_page(snapshot, page)

    def _show_phase(self, snapshot: Snapshot) -> None:
        report = snapshot.phase
        self.phase_label.setVisible(report is not None)
        if report is None:
            return
        strip = " ".join(
            f"<b style='color:#B00020'>{tr_core(PHASE_TITLES[p])}</b>"
            if p == report.phase
            else f"<span style='color:#777'>{tr_core(PHASE_TITLES[p])}</span>"
            for p in PHASES
        )
        self.phase_label.setText(
            f"{strip}<br><b>{tr_core(report.title)}</b> "
            + self.tr("(iteration {0})").format(report.iteration)
            + f": {theme.rich(tr_core(report.text))}"
        )

    def _take_snapshot(self) -> None:
        snapshot = self.worker.take()
        if snapshot is None:
            return
        if snapshot.run_id != self._run_id:
            self._run_id = snapshot.run_id
            self.cost_plot.clear_curve()
        self.cost_plot.append(snapshot.first_new_step, snapshot.new_costs)
        for points in snapshot.new_metrics:
            self.cost_plot.append_series(points.name, points.steps, points.values)
        self.cost_plot.mark_best(snapshot.best_step)
        self.snapshot = snapshot
        self._show_snapshot(snapshot)

    def _show_snapshot(self, snapshot: Snapshot) -> None:
        self.train_panel.show_running(snapshot.running)
        limit = self.steps_spin.value()
        self.step_label.setText(
            self.tr("step {0}").format(f"{snapshot.step:,}") + (f" / {limit:,}" if limit else "")
        )
        self.accuracy_label.setVisible(snapshot.accuracy is not None)
        if snapshot.accuracy is not None:
            self.accuracy_label.setText(
                self.tr("accuracy {0}\nepoch {1}").format(
                    f"{snapshot.accuracy:.1%}", f"{snapshot.epoch:,.1f}"
                )
            )
        cost = snapshot.shown_cost
        # Six decimals, or four significant digits below 10⁻⁶ (an RNN's MSE of 3e-07 is
        # not "0.000000").
        shown = number(cost, 6) if math.isfinite(cost) else str(cost)
        if snapshot.status == Status.INVALID_DATA:
            shown = "—"  # no data to compute a cost on: not "nan"
        self.cost_label.setText(
            self.tr("cost {0}").format(shown)
            if snapshot.last_step_cost is None
            else self.tr("cost of step {0}: {1}").format(f"{snapshot.step:,}", shown)
        )
        current = snapshot.config == self.lesson.config
        finite = all(np.all(np.isfinite(p)) for p in snapshot.params)
        if current:
            self.equation_label.setText(
                theme.rich(tr_core(self.lesson.equation(list(snapshot.params))))
                if finite
                else self.tr("H(x) = (diverged)")
            )
        if snapshot.message:
            self._show_message(
                snapshot.message, error=snapshot.status in (Status.DIVERGED, Status.ERROR)
            )
        elif snapshot.running:
            self._show_message(self.tr("Training…"))
        else:
            self._show_message(self._note)
        status = self.tr("Device: {0}").format(tr_core(snapshot.device_reason))
        if status != self._status_shown:
            self._status_shown = status
            self.status_text.emit(status)
        self._redraw_overlay()
        self._show_phase(snapshot)
        self._show_views(snapshot)
        self.show_numbers(snapshot)
        if self._test_point is not None and current:
            self._run_test(*self._test_point)

    def _show_message(self, text: str | None, error: bool = False) -> None:
        self.readout.show_message(tr_core(text) if text else "", error)

    def set_presenter_layout(self, on: bool) -> None:
        """The controls fold away and the read-out shows its numbers large beside the
        canvas (View → Presenter layout, key P)."""
        self.panel_scroll.setVisible(not on)
        self.readout.set_large(on)

    @property
    def run_id(self) -> int:
        """The run the last snapshot came from (it grows at every reset)."""
        return self._run_id

    def test_at(self, x: float, y: float) -> None:
        """③ Test at (x, y), as a click in Test mode asks it."""
        self._test_clicked(x, y)

    def clear_test(self) -> None:
        """Forget the tested point and its answer."""
        self._test_point = None
        self.show_test_marker(None)
        self.readout.clear_result()

    def set_guessing(self, on: bool) -> None:
        """While a deck's question waits, a click on the canvas places the class's guess
        (one point, or two for a line) instead of a training point."""
        self._guessing = on
        self.workspace.set_test_mode(on or self.test_mode_button.isChecked())

    def clear_guess(self) -> None:
        self._guesses = []
        self._draw_guess()

    def guesses(self) -> list[tuple[float, float]]:
        return list(self._guesses)

    def _place_guess(self, x: float, y: float) -> None:
        self._guesses = [*self._guesses[-1:], (x, y)]  # the last two clicks make the line
        self._draw_guess()

    def _draw_guess(self) -> None:
        points = self._guesses
        self.guess_marks.setVisible(bool(points))
        if points:
            self.guess_marks.setData([p[0] for p in points], [p[1] for p in points])
        line = len(points) == 2 and points[0] != points[1]
        self.guess_line.setVisible(line)
        if line:
            (x0, y0), (x1, y1) = points
            self.guess_line.setPos((x0, y0))
            self.guess_line.setAngle(math.degrees(math.atan2(y1 - y0, x1 - x0)))

    def _test_clicked(self, x: float, y: float) -> None:
        if self._guessing:
            self._place_guess(x, y)
            return
        x, y = round(x, 2), round(y, 2)
        self.test_panel.show_input((x, y))
        self._test_point = (x, y)
        self._run_test(x, y)

    def _test_typed(self) -> None:
        values = self.test_panel.values()
        x, y = values[0], values[1] if len(values) == 2 else 0.0
        self._test_point = (x, y)
        self._run_test(x, y)

    def _run_test(self, x: float, y: float) -> None:
        snapshot = self.snapshot
        if snapshot is None or not all(np.all(np.isfinite(p)) for p in snapshot.params):
            self.test_result.setText(self.tr("The model has no usable parameters: press Reset."))
            self.draw_test(x, y, None)
            return
        if snapshot.config != self.lesson.config:
            return  # the model just changed shape; the next snapshot fits it
        self.readout.expect_result()
        outputs = self.lesson.predict(list(snapshot.params), self.lesson.test_input(x, y))
        self.show_test(x, y, outputs)

    def show_test(self, x: float, y: float, outputs: np.ndarray) -> None:
        """Show H(x) for a test point; lessons with several outputs extend this."""
        value = float(outputs[0])
        self.test_result.setText(self.describe_test(x, y, value))
        args = ", ".join(format_number(v) for v in ((x, y)[: len(self.test_inputs)]))
        self.test_detail.setText(
            f"x_test = torch.FloatTensor([[{args}]])\nH(x_test).detach().item() → {value!r}"
        )
        self.draw_test(x, y, value)
