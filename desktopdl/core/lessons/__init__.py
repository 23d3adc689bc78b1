"""The lesson registry: adding a lesson is one module here and one line below."""

from __future__ import annotations

from desktopdl.core.lessons.base import Lesson, ModelConfig, Rect
from desktopdl.core.lessons.binary import BinaryClassification
from desktopdl.core.lessons.linear import LinearRegression
from desktopdl.core.lessons.network import NeuralNetwork
from desktopdl.core.lessons.softmax import SoftmaxClassification

LESSONS: dict[str, type[Lesson]] = {
    cls.key: cls
    for cls in (LinearRegression, BinaryClassification, SoftmaxClassification, NeuralNetwork)
}


def lesson(key: str) -> Lesson:
    """A fresh lesson object by key ('linear', 'binary', ...)."""
    try:
        return LESSONS[key]()
    except KeyError:
        raise KeyError(f"unknown lesson {key!r}; choose from {', '.join(LESSONS)}") from None


__all__ = ["LESSONS", "Lesson", "ModelConfig", "Rect", "lesson"]
