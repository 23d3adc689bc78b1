"""The sequence workspace of the RNN lesson: a time series to draw or generate, and a text.

The class draws a series with the mouse (press and drag from left to right: every time step
the pen passes over takes the pen's height) or picks a generated one (a sine, a square
wave…), and types the text the character model learns. The lesson's config says which of
the two a run learns (``set_task``): the plot or the text editor shows, and the lesson file
keeps both. Under the plot a strip shows the network's hidden state at every step as a
heatmap (a row per hidden unit, −1 blue … +1 red), its time axis lined up with the plot's,
so the class sees the state change as the series does.

Like the other workspaces, every edit replaces the immutable ``SequenceSet`` through a
QUndoStack command (a whole stroke, a generated series or a pause in typing is one edit),
so Ctrl+Z undoes any of them and the training thread only ever receives whole sets.

``SequenceWorkspace`` offers the page the same interface as ``PointWorkspace``; the page's
author registers it with ``workspace.WORKSPACES[SequenceSet] = SequenceWorkspace``; this
module does not, so importing it changes nothing.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QObject, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QTextCursor, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktopdl.core.sequences import (
    DEFAULT_LENGTH,
    LECTURE_TEXT,
    MAX_TEXT,
    MIN_LENGTH,
    SERIES,
    SequenceSet,
    generate,
    stroke_values,
)
from desktopdl.core.views import Rect
from desktopdl.qt import theme
from desktopdl.qt.i18n import tr_core
from desktopdl.qt.number_fields import IntField
from desktopdl.qt.panels import guard_fields
from desktopdl.qt.undo import DataEditor, undo_redo_buttons

#: The plot always shows at least this many steps, and this many more past the series' end:
#: room for the page's free-running forecast.
MIN_VIEW_STEPS = 100
FORECAST_ROOM = 60
#: The value axis always spans at least −1.5…1.5 (a unit sine with room to draw above it).
MIN_VALUE_SPAN = 1.5
#: The length control's range and step (the core allows longer series from files).
MAX_GENERATED = 1000
LENGTH_STEP = 20
#: Typing becomes one undoable edit after this pause.
TEXT_PAUSE_MS = 400
#: Markers on the series only while there is room for them (beyond, a line reads better).
MARKERS_UP_TO = 400
#: The left axes' width at scale 1 (both plots the same, so their data areas line up).
AXIS_WIDTH_PX = 74
#: The hidden-state strip's height at scale 1.
STRIP_HEIGHT_PX = 95
#: A change of the hidden state smaller than one step of the colour map's 256.
UNSEEN_CHANGE = 2 / 256
#: The heatmap's ends: negative (−1) blue and positive (+1) vermillion, Okabe–Ito colours,
#: with the theme's background in the middle, so a unit at 0 reads as "nothing".
NEGATIVE_COLOR = ("#0072B2", "#3D9BE0")  # light theme, dark theme
POSITIVE_COLOR = ("#D55E00", "#F07A2A")


def series_color() -> QColor:
    """The true series: the cost plot's blue, lighter on the dark theme."""
    return QColor("#56B4E9") if theme.LOOK.dark else QColor(theme.COST_COLOR)


def state_colormap() -> pg.ColorMap:
    """A diverging map for tanh states, −1 → blue, 0 → the background, +1 → vermillion."""
    dark = int(theme.LOOK.dark)
    return pg.ColorMap(
        [0.0, 0.5, 1.0],
        [QColor(NEGATIVE_COLOR[dark]), theme.LOOK.background, QColor(POSITIVE_COLOR[dark])],
    )


class SequenceEditor(DataEditor):
    """The sequence set being edited (series and text), with undo and redo."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(SequenceSet.empty(), parent)

    @property
    def sequences(self) -> SequenceSet:
        return self.data


def _still_plot(widget: pg.PlotWidget) -> pg.ViewBox:
    """No pan, zoom, context menu or autorange: the view changes only when we say so."""
    view = widget.getPlotItem().getViewBox()
    view.setMouseEnabled(False, False)
    view.setMenuEnabled(False)
    view.disableAutoRange()
    widget.getPlotItem().hideButtons()
    widget.getPlotItem().setMenuEnabled(False)
    return view


def _cursor_line() -> pg.InfiniteLine:
    line = pg.InfiniteLine(angle=90, movable=False)
    line.setZValue(30)
    line.setVisible(False)
    return line


def _style_cursor(line: pg.InfiniteLine) -> None:
    line.setPen(pg.mkPen(theme.LOOK.foreground, width=theme.px(2.5), style=Qt.PenStyle.DashLine))


# -- the series plot --------------------------------------------------------------------------


class SequenceCanvas(pg.PlotWidget):
    """The time series, drawn with the left button: press and drag across the steps."""

    #: The visible region changed (a new fit): the page may follow.
    view_changed = Signal(object)  # Rect

    def __init__(self, editor: SequenceEditor, parent: QWidget | None = None):
        super().__init__(parent=parent)
        self.editor = editor
        self._stroke: list[tuple[float, float]] | None = None
        self._before: SequenceSet | None = None
        self.setMinimumSize(300, 150)
        plot = self.getPlotItem()
        plot.showGrid(x=True, y=True, alpha=0.15)
        theme.style_axes(plot, self.tr("time step t"), self.tr("value"))
        self.view_box = _still_plot(self)
        self.curve = pg.PlotDataItem()
        self.curve.dl_self_styled = True
        self.curve.setZValue(10)
        plot.addItem(self.curve)
        self.hint = pg.TextItem(
            self.tr(
                "Draw a sequence: press and drag from left to right,\nor choose a series above"
            ),
            anchor=(0.5, 0.5),
        )
        self.hint.dl_self_styled = True  # restyle() sets its colour and size
        self.hint.setZValue(40)
        plot.addItem(self.hint, ignoreBounds=True)
        self.cursor_line = _cursor_line()
        plot.addItem(self.cursor_line, ignoreBounds=True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Press and drag from left to right to draw the series"))
        self.setAccessibleName(self.tr("Sequence plot"))
        self.view_box.sigRangeChanged.connect(self._range_changed)
        self.set_view(self.wanted_view(editor.data))
        self.restyle()

    # -- view ------------------------------------------------------------------------------

    @staticmethod
    def wanted_view(data: SequenceSet) -> tuple[float, float, float, float]:
        """Every step with room for the forecast after it, and every value with a margin."""
        xmax = max(len(data), MIN_VIEW_STEPS) + FORECAST_ROOM
        xmin = -0.02 * xmax
        if len(data):
            low, high = float(data.values.min()), float(data.values.max())
        else:
            low = high = 0.0
        margin = 0.15 * max(high - low, 1.0)
        # Room above the values for the page's one-line legend (series, prediction, forecast).
        legend_room = 0.3 * max(high - low, 1.0)
        # And below them for its labels (the held-out end's name).
        return (
            xmin,
            xmax,
            min(-MIN_VALUE_SPAN, low - margin) - legend_room / 2,
            max(MIN_VALUE_SPAN, high + margin) + legend_room,
        )

    def set_view(self, view: tuple[float, float, float, float]) -> None:
        xmin, xmax, ymin, ymax = view
        self.view_box.setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0)

    def fit(self, force: bool = False) -> None:
        """Fit the view to the data: always when ``force``, else only when the data has
        grown past it (a stroke beyond the end, a value above the top). Never mid-stroke."""
        if self._stroke is not None:
            return
        want = self.wanted_view(self.editor.data)
        (xmin, xmax), (ymin, ymax) = self.view_box.viewRange()
        if force or want[1] > xmax + 1e-9 or want[2] < ymin - 1e-9 or want[3] > ymax + 1e-9:
            self.set_view(want)

    def visible_rect(self) -> Rect:
        (xmin, xmax), (ymin, ymax) = self.view_box.viewRange()
        return Rect(xmin, xmax, ymin, ymax)

    def map_to_widget(self, t: float, v: float) -> QPoint:
        """Widget (viewport) pixel position of data point (t, v); used to draw in tests."""
        scene = self.view_box.mapViewToScene(QPointF(t, v))
        return self.mapFromScene(scene)

    def _range_changed(self, *_args) -> None:
        self._place_hint()
        self.view_changed.emit(self.visible_rect())

    def _place_hint(self) -> None:
        (xmin, xmax), (ymin, ymax) = self.view_box.viewRange()
        self.hint.setPos((xmin + xmax) / 2, (ymin + ymax) / 2)

    # -- drawing ---------------------------------------------------------------------------

    def _view_point(self, event: QMouseEvent) -> tuple[QPointF, bool]:
        """The event's position in data units, and whether it lies over the plot's area."""
        scene = self.mapToScene(event.position().toPoint())
        inside = self.view_box.sceneBoundingRect().contains(scene)
        return self.view_box.mapSceneToView(scene), inside

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton or self._stroke is not None:
            super().mousePressEvent(event)
            return
        point, inside = self._view_point(event)
        if not inside:
            super().mousePressEvent(event)
            return
        event.accept()
        self._before = self.editor.data
        self._stroke = [(point.x(), point.y())]
        self._show_stroke()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._stroke is None:
            super().mouseMoveEvent(event)
            return
        event.accept()
        point, _inside = self._view_point(event)
        self._stroke.append((point.x(), point.y()))
        self._show_stroke()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._stroke is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        event.accept()
        point, _inside = self._view_point(event)
        self._stroke.append((point.x(), point.y()))
        values = self._stroke_result()
        before = self._before
        self._stroke, self._before = None, None
        self.editor.replace(
            before.with_values(values), QCoreApplication.translate("SequenceWorkspace", "Draw")
        )
        self.redraw(self.editor.data)  # a stroke that changed nothing shows the data again
        self.fit()

    def _stroke_result(self) -> np.ndarray:
        first_value = self._stroke[0][1]
        return stroke_values(self._before.values, self._stroke, default=first_value)

    def _show_stroke(self) -> None:
        """The series as it would be after the stroke so far (nothing is recorded yet)."""
        self._show_values(self._stroke_result())

    # -- painting --------------------------------------------------------------------------

    def redraw(self, data: SequenceSet) -> None:
        if self._stroke is None:
            self._show_values(data.values)

    def _show_values(self, values: np.ndarray) -> None:
        n = len(values)
        color = series_color()
        markers = 0 < n <= MARKERS_UP_TO
        self.curve.setData(
            np.arange(n, dtype=np.float64),
            np.asarray(values, dtype=np.float64),
            pen=pg.mkPen(color, width=theme.px(theme.LINE_WIDTH)),
            symbol="o" if markers else None,
            symbolSize=theme.px(7),
            symbolBrush=pg.mkBrush(color),
            symbolPen=pg.mkPen(theme.LOOK.background, width=theme.px(1)),
        )
        self.hint.setVisible(n == 0)

    def restyle(self) -> None:
        theme.restyle_plot(self)
        self.getPlotItem().getAxis("left").setWidth(round(theme.px(AXIS_WIDTH_PX)))
        _style_cursor(self.cursor_line)
        self.hint.setColor(theme.LOOK.foreground)
        self.hint.setFont(theme.font(14))
        self._place_hint()
        if self._stroke is None:
            self._show_values(self.editor.data.values)
        else:
            self._show_stroke()


# -- the hidden-state strip ---------------------------------------------------------------------


class HiddenStateStrip(pg.PlotWidget):
    """The hidden state at every step as a heatmap: a row per unit, a column per step."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent=parent)
        plot = self.getPlotItem()
        theme.style_axes(plot, "", self.tr("unit"))
        bottom = plot.getAxis("bottom")
        bottom.setProperty("dl_title", None)  # no title: the plot above names the time axis
        bottom.showLabel(False)
        self.view_box = _still_plot(self)
        self.view_box.invertY(True)  # unit 0 on top, as in a matrix
        self.image = pg.ImageItem(axisOrder="row-major")
        plot.addItem(self.image)
        self.cursor_line = _cursor_line()
        plot.addItem(self.cursor_line, ignoreBounds=True)
        self._shape: tuple[int, int, int] | None = None
        self.setFixedHeight(round(theme.px(STRIP_HEIGHT_PX)))
        self.setToolTip(
            self.tr(
                "The hidden state after each step: a row per hidden unit, blue −1, "
                "red +1, background 0"
            )
        )
        self.restyle()

    def set_states(self, start: int, states: np.ndarray) -> None:
        """``states``: steps × units, drawn at steps start … start + steps − 1."""
        steps, units = states.shape
        shown = self.image.image
        if (
            self._shape == (start, steps, units)
            and shown is not None
            and np.abs(shown - states.T).max() < UNSEEN_CHANGE
        ):
            return  # the same colours as on screen: no repaint
        self.image.setImage(states.T, autoLevels=False, levels=(-1.0, 1.0))
        if self._shape != (start, steps, units):
            self._shape = (start, steps, units)
            self.image.setRect(QRectF(start - 0.5, -0.5, steps, units))
            self.view_box.setYRange(-0.5, units - 0.5, padding=0)

    def restyle(self) -> None:
        theme.restyle_plot(self)
        self.getPlotItem().getAxis("left").setWidth(round(theme.px(AXIS_WIDTH_PX)))
        self.setFixedHeight(round(theme.px(STRIP_HEIGHT_PX)))
        self.image.setColorMap(state_colormap())
        _style_cursor(self.cursor_line)


# -- the workspace ------------------------------------------------------------------------------


class SequenceWorkspace(QWidget):
    """The RNN page's left side: the bar, the series generator, the plot or the text."""

    #: The data changed (an edit, an undo, a load): the new immutable SequenceSet.
    data_changed = Signal(object)
    #: The plot's visible region changed (a new fit).
    view_changed = Signal(object)
    #: Never fires: sequences have no point to test by clicking (PointWorkspace's interface).
    test_clicked = Signal(float, float)
    #: The teacher replaced the data wholesale (Clear, a generated series): carries a title
    #: ("" for none).
    replaced = Signal(str)

    def __init__(self, classes: int, offers_datasets: bool, parent: QWidget | None = None):
        """``classes`` and ``offers_datasets`` are ignored: a sequence has no classes, and
        its generator is always offered."""
        super().__init__(parent)
        self.editor = SequenceEditor(self)
        self.canvas = SequenceCanvas(self.editor)
        self.strip = HiddenStateStrip()
        self.strip.setXLink(self.canvas)
        self.strip.setVisible(False)
        self.dataset_bar = None
        self._task = "series"
        self._test_mode = False
        self._series_seed = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        #: The page puts the Data chooser at the start of this bar.
        self.bar = QHBoxLayout()
        layout.addLayout(self.bar)
        self._edit_buttons()
        self.series_row = QWidget()
        self.series_bar = QHBoxLayout(self.series_row)
        self.series_bar.setContentsMargins(0, 0, 0, 0)
        self._series_bar()
        layout.addWidget(self.series_row)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._series_page())
        self.pages.addWidget(self._text_page())
        layout.addWidget(self.pages, 1)
        self.editor.changed.connect(self.data_changed)
        self.editor.changed.connect(self._show_data)
        self.canvas.view_changed.connect(self.view_changed)
        guard_fields(self)
        self._show_data(self.editor.data)

    # -- what every workspace offers the page -----------------------------------------------

    def data(self) -> SequenceSet:
        return self.editor.sequences

    @property
    def undo_stack(self) -> QUndoStack:
        """The edits, for Ctrl+Z / Ctrl+Shift+Z (the window groups every lesson's stack)."""
        return self.editor.undo_stack

    def set_data(self, data: SequenceSet, undo_text: str | None = None) -> None:
        """Show new data: undoable with ``undo_text``, else as a fresh start (undo cleared)."""
        self._text_timer.stop()
        self.editor.show(data, undo_text)
        self.canvas.fit(force=True)
        self.show_count(data)

    def plot_item(self) -> pg.PlotItem:
        """The series plot, where the page draws its predictions and forecast."""
        return self.canvas.getPlotItem()

    def visible_rect(self) -> Rect:
        return self.canvas.visible_rect()

    def set_view(self, view, data: SequenceSet) -> None:
        """Fit the plot to ``data`` (every step, room for the forecast); a preset's
        ``view`` is ignored: the series' own range decides."""
        self.canvas.fit(force=True)

    def set_test_mode(self, on: bool) -> None:
        """Sequences are tested by the page's forecast, not by clicks: only remembered."""
        self._test_mode = on

    def set_classes(self, classes: int) -> None:
        """Sequences have no classes."""

    def set_current_class(self, index: int) -> None:
        """Sequences have no classes."""

    def restyle(self) -> None:
        """After a change of size or theme: the plots, the strip's colours, the caption."""
        self.canvas.restyle()
        self.strip.restyle()
        self._show_strip_caption()

    def show_count(self, data: SequenceSet) -> None:
        """The length control says how long the series on the plot is (a preset's 300)."""
        if len(data.values) >= MIN_LENGTH:
            self.length_spin.blockSignals(True)
            self.length_spin.setValue(min(len(data.values), self.length_spin.maximum()))
            self.length_spin.blockSignals(False)

    def generator(self) -> tuple[str, float] | None:
        """The generated series chosen in the Series bar and its noise, or None."""
        if self.series_combo.currentIndex() < 0:
            return None
        return self.series_combo.currentData(), self.noise_slider.value() / 100

    def show_generator(self, key: str, noise: float) -> None:
        """Show which generator and noise the data came from (a file can say)."""
        self.series_combo.setCurrentIndex(self.series_combo.findData(key))
        self.noise_slider.blockSignals(True)
        self.noise_slider.setValue(round(noise * 100))
        self.noise_slider.blockSignals(False)

    def forget_generator(self) -> None:
        """The data came from elsewhere (a preset, a file, a drawing): no generator shows."""
        self.series_combo.setCurrentIndex(-1)

    def regenerate(self) -> None:
        """Replace the series with a generated one (undoable; a new seed each time); the
        text stays."""
        if self.series_combo.currentIndex() < 0:
            self.series_combo.setCurrentIndex(0)
        key = self.series_combo.currentData()
        label = self.series_combo.currentText()
        self._series_seed += 1
        values = generate(
            key, self.length_spin.value(), self.noise_slider.value() / 100, self._series_seed
        )
        self.editor.replace(
            self.data().with_values(values),
            QCoreApplication.translate("SequenceWorkspace", "Generate {0}").format(label),
        )
        self.canvas.fit(force=True)
        self.replaced.emit(label)

    def clear(self) -> None:
        """Empty what the lesson learns now (the series, or the text; undoable)."""
        self._flush_text()
        data = self.data()
        if self._task == "text":
            self.editor.replace(
                data.with_text(""), QCoreApplication.translate("SequenceWorkspace", "Clear text")
            )
        else:
            self.editor.replace(
                data.with_values(np.zeros(0)),
                QCoreApplication.translate("SequenceWorkspace", "Clear series"),
            )
            self.forget_generator()
            self.canvas.fit(force=True)
        self.replaced.emit("")

    # -- what the RNN page adds --------------------------------------------------------------

    def task(self) -> str:
        return self._task

    def set_task(self, task: str) -> None:
        """ "series": the plot and its generator show; "text": the text editor shows."""
        self._task = "text" if task == "text" else "series"
        text = self._task == "text"
        if not text:
            self._flush_text()
        self.pages.setCurrentIndex(1 if text else 0)
        self.series_row.setVisible(not text)
        self.clear_button.setToolTip(
            self.tr("Remove the text (Ctrl+Z brings it back)")
            if text
            else self.tr("Remove the series (Ctrl+Z brings it back)")
        )

    def set_hidden_states(self, start: int, states: np.ndarray | None) -> None:
        """Show the hidden state at steps start … start + len − 1 (steps × units, tanh
        values) under the plot; None hides the strip."""
        if states is None or np.ndim(states) != 2 or not np.size(states):
            self.strip.setVisible(False)
            self.strip_caption.setVisible(False)
            return
        self.strip.set_states(int(start), np.asarray(states, dtype=np.float32))
        if self.strip.isHidden():
            self.strip.setVisible(True)
            self.strip_caption.setVisible(True)

    def set_cursor_step(self, step: int | None) -> None:
        """A vertical line at time ``step`` through the plot and the strip (None: none)."""
        for line in (self.canvas.cursor_line, self.strip.cursor_line):
            if step is None:
                line.setVisible(False)
            else:
                line.setPos(float(step))
                line.setVisible(True)

    # -- the parts ----------------------------------------------------------------------------

    def _edit_buttons(self) -> None:
        self.undo_button, self.redo_button = undo_redo_buttons(self.editor.undo_stack)
        # Typing not yet recorded becomes an edit first, so ↶ undoes it and not the one before.
        self.undo_button.pressed.connect(self._flush_text)
        self.redo_button.pressed.connect(self._flush_text)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove the series (Ctrl+Z brings it back)"))
        self.clear_button.clicked.connect(self.clear)
        for button in (self.undo_button, self.redo_button, self.clear_button):
            button.setMinimumHeight(34)
            self.bar.addWidget(button)

    def _series_bar(self) -> None:
        bar = self.series_bar
        bar.addWidget(QLabel(self.tr("Series")))
        self.series_combo = QComboBox()
        for key, (label, _make) in SERIES.items():
            self.series_combo.addItem(tr_core(label), key)
        self.series_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.series_combo.setMinimumContentsLength(8)
        self.series_combo.setPlaceholderText(self.tr("choose…"))
        self.series_combo.setCurrentIndex(-1)
        self.series_combo.setToolTip(self.tr("Replace the series with a generated one"))
        # Choosing a series makes it: a choice that waited for Regenerate looked like nothing.
        self.series_combo.activated.connect(self.regenerate)
        bar.addWidget(self.series_combo, 1)
        self.length_spin = IntField()
        self.length_spin.setRange(MIN_LENGTH, MAX_GENERATED)
        self.length_spin.setSingleStep(LENGTH_STEP)
        self.length_spin.setValue(DEFAULT_LENGTH)
        self.length_spin.setSuffix(self.tr(" steps"))
        self.length_spin.setToolTip(self.tr("How many time steps a generated series has"))
        bar.addWidget(self.length_spin)
        bar.addWidget(QLabel(self.tr("noise")))
        self.noise_slider = QSlider(Qt.Orientation.Horizontal)
        self.noise_slider.setRange(0, 50)
        self.noise_slider.setValue(0)
        self.noise_slider.setMaximumWidth(120)
        self.noise_slider.setToolTip(self.tr("Random noise added to every step (0 – 0.5)"))
        bar.addWidget(self.noise_slider)
        self.regenerate_button = QPushButton(self.tr("Regenerate"))
        self.regenerate_button.setToolTip(
            self.tr("A new series of the chosen kind, length and noise (Ctrl+Z brings the old)")
        )
        self.regenerate_button.clicked.connect(self.regenerate)
        bar.addWidget(self.regenerate_button)

    def _series_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.canvas, 1)
        self.strip_caption = QLabel()
        self.strip_caption.setTextFormat(Qt.TextFormat.RichText)
        self.strip_caption.setVisible(False)
        self._show_strip_caption()
        column.addWidget(self.strip_caption)
        column.addWidget(self.strip)
        return page

    def _show_strip_caption(self) -> None:
        dark = int(theme.LOOK.dark)
        self.strip_caption.setText(
            self.tr(
                "Hidden state h<sub>t</sub>, a row per unit: "
                "<span style='color:{0}'>■</span> −1 … <span style='color:{1}'>■</span> +1"
            ).format(NEGATIVE_COLOR[dark], POSITIVE_COLOR[dark])
        )

    def _text_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 6, 0)  # the count's last letter clear of the edge
        self.lecture_button = QPushButton(self.tr("Lecture sentences"))
        self.lecture_button.setToolTip(
            self.tr("Put the lecture's sentences about RNNs in (Ctrl+Z brings the old text)")
        )
        self.lecture_button.setMinimumHeight(34)
        self.lecture_button.clicked.connect(self.use_lecture_text)
        row.addWidget(self.lecture_button)
        row.addStretch(1)
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        column.addLayout(row)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text_edit.setPlaceholderText(self.tr("Type the text the model learns to continue"))
        self.text_edit.setAccessibleName(self.tr("Text"))
        theme.set_font(self.text_edit, 16)  # read from the back row
        column.addWidget(self.text_edit, 1)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_PAUSE_MS)
        self._text_timer.timeout.connect(self._flush_text)
        self.text_edit.textChanged.connect(self._text_typed)
        return page

    # -- the text --------------------------------------------------------------------------

    def use_lecture_text(self) -> None:
        """The lecture's own sentences as the text (undoable)."""
        self._text_timer.stop()
        self.editor.replace(
            self.data().with_text(LECTURE_TEXT),
            QCoreApplication.translate("SequenceWorkspace", "Lecture sentences"),
        )

    def _text_typed(self) -> None:
        self._show_count(self.text_edit.toPlainText())
        self._text_timer.start()  # restarted at every keystroke: one edit per pause

    def _flush_text(self) -> None:
        """Record what was typed since the last pause as one undoable edit."""
        if not self._text_timer.isActive() and self.text_edit.toPlainText() == self.data().text:
            return
        self._text_timer.stop()
        text = self.text_edit.toPlainText()
        cut = len(text) > MAX_TEXT
        if cut:
            text = text[:MAX_TEXT]
            self._put_text(text)
        self.editor.replace(
            self.data().with_text(text),
            QCoreApplication.translate("SequenceWorkspace", "Edit text"),
        )
        if cut:
            self.count_label.setText(
                self.tr("Cut to {0} characters, the most a lesson holds").format(MAX_TEXT)
            )

    def _put_text(self, text: str) -> None:
        """Show ``text`` in the editor without it counting as typing."""
        self.text_edit.blockSignals(True)
        self.text_edit.setPlainText(text)
        self.text_edit.blockSignals(False)
        self.text_edit.moveCursor(QTextCursor.MoveOperation.End)

    def _show_count(self, text: str) -> None:
        if len(text) > MAX_TEXT:
            self.count_label.setText(
                self.tr("Too long: the most a lesson holds is {0} characters").format(MAX_TEXT)
            )
        else:
            self.count_label.setText(
                self.tr("{0} characters, {1} different").format(len(text), len(set(text)))
            )

    # -- showing the data ------------------------------------------------------------------

    def _show_data(self, data: SequenceSet) -> None:
        self.canvas.redraw(data)
        self.canvas.fit()
        if self.text_edit.toPlainText() != data.text:
            self._text_timer.stop()  # an undo, a load: the edit shows the data's text
            self._put_text(data.text)
        self._show_count(data.text)
