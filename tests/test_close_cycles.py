"""Open → train at full speed → close at a random moment, each cycle in its own process, as
a teacher opens and closes the app through a day: no hang, no "QThread: Destroyed while
thread is still running", no traceback, no crash."""

from __future__ import annotations

import pytest

from tests.launched_app import launch_training, problems

LESSONS = ("linear", "binary", "softmax", "network", "overfitting", "cnn", "rnn")


def cycle(number: int) -> list[str]:
    """One cycle: a lesson and a closing moment drawn from ``number`` (the seed), so a failing
    cycle can be run again on its own."""
    lesson = LESSONS[number % len(LESSONS)]
    launched = launch_training(lesson, close_seed=number)
    if not launched.wait_line("training"):
        code, errors = launched.finish(timeout_s=5)
        return [f"cycle {number} ({lesson}) never trained", *problems(code, errors)]
    code, errors = launched.finish()
    return [f"cycle {number} ({lesson}): {problem}" for problem in problems(code, errors)]


@pytest.mark.parametrize("number", range(5))
def test_open_train_close(number):
    assert cycle(number) == []


@pytest.mark.slow
def test_a_hundred_open_train_close_cycles():
    failures = [problem for number in range(100) for problem in cycle(number)]
    assert failures == []
