"""The page class of each registered lesson (the registry lives in desktopdl.core.lessons)."""

from __future__ import annotations

import importlib

from desktopdl.core.lessons import REGISTRY
from desktopdl.qt.lesson_tab import LessonTab


def page_class(key: str) -> type[LessonTab]:
    """The lesson's page class: the registry entry's class, or its "module:Class" imported."""
    page = REGISTRY[key].page
    if isinstance(page, str):
        module, _, name = page.partition(":")
        page = getattr(importlib.import_module(module), name)
    return page


def page_classes() -> list[type[LessonTab]]:
    """Every registered lesson's page, in the registry's (the lecture's) order."""
    return [page_class(key) for key in REGISTRY]
