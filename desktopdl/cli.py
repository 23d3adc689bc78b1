"""Command line: ``desktopdl [FILE] [--lesson KEY] [--version] [--self-test]``."""

from __future__ import annotations

import argparse
import sys

import desktopdl


def parser() -> argparse.ArgumentParser:
    from desktopdl.core.lessons import LESSONS

    p = argparse.ArgumentParser(
        prog="desktopdl", description="Teach the basics of deep learning on a projector."
    )
    p.add_argument("file", nargs="?", help="a lesson file (.json) to open")
    p.add_argument("--version", action="version", version=f"DesktopDL {desktopdl.__version__}")
    p.add_argument("--lesson", choices=sorted(LESSONS), help="open this lesson's tab")
    p.add_argument("--scale", type=float, help="size of every font, marker and line (e.g. 1.5)")
    p.add_argument(
        "--self-test",
        action="store_true",
        help="build the window offscreen, train every lesson a few steps, exit 0 on success",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        from desktopdl.qt import app
    except ImportError as error:
        print(f"DesktopDL cannot start its window: {error}", file=sys.stderr)
        return 2
    if args.self_test:
        return app.self_test()
    return app.run(args.lesson, args.file, args.scale)


if __name__ == "__main__":
    sys.exit(main())
