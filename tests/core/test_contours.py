import numpy as np
import pytest

from desktopdl.core.contours import contour_segments


@pytest.mark.parametrize("radius", [0.5, 1.3, 2.2])
def test_contour_of_a_cone_is_a_circle(radius):
    x = np.linspace(-3, 3, 121)
    gx, gy = np.meshgrid(x, x)
    segments = contour_segments(np.hypot(gx, gy), radius)
    points = -3 + segments * 6 / 120  # grid index → coordinate
    r = np.hypot(points[..., 0], points[..., 1])
    assert len(segments) > 20
    assert np.allclose(r, radius, atol=0.02)
    # the segments close the circle: their total length is its circumference
    length = np.linalg.norm(points[:, 1] - points[:, 0], axis=1).sum()
    assert length == pytest.approx(2 * np.pi * radius, rel=0.02)


def test_no_contour_outside_the_range_and_saddles_give_two_segments():
    image = np.array([[0.0, 1.0], [1.0, 0.0]])  # one cell, a saddle at 0.5
    assert len(contour_segments(image, 2.0)) == 0
    assert len(contour_segments(image, 0.5)) == 2


def interpolated(image: np.ndarray, point: np.ndarray) -> float:
    """The image's value at a point on a cell edge, linear along that edge."""
    col, row = point
    c0, r0 = int(np.floor(col)), int(np.floor(row))
    if col == c0:  # on a vertical edge
        r1 = min(r0 + 1, image.shape[0] - 1)
        return image[r0, c0] + (row - r0) * (image[r1, c0] - image[r0, c0])
    c1 = min(c0 + 1, image.shape[1] - 1)
    return image[r0, c0] + (col - c0) * (image[r0, c1] - image[r0, c0])


@pytest.mark.parametrize("seed", range(20))
def test_every_crossed_cell_gives_its_segments_on_the_level(seed):
    """Only the cells the level passes through are worked on (the whole grid cost ~6 ms a
    snapshot); none may be missed: one segment per crossed cell, two at a saddle, each end
    on a cell edge where the image equals the level."""
    rng = np.random.default_rng(seed)
    rows, cols = rng.integers(2, 30, 2)
    image = rng.choice([0.1, 0.3, 0.7, 0.9], (rows, cols)) if seed % 2 else rng.random((rows, cols))
    level = 0.5
    low = image < level
    corners = low[:-1, :-1].astype(int) + low[:-1, 1:] + low[1:, :-1] + low[1:, 1:]
    crossed = (corners > 0) & (corners < 4)
    diagonal = (low[:-1, :-1] == low[1:, 1:]) & (low[:-1, 1:] == low[1:, :-1])
    saddles = crossed & diagonal
    segments = contour_segments(image, level)
    assert len(segments) == crossed.sum() + saddles.sum()
    for end in segments.reshape(-1, 2):
        assert interpolated(image, end) == pytest.approx(level, abs=1e-9)
