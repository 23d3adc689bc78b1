"""Korean and English: every string translated, the catalogue current, Korean on screen."""

import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication

from desktopdl.core.text import T
from desktopdl.qt import i18n
from desktopdl.qt.app import application
from desktopdl.resources import resource

TS = resource("translations", "desktopdl_ko.ts")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def messages(path):
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation")


def test_every_string_has_a_korean_translation_with_the_same_placeholders():
    untranslated, broken = [], []
    for context, source, translation in messages(TS):
        if (
            translation is None
            or translation.get("type") == "unfinished"
            or not (translation.text or "").strip()
        ):
            untranslated.append(f"{context}: {source}")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation.text)):
            broken.append(f"{context}: {source} → {translation.text}")
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not broken, broken[:5]


def test_catalogue_holds_every_string_in_the_code(tmp_path):
    """Re-extracting the sources into a copy adds nothing: no string was left out."""
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    i18n.update(copy, tmp_path / "check.qm")
    before = {(c, s) for c, s, _t in messages(TS)}
    after = {(c, s) for c, s, _t in messages(copy)}
    assert after - before == set(), (
        f"new strings not in the catalogue: {sorted(after - before)[:5]}"
    )
    assert before - after == set(), f"stale strings: {sorted(before - after)[:5]}"


@pytest.fixture
def korean():
    app = application()
    assert i18n.install(app, "ko")
    yield app
    i18n.install(app, "en")


def test_korean_catalogue_translates_interface_core_and_qt_strings(korean):
    assert QCoreApplication.translate("LessonTab", "② Train") == "② 학습"
    message = T("Finished: reached the step limit ({steps} steps).", steps="2,000")
    shown = i18n.tr_core(message)
    assert "2,000" in shown and shown != str(message)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"  # Qt's own


def test_main_window_in_korean(korean, qtbot):
    from desktopdl.qt.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    try:
        tab = window.show_lesson("binary")
        assert window.tabs_widget.tabText(1) == QCoreApplication.translate(
            "core", "Binary Classification"
        )
        assert tab.train_button.text() == "학습"
        assert re.search("[가-힣]", tab.reset_button.text())
    finally:
        assert window.shutdown()


def test_korean_font_is_shipped_and_registers():
    application()
    families = i18n.register_fonts()
    assert any("Nanum" in family for family in families)
    assert resource("fonts", "NanumGothic-LICENSE.txt").is_file()


def test_the_training_threads_crash_message_reaches_korean_translated(korean):
    from desktopdl.core.data import PointSet
    from desktopdl.core.lessons import lesson
    from desktopdl.core.trainer import Trainer
    from tests.lecture import LECTURE_X, LECTURE_Y

    trainer = Trainer(lesson("binary"), PointSet(LECTURE_X, LECTURE_Y))
    trainer.fail(RuntimeError("boom"))
    shown = i18n.tr_core(trainer.message)
    assert "boom" in shown and re.search("[가-힣]", shown), shown


def test_an_export_refused_for_the_data_is_explained_in_korean(korean, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from desktopdl.qt.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    said = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("/tmp/x.gif", ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    try:
        tab = window.show_lesson("binary")
        tab.workspace.editor.clear()  # no points: nothing to record
        window._export("gif", window._export_animation)
    finally:
        assert window.shutdown()
    assert said and re.search("[가-힣]", said[0]), said
