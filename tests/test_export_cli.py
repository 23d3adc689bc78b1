"""``desktopdl export``: a lesson file in, slides, tables and code out, no window needed."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from desktopdl import cli
from desktopdl.core import lesson_file
from desktopdl.core.data import PointSet
from desktopdl.core.lessons import lesson
from desktopdl.core.trainer import Trainer
from desktopdl.resources import resource

PRESET = resource("presets", "lecture_binary.json")


def desktopdl(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``python -m desktopdl …`` as a teacher runs it over SSH: no display, no Qt settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return subprocess.run(
        [sys.executable, "-m", "desktopdl", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=180,
    )


def test_export_writes_picture_costs_and_code_that_agree_with_the_app(tmp_path):
    result = desktopdl(
        "export",
        str(PRESET),
        "--png",
        "lesson.png",
        "--code",
        "lesson.py",
        "--csv-costs",
        "costs.csv",
        "--steps",
        "50",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "wrote lesson.png (960 × 600)" in result.stdout
    with Image.open(tmp_path / "lesson.png") as png:
        assert png.size == (960, 600)

    with open(tmp_path / "costs.csv", newline="", encoding="utf-8") as handle:
        header, *rows = list(csv.reader(handle))
    assert header == ["step", "cost"] and len(rows) == 50
    preset = lesson_file.read(PRESET)
    app_costs = Trainer(lesson("binary"), preset.data, preset.settings).step(50)
    assert float(rows[0][1]) == app_costs[0]

    script = subprocess.run(
        [sys.executable, "lesson.py"], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert script.returncode == 0, script.stderr
    printed = dict(line.split(" = ", 1) for line in script.stdout.splitlines())
    assert printed["steps"] == "50"
    assert float(printed["cost"]) == float(rows[-1][1])  # the script ends where the CSV does


def test_a_damaged_file_is_refused_in_one_line_with_exit_code_2(tmp_path):
    (tmp_path / "broken.json").write_text('{"format": "desktopdl-lesson", "versi', "utf-8")
    result = desktopdl("export", "broken.json", "--png", "out.png", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "broken.json" in lines[0] and "damaged" in lines[0]
    assert not (tmp_path / "out.png").exists()


def test_export_without_outputs_says_what_to_ask_for(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["export", str(PRESET)])
    assert stop.value.code == 2
    assert "--png" in capsys.readouterr().err


def test_a_file_of_untrainable_points_is_refused_with_the_lessons_reason(tmp_path, capsys):
    path = tmp_path / "one_class.json"
    lesson_file.write(path, lesson_file.LessonFile("binary", PointSet([[1, 2]], [0])))
    assert cli.main(["export", str(path), "--code", str(tmp_path / "x.py")]) == 2
    assert "Only one class" in capsys.readouterr().err
    assert not (tmp_path / "x.py").exists()


def test_text_outputs_need_no_qt(tmp_path, capsys):
    code = cli.main(
        [
            "export",
            str(PRESET),
            "--notebook",
            str(tmp_path / "n.ipynb"),
            "--csv-points",
            str(tmp_path / "p.csv"),
            "--steps",
            "5",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "n.ipynb" in out and "6 points" in out


def test_desktopdl_file_still_opens_the_file_in_the_window(monkeypatch):
    from desktopdl.qt import app

    opened = []
    monkeypatch.setattr(app, "run", lambda *args: opened.append(args) or 0)
    assert cli.main(["lesson.json"]) == 0
    assert cli.main(["--lesson", "binary"]) == 0
    assert cli.main(["--deck", "week9.json"]) == 0
    assert opened == [
        (None, "lesson.json", None, None, None),
        ("binary", None, None, None, None),
        (None, None, None, None, "week9.json"),
    ]


def test_slides_of_a_damaged_deck_are_refused_with_a_sentence(tmp_path, capsys):
    bad = tmp_path / "bad.deck.json"
    bad.write_text('{"format": "desktopdl-deck", "version": 1}', encoding="utf-8")
    assert cli.main(["export", str(bad), "--slides", str(tmp_path / "out.pdf")]) == 2
    assert "has no slides" in capsys.readouterr().err
    assert not (tmp_path / "out.pdf").exists()
