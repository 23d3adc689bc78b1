"""Image sets: the data kind of the CNN lesson (drawings made on the pad, or built-in digits).

An image set is square grey-level images (ink 1, paper 0) of one size with a class label
each. Like ``PointSet`` it is immutable: every edit (a drawing added, deleted or relabelled)
makes a new set, so the GUI hands whole sets to the training thread. Lesson files store the
pixels as base64 of one byte per pixel, which keeps a set of 100 drawings of 28×28 at about
100 KB instead of a megabyte of JSON numbers.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from desktopdl.core.data import DATA_KINDS, DataError, seeded_split
from desktopdl.core.text import T

#: The drawing pad's size (MNIST's), and the sizes a set may have.
PAD_SIZE = 28
MIN_SIZE, MAX_SIZE = 4, 64
#: The most images one lesson holds.
MAX_IMAGES = 20_000
#: Image classes: labels 0…9 (the ten digits).
IMAGE_CLASSES = 10


@dataclass(frozen=True, eq=False)
class ImageSet:
    """``images`` (n × size × size float32 in 0…1, row 0 at the top) and ``labels`` (n int64)."""

    kind: ClassVar[str] = "images"

    images: np.ndarray
    labels: np.ndarray

    def __post_init__(self) -> None:
        images = np.array(self.images, dtype=np.float32)
        if images.size == 0:
            size = images.shape[-1] if images.ndim == 3 else PAD_SIZE
            images = images.reshape(0, size, size)
        if images.ndim != 3 or images.shape[1] != images.shape[2]:
            raise ValueError("images must be square and all of one size")
        labels = np.array(self.labels, dtype=np.int64).reshape(-1)
        if len(images) != len(labels):
            raise ValueError(f"{len(images)} images but {len(labels)} labels")
        if not np.all(np.isfinite(images)):
            raise ValueError("pixels must be finite numbers")
        if len(labels) and (labels.min() < 0 or labels.max() >= IMAGE_CLASSES):
            raise ValueError(f"class labels must be between 0 and {IMAGE_CLASSES - 1}")
        # Whole steps of 1/255, as a lesson file stores them: the exported script then
        # trains on exactly the app's pixels.
        images = (np.round(np.clip(images, 0.0, 1.0) * 255) / np.float32(255)).astype(np.float32)
        images.setflags(write=False)
        labels.setflags(write=False)
        object.__setattr__(self, "images", images)
        object.__setattr__(self, "labels", labels)

    @property
    def size(self) -> int:
        return int(self.images.shape[1])

    @classmethod
    def empty(cls, size: int = PAD_SIZE) -> ImageSet:
        return cls(np.zeros((0, size, size), dtype=np.float32), np.zeros(0, dtype=np.int64))

    def __len__(self) -> int:
        return len(self.labels)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ImageSet):
            return NotImplemented
        return np.array_equal(self.images, other.images) and np.array_equal(
            self.labels, other.labels
        )

    def __hash__(self) -> int:
        return hash((self.images.tobytes(), self.labels.tobytes()))

    def fingerprint(self) -> str:
        digest = hashlib.blake2b(self.images.tobytes(), digest_size=12)
        digest.update(self.labels.tobytes())
        return digest.hexdigest()

    # -- lesson files ---------------------------------------------------------------------

    def to_json(self) -> dict:
        pixels = np.round(self.images * 255).astype(np.uint8)
        return {
            "kind": self.kind,
            "size": self.size,
            "pixels": base64.b64encode(pixels.tobytes()).decode("ascii"),
            "labels": self.labels.tolist(),
        }

    @classmethod
    def from_json(cls, doc: dict) -> ImageSet:
        size, pixels, labels = doc.get("size"), doc.get("pixels"), doc.get("labels")
        if not isinstance(size, int) or isinstance(size, bool) or not MIN_SIZE <= size <= MAX_SIZE:
            raise DataError(
                T(
                    "'size' must be a whole number from {low} to {high}.",
                    low=MIN_SIZE,
                    high=MAX_SIZE,
                )
            )
        if not isinstance(pixels, str) or not isinstance(labels, list):
            raise DataError(T("'pixels' must be text and 'labels' a list."))
        if len(labels) > MAX_IMAGES:
            raise DataError(
                T(
                    "There are {count} images; the most a lesson holds is {limit}.",
                    count=len(labels),
                    limit=MAX_IMAGES,
                )
            )
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in labels):
            raise DataError(T("Every label must be a whole number."))
        if not all(0 <= v < IMAGE_CLASSES for v in labels):  # before numpy's int64 overflow
            raise DataError(
                T("Every label must be a class from 0 to {most}.", most=IMAGE_CLASSES - 1)
            )
        try:
            raw = base64.b64decode(pixels.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError):
            raise DataError(T("'pixels' is not valid base64 text.")) from None
        if len(raw) != len(labels) * size * size:
            raise DataError(
                T(
                    "'pixels' holds {bytes} bytes; {count} images of {size}×{size} need {need}.",
                    bytes=len(raw),
                    count=len(labels),
                    size=size,
                    need=len(labels) * size * size,
                )
            )
        images = np.frombuffer(raw, dtype=np.uint8).reshape(-1, size, size) / np.float32(255)
        try:
            return cls(images, labels)
        except (ValueError, OverflowError) as error:
            raise DataError(str(error)) from None

    # -- edits ----------------------------------------------------------------------------

    def subset(self, indices: np.ndarray) -> ImageSet:
        indices = np.asarray(indices, dtype=np.int64)
        return ImageSet(
            self.images[indices].reshape(-1, self.size, self.size), self.labels[indices]
        )

    def split(self, validation_share: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
        return seeded_split(len(self), validation_share, seed)

    def bounds(self) -> tuple[float, float, float, float]:
        """The image in pixels: there is no plane to zoom."""
        return (0.0, float(self.size), 0.0, float(self.size))

    def class_counts(self, n_classes: int) -> np.ndarray:
        return np.bincount(self.labels, minlength=n_classes)[:n_classes]

    def with_image(self, image: np.ndarray, label: int) -> ImageSet:
        image = np.asarray(image, dtype=np.float32).reshape(1, self.size, self.size)
        return ImageSet(np.concatenate([self.images, image]), np.append(self.labels, label))

    def without(self, index: int) -> ImageSet:
        return ImageSet(np.delete(self.images, index, axis=0), np.delete(self.labels, index))

    def relabelled(self, index: int, label: int) -> ImageSet:
        labels = self.labels.copy()
        labels[index] = label
        return ImageSet(self.images, labels)


DATA_KINDS[ImageSet.kind] = ImageSet
