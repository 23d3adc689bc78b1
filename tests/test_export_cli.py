"""``desktopdl export``: a lesson file in, slides, tables and code out, no window needed."""

from __future__ import annotations

import csv
import errno
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from desktopdl import cli
from desktopdl.core import export, lesson_file
from desktopdl.core.data import PointSet
from desktopdl.core.lessons import lesson
from desktopdl.core.trainer import Trainer
from desktopdl.resources import resource

PRESET = resource("presets", "lecture_binary.json")


def desktopdl(*args: str, cwd: Path, timeout: float = 180) -> subprocess.CompletedProcess:
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
        timeout=timeout,
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


# -- bounded training: the code trains nothing, the pictures at most MAX_EXPORT_STEPS --------


def endless_lesson(tmp_path: Path) -> Path:
    """A line fit with the largest step limit a file may hold (10⁷) and no ε stop: training
    it whole would take hours (it neither converges to a stop nor diverges)."""
    preset = lesson_file.read(resource("presets", "linear_small.json"))
    most = lesson_file.MAX_STEP_LIMIT
    endless = replace(preset.settings, max_steps=most, min_cost_change=0.0)
    path = tmp_path / "endless.json"
    lesson_file.write(path, replace(preset, settings=endless))
    return path


def test_the_code_of_a_lesson_with_a_huge_step_limit_is_written_without_training(tmp_path):
    endless_lesson(tmp_path)
    result = desktopdl(
        "export", "endless.json", "--code", "endless.py", "--notebook", "endless.ipynb",
        "--csv-points", "points.csv", cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "wrote endless.py" in result.stdout and "wrote endless.ipynb" in result.stdout
    assert str(lesson_file.MAX_STEP_LIMIT) in (tmp_path / "endless.py").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "asked",
    [("--png", "out.png"), ("--csv-costs", "out.csv"), ("--gif", "out.gif")],
    ids=lambda asked: asked[0],
)
def test_pictures_of_a_run_too_long_to_train_are_refused_with_the_bound(tmp_path, asked):
    endless_lesson(tmp_path)
    result = desktopdl("export", "endless.json", *asked, "--code", "x.py", cwd=tmp_path, timeout=60)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{lesson_file.MAX_STEP_LIMIT:,} steps" in lines[0], result.stderr
    assert f"--steps {export.MAX_EXPORT_STEPS}" in lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["endless.json"]  # nothing written


def test_a_step_count_within_the_bound_exports_a_lesson_with_a_huge_step_limit(tmp_path, capsys):
    path = endless_lesson(tmp_path)
    costs = tmp_path / "costs.csv"
    assert cli.main(["export", str(path), "--csv-costs", str(costs), "--steps", "30"]) == 0
    assert "30 steps" in capsys.readouterr().out
    assert len(costs.read_text(encoding="utf-8").splitlines()) == 31


def test_steps_beyond_the_bound_are_refused_by_name(tmp_path, capsys):
    steps = str(export.MAX_EXPORT_STEPS + 1)
    out = tmp_path / "costs.csv"
    path = endless_lesson(tmp_path)
    assert cli.main(["export", str(path), "--csv-costs", str(out), "--steps", steps]) == 2
    assert f"--steps is {export.MAX_EXPORT_STEPS + 1:,} steps" in capsys.readouterr().err
    assert not out.exists()


def test_the_command_lines_bound_is_the_export_modules():
    assert cli.MAX_EXPORT_STEPS == export.MAX_EXPORT_STEPS


def test_animations_too_big_for_memory_are_refused(tmp_path, capsys):
    with pytest.raises(SystemExit):
        cli.main(["export", str(PRESET), "--gif", "x.gif", "--frames", str(cli.MAX_FRAMES + 1)])
    assert f"at most {cli.MAX_FRAMES}" in capsys.readouterr().err
    gif = tmp_path / "x.gif"
    args = ["--gif", str(gif), "--frames", "600", "--width", "8000", "--steps", "5"]
    assert cli.main(["export", str(PRESET), *args]) == 2
    assert "GB of memory" in capsys.readouterr().err and not gif.exists()


# -- bounded reading -------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_given_as_the_lesson_is_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "pipe.json")
    result = desktopdl("export", "pipe.json", "--code", "x.py", cwd=tmp_path, timeout=60)
    assert result.returncode == 2
    assert "pipe.json is a folder, a device or a pipe, not a lesson file" in result.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_endless_device_given_as_the_lesson_is_refused(tmp_path, capsys):
    assert cli.main(["export", "/dev/zero", "--code", str(tmp_path / "x.py")]) == 2
    assert "a device or a pipe" in capsys.readouterr().err


# -- every export is written whole or not at all ---------------------------------------------


def _disk_full(*_args):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize(
    "option",
    ["--code", "--notebook", "--csv-points", "--csv-costs", "--png", "--svg", "--gif", "--mp4"],
)
def test_an_export_on_a_full_disk_keeps_the_old_file_whole(tmp_path, monkeypatch, capsys, option):
    old = tmp_path / f"old{option.replace('--', '.')}"
    old.write_bytes(b"a valid file from yesterday\n")
    monkeypatch.setattr(lesson_file.os, "replace", _disk_full)
    args = ["export", str(PRESET), option, str(old), "--steps", "5", "--frames", "2"]
    assert cli.main(args) == 1
    err = capsys.readouterr().err.strip()
    said = "the disk is full (the file as it was is kept)"
    assert err == f"desktopdl export: {old} could not be written: {said}"
    assert old.read_bytes() == b"a valid file from yesterday\n"
    assert [p.name for p in tmp_path.iterdir()] == [old.name]  # no temporary left behind


@pytest.mark.parametrize("option", ["--code", "--csv-costs", "--png", "--gif"])
def test_an_export_through_a_symbolic_link_writes_its_target(tmp_path, capsys, option):
    target = tmp_path / "real" / f"out{option.replace('--', '.')}"
    target.parent.mkdir()
    target.write_bytes(b"old")
    link = tmp_path / target.name
    link.symlink_to(target)
    assert (
        cli.main(["export", str(PRESET), option, str(link), "--steps", "5", "--frames", "2"]) == 0
    )
    assert link.is_symlink() and link.resolve() == target
    assert target.read_bytes() != b"old" and target.stat().st_size > 10
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_a_read_only_destination_is_said_in_one_line(tmp_path, monkeypatch, capsys):
    def read_only(*_args, dir=None, **_kwargs):  # noqa: A002 - mkstemp's own name
        raise PermissionError(errno.EROFS, "Read-only file system", str(Path(dir) / ".x.tmp"))

    monkeypatch.setattr(lesson_file.tempfile, "mkstemp", read_only)
    out = tmp_path / "lesson.py"
    assert cli.main(["export", str(PRESET), "--code", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == (
        f"desktopdl export: {out} could not be written: "
        "this place is read-only, or you may not write there"
    )


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write a read-only folder"
)
def test_a_read_only_folder_is_refused_in_one_line(tmp_path, capsys):
    folder = tmp_path / "handouts"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert cli.main(["export", str(PRESET), "--code", str(folder / "x.py")]) == 1
    finally:
        folder.chmod(0o755)
    assert "read-only, or you may not write there" in capsys.readouterr().err


def test_a_handout_pdf_on_a_full_disk_keeps_the_old_one_and_writes_through_a_link(
    tmp_path, monkeypatch
):
    from PySide6.QtGui import QImage

    from desktopdl.qt import deck as qt_deck
    from desktopdl.qt import exporting

    exporting.ensure_app()
    page = QImage(64, 40, QImage.Format.Format_RGB32)
    page.fill(0x3366AA)
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"%PDF last week's handout")
    link = tmp_path / "week9.pdf"
    link.symlink_to(target)
    with monkeypatch.context() as patched:
        patched.setattr(lesson_file.os, "replace", _disk_full)
        with pytest.raises(OSError):
            qt_deck._write_pdf([page, page], link)
    assert target.read_bytes() == b"%PDF last week's handout"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.pdf", "week9.pdf"]
    assert qt_deck._write_pdf([page, page], link) == [link]
    assert link.is_symlink() and target.read_bytes().startswith(b"%PDF-")


def test_the_script_can_go_to_standard_output(tmp_path):
    # /dev/stdout is a pipe here: written straight, never replaced by a plain file.
    result = desktopdl("export", str(PRESET), "--code", "/dev/stdout", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "import torch" in result.stdout and "wrote /dev/stdout" in result.stdout
