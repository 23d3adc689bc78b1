"""The bundled week-9 deck: never stale, in both languages, on pages its lessons have, and
every slide keeps its promise when rehearsed headless (plus the lecture's own numbers)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from desktopdl.core import deck as decks
from desktopdl.core.trainer import TRAINING_COST, VALIDATION_COST
from desktopdl.resources import resource

#: The lower pages each lesson offers (LessonTab.page_names()).
PAGES = {
    "linear": ("cost_plot", "landscape_panel", "slice_panel", "ledger_panel", "code_panel"),
    "binary": ("cost_plot", "landscape_panel", "slice_panel", "ledger_panel", "code_panel"),
    "softmax": ("one_vs_rest_page", "cost_plot", "code_panel"),
    "network": ("network_page", "cost_plot", "code_panel"),
    "overfitting": (
        "network_page",
        "cross_validation_page",
        "learning_curve_page",
        "cost_plot",
        "code_panel",
    ),
    "cnn": (
        "architecture_page",
        "filter_grid",
        "feature_maps_page",
        "confusion_page",
        "kernel_playground",
        "augmented_copies",
        "cost_plot",
        "code_panel",
    ),
    "rnn": ("unrolled_page", "text_page", "hybrid_page", "cost_plot", "code_panel"),
}
#: Longest sentence on screen, in characters (legible from the back of a room).
MAX_SENTENCE = 160
QT_DIR = Path(decks.__file__).resolve().parents[1] / "qt"


def _generator():
    spec = importlib.util.spec_from_file_location("week9", resource("decks", "week9.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def week9():
    return _generator()


@pytest.fixture(scope="module")
def deck():
    return decks.read(resource("decks") / "week9.json")


@pytest.fixture(scope="module")
def rehearsals(deck):
    return [decks.rehearse(slide) for slide in deck.slides]


def _index(week9, make) -> int:
    return week9.SLIDES.index(make)


def _gap(rehearsal) -> float:
    metrics = dict(rehearsal.trainer.snapshot().metrics)
    return metrics[VALIDATION_COST] - metrics[TRAINING_COST]


def test_the_committed_json_is_what_the_generator_builds_now(week9, deck):
    assert deck == week9.build(), "run: python resources/decks/week9.py"
    assert deck.title.en and deck.title.ko
    assert 20 <= len(deck.slides) <= 26


def test_every_slide_speaks_both_languages_briefly(deck):
    for number, slide in enumerate(deck.slides, 1):
        for what in ("title", "text", "notes"):
            words = getattr(slide, what)
            assert words.en.strip() and words.ko.strip(), f"slide {number} {what}"
        if slide.question:
            assert slide.question.en.strip() and slide.question.ko.strip(), f"slide {number}"
        for text in (slide.text.en, slide.text.ko):
            sentences = [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s]
            assert 1 <= len(sentences) <= 3, f"slide {number}: {text}"
            assert max(map(len, sentences)) <= MAX_SENTENCE, f"slide {number}: {text}"


def test_every_page_is_one_its_lesson_offers(deck):
    for number, slide in enumerate(deck.slides, 1):
        pages = PAGES[slide.lesson.lesson]
        assert slide.page in pages, f"slide {number}: {slide.page}"
        for action in slide.actions:
            if action.do == "page":
                assert action.name in pages, f"slide {number}: {action.name}"


def test_every_button_a_slide_clicks_has_its_object_name():
    names = {
        action.name
        for slide in _generator().build().slides
        for action in slide.actions
        if action.do == "click"
    }
    source = "".join(path.read_text(encoding="utf-8") for path in QT_DIR.rglob("*.py"))
    for name in names:
        assert f'setObjectName("{name}")' in source, name


def test_every_slide_keeps_its_promise(deck, rehearsals):
    for number, (slide, rehearsal) in enumerate(zip(deck.slides, rehearsals, strict=True), 1):
        assert slide.expect.to_json(), f"slide {number} promises nothing"
        assert rehearsal.broken_promise(slide.expect) is None, f"slide {number}"


def test_the_three_stages_classify_the_six_points_and_call_6_4_class_1(week9, rehearsals):
    rehearsal = rehearsals[_index(week9, week9.stage_3_test)]
    assert rehearsal.trainer.step_count == 2000
    assert rehearsal.accuracy == 1.0
    (h,) = rehearsal.tests
    assert h.item() > 0.5  # the lecture's surprise: [6, 4] looks like class 1


def test_the_non_linear_test_fools_the_line_and_the_network_fixes_it(week9, rehearsals):
    fooled = rehearsals[_index(week9, week9.nonlinear_test)]
    assert fooled.tests[0].item() > 0.5 and fooled.accuracy == pytest.approx(6 / 7)
    fixed = rehearsals[_index(week9, week9.network_fixes_it)]
    assert fixed.tests[0].item() < 0.5 and fixed.accuracy == 1.0


def test_each_remedy_shrinks_the_overfitting_gap(week9, rehearsals):
    overfit = _gap(rehearsals[_index(week9, week9.overfitting)])
    assert overfit > 0.5
    remedies = (
        week9.remedy_more_data,
        week9.remedy_augmentation,
        week9.remedy_smaller_model,
        week9.remedy_regularisation,
        week9.remedy_dropout,
    )
    for make in remedies:
        assert _gap(rehearsals[_index(week9, make)]) < overfit / 2, make.__name__
