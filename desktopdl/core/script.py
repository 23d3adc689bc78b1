"""Python literals for the exported script: numbers and lists written the way the lecture
writes them, and exact enough that torch reads back the app's float32 values.

Lessons write their parts of the script with these (core.codegen assembles the parts)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np

#: Longest line the data literals are wrapped to.
LINE = 92

#: How the script's comments are put into words: the identity (English) unless a caller
#: chose a language (the window passes its translation, ``desktopdl export --lang ko``).
_translate: Callable[[str], str] = str


@contextmanager
def language(translate: Callable[[str], str] | None) -> Iterator[None]:
    """Write the script's comments through ``translate`` (core sentences → the language)."""
    global _translate
    before, _translate = _translate, translate or str
    try:
        yield
    finally:
        _translate = before


def say(text: str) -> str:
    """A comment of the script in the chosen language (``text`` is a core T sentence)."""
    return _translate(text)


def num(value: float) -> str:
    """A coordinate as the lecture writes it: 6 for whole numbers, else Python's shortest
    round-trip form, so torch.FloatTensor rounds it to the app's float32 exactly."""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15 and math.copysign(1.0, value) > 0:
        return str(int(value))
    return repr(value)


def float32(value: float) -> str:
    """A float32 in its shortest form when that form gives back the same float32 through
    Python's float (as torch.tensor reads it), else the exact double."""
    single = np.float32(value)
    short = str(single)
    return short if np.float32(float(short)) == single else repr(float(single))


def literal(start: str, items: list[str], end: str = ")") -> str:
    """``start`` + a list of items + ``end``, on one line when it fits, else wrapped."""
    one = f"{start}[{', '.join(items)}]{end}"
    if len(one) <= LINE:
        return one
    rows, row = [], ""
    for item in items:
        candidate = f"{row} {item}," if row else f"    {item},"
        if len(candidate) > LINE and row:
            rows.append(row)
            candidate = f"    {item},"
        row = candidate
    rows.append(row)
    return "\n".join([f"{start}[", *rows, f"]{end}"])


def tensor_literal(name: str, array: np.ndarray) -> str:
    """``name = torch.tensor([...], requires_grad=True)`` holding a float32 array exactly."""
    start, end = f"{name} = torch.tensor(", ", requires_grad=True)"
    if array.ndim == 1:
        return literal(start, [float32(v) for v in array], end)
    rows = ["[" + ", ".join(float32(v) for v in row) + "]" for row in array]
    return literal(start, rows, end)


def copied_weights(names: list[str], values: list) -> list[str]:
    """``with torch.no_grad():`` lines that copy saved values into module parameters named
    ``names`` (a script that builds nn modules starts from a lesson file's weights)."""
    lines = ["with torch.no_grad():"]
    for name, value in zip(names, values, strict=True):
        lines.append(
            literal(
                f"    {name}.copy_(torch.tensor(",
                [float32(v) for v in np.asarray(value).reshape(-1)],
                f").reshape({name}.shape))",
            )
        )
    return lines
