"""CNN page: draw image classes (or load the built-in digits), build a small CNN, look inside.

The workspace is the drawing pad with a strip of every drawing per class (``ImageWorkspace``).
The lower pages show the architecture (blocks with their shapes and parameter counts), the
first layer's filters, the feature maps of one input after every convolution and every
pooling (the drawing on the pad, or the first image), the confusion matrix on the
validation images with the misclassified ones, and a hand-set kernel to show what one
convolution does before any training. In Test mode the pad is the input: the guess and a
bar per class follow the pen.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktopdl.core.digits import load_digits
from desktopdl.core.lessons.cnn import (
    ACTIVATIONS,
    KERNEL_SIZES,
    MAX_CONV_LAYERS,
    MAX_COPIES,
    MAX_DENSE,
    MAX_FILTERS,
    STRIDES,
    ConvolutionalNetwork,
    augmented,
)
from desktopdl.core.trainer import Snapshot
from desktopdl.core.views import ConfusionView, FeatureMaps
from desktopdl.qt.binding import Field
from desktopdl.qt.cnn_views import (
    ArchitectureDiagram,
    ConfusionMatrixView,
    FeatureMapsView,
    FilterGrid,
    KernelPlayground,
    MisclassifiedStrip,
)
from desktopdl.qt.lesson_tab import LessonTab
from desktopdl.qt.lessons.network import HiddenLayersEditor
from desktopdl.qt.panels import combo_box, spin_box, training_fields, validation_fields
from desktopdl.qt.probability_bars import ProbabilityBars

DIGITS = 10


def _filters_editor() -> HiddenLayersEditor:
    return HiddenLayersEditor(
        layers=(1, MAX_CONV_LAYERS),
        most_units=MAX_FILTERS,
        layers_tip=QCoreApplication.translate("CNNTab", "Convolution layers (1–3)"),
        units_tip=QCoreApplication.translate("CNNTab", "Filters in this layer (1–16)"),
    )


def _poolings() -> QComboBox:
    return combo_box(
        [
            (QCoreApplication.translate("CNNTab", "max 2×2"), "max"),
            (QCoreApplication.translate("CNNTab", "average 2×2"), "average"),
            (QCoreApplication.translate("CNNTab", "none"), "none"),
        ]
    )


def _padding() -> QCheckBox:
    check = QCheckBox(QCoreApplication.translate("CNNTab", "keep the size (zero padding)"))
    check.setToolTip(
        QCoreApplication.translate("CNNTab", "kernel // 2 zeros around the image, as padding=1")
    )
    return check


class ArchitecturePage(QWidget):
    """The blocks of the network, with their shapes and parameter counts."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        self.diagram = ArchitectureDiagram()
        layout.addWidget(self.diagram)


class FeatureMapsPage(FeatureMapsView):
    """The feature maps of the probe input, computed in the training thread."""

    wanted_views = (FeatureMaps,)


class ConfusionPage(QWidget):
    """The confusion matrix on the validation images, and the images it got wrong."""

    wanted_views = (ConfusionView,)

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        self.matrix = ConfusionMatrixView()
        self.wrong = MisclassifiedStrip()
        layout.addWidget(self.matrix, 1)
        layout.addWidget(self.wrong, 1)


class AugmentedCopies(MisclassifiedStrip):
    """The augmented copies of the first images, captioned with their class: what the
    network sees besides the drawings themselves."""

    def captions(self) -> list[str]:
        every = [self.tr("class {0}").format(label) for label in self.true]
        return every[: len(self.thumbnail_rects())]

    def _header(self, shown: int) -> str:
        if not self.total:
            return self.tr("Augmentation is off: set Augmented copies in ① Model.")
        return self.tr(
            "{0} augmented copies of the first images (shifted, rotated, scaled)"
        ).format(self.total)


class CNNTab(LessonTab):
    core_lesson = ConvolutionalNetwork
    #: Test mode draws on the pad: there are no numbers to type.
    test_inputs = ()

    # -- what the page declares -------------------------------------------------------------

    def config_fields(self) -> list[Field]:
        return [
            Field(
                "filters",
                lambda: QCoreApplication.translate("CNNTab", "Conv layers, filters:"),
                _filters_editor,
            ),
            Field(
                "kernel",
                lambda: QCoreApplication.translate("CNNTab", "Kernel size:"),
                lambda: combo_box([(f"{k}×{k}", k) for k in KERNEL_SIZES]),
            ),
            Field(
                "stride",
                lambda: QCoreApplication.translate("CNNTab", "Stride:"),
                lambda: combo_box([(str(s), s) for s in STRIDES]),
            ),
            Field("padding", lambda: QCoreApplication.translate("CNNTab", "Padding:"), _padding),
            Field(
                "activation",
                lambda: QCoreApplication.translate("CNNTab", "Activation:"),
                lambda: combo_box([(name, name) for name in ACTIVATIONS]),
            ),
            Field("pooling", lambda: QCoreApplication.translate("CNNTab", "Pooling:"), _poolings),
            Field(
                "dense",
                lambda: QCoreApplication.translate("CNNTab", "Dense neurons:"),
                lambda: spin_box(
                    0,
                    MAX_DENSE,
                    QCoreApplication.translate("CNNTab", "none"),
                    QCoreApplication.translate(
                        "CNNTab", "A hidden dense layer before the output (none: straight to it)"
                    ),
                ),
            ),
            Field(
                "classes",
                lambda: QCoreApplication.translate("CNNTab", "Classes:"),
                lambda: spin_box(2, DIGITS),
            ),
            Field(
                "augment_copies",
                lambda: QCoreApplication.translate("CNNTab", "Augmented copies:"),
                lambda: spin_box(
                    0,
                    MAX_COPIES,
                    QCoreApplication.translate("CNNTab", "off"),
                    QCoreApplication.translate(
                        "CNNTab",
                        "Shifted, rotated and scaled copies of each training image "
                        "(shown on the Augmentation page)",
                    ),
                ),
            ),
            # The images' side follows the data (digits 8, drawings 28): no control.
            Field("image_size", lambda: "", lambda: spin_box(4, 64), visible=False),
        ]

    def train_fields(self) -> list[Field]:
        return [*training_fields(), *validation_fields()]

    def lesson_pages(self) -> list[tuple[str, QWidget]]:
        self.architecture = ArchitecturePage()
        self.filters_page = FilterGrid()
        self.maps_page = FeatureMapsPage()
        self.confusion_page = ConfusionPage()
        self.kernel_page = KernelPlayground()
        self.copies_page = AugmentedCopies()
        return [
            (self.tr("Architecture"), self.architecture),
            (self.tr("Filters"), self.filters_page),
            (self.tr("Feature maps"), self.maps_page),
            (self.tr("Confusion"), self.confusion_page),
            (self.tr("Hand-set kernel"), self.kernel_page),
            (self.tr("Augmentation"), self.copies_page),
        ]

    def side_panels(self) -> list[QWidget]:
        group = QGroupBox(self.tr("Built-in digits"))
        layout = QVBoxLayout(group)
        grid = QGridLayout()
        self.digit_checks: list[QCheckBox] = []
        for digit in range(DIGITS):
            check = QCheckBox(str(digit))
            check.setChecked(True)
            grid.addWidget(check, digit // 5, digit % 5)
            self.digit_checks.append(check)
        layout.addLayout(grid)
        row = QHBoxLayout()
        self.per_class_spin = spin_box(0, 200, self.tr("all"), self.tr("Images per digit"))
        row.addWidget(self.per_class_spin)
        self.load_digits_button = QPushButton(self.tr("Load digits"))
        self.load_digits_button.setToolTip(
            self.tr("The 1,797 handwritten 8×8 digits of the UCI data set (offline)")
        )
        self.load_digits_button.clicked.connect(self.load_builtin_digits)
        row.addWidget(self.load_digits_button, 1)
        layout.addLayout(row)
        return [group]

    def opening_page(self) -> QWidget:
        return self.architecture

    def own_data_text(self) -> str:
        return self.tr("your own drawings")

    def build_overlays(self) -> None:
        self.bars = ProbabilityBars()
        self.test_group_layout().addWidget(self.bars)
        self.test_panel.predict_button.setVisible(False)
        self.readout.test_result.setText(
            self.tr("Test mode: draw on the pad; the guess follows the pen.")
        )
        self.workspace.test_drawn.connect(self._test_drawing)
        self.workspace.canvas.stroke_finished.connect(self._probe_from_pad)
        self.filters_editor = self.model_panel.config_form["filters"]
        #: The drawing being tested: guessed again after every snapshot, as training goes on.
        self._test_image: np.ndarray | None = None
        self.test_mode_button.toggled.connect(lambda on: on or self._forget_test())

    # -- reactions --------------------------------------------------------------------------

    def load_builtin_digits(self) -> None:
        chosen = tuple(d for d, check in enumerate(self.digit_checks) if check.isChecked())
        if len(chosen) < 2:
            self._show_message(self.tr("Choose at least two digits."), error=True)
            return
        per_class = self.per_class_spin.value() or None
        data = load_digits(chosen, per_class, seed=self.seed_spin.value())
        form = self.model_panel.config_form
        form["classes"].setValue(len(chosen))
        form["image_size"].setValue(data.size)
        self._settings_changed()
        self.workspace.set_data(data, self.tr("Load digits"))
        self.workspace.replaced.emit(
            self.tr("digits {0}").format(", ".join(str(d) for d in chosen))
        )

    def inputs_changed(self) -> None:
        data = self.workspace.data()
        size = self.model_panel.config_form["image_size"].value()
        if len(data) and data.size != size:  # drawings of another size: the network follows
            self.model_panel.config_form["image_size"].setValue(data.size)
            self._settings_changed()
            return
        self.architecture.diagram.set_stages(self.lesson.stages())
        self._probe_from_pad()
        copies = self.lesson.config.augment_copies
        if copies and len(data):
            # The first image of each class (up to four): every class's copies show.
            firsts = [int(np.argmax(data.labels == c)) for c in np.unique(data.labels)[:4]]
            sample = data.subset(np.array(firsts))
            shown = augmented(sample, copies, self.worker_settings.seed)
            self.copies_page.set_misclassified(shown.images, shown.labels, shown.labels)
        else:
            self.copies_page.set_misclassified(np.zeros((0, 8, 8)), np.zeros(0), np.zeros(0))

    def model_changed(self) -> None:
        self.architecture.diagram.set_stages(self.lesson.stages())
        self._forget_test()  # another network: the old guess and its bars no longer apply

    def _forget_test(self) -> None:
        self._test_image = None
        self.bars.setVisible(False)
        self.test_detail.setText("")
        self.test_result.setText(self.tr("Test mode: draw on the pad; the guess follows the pen."))

    def show_numbers(self, snapshot: Snapshot) -> None:
        if self._test_image is not None and self.test_mode_button.isChecked():
            self._show_guess(snapshot, self._test_image)

    def _probe(self) -> np.ndarray | None:
        """The input whose feature maps show: the drawing on the pad, else the first image."""
        pad = self.workspace.canvas
        if not pad.is_blank() and pad.size_px() == self.lesson.image_size:
            return pad.image()
        data = self.workspace.data()
        return np.asarray(data.images[0]) if len(data) else None

    def _probe_from_pad(self, *_args) -> None:
        probe = self._probe()
        self.worker.set_probe(probe)
        if probe is not None:
            self.kernel_page.set_input(probe)

    def draw_page(self, snapshot: Snapshot, page: QWidget) -> None:
        if page is self.filters_page:
            self.filters_page.set_filters(np.asarray(snapshot.params[0]))
        elif page is self.maps_page:
            maps = snapshot.view(FeatureMaps)
            if maps is not None:
                self.maps_page.set_maps(list(maps.stages))
        elif page is self.confusion_page:
            confusion = snapshot.view(ConfusionView)
            if confusion is not None:
                self.confusion_page.matrix.set_matrix(confusion.counts)
                self.confusion_page.wrong.set_misclassified(
                    confusion.wrong_items, confusion.truth, confusion.predicted
                )

    def _test_drawing(self, image: np.ndarray) -> None:
        self._test_image = np.asarray(image)
        if self.snapshot is not None:
            self._show_guess(self.snapshot, self._test_image)
        self.worker.set_probe(image)
        self.kernel_page.set_input(image)

    def _show_guess(self, snapshot: Snapshot, image: np.ndarray) -> None:
        if snapshot.config != self.lesson.config or image.shape[-1] != self.lesson.image_size:
            return
        self.readout.expect_result()
        outputs = self.lesson.predict(list(snapshot.params), image)
        winner = self.lesson.predicted_class(outputs)
        self.test_result.setText(
            self.tr("→ class {0} (p = {1})").format(winner, f"{outputs[winner]:.3f}")
        )
        self.test_detail.setText(
            "H(x_test) = softmax(model(x_test)) → "
            + np.array2string(outputs, precision=3, separator=", ")
        )
        self.bars.set_values(outputs, self.tr("softmax:"))
