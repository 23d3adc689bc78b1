"""Presenting a deck as a teacher does: a clicker's Page Down / Page Up, a question answered
by a guess on the canvas, speaker notes, authoring slides, and the handout export."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktopdl.core import deck as decks
from desktopdl.core import lesson_file
from desktopdl.core.deck import Action, Deck, Slide, Words
from desktopdl.qt import deck as deck_ui
from desktopdl.resources import resource
from tests.qt.conftest import click


def preset(name: str):
    return lesson_file.read(resource("presets", name))


def small_deck() -> Deck:
    return Deck(
        (
            Slide(
                preset("lecture_binary.json"),
                title=Words("Three stages", "세 단계"),
                text=Words("Build, train, test.", "모델 생성, 학습, 테스트."),
                notes=Words("Point at the three panels.", "세 단계를 가리키세요."),
                actions=(Action("train", steps=300),),
            ),
            Slide(
                preset("lecture_binary.json"),
                title=Words("Where will the boundary go?", "경계는 어디로?"),
                question=Words("Where will the boundary go?", "경계는 어디로 갈까요?"),
                actions=(Action("train", steps=400),),
            ),
            Slide(
                preset("linear_lecture_line.json"),
                title=Words("Linear regression", "선형 회귀"),
                page="landscape_panel",
                actions=(Action("train", steps=50),),
            ),
        ),
        title=Words("Test deck", "시험 덱"),
    )


@pytest.fixture(autouse=True)
def no_real_questions(monkeypatch):
    """A modal question nobody answers would hang the run: unless a test answers it
    itself, closing discards the test's edits."""
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard
    )


@pytest.fixture
def presenting(window, qtbot):
    player = window.deck_player
    player.fast = True  # the class would watch ~3 s per action; the test needs no show

    def open_(deck: Deck):
        with qtbot.waitSignal(player.slide_ready, timeout=30_000, raising=False):
            player.open(deck)
        return player

    yield open_
    player.dirty = False  # closing the test's window must not ask to save its edits


def press(window, key) -> None:
    QTest.keyClick(window, key)


def test_page_down_and_page_up_walk_the_slides_and_run_them(window, presenting, qtbot):
    player = presenting(small_deck())
    bar = window.deck_bar
    assert bar.isVisible() and bar.counter.text() == "1 / 3"
    tab = window.current_tab
    assert tab.lesson.key == "binary" and tab.snapshot.step == 300  # its action ran
    assert bar.title.text() in ("Three stages", "세 단계")
    with qtbot.waitSignal(player.slide_ready, timeout=30_000):
        press(window, Qt.Key.Key_PageDown)  # slide 2 asks first: its actions wait
        assert bar.counter.text() == "2 / 3" and player.state == "asking"
        press(window, Qt.Key.Key_PageDown)  # the reveal
    assert window.current_tab.snapshot.step == 400
    with qtbot.waitSignal(player.slide_ready, timeout=30_000):
        press(window, Qt.Key.Key_Right)  # → is a clicker's forward too
    assert window.current_tab.lesson.key == "linear"
    assert window.current_tab.current_page_name() == "landscape_panel"
    press(window, Qt.Key.Key_PageDown)  # past the last slide: nothing happens
    assert bar.counter.text() == "3 / 3"
    press(window, Qt.Key.Key_PageUp)  # back to the question: it asks again
    assert bar.counter.text() == "2 / 3" and window.current_tab.lesson.key == "binary"
    assert player.state == "asking" and bar.reveal_button.isVisible()


def test_without_a_deck_page_down_still_steps_the_lesson(open_lesson, window, qtbot):
    tab = open_lesson("binary")
    tab.reset()
    qtbot.waitUntil(lambda: tab.snapshot.step == 0, timeout=10_000)
    press(window, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: tab.snapshot.step == 1, timeout=10_000)
    assert not window.deck_bar.isVisible()


def test_a_question_takes_a_guess_then_reveals_the_answer_beside_it(window, presenting, qtbot):
    player = presenting(small_deck())
    with qtbot.waitSignal(player.changed, timeout=10_000):
        player.go(1)
    tab = window.current_tab
    assert player.state == "asking" and window.deck_bar.question.isVisible()
    points = len(tab.workspace.data())
    click(tab, 2.0, 1.0)
    click(tab, 5.0, 5.0)
    assert len(tab.workspace.data()) == points  # a guess is not a training point
    flat = [value for point in tab.guesses() for value in point]
    assert flat == pytest.approx([2.0, 1.0, 5.0, 5.0], abs=0.15)
    assert tab.guess_line.isVisible()
    qtbot.waitUntil(lambda: tab.snapshot.step == 0, timeout=10_000)  # the slide's fresh start
    qtbot.wait(300)
    assert tab.snapshot.step == 0 and not tab.snapshot.running  # nothing before the reveal
    with qtbot.waitSignal(player.slide_ready, timeout=30_000):
        window.deck_bar.reveal_button.click()
    assert tab.snapshot.step == 400 and tab.snapshot.accuracy == 1.0
    assert tab.guess_line.isVisible()  # the guess stays beside the answer
    click(tab, 3.0, 3.0)  # the lesson is still the teacher's: a click adds a point
    assert len(tab.workspace.data()) == points + 1


def test_leaving_a_slide_mid_training_stops_it(window, qtbot):
    player = window.deck_player
    slow = Deck((small_deck().slides[0], small_deck().slides[2]))
    player.open(slow)  # shown at the class's pace: 300 steps over about 3 s
    qtbot.waitUntil(lambda: window.current_tab.snapshot.running, timeout=10_000)
    binary = window.current_tab
    with qtbot.waitSignal(player.slide_ready, timeout=30_000):
        player.next()
    qtbot.waitUntil(lambda: not binary.snapshot.running, timeout=10_000)
    assert binary.snapshot.step < 300


def test_the_current_state_becomes_a_slide_that_saves_and_opens(
    open_lesson, window, presenting, qtbot, tmp_path
):
    tab = open_lesson("softmax")
    click(tab, 1.0, 1.0)
    window.add_current_slide("My points")
    player = window.deck_player
    assert player.active and player.dirty and len(player.deck.slides) == 1
    assert player.slide.title.get("en") == "My points"
    assert player.slide.lesson.data == tab.workspace.data()
    path = tmp_path / "mine.deck.json"
    assert window.save_deck(str(path)) and not player.dirty
    player.close()
    assert window.open_deck(str(path))
    assert player.deck == decks.read(path)
    assert window.current_tab.workspace.data() == tab.workspace.data()


def test_a_damaged_deck_is_refused_and_the_open_one_stays(
    window, presenting, qtbot, tmp_path, monkeypatch
):
    player = presenting(small_deck())
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    bad = tmp_path / "bad.deck.json"
    bad.write_text('{"format": "desktopdl-deck", "version": 1, "slides": [', encoding="utf-8")
    assert not window.open_deck(str(bad))
    assert said and "bad.deck.json" in said[0]
    assert player.deck == small_deck() and window.deck_bar.counter.text() == "1 / 3"


def test_slides_are_reordered_retitled_and_deleted(window, presenting, qtbot, monkeypatch):
    player = presenting(small_deck())
    window.edit_slides()
    dialog = window._slides_dialog
    assert dialog.list.count() == 3
    dialog.list.setCurrentRow(2)
    dialog.move(-1)
    assert [s.title.en for s in player.deck.slides][1] == "Linear regression"
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Regression", True))
    dialog.list.setCurrentRow(1)
    dialog.retitle()
    assert player.deck.slides[1].title.get(deck_ui.language()) == "Regression"
    dialog.list.setCurrentRow(0)
    with qtbot.waitSignal(player.slide_ready, timeout=30_000, raising=False):
        dialog.delete()
    assert len(player.deck.slides) == 2 and dialog.list.count() == 2
    assert player.dirty


def test_closing_with_an_unsaved_deck_asks_first(window, presenting, monkeypatch):
    presenting(small_deck())
    window.add_current_slide("Extra")
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Cancel
    )
    window.close()
    assert window.isVisible()  # Cancel kept the window and the deck
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard
    )
    window.close()
    assert not window.isVisible()


def test_speaker_notes_show_the_notes_the_next_title_and_a_timer(window, presenting):
    presenting(small_deck())
    notes = window.show_notes()
    text = notes.notes.toPlainText()
    assert text in ("Point at the three panels.", "세 단계를 가리키세요.")
    assert "boundary" in notes.next_title.text() or "경계" in notes.next_title.text()
    assert notes.clock.text().count(":") == 1
    notes.close()


def test_two_screens_put_the_lesson_on_the_projector_and_the_notes_on_the_laptop():
    laptop, projector = object(), object()
    assert deck_ui.presentation_screens([laptop, projector], laptop) == (projector, laptop)
    assert deck_ui.presentation_screens([laptop], laptop) == (laptop, None)


def test_slides_export_as_pdf_and_as_png_folder_with_notes(window, tmp_path):
    short = Deck(small_deck().slides[:2])
    pdf = tmp_path / "handout.pdf"
    written, _seconds = deck_ui.export_slides(short, pdf, "en")
    content = pdf.read_bytes()
    assert written == [pdf] and content.startswith(b"%PDF")
    assert content.count(b"/Type /Page\n") + content.count(b"/Type /Page\r") >= 2 or (
        content.count(b"/Type /Page") - content.count(b"/Type /Pages") == 2
    )
    folder = tmp_path / "slides"
    written, _seconds = deck_ui.export_slides(short, folder, "en")
    names = sorted(p.name for p in written)
    assert names == ["notes.txt", "slide-01.png", "slide-02.png"]
    image = QImage(str(folder / "slide-01.png"))
    assert image.width() == deck_ui.SLIDE_WIDTH and image.height() > 900
    assert "Point at the three panels." in (folder / "notes.txt").read_text(encoding="utf-8")


def test_every_bundled_slide_opens_runs_and_reaches_its_promise(window, qtbot):
    """The week-9 deck in the window, slide by slide, at full speed: each lesson's state
    after its actions is what the slide promises (the rehearsal checks the same headless)."""
    bundled = decks.read(deck_ui.bundled_deck_path())
    player = window.deck_player
    player.fast = True
    player.open(bundled)
    for index, slide in enumerate(bundled.slides):
        deck_ui.run_slide(player, index)
        tab = window.current_tab
        assert tab.lesson.key == slide.lesson.lesson, index
        assert not player.problem, (index, player.problem)
        if slide.page:
            assert tab.current_page_name() in (slide.page, *(a.name for a in slide.actions)), index
        snapshot = tab.snapshot
        trained = sum(a.steps for a in slide.actions if a.do == "train")
        assert snapshot.step == trained or not trained, (index, snapshot.step, trained)
        broken = slide.expect.broken_by(snapshot.cost, snapshot.accuracy)
        assert broken is None, (index + 1, slide.title.en, broken)


def test_a_phase_slide_scrolls_the_phase_strip_into_view(window, qtbot):
    bundled = decks.read(deck_ui.bundled_deck_path())
    index = next(
        i for i, s in enumerate(bundled.slides) if s.actions[:1] and s.actions[0].do == "phase"
    )
    window.resize(1024, 768)
    player = window.deck_player
    player.fast = True
    player.open(bundled, index=index)
    deck_ui.run_slide(player, index)
    tab = window.current_tab
    qtbot.waitUntil(lambda: tab.phase_label.isVisible(), timeout=10_000)
    viewport = tab.panel_scroll.viewport()
    top = tab.phase_label.mapTo(viewport, tab.phase_label.rect().topLeft()).y()
    assert 0 <= top < viewport.height()  # on screen without scrolling by hand
