"""Number fields that take a typed number at its word, or refuse it out loud.

Qt's spin boxes judge every keystroke on its own: a character that would make the text
invalid is dropped, so "1e-4" typed into the learning rate became 14, "101" in a field up to
100 became 10 and "3.7" in a whole-number field 37, with nothing on screen to say so. These
fields let the teacher type the whole number, scientific notation included, and judge it
when it is committed (Enter, leaving the field, or an arrow key): a number in range is
taken exactly as typed; anything else (out of range, not a number, NaN, inf, empty,
half-typed) is refused, the field keeps its previous value, and the field shows why: a red
frame (until its next accepted number) and a tooltip, in the current language, naming the
range it takes.

While the teacher types, nothing is announced (keyboard tracking is off): a lesson never
trains on the "1" of "1e-4", and a refused "101" cannot leave the "10" typed on the way as
the field's value. A lone space is still dropped, so Space pressed in a field never blanks
it.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPen, QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QToolTip, QWidget

#: One complete number in Python's syntax: digits, an optional point, an optional exponent.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
#: The same with its whole part grouped in thousands ("10,000,000"), as the fields show it.
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?(?:[eE][+-]?\d+)?", re.ASCII)
#: What a refused text is cut to in the hint.
_SHOWN_CHARS = 24
#: The frame a refused field wears until its next accepted number (the app's error red).
REFUSED_COLOR = QColor("#D0102B")
_FRAME_WIDTH = 2.0


def read_number(text: str, locale: QLocale) -> str | None:
    """``text`` as one number in Python's syntax ("-1e-4", "10000"), or None when it is not
    exactly one complete number: letters, NaN, inf, a stray sign, a half-typed "1e-".

    The locale's decimal point, group separator and signs are read as the field shows them;
    a group separator counts only in thousands groups, so "1,0" is refused, not read as 10."""
    point, group = locale.decimalPoint(), locale.groupSeparator()
    mapping = {"\u2212": "-"}  # the minus sign the app's own texts use ("−10 to 10")
    if point != ".":
        mapping[point] = "."
        if group == ".":
            mapping["."] = ","
    if group not in (",", point):
        mapping[group] = ","
    if locale.negativeSign() != "-":
        mapping[locale.negativeSign()] = "-"
    if locale.positiveSign() != "+":
        mapping[locale.positiveSign()] = "+"
    canonical = text.translate(str.maketrans(mapping))
    if _NUMBER.fullmatch(canonical):
        return canonical
    if _GROUPED.fullmatch(canonical):
        return canonical.replace(",", "")
    return None


class _TypedNumber:
    """What both fields share: reading the typed text, refusing it visibly, the hint.

    Mixed into a ``QSpinBox``/``QDoubleSpinBox`` subclass, which provides ``_read`` (the
    number in the text, or None) and ``_rule`` (the sentence saying what the field takes)."""

    def _start_refusing(self) -> None:
        self._base_tip = ""
        #: The text last refused, while its hint shows; None when the field is fine.
        self._refused: str | None = None
        self.setKeyboardTracking(False)
        self.valueChanged.connect(self._clear_refusal)

    # The text ----------------------------------------------------------------------------

    def _core(self, text: str) -> str:
        """The typed number without the field's prefix and suffix ("+100", "200 steps")."""
        prefix, suffix = self.prefix(), self.suffix()
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        if suffix and text.endswith(suffix):
            text = text[: len(text) - len(suffix)]
        return text

    def _is_special(self, core: str) -> bool:
        special = self.specialValueText()
        return bool(special) and core.strip() == special.strip()

    def _number(self, core: str) -> float | int | None:
        """The number the text holds if the field takes it, else None."""
        if self._is_special(core):
            return self.minimum()
        value = self._read(core.strip())
        if value is None or not self.minimum() <= value <= self.maximum():
            return None
        return value if self._fits(value) else None

    def _fits(self, value: float | int) -> bool:
        return True

    def validate(self, text: str, pos: int) -> QValidator.State:  # noqa: ARG002 - Qt's signature
        """Acceptable for a number the field takes; Intermediate for everything else, so no
        keystroke is dropped; Invalid only for blanks alone (Space never erases the field)."""
        core = self._core(text)
        if core and not core.strip():
            return QValidator.State.Invalid
        if self._number(core) is not None:
            return QValidator.State.Acceptable
        return QValidator.State.Intermediate

    def fixup(self, text: str) -> str:
        """Nothing is corrected silently (Qt's own removes stray group separators: "1,0"
        became 10): what is not taken as typed is refused."""
        return text

    def valueFromText(self, text: str) -> float | int:  # noqa: N802 - Qt's name
        value = self._number(self._core(text))
        return self.value() if value is None else value

    # Committing --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._commit(lambda: super(_TypedNumber, self).keyPressEvent(event))
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        self._commit(lambda: super(_TypedNumber, self).focusOutEvent(event))

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt's name
        """An arrow key over a refused text steps nothing (Qt's rule) and says why."""
        text = self.lineEdit().displayText()
        if self.validate(text, len(text)) != QValidator.State.Acceptable:
            self._commit(lambda: super(_TypedNumber, self).stepBy(steps))
        else:
            super().stepBy(steps)

    def _commit(self, handle) -> None:
        """Let Qt interpret the text (it keeps the previous value when the text is not
        Acceptable), then show or clear the hint for what was typed."""
        text = self.lineEdit().displayText()
        refused = self.validate(text, len(text)) != QValidator.State.Acceptable
        handle()
        if refused:
            self._show_refusal(self._core(text).strip())
        else:
            self._clear_refusal()

    # The hint ----------------------------------------------------------------------------

    def refusal(self) -> str:
        """The hint the field shows now, or "" when it took what was typed."""
        return "" if self._refused is None else self._hint(self._refused)

    def _hint(self, typed: str) -> str:
        translate = QCoreApplication.translate
        if not typed:
            lead = translate("NumberField", "An empty field is not a number.")
        else:
            shown = typed if len(typed) <= _SHOWN_CHARS else typed[: _SHOWN_CHARS - 1] + "…"
            lead = translate("NumberField", "“{0}” was not taken.").format(shown)
        parts = [lead, self._rule(typed)]
        special = self.specialValueText()
        if special:
            meaning = translate("NumberField", "{0} means “{1}”.")
            parts.append(meaning.format(self._plain(self.minimum()), special))
        kept = translate("NumberField", "The previous value stays: {0}.")
        parts.append(kept.format(self.text()))
        return " ".join(parts)

    def _range_words(self) -> tuple[str, str]:
        return self._plain(self.minimum()), self._plain(self.maximum())

    def _plain(self, value: float | int) -> str:
        return self.textFromValue(value)

    def _show_refusal(self, typed: str) -> None:
        self._refused = typed
        self._show_tip()
        self.update()
        if self.isVisible():
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), self.refusal(), self)

    def _clear_refusal(self, *_args) -> None:
        if self._refused is None:
            return
        self._refused = None
        self._show_tip()
        self.update()

    def _show_tip(self) -> None:
        hint = self.refusal()
        tip = "\n\n".join(part for part in (hint, self._base_tip) if part)
        super().setToolTip(tip)

    def setValue(self, value: float) -> None:  # noqa: N802 - Qt's name
        """A value set by the app (a lesson opened, the slider moved) replaces what was
        refused: the old hint would name a value no longer there."""
        self._clear_refusal()
        super().setValue(value)

    def setToolTip(self, tip: str) -> None:  # noqa: N802 - Qt's name
        """The field's own tooltip; a hint showing stays above it."""
        self._base_tip = tip
        self._show_tip()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """A refused field wears a red frame over its own (drawn, not a style sheet: a
        style sheet's border would also flatten the arrows into plain boxes)."""
        super().paintEvent(event)
        if self._refused is None:
            return
        painter = QPainter(self)
        pen = QPen(REFUSED_COLOR, _FRAME_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        inset = _FRAME_WIDTH / 2
        painter.drawRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset))
        painter.end()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self._refused is not None:
            self._show_tip()  # the hint in the new language


class IntField(_TypedNumber, QSpinBox):
    """A whole-number field: "3.7" is refused, not read as 37; "1e3" and "3.0" are taken."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._start_refusing()

    def _read(self, core: str) -> int | None:
        number = read_number(core, self.locale())
        if number is None:
            return None
        if re.fullmatch(r"[+-]?\d+", number, re.ASCII):
            try:
                return int(number)
            except ValueError:  # more digits than Python converts: far beyond any range
                return None
        value = float(number)
        return int(value) if math.isfinite(value) and value.is_integer() else None

    def _rule(self, typed: str) -> str:  # noqa: ARG002 - same shape as RealField's
        return QCoreApplication.translate(
            "NumberField", "Type a whole number from {0} to {1}."
        ).format(*self._range_words())


class RealField(_TypedNumber, QDoubleSpinBox):
    """A real-number field that takes scientific notation ("1e-4").

    ``setDecimals`` sets how many decimals it always shows; ``keep_decimals`` how many it
    keeps of a typed or set number (at least those shown), so a weight decay of 1e-5 in a
    field showing 4 decimals is kept, not rounded to "off". A number with more decimals than
    the field keeps is refused rather than rounded. Fields that show computed values (click
    positions, float32 kernels) keep only what they show."""

    def __init__(self, parent: QWidget | None = None, keep_decimals: int = 0):
        super().__init__(parent)
        self._keep = keep_decimals
        self._shown = self.decimals()
        self._start_refusing()
        self.setDecimals(self._shown)

    def setDecimals(self, decimals: int) -> None:  # noqa: N802 - Qt's name
        self._shown = decimals
        super().setDecimals(max(decimals, self._keep))

    def shownDecimals(self) -> int:  # noqa: N802 - Qt's naming, beside decimals()
        return self._shown

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt's name
        """At least the decimals shown, more only where the value has them."""
        text = super().textFromValue(value)
        point = self.locale().decimalPoint()
        if point not in text:
            return text
        whole, fraction = text.split(point, 1)
        fraction = fraction.rstrip("0").ljust(self._shown, "0")
        return f"{whole}{point}{fraction}" if fraction else whole

    def _read(self, core: str) -> float | None:
        number = read_number(core, self.locale())
        if number is None:
            return None
        value = float(number)
        return value if math.isfinite(value) else None

    def _fits(self, value: float) -> bool:
        """Whether the field holds ``value`` to its last digit (it keeps ``decimals()``)."""
        return abs(round(value, self.decimals()) - value) <= abs(value) * 1e-9

    def _plain(self, value: float) -> str:
        text = super().textFromValue(value)
        point = self.locale().decimalPoint()
        return text.rstrip("0").rstrip(point) if point in text else text

    def _rule(self, typed: str) -> str:
        value = self._read(self._core(typed).strip())
        if value is not None and self.minimum() <= value <= self.maximum():
            return QCoreApplication.translate(
                "NumberField", "This field keeps at most {0} decimals."
            ).format(self.decimals())
        return QCoreApplication.translate(
            "NumberField", "Type a number from {0} to {1}, such as 0.001 or 1e-3."
        ).format(*self._range_words())
