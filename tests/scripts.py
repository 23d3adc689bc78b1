"""Run an exported lesson script with plain Python and read what it prints."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path


def run_script(text: str, folder: Path, name: str = "lesson.py") -> dict:
    """Write ``text`` to ``folder/name``, run it, and return its ``name = value`` lines as
    Python values (the script must succeed)."""
    script = folder / name
    script.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=folder, timeout=120
    )
    assert result.returncode == 0, result.stderr
    printed = {}
    for line in result.stdout.strip().splitlines():
        key, _, value = line.partition(" = ")
        printed[key] = ast.literal_eval(value)
    return printed
