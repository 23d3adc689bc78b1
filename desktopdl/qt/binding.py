"""Settings ↔ widgets, declared once: a table of fields builds the form, reads it and shows it.

Each ``Field`` names an attribute of a settings dataclass (``TrainSettings`` or a lesson's
config), the label of its row and how to make its widget. ``FieldForm`` builds the rows,
returns the values as a dict (so ``TrainSettings(**form.values())``), shows a dataclass's
values with the widgets' signals blocked, and calls one callback when the teacher changes
any of them. Nothing else keeps a list of which widget holds which setting.

Widgets are read and written through ``value()``/``setValue()`` (spin boxes, and custom
editors that follow the same shape), ``currentData()`` (combo boxes) or ``isChecked()``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFormLayout,
    QWidget,
)


@dataclass(frozen=True)
class Field:
    """One setting: the dataclass attribute, its row label, and its widget's factory."""

    name: str
    label: Callable[[], str]
    make: Callable[[], QWidget]
    #: Whether the field's row is shown (a lesson can keep a setting without a control).
    visible: bool = True


def read(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    return widget.value()


def write(widget: QWidget, value: object) -> None:
    if isinstance(widget, QComboBox):
        index = widget.findData(value)
        widget.setCurrentIndex(max(index, 0))
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(bool(value))
    else:
        widget.setValue(value)


def changed_signal(widget: QWidget):
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    return widget.valueChanged


class FieldForm(QObject):
    """The rows of a QFormLayout made from a table of fields."""

    #: The teacher changed a value (not emitted by ``show``).
    changed = Signal()

    def __init__(self, fields: list[Field], layout: QFormLayout, parent: QObject | None = None):
        super().__init__(parent)
        self.fields = list(fields)
        self.layout = layout
        self.widgets: dict[str, QWidget] = {}
        self._showing = False
        for field in self.fields:
            widget = field.make()
            widget.setObjectName(field.name)
            self.widgets[field.name] = widget
            if field.visible:
                layout.addRow(field.label(), widget)
            changed_signal(widget).connect(self._changed)

    def __getitem__(self, name: str) -> QWidget:
        return self.widgets[name]

    def values(self) -> dict[str, object]:
        return {name: read(widget) for name, widget in self.widgets.items()}

    def show(self, settings: object) -> None:
        """Put a dataclass's values in the widgets, without announcing them as changes."""
        self._showing = True
        try:
            for field in dataclasses.fields(settings):
                widget = self.widgets.get(field.name)
                if widget is not None:
                    widget.blockSignals(True)
                    try:
                        write(widget, getattr(settings, field.name))
                    finally:
                        widget.blockSignals(False)
        finally:
            self._showing = False
        # Shown values can change a row's width (hidden spins); a form not on screen yet
        # would otherwise keep the old width in its cache.
        self.layout.invalidate()
        if self.layout.parentWidget() is not None:
            self.layout.parentWidget().updateGeometry()

    def _changed(self, *_args) -> None:
        if not self._showing:
            self.changed.emit()
