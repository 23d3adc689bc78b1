"""Lesson files: a versioned JSON document with a lesson's data, settings and view.

The presets in resources/presets are lesson files too, so one reader serves both. Reading
checks everything and raises LessonFileError with a sentence a teacher can act on; writing
goes through a temporary file and a rename, so a crash never leaves half a file behind.

Version 2 stores any data kind (``"data": {"kind": "points", …}``, read by the kind's own
``from_json``) and the lesson's own config under ``"model"``. Version 1 (two coordinates per
point; every lesson's knobs in ``settings.model``) still opens with the same result.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from desktopdl.core.data import (
    DATA_KINDS,
    MAX_POINTS,
    DataError,
    Dataset,
    PointSet,
    is_finite_number,
)
from desktopdl.core.lessons import REGISTRY, lesson_class
from desktopdl.core.text import T, Text
from desktopdl.core.trainer import OPTIMIZERS, TrainSettings

FORMAT = "desktopdl-lesson"
VERSION = 2
#: The largest lesson file read (32 MB). The bundled presets are 165 kB at most; 100,000
#: points at full precision make 6.3 MB, and the most the app can write, 20,000 drawings of
#: 28 × 28 pixels, 21 MB. Decoding JSON takes up to about 24 times its size in memory
#: (measured for a file of empty lists), so a hostile file stays under 0.8 GB while refused.
#: (Image sets of 64 × 64 pixels written by another program could reach 110 MB; they are
#: refused with this limit's sentence.)
MAX_FILE_BYTES = 32_000_000
#: The largest seed and step limit a file may hold: what the window's fields hold (② Train's
#: "Seed" and "Stop after steps"), so a file opens exactly as written or is refused, never
#: clamped on the way in (a seed of 2³¹ made the window raise halfway through opening).
MAX_SEED = 2**31 - 1
MAX_STEP_LIMIT = 10_000_000
#: What version-1 files meant by a missing ``settings.model`` (ModelConfig's old defaults).
V1_MODEL_DEFAULTS = {"classes": 2, "hidden": [], "activation": "tanh"}

__all__ = [
    "MAX_POINTS",
    "LessonFile",
    "LessonFileError",
    "from_json",
    "parse",
    "read",
    "read_limited",
    "replacing",
    "write",
    "write_text",
]


class LessonFileError(ValueError):
    """A file that cannot be opened as a lesson; the message says why in plain words."""


@dataclass(frozen=True)
class LessonFile:
    lesson: str
    data: Dataset
    #: The settings, with ``settings.model`` the lesson's own config (never None once read).
    settings: TrainSettings = field(default_factory=TrainSettings)
    title: str = ""
    description: str = ""
    #: (xmin, xmax, ymin, ymax) of the canvas, or None to fit the points.
    view: tuple[float, float, float, float] | None = None
    #: Trained parameters as one flat vector (the lesson's ``flatten`` order), or None.
    weights: tuple[float, ...] | None = None

    def to_json(self) -> dict:
        settings = self.settings
        model = settings.model if settings.model is not None else lesson_class(self.lesson).Config()
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "lesson": self.lesson,
            "title": self.title,
            "description": self.description,
            "data": self.data.to_json(),
            "settings": {
                "learning_rate": settings.learning_rate,
                "seed": settings.seed,
                "max_steps": settings.max_steps,
                "device": settings.device,
                "optimizer": settings.optimizer,
                "min_cost_change": settings.min_cost_change,
                "batch_size": settings.batch_size,
                "validation_share": settings.validation_share,
                "validation_every": settings.validation_every,
                "weight_decay": settings.weight_decay,
                "l1": settings.l1,
                "patience": settings.patience,
            },
            "model": model.to_json(),
        }
        if self.view is not None:
            doc["view"] = list(self.view)
        if self.weights is not None:
            doc["weights"] = [float(w) for w in self.weights]
        return doc


def read(path: str | os.PathLike) -> LessonFile:
    """The lesson file at ``path``, checked whole; LessonFileError says why it cannot be.

    Only a regular file of at most MAX_FILE_BYTES is read, and that is known before reading:
    /dev/zero would fill the memory and a named pipe would block the window for ever."""
    path = Path(path)
    try:
        raw = read_limited(path, MAX_FILE_BYTES)
        # utf-8-sig: a file saved by an editor that writes a byte-order mark opens too.
        text = raw.decode("utf-8-sig")
    except FileNotFoundError:
        raise LessonFileError(T("{name} does not exist.", name=str(path))) from None
    except NotARegularFile:
        raise LessonFileError(
            T("{name} is a folder, a device or a pipe, not a lesson file.", name=path.name)
        ) from None
    except FileTooLarge:
        raise LessonFileError(
            T(
                "{name} is too large to be a lesson file (the limit is {limit} MB).",
                name=path.name,
                limit=MAX_FILE_BYTES // 1_000_000,
            )
        ) from None
    except UnicodeDecodeError:
        raise LessonFileError(
            T("{name} is not a lesson file: it is not UTF-8 text.", name=path.name)
        ) from None
    except OSError as error:
        raise LessonFileError(
            T("{name} cannot be read: {error}", name=path.name, error=error.strerror or error)
        ) from None
    return parse(text, name=path.name)


class NotARegularFile(OSError):
    """The path names a folder, a device or a named pipe, which a reader must not open."""


class FileTooLarge(OSError):
    """The file holds more bytes than the reader accepts."""


def read_limited(path: str | os.PathLike, max_bytes: int) -> bytes:
    """The bytes of the regular file at ``path``; NotARegularFile or FileTooLarge, before
    anything is read, for what a document reader must refuse (lesson files and decks).

    The size alone cannot tell: /dev/zero has size 0 and never ends, and opening a named
    pipe waits for a writer. So the path is checked first (a pipe is never opened), opened
    without blocking, checked again on the open file (it may have been swapped), and read
    no further than the limit (it may be growing)."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise NotARegularFile(f"{path} is not a regular file")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    with open(os.open(path, flags), "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(f"{path} is not a regular file")
        if info.st_size > max_bytes:
            raise FileTooLarge(f"{path} is larger than {max_bytes} bytes")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FileTooLarge(f"{path} is larger than {max_bytes} bytes")
    return data


def parse(text: str, name: str = "the file") -> LessonFile:
    try:
        doc = json.loads(text, parse_constant=reject_constant)
    except RecursionError:
        raise LessonFileError(
            T("{name} is damaged or not a lesson file (nested too deeply).", name=name)
        ) from None
    except (json.JSONDecodeError, ValueError) as error:
        raise LessonFileError(
            T("{name} is damaged or not a lesson file ({error}).", name=name, error=error)
        ) from None
    return from_json(doc, name)


def from_json(doc: object, name: str = "the file") -> LessonFile:
    """A lesson file's decoded JSON checked whole (a deck holds one per slide)."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise LessonFileError(T("{name} is not a DesktopDL lesson file.", name=name))
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LessonFileError(T("{name} has no valid format version.", name=name))
    if version > VERSION:
        raise LessonFileError(
            T(
                "{name} was written by a newer DesktopDL (file version {version}, this app reads "
                "up to {supported}). Update DesktopDL to open it.",
                name=name,
                version=_cut_value(version),
                supported=VERSION,
            )
        )
    lesson = doc.get("lesson")
    if not isinstance(lesson, str) or lesson not in REGISTRY:
        raise LessonFileError(
            T("{name} names an unknown lesson {lesson}.", name=name, lesson=f"{lesson!r:.60}")
        )
    data = _data(doc.get("data"), lesson, version, name)
    settings = _settings(doc.get("settings", {}), name)
    settings = replace(settings, model=_model(doc, lesson, version, name))
    return LessonFile(
        lesson=lesson,
        data=data,
        settings=settings,
        title=_text(doc.get("title", ""), "title", name),
        description=_text(doc.get("description", ""), "description", name),
        view=_view(doc.get("view"), name),
        weights=_weights(doc.get("weights"), lesson, settings, name),
    )


def write(path: str | os.PathLike, lesson_file: LessonFile) -> None:
    write_document(path, lesson_file.to_json())


def write_document(path: str | os.PathLike, doc: dict) -> None:
    """Write JSON through a temporary file and a rename (lesson files and decks)."""
    text = json.dumps(doc, indent=1, ensure_ascii=False, allow_nan=False)
    write_text(path, text + "\n")


def write_text(path: str | os.PathLike, text: str) -> None:
    """Write UTF-8 text whole or not at all (see ``replacing``): lesson files, decks and
    every text export (script, notebook, CSV)."""
    with replacing(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


@contextmanager
def replacing(path: str | os.PathLike) -> Iterator[Path]:
    """A temporary path in the destination's folder, for any writer (Python, Qt, Pillow,
    ffmpeg) to fill; when the block ends without an error it is flushed to disk and renamed
    over ``path``, else removed. A full disk or a crash thus never leaves half a file: the
    old one stays as it was.

    The temporary name keeps the destination's suffix, for writers that choose the format
    by it (ffmpeg). Through a symbolic link the link's target is written, so the link
    stays a link (replacing it with a plain file would leave its target unchanged)."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        # A device or a pipe (``--code /dev/stdout``) holds no old file to keep, and must
        # never be replaced by a plain file: it is written straight.
        yield path
        return
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    fd, name = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=f".tmp{path.suffix}", dir=path.parent
    )
    os.close(fd)
    tmp = Path(name)
    try:
        # mkstemp makes the file private (0600); an export or a lesson file is a document:
        # keep the old file's mode, or the usual rw-r--r--.
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        yield tmp
        with open(tmp, "rb+") as written:  # whatever wrote it, it is on the disk before the rename
            os.fsync(written.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def reject_constant(token: str) -> float:
    """For ``json.loads``: NaN and Infinity are not JSON, and no setting may be either."""
    raise ValueError(f"{token} is not allowed")


def _data(data: object, lesson: str, version: int, name: str) -> Dataset:
    if not isinstance(data, dict):
        raise LessonFileError(T("{name} has no 'data' section.", name=name))
    kind = data.get("kind", PointSet.kind) if version >= 2 else PointSet.kind
    expected = lesson_class(lesson).data_kind
    if not isinstance(kind, str) or kind not in DATA_KINDS or DATA_KINDS[kind] is not expected:
        raise LessonFileError(
            T(
                "{name}: this lesson trains on {expected}, but the file holds {kind}.",
                name=name,
                expected=expected.kind,
                kind=f"{kind!r:.40}",
            )
        )
    try:
        return expected.from_json(data)
    except DataError as error:
        raise LessonFileError(T("{name}: {error}", name=name, error=_cut(error))) from None


def _settings(settings: object, name: str) -> TrainSettings:
    if not isinstance(settings, dict):
        raise LessonFileError(T("{name}: 'settings' must be an object.", name=name))
    defaults = TrainSettings()
    lr = settings.get("learning_rate", defaults.learning_rate)
    seed = settings.get("seed", defaults.seed)
    max_steps = settings.get("max_steps", defaults.max_steps)
    device = settings.get("device", defaults.device)
    if not is_finite_number(lr):
        raise LessonFileError(T("{name}: the learning rate must be a number.", name=name))
    for key, value, most in (("seed", seed, MAX_SEED), ("max_steps", max_steps, MAX_STEP_LIMIT)):
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= most:
            raise LessonFileError(
                T(
                    "{name}: '{key}' must be a whole number from 0 to {most}.",
                    name=name,
                    key=key,
                    most=f"{most:,}",
                )
            )
    if device not in ("auto", "cpu", "cuda", "mps"):
        raise LessonFileError(
            T("{name}: unknown device {device}.", name=name, device=f"{device!r:.40}")
        )
    optimizer = settings.get("optimizer", defaults.optimizer)
    if not isinstance(optimizer, str):
        raise LessonFileError(T("{name}: 'optimizer' must be text.", name=name))
    if optimizer not in OPTIMIZERS:  # named here, cut short: the file's text may be any length
        problem = T(
            "Unknown optimizer {name}; choose from {choices}.",
            name=f"{optimizer!r:.40}",
            choices=", ".join(OPTIMIZERS),
        )
        raise LessonFileError(T("{name}: {problem}", name=name, problem=problem))
    epsilon = settings.get("min_cost_change", defaults.min_cost_change)
    if not is_finite_number(epsilon):
        raise LessonFileError(T("{name}: 'min_cost_change' must be a number.", name=name))
    batch = settings.get("batch_size", defaults.batch_size)
    if not isinstance(batch, int) or isinstance(batch, bool) or not 0 <= batch <= MAX_POINTS:
        raise LessonFileError(T("{name}: 'batch_size' must be a whole number ≥ 0.", name=name))
    share = settings.get("validation_share", defaults.validation_share)
    every = settings.get("validation_every", defaults.validation_every)
    decay = settings.get("weight_decay", defaults.weight_decay)
    l1 = settings.get("l1", defaults.l1)
    patience = settings.get("patience", defaults.patience)
    if not all(is_finite_number(v) for v in (share, decay, l1)):
        raise LessonFileError(
            T("{name}: 'validation_share', 'weight_decay' and 'l1' must be numbers.", name=name)
        )
    if not isinstance(patience, int) or isinstance(patience, bool) or not 0 <= patience <= 10**6:
        raise LessonFileError(T("{name}: 'patience' must be a whole number ≥ 0.", name=name))
    if not isinstance(every, int) or isinstance(every, bool) or not 1 <= every <= 10**6:
        raise LessonFileError(
            T("{name}: 'validation_every' must be a whole number ≥ 1.", name=name)
        )
    result = TrainSettings(
        learning_rate=float(lr),
        seed=seed,
        max_steps=max_steps,
        device=device,
        optimizer=optimizer,
        min_cost_change=float(epsilon),
        batch_size=batch,
        validation_share=float(share),
        validation_every=every,
        weight_decay=float(decay),
        l1=float(l1),
        patience=patience,
    )
    problem = result.problem()
    if problem:
        raise LessonFileError(T("{name}: {problem}", name=name, problem=problem))
    return result


def _model(doc: dict, lesson: str, version: int, name: str):
    """The lesson's own config: ``model`` (version 2), or the old ``settings.model`` whose
    unrelated knobs each lesson ignores (version 1)."""
    config_class = lesson_class(lesson).Config
    if version >= 2:
        model, strict = doc.get("model", {}), True
    else:
        settings = doc.get("settings", {})
        model = settings.get("model", {}) if isinstance(settings, dict) else {}
        if not isinstance(model, dict):
            raise LessonFileError(T("{name}: 'model' must be an object.", name=name))
        model, strict = {**V1_MODEL_DEFAULTS, **model}, False
    try:
        return config_class.from_json(model, strict=strict)
    except DataError as error:
        raise LessonFileError(T("{name}: {problem}", name=name, problem=_cut(error))) from None


def _weights(
    weights: object, lesson_key: str, settings: TrainSettings, name: str
) -> tuple[float, ...] | None:
    if weights is None:
        return None
    model = lesson_class(lesson_key)(settings.model)
    expected = len(model.flat_names)
    if (
        not isinstance(weights, list)
        or len(weights) != expected
        or not all(is_finite_number(w) and abs(w) < 1e30 for w in weights)
    ):
        raise LessonFileError(
            T(
                "{name}: 'weights' must be {expected} finite numbers for this model.",
                name=name,
                expected=expected,
            )
        )
    return tuple(float(w) for w in weights)


def _view(view: object, name: str) -> tuple[float, float, float, float] | None:
    if view is None:
        return None
    if (
        not isinstance(view, list)
        or len(view) != 4
        or not all(is_finite_number(v) for v in view)
        or not (view[0] < view[1] and view[2] < view[3])
    ):
        raise LessonFileError(T("{name}: 'view' must be [xmin, xmax, ymin, ymax].", name=name))
    return tuple(float(v) for v in view)


def _text(value: object, key: str, name: str) -> str:
    if not isinstance(value, str):
        raise LessonFileError(T("{name}: '{key}' must be text.", name=name, key=key))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (\ud800): it could never be saved again
        raise LessonFileError(
            T("{name}: '{key}' holds a character that is not valid text.", name=name, key=key)
        ) from None
    return value


#: The longest piece of a file's own content quoted in a message.
QUOTED_CHARACTERS = 60


def _cut(error: Exception) -> object:
    """The error's sentence (a core ``T`` sentence stays one, so the window translates it)
    with each quoted value cut short: a file's key or number may be any length, a message
    must stay a sentence."""
    problem = error.args[0] if error.args else str(error)
    if isinstance(problem, Text) and problem.args:
        return T(problem.template, **{k: _cut_value(v) for k, v in problem.args.items()})
    return _cut_value(problem)


def _cut_value(value: object) -> object:
    if isinstance(value, Text) or len(str(value)) <= QUOTED_CHARACTERS:
        return value
    return str(value)[: QUOTED_CHARACTERS - 1] + "…"
