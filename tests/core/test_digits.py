"""The built-in 8×8 digits load offline, match scikit-learn's, and pick classes as asked."""

import hashlib
import socket

import numpy as np
import pytest

from desktopdl.core import digits
from desktopdl.core.digits import digits_arrays, load_digits
from desktopdl.core.images import ImageSet
from desktopdl.core.text import Text
from desktopdl.resources import resource

FILE = resource("datasets") / "digits.npz"

# Measured once with scikit-learn 1.9.1: sklearn.datasets.load_digits() gave these counts,
# and its images (whole numbers 0…16) as uint8 gave this sum and these SHA-256 digests; the
# shipped file's arrays were also compared with load_digits().images / 16 and .target.
COUNTS = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
PIXEL_SUM = 561_718
IMAGES_SHA256 = "8f26b2bd9d135c256808f68f14fdabddde6d9c7f869ae419704b051f0f14b3b3"
LABELS_SHA256 = "8ba4f891220f5e4c9c819638d1602d74b83618f167043c6da52a2a247841ddf0"


def raw_file() -> tuple[np.ndarray, np.ndarray]:
    with np.load(FILE) as archive:
        return archive["images"], archive["labels"]


def is_subsequence(part: np.ndarray, whole: np.ndarray) -> bool:
    rows = iter(row.tobytes() for row in whole)
    return all(any(row.tobytes() == other for other in rows) for row in part)


@pytest.fixture
def offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access is blocked in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    digits_arrays.cache_clear()
    yield
    digits_arrays.cache_clear()


def test_digits_load_with_the_network_blocked(offline):
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80))
    data = load_digits()
    assert isinstance(data, ImageSet)
    assert len(data) == 1797
    assert data.images.shape == (1797, 8, 8) and data.size == 8
    assert data.images.dtype == np.float32 and data.labels.dtype == np.int64


def test_the_file_is_small_and_holds_scikit_learns_digits():
    assert FILE.stat().st_size < 100_000
    images, labels = raw_file()
    assert images.dtype == np.uint8 and images.shape == (1797, 8, 8)
    assert labels.dtype == np.uint8 and labels.shape == (1797,)
    assert int(images.max()) == 16 and int(images.min()) == 0
    assert int(images.sum(dtype=np.int64)) == PIXEL_SUM
    assert hashlib.sha256(images.tobytes()).hexdigest() == IMAGES_SHA256
    assert hashlib.sha256(labels.tobytes()).hexdigest() == LABELS_SHA256


def test_pixels_are_the_files_values_over_16_between_0_and_1():
    images, labels = raw_file()
    exact = images.astype(np.float32) / 16
    cached, cached_labels = digits_arrays()
    np.testing.assert_array_equal(cached, exact)
    np.testing.assert_array_equal(cached_labels, labels)
    # ImageSet keeps pixels in whole steps of 1/255 (as lesson files store them), so the set
    # holds value/16 to the nearest 1/255: exactly what ImageSet makes of value/16.
    data = load_digits()
    assert data == ImageSet(exact, labels)
    np.testing.assert_allclose(data.images, exact, rtol=0, atol=1 / 510 + 1e-7)
    assert data.images.min() == 0.0 and data.images.max() == 1.0


def test_all_ten_classes_with_scikit_learns_counts():
    assert load_digits().class_counts(10).tolist() == COUNTS


def test_cached_arrays_and_the_set_are_read_only():
    images, labels = digits_arrays()
    assert digits_arrays()[0] is images
    assert not images.flags.writeable and not labels.flags.writeable
    data = load_digits((1, 7))
    assert not data.images.flags.writeable and not data.labels.flags.writeable


def test_chosen_classes_become_0_to_k_minus_1_in_the_order_given():
    raw_images, raw_labels = raw_file()
    data = load_digits((3, 8))
    assert sorted(set(data.labels.tolist())) == [0, 1]
    assert data.class_counts(2).tolist() == [183, 174]
    threes = ImageSet(raw_images[raw_labels == 3] / 16, raw_labels[raw_labels == 3] * 0)
    np.testing.assert_array_equal(data.images[data.labels == 0], threes.images)
    np.testing.assert_array_equal(data.labels, (raw_labels[np.isin(raw_labels, (3, 8))] == 8))
    swapped = load_digits((8, 3))
    np.testing.assert_array_equal(swapped.labels, 1 - data.labels)
    np.testing.assert_array_equal(swapped.images, data.images)


def test_per_class_picks_that_many_the_same_for_the_same_seed():
    data = load_digits((0, 5, 9), per_class=20, seed=4)
    assert data.class_counts(3).tolist() == [20, 20, 20]
    assert load_digits((0, 5, 9), per_class=20, seed=4) == data
    assert load_digits((0, 5, 9), per_class=20, seed=5) != data
    assert is_subsequence(data.images, load_digits((0, 5, 9)).images)  # the file's order


def test_per_class_picks_a_digit_the_same_whatever_else_is_chosen():
    alone = load_digits((3,), per_class=10, seed=2)
    with_eights = load_digits((3, 8), per_class=10, seed=2)
    np.testing.assert_array_equal(with_eights.images[with_eights.labels == 0], alone.images)


def test_per_class_above_a_digits_count_keeps_all_of_it():
    assert load_digits((3, 8), per_class=1000) == load_digits((3, 8))
    assert load_digits((8,), per_class=175).class_counts(1).tolist() == [174]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"classes": ()}, "at least one digit"),
        ({"classes": (3, 3)}, "only once; 3 is chosen twice"),
        ({"classes": (1, 10)}, "from 0 to 9, not 10"),
        ({"classes": (-1,)}, "from 0 to 9, not -1"),
        ({"classes": (2.0,)}, "from 0 to 9, not 2.0"),
        ({"classes": (True,)}, "from 0 to 9, not True"),
        ({"per_class": 0}, "at least 1"),
        ({"per_class": -3}, "at least 1"),
        ({"per_class": 2.5}, "at least 1"),
    ],
)
def test_bad_arguments_raise_a_clear_translatable_sentence(kwargs, message):
    with pytest.raises(ValueError, match=message) as error:
        load_digits(**kwargs)
    assert isinstance(error.value.args[0], Text)


def test_the_module_names_its_source_and_licence():
    assert "CC BY 4.0" in digits.__doc__ and "archive.ics.uci.edu/dataset/80" in digits.__doc__
    notice = (resource("datasets") / "DIGITS-LICENSE.txt").read_text(encoding="utf-8")
    assert "CC BY 4.0" in notice and "Alpaydin" in notice
