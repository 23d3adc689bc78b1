"""Lesson files: a versioned JSON document with a lesson's data, settings and view.

The presets in resources/presets are lesson files too, so one reader serves both. Reading
checks everything and raises LessonFileError with a sentence a teacher can act on; writing
goes through a temporary file and a rename, so a crash never leaves half a file behind.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from desktopdl.core.data import PointSet
from desktopdl.core.lessons import LESSONS, ModelConfig
from desktopdl.core.trainer import TrainSettings

FORMAT = "desktopdl-lesson"
VERSION = 1
MAX_POINTS = 100_000
MAX_FILE_BYTES = 20_000_000


class LessonFileError(ValueError):
    """A file that cannot be opened as a lesson; the message says why in plain words."""


@dataclass(frozen=True)
class LessonFile:
    lesson: str
    data: PointSet
    settings: TrainSettings = field(default_factory=TrainSettings)
    title: str = ""
    description: str = ""
    #: (xmin, xmax, ymin, ymax) of the canvas, or None to fit the points.
    view: tuple[float, float, float, float] | None = None
    #: Trained parameters as one flat vector (the lesson's ``flatten`` order), or None.
    weights: tuple[float, ...] | None = None

    def to_json(self) -> dict:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "lesson": self.lesson,
            "title": self.title,
            "description": self.description,
            "data": {
                "points": self.data.xy.tolist(),
                "labels": self.data.labels.tolist(),
            },
            "settings": {
                "learning_rate": self.settings.learning_rate,
                "seed": self.settings.seed,
                "max_steps": self.settings.max_steps,
                "device": self.settings.device,
                "optimizer": self.settings.optimizer,
                "min_cost_change": self.settings.min_cost_change,
                "batch_size": self.settings.batch_size,
                "model": {
                    "classes": self.settings.model.classes,
                    "hidden": list(self.settings.model.hidden),
                    "activation": self.settings.model.activation,
                },
            },
        }
        if self.view is not None:
            doc["view"] = list(self.view)
        if self.weights is not None:
            doc["weights"] = [float(w) for w in self.weights]
        return doc


def read(path: str | os.PathLike) -> LessonFile:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise LessonFileError(f"{path.name} is too large to be a lesson file.")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LessonFileError(f"{path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise LessonFileError(f"{path.name} cannot be read: {error}") from None
    return parse(text, name=path.name)


def parse(text: str, name: str = "the file") -> LessonFile:
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except (json.JSONDecodeError, ValueError) as error:
        raise LessonFileError(f"{name} is damaged or not a lesson file ({error}).") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise LessonFileError(f"{name} is not a DesktopDL lesson file.")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise LessonFileError(f"{name} has no valid format version.")
    if version > VERSION:
        raise LessonFileError(
            f"{name} was written by a newer DesktopDL (file version {version}, this app reads "
            f"up to {VERSION}). Update DesktopDL to open it."
        )
    lesson = doc.get("lesson")
    if lesson not in LESSONS:
        raise LessonFileError(f"{name} names an unknown lesson {lesson!r}.")
    data = _points(doc.get("data"), name)
    settings = _settings(doc.get("settings", {}), name)
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
    path = Path(path)
    text = json.dumps(lesson_file.to_json(), indent=1, ensure_ascii=False, allow_nan=False)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); a lesson file is a document: keep the old
        # file's mode, or the usual rw-r--r--.
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _reject_constant(token: str) -> float:
    raise ValueError(f"{token} is not allowed")


def _points(data: object, name: str) -> PointSet:
    if not isinstance(data, dict):
        raise LessonFileError(f"{name} has no 'data' section with points and labels.")
    points, labels = data.get("points"), data.get("labels")
    if not isinstance(points, list) or not isinstance(labels, list):
        raise LessonFileError(f"{name}: 'points' and 'labels' must be lists.")
    if len(points) > MAX_POINTS:
        raise LessonFileError(
            f"{name} has {len(points)} points; the most a lesson holds is {MAX_POINTS}."
        )
    if len(points) != len(labels):
        raise LessonFileError(f"{name} has {len(points)} points but {len(labels)} labels.")
    for point in points:
        if (
            not isinstance(point, list)
            or len(point) != 2
            or not all(_is_finite_number(v) for v in point)
        ):
            raise LessonFileError(
                f"{name}: every point must be two finite numbers [x, y], found {point!r:.60}."
            )
        if any(abs(v) > 1e6 for v in point):
            raise LessonFileError(
                f"{name}: the coordinate in {point!r:.60} is too large (keep within ±1,000,000)."
            )
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in labels):
        raise LessonFileError(f"{name}: every label must be a whole number.")
    try:
        return PointSet(points, labels)
    except ValueError as error:
        raise LessonFileError(f"{name}: {error}.") from None


def _settings(settings: object, name: str) -> TrainSettings:
    if not isinstance(settings, dict):
        raise LessonFileError(f"{name}: 'settings' must be an object.")
    defaults = TrainSettings()
    lr = settings.get("learning_rate", defaults.learning_rate)
    seed = settings.get("seed", defaults.seed)
    max_steps = settings.get("max_steps", defaults.max_steps)
    device = settings.get("device", defaults.device)
    if not _is_finite_number(lr):
        raise LessonFileError(f"{name}: the learning rate must be a number.")
    for key, value in (("seed", seed), ("max_steps", max_steps)):
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**63:
            raise LessonFileError(f"{name}: '{key}' must be a whole number ≥ 0.")
    if device not in ("auto", "cpu", "cuda", "mps"):
        raise LessonFileError(f"{name}: unknown device {device!r}.")
    optimizer = settings.get("optimizer", defaults.optimizer)
    if not isinstance(optimizer, str):
        raise LessonFileError(f"{name}: 'optimizer' must be text.")
    epsilon = settings.get("min_cost_change", defaults.min_cost_change)
    if not _is_finite_number(epsilon):
        raise LessonFileError(f"{name}: 'min_cost_change' must be a number.")
    batch = settings.get("batch_size", defaults.batch_size)
    if not isinstance(batch, int) or isinstance(batch, bool) or not 0 <= batch <= MAX_POINTS:
        raise LessonFileError(f"{name}: 'batch_size' must be a whole number ≥ 0.")
    result = TrainSettings(
        float(lr),
        seed,
        max_steps,
        device,
        optimizer,
        float(epsilon),
        batch,
        _model(settings.get("model", {}), name),
    )
    problem = result.problem()
    if problem:
        raise LessonFileError(f"{name}: {problem}")
    return result


def _model(model: object, name: str) -> ModelConfig:
    if not isinstance(model, dict):
        raise LessonFileError(f"{name}: 'model' must be an object.")
    defaults = ModelConfig()
    classes = model.get("classes", defaults.classes)
    hidden = model.get("hidden", list(defaults.hidden))
    activation = model.get("activation", defaults.activation)
    if not isinstance(classes, int) or isinstance(classes, bool):
        raise LessonFileError(f"{name}: 'classes' must be a whole number.")
    if not isinstance(hidden, list) or not all(
        isinstance(n, int) and not isinstance(n, bool) for n in hidden
    ):
        raise LessonFileError(f"{name}: 'hidden' must be a list of neuron counts.")
    if not isinstance(activation, str):
        raise LessonFileError(f"{name}: 'activation' must be text.")
    config = ModelConfig(classes, tuple(hidden), activation)
    problem = config.problem()
    if problem:
        raise LessonFileError(f"{name}: {problem}")
    return config


def _weights(
    weights: object, lesson_key: str, settings: TrainSettings, name: str
) -> tuple[float, ...] | None:
    if weights is None:
        return None
    model = LESSONS[lesson_key]().configured(settings.model)
    expected = len(model.flat_names)
    if (
        not isinstance(weights, list)
        or len(weights) != expected
        or not all(_is_finite_number(w) and abs(w) < 1e30 for w in weights)
    ):
        raise LessonFileError(
            f"{name}: 'weights' must be {expected} finite numbers for this model."
        )
    return tuple(float(w) for w in weights)


def _view(view: object, name: str) -> tuple[float, float, float, float] | None:
    if view is None:
        return None
    if (
        not isinstance(view, list)
        or len(view) != 4
        or not all(_is_finite_number(v) for v in view)
        or not (view[0] < view[1] and view[2] < view[3])
    ):
        raise LessonFileError(f"{name}: 'view' must be [xmin, xmax, ymin, ymax].")
    return tuple(float(v) for v in view)


def _text(value: object, key: str, name: str) -> str:
    if not isinstance(value, str):
        raise LessonFileError(f"{name}: '{key}' must be text.")
    return value


def _is_finite_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
