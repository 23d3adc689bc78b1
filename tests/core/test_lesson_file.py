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
