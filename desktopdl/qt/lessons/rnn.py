"""RNN page: a sequence the class draws or chooses (or a text it types), an RNN that learns
what comes next, the network unrolled over time, and a CNN read by an RNN.

The workspace is the sequence plot (``SequenceWorkspace``): the true series, the one-step
predictions on it, the free-running forecast past the end and the held-out end shaded; the
hidden state runs as a heatmap under it. The lower pages show the cell unrolled over the
last window (stepped one time step at a time), the text model's next-character bars and
generation, and the CNN → RNN comparison on the built-in digits.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktopdl.core.data import DataError
from desktopdl.core.digits import load_digits
from desktopdl.core.images import ImageSet
from desktopdl.core.lessons.rnn import (
    CELL_NAMES,
    CELLS,
    MAX_FORECAST,
    MAX_HIDDEN,
    MAX_LAYERS,
    MAX_WINDOW,
    MIN_WINDOW,
    HybridResult,
    RecurrentNetwork,
    alphabet_of,
    hybrid_experiment,
)
from desktopdl.core.sequences import SequenceSet
from desktopdl.core.trainer import VALIDATION_COST, Snapshot
from desktopdl.core.views import ForecastView, HiddenStates, UnrolledView
from desktopdl.qt import theme
from desktopdl.qt.binding import Field, write
from desktopdl.qt.cost_plot import SeriesHistory
from desktopdl.qt.i18n import tr_core
from desktopdl.qt.jobs import BackgroundJob, ExperimentPanel
from desktopdl.qt.lesson_tab import LessonTab
from desktopdl.qt.number_fields import RealField
from desktopdl.qt.overlays import CanvasOverlay
from desktopdl.qt.panels import (
    KEPT_DECIMALS,
    combo_box,
    spin_box,
    training_fields,
    validation_fields,
)
from desktopdl.qt.rnn_views import CharacterBars, HybridComparison, UnrolledDiagram

#: Characters generated at a press of Generate.
GENERATED = 40
#: The forecast's colour (the one-step dots share it, lighter): the model's own line.
FORECAST_COLOR = "#D55E00"
#: A move of a curve smaller than this (in the series' units) does not show on screen.
UNSEEN_MOVE = 1e-3

#: Points of the perplexity curve drawn (a narrow plot: more would not show).
PERPLEXITY_BINS = 600


def _tasks() -> QComboBox:
    return combo_box(
        [
            (QCoreApplication.translate("RNNTab", "next value"), "series"),
            (QCoreApplication.translate("RNNTab", "next character"), "text"),
        ]
    )


class _Alphabet(QWidget):
    """The text model's characters: a setting without a control (the page sets it from the
    text), read and written like a field."""

    valueChanged = Signal(str)  # noqa: N815 - the binding's Qt-style name

    def __init__(self) -> None:
        super().__init__()
        self._value = ""

    def value(self) -> str:
        return self._value

    def setValue(self, value: str) -> None:  # noqa: N802 - the binding's Qt-style name
        if value != self._value:
            self._value = value
            self.valueChanged.emit(value)


class ForecastOverlay(CanvasOverlay):
    """The model over the series: a dot for each one-step prediction (from the true values
    before it) and the dashed free-running forecast past the end (from its own guesses)."""

    wanted_views = (ForecastView, HiddenStates)

    def __init__(self, plot_item, pen_scale: float = 1.0) -> None:
        super().__init__(plot_item, pen_scale)
        # A thin line over the thick series: where the two part, the class sees the error.
        self.predictions = pg.PlotDataItem(pen=pg.mkPen(FORECAST_COLOR, width=2.5 * pen_scale))
        self.predictions.setZValue(12)
        self.forecast = pg.PlotDataItem(
            pen=pg.mkPen(FORECAST_COLOR, width=4 * pen_scale, style=Qt.PenStyle.DashLine)
        )
        self.forecast.setZValue(12)
        for item in (self.predictions, self.forecast):
            item.dl_self_styled = True  # the forecast's colour reads on both themes
        self.series: pg.PlotDataItem | None = None
        self.add(self.predictions, self.forecast)
        # One row at the top of the plot, over the room the workspace leaves above the data.
        self.legend = pg.LegendItem(colCount=3, offset=(6, 2), verSpacing=-8)
        self.legend.setParentItem(plot_item.getViewBox())
        theme.style_legend(self.legend)
        self.legend.addItem(
            self.predictions, QCoreApplication.translate("ForecastOverlay", "one step ahead")
        )
        self.legend.addItem(
            self.forecast, QCoreApplication.translate("ForecastOverlay", "forecast, fed back")
        )

    def name_series(self, curve) -> None:
        """Put the true series first in the legend."""
        self.legend.clear()
        self.legend.addItem(curve, QCoreApplication.translate("ForecastOverlay", "true series"))
        self.legend.addItem(
            self.predictions, QCoreApplication.translate("ForecastOverlay", "one step ahead")
        )
        self.legend.addItem(
            self.forecast, QCoreApplication.translate("ForecastOverlay", "forecast, fed back")
        )

    def draw(self, snapshot, lesson, data, rect) -> None:
        view = snapshot.view(ForecastView) if snapshot is not None else None
        shown = (
            view is not None
            and snapshot.config == lesson.config
            and isinstance(data, SequenceSet)
            and view.start + len(view.one_step) == len(data.values)
        )
        if not shown:
            # Emptied, not hidden: a hidden item's legend sample turns into an "off" sign.
            self.predictions.setData([], [])
            self.forecast.setData([], [])
            return
        steps = np.arange(view.start, view.start + len(view.one_step))
        _set_if_moved(self.predictions, steps, view.one_step)
        end = len(data.values)
        # The forecast starts at the last true value, so the dashes join the series.
        xs = np.arange(end - 1, end + len(view.forecast))
        ys = np.concatenate([[data.values[-1]], view.forecast])
        _set_if_moved(self.forecast, xs, ys)

    @staticmethod
    def axis_titles() -> tuple[str, str]:
        return (
            QCoreApplication.translate("SequenceCanvas", "time step t"),
            QCoreApplication.translate("SequenceCanvas", "value"),
        )

    def show_data(self, data, lesson) -> bool:
        """An exported picture: the series itself as the page's workspace draws it (a text
        has no plot: the picture is the header and the cost curve)."""
        if not isinstance(data, SequenceSet) or lesson.text_task:
            return False
        if self.series is None:
            self.series = pg.PlotDataItem(pen=pg.mkPen(theme.COST_COLOR, width=4 * self.pen_scale))
            self.add(self.series)
            self.name_series(self.series)
        self.series.setData(np.arange(len(data.values)), data.values)
        return True


class UnrolledPage(QWidget):
    """The cell's formula above the network unrolled over the last window."""

    wanted_views = (UnrolledView,)

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        self.formula = QLabel()
        self.formula.setWordWrap(True)
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        theme.set_font(self.formula, 11, bold=True)
        self.diagram = UnrolledDiagram()
        layout.addWidget(self.formula)
        layout.addWidget(self.diagram, 1)


class TextPage(QWidget):
    """Next-character probabilities for a typed start, generation with a temperature, and
    the perplexity over training. Only the text task uses it; the series task says how."""

    def __init__(self, parent=None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        self.off_note = QLabel(
            self.tr("This page is for text: choose “Learns: next character” in ① Model.")
        )
        self.off_note.setWordWrap(True)
        theme.set_font(self.off_note, 12)
        self.use_text_button = QPushButton(self.tr("Learn the text instead"))
        outer.addWidget(self.off_note)
        outer.addWidget(self.use_text_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body = QWidget()
        outer.addWidget(self.body, 1)
        row = QHBoxLayout(self.body)
        row.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        prefix_row = QHBoxLayout()
        prefix_row.addWidget(QLabel(self.tr("Start:")))
        self.prefix = QLineEdit()
        self.prefix.setPlaceholderText(self.tr("type the start of a sentence"))
        self.prefix.setToolTip(self.tr("Enter generates the rest, as Generate does"))
        theme.set_font(self.prefix, 15)
        prefix_row.addWidget(self.prefix, 1)
        left.addLayout(prefix_row)
        self.bars = CharacterBars()
        left.addWidget(self.bars)
        left.addStretch(1)  # the typed start stays at the top while the bars are hidden
        row.addLayout(left, 1)
        right = QVBoxLayout()
        generate_row = QHBoxLayout()
        generate_row.addWidget(QLabel(self.tr("Temperature:")))
        self.temperature = RealField(keep_decimals=KEPT_DECIMALS)
        self.temperature.setRange(0.0, 3.0)
        self.temperature.setSingleStep(0.1)
        self.temperature.setDecimals(1)
        self.temperature.setValue(0.8)
        self.temperature.setToolTip(
            self.tr("0: always the likeliest character (greedy); higher: bolder, stranger choices")
        )
        generate_row.addWidget(self.temperature)
        self.generate_button = QPushButton(self.tr("Generate"))
        self.generate_button.setToolTip(
            self.tr("Continue the start greedily and by sampling, feeding each character back")
        )
        generate_row.addWidget(self.generate_button)
        generate_row.addStretch(1)
        right.addLayout(generate_row)
        self.greedy = QLabel()
        self.sampled = QLabel()
        for label in (self.greedy, self.sampled):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            # Wrapped to the column, however long the text: a wrapping label with an
            # Ignored width was laid out as one line and cut at the edge.
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            label.setMinimumWidth(round(theme.px(120)))
            theme.set_font(label, 12)
            right.addWidget(label)
        self.perplexity_label = QLabel(self.tr("perplexity e^cost over the steps"))
        right.addWidget(self.perplexity_label)
        self.perplexity_plot = pg.PlotWidget()
        # No rotated axis title: a short plot has no room for one, the label above says it.
        theme.style_axes(self.perplexity_plot.getPlotItem(), "", "")
        for name in ("left", "bottom"):
            axis = self.perplexity_plot.getPlotItem().getAxis(name)
            axis.setProperty("dl_title", None)
            axis.showLabel(False)
        self.perplexity_plot.setMouseEnabled(False, False)
        self.perplexity_plot.getPlotItem().setMenuEnabled(False)
        self.perplexity_plot.getPlotItem().hideButtons()
        self.perplexity_curve = self.perplexity_plot.plot(pen=pg.mkPen(theme.COST_COLOR, width=3))
        self.perplexity_plot.setMinimumHeight(round(theme.px(100)))
        right.addWidget(self.perplexity_plot, 1)
        row.addLayout(right, 1)
        #: Bounded however long the run: every other point dropped when full.
        self._history = SeriesHistory()

    def set_enabled_for(self, text_task: bool) -> None:
        self.off_note.setVisible(not text_task)
        self.use_text_button.setVisible(not text_task)
        self.body.setVisible(text_task)

    def clear_curve(self) -> None:
        self._history = SeriesHistory()
        self.perplexity_curve.setData([], [])

    def add_costs(self, first_step: int, costs: np.ndarray) -> None:
        """Perplexity = e^cost: how many characters the model is still choosing among."""
        if not len(costs):
            return
        self._history.append(
            np.arange(first_step + 1, first_step + 1 + len(costs)),
            np.exp(np.minimum(np.asarray(costs, dtype=np.float64), 50)),
        )

    def redraw(self) -> None:
        if self._history.steps.size:
            self.perplexity_curve.setData(*self._history.drawn(PERPLEXITY_BINS))

    def restyle(self) -> None:
        theme.restyle_plot(self.perplexity_plot)
        self.bars.restyle()


class HybridPage(QWidget):
    """CNN → RNN against a plain RNN on rows, trained in the background on digit images."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.source = QComboBox()
        self.source.addItem(self.tr("the built-in digits (1,797)"), "digits")
        self.source.addItem(self.tr("the CNN tab's images"), "cnn")
        self.source.setToolTip(self.tr("Which images both models learn to read step by step"))
        row.addWidget(QLabel(self.tr("Images:")))
        row.addWidget(self.source, 1)
        self.panel = ExperimentPanel(
            self.tr("Train both"),
            self.tr(
                "Train a CNN whose feature columns a GRU reads left to right, and a GRU on the "
                "raw pixel rows, on 75 % of the images (in the background)"
            ),
        )
        self.panel.run_button.setObjectName("hybrid_train_both")  # a deck's "click" action
        # Its own row: the progress bar and Cancel that appear while it runs must not
        # widen the page (a 1024-pixel window would grow past the screen).
        layout.addLayout(row)
        layout.addWidget(self.panel)
        self.comparison = HybridComparison()
        layout.addWidget(self.comparison, 1)


class RNNTab(LessonTab):
    core_lesson = RecurrentNetwork
    overlay_class = ForecastOverlay
    #: The forecast and the typed start are the tests: there is no point to click.
    test_inputs = ()

    # -- what the page declares -------------------------------------------------------------

    def config_fields(self) -> list[Field]:
        return [
            Field("task", lambda: QCoreApplication.translate("RNNTab", "Learns:"), _tasks),
            Field(
                "cell",
                lambda: QCoreApplication.translate("RNNTab", "Cell:"),
                lambda: combo_box([(CELL_NAMES[key], key) for key in CELLS]),
            ),
            Field(
                "hidden",
                lambda: QCoreApplication.translate("RNNTab", "Hidden units:"),
                lambda: spin_box(
                    1,
                    MAX_HIDDEN,
                    tooltip=QCoreApplication.translate(
                        "RNNTab", "The size of the hidden state h_t the cell carries forward"
                    ),
                ),
            ),
            Field(
                "layers",
                lambda: QCoreApplication.translate("RNNTab", "Layers:"),
                lambda: spin_box(1, MAX_LAYERS),
            ),
            Field(
                "window",
                lambda: QCoreApplication.translate("RNNTab", "Window (past steps):"),
                lambda: spin_box(
                    MIN_WINDOW,
                    MAX_WINDOW,
                    tooltip=QCoreApplication.translate(
                        "RNNTab", "How many past steps the network reads before each prediction"
                    ),
                ),
            ),
            Field(
                "forecast",
                lambda: QCoreApplication.translate("RNNTab", "Forecast (steps):"),
                lambda: spin_box(
                    0,
                    MAX_FORECAST,
                    QCoreApplication.translate("RNNTab", "none"),
                    QCoreApplication.translate(
                        "RNNTab",
                        "Steps past the end, each prediction fed back as the next input",
                    ),
                ),
            ),
            Field("alphabet", lambda: "", _Alphabet, visible=False),
        ]

    def train_fields(self) -> list[Field]:
        return [*training_fields(), *validation_fields()]

    def lesson_pages(self) -> list[tuple[str, QWidget]]:
        self.unrolled_page = UnrolledPage()
        self.text_page = TextPage()
        self.hybrid_page = HybridPage()
        return [
            (self.tr("Unrolled"), self.unrolled_page),
            (self.tr("Text"), self.text_page),
            (self.tr("CNN + RNN"), self.hybrid_page),
        ]

    def opening_page(self) -> QWidget:
        return self.unrolled_page

    def own_data_text(self) -> str:
        return self.tr("your own sequence")

    def build_overlays(self) -> None:
        self.numbers = QLabel()
        self.numbers.setWordWrap(True)
        self.numbers.setTextFormat(Qt.TextFormat.RichText)
        self.readout.layout().insertWidget(3, self.numbers)
        self.test_mode_button.setVisible(False)
        self.test_panel.predict_button.setVisible(False)
        self.unrolled_page.diagram.step_changed.connect(self._cursor_moved)
        self.text_page.prefix.textChanged.connect(self._show_next_characters)
        self.text_page.generate_button.clicked.connect(self.generate_text)
        self.text_page.prefix.returnPressed.connect(self.generate_text)
        self.text_page.use_text_button.clicked.connect(lambda: self._set_field("task", "text"))
        self.hybrid_page.panel.run_button.clicked.connect(self.train_hybrid)
        self.hybrid_page.panel.cancel_button.clicked.connect(self._cancel_hybrid)
        self.hybrid_page.comparison.clear()
        self._hybrid_job: BackgroundJob | None = None
        self._perplexity_run = -1
        self.validation_region = pg.LinearRegionItem(
            movable=False, brush=pg.mkBrush(128, 128, 128, 40), pen=pg.mkPen(None)
        )
        self.validation_region.setZValue(-5)
        self.validation_label = pg.TextItem(anchor=(0, 1))
        self.validation_label.setFont(theme.big_font(11))
        self.workspace.plot_item().addItem(self.validation_region)
        self.workspace.plot_item().addItem(self.validation_label)
        self.validation_region.setVisible(False)
        self.validation_label.setVisible(False)
        self.overlay.name_series(self.workspace.canvas.curve)

    # -- reactions --------------------------------------------------------------------------

    def _set_field(self, name: str, value: object) -> None:
        write(self.model_panel.config_form[name], value)
        self._settings_changed()

    def inputs_changed(self) -> None:
        data = self.workspace.data()
        alphabet = alphabet_of(data.text)
        if alphabet != self.lesson.config.alphabet:  # the text changed: the model follows
            self._set_field("alphabet", alphabet)
            return
        self._show_validation_split(data)
        self._show_next_characters()
        self.overlay.legend.setVisible(len(data.values) > 0)
        if self.lesson.check_data(data):  # nothing to learn from: nothing old may stay
            self._forget_views()

    def _forget_views(self) -> None:
        """Clear what showed the previous data (after Clear, an undo to a short series)."""
        self.unrolled_page.diagram.set_view(None)
        self.workspace.set_hidden_states(0, None)
        self.workspace.set_cursor_step(None)
        self.test_result.setText("")
        self.test_detail.setText("")
        self.text_page.bars.setVisible(False)

    def model_changed(self) -> None:
        config = self.lesson.config
        self.workspace.set_task(config.task)
        text = self.lesson.text_task
        self.text_page.set_enabled_for(text)
        prefix, data_text = self.text_page.prefix, self.workspace.data().text
        if text and not prefix.text() and data_text:
            prefix.setText(data_text[: min(4, len(data_text))])  # bars from the first snapshot
        self.unrolled_page.formula.setText(theme.rich(tr_core(self.lesson.cell_formula)))
        self.unrolled_page.diagram.set_cell(config.cell)
        self._forget_views()
        self.text_page.greedy.setText("")
        self.text_page.sampled.setText("")
        self._show_validation_split(self.workspace.data())

    def _show_validation_split(self, data: SequenceSet) -> None:
        """Shade the held-out end of the series, where validation is judged."""
        settings = self.worker_settings
        _train, validation = self.lesson.split_data(data, settings.validation_share, settings.seed)
        shown = validation is not None and not self.lesson.text_task
        self.validation_region.setVisible(shown)
        self.validation_label.setVisible(shown)
        if not shown:
            return
        cut = len(data.values) - (len(validation.values) - self.lesson.config.window)
        self.validation_region.setRegion((cut - 0.5, len(data.values) - 0.5))
        self.validation_label.setText(self.tr("held out"))
        self.validation_label.setColor(theme.LOOK.foreground)
        bottom = self.workspace.visible_rect().ymin
        self.validation_label.setPos(cut, bottom)

    def _cursor_moved(self, step: int) -> None:
        if not self.lesson.text_task:
            self.workspace.set_cursor_step(step + 1)  # the step predicted after this input

    def show_numbers(self, snapshot: Snapshot) -> None:
        if snapshot.run_id != self._perplexity_run:
            self._perplexity_run = snapshot.run_id
            self.text_page.clear_curve()
        self.text_page.add_costs(snapshot.first_new_step, snapshot.new_costs)
        if snapshot.config != self.lesson.config:
            return
        data = self.workspace.data()
        metrics = dict(snapshot.metrics)
        if self.lesson.text_task:
            self.text_page.redraw()
            self._show_next_characters()
            text = self._perplexity_text(snapshot, metrics)
        else:
            states = snapshot.view(HiddenStates)
            if states is not None and states.start + len(states.states) == len(data.values):
                self.workspace.set_hidden_states(states.start, states.states)
            elif self.lesson.check_data(data):
                self._forget_views()
            text = self._error_text(snapshot, metrics, data)
            self._show_next_value(snapshot, data)
        if text != self.numbers.text():
            theme.set_font(self.numbers, 12 * (self.readout.LARGE if self.readout.large else 1))
            self.numbers.setText(text)
            self.readout.hold_height()

    def _error_text(self, snapshot: Snapshot, metrics: dict, data: SequenceSet) -> str:
        """The one-step error as a share of the amplitude: "1 %" reads on a projector where
        an MSE of 0.0001 does not."""
        cost = snapshot.shown_cost
        if not math.isfinite(cost):
            return ""
        amplitude = data.amplitude
        text = self.tr("one-step error {0} of the amplitude").format(
            f"{math.sqrt(max(cost, 0)) / amplitude:.1%}"
        )
        if VALIDATION_COST in metrics:
            text += "<br>" + self.tr("on the held-out end: {0}").format(
                f"{math.sqrt(max(metrics[VALIDATION_COST], 0)) / amplitude:.1%}"
            )
        return text

    def _perplexity_text(self, snapshot: Snapshot, metrics: dict) -> str:
        cost = snapshot.shown_cost
        if not math.isfinite(cost):
            return ""
        text = self.tr("perplexity {0} (of {1} characters)").format(
            f"{math.exp(min(cost, 50)):.2f}", len(self.lesson.config.alphabet)
        )
        if VALIDATION_COST in metrics:
            text += "<br>" + self.tr("on the held-out end: {0}").format(
                f"{math.exp(min(metrics[VALIDATION_COST], 50)):.2f}"
            )
        return text

    def _show_next_value(self, snapshot: Snapshot, data: SequenceSet) -> None:
        """③ Test: the value the model predicts after the end (the script's H(x_test))."""
        if self.lesson.check_data(data) or not all(np.all(np.isfinite(p)) for p in snapshot.params):
            return
        forecast = snapshot.view(ForecastView)
        if forecast is not None and len(forecast.forecast):
            # The forecast's first step is H(last window), computed in the training thread.
            value = float(np.float32(forecast.forecast[0]))
        else:
            value = float(
                self.lesson.predict(list(snapshot.params), self.lesson.probe_input(data))[0]
            )
        self.readout.expect_result()
        self.test_result.setText(
            self.tr("after the end (step {0}): {1}").format(len(data.values), f"{value:.4f}")
        )
        self.test_detail.setText(f"x_test = x_last\nH(x_test).detach().item() → {value!r}")

    # -- text -------------------------------------------------------------------------------

    def _text_params(self) -> list[np.ndarray] | None:
        snapshot = self.snapshot
        if (
            snapshot is None
            or not self.lesson.text_task
            or snapshot.config != self.lesson.config
            or not all(np.all(np.isfinite(p)) for p in snapshot.params)
        ):
            return None
        return list(snapshot.params)

    def _show_next_characters(self, *_args) -> None:
        params = self._text_params()
        prefix = self.text_page.prefix.text()
        if params is None or not prefix:
            return
        try:
            probabilities = self.lesson.next_characters(params, prefix)
        except DataError as error:
            self.test_result.setText(tr_core(str(error)))
            return
        alphabet = self.lesson.config.alphabet
        self.text_page.bars.set_probabilities(list(alphabet), probabilities)
        best = int(np.argmax(probabilities))
        self.readout.expect_result()
        self.test_result.setText(
            self.tr("after “{0}”: “{1}” (p = {2})").format(
                prefix[-12:], alphabet[best], f"{probabilities[best]:.3f}"
            )
        )
        self.test_detail.setText(self.tr("the likeliest of {0} characters").format(len(alphabet)))

    def generate_text(self) -> None:
        """Continue the typed start twice: greedily, and sampled at the chosen temperature."""
        params = self._text_params()
        page = self.text_page
        prefix = page.prefix.text()
        if params is None:
            self._show_message(self.tr("Train the text model first."), error=True)
            return
        try:
            greedy = self.lesson.generate(params, prefix, GENERATED, 0.0)
            temperature = page.temperature.value()
            sampled = self.lesson.generate(
                params, prefix, GENERATED, temperature, seed=self.seed_spin.value()
            )
        except DataError as error:
            self._show_message(str(error), error=True)
            return
        page.greedy.setText(
            self.tr("<b>greedy:</b> {0}<u>{1}</u>").format(_escaped(prefix), _escaped(greedy))
        )
        page.sampled.setText(
            self.tr("<b>sampled (T = {0}):</b> {1}<u>{2}</u>").format(
                f"{temperature:g}", _escaped(prefix), _escaped(sampled)
            )
        )

    # -- the CNN + RNN comparison -----------------------------------------------------------

    def _hybrid_images(self) -> ImageSet | None:
        if self.hybrid_page.source.currentData() == "cnn":
            window = self.window()
            for tab in getattr(window, "tabs", []):
                if tab.lesson.data_kind is ImageSet:
                    return tab.workspace.data()
            return None
        return load_digits(tuple(range(10)), None, seed=self.seed_spin.value())

    def train_hybrid(self) -> None:
        if self._hybrid_job is not None:
            return
        images = self._hybrid_images()
        if images is None or len(np.unique(images.labels)) < 2 or len(images) < 8:
            self._show_message(
                self.tr(
                    "The CNN tab has too few images: draw two classes there, or use the "
                    "built-in digits."
                ),
                error=True,
            )
            return
        seed = self.seed_spin.value()
        panel = self.hybrid_page.panel

        def work(progress, cancelled) -> HybridResult:
            return hybrid_experiment(images, seed=seed, progress=progress, cancelled=cancelled)

        job = BackgroundJob(work, self)
        self._hybrid_job = job
        panel.show_running(True)
        job.progressed.connect(lambda share: panel.progress.setValue(round(100 * share)))
        job.succeeded.connect(self.hybrid_page.comparison.set_result)
        job.failed.connect(lambda text: self._show_message(tr_core(text), error=True))
        job.cancelled.connect(lambda: self._show_message(self.tr("Cancelled.")))
        job.finished.connect(self._hybrid_ended)
        job.start()

    def _hybrid_ended(self) -> None:
        job, self._hybrid_job = self._hybrid_job, None
        if job is not None:
            job.deleteLater()
        self.hybrid_page.panel.show_running(False)

    def _cancel_hybrid(self) -> None:
        if self._hybrid_job is not None:
            self._hybrid_job.cancel()

    def draw_page(self, snapshot: Snapshot, page: QWidget) -> None:
        if page is self.unrolled_page:
            view = snapshot.view(UnrolledView)
            if view is not None:
                self.unrolled_page.diagram.set_view(view)

    def restyle(self) -> None:
        super().restyle()
        self.text_page.restyle()
        self.unrolled_page.diagram.restyle()
        self.hybrid_page.comparison.restyle()
        theme.style_legend(self.overlay.legend)
        self._show_validation_split(self.workspace.data())

    def shutdown(self) -> bool:
        stopped = self._hybrid_job.stop() if self._hybrid_job is not None else True
        return super().shutdown() and stopped


def _set_if_moved(curve: pg.PlotDataItem, xs: np.ndarray, ys: np.ndarray) -> None:
    """New data for a curve, unless it would not move by a visible amount (a settled model
    sends the same line at every snapshot, and each repaint costs milliseconds)."""
    old_x, old_y = curve.getData()
    if (
        old_y is not None
        and len(old_y) == len(ys)
        and np.array_equal(old_x, xs)
        and np.abs(old_y - ys).max() < UNSEEN_MOVE
    ):
        return
    curve.setData(xs, ys)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "↵")
