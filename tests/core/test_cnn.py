"""The CNN lesson's core: shapes through every layer option, one hand-set convolution, pooling,
augmentation, and image sets in lesson files. (The page comes with the lesson's tab.)"""

from __future__ import annotations

import itertools
import json
from dataclasses import replace

import numpy as np
import pytest
import torch

from desktopdl.core import codegen
from desktopdl.core.data import DataError
from desktopdl.core.digits import load_digits
from desktopdl.core.export import new_trainer
from desktopdl.core.images import ImageSet
from desktopdl.core.lesson_file import LessonFile
from desktopdl.core.lessons.cnn import (
    KERNELS,
    CNNConfig,
    ConvolutionalNetwork,
    apply_kernel,
    augmented,
)
from desktopdl.core.trainer import TrainSettings
from tests.scripts import run_script


def square(size: int = 12, lo: int = 3, hi: int = 9) -> np.ndarray:
    image = np.zeros((size, size), dtype=np.float32)
    image[lo:hi, lo:hi] = 1.0
    return image


OPTIONS = list(
    itertools.product(
        [(4,), (4, 8), (2, 4, 8)],  # filters
        [3, 5],  # kernel
        [1, 2],  # stride
        [True, False],  # padding
        ["max", "average", "none"],  # pooling
        [0, 16],  # dense
    )
)


@pytest.mark.parametrize("size", [8, 28])
def test_every_layer_option_has_the_shapes_the_diagram_states(size):
    checked = 0
    for filters, kernel, stride, padding, pooling, dense in OPTIONS:
        config = CNNConfig(
            classes=3,
            image_size=size,
            filters=filters,
            kernel=kernel,
            stride=stride,
            padding=padding,
            pooling=pooling,
            dense=dense,
        )
        assert config.problem() is None
        lesson = ConvolutionalNetwork(config)
        if lesson.shape_problem():
            assert "shrink" in lesson.shape_problem()
            continue
        params = lesson.init_params(torch.Generator().manual_seed(0))
        assert sum(p.numel() for p in params) == sum(s.parameters for s in lesson.stages())
        x = torch.rand((5, 1, size, size))
        outputs = lesson.stage_outputs(params, x)
        stages = lesson.stages()
        assert [kind for kind, _ in outputs] == [s.kind for s in stages]
        for (_kind, tensor), stage in zip(outputs, stages, strict=True):
            assert tuple(tensor.shape[1:]) == stage.shape
        assert lesson.hypothesis(params, x).sum(dim=1).allclose(torch.ones(5))
        checked += 1
    assert checked > len(OPTIONS) // 3


def test_a_network_that_shrinks_the_image_to_nothing_is_refused_with_a_sentence():
    lesson = ConvolutionalNetwork(
        CNNConfig(image_size=8, filters=(4, 4, 4), kernel=5, stride=2, padding=False)
    )
    data = ImageSet(np.stack([square(8), 1 - square(8)]), [0, 1])
    assert "shrink" in lesson.check_data(data)


def test_a_vertical_edge_kernel_marks_the_left_and_right_sides_of_a_square():
    result = apply_kernel(square(), np.array(KERNELS["vertical edges"]))
    # Cross-correlation with [1, 0, -1]: ink entering from the left gives −, leaving gives +.
    rows = slice(4, 8)
    assert np.all(result[rows, 3] < 0) and np.all(result[rows, 8] > 0)
    assert np.allclose(result[rows, 4:8], 0)  # inside the square: no change, no edge
    assert np.allclose(result[:, 0], 0) and np.allclose(result[:, 11], 0)  # far outside
    assert np.allclose(apply_kernel(square(), np.array(KERNELS["horizontal edges"])).T, result)


def test_max_and_average_pooling_of_a_known_array():
    values = torch.arange(16, dtype=torch.float32).reshape(1, 1, 4, 4)
    params_for = {}
    for pooling in ("max", "average"):
        lesson = ConvolutionalNetwork(
            CNNConfig(image_size=4, filters=(1,), kernel=3, pooling=pooling, classes=2)
        )
        params = lesson.init_params(torch.Generator().manual_seed(0))
        params[0] = torch.zeros((1, 1, 3, 3))
        params[0][0, 0, 1, 1] = 1.0  # the identity kernel: the pooling sees the input itself
        params[1] = torch.zeros(1)
        params_for[pooling] = lesson.stage_outputs(params, values)[2][1][0, 0]
    assert params_for["max"].tolist() == [[5, 7], [13, 15]]
    assert params_for["average"].tolist() == [[2.5, 4.5], [10.5, 12.5]]


def test_augmentation_keeps_labels_and_moves_the_ink_a_little():
    data = ImageSet(np.stack([square(28, 8, 20), square(28, 4, 12)]), [0, 1])
    copies = augmented(data, 3, seed=1)
    assert len(copies) == 6 and copies.labels.tolist() == [0, 1, 0, 1, 0, 1]
    for image, label in zip(copies.images, copies.labels, strict=True):
        original = data.images[label]
        assert 0.7 < image.sum() / original.sum() < 1.4  # the same drawing, a little changed
        assert not np.array_equal(image, original)
    assert augmented(data, 3, seed=1) == copies  # seeded
    assert len(augmented(data, 0, seed=1)) == 0


def test_image_sets_survive_a_lesson_file_exactly():
    rng = np.random.default_rng(0)
    data = ImageSet(rng.random((5, 28, 28)), [0, 1, 2, 1, 0])
    back = ImageSet.from_json(data.to_json())
    assert back == data and back.fingerprint() == data.fingerprint()
    edited = data.with_image(square(28), 2).relabelled(0, 1).without(1)
    assert len(edited) == 5 and edited.labels.tolist() == [1, 2, 1, 0, 2]


@pytest.mark.parametrize(
    "doc",
    [
        {"size": 2, "pixels": "", "labels": []},
        {"size": 8, "pixels": "not base64!", "labels": [0]},
        {"size": 8, "pixels": "AAAA", "labels": [0]},
        {"size": 8, "pixels": 5, "labels": [0]},
        {"size": 8, "pixels": "", "labels": [True]},
    ],
)
def test_a_damaged_image_set_is_refused_with_a_sentence(doc):
    with pytest.raises(DataError):
        ImageSet.from_json({"kind": "images", **doc})


def test_one_class_and_a_wrong_size_are_refused():
    lesson = ConvolutionalNetwork(CNNConfig(image_size=8))
    assert "second class" in lesson.check_data(ImageSet(np.stack([square(8)] * 2), [0, 0]))
    assert "28×28" in lesson.check_data(ImageSet(np.stack([square(28), square(28)]), [0, 1]))
    assert "Draw" in lesson.check_data(ImageSet.empty(8))


# -- training on the built-in digits, and the exported script ---------------------------------


@pytest.fixture(autouse=True)
def cnn_registered():
    """The lesson joins the registry with its page; until then the tests register it."""
    from desktopdl.core.lessons import REGISTRY, register, unregister

    known = "cnn" in REGISTRY
    if not known:
        register(ConvolutionalNetwork, page=None)
    yield
    if not known:
        unregister("cnn")


def digits_file(**settings) -> LessonFile:
    data = load_digits()
    config = CNNConfig(classes=10, image_size=8)
    defaults = dict(
        learning_rate=0.01,
        optimizer="Adam",
        max_steps=300,
        batch_size=64,
        validation_share=0.2,
        validation_every=25,
        device="cpu",
        model=config,
    )
    return LessonFile("cnn", data, TrainSettings(**{**defaults, **settings}))


def test_a_fixed_seed_cnn_beats_90_percent_on_held_out_digits_in_300_steps():
    trainer = new_trainer(digits_file())
    assert len(trainer.train_data) == 1438 and len(trainer.validation_data) == 359
    trainer.step(300)
    with torch.no_grad():
        accuracy = trainer.lesson.accuracy(trainer.params, trainer.x_val, trainer.y_val)
    assert accuracy > 0.9
    confusion = trainer.lesson.confusion(trainer.params, trainer.x_val, trainer.y_val).counts
    assert confusion.sum() == 359 and np.trace(confusion) / 359 == pytest.approx(accuracy)


@pytest.mark.parametrize(
    "settings",
    [
        dict(optimizer="SGD", learning_rate=0.1, batch_size=32, max_steps=60),
        dict(
            max_steps=40,
            model=CNNConfig(
                classes=10, image_size=8, filters=(4, 4), kernel=5, pooling="average", dense=8
            ),
        ),
        dict(
            max_steps=30,
            model=CNNConfig(classes=10, image_size=8, filters=(4,), augment_copies=2),
        ),
    ],
    ids=["sgd-batches", "adam-dense-average", "augmented"],
)
def test_the_script_builds_nn_modules_and_prints_the_apps_numbers(settings, tmp_path):
    case = digits_file(**settings)
    case = replace(case, data=case.data.subset(np.arange(0, 1797, 9)))  # 200 images: quick
    text = codegen.lesson_script(case)
    assert "nn.Conv2d(" in text and "nn.Linear(" in text
    printed = run_script(text, tmp_path, "cnn.py")
    trainer = new_trainer(case)
    costs = trainer.step(case.settings.max_steps)
    assert printed["steps"] == case.settings.max_steps
    assert printed["cost"] == float(costs[-1])
    assert (
        printed["validation cost"]
        == trainer.lesson.cost(trainer.params, trainer.x_val, trainer.y_val).item()
    )
    for index, name in enumerate(trainer.lesson.script_names()):
        assert np.array_equal(np.float32(printed[name]), trainer.params[index].detach().numpy()), (
            name
        )


def test_a_cnn_lesson_file_keeps_its_images_config_and_weights(tmp_path):
    from desktopdl.core import lesson_file

    case = digits_file(
        model=CNNConfig(classes=10, image_size=8, filters=(4,), pooling="average", dense=8)
    )
    case = replace(case, data=case.data.subset(np.arange(0, 1797, 30)))
    trainer = new_trainer(case)
    trainer.step(5)
    weights = tuple(float(v) for v in trainer.flat_params())
    path = tmp_path / "drawings.json"
    lesson_file.write(path, replace(case, weights=weights))
    back = lesson_file.read(path)
    assert back.data == case.data and back.settings == case.settings
    assert back.weights == weights
    assert json.loads(path.read_text(encoding="utf-8"))["data"]["kind"] == "images"


def test_feature_maps_and_the_confusion_matrix_come_with_the_snapshot():
    from desktopdl.core.views import ConfusionView, FeatureMaps

    case = digits_file(max_steps=50)
    trainer = new_trainer(case)
    trainer.step(50)
    assert trainer.snapshot(wanted={FeatureMaps, ConfusionView}).view(FeatureMaps) is None
    trainer.probe = case.data.images[0]
    snapshot = trainer.snapshot(wanted={FeatureMaps, ConfusionView})
    maps = snapshot.view(FeatureMaps)
    kinds = [kind for kind, _ in maps.stages]
    assert kinds == ["input", "conv", "pool", "conv", "pool"]
    assert [m.shape for _, m in maps.stages] == [
        (1, 8, 8),
        (8, 8, 8),
        (8, 4, 4),
        (16, 4, 4),
        (16, 2, 2),
    ]
    assert np.array_equal(maps.stages[0][1][0], case.data.images[0])
    confusion = snapshot.view(ConfusionView)
    assert confusion.counts.sum() == len(trainer.validation_data)
    wrong = confusion.wrong
    validation = trainer.validation_data
    assert np.array_equal(confusion.truth, validation.labels[wrong])
    assert np.all(confusion.predicted != confusion.truth)
    assert np.array_equal(confusion.wrong_items, validation.images[wrong])
    assert len(wrong) == min(24, confusion.counts.sum() - np.trace(confusion.counts))
    assert snapshot.view(FeatureMaps) is not None and not trainer.snapshot().views
