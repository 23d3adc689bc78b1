"""The lesson as a plain PyTorch script (and notebook), written the way the lecture writes it.

Why: students leave the projector with code they can run at home, and that code must print
the numbers the app showed. So the script is generated from the same LessonFile and mirrors
the trainer statement for statement: the seed, the order and shapes in which ``init_params``
draws the parameters (``torch.manual_seed(seed)`` + ``torch.randn`` gives the numbers the
app's ``torch.Generator().manual_seed(seed)`` gives), the optimizer, the cost expression
exactly as the lesson spells it (a rewrite would change the last digits), the minibatch
shuffles (their own generator seeded with seed + 1, one ``randperm`` per epoch, exactly like
``Trainer._next_batch``) and the stop rules (the step limit and "|Δcost| < ε").

No Qt here: the command line and the tests use it without a display.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from desktopdl.core.data import Dataset
from desktopdl.core.lesson_file import LessonFile
from desktopdl.core.lessons import Lesson
from desktopdl.core.lessons import lesson_class as lesson_class_for
from desktopdl.core.script import LINE, language, say
from desktopdl.core.text import T
from desktopdl.core.trainer import MOMENTUM, TrainSettings

#: Steps the script runs when the lesson has no step limit (the app's "no limit").
DEFAULT_STEPS = 2000

MODEL_COMMENT = "# [딥러닝의 1단계]: 모델을 만든다."
TRAIN_COMMENT = "# [딥러닝의 2단계] 학습을 한다"
TEST_COMMENT = "# [딥러닝의 3단계] 추론/테스트를 한다."


@dataclass(frozen=True)
class Section:
    """One part of the script: a notebook heading and text, then its code."""

    heading: str
    text: str
    code: str


def planned_steps(settings: TrainSettings, steps: int | None = None) -> int:
    """How many steps the script (and an export) runs: ``steps`` capped by the lesson's step
    limit, as ``Trainer.step(steps)`` would stop there; the limit alone when ``steps`` is None.
    """
    limit = settings.max_steps
    if steps is None:
        return limit or DEFAULT_STEPS
    if steps < 1:
        raise ValueError("the number of steps must be at least 1")
    return min(steps, limit) if limit else steps


def lesson_script(
    lesson_file: LessonFile,
    steps: int | None = None,
    translate: Callable[[str], str] | None = None,
) -> str:
    """A standalone script that trains the lesson like the app and prints its numbers.

    It prints ``name = value`` lines (steps, cost, H(x_test), every parameter as a list,
    accuracy for classifiers) with Python's round-trip float repr, so a reader, or a test,
    can compare them with the app digit for digit. Raises ValueError when the lesson's data
    cannot be trained on (no points, one class…), with the lesson's sentence saying why.
    ``translate`` puts the comments into the interface's language (the lecture's own
    three-stage comments stay as the lecture wrote them).
    """
    with language(translate):
        header = _header(lesson_file, steps)
        body = "\n\n\n".join(section.code for section in sections(lesson_file, steps))
    return f"{header}\n{body}\n"


def notebook(
    lesson_file: LessonFile,
    steps: int | None = None,
    translate: Callable[[str], str] | None = None,
) -> dict:
    """The same code as an nbformat 4 notebook: markdown for ① Model ② Train ③ Test between
    the code cells, so the cells run top to bottom print what the script prints.

    The JSON is written by hand (the format is small and stable) to spare the app a
    dependency on nbformat."""
    with language(translate):
        cells = [_markdown(_title(lesson_file) + _description_markdown(lesson_file))]
        for section in sections(lesson_file, steps):
            if section.heading:
                cells.append(_markdown(f"## {section.heading}\n\n{section.text}".rstrip()))
            cells.append(_code(section.code))
    for index, cell in enumerate(cells):
        cell["id"] = f"cell-{index}"
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def lesson_of(lesson_file: LessonFile) -> Lesson:
    """The file's lesson with the file's own config."""
    return lesson_class_for(lesson_file.lesson)(lesson_file.settings.model)


def sections(lesson_file: LessonFile, steps: int | None = None) -> list[Section]:
    """The script in four parts: data, ① model, ② training loop, ③ test. The lesson writes
    what is its own (its tensors, H(x), its cost, its test); this module the rest."""
    lesson = lesson_of(lesson_file)
    problem = lesson.check_data(lesson_file.data)
    if problem:
        raise ValueError(problem)
    settings = lesson_file.settings
    n_steps = planned_steps(settings, steps)
    names = lesson.script_names()
    return [
        Section("", "", _data_code(lesson_file, lesson)),
        Section(
            "① Model",
            f"[딥러닝의 1단계] `{lesson.formula}`. " + _start_words(lesson_file),
            _model_code(lesson_file, lesson, names),
        ),
        Section(
            "② Train",
            "[딥러닝의 2단계] "
            + say(
                T(
                    "{steps} steps of {optimizer}, minimizing `{cost}`.",
                    steps=f"{n_steps:,}",
                    optimizer=_optimizer_words(settings),
                    cost=say(lesson.cost_formula),
                )
            ),
            _train_code(lesson_file, lesson, n_steps),
        ),
        Section(
            "③ Test",
            "[딥러닝의 3단계] "
            + say(T("Ask the trained model about a point, and print the parameters.")),
            _test_code(lesson_file, lesson, names),
        ),
    ]


def param_names(lesson_file: LessonFile) -> list[str]:
    """The script's names for the parameters, in ``init_params`` order."""
    return lesson_of(lesson_file).script_names()


# -- the parts ------------------------------------------------------------------------------


def _split(lesson_file: LessonFile, lesson: Lesson) -> tuple[Dataset, Dataset | None]:
    """(training, validation) data, exactly as the trainer splits it."""
    settings = lesson_file.settings
    return lesson.split_data(lesson_file.data, settings.validation_share, settings.seed)


def _data_code(lesson_file: LessonFile, lesson: Lesson) -> str:
    settings = lesson_file.settings
    imports = ["import torch", *lesson.script_imports()]
    split = lesson.script_split(lesson_file.data, settings.validation_share, settings.seed)
    if any("np." in line for line in split):
        imports.insert(0, "import numpy as np")
    lines = [*sorted(set(imports), key=imports.index), ""]
    seed = f"torch.manual_seed({settings.seed})  # " + say(
        T("the app's Seed: the same seed, the same start")
    )
    threads = "torch.set_num_threads(1)  # " + say(
        T("the app trains on one thread: the same sums, same digits")
    )
    lines += [seed, threads, "", *lesson.script_data(lesson_file.data)]
    if split:
        share = settings.validation_share
        lines += [
            "",
            *_comment_lines(
                T(
                    "The app's validation share {share}: the same split holds out the same "
                    "items, and the model never trains on them.",
                    share=f"{share:g}",
                )
            ),
            *split,
        ]
    augment = lesson.script_augment(settings.seed)
    if augment:
        lines += ["", *augment]
    return "\n".join(lines)


def _model_code(lesson_file: LessonFile, lesson: Lesson, names: list[str]) -> str:
    settings = lesson_file.settings
    if lesson_file.weights is not None:
        lines = _saved_weights(lesson_file, lesson, names)
    else:
        lines = lesson.script_init(names)
    lines.append(f"optimizer = {_optimizer_code(settings, names)}")
    lines += ["", "", MODEL_COMMENT, *lesson.script_model(names)]
    return "\n".join(lines)


def _train_code(lesson_file: LessonFile, lesson: Lesson, n_steps: int) -> str:
    settings = lesson_file.settings
    batch = settings.batch_size
    training, validation = _split(lesson_file, lesson)
    # The rows a step draws from (a lesson's augmentation adds some).
    train_points = len(lesson.training_tensors(training, settings.seed)[0])
    minibatches = 0 < batch < train_points
    params = "[" + ", ".join(lesson.script_names()) + "]"
    early = settings.patience if validation is not None else 0
    epsilon = settings.min_cost_change
    x, y = ("x_batch", "y_batch") if minibatches else ("x_train", "y_train")
    lines = []
    if minibatches:
        lines += [
            f"BATCH = {batch}  # " + say(T("the app's Batch size: points per step")),
            *_comment_lines(
                T(
                    "The shuffles have their own generator (Seed + 1), so they never change "
                    "the start."
                )
            ),
            f"shuffle = torch.Generator().manual_seed({settings.seed + 1})",
            "order, position = torch.zeros(0, dtype=torch.long), 0",
        ]
    if epsilon:
        lines += [
            f"EPSILON = {epsilon!r}  # " + say(T('the app\'s "Stop when |Δcost| <"')),
            "last_cost = None",
        ]
    if settings.l1:
        lines += [f"L1 = {settings.l1!r}  # " + say(T("the app's L1: the penalty L1·Σ|w|"))]
    if early:
        lines += [
            f"EVERY = {settings.validation_every}  # "
            + say(T("the app evaluates on the validation points every EVERY steps")),
            f"PATIENCE = {early}  # "
            + say(T("early stopping: evaluations without a new best validation cost")),
            "with torch.no_grad():",
            f"    best_cost = ({lesson.script_eval_cost('x_val', 'y_val')}).item()",
            f"best_step, waited, best = 0, 0, [p.detach().clone() for p in {params}]",
        ]
    if lines:
        lines.append("")
    lines += [TRAIN_COMMENT, f"for step in range({n_steps}):"]
    if minibatches:
        lines += [
            "    if position + BATCH > len(order):  # "
            + say(T("a new epoch: shuffle the points again")),
            "        order, position = torch.randperm(len(x_train), generator=shuffle), 0",
            "    batch = order[position : position + BATCH]",
            "    position += BATCH",
            "    x_batch, y_batch = x_train[batch], y_train[batch]",
        ]
    lines += [
        f"    cost = {lesson.script_cost(x, y)}",
        "    optimizer.zero_grad()",
        f"    (cost + L1 * sum(p.abs().sum() for p in {params})).backward()"
        if settings.l1
        else "    cost.backward()",
        "    optimizer.step()",
    ]
    if early:
        lines += [
            "    if (step + 1) % EVERY == 0:",
            "        with torch.no_grad():",
            f"            val_cost = ({lesson.script_eval_cost('x_val', 'y_val')}).item()",
            "        if val_cost < best_cost:",
            "            best_cost, best_step, waited = val_cost, step + 1, 0",
            f"            best = [p.detach().clone() for p in {params}]",
            "        else:",
            "            waited += 1",
            "            if waited >= PATIENCE:  # "
            + say(T("stop, and go back to the best weights")),
            "                with torch.no_grad():",
            f"                    for p, kept in zip({params}, best):",
            "                        p.copy_(kept)",
            "                break",
        ]
    if epsilon:
        lines += [
            "    if last_cost is not None and abs(cost.item() - last_cost) < EPSILON:",
            "        break  # " + say(T("the cost hardly changes any more")),
            "    last_cost = cost.item()",
        ]
    lines += [
        "",
        'print("steps =", step + 1)',
        'print("cost =", cost.item())  # '
        + say(T("the last step's cost, as the app's cost curve ends")),
    ]
    if early:
        lines.append('print("best step =", best_step)')
    if validation is not None:
        lines += [
            "with torch.no_grad():  # "
            + say(T("both sets in evaluation mode, at the final parameters")),
            *(
                f'    print("{label} =", ({lesson.script_eval_cost(x, y)}).item())'
                for label, x, y in (
                    ("training cost", "x_train", "y_train"),
                    ("validation cost", "x_val", "y_val"),
                )
            ),
        ]
        accuracy = lesson.script_accuracy()
        if accuracy is not None:
            on_validation = accuracy.replace("x_train", "x_val").replace("y_train", "y_val")
            lines.append(f'    print("validation accuracy =", {on_validation})')
    return "\n".join(lines)


def _test_code(lesson_file: LessonFile, lesson: Lesson, names: list[str]) -> str:
    lines = [TEST_COMMENT, *lesson.script_probe(lesson_file.data), *lesson.script_test()]
    lines += [f'print("{name} =", {name}.detach().tolist())' for name in names]
    accuracy = lesson.script_accuracy()
    if accuracy is not None:
        lines.append(f'print("accuracy =", {accuracy})')
    return "\n".join(lines)


def probe_point(lesson_file: LessonFile) -> tuple[tuple[float, ...], str]:
    """The input the script's ③ Test asks about, and a comment saying why that one."""
    return lesson_of(lesson_file).probe_point(lesson_file.data)


def _optimizer_code(settings: TrainSettings, names: list[str]) -> str:
    params = "[" + ", ".join(names) + "]"
    lr = repr(settings.learning_rate)
    decay = f", weight_decay={settings.weight_decay!r}" if settings.weight_decay else ""
    if settings.optimizer == "Momentum":
        return f"torch.optim.SGD({params}, lr={lr}, momentum={MOMENTUM!r}{decay})"
    if settings.optimizer == "Adam":
        return f"torch.optim.Adam({params}, lr={lr}{decay})"
    return f"torch.optim.SGD({params}, lr={lr}{decay})"


def _start_words(lesson_file: LessonFile) -> str:
    if lesson_file.weights is not None:
        return say(T("The parameters start from the weights saved in the lesson file."))
    return say(
        T(
            "The parameters start where the app's seed {seed} puts them.",
            seed=lesson_file.settings.seed,
        )
    )


def _optimizer_words(settings: TrainSettings) -> str:
    names = {"SGD": T("gradient descent (SGD)"), "Momentum": T("SGD with momentum 0.9")}
    name = say(names[settings.optimizer]) if settings.optimizer in names else settings.optimizer
    rate = f"{settings.learning_rate:g}"
    if settings.batch_size:
        return say(
            T(
                "{name} with learning rate {rate}, {batch} points per step",
                name=name,
                rate=rate,
                batch=settings.batch_size,
            )
        )
    return say(T("{name} with learning rate {rate}", name=name, rate=rate))


def _comment_lines(text: str) -> list[str]:
    """A comment sentence in the chosen language, wrapped to the script's width."""
    return ["# " + line for line in textwrap.wrap(say(text), LINE - 2, break_long_words=False)]


def _header(lesson_file: LessonFile, steps: int | None) -> str:
    n_steps = planned_steps(lesson_file.settings, steps)
    lines = [
        _title(lesson_file).replace("# ", "# DesktopDL · ", 1),
        *_comment_lines(
            T(
                "The lesson as plain PyTorch: run it with python to train {steps} steps and "
                "print the numbers the app shows after as many steps.",
                steps=f"{n_steps:,}",
            )
        ),
    ]
    description = _one_line(lesson_file.description)
    if description:
        lines += ["#"] + [
            "# " + line for line in textwrap.wrap(description, LINE - 2, break_long_words=False)
        ]
    return "\n".join(lines) + "\n"


def _title(lesson_file: LessonFile) -> str:
    lesson = lesson_of(lesson_file)
    title = _one_line(lesson_file.title)
    return f"# {say(lesson.title)}" + (f": {title}" if title else "")


def _description_markdown(lesson_file: LessonFile) -> str:
    description = _one_line(lesson_file.description)
    intro = say(
        T(
            "Generated by DesktopDL: run the cells from top to bottom to print the numbers the "
            "app shows."
        )
    )
    return f"\n\n{description}\n\n{intro}" if description else f"\n\n{intro}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _markdown(text: str) -> dict:
    return {"cell_type": "markdown", "metadata": {}, "source": _source(text)}


def _code(text: str) -> dict:
    return {
        "cell_type": "code",
        "execution_count": None,
        "metadata": {},
        "outputs": [],
        "source": _source(text),
    }


def _source(text: str) -> list[str]:
    """nbformat stores a cell's text as its lines, each keeping its newline but the last."""
    return text.splitlines(keepends=True)


def _saved_weights(lesson_file: LessonFile, lesson: Lesson, names: list[str]) -> list[str]:
    """The parameters a lesson file carries (the app starts from them instead of the seed)."""
    lines = _comment_lines(
        T("The weights saved in the lesson file: the app starts from these, not from the seed.")
    )
    values = lesson.unflatten(np.asarray(lesson_file.weights))
    return lines + lesson.script_weights(names, [value.numpy() for value in values])
