"""Pictures for slides and handouts: PNG and SVG of what is on screen, and a training
animation (GIF or MP4) rendered headless.

Why a picture widget of its own: an export must not disturb the lesson on screen (its canvas
keeps its zoom and its training thread keeps running), and the command line has no window at
all. ``LessonPicture`` lays out a lesson file's points, the model over them and the cost curve
in an offscreen widget at a fixed logical width, and draws the model with the lesson page's
own overlay class (``LessonTab.overlay_class``), so a picture shows what the page shows.
Pictures of any pixel width are the same layout rendered at a higher device pixel ratio, so
text stays crisp and in proportion.
Everything here works under QT_QPA_PLATFORM=offscreen.

Every file is written whole or not at all (``lesson_file.replacing``: a temporary file in the
same folder, renamed over the destination), so a full disk never turns a good picture or
video into a truncated one.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktopdl.core import codegen
from desktopdl.core.data import PointSet
from desktopdl.core.export import TrainingRun, new_trainer, train
from desktopdl.core.lesson_file import LessonFile, replacing
from desktopdl.core.lessons import lesson_class
from desktopdl.core.trainer import Snapshot, Status, Trainer
from desktopdl.core.views import Rect
from desktopdl.qt import theme
from desktopdl.qt.i18n import tr_core, tr_preset
from desktopdl.qt.lessons import page_class

#: Every picture is laid out this many logical pixels wide, then rendered at the pixel width
#: asked for: a 1920-pixel slide shows the same picture as a 960-pixel one, twice as sharp.
LAYOUT_WIDTH = 960
DEFAULT_SIZE = (960, 600)
#: Cells per side of the model's surface in pictures (the app's live view uses 100).
SURFACE_RESOLUTION = 200
#: Above this many points, pictures draw smaller markers.
DENSE_POINTS = 100
DENSE_MARKER_SIZE = 11
GIF_FRAME_MS = 80
#: How long the last frame stays up before the animation starts again.
HOLD_LAST_MS = 2000
MP4_FPS = 15


def ensure_app() -> QApplication:
    """The running QApplication, or a new one for headless use (the command line).

    The lesson surfaces are row-major images, as the app's theme configures pyqtgraph."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(["desktopdl"])
        theme.apply(app)
    if pg.getConfigOption("imageAxisOrder") != "row-major":
        pg.setConfigOptions(imageAxisOrder="row-major")
    return app


@contextmanager
def print_look() -> Iterator[None]:
    """Pictures for slides look the same whatever the screen shows: the light theme at
    scale 1, not the presenter's dark mode or zoom. (The look is read when items are
    styled and drawn, so it is set around both and put back exactly.)"""
    look = theme.LOOK
    saved = (look.scale, look.dark, look.version)
    look.scale, look.dark, look.version = 1.0, False, saved[2] + 1
    try:
        yield
    finally:
        look.scale, look.dark, look.version = saved


# -- still pictures ------------------------------------------------------------------------


def widget_image(widget: QWidget, width: int | None = None) -> QImage:
    """The widget rendered into an image ``width`` pixels wide (its own width if None).

    Rendering at a device pixel ratio, rather than scaling a screenshot, redraws text and
    lines at the new size, so a 1920-pixel export of a 700-pixel canvas is sharp."""
    size = widget.size()
    if size.width() < 1 or size.height() < 1:
        raise ValueError("the widget has no area to render")
    scale = 1.0 if width is None else width / size.width()
    if not (math.isfinite(scale) and scale > 0):
        raise ValueError(f"cannot render {width} pixels wide")
    image = QImage(
        round(size.width() * scale), round(size.height() * scale), QImage.Format.Format_RGB32
    )
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.white)
    # QWidget's own render: pyqtgraph's views replace ``render`` with QGraphicsView's.
    QWidget.render(widget, image)
    image.setDevicePixelRatio(1.0)
    return image


def save_widget_png(widget: QWidget, path: str | os.PathLike, width: int | None = None) -> QSize:
    """Save the widget as a PNG ``width`` pixels wide (for slides); returns the pixel size."""
    image = widget_image(widget, width)
    save_png(image, path)
    return image.size()


def save_plot_svg(plot_widget: pg.PlotWidget | pg.PlotItem, path: str | os.PathLike) -> None:
    """Save a pyqtgraph plot as SVG: lines, points and text stay vectors (surfaces are
    embedded images), so a slide can scale it freely.

    Painted straight into a QSvgGenerator: pyqtgraph's SVGExporter cannot parse the path
    syntax of the SVGs that Qt 6.10 and later write (pyqtgraph issue #3485)."""
    from PySide6.QtSvg import QSvgGenerator

    item = plot_widget.getPlotItem() if hasattr(plot_widget, "getPlotItem") else plot_widget
    source = item.sceneBoundingRect()
    width, height = max(1, round(source.width())), max(1, round(source.height()))
    with replacing(path) as tmp:
        generator = QSvgGenerator()
        generator.setFileName(str(tmp))
        generator.setSize(QSize(width, height))
        generator.setViewBox(QRect(0, 0, width, height))
        generator.setTitle("DesktopDL")
        painter = QPainter()
        if not painter.begin(generator):
            raise OSError(f"{path} could not be written")
        # Export mode, as pyqtgraph's exporters set it: scatter points are drawn as vector
        # symbols instead of cached pixmaps.
        items = [it for it in item.scene().items() if hasattr(it, "setExportMode")]
        try:
            for it in items:
                it.setExportMode(True, {"antialias": True, "painter": painter})
            item.scene().render(painter, QRectF(0, 0, width, height), source)
        finally:
            for it in items:
                it.setExportMode(False)
            painter.end()
        if tmp.stat().st_size == 0:  # Qt reports no write error: an empty file is one
            raise OSError(f"{path} could not be written")


def save_png(image: QImage, path: str | os.PathLike) -> None:
    """Write the image as a PNG, whole or not at all (the deck's handout uses it too)."""
    with replacing(path) as tmp:
        if not image.save(str(tmp), "PNG"):
            raise OSError(f"{path} could not be written")


# -- the lesson picture --------------------------------------------------------------------


class LessonPicture(QWidget):
    """A lesson file drawn for export: a header line (lesson, step, cost), the canvas with
    the points and the model (line and residuals, or the class surface and boundary), and
    the cost curve on fixed axes, so the frames of an animation line up."""

    def __init__(self, lesson_file: LessonFile, size: tuple[int, int] = DEFAULT_SIZE):
        ensure_app()
        super().__init__()
        with print_look():
            self._build(lesson_file, size)

    def _build(self, lesson_file: LessonFile, size: tuple[int, int]) -> None:
        self.lesson_file = lesson_file
        self.lesson = lesson_class(lesson_file.lesson)(lesson_file.settings.model)
        self.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.setAutoFillBackground(True)
        self.setStyleSheet("background: white;")
        width, height = size
        if width < 16 or height < 16:
            raise ValueError("a picture needs at least 16 × 16 pixels")
        self.pixel_size = (int(width), int(height))
        self.resize(LAYOUT_WIDTH, round(LAYOUT_WIDTH * height / width))
        self.view_rect = Rect(*(lesson_file.view or lesson_file.data.bounds()))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        lesson_title = tr_core(self.lesson.title)
        if lesson_file.title:
            lesson_title += " · " + tr_preset(lesson_file.title)
        self.title = QLabel(lesson_title)
        self.title.setFont(theme.big_font(13))
        self.header = QLabel()
        self.header.setFont(theme.big_font(17, bold=True))
        for label, color in ((self.title, "#444"), (self.header, "#111")):
            label.setStyleSheet(f"color: {color}; background: white;")
            # Ignored: a long line is cut at the right, never widening the picture.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addWidget(label)
        row = QHBoxLayout()
        row.setSpacing(8)
        layout.addLayout(row, 1)
        overlay_class = page_class(lesson_file.lesson).overlay_class
        titles = overlay_class.axis_titles() or (
            ("x₁", "x₂") if self.lesson.n_classes else ("x", "y")
        )
        self.canvas = self._plot(*titles)
        self.cost_plot = self._plot(
            QCoreApplication.translate("Export", "step"),
            QCoreApplication.translate("Export", "cost"),
        )
        row.addWidget(self.canvas, 3)
        row.addWidget(self.cost_plot, 2)
        self._build_canvas_items()
        self.cost_curve = self.cost_plot.getPlotItem().plot(pen=self._pen(theme.COST_COLOR, 3))
        self.canvas.setRange(
            xRange=(self.view_rect.xmin, self.view_rect.xmax),
            yRange=(self.view_rect.ymin, self.view_rect.ymax),
            padding=0,
        )
        # Rendering a hidden widget lays it out (Qt sends the pending resize events); do it
        # once now, so the plots have their final size before anything reads their geometry.
        self.render(QImage(1, 1, QImage.Format.Format_RGB32))

    def _pen(self, color: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine):
        """pyqtgraph's pens are cosmetic (widths in device pixels): widen them with the
        picture so that a 1920-pixel slide keeps the lines as bold as a 960-pixel one."""
        return pg.mkPen(color, width=width * self.pixel_size[0] / LAYOUT_WIDTH, style=style)

    def _plot(self, bottom: str, left: str) -> pg.PlotWidget:
        plot = pg.PlotWidget(background="w")
        item = plot.getPlotItem()
        theme.style_axes(item, bottom, left)
        item.showGrid(x=True, y=True, alpha=0.12)
        item.hideButtons()
        item.setMenuEnabled(False)
        plot.setMouseEnabled(False, False)
        return plot

    def _build_canvas_items(self) -> None:
        plot = self.canvas.getPlotItem()
        overlay_class = page_class(self.lesson_file.lesson).overlay_class
        self.overlay = overlay_class(plot, pen_scale=self.pixel_size[0] / LAYOUT_WIDTH)
        self.scatter = pg.ScatterPlotItem(pxMode=True)
        self.scatter.setZValue(10)
        plot.addItem(self.scatter)
        data = self.lesson_file.data
        if isinstance(data, PointSet):
            self.show_points(data)
        elif not self.overlay.show_data(data, self.lesson):
            self.canvas.hide()  # images: the picture is the header and the cost curve

    def show_points(self, points: PointSet) -> None:
        self.scatter.setData(
            pos=np.asarray(points.xy),
            brush=theme.point_brushes(points.labels, bool(self.lesson.n_classes)),
            pen=pg.mkPen("#1a1a1a", width=2),
            # Many points at the app's marker size would hide each other in a still picture.
            size=theme.MARKER_SIZE if len(points) <= DENSE_POINTS else DENSE_MARKER_SIZE,
        )

    def set_cost_axes(self, steps: int, max_cost: float) -> None:
        """Fix the cost axes for a whole animation, so the curve grows instead of jumping."""
        top = max_cost * 1.08 if math.isfinite(max_cost) and max_cost > 0 else 1.0
        self.cost_plot.setRange(xRange=(0, max(steps, 1)), yRange=(0, top), padding=0)

    def draw(self, snapshot: Snapshot, costs: np.ndarray, total_steps: int) -> None:
        """Show the model in ``snapshot`` and the costs of the steps run so far."""
        with print_look():
            self._draw(snapshot, costs, total_steps)

    def _draw(self, snapshot: Snapshot, costs: np.ndarray, total_steps: int) -> None:
        self.overlay.draw(snapshot, self.lesson, self.lesson_file.data, self.view_rect)
        self.cost_curve.setData(np.arange(1, len(costs) + 1), np.asarray(costs, dtype=np.float64))
        shown = snapshot.shown_cost
        cost = f"{shown:.6f}" if math.isfinite(shown) else str(shown)
        text = QCoreApplication.translate("Export", "step {step} / {total}    cost {cost}").format(
            step=f"{snapshot.step:,}", total=f"{total_steps:,}", cost=cost
        )
        if snapshot.accuracy is not None:
            text += QCoreApplication.translate("Export", "    accuracy {accuracy}").format(
                accuracy=f"{snapshot.accuracy:.0%}"
            )
        self.header.setText(text)

    def image(self) -> QImage:
        """The picture at its pixel size."""
        with print_look():
            image = widget_image(self, self.pixel_size[0])
        if image.height() != self.pixel_size[1]:  # rounding of the layout height
            image = image.scaled(
                *self.pixel_size,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        return image


def _snapshot(trainer: Trainer, picture: LessonPicture) -> Snapshot:
    return trainer.snapshot(
        picture.view_rect, picture.overlay.wanted_views, resolution=SURFACE_RESOLUTION
    )


def picture_size(width: int | None = None) -> tuple[int, int]:
    """The default picture's proportions at ``width`` pixels (960 × 600 by default)."""
    width = width or DEFAULT_SIZE[0]
    return width, round(width * DEFAULT_SIZE[1] / DEFAULT_SIZE[0])


def lesson_picture(
    lesson_file: LessonFile,
    steps: int | None = None,
    size: tuple[int, int] = DEFAULT_SIZE,
    run: TrainingRun | None = None,
) -> LessonPicture:
    """The lesson after ``steps`` steps (as ``codegen.planned_steps``) drawn for export; its
    ``image()`` is the PNG, its ``canvas`` the plot for SVG. Pass ``run`` to draw a run
    already trained (the command line trains once for all its outputs)."""
    run = run or train(lesson_file, steps)
    total = codegen.planned_steps(lesson_file.settings, steps)
    picture = LessonPicture(lesson_file, size)
    picture.set_cost_axes(total, float(np.max(run.costs)) if len(run.costs) else math.nan)
    picture.draw(_snapshot(run.trainer, picture), run.costs, total)
    return picture


def save_lesson_png(
    lesson_file: LessonFile,
    path: str | os.PathLike,
    steps: int | None = None,
    width: int | None = None,
    run: TrainingRun | None = None,
) -> QSize:
    """A PNG of the lesson after ``steps`` steps, ``width`` pixels wide (960 by default)."""
    image = lesson_picture(lesson_file, steps, picture_size(width), run).image()
    save_png(image, path)
    return image.size()


def save_lesson_svg(
    lesson_file: LessonFile,
    path: str | os.PathLike,
    steps: int | None = None,
    run: TrainingRun | None = None,
) -> None:
    """An SVG of the lesson's canvas (points and model) after ``steps`` steps."""
    picture = lesson_picture(lesson_file, steps, run=run)  # alive while the plot is saved
    with print_look():
        save_plot_svg(picture.canvas, path)


# -- animations ----------------------------------------------------------------------------


#: How long an animation's recording trains between two progress reports.
PIECE_S = 0.05


def record_frames(
    lesson_file: LessonFile,
    steps: int | None = None,
    frames: int = 60,
    size: tuple[int, int] = DEFAULT_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> list[np.ndarray]:
    """Train the lesson in this thread and draw ``frames`` pictures from the start to the
    last step (height × width × 3 RGB arrays), evenly spaced in steps.

    Training runs first and the frames are drawn after, so the cost axes can be fixed to
    the whole run. A run that stops early (ε, divergence) ends the animation there.
    ``progress(done, total)`` is called as the work goes on (for a progress dialog; raise
    from it to cancel), and ends with done == total.
    """
    if frames < 2:
        raise ValueError("an animation needs at least 2 frames")
    trainer = new_trainer(lesson_file)
    if trainer.status == Status.INVALID_DATA:
        raise ValueError(trainer.message)
    total = codegen.planned_steps(lesson_file.settings, steps)
    marks = np.unique(np.round(np.linspace(0, total, frames)).astype(int))
    picture = LessonPicture(lesson_file, size)
    work = 2 * len(marks)  # train to each mark, then draw each frame
    snapshots: list[Snapshot] = []
    costs: list[float] = []
    piece = 1
    for mark in marks:
        while trainer.can_train and trainer.step_count < mark:
            # In pieces of ~PIECE_S, reporting after each: the window's progress dialog
            # stays live and Cancel is heard even where one step takes milliseconds (CNN).
            started = time.perf_counter()
            costs.extend(trainer.step(min(piece, int(mark) - trainer.step_count)).tolist())
            if time.perf_counter() - started < PIECE_S / 2:
                piece *= 2
            if progress is not None:
                progress(len(snapshots), work)
        snapshots.append(_snapshot(trainer, picture))
        if progress is not None:
            progress(len(snapshots), work)
        if not trainer.can_train:
            break
    picture.set_cost_axes(total, max(costs) if costs else math.nan)
    images = []
    for snapshot in snapshots:
        picture.draw(snapshot, np.asarray(costs[: snapshot.step]), total)
        images.append(qimage_to_array(picture.image()))
        if progress is not None:
            progress(work - len(snapshots) + len(images), work)
    return images


def qimage_to_array(image: QImage) -> np.ndarray:
    """An RGB copy of the image as a (height, width, 3) uint8 array."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    buffer = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=stride * height)
    return buffer.reshape(height, stride)[:, : width * 3].reshape(height, width, 3).copy()


def write_gif(frames: list[np.ndarray], path: str | os.PathLike) -> None:
    """An endlessly looping GIF; the last frame stays up a while so the result can be read.

    All frames share one palette taken from the first and last frames plus pure white and
    black, and each pixel takes its nearest palette colour, without dithering: the pictures
    are flat colours and smooth tints, dithering's noise would make the file several times
    larger and the surface speckled on a projector, and Pillow's own palette lookup turns
    white into cream."""
    from PIL import Image

    sample = Image.fromarray(np.concatenate([frames[0], frames[-1]]), "RGB")
    found = sample.quantize(colors=254, method=Image.Quantize.MAXCOVERAGE).getpalette()
    palette = np.zeros((256, 3), dtype=np.int64)
    palette[: len(found) // 3] = np.reshape(found[: 254 * 3], (-1, 3))
    palette[254:] = [[255, 255, 255], [0, 0, 0]]
    images = []
    for frame in frames:
        image = Image.fromarray(_nearest_colors(frame, palette), "P")
        image.putpalette(palette.astype(np.uint8).ravel().tobytes())
        images.append(image)
    durations = [GIF_FRAME_MS] * (len(images) - 1) + [HOLD_LAST_MS]
    with replacing(path) as tmp:
        images[0].save(
            tmp, save_all=True, append_images=images[1:], duration=durations, loop=0, format="GIF"
        )


def _nearest_colors(frame: np.ndarray, palette: np.ndarray) -> np.ndarray:
    """Each pixel's index of the nearest palette colour (a frame has a few thousand
    distinct colours, so each is matched once)."""
    pixels = frame.reshape(-1, 3).astype(np.int32)
    codes = (pixels[:, 0] << 16) | (pixels[:, 1] << 8) | pixels[:, 2]
    unique, inverse = np.unique(codes, return_inverse=True)
    colors = np.stack([unique >> 16, (unique >> 8) & 255, unique & 255], axis=1)
    distance = ((colors[:, None, :].astype(np.int64) - palette[None, :, :]) ** 2).sum(axis=2)
    nearest = distance.argmin(axis=1).astype(np.uint8)
    return nearest[inverse.reshape(-1)].reshape(frame.shape[:2])


def write_mp4(frames: list[np.ndarray], path: str | os.PathLike) -> None:
    """An H.264 MP4 (yuv420p, which every player and slide program plays), through the
    ffmpeg that the imageio-ffmpeg wheel ships. The last frame is held for a while too.

    yuv420p needs an even width and height: an odd one gets a copy of its last pixel row
    or column rather than a rescale, which would blur the text."""
    import imageio_ffmpeg

    try:
        imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError as error:  # a bundle built without ffmpeg, and none on PATH
        raise OSError(f"MP4 export needs ffmpeg, and none was found ({error})") from None
    height, width = frames[0].shape[:2]
    pad = ((0, height % 2), (0, width % 2), (0, 0))
    hold = [frames[-1]] * round(HOLD_LAST_MS / 1000 * MP4_FPS)
    # ffmpeg writes a temporary file of the same suffix, renamed over ``path`` once whole.
    with replacing(path) as tmp:
        writer = imageio_ffmpeg.write_frames(
            str(tmp),
            (width + width % 2, height + height % 2),
            fps=MP4_FPS,
            codec="libx264",
            pix_fmt_out="yuv420p",
            macro_block_size=2,
            ffmpeg_log_level="error",
        )
        writer.send(None)
        try:
            for frame in [*frames, *hold]:
                writer.send(np.ascontiguousarray(np.pad(frame, pad, mode="edge")))
        except OSError as error:  # ffmpeg stopped (a full disk): its first line says why
            said = (str(error).splitlines() or ["no reason given"])[0]
            raise OSError(f"ffmpeg stopped writing the video: {said}") from None
        finally:
            writer.close()
        if tmp.stat().st_size == 0:
            raise OSError(f"{path} could not be written")


def record_training(
    lesson_file: LessonFile,
    steps: int | None,
    path: str | os.PathLike,
    frames: int = 60,
    size: tuple[int, int] = DEFAULT_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Train the lesson headless and write the animation to ``path``: a GIF for ``.gif``,
    an MP4 for ``.mp4``. Returns the number of distinct frames drawn."""
    suffix = Path(path).suffix.lower()
    if suffix not in (".gif", ".mp4"):
        raise ValueError(f"an animation is a .gif or an .mp4, not {suffix or 'no extension'}")
    images = record_frames(lesson_file, steps, frames, size, progress)
    (write_gif if suffix == ".gif" else write_mp4)(images, path)
    return len(images)
