"""The lesson framework's contract: lesson files v1 → v2, the validation split and its
metric series, weight decay, the exported script with both, and views computed on demand."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest
import torch

from desktopdl.core import codegen, datasets, lesson_file
from desktopdl.core.export import new_trainer
from desktopdl.core.lesson_file import LessonFile, LessonFileError
from desktopdl.core.lessons import lesson, lesson_class
from desktopdl.core.lessons.network import NetworkConfig
from desktopdl.core.trainer import VALIDATION_COST, LeanSGD, Trainer, TrainSettings
from desktopdl.core.views import NeuronMaps, Rect, SurfaceView
from desktopdl.resources import resource
from tests.scripts import run_script

#: The presets shipped before lesson files had a version 2 (later lessons ship version 2).
PRESETS = [
    path
    for path in sorted(resource("presets").glob("*.json"))
    if json.loads(path.read_text(encoding="utf-8"))["version"] == 1
]
#: Two overlapping blobs: a validation share leaves both classes on either side.
BLOBS = datasets.generate("blobs", 40, noise=0.3, seed=4, classes=2)


def raw(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def same_lesson_file(a: LessonFile, b: LessonFile) -> None:
    assert a.lesson == b.lesson
    assert a.data == b.data
    assert a.settings == b.settings
    assert a.settings.model == b.settings.model
    assert type(a.settings.model) is lesson_class(a.lesson).Config
    assert a.weights == b.weights
    assert (a.title, a.description, a.view) == (b.title, b.description, b.view)
    assert a == b


# -- (1) lesson files: version 1 reads, writes as version 2, re-reads equal ------------------


@pytest.mark.parametrize("path", PRESETS, ids=[p.stem for p in PRESETS])
def test_a_version_1_preset_writes_as_version_2_and_reads_back_equal(path, tmp_path):
    assert raw(path)["version"] == 1  # the shipped presets are the old format
    old = lesson_file.read(path)
    assert isinstance(old.settings.model, lesson_class(old.lesson).Config)
    trainer = new_trainer(old)
    trainer.step(5)
    trained = replace(old, weights=tuple(float(v) for v in trainer.flat_params()))
    for original in (old, trained):
        out = tmp_path / "saved.json"
        lesson_file.write(out, original)
        doc = raw(out)
        assert doc["version"] == lesson_file.VERSION == 2
        assert doc["data"]["kind"] == "points"
        assert doc["model"] == original.settings.model.to_json()
        assert "model" not in doc["settings"]
        same_lesson_file(lesson_file.read(out), original)


def test_a_version_1_file_keeps_its_model_and_weights():
    doc = raw(resource("presets", "network_spirals.json"))
    assert doc["version"] == 1 and doc["settings"]["model"]["hidden"] == [16, 16, 16]
    spirals = lesson_file.parse(json.dumps(doc))
    assert spirals.settings.model == NetworkConfig(2, (16, 16, 16), "tanh")
    weights = [0.25] * len(lesson("network").configured(spirals.settings.model).flat_names)
    with_weights = lesson_file.parse(json.dumps({**doc, "weights": weights}))
    assert with_weights.weights == tuple(weights)
    # version 1 stored every lesson's knobs together: the binary lesson ignores them
    binary = raw(resource("presets", "lecture_binary.json"))
    binary["settings"]["model"] = {"classes": 3, "hidden": [4], "activation": "relu"}
    assert lesson_file.parse(json.dumps(binary)).settings.model == lesson_class("binary").Config()


def test_a_version_2_file_refuses_unknown_model_fields(tmp_path):
    out = tmp_path / "v2.json"
    lesson_file.write(out, lesson_file.read(resource("presets", "network_xor.json")))
    doc = raw(out)
    doc["model"]["dropout"] = 0.5
    with pytest.raises(LessonFileError, match="unknown field 'dropout'"):
        lesson_file.parse(json.dumps(doc))


@pytest.mark.parametrize("source", ["v1", "v2"])
def test_a_version_3_file_is_refused(source, tmp_path):
    path = resource("presets", "lecture_binary.json")
    if source == "v2":
        path = tmp_path / "v2.json"
        lesson_file.write(path, lesson_file.read(resource("presets", "lecture_binary.json")))
    doc = raw(path)
    doc["version"] = 3
    future = tmp_path / "future.json"
    future.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(LessonFileError, match="file version 3"):
        lesson_file.read(future)


# -- (2) the validation share ----------------------------------------------------------------


def validated(share: float = 0.3, **settings) -> Trainer:
    return Trainer(
        lesson("binary"),
        BLOBS,
        TrainSettings(
            learning_rate=0.1,
            seed=settings.pop("seed", 3),
            max_steps=0,
            validation_share=share,
            validation_every=settings.pop("validation_every", 10),
            **settings,
        ),
    )


def test_validation_share_holds_out_the_same_points_for_the_same_seed():
    n = len(BLOBS)
    a, b, other = validated(), validated(), validated(seed=4)
    assert len(a.validation_data) == round(0.3 * n) == 12
    assert len(a.train_data) == n - 12 and len(a.x_val) == 12
    assert a.validation_data == b.validation_data and a.train_data == b.train_data
    assert other.validation_data != a.validation_data
    # together they are the data, each point once
    together = np.vstack([a.train_data.xy, a.validation_data.xy])
    assert sorted(map(tuple, together)) == sorted(map(tuple, BLOBS.xy))
    everything = validated(share=0.0)
    assert everything.validation_data is None and everything.train_data == BLOBS


def test_validation_cost_is_recorded_every_validation_every_steps():
    trainer = validated(validation_every=10)
    trainer.step(25)
    trainer.step(25)
    snap = trainer.snapshot()
    series = {points.name: points for points in snap.new_metrics}
    validation = series[VALIDATION_COST]
    assert validation.steps.tolist() == [0, 10, 20, 30, 40, 50]
    with torch.no_grad():
        now = trainer.lesson.cost(trainer.params, trainer.x_val, trainer.y_val).item()
    assert validation.values[-1] == now and dict(snap.metrics)[VALIDATION_COST] == now
    assert not validation.values.flags.writeable
    assert trainer.snapshot().new_metrics == ()  # each point is handed over once
    trainer.step(10)
    (points,) = [p for p in trainer.snapshot().new_metrics if p.name == VALIDATION_COST]
    assert points.steps.tolist() == [60]


@pytest.mark.parametrize(
    ("key", "settings"),
    [
        ("binary", {}),
        ("binary", {"optimizer": "Adam", "batch_size": 5}),
        ("network", {"model": NetworkConfig(2, (4,), "tanh")}),  # the fast SGD step
        ("network", {"optimizer": "Momentum", "model": NetworkConfig(2, (4,), "relu")}),
    ],
)
def test_validation_leaves_the_training_numbers_bit_identical(key, settings):
    common = TrainSettings(learning_rate=0.1, seed=7, max_steps=0, **settings)
    with_validation = Trainer(
        lesson(key), BLOBS, replace(common, validation_share=0.3, validation_every=7)
    )
    alone = Trainer(lesson(key), with_validation.train_data, common)
    assert alone.validation_data is None
    assert np.array_equal(with_validation.flat_params(), alone.flat_params())
    assert np.array_equal(with_validation.step(50), alone.step(50))
    assert np.array_equal(with_validation.step(13), alone.step(13))
    for mine, theirs in zip(with_validation.params, alone.params, strict=True):
        assert torch.equal(mine.detach(), theirs.detach())
    assert with_validation.snapshot().cost == alone.snapshot().cost


# -- (3) weight decay ------------------------------------------------------------------------


def test_lean_sgd_with_weight_decay_is_torchs_sgd_bit_for_bit():
    generator = torch.Generator().manual_seed(0)
    start = [torch.randn([5, 3], generator=generator), torch.randn([3], generator=generator)]
    x = torch.randn([20, 5], generator=generator)
    mine = [p.clone().requires_grad_() for p in start]
    torchs = [p.clone().requires_grad_() for p in start]
    lean = LeanSGD(mine, lr=0.3, weight_decay=0.05)
    reference = torch.optim.SGD(torchs, lr=0.3, weight_decay=0.05)
    for _ in range(5):
        for params, optimizer in ((mine, lean), (torchs, reference)):
            cost = torch.tanh(x @ params[0] + params[1]).pow(2).mean()
            optimizer.zero_grad()
            cost.backward()
            optimizer.step()
        for a, b in zip(mine, torchs, strict=True):
            assert torch.equal(a.detach(), b.detach())
    assert not torch.equal(mine[0].detach(), start[0])


@pytest.mark.parametrize("key", ["binary", "network"])
def test_trainer_with_weight_decay_is_torchs_sgd_bit_for_bit(key):
    trainer = Trainer(
        lesson(key), BLOBS, TrainSettings(learning_rate=0.2, seed=5, max_steps=0, weight_decay=0.01)
    )
    params = [p.detach().clone().requires_grad_() for p in trainer.params]
    optimizer = torch.optim.SGD(params, lr=0.2, weight_decay=0.01)
    expected = []
    for _ in range(100):
        cost = trainer.lesson.cost(params, trainer.x_train, trainer.y_train)
        expected.append(cost.item())
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
    assert trainer.step(100).tolist() == expected
    for mine, torchs in zip(trainer.params, params, strict=True):
        assert torch.equal(mine.detach(), torchs.detach())


# -- (4) the exported script with both -------------------------------------------------------


@pytest.mark.parametrize(
    "case",
    [
        LessonFile(
            "binary",
            BLOBS,
            TrainSettings(
                learning_rate=0.1,
                seed=2,
                max_steps=0,
                device="cpu",
                validation_share=0.25,
                validation_every=10,
                weight_decay=0.01,
            ),
        ),
        LessonFile(
            "network",
            BLOBS,
            TrainSettings(
                learning_rate=0.05,
                seed=1,
                max_steps=0,
                device="cpu",
                optimizer="Adam",
                batch_size=8,
                validation_share=0.3,
                validation_every=20,
                weight_decay=0.001,
                model=NetworkConfig(2, (5,), "tanh"),
            ),
        ),
    ],
    ids=["binary-sgd", "network-adam-batch8"],
)
def test_script_with_validation_and_weight_decay_prints_the_trainers_numbers(case, tmp_path):
    steps = 120  # a multiple of validation_every: the last validation point is the final one
    assert steps % case.settings.validation_every == 0
    text = codegen.lesson_script(case, steps)
    assert f"weight_decay={case.settings.weight_decay!r}" in text
    printed = run_script(text, tmp_path)

    trainer = new_trainer(case)
    costs = trainer.step(steps)
    (validation,) = [p for p in trainer.snapshot().new_metrics if p.name == VALIDATION_COST]
    assert validation.steps[-1] == steps
    assert printed["steps"] == len(costs) == steps
    assert printed["cost"] == float(costs[-1])
    assert printed["validation cost"] == float(validation.values[-1])


# -- (5) views are computed only when wanted -------------------------------------------------


def test_a_snapshot_computes_only_the_wanted_views(monkeypatch):
    trainer = Trainer(lesson("binary"), BLOBS, TrainSettings(max_steps=0))
    trainer.step(3)
    calls = []
    original = type(trainer.lesson).surface

    def counted(self, params, rect, resolution):
        calls.append(resolution)
        return original(self, params, rect, resolution)

    monkeypatch.setattr(type(trainer.lesson), "surface", counted)
    rect = Rect(-3, 3, -3, 3)
    bare = trainer.snapshot(rect)
    assert bare.views == () and bare.view(SurfaceView) is None and calls == []
    shown = trainer.snapshot(rect, wanted=(SurfaceView,), resolution=16)
    assert [type(v) for v in shown.views] == [SurfaceView] and calls == [16]
    assert shown.view(SurfaceView).image.shape == (16, 16)


def test_lesson_views_are_the_wanted_types_only():
    net = lesson("network").configured(NetworkConfig(2, (3, 2), "tanh"))
    params = net.init_params(torch.Generator().manual_seed(0))
    rect = Rect(-1, 1, -1, 1)
    assert net.views(params, rect, ()) == []
    assert [type(v) for v in net.views(params, rect, (SurfaceView,))] == [SurfaceView]
    (maps,) = net.views(params, rect, (NeuronMaps,))
    assert type(maps) is NeuronMaps and [m.shape[0] for m in maps.layers] == [3, 2]
    both = net.views(params, rect, (SurfaceView, NeuronMaps))
    assert {type(v) for v in both} == {SurfaceView, NeuronMaps}
    assert net.views(params, None, (SurfaceView, NeuronMaps)) == []  # no region, no picture
    line = lesson("linear")
    assert line.views(line.init_params(torch.Generator()), rect, (SurfaceView,)) == []


def test_a_number_too_large_for_a_float_is_refused_with_a_sentence():
    """JSON integers beyond float range (10**400) once raised OverflowError mid-read."""
    doc = lesson_file.read(resource("presets", "network_xor.json")).to_json()
    for place, key in (
        ("settings", "learning_rate"),
        ("model", "classes"),
        ("settings", "weight_decay"),
    ):
        text = json.dumps(doc).replace(
            f'"{key}": {json.dumps(doc[place][key])}', f'"{key}": {10**400}', 1
        )
        assert str(10**400) in text
        with pytest.raises(lesson_file.LessonFileError):
            lesson_file.parse(text)
