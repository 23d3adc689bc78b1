"""DesktopDL: teach the basics of deep learning on a classroom projector."""

__version__ = "0.1.0"
