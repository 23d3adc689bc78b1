"""Property-based tests of the lesson-file loader: whatever a file holds (any bytes, any JSON,
any preset with any one value replaced, removed or added), opening it either refuses it with
a LessonFileError whose message is a sentence naming the file, or gives a lesson that opens:
it builds its trainer, trains a step, saves again and reads back the same. Never another
exception, never a hang (hypothesis' deadline), never more memory than a stated bound, and a
refused file is left exactly as it was.

The default runs are short (a few hundred examples in all, seconds); the ``slow`` variants
try thousands (``pytest -m slow tests/core/test_lesson_file_properties.py``).
"""

from __future__ import annotations

import copy
import faulthandler
import json
import os
import tracemalloc
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktopdl.core import export, lesson_file
from desktopdl.core.lesson_file import LessonFile, LessonFileError
from desktopdl.core.text import Text
from desktopdl.resources import resource

#: Peak Python memory (tracemalloc) while parsing a file of n bytes: at most this many bytes
#: per byte of the file, plus MEMORY_BASE. The files here are a few kB (presets up to 165 kB);
#: decoding JSON takes up to about 24 bytes a byte (a file of empty lists).
MEMORY_PER_BYTE = 40
MEMORY_BASE = 8 * 1024**2
#: One example may take this long (reading, building the model, one step, saving again; a
#: typical one takes 5 to 100 ms) on a shared, busy machine: a loader that backtracks or
#: loops for a while fails it.
DEADLINE = timedelta(seconds=20)
#: An example still running after this long is a hang: the run stops with every thread's
#: traceback (hypothesis' deadline is only checked once an example returns).
HANG_SECONDS = 120

FAST = settings(
    max_examples=60,
    deadline=DEADLINE,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,  # CI sees the same examples every run; the slow runs explore
)
SLOW = settings(FAST, max_examples=3000, derandomize=False)

PRESET_DOCS = [
    json.loads(path.read_text(encoding="utf-8"))
    for path in sorted(resource("presets").glob("*.json"))
    if path.stat().st_size < 50_000  # cnn_digits (165 kB) is the same kind as draw-your-own
]

# -- strategies --------------------------------------------------------------------------

#: Text of every kind, lone surrogates included (JSON's "\ud800" escape makes one).
ANY_TEXT = st.text(max_size=12) | st.sampled_from(
    ["\ud800", "x\udfff", "\ufeff", "\x00", "", "Adam" * 1000]
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([0, 1, -1, 2**31, 2**53 + 1, 2**63, 2**64, -(2**63) - 1, 10**400])
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from([1e-300, 1e300, 1e308, -0.0, 0.5, 1e6, 1e-9])
    | ANY_TEXT
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(ANY_TEXT, inner, max_size=6),
    max_leaves=24,
)


@st.composite
def damaged_presets(draw) -> object:
    """A preset with one value somewhere inside replaced by any JSON, removed, or joined by
    a new key: close enough to a lesson file to reach every field's own check."""
    doc = copy.deepcopy(draw(st.sampled_from(PRESET_DOCS)))
    node = doc
    while True:
        keys = sorted(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            return doc
        key = draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, (dict, list)) and child and draw(st.booleans()):
            node = child  # go deeper
            continue
        change = draw(st.sampled_from(["replace", "replace", "remove", "add"]))
        if change == "replace":
            node[key] = draw(JSON_VALUES)
        elif change == "remove" or not isinstance(node, dict):
            del node[key]
        else:
            node[draw(ANY_TEXT)] = draw(JSON_VALUES)
        return doc


def json_bytes(value: object) -> bytes:
    """The value as a file would hold it (ASCII escapes, so lone surrogates can be written)."""
    return json.dumps(value).encode("ascii")


# -- what is checked of every outcome ------------------------------------------------------


def open_or_refuse(folder: Path, raw: bytes) -> LessonFile | None:
    """Write ``raw`` as a lesson file, open it, and check whichever outcome it had."""
    path = folder / "lesson.json"
    path.write_bytes(raw)
    try:
        opened = lesson_file.read(path)
    except LessonFileError as error:
        assert_sentence(error, "lesson.json")
        assert path.read_bytes() == raw  # a refused file is never touched
        assert os.listdir(folder) == ["lesson.json"]  # and nothing is written beside it
        return None
    assert_opens(opened)
    assert os.listdir(folder) == ["lesson.json"]
    return opened


def assert_sentence(error: LessonFileError, name: str) -> None:
    """One line that names the file and ends like a sentence, translatable as it stands."""
    message = error.args[0]
    assert isinstance(message, Text), repr(message)  # a T(...) sentence: the window translates it
    assert message.startswith(name), message
    assert message.endswith("."), message
    assert "\n" not in message and "Traceback" not in message, message
    assert len(message) <= 400, message


def assert_opens(opened: LessonFile) -> None:
    """An accepted file is a lesson that works: its trainer builds and trains a step, and
    it saves again and reads back as the same lesson (it opens exactly as written)."""
    trainer = export.new_trainer(opened)
    trainer.step(1)
    text = json.dumps(opened.to_json(), ensure_ascii=False, allow_nan=False)
    text.encode("utf-8")  # every text can be saved (no lone surrogate)
    assert lesson_file.parse(text) == opened


def peak_parse_memory(text: str) -> int:
    """The most Python memory ``parse`` held at once for ``text``, whatever the outcome."""
    tracemalloc.start()
    try:
        try:
            lesson_file.parse(text, "lesson.json")
        except LessonFileError:
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("properties")


# -- the properties --------------------------------------------------------------------------


def bytes_are_opened_or_refused(folder: Path, raw: bytes) -> None:
    for entry in folder.iterdir():
        entry.unlink()
    faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
    try:
        open_or_refuse(folder, raw)
    finally:
        faulthandler.cancel_dump_traceback_later()


def json_is_opened_or_refused_within_memory(folder: Path, value: object) -> None:
    raw = json_bytes(value)
    bytes_are_opened_or_refused(folder, raw)
    limit = MEMORY_BASE + MEMORY_PER_BYTE * len(raw)
    assert peak_parse_memory(raw.decode("ascii")) <= limit


ANY_BYTES = st.binary(max_size=400) | JSON_VALUES.map(json_bytes).map(
    lambda raw: raw[: len(raw) // 2]  # truncated JSON
)
BOM_OR_NOT = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe"])


@FAST
@given(raw=ANY_BYTES)
def test_any_bytes_are_refused_with_a_sentence_or_open(folder, raw):
    bytes_are_opened_or_refused(folder, raw)


@FAST
@given(value=JSON_VALUES)
def test_any_json_is_refused_with_a_sentence_or_opens_within_memory(folder, value):
    json_is_opened_or_refused_within_memory(folder, value)


@settings(FAST, max_examples=100)
@given(doc=damaged_presets(), prefix=BOM_OR_NOT)
def test_any_damaged_preset_is_refused_with_a_sentence_or_opens_whole(folder, doc, prefix):
    json_is_opened_or_refused_within_memory(folder, doc)
    bytes_are_opened_or_refused(folder, prefix + json_bytes(doc))


def test_every_preset_opens_through_the_same_checks(folder):
    for doc in PRESET_DOCS:
        assert isinstance(open_or_refuse(folder, json_bytes(doc)), LessonFile)


@pytest.mark.slow
@SLOW
@given(raw=ANY_BYTES)
def test_many_more_bytes_are_refused_with_a_sentence_or_open(folder, raw):
    bytes_are_opened_or_refused(folder, raw)


@pytest.mark.slow
@SLOW
@given(value=JSON_VALUES)
def test_much_more_json_is_refused_with_a_sentence_or_opens_within_memory(folder, value):
    json_is_opened_or_refused_within_memory(folder, value)


@pytest.mark.slow
@settings(SLOW, max_examples=10_000)
@given(doc=damaged_presets(), prefix=BOM_OR_NOT)
def test_many_more_damaged_presets_are_refused_with_a_sentence_or_open_whole(folder, doc, prefix):
    json_is_opened_or_refused_within_memory(folder, doc)
    bytes_are_opened_or_refused(folder, prefix + json_bytes(doc))
