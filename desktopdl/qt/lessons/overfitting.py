"""Overfitting page: training against validation, the remedies as switches, the experiments.

The neural-network page plus what this lesson needs on screen: the held-out points drawn
hollow (a toggle hides them), the augmented copies drawn faintly, the gap between training
and validation stated as numbers in the read-out, runs kept as faded "ghosts" on the cost
curve and the canvas, and k-fold cross-validation and the learning curve computed in the
background (progress and Cancel) with their own lower pages.
"""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
import pyqtgraph as pg
import torch
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktopdl.core import datasets
from desktopdl.core.lessons.overfitting import (
    EXPERIMENT_STEPS,
    MAX_COPIES,
    MAX_DROPOUT,
    MAX_FOLDS,
    MAX_JITTER,
    MIN_FOLDS,
    CrossValidation,
    LearningCurve,
    Overfitting,
    cross_validate,
    learning_curve,
)
from desktopdl.core.trainer import (
    TRAINING_ACCURACY,
    TRAINING_COST,
    VALIDATION_ACCURACY,
    VALIDATION_COST,
    Snapshot,
    TrainSettings,
)
from desktopdl.core.views import BoundaryView
from desktopdl.qt import theme
from desktopdl.qt.binding import Field
from desktopdl.qt.cost_plot import MAX_GHOSTS
from desktopdl.qt.i18n import tr_core
from desktopdl.qt.jobs import BackgroundJob, ExperimentPanel
from desktopdl.qt.lessons.network import NeuralNetworkTab
from desktopdl.qt.overlays import SegmentLines
from desktopdl.qt.panels import (
    combo_box,
    double_spin_box,
    spin_box,
    training_fields,
    validation_fields,
)

#: Under the model's own boundary (z 5) and the points (z 10).
GHOST_Z = 4
FOLD_Z = 3
COPIES_Z = 6


def _sources() -> QComboBox:
    return combo_box([(tr_core(label), key) for key, (label, _make) in datasets.GENERATORS.items()])


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


class ExperimentPage(QWidget):
    """An experiment's lower page: its numbers in words above a plot of them."""

    def __init__(self, hint: str, bottom: str, left: str, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.hint = hint
        self.summary = QLabel(hint)
        self.summary.setWordWrap(True)
        theme.set_font(self.summary, 12)
        self.plot = pg.PlotWidget()
        theme.style_axes(self.plot.getPlotItem(), bottom, left)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        layout.addWidget(self.summary)
        layout.addWidget(self.plot, 1)


class CrossValidationPage(ExperimentPage):
    """Each fold's validation accuracy as a bar, the mean as a line, and the numbers."""

    def __init__(self, parent=None):
        super().__init__(
            QCoreApplication.translate(
                "OverfittingTab", "Run k-fold cross-validation in the side panel."
            ),
            QCoreApplication.translate("OverfittingTab", "fold"),
            QCoreApplication.translate("OverfittingTab", "accuracy"),
            parent,
        )
        self.plot.setMouseEnabled(x=False, y=False)
        self.result: CrossValidation | None = None

    def show_result(self, result: CrossValidation | None, seconds: float = 0.0) -> None:
        self.result = result
        plot = self.plot.getPlotItem()
        plot.clear()
        if result is None:
            self.summary.setText(self.hint)
            return
        accuracies = [f.validation_accuracy for f in result.folds]
        folds = np.arange(1, result.k + 1)
        plot.addItem(
            pg.BarGraphItem(x=folds, height=accuracies, width=0.6, brush=pg.mkBrush("#CC79A7"))
        )
        mean = result.mean("validation_accuracy")
        plot.addItem(
            pg.InfiniteLine(
                mean, angle=0, pen=pg.mkPen("#D55E00", width=3, style=Qt.PenStyle.DashLine)
            )
        )
        # Each fold's score written on its bar: read from the back row, not off the axis.
        for fold, accuracy in zip(folds, accuracies, strict=True):
            label = pg.TextItem(_percent(accuracy), color=theme.LOOK.foreground, anchor=(0.5, 1))
            label.setFont(theme.font(11, bold=True))
            label.setPos(float(fold), accuracy)
            plot.addItem(label)
        plot.setYRange(0, 1.3, padding=0)
        plot.setXRange(0.4, result.k + 0.6)
        plot.getAxis("bottom").setTicks([[(int(i), str(int(i))) for i in folds]])
        plot.getAxis("left").setTicks([[(0, "0"), (0.5, "0.5"), (1, "1")]])
        self.summary.setText(
            QCoreApplication.translate(
                "OverfittingTab",
                "{k}-fold cross-validation, {steps} steps per fold ({seconds} s): validation "
                "accuracy {mean} ± {spread} (dashed: the mean), validation cost {cost} ± "
                "{cost_spread} (mean ± spread over the folds)",
            ).format(
                k=result.k,
                steps=f"{result.steps:,}",
                seconds=f"{seconds:.1f}",
                mean=_percent(mean),
                spread=_percent(result.spread("validation_accuracy")),
                cost=f"{result.mean('validation_cost'):.3f}",
                cost_spread=f"{result.spread('validation_cost'):.3f}",
            )
        )


class LearningCurvePage(ExperimentPage):
    """Validation and training cost against the number of training points."""

    def __init__(self, parent=None):
        super().__init__(
            QCoreApplication.translate(
                "OverfittingTab", "Run the learning curve in the side panel."
            ),
            QCoreApplication.translate("OverfittingTab", "training points"),
            QCoreApplication.translate("OverfittingTab", "cost"),
            parent,
        )
        self.legend = theme.legend_below(self.plot.getPlotItem())
        self.result: LearningCurve | None = None

    def show_result(self, result: LearningCurve | None) -> None:
        self.result = result
        plot = self.plot.getPlotItem()
        plot.clear()
        if result is None:
            self.summary.setText(self.hint)
            return
        scores = [s for s in result.scores if s is not None]
        points = [s.points for s in scores]
        plot.plot(
            points,
            [s.validation_cost for s in scores],
            pen=pg.mkPen("#D55E00", width=3),
            symbol="o",
            symbolBrush="#D55E00",
            symbolSize=12,
            name=QCoreApplication.translate("OverfittingTab", "validation cost"),
        )
        plot.plot(
            points,
            [s.training_cost for s in scores],
            pen=pg.mkPen(theme.COST_COLOR, width=3),
            symbol="s",
            symbolBrush=theme.COST_COLOR,
            symbolSize=10,
            name=QCoreApplication.translate("OverfittingTab", "training cost"),
        )
        rows = ", ".join(
            QCoreApplication.translate("OverfittingTab", "{points} points: {accuracy}").format(
                points=s.points, accuracy=_percent(s.validation_accuracy)
            )
            for s in scores
        )
        skipped = len(result.scores) - len(scores)
        self.summary.setText(
            QCoreApplication.translate(
                "OverfittingTab",
                "Validation accuracy by training points (each the mean of {repeats} models of "
                "{steps} steps, judged on the same {validation} held-out points): {rows}",
            ).format(
                repeats=result.repeats,
                steps=f"{result.steps:,}",
                validation=result.validation_points,
                rows=rows,
            )
            + (
                QCoreApplication.translate(
                    "OverfittingTab", " ({count} share(s) had one class only and were skipped)"
                ).format(count=skipped)
                if skipped
                else ""
            )
        )


class OverfittingTab(NeuralNetworkTab):
    core_lesson = Overfitting

    # -- what the page declares -------------------------------------------------------------

    def config_fields(self) -> list[Field]:
        network = [f for f in super().config_fields() if f.name != "classes"]
        return [
            *network,
            Field(
                "dropout",
                lambda: QCoreApplication.translate("OverfittingTab", "Dropout p:"),
                lambda: double_spin_box(
                    0.0,
                    MAX_DROPOUT,
                    0.1,
                    2,
                    QCoreApplication.translate("OverfittingTab", "off"),
                    QCoreApplication.translate(
                        "OverfittingTab",
                        "Share of each hidden layer's outputs zeroed in every training step; "
                        "evaluation (validation, the boundary, ③ Test) uses every neuron",
                    ),
                ),
            ),
            Field(
                "augment_copies",
                lambda: QCoreApplication.translate("OverfittingTab", "Augmentation copies:"),
                lambda: spin_box(
                    0,
                    MAX_COPIES,
                    QCoreApplication.translate("OverfittingTab", "off"),
                    QCoreApplication.translate(
                        "OverfittingTab",
                        "Jittered copies of each training point (never of validation)",
                    ),
                ),
            ),
            Field(
                "augment_jitter",
                lambda: QCoreApplication.translate("OverfittingTab", "Jitter σ:"),
                lambda: double_spin_box(
                    0.0,
                    MAX_JITTER,
                    0.1,
                    2,
                    tooltip=QCoreApplication.translate("OverfittingTab", "How far the copies move"),
                ),
            ),
            # Kept in the file so "more data" knows its generator; shown in the Generate bar.
            Field("classes", lambda: "", lambda: spin_box(2, 2), visible=False),
            Field("source", lambda: "", _sources, visible=False),
            Field("noise", lambda: "", lambda: double_spin_box(0.0, 1.0, 0.01, 2), visible=False),
        ]

    def train_fields(self) -> list[Field]:
        return [
            *training_fields(),
            *validation_fields(),
            Field(
                "weight_decay",
                lambda: QCoreApplication.translate("OverfittingTab", "L2 weight decay λ:"),
                lambda: double_spin_box(
                    0.0,
                    1.0,
                    0.001,
                    4,
                    QCoreApplication.translate("OverfittingTab", "off"),
                    QCoreApplication.translate(
                        "OverfittingTab", "weight_decay=λ in the optimizer: the gradient of λ/2·Σw²"
                    ),
                ),
            ),
            Field(
                "l1",
                lambda: QCoreApplication.translate("OverfittingTab", "L1 penalty:"),
                lambda: double_spin_box(
                    0.0,
                    0.1,
                    0.0005,
                    4,
                    QCoreApplication.translate("OverfittingTab", "off"),
                    QCoreApplication.translate("OverfittingTab", "adds L1·Σ|w| to the cost"),
                ),
            ),
            Field(
                "patience",
                lambda: QCoreApplication.translate("OverfittingTab", "Early stopping after:"),
                lambda: spin_box(
                    0,
                    1000,
                    QCoreApplication.translate("OverfittingTab", "off"),
                    QCoreApplication.translate(
                        "OverfittingTab",
                        "Stop when the validation cost has not improved for this many "
                        "evaluations, and go back to the best weights",
                    ),
                ),
            ),
        ]

    def lesson_pages(self) -> list[tuple[str, QWidget]]:
        pages = super().lesson_pages()
        self.folds_page = CrossValidationPage()
        self.curve_page = LearningCurvePage()
        return [
            *pages,
            (self.tr("Cross-validation"), self.folds_page),
            (self.tr("Learning curve"), self.curve_page),
        ]

    def opening_page(self) -> QWidget:
        return self.cost_plot

    def side_panels(self) -> list[QWidget]:
        data = QGroupBox(self.tr("More data"))
        data_layout = QVBoxLayout(data)
        more_row = QHBoxLayout()
        self.more_spin = spin_box(10, 2000)
        self.more_spin.setValue(100)
        self.more_spin.setPrefix("+")
        self.more_button = QPushButton(self.tr("Add points"))
        self.more_button.setToolTip(
            self.tr("Add this many points from the same generator and noise")
        )
        self.more_button.clicked.connect(self.add_more_data)
        more_row.addWidget(self.more_spin)
        more_row.addWidget(self.more_button, 1)
        data_layout.addLayout(more_row)
        self.show_validation_check = QCheckBox(self.tr("Show the validation points (hollow)"))
        self.show_validation_check.setChecked(True)
        self.show_validation_check.toggled.connect(lambda: self.inputs_changed())
        data_layout.addWidget(self.show_validation_check)

        runs = QGroupBox(self.tr("Compare runs"))
        runs_layout = QVBoxLayout(runs)
        self.keep_button = QPushButton(self.tr("Keep this run as a ghost"))
        self.keep_button.setToolTip(
            self.tr(
                "Its curves and boundary stay, faded, beside the next runs (at most {0})"
            ).format(MAX_GHOSTS)
        )
        self.keep_button.clicked.connect(self.keep_run)
        runs_layout.addWidget(self.keep_button)
        self.ghost_rows = QVBoxLayout()
        runs_layout.addLayout(self.ghost_rows)

        experiments = QGroupBox(self.tr("Experiments"))
        form = QFormLayout(experiments)
        self.experiment_steps_spin = spin_box(10, 100_000)
        self.experiment_steps_spin.setValue(EXPERIMENT_STEPS)
        self.experiment_steps_spin.setGroupSeparatorShown(True)
        self.experiment_steps_spin.setToolTip(
            self.tr("Steps each model of an experiment trains, with the settings above")
        )
        form.addRow(self.tr("Steps per model:"), self.experiment_steps_spin)
        self.folds_spin = spin_box(MIN_FOLDS, MAX_FOLDS)
        self.folds_spin.setValue(5)
        form.addRow(self.tr("Folds k:"), self.folds_spin)
        self.folds_panel = ExperimentPanel(
            self.tr("Cross-validate"),
            self.tr("Train k fresh models, each holding out one fold of all the points"),
        )
        self.folds_panel.run_button.setObjectName("cross_validate")  # a deck's "click" action
        form.addRow(self.folds_panel)
        self.curve_panel = ExperimentPanel(
            self.tr("Learning curve"),
            self.tr("Train on 10 %, 25 %, 50 % and 100 % of the training points"),
        )
        form.addRow(self.curve_panel)
        self.folds_panel.run_button.clicked.connect(self.run_cross_validation)
        self.folds_panel.cancel_button.clicked.connect(lambda: self._cancel("folds"))
        self.curve_panel.run_button.clicked.connect(self.run_learning_curve)
        self.curve_panel.cancel_button.clicked.connect(lambda: self._cancel("curve"))
        #: Background experiments by name, while they run.
        self.jobs: dict[str, BackgroundJob] = {}
        #: Kept runs: key → (row widget, boundary item).
        self.ghosts: dict[int, tuple[QWidget, SegmentLines]] = {}
        return [data, experiments, runs]

    def build_overlays(self) -> None:
        super().build_overlays()
        form = self.model_panel.config_form
        self.dropout_spin = form["dropout"]
        self.copies_spin = form["augment_copies"]
        train = self.train_panel.form
        self.validation_spin = train["validation_share"]
        self.decay_spin = train["weight_decay"]
        self.l1_spin = train["l1"]
        self.patience_spin = train["patience"]
        self.numbers = QLabel()
        self.numbers.setWordWrap(True)
        self.numbers.setTextFormat(Qt.TextFormat.RichText)
        self.readout.layout().insertWidget(3, self.numbers)
        plot = self.workspace.plot_item()
        self.copies = pg.ScatterPlotItem(pxMode=True, pen=None)
        self.copies.setZValue(COPIES_Z)
        plot.addItem(self.copies)
        self.fold_lines: list[SegmentLines] = []
        self.workspace.replaced.connect(self._generator_used)

    # -- reactions ----------------------------------------------------------------------------

    def load_lesson_file(self, preset, undoable: bool = True) -> None:
        super().load_lesson_file(preset, undoable)
        config = self.lesson.config
        self.workspace.show_generator(config.source, config.noise)

    def _generator_used(self, title: str) -> None:
        """A set from the Generate bar: "more data" draws from the same generator now."""
        chosen = self.workspace.generator()
        if chosen is None:
            return
        form = self.model_panel.config_form
        form["source"].setCurrentIndex(form["source"].findData(chosen[0]))
        form["noise"].setValue(chosen[1])  # the form's change signal sends the settings

    def add_more_data(self) -> None:
        chosen = self.workspace.generator()
        config = self.lesson.config
        if chosen is not None and chosen != (config.source, config.noise):
            self._generator_used("")
        data = self.lesson.more_data(self.workspace.data(), self.more_spin.value())
        self.workspace.set_data(data, self.tr("Add {0} points").format(self.more_spin.value()))
        self.workspace.show_count(data)

    def inputs_changed(self) -> None:
        """Hollow validation points and the augmented copies follow every change."""
        settings, data = self.worker_settings, self.workspace.data()
        training, validation = data.split(settings.validation_share, settings.seed)
        self.workspace.canvas.set_held_out(validation, self.show_validation_check.isChecked())
        copies = self.lesson.augmented_points(data.subset(training), settings.seed)
        self.copies.setVisible(len(copies) > 0)
        if len(copies):
            brushes = [
                pg.mkBrush(theme.tint(theme.class_color(int(c)), 0.7)) for c in copies.labels
            ]
            self.copies.setData(pos=copies.xy, brush=brushes, size=theme.px(9))
        for line in self.fold_lines:  # other data or settings: the folds' models are gone
            self.workspace.plot_item().removeItem(line)
        self.fold_lines = []

    def show_numbers(self, snapshot: Snapshot) -> None:
        metrics = dict(snapshot.metrics)
        settings = self.worker_settings
        parts = []
        if VALIDATION_COST in metrics or settings.validation_share:
            # Dashes until the first evaluation: the lines keep their place, so the panel
            # below does not jump when training starts.
            if VALIDATION_COST in metrics:
                train, valid = metrics[TRAINING_COST], metrics[VALIDATION_COST]
                costs = (f"{train:.4f}", f"{valid:.4f}", f"{valid - train:+.4f}")
            else:
                costs = ("—", "—", "—")
            parts.append(
                self.tr(
                    "<b>training cost {0} · validation cost {1} → gap {2}</b> (every {3} steps)"
                ).format(*costs, settings.validation_every)
            )
            if TRAINING_ACCURACY in metrics:
                ta, va = metrics[TRAINING_ACCURACY], metrics[VALIDATION_ACCURACY]
                accuracies = (_percent(ta), _percent(va), f"{100 * (ta - va):+.1f}")
            else:
                accuracies = ("—", "—", "—")
            parts.append(
                self.tr("accuracy: training {0} · validation {1} → gap {2} points").format(
                    *accuracies
                )
            )
        else:
            parts.append(self.tr("No points are held out: set a validation share in ② Train."))
        if snapshot.penalty is not None:
            parts.append(
                self.tr(
                    "cost without the penalty {0} · with it {1} (λ/2·Σw² + L1·Σ|w| = {2})"
                ).format(
                    f"{snapshot.cost:.4f}",
                    f"{snapshot.cost + snapshot.penalty:.4f}",
                    f"{snapshot.penalty:.4f}",
                )
            )
        copies = self.lesson.config.augment_copies
        if copies:
            training = len(self.workspace.data()) - len(self.workspace.canvas.held_out)
            parts.append(
                self.tr(
                    "augmentation: {0} jittered copies of the {1} training points (σ = {2})"
                ).format(copies * training, training, f"{self.lesson.config.augment_jitter:g}")
            )
        dropout = self.lesson.config.dropout
        if dropout and snapshot.last_step_cost is not None:
            parts.append(
                self.tr(
                    "dropout p = {0}: on in training steps (last step's cost {1}), off in "
                    "evaluation (training cost {2})"
                ).format(f"{dropout:g}", f"{snapshot.last_step_cost:.4f}", f"{snapshot.cost:.4f}")
            )
        text = "<br>".join(parts)
        if text != self.numbers.text():
            theme.set_font(self.numbers, 12 * (self.readout.LARGE if self.readout.large else 1))
            self.numbers.setText(text)
            self.readout.hold_height()

    # -- ghosts ---------------------------------------------------------------------------------

    def run_label(self) -> str:
        """What distinguishes this run, in a few words: shape and the remedies that are on."""
        config, settings = self.lesson.config, self.worker_settings
        words = ["-".join(str(n) for n in self.lesson.layer_sizes)]
        if config.dropout:
            words.append(f"dropout {config.dropout:g}")
        if settings.weight_decay:
            words.append(f"λ {settings.weight_decay:g}")
        if settings.l1:
            words.append(f"L1 {settings.l1:g}")
        if config.augment_copies:
            words.append(self.tr("×{0} copies").format(config.augment_copies))
        if settings.patience:
            words.append(self.tr("early stop {0}").format(settings.patience))
        words.append(self.tr("{0} points").format(len(self.workspace.data())))
        metrics = dict(self.snapshot.metrics) if self.snapshot is not None else {}
        if VALIDATION_COST in metrics:
            words.append(
                self.tr("gap {0}").format(
                    f"{metrics[VALIDATION_COST] - metrics[TRAINING_COST]:+.3f}"
                )
            )
        return " · ".join(words)

    def keep_run(self) -> None:
        key = self.cost_plot.keep_ghost()
        if key is None:
            self._show_message(
                self.tr("At most {0} runs can be kept: remove one first.").format(MAX_GHOSTS)
                if len(self.ghosts) >= MAX_GHOSTS
                else self.tr("Train first: there is no run to keep yet."),
                error=True,
            )
            return
        color = QColor(self.cost_plot.ghost_color(key))
        line = SegmentLines(QPen(color, theme.px(2.5), Qt.PenStyle.DashLine), GHOST_Z)
        boundary = self.snapshot.view(BoundaryView) if self.snapshot is not None else None
        line.set_segments(None if boundary is None else boundary.segments)
        line.setOpacity(0.85)
        self.workspace.plot_item().addItem(line)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        swatch = QLabel("━━")
        swatch.setStyleSheet(f"color: {color.name()}; font-weight: bold;")
        label = QLabel(self.run_label())
        label.setWordWrap(True)
        remove = QPushButton("×")
        remove.setToolTip(self.tr("Remove this ghost"))
        remove.setMaximumWidth(theme.px(36))
        remove.clicked.connect(lambda: self.remove_ghost(key))
        row_layout.addWidget(swatch)
        row_layout.addWidget(label, 1)
        row_layout.addWidget(remove)
        self.ghost_rows.addWidget(row)
        self.ghosts[key] = (row, line)
        self.keep_button.setEnabled(len(self.ghosts) < MAX_GHOSTS)

    def remove_ghost(self, key: int) -> None:
        row, line = self.ghosts.pop(key)
        self.cost_plot.remove_ghost(key)
        self.workspace.plot_item().removeItem(line)
        row.deleteLater()
        self.keep_button.setEnabled(True)

    # -- experiments ----------------------------------------------------------------------------

    def _experiment_inputs(self) -> tuple[Overfitting, object, TrainSettings]:
        steps = self.experiment_steps_spin.value()
        settings = replace(self.settings(), device="cpu", max_steps=steps)
        return self.lesson, self.workspace.data(), settings

    def run_cross_validation(self) -> None:
        lesson, data, settings = self._experiment_inputs()
        k = self.folds_spin.value()
        rect = self.workspace.visible_rect()
        started = time.perf_counter()

        def work(progress, cancelled):
            result = cross_validate(lesson, data, settings, k, progress, cancelled)
            boundaries = []
            for fold in result.folds:
                params = [torch.from_numpy(p) for p in fold.params]
                views = lesson.views(params, rect, {BoundaryView})
                lines = [v.segments for v in views if isinstance(v, BoundaryView)]
                boundaries.append(lines[0] if lines else None)
            return result, boundaries, time.perf_counter() - started

        self._start("folds", work, self.folds_panel, self._show_folds)

    def _show_folds(self, outcome) -> None:
        result, boundaries, seconds = outcome
        self.folds_page.show_result(result, seconds)
        for line in self.fold_lines:
            self.workspace.plot_item().removeItem(line)
        self.fold_lines = []
        faint = QColor(theme.LOOK.outline)
        faint.setAlpha(110)
        for segments in boundaries:
            line = SegmentLines(QPen(faint, theme.px(1.5)), FOLD_Z)
            line.set_segments(segments)
            self.workspace.plot_item().addItem(line)
            self.fold_lines.append(line)
        self.views.setCurrentWidget(self.folds_page)

    def run_learning_curve(self) -> None:
        lesson, data, settings = self._experiment_inputs()

        def work(progress, cancelled):
            return learning_curve(lesson, data, settings, progress, cancelled)

        self._start("curve", work, self.curve_panel, self._show_curve)

    def _show_curve(self, result: LearningCurve) -> None:
        self.curve_page.show_result(result)
        self.views.setCurrentWidget(self.curve_page)

    def _start(self, name: str, work, panel: ExperimentPanel, done) -> None:
        if name in self.jobs:
            return
        job = BackgroundJob(work, self)
        self.jobs[name] = job
        panel.show_running(True)
        job.progressed.connect(lambda share: panel.progress.setValue(round(100 * share)))
        job.succeeded.connect(done)
        job.failed.connect(lambda text: self._show_message(text, error=True))
        job.cancelled.connect(lambda: self._show_message(self.tr("Cancelled.")))
        job.finished.connect(lambda: self._job_ended(name, panel))
        job.start()

    def _job_ended(self, name: str, panel: ExperimentPanel) -> None:
        job = self.jobs.pop(name, None)
        if job is not None:
            job.deleteLater()
        panel.show_running(False)

    def _cancel(self, name: str) -> None:
        job = self.jobs.get(name)
        if job is not None:
            job.cancel()

    def shutdown(self) -> bool:
        stopped = [job.stop() for job in list(self.jobs.values())]
        return super().shutdown() and all(stopped)
