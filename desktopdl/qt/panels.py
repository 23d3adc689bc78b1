"""The panels a lesson page is built from: ① Model, ② Train and ③ Test.

Each is a small widget that knows nothing of any particular lesson: the Model panel shows the
lesson's formulas and a form made from the fields the page gives it (the learning rate, the
optimizer and the lesson's own config fields), the Train panel the buttons, the training
settings and the live read-outs, the Test panel the inputs and the answer. The page
(``LessonTab``) wires them to the training thread.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktopdl.core import device as devices
from desktopdl.core.trainer import MAX_VALIDATION_SHARE, OPTIMIZERS
from desktopdl.qt import theme
from desktopdl.qt.binding import Field, FieldForm
from desktopdl.qt.number_fields import IntField, RealField

#: (label, steps per second or None for full speed).
SPEEDS = (None, 1000.0, 200.0, 50.0, 10.0, 2.0)
DEFAULT_SPEED = 200.0
#: Choices for "stop when the cost changes by less than ε" (0 = never).
EPSILONS = (0.0, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8)
#: The learning-rate slider spans 10^-4 … 10^1 in this many notches.
LR_SLIDER_STEPS = 100
LR_LOG_MIN, LR_LOG_MAX = -4.0, 1.0
#: Decimals the settings' real-number fields keep of a typed or loaded number, whatever they
#: show: a learning rate of 1.5e-5 stays 1.5e-5, a weight decay of 1e-5 in a field showing 4
#: decimals is not rounded to "off".
KEPT_DECIMALS = 10


class LearningRateEditor(QWidget):
    """A number field and a log-scale slider that move together; one value."""

    valueChanged = Signal(float)  # noqa: N815 - Qt's naming, so the binding treats it as a spin

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.spin = RealField(keep_decimals=KEPT_DECIMALS)
        self.spin.setDecimals(5)
        self.spin.setRange(0.00001, 100.0)
        self.spin.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
        self.spin.setToolTip(self.tr("How far each step moves W and b against the gradient"))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, LR_SLIDER_STEPS)
        self.slider.setToolTip(self.tr("Learning rate on a log scale, 0.0001 … 10"))
        layout.addWidget(self.spin)
        layout.addWidget(self.slider)
        self.spin.valueChanged.connect(self._spin_moved)
        self.slider.valueChanged.connect(self._slider_moved)

    def value(self) -> float:
        return self.spin.value()

    def setValue(self, value: float) -> None:  # noqa: N802 - Qt's naming
        self.spin.setValue(value)
        self._show_on_slider(self.spin.value())

    def _spin_moved(self, value: float) -> None:
        self._show_on_slider(value)
        self.valueChanged.emit(value)

    def _show_on_slider(self, value: float) -> None:
        position = (math.log10(max(value, 1e-12)) - LR_LOG_MIN) / (LR_LOG_MAX - LR_LOG_MIN)
        self.slider.blockSignals(True)
        self.slider.setValue(round(min(max(position, 0.0), 1.0) * LR_SLIDER_STEPS))
        self.slider.blockSignals(False)

    def _slider_moved(self, position: int) -> None:
        exponent = LR_LOG_MIN + (LR_LOG_MAX - LR_LOG_MIN) * position / LR_SLIDER_STEPS
        self.spin.setValue(float(f"{10**exponent:.2g}"))


def combo_box(items: list[tuple[str, object]], tooltip: str = "") -> QComboBox:
    """A combo of (label, data) items: the binding reads and writes its ``currentData``."""
    combo = QComboBox()
    for label, data in items:
        combo.addItem(label, data)
    if tooltip:
        combo.setToolTip(tooltip)
    return combo


def spin_box(
    low: int, high: int, special: str = "", tooltip: str = "", group: bool = False
) -> IntField:
    """A whole-number field; ``special`` is shown at its lowest value ("off", "none").
    Typed text is taken as typed or refused with a hint (``number_fields``)."""
    spin = IntField()
    spin.setRange(low, high)
    if special:
        spin.setSpecialValueText(special)
    if tooltip:
        spin.setToolTip(tooltip)
    spin.setGroupSeparatorShown(group)
    return spin


def optimizer_fields() -> list[Field]:
    """The rows of ① Model that every lesson has: how the parameters move."""
    return [
        Field(
            "learning_rate",
            lambda: QCoreApplication.translate("LessonTab", "Learning rate:"),
            LearningRateEditor,
        ),
        Field(
            "optimizer",
            lambda: QCoreApplication.translate("LessonTab", "Optimizer:"),
            lambda: combo_box(
                [(name, name) for name in OPTIMIZERS],
                QCoreApplication.translate(
                    "LessonTab",
                    "SGD: torch.optim.SGD · Momentum: SGD(momentum=0.9) · Adam: torch.optim.Adam",
                ),
            ),
        ),
    ]


def _device_labels() -> dict[str, str]:
    return {
        "auto": QCoreApplication.translate("LessonTab", "Auto"),
        "cpu": "CPU",
        "cuda": QCoreApplication.translate("LessonTab", "CUDA (NVIDIA GPU)"),
        "mps": QCoreApplication.translate("LessonTab", "MPS (Apple)"),
    }


def training_fields() -> list[Field]:
    """The rows of ② Train: when to stop, how many points per step, where to train."""
    return [
        Field(
            "max_steps",
            lambda: QCoreApplication.translate("LessonTab", "Stop after steps:"),
            lambda: spin_box(
                0, 10_000_000, QCoreApplication.translate("LessonTab", "no limit"), group=True
            ),
        ),
        Field(
            "min_cost_change",
            lambda: QCoreApplication.translate("LessonTab", "Stop when |Δcost| <"),
            lambda: combo_box(
                [
                    (QCoreApplication.translate("LessonTab", "never") if not e else f"{e:g}", e)
                    for e in EPSILONS
                ],
                QCoreApplication.translate(
                    "LessonTab", "Stop when the cost changes by less than ε in one step"
                ),
            ),
        ),
        Field(
            "batch_size",
            lambda: QCoreApplication.translate("LessonTab", "Batch size:"),
            lambda: spin_box(
                0,
                100_000,
                QCoreApplication.translate("LessonTab", "full batch"),
                QCoreApplication.translate(
                    "LessonTab", "Points per step; 'full batch' uses every point (the lecture)"
                ),
            ),
        ),
        Field(
            "seed",
            lambda: QCoreApplication.translate("LessonTab", "Seed:"),
            lambda: spin_box(
                0,
                2_147_483_647,
                tooltip=QCoreApplication.translate(
                    "LessonTab", "torch.manual_seed(seed): the same seed gives the same start"
                ),
            ),
        ),
        Field(
            "device",
            lambda: QCoreApplication.translate("LessonTab", "Device:"),
            lambda: combo_box([(_device_labels()[c], c) for c in devices.offered_choices()]),
        ),
    ]


def validation_fields() -> list[Field]:
    """Rows of ② Train for lessons that hold data out: how much, and how often it is judged."""
    return [
        Field(
            "validation_share",
            lambda: QCoreApplication.translate("LessonTab", "Validation share:"),
            lambda: double_spin_box(
                0.0,
                MAX_VALIDATION_SHARE,
                0.05,
                2,
                QCoreApplication.translate("LessonTab", "none"),
                QCoreApplication.translate(
                    "LessonTab",
                    "Share of the data held out for validation: the model never trains on it",
                ),
            ),
        ),
        Field(
            "validation_every",
            lambda: QCoreApplication.translate("LessonTab", "Validate every (steps):"),
            lambda: spin_box(
                1,
                10_000,
                tooltip=QCoreApplication.translate(
                    "LessonTab", "How often the held-out data is evaluated"
                ),
            ),
        ),
    ]


def double_spin_box(
    low: float, high: float, step: float, decimals: int, special: str = "", tooltip: str = ""
) -> RealField:
    """A number field, scientific notation included; ``special`` is shown at its lowest
    value ("off", "none"); ``decimals`` are always shown, up to ``KEPT_DECIMALS`` kept."""
    spin = RealField(keep_decimals=KEPT_DECIMALS)
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setDecimals(decimals)
    if special:
        spin.setSpecialValueText(special)
    if tooltip:
        spin.setToolTip(tooltip)
    return spin


class ModelPanel(QGroupBox):
    """① Model: H(x) and its cost as the lecture writes them, the live equation, and the
    form of the model's choices."""

    def __init__(
        self,
        formula: str,
        cost_formula: str,
        fields: list[Field],
        config_fields: list[Field],
        parent=None,
    ):
        super().__init__(self.tr("① Model"), parent)
        layout = QVBoxLayout(self)
        self.formula_label = QLabel(theme.rich(formula))
        theme.set_font(self.formula_label, 18, bold=True)
        self.formula_label.setWordWrap(True)
        layout.addWidget(self.formula_label)
        self.cost_label = QLabel(theme.rich(cost_formula))
        self.cost_label.setWordWrap(True)
        layout.addWidget(self.cost_label)
        self.equation_label = QLabel()
        for label in (self.formula_label, self.cost_label, self.equation_label):
            label.setTextFormat(Qt.TextFormat.RichText)
        theme.set_font(self.equation_label, 14)
        self.equation_label.setWordWrap(True)
        self.equation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.equation_label)
        self.form_layout = QFormLayout()
        #: Rows of TrainSettings (learning rate, optimizer), then of the lesson's config.
        self.form = FieldForm(fields, self.form_layout, self)
        self.config_form = FieldForm(config_fields, self.form_layout, self)
        layout.addLayout(self.form_layout)


class TrainPanel(QGroupBox):
    """② Train: Train/Step/Reset, the training settings, and the live numbers."""

    def __init__(self, fields: list[Field], parent=None):
        super().__init__(self.tr("② Train"), parent)
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.train_button = QPushButton(self.tr("Train"))
        self.train_button.setToolTip(self.tr("Start or pause training (Space)"))
        self.step_button = QPushButton(self.tr("Step →"))
        self.step_button.setToolTip(self.tr("One training step (→)"))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("New start from the seed (R)"))
        for button in (self.train_button, self.step_button, self.reset_button):
            theme.set_font(button, 13, bold=button is self.train_button)
            button.setMinimumHeight(44)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._running_shown: bool | None = None
        self.show_running(False)
        form = QFormLayout()
        self.form = FieldForm(fields, form, self)
        self.step_by_combo = combo_box(
            [(self.tr("one iteration"), "iteration"), (self.tr("one phase (①…⑦)"), "phase")],
            self.tr("What Step (→) does: a whole iteration, or one phase of it"),
        )
        form.addRow(self.tr("Step does:"), self.step_by_combo)
        self.speed_combo = combo_box(
            [
                (
                    self.tr("Full speed")
                    if rate is None
                    else self.tr("{0} steps/s").format(f"{rate:g}"),
                    rate,
                )
                for rate in SPEEDS
            ]
        )
        self.speed_combo.setCurrentIndex(self.speed_combo.findData(DEFAULT_SPEED))
        form.addRow(self.tr("Speed:"), self.speed_combo)
        layout.addLayout(form)
        self.phase_label = QLabel()
        self.phase_label.setWordWrap(True)
        self.phase_label.setTextFormat(Qt.TextFormat.RichText)
        self.phase_label.setStyleSheet(
            "background: #FFF8DC; color: #111111; border: 1px solid #C8B560; padding: 4px;"
        )
        self.phase_label.setVisible(False)
        layout.addWidget(self.phase_label)
        self.log_check = QCheckBox(self.tr("Cost axis on a log scale"))
        layout.addWidget(self.log_check)

    # These run for every snapshot (~36 a second), so they touch a widget only when what it
    # shows changes: a style sheet or icon set again costs the GUI thread (and, through the
    # GIL, the training thread) for nothing.

    def show_running(self, running: bool) -> None:
        if running == self._running_shown:
            return
        self._running_shown = running
        pixmaps = QStyle.StandardPixmap
        icon = pixmaps.SP_MediaPause if running else pixmaps.SP_MediaPlay
        self.train_button.setIcon(self.style().standardIcon(icon))
        self.train_button.setText(self.tr("Pause") if running else self.tr("Train"))


class Readout(QWidget):
    """The numbers the class is there to see: step, cost, accuracy, what the trainer says
    and the last test answer. The page keeps it out of the scrolling controls, so it is on
    screen at every size and presenter scale; the presenter layout shows it large."""

    #: Point sizes at presenter scale 1; the presenter layout multiplies them.
    SIZES = {"headline": 16, "text": 12, "test": 16}
    LARGE = 1.6

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.step_label = QLabel()
        self.cost_label = QLabel()
        self.accuracy_label = QLabel()
        for label in (self.step_label, self.cost_label, self.accuracy_label):
            layout.addWidget(label)
        self.accuracy_label.setVisible(False)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout.addWidget(self.message_label)
        self.test_result = QLabel(
            self.tr("Click the canvas in Test mode, or type x and press Predict.")
        )
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.test_result)
        self.test_detail = QLabel()
        self.test_detail.setWordWrap(True)
        self.test_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.test_detail)
        #: Where a lesson adds its own test read-outs (probability bars).
        self.extras = QVBoxLayout()
        layout.addLayout(self.extras)
        self._message_shown: tuple[str, bool] | None = None
        self.large = False
        #: Until the first test the line holds a hint, in the text size, not a headline.
        self.has_result = False
        self.restyle()

    def set_large(self, large: bool) -> None:
        self.large = large
        self.restyle()

    def restyle(self) -> None:
        self.setMinimumHeight(0)
        factor = self.LARGE if self.large else 1.0
        for label in (self.step_label, self.cost_label, self.accuracy_label):
            theme.set_font(label, self.SIZES["headline"] * factor, bold=True)
        theme.set_font(self.message_label, self.SIZES["text"] * factor)
        size = self.SIZES["test" if self.has_result else "text"] * factor
        theme.set_font(self.test_result, size, bold=self.has_result)
        detail = theme.font(self.SIZES["text"] * factor)
        detail.setFamilies(["DejaVu Sans Mono", "monospace"])
        self.test_detail.setFont(detail)

    def clear_result(self) -> None:
        """Back to the hint: a deck's next slide does not show the last slide's answer."""
        self.test_result.setText(
            self.tr("Click the canvas in Test mode, or type x and press Predict.")
        )
        self.test_detail.clear()
        if self.has_result:
            self.has_result = False
            self.restyle()

    def expect_result(self) -> None:
        """A test answer follows: the line becomes a headline (it stays one)."""
        if not self.has_result:
            self.has_result = True
            self.restyle()

    def show_message(self, text: str, error: bool = False) -> None:
        if (text, error) == self._message_shown:
            return
        self._message_shown = (text, error)
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #D0102B; font-weight: bold;" if error else "")
        self.hold_height()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            # Another width wraps the texts anew: hold what they need now.
            QTimer.singleShot(0, self._refit)

    def _refit(self) -> None:
        self.setMinimumHeight(0)
        self.hold_height()

    def hold_height(self) -> None:
        """Keep the tallest height shown so far: a message that gets shorter must not move
        the controls below it while the teacher reaches for them (a restyle starts afresh)."""
        layout = self.layout()
        width = self.width()
        needed = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth() and width > 0
            else layout.totalSizeHint().height()
        )
        if needed > self.minimumHeight():
            self.setMinimumHeight(needed)


class TestPanel(QGroupBox):
    """③ Test: click the canvas in Test mode or type the input (the answer shows in the
    Readout, which never scrolls away)."""

    #: The teacher typed an input and pressed Enter or Predict.
    typed = Signal()

    def __init__(self, input_names: tuple[str, ...], parent=None):
        super().__init__(self.tr("③ Test"), parent)
        layout = QVBoxLayout(self)
        self.test_mode_button = QPushButton(self.tr("Test mode: click the canvas"))
        self.test_mode_button.setCheckable(True)
        self.test_mode_button.setStyleSheet(
            "QPushButton:checked { background: #F0E442; border: 2px solid black;"
            " font-weight: bold; }"
        )
        layout.addWidget(self.test_mode_button)
        inputs = QHBoxLayout()
        self.spins: list[RealField] = []
        for name in input_names:
            spin = RealField()  # keeps what it shows: a click gives x to 2 decimals
            spin.setRange(-999.0, 999.0)
            spin.setDecimals(2)
            spin.editingFinished.connect(self.typed)
            inputs.addWidget(QLabel(theme.rich(f"{name} =")))
            inputs.addWidget(spin, 1)
            self.spins.append(spin)
        self.predict_button = QPushButton(self.tr("Predict"))
        self.predict_button.clicked.connect(self.typed)
        inputs.addWidget(self.predict_button)
        layout.addLayout(inputs)

    def values(self) -> tuple[float, ...]:
        return tuple(spin.value() for spin in self.spins)

    def show_input(self, values: tuple[float, ...]) -> None:
        for spin, value in zip(self.spins, values, strict=False):
            spin.setValue(value)


class _WheelGuard(QObject):
    """Wheel events over a field the teacher is not typing in scroll the panel instead of
    changing the value (Qt gives them to any spin box, combo box or slider under the
    pointer: scrolling the side panel silently set the speed to 2 steps/s)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Wheel and not watched.hasFocus():
            event.ignore()  # not accepted: Qt hands it on to the parent, the scroll area
            return True
        return False


_WHEEL_GUARD = _WheelGuard()


def guard_fields(root: QWidget) -> None:
    """Make every number field, choice and slider under ``root`` safe in front of a class:
    the wheel changes it only while it has focus, and after Enter (or leaving it) a number
    field gives the focus back, so Space trains again instead of typing into it."""
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QAbstractSpinBox, QComboBox, QSlider)):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.installEventFilter(_WHEEL_GUARD)
        if isinstance(widget, QAbstractSpinBox) and not widget.property("dl_guarded"):
            widget.setProperty("dl_guarded", True)
            widget.editingFinished.connect(widget.clearFocus)
