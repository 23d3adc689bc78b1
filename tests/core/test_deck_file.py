"""Deck files: what a teacher saves opens again the same, and a damaged deck is refused
with a sentence before anything of it is used."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktopdl.core import deck, lesson_file
from desktopdl.core.deck import Action, Deck, DeckError, Promise, Slide, Words
from desktopdl.resources import resource


def lecture_points():
    return lesson_file.read(resource("presets", "lecture_binary.json"))


def two_slides() -> Deck:
    first = Slide(
        lecture_points(),
        title=Words("Three stages", "세 단계"),
        text=Words("Build, train, test.", "모델 생성, 학습, 테스트."),
        notes=Words("Point at ① ② ③.", "① ② ③을 가리키세요."),
        actions=(Action("train", steps=2000), Action("test", x=6, y=4)),
        expect=Promise(accuracy_min=1.0),
    )
    second = Slide(
        lecture_points(),
        title=Words("Guess", "추측"),
        question=Words("Where will the boundary go?", "경계는 어디로 갈까요?"),
        page="landscape_panel",
        actions=(Action("add_point", x=6, y=4, label=0), Action("train", steps=100)),
    )
    return Deck((first, second), title=Words("Week 9", "9주차"))


def test_a_deck_round_trips_through_save_and_open(tmp_path):
    path = tmp_path / "lecture.deck.json"
    deck.write(path, two_slides())
    assert deck.read(path) == two_slides()


def test_words_fall_back_to_the_other_language():
    assert Words(en="Train").get("ko") == "Train"
    assert Words(ko="학습").get("en") == "학습"
    assert Words("Train", "학습").get("ko") == "학습"


def test_rehearsal_runs_the_actions_and_keeps_the_promise():
    slide = two_slides().slides[0]
    run = deck.rehearse(slide)
    assert run.trainer.step_count == 2000
    assert run.accuracy == 1.0 and run.broken_promise(slide.expect) is None
    # The lecture's surprise: the linear model calls [6, 4] class 1.
    assert float(run.tests[0][0]) > 0.5
    assert Promise(cost_max=1e-9).broken_by(run.cost, run.accuracy) is not None


def test_an_added_point_joins_the_data_before_training():
    run = deck.rehearse(two_slides().slides[1])
    assert len(run.lesson.data) == 7 and run.trainer.step_count == 100


def test_authoring_moves_retitles_and_deletes():
    original = two_slides()
    moved = original.moved(0, 1)
    assert [s.title.en for s in moved.slides] == ["Guess", "Three stages"]
    retitled = moved.retitled(1, "ko", "세 단계로")
    assert retitled.slides[1].title == Words("Three stages", "세 단계로")
    assert [s.title.en for s in retitled.without_slide(0).slides] == ["Three stages"]
    assert original == two_slides()  # edits never change the deck they came from


def test_a_set_action_changes_a_setting_and_is_checked_when_read():
    slide = Slide(lecture_points(), actions=(Action("set", name="learning_rate", value=0.1),))
    assert deck.rehearse(slide).trainer.settings.learning_rate == 0.1
    doc = Deck((slide,)).to_json()
    doc["slides"][0]["actions"][0]["value"] = -5
    with pytest.raises(DeckError, match="learning rate"):
        deck.parse(json.dumps(doc))
    doc["slides"][0]["actions"][0] = {"do": "set", "name": "colour", "value": 1}
    with pytest.raises(DeckError, match="unknown setting"):
        deck.parse(json.dumps(doc))


def damaged(doc: dict) -> list[tuple[str, str]]:
    """(what was damaged, the document as text), one per kind of damage."""
    cases = [("truncated", json.dumps(doc)[:500]), ("not json", "\x00\x01"), ("list", "[]")]

    def changed(label, change):
        copy = json.loads(json.dumps(doc))
        change(copy)
        cases.append((label, json.dumps(copy)))

    changed("format", lambda d: d.update(format="desktopdl-lesson"))
    changed("newer", lambda d: d.update(version=99))
    changed("version 0", lambda d: d.update(version=0))
    changed("no slides", lambda d: d.update(slides=[]))
    changed("slide not object", lambda d: d["slides"].__setitem__(0, 3))
    changed("unknown action", lambda d: d["slides"][0]["actions"].append({"do": "explode"}))
    changed("steps text", lambda d: d["slides"][0]["actions"][0].update(steps="2000"))
    changed("steps huge", lambda d: d["slides"][0]["actions"][0].update(steps=10**12))
    changed("x missing", lambda d: d["slides"][0]["actions"][1].pop("x"))
    changed("title number", lambda d: d["slides"][0].update(title=5))
    changed("lone surrogate", lambda d: d["slides"][0].update(title={"en": "\ud800"}))
    changed("lesson damaged", lambda d: d["slides"][1]["lesson"].update(lesson="chemistry"))
    changed("expect text", lambda d: d["slides"][0].update(expect={"accuracy_min": "all"}))
    changed("point action on images", lambda d: d["slides"][0]["actions"].append({"do": "test"}))
    return cases


@pytest.mark.parametrize("label, text", damaged(two_slides().to_json()))
def test_a_damaged_deck_is_refused_with_a_sentence(label, text, tmp_path):
    path = tmp_path / "damaged.deck.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    before = path.read_bytes()
    with pytest.raises(DeckError) as refused:
        deck.read(path)
    sentence = str(refused.value)
    assert sentence and "Traceback" not in sentence and len(sentence) < 400, label
    assert path.read_bytes() == before  # a refused deck is never touched


def test_the_slide_number_is_named_in_the_message():
    doc = two_slides().to_json()
    doc["slides"][1]["actions"][0]["label"] = 12
    with pytest.raises(DeckError, match="#2"):
        deck.parse(json.dumps(doc), "lecture.deck.json")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_a_device_and_a_folder_are_refused_before_reading(tmp_path):
    fifo = tmp_path / "lecture.deck.json"
    os.mkfifo(fifo)
    special = [fifo, tmp_path] + [Path("/dev/zero")] * Path("/dev/zero").exists()
    for path in special:
        with pytest.raises(DeckError, match="is not a file"):
            deck.read(path)


def test_a_deck_over_the_size_limit_is_refused_unread(tmp_path):
    path = tmp_path / "huge.deck.json"
    with open(path, "wb") as handle:  # sparse: nothing on disk, nothing worth reading
        handle.truncate(deck.MAX_DECK_BYTES + 1)
    with pytest.raises(DeckError, match="too large to be a deck"):
        deck.read(path)
    with pytest.raises(DeckError, match="does not exist"):
        deck.read(tmp_path / "missing.deck.json")
