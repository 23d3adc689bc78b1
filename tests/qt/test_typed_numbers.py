"""Numbers typed into the fields are taken as typed, or refused where the teacher can see it.

Qt's spin boxes dropped every keystroke that made the text invalid, so "1e-4" became 14,
"101" in a field up to 100 became 10, "3.7" steps became 37 and 5001 points 500, silently.
These tests type with real key events, as a teacher does, and press Enter.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QToolTip

from desktopdl.qt.number_fields import IntField, RealField
from desktopdl.qt.panels import LearningRateEditor, double_spin_box, spin_box

REFUSED_RED = QColor("#D0102B")


def type_into(spin: QAbstractSpinBox, text: str) -> None:
    """Replace the field's number with ``text``, key by key, and press Enter."""
    spin.setFocus()
    spin.selectAll()
    QTest.keyClick(spin, Qt.Key.Key_Delete)
    for char in text:
        if " " <= char <= "~":
            QTest.keyClicks(spin, char)
        else:  # QTest types Latin-1 only: a key event carrying the character, as an IME sends
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(spin, event)
    QTest.keyClick(spin, Qt.Key.Key_Return)


def red_pixels(spin: QAbstractSpinBox) -> int:
    """How many pixels of the field are drawn in the refusal's red."""
    image = spin.grab().toImage()
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if _close(image.pixelColor(x, y), REFUSED_RED)
    )


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 60


def assert_refused(qtbot, spin: QAbstractSpinBox, typed: str, range_words: tuple[str, str]):
    """The hint is on screen and in the field's tooltip: what was typed and what it takes."""
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    for shown in (QToolTip.text(), spin.toolTip()):
        assert f"“{typed}”" in shown
        assert all(word in shown for word in range_words), shown
    assert red_pixels(spin) > 2 * spin.height()  # a red frame, not a stray pixel


def test_a_learning_rate_typed_as_1e_minus_4_reaches_the_lesson_and_101_is_refused(
    open_lesson, qtbot
):
    tab = open_lesson("linear")
    spin = tab.lr_spin
    type_into(spin, "1e-4")
    assert spin.value() == pytest.approx(1e-4, rel=1e-12)
    qtbot.waitUntil(lambda: tab.worker_settings.learning_rate == pytest.approx(1e-4, rel=1e-12))
    assert red_pixels(spin) == 0

    type_into(spin, "101")  # the field takes up to 100: not 10, not 100
    assert spin.value() == pytest.approx(1e-4, rel=1e-12)
    assert tab.worker_settings.learning_rate == pytest.approx(1e-4, rel=1e-12)
    assert_refused(qtbot, spin, "101", ("0.00001", "100"))

    type_into(spin, "0.03")  # a number it takes clears the hint
    assert tab.worker_settings.learning_rate == pytest.approx(0.03)
    assert red_pixels(spin) == 0 and "“101”" not in spin.toolTip()


def test_steps_of_3_7_and_5001_points_are_refused_not_read_as_37_and_500(open_lesson, qtbot):
    tab = open_lesson("network")
    steps = tab.steps_spin
    before = steps.value()
    type_into(steps, "3.7")
    assert steps.value() == before and tab.worker_settings.max_steps == before
    assert_refused(qtbot, steps, "3.7", ("whole number", "10,000,000"))

    points = tab.workspace.points_spin
    shown = points.value()
    type_into(points, "5001")
    assert points.value() == shown
    assert_refused(qtbot, points, "5001", ("10", "5000"))
    type_into(points, "1e3")  # a whole number in scientific notation is a whole number
    assert points.value() == 1000


# -- any text, every kind of field ----------------------------------------------------------


def _learning_rate() -> RealField:
    editor = LearningRateEditor()
    editor.spin.editor = editor  # the field lives in the editor: keep the editor alive
    return editor.spin


def _temperature() -> RealField:
    spin = RealField(keep_decimals=10)  # as the RNN lesson makes it
    spin.setRange(0.0, 3.0)
    spin.setDecimals(1)
    return spin


def _kernel_weight() -> RealField:
    spin = RealField()  # keeps what it shows, like the kernel playground's nine numbers
    spin.setRange(-10.0, 10.0)
    spin.setDecimals(2)
    return spin


def _length() -> IntField:
    spin = IntField()
    spin.setRange(20, 2000)
    spin.setSuffix(" steps")
    return spin


FIELDS = {
    "learning rate": _learning_rate,
    "weight decay (special 'off')": lambda: double_spin_box(0.0, 1.0, 0.001, 4, "off"),
    "temperature": _temperature,
    "kernel weight": _kernel_weight,
    "steps (grouped, special 'no limit')": lambda: spin_box(0, 10_000_000, "no limit", group=True),
    "seed": lambda: spin_box(0, 2_147_483_647),
    "series length (suffix)": _length,
}

HOSTILE = [
    "",
    " ",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "Infinity",
    "1e400",
    "-1e400",
    "1e-400",
    "-1",
    "-0",
    "1e-4",
    "1e-",
    "e",
    "101",
    "3.7",
    "5001",
    "1,000",
    "1,0",
    "99999999999999999999",
    "9" * 400,
    "1_000",
    "0x10",
    "١٢",  # Arabic-Indic digits
    "１２",  # full-width digits
    "²",
    "½",
    "−1",  # the minus sign of the app's own texts
    "no limit",
    "off",
]
#: Characters numbers are made of, and ones they are not.
ALPHABET = "0123456789.,eE+- naifxNI_١٢５²½−"
texts = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(alphabet=ALPHABET, max_size=14),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(max_size=6).filter(lambda t: all(c.isprintable() for c in t)),
)


def typed_number(text: str, special: str) -> float | None:
    """What the text means as a number, read independently of the field (Python's float;
    group commas and the minus sign allowed), or None where it means none."""
    if special and text.strip() == special:
        return None
    try:
        return float(text.replace(",", "").replace("−", "-"))
    except ValueError:
        return None


@pytest.mark.parametrize("kind", list(FIELDS))
def test_any_typed_text_leaves_the_previous_value_or_the_typed_number(qtbot, kind):
    spin = FIELDS[kind]()
    qtbot.addWidget(spin)
    spin.show()
    qtbot.waitExposed(spin)
    low, high = spin.minimum(), spin.maximum()
    whole = isinstance(spin, IntField)

    @settings(
        max_examples=60,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(text=texts, start=st.floats(min_value=0.0, max_value=1.0))
    def check(text: str, start: float) -> None:
        spin.setValue(round(low + (high - low) * start) if whole else low + (high - low) * start)
        previous = spin.value()
        type_into(spin, text)
        value = spin.value()
        assert math.isfinite(value) and low <= value <= high
        if value == previous:
            return
        if spin.specialValueText() and text.strip() == spin.specialValueText():
            assert value == low
            return
        meant = typed_number(text, spin.specialValueText())
        assert meant is not None, f"{text!r} turned {previous} into {value}"
        if whole:
            assert value == meant, f"{text!r} became {value}"
        else:
            assert math.isclose(value, meant, rel_tol=1e-9), f"{text!r} became {value}"

    check()


def test_space_keeps_the_field_and_arrow_keys_still_step_adaptively(qtbot):
    """What worked before stays: Space typed over a selected number leaves it (it is the
    Train key, pressed by habit), ↑ steps the learning rate by a tenth of its leading digit,
    Page Up by ten steps."""
    spin = _learning_rate()
    qtbot.addWidget(spin.editor)
    spin.editor.show()
    spin.setValue(0.01)
    spin.setFocus()
    spin.selectAll()
    QTest.keyClick(spin, Qt.Key.Key_Space)
    assert spin.text() == "0.01000"
    QTest.keyClick(spin, Qt.Key.Key_Return)
    assert spin.value() == pytest.approx(0.01) and red_pixels(spin) == 0
    QTest.keyClick(spin, Qt.Key.Key_Up)
    assert spin.value() == pytest.approx(0.011)
    QTest.keyClick(spin, Qt.Key.Key_PageUp)
    assert spin.value() == pytest.approx(0.021)
