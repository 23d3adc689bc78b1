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
from desktopdl.core.text import T
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
            raise LessonFileError(T("{name} is too large to be a lesson file.", name=path.name))
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LessonFileError(T("{name} does not exist.", name=str(path))) from None
    except (OSError, UnicodeDecodeError) as error:
        raise LessonFileError(
            T("{name} cannot be read: {error}", name=path.name, error=error)
        ) from None
    return parse(text, name=path.name)


def parse(text: str, name: str = "the file") -> LessonFile:
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except (json.JSONDecodeError, ValueError) as error:
        raise LessonFileError(
            T("{name} is damaged or not a lesson file ({error}).", name=name, error=error)
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise LessonFileError(T("{name} is not a DesktopDL lesson file.", name=name))
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise LessonFileError(T("{name} has no valid format version.", name=name))
    if version > VERSION:
        raise LessonFileError(
            T(
                "{name} was written by a newer DesktopDL (file version {version}, this app reads "
                "up to {supported}). Update DesktopDL to open it.",
                name=name,
                version=version,
                supported=VERSION,
            )
        )
    lesson = doc.get("lesson")
    if lesson not in LESSONS:
        raise LessonFileError(
            T("{name} names an unknown lesson {lesson}.", name=name, lesson=f"{lesson!r}")
        )
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
        raise LessonFileError(T("{name} has no 'data' section with points and labels.", name=name))
    points, labels = data.get("points"), data.get("labels")
    if not isinstance(points, list) or not isinstance(labels, list):
        raise LessonFileError(T("{name}: 'points' and 'labels' must be lists.", name=name))
    if len(points) > MAX_POINTS:
        raise LessonFileError(
            T(
                "{name} has {count} points; the most a lesson holds is {limit}.",
                name=name,
                count=len(points),
                limit=MAX_POINTS,
            )
        )
    if len(points) != len(labels):
        raise LessonFileError(
            T(
                "{name} has {count} points but {labels} labels.",
                name=name,
                count=len(points),
                labels=len(labels),
            )
        )
    for point in points:
        if (
            not isinstance(point, list)
            or len(point) != 2
            or not all(_is_finite_number(v) for v in point)
        ):
            raise LessonFileError(
                T(
                    "{name}: every point must be two finite numbers [x, y], found {point}.",
                    name=name,
                    point=f"{point!r:.60}",
                )
            )
        if any(abs(v) > 1e6 for v in point):
            raise LessonFileError(
                T(
                    "{name}: the coordinate in {point} is too large (keep within ±1,000,000).",
                    name=name,
                    point=f"{point!r:.60}",
                )
            )
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in labels):
        raise LessonFileError(T("{name}: every label must be a whole number.", name=name))
    try:
        return PointSet(points, labels)
    except ValueError as error:
        raise LessonFileError(T("{name}: {error}.", name=name, error=error)) from None


def _settings(settings: object, name: str) -> TrainSettings:
    if not isinstance(settings, dict):
        raise LessonFileError(T("{name}: 'settings' must be an object.", name=name))
    defaults = TrainSettings()
    lr = settings.get("learning_rate", defaults.learning_rate)
    seed = settings.get("seed", defaults.seed)
    max_steps = settings.get("max_steps", defaults.max_steps)
    device = settings.get("device", defaults.device)
    if not _is_finite_number(lr):
        raise LessonFileError(T("{name}: the learning rate must be a number.", name=name))
    for key, value in (("seed", seed), ("max_steps", max_steps)):
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**63:
            raise LessonFileError(
                T("{name}: '{key}' must be a whole number ≥ 0.", name=name, key=key)
            )
    if device not in ("auto", "cpu", "cuda", "mps"):
        raise LessonFileError(
            T("{name}: unknown device {device}.", name=name, device=f"{device!r}")
        )
    optimizer = settings.get("optimizer", defaults.optimizer)
    if not isinstance(optimizer, str):
        raise LessonFileError(T("{name}: 'optimizer' must be text.", name=name))
    epsilon = settings.get("min_cost_change", defaults.min_cost_change)
    if not _is_finite_number(epsilon):
        raise LessonFileError(T("{name}: 'min_cost_change' must be a number.", name=name))
    batch = settings.get("batch_size", defaults.batch_size)
    if not isinstance(batch, int) or isinstance(batch, bool) or not 0 <= batch <= MAX_POINTS:
        raise LessonFileError(T("{name}: 'batch_size' must be a whole number ≥ 0.", name=name))
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
        raise LessonFileError(T("{name}: {problem}", name=name, problem=problem))
    return result


def _model(model: object, name: str) -> ModelConfig:
    if not isinstance(model, dict):
        raise LessonFileError(T("{name}: 'model' must be an object.", name=name))
    defaults = ModelConfig()
    classes = model.get("classes", defaults.classes)
    hidden = model.get("hidden", list(defaults.hidden))
    activation = model.get("activation", defaults.activation)
    if not isinstance(classes, int) or isinstance(classes, bool):
        raise LessonFileError(T("{name}: 'classes' must be a whole number.", name=name))
    if not isinstance(hidden, list) or not all(
        isinstance(n, int) and not isinstance(n, bool) for n in hidden
    ):
        raise LessonFileError(T("{name}: 'hidden' must be a list of neuron counts.", name=name))
    if not isinstance(activation, str):
        raise LessonFileError(T("{name}: 'activation' must be text.", name=name))
    config = ModelConfig(classes, tuple(hidden), activation)
    problem = config.problem()
    if problem:
        raise LessonFileError(T("{name}: {problem}", name=name, problem=problem))
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
        or not all(_is_finite_number(v) for v in view)
        or not (view[0] < view[1] and view[2] < view[3])
    ):
        raise LessonFileError(T("{name}: 'view' must be [xmin, xmax, ymin, ymax].", name=name))
    return tuple(float(v) for v in view)


def _text(value: object, key: str, name: str) -> str:
    if not isinstance(value, str):
        raise LessonFileError(T("{name}: '{key}' must be text.", name=name, key=key))
    return value


def _is_finite_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
