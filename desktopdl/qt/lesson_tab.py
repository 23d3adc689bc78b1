"""The shared lesson page: the lecture's three stages ① Model ② Train ③ Test beside a canvas.

A lesson's own tab subclasses LessonTab and only adds what it draws on the canvas
(``build_overlays`` and ``draw_snapshot``) and how it words a test result (``describe_test``).
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktopdl.core import datasets, lesson_file
from desktopdl.core import device as devices
from desktopdl.core.data import PointSet
from desktopdl.core.lesson_file import LessonFile
from desktopdl.core.lessons import Lesson, ModelConfig
from desktopdl.core.trainer import OPTIMIZERS, PHASE_TITLES, PHASES, Snapshot, Status, TrainSettings
from desktopdl.qt import theme
from desktopdl.qt.canvas import PointCanvas
from desktopdl.qt.code_panel import CodePanel
from desktopdl.qt.cost_plot import CostPlot
from desktopdl.qt.i18n import tr_core, tr_preset
from desktopdl.qt.lab import LandscapePanel, LedgerPanel, SlicePanel
from desktopdl.qt.worker import TrainingWorker
from desktopdl.resources import resource

#: (label, steps per second or None for full speed).
SPEEDS = (None, 1000.0, 200.0, 50.0, 10.0, 2.0)
DEFAULT_SPEED = 200.0
#: Wide enough for the longest live readout, so nothing is clipped while numbers change.
PANEL_MIN_WIDTH = 395
#: Choices for "stop when the cost changes by less than ε" (0 = never).
EPSILONS = (0.0, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8)
#: The learning-rate slider spans 10^-4 … 10^1 in this many notches.
LR_SLIDER_STEPS = 100
LR_LOG_MIN, LR_LOG_MAX = -4.0, 1.0


def presets_for(lesson_key: str) -> list[tuple[str, LessonFile]]:
    """The preset files in resources/presets that belong to one lesson, by title."""
    found = []
    for path in sorted(resource("presets").glob("*.json")):
        preset = lesson_file.read(path)
        if preset.lesson == lesson_key:
            found.append((path.name, preset))
    return found


def format_number(value: float) -> str:
    """A coordinate as a teacher would write it: 6, 6.5, 6.25 (never 6.000000)."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if math.isfinite(value) else str(value)


class LessonTab(QWidget):
    """One lesson: canvas and cost curve on the left, the three stages on the right."""

    core_lesson: type[Lesson]
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
        self.worker_settings: TrainSettings | None = None
        #: A standing note (the preset's description) shown when the trainer has nothing to say.
        self._note = ""
        self._message_shown: tuple[str, bool] | None = None
        self._status_shown = ""
        self._running_shown: bool | None = None
        self.canvas = PointCanvas(self.lesson.n_classes)
        self.cost_plot = CostPlot()
        self.landscape = LandscapePanel(self.lesson) if self.lesson.gradient_lab else None
        self.slice_view = SlicePanel(self.lesson) if self.lesson.gradient_lab else None
        self.ledger_view = LedgerPanel(self.lesson) if self.lesson.gradient_lab else None
        self.lab_enabled = False
        self._build_ui()
        # The point being tested (③): a star every lesson draws the same way.
        self.test_marker = pg.ScatterPlotItem(
            size=30, symbol="star", brush=pg.mkBrush("#F0E442"), pen=pg.mkPen("k", width=2)
        )
        self.test_marker.setZValue(20)
        self.test_marker.setVisible(False)
        self.canvas.getPlotItem().addItem(self.test_marker)
        self.build_overlays()
        start = self._default_preset()
        self.worker = TrainingWorker(self.lesson, start.data, start.settings, parent=self)
        self.worker.snapshot_ready.connect(self._take_snapshot)
        self.canvas.editor.changed.connect(self._points_changed)
        self.canvas.view_changed.connect(self.worker.set_surface_rect)
        self.canvas.test_clicked.connect(self._test_clicked)
        if self.landscape is not None:
            self.landscape.view_changed.connect(self._lab_view_changed)
            self.landscape.start_picked.connect(self._start_picked)
            self.ledger_view.rewind_requested.connect(self.worker.rewind)
        self.worker.set_speed(DEFAULT_SPEED)
        self.worker.start()
        self.load_lesson_file(start, undoable=False)
        view = self.initial_lab_view()
        if view is not None:
            self.worker.set_lab_view(view)

    def initial_lab_view(self):
        """A lab companion this lesson always trains (softmax: one-vs-rest), or None."""
        return None

    def model_form(self) -> QFormLayout:
        """The ① Model form, where lessons add their model's choices."""
        return self._model_form

    def test_group_layout(self) -> QVBoxLayout:
        """The ③ Test box, where lessons add their own read-outs."""
        return self._test_layout

    # -- lesson hooks ---------------------------------------------------------------------

    def build_overlays(self) -> None:
        """Add the lesson's own items (line, residuals, surface) to ``self.canvas``."""

    def draw_snapshot(self, snapshot: Snapshot) -> None:
        """Move the lesson's items to the parameters in ``snapshot``."""

    def describe_test(self, x: float, y: float, value: float) -> str:
        """The headline for a test at (x, y) whose model output is ``value``."""
        raise NotImplementedError

    def draw_test(self, x: float, y: float, value: float | None) -> None:
        """Mark the tested point on the canvas (value None hides the marker)."""
        self.show_test_marker(None if value is None else (x, y))

    def show_test_marker(self, at: tuple[float, float] | None) -> None:
        """The star at ``at``, or none. Hidden rather than emptied: an empty scatter item still
        costs a repaint of its own on every snapshot."""
        self.test_marker.setVisible(at is not None)
        if at is not None:
            self.test_marker.setData([at[0]], [at[1]])

    # -- layout ---------------------------------------------------------------------------

    def _build_ui(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self._data_bar())
        dataset_bar = self._dataset_bar()
        if dataset_bar is not None:
            left_layout.addLayout(dataset_bar)
        self.views = QTabWidget()
        self.views.addTab(self.cost_plot, self.tr("Cost curve"))
        if self.landscape is not None:
            self.views.addTab(self.landscape, self.tr("Cost landscape"))
            self.views.addTab(self.slice_view, self.tr("Slice"))
            self.views.addTab(self.ledger_view, self.tr("Ledger"))
        self.code_panel = CodePanel()
        self.views.addTab(self.code_panel, self.tr("Code"))
        #: Weights the trainer starts from instead of the seed's (a file's, or a landscape
        #: click), so the Code page's script starts from them too.
        self._start_weights: tuple[float, ...] | None = None
        self.views.currentChanged.connect(self._view_tab_changed)
        self.plots = plots = QSplitter(Qt.Orientation.Vertical)
        plots.addWidget(self.canvas)
        plots.addWidget(self.views)
        plots.setStretchFactor(0, 3)
        plots.setStretchFactor(1, 1)
        left_layout.addWidget(plots, 1)

        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.addWidget(self._model_group())
        panel_layout.addWidget(self._train_group())
        panel_layout.addWidget(self._test_group())
        panel_layout.addStretch(1)
        self.panel_scroll = scroll = QScrollArea()
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_panel()

        layout = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        layout.addWidget(splitter)

    def _data_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Data")))
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
        self.preset_combo.activated.connect(self._preset_chosen)
        bar.addWidget(self.preset_combo, 1)
        self.class_buttons = QButtonGroup(self)
        for index in range(self.lesson.n_classes):
            button = QToolButton()
            button.setText(self.tr("Class {0} [{1}]").format(index, index + 1))
            button.setCheckable(True)
            button.setChecked(index == 0)
            color = theme.CLASS_COLORS[index]
            button.setStyleSheet(
                f"QToolButton {{ border: 2px solid {color}; border-radius: 4px;"
                " color: palette(text); padding: 4px 8px; }"
                f"QToolButton:checked {{ background: {color}; color: white; font-weight: bold; }}"
            )
            button.setToolTip(
                self.tr("New points get class {0} (key {1})").format(index, index + 1)
            )
            self.class_buttons.addButton(button, index)
            bar.addWidget(button)
        self.class_buttons.idClicked.connect(self.canvas.set_current_class)
        self._show_class_buttons()
        stack = self.canvas.editor.undo_stack
        style = self.style()
        self.undo_button = QToolButton()
        self.undo_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.undo_button.setToolTip(self.tr("Undo (Ctrl+Z)"))
        self.undo_button.clicked.connect(stack.undo)
        stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.redo_button = QToolButton()
        self.redo_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        self.redo_button.setToolTip(self.tr("Redo (Ctrl+Shift+Z)"))
        self.redo_button.clicked.connect(stack.redo)
        stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove every point (Ctrl+Z brings them back)"))
        self.clear_button.clicked.connect(self.canvas.editor.clear)
        for button in (self.undo_button, self.redo_button, self.clear_button):
            button.setMinimumHeight(34)
            bar.addWidget(button)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        return bar

    def _fit_panel(self) -> None:
        """Keep the side panel wide enough for its live numbers at the presenter's size."""
        scroll = self.panel_scroll
        scroll.setMinimumWidth(
            int(
                max(scroll.widget().minimumSizeHint().width(), theme.px(PANEL_MIN_WIDTH))
                + scroll.verticalScrollBar().sizeHint().width()
                + 4
            )
        )

    def restyle(self) -> None:
        """After a change of size or theme: redraw what draws itself, refit the panel."""
        self.canvas.restyle()
        self._fit_panel()

    def _show_class_buttons(self) -> None:
        """Offer as many class buttons as the model has classes."""
        classes = self.lesson.canvas_classes
        self.canvas.n_classes = classes
        for button in self.class_buttons.buttons():
            button.setVisible(self.class_buttons.id(button) < classes)
        if self.canvas.current_class >= classes:
            self.set_current_class(0)

    def _dataset_bar(self) -> QHBoxLayout | None:
        """Generated data sets (blobs, XOR, …) with a point count and noise."""
        if not self.lesson.offers_datasets:
            return None
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Generate")))
        self.dataset_combo = QComboBox()
        for key, (label, _make) in datasets.GENERATORS.items():
            self.dataset_combo.addItem(tr_core(label), key)
        self.dataset_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.dataset_combo.setMinimumContentsLength(8)
        bar.addWidget(self.dataset_combo, 1)
        bar.addWidget(QLabel(self.tr("points")))
        self.points_spin = QSpinBox()
        self.points_spin.setRange(10, 5000)
        self.points_spin.setSingleStep(50)
        self.points_spin.setValue(200)
        bar.addWidget(self.points_spin)
        bar.addWidget(QLabel(self.tr("noise")))
        self.noise_slider = QSlider(Qt.Orientation.Horizontal)
        self.noise_slider.setRange(0, 50)
        self.noise_slider.setValue(10)
        self.noise_slider.setMaximumWidth(120)
        self.noise_slider.setToolTip(self.tr("How much the classes blur into each other (0 – 0.5)"))
        bar.addWidget(self.noise_slider)
        self.regenerate_button = QPushButton(self.tr("Regenerate"))
        self.regenerate_button.setToolTip(
            self.tr(
                "New points from the chosen set; the network keeps its weights "
                "(Reset keeps the data)"
            )
        )
        self.regenerate_button.clicked.connect(self.regenerate)
        bar.addWidget(self.regenerate_button)
        return bar

    def regenerate(self) -> None:
        """Replace the points with a generated set (undoable); the weights are kept."""
        key = self.dataset_combo.currentData()
        self._dataset_seed = getattr(self, "_dataset_seed", 0) + 1
        points = datasets.generate(
            key,
            self.points_spin.value(),
            self.noise_slider.value() / 100,
            seed=self._dataset_seed,
            classes=self.lesson.config.classes,
        )
        if points.labels.max() >= self.lesson.config.classes:
            points = PointSet(points.xy, points.labels % self.lesson.config.classes)
        self.canvas.editor.replace(
            points, self.tr("Generate {0}").format(self.dataset_combo.currentText())
        )
        self.preset_combo.setCurrentIndex(-1)  # the points no longer come from a preset
        view = datasets.VIEW if key != "lecture" else points.bounds()
        self.canvas.set_view(view)

    def model_config(self) -> ModelConfig:
        """The model shape this tab's controls describe (lessons with choices override it)."""
        return self.lesson.config

    def _model_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("① Model"))
        layout = QVBoxLayout(group)
        self.formula_label = formula = QLabel(tr_core(self.lesson.formula))
        theme.set_font(formula, 18, bold=True)
        formula.setWordWrap(True)
        layout.addWidget(formula)
        cost = QLabel(tr_core(self.lesson.cost_formula))
        cost.setWordWrap(True)
        layout.addWidget(cost)
        self.equation_label = QLabel()
        theme.set_font(self.equation_label, 14)
        self.equation_label.setWordWrap(True)
        self.equation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.equation_label)
        form = self._model_form = QFormLayout()
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setDecimals(5)
        self.lr_spin.setRange(0.00001, 100.0)
        self.lr_spin.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
        self.lr_spin.setToolTip(self.tr("How far each step moves W and b against the gradient"))
        self.lr_spin.valueChanged.connect(self._settings_changed)
        self.lr_spin.valueChanged.connect(self._lr_to_slider)
        self.lr_slider = QSlider(Qt.Orientation.Horizontal)
        self.lr_slider.setRange(0, LR_SLIDER_STEPS)
        self.lr_slider.setToolTip(self.tr("Learning rate on a log scale, 0.0001 … 10"))
        self.lr_slider.valueChanged.connect(self._slider_to_lr)
        lr_row = QVBoxLayout()
        lr_row.addWidget(self.lr_spin)
        lr_row.addWidget(self.lr_slider)
        form.addRow(self.tr("Learning rate:"), lr_row)
        self.optimizer_combo = QComboBox()
        for name in OPTIMIZERS:
            self.optimizer_combo.addItem(name, name)
        self.optimizer_combo.setToolTip(
            self.tr("SGD: torch.optim.SGD · Momentum: SGD(momentum=0.9) · Adam: torch.optim.Adam")
        )
        self.optimizer_combo.currentIndexChanged.connect(self._settings_changed)
        form.addRow(self.tr("Optimizer:"), self.optimizer_combo)
        layout.addLayout(form)
        return group

    def _train_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("② Train"))
        layout = QVBoxLayout(group)
        buttons = QHBoxLayout()
        self.train_button = QPushButton(self.tr("Train"))
        self.train_button.setToolTip(self.tr("Start or pause training (Space)"))
        self.train_button.clicked.connect(self.toggle_training)
        self.step_button = QPushButton(self.tr("Step →"))
        self.step_button.setToolTip(self.tr("One training step (→)"))
        self.step_button.clicked.connect(self.step_once)
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("New start from the seed (R)"))
        self.reset_button.clicked.connect(self.reset)
        for button in (self.train_button, self.step_button, self.reset_button):
            theme.set_font(button, 13, bold=button is self.train_button)
            button.setMinimumHeight(44)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._show_running(False)
        form = QFormLayout()
        self.steps_spin = QSpinBox()
        self.steps_spin.setRange(0, 10_000_000)
        self.steps_spin.setSpecialValueText(self.tr("no limit"))
        self.steps_spin.setGroupSeparatorShown(True)
        self.steps_spin.valueChanged.connect(self._settings_changed)
        form.addRow(self.tr("Stop after steps:"), self.steps_spin)
        self.epsilon_combo = QComboBox()
        for epsilon in EPSILONS:
            self.epsilon_combo.addItem(self.tr("never") if not epsilon else f"{epsilon:g}", epsilon)
        self.epsilon_combo.setToolTip(
            self.tr("Stop when the cost changes by less than ε in one step")
        )
        self.epsilon_combo.currentIndexChanged.connect(self._settings_changed)
        form.addRow(self.tr("Stop when |Δcost| <"), self.epsilon_combo)
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(0, 100_000)
        self.batch_spin.setSpecialValueText(self.tr("full batch"))
        self.batch_spin.setToolTip(
            self.tr("Points per step; 'full batch' uses every point (the lecture)")
        )
        self.batch_spin.valueChanged.connect(self._settings_changed)
        form.addRow(self.tr("Batch size:"), self.batch_spin)
        self.step_by_combo = QComboBox()
        self.step_by_combo.addItem(self.tr("one iteration"), "iteration")
        self.step_by_combo.addItem(self.tr("one phase (①…⑦)"), "phase")
        self.step_by_combo.setToolTip(
            self.tr("What Step (→) does: a whole iteration, or one phase of it")
        )
        form.addRow(self.tr("Step does:"), self.step_by_combo)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2_147_483_647)
        self.seed_spin.setToolTip(
            self.tr("torch.manual_seed(seed): the same seed gives the same start")
        )
        self.seed_spin.valueChanged.connect(self._settings_changed)
        form.addRow(self.tr("Seed:"), self.seed_spin)
        self.speed_combo = QComboBox()
        for rate in SPEEDS:
            label = (
                self.tr("Full speed")
                if rate is None
                else self.tr("{0} steps/s").format(f"{rate:g}")
            )
            self.speed_combo.addItem(label, rate)
        self.speed_combo.setCurrentIndex(self.speed_combo.findData(DEFAULT_SPEED))
        self.speed_combo.currentIndexChanged.connect(
            lambda: self.worker.set_speed(self.speed_combo.currentData())
        )
        form.addRow(self.tr("Speed:"), self.speed_combo)
        self.device_combo = QComboBox()
        for choice in devices.offered_choices():
            labels = {
                "auto": self.tr("Auto"),
                "cpu": "CPU",
                "cuda": self.tr("CUDA (NVIDIA GPU)"),
                "mps": self.tr("MPS (Apple)"),
            }
            self.device_combo.addItem(labels[choice], choice)
        self.device_combo.currentIndexChanged.connect(self._settings_changed)
        form.addRow(self.tr("Device:"), self.device_combo)
        layout.addLayout(form)
        self.step_label = QLabel()
        self.cost_label = QLabel()
        self.accuracy_label = QLabel()
        for label in (self.step_label, self.cost_label, self.accuracy_label):
            theme.set_font(label, 16, bold=True)
            layout.addWidget(label)
        self.accuracy_label.setVisible(False)
        self.phase_label = QLabel()
        self.phase_label.setWordWrap(True)
        self.phase_label.setTextFormat(Qt.TextFormat.RichText)
        self.phase_label.setStyleSheet(
            "background: #FFF8DC; color: #111111; border: 1px solid #C8B560; padding: 4px;"
        )
        self.phase_label.setVisible(False)
        layout.addWidget(self.phase_label)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout.addWidget(self.message_label)
        self.log_check = QCheckBox(self.tr("Cost axis on a log scale"))
        self.log_check.toggled.connect(self.cost_plot.set_log_scale)
        layout.addWidget(self.log_check)
        return group

    def _test_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("③ Test"))
        layout = self._test_layout = QVBoxLayout(group)
        self.test_mode_button = QPushButton(self.tr("Test mode: click the canvas"))
        self.test_mode_button.setCheckable(True)
        self.test_mode_button.setStyleSheet(
            "QPushButton:checked { background: #F0E442; border: 2px solid black;"
            " font-weight: bold; }"
        )
        self.test_mode_button.toggled.connect(self._set_test_mode)
        layout.addWidget(self.test_mode_button)
        inputs = QHBoxLayout()
        self.test_spins = []
        names = ("x₁", "x₂") if self.lesson.n_classes else ("x",)
        for name in names:
            spin = QDoubleSpinBox()
            spin.setRange(-999.0, 999.0)
            spin.setDecimals(2)
            spin.editingFinished.connect(self._test_typed)
            inputs.addWidget(QLabel(f"{name} ="))
            inputs.addWidget(spin, 1)
            self.test_spins.append(spin)
        self.test_button = QPushButton(self.tr("Predict"))
        self.test_button.clicked.connect(self._test_typed)
        inputs.addWidget(self.test_button)
        layout.addLayout(inputs)
        self.test_result = QLabel(
            self.tr("Click the canvas in Test mode, or type x and press Predict.")
        )
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.test_result)
        self.test_detail = QLabel()
        self.test_detail.setWordWrap(True)
        self.test_detail.setStyleSheet("font-family: monospace;")
        self.test_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.test_detail)
        return group

    # -- actions (also bound to keys by the main window) ----------------------------------

    def toggle_training(self) -> None:
        if self.snapshot is not None and self.snapshot.running:
            self.worker.pause()
            return
        problem = self.lesson.check_data(self.canvas.editor.points)
        if problem:
            self._show_message(problem, error=True)
            return
        if self.snapshot is not None and self.snapshot.status == Status.DIVERGED:
            self._show_message(self.snapshot.message, error=True)
            return
        self.worker.train()

    def step_once(self) -> None:
        problem = self.lesson.check_data(self.canvas.editor.points)
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
        button = self.class_buttons.button(index)
        if button is not None and index < self.lesson.canvas_classes:
            button.setChecked(True)
            self.canvas.set_current_class(index)

    def shutdown(self) -> bool:
        """Stop the training thread and wait for it; True when it has ended."""
        return self.worker.stop()

    def settings(self) -> TrainSettings:
        return TrainSettings(
            learning_rate=self.lr_spin.value(),
            seed=self.seed_spin.value(),
            max_steps=self.steps_spin.value(),
            device=self.device_combo.currentData(),
            optimizer=self.optimizer_combo.currentData(),
            min_cost_change=self.epsilon_combo.currentData(),
            batch_size=self.batch_spin.value(),
            model=self.model_config(),
        )

    def load_lesson_file(self, preset: LessonFile, undoable: bool = True) -> None:
        """Take a lesson file's points, settings and view, and start afresh from its seed."""
        self._loading = True
        try:
            self.lr_spin.setValue(preset.settings.learning_rate)
            self.seed_spin.setValue(preset.settings.seed)
            self.steps_spin.setValue(preset.settings.max_steps)
            index = self.device_combo.findData(preset.settings.device)
            self.device_combo.setCurrentIndex(max(index, 0))
            self.optimizer_combo.setCurrentIndex(
                max(self.optimizer_combo.findData(preset.settings.optimizer), 0)
            )
            self.epsilon_combo.setCurrentIndex(
                max(self.epsilon_combo.findData(preset.settings.min_cost_change), 0)
            )
            self.batch_spin.setValue(preset.settings.batch_size)
            self.show_model_config(preset.settings.model)
        finally:
            self._loading = False
        index = self.preset_combo.findText(tr_preset(preset.title))
        if index >= 0:
            self.preset_combo.setCurrentIndex(index)
        editor = self.canvas.editor
        if undoable:
            editor.replace(preset.data, self.tr("Load {0}").format(tr_preset(preset.title)))
        else:
            editor.preview(preset.data)
            editor.undo_stack.clear()
        self.canvas.set_view(preset.view or preset.data.bounds())
        self.worker_settings = self.settings()
        self.worker.set_settings(self.worker_settings)
        self.worker.set_surface_rect(self.canvas.visible_rect())
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

    def lesson_file(self, with_weights: bool = False, title: str = "") -> LessonFile:
        """Everything needed to bring this lesson back: points, settings, view, weights."""
        weights = None
        if with_weights and self.snapshot is not None:
            flat = self.lesson.flatten(list(self.snapshot.params))
            if np.all(np.isfinite(flat)) and len(flat) == len(self.lesson.flat_names):
                weights = tuple(float(v) for v in flat)
        rect = self.canvas.visible_rect()
        return LessonFile(
            lesson=self.lesson.key,
            data=self.canvas.editor.points,
            settings=self.settings(),
            title=title or self.preset_combo.currentText() or self.lesson.title,
            description=self._note,
            view=(rect.xmin, rect.xmax, rect.ymin, rect.ymax),
            weights=weights,
        )

    # -- reactions ------------------------------------------------------------------------

    def _default_preset(self) -> LessonFile:
        for name, preset in self.presets:
            if name == self.lesson.default_preset:
                return preset
        return LessonFile(self.lesson.key, PointSet.empty())

    def _preset_chosen(self, index: int) -> None:
        self.load_lesson_file(self.presets[index][1])

    def show_model_config(self, config: ModelConfig) -> None:
        """Set the model controls to ``config`` (lessons with choices extend this)."""
        self.lesson = self.lesson.configured(config)
        self._show_class_buttons()
        self.model_changed()

    def _settings_changed(self) -> None:
        if self._loading:
            return
        settings = self.settings()
        previous = self.worker_settings
        if settings.model != self.lesson.config:
            self.lesson = self.lesson.configured(settings.model)
            self._show_class_buttons()
            self.model_changed()
        if previous is not None and (settings.seed, settings.model) != (
            previous.seed,
            previous.model,
        ):
            self._start_weights = None  # the trainer drops a picked start here too
        self.worker_settings = settings
        self.worker.set_settings(settings)
        self._update_code()

    def model_changed(self) -> None:
        """The model's shape changed (classes, layers): lessons rebuild what depends on it."""

    def _start_picked(self, flat: np.ndarray) -> None:
        self._start_weights = tuple(float(v) for v in flat)
        self.worker.set_start(flat)
        self._update_code()

    def _update_code(self) -> None:
        """The Code page shows the script of exactly what this tab trains."""
        lesson_file = self.lesson_file()
        if self._start_weights is not None:
            lesson_file = replace(lesson_file, weights=self._start_weights)
        self.code_panel.set_lesson_file(lesson_file)

    def _points_changed(self, points: PointSet) -> None:
        self.worker.set_data(points)
        self._update_code()
        if self.landscape is not None:
            self.landscape.set_data(points)

    def _lr_to_slider(self, value: float) -> None:
        position = (math.log10(max(value, 1e-12)) - LR_LOG_MIN) / (LR_LOG_MAX - LR_LOG_MIN)
        self.lr_slider.blockSignals(True)
        self.lr_slider.setValue(round(min(max(position, 0.0), 1.0) * LR_SLIDER_STEPS))
        self.lr_slider.blockSignals(False)

    def _slider_to_lr(self, position: int) -> None:
        exponent = LR_LOG_MIN + (LR_LOG_MAX - LR_LOG_MIN) * position / LR_SLIDER_STEPS
        self.lr_spin.setValue(float(f"{10**exponent:.2g}"))

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
        if self.snapshot is not None:
            self._show_views(self.snapshot)

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
            start = (
                snapshot.path[0]
                if snapshot.path is not None and len(snapshot.path)
                else (self.lesson.flatten([np.asarray(p) for p in snapshot.params]))
            )
            self.landscape.fit(self.canvas.editor.points, start)

    def _lab_view_changed(self, view) -> None:
        """Tell the worker what the lab shows; only the page on screen gets pictures (the
        recording and the races go on, so the paths are whole when the teacher comes back)."""
        if self.lab_enabled:
            pages = {
                self.landscape: "landscape",
                self.slice_view: "slice",
                self.ledger_view: "ledger",
            }
            self.worker.set_lab_view(replace(view, page=pages.get(self.views.currentWidget())))

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
        else:
            self.draw_page(snapshot, page)

    def draw_page(self, snapshot: Snapshot, page: QWidget) -> None:
        """Draw a lesson's own lower page (one-vs-rest, the network diagram)."""

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
            + f": {tr_core(report.text)}"
        )

    def _take_snapshot(self) -> None:
        snapshot = self.worker.take()
        if snapshot is None:
            return
        if snapshot.run_id != self._run_id:
            self._run_id = snapshot.run_id
            self.cost_plot.clear_curve()
        self.cost_plot.append(snapshot.first_new_step, snapshot.new_costs)
        self.snapshot = snapshot
        self._show_snapshot(snapshot)

    def _show_snapshot(self, snapshot: Snapshot) -> None:
        self._show_running(snapshot.running)
        limit = snapshot_limit = self.steps_spin.value()
        self.step_label.setText(
            self.tr("step {0}").format(f"{snapshot.step:,}")
            + (f" / {snapshot_limit:,}" if limit else "")
        )
        self.accuracy_label.setVisible(snapshot.accuracy is not None)
        if snapshot.accuracy is not None:
            self.accuracy_label.setText(
                self.tr("accuracy {0}\nepoch {1}").format(
                    f"{snapshot.accuracy:.1%}", f"{snapshot.epoch:,.1f}"
                )
            )
        self.cost_label.setText(
            self.tr("cost {0}").format(
                f"{snapshot.cost:.6f}" if math.isfinite(snapshot.cost) else snapshot.cost
            )
        )
        finite = all(np.all(np.isfinite(p)) for p in snapshot.params)
        self.equation_label.setText(
            tr_core(self.lesson.equation(list(snapshot.params)))
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
        self.draw_snapshot(snapshot)
        self._show_phase(snapshot)
        self._show_views(snapshot)
        if self._test_point is not None:
            self._run_test(*self._test_point)

    # The _show_* helpers run for every snapshot (~36 a second), so they touch a widget only
    # when what it shows changes: a style sheet or icon set again costs the GUI thread (and,
    # through the GIL, the training thread) for nothing.

    def _show_running(self, running: bool) -> None:
        if running == self._running_shown:
            return
        self._running_shown = running
        pixmaps = QStyle.StandardPixmap
        icon = pixmaps.SP_MediaPause if running else pixmaps.SP_MediaPlay
        self.train_button.setIcon(self.style().standardIcon(icon))
        self.train_button.setText(self.tr("Pause") if running else self.tr("Train"))

    def _show_message(self, text: str | None, error: bool = False) -> None:
        text = tr_core(text) if text else ""
        if (text, error) == self._message_shown:
            return
        self._message_shown = (text, error)
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #D0102B; font-weight: bold;" if error else "")

    def _set_test_mode(self, on: bool) -> None:
        self.canvas.test_mode = on
        self.canvas.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)

    def _test_clicked(self, x: float, y: float) -> None:
        x, y = round(x, 2), round(y, 2)
        self.test_spins[0].setValue(x if len(self.test_spins) == 2 else x)
        if len(self.test_spins) == 2:
            self.test_spins[1].setValue(y)
        self._test_point = (x, y)
        self._run_test(x, y)

    def _test_typed(self) -> None:
        values = [spin.value() for spin in self.test_spins]
        x, y = values[0], values[1] if len(values) == 2 else 0.0
        self._test_point = (x, y)
        self._run_test(x, y)

    def _run_test(self, x: float, y: float) -> None:
        snapshot = self.snapshot
        if snapshot is None or not all(np.all(np.isfinite(p)) for p in snapshot.params):
            self.test_result.setText(self.tr("The model has no usable parameters: press Reset."))
            self.draw_test(x, y, None)
            return
        try:
            outputs = self.lesson.predict(list(snapshot.params), self.lesson.test_input(x, y))
        except RuntimeError:  # the model just changed shape; the next snapshot fixes it
            return
        theme.set_font(self.test_result, 16, bold=True)
        self.show_test(x, y, outputs)

    def show_test(self, x: float, y: float, outputs: np.ndarray) -> None:
        """Show H(x) for a test point; lessons with several outputs extend this."""
        value = float(outputs[0])
        self.test_result.setText(self.describe_test(x, y, value))
        args = (
            format_number(x)
            if not self.lesson.n_classes
            else (f"{format_number(x)}, {format_number(y)}")
        )
        self.test_detail.setText(
            f"x_test = torch.FloatTensor([[{args}]])\nH(x_test).detach().item() → {value!r}"
        )
        self.draw_test(x, y, value)
