"""The generated PyTorch script prints the numbers the app's trainer computes.

Every script is run by a separate Python that imports nothing of DesktopDL. To keep this file
fast, one interpreter runs the whole matrix (each script in a fresh namespace with runpy:
every script reseeds torch itself, so nothing carries over), and the lecture's own lesson is
also run the plain way, ``python script.py``.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest

from desktopdl.core import codegen, datasets, lesson_file
from desktopdl.core.data import PointSet
from desktopdl.core.export import new_trainer
from desktopdl.core.lesson_file import LessonFile
from desktopdl.core.lessons import REGISTRY
from desktopdl.core.lessons.network import NetworkConfig
from desktopdl.core.lessons.softmax import ClassesConfig
from desktopdl.core.trainer import TrainSettings
from desktopdl.resources import resource
from tests.lecture import LECTURE_X, LECTURE_Y, lecture_binary

STEPS = 200


def preset(name: str) -> LessonFile:
    return lesson_file.read(resource("presets", name))


def variant(base: LessonFile, **settings) -> LessonFile:
    return replace(base, settings=replace(base.settings, **settings))


LECTURE = LessonFile("binary", PointSet(LECTURE_X, LECTURE_Y), TrainSettings(0.01, 3, 2000))
BLOBS = datasets.generate("blobs", 31, 0.2, seed=1, classes=4)
XOR = datasets.generate("xor", 30, 0.05, seed=2)
LINE = preset("linear_small.json")


def unlimited(
    lr: float,
    seed: int,
    optimizer: str,
    batch_size: int = 0,
    epsilon: float = 0.0,
    model=None,
) -> TrainSettings:
    """Settings with no step limit (the tests run STEPS steps)."""
    return TrainSettings(
        learning_rate=lr,
        seed=seed,
        max_steps=0,
        optimizer=optimizer,
        min_cost_change=epsilon,
        batch_size=batch_size,
        model=model,
    )


def _cases() -> dict[str, LessonFile]:
    # Every preset with data to train on (one that starts empty, for drawing, has none yet).
    presets = [lesson_file.read(path) for path in sorted(resource("presets").glob("*.json"))]
    cases = {
        path.stem: preset
        for path, preset in zip(sorted(resource("presets").glob("*.json")), presets, strict=True)
        if codegen.lesson_of(preset).check_data(preset.data) is None
    }
    cases.update(
        {
            "binary-momentum": variant(LECTURE, optimizer="Momentum"),
            "binary-adam-batch4-eps": variant(
                LECTURE, optimizer="Adam", batch_size=4, min_cost_change=1e-3
            ),
            "linear-adam-eps": variant(
                LINE, optimizer="Adam", learning_rate=0.1, seed=9, min_cost_change=1e-3
            ),
            "linear-sgd-batch4-of-8": variant(LINE, batch_size=4, seed=4),
            "softmax-4-classes-batch7-momentum": LessonFile(
                "softmax",
                BLOBS,
                unlimited(0.05, 2, "Momentum", batch_size=7, model=ClassesConfig(4)),
            ),
            "network-relu-4-classes-sgd-batch8": LessonFile(
                "network",
                BLOBS,
                unlimited(0.1, 5, "SGD", batch_size=8, model=NetworkConfig(4, (6, 5), "relu")),
            ),
            "network-sigmoid-sgd": LessonFile(
                "network", XOR, unlimited(0.5, 1, "SGD", model=NetworkConfig(2, (4,), "sigmoid"))
            ),
            "network-linear-no-hidden-adam-eps": LessonFile(
                "network",
                XOR,
                unlimited(0.05, 3, "Adam", epsilon=1e-4, model=NetworkConfig(2, (), "linear")),
            ),
            "network-tanh-momentum-3-layers": LessonFile(
                "network", XOR, unlimited(0.1, 6, "Momentum", model=NetworkConfig(2, (5, 4, 3)))
            ),
        }
    )
    for name in ("binary-momentum", "network-sigmoid-sgd"):
        cases[f"{name}-from-saved-weights"] = with_weights(cases[name])
    return {name: variant(case, device="cpu") for name, case in sorted(cases.items())}


def with_weights(case: LessonFile) -> LessonFile:
    """The lesson file saved after some training: the app starts from its weights."""
    trainer = new_trainer(case)
    trainer.step(30)
    return replace(case, weights=tuple(float(v) for v in trainer.flat_params()))


CASES = _cases()
# The app trains on one thread (the worker and tests/conftest.py set it): on a machine with
# several cores, torch would split a 400-point matmul's sums across threads and round them
# in another order, so the scripts run on one thread too.
RUNNER = """
import runpy, sys
import torch
torch.set_num_threads(1)
for path in sys.argv[1:]:
    print("=== " + path, flush=True)
    runpy.run_path(path, run_name="__main__")
"""


def parse(output: str) -> dict:
    """The script's ``name = value`` lines as Python values."""
    values = {}
    for line in output.strip().splitlines():
        name, _, value = line.partition(" = ")
        values[name] = ast.literal_eval(value)
    return values


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, dict]:
    """What each case's script, and the lecture notebook's cells, print: one interpreter."""
    folder = tmp_path_factory.mktemp("scripts")
    paths = {}
    for name, case in CASES.items():
        paths[name] = folder / f"{name}.py"
        paths[name].write_text(codegen.lesson_script(case, STEPS), encoding="utf-8")
    cells = codegen.notebook(preset("lecture_binary.json"), STEPS)["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    paths["notebook"] = folder / "notebook_cells.py"
    paths["notebook"].write_text(code, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, *map(str, paths.values())],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    chunks = result.stdout.split("=== ")[1:]
    by_path = {chunk.split("\n", 1)[0]: parse(chunk.split("\n", 1)[1]) for chunk in chunks}
    return {name: by_path[str(path)] for name, path in paths.items()}


def app_numbers(case: LessonFile, fast_path: bool = True) -> dict:
    """What the app shows after STEPS steps: its trainer's costs, parameters, test and
    accuracy, in the script's names."""
    trainer = new_trainer(case)
    trainer.fast_path = fast_path
    costs = trainer.step(STEPS)
    snap = trainer.snapshot()
    outputs = trainer.lesson.predict(list(snap.params), trainer.lesson.probe_input(case.data))
    return {
        "steps": len(costs),
        "cost": float(costs[-1]),
        "H(x_test)": outputs,
        "params": [np.asarray(p) for p in snap.params],
        "accuracy": snap.accuracy,
    }


def uses_fast_path(case: LessonFile) -> bool:
    return case.lesson == "network" and case.settings.optimizer == "SGD"


def test_the_matrix_covers_every_lesson_and_the_stop_rules():
    assert {case.lesson for case in CASES.values()} == set(REGISTRY)
    settings = [case.settings for case in CASES.values()]
    assert {s.optimizer for s in settings} == {"SGD", "Momentum", "Adam"}
    assert any(s.min_cost_change for s in settings) and any(s.batch_size for s in settings)


@pytest.mark.parametrize("name", sorted(CASES))
def test_script_prints_the_numbers_the_trainer_computes(name, printed):
    case, script = CASES[name], printed[name]
    if uses_fast_path(case):
        # The app's hand-written SGD step differs from autograd in float rounding only:
        # the script equals the trainer's autograd loop exactly, and the app's numbers closely.
        exact, app = app_numbers(case, fast_path=False), app_numbers(case)
        assert script["steps"] == app["steps"]
        assert script["cost"] == pytest.approx(app["cost"], abs=1e-5)
        flat = np.concatenate([np.ravel(script[n]) for n in codegen.param_names(case)])
        assert np.allclose(flat, np.concatenate([p.ravel() for p in app["params"]]), atol=1e-3)
    else:
        exact = app_numbers(case)
    assert script["steps"] == exact["steps"]
    assert script["cost"] == exact["cost"]
    for param, value in zip(codegen.param_names(case), exact["params"], strict=True):
        assert np.array_equal(np.asarray(script[param], dtype=np.float32), value), param
    assert np.array_equal(np.ravel(script["H(x_test)"]).astype(np.float32), exact["H(x_test)"])
    assert script.get("accuracy") == exact["accuracy"]


def test_the_stop_rule_epsilon_ends_the_script_early_like_the_app(printed):
    stopped = [n for n, c in CASES.items() if c.settings.min_cost_change]
    assert stopped and all(printed[n]["steps"] < STEPS for n in stopped)


def test_lecture_script_run_with_plain_python_prints_the_lectures_numbers(tmp_path):
    """The lecture's 6 points, 2000 steps: the generated script, run as ``python file.py``,
    prints the very H(x_test), w and b of the lecture's own code."""
    script = tmp_path / "lecture.py"
    script.write_text(codegen.lesson_script(LECTURE), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert result.returncode == 0, result.stderr
    values = parse(result.stdout)
    w, b, h_test, _ = lecture_binary(seed=3)
    assert values["steps"] == 2000
    assert values["H(x_test)"] == h_test
    assert np.array_equal(np.float32(values["w"]), w.numpy())
    assert np.array_equal(np.float32(values["b"]), b.numpy())


def test_script_reads_like_the_lecture():
    text = codegen.lesson_script(LECTURE)
    lines = text.splitlines()
    for line in (
        "import torch",
        "torch.manual_seed(3)",
        "x_train = torch.FloatTensor([[1, 2], [2, 3], [3, 4], [4, 4], [5, 3], [6, 2]])",
        "y_train = torch.FloatTensor([[0], [0], [0], [1], [1], [1]])",
        "w = torch.randn([2, 1], requires_grad=True)",
        "b = torch.randn([1], requires_grad=True)",
        "optimizer = torch.optim.SGD([w, b], lr=0.01)",
        "# [딥러닝의 1단계]: 모델을 만든다.",
        "def H(x):",
        "# [딥러닝의 2단계] 학습을 한다",
        "for step in range(2000):",
        "    cost = -torch.mean(y_train * torch.log(H(x_train)) + (1 - y_train) * "
        "torch.log(1 - H(x_train)))",
        "# [딥러닝의 3단계] 추론/테스트를 한다.",
        'print("H(x_test) =", H(x_test).detach().item())',
    ):
        assert any(had == line or had.startswith(line + "  #") for had in lines), line
    assert "x_test = torch.FloatTensor([[6, 4]])" in text
    assert not re.search(r"^\s*(import|from) desktopdl", text, re.MULTILINE)
    compile(text, "lecture.py", "exec")


def test_optimizer_and_network_lines_name_the_settings():
    momentum = codegen.lesson_script(variant(LECTURE, optimizer="Momentum", learning_rate=0.5))
    assert "optimizer = torch.optim.SGD([w, b], lr=0.5, momentum=0.9)" in momentum
    net = codegen.lesson_script(CASES["network-relu-4-classes-sgd-batch8"])
    assert "w1 = ((torch.rand([2, 6]) * 2 - 1) * (1 / math.sqrt(2))).requires_grad_()" in net
    assert "optimizer = torch.optim.SGD([w1, b1, w2, b2, w3, b3], lr=0.1)" in net
    assert "torch.relu(torch.matmul(h1, w2) + b2)" in net
    assert "shuffle = torch.Generator().manual_seed(6)" in net


def test_notebook_is_nbformat_4_with_the_three_stages_and_prints_the_script_numbers(printed):
    book = json.loads(json.dumps(codegen.notebook(preset("lecture_binary.json"), STEPS)))
    assert book["nbformat"] == 4 and book["nbformat_minor"] >= 5
    assert book["metadata"]["kernelspec"]["language"] == "python"
    headings = [
        c["source"][0] for c in book["cells"] if c["cell_type"] == "markdown" and c["source"]
    ]
    assert [h.strip() for h in headings[1:]] == ["## ① Model", "## ② Train", "## ③ Test"]
    for cell in book["cells"]:
        assert set(cell) >= {"cell_type", "id", "metadata", "source"}
        assert all(isinstance(line, str) for line in cell["source"])
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None
    assert len({c["id"] for c in book["cells"]}) == len(book["cells"])
    assert printed["notebook"] == printed["lecture_binary"]


def test_data_the_lesson_cannot_train_on_is_refused_with_its_reason():
    one_class = LessonFile("binary", PointSet([[1, 2], [2, 3]], [0, 0]))
    with pytest.raises(ValueError, match="Only one class"):
        codegen.lesson_script(one_class)


def test_steps_follow_the_step_limit_like_the_trainer():
    limited, unlimited = TrainSettings(max_steps=50), TrainSettings(max_steps=0)
    assert codegen.planned_steps(limited, 200) == 50
    assert codegen.planned_steps(limited) == 50
    assert codegen.planned_steps(unlimited, 200) == 200
    assert codegen.planned_steps(unlimited) == codegen.DEFAULT_STEPS
    with pytest.raises(ValueError):
        codegen.planned_steps(unlimited, 0)
