"""Pictures and animations for slides, and the code page: what a teacher takes away."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace

import imageio_ffmpeg
import numpy as np
import pyqtgraph as pg
import pytest
from PIL import Image
from PySide6.QtGui import QFontMetrics, QGuiApplication, QImage

from desktopdl.core import codegen, lesson_file
from desktopdl.core.data import PointSet
from desktopdl.core.lesson_file import LessonFile
from desktopdl.qt import exporting, theme
from desktopdl.qt.code_panel import CodePanel
from desktopdl.resources import resource

LECTURE = lesson_file.read(resource("presets", "lecture_binary.json"))


@pytest.fixture
def plot(qtbot):
    exporting.ensure_app()
    widget = pg.PlotWidget(background="w")
    widget.plot([0, 1, 2, 3], [1, 3, 2, 4], pen=pg.mkPen("#D55E00", width=3))
    widget.addItem(pg.ScatterPlotItem([0, 1, 2], [1, 2, 3], size=14, brush="#0072B2"))
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def colours(image: QImage) -> int:
    array = exporting.qimage_to_array(image)
    return len(np.unique(array.reshape(-1, 3), axis=0))


def test_widget_png_is_as_wide_as_asked_and_keeps_the_proportions(plot, tmp_path):
    size = exporting.save_widget_png(plot, tmp_path / "slide.png", width=1200)
    image = QImage(str(tmp_path / "slide.png"))
    assert (image.width(), image.height()) == (size.width(), size.height()) == (1200, 900)
    assert colours(image) > 10  # the plot, not a blank page
    exporting.save_widget_png(plot, tmp_path / "same.png")
    assert QImage(str(tmp_path / "same.png")).width() == 400


def test_plot_svg_keeps_lines_and_points_as_vectors(plot, tmp_path):
    exporting.save_plot_svg(plot, tmp_path / "plot.svg")
    root = ET.parse(tmp_path / "plot.svg").getroot()
    assert root.tag.endswith("svg")
    tags = [element.tag.split("}")[-1] for element in root.iter()]
    assert tags.count("path") + tags.count("polyline") >= 4  # curve, 3 points, axes
    assert "image" not in tags  # no pixel copies of the points


def test_lesson_png_shows_the_model_over_the_points_at_slide_width(qapp, tmp_path):
    exporting.save_lesson_png(LECTURE, tmp_path / "lesson.png", steps=300, width=1280)
    image = np.asarray(Image.open(tmp_path / "lesson.png").convert("RGB")).astype(int)
    assert image.shape == (800, 1280, 3)
    canvas = image[100:760, 80:820]
    r, b = canvas[..., 0], canvas[..., 2]
    bluish, orange = (b - r > 40).mean(), (r - b > 40).mean()
    assert bluish > 0.15 and orange > 0.15  # both classes' regions are tinted


def test_pictures_use_the_light_look_whatever_the_screen_shows(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(theme.LOOK, "dark", True)
    monkeypatch.setattr(theme.LOOK, "scale", 2.0)
    exporting.save_lesson_png(LECTURE, tmp_path / "dark.png", steps=5)
    image = np.asarray(Image.open(tmp_path / "dark.png").convert("RGB"))
    assert image.shape == (600, 960, 3)
    assert (image[3, 3] == 255).all() and (image[-3, -3] == 255).all()
    assert theme.LOOK.dark and theme.LOOK.scale == 2.0  # the screen's look is put back


def gif_frames(path) -> list[np.ndarray]:
    frames = []
    with Image.open(path) as gif:
        for index in range(gif.n_frames):
            gif.seek(index)
            frames.append(np.asarray(gif.convert("RGB")).astype(int))
    return frames


def test_gif_animates_the_training_from_start_to_end(qapp, tmp_path):
    count = exporting.record_training(
        LECTURE, 40, tmp_path / "train.gif", frames=5, size=(480, 300)
    )
    frames = gif_frames(tmp_path / "train.gif")
    assert count == len(frames) == 5
    assert all(frame.shape == (300, 480, 3) for frame in frames)
    assert all((frame[2, 2] == 255).all() for frame in frames)  # white stays white, not cream
    canvas = slice(40, 280), slice(20, 290)
    moves = [
        np.abs(a[canvas] - b[canvas]).mean() for a, b in zip(frames[:-1], frames[1:], strict=True)
    ]
    assert all(move > 0.2 for move in moves)  # the boundary moves in every frame
    curve = slice(40, 280), slice(300, 480)
    assert np.abs(frames[-1][curve] - frames[0][curve]).mean() > 0.5  # the cost curve grows


def test_mp4_holds_every_frame_and_an_even_size(qapp, tmp_path):
    path = tmp_path / "train.mp4"
    count = exporting.record_training(LECTURE, 20, path, frames=3, size=(321, 201))
    frames, _seconds = imageio_ffmpeg.count_frames_and_secs(str(path))
    hold = round(exporting.HOLD_LAST_MS / 1000 * exporting.MP4_FPS)
    assert count == 3 and frames == count + hold
    reader = imageio_ffmpeg.read_frames(str(path))
    assert next(reader)["size"] == (322, 202)
    reader.close()


def test_an_animation_of_a_lesson_without_a_real_limit_records_a_bounded_run(
    window, open_lesson, tmp_path, monkeypatch
):
    """A step limit of a million (a lesson left training all lecture): the window records
    the first MAX_EXPORT_STEPS, not hours, and its progress dialog hears from the
    recording while it trains, not only between frames."""
    from PySide6.QtWidgets import QFileDialog

    from desktopdl.core import export

    tab = open_lesson("linear")
    tab.steps_spin.setValue(1_000_000)
    path = tmp_path / "long.gif"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    seen = {}
    original = exporting.record_training

    def few_frames(lesson_file, steps, out, progress=None, **kwargs):
        reports = []

        def heard(done: int, total: int) -> None:
            reports.append(done)
            progress(done, total)

        count = original(lesson_file, steps, out, frames=4, progress=heard, **kwargs)
        seen.update(steps=steps, reports=len(reports))
        return count

    monkeypatch.setattr(exporting, "record_training", few_frames)
    window._export("gif", window._export_animation)
    assert seen["steps"] == export.MAX_EXPORT_STEPS
    assert seen["reports"] > 2 * 4  # more than one report per frame trained and drawn
    assert len(gif_frames(path)) == 4


def test_an_animation_needs_a_known_format_and_trainable_data(qapp, tmp_path):
    with pytest.raises(ValueError, match="gif"):
        exporting.record_training(LECTURE, 10, tmp_path / "train.avi")
    one_class = LessonFile("binary", PointSet([[1, 2], [3, 4]], [1, 1]))
    with pytest.raises(ValueError, match="Only one class"):
        exporting.record_training(one_class, 10, tmp_path / "train.gif")


# -- the code page ---------------------------------------------------------------------------


@pytest.fixture
def panel(qtbot):
    widget = CodePanel()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    return widget


def test_code_page_shows_the_lessons_script_large_monospaced_and_read_only(panel, qtbot):
    panel.set_lesson_file(LECTURE)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.editor.toPlainText() == codegen.lesson_script(LECTURE)
    assert panel.editor.isReadOnly()
    metrics = QFontMetrics(panel.editor.font())
    assert metrics.horizontalAdvance("iiii") == metrics.horizontalAdvance("WWWW")  # monospace
    assert panel.point_size() >= 14
    lines = panel.editor.toPlainText().splitlines()
    top = panel.editor.verticalScrollBar().value()  # the first line in view
    assert lines[top] == "import torch"  # the code shows first, the header is above it


def test_code_page_follows_changes_even_while_hidden(panel, qtbot):
    panel.set_lesson_file(LECTURE)
    faster = replace(LECTURE, settings=replace(LECTURE.settings, learning_rate=0.5))
    panel.set_lesson_file(faster)  # hidden: remembered, written when shown
    assert "lr=0.5)" not in panel.editor.toPlainText()
    panel.show()
    qtbot.waitExposed(panel)
    assert "lr=0.5)" in panel.editor.toPlainText()


def test_regenerating_keeps_the_teachers_place_in_the_code(panel, qtbot):
    net = lesson_file.read(resource("presets", "network_spirals.json"))
    panel.set_lesson_file(net)
    panel.show()
    qtbot.waitExposed(panel)
    bar = panel.editor.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    panel.set_lesson_file(net, steps=123)
    qtbot.waitUntil(lambda: "for step in range(123):" in panel.editor.toPlainText())
    assert bar.value() == place > 0


def test_copy_puts_the_script_on_the_clipboard(panel):
    panel.set_lesson_file(LECTURE)
    panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == codegen.lesson_script(LECTURE)


def test_save_writes_the_script_and_the_notebook(panel, tmp_path):
    panel.set_lesson_file(LECTURE, steps=10)
    saved = []
    panel.saved.connect(saved.append)
    panel.save_script(tmp_path / "lesson.py")
    panel.save_notebook(tmp_path / "lesson.ipynb")
    assert (tmp_path / "lesson.py").read_text(encoding="utf-8") == panel.text()
    book = json.loads((tmp_path / "lesson.ipynb").read_text(encoding="utf-8"))
    assert book["nbformat"] == 4
    assert saved == [str(tmp_path / "lesson.py"), str(tmp_path / "lesson.ipynb")]


def test_untrainable_data_shows_why_and_disables_saving(panel):
    panel.set_lesson_file(LessonFile("binary", PointSet.empty()))
    assert panel.problem is not None and "no points" in panel.text()
    assert not panel.save_py_button.isEnabled() and not panel.save_ipynb_button.isEnabled()
    panel.set_lesson_file(LECTURE)
    assert panel.problem is None and panel.save_py_button.isEnabled()


def test_highlighting_marks_keywords_and_the_lectures_comments(panel, qtbot):
    panel.set_lesson_file(LECTURE)
    panel.show()
    qtbot.waitExposed(panel)
    document = panel.editor.document()

    def formats(line: str):
        block = document.begin()
        while block.isValid() and block.text() != line:
            block = block.next()
        assert block.isValid(), line
        return block.layout().formats()

    (keyword, *_rest) = formats("import torch")
    assert keyword.start == 0 and keyword.length == len("import")
    assert keyword.format.fontWeight() > 500
    comment = formats("# [딥러닝의 1단계]: 모델을 만든다.")
    assert comment and comment[-1].format.fontItalic()
    assert comment[-1].length == len("# [딥러닝의 1단계]: 모델을 만든다.")


def test_mp4_without_ffmpeg_says_so(tmp_path, monkeypatch):
    """A bundle built without ffmpeg (installer/desktopdl.spec) must fail in words."""

    def missing():
        raise RuntimeError("No ffmpeg exe could be found.")

    monkeypatch.setattr(imageio_ffmpeg, "get_ffmpeg_exe", missing)
    frame = np.zeros((20, 20, 3), dtype=np.uint8)
    with pytest.raises(OSError, match="needs ffmpeg"):
        exporting.write_mp4([frame, frame], tmp_path / "x.mp4")
