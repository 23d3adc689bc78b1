"""A small convolutional network on images: convolution layers find features, pooling shrinks.

The lecture describes a CNN as convolution layers that detect and extract an image's
features and pooling layers that shrink the image while keeping what matters. This lesson
trains one live on images the class drew (or the built-in 8×8 digits), and shows its inside:
the first layer's filters, each stage's feature maps for one input, the confusion matrix.

It is written with ``torch.nn.functional`` calls on plain tensors laid out as ``nn.Conv2d``
and ``nn.Linear`` lay out theirs (weights out × in × k × k and out × in), so the exported
script can build ``nn.Conv2d``/``nn.MaxPool2d``/``nn.Linear`` modules, copy the same start
into them, and print the app's numbers digit for digit: the modules call the same kernels.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Collection
from dataclasses import dataclass, replace

import numpy as np
import torch
import torch.nn.functional as F  # noqa: N812 - torch's own convention

from desktopdl.core.images import IMAGE_CLASSES, MAX_SIZE, MIN_SIZE, ImageSet
from desktopdl.core.lessons.base import Lesson, LessonConfig
from desktopdl.core.script import copied_weights, say
from desktopdl.core.text import T
from desktopdl.core.views import ConfusionView, FeatureMaps, Rect, ViewContext

ACTIVATIONS = ("relu", "tanh", "sigmoid")
POOLINGS = ("max", "average", "none")
KERNEL_SIZES = (3, 5)
STRIDES = (1, 2)
MAX_CONV_LAYERS = 3
MAX_FILTERS = 16
MAX_DENSE = 64
MAX_COPIES = 10
#: The augmentation's random numbers come from Seed + 2 (the shuffles use Seed + 1).
AUGMENT_SEED_OFFSET = 2
#: Misclassified validation images a snapshot carries (the page shows at most this many).
MISCLASSIFIED_KEPT = 24
#: Pooling always halves each side (a 2×2 window, stride 2), as in the lecture's figure.
POOL = 2

ACTIVATION_FUNCTIONS = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid}

#: Hand-set 3×3 kernels: what one convolution does to a drawing, before any training.
KERNELS: dict[str, tuple[tuple[float, ...], ...]] = {
    "vertical edges": ((1, 0, -1), (1, 0, -1), (1, 0, -1)),
    "horizontal edges": ((1, 1, 1), (0, 0, 0), (-1, -1, -1)),
    "blur": ((1 / 9,) * 3,) * 3,
    "sharpen": ((0, -1, 0), (-1, 5, -1), (0, -1, 0)),
}


@dataclass(frozen=True)
class CNNConfig(LessonConfig):
    """The network's shape: convolution layers, their kernels, pooling and the dense head."""

    classes: int = 2
    #: The side of the images the network takes (the digits' 8, the pad's 28): the dense
    #: layer's inputs depend on it.
    image_size: int = 8
    #: Filters of each convolution layer, input side first (1–3 layers).
    filters: tuple[int, ...] = (8, 16)
    kernel: int = 3
    stride: int = 1
    #: Zero padding of kernel // 2 on each side, so a stride-1 layer keeps the image's size.
    padding: bool = True
    activation: str = "relu"
    #: 2×2 pooling after each convolution: "max", "average" or "none".
    pooling: str = "max"
    #: Neurons of the dense hidden layer before the output (0: straight to the classes).
    dense: int = 0
    #: Shifted, rotated and scaled copies of each training image (0: none).
    augment_copies: int = 0

    def problem(self) -> str | None:
        if not 2 <= self.classes <= IMAGE_CLASSES:
            return T("The number of classes must be between 2 and 10.")
        if not MIN_SIZE <= self.image_size <= MAX_SIZE:
            return T("Images are 4×4 to 64×64 pixels.")
        if not 1 <= len(self.filters) <= MAX_CONV_LAYERS or any(
            not 1 <= n <= MAX_FILTERS for n in self.filters
        ):
            return T("A CNN has 1 to 3 convolution layers of 1 to 16 filters.")
        if self.kernel not in KERNEL_SIZES:
            return T("The kernel size must be 3 or 5.")
        if self.stride not in STRIDES:
            return T("The stride must be 1 or 2.")
        if self.activation not in ACTIVATIONS:
            return T("Unknown activation {name}.", name=repr(self.activation))
        if self.pooling not in POOLINGS:
            return T("Unknown pooling {name}.", name=repr(self.pooling))
        if not 0 <= self.dense <= MAX_DENSE:
            return T("The dense layer has 0 to 64 neurons.")
        if not 0 <= self.augment_copies <= MAX_COPIES:
            return T("Augmentation makes 0 to 10 copies of each image.")
        return None


@dataclass(frozen=True)
class Stage:
    """One block of the architecture as the diagram draws it."""

    #: "input", "conv", "pool", "dense" or "output".
    kind: str
    #: The output's shape: (channels, height, width) for images, (neurons,) after flattening.
    shape: tuple[int, ...]
    parameters: int


class ConvolutionalNetwork(Lesson):
    key = "cnn"
    title = T("CNN")
    formula = T("H(x) = softmax(dense( … pool(f(conv(x))) … ))")
    cost_formula = T("cost = cross-entropy (F.cross_entropy)")
    n_classes = IMAGE_CLASSES
    default_preset = "cnn_digits.json"
    Config = CNNConfig
    data_kind = ImageSet

    def __init__(self, config: CNNConfig | None = None):
        super().__init__(config)
        self.flat_names = tuple(
            f"{name}[{i}]"
            for shape, name in self._parameter_shapes()
            for i in range(int(np.prod(shape)))
        )

    @property
    def image_size(self) -> int:
        return self.config.image_size

    @property
    def canvas_classes(self) -> int:
        return self.config.classes

    # -- shapes ---------------------------------------------------------------------------

    def stages(self) -> list[Stage]:
        """Each block's output shape and parameter count, input first: what the architecture
        diagram draws and what ``check_data`` uses to refuse a network that shrinks an image
        to nothing."""
        config = self.config
        channels, side = 1, self.image_size
        stages = [Stage("input", (1, side, side), 0)]
        pad = config.kernel // 2 if config.padding else 0
        for filters in config.filters:
            side = (side + 2 * pad - config.kernel) // config.stride + 1
            count = filters * channels * config.kernel**2 + filters
            channels = filters
            stages.append(Stage("conv", (channels, max(side, 0), max(side, 0)), count))
            if config.pooling != "none":
                side //= POOL
                stages.append(Stage("pool", (channels, max(side, 0), max(side, 0)), 0))
        flat = channels * max(side, 0) ** 2
        if config.dense:
            stages.append(Stage("dense", (config.dense,), flat * config.dense + config.dense))
            flat = config.dense
        stages.append(Stage("output", (config.classes,), flat * config.classes + config.classes))
        return stages

    def shape_problem(self) -> str | None:
        """A sentence when the layers shrink the image to nothing, else None."""
        for stage in self.stages():
            if stage.kind in ("conv", "pool") and stage.shape[1] < 1:
                return T(
                    "The layers shrink a {size}×{size} image to nothing: use padding, "
                    "stride 1, fewer layers or no pooling.",
                    size=self.image_size,
                )
        return None

    def _parameter_shapes(self) -> list[tuple[tuple[int, ...], str]]:
        if self.shape_problem():
            return []
        config = self.config
        shapes = []
        channels = 1
        for layer, filters in enumerate(config.filters, start=1):
            shapes.append(
                ((filters, channels, config.kernel, config.kernel), f"conv{layer}_weight")
            )
            shapes.append(((filters,), f"conv{layer}_bias"))
            channels = filters
        stages = self.stages()
        flat = (
            int(np.prod(stages[-2].shape)) if not config.dense else int(np.prod(stages[-3].shape))
        )
        if config.dense:
            shapes.append(((config.dense, flat), "dense_weight"))
            shapes.append(((config.dense,), "dense_bias"))
            flat = config.dense
        shapes.append(((config.classes, flat), "output_weight"))
        shapes.append(((config.classes,), "output_bias"))
        return shapes

    # -- the model ------------------------------------------------------------------------

    def check_data(self, data: ImageSet) -> str | None:
        if not len(data):
            return T("Draw some images first (at least one of each of two classes).")
        if data.size != self.image_size:
            return T(
                "The images are {size}×{size} but the network was built for {built}×{built}.",
                size=data.size,
                built=self.image_size,
            )
        present = np.unique(data.labels)
        if len(present) < 2:
            return T("Add images of a second class: one class alone cannot be told apart.")
        if present.max() >= self.config.classes:
            return T(
                "There are images of class {label} but the network has {classes} classes.",
                label=int(present.max()),
                classes=self.config.classes,
            )
        return self.shape_problem()

    def tensors(self, data: ImageSet) -> tuple[torch.Tensor, torch.Tensor]:
        x = torch.tensor(data.images).unsqueeze(1)
        return x, torch.tensor(data.labels, dtype=torch.long)

    def training_tensors(self, data: ImageSet, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
        """The training images and their augmented copies (validation images stay as drawn)."""
        x, y = self.tensors(data)
        copies = augmented(data, self.config.augment_copies, seed + AUGMENT_SEED_OFFSET)
        if not len(copies):
            return x, y
        extra_x, extra_y = self.tensors(copies)
        return torch.cat([x, extra_x]), torch.cat([y, extra_y])

    def keeps_parameters(self, config) -> bool:
        """More or fewer augmented copies leave the weights' shapes alone."""
        return type(config) is type(self.config) and (
            replace(config, augment_copies=0) == replace(self.config, augment_copies=0)
        )

    def init_params(self, generator: torch.Generator) -> list[torch.Tensor]:
        """Uniform in ±1/√fan_in, the range nn.Conv2d and nn.Linear start in, drawn layer by
        layer with ``torch.rand`` (weight, then bias)."""
        params = []
        for shape, _name in self._parameter_shapes():
            fan_in = (
                int(np.prod(shape[1:])) if len(shape) > 1 else int(np.prod(params[-1].shape[1:]))
            )
            bound = 1 / math.sqrt(fan_in)
            params.append((torch.rand(shape, generator=generator) * 2 - 1) * bound)
        return params

    def stage_outputs(
        self, params: list[torch.Tensor], x: torch.Tensor
    ) -> list[tuple[str, torch.Tensor]]:
        """Every block's output for images ``x`` (n × 1 × s × s), input first: the feature
        maps after each convolution and after each pooling, then the scores."""
        config = self.config
        act = ACTIVATION_FUNCTIONS[config.activation]
        pad = config.kernel // 2 if config.padding else 0
        outputs = [("input", x)]
        h = x
        layers = len(config.filters)
        for layer in range(layers):
            h = act(F.conv2d(h, params[2 * layer], params[2 * layer + 1], config.stride, pad))
            outputs.append(("conv", h))
            if config.pooling == "max":
                h = F.max_pool2d(h, POOL)
                outputs.append(("pool", h))
            elif config.pooling == "average":
                h = F.avg_pool2d(h, POOL)
                outputs.append(("pool", h))
        h = h.flatten(1)
        rest = params[2 * layers :]
        if config.dense:
            h = act(F.linear(h, rest[0], rest[1]))
            outputs.append(("dense", h))
            rest = rest[2:]
        outputs.append(("output", F.linear(h, rest[0], rest[1])))
        return outputs

    def logits(self, params: list[torch.Tensor], x: torch.Tensor) -> torch.Tensor:
        return self.stage_outputs(params, x)[-1][1]

    def hypothesis(
        self, params: list[torch.Tensor], x: torch.Tensor, train: object = False
    ) -> torch.Tensor:
        return torch.softmax(self.logits(params, x), dim=1)

    def cost(
        self, params: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor, train: object = False
    ) -> torch.Tensor:
        return F.cross_entropy(self.logits(params, x), y)

    def accuracy(self, params, x, y) -> float:
        return float((self.logits(params, x).argmax(dim=1) == y).float().mean())

    def confusion(
        self, params: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor
    ) -> ConfusionView:
        """Counts[true class, predicted class] over these images, and the first ones wrong."""
        with torch.no_grad():
            predicted = self.logits(params, x).argmax(dim=1).cpu()
        truth = y.cpu()
        classes = self.config.classes
        counts = np.bincount(
            (truth * classes + predicted).numpy(), minlength=classes * classes
        ).reshape(classes, classes)
        wrong = torch.nonzero(predicted != truth).reshape(-1)[:MISCLASSIFIED_KEPT]
        return ConfusionView(
            _frozen(counts),
            _frozen(wrong.numpy().copy()),
            _frozen(x[wrong.to(x.device)][:, 0].cpu().numpy()),
            _frozen(truth[wrong].numpy().copy()),
            _frozen(predicted[wrong].numpy().copy()),
        )

    def views(
        self,
        params: list[torch.Tensor],
        rect: Rect | None,
        wanted: Collection[type],
        resolution: int | None = None,
        context: ViewContext | None = None,
    ) -> list:
        """The feature maps of the probe input and the validation confusion matrix, computed
        in the training thread (a 28×28 input through three layers, or 400 validation
        images, would hold the GUI thread for milliseconds at every snapshot)."""
        out = []
        context = context or ViewContext()
        probe = context.probe
        if FeatureMaps in wanted and probe is not None and probe.shape[-1] == self.image_size:
            x = torch.tensor(np.asarray(probe, dtype=np.float32)).reshape(
                1, 1, self.image_size, self.image_size
            )
            with torch.no_grad():
                stages = self.stage_outputs(params, x.to(params[0].device))
            maps = tuple(
                (kind, _frozen(h[0].float().cpu().numpy()))
                for kind, h in stages
                if kind in ("input", "conv", "pool")
            )
            out.append(FeatureMaps(maps))
        if ConfusionView in wanted and context.x_val is not None:
            out.append(self.confusion(params, context.x_val, context.y_val))
        return out

    def equation(self, params: list[np.ndarray]) -> str:
        count = sum(int(np.asarray(p).size) for p in params)
        return T(
            "{layers} convolution layer(s), {count} parameters",
            layers=len(self.config.filters),
            count=f"{count:,}",
        )

    def predict(self, params: list[np.ndarray], x: np.ndarray) -> np.ndarray:
        """Each class's probability for one image (size × size)."""
        tensors = [torch.tensor(np.asarray(p, dtype=np.float32)) for p in params]
        image = torch.tensor(np.asarray(x, dtype=np.float32)).reshape(
            1, 1, self.image_size, self.image_size
        )
        with torch.inference_mode():
            return self.hypothesis(tensors, image).numpy().reshape(-1)

    def predicted_class(self, probabilities: np.ndarray) -> int:
        return int(np.argmax(probabilities))

    # -- the exported script --------------------------------------------------------------

    def script_names(self) -> list[str]:
        return [name for _shape, name in self._parameter_shapes()]

    def script_imports(self) -> list[str]:
        return [
            "import base64",
            "import math",
            "import numpy as np",
            "import torch.nn as nn",
            "import torch.nn.functional as F",
        ]

    def script_data(self, data: ImageSet) -> list[str]:
        doc = data.to_json()
        return [
            "# " + say(T("the images as the lesson file stores them: one byte per pixel")),
            f"SIZE = {data.size}",
            "PIXELS = (",
            *(f'    "{doc["pixels"][i : i + 84]}"' for i in range(0, len(doc["pixels"]), 84)),
            ")",
            "pixels = np.frombuffer(base64.b64decode(PIXELS), dtype=np.uint8)",
            "x_train = torch.from_numpy(pixels.reshape(-1, 1, SIZE, SIZE) / np.float32(255))",
            f"y_train = torch.LongTensor({doc['labels']})",
            "x_first = x_train[:1]  # " + say(T("the first image, for ③ Test")),
        ]

    def _script_built(self, names: list[str]) -> list[str]:
        return [
            "# " + say(T("the blocks as nn modules, built without using the seed's numbers")),
            "state = torch.get_rng_state()",
            *self.script_modules(),
            "torch.set_rng_state(state)",
            f"{', '.join(names)} = model.parameters()",
        ]

    def script_init(self, names: list[str]) -> list[str]:
        return [
            *self._script_built(names),
            "# "
            + say(
                T(
                    "the start: uniform in ±1/√(inputs), drawn with torch.rand layer by layer "
                    "as the app draws it"
                )
            ),
            "with torch.no_grad():",
            "    for param in model.parameters():",
            "        fan_in = param[0].numel() if param.dim() > 1 else fan_in",
            "        param.copy_((torch.rand(param.shape) * 2 - 1) * (1 / math.sqrt(fan_in)))",
        ]

    def script_weights(self, names: list[str], values: list[np.ndarray]) -> list[str]:
        return [*self._script_built(names), *copied_weights(names, values)]

    def script_model(self, names: list[str]) -> list[str]:
        return ["def H(x):", "    return torch.softmax(model(x), dim=1)"]

    def script_modules(self) -> list[str]:
        """``model = nn.Sequential(...)``: the blocks as nn modules, built before the seed."""
        config = self.config
        pad = config.kernel // 2 if config.padding else 0
        act = {"relu": "nn.ReLU()", "tanh": "nn.Tanh()", "sigmoid": "nn.Sigmoid()"}[
            config.activation
        ]
        pool = {"max": f"nn.MaxPool2d({POOL})", "average": f"nn.AvgPool2d({POOL})"}.get(
            config.pooling
        )
        lines = ["model = nn.Sequential("]
        channels = 1
        for filters in config.filters:
            lines.append(
                f"    nn.Conv2d({channels}, {filters}, {config.kernel}, stride={config.stride}, "
                f"padding={pad}), {act},"
            )
            if pool:
                lines.append(f"    {pool},")
            channels = filters
        stages = self.stages()
        flat = int(np.prod(stages[-3 if config.dense else -2].shape))
        lines.append("    nn.Flatten(),")
        if config.dense:
            lines.append(f"    nn.Linear({flat}, {config.dense}), {act},")
            flat = config.dense
        lines.append(f"    nn.Linear({flat}, {config.classes}),")
        lines.append(")")
        return lines

    def script_cost(self, x: str, y: str) -> str:
        return f"F.cross_entropy(model({x}), {y})"

    def script_augment(self, seed: int) -> list[str]:
        copies = self.config.augment_copies
        if not copies:
            return []
        note = T(
            "Data augmentation: {copies} shifted, rotated and scaled copies of each training "
            "image, drawn from their own generator (Seed + 2), as the app makes them.",
            copies=copies,
        )
        return [
            *("# " + line for line in textwrap.wrap(say(note), 90, break_long_words=False)),
            f"augment = torch.Generator().manual_seed({seed + AUGMENT_SEED_OFFSET})",
            f"n = len(x_train) * {copies}",
            "angle = (torch.rand(n, generator=augment) * 2 - 1) * math.radians(12)",
            "scale = 1 + (torch.rand(n, generator=augment) * 2 - 1) * 0.1",
            "shift = (torch.rand((n, 2), generator=augment) * 2 - 1) * (2 / 8)",
            "cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale",
            "theta = torch.stack([torch.stack([cos, -sin, shift[:, 0]], 1), "
            "torch.stack([sin, cos, shift[:, 1]], 1)], 1)",
            f"source = x_train.repeat({copies}, 1, 1, 1)",
            "grid = F.affine_grid(theta, list(source.shape), align_corners=False)",
            "moved = F.grid_sample(source, grid, align_corners=False, padding_mode='zeros')",
            "moved = torch.round(moved.clamp(0, 1) * 255) / 255  # "
            + say(T("whole steps of 1/255, as the app keeps pixels")),
            "x_train = torch.cat([x_train, moved])",
            f"y_train = torch.cat([y_train, y_train.repeat({copies})])",
        ]

    def probe_input(self, data: ImageSet) -> np.ndarray:
        return np.asarray(data.images[0])

    def script_probe(self, data: ImageSet) -> list[str]:
        return ["x_test = x_first  # " + say(T("the first image"))]

    def script_test(self) -> list[str]:
        return ['print("H(x_test) =", H(x_test).detach()[0].tolist())']

    def script_accuracy(self) -> str:
        return "(model(x_train).argmax(dim=1) == y_train).float().mean().item()"


def _frozen(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


def apply_kernel(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """One hand-set convolution of an image (zero padding, stride 1): what a single filter
    does before any training. Cross-correlation, as ``F.conv2d`` computes it."""
    x = torch.as_tensor(np.asarray(image, dtype=np.float32))[None, None]
    w = torch.as_tensor(np.asarray(kernel, dtype=np.float32))[None, None]
    with torch.no_grad():
        return F.conv2d(x, w, padding=w.shape[-1] // 2)[0, 0].numpy()


def augmented(data: ImageSet, copies: int, seed: int) -> ImageSet:
    """``copies`` new images per image, each shifted (±1 pixel per 8), rotated (±12°) and
    scaled (±10 %) at random: a few drawings go further, and every copy keeps its label."""
    if not copies or not len(data):
        return ImageSet.empty(data.size)
    generator = torch.Generator().manual_seed(seed)
    n = len(data) * copies
    angle = (torch.rand(n, generator=generator) * 2 - 1) * math.radians(12)
    scale = 1 + (torch.rand(n, generator=generator) * 2 - 1) * 0.1
    shift = (torch.rand((n, 2), generator=generator) * 2 - 1) * (2 / 8)
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack(
        [torch.stack([cos, -sin, shift[:, 0]], 1), torch.stack([sin, cos, shift[:, 1]], 1)], 1
    )
    source = torch.tensor(data.images).unsqueeze(1).repeat(copies, 1, 1, 1)
    grid = F.affine_grid(theta, list(source.shape), align_corners=False)
    moved = F.grid_sample(source, grid, align_corners=False, padding_mode="zeros")
    return ImageSet(moved[:, 0].numpy(), np.tile(data.labels, copies))
