<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ArchitectureDiagram</name>
    <message>
        <source>Each block is one layer&apos;s output: 8@14×14 means 8 maps of 14×14 pixels. Parameters are the weights and biases training adjusts; pooling has none.</source>
        <extracomment>(box, text, bold): the name, the shape, the parameter count. How far each square of a stack sits behind the one in front. Name and shape on one line (&quot;conv 8@28×28&quot;): one line fewer, a wider label. The most squares a stack draws: sixteen would be a smear, six still read as &quot;many&quot;.</extracomment>
        <translation>블록 하나가 층 하나의 출력입니다: 8@14×14는 14×14 픽셀 맵 8개라는 뜻입니다. 파라미터는 학습이 조정하는 가중치와 편향이며 풀링에는 없습니다.</translation>
    </message>
    <message>
        <source>total: {0} parameters</source>
        <translation>합계: 파라미터 {0}개</translation>
    </message>
    <message>
        <source>{0} params</source>
        <translation>파라미터 {0}개</translation>
    </message>
</context>
<context>
    <name>AugmentedCopies</name>
    <message>
        <source>class {0}</source>
        <translation>클래스 {0}</translation>
    </message>
    <message>
        <source>Augmentation is off: set Augmented copies in ① Model.</source>
        <translation>증강이 꺼져 있습니다: ① 모델 생성에서 증강 복사본 수를 정하세요.</translation>
    </message>
    <message>
        <source>{0} augmented copies of the first images (shifted, rotated, scaled)</source>
        <translation>앞쪽 이미지의 증강 복사본 {0}개 (이동, 회전, 크기 변경)</translation>
    </message>
</context>
<context>
    <name>BackgroundJob</name>
    <message>
        <source>Cancel</source>
        <extracomment>Share done, 0…1 (sent at most as often as the job reports). The function&apos;s result. A sentence for the teacher (a ValueError&apos;s message, or what went wrong). Cancel was pressed and the job stopped.</extracomment>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>BinaryClassificationTab</name>
    <message>
        <source>H([{0}, {1}]) = {2} → class {3}</source>
        <translation>H([{0}, {1}]) = {2} → 클래스 {3}</translation>
    </message>
</context>
<context>
    <name>BlankScreen</name>
    <message>
        <source>Press B to return</source>
        <extracomment>The file in a session folder that lists its lessons. The window&apos;s size when the screen has room for it. A click on the blank screen: the window restores what it hid.</extracomment>
        <translation>B를 누르면 돌아갑니다</translation>
    </message>
</context>
<context>
    <name>Bowl3D</name>
    <message>
        <source>3-D needs OpenGL, which the &apos;{0}&apos; display lacks.</source>
        <extracomment>Low cost light yellow, high cost deep blue (the 2-D map&apos;s blues with a warm valley floor). The bowl is drawn in a box this wide and this tall, whatever the parameters&apos; units.</extracomment>
        <translation>3D 보기에는 OpenGL이 필요하지만 &apos;{0}&apos; 디스플레이에는 없습니다.</translation>
    </message>
    <message>
        <source>3-D needs PyOpenGL ({0}).</source>
        <translation>3D 보기에는 PyOpenGL이 필요합니다 ({0}).</translation>
    </message>
    <message>
        <source>3-D needs OpenGL, but no OpenGL context could be created on this display.</source>
        <translation>3D 보기에는 OpenGL이 필요하지만 이 디스플레이에서 OpenGL 컨텍스트를 만들 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>CNNTab</name>
    <message>
        <source>Convolution layers (1–3)</source>
        <translation>합성곱 층 수 (1~3)</translation>
    </message>
    <message>
        <source>Filters in this layer (1–16)</source>
        <translation>이 층의 필터 수 (1~16)</translation>
    </message>
    <message>
        <source>max 2×2</source>
        <translation>최대 2×2</translation>
    </message>
    <message>
        <source>average 2×2</source>
        <translation>평균 2×2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>keep the size (zero padding)</source>
        <translation>크기 유지 (0 패딩)</translation>
    </message>
    <message>
        <source>kernel // 2 zeros around the image, as padding=1</source>
        <translation>이미지 둘레에 0을 kernel // 2칸 채움 (padding=1처럼)</translation>
    </message>
    <message>
        <source>Conv layers, filters:</source>
        <extracomment>Test mode draws on the pad: there are no numbers to type.</extracomment>
        <translation>합성곱 층, 필터 수:</translation>
    </message>
    <message>
        <source>Kernel size:</source>
        <translation>커널 크기:</translation>
    </message>
    <message>
        <source>Stride:</source>
        <translation>스트라이드:</translation>
    </message>
    <message>
        <source>Padding:</source>
        <translation>패딩:</translation>
    </message>
    <message>
        <source>Activation:</source>
        <translation>활성화 함수:</translation>
    </message>
    <message>
        <source>Pooling:</source>
        <translation>풀링:</translation>
    </message>
    <message>
        <source>Dense neurons:</source>
        <translation>완전 연결 뉴런 수:</translation>
    </message>
    <message>
        <source>A hidden dense layer before the output (none: straight to it)</source>
        <translation>출력 앞의 은닉 완전 연결층 (없음: 바로 출력으로)</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>클래스 수:</translation>
    </message>
    <message>
        <source>Augmented copies:</source>
        <translation>증강 복사본 수:</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>Shifted, rotated and scaled copies of each training image (shown on the Augmentation page)</source>
        <translation>훈련 이미지마다 이동·회전·크기 변경한 복사본 (데이터 증강 페이지에 표시)</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>구조</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>특징 맵</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>혼동 행렬</translation>
    </message>
    <message>
        <source>Hand-set kernel</source>
        <translation>직접 정한 커널</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <source>Built-in digits</source>
        <translation>내장 손글씨 숫자</translation>
    </message>
    <message>
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Images per digit</source>
        <translation>숫자마다 이미지 수</translation>
    </message>
    <message>
        <source>Load digits</source>
        <translation>숫자 불러오기</translation>
    </message>
    <message>
        <source>The 1,797 handwritten 8×8 digits of the UCI data set (offline)</source>
        <translation>UCI 데이터 세트의 8×8 손글씨 숫자 1,797개 (오프라인)</translation>
    </message>
    <message>
        <source>your own drawings</source>
        <translation>직접 그린 그림</translation>
    </message>
    <message>
        <source>Test mode: draw on the pad; the guess follows the pen.</source>
        <translation>테스트 모드: 그림판에 그리면 펜을 따라 예측이 바뀝니다.</translation>
    </message>
    <message>
        <source>Choose at least two digits.</source>
        <extracomment>The drawing being tested: guessed again after every snapshot, as training goes on.</extracomment>
        <translation>숫자를 두 개 이상 고르세요.</translation>
    </message>
    <message>
        <source>digits {0}</source>
        <translation>숫자 {0}</translation>
    </message>
    <message>
        <source>→ class {0} (p = {1})</source>
        <translation>→ 클래스 {0} (p = {1})</translation>
    </message>
    <message>
        <source>softmax:</source>
        <translation>softmax:</translation>
    </message>
</context>
<context>
    <name>CharacterBars</name>
    <message>
        <source>others</source>
        <extracomment>A row&apos;s height at scale 1 (the character is drawn at ``VALUE_PT``). (label, value, is_the_others_row) top to bottom.</extracomment>
        <translation>나머지</translation>
    </message>
</context>
<context>
    <name>CnnViews</name>
    <message>
        <source>input</source>
        <extracomment>The confusion matrix: right answers on the diagonal, mistakes off it. Block colours of the architecture diagram, one per kind of stage. Point sizes at scale 1: the smallest text anywhere, and the confusion counts. The combo&apos;s entry for a kernel the class types itself. Matplotlib&apos;s viridis at nine stops, dark purple (low) to yellow (high).</extracomment>
        <translation>입력</translation>
    </message>
    <message>
        <source>conv</source>
        <translation>합성곱</translation>
    </message>
    <message>
        <source>pool</source>
        <translation>풀링</translation>
    </message>
    <message>
        <source>dense</source>
        <translation>완전 연결</translation>
    </message>
    <message>
        <source>output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>vertical edges</source>
        <translation>세로 경계</translation>
    </message>
    <message>
        <source>horizontal edges</source>
        <translation>가로 경계</translation>
    </message>
    <message>
        <source>blur</source>
        <translation>흐리게</translation>
    </message>
    <message>
        <source>sharpen</source>
        <translation>선명하게</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>The lesson as PyTorch code, the lecture&apos;s way. Run it with python: it prints the numbers this lesson shows after the same number of steps.</source>
        <extracomment>Point size of the code: readable from the back of a classroom. A file was written (its path), for the status bar.</extracomment>
        <translation>이 수업을 강의 방식의 PyTorch 코드로 보여 줍니다. python으로 실행하면 같은 스텝 수 뒤에 이 수업이 보여 주는 숫자를 그대로 출력합니다.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the whole script to the clipboard</source>
        <translation>스크립트 전체를 클립보드에 복사</translation>
    </message>
    <message>
        <source>Save .py…</source>
        <translation>.py 저장…</translation>
    </message>
    <message>
        <source>Save the script as a Python file</source>
        <translation>스크립트를 Python 파일로 저장</translation>
    </message>
    <message>
        <source>Save .ipynb…</source>
        <translation>.ipynb 저장…</translation>
    </message>
    <message>
        <source>Save as a Jupyter notebook with ① Model ② Train ③ Test</source>
        <translation>① 모델 생성 ② 학습 ③ 추론 및 테스트로 나눈 Jupyter 노트북으로 저장</translation>
    </message>
    <message>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <source>Smaller code text</source>
        <translation>코드 글자 작게</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Larger code text</source>
        <translation>코드 글자 크게</translation>
    </message>
    <message>
        <source>The script needs data the lesson can train on:</source>
        <translation>스크립트에는 이 수업이 학습할 수 있는 데이터가 필요합니다:</translation>
    </message>
    <message>
        <source>There is no lesson to save yet.</source>
        <translation>아직 저장할 수업이 없습니다.</translation>
    </message>
    <message>
        <source>Save the lesson as a Python script</source>
        <translation>수업을 Python 스크립트로 저장</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python 스크립트 (*.py)</translation>
    </message>
    <message>
        <source>Save the lesson as a Jupyter notebook</source>
        <translation>수업을 Jupyter 노트북으로 저장</translation>
    </message>
    <message>
        <source>Jupyter notebook (*.ipynb)</source>
        <translation>Jupyter 노트북 (*.ipynb)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>저장할 수 없습니다</translation>
    </message>
    <message>
        <source>{path} could not be saved: {error}</source>
        <translation>{path} 파일을 저장하지 못했습니다: {error}</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>Rows: the true class. Columns: the class the network predicted. The green diagonal counts right answers, orange cells mistakes; a cell&apos;s shade is its share of its row.</source>
        <extracomment>Each cell&apos;s (fill, text colour, text), row by row, for the theme version it was built for: the paint loop then only draws.</extracomment>
        <translation>행: 실제 클래스. 열: 신경망이 예측한 클래스. 초록 대각선은 정답 수, 주황 칸은 오답입니다. 칸의 진하기는 그 행에서 차지하는 비율입니다.</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>예측 클래스</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>실제 클래스</translation>
    </message>
</context>
<context>
    <name>ConvolutionPicture</name>
    <message>
        <source>max |result| = {0}</source>
        <translation>최대 |결과| = {0}</translation>
    </message>
    <message>
        <source>image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>feature map</source>
        <translation>특징 맵</translation>
    </message>
</context>
<context>
    <name>CostPlot</name>
    <message>
        <source>training cost (each step)</source>
        <extracomment>Room above and below the cost axis&apos;s ends, so their tick labels (0 and the ceiling) are drawn: pyqtgraph drops a label that would stick out of the plot. Ceilings for the cost axis: tight enough that the curve fills most of the plot, round enough to read. Every step&apos;s cost is kept exactly up to this many values (8 MB of float64); past that the exact record keeps every 2nd step&apos;s cost, then every 4th… (the envelope still holds every step&apos;s extremes), so a run of any length holds at most this many. Bins of the incremental envelope: when they are full, neighbours are merged in pairs (the bin width doubles), so between half and all of them trace every step&apos;s minimum and maximum. At least 2·ENVELOPE_BINS, so a frame always has a bin per pixel to draw. Points of a named series (validation cost every k steps…) kept at most: past that every 2nd point is dropped, then every 4th… A batch of costs starting more steps than this after the last one starts the curve anew (a shorter gap is drawn as a gap). Costs received since the run started. The bin being filled: how many steps it holds and their extremes. Keep one point of every ``stride`` received (1, 2, 4…). Pens of the other series, by name (the training cost keeps theme.COST_COLOR). Costs share the left axis; accuracies have their own 0…1 axis on the right. How many kept runs (&quot;ghosts&quot;) the plot draws at most.</extracomment>
        <translation>훈련 비용 (스텝마다)</translation>
    </message>
    <message>
        <source>validation cost</source>
        <translation>검증 비용</translation>
    </message>
    <message>
        <source>training accuracy (right)</source>
        <translation>훈련 정확도 (오른쪽 축)</translation>
    </message>
    <message>
        <source>validation accuracy (right)</source>
        <translation>검증 정확도 (오른쪽 축)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <source>accuracy</source>
        <extracomment>Named series: name → (their points, curve or None). Kept runs: key → their curves (faded), drawn until removed.</extracomment>
        <translation>정확도</translation>
    </message>
    <message>
        <source>best</source>
        <translation>최적</translation>
    </message>
</context>
<context>
    <name>DeckBar</name>
    <message>
        <source>Previous slide (Page Up)</source>
        <translation>이전 슬라이드 (Page Up)</translation>
    </message>
    <message>
        <source>Next slide, or reveal the answer (Page Down)</source>
        <translation>다음 슬라이드, 또는 정답 공개 (Page Down)</translation>
    </message>
    <message>
        <source>Reveal the answer</source>
        <translation>정답 공개</translation>
    </message>
    <message>
        <source>Close the deck (the lesson stays as it is)</source>
        <translation>덱 닫기 (수업 내용은 그대로 남습니다)</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>질문:</translation>
    </message>
    <message>
        <source>(click your guess on the canvas, then Page Down to reveal)</source>
        <translation>(캔버스에 예상을 클릭한 뒤 Page Down으로 공개)</translation>
    </message>
</context>
<context>
    <name>DeckPlayer</name>
    <message>
        <source>The lesson stopped answering; the slide&apos;s actions stopped.</source>
        <extracomment>Each training action takes about this long on screen, whatever its step count: long enough to watch the line move, short enough to keep the class&apos;s attention. The slowest and fastest rate a training action is shown at (steps per second). The pause between two phases of a &quot;phase&quot; action, so the class reads each one. How often a waiting action looks at the page&apos;s latest snapshot. A slide whose lesson sends no snapshot for this long is given up with a message. The deck, the slide or its state changed: the bar and the notes redraw. The slide&apos;s actions have all run (or were given up): its state is reached. Edited since it was opened or saved. &quot;asking&quot; (a question waits for the reveal), &quot;running&quot; (actions), &quot;ready&quot;. Train at full speed and skip the phase pauses (export, tests). What went wrong in the last slide&apos;s actions (shown in the bar), or &quot;&quot;.</extracomment>
        <translation>수업이 응답하지 않아 슬라이드의 동작을 멈췄습니다.</translation>
    </message>
    <message>
        <source>This lesson has no setting {0}.</source>
        <translation>이 수업에는 {0} 설정이 없습니다.</translation>
    </message>
    <message>
        <source>This lesson has no button {0}.</source>
        <translation>이 수업에는 {0} 버튼이 없습니다.</translation>
    </message>
    <message>
        <source>Question:</source>
        <extracomment>The width of an exported slide in pixels (a 16:10 projector&apos;s).</extracomment>
        <translation>질문:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>발표자 노트</translation>
    </message>
    <message>
        <source>Cannot open the deck</source>
        <translation>덱을 열 수 없습니다</translation>
    </message>
</context>
<context>
    <name>DrawingPad</name>
    <message>
        <source>Draw with the left button · the right button erases</source>
        <extracomment>The pen draws on an image this many times the pad&apos;s size, then is area-averaged down, so stroke edges are soft grey like MNIST&apos;s instead of jagged black and white. Pen and eraser widths in pad pixels (MNIST strokes are about 2–3 pixels of 28 wide). ``changed`` fires at most this often while the pen moves (about 30 times a second): enough for a live guess, few enough that the model keeps up. The pad is never smaller than this on screen: the back row must see the strokes. A pad whose brightest pixel is below this holds no drawing. Thumbnail side (pixels at scale 1) and the strip&apos;s narrowest width (three thumbnails). Up to this many classes the class buttons read &quot;Class 0 [1]&quot;; more get &quot;0 [1]&quot; (the tooltip says the rest), and more than a row&apos;s worth wrap onto a second row, so ten of them fit the left half of a 1024-pixel projector. From this width on the pad gets three fifths of the workspace instead of five ninths. Test mode&apos;s colour: the yellow of the test star on the point lessons. The drawing changed (while drawing, at most ~30 times a second; the last state of a stroke always arrives): the size×size float32 image. The mouse button was released: the finished drawing.</extracomment>
        <translation>왼쪽 버튼으로 그리기 · 오른쪽 버튼은 지우개</translation>
    </message>
    <message>
        <source>Drawing pad</source>
        <translation>그림판</translation>
    </message>
</context>
<context>
    <name>ExampleStrip</name>
    <message>
        <source>p(true digit) after each step</source>
        <extracomment>The hybrid&apos;s blue on dark paper, where #0072B2 is too dark to read (Okabe–Ito sky blue). A model counts as sure once its mean probability of the true class reaches this.</extracomment>
        <translation>단계마다 p(정답 숫자)</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>step</source>
        <extracomment>Every picture is laid out this many logical pixels wide, then rendered at the pixel width asked for: a 1920-pixel slide shows the same picture as a 960-pixel one, twice as sharp. Cells per side of the model&apos;s surface in pictures (the app&apos;s live view uses 100). Above this many points, pictures draw smaller markers. How long the last frame stays up before the animation starts again.</extracomment>
        <translation>스텝</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <source>step {step} / {total}    cost {cost}</source>
        <translation>스텝 {step} / {total}    비용 {cost}</translation>
    </message>
    <message>
        <source>    accuracy {accuracy}</source>
        <translation>    정확도 {accuracy}</translation>
    </message>
</context>
<context>
    <name>FeatureMapsView</name>
    <message>
        <source>Each row is coloured from its own lowest value (dark purple) to its highest (yellow). Every map uses the same pixel size, so pooling&apos;s halving shows.</source>
        <extracomment>The row&apos;s maps side by side in one image (one colour table for the whole row, and one image to build instead of sixteen). The values drawn darkest and brightest. A map&apos;s pixel is never drawn bigger than this (an 8×8 digit would fill the page).</extracomment>
        <translation>행마다 가장 낮은 값(짙은 보라)부터 가장 높은 값(노랑)까지 색을 칠합니다. 모든 맵이 같은 픽셀 크기를 써서 풀링으로 절반이 되는 것이 보입니다.</translation>
    </message>
    <message>
        <source>conv {0}</source>
        <translation>합성곱 {0}</translation>
    </message>
    <message>
        <source>pool {0}</source>
        <translation>풀링 {0}</translation>
    </message>
</context>
<context>
    <name>FilterGrid</name>
    <message>
        <source>Each square is one filter of the first convolution layer (its first input channel): blue weights add, orange weights subtract, white ones ignore.</source>
        <translation>사각형 하나가 첫 합성곱 층의 필터 하나(첫 입력 채널)입니다: 파란 가중치는 더하고, 주황은 빼고, 흰색은 무시합니다.</translation>
    </message>
    <message>
        <source>max |w| = {0}</source>
        <translation>최대 |w| = {0}</translation>
    </message>
</context>
<context>
    <name>FirstWindow</name>
    <message>
        <source>Loading lessons…</source>
        <extracomment>The colours of ``theme.Look`` (light and dark), repeated here because the theme module imports pyqtgraph, which this first window must not wait for; a test keeps them equal. The first window&apos;s size at scale 1, in device-independent pixels. Set to 1 and the launch prints one JSON line per start-up event on stdout ({&quot;startup&quot;: &quot;first paint&quot; | &quot;window painted&quot; | &quot;ready&quot;, &quot;time&quot;: time.time()}): what the start-up benchmark and the Ctrl+C tests wait for. Off, nothing is printed. The X11 plugin&apos;s libraries a desktop may lack, with the Debian/Ubuntu package that ships each. Qt 6.5+ needs libxcb-cursor0, which many distributions do not install.</extracomment>
        <translation>수업을 불러오는 중…</translation>
    </message>
</context>
<context>
    <name>ForecastOverlay</name>
    <message>
        <source>one step ahead</source>
        <translation>한 단계 예측</translation>
    </message>
    <message>
        <source>forecast, fed back</source>
        <translation>예측을 다시 입력한 예보</translation>
    </message>
    <message>
        <source>true series</source>
        <translation>실제 시계열</translation>
    </message>
</context>
<context>
    <name>HiddenStateStrip</name>
    <message>
        <source>unit</source>
        <translation>유닛</translation>
    </message>
    <message>
        <source>The hidden state after each step: a row per hidden unit, blue −1, red +1, background 0</source>
        <translation>각 단계 뒤의 은닉 상태: 은닉 유닛마다 한 줄, 파랑 −1, 빨강 +1, 배경색 0</translation>
    </message>
</context>
<context>
    <name>HybridComparison</name>
    <message>
        <source>Press Train both to compare.</source>
        <translation>&apos;둘 다 학습&apos;을 누르면 비교합니다.</translation>
    </message>
    <message>
        <source>columns / rows read</source>
        <translation>읽은 열 / 행 수</translation>
    </message>
    <message>
        <source>held-out accuracy</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <source>CNN → RNN</source>
        <translation>CNN → RNN</translation>
    </message>
    <message>
        <source>RNN on rows</source>
        <translation>행을 읽는 RNN</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>무작위 추측</translation>
    </message>
    <message>
        <source>sure</source>
        <translation>확신</translation>
    </message>
    <message>
        <source>never sure (≥ 0.9)</source>
        <translation>끝까지 확신(≥ 0.9) 못 함</translation>
    </message>
    <message>
        <source>sure (≥ 0.9) after {0} of {1}</source>
        <translation>{1}개 중 {0}개째에 확신(≥ 0.9)</translation>
    </message>
    <message>
        <source>CNN → RNN on columns: {0}, {1} · RNN on rows: {2}, {3}</source>
        <translation>열을 읽는 CNN → RNN: {0}, {1} · 행을 읽는 RNN: {2}, {3}</translation>
    </message>
</context>
<context>
    <name>HybridPage</name>
    <message>
        <source>the built-in digits (1,797)</source>
        <extracomment>Bounded however long the run: every other point dropped when full.</extracomment>
        <translation>내장 손글씨 숫자 (1,797개)</translation>
    </message>
    <message>
        <source>the CNN tab&apos;s images</source>
        <translation>CNN 탭의 이미지</translation>
    </message>
    <message>
        <source>Which images both models learn to read step by step</source>
        <translation>두 모델이 한 단계씩 읽는 법을 배울 이미지</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>이미지:</translation>
    </message>
    <message>
        <source>Train both</source>
        <translation>둘 다 학습</translation>
    </message>
    <message>
        <source>Train a CNN whose feature columns a GRU reads left to right, and a GRU on the raw pixel rows, on 75 % of the images (in the background)</source>
        <translation>CNN의 특징 열을 GRU가 왼쪽부터 읽는 모델과, 원래 픽셀 행을 읽는 GRU를 이미지의 75 %로 학습합니다 (백그라운드)</translation>
    </message>
</context>
<context>
    <name>ImageWorkspace</name>
    <message>
        <source>Clear drawings</source>
        <extracomment>The data changed (an edit, an undo, a load): the new immutable ImageSet. Never fires: images have no view to zoom (PointWorkspace&apos;s interface). Never fires: Test mode sends the drawing instead (``test_drawn``). The teacher replaced the data wholesale (Clear): carries a title (&quot;&quot; for none). In Test mode, the drawing on the pad (size×size float32), live while the pen moves. The page reads ``workspace.canvas``; for images it is the pad. The page puts the Data chooser at the start of this bar.</extracomment>
        <translation>그림 모두 지우기</translation>
    </message>
    <message>
        <source>Add drawing</source>
        <translation>그림 추가</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Remove every drawing (Ctrl+Z brings them back)</source>
        <translation>모든 그림을 지웁니다 (Ctrl+Z로 되돌릴 수 있음)</translation>
    </message>
    <message>
        <source>Class {0} [{1}]</source>
        <translation>클래스 {0} [{1}]</translation>
    </message>
    <message>
        <source>Class {0}</source>
        <translation>클래스 {0}</translation>
    </message>
    <message>
        <source>New drawings go to class {0} (key {1})</source>
        <translation>새 그림은 클래스 {0}에 들어갑니다 (키 {1})</translation>
    </message>
    <message>
        <source>New drawings go to class {0}</source>
        <translation>새 그림은 클래스 {0}에 들어갑니다</translation>
    </message>
    <message>
        <source>Add the drawing to the chosen class (Enter)</source>
        <translation>그림을 선택한 클래스에 추가합니다 (Enter)</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>지우개</translation>
    </message>
    <message>
        <source>The left button erases too (the right button always erases)</source>
        <translation>왼쪽 버튼도 지웁니다 (오른쪽 버튼은 항상 지우개)</translation>
    </message>
    <message>
        <source>Clear pad</source>
        <translation>그림판 비우기</translation>
    </message>
    <message>
        <source>Wipe the pad (added drawings stay)</source>
        <translation>그림판만 비웁니다 (추가한 그림은 그대로)</translation>
    </message>
    <message>
        <source>Test: the model guesses live</source>
        <translation>테스트: 모델이 실시간으로 맞힙니다</translation>
    </message>
    <message>
        <source>Draw a digit; Enter adds it to class {0}</source>
        <translation>숫자를 그리세요; Enter를 누르면 클래스 {0}에 추가됩니다</translation>
    </message>
    <message>
        <source>Delete drawing</source>
        <translation>그림 삭제</translation>
    </message>
    <message>
        <source>Move drawing to class {0}</source>
        <translation>그림을 클래스 {0}(으)로 옮기기</translation>
    </message>
</context>
<context>
    <name>KernelPlayground</name>
    <message>
        <source>typed…</source>
        <translation>직접 입력…</translation>
    </message>
    <message>
        <source>A hand-set kernel, or &quot;typed…&quot; to type your own nine numbers</source>
        <translation>손으로 정한 커널, 또는 &quot;직접 입력…&quot;으로 숫자 아홉 개를 직접 입력</translation>
    </message>
    <message>
        <source>Type a number from −10 to 10 (or turn the mouse wheel)</source>
        <translation>−10에서 10 사이의 숫자를 입력하세요 (또는 마우스 휠)</translation>
    </message>
    <message>
        <source>Choose &quot;typed…&quot; to type your own numbers</source>
        <translation>&quot;직접 입력…&quot;을 고르면 숫자를 직접 입력할 수 있습니다</translation>
    </message>
</context>
<context>
    <name>LandscapePanel</name>
    <message>
        <source>, {0} held</source>
        <translation>, {0} 고정</translation>
    </message>
    <message>
        <source>Race SGD, Momentum, Adam</source>
        <translation>SGD, Momentum, Adam 경주</translation>
    </message>
    <message>
        <source>Run the other optimizers from the same start, same rate</source>
        <translation>다른 옵티마이저도 같은 시작점, 같은 학습률로 실행</translation>
    </message>
    <message>
        <source>3-D bowl</source>
        <translation>3차원 그릇</translation>
    </message>
    <message>
        <source>Show the landscape as a 3-D surface (needs OpenGL)</source>
        <translation>비용 지형을 3D 곡면으로 보기 (OpenGL 필요)</translation>
    </message>
    <message>
        <source>Fit view</source>
        <translation>화면에 맞추기</translation>
    </message>
    <message>
        <source> step {0}, cost {1}</source>
        <translation> 스텝 {0}, 비용 {1}</translation>
    </message>
    <message>
        <source>Compare with the {0}</source>
        <extracomment>The companion whose landscape can stand beside the main one (the lesson says).</extracomment>
        <translation>{0}와(과) 비교</translation>
    </message>
    <message>
        <source>The same model trained with that cost, from the same start: its landscape</source>
        <translation>같은 모델을 그 비용으로, 같은 시작점에서 학습: 그 비용 지형</translation>
    </message>
    <message>
        <source>{0} (same model, same start)</source>
        <translation>{0} (같은 모델, 같은 시작점)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} run&lt;/b&gt; (right) step {1}, cost {2}</source>
        <translation>&lt;b&gt;{0} 학습&lt;/b&gt; (오른쪽) 단계 {1}, 비용 {2}</translation>
    </message>
    <message>
        <source>cost {0}</source>
        <translation>비용 {0}</translation>
    </message>
    <message>
        <source>stopped: the cost became {0}</source>
        <translation>중단: 비용 = {0}</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>스텝 {0}</translation>
    </message>
    <message>
        <source>Showing the contour map.</source>
        <translation>등고선 지도를 표시합니다.</translation>
    </message>
</context>
<context>
    <name>LandscapePlot</name>
    <message>
        <source>Click to start the next run from there; drag to pan, wheel to zoom</source>
        <extracomment>Path colours per optimizer (Okabe–Ito); the main run is drawn in its optimizer&apos;s colour. The colour of a companion run&apos;s path (the MSE run beside cross-entropy).</extracomment>
        <translation>클릭: 그 위치에서 다음 학습 시작 · 드래그: 이동 · 휠: 확대/축소</translation>
    </message>
    <message>
        <source>cost {0}</source>
        <translation>비용 {0}</translation>
    </message>
</context>
<context>
    <name>LearningRateEditor</name>
    <message>
        <source>How far each step moves W and b against the gradient</source>
        <extracomment>(label, steps per second or None for full speed). Choices for &quot;stop when the cost changes by less than ε&quot; (0 = never). The learning-rate slider spans 10^-4 … 10^1 in this many notches. Decimals the settings&apos; real-number fields keep of a typed or loaded number, whatever they show: a learning rate of 1.5e-5 stays 1.5e-5, a weight decay of 1e-5 in a field showing 4 decimals is not rounded to &quot;off&quot;.</extracomment>
        <translation>각 스텝에서 W와 b를 경사의 반대 방향으로 움직이는 크기</translation>
    </message>
    <message>
        <source>Learning rate on a log scale, 0.0001 … 10</source>
        <translation>학습률 (로그 눈금, 0.0001 … 10)</translation>
    </message>
</context>
<context>
    <name>LedgerPanel</name>
    <message>
        <source>iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <source>Back to iteration</source>
        <translation>되돌아갈 반복</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>되돌아가기</translation>
    </message>
    <message>
        <source>Replay the run from its start up to that iteration</source>
        <translation>처음부터 그 반복까지 다시 실행</translation>
    </message>
    <message>
        <source>{0} iterations; recorded from iteration {1}</source>
        <translation>반복 {0}회; 반복 {1}부터 기록</translation>
    </message>
    <message>
        <source>; showing the last {0}</source>
        <translation>; 마지막 {0}개 표시</translation>
    </message>
</context>
<context>
    <name>LessonTab</name>
    <message>
        <source>Cost curve</source>
        <translation>비용 곡선</translation>
    </message>
    <message>
        <source>Cost landscape</source>
        <translation>비용 지형</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>단면</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>기록표</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>학습률:</translation>
    </message>
    <message>
        <source>SGD: torch.optim.SGD · Momentum: SGD(momentum=0.9) · Adam: torch.optim.Adam</source>
        <translation>SGD: torch.optim.SGD · Momentum: SGD(momentum=0.9) · Adam: torch.optim.Adam</translation>
    </message>
    <message>
        <source>Optimizer:</source>
        <translation>옵티마이저:</translation>
    </message>
    <message>
        <source>② Train</source>
        <extracomment>How long a thread may hold the GIL while another waits (Python&apos;s default is 5 ms). Fonts are added to Qt&apos;s font database once per process, however often the app is made. A Ctrl+C that has not been acted on yet (start-up checks it between stages).</extracomment>
        <translation>② 학습</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>Stop after steps:</source>
        <translation>최대 스텝 수:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>사용 안 함</translation>
    </message>
    <message>
        <source>Stop when the cost changes by less than ε in one step</source>
        <translation>한 스텝 동안 비용 변화가 ε보다 작으면 종료</translation>
    </message>
    <message>
        <source>Stop when |Δcost| &lt;</source>
        <translation>종료 조건 |Δcost| &lt;</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>전체 배치</translation>
    </message>
    <message>
        <source>Points per step; &apos;full batch&apos; uses every point (the lecture)</source>
        <translation>스텝마다 쓰는 점의 수. &apos;전체 배치&apos;는 모든 점을 사용 (강의 방식)</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>배치 크기:</translation>
    </message>
    <message>
        <source>torch.manual_seed(seed): the same seed gives the same start</source>
        <translation>torch.manual_seed(seed): 같은 시드면 같은 시작점</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>시드:</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>CUDA (NVIDIA GPU)</source>
        <translation>CUDA (NVIDIA GPU)</translation>
    </message>
    <message>
        <source>MPS (Apple)</source>
        <translation>MPS (Apple)</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>장치:</translation>
    </message>
    <message>
        <source>Validation share:</source>
        <translation>검증 비율:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Share of the data held out for validation: the model never trains on it</source>
        <translation>검증용으로 따로 떼어 둔 데이터의 비율: 모델은 이 데이터로 학습하지 않습니다</translation>
    </message>
    <message>
        <source>Validate every (steps):</source>
        <translation>검증 간격 (스텝):</translation>
    </message>
    <message>
        <source>How often the held-out data is evaluated</source>
        <translation>검증 데이터를 얼마나 자주 평가할지</translation>
    </message>
    <message>
        <source>your own points</source>
        <extracomment>Under the points (z 10), above the model&apos;s lines and surface. The class&apos;s guess before a deck reveals the answer (magenta: no class colour uses it). Wide enough for the longest live readout, so nothing is clipped while numbers change. What the lesson draws over the workspace (the page and exported pictures share it). Names of the ③ Test inputs. A line for the status bar: the device in use and what the trainer says. The settings last sent to the training thread; settings without a control here (a file&apos;s validation share, say) are kept from it. A standing note (the preset&apos;s description) shown when the trainer has nothing to say. The title the lesson&apos;s file keeps when saved: the file&apos;s or preset&apos;s own (never the preset list&apos;s text, which is translated and may name another preset). The file the lesson was opened from or last saved to (None for a preset). The data and settings as last opened or saved, to tell whether closing loses work. The plot the overlays and the test marker draw on.</extracomment>
        <translation>직접 찍은 점</translation>
    </message>
    <message>
        <source>Load {0}</source>
        <extracomment>Weights the trainer starts from instead of the seed&apos;s (a file&apos;s, or a landscape click), so the Code page&apos;s script starts from them too.</extracomment>
        <translation>{0} 불러오기</translation>
    </message>
    <message>
        <source>generated: {0}</source>
        <translation>생성: {0}</translation>
    </message>
    <message>
        <source>(iteration {0})</source>
        <translation>(반복 {0})</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>스텝 {0}</translation>
    </message>
    <message>
        <source>accuracy {0}
epoch {1}</source>
        <translation>정확도 {0}
에폭 {1}</translation>
    </message>
    <message>
        <source>cost {0}</source>
        <translation>비용 {0}</translation>
    </message>
    <message>
        <source>cost of step {0}: {1}</source>
        <translation>{0}단계의 비용: {1}</translation>
    </message>
    <message>
        <source>H(x) = (diverged)</source>
        <translation>H(x) = (발산)</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>학습 중…</translation>
    </message>
    <message>
        <source>Device: {0}</source>
        <translation>장치: {0}</translation>
    </message>
    <message>
        <source>The model has no usable parameters: press Reset.</source>
        <translation>모델에 쓸 수 있는 파라미터가 없습니다. [초기화]를 누르십시오.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Unsaved lessons</source>
        <extracomment>Ask before closing over unsaved lessons (off for the self-test, and for a restart, which carries every lesson over in a session folder). The open deck (none at first): its bar sits over the lessons.</extracomment>
        <translation>저장하지 않은 수업</translation>
    </message>
    <message>
        <source>These lessons have changes that are not saved: {0}. Save them?</source>
        <translation>다음 수업에 저장하지 않은 변경 사항이 있습니다: {0}. 저장할까요?</translation>
    </message>
    <message>
        <source>Cannot open the lesson file</source>
        <translation>수업 파일을 열 수 없습니다</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>열었습니다: {0}</translation>
    </message>
    <message>
        <source>Cannot save the lesson file</source>
        <translation>수업 파일을 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>저장했습니다: {0}</translation>
    </message>
    <message>
        <source>{0} was not saved: {1}
Nothing on screen was lost, and a file already there is unchanged. Choose another place, or make room and save again.</source>
        <translation>{0}을(를) 저장하지 못했습니다: {1}
화면의 내용은 그대로이고, 이미 있던 파일도 바뀌지 않았습니다. 다른 곳을 고르거나, 공간을 확보한 뒤 다시 저장하세요.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <source>this place cannot be written to (read-only, or no permission)</source>
        <translation>이곳에는 쓸 수 없습니다 (읽기 전용이거나 권한이 없음)</translation>
    </message>
    <message>
        <source>Open a lesson</source>
        <translation>수업 열기</translation>
    </message>
    <message>
        <source>Save the lesson</source>
        <translation>수업 저장</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>{0} could not be written: {1}</source>
        <translation>{0}을(를) 쓸 수 없습니다: {1}</translation>
    </message>
    <message>
        <source>Canvas as PNG</source>
        <translation>캔버스를 PNG로</translation>
    </message>
    <message>
        <source>Width in pixels (for slides):</source>
        <translation>가로 픽셀 수 (슬라이드용):</translation>
    </message>
    <message>
        <source>Recording the training…</source>
        <translation>학습 과정을 녹화하는 중…</translation>
    </message>
    <message>
        <source>Recording the first {0} of {1} steps…</source>
        <translation>{1}단계 중 처음 {0}단계를 녹화하는 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Recording cancelled.</source>
        <translation>녹화를 취소했습니다.</translation>
    </message>
    <message>
        <source>Open a deck</source>
        <translation>덱 열기</translation>
    </message>
    <message>
        <source>Add current state as slide</source>
        <translation>현재 상태를 슬라이드로 추가</translation>
    </message>
    <message>
        <source>Slide title:</source>
        <translation>슬라이드 제목:</translation>
    </message>
    <message>
        <source>Slide {0} added</source>
        <translation>슬라이드 {0}을(를) 추가했습니다</translation>
    </message>
    <message>
        <source>Cannot save the deck</source>
        <translation>덱을 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Save the deck</source>
        <translation>덱 저장</translation>
    </message>
    <message>
        <source>Unsaved deck</source>
        <translation>저장하지 않은 덱</translation>
    </message>
    <message>
        <source>The deck has slides that are not saved. Save them?</source>
        <translation>덱에 저장하지 않은 슬라이드가 있습니다. 저장할까요?</translation>
    </message>
    <message>
        <source>Size {0:.0%}</source>
        <translation>크기 {0:.0%}</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>DesktopDL restarts in the new language, with every lesson as it is now (points, settings and trained weights). Restart now?</source>
        <translation>DesktopDL이 새 언어로 다시 시작합니다. 모든 레슨은 지금 그대로(점, 설정, 학습된 가중치) 돌아옵니다. 지금 다시 시작할까요?</translation>
    </message>
    <message>
        <source>The lessons before the restart could not be restored: {0}</source>
        <translation>다시 시작하기 전의 레슨을 되살리지 못했습니다: {0}</translation>
    </message>
    <message>
        <source>Device: {0}</source>
        <translation>장치: {0}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open lesson…</source>
        <translation>수업 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>최근 수업 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save lesson…</source>
        <translation>수업 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Save lesson with trained &amp;weights…</source>
        <translation>학습된 가중치와 함께 수업 저장(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <source>Canvas as PNG…</source>
        <translation>캔버스를 PNG로…</translation>
    </message>
    <message>
        <source>Canvas as SVG…</source>
        <translation>캔버스를 SVG로…</translation>
    </message>
    <message>
        <source>Window as PNG…</source>
        <translation>창 전체를 PNG로…</translation>
    </message>
    <message>
        <source>Cost curve as SVG…</source>
        <translation>비용 곡선을 SVG로…</translation>
    </message>
    <message>
        <source>Training animation (GIF)…</source>
        <translation>학습 애니메이션 (GIF)…</translation>
    </message>
    <message>
        <source>Training animation (MP4)…</source>
        <translation>학습 애니메이션 (MP4)…</translation>
    </message>
    <message>
        <source>Points as CSV…</source>
        <translation>점 데이터를 CSV로…</translation>
    </message>
    <message>
        <source>Costs as CSV…</source>
        <translation>비용 기록을 CSV로…</translation>
    </message>
    <message>
        <source>PyTorch script (.py)…</source>
        <translation>PyTorch 스크립트 (.py)…</translation>
    </message>
    <message>
        <source>Notebook (.ipynb)…</source>
        <translation>노트북 (.ipynb)…</translation>
    </message>
    <message>
        <source>Open &amp;deck…</source>
        <translation>덱 열기(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Deck</source>
        <translation>덱(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Open deck…</source>
        <translation>덱 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Week-9 lecture</source>
        <translation>9주차 강의(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Add current state as slide…</source>
        <translation>현재 상태를 슬라이드로 추가(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit slides…</source>
        <translation>슬라이드 편집(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Save deck…</source>
        <translation>덱 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>발표(&amp;P)</translation>
    </message>
    <message>
        <source>Speaker &amp;notes</source>
        <translation>발표자 노트(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Close deck</source>
        <translation>덱 닫기(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>전체 화면(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Bigger</source>
        <translation>크게(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Smaller</source>
        <translation>작게(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>원래 크기(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Light theme (projector)</source>
        <translation>밝은 테마 - 프로젝터용(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>어두운 테마(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Presenter layout</source>
        <translation>발표자 배치(&amp;P)</translation>
    </message>
    <message>
        <source>B&amp;lank screen</source>
        <translation>화면 가리기(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>수업(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Keyboard &amp;shortcuts</source>
        <translation>단축키(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Week-9 lecture (deck)</source>
        <translation>9주차 강의 (덱)(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;About DesktopDL</source>
        <translation>DesktopDL 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>About DesktopDL</source>
        <translation>DesktopDL 정보</translation>
    </message>
    <message>
        <source>&lt;p&gt;Teach the basics of deep learning: build the model, train it, test it.&lt;/p&gt;&lt;p&gt;Every number shown is the number the lecture&apos;s PyTorch code prints.&lt;/p&gt;</source>
        <translation>&lt;p&gt;딥러닝의 기초를 가르칩니다: 1단계 모델 생성, 2단계 학습, 3단계 추론 및 테스트.&lt;/p&gt;&lt;p&gt;화면에 보이는 모든 숫자는 강의의 PyTorch 코드가 출력하는 숫자와 같습니다.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MisclassifiedStrip</name>
    <message>
        <source>Misclassified images: each reads true class → predicted class.</source>
        <translation>잘못 분류한 이미지: 각각 실제 클래스 → 예측 클래스</translation>
    </message>
    <message>
        <source>Misclassified: none</source>
        <translation>오분류: 없음</translation>
    </message>
    <message>
        <source>Misclassified: {0} ({1} shown)</source>
        <translation>오분류: {0}개 ({1}개 표시)</translation>
    </message>
    <message>
        <source>Misclassified: {0}</source>
        <translation>오분류: {0}개</translation>
    </message>
</context>
<context>
    <name>ModelPanel</name>
    <message>
        <source>① Model</source>
        <translation>① 모델 생성</translation>
    </message>
</context>
<context>
    <name>NeuralNetworkTab</name>
    <message>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>Hidden layers (0 = the binary lesson&apos;s straight boundary)</source>
        <extracomment>Shades of line width and colour a weight is drawn in: lines of one shade share a pen and are drawn in one call (a pen and a call per weight cost ~4 ms a frame at 2-8-8-1). The drawing of the state shown, and what it was drawn for (size, theme).</extracomment>
        <translation>은닉층 수 (0 = 이진 분류 수업의 직선 경계)</translation>
    </message>
    <message>
        <source>Hidden layers:</source>
        <translation>은닉층:</translation>
    </message>
    <message>
        <source>Neurons in this layer</source>
        <translation>이 층의 뉴런 수</translation>
    </message>
    <message>
        <source>Activation:</source>
        <translation>활성화 함수:</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>클래스 수:</translation>
    </message>
    <message>
        <source>H({0}) = {1} → class {2}</source>
        <translation>H({0}) = {1} → 클래스 {2}</translation>
    </message>
    <message>
        <source>P(class):</source>
        <translation>P(클래스):</translation>
    </message>
    <message>
        <source>H({0}) → class {1} (p = {2})</source>
        <translation>H({0}) → 클래스 {1} (p = {2})</translation>
    </message>
    <message>
        <source>softmax:</source>
        <translation>softmax:</translation>
    </message>
</context>
<context>
    <name>NotesWindow</name>
    <message>
        <source>Speaker notes</source>
        <translation>발표자 노트</translation>
    </message>
    <message>
        <source>Restart the timer</source>
        <translation>타이머 다시 시작</translation>
    </message>
    <message>
        <source>No deck is open.</source>
        <translation>열린 덱이 없습니다.</translation>
    </message>
    <message>
        <source>Slide {0} of {1}</source>
        <translation>슬라이드 {0} / {1}</translation>
    </message>
    <message>
        <source>Question: {0}</source>
        <translation>질문: {0}</translation>
    </message>
    <message>
        <source>Next: {0}</source>
        <translation>다음: {0}</translation>
    </message>
    <message>
        <source>This is the last slide.</source>
        <translation>마지막 슬라이드입니다.</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>An empty field is not a number.</source>
        <extracomment>One complete number in Python&apos;s syntax: digits, an optional point, an optional exponent. The same with its whole part grouped in thousands (&quot;10,000,000&quot;), as the fields show it. What a refused text is cut to in the hint. The frame a refused field wears until its next accepted number (the app&apos;s error red). The text last refused, while its hint shows; None when the field is fine.</extracomment>
        <translation>빈 칸은 숫자가 아닙니다.</translation>
    </message>
    <message>
        <source>“{0}” was not taken.</source>
        <translation>“{0}”은(는) 받아들이지 않았습니다.</translation>
    </message>
    <message>
        <source>{0} means “{1}”.</source>
        <translation>{0}은(는) “{1}”을(를) 뜻합니다.</translation>
    </message>
    <message>
        <source>The previous value stays: {0}.</source>
        <translation>이전 값을 유지합니다: {0}.</translation>
    </message>
    <message>
        <source>Type a whole number from {0} to {1}.</source>
        <translation>{0}에서 {1} 사이의 정수를 입력하세요.</translation>
    </message>
    <message>
        <source>This field keeps at most {0} decimals.</source>
        <translation>이 칸은 소수점 아래 {0}자리까지만 담습니다.</translation>
    </message>
    <message>
        <source>Type a number from {0} to {1}, such as 0.001 or 1e-3.</source>
        <translation>{0}에서 {1} 사이의 숫자를 입력하세요 (예: 0.001 또는 1e-3).</translation>
    </message>
</context>
<context>
    <name>OneVsRestPage</name>
    <message>
        <source>One-vs-rest: one sigmoid per class asks “is it class k?”. The answer is the most confident “yes”. Trained beside softmax, from the same data and learning rate.</source>
        <extracomment>The other classes&apos; points on a one-vs-rest map.</extracomment>
        <translation>일대다(One-vs-rest): 클래스마다 시그모이드 하나가 “클래스 k인가?”를 묻고, 가장 확신하는 “예”가 답이 됩니다. 소프트맥스와 같은 데이터, 같은 학습률로 나란히 학습합니다.</translation>
    </message>
    <message>
        <source>is it class {0}?</source>
        <extracomment>Per class: its plot, its map, its own points and the other classes&apos; points. The points the scatter items show, and the region and size of the maps now.</extracomment>
        <translation>클래스 {0}인가?</translation>
    </message>
</context>
<context>
    <name>OverfittingTab</name>
    <message>
        <source>Run k-fold cross-validation in the side panel.</source>
        <extracomment>Under the model&apos;s own boundary (z 5) and the points (z 10).</extracomment>
        <translation>오른쪽 패널에서 k-겹 교차 검증을 실행하세요.</translation>
    </message>
    <message>
        <source>fold</source>
        <translation>겹(fold)</translation>
    </message>
    <message>
        <source>Run the learning curve in the side panel.</source>
        <translation>오른쪽 패널에서 학습 곡선을 실행하세요.</translation>
    </message>
    <message>
        <source>training points</source>
        <translation>훈련 점 개수</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <source>validation cost</source>
        <translation>검증 비용</translation>
    </message>
    <message>
        <source>training cost</source>
        <translation>훈련 비용</translation>
    </message>
    <message>
        <source>{points} points: {accuracy}</source>
        <translation>{points}개: {accuracy}</translation>
    </message>
    <message>
        <source> ({count} share(s) had one class only and were skipped)</source>
        <translation> ({count}개 구간은 클래스가 하나뿐이라 건너뜀)</translation>
    </message>
    <message>
        <source>Dropout p:</source>
        <translation>드롭아웃 p:</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>Share of each hidden layer&apos;s outputs zeroed in every training step; evaluation (validation, the boundary, ③ Test) uses every neuron</source>
        <translation>학습 스텝마다 각 은닉층 출력 중 이 비율을 0으로 만듭니다. 평가(검증, 경계, ③ 테스트)에는 모든 뉴런을 씁니다</translation>
    </message>
    <message>
        <source>Augmentation copies:</source>
        <translation>증강 복사본 수:</translation>
    </message>
    <message>
        <source>Jittered copies of each training point (never of validation)</source>
        <translation>훈련 점마다 조금씩 흔든 복사본 (검증 점은 복사하지 않음)</translation>
    </message>
    <message>
        <source>Jitter σ:</source>
        <translation>흔들기 σ:</translation>
    </message>
    <message>
        <source>How far the copies move</source>
        <translation>복사본이 움직이는 거리</translation>
    </message>
    <message>
        <source>L2 weight decay λ:</source>
        <translation>L2 가중치 감쇠 λ:</translation>
    </message>
    <message>
        <source>weight_decay=λ in the optimizer: the gradient of λ/2·Σw²</source>
        <translation>옵티마이저의 weight_decay=λ: λ/2·Σw²의 기울기</translation>
    </message>
    <message>
        <source>L1 penalty:</source>
        <translation>L1 규제:</translation>
    </message>
    <message>
        <source>adds L1·Σ|w| to the cost</source>
        <translation>비용에 L1·Σ|w|를 더합니다</translation>
    </message>
    <message>
        <source>Early stopping after:</source>
        <translation>조기 종료 기준:</translation>
    </message>
    <message>
        <source>Stop when the validation cost has not improved for this many evaluations, and go back to the best weights</source>
        <translation>검증 비용이 이 횟수만큼 평가하는 동안 나아지지 않으면 멈추고 가장 좋았던 가중치로 돌아갑니다</translation>
    </message>
    <message>
        <source>Cross-validation</source>
        <translation>교차 검증</translation>
    </message>
    <message>
        <source>Learning curve</source>
        <translation>학습 곡선</translation>
    </message>
    <message>
        <source>Add points</source>
        <translation>점 추가</translation>
    </message>
    <message>
        <source>Show the validation points (hollow)</source>
        <translation>검증 점 보이기 (속이 빈 점)</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>실행 비교</translation>
    </message>
    <message>
        <source>Keep this run as a ghost</source>
        <translation>이 실행을 잔상으로 남기기</translation>
    </message>
    <message>
        <source>Its curves and boundary stay, faded, beside the next runs (at most {0})</source>
        <translation>곡선과 경계가 흐리게 남아 다음 실행과 비교됩니다 (최대 {0}개)</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>Cross-validate</source>
        <translation>교차 검증 실행</translation>
    </message>
    <message>
        <source>Train k fresh models, each holding out one fold of all the points</source>
        <translation>새 모델 k개를 학습합니다. 모델마다 전체 점 중 한 겹을 검증용으로 뺍니다</translation>
    </message>
    <message>
        <source>Train on 10 %, 25 %, 50 % and 100 % of the training points</source>
        <translation>훈련 점의 10 %, 25 %, 50 %, 100 %로 각각 학습합니다</translation>
    </message>
    <message>
        <source>More data</source>
        <translation>데이터 추가</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>{k}-fold cross-validation, {steps} steps per fold ({seconds} s): validation accuracy {mean} ± {spread} (dashed: the mean), validation cost {cost} ± {cost_spread} (mean ± spread over the folds)</source>
        <translation>{k}-겹 교차 검증, 겹마다 {steps} 스텝 ({seconds}초): 검증 정확도 {mean} ± {spread} (점선: 평균), 검증 비용 {cost} ± {cost_spread} (겹 전체의 평균 ± 표준편차)</translation>
    </message>
    <message>
        <source>Validation accuracy by training points (each the mean of {repeats} models of {steps} steps, judged on the same {validation} held-out points): {rows}</source>
        <translation>훈련 점 개수별 검증 정확도 (각각 {steps} 스텝 학습한 모델 {repeats}개의 평균, 같은 검증 점 {validation}개로 평가): {rows}</translation>
    </message>
    <message>
        <source>Add this many points from the same generator and noise</source>
        <translation>같은 생성기와 잡음으로 이만큼 점을 더합니다</translation>
    </message>
    <message>
        <source>Steps each model of an experiment trains, with the settings above</source>
        <translation>실험에서 모델마다 학습하는 스텝 수 (위의 설정 그대로)</translation>
    </message>
    <message>
        <source>Steps per model:</source>
        <translation>모델당 스텝:</translation>
    </message>
    <message>
        <source>Folds k:</source>
        <translation>겹 수 k:</translation>
    </message>
    <message>
        <source>Add {0} points</source>
        <extracomment>Background experiments by name, while they run. Kept runs: key → (row widget, boundary item).</extracomment>
        <translation>점 {0}개 추가</translation>
    </message>
    <message>
        <source>&lt;b&gt;training cost {0} · validation cost {1} → gap {2}&lt;/b&gt; (every {3} steps)</source>
        <translation>&lt;b&gt;훈련 비용 {0} · 검증 비용 {1} → 차이 {2}&lt;/b&gt; ({3} 스텝마다)</translation>
    </message>
    <message>
        <source>accuracy: training {0} · validation {1} → gap {2} points</source>
        <translation>정확도: 훈련 {0} · 검증 {1} → 차이 {2}%p</translation>
    </message>
    <message>
        <source>No points are held out: set a validation share in ② Train.</source>
        <translation>검증용 점이 없습니다: ② 학습에서 검증 비율을 정하세요.</translation>
    </message>
    <message>
        <source>cost without the penalty {0} · with it {1} (λ/2·Σw² + L1·Σ|w| = {2})</source>
        <translation>규제 없는 비용 {0} · 규제 포함 {1} (λ/2·Σw² + L1·Σ|w| = {2})</translation>
    </message>
    <message>
        <source>augmentation: {0} jittered copies of the {1} training points (σ = {2})</source>
        <translation>증강: 훈련 점 {1}개를 흔든 복사본 {0}개 (σ = {2})</translation>
    </message>
    <message>
        <source>dropout p = {0}: on in training steps (last step&apos;s cost {1}), off in evaluation (training cost {2})</source>
        <translation>드롭아웃 p = {0}: 학습 스텝에서는 켜짐 (마지막 스텝 비용 {1}), 평가에서는 꺼짐 (훈련 비용 {2})</translation>
    </message>
    <message>
        <source>×{0} copies</source>
        <translation>복사본 ×{0}</translation>
    </message>
    <message>
        <source>early stop {0}</source>
        <translation>조기 종료 {0}</translation>
    </message>
    <message>
        <source>{0} points</source>
        <translation>점 {0}개</translation>
    </message>
    <message>
        <source>gap {0}</source>
        <translation>차이 {0}</translation>
    </message>
    <message>
        <source>At most {0} runs can be kept: remove one first.</source>
        <translation>실행은 최대 {0}개까지 남길 수 있습니다: 먼저 하나를 지우세요.</translation>
    </message>
    <message>
        <source>Train first: there is no run to keep yet.</source>
        <translation>먼저 학습하세요: 아직 남길 실행이 없습니다.</translation>
    </message>
    <message>
        <source>Remove this ghost</source>
        <translation>이 잔상 지우기</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
</context>
<context>
    <name>PointCanvas</name>
    <message>
        <source>Click: add a point · Right-click or Ctrl+click: remove · Drag: move</source>
        <extracomment>In Test mode, a left click asks the model about (x, y) instead of adding a point. The visible data region changed (zoom, pan, resize): the surface must follow. Indices of points held out for validation (drawn hollow), and whether they show. What the scatter shows when it was drawn with no held-out points: (points, styles), so an edit of one point can redraw just that point.</extracomment>
        <translation>클릭: 점 추가 · 오른쪽 클릭 또는 Ctrl+클릭: 삭제 · 드래그: 이동</translation>
    </message>
</context>
<context>
    <name>PointEditor</name>
    <message>
        <source>Add point</source>
        <extracomment>How close (in screen pixels) a press must be to a point to grab or delete it. Qt&apos;s pixmap cache (KiB): room for the cached points of a few full-screen 4K canvases.</extracomment>
        <translation>점 추가</translation>
    </message>
    <message>
        <source>Remove point</source>
        <translation>점 삭제</translation>
    </message>
    <message>
        <source>Clear points</source>
        <translation>점 모두 지우기</translation>
    </message>
    <message>
        <source>Move point</source>
        <translation>점 이동</translation>
    </message>
</context>
<context>
    <name>PointWorkspace</name>
    <message>
        <source>Class {0} [{1}]</source>
        <extracomment>Above this many classes the class buttons show only the class number and its key (the tooltip says the rest): three full labels beside the Data chooser made the window wider than a 1024-pixel projector. The data changed (an edit, an undo, a load): the new immutable PointSet. The visible region changed: surfaces must follow. A click in Test mode at (x, y). The teacher replaced the data wholesale (Clear, a generated set): the old run, its curve and its labels no longer describe what is on the canvas. Carries a title for the new data (&quot;&quot; when there is none). The page puts the Data chooser at the start of this bar.</extracomment>
        <translation>클래스 {0} [{1}]</translation>
    </message>
    <message>
        <source>New points get class {0} (key {1})</source>
        <translation>새 점은 클래스 {0} (키 {1})</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Remove every point (Ctrl+Z brings them back)</source>
        <translation>모든 점 삭제 (Ctrl+Z로 되돌리기)</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>points</source>
        <translation>점 개수</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <source>How much the classes blur into each other (0 – 0.5)</source>
        <translation>클래스끼리 섞이는 정도 (0 – 0.5)</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>다시 생성</translation>
    </message>
    <message>
        <source>New points from the chosen set; training starts again from the seed (Reset keeps the data)</source>
        <translation>선택한 데이터 집합으로 새 점을 만듭니다. 학습은 시드에서 다시 시작합니다 (초기화는 데이터를 유지)</translation>
    </message>
    <message>
        <source>Generate {0}</source>
        <translation>{0} 생성</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <source>class {0}</source>
        <translation>클래스 {0}</translation>
    </message>
</context>
<context>
    <name>RNNTab</name>
    <message>
        <source>next value</source>
        <extracomment>Characters generated at a press of Generate. The forecast&apos;s colour (the one-step dots share it, lighter): the model&apos;s own line. A move of a curve smaller than this (in the series&apos; units) does not show on screen. Points of the perplexity curve drawn (a narrow plot: more would not show).</extracomment>
        <translation>다음 값</translation>
    </message>
    <message>
        <source>next character</source>
        <translation>다음 글자</translation>
    </message>
    <message>
        <source>Learns:</source>
        <extracomment>The forecast and the typed start are the tests: there is no point to click.</extracomment>
        <translation>학습 대상:</translation>
    </message>
    <message>
        <source>Cell:</source>
        <translation>셀:</translation>
    </message>
    <message>
        <source>Hidden units:</source>
        <translation>은닉 유닛:</translation>
    </message>
    <message>
        <source>The size of the hidden state h_t the cell carries forward</source>
        <translation>셀이 다음 시점으로 넘기는 은닉 상태 h_t의 크기</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>층 수:</translation>
    </message>
    <message>
        <source>Window (past steps):</source>
        <translation>윈도우 (과거 시점 수):</translation>
    </message>
    <message>
        <source>How many past steps the network reads before each prediction</source>
        <translation>예측하기 전에 신경망이 읽는 과거 시점의 수</translation>
    </message>
    <message>
        <source>Forecast (steps):</source>
        <translation>예보 (시점 수):</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Steps past the end, each prediction fed back as the next input</source>
        <translation>끝 이후의 시점 수: 예측한 값을 다음 입력으로 다시 넣습니다</translation>
    </message>
    <message>
        <source>Unrolled</source>
        <translation>펼친 RNN</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>CNN + RNN</source>
        <translation>CNN + RNN</translation>
    </message>
    <message>
        <source>your own sequence</source>
        <translation>직접 만든 시계열</translation>
    </message>
    <message>
        <source>held out</source>
        <translation>검증용</translation>
    </message>
    <message>
        <source>one-step error {0} of the amplitude</source>
        <translation>한 단계 예측 오차: 진폭의 {0}</translation>
    </message>
    <message>
        <source>on the held-out end: {0}</source>
        <translation>검증 구간(끝부분): {0}</translation>
    </message>
    <message>
        <source>perplexity {0} (of {1} characters)</source>
        <translation>퍼플렉서티 {0} (글자 {1}종 중)</translation>
    </message>
    <message>
        <source>after the end (step {0}): {1}</source>
        <translation>끝 다음 (시점 {0}): {1}</translation>
    </message>
    <message>
        <source>after “{0}”: “{1}” (p = {2})</source>
        <translation>“{0}” 다음: “{1}” (p = {2})</translation>
    </message>
    <message>
        <source>the likeliest of {0} characters</source>
        <translation>글자 {0}종 중 가장 가능성 높은 글자</translation>
    </message>
    <message>
        <source>Train the text model first.</source>
        <translation>먼저 텍스트 모델을 학습하세요.</translation>
    </message>
    <message>
        <source>&lt;b&gt;greedy:&lt;/b&gt; {0}&lt;u&gt;{1}&lt;/u&gt;</source>
        <translation>&lt;b&gt;탐욕적(greedy):&lt;/b&gt; {0}&lt;u&gt;{1}&lt;/u&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;sampled (T = {0}):&lt;/b&gt; {1}&lt;u&gt;{2}&lt;/u&gt;</source>
        <translation>&lt;b&gt;샘플링 (T = {0}):&lt;/b&gt; {1}&lt;u&gt;{2}&lt;/u&gt;</translation>
    </message>
    <message>
        <source>The CNN tab has too few images: draw two classes there, or use the built-in digits.</source>
        <translation>CNN 탭의 이미지가 너무 적습니다: 그곳에서 두 클래스를 그리거나 내장 숫자를 쓰세요.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
</context>
<context>
    <name>Readout</name>
    <message>
        <source>Click the canvas in Test mode, or type x and press Predict.</source>
        <extracomment>Point sizes at presenter scale 1; the presenter layout multiplies them.
----------
Where a lesson adds its own test read-outs (probability bars). Until the first test the line holds a hint, in the text size, not a headline.</extracomment>
        <translation>테스트 모드에서 캔버스를 클릭하거나, x를 입력하고 [예측]을 누르십시오.</translation>
    </message>
</context>
<context>
    <name>SequenceCanvas</name>
    <message>
        <source>time step t</source>
        <extracomment>The plot always shows at least this many steps, and this many more past the series&apos; end: room for the page&apos;s free-running forecast. The value axis always spans at least −1.5…1.5 (a unit sine with room to draw above it). The length control&apos;s range and step (the core allows longer series from files). Typing becomes one undoable edit after this pause. Markers on the series only while there is room for them (beyond, a line reads better). The left axes&apos; width at scale 1 (both plots the same, so their data areas line up). The hidden-state strip&apos;s height at scale 1. A change of the hidden state smaller than one step of the colour map&apos;s 256. The heatmap&apos;s ends: negative (−1) blue and positive (+1) vermillion, Okabe–Ito colours, with the theme&apos;s background in the middle, so a unit at 0 reads as &quot;nothing&quot;. The visible region changed (a new fit): the page may follow.</extracomment>
        <translation>시점 t</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Draw a sequence: press and drag from left to right,
or choose a series above</source>
        <translation>시계열을 그리세요: 왼쪽에서 오른쪽으로 누른 채 끌거나,
위에서 시계열을 고르세요</translation>
    </message>
    <message>
        <source>Press and drag from left to right to draw the series</source>
        <translation>왼쪽에서 오른쪽으로 누른 채 끌어 시계열을 그립니다</translation>
    </message>
    <message>
        <source>Sequence plot</source>
        <translation>시계열 그래프</translation>
    </message>
</context>
<context>
    <name>SequenceWorkspace</name>
    <message>
        <source>Draw</source>
        <translation>그리기</translation>
    </message>
    <message>
        <source>Generate {0}</source>
        <extracomment>The data changed (an edit, an undo, a load): the new immutable SequenceSet. The plot&apos;s visible region changed (a new fit). Never fires: sequences have no point to test by clicking (PointWorkspace&apos;s interface). The teacher replaced the data wholesale (Clear, a generated series): carries a title (&quot;&quot; for none). The page puts the Data chooser at the start of this bar.</extracomment>
        <translation>{0} 생성</translation>
    </message>
    <message>
        <source>Clear text</source>
        <translation>텍스트 지우기</translation>
    </message>
    <message>
        <source>Clear series</source>
        <translation>시계열 지우기</translation>
    </message>
    <message>
        <source>Remove the text (Ctrl+Z brings it back)</source>
        <translation>텍스트를 지웁니다 (Ctrl+Z로 되돌림)</translation>
    </message>
    <message>
        <source>Remove the series (Ctrl+Z brings it back)</source>
        <translation>시계열을 지웁니다 (Ctrl+Z로 되돌림)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>시계열</translation>
    </message>
    <message>
        <source>choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Replace the series with a generated one</source>
        <translation>생성한 시계열로 바꿉니다</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 시점</translation>
    </message>
    <message>
        <source>How many time steps a generated series has</source>
        <translation>생성할 시계열의 시점 수</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <source>Random noise added to every step (0 – 0.5)</source>
        <translation>모든 시점에 더하는 무작위 잡음 (0 – 0.5)</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>다시 생성</translation>
    </message>
    <message>
        <source>A new series of the chosen kind, length and noise (Ctrl+Z brings the old)</source>
        <translation>고른 종류, 길이, 잡음으로 새 시계열을 만듭니다 (Ctrl+Z로 이전 것)</translation>
    </message>
    <message>
        <source>Hidden state h&lt;sub&gt;t&lt;/sub&gt;, a row per unit: &lt;span style=&apos;color:{0}&apos;&gt;■&lt;/span&gt; −1 … &lt;span style=&apos;color:{1}&apos;&gt;■&lt;/span&gt; +1</source>
        <translation>은닉 상태 h&lt;sub&gt;t&lt;/sub&gt;, 유닛마다 한 줄: &lt;span style=&apos;color:{0}&apos;&gt;■&lt;/span&gt; −1 … &lt;span style=&apos;color:{1}&apos;&gt;■&lt;/span&gt; +1</translation>
    </message>
    <message>
        <source>Lecture sentences</source>
        <translation>강의 문장</translation>
    </message>
    <message>
        <source>Put the lecture&apos;s sentences about RNNs in (Ctrl+Z brings the old text)</source>
        <translation>RNN에 관한 강의 문장을 넣습니다 (Ctrl+Z로 이전 텍스트)</translation>
    </message>
    <message>
        <source>Type the text the model learns to continue</source>
        <translation>모델이 이어 쓰도록 배울 텍스트를 입력하세요</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>텍스트 편집</translation>
    </message>
    <message>
        <source>Cut to {0} characters, the most a lesson holds</source>
        <translation>레슨이 담을 수 있는 최대인 {0}자로 잘랐습니다</translation>
    </message>
    <message>
        <source>Too long: the most a lesson holds is {0} characters</source>
        <translation>너무 깁니다: 레슨에는 최대 {0}자까지 담을 수 있습니다</translation>
    </message>
    <message>
        <source>{0} characters, {1} different</source>
        <translation>{0}자, {1}종</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Train / Pause</source>
        <extracomment>Between two pages built behind the first one: input and painting get turns between.</extracomment>
        <translation>학습 / 일시정지</translation>
    </message>
    <message>
        <source>One training step (or one phase in phase mode)</source>
        <translation>한 단계 학습 (과정 모드에서는 과정 하나)</translation>
    </message>
    <message>
        <source>Reset to the seed&apos;s starting weights</source>
        <translation>시드의 시작 가중치로 초기화</translation>
    </message>
    <message>
        <source>Choose the class of new points</source>
        <translation>새 점의 클래스 선택</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>클릭</translation>
    </message>
    <message>
        <source>Add a point (in Test mode: ask the model)</source>
        <translation>점 추가 (테스트 모드: 모델에 묻기)</translation>
    </message>
    <message>
        <source>Right-click or Ctrl+click</source>
        <translation>오른쪽 클릭 또는 Ctrl+클릭</translation>
    </message>
    <message>
        <source>Remove the nearest point</source>
        <translation>가장 가까운 점 삭제</translation>
    </message>
    <message>
        <source>Drag a point</source>
        <translation>점 끌기</translation>
    </message>
    <message>
        <source>Move it</source>
        <translation>점 이동</translation>
    </message>
    <message>
        <source>Undo / Redo</source>
        <translation>실행 취소 / 다시 실행</translation>
    </message>
    <message>
        <source>Blank the screen and pause (B again to return)</source>
        <translation>화면 가리기 및 일시정지 (B를 다시 누르면 복귀)</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>전체 화면</translation>
    </message>
    <message>
        <source>Presenter layout: fold the controls, show the numbers large</source>
        <translation>발표자 배치: 설정을 접고 숫자를 크게 보여 줌</translation>
    </message>
    <message>
        <source>Bigger / smaller / normal size</source>
        <translation>크게 / 작게 / 원래 크기</translation>
    </message>
    <message>
        <source>Open / save a lesson file</source>
        <translation>수업 파일 열기 / 저장</translation>
    </message>
    <message>
        <source>With a deck open: next slide (or reveal the answer) / previous</source>
        <translation>덱이 열려 있을 때: 다음 슬라이드 (또는 정답 공개) / 이전</translation>
    </message>
    <message>
        <source>Present the deck (speaker notes on a second screen) / stop</source>
        <translation>덱 발표 (두 번째 화면에 발표자 노트) / 중지</translation>
    </message>
    <message>
        <source>Go to a lesson</source>
        <translation>수업으로 이동</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>이 목록</translation>
    </message>
</context>
<context>
    <name>SlicePanel</name>
    <message>
        <source>cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <source>cost against {0} ({1} held)</source>
        <translation>{0}에 따른 비용 ({1} 고정)</translation>
    </message>
</context>
<context>
    <name>SlidesDialog</name>
    <message>
        <source>Slides</source>
        <translation>슬라이드</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <source>Retitle…</source>
        <translation>제목 바꾸기…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Retitle</source>
        <translation>제목 바꾸기</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>제목:</translation>
    </message>
</context>
<context>
    <name>SoftmaxClassificationTab</name>
    <message>
        <source>One-vs-rest</source>
        <translation>일대다(One-vs-rest)</translation>
    </message>
    <message>
        <source>How many classes the model tells apart (keys 1–8 pick one)</source>
        <translation>모델이 구분하는 클래스 수 (키 1–8로 클래스 선택)</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>클래스 수:</translation>
    </message>
    <message>
        <source>H({0}) → class {1} (p = {2})</source>
        <translation>H({0}) → 클래스 {1} (p = {2})</translation>
    </message>
    <message>
        <source>softmax (sums to 1):</source>
        <translation>softmax (합 = 1):</translation>
    </message>
    <message>
        <source>one-vs-rest: most confident “yes” → class {0}</source>
        <translation>일대다: 가장 확신하는 “예” → 클래스 {0}</translation>
    </message>
</context>
<context>
    <name>SurfaceLegend</name>
    <message>
        <source>P = 1: class 1</source>
        <translation>P = 1: 클래스 1</translation>
    </message>
    <message>
        <source>P = 0.5: the boundary</source>
        <translation>P = 0.5: 경계</translation>
    </message>
    <message>
        <source>P = 0: class 0</source>
        <extracomment>Bar width in screen pixels at presenter scale 1. theme.restyle leaves it alone: it reads the scale and colours when it paints. (left, right, bottom, top) of the data, kept because Qt asks for the bounding rectangle many times per repaint.</extracomment>
        <translation>P = 0: 클래스 0</translation>
    </message>
    <message>
        <source>colour: the likeliest class</source>
        <translation>색: 가장 가능성 높은 클래스</translation>
    </message>
    <message>
        <source>paler: less sure</source>
        <translation>옅을수록: 덜 확실함</translation>
    </message>
</context>
<context>
    <name>TestPanel</name>
    <message>
        <source>③ Test</source>
        <extracomment>The teacher typed an input and pressed Enter or Predict.</extracomment>
        <translation>③ 추론 및 테스트</translation>
    </message>
    <message>
        <source>Test mode: click the canvas</source>
        <translation>테스트 모드: 캔버스 클릭</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>예측</translation>
    </message>
</context>
<context>
    <name>TextPage</name>
    <message>
        <source>This page is for text: choose “Learns: next character” in ① Model.</source>
        <translation>이 페이지는 텍스트용입니다: ① 모델에서 “학습 대상: 다음 글자”를 고르세요.</translation>
    </message>
    <message>
        <source>Learn the text instead</source>
        <translation>텍스트를 학습하기</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>시작:</translation>
    </message>
    <message>
        <source>type the start of a sentence</source>
        <translation>문장의 앞부분을 입력하세요</translation>
    </message>
    <message>
        <source>Enter generates the rest, as Generate does</source>
        <translation>Enter를 누르면 생성 버튼처럼 나머지를 이어 씁니다</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>온도:</translation>
    </message>
    <message>
        <source>0: always the likeliest character (greedy); higher: bolder, stranger choices</source>
        <translation>0: 항상 가장 가능성 높은 글자 (탐욕적); 높을수록: 더 과감하고 낯선 선택</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>Continue the start greedily and by sampling, feeding each character back</source>
        <translation>앞부분을 탐욕적으로, 그리고 샘플링으로 이어 씁니다 (만든 글자를 다시 입력)</translation>
    </message>
    <message>
        <source>perplexity e^cost over the steps</source>
        <translation>단계별 퍼플렉서티 e^cost</translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <source>② Train</source>
        <extracomment>Rows of TrainSettings (learning rate, optimizer), then of the lesson&apos;s config.</extracomment>
        <translation>② 학습</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Start or pause training (Space)</source>
        <translation>학습 시작 또는 일시정지 (Space)</translation>
    </message>
    <message>
        <source>Step →</source>
        <translation>한 단계 →</translation>
    </message>
    <message>
        <source>One training step (→)</source>
        <translation>한 단계 학습 (→)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>New start from the seed (R)</source>
        <translation>시드로 처음부터 다시 시작 (R)</translation>
    </message>
    <message>
        <source>one iteration</source>
        <translation>반복 1회</translation>
    </message>
    <message>
        <source>one phase (①…⑦)</source>
        <translation>과정 하나 (①…⑦)</translation>
    </message>
    <message>
        <source>What Step (→) does: a whole iteration, or one phase of it</source>
        <translation>한 단계(→) 버튼의 단위: 반복 1회 전체, 또는 그중 과정 하나</translation>
    </message>
    <message>
        <source>Step does:</source>
        <translation>한 단계 단위:</translation>
    </message>
    <message>
        <source>Full speed</source>
        <translation>최고 속도</translation>
    </message>
    <message>
        <source>{0} steps/s</source>
        <translation>초당 {0} 스텝</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>속도:</translation>
    </message>
    <message>
        <source>Cost axis on a log scale</source>
        <translation>비용 축을 로그 눈금으로</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>실행 취소 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>다시 실행 (Ctrl+Shift+Z)</translation>
    </message>
</context>
<context>
    <name>UnrolledCanvas</name>
    <message>
        <source>RNN cell</source>
        <extracomment>Point sizes at scale 1: the smallest text anywhere, the weights&apos; names, an input or an output (a number or a character the class reads from the back row). The time steps the unrolled drawing shows at once, and the hidden units one cell shows. The keys that walk the diagram through time while it has the focus. The width one drawn time step needs (at scale 1), arrows included. One colour per weight matrix (Okabe–Ito, away from the hidden state&apos;s blue and red): the same colour at every step says &quot;the same weights at every step&quot;. How each weight matrix&apos;s name is drawn: the letter and its subscript (the Korean font draws the Unicode subscript ₓ as a dot, so the subscript is drawn small and lowered). The hidden state&apos;s colours: −1 blue, 0 white, +1 red (tanh keeps it in −1…1). Steps after the current one are not computed yet: drawn this faint. An input after the current step is data, already known: it fades less than what the network has not computed from it yet. Characters that would read as nothing on screen, and what is drawn instead. The step&apos;s index in the window (0-based). The whole column: a click anywhere in it selects the step. The &quot;t = 3&quot; under the input. The cell&apos;s title line, and one square per hidden unit under it with their frames. The window step this arrow computes (faded while that step is not computed yet). The faded box on the left: &quot;h₀ = 0&quot;, or &quot;…&quot; for the steps before the shown ones. A &quot;…&quot; box on the right when later steps are not shown, else None. The &quot;true next: …&quot; box after the last output, when the last step is shown.</extracomment>
        <translation>RNN 셀</translation>
    </message>
    <message>
        <source>LSTM cell</source>
        <translation>LSTM 셀</translation>
    </message>
    <message>
        <source>GRU cell</source>
        <translation>GRU 셀</translation>
    </message>
    <message>
        <source>true next:</source>
        <translation>실제 다음:</translation>
    </message>
    <message>
        <source>Train the model to see it unrolled over time.</source>
        <translation>모델을 학습하면 시간에 따라 펼친 모습이 보입니다.</translation>
    </message>
    <message>
        <source>t = {0}</source>
        <translation>t = {0}</translation>
    </message>
</context>
<context>
    <name>UnrolledDiagram</name>
    <message>
        <source>Previous time step (←)</source>
        <translation>이전 시점 (←)</translation>
    </message>
    <message>
        <source>Next time step (→)</source>
        <translation>다음 시점 (→)</translation>
    </message>
    <message>
        <source>The same cell at every time step: it reads the input and the hidden state before it. ◀ / ▶ or the arrow keys walk through time.</source>
        <translation>모든 시점에 같은 셀: 입력과 이전 시점의 은닉 상태를 함께 읽습니다. ◀ / ▶ 또는 화살표 키로 시간을 따라갑니다.</translation>
    </message>
    <message>
        <source>t = {0}: x = {1}, h has {2} units (min {3}, max {4}), output {5}</source>
        <translation>t = {0}: x = {1}, h는 유닛 {2}개 (최소 {3}, 최대 {4}), 출력 {5}</translation>
    </message>
    <message>
        <source>step t = {0} of {1}</source>
        <translation>시점 t = {0} / {1}</translation>
    </message>
</context>
<context>
    <name>WeightLegend</name>
    <message>
        <source>same colour = same weights at every step</source>
        <translation>같은 색 = 모든 시점에 같은 가중치</translation>
    </message>
</context>
<context>
    <name>_Rows</name>
    <message>
        <source>Click a drawing: test it</source>
        <translation>그림을 클릭하면 테스트합니다</translation>
    </message>
    <message>
        <source>Click a drawing: delete it · Drag it to another class: relabel it</source>
        <translation>그림 클릭: 삭제 · 다른 클래스로 끌기: 클래스 바꾸기</translation>
    </message>
    <message>
        <source>Class {0}</source>
        <translation>클래스 {0}</translation>
    </message>
    <message>
        <source>No drawings yet</source>
        <translation>아직 그림이 없습니다</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Blobs</source>
        <translation>군집</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>동심원</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>반달</translation>
    </message>
    <message>
        <source>Two spirals</source>
        <translation>두 나선</translation>
    </message>
    <message>
        <source>Lecture&apos;s non-linear test (7 points)</source>
        <translation>강의의 비선형 테스트 (점 7개)</translation>
    </message>
    <message>
        <source>&apos;expect&apos; may hold &apos;accuracy_min&apos;, &apos;accuracy_max&apos; and &apos;cost_max&apos; (numbers).</source>
        <translation>&apos;expect&apos;에는 &apos;accuracy_min&apos;, &apos;accuracy_max&apos;, &apos;cost_max&apos;(숫자)만 들어갈 수 있습니다.</translation>
    </message>
    <message>
        <source>Auto: CPU (fastest for a model this small)</source>
        <translation>자동: CPU (이만큼 작은 모델에는 가장 빠름)</translation>
    </message>
    <message>
        <source>CUDA is not available here (no NVIDIA GPU, or a CPU-only torch): training on the CPU</source>
        <translation>이 컴퓨터에서는 CUDA를 쓸 수 없습니다 (NVIDIA GPU가 없거나 CPU 전용 torch): CPU로 학습합니다</translation>
    </message>
    <message>
        <source>MPS is not available here: training on the CPU</source>
        <translation>이 컴퓨터에서는 MPS를 쓸 수 없습니다: CPU로 학습합니다</translation>
    </message>
    <message>
        <source>Auto: CUDA (the model is large)</source>
        <translation>자동: CUDA (큰 모델)</translation>
    </message>
    <message>
        <source>Auto: MPS (the model is large)</source>
        <translation>자동: MPS (큰 모델)</translation>
    </message>
    <message>
        <source>{name} is not a DesktopDL lesson file.</source>
        <translation>{name} 파일은 DesktopDL 수업 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>{name} has no valid format version.</source>
        <translation>{name} 파일에 올바른 형식 버전이 없습니다.</translation>
    </message>
    <message>
        <source>{name} was written by a newer DesktopDL (file version {version}, this app reads up to {supported}). Update DesktopDL to open it.</source>
        <translation>{name} 파일은 더 새로운 DesktopDL에서 저장되었습니다 (파일 버전 {version}, 이 앱은 버전 {supported}까지 읽을 수 있음). 파일을 열려면 DesktopDL을 업데이트하십시오.</translation>
    </message>
    <message>
        <source>{name} names an unknown lesson {lesson}.</source>
        <translation>{name} 파일에 알 수 없는 수업이 지정되어 있습니다: {lesson}.</translation>
    </message>
    <message>
        <source>{name}: &apos;settings&apos; must be an object.</source>
        <translation>{name}: &apos;settings&apos;는 객체여야 합니다.</translation>
    </message>
    <message>
        <source>{name}: the learning rate must be a number.</source>
        <translation>{name}: 학습률은 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>{name}: unknown device {device}.</source>
        <translation>{name}: 알 수 없는 장치입니다: {device}.</translation>
    </message>
    <message>
        <source>{name}: &apos;optimizer&apos; must be text.</source>
        <translation>{name}: &apos;optimizer&apos;는 문자열이어야 합니다.</translation>
    </message>
    <message>
        <source>{name}: &apos;min_cost_change&apos; must be a number.</source>
        <translation>{name}: &apos;min_cost_change&apos;는 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>{name}: &apos;batch_size&apos; must be a whole number ≥ 0.</source>
        <translation>{name}: &apos;batch_size&apos;는 정수(≥ 0)여야 합니다.</translation>
    </message>
    <message>
        <source>{name}: &apos;validation_share&apos;, &apos;weight_decay&apos; and &apos;l1&apos; must be numbers.</source>
        <translation>{name}: &apos;validation_share&apos;, &apos;weight_decay&apos;, &apos;l1&apos;은 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>{name}: &apos;patience&apos; must be a whole number ≥ 0.</source>
        <translation>{name}: &apos;patience&apos;는 0 이상의 정수여야 합니다.</translation>
    </message>
    <message>
        <source>{name}: {problem}</source>
        <translation>{name}: {problem}</translation>
    </message>
    <message>
        <source>{name}: &apos;model&apos; must be an object.</source>
        <translation>{name}: &apos;model&apos;은 객체여야 합니다.</translation>
    </message>
    <message>
        <source>{name}: &apos;weights&apos; must be {expected} finite numbers for this model.</source>
        <translation>{name}: 이 모델의 &apos;weights&apos;는 유한한 숫자 {expected}개여야 합니다.</translation>
    </message>
    <message>
        <source>The app&apos;s validation share {share}: the same split holds out the same items, and the model never trains on them.</source>
        <translation>앱의 검증 비율 {share}: 같은 분할이 같은 데이터를 떼어 두며, 모델은 그것으로 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>both sets in evaluation mode, at the final parameters</source>
        <translation>두 데이터 모두 평가 모드로, 최종 파라미터에서</translation>
    </message>
    <message>
        <source>{name}: &apos;view&apos; must be [xmin, xmax, ymin, ymax].</source>
        <translation>{name}: &apos;view&apos;는 [xmin, xmax, ymin, ymax] 형식이어야 합니다.</translation>
    </message>
    <message>
        <source>{name}: &apos;{key}&apos; must be text.</source>
        <translation>{name}: &apos;{key}&apos; 값은 문자열이어야 합니다.</translation>
    </message>
    <message>
        <source>{name} does not exist.</source>
        <translation>{name} 파일이 없습니다.</translation>
    </message>
    <message>
        <source>{name} cannot be read: {error}</source>
        <translation>{name} 파일을 읽을 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>{name} is damaged or not a lesson file ({error}).</source>
        <translation>{name} 파일이 손상되었거나 수업 파일이 아닙니다 ({error}).</translation>
    </message>
    <message>
        <source>H(x) = softmax(dense( … pool(f(conv(x))) … ))</source>
        <translation>H(x) = softmax(dense( … pool(f(conv(x))) … ))</translation>
    </message>
    <message>
        <source>the first image</source>
        <translation>첫 번째 이미지</translation>
    </message>
    <message>
        <source>The number of classes must be between 2 and 8.</source>
        <translation>클래스 수는 2에서 8 사이여야 합니다.</translation>
    </message>
    <message>
        <source>A network has 0 to 6 hidden layers of 1 to 32 neurons.</source>
        <translation>신경망의 은닉층은 0~6개, 층마다 뉴런은 1~32개입니다.</translation>
    </message>
    <message>
        <source>Unknown activation {name}.</source>
        <translation>알 수 없는 활성화 함수입니다: {name}.</translation>
    </message>
    <message>
        <source>Binary Classification</source>
        <translation>이진 분류</translation>
    </message>
    <message>
        <source>cost = −mean(y·log H(x) + (1 − y)·log(1 − H(x)))</source>
        <translation>비용 = −mean(y·log H(x) + (1 − y)·log(1 − H(x)))</translation>
    </message>
    <message>
        <source>Binary Classification (MSE cost)</source>
        <translation>이진 분류 (MSE 비용)</translation>
    </message>
    <message>
        <source>W and b are finite, but H(x) rounded to exactly 0 or 1 in float32 and log(0) = −∞. The points are separable, so the weights keep growing. Stop earlier (step limit or ε), or press Reset.</source>
        <translation>W와 b는 유한하지만, float32에서 H(x)가 정확히 0 또는 1로 반올림되어 log(0) = −∞가 되었습니다. 점들이 직선으로 나뉘므로 가중치가 계속 커집니다. 더 일찍 멈추거나(최대 스텝 또는 ε) [초기화]를 누르십시오.</translation>
    </message>
    <message>
        <source>There are no points yet: add points of class 0 and class 1 (keys 1 and 2).</source>
        <translation>아직 점이 없습니다. 클래스 0과 클래스 1의 점을 추가하십시오 (키 1과 2).</translation>
    </message>
    <message>
        <source>Only one class is present: add at least one point of class {label} (press {key}, then click).</source>
        <translation>클래스가 하나뿐입니다. 클래스 {label}의 점을 하나 이상 추가하십시오 ({key} 키를 누른 뒤 클릭).</translation>
    </message>
    <message>
        <source>Linear Regression</source>
        <translation>선형 회귀</translation>
    </message>
    <message>
        <source>cost = mean((H(x) − y)²)</source>
        <translation>비용 = mean((H(x) − y)²)</translation>
    </message>
    <message>
        <source>The parameters start where the app&apos;s seed {seed} puts them.</source>
        <translation>파라미터는 앱의 시드 {seed}가 정한 곳에서 시작합니다.</translation>
    </message>
    <message>
        <source>gradient descent (SGD)</source>
        <translation>경사 하강법(SGD)</translation>
    </message>
    <message>
        <source>SGD with momentum 0.9</source>
        <translation>모멘텀 0.9의 SGD</translation>
    </message>
    <message>
        <source>{name} with learning rate {rate}</source>
        <translation>학습률 {rate}의 {name}</translation>
    </message>
    <message>
        <source>Generated by DesktopDL: run the cells from top to bottom to print the numbers the app shows.</source>
        <translation>DesktopDL이 만들었습니다: 셀을 위에서 아래로 실행하면 앱이 보여 주는 숫자가 출력됩니다.</translation>
    </message>
    <message>
        <source>The weights saved in the lesson file: the app starts from these, not from the seed.</source>
        <translation>레슨 파일에 저장된 가중치: 앱은 시드가 아니라 이 값에서 시작합니다.</translation>
    </message>
    <message>
        <source>the app&apos;s Seed: the same seed, the same start</source>
        <translation>앱의 시드: 같은 시드, 같은 시작점</translation>
    </message>
    <message>
        <source>the app trains on one thread: the same sums, same digits</source>
        <translation>앱은 스레드 하나로 학습: 같은 합, 같은 자릿수</translation>
    </message>
    <message>
        <source>The parameters start from the weights saved in the lesson file.</source>
        <translation>파라미터는 레슨 파일에 저장된 가중치에서 시작합니다.</translation>
    </message>
    <message>
        <source>{name} with learning rate {rate}, {batch} points per step</source>
        <translation>학습률 {rate}의 {name}, 한 단계에 점 {batch}개</translation>
    </message>
    <message>
        <source>the last step&apos;s cost, as the app&apos;s cost curve ends</source>
        <translation>마지막 단계의 비용, 앱의 비용 곡선이 끝나는 값</translation>
    </message>
    <message>
        <source>The lesson as plain PyTorch: run it with python to train {steps} steps and print the numbers the app shows after as many steps.</source>
        <translation>이 레슨을 순수 PyTorch로: python으로 실행하면 {steps}단계를 학습하고, 앱이 같은 단계 뒤에 보여 주는 숫자를 출력합니다.</translation>
    </message>
    <message>
        <source>{steps} steps of {optimizer}, minimizing `{cost}`.</source>
        <translation>{optimizer}로 {steps}단계, `{cost}`를 최소화합니다.</translation>
    </message>
    <message>
        <source>Ask the trained model about a point, and print the parameters.</source>
        <translation>학습된 모델에 한 점을 물어보고 파라미터를 출력합니다.</translation>
    </message>
    <message>
        <source>the app&apos;s Batch size: points per step</source>
        <translation>앱의 배치 크기: 한 단계의 점 수</translation>
    </message>
    <message>
        <source>The shuffles have their own generator (Seed + 1), so they never change the start.</source>
        <translation>섞기는 자기 생성기(시드 + 1)를 써서 시작점을 바꾸지 않습니다.</translation>
    </message>
    <message>
        <source>the app&apos;s &quot;Stop when |Δcost| &lt;&quot;</source>
        <translation>앱의 &quot;|Δ비용| &lt; 이면 멈춤&quot;</translation>
    </message>
    <message>
        <source>the app&apos;s L1: the penalty L1·Σ|w|</source>
        <translation>앱의 L1: 규제 항 L1·Σ|w|</translation>
    </message>
    <message>
        <source>the app evaluates on the validation points every EVERY steps</source>
        <translation>앱은 EVERY 스텝마다 검증 점으로 평가합니다</translation>
    </message>
    <message>
        <source>early stopping: evaluations without a new best validation cost</source>
        <translation>조기 종료: 검증 비용이 더 좋아지지 않은 평가 횟수</translation>
    </message>
    <message>
        <source>a new epoch: shuffle the points again</source>
        <translation>새 에포크: 점을 다시 섞음</translation>
    </message>
    <message>
        <source>stop, and go back to the best weights</source>
        <translation>멈추고 가장 좋았던 가중치로 돌아갑니다</translation>
    </message>
    <message>
        <source>the cost hardly changes any more</source>
        <translation>비용이 거의 변하지 않음</translation>
    </message>
    <message>
        <source>&apos;points&apos; and &apos;labels&apos; must be lists.</source>
        <translation>&apos;points&apos;와 &apos;labels&apos;는 목록이어야 합니다.</translation>
    </message>
    <message>
        <source>There are {count} points; the most a lesson holds is {limit}.</source>
        <translation>점이 {count}개 있습니다. 한 레슨에는 최대 {limit}개까지 담을 수 있습니다.</translation>
    </message>
    <message>
        <source>There are {count} points but {labels} labels.</source>
        <translation>점은 {count}개인데 레이블은 {labels}개입니다.</translation>
    </message>
    <message>
        <source>Every label must be a whole number.</source>
        <translation>모든 레이블은 정수여야 합니다.</translation>
    </message>
    <message>
        <source>Every label must be a class from 0 to {most}.</source>
        <translation>모든 레이블은 0부터 {most}까지의 클래스여야 합니다.</translation>
    </message>
    <message>
        <source>Every point must be two finite numbers [x, y], found {point}.</source>
        <translation>모든 점은 유한한 두 수 [x, y]여야 하는데 {point}이(가) 있습니다.</translation>
    </message>
    <message>
        <source>The coordinate in {point} is too large (keep within ±1,000,000).</source>
        <translation>{point}의 좌표가 너무 큽니다 (±1,000,000 이내로).</translation>
    </message>
    <message>
        <source>{name} is not a DesktopDL deck.</source>
        <translation>{name}은(는) DesktopDL 덱이 아닙니다.</translation>
    </message>
    <message>
        <source>{name} was written by a newer DesktopDL (deck version {version}, this app reads up to {supported}). Update DesktopDL to open it.</source>
        <translation>{name}은(는) 더 새로운 DesktopDL로 만든 덱입니다 (덱 버전 {version}, 이 앱은 {supported}까지 읽습니다). 열려면 DesktopDL을 업데이트하세요.</translation>
    </message>
    <message>
        <source>{name} has no slides.</source>
        <translation>{name}에 슬라이드가 없습니다.</translation>
    </message>
    <message>
        <source>{name} has more than {most} slides.</source>
        <translation>{name}의 슬라이드가 {most}개보다 많습니다.</translation>
    </message>
    <message>
        <source>&apos;{what}&apos; must be text, or an object with &apos;en&apos; and &apos;ko&apos;.</source>
        <translation>&apos;{what}&apos;은(는) 글이거나 &apos;en&apos;과 &apos;ko&apos;를 가진 객체여야 합니다.</translation>
    </message>
    <message>
        <source>an action must say what to do: one of {names}.</source>
        <translation>동작은 할 일을 정해야 합니다: {names} 중 하나.</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; takes 1 to {most} steps.</source>
        <translation>&apos;{kind}&apos;는 1에서 {most} 단계까지입니다.</translation>
    </message>
    <message>
        <source>&apos;add_point&apos; needs a class from 0 to 9.</source>
        <translation>&apos;add_point&apos;에는 0에서 9까지의 클래스가 필요합니다.</translation>
    </message>
    <message>
        <source>{name} is not a slide.</source>
        <translation>{name}은(는) 슬라이드가 아닙니다.</translation>
    </message>
    <message>
        <source>{name}: &apos;page&apos; must be text and &apos;actions&apos; a list.</source>
        <translation>{name}: &apos;page&apos;는 글, &apos;actions&apos;는 목록이어야 합니다.</translation>
    </message>
    <message>
        <source>{name} is not a file.</source>
        <translation>{name}은(는) 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>{name} is too large to be a deck.</source>
        <translation>{name}은(는) 덱이라기에는 너무 큽니다.</translation>
    </message>
    <message>
        <source>{name} is damaged or not a deck (nested too deeply).</source>
        <translation>{name}이(가) 손상되었거나 덱이 아닙니다 (너무 깊이 중첩됨).</translation>
    </message>
    <message>
        <source>{name} is damaged or not a deck ({error}).</source>
        <translation>{name}이(가) 손상되었거나 덱이 아닙니다 ({error}).</translation>
    </message>
    <message>
        <source>&apos;set&apos; names an unknown setting {name}.</source>
        <translation>&apos;set&apos;이 알 수 없는 설정 {name}을(를) 가리킵니다.</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; needs a lesson with points.</source>
        <translation>&apos;{kind}&apos;에는 점이 있는 수업이 필요합니다.</translation>
    </message>
    <message>
        <source>the action &apos;{kind}&apos; needs &apos;{key}&apos;.</source>
        <translation>동작 &apos;{kind}&apos;에는 &apos;{key}&apos;가 필요합니다.</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; of &apos;{kind}&apos; must be a whole number.</source>
        <translation>&apos;{kind}&apos;의 &apos;{key}&apos;는 정수여야 합니다.</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; of &apos;{kind}&apos; must be a number.</source>
        <translation>&apos;{kind}&apos;의 &apos;{key}&apos;는 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; of &apos;{kind}&apos; must be text.</source>
        <translation>&apos;{kind}&apos;의 &apos;{key}&apos;는 글이어야 합니다.</translation>
    </message>
    <message>
        <source>&apos;{what}&apos; holds a character that is not valid text.</source>
        <translation>&apos;{what}&apos;에 올바른 글자가 아닌 문자가 있습니다.</translation>
    </message>
    <message>
        <source>The GPU ran out of memory ({error}). Choose the CPU under Device in ② Train, or use fewer points, then press Train: the points and settings are kept.</source>
        <translation>GPU 메모리가 부족합니다 ({error}). ② 학습의 장치에서 CPU를 고르거나 점을 줄인 다음 학습을 누르세요. 점과 설정은 그대로 있습니다.</translation>
    </message>
    <message>
        <source>The GPU stopped working ({error}). Choose the CPU under Device in ② Train, then press Train: the points and settings are kept.</source>
        <translation>GPU가 작동을 멈췄습니다 ({error}). ② 학습의 장치에서 CPU를 고른 다음 학습을 누르세요. 점과 설정은 그대로 있습니다.</translation>
    </message>
    <message>
        <source>Choose at least one digit (0 to 9).</source>
        <translation>숫자를 하나 이상 고르세요 (0~9).</translation>
    </message>
    <message>
        <source>The number of images per digit must be a whole number of at least 1.</source>
        <translation>숫자마다 이미지 수는 1 이상의 정수여야 합니다.</translation>
    </message>
    <message>
        <source>The digits must be whole numbers from 0 to 9, not {value}.</source>
        <translation>숫자는 0~9의 정수여야 합니다 ({value}은(는) 안 됩니다).</translation>
    </message>
    <message>
        <source>Each digit may be chosen only once; {digit} is chosen twice.</source>
        <translation>숫자는 한 번씩만 고를 수 있습니다: {digit}을(를) 두 번 골랐습니다.</translation>
    </message>
    <message>
        <source>&apos;size&apos; must be a whole number from {low} to {high}.</source>
        <translation>&apos;size&apos;는 {low}에서 {high} 사이의 정수여야 합니다.</translation>
    </message>
    <message>
        <source>&apos;pixels&apos; must be text and &apos;labels&apos; a list.</source>
        <translation>&apos;pixels&apos;는 텍스트, &apos;labels&apos;는 목록이어야 합니다.</translation>
    </message>
    <message>
        <source>There are {count} images; the most a lesson holds is {limit}.</source>
        <translation>이미지가 {count}개입니다: 한 수업에는 최대 {limit}개까지 담을 수 있습니다.</translation>
    </message>
    <message>
        <source>&apos;pixels&apos; holds {bytes} bytes; {count} images of {size}×{size} need {need}.</source>
        <translation>&apos;pixels&apos;는 {bytes}바이트입니다: {size}×{size} 이미지 {count}개에는 {need}바이트가 필요합니다.</translation>
    </message>
    <message>
        <source>&apos;pixels&apos; is not valid base64 text.</source>
        <translation>&apos;pixels&apos;가 올바른 base64 텍스트가 아닙니다.</translation>
    </message>
    <message>
        <source>{name} has no &apos;data&apos; section.</source>
        <translation>{name}에 &apos;data&apos; 부분이 없습니다.</translation>
    </message>
    <message>
        <source>{name}: this lesson trains on {expected}, but the file holds {kind}.</source>
        <translation>{name}: 이 레슨은 {expected} 데이터로 학습하는데 파일에는 {kind}이(가) 들어 있습니다.</translation>
    </message>
    <message>
        <source>{name}: &apos;validation_every&apos; must be a whole number ≥ 1.</source>
        <translation>{name}: &apos;validation_every&apos;는 1 이상의 정수여야 합니다.</translation>
    </message>
    <message>
        <source>{name} is a folder, a device or a pipe, not a lesson file.</source>
        <translation>{name}은(는) 폴더, 장치 또는 파이프이며 수업 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>{name} is too large to be a lesson file (the limit is {limit} MB).</source>
        <translation>{name} 파일은 너무 커서 수업 파일일 수 없습니다 (한도는 {limit} MB입니다).</translation>
    </message>
    <message>
        <source>{name} is not a lesson file: it is not UTF-8 text.</source>
        <translation>{name} 파일은 수업 파일이 아닙니다: UTF-8 텍스트가 아닙니다.</translation>
    </message>
    <message>
        <source>{name} is damaged or not a lesson file (nested too deeply).</source>
        <translation>{name} 파일이 손상되었거나 레슨 파일이 아닙니다 (중첩이 너무 깊습니다).</translation>
    </message>
    <message>
        <source>{name}: {error}</source>
        <translation>{name}: {error}</translation>
    </message>
    <message>
        <source>{name}: &apos;{key}&apos; must be a whole number from 0 to {most}.</source>
        <translation>{name}: &apos;{key}&apos; 값은 0부터 {most}까지의 정수여야 합니다.</translation>
    </message>
    <message>
        <source>{name}: &apos;{key}&apos; holds a character that is not valid text.</source>
        <translation>{name}: &apos;{key}&apos;에 올바른 텍스트가 아닌 문자가 있습니다.</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has the wrong type ({value}).</source>
        <translation>&apos;{name}&apos;의 형식이 잘못되었습니다 ({value}).</translation>
    </message>
    <message>
        <source>&apos;model&apos; must be an object.</source>
        <translation>&apos;model&apos;은 객체여야 합니다.</translation>
    </message>
    <message>
        <source>&apos;model&apos; has an unknown field {name}.</source>
        <translation>&apos;model&apos;에 알 수 없는 항목 {name}이(가) 있습니다.</translation>
    </message>
    <message>
        <source>the first training point: class {label}</source>
        <translation>첫 번째 학습 점: 클래스 {label}</translation>
    </message>
    <message>
        <source>the lecture&apos;s test point</source>
        <translation>강의의 테스트 점</translation>
    </message>
    <message>
        <source>cross-entropy cost</source>
        <translation>크로스 엔트로피 비용</translation>
    </message>
    <message>
        <source>MSE cost</source>
        <translation>MSE 비용</translation>
    </message>
    <message>
        <source>There are points of class {label}, but binary classification knows only classes 0 and 1: remove them, or open the file in the Softmax lesson.</source>
        <translation>클래스 {label}의 점이 있지만 이진 분류는 클래스 0과 1만 다룹니다: 그 점들을 지우거나 소프트맥스 분류 수업에서 파일을 여세요.</translation>
    </message>
    <message>
        <source>CNN</source>
        <translation>CNN (합성곱 신경망)</translation>
    </message>
    <message>
        <source>cost = cross-entropy (F.cross_entropy)</source>
        <translation>비용 = 크로스 엔트로피 (F.cross_entropy)</translation>
    </message>
    <message>
        <source>{layers} convolution layer(s), {count} parameters</source>
        <translation>합성곱 층 {layers}개, 파라미터 {count}개</translation>
    </message>
    <message>
        <source>Data augmentation: {copies} shifted, rotated and scaled copies of each training image, drawn from their own generator (Seed + 2), as the app makes them.</source>
        <translation>데이터 증강: 훈련 이미지마다 이동·회전·크기 변경한 복사본 {copies}개, 앱과 같이 별도 생성기(Seed + 2)로 만듭니다.</translation>
    </message>
    <message>
        <source>The number of classes must be between 2 and 10.</source>
        <translation>클래스 수는 2에서 10 사이여야 합니다.</translation>
    </message>
    <message>
        <source>Images are 4×4 to 64×64 pixels.</source>
        <translation>이미지는 4×4에서 64×64 픽셀입니다.</translation>
    </message>
    <message>
        <source>A CNN has 1 to 3 convolution layers of 1 to 16 filters.</source>
        <translation>CNN은 필터 1~16개짜리 합성곱 층을 1~3개 가집니다.</translation>
    </message>
    <message>
        <source>The kernel size must be 3 or 5.</source>
        <translation>커널 크기는 3 또는 5여야 합니다.</translation>
    </message>
    <message>
        <source>The stride must be 1 or 2.</source>
        <translation>스트라이드는 1 또는 2여야 합니다.</translation>
    </message>
    <message>
        <source>Unknown pooling {name}.</source>
        <translation>알 수 없는 풀링 {name}입니다.</translation>
    </message>
    <message>
        <source>The dense layer has 0 to 64 neurons.</source>
        <translation>완전 연결층의 뉴런은 0~64개입니다.</translation>
    </message>
    <message>
        <source>Augmentation makes 0 to 10 copies of each image.</source>
        <translation>증강은 이미지마다 복사본을 0~10개 만듭니다.</translation>
    </message>
    <message>
        <source>Draw some images first (at least one of each of two classes).</source>
        <translation>먼저 이미지를 그리세요 (두 클래스에 각각 하나 이상).</translation>
    </message>
    <message>
        <source>The images are {size}×{size} but the network was built for {built}×{built}.</source>
        <translation>이미지는 {size}×{size}인데 신경망은 {built}×{built}용으로 만들어졌습니다.</translation>
    </message>
    <message>
        <source>Add images of a second class: one class alone cannot be told apart.</source>
        <translation>두 번째 클래스의 이미지를 넣으세요: 클래스 하나만으로는 구별할 것이 없습니다.</translation>
    </message>
    <message>
        <source>There are images of class {label} but the network has {classes} classes.</source>
        <translation>클래스 {label}의 이미지가 있지만 신경망의 클래스는 {classes}개입니다.</translation>
    </message>
    <message>
        <source>The layers shrink a {size}×{size} image to nothing: use padding, stride 1, fewer layers or no pooling.</source>
        <translation>층들이 {size}×{size} 이미지를 너무 줄여 아무것도 남지 않습니다: 패딩, 스트라이드 1, 더 적은 층, 또는 풀링 없음을 쓰세요.</translation>
    </message>
    <message>
        <source>the images as the lesson file stores them: one byte per pixel</source>
        <translation>수업 파일에 저장된 그대로의 이미지: 픽셀당 1바이트</translation>
    </message>
    <message>
        <source>the first image, for ③ Test</source>
        <translation>③ 테스트에 쓸 첫 번째 이미지</translation>
    </message>
    <message>
        <source>the blocks as nn modules, built without using the seed&apos;s numbers</source>
        <translation>nn 모듈로 만든 블록 (시드의 난수를 쓰지 않고 만듦)</translation>
    </message>
    <message>
        <source>the start: uniform in ±1/√(inputs), drawn with torch.rand layer by layer as the app draws it</source>
        <translation>시작값: ±1/√(입력 수) 범위의 균등분포, 앱과 같이 층마다 torch.rand로 뽑음</translation>
    </message>
    <message>
        <source>whole steps of 1/255, as the app keeps pixels</source>
        <translation>앱처럼 픽셀을 1/255 단위로 맞춤</translation>
    </message>
    <message>
        <source>There are no points yet: click on the canvas to add at least two.</source>
        <translation>아직 점이 없습니다. 캔버스를 클릭해 점을 두 개 이상 추가하십시오.</translation>
    </message>
    <message>
        <source>One point is not enough to fit a line: add at least one more point.</source>
        <translation>점 하나로는 직선을 맞출 수 없습니다. 점을 하나 이상 더 추가하십시오.</translation>
    </message>
    <message>
        <source>All points share the same x, so no line y = Wx + b fits them: spread them out.</source>
        <translation>모든 점의 x가 같아서 직선 y = Wx + b로 맞출 수 없습니다. 점을 좌우로 흩어 놓으십시오.</translation>
    </message>
    <message>
        <source>just past the data</source>
        <translation>데이터 바로 다음</translation>
    </message>
    <message>
        <source>Neural Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>cost = cross-entropy (F.binary_cross_entropy_with_logits / F.cross_entropy)</source>
        <translation>비용 = 크로스 엔트로피 (F.binary_cross_entropy_with_logits / F.cross_entropy)</translation>
    </message>
    <message>
        <source>{sizes} network, {activation}, {count} parameters</source>
        <translation>{sizes} 신경망, {activation}, 파라미터 {count}개</translation>
    </message>
    <message>
        <source>torch.nn.Linear&apos;s starting range: uniform in ±1/√(inputs), layer by layer</source>
        <translation>torch.nn.Linear의 시작 범위: 층마다 ±1/√(입력 수) 안에서 균등</translation>
    </message>
    <message>
        <source>the network&apos;s scores before the last step: {sizes}</source>
        <translation>마지막 단계 전의 신경망 점수: {sizes}</translation>
    </message>
    <message>
        <source>hidden layer {layer}: {neurons} neurons, {activation}</source>
        <translation>은닉층 {layer}: 뉴런 {neurons}개, {activation}</translation>
    </message>
    <message>
        <source>each class&apos;s probability</source>
        <translation>각 클래스의 확률</translation>
    </message>
    <message>
        <source>Overfitting</source>
        <translation>과적합</translation>
    </message>
    <message>
        <source>cost = cross-entropy on the training points; validation cost on the held-out ones</source>
        <translation>비용 = 훈련 점의 크로스 엔트로피; 검증 비용은 따로 뗀 점으로</translation>
    </message>
    <message>
        <source>Data augmentation: {copies} jittered copies of each training point (σ = {jitter}), drawn by NumPy seeded with Seed + 2; the validation points stay as they are.</source>
        <translation>데이터 증강: 훈련 점마다 흔든 복사본 {copies}개 (σ = {jitter}), NumPy 시드 Seed + 2로 뽑습니다. 검증 점은 그대로 둡니다.</translation>
    </message>
    <message>
        <source>The dropout rate must be between 0 and 0.9.</source>
        <translation>드롭아웃 비율은 0에서 0.9 사이여야 합니다.</translation>
    </message>
    <message>
        <source>Augmentation makes 0 to 10 copies of each point.</source>
        <translation>증강은 점마다 복사본을 0~10개 만듭니다.</translation>
    </message>
    <message>
        <source>The augmentation jitter must be between 0 and 3.</source>
        <translation>증강의 흔들기는 0에서 3 사이여야 합니다.</translation>
    </message>
    <message>
        <source>Unknown data set {name}.</source>
        <translation>알 수 없는 데이터 세트 {name}입니다.</translation>
    </message>
    <message>
        <source>The noise must be between 0 and 1.</source>
        <translation>잡음은 0에서 1 사이여야 합니다.</translation>
    </message>
    <message>
        <source>Cross-validation uses 2 to 10 folds.</source>
        <translation>교차 검증은 2~10겹을 씁니다.</translation>
    </message>
    <message>
        <source>{k}-fold cross-validation needs at least {k} points.</source>
        <translation>{k}-겹 교차 검증에는 점이 최소 {k}개 필요합니다.</translation>
    </message>
    <message>
        <source>the dropout rate: active in training steps only</source>
        <translation>드롭아웃 비율: 학습 스텝에서만 작동</translation>
    </message>
    <message>
        <source>Fold {fold} would train on one class only: add points of both classes.</source>
        <translation>{fold}번째 겹은 클래스 하나로만 학습하게 됩니다: 두 클래스의 점을 더 넣으세요.</translation>
    </message>
    <message>
        <source>dropout: zero a random share P of the outputs, scale the rest by 1/(1 − P)</source>
        <translation>드롭아웃: 출력 중 무작위 비율 P를 0으로, 나머지는 1/(1 − P)배</translation>
    </message>
    <message>
        <source>hₜ = tanh(Wₓ·xₜ + Wₕ·hₜ₋₁ + b)</source>
        <translation>hₜ = tanh(Wₓ·xₜ + Wₕ·hₜ₋₁ + b)</translation>
    </message>
    <message>
        <source>iₜ, fₜ, oₜ = σ(Wₓ·xₜ + Wₕ·hₜ₋₁ + b);  gₜ = tanh(Wₓ·xₜ + Wₕ·hₜ₋₁ + b);  cₜ = fₜ⊙cₜ₋₁ + iₜ⊙gₜ,  hₜ = oₜ⊙tanh(cₜ)</source>
        <translation>iₜ, fₜ, oₜ = σ(Wₓ·xₜ + Wₕ·hₜ₋₁ + b);  gₜ = tanh(Wₓ·xₜ + Wₕ·hₜ₋₁ + b);  cₜ = fₜ⊙cₜ₋₁ + iₜ⊙gₜ,  hₜ = oₜ⊙tanh(cₜ)</translation>
    </message>
    <message>
        <source>rₜ, zₜ = σ(Wₓ·xₜ + Wₕ·hₜ₋₁ + b);  nₜ = tanh(Wₓ·xₜ + rₜ⊙(Wₕ·hₜ₋₁) + b);  hₜ = (1 − zₜ)⊙nₜ + zₜ⊙hₜ₋₁</source>
        <translation>rₜ, zₜ = σ(Wₓ·xₜ + Wₕ·hₜ₋₁ + b);  nₜ = tanh(Wₓ·xₜ + rₜ⊙(Wₕ·hₜ₋₁) + b);  hₜ = (1 − zₜ)⊙nₜ + zₜ⊙hₜ₋₁</translation>
    </message>
    <message>
        <source>hₜ = tanh(Wₓ·xₜ + Wₕ·hₜ₋₁ + b);  H(x) = Wₒ·hₜ + bₒ</source>
        <translation>hₜ = tanh(Wₓ·xₜ + Wₕ·hₜ₋₁ + b);  H(x) = Wₒ·hₜ + bₒ</translation>
    </message>
    <message>
        <source>hₜ = LSTM(xₜ, hₜ₋₁, cₜ₋₁);  H(x) = Wₒ·hₜ + bₒ</source>
        <translation>hₜ = LSTM(xₜ, hₜ₋₁, cₜ₋₁);  H(x) = Wₒ·hₜ + bₒ</translation>
    </message>
    <message>
        <source>hₜ = GRU(xₜ, hₜ₋₁);  H(x) = Wₒ·hₜ + bₒ</source>
        <translation>hₜ = GRU(xₜ, hₜ₋₁);  H(x) = Wₒ·hₜ + bₒ</translation>
    </message>
    <message>
        <source>RNN</source>
        <translation>RNN</translation>
    </message>
    <message>
        <source>cost = mean((H(x) − y)²), y = the next value</source>
        <translation>cost = mean((H(x) − y)²), y = 다음 값</translation>
    </message>
    <message>
        <source>{cell}: {layers} layer(s) of {hidden} hidden units, {count} parameters, the same at every time step</source>
        <translation>{cell}: 은닉 유닛 {hidden}개짜리 {layers}층, 파라미터 {count}개 (모든 시점에 같은 값)</translation>
    </message>
    <message>
        <source>Unknown task {name}.</source>
        <translation>알 수 없는 학습 대상 {name}입니다.</translation>
    </message>
    <message>
        <source>Unknown cell {name}; choose plain, lstm or gru.</source>
        <translation>알 수 없는 셀 {name}입니다. plain, lstm, gru 중에서 고르세요.</translation>
    </message>
    <message>
        <source>The hidden state has 1 to 64 units.</source>
        <translation>은닉 상태는 유닛 1–64개입니다.</translation>
    </message>
    <message>
        <source>An RNN here has 1 to 3 layers.</source>
        <translation>여기의 RNN은 1–3층입니다.</translation>
    </message>
    <message>
        <source>The window is 2 to 64 steps.</source>
        <translation>윈도우는 2–64 시점입니다.</translation>
    </message>
    <message>
        <source>The forecast is 0 to 500 steps.</source>
        <translation>예보는 0–500 시점입니다.</translation>
    </message>
    <message>
        <source>The text has too many different characters (at most 400).</source>
        <translation>텍스트의 글자 종류가 너무 많습니다 (최대 400종).</translation>
    </message>
    <message>
        <source>cost = cross-entropy of the next character (F.cross_entropy)</source>
        <translation>cost = 다음 글자의 크로스 엔트로피 (F.cross_entropy)</translation>
    </message>
    <message>
        <source>Draw a longer sequence: the model reads {window} steps before each prediction, so it needs at least {need}.</source>
        <translation>더 긴 시계열을 그리세요: 모델이 예측마다 {window} 시점을 읽으므로 최소 {need} 시점이 필요합니다.</translation>
    </message>
    <message>
        <source>The comparison needs images of at least two classes.</source>
        <translation>비교하려면 적어도 두 클래스의 이미지가 필요합니다.</translation>
    </message>
    <message>
        <source>The text has characters the model was not built for ({chars}): press Reset.</source>
        <translation>텍스트에 모델이 모르는 글자({chars})가 있습니다: 초기화를 누르세요.</translation>
    </message>
    <message>
        <source>Type a longer text: the model reads {window} characters before each prediction, so it needs at least {need}.</source>
        <translation>더 긴 텍스트를 입력하세요: 모델이 예측마다 {window}글자를 읽으므로 최소 {need}글자가 필요합니다.</translation>
    </message>
    <message>
        <source>Type at least one character the model knows.</source>
        <translation>모델이 아는 글자를 적어도 하나 입력하세요.</translation>
    </message>
    <message>
        <source>the steps the network reads before each prediction</source>
        <translation>예측마다 신경망이 읽는 시점 수</translation>
    </message>
    <message>
        <source>every window of WINDOW steps, and the step after it</source>
        <translation>WINDOW 시점짜리 모든 윈도우와 그다음 시점</translation>
    </message>
    <message>
        <source>the last HELD windows predict the held-out end of the sequence</source>
        <translation>마지막 HELD개 윈도우가 검증용 끝부분을 예측합니다</translation>
    </message>
    <message>
        <source>the modules, built without using the seed&apos;s numbers</source>
        <translation>시드의 난수를 쓰지 않고 만든 모듈</translation>
    </message>
    <message>
        <source>the start: uniform in ±1/√(hidden units), drawn with torch.rand in the modules&apos; order as the app draws it</source>
        <translation>시작값: ±1/√(은닉 유닛 수) 범위의 균등분포, 앱과 같은 순서로 torch.rand에서 뽑습니다</translation>
    </message>
    <message>
        <source>the output layer reads the state after the last step</source>
        <translation>출력층은 마지막 시점 뒤의 상태를 읽습니다</translation>
    </message>
    <message>
        <source>the last window</source>
        <translation>마지막 윈도우</translation>
    </message>
    <message>
        <source>every character once: the model&apos;s vocabulary</source>
        <translation>모든 글자를 한 번씩: 모델의 어휘</translation>
    </message>
    <message>
        <source>the last window: it predicts the step after the end</source>
        <translation>마지막 윈도우: 끝 다음 시점을 예측합니다</translation>
    </message>
    <message>
        <source>the last window: it predicts the character after the end</source>
        <translation>마지막 윈도우: 끝 다음 글자를 예측합니다</translation>
    </message>
    <message>
        <source>Softmax Classification</source>
        <translation>소프트맥스 분류</translation>
    </message>
    <message>
        <source>cost = −mean(log H(x)[y])   (cross-entropy, F.cross_entropy)</source>
        <translation>비용 = −mean(log H(x)[y])   (크로스 엔트로피, F.cross_entropy)</translation>
    </message>
    <message>
        <source>One-vs-rest</source>
        <translation>일대다(One-vs-rest)</translation>
    </message>
    <message>
        <source>cost = mean over k of the binary cross-entropy of &apos;is it class k?&apos;</source>
        <translation>비용 = &apos;클래스 k인가?&apos;의 이진 크로스 엔트로피를 k에 대해 평균</translation>
    </message>
    <message>
        <source>There are no points yet: pick a class (keys 1–9) and click to add points.</source>
        <translation>아직 점이 없습니다. 클래스를 고르고(키 1–9) 클릭해 점을 추가하십시오.</translation>
    </message>
    <message>
        <source>There are points of class {label}, but the model has {classes} classes: raise Classes to {needed} or remove those points.</source>
        <translation>클래스 {label}의 점이 있지만 모델의 클래스는 {classes}개입니다. 클래스 수를 {needed}개로 늘리거나 그 점들을 삭제하십시오.</translation>
    </message>
    <message>
        <source>Only one class is present: add points of another class (keys 1–9).</source>
        <translation>클래스가 하나뿐입니다. 다른 클래스의 점을 추가하십시오 (키 1–9).</translation>
    </message>
    <message>
        <source>one score per class: Wx + b</source>
        <translation>클래스마다 점수 하나: Wx + b</translation>
    </message>
    <message>
        <source>sine</source>
        <translation>사인파</translation>
    </message>
    <message>
        <source>sum of sines</source>
        <translation>사인파의 합</translation>
    </message>
    <message>
        <source>sawtooth</source>
        <translation>톱니파</translation>
    </message>
    <message>
        <source>square wave</source>
        <translation>사각파</translation>
    </message>
    <message>
        <source>damped oscillation</source>
        <translation>감쇠 진동</translation>
    </message>
    <message>
        <source>random walk</source>
        <translation>랜덤 워크</translation>
    </message>
    <message>
        <source>&apos;values&apos; must be a list and &apos;text&apos; a text.</source>
        <translation>&apos;values&apos;는 목록, &apos;text&apos;는 텍스트여야 합니다.</translation>
    </message>
    <message>
        <source>The series has {count} steps; the most a lesson holds is {limit}.</source>
        <translation>시계열이 {count} 시점입니다. 레슨에는 최대 {limit} 시점까지 담을 수 있습니다.</translation>
    </message>
    <message>
        <source>The text has {count} characters; the most a lesson holds is {limit}.</source>
        <translation>텍스트가 {count}자입니다. 레슨에는 최대 {limit}자까지 담을 수 있습니다.</translation>
    </message>
    <message>
        <source>&apos;text&apos; holds a character that is not valid text.</source>
        <translation>&apos;text&apos;에 올바른 텍스트가 아닌 문자가 있습니다.</translation>
    </message>
    <message>
        <source>Every value of the series must be a finite number within ±10,000, found {value}.</source>
        <translation>시계열의 모든 값은 ±10,000 이내의 유한한 수여야 합니다. 발견된 값: {value}.</translation>
    </message>
    <message>
        <source>① init</source>
        <translation>① 초기화</translation>
    </message>
    <message>
        <source>② predict</source>
        <translation>② 예측</translation>
    </message>
    <message>
        <source>③ cost</source>
        <translation>③ 비용 계산</translation>
    </message>
    <message>
        <source>④ gradient</source>
        <translation>④ 경사 계산</translation>
    </message>
    <message>
        <source>⑤ update</source>
        <translation>⑤ 파라미터 업데이트</translation>
    </message>
    <message>
        <source>⑥ stop check</source>
        <translation>⑥ 종료 조건 확인</translation>
    </message>
    <message>
        <source>⑦ done</source>
        <translation>⑦ 학습 종료</translation>
    </message>
    <message>
        <source>Training stopped because of an error: {error}. Press Reset.</source>
        <translation>오류 때문에 학습이 멈췄습니다: {error}. 초기화를 누르세요.</translation>
    </message>
    <message>
        <source>Stopped early at step {step}: the validation cost has not improved for {count} evaluations. The weights of step {best} are back (validation cost {cost}).</source>
        <translation>스텝 {step}에서 조기 종료: 검증 비용이 {count}번 평가하는 동안 나아지지 않았습니다. 스텝 {best}의 가중치로 돌아갔습니다 (검증 비용 {cost}).</translation>
    </message>
    <message>
        <source>Finished: the cost changed by less than ε = {epsilon} (|Δcost| = {change} at step {step}).</source>
        <translation>학습 종료: 비용 변화가 ε = {epsilon}보다 작아졌습니다 (스텝 {step}에서 |Δcost| = {change}).</translation>
    </message>
    <message>
        <source>The cost diverged (it became {value}) at step {step}: the learning rate {lr} is too large. Choose a smaller learning rate and press Reset.</source>
        <translation>스텝 {step}에서 비용이 발산했습니다 (값: {value}). 학습률({lr})이 너무 큽니다. 더 작은 학습률을 고르고 [초기화]를 누르십시오.</translation>
    </message>
    <message>
        <source>Finished: reached the step limit ({steps} steps).</source>
        <translation>학습 종료: 최대 스텝 수({steps} 스텝)에 도달했습니다.</translation>
    </message>
    <message>
        <source>The learning rate must be a positive number.</source>
        <translation>학습률은 양수여야 합니다.</translation>
    </message>
    <message>
        <source>The step limit cannot be negative.</source>
        <translation>최대 스텝 수는 음수일 수 없습니다.</translation>
    </message>
    <message>
        <source>Unknown optimizer {name}; choose from {choices}.</source>
        <translation>알 수 없는 옵티마이저입니다: {name}. 다음 중에서 고르십시오: {choices}.</translation>
    </message>
    <message>
        <source>The cost-change threshold ε must be a number ≥ 0.</source>
        <translation>비용 변화 기준값 ε은 숫자(≥ 0)여야 합니다.</translation>
    </message>
    <message>
        <source>The batch size cannot be negative.</source>
        <translation>배치 크기는 음수일 수 없습니다.</translation>
    </message>
    <message>
        <source>The validation share must be between 0 and 0.9.</source>
        <translation>검증 비율은 0과 0.9 사이여야 합니다.</translation>
    </message>
    <message>
        <source>Validation must run every 1 or more steps.</source>
        <translation>검증은 1단계 이상마다 실행해야 합니다.</translation>
    </message>
    <message>
        <source>The weight decay λ must be a number ≥ 0.</source>
        <translation>가중치 감쇠 λ는 0 이상의 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>The L1 penalty must be a number ≥ 0.</source>
        <translation>L1 규제는 0 이상의 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>The early-stopping patience cannot be negative.</source>
        <translation>조기 종료 기준은 음수일 수 없습니다.</translation>
    </message>
    <message>
        <source>The cost became {value} at step {step}: {reason}</source>
        <translation>스텝 {step}에서 비용이 {value}에 이르렀습니다: {reason}</translation>
    </message>
    <message>
        <source>Training has ended.</source>
        <translation>학습이 종료되었습니다.</translation>
    </message>
    <message>
        <source>{device} failed ({error}); training on the CPU</source>
        <translation>{device} 오류 ({error}): CPU로 학습합니다</translation>
    </message>
    <message>
        <source>Parameters start at {values} (picked on the landscape)</source>
        <translation>파라미터 시작값: {values} (비용 지형에서 선택)</translation>
    </message>
    <message>
        <source>Parameters start at {values} (torch.manual_seed({seed}), torch.randn)</source>
        <translation>파라미터 시작값: {values} (torch.manual_seed({seed}), torch.randn)</translation>
    </message>
    <message>
        <source>H(x) = [{values}] for the {count} training points</source>
        <translation>훈련 데이터 점 {count}개의 H(x) = [{values}]</translation>
    </message>
    <message>
        <source>{count} iteration(s) done{change}: continue</source>
        <translation>반복 {count}회 완료{change}: 계속</translation>
    </message>
    <message>
        <source>{reason} → stop</source>
        <translation>{reason} → 종료</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <source>Handwritten digits 0–9 (1,797 images, 8×8)</source>
        <translation>손글씨 숫자 0~9 (이미지 1,797개, 8×8)</translation>
    </message>
    <message>
        <source>The UCI digits that scikit-learn ships, offline. A fifth is held out for validation: press Train and watch the filters, the feature maps and the confusion matrix.</source>
        <translation>scikit-learn에 들어 있는 UCI 숫자 데이터 (오프라인). 5분의 1은 검증용입니다: 학습을 누르고 필터, 특징 맵, 혼동 행렬을 보세요.</translation>
    </message>
    <message>
        <source>Draw your own classes (28×28)</source>
        <translation>직접 그린 클래스 (28×28)</translation>
    </message>
    <message>
        <source>Draw a few examples of each class on the pad, press Enter after each, then Train.</source>
        <translation>그림판에 클래스마다 몇 개씩 그리고 그릴 때마다 Enter를 누른 뒤 학습하세요.</translation>
    </message>
    <message>
        <source>Lecture: 6 points</source>
        <translation>강의: 점 6개</translation>
    </message>
    <message>
        <source>The lecture&apos;s binary classification data: x_train = [[1,2],[2,3],[3,4],[4,4],[5,3],[6,2]], y_train = [0,0,0,1,1,1]; SGD lr = 0.01, 2000 steps. Test with x_test = [6, 4].</source>
        <translation>강의의 이진 분류 데이터: x_train = [[1,2],[2,3],[3,4],[4,4],[5,3],[6,2]], y_train = [0,0,0,1,1,1]; SGD lr = 0.01, 2000 스텝. x_test = [6, 4]로 테스트합니다.</translation>
    </message>
    <message>
        <source>Lecture: non-linear test (7 points)</source>
        <translation>강의: 비선형 테스트 (점 7개)</translation>
    </message>
    <message>
        <source>The lecture&apos;s &apos;non-linear test&apos;: the 6 points plus [6, 4] labelled 0. No straight line separates them, so a linear model gets at most 6 of 7 right.</source>
        <translation>강의의 &apos;비선형 테스트&apos;: 점 6개에 레이블이 0인 [6, 4]를 더했습니다. 어떤 직선으로도 나눌 수 없어서 선형 모델은 7개 중 최대 6개만 맞힙니다.</translation>
    </message>
    <message>
        <source>A perfect line: y = 2x + 1</source>
        <translation>완벽한 직선: y = 2x + 1</translation>
    </message>
    <message>
        <source>Four points on y = 2x + 1. The cost can reach zero, at W = 2 and b = 1.</source>
        <translation>y = 2x + 1 위의 점 4개. W = 2, b = 1에서 비용이 0이 될 수 있습니다.</translation>
    </message>
    <message>
        <source>Study hours and test score (8 points)</source>
        <translation>공부 시간과 시험 점수 (데이터 8개)</translation>
    </message>
    <message>
        <source>A small regression set: x = hours studied, y = score (tens of points). The best line is close to y = 0.8x + 1.</source>
        <translation>작은 회귀 데이터: x = 공부한 시간, y = 점수(10점 단위). 가장 잘 맞는 직선은 y = 0.8x + 1에 가깝습니다.</translation>
    </message>
    <message>
        <source>The lecture&apos;s 7 points that no straight line separates. A network with one hidden layer of 8 neurons gets all 7 right.</source>
        <translation>어떤 직선으로도 나눌 수 없는 강의의 점 7개. 뉴런 8개짜리 은닉층 하나를 가진 신경망은 7개를 모두 맞힙니다.</translation>
    </message>
    <message>
        <source>Two spirals (400 points)</source>
        <translation>두 나선 (점 400개)</translation>
    </message>
    <message>
        <source>The hardest of the classic sets: it needs several layers of neurons.</source>
        <translation>대표적인 데이터셋 중 가장 어렵습니다. 뉴런 층이 여러 개 필요합니다.</translation>
    </message>
    <message>
        <source>XOR (200 points)</source>
        <translation>XOR (점 200개)</translation>
    </message>
    <message>
        <source>No straight line separates XOR: a network with hidden layers bends the boundary.</source>
        <translation>XOR은 어떤 직선으로도 나눌 수 없습니다. 은닉층이 있는 신경망은 경계를 구부립니다.</translation>
    </message>
    <message>
        <source>Noisy circles: a big network overfits (60 points)</source>
        <translation>잡음 섞인 원: 큰 신경망이 과적합 (점 60개)</translation>
    </message>
    <message>
        <source>Half the points are held out (hollow). Press Train: the training cost falls to almost 0 while the validation cost turns upward. Then switch on a remedy and compare.</source>
        <translation>점의 절반은 검증용입니다 (속이 빈 점). 학습을 누르면 훈련 비용은 거의 0까지 떨어지지만 검증 비용은 다시 올라갑니다. 그다음 해결책을 하나 켜고 비교해 보세요.</translation>
    </message>
    <message>
        <source>The lecture&apos;s sentences: predict the next character</source>
        <translation>강의 문장: 다음 글자 예측</translation>
    </message>
    <message>
        <source>A character-level GRU learns the lecture&apos;s own sentences about RNNs. Type the start of a sentence on the Text page to see the likeliest next characters, and generate text greedily or with a temperature.</source>
        <translation>글자 단위 GRU가 RNN에 관한 강의 문장을 배웁니다. 텍스트 페이지에 문장 앞부분을 입력하면 가장 가능성 높은 다음 글자가 보이고, 탐욕적으로 또는 온도를 주어 글을 생성할 수 있습니다.</translation>
    </message>
    <message>
        <source>A sine wave, 200 steps: predict the next value</source>
        <translation>사인파 200 시점: 다음 값 예측</translation>
    </message>
    <message>
        <source>The last fifth (shaded) is held out. Press Train: the thin orange line predicts each next step from the 20 true values before it, and the dashed forecast runs on past the end, feeding each guess back in.</source>
        <translation>마지막 5분의 1(음영)은 검증용입니다. 학습을 누르세요: 가는 주황색 선은 앞의 실제 값 20개로 다음 시점을 예측하고, 점선 예보는 예측값을 다시 입력하며 끝 너머로 이어집니다.</translation>
    </message>
    <message>
        <source>Two sines added: a harder rhythm</source>
        <translation>두 사인파의 합: 더 어려운 리듬</translation>
    </message>
    <message>
        <source>Two periods at once (40 and 13 steps). Watch where the free-running forecast drifts: its memory is only the window.</source>
        <translation>두 주기(40, 13 시점)가 함께 있습니다. 스스로 이어 가는 예보가 어디서 어긋나는지 보세요: 기억은 윈도우뿐입니다.</translation>
    </message>
    <message>
        <source>Three blobs (150 points)</source>
        <translation>군집 3개 (점 150개)</translation>
    </message>
    <message>
        <source>Three classes around a circle. Softmax draws straight borders between them; one-vs-rest asks &apos;is it A? is it B? is it C?&apos;.</source>
        <translation>원 둘레에 놓인 클래스 3개. 소프트맥스는 클래스 사이에 직선 경계를 긋고, 일대다는 &apos;A인가? B인가? C인가?&apos;를 묻습니다.</translation>
    </message>
</context>
</TS>
