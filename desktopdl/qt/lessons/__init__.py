"""The tab registry: one line per lesson, in the lecture's order."""

from __future__ import annotations

from desktopdl.qt.lesson_tab import LessonTab
from desktopdl.qt.lessons.binary import BinaryClassificationTab
from desktopdl.qt.lessons.linear import LinearRegressionTab

TABS: list[type[LessonTab]] = [
    LinearRegressionTab,
    BinaryClassificationTab,
]
