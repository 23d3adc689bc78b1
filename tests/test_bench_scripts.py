"""The benchmark and screenshot scripts still match the app (they are run by hand, so a
renamed name would otherwise go unnoticed until someone needs the numbers)."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import torch

BENCH = Path(__file__).resolve().parents[1] / "bench"


def load(script: str):
    spec = importlib.util.spec_from_file_location(script[:-3], BENCH / script)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "script",
    [
        "run_bench.py",
        "screenshots.py",
        "screenshots_overfitting.py",
        "bench_overfitting.py",
        "screenshots_cnn.py",
        "bench_cnn.py",
        "screenshots_rnn.py",
        "bench_rnn.py",
        "bench_deck.py",
    ],
)
def test_script_imports(script):
    assert callable(load(script).main)


def test_bench_compares_the_trainer_with_the_lecture_loop_on_the_same_arithmetic():
    """The benchmark's ratio "bare trainer / plain loop" is only fair while both do the same
    work: after the same steps from the same seed they hold the same parameters."""
    bench = load("run_bench.py")
    for case in bench.cases():
        plain = bench.plain_loop(case.key, case.points)
        trainer, bare = bench.bare_trainer(case.key, case.points)
        plain(50)
        bare(50)
        cells = {name: cell.cell_contents for name, cell in _cells(plain)}
        params = cells["optimizer"].param_groups[0]["params"]  # the lecture's [w, b]
        assert trainer.step_count == 50
        for mine, theirs in zip(trainer.params, params, strict=True):
            assert torch.equal(mine.detach(), theirs.detach()), case.label


def _cells(function):
    return zip(function.__code__.co_freevars, function.__closure__, strict=True)


@pytest.mark.slow
def test_quick_benchmark_runs():
    out = subprocess.run(
        [sys.executable, str(BENCH / "run_bench.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "## Targets" in out.stdout
