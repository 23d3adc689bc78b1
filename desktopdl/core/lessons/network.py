"""A small neural network: 0–6 hidden layers of 1–32 neurons, for non-linear data.

Written as plain tensors (weights ``W`` of shape in×out, ``x @ W + b`` per layer) like the
lecture writes its models, so the diagram can show each weight and each neuron's output.
With two classes the output is one sigmoid (the binary lesson's H(x)); with more, softmax.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F  # noqa: N812 - torch's own convention

from desktopdl.core.data import PointSet
from desktopdl.core.fast_mlp import MinibatchSGD
from desktopdl.core.lessons.base import Lesson, LessonConfig, grid_points
from desktopdl.core.lessons.softmax import SOFTMAX_MAX_CLASSES, IntegerClasses
from desktopdl.core.script import literal, num, say
from desktopdl.core.text import T
from desktopdl.core.views import NeuronMaps, Rect, ViewContext

ACTIVATIONS = ("relu", "tanh", "sigmoid", "linear")
#: The same activations by the names of core.fast_mlp's numpy route.
FAST_ACTIVATIONS = {"relu": "relu", "tanh": "tanh", "sigmoid": "sigmoid", "linear": "identity"}
MAX_LAYERS = 6
MAX_NEURONS = 32

#: Pixels per side of each hidden neuron's picture in the diagram.
NEURON_RESOLUTION = 28

ACTIVATION_FUNCTIONS = {
    "relu": torch.relu,
    "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "linear": lambda z: z,
}
ACTIVATION_CODE = {
    "tanh": "torch.tanh({})",
    "relu": "torch.relu({})",
    "sigmoid": "torch.sigmoid({})",
    "linear": "{}",
}


@dataclass(frozen=True)
class NetworkConfig(LessonConfig):
    """The network's shape: output classes, neurons per hidden layer, the activation."""

    #: 2 means one sigmoid output; more, softmax.
    classes: int = 2
    #: Neurons per hidden layer, input side first.
    hidden: tuple[int, ...] = (8, 8)
    activation: str = "tanh"

    def problem(self) -> str | None:
        if not 2 <= self.classes <= SOFTMAX_MAX_CLASSES:
            return T("The number of classes must be between 2 and 8.")
        if len(self.hidden) > MAX_LAYERS or any(not 1 <= n <= MAX_NEURONS for n in self.hidden):
            return T("A network has 0 to 6 hidden layers of 1 to 32 neurons.")
        if self.activation not in ACTIVATIONS:
            return T("Unknown activation {name}.", name=repr(self.activation))
        return None


class NeuralNetwork(IntegerClasses, Lesson):
    key = "network"
    title = T("Neural Network")
    cost_formula = T("cost = cross-entropy (F.binary_cross_entropy_with_logits / F.cross_entropy)")
    n_classes = SOFTMAX_MAX_CLASSES
    default_preset = "network_xor.json"
    Config = NetworkConfig
    offers_datasets = True
    #: A 2-8-8-1 network over 200² cells took ~5 ms a snapshot; 100² takes ~1.3 ms.
    surface_resolution = 100

    def __init__(self, config: NetworkConfig | None = None):
        super().__init__(config)
        sizes = self.layer_sizes
        names = []
        for layer, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
            names += [
                f"W{layer + 1}[{i + 1},{j + 1}]" for i in range(fan_in) for j in range(fan_out)
            ]
            names += [f"b{layer + 1}[{j + 1}]" for j in range(fan_out)]
        self.flat_names = tuple(names)

    @property
    def formula(self) -> str:
        """H(x) for this shape: σ or softmax around the layers, each f(W·h + b)."""
        layers = len(self.config.hidden)
        out = "σ" if self.config.classes == 2 else "softmax"
        act = self.config.activation

        def f(inner: str) -> str:
            return f"({inner})" if act == "linear" else f"{act}({inner})"

        if layers > 2:
            last = _subscript(layers + 1)
            return (
                f"H(x) = {out}(W{last}·h{_subscript(layers)} + b{last}),  "
                f"hₖ = {f('Wₖ·hₖ₋₁ + bₖ')}, h₀ = x"
            )
        inner = "W₁x + b₁"
        for k in range(2, layers + 2):
            inner = f"W{_subscript(k)}·{f(inner)} + b{_subscript(k)}"
        return f"H(x) = {out}({inner})"

    @property
    def layer_sizes(self) -> list[int]:
        outputs = 1 if self.config.classes == 2 else self.config.classes
        return [2, *self.config.hidden, outputs]

    def init_params(self, generator: torch.Generator) -> list[torch.Tensor]:
        """Uniform in ±1/√fan_in, torch.nn.Linear's default range, drawn layer by layer."""
        params = []
        sizes = self.layer_sizes
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:], strict=True):
            bound = 1 / math.sqrt(fan_in)
            params.append((torch.rand([fan_in, fan_out], generator=generator) * 2 - 1) * bound)
            params.append((torch.rand([fan_out], generator=generator) * 2 - 1) * bound)
        return params

    def hidden_outputs(self, params: list[torch.Tensor], x: torch.Tensor) -> list[torch.Tensor]:
        """Each hidden layer's outputs f(Wx + b), input side first."""
        act = ACTIVATION_FUNCTIONS[self.config.activation]
        outputs, h = [], x
        for layer in range(len(params) // 2 - 1):
            h = act(torch.matmul(h, params[2 * layer]) + params[2 * layer + 1])
            outputs.append(h)
        return outputs

    def logits(
        self, params: list[torch.Tensor], x: torch.Tensor, train: object = False
    ) -> torch.Tensor:
        """The scores before the last sigmoid or softmax; ``train`` as ``Lesson.cost``'s
        (this network acts the same in training and evaluation)."""
        act = ACTIVATION_FUNCTIONS[self.config.activation]
        h = x
        last = len(params) // 2 - 1
        for layer in range(last):
            h = self.hidden_step(
                act(torch.matmul(h, params[2 * layer]) + params[2 * layer + 1]), train
            )
        return torch.matmul(h, params[2 * last]) + params[2 * last + 1]

    def hidden_step(self, h: torch.Tensor, train: object) -> torch.Tensor:
        """What happens to a hidden layer's outputs on their way on (dropout, in the
        overfitting lesson); nothing here."""
        return h

    def hypothesis(
        self, params: list[torch.Tensor], x: torch.Tensor, train: bool = False
    ) -> torch.Tensor:
        z = self.logits(params, x, train)
        return torch.sigmoid(z) if self.config.classes == 2 else torch.softmax(z, dim=1)

    def cost(
        self, params: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor, train: bool = False
    ) -> torch.Tensor:
        z = self.logits(params, x, train)
        if self.config.classes == 2:
            return F.binary_cross_entropy_with_logits(z[:, 0], y.float())
        return F.cross_entropy(z, y)

    def accuracy(self, params, x, y) -> float:
        z = self.logits(params, x)
        predicted = (z[:, 0] >= 0).long() if self.config.classes == 2 else z.argmax(dim=1)
        return float((predicted == y).float().mean())

    def equation(self, params: list[np.ndarray]) -> str:
        sizes = "-".join(str(n) for n in self.layer_sizes)
        count = sum(int(np.asarray(p).size) for p in params)
        return T(
            "{sizes} network, {activation}, {count} parameters",
            sizes=sizes,
            activation=self.config.activation,
            count=count,
        )

    def surface(self, params: list[torch.Tensor], rect: Rect, resolution: int) -> np.ndarray:
        grid = grid_points(rect, resolution).to(params[0].device)
        with torch.inference_mode():
            prob = self.hypothesis(params, grid)
        shape = (
            (resolution, resolution) if self.config.classes == 2 else (resolution, resolution, -1)
        )
        return prob.reshape(shape).float().cpu().numpy()

    def neuron_maps(
        self, params: list[torch.Tensor], rect: Rect, resolution: int
    ) -> list[np.ndarray]:
        """Each hidden neuron's output over the canvas: per layer, (neurons, rows, columns)."""
        grid = grid_points(rect, resolution).to(params[0].device)
        with torch.inference_mode():
            layers = self.hidden_outputs(params, grid)
        return [h.T.reshape(-1, resolution, resolution).float().cpu().numpy() for h in layers]

    def views(
        self,
        params: list[torch.Tensor],
        rect: Rect | None,
        wanted: Collection[type],
        resolution: int | None = None,
        context: ViewContext | None = None,
    ) -> list:
        out = super().views(params, rect, wanted, resolution, context)
        if NeuronMaps in wanted and rect is not None:
            maps = self.neuron_maps(params, rect, NEURON_RESOLUTION)
            for layer in maps:
                layer.setflags(write=False)
            out.append(NeuronMaps(tuple(maps), rect))
        return out

    def fast_sgd_step(
        self, params: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor, lr: float
    ) -> float:
        """One plain-SGD step with the backward pass written out: the same maths as
        ``cost`` + ``backward()`` + ``SGD.step()`` (equal within float rounding), without
        autograd's per-operation bookkeeping, which dominates for networks this small.

        Returns the cost before the update, like the lecture's loop prints it."""
        act = self.config.activation
        with torch.no_grad():
            outputs = [x]
            h = x
            last = len(params) // 2 - 1
            for layer in range(last):
                h = torch.addmm(params[2 * layer + 1], h, params[2 * layer])
                if act == "tanh":
                    h.tanh_()
                elif act == "sigmoid":
                    h.sigmoid_()
                elif act == "relu":
                    h.relu_()
                outputs.append(h)
            z = torch.addmm(params[2 * last + 1], h, params[2 * last])
            if self.config.classes == 2:
                target = y.to(z.dtype).unsqueeze(1)
                cost = F.binary_cross_entropy_with_logits(z, target)
                dz = torch.sigmoid(z).sub_(target)
            else:
                cost = F.cross_entropy(z, y)
                dz = torch.softmax(z, dim=1)
                dz[torch.arange(len(y)), y] -= 1
            dz.div_(len(x))
            for layer in range(last, -1, -1):
                w, b = params[2 * layer], params[2 * layer + 1]
                below = outputs[layer]
                dh = torch.mm(dz, w.T) if layer else None
                w.addmm_(below.T, dz, alpha=-lr)
                b.add_(dz.sum(dim=0), alpha=-lr)
                if dh is not None:
                    if act == "tanh":
                        dz = dh.mul_(1 - below * below)
                    elif act == "sigmoid":
                        dz = dh.mul_(below * (1 - below))
                    elif act == "relu":
                        dz = dh.mul_(below > 0)
                    else:
                        dz = dh
            return cost.item()

    def fast_sgd_runner(self, device: torch.device) -> MinibatchSGD | None:
        """Plain SGD on minibatches, many steps per call, in numpy (``core.fast_mlp``): the
        same maths as ``fast_sgd_step`` (and as autograd, within float rounding), for the
        small batches teachers copy from TensorFlow Playground, where a step is ~20
        operations on a few dozen numbers and torch's per-operation overhead is most of
        the time. CPU only (it works on the parameters' memory through numpy)."""
        if device.type != "cpu":
            return None
        output = "sigmoid" if self.config.classes == 2 else "categorical"
        activation = FAST_ACTIVATIONS[self.config.activation]
        return MinibatchSGD(self.layer_sizes, activation, output)

    def predicted_class(self, probabilities: np.ndarray) -> int:
        if self.config.classes == 2:
            return int(probabilities[0] >= 0.5)
        return int(np.argmax(probabilities))

    # -- the exported script ---------------------------------------------------------------

    @property
    def _one_output(self) -> bool:
        return self.config.classes == 2

    def script_names(self) -> list[str]:
        layers = len(self.config.hidden) + 1
        return [name for i in range(1, layers + 1) for name in (f"w{i}", f"b{i}")]

    def script_imports(self) -> list[str]:
        return ["import math", "import torch.nn.functional as F"]

    def script_data(self, data: PointSet) -> list[str]:
        if not self._one_output:
            return super().script_data(data)
        return [
            literal("x_train = torch.FloatTensor(", [f"[{num(a)}, {num(b)}]" for a, b in data.xy]),
            literal("y_train = torch.FloatTensor(", [str(int(c)) for c in data.labels]),
        ]

    def script_init(self, names: list[str]) -> list[str]:
        lines = [
            "# "
            + say(T("torch.nn.Linear's starting range: uniform in ±1/√(inputs), layer by layer"))
        ]
        sizes = self.layer_sizes
        for layer, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
            bound = f"(1 / math.sqrt({fan_in}))"
            w, b = names[2 * layer], names[2 * layer + 1]
            lines += [
                f"{w} = ((torch.rand([{fan_in}, {fan_out}]) * 2 - 1) * {bound}).requires_grad_()",
                f"{b} = ((torch.rand([{fan_out}]) * 2 - 1) * {bound}).requires_grad_()",
            ]
        return lines

    def script_model(self, names: list[str]) -> list[str]:
        model = self.config
        sizes = " → ".join(str(n) for n in self.layer_sizes)
        act = ACTIVATION_CODE[model.activation]
        lines = [
            f"def Z({self.script_z_arguments}):  # "
            + say(T("the network's scores before the last step: {sizes}", sizes=sizes))
        ]
        h = "x"
        for layer, neurons in enumerate(model.hidden):
            w, b = names[2 * layer], names[2 * layer + 1]
            lines.append(
                f"    h{layer + 1} = {act.format(f'torch.matmul({h}, {w}) + {b}')}"
                "  # "
                + say(
                    T(
                        "hidden layer {layer}: {neurons} neurons, {activation}",
                        layer=layer + 1,
                        neurons=neurons,
                        activation=model.activation,
                    )
                )
            )
            h = f"h{layer + 1}"
            lines += self.script_hidden_step(h)
        lines.append(f"    return torch.matmul({h}, {names[-2]}) + {names[-1]}")
        lines += ["", "", "def H(x):"]
        if self._one_output:
            lines.append("    return torch.sigmoid(Z(x))  # H(x) = P(class 1)")
        else:
            lines.append(
                "    return torch.softmax(Z(x), dim=1)  # H(x) = "
                + say(T("each class's probability"))
            )
        return lines

    #: Z's parameters in the script (the overfitting lesson adds ``train``).
    script_z_arguments = "x"

    def script_hidden_step(self, h: str) -> list[str]:
        """Lines applied to hidden output ``h`` inside Z, as ``hidden_step`` does."""
        return []

    def script_cost(self, x: str, y: str) -> str:
        if self._one_output:
            return f"F.binary_cross_entropy_with_logits(Z({x})[:, 0], {y})"
        return f"F.cross_entropy(Z({x}), {y})"

    def script_test(self) -> list[str]:
        if self._one_output:
            return ['print("H(x_test) =", H(x_test).detach().item())']
        return super().script_test()

    def script_accuracy(self) -> str:
        if self._one_output:
            return "((H(x_train)[:, 0] >= 0.5).float() == y_train).float().mean().item()"
        return super().script_accuracy()


def _subscript(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))
