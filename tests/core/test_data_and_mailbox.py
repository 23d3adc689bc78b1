import numpy as np
import pytest

from desktopdl.core.data import PointSet
from desktopdl.core.mailbox import SnapshotMailbox
from desktopdl.core.trainer import Snapshot


def test_point_set_edits_return_new_sets():
    a = PointSet([[1, 2]], [0])
    b = a.with_point(3, 4, 1)
    assert len(a) == 1 and len(b) == 2
    assert b.without(0) == PointSet([[3, 4]], [1])
    assert b.moved(1, 5, 5).xy[1].tolist() == [5, 5]
    assert b.inserted(0, 9, 9, 1).xy[0].tolist() == [9, 9]
    with pytest.raises(ValueError):
        b.xy[0, 0] = 7


@pytest.mark.parametrize(
    ("points", "labels"),
    [([[np.nan, 1]], [0]), ([[1, np.inf]], [0]), ([[1, 1]], [0, 1]), ([[1, 1]], [12])],
)
def test_point_set_rejects_bad_values(points, labels):
    with pytest.raises(ValueError):
        PointSet(points, labels)


def test_nearest_uses_screen_scale():
    points = PointSet([[0, 0], [10, 100]], [0, 0])
    # one pixel is 1 unit in x and 100 units in y: (8, 0) is 2 px from the first point in x,
    # but the second point is only 0.2 + 1 px away
    assert points.nearest(8, 0) == 0
    assert points.nearest(9.8, 0, scale=(1, 100)) == 1


def snapshot(step: int) -> Snapshot:
    return Snapshot(step=step, cost=1.0, params=(np.zeros(1),))


def test_mailbox_keeps_the_latest_snapshot_and_every_cost():
    box = SnapshotMailbox()
    assert box.put(snapshot(3), np.array([1.0, 2.0, 3.0]), first_step=0) is True
    assert box.put(snapshot(5), np.array([4.0, 5.0]), first_step=3) is False  # no second nudge
    taken = box.take()
    assert taken.step == 5
    assert taken.new_costs.tolist() == [1, 2, 3, 4, 5]
    assert taken.first_new_step == 0
    assert box.take() is None
    assert box.put(snapshot(6), np.zeros(0), first_step=6) is True


def test_mailbox_forgets_costs_of_a_run_that_was_reset():
    box = SnapshotMailbox()
    box.put(snapshot(3), np.array([1.0, 2.0, 3.0]), first_step=0)
    box.discard_costs()
    box.put(snapshot(0), np.zeros(0), first_step=0)
    assert box.take().new_costs.size == 0
