"""The lesson registry: one entry per lesson, naming its core class and its page.

Adding a lesson is a core module (a ``Lesson`` subclass), a page module on the Qt side, and
one ``register`` line below. The page is named as "module:Class" text so that the core never
imports Qt; the window imports it when it builds the lesson's tab.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktopdl.core.lessons.base import Lesson, LessonConfig
from desktopdl.core.lessons.binary import BinaryClassification
from desktopdl.core.lessons.cnn import ConvolutionalNetwork
from desktopdl.core.lessons.linear import LinearRegression
from desktopdl.core.lessons.network import NeuralNetwork
from desktopdl.core.lessons.overfitting import Overfitting
from desktopdl.core.lessons.rnn import RecurrentNetwork
from desktopdl.core.lessons.softmax import SoftmaxClassification
from desktopdl.core.views import Rect


@dataclass(frozen=True)
class LessonEntry:
    lesson: type[Lesson]
    #: The Qt page: a class, or "module:Class" to import when the window is built.
    page: object


#: Every lesson by key, in the lecture's order (the window's tab order).
REGISTRY: dict[str, LessonEntry] = {}


def register(lesson: type[Lesson], page: object) -> None:
    REGISTRY[lesson.key] = LessonEntry(lesson, page)


def unregister(key: str) -> None:
    REGISTRY.pop(key, None)


register(LinearRegression, page="desktopdl.qt.lessons.linear:LinearRegressionTab")
register(BinaryClassification, page="desktopdl.qt.lessons.binary:BinaryClassificationTab")
register(SoftmaxClassification, page="desktopdl.qt.lessons.softmax:SoftmaxClassificationTab")
register(NeuralNetwork, page="desktopdl.qt.lessons.network:NeuralNetworkTab")
register(Overfitting, page="desktopdl.qt.lessons.overfitting:OverfittingTab")
register(ConvolutionalNetwork, page="desktopdl.qt.lessons.cnn:CNNTab")
register(RecurrentNetwork, page="desktopdl.qt.lessons.rnn:RNNTab")


def lesson_class(key: str) -> type[Lesson]:
    """The lesson class by key; KeyError names the known keys."""
    try:
        return REGISTRY[key].lesson
    except KeyError:
        raise KeyError(f"unknown lesson {key!r}; choose from {', '.join(REGISTRY)}") from None


def lesson(key: str) -> Lesson:
    """A fresh lesson object by key ('linear', 'binary', ...)."""
    return lesson_class(key)()


__all__ = [
    "REGISTRY",
    "Lesson",
    "LessonConfig",
    "LessonEntry",
    "Rect",
    "lesson",
    "lesson_class",
    "register",
    "unregister",
]
