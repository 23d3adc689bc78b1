"""The tab registry: one line per lesson, in the lecture's order."""

from __future__ import annotations

from desktopdl.qt.lesson_tab import LessonTab
from desktopdl.qt.lessons.binary import BinaryClassificationTab
from desktopdl.qt.lessons.linear import LinearRegressionTab
from desktopdl.qt.lessons.network import NeuralNetworkTab
from desktopdl.qt.lessons.softmax import SoftmaxClassificationTab

TABS: list[type[LessonTab]] = [
    LinearRegressionTab,
    BinaryClassificationTab,
    SoftmaxClassificationTab,
    NeuralNetworkTab,
]
