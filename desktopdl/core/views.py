"""Typed views: the pictures a snapshot carries, each computed only while it is on screen.

A snapshot holds a tuple of these instead of a dictionary with string keys, so whoever draws
one asks for it by type (``snapshot.view(SurfaceView)``) and a new lesson adds a view type
of its own (feature maps, hidden states) without touching the trainer. The page tells the
training thread which view types it shows; the lesson computes those and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Rect:
    """An axis-aligned region of a plane: the part of the canvas a surface covers, or the
    window of a cost landscape."""

    xmin: float
    xmax: float
    ymin: float
    ymax: float

    @property
    def width(self) -> float:
        return self.xmax - self.xmin

    @property
    def height(self) -> float:
        return self.ymax - self.ymin


@dataclass(frozen=True)
class SurfaceView:
    """The model's output over a grid of the input plane (rows = y): a probability map
    (rows × columns) or class probabilities (rows × columns × classes)."""

    image: np.ndarray
    rect: Rect


@dataclass(frozen=True)
class BoundaryView:
    """Where the classifier's answer changes over the plane, as line segments (S × 2
    points × (x, y)): drawn over the surface, so the boundary reads without the shading."""

    segments: np.ndarray


@dataclass(frozen=True)
class NeuronMaps:
    """Each hidden neuron's output over the plane: per layer, (neurons, rows, columns)."""

    layers: tuple[np.ndarray, ...]
    rect: Rect


@dataclass(frozen=True)
class DescentView:
    """The recorded descent: the path through parameter space, the ledger's latest rows,
    and the gradient at the current parameters when the slice asks for it."""

    #: The flat parameter vector at each recorded iteration (thinned), current one last.
    path: np.ndarray
    #: The latest recorded iterations (trainer.LedgerRow), oldest first.
    ledger: tuple
    #: Step index of the first recorded iteration (recording may start mid-run).
    recorded_from: int
    gradient: np.ndarray | None = None


@dataclass(frozen=True)
class Landscape:
    """The cost over a grid of two parameters, the others held."""

    image: np.ndarray
    rect: Rect
    pair: tuple[int, int]
    #: The flat parameters whose other entries were held.
    held: np.ndarray
    #: log10 of the cost, what the colours show (costs span decades).
    shade: np.ndarray | None = None
    #: Contour lines of ``shade`` as segments (S × 2 points × (x, y)) in parameter units.
    contours: np.ndarray | None = None


@dataclass(frozen=True)
class LandscapeView:
    """The main run's landscape, and its companion's (the MSE beside cross-entropy)."""

    main: Landscape | None
    companion: Landscape | None = None
    companion_label: str = ""


@dataclass(frozen=True)
class SliceView:
    """The cost as one parameter sweeps its range, the others held."""

    values: np.ndarray
    costs: np.ndarray


@dataclass(frozen=True)
class ShadowRun:
    """A run trained in lock-step beside the main one (another optimizer, another cost)."""

    label: str
    path: np.ndarray | None
    cost: float
    step: int
    status: str
    message: str | None


@dataclass(frozen=True)
class ShadowRuns:
    runs: tuple[ShadowRun, ...]


@dataclass(frozen=True)
class CompanionView:
    """A companion model trained beside the main one (one-vs-rest beside softmax): its
    parameters, and its surface over the canvas."""

    label: str
    params: tuple[np.ndarray, ...]
    surface: SurfaceView | None


@dataclass(frozen=True)
class ViewContext:
    """What some views need beyond the parameters: the input the page asks about (a drawing
    to show the feature maps of), the held-out tensors (a confusion matrix) and the data."""

    probe: np.ndarray | None = None
    x_val: object = None
    y_val: object = None
    #: The whole data set (a forecast runs on past the end of the whole series).
    data: object = None


@dataclass(frozen=True)
class FeatureMaps:
    """Each block's output for the probe input: (kind, channels × rows × columns), input
    first, then after every convolution and every pooling."""

    stages: tuple[tuple[str, np.ndarray], ...]


@dataclass(frozen=True)
class ConfusionView:
    """Counts[true, predicted] on the validation data, and the first items it got wrong:
    their indices into the validation data, the items themselves, the true and the
    predicted classes."""

    counts: np.ndarray
    wrong: np.ndarray
    wrong_items: np.ndarray
    truth: np.ndarray
    predicted: np.ndarray


@dataclass(frozen=True)
class ForecastView:
    """The RNN's predictions over the time series: one step ahead at every step it can see a
    whole window before (the true values are its inputs), and a free-running forecast past
    the end (each prediction fed back as the next input)."""

    #: The time step of the first one-step prediction (the window length).
    start: int
    #: Predictions for the steps start … n−1, each from the true values before it.
    one_step: np.ndarray
    #: Predictions for the steps n, n+1, … after the end, each from the ones before it.
    forecast: np.ndarray


@dataclass(frozen=True)
class HiddenStates:
    """The hidden state (last layer) the RNN ends each window with, the one its prediction
    reads: a row per predicted step start … n−1, a column per hidden unit."""

    start: int
    states: np.ndarray


@dataclass(frozen=True)
class UnrolledView:
    """One window through the unrolled network, for stepping through time: at each time
    step the input, the hidden state after it (last layer) and the output read from it."""

    #: The time index (or character position) of the window's first input.
    first_step: int
    #: The window's inputs as numbers (values, or character indices).
    inputs: np.ndarray
    #: The hidden state after each input (window × hidden units).
    hidden: np.ndarray
    #: What the output layer reads from each step's hidden state (the prediction had the
    #: window ended there): a value, or the top character's probability.
    outputs: np.ndarray
    #: How each input and output reads on screen ("0.59", "한").
    input_labels: tuple[str, ...]
    output_labels: tuple[str, ...]
    #: The true next item after the window, as it reads on screen.
    target_label: str
