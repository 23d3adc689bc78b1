"""The overfitting lesson: its preset overfits, each remedy shrinks the gap, the experiments
hold their promises, and the exported script prints the app's numbers with the remedies on."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import torch

from desktopdl.core import codegen, lesson_file
from desktopdl.core.export import new_trainer
from desktopdl.core.lesson_file import LessonFile
from desktopdl.core.lessons.overfitting import (
    Cancelled,
    Overfitting,
    cross_validate,
    fold_indices,
    learning_curve,
)
from desktopdl.core.trainer import TRAINING_COST, VALIDATION_COST, Status, Trainer
from desktopdl.resources import resource
from tests.scripts import run_script

PRESET = lesson_file.read(resource("presets") / "overfitting_noisy_circles.json")


def trained(preset: LessonFile = PRESET, steps: int | None = None, **changes) -> Trainer:
    """The preset (with ``changes`` to its settings or, for config fields, its model)
    trained to its step limit on the CPU."""
    model_fields = set(type(preset.settings.model).__dataclass_fields__)
    model = replace(
        preset.settings.model, **{k: v for k, v in changes.items() if k in model_fields}
    )
    settings = replace(
        preset.settings,
        model=model,
        device="cpu",
        **{k: v for k, v in changes.items() if k not in model_fields},
    )
    trainer = new_trainer(replace(preset, settings=settings))
    trainer.step(steps or settings.max_steps)
    return trainer


def gap(trainer: Trainer) -> float:
    """Validation cost minus training cost at the final parameters, both in eval mode."""
    with torch.no_grad():
        validation = trainer.lesson.cost(trainer.params, trainer.x_val, trainer.y_val).item()
    return validation - trainer.current_cost()


@pytest.fixture(scope="module")
def overfitted() -> Trainer:
    return trained()


def test_the_preset_overfits_visibly(overfitted):
    series = {p.name: p for p in overfitted.take_metrics()}
    validation = series[VALIDATION_COST].values
    training = series[TRAINING_COST].values
    best = int(np.argmin(validation))
    # The validation cost turns upward while the training cost keeps falling …
    assert 0 < best < len(validation) - 1
    assert validation[-1] > 5 * validation[best]
    assert training[-1] < training[best] / 10
    # … and ends clearly above it.
    assert gap(overfitted) > 0.2


@pytest.mark.parametrize(
    "remedy",
    [
        {"weight_decay": 0.01},
        {"dropout": 0.5},
        {"hidden": (4,)},
        {"patience": 10},
    ],
    ids=["L2", "dropout", "smaller model", "early stopping"],
)
def test_each_remedy_shrinks_the_final_gap(overfitted, remedy):
    assert gap(trained(**remedy)) < gap(overfitted) / 2


def test_more_data_shrinks_the_final_gap(overfitted):
    lesson = Overfitting(PRESET.settings.model)
    more = replace(PRESET, data=lesson.more_data(PRESET.data, 200))
    assert len(more.data) == len(PRESET.data) + 200
    assert gap(trained(more)) < gap(overfitted) / 2


def test_dropout_acts_in_training_steps_only():
    data = PRESET.data
    plain = Overfitting(replace(PRESET.settings.model, dropout=0.0))
    dropping = Overfitting(replace(PRESET.settings.model, dropout=0.5))
    params = plain.init_params(torch.Generator().manual_seed(0))
    x, y = plain.tensors(data)
    with torch.no_grad():
        assert torch.equal(plain.hypothesis(params, x), dropping.hypothesis(params, x))
        assert plain.cost(params, x, y).item() == dropping.cost(params, x, y).item()
        noise = torch.Generator().manual_seed(5)
        assert dropping.cost(params, x, y, noise).item() != plain.cost(params, x, y).item()


def test_dropout_switched_on_during_training_keeps_the_run():
    trainer = trained(steps=100)
    before = [p.detach().clone() for p in trainer.params]
    trainer.set_settings(
        replace(trainer.settings, model=replace(trainer.settings.model, dropout=0.3))
    )
    assert trainer.step_count == 100
    assert all(torch.equal(a, b) for a, b in zip(before, trainer.params, strict=True))
    trainer.step(10)
    assert trainer.step_count == 110


def test_early_stopping_restores_the_best_weights_exactly():
    stopped = trained(patience=10)
    assert stopped.status == Status.FINISHED
    assert "step" in stopped.message and stopped.best_step < stopped.step_count
    replay = trained(steps=stopped.best_step)
    assert replay.step_count == stopped.best_step
    assert all(torch.equal(a, b) for a, b in zip(stopped.params, replay.params, strict=True))
    assert stopped.snapshot().best_step == stopped.best_step


def test_k_fold_uses_every_point_for_validation_exactly_once():
    for k in (2, 5, 10):
        folds = fold_indices(len(PRESET.data), k, seed=3)
        assert len(folds) == k
        assert np.array_equal(np.sort(np.concatenate(folds)), np.arange(len(PRESET.data)))
        assert max(map(len, folds)) - min(map(len, folds)) <= 1
    settings = replace(PRESET.settings, max_steps=100, device="cpu")
    lesson = Overfitting(settings.model)
    result = cross_validate(lesson, PRESET.data, settings, 4)
    assert len(result.folds) == 4
    assert np.array_equal(np.sort(np.concatenate(result.fold_indices)), np.arange(len(PRESET.data)))
    assert all(
        score.points == len(PRESET.data) - len(f)
        for score, f in zip(result.folds, result.fold_indices, strict=True)
    )
    assert result.spread("validation_cost") >= 0


def test_cross_validation_stops_on_cancel_and_refuses_bad_folds():
    settings = replace(PRESET.settings, max_steps=500, device="cpu")
    lesson = Overfitting(settings.model)
    reports = []
    with pytest.raises(Cancelled):
        cross_validate(
            lesson, PRESET.data, settings, 5, reports.append, cancelled=lambda: len(reports) > 2
        )
    assert 0 < reports[-1] < 0.2
    with pytest.raises(ValueError, match="2 to 10"):
        cross_validate(lesson, PRESET.data, settings, 11)


def test_the_learning_curve_improves_with_more_data():
    lesson = Overfitting(PRESET.settings.model)
    settings = replace(PRESET.settings, max_steps=500, device="cpu")
    curve = learning_curve(lesson, PRESET.data, settings)
    assert curve.repeats == 3  # each share: the mean of three draws of points and starts
    assert [s is not None for s in curve.scores] == [True] * 4
    points = [s.points for s in curve.scores]
    assert points == sorted(points) and points[-1] == len(PRESET.data) - curve.validation_points
    assert curve.scores[-1].validation_cost < curve.scores[0].validation_cost
    assert curve.scores[-1].validation_accuracy >= curve.scores[0].validation_accuracy


def test_augmented_copies_are_the_trainers_own():
    config = replace(PRESET.settings.model, augment_copies=3, augment_jitter=0.4)
    trainer = trained(steps=1, augment_copies=3, augment_jitter=0.4)
    copies = Overfitting(config).augmented_points(trainer.train_data, PRESET.settings.seed)
    assert len(copies) == 3 * len(trainer.train_data)
    assert np.array_equal(np.float32(copies.xy), trainer.x_train[len(trainer.train_data) :].numpy())


def test_the_settings_survive_a_lesson_file(tmp_path):
    settings = replace(
        PRESET.settings,
        l1=0.001,
        patience=7,
        weight_decay=0.02,
        model=replace(PRESET.settings.model, dropout=0.25, augment_copies=2),
    )
    path = tmp_path / "remedies.json"
    lesson_file.write(path, replace(PRESET, settings=settings))
    assert lesson_file.read(path).settings == settings


REMEDIES = {
    "dropout-l2-l1-augment-early": dict(
        weight_decay=0.005, l1=0.0005, dropout=0.3, augment_copies=2, patience=5
    ),
    "dropout-sgd-batches": dict(
        optimizer="SGD", learning_rate=0.1, dropout=0.2, batch_size=16, l1=0.001
    ),
}


@pytest.mark.parametrize("name", list(REMEDIES))
def test_the_script_prints_the_apps_numbers_with_the_remedies(name, tmp_path):
    changes = REMEDIES[name]
    model_fields = set(type(PRESET.settings.model).__dataclass_fields__)
    settings = replace(
        PRESET.settings,
        max_steps=400,
        device="cpu",
        model=replace(
            PRESET.settings.model, **{k: v for k, v in changes.items() if k in model_fields}
        ),
        **{k: v for k, v in changes.items() if k not in model_fields},
    )
    case = replace(PRESET, settings=settings)
    printed = run_script(codegen.lesson_script(case), tmp_path)

    trainer = new_trainer(case)
    costs = trainer.step(settings.max_steps)
    with torch.no_grad():
        validation = trainer.lesson.cost(trainer.params, trainer.x_val, trainer.y_val).item()
        accuracy = trainer.lesson.accuracy(trainer.params, trainer.x_val, trainer.y_val)
    assert printed["steps"] == trainer.step_count
    assert printed["cost"] == float(costs[-1])
    assert printed["training cost"] == trainer.current_cost()
    assert printed["validation cost"] == validation
    assert printed["validation accuracy"] == accuracy
    if settings.patience:
        assert trainer.status == Status.FINISHED and trainer.step_count < settings.max_steps
        assert printed["best step"] == trainer.best_step
    for index, script_name in enumerate(trainer.lesson.script_names()):
        assert np.array_equal(
            np.float32(printed[script_name]), trainer.params[index].detach().numpy()
        )
