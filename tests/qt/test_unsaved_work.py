"""Closing over unsaved work asks first, and a saved file keeps its own title."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktopdl.core import lesson_file
from tests.qt.conftest import click

Button = QMessageBox.StandardButton
HANGUL = re.compile("[가-힣]")


@pytest.fixture
def answers(monkeypatch):
    """The teacher's answers to the close question, in order (then Discard, so the window
    closes at the test's end); the questions asked are kept."""
    asked: list[str] = []
    queue: list[QMessageBox.StandardButton] = []

    def question(_parent, title, text, *_args, **_kwargs):
        asked.append(f"{title}: {text}")
        return queue.pop(0) if queue else Button.Discard

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked, queue


def test_closing_after_adding_a_point_asks_and_cancel_keeps_the_window(
    window, open_lesson, answers
):
    asked, queue = answers
    tab = open_lesson("binary")
    click(tab, 3.0, 3.0)
    edited = tab.workspace.data()
    queue.append(Button.Cancel)
    assert not window.close()
    assert len(asked) == 1 and tab.lesson.title in asked[0]
    assert window.isVisible()
    assert tab.workspace.data() == edited
    queue.append(Button.Discard)
    assert window.close()


def test_the_question_is_asked_in_korean(window, korean, open_lesson, answers):
    asked, queue = answers
    click(open_lesson("binary"), 3.0, 3.0)
    queue.append(Button.Cancel)
    assert not window.close()
    title, _text = asked[0].split(": ", 1)
    assert HANGUL.search(title), asked[0]  # the question's own words, not a lesson's name


def test_save_in_the_question_writes_the_lesson_and_closes(
    window, open_lesson, answers, monkeypatch, tmp_path
):
    asked, queue = answers
    tab = open_lesson("binary")
    click(tab, 3.0, 3.0)
    edited = tab.workspace.data()
    path = tmp_path / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))
    queue.append(Button.Save)
    assert window.close()
    assert lesson_file.read(path).data == edited


def test_cancelling_the_save_dialog_keeps_the_window(window, open_lesson, answers, monkeypatch):
    _asked, queue = answers
    tab = open_lesson("binary")
    click(tab, 3.0, 3.0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))
    queue.append(Button.Save)
    assert not window.close()
    assert window.isVisible()


def test_a_changed_setting_counts_as_unsaved_work(window, open_lesson, answers):
    asked, queue = answers
    tab = open_lesson("linear")
    tab.seed_spin.setValue(tab.seed_spin.value() + 1)
    queue.append(Button.Cancel)
    assert not window.close()
    assert asked


def test_nothing_is_asked_without_changes_after_an_undo_or_after_saving(
    window, open_lesson, answers, tmp_path
):
    asked, queue = answers
    tab = open_lesson("binary")
    click(tab, 3.0, 3.0)
    tab.workspace.undo_stack.undo()
    assert window.unsaved_tabs() == []
    click(tab, 3.0, 3.0)
    assert window.save_path(str(tmp_path / "saved.json"), with_weights=False, remember=False)
    assert window.unsaved_tabs() == []
    assert window.close()
    assert asked == []


def test_choosing_a_preset_is_not_unsaved_work(window, open_lesson, answers):
    asked, _queue = answers
    tab = open_lesson("binary")
    tab.preset_combo.activated.emit(len(tab.presets) - 1)
    assert window.close()
    assert asked == []


def test_saving_a_file_opened_from_disk_keeps_the_files_own_title(window, open_lesson, tmp_path):
    tab = open_lesson("binary")
    preset_title = tab.preset_combo.currentText()
    assert preset_title  # a preset is chosen, so its name is what the list shows
    mine = replace(tab.lesson_file(), title="Marks of my class", description="from week 3")
    source, copy = tmp_path / "class.json", tmp_path / "copy.json"
    lesson_file.write(source, mine)
    assert window.open_path(str(source), remember=False)
    assert tab.preset_combo.currentText() != preset_title  # the list no longer names it
    assert window.save_path(str(copy), with_weights=False, remember=False)
    assert lesson_file.read(copy).title == "Marks of my class"
    click(tab, 3.0, 3.0)  # an edit of the teacher's own file: still the file's title
    assert window.save_path(str(copy), with_weights=False, remember=False)
    assert lesson_file.read(copy).title == "Marks of my class"


def test_the_save_dialog_offers_the_file_the_lesson_came_from(
    window, open_lesson, tmp_path, monkeypatch
):
    tab = open_lesson("binary")
    source = tmp_path / "class.json"
    lesson_file.write(source, tab.lesson_file())
    assert window.open_path(str(source), remember=False)
    offered = []

    def dialog(_parent, _title, suggested, _filter):
        offered.append(suggested)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    window._save_dialog(with_weights=False)
    assert offered == [str(source)]


def test_the_self_test_never_asks(monkeypatch, capsys):
    """Even when a lesson stays edited (here its save-and-reopen is skipped), the self-test
    closes its window without a question that no one would answer."""
    from desktopdl.qt import app

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **_k: asked.append(a) or Button.Discard)
    monkeypatch.setattr(app, "_save_and_reopen", lambda _window, _tab: [])
    assert app.self_test() == 0
    assert asked == []


def test_work_unsaved_before_a_language_restart_is_still_unsaved_after_it(
    window, open_lesson, qtbot, tmp_path
):
    """The restart carries the lessons over in a session folder: closing the new window
    must still ask about the points that were never saved, and Save offers their file."""
    from desktopdl.qt.main_window import MainWindow

    tab = open_lesson("binary")
    source = tmp_path / "class.json"
    lesson_file.write(source, tab.lesson_file())
    assert window.open_path(str(source), remember=False)
    click(tab, 3.0, 3.0)
    folder = window.save_session()
    restarted = MainWindow()
    qtbot.addWidget(restarted)
    try:
        restarted.restore_session(folder)
        assert [t.lesson.key for t in restarted.unsaved_tabs()] == ["binary"]
        assert restarted.tab_for("binary").file_path == str(source)
        assert restarted.tab_for("binary").workspace.data() == tab.workspace.data()
    finally:
        assert restarted.shutdown()
