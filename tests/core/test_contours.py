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
