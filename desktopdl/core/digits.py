"""The built-in handwritten digits: 1,797 pictures of 8×8 pixels, 0 to 9, shipped with the app.

Why they ship: the image lesson must work in a classroom without a network, and the bundle
carries no scikit-learn or SciPy, so the digits live in ``resources/datasets/digits.npz``
(about 45 KB) instead of being fetched or loaded through ``sklearn.datasets.load_digits``.

Where they came from: the test part of the UCI Machine Learning Repository's "Optical
Recognition of Handwritten Digits" (E. Alpaydin and C. Kaynak, 1998,
https://archive.ics.uci.edu/dataset/80), the same 1,797 digits, in the same order, that
scikit-learn ships. UCI publishes it under CC BY 4.0. ``resources/datasets/DIGITS-LICENSE.txt``
gives the credit and says exactly how the file was made.

Each pixel in the file is a count of ink from 0 to 16; ``load_digits`` divides by 16, so ink is
1 and paper 0, as in every ``ImageSet`` (which then keeps pixels in steps of 1/255, as lesson
files store them: within 1/510 of value/16; ``digits_arrays`` has the exact quotients).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from desktopdl.core.images import ImageSet
from desktopdl.core.text import T
from desktopdl.resources import resource

DIGITS_FILE = "digits.npz"
DIGITS_SIZE = 8
#: The file's largest pixel value (a 4×4 block of the original bitmap, all ink).
DIGITS_MAX = 16
ALL_DIGITS: tuple[int, ...] = tuple(range(10))


@lru_cache(maxsize=1)
def digits_arrays() -> tuple[np.ndarray, np.ndarray]:
    """The whole file, read once: pixels (1797 × 8 × 8 float32 in 0…1) and digits (int64 0…9).

    Both arrays are read-only, so no caller can change the cached copy.
    """
    with np.load(resource("datasets") / DIGITS_FILE) as archive:
        raw, digits = archive["images"], archive["labels"]
    images = raw.astype(np.float32) / np.float32(DIGITS_MAX)
    labels = digits.astype(np.int64)
    images.setflags(write=False)
    labels.setflags(write=False)
    return images, labels


def _check(classes: tuple[int, ...], per_class: int | None) -> None:
    if len(classes) == 0:
        raise ValueError(T("Choose at least one digit (0 to 9)."))
    for digit in classes:
        if (
            isinstance(digit, bool)
            or not isinstance(digit, (int, np.integer))
            or not 0 <= digit < len(ALL_DIGITS)
        ):
            raise ValueError(
                T("The digits must be whole numbers from 0 to 9, not {value}.", value=repr(digit))
            )
    for digit in classes:
        if classes.count(digit) > 1:
            raise ValueError(
                T("Each digit may be chosen only once; {digit} is chosen twice.", digit=int(digit))
            )
    if per_class is not None and (
        isinstance(per_class, bool) or not isinstance(per_class, (int, np.integer)) or per_class < 1
    ):
        raise ValueError(T("The number of images per digit must be a whole number of at least 1."))


def load_digits(
    classes: tuple[int, ...] = ALL_DIGITS, per_class: int | None = None, seed: int = 0
) -> ImageSet:
    """The digits in ``classes`` as an ``ImageSet`` of 8×8 images, pixels 0…1.

    Labels are positions in ``classes``, not digit values: ``classes=(3, 8)`` gives the 3s
    label 0 and the 8s label 1, because the lessons' classes run 0…k−1.

    ``per_class=None`` keeps every image of each chosen digit. A number keeps that many of
    each (all of a digit when it has fewer, at least 174): one shuffle of the whole file
    seeded with ``seed`` (``np.random.default_rng(seed)``) decides which, so the same seed
    picks the same 3s whatever other digits are chosen. The result is always in the file's
    order.
    """
    classes = tuple(classes)
    _check(classes, per_class)
    images, digits = digits_arrays()
    chosen = np.isin(digits, classes)
    if per_class is not None:
        order = np.random.default_rng(seed).permutation(len(digits))
        shuffled = digits[order]
        keep = np.concatenate([order[shuffled == digit][:per_class] for digit in classes])
        chosen = np.zeros(len(digits), dtype=bool)
        chosen[keep] = True
    index = np.flatnonzero(chosen)
    position = np.full(len(ALL_DIGITS), -1, dtype=np.int64)
    position[list(classes)] = np.arange(len(classes))
    return ImageSet(images[index], position[digits[index]])
