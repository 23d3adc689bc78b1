"""The RNN lesson's core: windows of a sequence, learning a sine, the free-running forecast,
the text model's vocabulary and generation, the CNN+RNN comparison, lesson files and the
exported script. (The page comes with the lesson's tab.)"""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest
import torch

from desktopdl.core import codegen, lesson_file
from desktopdl.core.data import DataError
from desktopdl.core.digits import load_digits
from desktopdl.core.export import new_trainer
from desktopdl.core.lesson_file import LessonFile
from desktopdl.core.lessons.rnn import (
    RecurrentNetwork,
    RNNConfig,
    alphabet_of,
    hybrid_experiment,
)
from desktopdl.core.sequences import (
    LECTURE_TEXT,
    SequenceSet,
    generate,
    stroke_values,
)
from desktopdl.core.trainer import Trainer, TrainSettings
from desktopdl.core.views import ForecastView, HiddenStates, UnrolledView
from tests.scripts import run_script

TEXT = "RNN은 순환 구조를 가진 신경망이다. RNN은 다음을 예측한다."


def series_file(values=None, **settings) -> LessonFile:
    model = settings.pop("model", RNNConfig(alphabet=alphabet_of(TEXT)))
    values = generate("sine", 120) if values is None else values
    base = dict(learning_rate=0.01, optimizer="Adam", max_steps=40, model=model)
    return LessonFile(
        "rnn", SequenceSet(values, TEXT), TrainSettings(**{**base, **settings}), title="t"
    )


def text_file(**settings) -> LessonFile:
    model = RNNConfig(task="text", alphabet=alphabet_of(TEXT), window=8, hidden=24)
    return series_file(model=settings.pop("model", model), **settings)


def test_a_series_becomes_windows_and_the_step_after_each():
    lesson = RecurrentNetwork(RNNConfig(window=3))
    x, y = lesson.tensors(SequenceSet(np.arange(6.0)))
    assert x.shape == (3, 3, 1) and y.shape == (3, 1)
    assert x[:, :, 0].tolist() == [[0, 1, 2], [1, 2, 3], [2, 3, 4]]
    assert y[:, 0].tolist() == [3, 4, 5]


def test_a_text_becomes_windows_of_character_indices():
    text = "한글 ab한"
    lesson = RecurrentNetwork(RNNConfig(task="text", window=2, alphabet=alphabet_of(text)))
    x, y = lesson.tensors(SequenceSet([], text))
    alphabet = lesson.config.alphabet
    assert alphabet == "".join(sorted(set(text))) and len(alphabet) == 5  # 한 글 space a b
    assert ["".join(alphabet[i] for i in row) for row in x.tolist()] == [
        "한글",
        "글 ",
        " a",
        "ab",
    ]
    assert "".join(alphabet[i] for i in y.tolist()) == " ab한"


def test_the_validation_share_is_the_end_of_the_sequence():
    lesson = RecurrentNetwork(RNNConfig(window=5))
    data = SequenceSet(np.arange(105.0))
    train, validation = lesson.split_data(data, 0.2, seed=3)
    x_train, y_train = lesson.tensors(train)
    x_val, y_val = lesson.tensors(validation)
    # 100 predictions, the last 20 held out; validation reads the 5 values before the cut.
    assert y_train[:, 0].tolist() == list(range(5, 85))
    assert y_val[:, 0].tolist() == list(range(85, 105))
    assert x_val[0, :, 0].tolist() == [80, 81, 82, 83, 84]
    assert lesson.split_data(data, 0.0, seed=3) == (data, None)


def test_a_short_sequence_or_an_unknown_character_gets_a_message():
    lesson = RecurrentNetwork(RNNConfig(window=20))
    assert "at least 21" in lesson.check_data(SequenceSet(np.zeros(10)))
    assert lesson.check_data(SequenceSet(np.zeros(21))) is None
    text = RecurrentNetwork(RNNConfig(task="text", window=4, alphabet="abc"))
    assert "abd" and "d" in text.check_data(SequenceSet([], "abcabd"))
    assert "at least 5" in text.check_data(SequenceSet([], "abc"))


def test_a_default_gru_learns_a_pure_sine_to_under_one_percent_of_its_amplitude():
    data = SequenceSet(generate("sine", 200))
    lesson = RecurrentNetwork()
    trainer = Trainer(
        lesson, data, TrainSettings(learning_rate=0.01, optimizer="Adam", max_steps=0)
    )
    start = lesson.one_step_error(trainer.params, data)
    trainer.step(400)
    error = lesson.one_step_error(trainer.params, data)
    assert start > 0.3 and error < 0.01


def test_the_forecast_feeds_its_own_predictions_back():
    """A model that outputs the window's mean: with the true values as inputs the one-step
    prediction after the end would be the mean of the last true values; fed back, the
    forecast's later steps use its own outputs, which differ from any true continuation."""
    lesson = RecurrentNetwork(RNNConfig(cell="plain", hidden=1, window=2))
    w_ih, w_hh, b_ih, b_hh, head_w, head_b = [
        torch.zeros_like(p) for p in lesson.init_params(torch.Generator().manual_seed(0))
    ]
    # h_t = tanh(x_t): the output reads only the newest input, scaled by 2 plus 1.
    w_ih.fill_(1.0)
    head_w.fill_(2.0)
    head_b.fill_(1.0)
    params = [w_ih, w_hh, b_ih, b_hh, head_w, head_b]
    data = SequenceSet(np.array([0.0, 0.1, 0.2]))
    forecast = lesson.rollout(params, data, 3)
    first = 2 * np.tanh(np.float32(0.2)) + 1
    second = 2 * np.tanh(np.float32(first)) + 1
    third = 2 * np.tanh(np.float32(second)) + 1
    assert forecast == pytest.approx([first, second, third], rel=1e-5)
    # Fed the truth instead, step 2 would read 0.2 again: the feedback is what differs.
    assert abs(forecast[1] - first) > 0.1


def test_the_snapshot_carries_the_forecast_the_hidden_states_and_the_unrolled_window():
    case = series_file(model=RNNConfig(window=10, forecast=30, alphabet=alphabet_of(TEXT)))
    trainer = new_trainer(case)
    trainer.step(5)
    snapshot = trainer.snapshot(wanted={ForecastView, HiddenStates, UnrolledView})
    forecast = snapshot.view(ForecastView)
    assert forecast.start == 10 and forecast.one_step.shape == (110,)
    assert forecast.forecast.shape == (30,)
    params = list(trainer.params)
    x, _y = trainer.lesson.tensors(case.data)
    with torch.no_grad():
        expected = trainer.lesson.outputs(params, x)[:, 0].numpy()
    assert np.allclose(forecast.one_step, expected)
    assert snapshot.view(HiddenStates).states.shape == (110, 16)
    unrolled = snapshot.view(UnrolledView)
    assert unrolled.hidden.shape == (10, 16) and len(unrolled.input_labels) == 10
    assert unrolled.first_step == 109 and unrolled.target_label == f"{case.data.values[-1]:.2f}"
    # The output read at the window's last step is the one-step prediction of the last value.
    assert unrolled.outputs[-1] == pytest.approx(forecast.one_step[-1], abs=1e-6)
    assert trainer.snapshot().views == ()  # nothing is computed when nothing is on screen


def test_temperature_towards_zero_is_greedy_and_sampling_is_seeded():
    case = text_file(max_steps=200)
    trainer = new_trainer(case)
    trainer.step(200)
    lesson = trainer.lesson
    params = [p.detach().numpy() for p in trainer.params]
    greedy = lesson.generate(params, "RNN은 ", 30, temperature=0)
    assert lesson.generate(params, "RNN은 ", 30, temperature=1e-4) == greedy
    assert set(greedy) <= set(lesson.config.alphabet)
    hot = lesson.generate(params, "RNN은 ", 30, temperature=2.0, seed=1)
    assert hot == lesson.generate(params, "RNN은 ", 30, temperature=2.0, seed=1)
    assert hot != greedy
    probabilities = lesson.next_characters(params, "RNN은 순환 구")
    assert probabilities.sum() == pytest.approx(1.0) and len(probabilities) == len(
        lesson.config.alphabet
    )
    assert lesson.config.alphabet[int(np.argmax(probabilities))] == "조"  # learnt: 구조
    with pytest.raises(DataError):
        lesson.next_characters(params, "xyz")  # no character it knows


def test_the_cnn_reading_columns_beats_chance_by_far_on_held_out_digits():
    digits = load_digits((0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 60, seed=0)
    seen = []
    result = hybrid_experiment(digits, steps=60, seed=0, progress=seen.append)
    assert result.chance == pytest.approx(0.1)
    assert result.hybrid_final > 0.7 and result.plain_final > 0.5
    # Reading more columns helps: the last step is far better than the first.
    assert result.hybrid_accuracy_by_step[-1] > result.hybrid_accuracy_by_step[0] + 0.2
    assert result.examples.shape == (6, 8, 8) and result.example_hybrid.shape == (6, 8)
    assert seen[-1] == 1.0
    with pytest.raises(InterruptedError):
        hybrid_experiment(digits, steps=60, cancelled=lambda: True)


@pytest.mark.parametrize(
    "case",
    [
        series_file(validation_share=0.2, max_steps=30),
        series_file(
            model=RNNConfig(cell="lstm", hidden=8, layers=2, window=6, alphabet="a"),
            optimizer="SGD",
            learning_rate=0.1,
            batch_size=16,
            max_steps=30,
        ),
        series_file(model=RNNConfig(cell="plain", hidden=4, window=5, alphabet="a"), max_steps=25),
        text_file(max_steps=25, validation_share=0.25),
    ],
    ids=["gru-validation", "lstm-2-layers-batches", "plain-rnn", "text"],
)
def test_the_script_builds_the_torch_module_and_prints_the_apps_numbers(case, tmp_path):
    text = codegen.lesson_script(case)
    module = {"gru": "nn.GRU(", "lstm": "nn.LSTM(", "plain": "nn.RNN("}[case.settings.model.cell]
    assert module in text
    printed = run_script(text, tmp_path, "rnn.py")
    trainer = new_trainer(case)
    costs = trainer.step(case.settings.max_steps)
    assert printed["steps"] == case.settings.max_steps
    assert printed["cost"] == float(costs[-1])
    if trainer.x_val is not None:
        with torch.no_grad():
            cost = trainer.lesson.cost(trainer.params, trainer.x_val, trainer.y_val).item()
        assert printed["validation cost"] == cost
    for index, name in enumerate(trainer.lesson.script_names()):
        assert np.array_equal(np.float32(printed[name]), trainer.params[index].detach().numpy()), (
            name
        )


def test_a_lesson_file_keeps_the_series_the_text_and_the_weights(tmp_path):
    case = text_file(max_steps=5)
    trainer = new_trainer(case)
    trainer.step(5)
    weights = tuple(float(v) for v in trainer.flat_params())
    path = tmp_path / "sequence.json"
    lesson_file.write(path, replace(case, weights=weights))
    back = lesson_file.read(path)
    assert back.data == case.data and back.settings == case.settings
    assert back.weights == weights
    stored = json.loads(path.read_text(encoding="utf-8"))["data"]
    assert stored["kind"] == "sequence" and stored["text"] == TEXT


@pytest.mark.parametrize(
    "values, message",
    [(["a"], "finite number"), ([1e9], "10,000"), ("x", "'values' must be a list")],
)
def test_a_damaged_sequence_file_is_refused_with_a_reason(values, message):
    with pytest.raises(DataError, match=message):
        SequenceSet.from_json({"kind": "sequence", "values": values, "text": ""})


def test_a_stroke_sets_the_steps_under_the_pen_and_extends_the_series():
    values = np.zeros(10)
    drawn = stroke_values(values, [(2.0, 1.0), (4.0, 3.0)])
    assert drawn[:5].tolist() == [0, 0, 1, 2, 3] and drawn[5:].tolist() == [0] * 5
    longer = stroke_values(values, [(12.0, 1.0), (14.0, 1.0)])
    assert len(longer) == 15 and longer[12:].tolist() == [1, 1, 1]
    assert 0 < longer[10] < longer[11] < 1  # the gap ramps from the old end to the stroke


def test_every_generated_series_is_seeded_and_as_long_as_asked():
    from desktopdl.core.sequences import SERIES

    for key in SERIES:
        values = generate(key, 150, noise=0.1, seed=4)
        assert len(values) == 150 and np.all(np.isfinite(values))
        assert np.array_equal(values, generate(key, 150, noise=0.1, seed=4))
    assert not np.array_equal(generate("sine", 50, 0.1, seed=1), generate("sine", 50, 0.1, 2))
    assert set(np.unique(generate("square", 80))) == {-1.0, 1.0}


def test_the_lecture_text_preset_learns_the_lectures_sentences():
    preset = lesson_file.read("resources/presets/rnn_lecture_text.json")
    assert preset.data.text == LECTURE_TEXT
    assert preset.settings.model.alphabet == alphabet_of(LECTURE_TEXT)


def test_a_script_from_saved_weights_goes_on_from_them_like_the_app(tmp_path):
    case = text_file(max_steps=10)
    trainer = new_trainer(case)
    trainer.step(7)
    case = replace(case, weights=tuple(float(v) for v in trainer.flat_params()))
    printed = run_script(codegen.lesson_script(case), tmp_path, "saved.py")
    resumed = new_trainer(case)
    costs = resumed.step(10)
    assert printed["cost"] == float(costs[-1])
    assert costs[0] < new_trainer(text_file(max_steps=10)).step(1)[0]  # it went on from them


def test_the_text_model_unrolls_its_last_window_of_characters():
    case = text_file(max_steps=5)
    trainer = new_trainer(case)
    trainer.step(5)
    snapshot = trainer.snapshot(wanted={ForecastView, HiddenStates, UnrolledView})
    unrolled = snapshot.view(UnrolledView)
    assert "".join(unrolled.input_labels) == TEXT[-9:-1] and unrolled.target_label == TEXT[-1]
    assert all(label in trainer.lesson.config.alphabet for label in unrolled.output_labels)
    assert snapshot.view(ForecastView) is None and snapshot.view(HiddenStates) is None
