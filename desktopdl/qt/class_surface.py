"""Paint a classifier's output behind the points: one image item, updated in place.

Two classes: P(class 1) through a fixed lookup table, class 0's tint → white at 0.5 →
class 1's tint. More classes: each pixel takes the winning class's colour, blended toward
white as the confidence falls, so borders and uncertain regions read at a glance.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from desktopdl.core.views import Rect
from desktopdl.qt import theme

TINT = 0.38


def probability_lut() -> np.ndarray:
    c0 = theme.tint(theme.class_color(0), TINT)
    c1 = theme.tint(theme.class_color(1), TINT)
    cmap = pg.ColorMap([0.0, 0.5, 1.0], [c0, theme.LOOK.background, c1])
    return cmap.getLookupTable(0.0, 1.0, 256)


def class_colors_rgb(classes: int) -> np.ndarray:
    return np.array([theme.class_color(c).getRgb()[:3] for c in range(classes)], dtype=np.float32)


def winner_image(probabilities: np.ndarray) -> np.ndarray:
    """(rows, cols, K) probabilities → (rows, cols, 3) uint8: winner's colour by confidence."""
    classes = probabilities.shape[-1]
    winner = probabilities.argmax(axis=-1)
    confidence = probabilities.max(axis=-1)
    # 1/K (a coin toss among K) is white; certainty is the class colour at TINT strength.
    strength = np.clip((confidence - 1 / classes) / (1 - 1 / classes), 0, 1)[..., None] * TINT
    colors = class_colors_rgb(classes)[winner]
    back = np.array(theme.LOOK.background.getRgb()[:3], dtype=np.float32)
    return (back + (colors - back) * strength).astype(np.uint8)


class ClassSurface(pg.ImageItem):
    def __init__(self):
        super().__init__()
        self.setZValue(-10)
        self._rect: Rect | None = None
        self._look_version = -1

    def render(self) -> None:
        """pyqtgraph makes an indexed (palette) image, which the painter converts to RGB on
        every repaint; converting once per new surface makes each repaint a plain blit."""
        super().render()
        if self.qimage is not None and self.qimage.format() != QImage.Format.Format_RGB32:
            self.qimage = self.qimage.convertToFormat(QImage.Format.Format_RGB32)

    def show(self, surface: np.ndarray | None, rect: Rect | None) -> None:
        if surface is None or rect is None:
            self.setVisible(False)
            return
        if self._look_version != theme.LOOK.version:  # the theme changed: new tints
            self._lut = probability_lut()
            self._look_version = theme.LOOK.version
        if surface.ndim == 2:
            self.setImage(surface, levels=(0.0, 1.0), lut=self._lut, autoLevels=False)
        else:
            self.setImage(winner_image(surface), levels=(0, 255), lut=None, autoLevels=False)
        if rect != self._rect:
            self.setRect(QRectF(rect.xmin, rect.ymin, rect.width, rect.height))
            self._rect = rect
        self.setVisible(True)
