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
        "bench_pages.py",
        "bench_small_batch.py",
        "bench_soak.py",
        "bench_startup.py",
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


def test_every_section_module_is_in_the_suite():
    """A section written under bench/sections/ but not listed in run_bench.sections() would
    silently never run: every Section subclass there is in the suite, once."""
    bench = load("run_bench.py")
    from bench.harness import Section
    from bench.report import KeptSection

    defined = set()
    for path in sorted((BENCH / "sections").glob("*.py")):
        module = importlib.import_module(f"bench.sections.{path.stem}")
        defined |= {
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, Section)
            and value.__module__ == module.__name__
        }
    suite = [type(section) for section in bench.sections("", None)]
    assert sorted(suite, key=str) == sorted(defined - {KeptSection}, key=str)
    assert all(section.title for section in bench.sections("", None))


def test_a_rewrite_keeps_the_sections_kept_by_hand():
    """docs/benchmarks.md's deck figures are measured by hand; writing the report from a run
    carries them over word for word (and says how to measure them when there are none)."""
    load("run_bench.py")
    from bench.harness import QUICK, Context
    from bench.report import document
    from bench.sections.deck import Deck

    previous = (BENCH.parent / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    start, end = previous.index("<!-- kept: deck -->"), previous.index("<!-- /kept: deck -->")
    kept = previous[start : end + len("<!-- /kept: deck -->")]
    assert "week9.json" in kept  # the hand-measured export is inside the markers
    written = document([Deck(previous)], Context(QUICK), 1.0)
    assert kept in written
    assert "## 1. The week-9 deck" in written
    fresh = document([Deck("")], Context(QUICK), 1.0)
    assert "bench.bench_deck" in fresh and "week9.json" in fresh
