"""Hand the newest snapshot from the training thread to the GUI, "latest wins".

The training thread may produce snapshots faster than the screen can draw them. Queuing every
one floods the GUI (the GUIDE measured training falling from ~4,300 to ~190 steps/s), so only
the newest is kept, while the per-step costs and metric points of the skipped ones are
gathered so the curves never lose a step.
"""

from __future__ import annotations

import threading

import numpy as np

from desktopdl.core.trainer import MetricPoints, Snapshot, merge_metrics, with_costs


class SnapshotMailbox:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest: Snapshot | None = None
        self._costs: list[np.ndarray] = []
        self._first_step: int | None = None
        self._metrics: list[tuple[MetricPoints, ...]] = []

    def put(self, snapshot: Snapshot, costs: np.ndarray, first_step: int) -> bool:
        """Store a snapshot; True when the mailbox was empty, i.e. the reader needs a nudge."""
        with self._lock:
            was_empty = self._latest is None
            self._latest = snapshot
            if snapshot.new_metrics:
                self._metrics.append(snapshot.new_metrics)
            if len(costs):
                if self._first_step is None:
                    self._first_step = first_step
                self._costs.append(costs)
            return was_empty

    def discard_costs(self) -> None:
        """Forget gathered costs (after a reset, the old curve no longer applies)."""
        with self._lock:
            self._costs.clear()
            self._metrics.clear()
            self._first_step = None

    def take(self) -> Snapshot | None:
        """The newest snapshot with every cost gathered since the last take, or None."""
        with self._lock:
            snapshot, self._latest = self._latest, None
            costs = np.concatenate(self._costs) if self._costs else np.zeros(0)
            first = self._first_step if self._first_step is not None else 0
            metrics = merge_metrics(self._metrics)
            self._costs.clear()
            self._metrics.clear()
            self._first_step = None
        if snapshot is None:
            return None
        return with_costs(snapshot, costs, first if len(costs) else snapshot.step, metrics)
