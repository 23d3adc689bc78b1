"""The cost landscape as a 3-D bowl, where OpenGL works.

pyqtgraph.opengl needs a real GL context: under ``QT_QPA_PLATFORM=offscreen`` (and on some
remote desktops) Qt cannot make one, so ``gl_problem()`` says why and the lab keeps the 2-D
contour map instead of showing a black box.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QOpenGLContext, QVector3D

from desktopdl.core.lab import Landscape

#: Low cost light yellow, high cost deep blue (the 2-D map's blues with a warm valley floor).
BOWL_COLORS = pg.ColorMap([0.0, 0.15, 0.5, 1.0], ["#FFF3B0", "#C6DBEF", "#4292C6", "#08306B"])
#: The bowl is drawn in a box this wide and this tall, whatever the parameters' units.
BOX = 10.0
HEIGHT = 6.0


def gl_problem() -> str | None:
    """None when a 3-D view can be drawn here, else a sentence saying why not."""
    if QGuiApplication.platformName() in ("offscreen", "minimal", "vnc"):
        return QCoreApplication.translate(
            "Bowl3D", "3-D needs OpenGL, which the '{0}' display lacks."
        ).format(QGuiApplication.platformName())
    try:
        import OpenGL.GL  # noqa: F401
        import pyqtgraph.opengl  # noqa: F401
    except Exception as error:  # noqa: BLE001 - any import failure means no 3-D
        return QCoreApplication.translate("Bowl3D", "3-D needs PyOpenGL ({0}).").format(error)
    context = QOpenGLContext()
    if not context.create():
        return QCoreApplication.translate(
            "Bowl3D", "3-D needs OpenGL, but no OpenGL context could be created on this display."
        )
    return None


def make_bowl_view():
    """A GLViewWidget with a surface and a path item; call only when gl_problem() is None."""
    import pyqtgraph.opengl as gl

    view = gl.GLViewWidget()
    view.setBackgroundColor("w")
    view.setCameraPosition(pos=QVector3D(0, 0, HEIGHT / 2), distance=30, elevation=24, azimuth=-60)
    grid = gl.GLGridItem(color=(0, 0, 0, 60))
    grid.setSize(BOX, BOX)
    grid.setSpacing(1, 1)
    view.addItem(grid)
    # Start with a flat 2×2 sheet: an empty surface item fails when it is first painted.
    flat = np.array([-BOX / 2, BOX / 2])
    surface = gl.GLSurfacePlotItem(
        x=flat, y=flat, z=np.zeros((2, 2)), shader="shaded", smooth=True, glOptions="opaque"
    )
    view.addItem(surface)
    path = gl.GLLinePlotItem(color=(0, 0, 0, 1), width=3, antialias=True)
    ball = gl.GLScatterPlotItem(color=(0.9, 0.62, 0, 1), size=16)
    view.addItem(path)
    view.addItem(ball)
    view.bowl_items = (surface, path, ball)
    return view


def show_bowl(view, landscape: Landscape, path_xy: np.ndarray | None) -> None:
    """Put the landscape's log-cost surface in the box and the run's path on it."""
    surface, path, ball = view.bowl_items
    shade = np.log10(np.maximum(landscape.image, 1e-12)).astype(np.float64)
    lo, hi = np.nanmin(shade), np.nanmax(shade)
    height = (shade - lo) / max(hi - lo, 1e-9) * HEIGHT
    rows, cols = height.shape
    xs = np.linspace(-BOX / 2, BOX / 2, cols)
    ys = np.linspace(-BOX / 2, BOX / 2, rows)
    colors = BOWL_COLORS.map(height.T / HEIGHT, mode="float")
    surface.setData(x=xs, y=ys, z=height.T, colors=colors.reshape(cols, rows, 4))
    if path_xy is None or not len(path_xy):
        return
    rect = landscape.rect
    px = (path_xy[:, 0] - rect.xmin) / rect.width
    py = (path_xy[:, 1] - rect.ymin) / rect.height
    inside = (px >= 0) & (px <= 1) & (py >= 0) & (py <= 1)
    if not inside.any():
        path.setData(pos=np.zeros((0, 3)))
        ball.setData(pos=np.zeros((0, 3)))
        return
    px, py = px[inside], py[inside]
    col = np.clip((px * (cols - 1)).round().astype(int), 0, cols - 1)
    row = np.clip((py * (rows - 1)).round().astype(int), 0, rows - 1)
    z = height[row, col] + 0.08
    pos = np.column_stack([px * BOX - BOX / 2, py * BOX - BOX / 2, z])
    path.setData(pos=pos)
    ball.setData(pos=pos[-1:])
