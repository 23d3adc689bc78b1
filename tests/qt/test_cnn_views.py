"""The CNN lesson's pictures: each takes typical and edge inputs, paints, and shows what it
says it shows (blue for positive weights, pooled maps half as wide, the counts in cells)."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QColor, QImage

from desktopdl.core.lessons.cnn import KERNELS, CNNConfig, ConvolutionalNetwork
from desktopdl.qt import theme
from desktopdl.qt.app import application
from desktopdl.qt.cnn_views import (
    TYPED,
    ArchitectureDiagram,
    ConfusionMatrixView,
    ConfusionPage,
    FeatureMapsView,
    FilterGrid,
    KernelPlayground,
    MisclassifiedStrip,
)
from tests.qt.pictures import colors, picture, shown


@pytest.fixture(autouse=True)
def app():
    return application()


def at(image: QImage, rect: QRectF) -> QColor:
    return image.pixelColor(QPoint(int(rect.center().x()), int(rect.center().y())))


def corner(image: QImage, rect: QRectF) -> QColor:
    """A pixel near the cell's top-left, away from its centred text."""
    return image.pixelColor(QPoint(int(rect.left()) + 3, int(rect.top()) + 3))


def lesson(**config) -> ConvolutionalNetwork:
    return ConvolutionalNetwork(CNNConfig(classes=10, image_size=28, **config))


def vertical_bar(size: int = 28) -> np.ndarray:
    image = np.zeros((size, size), np.float32)
    image[4:24, 12:16] = 1
    return image


def stage_maps(network: ConvolutionalNetwork, image: np.ndarray) -> list[tuple[str, np.ndarray]]:
    params = network.init_params(torch.Generator().manual_seed(0))
    with torch.no_grad():
        outputs = network.stage_outputs(params, torch.tensor(image)[None, None])
    return [(kind, value[0].numpy()) for kind, value in outputs]


# -- the architecture -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "config",
    [
        {"filters": (8, 16, 16), "dense": 32},
        {"filters": (8,), "pooling": "none"},
        {"filters": (16, 16, 16), "dense": 64, "kernel": 5},
    ],
    ids=["three-layers-dense", "one-layer", "widest"],
)
def test_architecture_fits_560_by_180_with_every_label_inside_and_apart(qtbot, look, config):
    network = lesson(**config)
    diagram = shown(qtbot, ArchitectureDiagram(), 560, 180)
    diagram.set_stages(network.stages())
    places = diagram.places()
    assert [p.stage.kind for p in places] == [s.kind for s in network.stages()]
    whole = QRectF(diagram.rect())
    boxes = [box for place in places for box, text, _bold in place.texts if text]
    boxes.append(diagram.total_rect())
    for box in boxes:
        assert whole.contains(box), box
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap = a.intersected(b)
            assert overlap.width() < 1 or overlap.height() < 1, (a, b)
    for place in places:
        assert whole.contains(place.block)
    count = sum(int(p.numel()) for p in network.init_params(torch.Generator().manual_seed(0)))
    assert diagram.total_parameters() == count
    assert f"{count:,}" in diagram.total_text()
    assert colors(picture(diagram)) > 4


def test_architecture_blocks_shrink_with_pooling_and_vectors_are_bars(qtbot):
    diagram = shown(qtbot, ArchitectureDiagram(), 560, 180)
    diagram.set_stages(lesson(filters=(8, 16), dense=32).stages())
    places = {(p.stage.kind, p.stage.shape): p.block for p in diagram.places()}
    conv, pool = places[("conv", (8, 28, 28))], places[("pool", (8, 14, 14))]
    depth = (6 - 1) * diagram.places()[1].depth
    assert pool.height() - depth == pytest.approx((conv.height() - depth) / 2, abs=1)
    dense, output = places[("dense", (32,))], places[("output", (10,))]
    assert dense.width() < dense.height()
    assert output.height() < dense.height()
    texts = [text for place in diagram.places() for _box, text, _bold in place.texts]
    assert "8@28×28" in " ".join(texts) and "80 params" in texts


def test_architecture_with_nothing_paints_nothing(qtbot):
    diagram = shown(qtbot, ArchitectureDiagram(), 560, 180)
    assert diagram.places() == []
    picture(diagram)


# -- the filters ----------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 16])
def test_filter_grid_draws_positive_blue_negative_orange_in_large_cells(qtbot, look, count):
    weights = np.zeros((count, 1, 3, 3), np.float32)
    weights[:, 0, 0, 0] = 0.5
    weights[:, 0, 2, 2] = -0.5
    weights[-1, 0, 1, 1] = 2.0  # the largest |w|: every filter shares its scale
    grid = shown(qtbot, FilterGrid())
    grid.set_filters(weights)
    assert len(grid.filter_rects()) == count
    image = picture(grid)
    for index in range(count):
        positive, negative = grid.cell_rect(index, 0, 0), grid.cell_rect(index, 2, 2)
        assert positive.width() >= 12
        blue, orange = at(image, positive), at(image, negative)
        assert blue.blue() > blue.red() + 30
        assert orange.red() > orange.blue() + 30
    strongest = at(image, grid.cell_rect(count - 1, 1, 1))
    weak = at(image, grid.cell_rect(count - 1, 0, 0))
    assert strongest.red() < weak.red()  # 2.0 is a deeper blue than 0.5
    assert "2" in grid.legend_text()
    for a, b in zip(grid.filter_rects(), grid.filter_rects()[1:], strict=False):
        assert not a.intersects(b)


def test_filter_grid_takes_at_most_16_and_survives_nan(qtbot):
    grid = shown(qtbot, FilterGrid())
    weights = np.random.default_rng(0).normal(size=(20, 3, 5, 5))
    weights[0, 0, 0, 0] = np.nan
    grid.set_filters(weights)
    assert len(grid.filter_rects()) == 16
    assert grid.cell_rect(0, 0, 0).width() >= 12
    assert colors(picture(grid)) > 10


# -- the feature maps -----------------------------------------------------------------------


def test_feature_maps_share_one_pixel_size_so_pooling_halves_the_width(qtbot, look):
    view = shown(qtbot, FeatureMapsView())
    view.set_maps(stage_maps(lesson(filters=(4,)), vertical_bar()))
    assert view.row_labels() == ["input", "conv 1", "pool 1"]
    rects = view.map_rects()
    assert [len(row) for row in rects] == [1, 4, 4]
    cell = view.cell_size()
    assert rects[0][0].width() == pytest.approx(28 * cell)
    assert rects[1][0].width() == pytest.approx(28 * cell)
    assert rects[2][0].width() == pytest.approx(rects[1][0].width() / 2)
    whole = QRectF(view.rect())
    for row in rects:
        for rect in row:
            assert whole.contains(rect)
    assert colors(picture(view)) > 10
    assert "same pixel size" in view.toolTip()


def test_feature_maps_of_three_layers_of_16_fit_and_shrink_row_by_row(qtbot):
    view = shown(qtbot, FeatureMapsView())
    network = lesson(filters=(16, 16, 16), dense=32)
    view.set_maps(stage_maps(network, vertical_bar()))  # the dense and the scores are skipped
    assert view.row_labels() == [
        "input",
        "conv 1",
        "pool 1",
        "conv 2",
        "pool 2",
        "conv 3",
        "pool 3",
    ]
    rects = view.map_rects()
    widths = [row[0].width() for row in rects]
    assert widths[2] == pytest.approx(widths[1] / 2)
    assert widths[4] == pytest.approx(widths[3] / 2)
    assert widths[6] < widths[5]
    whole = QRectF(view.rect())
    assert all(whole.contains(rect) for row in rects for rect in row)
    flat = [rect for row in rects for rect in row]
    for i, a in enumerate(flat):
        for b in flat[i + 1 :]:
            overlap = a.intersected(b)
            assert overlap.width() < 0.5 or overlap.height() < 0.5
    picture(view)


def test_feature_maps_take_a_batch_and_flat_maps(qtbot):
    view = shown(qtbot, FeatureMapsView())
    view.set_maps([("input", np.zeros((1, 1, 8, 8))), ("conv", np.ones((2, 8, 8)))])
    assert len(view.map_rects()) == 2
    picture(view)


# -- the confusion matrix and the mistakes --------------------------------------------------


@pytest.mark.parametrize("classes", [2, 10])
def test_confusion_counts_in_cells_diagonal_green_mistakes_orange(qtbot, look, classes):
    counts = np.full((classes, classes), 1) + np.diag(np.arange(classes) + 20)
    counts[0, classes - 1] = 0
    view = shown(qtbot, ConfusionMatrixView(), 360, 260)
    view.set_matrix(counts)
    image = picture(view)
    for true in range(classes):
        for predicted in range(classes):
            assert view.cell_text(true, predicted) == str(counts[true, predicted])
    right, wrong = corner(image, view.cell_rect(1, 1)), corner(image, view.cell_rect(1, 0))
    assert right.green() > right.red() + 40
    assert wrong.red() > wrong.green() + 20
    empty = corner(image, view.cell_rect(0, classes - 1))
    assert empty == theme.LOOK.background
    cell = view.cell_rect(0, 0)
    assert cell.height() >= 16  # room for a 12 pt count
    assert QRectF(view.rect()).contains(view.grid_rect())


def test_confusion_without_a_matrix_paints_nothing(qtbot):
    view = shown(qtbot, ConfusionMatrixView(), 360, 260)
    view.set_matrix(np.zeros((0, 0)))
    picture(view)
    view.set_matrix(np.zeros(3))  # not a matrix: shown as none
    assert view.counts.shape == (0, 0)
    picture(view)


def test_misclassified_strip_captions_true_then_predicted(qtbot, look):
    strip = shown(qtbot, MisclassifiedStrip(), 320, 260)
    images = np.zeros((3, 28, 28), np.float32)
    images[:, 5:20, 10:14] = 1
    strip.set_misclassified(images, np.array([3, 1, 7]), np.array([5, 7, 1]))
    assert strip.captions() == ["3 → 5", "1 → 7", "7 → 1"]
    assert strip.header() == "Misclassified: 3"
    image = picture(strip)
    thumb = strip.thumbnail_rects()[0]
    assert thumb.width() >= 36
    ink = image.pixelColor(
        QPoint(int(thumb.left() + thumb.width() * 12 / 28), int(thumb.center().y()))
    )
    paper = image.pixelColor(
        QPoint(int(thumb.left() + thumb.width() * 3 / 28), int(thumb.center().y()))
    )
    assert ink == theme.LOOK.foreground and paper == theme.LOOK.background


def test_misclassified_strip_says_none_and_caps_the_thumbnails(qtbot):
    strip = shown(qtbot, MisclassifiedStrip(), 320, 260)
    strip.set_misclassified(np.zeros((0, 28, 28)), np.zeros(0), np.zeros(0))
    assert strip.captions() == [] and "none" in strip.header()
    assert colors(picture(strip)) > 1
    strip.set_misclassified(np.zeros((40, 8, 8)), np.arange(40) % 10, (np.arange(40) + 1) % 10)
    assert 0 < len(strip.captions()) <= 24
    assert "40" in strip.header() and str(len(strip.captions())) in strip.header()
    assert all(r.width() >= 36 for r in strip.thumbnail_rects())


def test_confusion_page_forwards_both(qtbot):
    page = shown(qtbot, ConfusionPage())
    page.set_matrix(np.eye(10, dtype=int) * 5)
    page.set_misclassified(np.zeros((1, 28, 28)), np.array([2]), np.array([4]))
    assert page.matrix.cell_text(3, 3) == "5" and page.strip.captions() == ["2 → 4"]
    picture(page)


# -- one hand-set kernel --------------------------------------------------------------------


def test_vertical_edges_kernel_finds_both_sides_of_a_vertical_bar(qtbot, look):
    playground = shown(qtbot, KernelPlayground())
    playground.set_input(vertical_bar())
    playground.choose("vertical edges")
    result = playground.result()
    assert result.shape == (28, 28)
    assert result.max() > 1.5 and result.min() < -1.5  # one side blue, the other orange
    assert np.allclose(result[14, :8], 0)
    shown_kernel = [[spin.value() for spin in row] for row in playground.spins]
    assert shown_kernel == [list(map(float, row)) for row in KERNELS["vertical edges"]]
    assert all(spin.isReadOnly() for row in playground.spins for spin in row)
    image = picture(playground.picture)
    _source, target = playground.picture.image_rects()
    side = target.width() / 28
    row = int(target.top() + side * 14)
    left_edge = image.pixelColor(QPoint(int(target.left() + side * 11.5), row))
    right_edge = image.pixelColor(QPoint(int(target.left() + side * 16.5), row))
    # Cross-correlation with (1, 0, −1): left of the bar 0 − 1 < 0, right of it 1 − 0 > 0.
    assert result[14, 11] < 0 < result[14, 16]
    assert left_edge.red() > left_edge.blue() + 30  # orange
    assert right_edge.blue() > right_edge.red() + 30  # blue


def test_typed_numbers_change_the_result(qtbot):
    playground = shown(qtbot, KernelPlayground())
    playground.set_input(vertical_bar())
    playground.choose("blur")
    blurred = playground.result().copy()
    playground.choose(TYPED)
    assert not any(spin.isReadOnly() for row in playground.spins for spin in row)
    assert np.allclose(playground.kernel(), np.array(KERNELS["blur"]), atol=0.01)
    for row in playground.spins:
        for spin in row:
            spin.setValue(0.0)
    playground.spins[1][1].setValue(2.0)
    assert np.allclose(playground.result(), 2 * vertical_bar())
    assert not np.allclose(playground.result(), blurred)
    playground.set_kernel(np.array([[0, 0, 0], [0, -1, 0], [0, 0, 0]]))
    assert playground.typed() and np.allclose(playground.result(), -vertical_bar())
    playground.set_kernel(np.full((3, 3), 99.0))
    assert playground.kernel().max() == 10.0


def test_every_kernel_is_in_the_combo_with_typed_last(qtbot):
    playground = shown(qtbot, KernelPlayground())
    combo = playground.kernel_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [*KERNELS, TYPED]
    assert combo.itemText(combo.count() - 1) == "typed…"
    picture(playground)  # nothing to convolve yet: paints nothing, raises nothing
