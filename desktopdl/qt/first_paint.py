"""What the teacher sees before torch and the lessons are loaded: a window within the first
second, and a sentence instead of Qt's abort text when the X11 plugin cannot load.

Importing torch, pyqtgraph and building every lesson's page takes a few seconds on a
classroom laptop; a start with nothing on screen for that long looks like a click that did
not work. This module imports only Qt's widgets and the small ``i18n`` module, so
``desktopdl.qt.app.run()`` can paint ``FirstWindow`` first and load the rest behind it.
"""

from __future__ import annotations

import ctypes
import json
import os
import sys
import time

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRectF,
    QSettings,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

import desktopdl
from desktopdl.resources import resource

#: The colours of ``theme.Look`` (light and dark), repeated here because the theme module
#: imports pyqtgraph, which this first window must not wait for; a test keeps them equal.
LIGHT = {"background": "#FFFFFF", "foreground": "#000000"}
DARK = {"background": "#1E1E1E", "foreground": "#F0F0F0"}
ACCENT = "#0072B2"  # theme.COST_COLOR, the blue of the cost curve
MIN_SCALE, MAX_SCALE = 0.6, 3.0  # theme's bounds for the presenter's size

#: The first window's size at scale 1, in device-independent pixels.
BASE_SIZE = QSize(560, 300)

#: Set to 1 and the launch prints one JSON line per start-up event on stdout
#: ({"startup": "first paint" | "window painted" | "ready", "time": time.time()}): what the
#: start-up benchmark and the Ctrl+C tests wait for. Off, nothing is printed.
STARTUP_LOG_ENV = "DESKTOPDL_STARTUP_LOG"

#: The X11 plugin's libraries a desktop may lack, with the Debian/Ubuntu package that
#: ships each. Qt 6.5+ needs libxcb-cursor0, which many distributions do not install.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def log_startup(event: str) -> None:
    """One start-up event on stdout, only when ``DESKTOPDL_STARTUP_LOG`` is set."""
    if os.environ.get(STARTUP_LOG_ENV):
        print(json.dumps({"startup": event, "time": time.time()}), flush=True)


# -- the X11 plugin's libraries ----------------------------------------------------------


def uses_xcb(environ: dict | None = None, platform: str | None = None) -> bool:
    """Whether Qt will load its X11 (xcb) plugin: on Linux, with an X display, when the
    platform is xcb or unset and this is not a Wayland session (Qt then picks Wayland)."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip().lower()
    if chosen:
        return chosen.split(":")[0] == "xcb" or chosen.startswith("xcb;")
    wayland = environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland"
    return bool(environ.get("DISPLAY")) and not wayland


def library_loads(name: str) -> bool:
    """Whether the dynamic loader finds ``name`` where Qt's plugin will look for it."""
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_xcb_packages(loads=None) -> list[str]:
    """The packages whose libraries the X11 plugin needs and the loader cannot find."""
    loads = loads or library_loads
    return [package for library, package in XCB_LIBRARIES.items() if not loads(library)]


def xcb_message(packages: list[str]) -> str:
    """What to tell a Linux teacher instead of Qt's "could not load the Qt platform plugin"."""
    names = " ".join(packages)
    return (
        f"DesktopDL cannot open its window: Qt's X11 plugin needs {', '.join(packages)}, "
        f"which this system does not have.\n"
        f"Install it and start DesktopDL again:\n\n    sudo apt install {names}\n\n"
        f"(Fedora: sudo dnf install xcb-util-cursor; Arch: sudo pacman -S xcb-util-cursor)"
    )


# -- the first window --------------------------------------------------------------------


def saved_look() -> tuple[float, bool]:
    """The presenter's saved size and theme (``restore_look`` reads the same keys)."""
    store = QSettings()
    dark = str(store.value("dark", "false")).lower() == "true"
    try:
        scale = float(store.value("scale", 1.0) or 1.0)
    except (TypeError, ValueError):
        scale = 1.0
    return scale, dark


class _FirstPaint(QObject):
    """Calls back once, on the first paint of the widget it watches."""

    def __init__(self, parent: QObject, on_paint) -> None:
        super().__init__(parent)
        self._on_paint = on_paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self._on_paint is not None:
            on_paint, self._on_paint = self._on_paint, None
            on_paint()
        return False


def on_first_paint(widget: QObject, callback) -> QObject:
    """Run ``callback`` after ``widget``'s first paint event has been delivered."""
    watch = _FirstPaint(widget, callback)
    widget.installEventFilter(watch)
    return watch


class FirstWindow(QWidget):
    """The title and "Loading lessons…" in the presenter's theme, size and language.

    A frameless splash-type window of its own rather than ``QSplashScreen``, whose
    ``show()`` waited a full second under X11 for the window manager's word that it was
    exposed (measured under Xvfb): a second of the budget this window is there to save.
    """

    def __init__(self, scale: float = 1.0, dark: bool = False) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.scale = min(max(scale, MIN_SCALE), MAX_SCALE)
        self.colors = DARK if dark else LIGHT
        self.picture = self._picture()
        size = self.picture.deviceIndependentSize().toSize()
        self.setFixedSize(size)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            free = screen.availableGeometry()
            self.move(free.center() - self.rect().center())
        self.setObjectName("first_window")
        self.setWindowTitle(f"DesktopDL {desktopdl.__version__}")
        self.painted = False
        on_first_paint(self, self._painted)
        # A dialog during start-up (a lesson file that cannot be read) must not open
        # hidden under this window: step aside as soon as one is up.
        self._dialogs = QTimer(self)
        self._dialogs.timeout.connect(self._step_aside)
        self._dialogs.start(50)

    def _step_aside(self) -> None:
        if QApplication.activeModalWidget() is not None:
            self.close()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._dialogs.stop()  # closed: nothing left to step aside for
        super().hideEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self.picture)
        painter.end()

    def _painted(self) -> None:
        self.painted = True
        log_startup("first paint")

    def _size(self) -> QSize:
        size = BASE_SIZE * self.scale
        screen = QGuiApplication.primaryScreen()
        if screen is not None:  # a large scale on a small screen: never beyond the screen
            free = screen.availableGeometry().size() * 0.9
            size = size.boundedTo(free)
        return size

    def _picture(self) -> QPixmap:
        size = self._size()
        screen = QGuiApplication.primaryScreen()
        ratio = screen.devicePixelRatio() if screen is not None else 1.0
        picture = QPixmap(size * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(QColor(self.colors["background"]))
        width, height = size.width(), size.height()
        unit = height / 300  # what one pixel of the design at scale 1 is now
        painter = QPainter(picture)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            icon = QIcon(str(resource("icons", "desktopdl.svg")))
            side = round(96 * unit)
            icon.paint(painter, round(40 * unit), round(60 * unit), side, side)
            text_left = 40 * unit + side + 28 * unit
            painter.setPen(QColor(self.colors["foreground"]))
            title = QFont(QGuiApplication.font())
            title.setPixelSize(max(1, round(44 * unit)))
            title.setBold(True)
            painter.setFont(title)
            painter.drawText(
                QRectF(text_left, 60 * unit, width - text_left - 20 * unit, 60 * unit),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                "DesktopDL",
            )
            words = QFont(QGuiApplication.font())
            words.setPixelSize(max(1, round(22 * unit)))
            painter.setFont(words)
            painter.drawText(
                QRectF(text_left, 120 * unit, width - text_left - 20 * unit, 40 * unit),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                QCoreApplication.translate("FirstWindow", "Loading lessons…"),
            )
            small = QFont(QGuiApplication.font())
            small.setPixelSize(max(1, round(16 * unit)))
            painter.setFont(small)
            painter.drawText(
                QRectF(40 * unit, height - 70 * unit, width - 80 * unit, 30 * unit),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"DesktopDL {desktopdl.__version__}",
            )
            painter.fillRect(
                QRectF(0, height - 12 * unit, width, 12 * unit), QColor(ACCENT)
            )  # the blue band at the foot, like the cost curve's colour
        finally:
            painter.end()
        return picture


def show_first_window(scale: float = 1.0, dark: bool = False) -> FirstWindow:
    """Show the first window and paint it now, before the caller goes on to slow imports."""
    first = FirstWindow(scale, dark)
    first.show()
    if QGuiApplication.platformName() != "offscreen":  # no stacking there to change
        first.raise_()
    # Deliver the show and paint events now: the next lines block the event loop for seconds.
    first.repaint()
    QCoreApplication.processEvents()
    return first
