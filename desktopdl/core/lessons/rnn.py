"""A recurrent network: at each time step it reads the input together with its own state.

The lecture describes an RNN as a network with a repeating structure that, at every time
step, considers the input together with the previous step's output; it learns patterns
over time and predicts what comes next. This lesson trains one on the class's own sequence:
a time series drawn or chosen (next-value prediction, rolled past the end by feeding each
prediction back as the next input), or a short text (next-character prediction, Hangul
syllables as characters). It shows the network unrolled over time and the hidden state.

The recurrent part runs as ``nn.RNN``/``nn.LSTM``/``nn.GRU`` itself (``torch.func.
functional_call`` on the lesson's own parameter tensors), so the exported script can build
the same module, copy the same start into it and print the app's numbers digit for digit.
A window of the last ``window`` steps goes in with a zero starting state; the output layer
reads the hidden state after the last step.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

import numpy as np
import torch
import torch.nn.functional as F  # noqa: N812 - torch's own convention
from torch import nn
from torch.func import functional_call

from desktopdl.core.data import DataError
from desktopdl.core.images import ImageSet
from desktopdl.core.lessons.base import Lesson, LessonConfig
from desktopdl.core.script import copied_weights, literal, num, say
from desktopdl.core.sequences import SequenceSet, tail_split
from desktopdl.core.text import T
from desktopdl.core.views import ForecastView, HiddenStates, Rect, UnrolledView, ViewContext

TASKS = ("series", "text")
#: "plain" is the lecture's RNN cell (nn.RNN), beside the gated LSTM and GRU.
CELLS = ("plain", "lstm", "gru")
MODULES = {"plain": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}
MODULE_NAMES = {"plain": "nn.RNN", "lstm": "nn.LSTM", "gru": "nn.GRU"}
#: How each cell is named on screen.
CELL_NAMES = {"plain": "RNN", "lstm": "LSTM", "gru": "GRU"}
MAX_HIDDEN = 64
MAX_LAYERS = 3
MIN_WINDOW, MAX_WINDOW = 2, 64
MAX_FORECAST = 500
#: Characters a text model may know (a paragraph of Hangul has a few hundred).
MAX_ALPHABET = 400

#: What each cell computes at one time step (the Unrolled page shows it in full).
CELL_FORMULAS = {
    "plain": T("hₜ = tanh(Wₓ·xₜ + Wₕ·hₜ₋₁ + b)"),
    "lstm": T(
        "iₜ, fₜ, oₜ = σ(Wₓ·xₜ + Wₕ·hₜ₋₁ + b);  gₜ = tanh(Wₓ·xₜ + Wₕ·hₜ₋₁ + b);  "
        "cₜ = fₜ⊙cₜ₋₁ + iₜ⊙gₜ,  hₜ = oₜ⊙tanh(cₜ)"
    ),
    "gru": T(
        "rₜ, zₜ = σ(Wₓ·xₜ + Wₕ·hₜ₋₁ + b);  nₜ = tanh(Wₓ·xₜ + rₜ⊙(Wₕ·hₜ₋₁) + b);  "
        "hₜ = (1 − zₜ)⊙nₜ + zₜ⊙hₜ₋₁"
    ),
}
#: The ① Model panel's formula: the step, and the output read from the last state.
PANEL_FORMULAS = {
    "plain": T("hₜ = tanh(Wₓ·xₜ + Wₕ·hₜ₋₁ + b);  H(x) = Wₒ·hₜ + bₒ"),
    "lstm": T("hₜ = LSTM(xₜ, hₜ₋₁, cₜ₋₁);  H(x) = Wₒ·hₜ + bₒ"),
    "gru": T("hₜ = GRU(xₜ, hₜ₋₁);  H(x) = Wₒ·hₜ + bₒ"),
}


def alphabet_of(text: str) -> str:
    """The characters of a text, each once, in Unicode order: the model's vocabulary."""
    return "".join(sorted(set(text)))


@dataclass(frozen=True)
class RNNConfig(LessonConfig):
    """The recurrent network's shape, and what it learns."""

    #: "series" (the next value of the time series) or "text" (the next character).
    task: str = "series"
    cell: str = "gru"
    hidden: int = 16
    layers: int = 1
    #: How many past steps the network reads before each prediction.
    window: int = 20
    #: The characters the text model knows (set from the text by the page).
    alphabet: str = ""
    #: Steps of the free-running forecast past the end of the series.
    forecast: int = 60

    def problem(self) -> str | None:
        if self.task not in TASKS:
            return T("Unknown task {name}.", name=repr(self.task))
        if self.cell not in CELLS:
            return T("Unknown cell {name}; choose plain, lstm or gru.", name=repr(self.cell))
        if not 1 <= self.hidden <= MAX_HIDDEN:
            return T("The hidden state has 1 to 64 units.")
        if not 1 <= self.layers <= MAX_LAYERS:
            return T("An RNN here has 1 to 3 layers.")
        if not MIN_WINDOW <= self.window <= MAX_WINDOW:
            return T("The window is 2 to 64 steps.")
        if not 0 <= self.forecast <= MAX_FORECAST:
            return T("The forecast is 0 to 500 steps.")
        if len(self.alphabet) > MAX_ALPHABET or len(set(self.alphabet)) != len(self.alphabet):
            return T("The text has too many different characters (at most 400).")
        return None


class RecurrentNetwork(Lesson):
    key = "rnn"
    title = T("RNN")
    n_classes = 0
    default_preset = "rnn_sine.json"
    Config = RNNConfig
    data_kind = SequenceSet
    #: 15 snapshots a second: the forecast reruns the network once per step it rolls.
    snapshot_interval_s = 1 / 15

    def __init__(self, config: RNNConfig | None = None):
        super().__init__(config)
        config = self.config
        # A module on the meta device: its shapes and kernels without drawing numbers from
        # torch's global generator (the parameters are the lesson's own tensors).
        self._module = MODULES[config.cell](
            self.input_size, config.hidden, config.layers, batch_first=True, device="meta"
        )
        self._rnn_names = [name for name, _ in self._module.named_parameters()]
        self.flat_names = tuple(
            f"{name}[{i}]"
            for name, shape in self._parameter_shapes()
            for i in range(int(np.prod(shape)))
        )

    @property
    def formula(self) -> str:  # type: ignore[override]
        return PANEL_FORMULAS[self.config.cell]

    @property
    def cost_formula(self) -> str:  # type: ignore[override]
        if self.text_task:
            return T("cost = cross-entropy of the next character (F.cross_entropy)")
        return T("cost = mean((H(x) − y)²), y = the next value")

    @property
    def cell_formula(self) -> str:
        """Every gate of the chosen cell, for the Unrolled page."""
        return CELL_FORMULAS[self.config.cell]

    @property
    def text_task(self) -> bool:
        return self.config.task == "text"

    @property
    def input_size(self) -> int:
        """Inputs per time step: one value, or one-hot over the alphabet."""
        return max(len(self.config.alphabet), 1) if self.text_task else 1

    def _parameter_shapes(self) -> list[tuple[str, tuple[int, ...]]]:
        shapes = [(name, tuple(p.shape)) for name, p in self._module.named_parameters()]
        return [
            *shapes,
            ("head_weight", (self.input_size, self.config.hidden)),
            ("head_bias", (self.input_size,)),
        ]

    def keeps_parameters(self, config) -> bool:
        """A longer or shorter forecast leaves the weights alone, and so does a new text
        while the series is learnt (the alphabet only shapes the text model)."""
        if type(config) is not type(self.config):
            return False

        def shape(c: RNNConfig) -> RNNConfig:
            return replace(c, forecast=0, alphabet=c.alphabet if c.task == "text" else "")

        return shape(config) == shape(self.config)

    # -- data -------------------------------------------------------------------------------

    def _sequence(self, data: SequenceSet) -> torch.Tensor:
        """The series as float32, or the text as character indices."""
        if self.text_task:
            index = {c: i for i, c in enumerate(self.config.alphabet)}
            return torch.tensor([index[c] for c in data.text], dtype=torch.long)
        return torch.tensor(np.asarray(data.values, dtype=np.float32))

    def _length(self, data: SequenceSet) -> int:
        return len(data.text) if self.text_task else len(data.values)

    def check_data(self, data: SequenceSet) -> str | None:
        window = self.config.window
        if self.text_task:
            unknown = set(data.text) - set(self.config.alphabet)
            if unknown:
                return T(
                    "The text has characters the model was not built for ({chars}): press Reset.",
                    chars="".join(sorted(unknown))[:10],
                )
            if len(data.text) < window + 1:
                return T(
                    "Type a longer text: the model reads {window} characters before each "
                    "prediction, so it needs at least {need}.",
                    window=window,
                    need=window + 1,
                )
            return None
        if len(data.values) < window + 1:
            return T(
                "Draw a longer sequence: the model reads {window} steps before each "
                "prediction, so it needs at least {need}.",
                window=window,
                need=window + 1,
            )
        return None

    def split_data(
        self, data: SequenceSet, validation_share: float, seed: int
    ) -> tuple[SequenceSet, SequenceSet | None]:
        """The end held out: training predicts the steps before the cut, validation the steps
        after it (reading the true values just before the cut, as a forecast would)."""
        n, window = self._length(data), self.config.window
        cut = tail_split(max(n - window, 0), validation_share) + window
        if cut >= n:
            return data, None
        if self.text_task:
            return data.with_text(data.text[:cut]), data.with_text(data.text[cut - window :])
        values = data.values
        return data.with_values(values[:cut]), data.with_values(values[cut - window :])

    def tensors(self, data: SequenceSet) -> tuple[torch.Tensor, torch.Tensor]:
        """Every window of ``window`` steps and the step after it: x is windows × window
        (× 1 for a series), y the next value (windows × 1) or the next character's index."""
        sequence = self._sequence(data)
        window = self.config.window
        if len(sequence) <= window:
            shape = (0, window) if self.text_task else (0, window, 1)
            dtype = torch.long if self.text_task else torch.float32
            return torch.zeros(shape, dtype=dtype), torch.zeros(
                (0,) if self.text_task else (0, 1), dtype=dtype
            )
        x = sequence[:-1].unfold(0, window, 1)
        y = sequence[window:]
        if self.text_task:
            return x.contiguous(), y.clone()
        return x.unsqueeze(-1).contiguous(), y.unsqueeze(-1).clone()

    # -- the model --------------------------------------------------------------------------

    def init_params(self, generator: torch.Generator) -> list[torch.Tensor]:
        """Uniform in ±1/√hidden, the range nn.RNN/LSTM/GRU start every weight in (and
        nn.Linear the output layer, whose inputs are the hidden units), drawn in the
        module's order with ``torch.rand``."""
        bound = 1 / math.sqrt(self.config.hidden)
        return [
            (torch.rand(shape, generator=generator) * 2 - 1) * bound
            for _name, shape in self._parameter_shapes()
        ]

    def _inputs(self, x: torch.Tensor) -> torch.Tensor:
        return F.one_hot(x, self.input_size).float() if self.text_task else x

    def hidden_sequence(self, params: list[torch.Tensor], x: torch.Tensor) -> torch.Tensor:
        """The last layer's hidden state after every step of every window (n × window × h)."""
        weights = dict(zip(self._rnn_names, params[:-2], strict=True))
        out, _state = functional_call(self._module, weights, (self._inputs(x),))
        return out

    def readout(self, params: list[torch.Tensor], hidden: torch.Tensor) -> torch.Tensor:
        """The output layer on hidden states: the next value, or a score per character."""
        return F.linear(hidden, params[-2], params[-1])

    def outputs(self, params: list[torch.Tensor], x: torch.Tensor) -> torch.Tensor:
        return self.readout(params, self.hidden_sequence(params, x)[:, -1])

    def hypothesis(self, params, x, train: object = False) -> torch.Tensor:
        out = self.outputs(params, x)
        return torch.softmax(out, dim=1) if self.text_task else out

    def cost(self, params, x, y, train: object = False) -> torch.Tensor:
        if self.text_task:
            return F.cross_entropy(self.outputs(params, x), y)
        return torch.mean((self.outputs(params, x) - y) ** 2)

    def accuracy(self, params, x, y) -> float | None:
        """Next characters guessed right (the series has none: its error is a distance)."""
        if not self.text_task:
            return None
        return float((self.outputs(params, x).argmax(dim=1) == y).float().mean())

    def equation(self, params: list[np.ndarray]) -> str:
        count = sum(int(np.asarray(p).size) for p in params)
        config = self.config
        return T(
            "{cell}: {layers} layer(s) of {hidden} hidden units, {count} parameters, the "
            "same at every time step",
            cell=CELL_NAMES[config.cell],
            layers=config.layers,
            hidden=config.hidden,
            count=f"{count:,}",
        )

    # -- views ------------------------------------------------------------------------------

    def views(
        self,
        params: list[torch.Tensor],
        rect: Rect | None,
        wanted: Collection[type],
        resolution: int | None = None,
        context: ViewContext | None = None,
    ) -> list:
        """The forecast, the hidden states and the unrolled last window, computed in the
        training thread from one pass over every window (and one per forecast step)."""
        data = context.data if context is not None else None
        if not isinstance(data, SequenceSet) or self.check_data(data):
            return []
        out = []
        x, _y = self.tensors(data)
        device = params[0].device
        if self.text_task:  # only the unrolled last window: no pass over a long text
            if UnrolledView in wanted:
                with torch.no_grad():
                    hidden = self.hidden_sequence(params, x[-1:].to(device))
                    out.append(self._unrolled(params, data, x[-1], hidden[-1]))
            return out
        with torch.no_grad():
            hidden = self.hidden_sequence(params, x.to(device))
            last = hidden[:, -1]
            if ForecastView in wanted and not self.text_task:
                one_step = self.readout(params, last)[:, 0].cpu().numpy()
                out.append(
                    ForecastView(
                        self.config.window,
                        _frozen(one_step.astype(np.float64)),
                        _frozen(self.rollout(params, data, self.config.forecast)),
                    )
                )
            if HiddenStates in wanted:
                out.append(HiddenStates(self.config.window, _frozen(last.cpu().numpy().copy())))
            if UnrolledView in wanted:
                out.append(self._unrolled(params, data, x[-1], hidden[-1]))
        return out

    def _unrolled(self, params, data: SequenceSet, window_x, hidden) -> UnrolledView:
        steps = self.readout(params, hidden)
        n = self._length(data)
        first = n - 1 - self.config.window
        if self.text_task:
            probabilities = torch.softmax(steps, dim=1)
            top = probabilities.argmax(dim=1).cpu().numpy()
            inputs = window_x.cpu().numpy()
            alphabet = self.config.alphabet
            outputs = probabilities.max(dim=1).values.cpu().numpy().astype(np.float64)
            input_labels = tuple(alphabet[int(i)] for i in inputs)
            output_labels = tuple(alphabet[int(i)] for i in top)
            target = data.text[-1]
        else:
            inputs = window_x[:, 0].cpu().numpy()
            outputs = steps[:, 0].cpu().numpy().astype(np.float64)
            input_labels = tuple(f"{v:.2f}" for v in inputs)
            output_labels = tuple(f"{v:.2f}" for v in outputs)
            target = f"{data.values[-1]:.2f}"
        return UnrolledView(
            first,
            _frozen(np.asarray(inputs, dtype=np.float64)),
            _frozen(hidden.cpu().numpy().copy()),
            _frozen(outputs),
            input_labels,
            output_labels,
            target,
        )

    def rollout(self, params: list[torch.Tensor], data: SequenceSet, steps: int) -> np.ndarray:
        """The free-running forecast: ``steps`` values past the end, each predicted from the
        window before it, whose newest values are the forecast's own earlier predictions."""
        window = self.config.window
        device = params[0].device
        recent = torch.tensor(np.asarray(data.values[-window:], dtype=np.float32), device=device)
        predicted = []
        with torch.no_grad():
            for _ in range(steps):
                value = self.outputs(params, recent.reshape(1, window, 1))[0, 0]
                predicted.append(value)
                recent = torch.cat([recent[1:], value.reshape(1)])
        if not predicted:
            return np.zeros(0)
        return torch.stack(predicted).cpu().numpy().astype(np.float64)

    def one_step_error(self, params: list[torch.Tensor], data: SequenceSet) -> float:
        """The root-mean-square one-step error on every window, as a share of the series'
        amplitude (half its range): 0.01 reads "1 % of the amplitude"."""
        x, y = self.tensors(data)
        with torch.no_grad():
            mse = self.cost(params, x.to(params[0].device), y.to(params[0].device)).item()
        return math.sqrt(mse) / data.amplitude

    # -- text -------------------------------------------------------------------------------

    def encode(self, text: str) -> tuple[list[int], str]:
        """Character indices of the last ``window`` characters the model knows, and the
        characters it skipped (not in its alphabet)."""
        index = {c: i for i, c in enumerate(self.config.alphabet)}
        known = [index[c] for c in text if c in index]
        skipped = "".join(sorted({c for c in text if c not in index}))
        return known[-self.config.window :], skipped

    def next_characters(self, params: list[np.ndarray], prefix: str) -> np.ndarray:
        """P(next character) over the alphabet after ``prefix`` (its last window of known
        characters; a shorter prefix is read as it is, from a zero state)."""
        codes, _skipped = self.encode(prefix)
        if not codes:
            raise DataError(T("Type at least one character the model knows."))
        tensors = [torch.tensor(np.asarray(p, dtype=np.float32)) for p in params]
        with torch.inference_mode():
            x = torch.tensor([codes], dtype=torch.long)
            return torch.softmax(self.outputs(tensors, x), dim=1)[0].numpy().astype(np.float64)

    def generate(
        self,
        params: list[np.ndarray],
        prefix: str,
        length: int,
        temperature: float,
        seed: int = 0,
    ) -> str:
        """``length`` characters after ``prefix``: each the likeliest (temperature 0, greedy)
        or drawn from softmax(scores / temperature), then fed back as the next input."""
        codes, _skipped = self.encode(prefix)
        if not codes:
            raise DataError(T("Type at least one character the model knows."))
        tensors = [torch.tensor(np.asarray(p, dtype=np.float32)) for p in params]
        generator = torch.Generator().manual_seed(seed)
        alphabet, window = self.config.alphabet, self.config.window
        out = []
        with torch.inference_mode():
            for _ in range(length):
                x = torch.tensor([codes[-window:]], dtype=torch.long)
                scores = self.outputs(tensors, x)[0]
                if temperature <= 0:
                    code = int(scores.argmax())
                else:
                    probabilities = torch.softmax(scores / temperature, dim=0)
                    code = int(torch.multinomial(probabilities, 1, generator=generator))
                codes.append(code)
                out.append(alphabet[code])
        return "".join(out)

    # -- ③ Test -----------------------------------------------------------------------------

    def probe_input(self, data: SequenceSet) -> np.ndarray:
        """The last window: what the model reads to predict the step after the end."""
        sequence = self._sequence(data)[-self.config.window :]
        return (
            sequence.numpy().reshape(1, -1)
            if self.text_task
            else sequence.numpy().reshape(1, -1, 1)
        )

    def predict(self, params: list[np.ndarray], x: np.ndarray) -> np.ndarray:
        tensors = [torch.tensor(np.asarray(p, dtype=np.float32)) for p in params]
        dtype = torch.long if self.text_task else torch.float32
        with torch.inference_mode():
            out = self.hypothesis(tensors, torch.as_tensor(np.asarray(x), dtype=dtype))
        return out.numpy().reshape(-1)

    # -- the exported script ----------------------------------------------------------------

    def script_names(self) -> list[str]:
        return [*self._rnn_names, "head_weight", "head_bias"]

    def script_imports(self) -> list[str]:
        imports = ["import math", "import torch.nn as nn"]
        return [*imports, "import torch.nn.functional as F"] if self.text_task else imports

    def script_data(self, data: SequenceSet) -> list[str]:
        window = self.config.window
        if self.text_task:
            lines = [
                f"TEXT = {data.text!r}",
                f"ALPHABET = {self.config.alphabet!r}  # "
                + say(T("every character once: the model's vocabulary")),
                "sequence = torch.tensor([ALPHABET.index(c) for c in TEXT])",
            ]
        else:
            lines = [
                literal("VALUES = ", [num(v) for v in data.values], ""),
                "sequence = torch.tensor(VALUES, dtype=torch.float32)",
            ]
        lines += [
            f"WINDOW = {window}  # " + say(T("the steps the network reads before each prediction")),
            "# " + say(T("every window of WINDOW steps, and the step after it")),
            "x_train = sequence[:-1].unfold(0, WINDOW, 1)",
            "y_train = sequence[WINDOW:]",
        ]
        if not self.text_task:
            lines += [
                "x_train, y_train = x_train.unsqueeze(-1), y_train.unsqueeze(-1)",
                "x_last = sequence[-WINDOW:].reshape(1, WINDOW, 1)  # "
                + say(T("the last window: it predicts the step after the end")),
            ]
        else:
            lines.append(
                "x_last = sequence[-WINDOW:].reshape(1, WINDOW)  # "
                + say(T("the last window: it predicts the character after the end"))
            )
        return lines

    def script_split(self, data: SequenceSet, validation_share: float, seed: int) -> list[str]:
        """The held-out end: the last windows (their targets come after the cut)."""
        train, validation = self.split_data(data, validation_share, seed)
        if validation is None:
            return []
        held = self._length(validation) - self.config.window
        return [
            f"HELD = {held}  # "
            + say(T("the last HELD windows predict the held-out end of the sequence")),
            "x_val, y_val = x_train[-HELD:], y_train[-HELD:]",
            "x_train, y_train = x_train[:-HELD], y_train[:-HELD]",
        ]

    def _script_modules(self) -> list[str]:
        config = self.config
        return [
            f"rnn = {MODULE_NAMES[config.cell]}({self.input_size}, {config.hidden}, "
            f"num_layers={config.layers}, batch_first=True)",
            f"head = nn.Linear({config.hidden}, {self.input_size})",
        ]

    def _script_built(self, names: list[str]) -> list[str]:
        return [
            "# " + say(T("the modules, built without using the seed's numbers")),
            "state = torch.get_rng_state()",
            *self._script_modules(),
            "torch.set_rng_state(state)",
            f"{', '.join(names)} = [*rnn.parameters(), *head.parameters()]",
        ]

    def script_init(self, names: list[str]) -> list[str]:
        return [
            *self._script_built(names),
            "# "
            + say(
                T(
                    "the start: uniform in ±1/√(hidden units), drawn with torch.rand in the "
                    "modules' order as the app draws it"
                )
            ),
            "with torch.no_grad():",
            "    for param in [*rnn.parameters(), *head.parameters()]:",
            f"        param.copy_((torch.rand(param.shape) * 2 - 1) * (1 / math.sqrt("
            f"{self.config.hidden})))",
        ]

    def script_weights(self, names: list[str], values: list[np.ndarray]) -> list[str]:
        return [*self._script_built(names), *copied_weights(names, values)]

    def script_model(self, names: list[str]) -> list[str]:
        inputs = "F.one_hot(x, len(ALPHABET)).float()" if self.text_task else "x"
        lines = [
            "def outputs(x):  # " + say(T("the output layer reads the state after the last step")),
            f"    hidden, _state = rnn({inputs})",
            "    return head(hidden[:, -1])",
            "",
            "",
            "def H(x):",
        ]
        if self.text_task:
            return [*lines, "    return torch.softmax(outputs(x), dim=1)"]
        return [*lines, "    return outputs(x)"]

    def script_cost(self, x: str, y: str) -> str:
        if self.text_task:
            return f"F.cross_entropy(outputs({x}), {y})"
        return f"torch.mean((outputs({x}) - {y}) ** 2)"

    def script_probe(self, data: SequenceSet) -> list[str]:
        return ["x_test = x_last  # " + say(T("the last window"))]

    def script_test(self) -> list[str]:
        if self.text_task:
            return [
                "probabilities = H(x_test).detach()[0]",
                'print("H(x_test) =", probabilities.tolist())',
                'print("next character =", repr(ALPHABET[int(probabilities.argmax())]))',
            ]
        return ['print("H(x_test) =", H(x_test).detach().item())']

    def script_accuracy(self) -> str | None:
        if not self.text_task:
            return None
        return "(outputs(x_train).argmax(dim=1) == y_train).float().mean().item()"


def _frozen(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


# -- CNN + RNN: a digit read column by column -----------------------------------------------


@dataclass(frozen=True)
class HybridResult:
    """Two models that read a digit one step at a time, compared on held-out digits after
    every step: a CNN whose feature columns an RNN reads left to right, and a plain RNN
    that reads the raw pixel rows top to bottom."""

    steps: int
    hybrid_accuracy_by_step: np.ndarray
    plain_accuracy_by_step: np.ndarray
    #: Mean probability of the true class after reading t steps.
    hybrid_confidence_by_step: np.ndarray
    plain_confidence_by_step: np.ndarray
    examples: np.ndarray
    example_truth: np.ndarray
    example_hybrid: np.ndarray
    example_plain: np.ndarray
    chance: float
    hybrid_final: float
    plain_final: float
    #: The first step (1-based) whose mean confidence reaches CONFIDENT, or None.
    hybrid_confident_at: int | None
    plain_confident_at: int | None


#: "Sure" for the hybrid comparison: the mean probability of the true class.
CONFIDENT = 0.9
HYBRID_HIDDEN = 32
HYBRID_FILTERS = 8
EXAMPLES = 6


class _RowReader(nn.Module):
    """A GRU over the image's rows (each row of pixels is one time step)."""

    def __init__(self, size: int, classes: int):
        super().__init__()
        self.rnn = nn.GRU(size, HYBRID_HIDDEN, batch_first=True)
        self.head = nn.Linear(HYBRID_HIDDEN, classes)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        hidden, _state = self.rnn(images)  # n × rows × hidden
        return self.head(hidden)  # a guess after every row


class _ColumnReader(nn.Module):
    """A convolution finds local features; a GRU reads its feature columns left to right."""

    def __init__(self, size: int, classes: int):
        super().__init__()
        self.conv = nn.Conv2d(1, HYBRID_FILTERS, 3, padding=1)
        self.rnn = nn.GRU(HYBRID_FILTERS * size, HYBRID_HIDDEN, batch_first=True)
        self.head = nn.Linear(HYBRID_HIDDEN, classes)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        maps = torch.relu(self.conv(images.unsqueeze(1)))  # n × filters × rows × columns
        columns = maps.permute(0, 3, 1, 2).flatten(2)  # n × columns × (filters · rows)
        hidden, _state = self.rnn(columns)
        return self.head(hidden)


def hybrid_experiment(
    images: ImageSet,
    steps: int = 150,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> HybridResult:
    """Train both readers on 75 % of the images (the same seeded split, Adam, the cost
    averaged over every step's guess so each step learns to guess) and measure both on the
    held-out 25 % after every step."""
    labels = np.unique(images.labels)
    if len(labels) < 2 or len(images) < 8:
        raise DataError(T("The comparison needs images of at least two classes."))
    classes = int(images.labels.max()) + 1
    order = np.random.default_rng(seed).permutation(len(images))
    held = max(1, len(images) // 4)
    train, test = np.sort(order[held:]), np.sort(order[:held])
    x = torch.tensor(images.images)
    y = torch.tensor(images.labels, dtype=torch.long)
    size = images.size
    results = {}
    with torch.random.fork_rng():
        torch.manual_seed(seed)
        models = {"hybrid": _ColumnReader(size, classes), "plain": _RowReader(size, classes)}
        for done, (name, model) in enumerate(models.items()):
            optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
            for step in range(steps):
                if cancelled is not None and cancelled():
                    raise InterruptedError("cancelled")
                scores = model(x[train])  # n × steps × classes
                cost = F.cross_entropy(
                    scores.flatten(0, 1), y[train].repeat_interleave(scores.shape[1])
                )
                optimizer.zero_grad()
                cost.backward()
                optimizer.step()
                if progress is not None and step % 10 == 0:
                    progress((done * steps + step) / (2 * steps))
            with torch.no_grad():
                probabilities = torch.softmax(model(x[test]), dim=2)  # n × steps × classes
            truth = y[test]
            right = probabilities.argmax(dim=2) == truth[:, None]
            true_p = probabilities.gather(2, truth[:, None, None].expand(-1, size, 1))[..., 0]
            results[name] = (
                right.float().mean(dim=0).numpy(),
                true_p.mean(dim=0).numpy(),
                true_p[:EXAMPLES].numpy(),
            )
    if progress is not None:
        progress(1.0)

    def confident_at(confidence: np.ndarray) -> int | None:
        sure = np.nonzero(confidence >= CONFIDENT)[0]
        return int(sure[0]) + 1 if len(sure) else None

    hybrid, plain = results["hybrid"], results["plain"]
    return HybridResult(
        steps=size,
        hybrid_accuracy_by_step=hybrid[0],
        plain_accuracy_by_step=plain[0],
        hybrid_confidence_by_step=hybrid[1],
        plain_confidence_by_step=plain[1],
        examples=images.images[test[:EXAMPLES]],
        example_truth=images.labels[test[:EXAMPLES]],
        example_hybrid=hybrid[2],
        example_plain=plain[2],
        chance=1 / len(labels),
        hybrid_final=float(hybrid[0][-1]),
        plain_final=float(plain[0][-1]),
        hybrid_confident_at=confident_at(hybrid[1]),
        plain_confident_at=confident_at(plain[1]),
    )
