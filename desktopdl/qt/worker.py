"""The training thread: runs the core Trainer in slices and hands snapshots to the GUI.

The GUI never touches the trainer. It posts commands (train, pause, step, reset, new data,
new settings, new view) to a queue that the thread drains between slices of a few
milliseconds, and it is nudged by ``snapshot_ready`` to take the newest snapshot from a
"latest wins" mailbox, at most ~60 times a second. Closing joins the thread.
"""

from __future__ import annotations

import atexit
import gc
import queue
import time
import traceback
import weakref
from dataclasses import replace

import numpy as np
import shiboken6
import torch
from PySide6.QtCore import QThread, QTimer, Signal

from desktopdl.core.data import Dataset
from desktopdl.core.lab import Lab, LabView
from desktopdl.core.lessons import Lesson
from desktopdl.core.mailbox import SnapshotMailbox
from desktopdl.core.trainer import Snapshot, Status, Trainer, TrainSettings
from desktopdl.core.views import Rect

#: Snapshots per second offered to the screen: 40 keeps ≥ 30 on screen while leaving the
#: GIL to the training thread (each frame's painting holds it for several milliseconds).
PUBLISH_INTERVAL_S = 1 / 40
SLICE_S = 0.004
#: The most steps asked of the trainer in one call (a bound, not a target).
MAX_CHUNK = 1 << 16
IDLE_WAIT_S = 0.1

_QUIT = "quit"

#: Every worker alive, so that an exit by any path joins them first: Qt aborts the process
#: when a running QThread is destroyed.
_LIVE_WORKERS: weakref.WeakSet = weakref.WeakSet()


def stop_all_workers() -> None:
    for worker in list(_LIVE_WORKERS):
        if shiboken6.isValid(worker):  # Qt may have deleted it already (its parent went)
            worker.stop()


atexit.register(stop_all_workers)


class TrainingWorker(QThread):
    """One lesson's training thread. Every public method is safe to call from the GUI."""

    #: Emitted when the mailbox goes from empty to holding a snapshot; call ``take()``.
    snapshot_ready = Signal()

    def __init__(self, lesson: Lesson, data: Dataset, settings: TrainSettings, parent=None):
        super().__init__(parent)
        self._lesson = lesson
        self._initial = (data, settings)
        self._commands: queue.SimpleQueue = queue.SimpleQueue()
        self.mailbox = SnapshotMailbox()
        #: Steps per second, or None for full speed.
        self._speed: float | None = None
        _LIVE_WORKERS.add(self)

    # -- commands from the GUI ------------------------------------------------------------

    def train(self) -> None:
        self._commands.put(("train",))

    def pause(self) -> None:
        self._commands.put(("pause",))

    def step_once(self) -> None:
        self._commands.put(("step",))

    def reset(self, fresh: bool = False) -> None:
        """Back to the start; ``fresh`` also forgets a picked or loaded start (new data)."""
        self._commands.put(("reset", fresh))

    def set_data(self, data: Dataset) -> None:
        self._commands.put(("data", data))

    def set_settings(self, settings: TrainSettings) -> None:
        self._commands.put(("settings", settings))

    def set_surface_rect(self, rect: Rect | None) -> None:
        self._commands.put(("rect", rect))

    def set_speed(self, steps_per_second: float | None) -> None:
        self._commands.put(("speed", steps_per_second))

    def advance_phase(self) -> None:
        """One phase of gradient descent (init, predict, cost, gradient, update, stop)."""
        self._commands.put(("phase",))

    def rewind(self, iteration: int) -> None:
        self._commands.put(("rewind", iteration))

    def set_start(self, flat: np.ndarray) -> None:
        self._commands.put(("start", np.asarray(flat, dtype=np.float32).copy()))

    def set_lab_view(self, view: LabView | None) -> None:
        self._commands.put(("lab", view))

    def set_probe(self, probe) -> None:
        """The input the page asks about (a drawing whose feature maps it shows), or None."""
        self._commands.put(("probe", probe))

    def set_wanted_views(self, wanted: frozenset) -> None:
        """The view types (core.views) the page shows now; only those are computed."""
        self._commands.put(("views", wanted))

    def take(self) -> Snapshot | None:
        return self.mailbox.take()

    def stop(self, timeout_ms: int = 5000) -> bool:
        """Ask the thread to finish and wait for it; True when it has ended."""
        if not self.isRunning():
            return True
        self._commands.put((_QUIT,))
        return self.wait(timeout_ms)

    # -- the thread -----------------------------------------------------------------------

    def run(self) -> None:
        torch.set_num_threads(1)
        data, settings = self._initial
        self._trainer = Trainer(self._lesson, data, settings)
        self._lab = Lab(background=True)
        self._running = False
        self._rect: Rect | None = None
        self._wanted: frozenset = frozenset()
        self._pending: list[np.ndarray] = []
        self._pending_first = 0
        self._last_publish = 0.0
        self._tokens = 0.0
        self._clock = time.perf_counter()
        self._chunk = 1
        self._publish()
        while True:
            training = self._running and self._trainer.can_train
            try:
                command = self._commands.get(timeout=self._wait_time(training))
            except queue.Empty:
                command = None
            while command is not None:
                if command[0] == _QUIT:
                    self._lab.close()
                    return
                self._safely(self._apply, command)
                try:
                    command = self._commands.get_nowait()
                except queue.Empty:
                    command = None
            if self._running and self._trainer.can_train:
                self._safely(self._train_slice)
            if self._running and not self._trainer.can_train:
                self._running = False
                self._safely(self._publish)
            elif time.perf_counter() - self._last_publish >= self._publish_interval() and (
                self._pending or self._running or self._lab.picture_ready()
            ):
                self._safely(self._publish)

    def _publish_interval(self) -> float:
        """Seconds between snapshots: 1/40, or longer for a lesson whose views are costly
        (an RNN's forecast reruns the network once per forecast step)."""
        return max(PUBLISH_INTERVAL_S, self._trainer.lesson.snapshot_interval_s)

    def _wait_time(self, training: bool) -> float:
        if not training:
            return IDLE_WAIT_S
        if self._speed is None or self._tokens >= 1:
            return 0.0
        return min((1 - self._tokens) / self._speed, PUBLISH_INTERVAL_S)

    def _apply(self, command: tuple) -> None:
        kind, *args = command
        trainer, lab = self._trainer, self._lab
        self._chunk = 1  # new settings or data may make a step far slower: probe again
        if kind == "train":
            if trainer.status == Status.ERROR:  # after a fault: try again from here
                trainer.status, trainer.message = Status.READY, None
            self._running = trainer.can_train
            self._tokens, self._clock = 1.0, time.perf_counter()
        elif kind == "pause":
            self._running = False
        elif kind == "step":
            self._running = False
            self._record(trainer.step(1))
        elif kind == "phase":
            self._running = False
            _report, costs = trainer.advance_phase()
            self._record(costs)
        elif kind == "reset":
            if args and args[0]:
                trainer.custom_start = None
            trainer.reset()
            self._new_run()
        elif kind == "rewind":
            costs = trainer.rewind(args[0])
            self._new_run()
            self._record(costs, first=0)
        elif kind == "start":
            trainer.set_start(args[0])
            self._new_run()
        elif kind == "data":
            trainer.set_data(args[0])
            lab.set_data(args[0])
        elif kind == "settings":
            trainer.set_settings(args[0])
            lab.set_settings(args[0], trainer)
            if trainer.step_count == 0:
                trainer.reset()
                self._new_run()
        elif kind == "rect":
            self._rect = args[0]
        elif kind == "speed":
            self._speed = args[0]
            self._tokens, self._clock = min(self._tokens, 1.0), time.perf_counter()
        elif kind == "lab":
            replayed = lab.configure(args[0], trainer)
            if len(replayed):  # the run was replayed to record it from its first step
                self._new_run()
                self._record(replayed, first=0)
        elif kind == "views":
            self._wanted = args[0]
        elif kind == "probe":
            trainer.probe = args[0]
        self._publish()

    def _new_run(self) -> None:
        """After a reset, a new start or a rewind: forget gathered costs, restart shadows."""
        self._running = False
        self._pending.clear()
        self.mailbox.discard_costs()
        self._lab.restart(self._trainer)

    def _train_slice(self) -> None:
        """Train for about SLICE_S seconds (or what the speed limit allows).

        The number of steps per call is kept from slice to slice (doubled while a call is
        short, halved when one overruns the slice): restarting at one step each slice cost a
        fast lesson ~7 calls of fixed overhead per 4 ms. A command resets it to one."""
        trainer = self._trainer
        end = time.perf_counter() + SLICE_S
        while trainer.can_train:
            chunk = self._chunk
            if self._speed is not None:
                now = time.perf_counter()
                self._tokens = min(
                    self._tokens + (now - self._clock) * self._speed,
                    max(1.0, self._speed * PUBLISH_INTERVAL_S),
                )
                self._clock = now
                allowed = int(self._tokens)
                if allowed < 1:
                    return
                n = min(chunk, allowed)
                self._tokens -= n
            else:
                n = chunk
            started = time.perf_counter()
            self._record(trainer.step(n))
            finished = time.perf_counter()
            took = finished - started
            if n == chunk and took < SLICE_S / 8:
                self._chunk = min(chunk * 2, MAX_CHUNK)
            elif took > SLICE_S and chunk > 1:
                self._chunk = chunk // 2
            if finished >= end:
                return

    def _record(self, costs: np.ndarray, first: int | None = None) -> None:
        """Keep the costs of steps just taken for the next snapshot; shadows follow."""
        if len(costs):
            if not self._pending:
                self._pending_first = (
                    self._trainer.step_count - len(costs) if first is None else first
                )
            self._pending.append(costs)
            if first is None:
                self._lab.follow(len(costs))

    def _publish(self) -> None:
        trainer = self._trainer
        snapshot = trainer.snapshot(
            self._rect, self._wanted, with_gradient=self._lab.wants_gradient
        )
        views = snapshot.views + tuple(self._lab.views(trainer, self._rect))
        snapshot = replace(snapshot, running=self._running, views=views)
        costs = np.concatenate(self._pending) if self._pending else np.zeros(0)
        self._pending.clear()
        if self.mailbox.put(snapshot, costs, self._pending_first):
            self.snapshot_ready.emit()
        self._last_publish = time.perf_counter()
        self._last_snapshot = snapshot

    def _safely(self, action, *args) -> None:
        """Run a command or slice; an unexpected error pauses training and is shown, never
        raised, so a bug in one lesson cannot take the window down in front of a class."""
        try:
            action(*args)
        except Exception as error:  # noqa: BLE001 - shown to the user, logged to stderr
            traceback.print_exc()
            self._running = False
            # Steps finished before the error are in the parameters and the step count:
            # the curve gets their costs, or the count shown would lag behind the model.
            try:
                self._record(self._trainer.take_unreported_costs())
            except Exception:  # noqa: BLE001 - the shadows failed too: the count stays right
                traceback.print_exc()
            self._trainer.fail(error)
            try:
                self._publish()
            except Exception:  # noqa: BLE001 - the snapshot itself fails (a lost GPU)
                traceback.print_exc()
                self._publish_failure()

    def _publish_failure(self) -> None:
        """Say what went wrong when not even a snapshot can be taken (every torch call on a
        lost GPU raises): the last good snapshot, stopped, with the trainer's message. The
        thread stays alive, so a new device or a reset brings training back."""
        last = getattr(self, "_last_snapshot", None)
        if last is None:
            return
        trainer = self._trainer
        snapshot = replace(last, running=False, status=trainer.status, message=trainer.message)
        self._pending.clear()
        if self.mailbox.put(snapshot, np.zeros(0), self._pending_first):
            self.snapshot_ready.emit()
        self._last_publish = time.perf_counter()


#: How often the GUI thread checks whether a garbage collection is due.
COLLECT_INTERVAL_S = 0.1


class GuiThreadCollector:
    """Python's automatic garbage collection, run from a GUI-thread timer instead.

    Left automatic, a collection runs in whichever thread happens to allocate, most often a
    training thread, and there it destroyed widgets that earlier windows had left in
    reference cycles: Qt's destructor then waited for the GIL while holding a lock that the
    GUI thread, holding the GIL, waited for, and the window froze for good (seen as a test
    run that hung; native stacks showed exactly that). pyqtgraph's ``GarbageCollector``
    moves collections to the GUI thread too, but runs a full one every tenth middle one:
    ~180 ms each before the start-up garbage is frozen. This keeps CPython's own rule (the
    same thresholds, and a full collection only once the oldest generation has grown by a
    quarter since the last)."""

    def __init__(self) -> None:
        self._thresholds = gc.get_threshold()
        #: Objects in the oldest generation after its last collection, and those moved
        #: into it since (counting it costs ~35 ms at 200,000 objects: done only here and
        #: after a full collection).
        self._long_lived = len(gc.get_objects(2))
        self._promoted = 0
        gc.disable()
        self._timer = QTimer()
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start(round(COLLECT_INTERVAL_S * 1000))

    def collect_if_due(self) -> None:
        young, middle, old = gc.get_count()
        young_max, middle_max, old_max = self._thresholds
        if young <= young_max:
            return
        if old > old_max and self._promoted > self._long_lived / 4:
            gc.collect(2)
            self._long_lived, self._promoted = len(gc.get_objects(2)), 0
        elif middle > middle_max:
            survivors = len(gc.get_objects(0)) + len(gc.get_objects(1)) - gc.collect(1)
            self._promoted += max(survivors, 0)
        else:
            gc.collect(0)


_collector: list[GuiThreadCollector] = []


def collect_garbage_in_gui_thread() -> None:
    """Collect garbage on this (the GUI) thread only, from now on; later calls do nothing."""
    if not _collector:
        _collector.append(GuiThreadCollector())


def freeze_startup_garbage() -> None:
    """Move everything allocated during start-up out of the garbage collector's sight.

    A full collection with torch loaded took ~165 ms (a visible freeze); after
    ``gc.freeze()`` the worst GUI stall measured 6–19 ms (see docs/benchmarks.md).
    """
    gc.collect()
    gc.freeze()
