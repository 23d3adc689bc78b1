"""On a machine with CUDA, every lesson trains on the GPU to the CPU's numbers within float
tolerance (skipped where there is no GPU, as on CI: run it where one is lent)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import torch

from desktopdl.core import lesson_file
from desktopdl.core.lessons import lesson
from desktopdl.core.trainer import Trainer
from desktopdl.core.views import (
    ConfusionView,
    FeatureMaps,
    ForecastView,
    HiddenStates,
    SurfaceView,
    UnrolledView,
)
from desktopdl.resources import resource

EVERY_VIEW = {ConfusionView, FeatureMaps, ForecastView, HiddenStates, SurfaceView, UnrolledView}

pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device here")

CASES = {
    "lecture_binary.json": 500,
    "softmax_three_blobs.json": 300,
    "network_xor.json": 300,
    "overfitting_noisy_circles.json": 300,
    "cnn_digits.json": 100,
    "rnn_sine.json": 200,
    "rnn_lecture_text.json": 200,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_gpu_trains_to_the_cpus_numbers(name):
    preset = lesson_file.read(resource("presets") / name)
    runs = {}
    for device in ("cpu", "cuda"):
        trainer = Trainer(
            lesson(preset.lesson), preset.data, replace(preset.settings, device=device)
        )
        assert trainer.device.type == device, trainer.device_choice.reason
        costs = trainer.step(CASES[name])
        # Every view a lesson computes in the training thread, from tensors on the device.
        shown = trainer.snapshot(wanted=EVERY_VIEW)
        runs[device] = (costs, trainer.flat_params(), shown.metrics)
    cpu, gpu = runs["cpu"], runs["cuda"]
    assert len(cpu[0]) == len(gpu[0])
    assert np.allclose(cpu[0], gpu[0], rtol=1e-3, atol=1e-4)
    assert np.allclose(cpu[1], gpu[1], rtol=1e-2, atol=1e-3)
    for (name_a, a), (name_b, b) in zip(cpu[2], gpu[2], strict=True):
        assert name_a == name_b and a == pytest.approx(b, abs=2e-2)
