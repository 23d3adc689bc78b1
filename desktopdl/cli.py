"""Command line: ``desktopdl [FILE] [--lesson KEY] [--deck DECK] [--version] [--self-test]``,
``desktopdl export FILE [--png …] [--code …] …`` to write a lesson's pictures, animation,
tables and code without a window, and ``desktopdl export DECK --slides OUT`` for a deck's
handout (a PDF, or a folder of PNGs with the notes).
"""

from __future__ import annotations

import argparse
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
    from desktopdl.core.lessons import REGISTRY

    if args.lesson is not None and args.lesson not in REGISTRY:
        print(
            f"desktopdl: unknown lesson {args.lesson!r}; choose from {', '.join(REGISTRY)}",
            file=sys.stderr,
        )
        return 2
    return app.run(args.lesson, args.file, args.scale, args.restore_session, args.deck)


# -- desktopdl export ------------------------------------------------------------------------


def export_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="desktopdl export",
        description=(
            "Train a lesson file headless (no window) and write what you ask for: pictures for "
            "slides, an animation of training, CSV tables, the lesson as PyTorch code."
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
    p.add_argument("--width", type=_positive, help="pixel width of PNG, GIF and MP4 (default 960)")
    p.add_argument("--frames", type=_positive, default=60, help="animation frames (default 60)")
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


def export_main(argv: list[str]) -> int:
    """Write the requested outputs; exit 2 for a file that cannot be used, 1 when an output
    cannot be written. Training runs once, on the CPU, in this process."""
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

    import torch

    from desktopdl.core import export, lesson_file
    from desktopdl.core.lessons import lesson_class

    torch.set_num_threads(1)  # like the app's training thread: small models, no contention
    try:
        lesson = lesson_file.read(args.file)
        run = export.train(lesson, args.steps)
    except (lesson_file.LessonFileError, ValueError) as error:
        print(f"desktopdl export: {args.file}: {_one_line(error)}", file=sys.stderr)
        return 2
    if run.trainer.message:
        print(f"note: {_one_line(run.trainer.message)}", file=sys.stderr)
    translate = _translator(args.lang or system_language())
    try:
        if args.code:
            export.save_script(lesson, args.code, args.steps, translate)
            _wrote(args.code)
        if args.notebook:
            export.save_notebook(lesson, args.notebook, args.steps, translate)
            _wrote(args.notebook)
        if args.csv_points:
            export.save_csv_points(
                lesson.data, args.csv_points, regression=not lesson_class(lesson.lesson).n_classes
            )
            _wrote(args.csv_points, f"{len(lesson.data)} points")
        if args.csv_costs:
            export.save_csv_costs(run.steps, run.costs, args.csv_costs)
            _wrote(args.csv_costs, f"{len(run.costs)} steps")
        if any(pictures):
            _export_pictures(args, lesson, run)
    except (OSError, ValueError) as error:
        print(f"desktopdl export: {_one_line(error)}", file=sys.stderr)
        return 1
    return 0


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


def _export_pictures(args: argparse.Namespace, lesson, run) -> None:
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktopdl.qt import exporting

    exporting.ensure_app()
    size = exporting.picture_size(args.width)
    if args.png:
        saved = exporting.save_lesson_png(lesson, args.png, args.steps, args.width, run)
        _wrote(args.png, f"{saved.width()} × {saved.height()}")
    if args.svg:
        exporting.save_lesson_svg(lesson, args.svg, args.steps, run)
        _wrote(args.svg)
    animations = [path for path in (args.gif, args.mp4) if path]
    if animations:
        frames = exporting.record_frames(lesson, args.steps, args.frames, size)
        if args.gif:
            exporting.write_gif(frames, args.gif)
            _wrote(args.gif, f"{len(frames)} frames")
        if args.mp4:
            exporting.write_mp4(frames, args.mp4)
            _wrote(args.mp4, f"{len(frames)} frames")


def _wrote(path: str, detail: str = "") -> None:
    print(f"wrote {Path(path)}" + (f" ({detail})" if detail else ""))


def _one_line(error: object) -> str:
    return " ".join(str(error).split())


if __name__ == "__main__":
    sys.exit(main())
