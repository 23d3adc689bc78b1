"""Which torch device to train on, and a plain-words reason when a choice cannot be honoured."""

from __future__ import annotations

import re
from dataclasses import dataclass

import torch

from desktopdl.core.text import T, Text

#: Below this many multiply-adds per step a GPU loses to kernel-launch and copy overheads.
GPU_WORTHWHILE_WORK = 2_000_000

CHOICES = ("auto", "cpu", "cuda", "mps")


def cuda_available() -> bool:
    return torch.cuda.is_available()


def mps_available() -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend and backend.is_available())


def offered_choices() -> list[str]:
    """What the device chooser lists: Auto, CPU and CUDA always (so a missing GPU can be
    explained rather than hidden), MPS only on machines that have it."""
    return ["auto", "cpu", "cuda"] + (["mps"] if mps_available() else [])


@dataclass(frozen=True)
class DeviceChoice:
    device: torch.device
    #: Why this device, in words for the status bar.
    reason: str
    #: True when the requested device could not be used and the CPU stands in.
    fell_back: bool = False


def resolve(choice: str, work_per_step: int) -> DeviceChoice:
    """Map the chooser's value to a device; 'auto' picks the CPU for small models."""
    choice = choice.lower()
    if choice == "auto":
        if work_per_step >= GPU_WORTHWHILE_WORK:
            if cuda_available():
                return DeviceChoice(torch.device("cuda"), T("Auto: CUDA (the model is large)"))
            if mps_available():
                return DeviceChoice(torch.device("mps"), T("Auto: MPS (the model is large)"))
        return DeviceChoice(torch.device("cpu"), T("Auto: CPU (fastest for a model this small)"))
    if choice == "cpu":
        return DeviceChoice(torch.device("cpu"), "CPU")
    if choice == "cuda":
        if cuda_available():
            return DeviceChoice(torch.device("cuda"), f"CUDA ({torch.cuda.get_device_name(0)})")
        return DeviceChoice(
            torch.device("cpu"),
            T(
                "CUDA is not available here (no NVIDIA GPU, or a CPU-only torch): training on the "
                "CPU"
            ),
            fell_back=True,
        )
    if choice == "mps":
        if mps_available():
            return DeviceChoice(torch.device("mps"), "MPS (Apple GPU)")
        return DeviceChoice(
            torch.device("cpu"), T("MPS is not available here: training on the CPU"), fell_back=True
        )
    raise ValueError(f"unknown device {choice!r}; choose from {', '.join(CHOICES)}")


#: Words in an error that mean the GPU itself failed (it vanished, its driver went, a
#: kernel crashed) rather than the lesson's code.
_DEVICE_FAULT = re.compile(r"\b(cuda|nvidia|cublas|cudnn|mps|rocm|hip error)", re.IGNORECASE)


def explain_failure(error: BaseException) -> Text | None:
    """A GPU fault in the teacher's words, with what to do; None for any other error.

    Running out of GPU memory and a GPU that disappears mid-run (a driver reset, an
    unplugged external GPU) are not bugs in a lesson: the teacher can carry on on the CPU."""
    said = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    said = said if len(said) <= 120 else said[:119] + "…"
    if isinstance(error, torch.cuda.OutOfMemoryError) or "out of memory" in said.lower():
        return T(
            "The GPU ran out of memory ({error}). Choose the CPU under Device in ② Train, or "
            "use fewer points, then press Train: the points and settings are kept.",
            error=said,
        )
    accelerator_error = getattr(torch, "AcceleratorError", ())
    if (accelerator_error and isinstance(error, accelerator_error)) or _DEVICE_FAULT.search(said):
        return T(
            "The GPU stopped working ({error}). Choose the CPU under Device in ② Train, then "
            "press Train: the points and settings are kept.",
            error=said,
        )
    return None
