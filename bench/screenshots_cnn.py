"""The CNN lesson's teaching states as PNGs: the drawing pad with drawings in three classes,
the digits trained with the architecture and filters, the feature maps, the confusion matrix
with the misclassified digits, the hand-set kernel, and a drawing tested live.

Run under a display, with the language and theme from the app's settings, e.g.
``xvfb-run -s "-screen 0 1920x1080x24" python -m bench.screenshots_cnn shots 1024 768``.
"""

from __future__ import annotations

import sys

import numpy as np

from bench.screenshots import lesson_window, train
from desktopdl.core.images import ImageSet


def drawings() -> ImageSet:
    """Rough bars, crosses and rings, as a class would draw them."""
    rng = np.random.default_rng(0)
    images, labels = [], []
    yy, xx = np.mgrid[0:28, 0:28]
    for label in range(3):
        for _ in range(6):
            cx, cy = 14 + rng.normal(0, 1.5, 2)
            if label == 0:
                image = (abs(xx - cx) < 2) & (abs(yy - cy) < 10)
            elif label == 1:
                image = (
                    ((abs(xx - cx) < 2) | (abs(yy - cy) < 2))
                    & (abs(xx - cx) < 9)
                    & (abs(yy - cy) < 9)
                )
            else:
                r = np.hypot(xx - cx, yy - cy)
                image = abs(r - 8) < 1.8
            images.append(image.astype(np.float32))
            labels.append(label)
    return ImageSet(np.stack(images), labels)


def main(out_dir: str = "shots", width: str = "1920", height: str = "1080") -> None:
    app, window, tab, grab = lesson_window(out_dir, width, height, "cnn")
    tab.speed_combo.setCurrentIndex(0)
    train(tab, 400)
    grab("1_digits_architecture")
    tab.views.setCurrentWidget(tab.filters_page)
    grab("1b_filters")
    tab.views.setCurrentWidget(tab.maps_page)
    grab("2_feature_maps")
    tab.views.setCurrentWidget(tab.confusion_page)
    grab("3_confusion_misclassified")
    tab.test_mode_button.setChecked(True)
    seven = np.zeros((8, 8), dtype=np.float32)
    seven[1, 1:7] = 1.0
    for row in range(2, 7):
        seven[row, 7 - row] = 1.0
    tab.workspace.canvas.set_image(seven)
    tab._test_drawing(tab.workspace.canvas.image())
    tab.views.setCurrentWidget(tab.kernel_page)
    tab.kernel_page.choose("vertical edges")
    grab("4_test_drawing_and_kernel")
    tab.test_mode_button.setChecked(False)
    index = tab.preset_combo.findData("cnn_draw_your_own.json")
    tab.preset_combo.setCurrentIndex(index)
    tab.preset_combo.activated.emit(index)
    tab.workspace.set_data(drawings(), "drawings")
    tab.model_panel.config_form["augment_copies"].setValue(3)
    tab.views.setCurrentWidget(tab.copies_page)
    train(tab, 200)
    grab("5_drawings_pad_augmentation")
    window.shutdown()
    app.quit()


if __name__ == "__main__":
    main(*sys.argv[1:])
