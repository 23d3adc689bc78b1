"""Decks: a prepared lecture as an ordered list of live lesson states ("slides").

A slide is a lesson file (the same document the app saves: data, settings, seed, optional
weights) with a title, a short text and speaker notes in Korean and English, an optional
question to predict before the answer is revealed, the lower page to show, the actions
that run when it opens (train N steps, add a point, ask the model at a point, change a
setting, show a page, compare with the companion cost) and what it promises once they have
run (an accuracy, a cost). One JSON file holds the whole deck, so a teacher can mail it.

Reading checks everything before anything is used and raises DeckError with a sentence;
``rehearse`` runs a slide headless (no Qt) to check its promise.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from desktopdl.core import lesson_file as lesson_files
from desktopdl.core.data import PointSet, is_finite_number
from desktopdl.core.lesson_file import LessonFile, LessonFileError
from desktopdl.core.text import T
from desktopdl.core.trainer import Status, Trainer, TrainSettings

FORMAT = "desktopdl-deck"
VERSION = 1
#: The languages a deck's words come in; a missing one falls back to the other.
LANGUAGES = ("en", "ko")
#: A deck is read whole; the bundled one with its digits is well under this.
MAX_DECK_BYTES = 50_000_000
MAX_SLIDES = 500
#: More steps than any slide should make a class wait for.
MAX_ACTION_STEPS = 100_000


class DeckError(ValueError):
    """A file that cannot be opened as a deck; the message says why in plain words."""


@dataclass(frozen=True)
class Words:
    """One text in each language of the app."""

    en: str = ""
    ko: str = ""

    def get(self, language: str) -> str:
        """The text in ``language``, or in the other one when that is empty."""
        mine = self.ko if language == "ko" else self.en
        return mine or self.en or self.ko

    def __bool__(self) -> bool:
        return bool(self.en or self.ko)

    def with_text(self, language: str, text: str) -> Words:
        return replace(self, **{"ko" if language == "ko" else "en": text})

    def to_json(self) -> dict:
        return {language: getattr(self, language) for language in LANGUAGES}

    @classmethod
    def from_json(cls, doc: object, what: str) -> Words:
        if doc is None:
            return cls()
        if isinstance(doc, str):  # one text for both languages
            doc = {"en": doc}
        if not isinstance(doc, dict) or not all(
            isinstance(doc.get(language, ""), str) for language in LANGUAGES
        ):
            raise DeckError(T("'{what}' must be text, or an object with 'en' and 'ko'.", what=what))
        words = cls(**{language: doc.get(language, "") for language in LANGUAGES})
        for text in (words.en, words.ko):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise DeckError(
                    T("'{what}' holds a character that is not valid text.", what=what)
                ) from None
        return words


#: Each action and the fields it takes (name → type).
ACTIONS: dict[str, dict[str, type]] = {
    "train": {"steps": int},  # train this many more steps, visibly
    "add_point": {"x": float, "y": float, "label": int},  # a new point on the canvas
    "test": {"x": float, "y": float},  # ③ Test: ask the trained model at (x, y)
    "set": {"name": str, "value": object},  # change one setting or model choice
    "page": {"name": str},  # show a lower page (cost_plot, landscape_panel…)
    "compare": {},  # the landscape with the companion cost beside it (MSE)
    "phase": {"steps": int},  # gradient descent phase by phase (① init … ⑦ done), visibly
    "click": {"name": str},  # press one of the page's buttons (by object name)
}


@dataclass(frozen=True)
class Action:
    do: str
    steps: int = 0
    x: float = 0.0
    y: float = 0.0
    label: int = 0
    name: str = ""
    value: object = None

    def to_json(self) -> dict:
        return {"do": self.do} | {key: getattr(self, key) for key in ACTIONS[self.do]}

    @classmethod
    def from_json(cls, doc: object) -> Action:
        if not isinstance(doc, dict) or doc.get("do") not in ACTIONS:
            raise DeckError(
                T("an action must say what to do: one of {names}.", names=", ".join(ACTIONS))
            )
        kind = doc["do"]
        values = {}
        for key, kind_of in ACTIONS[kind].items():
            if key not in doc:
                raise DeckError(T("the action '{kind}' needs '{key}'.", kind=kind, key=key))
            value = doc[key]
            if kind_of is int and (isinstance(value, bool) or not isinstance(value, int)):
                raise DeckError(
                    T("'{key}' of '{kind}' must be a whole number.", key=key, kind=kind)
                )
            if kind_of is float and not is_finite_number(value):
                raise DeckError(T("'{key}' of '{kind}' must be a number.", key=key, kind=kind))
            if kind_of is str and not isinstance(value, str):
                raise DeckError(T("'{key}' of '{kind}' must be text.", key=key, kind=kind))
            values[key] = float(value) if kind_of is float else value
        if kind in ("train", "phase") and not 1 <= values["steps"] <= MAX_ACTION_STEPS:
            raise DeckError(
                T("'{kind}' takes 1 to {most} steps.", kind=kind, most=f"{MAX_ACTION_STEPS:,}")
            )
        if kind == "add_point" and not 0 <= values["label"] < 10:
            raise DeckError(T("'add_point' needs a class from 0 to 9."))
        return cls(do=kind, **values)


@dataclass(frozen=True)
class Promise:
    """What a slide reaches once its actions ran: checked by the tests and the rehearsal."""

    accuracy_min: float | None = None
    #: A slide that shows a model being fooled promises it is wrong somewhere.
    accuracy_max: float | None = None
    cost_max: float | None = None

    def to_json(self) -> dict:
        return {k: v for k, v in dataclasses.asdict(self).items() if v is not None}

    @classmethod
    def from_json(cls, doc: object) -> Promise:
        if doc is None:
            return cls()
        names = {f.name for f in dataclasses.fields(cls)}
        if (
            not isinstance(doc, dict)
            or set(doc) - names
            or not all(is_finite_number(v) for v in doc.values())
        ):
            raise DeckError(
                T("'expect' may hold 'accuracy_min', 'accuracy_max' and 'cost_max' (numbers).")
            )
        return cls(**{k: float(v) for k, v in doc.items()})

    def broken_by(self, cost: float, accuracy: float | None) -> str | None:
        """A sentence when the state does not keep the promise, else None."""
        if self.accuracy_min is not None and (accuracy is None or accuracy < self.accuracy_min):
            return f"accuracy {accuracy} < {self.accuracy_min}"
        if self.accuracy_max is not None and (accuracy is None or accuracy > self.accuracy_max):
            return f"accuracy {accuracy} > {self.accuracy_max}"
        if self.cost_max is not None and not (math.isfinite(cost) and cost <= self.cost_max):
            return f"cost {cost} > {self.cost_max}"
        return None


@dataclass(frozen=True)
class Slide:
    lesson: LessonFile
    title: Words = field(default_factory=Words)
    text: Words = field(default_factory=Words)
    notes: Words = field(default_factory=Words)
    #: Asked before the actions run; the teacher clicks a guess, then reveals the answer.
    question: Words = field(default_factory=Words)
    #: The lower page to show (its object name), or "" for the lesson's opening page.
    page: str = ""
    actions: tuple[Action, ...] = ()
    expect: Promise = field(default_factory=Promise)

    def to_json(self) -> dict:
        doc = {
            "title": self.title.to_json(),
            "text": self.text.to_json(),
            "notes": self.notes.to_json(),
        }
        if self.question:
            doc["question"] = self.question.to_json()
        if self.page:
            doc["page"] = self.page
        doc["actions"] = [action.to_json() for action in self.actions]
        if self.expect.to_json():
            doc["expect"] = self.expect.to_json()
        doc["lesson"] = self.lesson.to_json()
        return doc

    @classmethod
    def from_json(cls, doc: object, name: str) -> Slide:
        if not isinstance(doc, dict):
            raise DeckError(T("{name} is not a slide.", name=name))
        try:
            lesson = lesson_files.from_json(doc.get("lesson"), name)
        except LessonFileError as error:
            raise DeckError(error.args[0]) from None
        page = doc.get("page", "")
        actions = doc.get("actions", [])
        if not isinstance(page, str) or not isinstance(actions, list):
            raise DeckError(T("{name}: 'page' must be text and 'actions' a list.", name=name))
        try:
            slide = cls(
                lesson=lesson,
                title=Words.from_json(doc.get("title"), "title"),
                text=Words.from_json(doc.get("text"), "text"),
                notes=Words.from_json(doc.get("notes"), "notes"),
                question=Words.from_json(doc.get("question"), "question"),
                page=page,
                actions=tuple(Action.from_json(action) for action in actions),
                expect=Promise.from_json(doc.get("expect")),
            )
            for action in slide.actions:
                _check_action(action, slide.lesson)
        except DeckError as error:
            raise DeckError(T("{name}: {problem}", name=name, problem=error.args[0])) from None
        return slide


@dataclass(frozen=True)
class Deck:
    slides: tuple[Slide, ...] = ()
    title: Words = field(default_factory=Words)

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "version": VERSION,
            "title": self.title.to_json(),
            "slides": [slide.to_json() for slide in self.slides],
        }

    # Authoring: each edit returns a new deck, so the open one is never half-changed.

    def with_slide(self, slide: Slide, at: int | None = None) -> Deck:
        slides = list(self.slides)
        slides.insert(len(slides) if at is None else at, slide)
        return replace(self, slides=tuple(slides))

    def without_slide(self, index: int) -> Deck:
        return replace(self, slides=self.slides[:index] + self.slides[index + 1 :])

    def moved(self, index: int, to: int) -> Deck:
        slides = list(self.slides)
        slides.insert(to, slides.pop(index))
        return replace(self, slides=tuple(slides))

    def retitled(self, index: int, language: str, title: str) -> Deck:
        slides = list(self.slides)
        slides[index] = replace(slides[index], title=slides[index].title.with_text(language, title))
        return replace(self, slides=tuple(slides))


def read(path: str | os.PathLike) -> Deck:
    """The deck at ``path``; only a regular file of at most MAX_DECK_BYTES is read (see
    ``lesson_file.read_limited``: a device or a pipe would never end or block)."""
    path = Path(path)
    try:
        text = lesson_files.read_limited(path, MAX_DECK_BYTES).decode("utf-8-sig")
    except FileNotFoundError:
        raise DeckError(T("{name} does not exist.", name=str(path))) from None
    except lesson_files.NotARegularFile:
        raise DeckError(T("{name} is not a file.", name=str(path))) from None
    except lesson_files.FileTooLarge:
        raise DeckError(T("{name} is too large to be a deck.", name=path.name)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise DeckError(T("{name} cannot be read: {error}", name=path.name, error=error)) from None
    return parse(text, path.name)


def parse(text: str, name: str = "the deck") -> Deck:
    try:
        doc = json.loads(text, parse_constant=lesson_files.reject_constant)
    except RecursionError:
        raise DeckError(
            T("{name} is damaged or not a deck (nested too deeply).", name=name)
        ) from None
    except ValueError as error:
        raise DeckError(
            T("{name} is damaged or not a deck ({error}).", name=name, error=error)
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise DeckError(T("{name} is not a DesktopDL deck.", name=name))
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DeckError(T("{name} has no valid format version.", name=name))
    if version > VERSION:
        raise DeckError(
            T(
                "{name} was written by a newer DesktopDL (deck version {version}, this app "
                "reads up to {supported}). Update DesktopDL to open it.",
                name=name,
                version=version,
                supported=VERSION,
            )
        )
    slides = doc.get("slides")
    if not isinstance(slides, list) or not slides:
        raise DeckError(T("{name} has no slides.", name=name))
    if len(slides) > MAX_SLIDES:
        raise DeckError(T("{name} has more than {most} slides.", name=name, most=MAX_SLIDES))
    title = Words.from_json(doc.get("title"), "title")
    return Deck(
        slides=tuple(
            Slide.from_json(slide, f"{name} #{number}") for number, slide in enumerate(slides, 1)
        ),
        title=title,
    )


def write(path: str | os.PathLike, deck: Deck) -> None:
    lesson_files.write_document(path, deck.to_json())


def setting_names(lesson: LessonFile) -> tuple[set[str], set[str]]:
    """The names a 'set' action may change: training settings, and the lesson's config."""
    settings = {f.name for f in dataclasses.fields(TrainSettings)} - {"model"}
    model = {f.name for f in dataclasses.fields(lesson.settings.model)}
    return settings, model


def with_setting(lesson: LessonFile, name: str, value: object) -> LessonFile:
    """The lesson with one setting or model choice changed, checked like a file's."""
    doc = lesson.to_json()
    settings, model = setting_names(lesson)
    if name in settings:
        doc["settings"][name] = list(value) if isinstance(value, tuple) else value
    elif name in model:
        doc["model"][name] = list(value) if isinstance(value, tuple) else value
    else:
        raise DeckError(T("'set' names an unknown setting {name}.", name=repr(name)))
    try:
        return lesson_files.from_json(doc, "set")
    except LessonFileError as error:
        raise DeckError(error.args[0]) from None


def _check_action(action: Action, lesson: LessonFile) -> None:
    if action.do == "set":
        with_setting(lesson, action.name, action.value)
    elif action.do in ("add_point", "test") and not isinstance(lesson.data, PointSet):
        raise DeckError(T("'{kind}' needs a lesson with points.", kind=action.do))


# -- rehearsal (headless) ------------------------------------------------------------------


@dataclass
class Rehearsal:
    """A slide's lesson after its actions, run headless as the window would run them."""

    lesson: LessonFile
    trainer: Trainer
    #: The model's outputs at each 'test' action's point.
    tests: list = field(default_factory=list)

    @property
    def cost(self) -> float:
        return self.trainer.current_cost()

    @property
    def accuracy(self) -> float | None:
        return self.trainer.snapshot().accuracy

    def broken_promise(self, promise: Promise) -> str | None:
        return promise.broken_by(self.cost, self.accuracy)


def rehearse(slide: Slide) -> Rehearsal:
    """Run the slide's training actions on the CPU in this thread (the ones that only show
    something, a page or a button, have nothing to run here); raises ValueError with the
    lesson's sentence when its data cannot be trained on."""
    from desktopdl.core import export  # export imports codegen: only when rehearsing

    lesson = slide.lesson
    trainer = export.new_trainer(lesson)
    tests = []
    for action in slide.actions:
        if action.do == "train":
            if trainer.status == Status.INVALID_DATA:
                raise ValueError(trainer.message)
            target = trainer.step_count + action.steps
            trainer.set_settings(replace(trainer.settings, max_steps=target))
            trainer.step(action.steps)
        elif action.do == "phase":
            for _ in range(action.steps):
                if trainer.status == Status.INVALID_DATA:
                    raise ValueError(trainer.message)
                trainer.advance_phase()
        elif action.do == "add_point":
            lesson = replace(lesson, data=lesson.data.with_point(action.x, action.y, action.label))
            trainer.set_data(lesson.data)
        elif action.do == "set":
            lesson = with_setting(lesson, action.name, action.value)
            trainer.set_settings(replace(lesson.settings, device="cpu"))
        elif action.do == "test":
            model = trainer.lesson
            x = model.test_input(action.x, action.y)
            params = list(trainer.snapshot().params)
            tests.append(np.asarray(model.predict(params, x)))
    return Rehearsal(lesson, trainer, tests)
