import copy
import json
import os
import threading
from pathlib import Path

import numpy as np
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
        (doc(data={"points": [[1, 2]], "labels": [42]}), "a class from 0 to 8"),
        (doc(data={"points": [[1, 2]], "labels": [-1]}), "a class from 0 to 8"),
        (doc(data={"points": [[1, 2]], "labels": [2**63]}), "a class from 0 to 8"),
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
    with pytest.raises(LessonFileError, match="not UTF-8 text"):
        lesson_file.read(path)


# -- what is read is bounded: a device, a pipe or a huge file is refused before reading ------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_endless_device_is_refused_without_reading_it():
    # /dev/zero reports size 0 and never ends: read whole, it filled 3 GB before MemoryError.
    with pytest.raises(LessonFileError, match="a device or a pipe"):
        lesson_file.read("/dev/zero")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_at_once_not_waited_on(tmp_path):
    fifo = tmp_path / "lesson.json"
    os.mkfifo(fifo)
    outcome = _read_within(fifo, seconds=20)
    assert isinstance(outcome, LessonFileError), outcome
    assert "a device or a pipe" in str(outcome)


def test_a_folder_is_refused_with_a_sentence(tmp_path):
    with pytest.raises(LessonFileError, match="is a folder, a device or a pipe, not a lesson file"):
        lesson_file.read(tmp_path)


def test_a_file_over_the_size_limit_is_refused_with_the_limit_and_not_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.json"
    with open(path, "wb") as handle:  # sparse: no disk used, nothing worth reading
        handle.truncate(lesson_file.MAX_FILE_BYTES + 1)
    monkeypatch.setattr(Path, "read_bytes", _never_called)
    monkeypatch.setattr(Path, "read_text", _never_called)
    with pytest.raises(
        LessonFileError, match=r"too large to be a lesson file \(the limit is 32 MB\)"
    ):
        lesson_file.read(path)


def test_a_file_that_grows_while_read_stops_at_the_limit(tmp_path):
    path = tmp_path / "growing.json"
    path.write_bytes(b" " * 100)
    with pytest.raises(lesson_file.FileTooLarge):
        lesson_file.read_limited(path, 99)
    assert lesson_file.read_limited(path, 100) == b" " * 100


def test_the_largest_lesson_the_app_writes_is_far_under_the_limit(tmp_path):
    from desktopdl.core.data import MAX_POINTS

    rng = np.random.default_rng(0)
    points = rng.uniform(-999_999, 999_999, (MAX_POINTS, 2))  # 17-digit coordinates
    big = LessonFile("binary", PointSet(points, rng.integers(0, 2, MAX_POINTS)), title="x" * 1000)
    path = tmp_path / "big.json"
    lesson_file.write(path, big)
    assert path.stat().st_size * 2 < lesson_file.MAX_FILE_BYTES
    assert lesson_file.read(path).data == big.data


def test_the_most_drawings_the_app_keeps_open_again(tmp_path):
    # 20,000 drawings of the pad's 28 × 28 pixels, the image lesson's own limit: 21 MB saved.
    from desktopdl.core.images import MAX_IMAGES, PAD_SIZE, ImageSet

    rng = np.random.default_rng(1)
    pixels = rng.integers(0, 256, (MAX_IMAGES, PAD_SIZE, PAD_SIZE)).astype(np.float32) / 255
    drawings = LessonFile("cnn", ImageSet(pixels, rng.integers(0, 10, MAX_IMAGES)))
    path = tmp_path / "drawings.json"
    lesson_file.write(path, drawings)
    assert path.stat().st_size < lesson_file.MAX_FILE_BYTES
    assert lesson_file.read(path).data == drawings.data


def _read_within(path: Path, seconds: float) -> object:
    """What ``lesson_file.read(path)`` raised or returned, or a TimeoutError when it was still
    blocked after ``seconds`` (then a writer is opened and closed, so the reader ends)."""
    outcome: list[object] = []

    def reader() -> None:
        try:
            outcome.append(lesson_file.read(path))
        except Exception as error:  # noqa: BLE001 - the test looks at what it was
            outcome.append(error)

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))  # frees a reader blocked in open
        thread.join(seconds)
        return TimeoutError(f"read({path.name}) was still waiting after {seconds} s")
    return outcome[0]


def _never_called(*_args, **_kwargs):
    raise AssertionError("a file over the limit was read")


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


@pytest.mark.parametrize(
    ("key", "most"), [("seed", 2**31 - 1), ("max_steps", 10_000_000)], ids=["seed", "steps"]
)
def test_a_seed_or_step_limit_beyond_the_windows_fields_is_refused_by_name(key, most):
    # The window's fields hold these at most: a larger value was clamped, or raised while
    # the lesson was half opened (a seed of 2³¹).
    settings = {"learning_rate": 0.01, key: most}
    assert getattr(lesson_file.parse(doc(settings=settings)).settings, key) == most
    settings[key] = most + 1
    with pytest.raises(LessonFileError, match=f"'{key}' must be a whole number from 0 to {most:,}"):
        lesson_file.parse(doc(settings=settings))


@pytest.mark.parametrize(
    "odd",
    [
        {"settings": {"device": 10**399}},
        {"settings": {"device": "cuda" * 500}},
        {"settings": {"optimizer": "Adam" * 500}},
        {"version": 10**399},
        {"version": 2, "model": {"k" * 5000: 1}},
    ],
    ids=["device number", "device text", "optimizer", "version", "model key"],
)
def test_a_long_odd_value_is_named_cut_short(odd):
    # Found by the property tests: a 400-digit device or version was written out whole.
    with pytest.raises(LessonFileError) as refused:
        lesson_file.parse(doc(**odd), "lesson.json")
    message = str(refused.value)
    assert len(message) < 200 and message.startswith("lesson.json"), message


@pytest.mark.parametrize("label", [-1, 10, 2**63])
def test_a_drawing_with_a_label_out_of_range_is_refused_with_a_sentence(label):
    # Found by the property tests: 2⁶³ gave numpy's "Python int too large to convert to C long".
    import base64

    drawings = json.loads(resource("presets", "cnn_draw_your_own.json").read_text("utf-8"))
    pixels = base64.b64encode(bytes(28 * 28)).decode("ascii")
    drawings["data"] = {"kind": "images", "size": 28, "pixels": pixels, "labels": [label]}
    with pytest.raises(LessonFileError, match="Every label must be a class from 0 to 9."):
        lesson_file.parse(json.dumps(drawings), "drawings.json")


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
