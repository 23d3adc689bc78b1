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

import math
import textwrap
from dataclasses import dataclass

import numpy as np

from desktopdl.core.lesson_file import LessonFile
from desktopdl.core.lessons import lesson as make_lesson
from desktopdl.core.trainer import MOMENTUM, TrainSettings

#: Steps the script runs when the lesson has no step limit (the app's "no limit").
DEFAULT_STEPS = 2000
#: The lecture's test point for the binary lesson: x_test = torch.FloatTensor([[6, 4]]).
LECTURE_TEST = (6.0, 4.0)
#: Longest line the data literals are wrapped to.
LINE = 92

MODEL_COMMENT = "# [딥러닝의 1단계]: 모델을 만든다."
TRAIN_COMMENT = "# [딥러닝의 2단계] 학습을 한다"
TEST_COMMENT = "# [딥러닝의 3단계] 추론/테스트를 한다."

#: The lessons' exact cost expressions, with {x} and {y} for the (mini)batch tensors.
COSTS = {
    "linear": "torch.mean((H({x}) - {y}) ** 2)",
    "binary": "-torch.mean({y} * torch.log(H({x})) + (1 - {y}) * torch.log(1 - H({x})))",
    "softmax": "F.cross_entropy(Z({x}), {y})",
    "network2": "F.binary_cross_entropy_with_logits(Z({x})[:, 0], {y})",
    "network": "F.cross_entropy(Z({x}), {y})",
}
ACTIVATION_CODE = {
    "tanh": "torch.tanh({})",
    "relu": "torch.relu({})",
    "sigmoid": "torch.sigmoid({})",
    "linear": "{}",
}


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


def lesson_script(lesson_file: LessonFile, steps: int | None = None) -> str:
    """A standalone script that trains the lesson like the app and prints its numbers.

    It prints ``name = value`` lines (steps, cost, H(x_test), every parameter as a list,
    accuracy for classifiers) with Python's round-trip float repr, so a reader, or a test,
    can compare them with the app digit for digit. Raises ValueError when the lesson's data
    cannot be trained on (no points, one class…), with the lesson's sentence saying why.
    """
    header = _header(lesson_file, steps)
    body = "\n\n\n".join(section.code for section in sections(lesson_file, steps))
    return f"{header}\n{body}\n"


def notebook(lesson_file: LessonFile, steps: int | None = None) -> dict:
    """The same code as an nbformat 4 notebook: markdown for ① Model ② Train ③ Test between
    the code cells, so the cells run top to bottom print what the script prints.

    The JSON is written by hand (the format is small and stable) to spare the app a
    dependency on nbformat."""
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


def sections(lesson_file: LessonFile, steps: int | None = None) -> list[Section]:
    """The script in four parts: data, ① model, ② training loop, ③ test."""
    lesson = make_lesson(lesson_file.lesson).configured(lesson_file.settings.model)
    problem = lesson.check_data(lesson_file.data)
    if problem:
        raise ValueError(problem)
    kind = _kind(lesson_file)
    settings = lesson_file.settings
    n_steps = planned_steps(settings, steps)
    names = param_names(lesson_file)
    return [
        Section("", "", _data_code(lesson_file, kind)),
        Section(
            "① Model",
            f"[딥러닝의 1단계] `{lesson.formula}`. " + _start_words(lesson_file),
            _model_code(lesson_file, kind, names),
        ),
        Section(
            "② Train",
            f"[딥러닝의 2단계] {n_steps:,} steps of {_optimizer_words(settings)}, "
            f"minimizing `{lesson.cost_formula}`.",
            _train_code(lesson_file, kind, n_steps),
        ),
        Section(
            "③ Test",
            "[딥러닝의 3단계] Ask the trained model about a point, and print the parameters.",
            _test_code(lesson_file, kind, names),
        ),
    ]


# -- the parts ------------------------------------------------------------------------------


def _kind(lesson_file: LessonFile) -> str:
    """Which cost and model shape: the lesson key, or network2 for a one-output network."""
    if lesson_file.lesson == "network" and lesson_file.settings.model.classes == 2:
        return "network2"
    return lesson_file.lesson


def param_names(lesson_file: LessonFile) -> list[str]:
    """The script's names for the parameters, in ``init_params`` order."""
    if lesson_file.lesson != "network":
        return ["w", "b"]
    layers = len(lesson_file.settings.model.hidden) + 1
    return [name for i in range(1, layers + 1) for name in (f"w{i}", f"b{i}")]


def _layer_sizes(lesson_file: LessonFile) -> list[int]:
    model = lesson_file.settings.model
    return [2, *model.hidden, 1 if model.classes == 2 else model.classes]


def _data_code(lesson_file: LessonFile, kind: str) -> str:
    settings = lesson_file.settings
    imports = ["import torch"]
    if kind in ("softmax", "network", "network2"):
        imports.append("import torch.nn.functional as F")
    if kind in ("network", "network2") and lesson_file.weights is None:
        imports.insert(0, "import math")  # for the starting range 1/√(inputs)
    xy, labels = lesson_file.data.xy, lesson_file.data.labels
    if kind == "linear":
        x = _literal("x_train = torch.FloatTensor(", [f"[{_num(v)}]" for v in xy[:, 0]])
        y = _literal("y_train = torch.FloatTensor(", [f"[{_num(v)}]" for v in xy[:, 1]])
    else:
        x = _literal("x_train = torch.FloatTensor(", [f"[{_num(a)}, {_num(b)}]" for a, b in xy])
        if kind == "binary":
            y = _literal("y_train = torch.FloatTensor(", [f"[{int(c)}]" for c in labels])
        elif kind == "network2":
            y = _literal("y_train = torch.FloatTensor(", [str(int(c)) for c in labels])
        else:
            y = _literal("y_train = torch.LongTensor(", [str(int(c)) for c in labels])
    seed = f"torch.manual_seed({settings.seed})  # the app's Seed: the same seed, the same start"
    return "\n".join([*imports, "", seed, "", x, y])


def _model_code(lesson_file: LessonFile, kind: str, names: list[str]) -> str:
    settings = lesson_file.settings
    lines = []
    if lesson_file.weights is not None:
        lines += _saved_weights(lesson_file, names)
    elif kind in ("linear", "binary"):
        rows = 1 if kind == "linear" else 2
        lines += [
            f"w = torch.randn([{rows}, 1], requires_grad=True)",
            "b = torch.randn([1], requires_grad=True)",
        ]
    elif kind == "softmax":
        k = settings.model.classes
        lines += [
            f"w = torch.randn([2, {k}], requires_grad=True)",
            f"b = torch.randn([{k}], requires_grad=True)",
        ]
    else:
        lines.append("# torch.nn.Linear's starting range: uniform in ±1/√(inputs), layer by layer")
        sizes = _layer_sizes(lesson_file)
        for layer, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
            bound = f"(1 / math.sqrt({fan_in}))"
            w, b = names[2 * layer], names[2 * layer + 1]
            lines += [
                f"{w} = ((torch.rand([{fan_in}, {fan_out}]) * 2 - 1) * {bound}).requires_grad_()",
                f"{b} = ((torch.rand([{fan_out}]) * 2 - 1) * {bound}).requires_grad_()",
            ]
    lines.append(f"optimizer = {_optimizer_code(settings, names)}")
    lines += ["", "", MODEL_COMMENT]
    if kind == "linear":
        lines += ["def H(x):", "    return torch.matmul(x, w) + b  # H(x) = Wx + b"]
    elif kind == "binary":
        lines += [
            "def H(x):",
            "    return torch.sigmoid(torch.matmul(x, w) + b)  # H(x) = sigmoid(Wx + b)",
        ]
    elif kind == "softmax":
        lines += [
            "def Z(x):",
            "    return torch.matmul(x, w) + b  # one score per class: Wx + b",
            "",
            "",
            "def H(x):",
            "    return torch.softmax(Z(x), dim=1)  # H(x) = softmax(Wx + b)",
        ]
    else:
        lines += _network_model(lesson_file, names)
    return "\n".join(lines)


def _network_model(lesson_file: LessonFile, names: list[str]) -> list[str]:
    model = lesson_file.settings.model
    sizes = " → ".join(str(n) for n in _layer_sizes(lesson_file))
    act = ACTIVATION_CODE[model.activation]
    lines = [f"def Z(x):  # the network's scores before the last step: {sizes}"]
    h = "x"
    for layer, neurons in enumerate(model.hidden):
        w, b = names[2 * layer], names[2 * layer + 1]
        lines.append(
            f"    h{layer + 1} = {act.format(f'torch.matmul({h}, {w}) + {b}')}"
            f"  # hidden layer {layer + 1}: {neurons} neurons, {model.activation}"
        )
        h = f"h{layer + 1}"
    lines.append(f"    return torch.matmul({h}, {names[-2]}) + {names[-1]}")
    lines += ["", "", "def H(x):"]
    if model.classes == 2:
        lines.append("    return torch.sigmoid(Z(x))  # H(x) = P(class 1)")
    else:
        lines.append("    return torch.softmax(Z(x), dim=1)  # H(x) = each class's probability")
    return lines


def _train_code(lesson_file: LessonFile, kind: str, n_steps: int) -> str:
    settings = lesson_file.settings
    batch = settings.batch_size
    minibatches = 0 < batch < len(lesson_file.data)
    epsilon = settings.min_cost_change
    x, y = ("x_batch", "y_batch") if minibatches else ("x_train", "y_train")
    lines = []
    if minibatches:
        lines += [
            f"BATCH = {batch}  # the app's Batch size: points per step",
            "# The shuffles have their own generator (Seed + 1), so they never change the start.",
            f"shuffle = torch.Generator().manual_seed({settings.seed + 1})",
            "order, position = torch.zeros(0, dtype=torch.long), 0",
        ]
    if epsilon:
        lines += [
            f'EPSILON = {epsilon!r}  # the app\'s "Stop when |Δcost| <"',
            "last_cost = None",
        ]
    if lines:
        lines.append("")
    lines += [TRAIN_COMMENT, f"for step in range({n_steps}):"]
    if minibatches:
        lines += [
            "    if position + BATCH > len(order):  # a new epoch: shuffle the points again",
            "        order, position = torch.randperm(len(x_train), generator=shuffle), 0",
            "    batch = order[position : position + BATCH]",
            "    position += BATCH",
            "    x_batch, y_batch = x_train[batch], y_train[batch]",
        ]
    lines += [
        f"    cost = {COSTS[kind].format(x=x, y=y)}",
        "    optimizer.zero_grad()",
        "    cost.backward()",
        "    optimizer.step()",
    ]
    if epsilon:
        lines += [
            "    if last_cost is not None and abs(cost.item() - last_cost) < EPSILON:",
            "        break  # the cost hardly changes any more",
            "    last_cost = cost.item()",
        ]
    lines += [
        "",
        'print("steps =", step + 1)',
        "print(\"cost =\", cost.item())  # the last step's cost, as the app's cost curve ends",
    ]
    return "\n".join(lines)


def _test_code(lesson_file: LessonFile, kind: str, names: list[str]) -> str:
    point, note = probe_point(lesson_file)
    args = ", ".join(_num(v) for v in point)
    lines = [TEST_COMMENT, f"x_test = torch.FloatTensor([[{args}]]){note}"]
    if kind in ("linear", "binary", "network2"):
        lines.append('print("H(x_test) =", H(x_test).detach().item())')
    else:
        lines += [
            'print("H(x_test) =", H(x_test).detach().tolist())',
            'print("class =", torch.argmax(H(x_test), dim=1).item())',
        ]
    lines += [f'print("{name} =", {name}.detach().tolist())' for name in names]
    if kind == "binary":
        lines.append(
            'print("accuracy =", ((H(x_train) >= 0.5).float() == y_train).float().mean().item())'
        )
    elif kind == "network2":
        lines.append(
            'print("accuracy =", ((H(x_train)[:, 0] >= 0.5).float() == y_train)'
            ".float().mean().item())"
        )
    elif kind in ("softmax", "network"):
        lines.append(
            'print("accuracy =", (torch.argmax(H(x_train), dim=1) == y_train)'
            ".float().mean().item())"
        )
    return "\n".join(lines)


def probe_point(lesson_file: LessonFile) -> tuple[tuple[float, ...], str]:
    """The input the script's ③ Test asks about, and a comment saying why that one.

    Regression: the next whole x past the data (a prediction). Classification: the lecture's
    [6, 4] when it lies among the points (their bounds with a margin), else the first
    training point (its class is known, so the answer can be checked). The canvas's zoom
    plays no part, so panning the view never rewrites the script."""
    data = lesson_file.data
    if lesson_file.lesson == "linear":
        return (float(math.floor(data.xy[:, 0].max()) + 1),), "  # just past the data"
    xmin, xmax, ymin, ymax = data.bounds()
    x, y = LECTURE_TEST
    if xmin <= x <= xmax and ymin <= y <= ymax:
        return LECTURE_TEST, "  # the lecture's test point"
    first = data.xy[0]
    note = f"  # the first training point: class {int(data.labels[0])}"
    return (float(first[0]), float(first[1])), note


def _optimizer_code(settings: TrainSettings, names: list[str]) -> str:
    params = "[" + ", ".join(names) + "]"
    lr = repr(settings.learning_rate)
    if settings.optimizer == "Momentum":
        return f"torch.optim.SGD({params}, lr={lr}, momentum={MOMENTUM!r})"
    if settings.optimizer == "Adam":
        return f"torch.optim.Adam({params}, lr={lr})"
    return f"torch.optim.SGD({params}, lr={lr})"


def _start_words(lesson_file: LessonFile) -> str:
    if lesson_file.weights is not None:
        return "The parameters start from the weights saved in the lesson file."
    return f"The parameters start where the app's seed {lesson_file.settings.seed} puts them."


def _optimizer_words(settings: TrainSettings) -> str:
    name = {"SGD": "gradient descent (SGD)", "Momentum": "SGD with momentum 0.9"}.get(
        settings.optimizer, settings.optimizer
    )
    batch = settings.batch_size
    size = f", {batch} points per step" if batch else ""
    return f"{name} with learning rate {settings.learning_rate:g}{size}"


def _header(lesson_file: LessonFile, steps: int | None) -> str:
    n_steps = planned_steps(lesson_file.settings, steps)
    lines = [
        _title(lesson_file).replace("# ", "# DesktopDL · ", 1),
        f"# The lesson as plain PyTorch: run it with python to train {n_steps:,} steps and print",
        "# the numbers the app shows after as many steps.",
    ]
    description = _one_line(lesson_file.description)
    if description:
        lines += ["#"] + [
            "# " + line for line in textwrap.wrap(description, LINE - 2, break_long_words=False)
        ]
    return "\n".join(lines) + "\n"


def _title(lesson_file: LessonFile) -> str:
    lesson = make_lesson(lesson_file.lesson)
    title = _one_line(lesson_file.title)
    return f"# {lesson.title}" + (f": {title}" if title else "")


def _description_markdown(lesson_file: LessonFile) -> str:
    description = _one_line(lesson_file.description)
    intro = (
        "Generated by DesktopDL: run the cells from top to bottom to print the numbers the app "
        "shows."
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


def _num(value: float) -> str:
    """A coordinate as the lecture writes it: 6 for whole numbers, else Python's shortest
    round-trip form, so torch.FloatTensor rounds it to the app's float32 exactly."""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15 and math.copysign(1.0, value) > 0:
        return str(int(value))
    return repr(value)


def _saved_weights(lesson_file: LessonFile, names: list[str]) -> list[str]:
    """The parameters a lesson file carries (the app starts from them instead of the seed)."""
    lesson = make_lesson(lesson_file.lesson).configured(lesson_file.settings.model)
    lines = [
        "# The weights saved in the lesson file: the app starts from these, not from the seed."
    ]
    for name, value in zip(names, lesson.unflatten(np.asarray(lesson_file.weights)), strict=True):
        array = value.numpy()
        start, end = f"{name} = torch.tensor(", ", requires_grad=True)"
        if array.ndim == 1:
            lines.append(_literal(start, [_float32(v) for v in array], end))
        else:
            rows = ["[" + ", ".join(_float32(v) for v in row) + "]" for row in array]
            lines.append(_literal(start, rows, end))
    return lines


def _float32(value: float) -> str:
    """A float32 in its shortest form when that form gives back the same float32 through
    Python's float (as torch.tensor reads it), else the exact double."""
    single = np.float32(value)
    short = str(single)
    return short if np.float32(float(short)) == single else repr(float(single))


def _literal(start: str, items: list[str], end: str = ")") -> str:
    """``start`` + a list of items + ``end``, on one line when it fits, else wrapped."""
    one = f"{start}[{', '.join(items)}]{end}"
    if len(one) <= LINE:
        return one
    rows, row = [], ""
    for item in items:
        candidate = f"{row} {item}," if row else f"    {item},"
        if len(candidate) > LINE and row:
            rows.append(row)
            candidate = f"    {item},"
        row = candidate
    rows.append(row)
    return "\n".join([f"{start}[", *rows, f"]{end}"])
