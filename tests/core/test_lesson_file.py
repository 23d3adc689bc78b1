import copy
import json

import pytest

from desktopdl.core import lesson_file
from desktopdl.core.data import PointSet
from desktopdl.core.lesson_file import LessonFile, LessonFileError
from desktopdl.core.lessons import lesson_class
from desktopdl.core.trainer import TrainSettings
from desktopdl.resources import resource
from tests.lecture import LECTURE_X, LECTURE_Y, NONLINEAR_X, NONLINEAR_Y


def test_presets_hold_the_lectures_data():
    binary = lesson_file.read(resource("presets", "lecture_binary.json"))
    assert binary.lesson == "binary"
    assert binary.data == PointSet(LECTURE_X, LECTURE_Y)
    assert binary.settings.learning_rate == 0.01 and binary.settings.max_steps == 2000
    nonlinear = lesson_file.read(resource("presets", "lecture_nonlinear.json"))
    assert nonlinear.data == PointSet(NONLINEAR_X, NONLINEAR_Y)
    for path in resource("presets").glob("*.json"):
        lesson_file.read(path)  # every preset is a valid lesson file


def test_round_trip(tmp_path):
    original = LessonFile(
        "binary",
        PointSet([[1.5, 2], [3, 4.25]], [0, 1]),
        TrainSettings(0.05, 9, 300, "cpu", model=lesson_class("binary").Config()),
        title="Mine",
        description="여러 클래스",
        view=(0, 5, -1, 6),
    )
    path = tmp_path / "mine.json"
    lesson_file.write(path, original)
    assert lesson_file.read(path) == original
    assert [p.name for p in tmp_path.iterdir()] == ["mine.json"]  # no temporary left behind


def doc(**changes) -> str:
    base = json.loads(resource("presets", "lecture_binary.json").read_text())
    base.update(changes)
    return json.dumps(base)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ('{"format": "desktopdl-lesson", "version": 1, "lesson": "bin', "damaged"),
        ("[1, 2, 3]", "not a DesktopDL lesson file"),
        ('{"hello": "world"}', "not a DesktopDL lesson file"),
        (doc(version=99), "newer DesktopDL"),
        (doc(version="1"), "format version"),
        (doc(lesson="astrology"), "unknown lesson"),
        (doc(data={"points": [[1, 2]], "labels": [0, 1]}), "1 points but 2 labels"),
        (doc(data={"points": [[1, "a"]], "labels": [0]}), "two finite numbers"),
        (doc(data={"points": [[1, 1e300]], "labels": [0]}), "too large"),
        (doc(data={"points": [[1, 2]], "labels": [0.5]}), "whole number"),
        (doc(data={"points": [[1, 2]], "labels": [42]}), "class labels"),
        (doc(data={"points": [[0, 0]] * 100_001, "labels": [0] * 100_001}), "most a lesson"),
        (doc(settings={"learning_rate": -1}), "learning rate"),
        (doc(settings={"seed": True}), "'seed'"),
        (doc(settings={"device": "tpu"}), "unknown device"),
        (doc(view=[5, 1, 0, 1]), "'view'"),
        (doc().replace("0.01", "NaN"), "damaged"),
    ],
)
def test_hostile_files_are_refused_with_a_clear_message(tmp_path, text, phrase):
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(LessonFileError, match=phrase):
        lesson_file.read(path)


def test_missing_and_binary_files_are_refused(tmp_path):
    with pytest.raises(LessonFileError, match="does not exist"):
        lesson_file.read(tmp_path / "nope.json")
    path = tmp_path / "image.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(LessonFileError, match="cannot be read"):
        lesson_file.read(path)


def test_failed_save_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "lesson.json"
    good = lesson_file.read(resource("presets", "lecture_binary.json"))
    lesson_file.write(path, good)
    before = path.read_bytes()

    def broken_replace(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(lesson_file.os, "replace", broken_replace)
    with pytest.raises(OSError):
        lesson_file.write(path, good)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["lesson.json"]


# -- hostile files: refused with a sentence, never a traceback -------------------------------

ODD_VALUES = [None, True, 0, -1, 1.5, 2**64, -(2**70), 1e308, 10**400, "", "x", "\ud800", [],
              {}, [[1, 2]], {"a": 1}, [None], [True, 1]]  # fmt: skip


def _mutated(doc, rng):
    """The document with one value somewhere inside replaced, removed or made odd."""
    node = doc
    while True:
        if isinstance(node, dict) and node:
            key = rng.choice(sorted(node))
        elif isinstance(node, list) and node:
            key = rng.randrange(len(node))
        else:
            return doc
        if rng.random() < 0.35 or not isinstance(node[key], (dict, list)):
            if isinstance(node, dict) and rng.random() < 0.2:
                del node[key]
            else:
                node[key] = copy.deepcopy(rng.choice(ODD_VALUES))
            return doc
        node = node[key]


def test_thousands_of_damaged_presets_are_refused_with_a_sentence_or_open_whole():
    import random

    rng = random.Random(0)
    presets = [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(resource("presets").glob("*.json"))
        if path.stat().st_size < 50_000
    ]
    for _ in range(2500):
        doc = json.loads(json.dumps(rng.choice(presets)))
        for _ in range(rng.randint(1, 3)):
            doc = _mutated(doc, rng)
        text = json.dumps(doc)
        try:
            opened = lesson_file.parse(text)
        except LessonFileError as error:
            assert str(error)
            continue
        json.dumps(opened.to_json(), allow_nan=False, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize(
    "change, message",
    [
        ({"version": 0}, "format version"),
        ({"version": -1}, "format version"),
        ({"title": "bad \ud800 title"}, "not valid text"),
        ({"data": {"kind": {"points": 1}}}, "trains on"),
    ],
)
def test_odd_fields_are_refused_and_name_the_problem(change, message):
    doc = json.loads((resource("presets") / "rnn_sine.json").read_text(encoding="utf-8"))
    doc.update(change)
    with pytest.raises(LessonFileError, match=message):
        lesson_file.parse(json.dumps(doc))


def test_deep_nesting_is_refused_not_a_recursion_error():
    with pytest.raises(LessonFileError, match="nested too deeply"):
        lesson_file.parse("[" * 100_000 + "]" * 100_000)


def test_a_file_with_a_byte_order_mark_opens(tmp_path):
    text = (resource("presets") / "linear_small.json").read_text(encoding="utf-8")
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert lesson_file.read(path).lesson == "linear"


def test_a_binary_lesson_file_with_a_third_class_is_refused_by_the_lesson():
    from desktopdl.core.export import new_trainer
    from desktopdl.core.trainer import Status

    doc = json.loads((resource("presets") / "lecture_binary.json").read_text(encoding="utf-8"))
    doc["data"]["labels"][0] = 3
    opened = lesson_file.parse(json.dumps(doc))
    trainer = new_trainer(opened)
    assert trainer.status == Status.INVALID_DATA and "class 3" in trainer.message
    assert len(trainer.step(10)) == 0  # nothing trains on a meaningless cost


def test_saving_through_a_symbolic_link_writes_its_target_and_keeps_the_link(tmp_path):
    preset = lesson_file.read(resource("presets") / "linear_small.json")
    target = tmp_path / "real.json"
    lesson_file.write(target, preset)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    from dataclasses import replace

    lesson_file.write(link, replace(preset, title="through the link"))
    assert link.is_symlink()
    assert lesson_file.read(target).title == "through the link"
