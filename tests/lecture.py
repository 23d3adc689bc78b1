"""The lecture's own script (../shared/seed), as a function: the reference for every number."""

from __future__ import annotations

import torch

LECTURE_X = [[1, 2], [2, 3], [3, 4], [4, 4], [5, 3], [6, 2]]
LECTURE_Y = [0, 0, 0, 1, 1, 1]
NONLINEAR_X = LECTURE_X + [[6, 4]]
NONLINEAR_Y = LECTURE_Y + [0]


def lecture_loop(seed: int, make_optimizer, x=LECTURE_X, y=LECTURE_Y):
    """The lecture's binary script up to its loop: returns (w, b, H, train(n)), where train(n)
    runs n iterations of the lecture's loop body with the optimizer ``make_optimizer([w, b])``."""
    torch.manual_seed(seed)
    x_train = torch.FloatTensor(x)
    y_train = torch.FloatTensor([[v] for v in y])
    w = torch.randn([2, 1], requires_grad=True)
    b = torch.randn([1], requires_grad=True)
    optimizer = make_optimizer([w, b])

    def H(x):  # noqa: N802 - the lecture's name
        return torch.sigmoid(torch.matmul(x, w) + b)

    def train(steps: int) -> None:
        for _ in range(steps):
            cost = -torch.mean(
                y_train * torch.log(H(x_train)) + (1 - y_train) * torch.log(1 - H(x_train))
            )
            optimizer.zero_grad()
            cost.backward()
            optimizer.step()

    return w, b, H, train


def lecture_binary(seed: int, steps: int = 2000, lr: float = 0.01, x=LECTURE_X, y=LECTURE_Y):
    """Returns (w, b, H(x_test=[6,4]).item(), H(x_train)) exactly as the lecture computes them."""
    w, b, H, train = lecture_loop(seed, lambda p: torch.optim.SGD(p, lr=lr), x, y)  # noqa: N806
    train(steps)
    x_test = torch.FloatTensor([[6, 4]])
    x_train = torch.FloatTensor(x)
    return w.detach().clone(), b.detach().clone(), H(x_test).detach().item(), H(x_train).detach()


def lecture_linear(seed: int, xs, ys, steps: int = 2000, lr: float = 0.01):
    """The same loop for H(x) = Wx + b with the mean squared error."""
    torch.manual_seed(seed)
    x_train = torch.FloatTensor([[v] for v in xs])
    y_train = torch.FloatTensor([[v] for v in ys])
    w = torch.randn([1, 1], requires_grad=True)
    b = torch.randn([1], requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=lr)
    costs = []
    for _ in range(steps):
        cost = torch.mean((torch.matmul(x_train, w) + b - y_train) ** 2)
        costs.append(cost.item())
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
    return w.detach().clone(), b.detach().clone(), costs
