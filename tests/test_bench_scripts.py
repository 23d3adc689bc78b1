"""The benchmark and screenshot scripts still match the app (they are run by hand, so a
renamed name would otherwise go unnoticed until someone needs the numbers)."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.mark.parametrize("script", ["run_bench.py", "screenshots.py"])
def test_script_imports(script):
    spec = importlib.util.spec_from_file_location(script[:-3], BENCH / script)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    assert callable(module.main)


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
