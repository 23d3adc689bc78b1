"""What the class sees: the numbers on screen at projector sizes, nothing stale, nothing
that changes by accident, and the right words (one test per finding of the screen review)."""

from __future__ import annotations

import re
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from desktopdl.core import codegen, lesson_file
from desktopdl.core.lessons.base import number
from desktopdl.qt import i18n, theme
from desktopdl.qt.app import application
from desktopdl.qt.main_window import MainWindow
from desktopdl.resources import resource
from tests.qt.conftest import click, full_speed, give_test_input, train_steps

HEADLINE = ("step_label", "cost_label", "message_label", "test_result")


def visible_inside(widget, window) -> bool:
    """The widget is shown, not scrolled away, and lies inside the window."""
    if not widget.isVisible() or widget.visibleRegion().isEmpty():
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    return (
        top_left.x() >= 0
        and top_left.y() >= 0
        and top_left.x() + widget.width() <= window.width()
        and top_left.y() + widget.height() <= window.height()
    )


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_headline_numbers_and_the_test_answer_are_on_screen(qtbot, language, size):
    app = application()
    i18n.install(app, language)
    window = MainWindow()
    qtbot.addWidget(window)
    try:
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        for scale in (1.0, 1.32):
            window.set_scale(scale)
            for tab in window.tabs:
                window.show_lesson(tab.lesson.key)
                qtbot.waitUntil(lambda t=tab: t.snapshot is not None)
                tab.test_mode_button.setChecked(True)
                give_test_input(tab)
                QApplication.processEvents()
                for name in HEADLINE:
                    widget = getattr(tab, name)
                    assert visible_inside(widget, window), (language, size, scale, tab, name)
                tab.test_mode_button.setChecked(False)
    finally:
        window.set_scale(1.0)
        i18n.install(app, "en")
        assert window.shutdown()


def test_presenter_layout_folds_the_controls_and_shows_the_numbers_large(window, qtbot):
    tab = window.current_tab
    normal = tab.cost_label.font().pointSizeF()
    QTest.keyClick(window, Qt.Key.Key_P)
    assert not tab.panel_scroll.isVisible()
    assert tab.cost_label.font().pointSizeF() > 1.4 * normal
    assert visible_inside(tab.cost_label, window) and tab.canvas.isVisible()
    QTest.keyClick(window, Qt.Key.Key_P)
    assert tab.panel_scroll.isVisible()
    assert tab.cost_label.font().pointSizeF() == pytest.approx(normal)


def test_the_window_never_opens_larger_than_the_screen(qtbot):
    application()
    window = MainWindow()
    qtbot.addWidget(window)
    try:
        free = window.screen().availableGeometry()
        assert window.width() <= free.width() and window.height() <= free.height()
    finally:
        assert window.shutdown()


def test_the_cost_on_screen_is_the_scripts_and_the_ledgers(open_lesson, qtbot, tmp_path):
    """The lecture's 2000 steps: the headline, the curve's end, the ledger's last row and
    the exported script all say the cost the last step computed; the curve ends at 2000."""
    tab = open_lesson("binary")
    tab.views.setCurrentWidget(tab.ledger_view)
    train_steps(qtbot, tab, 2000)
    script = tmp_path / "lecture.py"
    script.write_text(codegen.lesson_script(tab.lesson_file(), 2000))
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    printed = float(re.search(r"^cost = (\S+)", out.stdout, re.M).group(1))
    assert tab.cost_label.text() == f"cost of step 2,000: {printed:.6f}"
    assert tab.cost_plot.steps[-1] == 2000 and tab.cost_plot.values[-1] == printed
    model = tab.ledger_view.model
    qtbot.waitUntil(lambda: model.rowCount() > 0 and model.index(0, 0).data() == "1999")
    cost_column = 1 + len(tab.lesson.flat_names)
    assert model.index(0, cost_column).data() == f"{printed:.6f}"


def test_after_three_steps_the_curve_reaches_step_three(open_lesson, qtbot):
    tab = open_lesson("linear")
    for target in (1, 2, 3):
        tab.step_once()
        qtbot.waitUntil(lambda t=target: tab.snapshot.step == t)
    assert list(tab.cost_plot.steps) == [1, 2, 3]


def test_subscripts_are_real_subscripts_and_the_softmax_equation_fits(open_lesson, qtbot):
    tab = open_lesson("binary")
    assert "x<sub>1</sub>" in tab.equation_label.text() and "₁" not in tab.equation_label.text()
    axis = tab.canvas.getPlotItem().getAxis("bottom").labelText
    assert "<sub>1</sub>" in axis
    softmax = open_lesson("softmax")
    qtbot.waitUntil(lambda: softmax.equation_label.text().count("<br>") >= 3)  # a row a class
    assert softmax.equation_label.sizeHint().width() <= softmax.panel_scroll.width()


def _boundary_pixel_visible(tab) -> bool:
    """Some pixel on the drawn boundary differs clearly from the surface beside it."""
    image = tab.canvas.grab().toImage()
    xs, ys = tab.overlay.boundary.points()
    contrast = []
    for t in np.linspace(0.2, 0.8, 7):
        x, y = xs[0] + t * (xs[1] - xs[0]), ys[0] + t * (ys[1] - ys[0])
        on = tab.canvas.map_to_widget(x, y)
        off = on + QPoint(0, 12)
        a, b = image.pixelColor(on), image.pixelColor(off)
        contrast.append(abs(a.lightness() - b.lightness()))
    return max(contrast) > 60


def test_the_boundary_stays_visible_after_each_theme_switch(open_lesson, window, qtbot):
    tab = open_lesson("binary")
    train_steps(qtbot, tab, 300)
    qtbot.waitUntil(lambda: tab.overlay.boundary.points() is not None)
    for dark in (True, False, True, False):
        window.set_dark(dark)
        QApplication.processEvents()
        assert _boundary_pixel_visible(tab), f"dark={dark}"
        # The surface repainted in the theme's colours: its 0.5 band is the background.
        middle = tab.overlay.surface._lut[128][:3]
        background = theme.LOOK.background.getRgb()[:3]
        assert all(abs(int(a) - b) <= 3 for a, b in zip(middle, background, strict=True))
    window.set_dark(False)


def test_clear_leaves_nothing_of_the_old_data(open_lesson, qtbot):
    tab = open_lesson("binary")
    train_steps(qtbot, tab, 50)
    assert tab.preset_combo.currentIndex() >= 0
    QTest.mouseClick(tab.workspace.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.snapshot.step == 0 and len(tab.cost_plot.values) == 0)
    assert "nan" not in tab.cost_label.text().lower() and "—" in tab.cost_label.text()
    assert tab.step_label.text().startswith("step 0")
    assert not tab.phase_label.isVisible()
    assert tab.preset_combo.currentIndex() == -1
    assert "no points" in tab.message_label.text()


def test_own_points_replace_the_presets_title_and_description(open_lesson, qtbot):
    tab = open_lesson("binary")
    note = tab.message_label.text()
    assert note
    click(tab, 2.0, 2.0)
    assert tab.preset_combo.currentIndex() == -1
    assert tab.preset_combo.placeholderText() == "your own points"
    assert tab.lesson_file().description == "" and tab.message_label.text() != note


def test_the_generator_shows_what_is_on_the_canvas_and_choosing_a_set_makes_it(open_lesson, qtbot):
    tab = open_lesson("network")
    workspace = tab.workspace
    assert workspace.dataset_combo.currentIndex() == -1  # the XOR preset came from a file
    assert workspace.points_spin.value() == len(workspace.data())
    train_steps(qtbot, tab, 100)
    circles = workspace.dataset_combo.findData("circles")
    workspace.dataset_combo.setCurrentIndex(circles)
    workspace.dataset_combo.activated.emit(circles)  # as a choice in the list does
    qtbot.waitUntil(lambda: tab.snapshot.step == 0 and len(tab.cost_plot.values) == 0)
    assert "circles" in tab.preset_combo.placeholderText().lower()
    assert tab.preset_combo.currentIndex() == -1 and tab.lesson_file().description == ""
    assert workspace.points_spin.value() == len(workspace.data())


@pytest.mark.parametrize(
    ("hidden", "expected"),
    [
        ((), "H(x) = σ(W<sub>1</sub>x + b<sub>1</sub>)"),
        ((4,), "H(x) = σ(W<sub>2</sub>·tanh(W<sub>1</sub>x + b<sub>1</sub>) + b<sub>2</sub>)"),
    ],
)
def test_the_network_formula_follows_its_shape(open_lesson, qtbot, hidden, expected):
    tab = open_lesson("network")
    tab.layers_editor.setValue(hidden)
    tab.layers_editor.valueChanged.emit(hidden)
    qtbot.waitUntil(lambda: tab.formula_label.text() == expected)
    assert [s.isVisible() for s in tab.neuron_spins[:1]] == [bool(hidden)]


def test_the_wheel_over_an_unfocused_field_scrolls_instead_of_changing_it(open_lesson, qtbot):
    tab = open_lesson("linear")
    speed = tab.speed_combo
    before = speed.currentIndex()
    assert not speed.hasFocus()
    centre = QPointF(speed.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(speed.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(speed, event)
    assert speed.currentIndex() == before
    spin = tab.test_spins[0]
    value = spin.value()
    QApplication.sendEvent(spin, event)
    assert spin.value() == value


def test_space_after_enter_in_the_learning_rate_trains(open_lesson, window, qtbot):
    tab = open_lesson("linear")
    full_speed(tab)
    spin = tab.lr_spin
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, "0.02")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    assert spin.value() == pytest.approx(0.02)
    QTest.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tab.snapshot.step > 0)
    assert spin.value() == pytest.approx(0.02)  # the field kept its number
    tab.pause()


def test_switching_language_keeps_every_lesson(window, qtbot):
    tab = window.show_lesson("network")
    preset = lesson_file.read(resource("presets", "network_lecture_nonlinear.json"))
    tab.load_lesson_file(preset)
    train_steps(qtbot, tab, 200)
    trained = [p.copy() for p in tab.snapshot.params]
    folder = window.save_session()
    restarted = MainWindow()
    qtbot.addWidget(restarted)
    try:
        restarted.restore_session(folder)
        again = restarted.current_tab
        assert again.lesson.key == "network"
        assert again.workspace.data() == tab.workspace.data()
        qtbot.waitUntil(
            lambda: (
                again.snapshot is not None
                and all(
                    np.array_equal(a, b)
                    for a, b in zip(again.snapshot.params, trained, strict=True)
                )
            )
        )
    finally:
        assert restarted.shutdown()


def test_korean_file_dialog_and_the_restart_question_are_korean(qtbot):
    app = application()
    i18n.install(app, "ko")
    try:
        dialog = QFileDialog()
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "찾기" in texts or "파일" in texts, texts
        question = QCoreApplication.translate(
            "MainWindow",
            "DesktopDL restarts in the new language, with every lesson as it is now "
            "(points, settings and trained weights). Restart now?",
        )
        assert re.search("[가-힣]", question)
    finally:
        i18n.install(app, "en")


def test_exported_script_comments_follow_the_language(tmp_path):
    source = resource("presets", "lecture_binary.json")
    for language, sign in (("ko", "[가-힣]"), ("en", "the app's Seed")):
        out = tmp_path / f"{language}.py"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktopdl",
                "export",
                str(source),
                "--code",
                str(out),
                "--lang",
                language,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        seed_line = next(line for line in out.read_text().splitlines() if "manual_seed" in line)
        assert re.search(sign, seed_line), seed_line
        assert "# [딥러닝의 2단계] 학습을 한다" in out.read_text()  # the lecture's own words


def test_a_rate_that_overflows_at_once_is_blamed_on_the_rate(open_lesson, qtbot):
    tab = open_lesson("binary")
    tab.lr_spin.setValue(10.0)
    tab.steps_spin.setValue(0)
    full_speed(tab)
    tab.reset()
    qtbot.waitUntil(lambda: tab.snapshot.step == 0)
    tab.toggle_training()
    qtbot.waitUntil(lambda: tab.snapshot.status == "diverged", timeout=20_000)
    text = tab.message_label.text()
    assert "learning rate" in text and "separable" not in text


def test_huge_and_tiny_numbers_read_in_scientific_notation():
    assert number(77143662149136023552.0) == "7.714e+19"
    assert number(3.2e-6) == "3.200e-06"
    assert number(0.7989) == "0.7989"


def test_blank_covers_the_whole_window(window, qtbot):
    QTest.keyClick(window, Qt.Key.Key_B)
    assert window.blank.isVisible() and window.blank.geometry() == window.rect()
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    image = window.grab().toImage()
    corners = [
        image.pixelColor(x, y) for x, y in ((2, 2), (image.width() - 3, 2), (2, image.height() - 3))
    ]
    assert all(c.lightness() < 10 for c in corners), corners
    QTest.keyClick(window, Qt.Key.Key_B)
    assert not window.blank.isVisible() and window.menuBar().isVisible()


def test_the_test_star_leaves_the_point_under_it_visible(open_lesson, qtbot):
    tab = open_lesson("binary")
    points = tab.workspace.data().xy
    x, y = points[0]
    tab.test_mode_button.setChecked(True)
    click(tab, float(x), float(y))
    assert tab.test_marker.isVisible()
    image = tab.canvas.grab().toImage()
    centre = tab.canvas.map_to_widget(float(x), float(y))
    point = theme.class_color(int(tab.workspace.data().labels[0]))
    shown = image.pixelColor(tab.canvas.map_to_widget(float(x), float(y)))
    assert abs(shown.hue() - point.hue()) < 15 and abs(shown.value() - point.value()) < 40
    arm = [image.pixelColor(centre + QPoint(0, -dy)) for dy in range(10, 22)]  # its top arm
    assert any(c.red() > 180 and c.green() > 160 and c.blue() < 120 for c in arm), arm


def test_undo_and_redo_say_what_they_are(open_lesson):
    tab = open_lesson("binary")
    workspace = tab.workspace
    assert workspace.undo_button.text() == "↶" and "Undo" in workspace.undo_button.toolTip()
    assert workspace.redo_button.text() == "↷" and "Redo" in workspace.redo_button.toolTip()


def test_surfaces_and_landscapes_have_a_colour_key_and_classes_have_boundary_lines(
    open_lesson, qtbot
):
    network = open_lesson("network")
    train_steps(qtbot, network, 200)
    qtbot.waitUntil(lambda: network.overlay.boundary_lines.segment_count() > 0)
    assert "P = 1" in network.overlay.legend.text and network.overlay.legend.isVisible()
    softmax = open_lesson("softmax")
    train_steps(qtbot, softmax, 100)
    qtbot.waitUntil(lambda: softmax.overlay.boundary_lines.segment_count() > 0)
    linear = open_lesson("linear")
    linear.views.setCurrentWidget(linear.landscape)
    linear.step_once()
    qtbot.waitUntil(lambda: linear.landscape.main_plot.key.isVisible(), timeout=20_000)
    assert any("cost" in label for label in linear.landscape.main_plot.key.labels)


def test_an_export_says_where_it_saved(window, monkeypatch, tmp_path):
    target = tmp_path / "training.gif"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window._export("gif", lambda path: open(path, "wb").close())  # the GIF writer stands in
    assert str(target.resolve()) in window.statusBar().currentMessage()
