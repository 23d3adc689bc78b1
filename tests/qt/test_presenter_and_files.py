"""Presenter mode (size, theme, blank, clicker keys) and lesson files from the window."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from desktopdl.core import lesson_file
from desktopdl.qt import theme
from tests.qt.conftest import full_speed, wait_for_step


def test_bigger_scales_fonts_markers_and_lines_together(open_lesson, window, qtbot):
    tab = open_lesson("binary")
    axis = tab.canvas.getPlotItem().getAxis("bottom")
    font_before = axis.style["tickFont"].pointSizeF()
    marker_before = tab.canvas.scatter.opts["size"]
    boundary_before = tab.overlay.boundary.pen().widthF()
    label_before = tab.formula_label.font().pointSizeF()
    try:
        QTest.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        ratio = theme.LOOK.scale
        assert ratio > 1.3
        assert axis.style["tickFont"].pointSizeF() == np.float64(font_before * ratio)
        assert tab.canvas.scatter.opts["size"] == marker_before * ratio
        assert tab.overlay.boundary.pen().widthF() == boundary_before * ratio
        assert tab.formula_label.font().pointSizeF() == label_before * ratio
        QTest.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
        assert theme.LOOK.scale == 1.0
        assert tab.canvas.scatter.opts["size"] == marker_before
        assert tab.overlay.boundary.pen().widthF() == boundary_before
    finally:
        window.set_scale(1.0)


def test_dark_theme_never_leaves_plots_black_on_black(open_lesson, window, qtbot):
    tab = open_lesson("binary")
    try:
        window.dark_action.trigger()
        assert theme.LOOK.dark
        background = tab.canvas.backgroundBrush().color()
        axis_pen = tab.canvas.getPlotItem().getAxis("left").pen().color()
        boundary = tab.overlay.boundary.pen().color()
        assert background.lightness() < 60
        assert axis_pen.lightness() > 180 and boundary.lightness() > 180
        qtbot.waitUntil(lambda: window.palette().window().color().lightness() < 80)
        window.light_action.trigger()
        assert tab.canvas.backgroundBrush().color() == QColor("#FFFFFF")
        assert tab.overlay.boundary.pen().color().lightness() < 60
    finally:
        window.set_dark(False)


def test_page_down_steps_and_b_blanks_and_pauses(open_lesson, window, qtbot):
    tab = open_lesson("linear")
    QTest.keyClick(window, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: tab.snapshot.step == 1)
    tab.steps_spin.setValue(0)
    tab.toggle_training()
    qtbot.waitUntil(lambda: tab.snapshot.running)
    QTest.keyClick(window, Qt.Key.Key_B)
    assert window.blank.isVisible()
    qtbot.waitUntil(lambda: not tab.snapshot.running)
    QTest.keyClick(window, Qt.Key.Key_B)
    assert not window.blank.isVisible()


def test_fullscreen_toggles(window, qtbot):
    window.toggle_fullscreen()
    qtbot.waitUntil(window.isFullScreen)
    window.toggle_fullscreen()
    qtbot.waitUntil(lambda: not window.isFullScreen())


def test_save_and_open_round_trip_with_trained_weights(open_lesson, window, qtbot, tmp_path):
    tab = open_lesson("binary")
    full_speed(tab)
    tab.seed_spin.setValue(3)
    tab.lr_spin.setValue(0.05)
    tab.steps_spin.setValue(500)
    tab.reset()
    qtbot.waitUntil(lambda: tab.snapshot.step == 0)
    tab.toggle_training()
    wait_for_step(qtbot, tab, 500)
    trained = tab.lesson.flatten(list(tab.snapshot.params))
    path = tmp_path / "demo.json"
    assert window.save_path(str(path), with_weights=True)
    saved = lesson_file.read(path)
    assert saved.settings.seed == 3 and saved.settings.learning_rate == 0.05
    assert saved.data == tab.canvas.editor.points
    assert np.allclose(saved.weights, trained)
    tab.reset()
    tab.canvas.editor.clear()
    qtbot.waitUntil(lambda: tab.snapshot.step == 0)
    assert window.open_path(str(path))
    qtbot.waitUntil(lambda: np.allclose(tab.lesson.flatten(list(tab.snapshot.params)), trained))
    assert tab.canvas.editor.points == saved.data
    assert tab.seed_spin.value() == 3 and tab.lr_spin.value() == 0.05
    assert str(path.resolve()) in window.recent_files()
    assert window.recent_menu.actions()[0].text() == "demo.json"


def test_every_lesson_round_trips_through_save_and_open(window, qtbot, tmp_path):
    for tab in window.tabs:
        window.show_lesson(tab.lesson.key)
        path = tmp_path / f"{tab.lesson.key}.json"
        assert window.save_path(str(path), with_weights=True)
        first = lesson_file.read(path)
        assert window.open_path(str(path))
        assert window.save_path(str(path), with_weights=True)
        second = lesson_file.read(path)
        assert first.lesson == second.lesson == tab.lesson.key
        assert first.data == second.data and first.settings == second.settings
        assert np.allclose(first.weights, second.weights)


def test_code_page_follows_the_lesson_settings(open_lesson, qtbot):
    tab = open_lesson("binary")
    tab.views.setCurrentWidget(tab.code_panel)
    qtbot.waitUntil(lambda: "lr=0.01" in tab.code_panel.text())
    tab.lr_spin.setValue(0.05)
    qtbot.waitUntil(lambda: "lr=0.05" in tab.code_panel.text())
    tab.seed_spin.setValue(11)
    qtbot.waitUntil(lambda: "torch.manual_seed(11)" in tab.code_panel.text())


def test_export_menu_writes_the_chosen_file(open_lesson, window, tmp_path, monkeypatch):
    from desktopdl.qt import main_window

    tab = open_lesson("linear")
    target = tmp_path / "points.csv"
    monkeypatch.setattr(
        main_window.QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "")
    )
    action = next(
        a for a in window.findChildren(main_window.QAction) if a.text() == "Points as CSV…"
    )
    action.trigger()
    rows = target.read_text().strip().splitlines()
    assert len(rows) == len(tab.canvas.editor.points) + 1  # a header, then one row a point


def test_window_fits_a_1024_by_768_projector_in_both_languages(qtbot):
    from desktopdl.qt import i18n
    from desktopdl.qt.app import application
    from desktopdl.qt.main_window import MainWindow

    app = application()
    for language in ("en", "ko"):
        i18n.install(app, language)
        window = MainWindow()
        qtbot.addWidget(window)
        try:
            hint = window.minimumSizeHint()
            assert hint.width() <= 1024 and hint.height() <= 768, (language, hint)
        finally:
            assert window.shutdown()
    i18n.install(app, "en")
