"""Workspaces: the left side of a lesson page, where the class makes the data.

The page picks one by the lesson's data kind (``WORKSPACES``): 2-D points get the point
canvas with its class buttons, undo/redo, Clear and the data-set generator. Image sets (a
drawing pad) and sequences (a sequence editor) add a workspace class and one entry here.
Every workspace offers the same few things to the page: the data and a signal when it
changes, undoable replacement, a plot the lesson's overlays draw on, the visible region,
and clicks in Test mode.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktopdl.core import datasets
from desktopdl.core.data import Dataset, PointSet
from desktopdl.core.images import ImageSet
from desktopdl.core.sequences import SequenceSet
from desktopdl.core.views import Rect
from desktopdl.qt import theme
from desktopdl.qt.canvas import PointCanvas
from desktopdl.qt.i18n import tr_core
from desktopdl.qt.image_workspace import ImageWorkspace
from desktopdl.qt.number_fields import IntField
from desktopdl.qt.sequence_workspace import SequenceWorkspace
from desktopdl.qt.undo import undo_redo_buttons

#: Above this many classes the class buttons show only the class number and its key (the
#: tooltip says the rest): three full labels beside the Data chooser made the window wider
#: than a 1024-pixel projector.
COMPACT_ABOVE = 2


class PointWorkspace(QWidget):
    """The point canvas, and the bar above it that edits the points."""

    #: The data changed (an edit, an undo, a load): the new immutable PointSet.
    data_changed = Signal(object)
    #: The visible region changed: surfaces must follow.
    view_changed = Signal(object)  # Rect
    #: A click in Test mode at (x, y).
    test_clicked = Signal(float, float)
    #: The teacher replaced the data wholesale (Clear, a generated set): the old run, its
    #: curve and its labels no longer describe what is on the canvas. Carries a title for
    #: the new data ("" when there is none).
    replaced = Signal(str)

    def __init__(self, classes: int, offers_datasets: bool, parent: QWidget | None = None):
        """``classes``: the most point classes the canvas offers (0: regression points)."""
        super().__init__(parent)
        self.canvas = PointCanvas(classes)
        self.editor = self.canvas.editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        #: The page puts the Data chooser at the start of this bar.
        self.bar = QHBoxLayout()
        layout.addLayout(self.bar)
        self._class_bar(classes)
        self._edit_buttons()
        self.dataset_bar = self._dataset_bar() if offers_datasets else None
        if self.dataset_bar is not None:
            layout.addLayout(self.dataset_bar)
        layout.addWidget(self.canvas, 1)
        self.editor.changed.connect(self.data_changed)
        self.editor.changed.connect(self.show_count)
        self.canvas.view_changed.connect(self.view_changed)
        self.canvas.test_clicked.connect(self.test_clicked)
        self._dataset_seed = 0
        self._classes = 0

    # -- what every workspace offers the page -----------------------------------------------

    def data(self) -> PointSet:
        return self.editor.points

    @property
    def undo_stack(self):
        """The edits, for Ctrl+Z / Ctrl+Shift+Z (the window groups every lesson's stack)."""
        return self.editor.undo_stack

    def set_data(self, data: Dataset, undo_text: str | None = None) -> None:
        """Show new data: undoable with ``undo_text``, else as a fresh start (undo cleared)."""
        self.editor.show(data, undo_text)

    def plot_item(self):
        return self.canvas.getPlotItem()

    def visible_rect(self) -> Rect:
        return self.canvas.visible_rect()

    def set_view(self, view: tuple[float, float, float, float] | None, data: Dataset) -> None:
        self.canvas.set_view(view or data.bounds())

    def set_test_mode(self, on: bool) -> None:
        self.canvas.test_mode = on
        self.canvas.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)

    def set_classes(self, classes: int) -> None:
        """Offer as many class buttons as the model has classes."""
        self._classes = classes
        self.canvas.n_classes = classes
        for button in self.class_buttons.buttons():
            index = self.class_buttons.id(button)
            button.setVisible(index < classes)
            # Many classes get short labels (the tooltip says the rest), so they fit one row.
            button.setText(
                self.tr("Class {0} [{1}]").format(index, index + 1)
                if classes <= COMPACT_ABOVE
                else f"{index} [{index + 1}]"
            )
        self.bar.invalidate()  # a layout not shown yet keeps the hidden buttons' width
        if self.canvas.current_class >= classes:
            self.set_current_class(0)

    def set_current_class(self, index: int) -> None:
        button = self.class_buttons.button(index)
        if button is not None and index < self._classes:
            button.setChecked(True)
            self.canvas.set_current_class(index)

    def restyle(self) -> None:
        self.canvas.restyle()

    # -- the bar ----------------------------------------------------------------------------

    def _class_bar(self, buttons: int) -> None:
        self.class_buttons = QButtonGroup(self)
        for index in range(buttons):
            button = QToolButton()
            button.setText(self.tr("Class {0} [{1}]").format(index, index + 1))
            button.setCheckable(True)
            button.setChecked(index == 0)
            color = theme.CLASS_COLORS[index]
            button.setStyleSheet(
                f"QToolButton {{ border: 2px solid {color}; border-radius: 4px;"
                " color: palette(text); padding: 4px 5px; }"
                f"QToolButton:checked {{ background: {color}; color: white; font-weight: bold; }}"
            )
            button.setToolTip(
                self.tr("New points get class {0} (key {1})").format(index, index + 1)
            )
            self.class_buttons.addButton(button, index)
            self.bar.addWidget(button)
        self.class_buttons.idClicked.connect(self.canvas.set_current_class)

    def _edit_buttons(self) -> None:
        self.undo_button, self.redo_button = undo_redo_buttons(self.editor.undo_stack)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove every point (Ctrl+Z brings them back)"))
        self.clear_button.clicked.connect(self.clear)
        for button in (self.undo_button, self.redo_button, self.clear_button):
            button.setMinimumHeight(34)
            self.bar.addWidget(button)

    def clear(self) -> None:
        """Remove every point (undoable) and start afresh: nothing of the old data stays."""
        self.editor.clear()
        self.replaced.emit("")

    def show_count(self, data: PointSet) -> None:
        """The generator's point count says how many points are on the canvas."""
        if self.dataset_bar is not None:
            self.points_spin.blockSignals(True)
            self.points_spin.setValue(len(data))
            self.points_spin.blockSignals(False)

    def generator(self) -> tuple[str, float] | None:
        """The generated set chosen in the Generate bar and its noise, or None."""
        if self.dataset_bar is None or self.dataset_combo.currentIndex() < 0:
            return None
        return self.dataset_combo.currentData(), self.noise_slider.value() / 100

    def show_generator(self, key: str, noise: float) -> None:
        """Show which generator and noise the data came from (a file can say)."""
        if self.dataset_bar is not None:
            self.dataset_combo.setCurrentIndex(self.dataset_combo.findData(key))
            self.noise_slider.blockSignals(True)
            self.noise_slider.setValue(round(noise * 100))
            self.noise_slider.blockSignals(False)

    def forget_generator(self) -> None:
        """The data on the canvas came from elsewhere (a preset, a file): no generator shows."""
        if self.dataset_bar is not None:
            self.dataset_combo.setCurrentIndex(-1)

    def _dataset_bar(self) -> QHBoxLayout:
        """Generated data sets (blobs, XOR, …) with a point count and noise."""
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Generate")))
        self.dataset_combo = QComboBox()
        for key, (label, _make) in datasets.GENERATORS.items():
            self.dataset_combo.addItem(tr_core(label), key)
        self.dataset_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.dataset_combo.setMinimumContentsLength(8)
        self.dataset_combo.setPlaceholderText(self.tr("choose…"))
        self.dataset_combo.setCurrentIndex(-1)
        # Choosing a set makes it: a choice that waited for Regenerate looked like nothing.
        self.dataset_combo.activated.connect(self.regenerate)
        bar.addWidget(self.dataset_combo, 1)
        bar.addWidget(QLabel(self.tr("points")))
        self.points_spin = IntField()
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
                "New points from the chosen set; training starts again from the seed "
                "(Reset keeps the data)"
            )
        )
        self.regenerate_button.clicked.connect(self.regenerate)
        bar.addWidget(self.regenerate_button)
        return bar

    def regenerate(self) -> None:
        """Replace the points with a generated set (undoable); the weights are kept."""
        if self.dataset_combo.currentIndex() < 0:
            self.dataset_combo.setCurrentIndex(0)
        key = self.dataset_combo.currentData()
        self._dataset_seed += 1
        classes = max(self._classes, 2)
        points = datasets.generate(
            key,
            self.points_spin.value(),
            self.noise_slider.value() / 100,
            seed=self._dataset_seed,
            classes=classes,
        )
        if points.labels.max() >= classes:
            points = PointSet(points.xy, points.labels % classes)
        self.editor.replace(
            points, self.tr("Generate {0}").format(self.dataset_combo.currentText())
        )
        view = datasets.VIEW if key != "lecture" else points.bounds()
        self.canvas.set_view(view)
        self.show_count(points)
        self.replaced.emit(self.dataset_combo.currentText())


#: The workspace for each data kind.
WORKSPACES: dict[type, type[QWidget]] = {
    PointSet: PointWorkspace,
    ImageSet: ImageWorkspace,
    SequenceSet: SequenceWorkspace,
}
