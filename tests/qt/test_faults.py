"""Faults in front of a class: each is told in the window, in the interface's language, the
app keeps running, the lesson's points are kept, and Train works once the fault is gone.

The faults are simulated: the training step or the lesson's forward pass raises what torch
raises (a RuntimeError, ``torch.cuda.OutOfMemoryError``), ``torch.cuda.is_available`` flips,
the disk fills while a file is written, a folder refuses writes.
"""

from __future__ import annotations

import errno
import math
import os
import re
import tempfile
import threading

import numpy as np
import pytest
import torch
from PySide6.QtWidgets import QMessageBox

from desktopdl.core import device as devices
from desktopdl.core import lesson_file
from desktopdl.core.trainer import Status, Trainer
from tests.qt.conftest import full_speed

HANGUL = re.compile("[가-힣]")
OOM = "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 7.79 GiB total capacity)"
LOST = "CUDA error: no CUDA-capable device is detected"


class Fault:
    """Makes a function raise while switched on (from the training thread too)."""

    def __init__(self, monkeypatch, owner, name: str, error: Exception, after: int = 0):
        self.on = threading.Event()
        self.on.set()
        self.calls = 0
        original = getattr(owner, name)

        def failing(*args, **kwargs):
            self.calls += 1
            if self.on.is_set() and self.calls > after:
                raise error
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, failing)

    def remove(self) -> None:
        self.on.clear()


def start_training(tab) -> None:
    full_speed(tab)
    tab.steps_spin.setValue(0)  # no limit: the fault, not a limit, must stop it
    tab.toggle_training()


def wait_for_error(qtbot, tab) -> None:
    qtbot.waitUntil(
        lambda: tab.snapshot.status == Status.ERROR and not tab.snapshot.running, timeout=20_000
    )


def trains_again(qtbot, tab) -> None:
    """Train (pressed as the teacher would) takes new steps; then pause."""
    before = tab.snapshot.step
    tab.toggle_training()
    qtbot.waitUntil(
        lambda: tab.snapshot.running and tab.snapshot.step > before + 20, timeout=20_000
    )
    assert tab.snapshot.status == Status.READY
    tab.pause()
    qtbot.waitUntil(lambda: not tab.snapshot.running, timeout=10_000)


def shown(tab) -> str:
    return tab.message_label.text()


def test_an_error_in_the_middle_of_training_is_shown_and_train_works_after(
    window, open_lesson, qtbot, monkeypatch
):
    tab = open_lesson("binary")
    points = tab.workspace.data()
    fault = Fault(monkeypatch, Trainer, "step", RuntimeError("a bug in a lesson"), after=5)
    start_training(tab)
    wait_for_error(qtbot, tab)
    assert "a bug in a lesson" in shown(tab)
    assert window.isVisible() and tab.worker.isRunning()
    assert tab.workspace.data() == points
    fault.remove()
    trains_again(qtbot, tab)  # Train tries again from where it stopped
    assert tab.workspace.data() == points


def test_steps_done_before_an_error_are_on_the_curve_and_in_the_count(
    window, open_lesson, qtbot, monkeypatch
):
    """The error comes once, inside a call that has already taken steps: the step shown,
    the cost curve and the model agree (the steps of that call were in the model but
    neither in the count nor on the curve)."""
    tab = open_lesson("linear")
    lesson_type, calls = type(tab.lesson), []
    original = lesson_type.cost

    def fails_once(*args, **kwargs):
        calls.append(None)
        if len(calls) == 2_000:
            raise RuntimeError("a bug in a lesson")
        return original(*args, **kwargs)

    monkeypatch.setattr(lesson_type, "cost", fails_once)
    start_training(tab)
    wait_for_error(qtbot, tab)
    shown = tab.snapshot
    assert shown.step > 0
    qtbot.waitUntil(lambda: tab.cost_plot.history.count == shown.step)
    assert math.isfinite(tab.cost_plot.history.last)
    monkeypatch.setattr(lesson_type, "cost", original)  # the lecture run below is whole
    lecture = Trainer(tab.lesson, tab.workspace.data(), tab.settings())
    lecture.step(shown.step)
    for mine, theirs in zip(shown.params, lecture.snapshot().params, strict=True):
        assert np.array_equal(mine, theirs)


def test_cuda_out_of_memory_says_what_to_do_and_train_works_after(
    window, open_lesson, qtbot, monkeypatch
):
    tab = open_lesson("network")
    points = tab.workspace.data()
    fault = Fault(monkeypatch, Trainer, "step", torch.cuda.OutOfMemoryError(OOM), after=3)
    start_training(tab)
    wait_for_error(qtbot, tab)
    assert "ran out of memory" in shown(tab) and "CPU" in shown(tab)
    assert tab.workspace.data() == points
    fault.remove()
    trains_again(qtbot, tab)


def test_a_gpu_that_disappears_mid_run_is_told_and_the_cpu_takes_over(
    window, open_lesson, qtbot, monkeypatch
):
    """Every torch call on a lost GPU raises, the snapshot's too: the last numbers stay on
    screen with the message, and choosing the CPU brings training back."""
    tab = open_lesson("binary")
    points = tab.workspace.data()
    start_training(tab)
    qtbot.waitUntil(lambda: tab.snapshot.step > 10, timeout=20_000)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    fault = Fault(monkeypatch, type(tab.lesson), "cost", RuntimeError(LOST))
    wait_for_error(qtbot, tab)
    assert "GPU stopped working" in shown(tab)
    assert tab.worker.isRunning() and tab.workspace.data() == points
    fault.remove()
    tab.device_combo.setCurrentIndex(tab.device_combo.findData("cpu"))
    qtbot.waitUntil(lambda: tab.snapshot.status == Status.READY, timeout=10_000)
    trains_again(qtbot, tab)


def test_cuda_chosen_without_a_driver_trains_on_the_cpu_and_says_so(
    window, open_lesson, qtbot, monkeypatch
):
    """torch reports a GPU but the driver is missing: the first move to it fails."""
    tab = open_lesson("binary")
    monkeypatch.setattr(devices, "cuda_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda *_a: "NVIDIA (no driver)")

    def no_driver(tensor, *args, **kwargs):
        target = args[0] if args else kwargs.get("device")
        if target is not None and torch.device(target).type == "cuda":
            raise RuntimeError("Found no NVIDIA driver on your system.")
        return original_to(tensor, *args, **kwargs)

    original_to = torch.Tensor.to
    monkeypatch.setattr(torch.Tensor, "to", no_driver)
    tab.device_combo.setCurrentIndex(tab.device_combo.findData("cuda"))
    qtbot.waitUntil(lambda: "training on the CPU" in tab.snapshot.device_reason, timeout=10_000)
    assert "CUDA" in window.device_label.text() and "CPU" in window.device_label.text()
    trains_again(qtbot, tab)


def test_cuda_chosen_where_there_is_none_trains_on_the_cpu_and_says_so(
    window, open_lesson, qtbot, monkeypatch
):
    tab = open_lesson("linear")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    tab.device_combo.setCurrentIndex(tab.device_combo.findData("cuda"))
    qtbot.waitUntil(lambda: "not available" in tab.snapshot.device_reason, timeout=10_000)
    assert "CUDA is not available" in window.device_label.text()
    trains_again(qtbot, tab)


def test_the_faults_are_told_in_korean(window, korean, open_lesson, qtbot, monkeypatch):
    tab = open_lesson("binary")
    fault = Fault(monkeypatch, Trainer, "step", torch.cuda.OutOfMemoryError(OOM), after=3)
    start_training(tab)
    wait_for_error(qtbot, tab)
    assert HANGUL.search(shown(tab)) and "CUDA out of memory" in shown(tab), shown(tab)
    fault.remove()
    trains_again(qtbot, tab)
    fault = Fault(monkeypatch, Trainer, "step", RuntimeError("a bug in a lesson"))
    tab.toggle_training()
    wait_for_error(qtbot, tab)
    assert HANGUL.search(shown(tab)) and "a bug in a lesson" in shown(tab), shown(tab)


# -- saving ---------------------------------------------------------------------------------


@pytest.fixture
def warnings(monkeypatch):
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text, *_a: said.append((title, text))
    )
    return said


def disk_full(monkeypatch) -> None:
    """The disk fills while the new file is written (after the temporary file was made)."""

    def no_space(_fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(lesson_file.os, "fsync", no_space)


def read_only(monkeypatch, folder) -> None:
    """The folder refuses writes: by its mode, or (as root, whom modes do not stop) by
    the error the system would give."""
    folder.chmod(0o500)
    if os.access(folder, os.W_OK):

        def refused(*_args, **_kwargs):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

        monkeypatch.setattr(tempfile, "mkstemp", refused)


def test_a_full_disk_keeps_the_old_file_and_says_so(
    window, open_lesson, tmp_path, monkeypatch, warnings
):
    tab = open_lesson("binary")
    path = tmp_path / "lesson.json"
    assert window.save_path(str(path), with_weights=False, remember=False)
    before = path.read_bytes()
    points = tab.workspace.data()
    tab.seed_spin.setValue(tab.seed_spin.value() + 1)
    with monkeypatch.context() as patch:
        disk_full(patch)
        assert not window.save_path(str(path), with_weights=False, remember=False)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["lesson.json"]  # no temporary left
    (title, text), *_ = warnings
    assert "lesson.json" in text and "disk is full" in text
    assert tab.workspace.data() == points and window.unsaved_tabs() == [tab]
    assert window.save_path(str(path), with_weights=False, remember=False)  # room again
    assert lesson_file.read(path).settings.seed == tab.seed_spin.value()


def test_a_read_only_folder_keeps_the_old_file_and_says_so(
    window, open_lesson, tmp_path, monkeypatch, warnings
):
    tab = open_lesson("binary")
    folder = tmp_path / "handouts"
    folder.mkdir()
    path = folder / "lesson.json"
    assert window.save_path(str(path), with_weights=False, remember=False)
    before = path.read_bytes()
    tab.seed_spin.setValue(tab.seed_spin.value() + 1)
    try:
        with monkeypatch.context() as patch:
            read_only(patch, folder)
            assert not window.save_path(str(path), with_weights=False, remember=False)
    finally:
        folder.chmod(0o700)
    assert path.read_bytes() == before
    (_title, text), *_ = warnings
    assert "cannot be written to" in text
    assert window.isVisible() and window.unsaved_tabs() == [tab]


def test_saving_through_a_symbolic_link_writes_its_target(window, open_lesson, tmp_path):
    tab = open_lesson("binary")
    target, link = tmp_path / "real.json", tmp_path / "link.json"
    lesson_file.write(target, tab.lesson_file())
    link.symlink_to(target)
    tab.seed_spin.setValue(tab.seed_spin.value() + 1)
    assert window.save_path(str(link), with_weights=False, remember=False)
    assert link.is_symlink()
    assert lesson_file.read(target).settings.seed == tab.seed_spin.value()


def test_save_faults_are_told_in_korean(
    window, korean, open_lesson, tmp_path, monkeypatch, warnings
):
    open_lesson("binary")
    with monkeypatch.context() as patch:
        disk_full(patch)
        assert not window.save_path(str(tmp_path / "a.json"), with_weights=False, remember=False)
    folder = tmp_path / "locked"
    folder.mkdir()
    try:
        with monkeypatch.context() as patch:
            read_only(patch, folder)
            assert not window.save_path(str(folder / "b.json"), with_weights=False, remember=False)
    finally:
        folder.chmod(0o700)
    assert len(warnings) == 2
    for title, text in warnings:
        assert HANGUL.search(title) and HANGUL.search(text), (title, text)
        assert "No space" not in text and "Permission denied" not in text
