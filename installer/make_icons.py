"""Make the app icon's bitmaps from ``resources/icons/desktopdl.svg``.

    python installer/make_icons.py      # needs PySide6 (to draw the SVG) and Pillow

writes, beside the SVG (the results are committed, so builds need neither step):

- ``desktopdl.png``  256 x 256 (Linux: the .desktop file, the window icon)
- ``desktopdl.ico``  16-256 px in one file (Windows: the executable's icon)
- ``desktopdl.icns`` 16-1024 px (macOS: the .app bundle's icon)

Each size is drawn from the SVG by Qt's SVG renderer, not scaled down from a big bitmap, so
the small sizes stay sharp.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "desktopdl.svg"
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024]
PNG_SIZE = 256


def render(size: int):
    """The SVG drawn at size x size, as a Pillow RGBA image."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    images = {size: render(size) for size in sorted(set(ICO_SIZES + ICNS_SIZES + [PNG_SIZE]))}
    images[PNG_SIZE].save(ICONS / "desktopdl.png", optimize=True)
    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(
        ICONS / "desktopdl.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    images[max(ICNS_SIZES)].save(
        ICONS / "desktopdl.icns",
        append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    for name in ("desktopdl.png", "desktopdl.ico", "desktopdl.icns"):
        print(f"wrote {ICONS / name} ({(ICONS / name).stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
