"""Sequences: the data kind of the RNN lesson (a time series the class draws, and a text).

A sequence set holds both things the RNN lesson trains on: a time series (one number per
time step) and a short text (characters, Hangul syllables counting as one each). The
lesson's config says which of the two a run learns; the lesson file keeps both, so switching
between them loses neither. Like the other data kinds it is immutable: every edit (a stroke
drawn, a generated series, a typed text) makes a new set.

A sequence's order is its meaning, so the validation share is the *end* of the series (or of
the text), never a shuffle: the model is tested on what comes after what it learnt from.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from desktopdl.core.data import DATA_KINDS, DataError, is_finite_number
from desktopdl.core.text import T

#: The most time steps one series holds, and the most characters one text holds (a text
#: model reads every window one-hot: 5,000 characters of a 400-character alphabet in
#: windows of 12 are already 96 MB a pass).
MAX_LENGTH = 5_000
MAX_TEXT = 5_000
#: Values beyond this are refused (the drawn axis spans a few units).
MAX_VALUE = 1e4
#: The generated series' length by default, and the range the length control offers.
DEFAULT_LENGTH = 200
MIN_LENGTH = 20

#: The lecture's own sentences about RNNs (week 9): the text a fresh page starts with.
LECTURE_TEXT = (
    "RNN은 순환 구조를 가진 신경망으로, 각 시점에서 입력과 이전 시점의 출력을 함께 고려한다. "
    "RNN은 시계열 데이터나 텍스트 데이터 처리에 사용된다. "
    "RNN은 시간에 따른 패턴을 학습하고, 다음에 올 출력을 예측한다. "
    "최근에는 CNN과 RNN을 결합한 모델도 많이 사용된다."
)


def tail_split(n: int, validation_share: float) -> int:
    """Where the held-out end begins: round(share × n) items at the end are held out, at
    least one stays for training, and a share of 0 holds out nothing (returns n)."""
    if n == 0 or validation_share <= 0:
        return n
    held = min(n - 1, max(1, round(validation_share * n)))
    return n - held


@dataclass(frozen=True, eq=False)
class SequenceSet:
    """``values`` (n float64, one per time step) and ``text`` (a str)."""

    kind: ClassVar[str] = "sequence"

    values: np.ndarray
    text: str = ""

    def __post_init__(self) -> None:
        values = np.array(self.values, dtype=np.float64).reshape(-1)
        if not np.all(np.isfinite(values)):
            raise ValueError("sequence values must be finite numbers (no NaN or infinity)")
        if not isinstance(self.text, str):
            raise ValueError("the text must be a string")
        values.setflags(write=False)
        object.__setattr__(self, "values", values)

    @classmethod
    def empty(cls) -> SequenceSet:
        return cls(np.zeros(0), "")

    def __len__(self) -> int:
        """Time steps of the series (the text is counted by ``len(data.text)``)."""
        return len(self.values)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SequenceSet):
            return NotImplemented
        return np.array_equal(self.values, other.values) and self.text == other.text

    def __hash__(self) -> int:
        return hash((self.values.tobytes(), self.text))

    def fingerprint(self) -> str:
        digest = hashlib.blake2b(self.values.tobytes(), digest_size=12)
        digest.update(self.text.encode("utf-8"))
        return digest.hexdigest()

    @property
    def amplitude(self) -> float:
        """Half the series' range (1 for a unit sine); errors are told as a share of it."""
        if not len(self.values):
            return 1.0
        half = float(self.values.max() - self.values.min()) / 2
        return half if half > 0 else 1.0

    def bounds(self, margin: float = 0.15) -> tuple[float, float, float, float]:
        """(first step, last step with room for a forecast, lowest, highest value) with a
        margin: the region a picture of the series shows."""
        n = max(len(self.values), 20)
        if len(self.values):
            lo, hi = float(self.values.min()), float(self.values.max())
        else:
            lo, hi = -1.0, 1.0
        pad = margin * max(hi - lo, 1.0)
        return (-1.0, n * 1.35, lo - pad, hi + pad)

    # -- lesson files ---------------------------------------------------------------------

    def to_json(self) -> dict:
        return {"kind": self.kind, "values": self.values.tolist(), "text": self.text}

    @classmethod
    def from_json(cls, doc: dict) -> SequenceSet:
        values, text = doc.get("values", []), doc.get("text", "")
        if not isinstance(values, list) or not isinstance(text, str):
            raise DataError(T("'values' must be a list and 'text' a text."))
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise DataError(T("'text' holds a character that is not valid text.")) from None
        if len(values) > MAX_LENGTH:
            raise DataError(
                T(
                    "The series has {count} steps; the most a lesson holds is {limit}.",
                    count=len(values),
                    limit=MAX_LENGTH,
                )
            )
        if len(text) > MAX_TEXT:
            raise DataError(
                T(
                    "The text has {count} characters; the most a lesson holds is {limit}.",
                    count=len(text),
                    limit=MAX_TEXT,
                )
            )
        for value in values:
            if not is_finite_number(value) or abs(value) > MAX_VALUE:
                raise DataError(
                    T(
                        "Every value of the series must be a finite number within ±10,000, "
                        "found {value}.",
                        value=f"{value!r:.40}",
                    )
                )
        return cls(np.asarray(values, dtype=np.float64), text)

    # -- the Dataset protocol ---------------------------------------------------------------

    def subset(self, indices: np.ndarray) -> SequenceSet:
        """The series at these time steps (in order), with the text unchanged."""
        return SequenceSet(self.values[np.asarray(indices, dtype=np.int64)], self.text)

    def split(self, validation_share: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
        """The last share of the time steps held out, whatever the seed: a forecast is
        judged on what comes after the training part."""
        cut = tail_split(len(self), validation_share)
        return np.arange(cut), np.arange(cut, len(self))

    # -- edits ----------------------------------------------------------------------------

    def with_values(self, values: np.ndarray) -> SequenceSet:
        return SequenceSet(values, self.text)

    def with_text(self, text: str) -> SequenceSet:
        return SequenceSet(self.values, text)


# -- generated series ---------------------------------------------------------------------


def _sine(t: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return np.sin(2 * np.pi * t / 40)


def _sum_of_sines(t: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return 0.6 * np.sin(2 * np.pi * t / 40) + 0.4 * np.sin(2 * np.pi * t / 13)


def _sawtooth(t: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return 2 * ((t / 30) % 1.0) - 1


def _square(t: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return np.where((t // 20) % 2 == 0, 1.0, -1.0)


def _damped(t: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return np.exp(-t / max(len(t) / 2, 1)) * np.sin(2 * np.pi * t / 25)


def _random_walk(t: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    walk = np.cumsum(rng.normal(scale=0.15, size=len(t)))
    return walk - walk.mean()


#: The series the class can choose, by key: (label, function of the time steps).
SERIES: dict[str, tuple[str, Callable[[np.ndarray, np.random.Generator], np.ndarray]]] = {
    "sine": (T("sine"), _sine),
    "sum_of_sines": (T("sum of sines"), _sum_of_sines),
    "sawtooth": (T("sawtooth"), _sawtooth),
    "square": (T("square wave"), _square),
    "damped": (T("damped oscillation"), _damped),
    "random_walk": (T("random walk"), _random_walk),
}


def generate(
    key: str, length: int = DEFAULT_LENGTH, noise: float = 0.0, seed: int = 0
) -> np.ndarray:
    """A generated series of ``length`` steps, with Gaussian noise of ``noise`` (a share of
    the unit amplitude), the same for the same seed. Values are rounded to 4 decimals, as
    the lesson file keeps them readable."""
    if key not in SERIES:
        raise KeyError(f"unknown series {key!r}; choose from {', '.join(SERIES)}")
    length = int(min(max(length, 1), MAX_LENGTH))
    rng = np.random.default_rng(seed)
    t = np.arange(length, dtype=np.float64)
    values = SERIES[key][1](t, rng)
    if noise > 0:
        values = values + rng.normal(scale=noise, size=length)
    return np.round(values, 4)


def stroke_values(
    values: np.ndarray, points: list[tuple[float, float]], default: float = 0.0
) -> np.ndarray:
    """The series after a stroke through ``points`` ((time, value) in plot units).

    Every whole time step the pen passed over takes the pen's height there (linear between
    the pen's positions), so a fast stroke leaves no gaps. A stroke past the end extends the
    series; the steps between the old end and the stroke's first step ramp from the last
    value (or ``default`` when empty). Steps before 0 are ignored."""
    out = list(np.asarray(values, dtype=np.float64))
    pen = sorted(((float(t), float(v)) for t, v in points if math.isfinite(t) and math.isfinite(v)))
    if not pen:
        return np.asarray(out)
    ts = np.array([p[0] for p in pen])
    vs = np.array([p[1] for p in pen])
    first = max(0, math.ceil(ts[0] - 0.5))
    last = min(MAX_LENGTH - 1, math.floor(ts[-1] + 0.5))
    if last < 0:
        return np.asarray(out)
    if first > len(out):  # a gap after the end: ramp from the last value to the stroke
        start, end = (out[-1] if out else default), len(out)
        target = float(np.interp(first, ts, vs))
        steps = first - end + 1
        out.extend(start + (target - start) * (i - end + 1) / steps for i in range(end, first))
    for step in range(first, last + 1):
        value = float(np.clip(np.interp(step, ts, vs), -MAX_VALUE, MAX_VALUE))
        if step < len(out):
            out[step] = value
        else:
            out.append(value)
    return np.round(np.asarray(out), 4)


DATA_KINDS[SequenceSet.kind] = SequenceSet
