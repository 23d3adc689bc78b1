"""The Qt side of DesktopDL: windows, widgets and the training thread. It only draws what
``desktopdl.core`` computes."""
