"""Helpers for tests of the lessons' pictures: show a widget at a size, grab what it paints."""

from __future__ import annotations

from PySide6.QtGui import QImage


def shown(qtbot, widget, width: int = 580, height: int = 260):
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def picture(widget) -> QImage:
    image = widget.grab().toImage()
    assert image.width() >= widget.width()
    return image


def colors(image: QImage) -> int:
    """How many different colours a sample of every third pixel holds (a blank widget: 1)."""
    return len(
        {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    )
