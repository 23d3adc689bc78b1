"""Command line: ``desktopdl [FILE] [--lesson KEY] [--deck DECK] [--version] [--self-test]``,
``desktopdl export FILE [--png …] [--code …] …`` to write a lesson's pictures, animation,
tables and code without a window, and ``desktopdl export DECK --slides OUT`` for a deck's
handout (a PDF, or a folder of PNGs with the notes).
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path

import desktopdl


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="desktopdl", description="Teach the basics of deep learning on a projector."
    )
    p.add_argument("file", nargs="?", help="a lesson file (.json) to open")
    p.add_argument("--version", action="version", version=f"DesktopDL {desktopdl.__version__}")
    # Not a list of choices: the registry imports torch, which --version and --help skip.
    p.add_argument("--lesson", metavar="KEY", help="open this lesson's tab (linear, cnn, …)")
    p.add_argument("--deck", metavar="DECK", help="open a deck (a lecture of live slides)")
    p.add_argument("--scale", type=float, help="size of every font, marker and line (e.g. 1.5)")
    # Used by the window itself: a language switch restarts it with the lessons as they were.
    p.add_argument("--restore-session", metavar="DIR", help=argparse.SUPPRESS)
    p.add_argument(
        "--self-test",
        action="store_true",
        help="build the window offscreen, train every lesson a few steps, exit 0 on success",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # "export" is checked before the main parser so that ``desktopdl FILE`` keeps opening
    # FILE: a subparser would claim the positional argument for the command's name.
    if argv[:1] == ["export"]:
        return export_main(argv[1:])
    args = parser().parse_args(argv)
    try:
        from desktopdl.qt import app
    except ImportError as error:
        print(f"DesktopDL cannot start its window: {error}", file=sys.stderr)
        return 2
    if args.self_test:
        return app.self_test()
    # run() paints its first window before importing torch, then checks --lesson's key
    # against the registry (which needs torch) and exits 2 for an unknown one.
    return app.run(args.lesson, args.file, args.scale, args.restore_session, args.deck)


# -- desktopdl export ------------------------------------------------------------------------


#: Mirrors desktopdl.core.export.MAX_EXPORT_STEPS (not imported: it would load torch for
#: --help); a test checks that the two agree.
MAX_EXPORT_STEPS = 20_000
#: The widest picture (as the window's "Canvas as PNG" dialog allows).
MAX_WIDTH = 8000
#: The most frames of an animation: 48 s of GIF, 40 s of MP4.
MAX_FRAMES = 600
#: An animation's frames are held in memory until written: at most this many bytes of them.
MAX_FRAME_BYTES = 4 * 1024**3


def export_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="desktopdl export",
        description=(
            "Train a lesson file headless (no window) and write what you ask for: pictures for "
            "slides, an animation of training, CSV tables, the lesson as PyTorch code. "
            "The code, the notebook and the points train nothing; the pictures and the cost "
            f"table train at most {MAX_EXPORT_STEPS:,} steps. Each file is written whole or "
            "not at all."
        ),
    )
    p.add_argument(
        "file", help="a lesson file (.json), e.g. one of resources/presets; or a deck with --slides"
    )
    outputs = p.add_argument_group("outputs (at least one)")
    outputs.add_argument("--png", metavar="OUT.png", help="points, model and cost curve")
    outputs.add_argument("--svg", metavar="OUT.svg", help="the canvas (points and model)")
    outputs.add_argument("--gif", metavar="OUT.gif", help="an animation of the training")
    outputs.add_argument("--mp4", metavar="OUT.mp4", help="the same animation as a video")
    outputs.add_argument("--csv-points", metavar="OUT.csv", help="the training points")
    outputs.add_argument("--csv-costs", metavar="OUT.csv", help="each step's cost")
    outputs.add_argument("--code", metavar="OUT.py", help="the lesson as a PyTorch script")
    outputs.add_argument("--notebook", metavar="OUT.ipynb", help="the same as a notebook")
    outputs.add_argument(
        "--slides",
        metavar="OUT",
        help="FILE is a deck: every slide trained to its state, as OUT.pdf or a folder of PNGs",
    )
    p.add_argument(
        "--steps",
        type=_positive,
        help="training steps (default: the file's step limit, or 2000 when it has none)",
    )
    p.add_argument(
        "--width",
        type=_at_most(MAX_WIDTH),
        help=f"pixel width of PNG, GIF and MP4 (default 960, at most {MAX_WIDTH})",
    )
    p.add_argument(
        "--frames",
        type=_at_most(MAX_FRAMES),
        default=60,
        help=f"animation frames (default 60, at most {MAX_FRAMES})",
    )
    p.add_argument(
        "--lang",
        choices=("en", "ko"),
        help="language of the pictures' words and the script's comments "
        "(default: the system's language)",
    )
    return p


def system_language() -> str:
    """ko when the system speaks Korean (LC_ALL, LC_MESSAGES, LANG), else en."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


def _translator(language: str):
    """The function that puts core sentences into ``language`` (None for English): the
    window's own Korean catalogue, loaded into a Qt application made for the purpose."""
    if language != "ko":
        return None
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktopdl.qt import exporting, i18n

    i18n.install(exporting.ensure_app(), "ko")
    return i18n.tr_core


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _at_most(most: int):
    """An argparse type: a whole number from 1 to ``most``."""

    def check(text: str) -> int:
        value = _positive(text)
        if value > most:
            raise argparse.ArgumentTypeError(f"must be at most {most:,}")
        return value

    return check


def export_main(argv: list[str]) -> int:
    """Write the requested outputs; exit 2 for a file that cannot be used (or a run too long
    to train), 1 when an output cannot be written. The code, the notebook and the points are
    written without training; the cost table and the pictures share one run, on the CPU, in
    this process, of at most MAX_EXPORT_STEPS steps."""
    p = export_parser()
    args = p.parse_args(argv)
    pictures = [args.png, args.svg, args.gif, args.mp4]
    tables = [args.csv_points, args.csv_costs, args.code, args.notebook]
    if args.slides:
        if any(pictures + tables):
            p.error("--slides takes a deck; export a lesson's other outputs separately")
        return export_slides(args)
    if not any(pictures + tables):
        p.error("name at least one output, e.g. --png out.png or --code out.py")
    trains = bool(args.csv_costs or any(pictures))

    import torch

    from desktopdl.core import codegen, export, lesson_file
    from desktopdl.core.lessons import lesson_class

    torch.set_num_threads(1)  # like the app's training thread: small models, no contention
    try:
        lesson = lesson_file.read(args.file)
        export.trainable(lesson)  # the lesson's own reason, before anything is written
        steps = codegen.planned_steps(lesson.settings, args.steps)
    except (lesson_file.LessonFileError, ValueError) as error:
        print(f"desktopdl export: {args.file}: {_one_line(error)}", file=sys.stderr)
        return 2
    if trains and steps > MAX_EXPORT_STEPS:
        asked = "--steps" if args.steps else "the lesson's step limit"
        print(
            f"desktopdl export: {args.file}: {asked} is {steps:,} steps, more than an export "
            f"trains (at most {MAX_EXPORT_STEPS:,}). Pass --steps {MAX_EXPORT_STEPS} or fewer, "
            "or ask only for --code, --notebook or --csv-points, which train nothing.",
            file=sys.stderr,
        )
        return 2
    if args.gif or args.mp4:
        width, height = exporting_size(args.width)
        needed = args.frames * width * height * 3
        if needed > MAX_FRAME_BYTES:
            print(
                f"desktopdl export: {args.frames} frames of {width} × {height} pixels need "
                f"{needed / 1024**3:.0f} GB of memory (at most {MAX_FRAME_BYTES // 1024**3} GB). "
                "Ask for fewer --frames or a smaller --width.",
                file=sys.stderr,
            )
            return 2
    translate = _translator(args.lang or system_language())
    outputs = [
        (args.code, lambda path: export.save_script(lesson, path, args.steps, translate), ""),
        (
            args.notebook,
            lambda path: export.save_notebook(lesson, path, args.steps, translate),
            "",
        ),
        (
            args.csv_points,
            lambda path: export.save_csv_points(
                lesson.data, path, regression=not lesson_class(lesson.lesson).n_classes
            ),
            f"{len(lesson.data)} points",
        ),
    ]
    for path, write, detail in outputs:
        if path and not _write(path, write, detail):
            return 1
    if not trains:
        return 0
    run = export.train(lesson, args.steps)
    if run.trainer.message:
        print(f"note: {_one_line(run.trainer.message)}", file=sys.stderr)
    if args.csv_costs and not _write(
        args.csv_costs,
        lambda path: export.save_csv_costs(run.steps, run.costs, path),
        f"{len(run.costs)} steps",
    ):
        return 1
    if any(pictures):
        return 0 if _export_pictures(args, lesson, run) else 1
    return 0


def exporting_size(width: int | None) -> tuple[int, int]:
    """The pixel size of a picture ``width`` wide (desktopdl.qt.exporting.picture_size,
    without importing Qt)."""
    width = width or 960
    return width, round(width * 600 / 960)


def _write(path: str, write, detail: str = "") -> bool:
    """Write one output; say so, or say in one line why it could not be written."""
    try:
        result = write(path)
    except (OSError, ValueError) as error:
        print(f"desktopdl export: {path} could not be written: {_reason(error)}", file=sys.stderr)
        return False
    _wrote(path, detail(result) if callable(detail) else detail)
    return True


def _reason(error: Exception) -> str:
    """Why a file could not be written, in words (not the temporary file's errno line)."""
    code = getattr(error, "errno", None)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "the disk is full (the file as it was is kept)"
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "this place is read-only, or you may not write there"
    if code == errno.ENOENT:
        return "its folder does not exist"
    if code == errno.EISDIR:
        return "it is a folder"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return _one_line(error)


def export_slides(args: argparse.Namespace) -> int:
    """A deck's handout: each slide run in an offscreen window, as the class would see it."""
    from desktopdl.core import deck as decks

    try:
        loaded = decks.read(args.file)
    except decks.DeckError as error:
        print(f"desktopdl export: {args.file}: {_one_line(error)}", file=sys.stderr)
        return 2
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import torch

    from desktopdl.qt import app, deck

    torch.set_num_threads(1)
    language = args.lang or system_language()
    qt_app = app.application()
    from desktopdl.qt import i18n

    i18n.install(qt_app, language)

    def progress(done: int, total: int) -> None:
        print(f"slide {done} / {total}", file=sys.stderr)

    try:
        written, seconds = deck.export_slides(loaded, args.slides, language, progress)
    except (OSError, TimeoutError) as error:
        print(f"desktopdl export: {_one_line(error)}", file=sys.stderr)
        return 1
    for path in written:
        _wrote(str(path))
    print(f"{len(loaded.slides)} slides in {seconds:.1f} s")
    return 0


def _export_pictures(args: argparse.Namespace, lesson, run) -> bool:
    """The PNG, SVG and animations; False when one could not be written (said why)."""
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktopdl.qt import exporting

    exporting.ensure_app()
    size = exporting.picture_size(args.width)
    if args.png and not _write(
        args.png,
        lambda path: exporting.save_lesson_png(lesson, path, args.steps, args.width, run),
        lambda saved: f"{saved.width()} × {saved.height()}",
    ):
        return False
    if args.svg and not _write(
        args.svg, lambda path: exporting.save_lesson_svg(lesson, path, args.steps, run)
    ):
        return False
    if args.gif or args.mp4:
        frames = exporting.record_frames(lesson, args.steps, args.frames, size)
        for path, write in ((args.gif, exporting.write_gif), (args.mp4, exporting.write_mp4)):
            if path and not _write(
                path, lambda out, w=write: w(frames, out), f"{len(frames)} frames"
            ):
                return False
    return True


def _wrote(path: str, detail: str = "") -> None:
    print(f"wrote {Path(path)}" + (f" ({detail})" if detail else ""))


def _one_line(error: object) -> str:
    return " ".join(str(error).split())


if __name__ == "__main__":
    sys.exit(main())
