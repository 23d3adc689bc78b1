"""Plain minibatch SGD for small dense networks in numpy, many steps per call.

Why it exists: a teacher copies TensorFlow Playground's settings (a 2-8-8-1 tanh network,
batch 10) and expects the app to train at least as fast as that web page. One step of such
a network is about twenty array operations on arrays of a few dozen numbers, so the time
is all per-operation overhead: torch spends 1–3 µs on each (dispatch, autograd), numpy
~0.2 µs on a ufunc and ~0.5 µs on a matrix product when every result goes into a buffer
allocated once (positional ``out``, 0-d arrays for scalars, no temporaries). So this module
does what ``cost`` + ``backward()`` + ``SGD.step()`` do, written out:

- each layer's weights and bias are one matrix ``[Wᵀ | b]`` (out × in+1) and each layer's
  input has a row of ones, so a layer is one matrix product forward and one backward;
- every layer's matrix is a view of one flat parameter buffer and every gradient a view of
  one flat gradient buffer, so the update (with L2 weight decay as torch applies it) is one
  or two operations; the learning rate is folded into the output layer's gradient;
- a call runs a whole plan of minibatches (an epoch, typically): the minibatches are
  gathered in one operation, and the costs (of each minibatch before its update, as the
  lecture's loop prints them) are computed in one vectorized pass from the logits kept
  per step.

Float32 like torch, so the numbers equal autograd's within float rounding (tested), not
bit for bit. Hidden activations: tanh, relu, sigmoid, linear; outputs: one sigmoid unit
with binary cross-entropy on 0/1 labels, or softmax with cross-entropy on class indices.
Nothing here knows a lesson; a lesson that trains such a network declares it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import torch

HIDDEN_ACTIVATIONS = ("tanh", "relu", "sigmoid", "identity")
#: One sigmoid output with binary cross-entropy, or a softmax ("categorical") with
#: cross-entropy. Named for what they compute, not after any lesson.
OUTPUTS = ("sigmoid", "categorical")

_F32 = np.float32


def _scalar(value: float) -> np.ndarray:
    """A 0-d float32 array: as an operand it costs a ufunc ~0.2 µs less than a Python float."""
    return np.full((), value, dtype=_F32)


class MinibatchSGD:
    """SGD on a dense network ``sizes[0] → … → sizes[-1]``, on torch parameters laid out as
    a lesson keeps them (per layer ``W`` in×out, then ``b``), updated in place.

    One object per trainer: it keeps buffers for one batch size and one training set, and
    the start of the last run so ``truncate`` can replay part of it.
    """

    def __init__(self, sizes: Sequence[int], activation: str, output: str):
        if activation not in HIDDEN_ACTIVATIONS:
            raise ValueError(f"unknown activation {activation!r}")
        if output not in OUTPUTS:
            raise ValueError(f"unknown output {output!r}")
        if output == "sigmoid" and sizes[-1] != 1:
            raise ValueError("a sigmoid output has one unit")
        self.sizes = tuple(int(n) for n in sizes)
        self.activation = activation
        self.output = output
        shapes = [
            (fan_out, fan_in + 1) for fan_in, fan_out in zip(sizes[:-1], sizes[1:], strict=True)
        ]
        total = sum(rows * cols for rows, cols in shapes)
        self._flat = np.zeros(total, _F32)
        self._grad = np.zeros(total, _F32)
        self._start = np.zeros(total, _F32)
        self._weights: list[np.ndarray] = []
        self._grads: list[np.ndarray] = []
        offset = 0
        for rows, cols in shapes:
            self._weights.append(self._flat[offset : offset + rows * cols].reshape(rows, cols))
            self._grads.append(self._grad[offset : offset + rows * cols].reshape(rows, cols))
            offset += rows * cols
        self._loop = _compiled_loop(len(self.sizes) - 1, activation, output)
        self._views: tuple[np.ndarray, ...] = ()
        #: The run's scalars (set for each run): c/2, c = −lr/batch, 1 − lr·λ.
        self._half_c, self._scale, self._decay = _scalar(0), _scalar(0), _scalar(1)
        self._params: list[torch.Tensor] | None = None
        self._param_arrays: list[np.ndarray] = []
        self._x: torch.Tensor | None = None
        self._y: torch.Tensor | None = None
        self._batch = 0
        self._capacity = 0
        self._steps = 0

    # -- the public part -------------------------------------------------------------------

    def run(
        self,
        params: list[torch.Tensor],
        x: torch.Tensor,
        y: torch.Tensor,
        plan: np.ndarray,
        lr: float,
        weight_decay: float = 0.0,
    ) -> np.ndarray:
        """One SGD step per row of ``plan`` (the indices of a minibatch into ``x``, ``y``),
        updating ``params`` in place; returns each step's cost before its update.

        A cost that stops being finite does not stop the run here: the caller decides
        where the run should have stopped and calls ``truncate``."""
        steps, batch = plan.shape
        self._bind(params, x, y)
        self._prepare(steps, batch)
        self._load()
        np.copyto(self._start, self._flat)
        self._gather(plan)
        self._lr, self._weight_decay = float(lr), float(weight_decay)
        self._steps = steps
        with np.errstate(all="ignore"):  # a diverging run's inf and nan are reported, not warned
            self._train(steps)
            costs = self._costs(steps)
        self._store()
        return costs

    def truncate(self, keep: int) -> None:
        """Go back to the start of the last ``run`` and redo only its first ``keep`` steps
        (the same minibatches, so the same numbers): where a stop rule says it ended."""
        if not 0 <= keep <= self._steps:
            raise ValueError(f"cannot keep {keep} of {self._steps} steps")
        np.copyto(self._flat, self._start)
        with np.errstate(all="ignore"):
            self._train(keep)
        self._steps = keep
        self._store()

    # -- setting up ------------------------------------------------------------------------

    def _bind(self, params: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor) -> None:
        """numpy views of the parameters and the training set, made again only when the
        caller hands other tensors (a reset makes new parameters, new data new tensors)."""
        if self._params is None or any(
            mine is not theirs for mine, theirs in zip(self._params, params, strict=True)
        ):
            self._params = list(params)
            self._param_arrays = [p.detach().numpy() for p in params]
            self._versions: list[int] | None = None
        if self._x is not x or self._y is not y:
            self._x, self._y = x, y
            points = x.detach().numpy()
            #: Each point with a 1 appended, so a product with [Wᵀ | b] adds the bias.
            self._points = np.ones((len(points), points.shape[1] + 1), _F32)
            self._points[:, :-1] = points
            self._labels = y.detach().numpy().astype(np.int64)
            #: ½ − y for a sigmoid output (see _train).
            self._half_minus_labels = (0.5 - self._labels).astype(_F32)

    def _prepare(self, steps: int, batch: int) -> None:
        """Buffers for ``steps`` minibatches of ``batch`` points, kept while they fit."""
        same_batch = batch == self._batch
        if same_batch and steps <= self._capacity:
            return
        if not same_batch:
            self._batch = batch
            hidden = self.sizes[1:-1]
            #: Each hidden layer's outputs with a row of ones below, and their transposes.
            self._outs = [np.ones((n + 1, batch), _F32) for n in hidden]
            #: ∂cost/∂(each hidden layer's outputs), the row of ones' included (unused).
            self._deltas = [np.empty((n + 1, batch), _F32) for n in hidden]
            self._temps = [np.empty((n, batch), _F32) for n in hidden]
            self._masks = [np.empty((n, batch), bool) for n in hidden]
            #: ∂cost/∂(each layer's pre-activations), scaled by −lr.
            self._dz = [np.empty((n, batch), _F32) for n in self.sizes[1:]]
            classes = self.sizes[-1]
            self._t = np.empty((classes, batch), _F32)
            self._column = np.empty((1, batch), _F32)
        # Doubling: the training thread asks for 1, 2, 4… steps a call as it warms up.
        capacity = max(steps, 2 * self._capacity) if same_batch else steps
        inputs, classes = self.sizes[0] + 1, self.sizes[-1]
        self._capacity = capacity
        #: The gathered minibatches, a point a row (the products use their transposes).
        self._rows = np.empty((capacity, batch, inputs), _F32)
        #: The labels' part of each step's output gradient (see _train).
        self._targets = np.empty((capacity, classes, batch), _F32)
        self._plan_labels = np.empty((capacity, batch), np.int64)
        self._plan_half_minus = np.empty((capacity, batch), _F32)
        #: Each step's logits, kept for the costs computed after the run.
        self._logits = np.empty((capacity, classes, batch), _F32)
        views = self._loop_views()
        self._views = tuple(views[name] for name in _view_names(len(self._weights)))

    def _loop_views(self) -> dict[str, np.ndarray]:
        """The arrays the generated loop works on, by the names of ``_view_names``."""
        views = {
            # Lists of each step's views: indexing a list costs less than slicing an array.
            "columns": [rows.T for rows in self._rows],
            "rows": list(self._rows),
            "logits": list(self._logits),
            "targets": list(self._targets),
            "flat": self._flat,
            "grad": self._grad,
            "t": self._t,
            "column": self._column,
            "half": _scalar(0.5),
            "one": _scalar(1.0),
            "zero": _scalar(0.0),
            "half_c": self._half_c,
            "scale": self._scale,
            "decay": self._decay,
        }
        for k, weight in enumerate(self._weights):
            views |= {f"w{k}": weight, f"wt{k}": weight.T, f"g{k}": self._grads[k]}
            views[f"dz{k}"] = self._dz[k]
        for k, out in enumerate(self._outs):
            views |= {f"o{k}": out, f"h{k}": out[:-1], f"ot{k}": out.T}
            views |= {f"d{k}": self._deltas[k], f"dh{k}": self._deltas[k][:-1]}
            views |= {f"tmp{k}": self._temps[k], f"m{k}": self._masks[k]}
        return views

    def _load(self) -> None:
        """The torch parameters into [Wᵀ | b] when torch changed them since the last run
        (an early stop going back, another route's steps): torch counts every in-place
        change of a tensor in ``_version``, and this class writes through numpy, which
        torch does not count."""
        versions = [p._version for p in self._params]
        if versions == self._versions:
            return
        self._versions = versions
        arrays = self._param_arrays
        for layer, matrix in enumerate(self._weights):
            np.copyto(matrix[:, :-1], arrays[2 * layer].T)
            np.copyto(matrix[:, -1], arrays[2 * layer + 1])

    def _store(self) -> None:
        arrays = self._param_arrays
        for layer, matrix in enumerate(self._weights):
            np.copyto(arrays[2 * layer], matrix[:, :-1].T)
            np.copyto(arrays[2 * layer + 1], matrix[:, -1])

    def _gather(self, plan: np.ndarray) -> None:
        """The run's minibatches and their labels, each in one operation."""
        steps = len(plan)
        self._points.take(plan, 0, self._rows[:steps])
        if self.output == "sigmoid":
            self._half_minus_labels.take(plan, None, self._plan_half_minus[:steps])
        else:
            self._labels.take(plan, None, self._plan_labels[:steps])

    # -- the steps -------------------------------------------------------------------------

    def _train(self, steps: int) -> None:
        """``steps`` SGD steps on the gathered minibatches, through the generated loop.

        The output gradient of the batch's mean cost, times −lr, is
        sigmoid: (σ(z) − y)·c = tanh(z/2)·c/2 + (½ − y)·c, with c = −lr/batch;
        softmax: (softmax(z) − onehot(y))·c;
        its labels' part is computed here for all the steps at once."""
        c = -self._lr / self._batch
        targets = self._targets[:steps]
        if self.output == "sigmoid":
            np.multiply(self._plan_half_minus[:steps, None, :], _F32(c), out=targets)
        else:
            targets.fill(0)
            labels = self._plan_labels[:steps, None, :]
            np.put_along_axis(targets, labels, _F32(-c), axis=1)
        self._half_c.fill(c / 2)
        self._scale.fill(c)
        self._decay.fill(1 - self._lr * self._weight_decay)
        self._loop(steps, bool(self._weight_decay), self._views)

    def _costs(self, steps: int) -> np.ndarray:
        """Each step's cost from its kept logits, in float32 as torch's losses compute them
        (softplus and log-sum-exp in their stable forms), so a cost overflows to inf at
        the step where autograd's does and the run stops at the same step."""
        z = self._logits[:steps]
        if self.output == "sigmoid":
            # BCE with logits = softplus(z) − y·z = softplus((1 − 2y)·z), 1 − 2y = 2(½ − y).
            signs = self._plan_half_minus[:steps] * _F32(2)
            losses = np.logaddexp(_F32(0), signs * z[:, 0, :])
        else:
            labels = self._plan_labels[:steps]
            top = z.max(axis=1, keepdims=True)
            lse = np.log(np.exp(z - top).sum(axis=1)) + top[:, 0, :]
            losses = lse - np.take_along_axis(z, labels[:, None, :], axis=1)[:, 0, :]
        sums = np.add.reduce(losses, axis=1, dtype=_F32)
        return np.divide(sums, _F32(losses.shape[1]), dtype=_F32).astype(np.float64)


def _view_names(layers: int) -> list[str]:
    """The buffers and views the generated loop works on (see ``MinibatchSGD._prepare``):
    per weight layer k, ``w`` [Wᵀ | b], ``wt`` its transpose, ``g`` its gradient, ``dz``
    ∂cost/∂(pre-activations) times −lr; per hidden layer k, ``o`` its outputs with a row of
    ones below, ``h`` the outputs alone, ``ot`` the transpose of ``o``, ``d``/``dh``
    ∂cost/∂``o``/∂``h`` times −lr, ``tmp`` and ``m`` scratch."""
    names = ["columns", "rows", "logits", "targets", "flat", "grad", "t", "column"]
    names += ["half", "one", "zero", "half_c", "scale", "decay"]
    for k in range(layers):
        names += [f"w{k}", f"wt{k}", f"g{k}", f"dz{k}"]
    for k in range(layers - 1):
        names += [f"o{k}", f"h{k}", f"ot{k}", f"d{k}", f"dh{k}", f"tmp{k}", f"m{k}"]
    return names


_FORWARD = {
    "tanh": ["tanh(h{k}, h{k})"],
    "relu": ["maximum(h{k}, zero, out=h{k})"],
    # σ(u) = ½·tanh(u/2) + ½, which cannot overflow
    "sigmoid": [
        "multiply(h{k}, half, h{k})",
        "tanh(h{k}, h{k})",
        "multiply(h{k}, half, h{k})",
        "add(h{k}, half, h{k})",
    ],
    "identity": [],
}
#: ∂cost/∂(pre-activations) from ∂cost/∂(outputs) ``dh`` and the outputs ``h``.
_DERIVATIVE = {
    "tanh": ["multiply(h{k}, h{k}, tmp{k})", "subtract(one, tmp{k}, tmp{k})"],  # 1 − tanh²
    "relu": ["greater(h{k}, zero, m{k})"],
    "sigmoid": ["subtract(one, h{k}, tmp{k})", "multiply(tmp{k}, h{k}, tmp{k})"],  # σ(1 − σ)
    "identity": [],
}
_DERIVATIVE_LAST = {
    "tanh": "multiply(dh{k}, tmp{k}, dz{k})",
    "relu": "multiply(dh{k}, m{k}, dz{k})",
    "sigmoid": "multiply(dh{k}, tmp{k}, dz{k})",
    "identity": "copyto(dz{k}, dh{k})",
}
_OUTPUT_GRADIENT = {
    "sigmoid": ["multiply(z, half, t)", "tanh(t, t)", "multiply(t, half_c, t)"],
    "categorical": [
        "maximum.reduce(z, 0, None, column[0])",
        "subtract(z, column, t)",
        "exp(t, t)",
        "add.reduce(t, 0, None, column[0])",
        "divide(t, column, t)",
        "multiply(t, scale, t)",
    ],
}


def _loop_source(layers: int, activation: str, output: str) -> str:
    """The SGD loop for ``layers`` weight layers as Python source, one numpy call per line.

    Written out layer by layer because a loop over the layers and branches on the
    activation inside the step loop cost ~10 % of a 2-8-8-1 step; the operations are
    the same. Each step: forward (product, activation), the output gradient, then from
    the top down ∂W = dz·inputᵀ and, below the top, ∂inputs = Wᵀ·dz through the
    activation's derivative; last the update of the flat buffer."""
    top = layers - 1
    body = []
    below = "columns[step]"
    for k in range(top):
        body.append(f"dot(w{k}, {below}, h{k})")
        body += [line.format(k=k) for line in _FORWARD[activation]]
        below = f"o{k}"
    body += ["z = logits[step]", f"dot(w{top}, {below}, z)"]
    body += _OUTPUT_GRADIENT[output]
    body.append(f"add(t, targets[step], dz{top})")
    for k in range(top, -1, -1):
        body.append(f"dot(dz{k}, {f'ot{k - 1}' if k else 'rows[step]'}, g{k})")
        if k:
            body.append(f"dot(wt{k}, dz{k}, d{k - 1})")
            body += [line.format(k=k - 1) for line in _DERIVATIVE[activation]]
            body.append(_DERIVATIVE_LAST[activation].format(k=k - 1))
    body += [
        "if decayed:  # torch: p − lr·(g + λp) = p·(1 − lr·λ) − lr·g",
        "    multiply(flat, decay, flat)",
        "add(flat, grad, flat)",
    ]
    arguments = ", ".join(_view_names(layers))
    lines = ["def loop(steps, decayed, views):", f"    ({arguments},) = views"]
    lines.append("    for step in range(steps):")
    lines += [f"        {line}" for line in body]
    return "\n".join(lines) + "\n"


def _compiled_loop(layers: int, activation: str, output: str):
    """The loop of ``_loop_source`` as a function (Python's own compiler: no C compiler,
    nothing at run time that a bundled app lacks)."""
    namespace = {
        name: getattr(np, name)
        for name in ("tanh", "maximum", "greater", "multiply", "subtract", "add")
        + ("divide", "exp", "copyto")
    }
    # numpy ≥ 1.25 calls a Python dispatcher (for __array_function__) before each
    # np.dot, ~0.15 µs of a ~0.5 µs product; the loop's arrays are all plain ndarrays.
    namespace["dot"] = getattr(np.dot, "_implementation", np.dot)
    exec(compile(_loop_source(layers, activation, output), "<fast_mlp loop>", "exec"), namespace)
    return namespace["loop"]
