"""The bundled week-9 lecture deck ("9주차 언어지능 딥러닝 (3)"), built from the presets.

Run ``python resources/decks/week9.py`` to rewrite ``week9.json`` beside it; a test checks
that the committed JSON is what this script builds now and that every slide keeps its
promise. The slides follow the lecture's own order: the three stages, overfitting and each
remedy it lists, CNN, RNN and the CNN-RNN hybrid, linear regression, gradient descent,
binary classification and its non-linear test, and softmax.

Each slide is one small function. A slide reopens its lesson from the preset, so its
actions (train N steps, add a point, test a point…) always start from the same state, and
its ``expect`` says what the rehearsal (``deck.rehearse``) reaches once they have run.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

from desktopdl.core import deck, lesson_file
from desktopdl.core.data import PointSet
from desktopdl.core.deck import Action, Deck, Promise, Slide, Words, with_setting
from desktopdl.core.lesson_file import LessonFile
from desktopdl.core.lessons.overfitting import Overfitting
from desktopdl.resources import resource

OUTPUT = Path(__file__).resolve().with_suffix(".json")
TITLE = Words(en="Week 9: deep learning basics", ko="9주차: 딥러닝 기초")

#: The lecture's code: 2,000 steps of SGD at learning rate 0.01 (lecture_binary.json).
LECTURE_STEPS = 2000
#: Steps each overfitting slide trains: the validation cost has long turned upward by then.
OVERFIT_STEPS = 600
#: Points the "more data" slide holds: the preset's 60 and 440 more from its generator.
MORE_DATA_POINTS = 500
#: Object names of page buttons a slide presses (set in desktopdl/qt/lessons/*.py).
CROSS_VALIDATE_BUTTON = "cross_validate"
HYBRID_BUTTON = "hybrid_train_both"


def words(en: str, ko: str) -> Words:
    return Words(en=en, ko=ko)


def preset(name: str, **settings: object) -> LessonFile:
    """A preset with some settings or model choices changed (checked like a file's)."""
    lesson = lesson_file.read(resource("presets", name))
    for setting, value in settings.items():
        lesson = with_setting(lesson, setting, value)
    return lesson


def train(steps: int) -> Action:
    return Action("train", steps=steps)


def ask(x: float, y: float) -> Action:
    return Action("test", x=x, y=y)


def set_(name: str, value: object) -> Action:
    return Action("set", name=name, value=value)


# -- 1. Deep learning in three stages (the lecture's 6 points) ------------------------------


def stage_1_model() -> Slide:
    # Untrained: the formula with its random W and b; the cost of seed 0's start is 0.42.
    return Slide(
        lesson=preset("lecture_binary.json"),
        title=words("Stage 1: build the model", "1단계: 모델을 만든다"),
        text=words(
            "H(x) = sigmoid(Wx + b): the model is a formula with weights W and a bias b. "
            "Before training, W and b are random numbers.",
            "H(x) = sigmoid(Wx + b): 모델은 가중치 W와 편향 b를 가진 식이다. "
            "학습 전의 W와 b는 임의의 값이다.",
        ),
        notes=words(
            "The lecture builds deep learning in three stages: build the model, train, infer "
            "and test. Point at ① Model and the equation with its live W and b, then at "
            "def H(x) on the code page: the same formula. Nothing is trained yet, so the "
            "boundary sits wherever the random start put it.",
            "강의는 딥러닝을 3단계로 나눈다: 1단계 모델 생성, 2단계 학습, 3단계 추론 및 "
            "테스트. ① 모델과 W, b가 들어간 식을 가리키고, 코드 페이지의 def H(x)가 같은 "
            "식임을 보여 주세요. 아직 학습하지 않았으므로 경계는 임의의 시작점이 정한 곳에 "
            "있습니다.",
        ),
        page="code_panel",
        expect=Promise(cost_max=0.45),
    )


def stage_2_train() -> Slide:
    # 2,000 steps: all 6 points right, the cost from 0.42 down to 0.12.
    return Slide(
        lesson=preset("lecture_binary.json"),
        title=words("Stage 2: train", "2단계: 학습을 한다"),
        text=words(
            "2,000 steps of gradient descent at learning rate 0.01, as in the lecture's code. "
            "Watch the cost fall and the boundary move.",
            "강의 코드처럼 학습률 0.01로 경사 하강법을 2,000번 반복한다. "
            "비용이 줄고 경계가 움직이는 것을 보세요.",
        ),
        notes=words(
            "Let the class guess first: two clicks draw their line. Then reveal. This is the "
            "lecture's for loop: cost, zero_grad, backward, step. The cost falls from about "
            "0.42 to about 0.12, and all 6 points end on their side of the 0.5 boundary.",
            "먼저 학생들이 두 점을 클릭해 경계를 예상하게 하세요. 그다음 공개합니다. 강의 "
            "코드의 for 반복문(cost, zero_grad, backward, step)이 그대로 돌아갑니다. 비용은 "
            "약 0.42에서 약 0.12로 줄고, 6개 점이 모두 0.5 경계의 제 편에 놓입니다.",
        ),
        question=words(
            "Where will the boundary between the two classes go? Click two points.",
            "두 클래스 사이의 경계는 어디로 갈까요? 두 점을 클릭하세요.",
        ),
        page="cost_plot",
        actions=(train(LECTURE_STEPS),),
        expect=Promise(accuracy_min=1.0, cost_max=0.13),
    )


def stage_3_test() -> Slide:
    # The lecture's x_test = [6, 4]: H about 0.996, class 1 (the lecture's surprise later).
    return Slide(
        lesson=preset("lecture_binary.json"),
        title=words("Stage 3: infer and test", "3단계: 추론 및 테스트"),
        text=words(
            "Ask the trained model about a point it never saw: x_test = [6, 4]. "
            "It answers with a probability; above 0.5 means class 1.",
            "학습한 모델에게 처음 보는 점 x_test = [6, 4]를 물어본다. "
            "답은 확률이며, 0.5보다 크면 클래스 1이다.",
        ),
        notes=words(
            "This is print(H(x_test).detach().item()) from the lecture. After the same 2,000 "
            "steps the model says about 0.996: [6, 4] lies on the class-1 side of the "
            "straight boundary. Remember this point: the lecture's non-linear test comes back "
            "to it.",
            "강의의 print(H(x_test).detach().item())입니다. 같은 2,000번 학습 후 모델은 약 "
            "0.996이라고 답합니다: [6, 4]는 직선 경계의 클래스 1 쪽에 있습니다. 이 점을 "
            "기억해 두세요. 강의의 비선형 테스트에서 다시 나옵니다.",
        ),
        page="cost_plot",
        actions=(train(LECTURE_STEPS), ask(6, 4)),
        expect=Promise(accuracy_min=1.0, cost_max=0.13),
    )


# -- 2. Overfitting, produced and cured remedy by remedy -----------------------------------
# All on overfitting_noisy_circles.json: 60 noisy points, half held out for validation, a
# 2-32-32-1 network, Adam at 0.003. The promises are on the training points; the test also
# checks that each remedy's gap (validation cost − training cost) is well below slide 4's.


def overfitting() -> Slide:
    # Training cost about 0.001, validation cost about 0.87: the gap is overfitting.
    return Slide(
        lesson=preset("overfitting_noisy_circles.json"),
        title=words("Overfitting: the network learns the noise", "과적합: 잡음까지 학습한다"),
        text=words(
            "A big network (two layers of 32) learns 30 noisy points; the hollow ones are held "
            "out for validation. The training cost falls to almost 0 while the validation "
            "cost climbs.",
            "큰 신경망(뉴런 32개씩 2층)이 잡음 섞인 훈련 데이터 30개를 학습한다. 속이 빈 "
            "점은 검증용이다. 훈련 비용은 거의 0이 되지만 검증 비용은 올라간다.",
        ),
        notes=words(
            "The lecture calls overfitting the main problem of training: the model fits the "
            "training data, noise included, and does not generalise to new data. Point at the "
            "two curves: training cost near 0, validation cost near 0.9. That gap is "
            "overfitting. Every remedy on the next slides starts from this network and data.",
            "강의는 과적합을 학습의 가장 큰 문제라고 합니다: 모델이 잡음까지 훈련 데이터에 "
            "맞춰져 새로운 데이터에 일반화하지 못합니다. 두 곡선을 가리키세요: 훈련 비용은 "
            "0 근처, 검증 비용은 0.9 근처입니다. 이 차이가 과적합입니다. 다음 슬라이드의 "
            "방법은 모두 이 신경망과 데이터에서 시작합니다.",
        ),
        page="cost_plot",
        actions=(train(OVERFIT_STEPS),),
        expect=Promise(accuracy_min=1.0, cost_max=0.01),
    )


def more_data_lesson() -> LessonFile:
    """The preset with 440 more points from its own generator and noise (what the side
    panel's Add points button draws), rounded to 3 decimals so the file is the same on
    every machine."""
    lesson = preset("overfitting_noisy_circles.json")
    model = Overfitting(lesson.settings.model)
    more = model.more_data(lesson.data, MORE_DATA_POINTS - len(lesson.data))
    data = PointSet(np.round(more.xy, 3), more.labels)
    return dataclasses.replace(
        lesson,
        data=data,
        title="Noisy circles: 500 points",
        description="The overfitting preset's 60 points and 440 more from the same generator.",
    )


def remedy_more_data() -> Slide:
    # Training cost about 0.013, validation cost about 0.14 (gap 0.13 instead of 0.87).
    return Slide(
        lesson=more_data_lesson(),
        title=words("Remedy 1: collect more data", "과적합 방지 1: 더 많은 데이터 수집"),
        text=words(
            "The same network on 500 points of the same noisy circles instead of 60. "
            "With more data, memorising the noise no longer pays: the two costs stay close.",
            "같은 신경망에 같은 분포의 점을 60개 대신 500개 준다. "
            "데이터가 많으면 잡음을 외워도 소용이 없어 두 비용이 가까이 남는다.",
        ),
        notes=words(
            "The 440 new points come from the lesson's own generator and noise, as the Add "
            "points button in the side panel draws them; half are still held out. Compare "
            "with the last slide: the validation cost stays near 0.14 instead of 0.9, and the "
            "validation accuracy is about 98 %.",
            "새 점 440개는 옆 패널의 점 추가 버튼처럼 같은 생성기와 잡음에서 뽑았고, 여전히 "
            "절반은 검증용입니다. 앞 슬라이드와 비교하세요: 검증 비용이 0.9가 아니라 0.14 "
            "근처에 머물고, 검증 정확도는 약 98 %입니다.",
        ),
        page="cost_plot",
        actions=(train(OVERFIT_STEPS),),
        expect=Promise(accuracy_min=0.98, cost_max=0.03),
    )


def remedy_augmentation() -> Slide:
    # 10 jittered copies (σ 0.3): training cost about 0.04, validation cost about 0.34.
    return Slide(
        lesson=preset("overfitting_noisy_circles.json"),
        title=words("Remedy 2: data augmentation", "과적합 방지 2: 데이터 증강(Augmentation)"),
        text=words(
            "Ten slightly moved copies of each training point (drawn faintly) train beside it. "
            "Nearby points must get the same class, so the boundary grows smoother.",
            "훈련 점마다 조금씩 옮긴 복사본 10개(흐리게 표시)를 함께 학습한다. "
            "가까운 점은 같은 클래스여야 하므로 경계가 매끄러워진다.",
        ),
        notes=words(
            "Augmentation makes new training data out of the old: for images, shifted or "
            "rotated copies; here, each point moved by a little random noise (σ = 0.3). The "
            "validation points stay as they are. The gap between the curves shrinks to about "
            "a third.",
            "데이터 증강은 기존 데이터로 새 훈련 데이터를 만듭니다: 이미지라면 옮기거나 "
            "돌린 복사본, 여기서는 작은 무작위 잡음(σ = 0.3)만큼 옮긴 점입니다. 검증 데이터는 "
            "그대로입니다. 두 곡선의 차이가 약 3분의 1로 줄어듭니다.",
        ),
        page="cost_plot",
        actions=(set_("augment_copies", 10), train(OVERFIT_STEPS)),
        expect=Promise(accuracy_min=0.95, cost_max=0.06),
    )


def remedy_smaller_model() -> Slide:
    # One layer of 4 (17 parameters instead of 1,185): training 0.16, validation 0.31.
    return Slide(
        lesson=preset("overfitting_noisy_circles.json"),
        title=words("Remedy 3: reduce model complexity", "과적합 방지 3: 모델 복잡도 줄이기"),
        text=words(
            "One hidden layer of 4 neurons instead of two layers of 32: 17 parameters "
            "instead of 1,185. It cannot memorise every noisy point, so its boundary is simpler.",
            "32개씩 2층 대신 뉴런 4개 1층: 파라미터 1,185개가 17개로 준다. "
            "잡음 섞인 점을 모두 외울 수 없으니 경계가 단순해진다.",
        ),
        notes=words(
            "The lecture's 'limit the number of parameters'. The network page shows the small "
            "network. The training cost stays near 0.16 and the validation cost falls to about "
            "0.3: the gap is a fraction of the big network's. Too small (3 neurons) and both "
            "costs rise: that is underfitting.",
            "강의의 '파라미터 수 제한'입니다. 신경망 페이지에 작은 신경망이 보입니다. 훈련 "
            "비용은 0.16 근처에 머물고 검증 비용은 약 0.3으로 떨어져, 차이가 큰 신경망의 "
            "일부에 불과합니다. 너무 작으면(뉴런 3개) 두 비용이 모두 올라갑니다.",
        ),
        page="network_page",
        actions=(set_("hidden", [4]), train(OVERFIT_STEPS)),
        expect=Promise(accuracy_min=0.95, cost_max=0.2),
    )


def remedy_regularisation() -> Slide:
    # Weight decay 0.01: training cost about 0.05, validation cost about 0.29.
    return Slide(
        lesson=preset("overfitting_noisy_circles.json"),
        title=words("Remedy 4: weight regularisation", "과적합 방지 4: 규제 (가중치 규제)"),
        text=words(
            "Weight decay λ = 0.01 adds λ/2·Σw² to what the optimizer minimises. "
            "Big weights cost extra, so the boundary cannot bend sharply around single points.",
            "가중치 감쇠 λ = 0.01은 최적화하는 비용에 λ/2·Σw²를 더한다. "
            "큰 가중치에 벌점이 붙어 경계가 점 하나를 감싸며 급하게 휘지 못한다.",
        ),
        notes=words(
            "The L1 box below it adds L1·Σ|w| instead and pushes small weights to exactly 0. "
            "With λ = 0.01 the training cost rises a little (about 0.05) and the validation "
            "cost falls to about 0.29. Too large a λ (0.1) and the network cannot fit anything.",
            "아래의 L1은 대신 L1·Σ|w|를 더해 작은 가중치를 정확히 0으로 만듭니다. "
            "λ = 0.01이면 훈련 비용은 조금 올라가고(약 0.05) 검증 비용은 약 0.29로 "
            "떨어집니다. λ가 너무 크면(0.1) 신경망이 아무것도 맞히지 못합니다.",
        ),
        page="cost_plot",
        actions=(set_("weight_decay", 0.01), train(OVERFIT_STEPS)),
        expect=Promise(accuracy_min=0.95, cost_max=0.06),
    )


def remedy_dropout() -> Slide:
    # Dropout 0.5: training cost about 0.035, validation cost about 0.34.
    return Slide(
        lesson=preset("overfitting_noisy_circles.json"),
        title=words("Remedy 5: dropout", "과적합 방지 5: 드롭아웃 (Dropout)"),
        text=words(
            "In every training step half of the hidden neurons, chosen at random, are switched "
            "off. No neuron can rely on another, so the network learns sturdier features.",
            "학습 단계마다 은닉 뉴런의 절반을 무작위로 끈다. "
            "어떤 뉴런도 다른 뉴런에 기댈 수 없어 더 튼튼한 특징을 배운다.",
        ),
        notes=words(
            "Dropout acts only while training: the validation cost and the boundary on screen "
            "use every neuron. The gap shrinks to about a third. A higher rate (0.7) shrinks "
            "it further but the network learns more slowly.",
            "드롭아웃은 학습할 때만 작동합니다: 검증 비용과 화면의 경계는 모든 뉴런을 "
            "씁니다. 차이가 약 3분의 1로 줄어듭니다. 비율을 높이면(0.7) 더 줄지만 학습이 "
            "느려집니다.",
        ),
        page="cost_plot",
        actions=(set_("dropout", 0.5), train(OVERFIT_STEPS)),
        expect=Promise(accuracy_min=0.95, cost_max=0.05),
    )


def remedy_cross_validation() -> Slide:
    # The big network of slide 4 again, then 5-fold cross-validation (in the app only: the
    # rehearsal has no button to press, so the promise is slide 4's). Seed 0: the folds'
    # validation accuracy is 85 % ± 14 % (58 % to 100 %), in about 2 s.
    return Slide(
        lesson=preset("overfitting_noisy_circles.json"),
        title=words("Remedy 6: cross-validation", "과적합 방지 6: 교차 검증(Cross-validation)"),
        text=words(
            "5-fold cross-validation: each fifth of the points is held out once while a fresh "
            "model trains on the rest. Five scores say how well this network really generalises.",
            "5겹 교차 검증: 점을 다섯 묶음으로 나눠 한 묶음씩 빼 두고 나머지로 새 모델을 "
            "학습한다. 다섯 점수가 이 신경망의 실제 일반화 성능을 알려 준다.",
        ),
        notes=words(
            "Cross-validation does not change the model: it measures it honestly, on every "
            "point in turn, instead of trusting one lucky split. Use it to choose between the "
            "remedies. Here the five folds average about 85 %, one as low as 58 %, against "
            "100 % on the training points. The faint lines are the five folds' boundaries.",
            "교차 검증은 모델을 바꾸지 않고, 운 좋은 한 번의 분할 대신 모든 점으로 차례로 "
            "정직하게 평가합니다. 여러 방지 방법 중 하나를 고를 때 씁니다. 여기서 다섯 "
            "묶음의 평균은 약 85 %, 가장 낮은 묶음은 58 %로, 훈련 데이터의 100 %와 다릅니다. "
            "화면의 흐린 선들이 다섯 묶음 각각의 경계입니다.",
        ),
        page="cross_validation_page",
        actions=(train(OVERFIT_STEPS), Action("click", name=CROSS_VALIDATE_BUTTON)),
        expect=Promise(accuracy_min=1.0, cost_max=0.01),
    )


# -- 3. CNN on the built-in digits ----------------------------------------------------------
# cnn_digits.json: 1,797 8×8 digits, a fifth held out; conv 8 → pool → conv 16 → pool →
# 10 scores; Adam, batch 64.


def cnn_architecture() -> Slide:
    # Untrained: the cost is ln 10 ≈ 2.30, as if every digit were equally likely.
    return Slide(
        lesson=preset("cnn_digits.json"),
        title=words(
            "CNN: convolution and pooling layers", "CNN: 합성곱(Convolution) 층과 풀링(Pooling) 층"
        ),
        text=words(
            "1,797 handwritten digits of 8×8 pixels. A convolution layer detects and extracts "
            "features; a pooling layer shrinks the image and keeps what matters.",
            "8×8 픽셀 손글씨 숫자 1,797개. 합성곱 층은 이미지의 특징을 감지하고 추출하며, "
            "풀링 층은 이미지의 크기를 줄이고 중요한 정보를 강조한다.",
        ),
        notes=words(
            "The lecture: CNNs are mostly used for images. Walk along the architecture page: "
            "image, convolution (8 filters), pooling, convolution (16 filters), pooling, one "
            "score per digit. Untrained, the cost is about ln 10 = 2.3: the network guesses "
            "as if every digit were equally likely.",
            "강의: CNN은 주로 이미지 처리에 사용됩니다. 구조 페이지를 따라가세요: 이미지, "
            "합성곱(필터 8개), 풀링, 합성곱(필터 16개), 풀링, 숫자마다 점수 하나. 학습 전 "
            "비용은 약 ln 10 = 2.3으로, 모든 숫자가 똑같이 그럴듯하다고 추측하는 셈입니다.",
        ),
        page="architecture_page",
        expect=Promise(cost_max=2.35),
    )


def cnn_filters() -> Slide:
    # 100 steps: training accuracy about 95 %, validation about 96 %.
    return Slide(
        lesson=preset("cnn_digits.json"),
        title=words("The filters it learns", "학습된 필터"),
        text=words(
            "After 100 steps each 3×3 filter of the first layer has become a small pattern "
            "that the layer looks for everywhere in the image.",
            "100번 학습하면 첫 층의 3×3 필터 하나하나가 이미지 전체에서 찾는 작은 패턴이 된다.",
        ),
        notes=words(
            "Point at one filter, then at a digit: the convolution slides the filter over "
            "every position and answers strongly where the pattern matches. A fifth of the "
            "images is held out; after only 100 steps about 96 % of them are read right.",
            "필터 하나를 가리킨 다음 숫자를 가리키세요: 합성곱은 필터를 모든 위치에 대 "
            "보고 패턴이 맞는 곳에서 크게 반응합니다. 이미지의 5분의 1은 검증용이며, 100번 "
            "학습만으로 그중 약 96 %를 맞힙니다.",
        ),
        page="filter_grid",
        actions=(train(100),),
        expect=Promise(accuracy_min=0.9, cost_max=0.2),
    )


def cnn_feature_maps() -> Slide:
    # 150 steps: training accuracy about 98 %.
    return Slide(
        lesson=preset("cnn_digits.json"),
        title=words("Feature maps: what each layer extracts", "특징 맵: 층마다 추출한 특징"),
        text=words(
            "One digit through the trained network: each map shows where its filter found "
            "its pattern. Pooling halves each map and keeps the strongest answers.",
            "숫자 하나를 학습된 신경망에 넣으면, 맵마다 그 필터의 패턴을 찾은 곳이 보인다. "
            "풀링은 맵을 절반으로 줄이고 가장 강한 값을 남긴다.",
        ),
        notes=words(
            "This is the lecture's feature extraction: the first maps still look like the "
            "digit, the later ones are smaller and more abstract, and the last layer "
            "classifies from them. The confusion page shows which digits it still mixes up.",
            "강의의 특징 추출입니다: 앞쪽 맵은 아직 숫자처럼 보이고, 뒤쪽 맵은 더 작고 "
            "추상적이며, 마지막 층이 그것으로 분류합니다. 혼동 행렬 페이지에서 아직 헷갈리는 "
            "숫자를 볼 수 있습니다.",
        ),
        page="feature_maps_page",
        actions=(train(150),),
        expect=Promise(accuracy_min=0.95, cost_max=0.12),
    )


# -- 4. RNN: a time series, the lecture's sentences, the CNN-RNN hybrid ---------------------


def rnn_series() -> Slide:
    # 200 steps of a GRU on two sines added: one-step cost about 0.0001.
    return Slide(
        lesson=preset("rnn_sum_of_sines.json"),
        title=words("RNN: a time series, one step at a time", "RNN: 시계열 데이터"),
        text=words(
            "A GRU reads 20 values in a row and predicts the next one. At each time step it "
            "uses the input together with its own output from the step before.",
            "GRU가 연속된 값 20개를 읽고 다음 값을 예측한다. 각 시간 단계에서 입력과 "
            "이전 시간 단계의 출력을 함께 고려한다.",
        ),
        notes=words(
            "The unrolled page draws the same cell once per time step, the hidden state "
            "carried from left to right: the lecture's repeating structure. The shaded last "
            "fifth is held out. The dashed forecast feeds each guess back in and runs past "
            "the end: it learned the pattern over time and predicts the next output.",
            "펼친 그림은 같은 셀을 시간 단계마다 하나씩 그리고, 은닉 상태가 왼쪽에서 "
            "오른쪽으로 전달됩니다: 강의의 반복되는 구조입니다. 음영 친 마지막 5분의 1은 "
            "검증용입니다. 점선 예측은 자기 예측을 다시 입력으로 넣어 끝 너머까지 이어집니다: "
            "시간에 따른 패턴을 학습하고 다음 출력을 예측합니다.",
        ),
        page="unrolled_page",
        actions=(train(200),),
        expect=Promise(cost_max=0.001),
    )


def rnn_text() -> Slide:
    # 150 steps: every next character of the 154-character text is predicted right.
    return Slide(
        lesson=preset("rnn_lecture_text.json"),
        title=words("RNN on text: the lecture's own sentences", "RNN: 자연어 텍스트 데이터"),
        text=words(
            "A character-level GRU learns the lecture's sentences about RNNs. Type the start "
            "of a sentence: it shows the likeliest next characters.",
            "문자 단위 GRU가 강의의 RNN 문장을 학습한다. 문장의 앞부분을 입력하면 다음에 "
            "올 가능성이 큰 문자를 보여 준다.",
        ),
        notes=words(
            "The text is four sentences (154 characters) from the lecture's RNN part. Type "
            "'RNN은 ' on the text page, then press Generate: it continues the sentence. "
            "It has learned these 154 characters by heart: a demonstration of next-step "
            "prediction, not a language model.",
            "학습 텍스트는 강의의 RNN 부분을 옮긴 네 문장(154자)입니다. 텍스트 페이지에 "
            "'RNN은 '을 입력하고 생성을 누르면 문장을 이어 씁니다. 이 154자를 외운 것이므로, "
            "언어 모델이 아니라 다음 단계 예측을 보여 주는 예입니다.",
        ),
        page="text_page",
        actions=(train(150),),
        expect=Promise(accuracy_min=0.95, cost_max=0.05),
    )


def cnn_rnn_hybrid() -> Slide:
    # The text model again (its last sentence is the lecture's hybrid sentence), then the
    # comparison on the built-in digits (in the app only: a background job of a few seconds;
    # seed 0 gives the hybrid about 98 % and the plain GRU about 91 %).
    return Slide(
        lesson=preset("rnn_lecture_text.json"),
        title=words("A CNN-RNN hybrid", "CNN-RNN 하이브리드 모델"),
        text=words(
            "A convolution finds features in each digit; then a GRU reads the feature columns "
            "left to right. It is compared with a GRU that reads the raw pixel rows.",
            "합성곱이 숫자 이미지의 특징을 찾고, GRU가 그 특징을 왼쪽부터 한 열씩 읽는다. "
            "픽셀 행을 그대로 읽는 GRU와 비교한다.",
        ),
        notes=words(
            "The lecture ends its CNN and RNN part with: recently CNN-RNN hybrid models are "
            "used a lot. Both models train in the background on 75 % of the built-in digits; "
            "the page then shows how the accuracy grows with each column or row read. The "
            "hybrid ends near 98 %, the plain GRU near 91 %.",
            "강의는 CNN/RNN 부분을 '최근에는 CNN-RNN의 하이브리드 모델도 많이 사용되고 "
            "있다'로 마칩니다. 두 모델이 내장 숫자 이미지의 75 %로 백그라운드에서 학습하고, "
            "페이지는 한 열(행)씩 읽을 때마다 정확도가 어떻게 오르는지 보여 줍니다. "
            "하이브리드는 약 98 %, 일반 GRU는 약 91 %입니다.",
        ),
        page="hybrid_page",
        actions=(train(100), Action("click", name=HYBRID_BUTTON)),
        expect=Promise(accuracy_min=0.95, cost_max=0.05),
    )


# -- 5. Linear regression and its quadratic cost ------------------------------------------
# linear_lecture_line.json: 4 points on y = 2x + 1, SGD at 0.01.


def linear_regression() -> Slide:
    # 1,000 steps: W about 2.02, b about 0.95, cost below 0.001.
    return Slide(
        lesson=preset("linear_lecture_line.json"),
        title=words("Linear regression: H(x) = Wx + b", "선형 회귀: H(x) = Wx + b"),
        text=words(
            "H(x) is the hypothesis (the model), W the slope (weight), b the y-intercept. "
            "The segments from each point to the line are H(x) − y: prediction − actual value.",
            "H(x)는 가설(인공지능 모델), W는 기울기(가중치), b는 y 절편이다. "
            "점과 직선을 잇는 선분이 H(x) − y, 즉 예측값 − 실제값이다.",
        ),
        notes=words(
            "The four points lie on y = 2x + 1, so the cost can reach 0 at W = 2 and b = 1. "
            "Let the class click their line, then reveal: after 1,000 steps at learning rate "
            "0.01 the line sits on the points and W and b read about 2 and 1.",
            "네 점은 y = 2x + 1 위에 있으므로 W = 2, b = 1에서 비용이 0이 될 수 있습니다. "
            "학생들이 직선을 클릭해 예상하게 한 뒤 공개하세요: 학습률 0.01로 1,000번 "
            "학습하면 직선이 점 위에 놓이고 W와 b는 약 2와 1이 됩니다.",
        ),
        question=words(
            "Where will the line go? Click two points.", "직선은 어디로 갈까요? 두 점을 클릭하세요."
        ),
        page="cost_plot",
        actions=(train(1000),),
        expect=Promise(cost_max=0.001),
    )


def quadratic_cost() -> Slide:
    # The descent path on the cost bowl, then the slice through it: a parabola in W.
    return Slide(
        lesson=preset("linear_lecture_line.json"),
        title=words("The cost is a quadratic: one lowest point", "비용은 2차 함수: 가장 낮은 점"),
        text=words(
            "cost(W, b) = mean of (H(x) − y)²: a bowl over W and b with one lowest point. "
            "Cut through the bowl at the current b, the cost is a parabola in W.",
            "비용(W, b) = (H(x) − y)²의 평균: W와 b 위의 그릇 모양이고 가장 낮은 점은 하나다. "
            "현재 b에서 자르면 비용은 W의 2차 함수(포물선)이다.",
        ),
        notes=words(
            "The lecture: squaring the difference and averaging gives a quadratic, so it can "
            "be optimised: there is a W that makes the cost smallest. Watch the path walk "
            "down the bowl to W = 2, b = 1; then the page turns to the slice, the parabola "
            "with its minimum. Gradient descent is how we get there.",
            "강의: 차이를 제곱하고 평균을 내면 2차 함수가 되어 최적화가 가능해집니다. 즉 "
            "비용이 가장 작아지는 W를 구할 수 있습니다. 경로가 그릇을 따라 W = 2, b = 1로 "
            "내려가는 것을 보세요. 이어서 페이지가 단면, 최솟값이 있는 포물선으로 바뀝니다. "
            "그곳까지 가는 방법이 경사 하강법입니다.",
        ),
        page="landscape_panel",
        actions=(train(1000), Action("page", name="slice_panel")),
        expect=Promise(cost_max=0.001),
    )


# -- 6. Gradient descent, phase by phase ----------------------------------------------------


def descent_phases() -> Slide:
    # Six phases, one whole iteration: the cost from 6.22 down to 4.37.
    return Slide(
        lesson=preset("linear_lecture_line.json"),
        title=words("Gradient descent, phase by phase", "경사 하강법: 과정별로"),
        text=words(
            "One iteration in its phases: initialise, predict, compute the cost, compute the "
            "gradient, update the parameters, check the stop condition.",
            "한 번의 반복을 과정별로: 초기화, 예측, 비용 계산, 경사 계산, "
            "파라미터 업데이트, 종료 조건 확인.",
        ),
        notes=words(
            "Each phase shows its numbers: the random start of W and b, H(x) for the 4 "
            "points, the cost (6.22), ∂cost/∂W and ∂cost/∂b, and the update: new = old − "
            "learning rate × gradient, a step against the gradient. After this one update "
            "the cost is 4.37. The ledger page keeps the iteration as a row.",
            "과정마다 숫자가 나옵니다: W와 b의 임의의 시작값, 4개 점의 H(x), 비용(6.22), "
            "∂cost/∂W와 ∂cost/∂b, 그리고 업데이트: 새 값 = 이전 값 − 학습률 × 경사, 즉 경사의 "
            "반대 방향으로 한 걸음입니다. 이 한 번의 업데이트로 비용은 4.37이 됩니다. "
            "기록 페이지에 이 반복이 한 줄로 남습니다.",
        ),
        page="ledger_panel",
        actions=(Action("phase", steps=6),),
        expect=Promise(cost_max=4.4),
    )


def descent_stop() -> Slide:
    # A step limit of 3: 1 + 3 × 5 + 1 = 17 phases reach ⑦ training finished; cost 2.19.
    return Slide(
        lesson=preset("linear_lecture_line.json", max_steps=3),
        title=words(
            "Repeat until the stop condition: training ends", "종료 조건까지 반복: 학습 종료"
        ),
        text=words(
            "Phases 2 to 5 repeat until the stop condition holds, here 3 iterations. "
            "The condition is usually a number of iterations or a tiny change in the cost.",
            "종료 조건을 만족할 때까지 2번부터 5번의 과정을 반복한다(여기서는 3번). "
            "종료 조건은 주로 반복 횟수나 비용 함수의 변화가 미미할 때이다.",
        ),
        notes=words(
            "The step limit is 3 so the class sees the whole loop end: the cost falls each "
            "time (6.22, 4.37, 3.08), then 'reached the step limit', stop, and training "
            "finished. With thousands of iterations the parameters converge to the values "
            "that minimise the cost.",
            "반복 횟수 제한을 3으로 두어 반복이 끝나는 것까지 보여 줍니다: 비용이 매번 "
            "줄고(6.22, 4.37, 3.08), '반복 횟수 도달', 종료, 학습 종료. 수천 번 반복하면 "
            "파라미터는 비용 함수를 최소화하는 값으로 수렴합니다.",
        ),
        page="ledger_panel",
        actions=(Action("phase", steps=17),),
        expect=Promise(cost_max=2.2),
    )


# -- 7. Binary classification: the lecture's code and its numbers --------------------------


def binary_code() -> Slide:
    # The lecture's code after 2,000 steps; [4, 4] (the lecture's 0.6605) is about 0.73.
    return Slide(
        lesson=preset("lecture_binary.json"),
        title=words("Binary classification: the lecture's code", "이진 분류: 강의의 코드"),
        text=words(
            "H(x) = sigmoid(Wx + b), the cross-entropy cost, 2,000 steps of SGD at 0.01. "
            "The code page is the lecture's script, and it prints the numbers on screen.",
            "H(x) = sigmoid(Wx + b), 크로스 엔트로피 비용, 학습률 0.01의 SGD 2,000번. "
            "코드 페이지는 강의의 코드이며 화면의 숫자를 그대로 출력한다.",
        ),
        notes=words(
            "The lecture's examples: spam or not, a feed to recommend or not, a card payment "
            "by its owner or not. Test [4, 4], the class-1 point nearest the boundary: the "
            "lecture's listing shows 0.6605, here about 0.73. The lecture's randn had no "
            "seed; the app's start is torch.manual_seed(0).",
            "강의의 예: 이메일 스팸 구분, 페이스북 피드 추천, 신용카드 본인 사용 여부. "
            "경계에 가장 가까운 클래스 1 점 [4, 4]를 테스트하세요: 강의의 출력은 0.6605, "
            "여기서는 약 0.73입니다. 강의의 randn에는 시드가 없었고, 앱은 "
            "torch.manual_seed(0)에서 시작합니다.",
        ),
        page="code_panel",
        actions=(train(LECTURE_STEPS), ask(4, 4)),
        expect=Promise(accuracy_min=1.0, cost_max=0.13),
    )


# -- 8. Why the log cost: MSE beside cross-entropy ------------------------------------------


def why_log() -> Slide:
    return Slide(
        lesson=preset("lecture_binary.json"),
        title=words("Why the log: MSE beside cross-entropy", "왜 log인가: MSE와 크로스 엔트로피"),
        text=words(
            "With a sigmoid inside, the squared error (MSE) is no longer a bowl: it is bumpy "
            "and flat in places. The log cost (cross-entropy) has one lowest point to find.",
            "시그모이드를 적용하면 평균 제곱 오차(MSE)는 더 이상 그릇 모양이 아니라 "
            "울퉁불퉁하고 평평한 곳이 있다. "
            "log를 쓴 비용(크로스 엔트로피)은 가장 낮은 점이 하나다.",
        ),
        notes=words(
            "The lecture: with a sigmoid, the linear-regression cost becomes bumpy, so finding "
            "the W with the smallest cost is hard: descent can stop at another point. Hence "
            "Cost(W) = −1/m Σ (y log H(x) + (1 − y) log(1 − H(x))). Point at the two "
            "landscapes side by side and at the path on the cross-entropy one.",
            "강의: 시그모이드를 적용하면 선형 회귀의 비용 함수가 울퉁불퉁해져 비용이 가장 "
            "작은 W를 찾기 어렵습니다. 다른 점으로 수렴할 수 있기 때문입니다. 그래서 "
            "Cost(W) = −1/m Σ (y log H(x) + (1 − y) log(1 − H(x)))를 씁니다. 나란히 놓인 두 "
            "비용 지형과 크로스 엔트로피 쪽의 경로를 가리키세요.",
        ),
        page="landscape_panel",
        actions=(Action("compare"), train(800)),
        expect=Promise(accuracy_min=1.0, cost_max=0.17),
    )


# -- 9. The non-linear test and the network that fixes it ----------------------------------


def nonlinear_test() -> Slide:
    # The lecture's listing: [6, 4] labelled 0 gets 0.9893; here about 0.996, 6 of 7 right.
    return Slide(
        lesson=preset("lecture_binary.json"),
        title=words("The non-linear test", "비선형 테스트"),
        text=words(
            "The model trained on the 6 points meets a 7th: [6, 4], which belongs to class 0. "
            "What does the straight boundary make of it?",
            "6개 점으로 학습한 모델에게 7번째 점 [6, 4]를 준다. 이 점은 클래스 0이다. "
            "직선 경계는 이 점을 어떻게 볼까?",
        ),
        notes=words(
            "The lecture's listing prints 0.9893 for [6, 4]; here about 0.996: sure it is "
            "class 1, and wrong. Accuracy drops to 6 of 7. [6, 4] lies on the class-1 side "
            "of any line that separates the other six: these classes are not linearly "
            "separable.",
            "강의의 출력은 [6, 4]에 0.9893이고, 여기서는 약 0.996입니다. 클래스 1이라고 "
            "확신하지만 틀렸습니다. 정확도는 7개 중 6개로 떨어집니다. 나머지 6개를 나누는 "
            "어떤 직선에서도 [6, 4]는 클래스 1 쪽에 있습니다: 직선으로 나눌 수 없는 "
            "데이터입니다.",
        ),
        question=words(
            "[6, 4] is class 0. What will the trained model say: H([6, 4]) = ?",
            "[6, 4]는 클래스 0이다. 학습된 모델은 H([6, 4])를 얼마라고 할까요?",
        ),
        page="cost_plot",
        actions=(
            train(LECTURE_STEPS),
            Action("add_point", x=6, y=4, label=0),
            ask(6, 4),
        ),
        expect=Promise(accuracy_min=0.85, accuracy_max=0.86),  # 6 of 7: fooled by [6, 4]
    )


def line_cannot() -> Slide:
    # The same logistic model trained on all 7 points: 5 of 7 right, cost about 0.48.
    return Slide(
        lesson=preset("lecture_nonlinear.json"),
        title=words("Retraining the straight line does not help", "다시 학습해도 직선은 안 된다"),
        text=words(
            "The same model trained on all 7 points: the cost stops near 0.48 and points stay "
            "on the wrong side. No straight line separates these two classes.",
            "같은 모델을 7개 점 모두로 학습해도 비용은 0.48 근처에서 멈추고 틀린 쪽에 남는 "
            "점이 있다. 어떤 직선도 이 두 클래스를 나누지 못한다.",
        ),
        notes=words(
            "The boundary of sigmoid(Wx + b) is the straight line Wx + b = 0; moving it to "
            "catch [6, 4] loses another point. Cross-entropy settles on a compromise: 5 of 7 "
            "right here. A model that can bend its boundary is needed: a neural network.",
            "sigmoid(Wx + b)의 경계는 직선 Wx + b = 0입니다. [6, 4]를 잡으려고 옮기면 다른 "
            "점을 놓칩니다. 크로스 엔트로피는 타협점에 머물러 여기서는 7개 중 5개를 "
            "맞힙니다. 경계를 구부릴 수 있는 모델, 신경망이 필요합니다.",
        ),
        page="cost_plot",
        actions=(train(LECTURE_STEPS),),
        expect=Promise(accuracy_min=0.7, cost_max=0.5),
    )


def network_fixes_it() -> Slide:
    # A 2-8-1 tanh network, Adam 0.03, 1,000 steps: all 7 right, H([6, 4]) about 0.005.
    return Slide(
        lesson=preset("network_lecture_nonlinear.json"),
        title=words("A neural network bends the boundary", "신경망은 경계를 구부린다"),
        text=words(
            "One hidden layer of 8 tanh neurons between the inputs and the sigmoid. "
            "Its boundary can bend, so all 7 points can be classified right.",
            "입력과 시그모이드 사이에 tanh 뉴런 8개의 은닉층 하나. "
            "경계가 휠 수 있어 7개 점을 모두 맞힐 수 있다.",
        ),
        notes=words(
            "Adam at learning rate 0.03, 1,000 steps. The network page shows the 2-8-1 "
            "network and its weights. Test [6, 4] again: now about 0.005, class 0. This is "
            "deep learning's answer to the non-linear test: layers of neurons with a "
            "non-linear activation.",
            "Adam, 학습률 0.03, 1,000번. 신경망 페이지에 2-8-1 신경망과 가중치가 보입니다. "
            "[6, 4]를 다시 테스트하면 이제 약 0.005, 클래스 0입니다. 비선형 테스트에 대한 "
            "딥러닝의 답: 비선형 활성화 함수를 가진 뉴런의 층입니다.",
        ),
        question=words(
            "Where will the network's boundary go? Click your guess.",
            "신경망의 경계는 어디로 갈까요? 예상을 클릭하세요.",
        ),
        page="network_page",
        actions=(train(1000), ask(6, 4)),
        expect=Promise(accuracy_min=1.0, cost_max=0.01),
    )


# -- 10. Softmax: is it A? is it B? is it C? ------------------------------------------------


def softmax() -> Slide:
    # 100 steps: 150 points all right; [-0.5, 2] between A and B: about 0.57, 0.43, 0.00.
    return Slide(
        lesson=preset("softmax_three_blobs.json"),
        title=words("Softmax: is it A? is it B? is it C?", "소프트맥스 분류: A인가? B인가? C인가?"),
        text=words(
            "Three classes cannot be told apart with one yes or no. One-vs-rest asks each "
            "class its own yes/no; softmax turns the scores into probabilities that add up to 1.",
            "세 가지를 분류할 때는 예/아니오 하나로 답할 수 없다. 클래스마다 예/아니오를 "
            "따로 묻고, 소프트맥스는 점수를 합이 1인 확률로 바꾼다.",
        ),
        notes=words(
            "The lecture: Q1 is it A? yes, 0.99999. Q2 is it B? yes, 0.50001. Q3 is it C? no. "
            "So A is the closest answer. Classes 0, 1 and 2 play A, B and C. The test point "
            "[-0.5, 2] lies between A and B: softmax says about 0.57 for A, 0.43 for B and 0 "
            "for C; the one-vs-rest page shows the three separate sigmoid answers.",
            "강의: Q1) A인가? 예, 0.99999. Q2) B인가? 예, 0.50001. Q3) C인가? 아니오. "
            "따라서 A가 가장 가까운 정답입니다. 클래스 0, 1, 2가 A, B, C입니다. 테스트 점 "
            "[-0.5, 2]는 A와 B 사이에 있어 소프트맥스는 A 약 0.57, B 약 0.43, C 0이라고 "
            "답합니다. one-vs-rest 페이지는 세 개의 시그모이드 답을 따로 보여 줍니다.",
        ),
        page="one_vs_rest_page",
        actions=(train(100), ask(-0.5, 2)),
        expect=Promise(accuracy_min=1.0, cost_max=0.02),
    )


#: The slides in the lecture's order.
SLIDES = (
    stage_1_model,
    stage_2_train,
    stage_3_test,
    overfitting,
    remedy_more_data,
    remedy_augmentation,
    remedy_smaller_model,
    remedy_regularisation,
    remedy_dropout,
    remedy_cross_validation,
    cnn_architecture,
    cnn_filters,
    cnn_feature_maps,
    rnn_series,
    rnn_text,
    cnn_rnn_hybrid,
    linear_regression,
    quadratic_cost,
    descent_phases,
    descent_stop,
    binary_code,
    why_log,
    nonlinear_test,
    line_cannot,
    network_fixes_it,
    softmax,
)


def build() -> Deck:
    return Deck(slides=tuple(make() for make in SLIDES), title=TITLE)


def main() -> None:
    deck.write(OUTPUT, build())
    print(f"wrote {OUTPUT} ({len(SLIDES)} slides)")


if __name__ == "__main__":
    main()
