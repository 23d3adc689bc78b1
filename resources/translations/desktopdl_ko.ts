<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name></name>
    <message>
        <source>Shortcuts</source>
        <comment>One training step (or one phase in phase mode)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <comment>Reset to the seed&apos;s starting weights</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <comment>Choose the class of new points</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <comment>Click</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <comment>Add a point (in Test mode: ask the model)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <comment>Right-click or Ctrl+click</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <comment>Remove the nearest point</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <comment>Drag a point</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <comment>Move it</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <comment>Undo / Redo</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <comment>Blank the screen and pause (B again to return)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <comment>Full screen</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <comment>Bigger / smaller / normal size</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <comment>Open / save a lesson file</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <comment>Go to a lesson</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <comment>This list</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BinaryClassificationTab</name>
    <message>
        <source>H([{0}, {1}]) = {2} → class {3}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlankScreen</name>
    <message>
        <source>Press B to return</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Bowl3D</name>
    <message>
        <source>3-D needs OpenGL, which the &apos;{0}&apos; display lacks.</source>
        <extracomment>Low cost light yellow, high cost deep blue (the 2-D map&apos;s blues with a warm valley floor). The bowl is drawn in a box this wide and this tall, whatever the parameters&apos; units.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D needs PyOpenGL ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D needs OpenGL, but no OpenGL context could be created on this display.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CostPlot</name>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LandscapePanel</name>
    <message>
        <source>Race SGD, Momentum, Adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the other optimizers from the same start, same rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with the MSE cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same sigmoid model trained with the squared error: its landscape beside this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the landscape as a 3-D surface (needs OpenGL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cross-entropy cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MSE cost (same model, same start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> step {0}, cost {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;MSE run&lt;/b&gt; (right) step {0}, cost {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped: the cost became {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the contour map.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LandscapePlot</name>
    <message>
        <source>Click to start the next run from there; drag to pan, wheel to zoom</source>
        <extracomment>Path colours per optimizer (Okabe–Ito); the main run is drawn in its optimizer&apos;s colour.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerPanel</name>
    <message>
        <source>iteration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to iteration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay the run from its start up to that iteration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} iterations; recorded from iteration {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; showing the last {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonTab</name>
    <message>
        <source>Cost curve</source>
        <extracomment>(label, steps per second or None for full speed). Wide enough for the longest live readout, so nothing is clipped while numbers change. Choices for &quot;stop when the cost changes by less than ε&quot; (0 = never). The learning-rate slider spans 10^-4 … 10^1 in this many notches. A line for the status bar: the device in use and what the trainer says. A standing note (the preset&apos;s description) shown when the trainer has nothing to say.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class {0} [{1}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New points get class {0} (key {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every point (Ctrl+Z brings them back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much the classes blur into each other (0 – 0.5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New points from the chosen set; the network keeps its weights (Reset keeps the data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>① Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far each step moves W and b against the gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate on a log scale, 0.0001 … 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGD: torch.optim.SGD · Momentum: SGD(momentum=0.9) · Adam: torch.optim.Adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>② Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or pause training (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One training step (→)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New start from the seed (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after steps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop when the cost changes by less than ε in one step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop when |Δcost| &lt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points per step; &apos;full batch&apos; uses every point (the lecture)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one iteration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one phase (①…⑦)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Step (→) does: a whole iteration, or one phase of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step does:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>torch.manual_seed(seed): the same seed gives the same start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} steps/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA (NVIDIA GPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPS (Apple)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost axis on a log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>③ Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test mode: click the canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click the canvas in Test mode, or type x and press Predict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(iteration {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy {0}   epoch {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H(x) = (diverged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model has no usable parameters: press Reset.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cannot open the lesson file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the lesson file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size {0:.0%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language takes effect when DesktopDL starts again. Restart now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open lesson…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save lesson…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save lesson with trained &amp;weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light theme (projector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;lank screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard &amp;shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About DesktopDL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About DesktopDL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Teach the basics of deep learning: build the model, train it, test it.&lt;/p&gt;&lt;p&gt;Every number shown is the number the lecture&apos;s PyTorch code prints.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NeuralNetworkTab</name>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden layers (0 = the binary lesson&apos;s straight boundary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden layers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neurons in this layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neurons:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H({0}) = {1} → class {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P(class):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H({0}) → class {1} (p = {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>softmax:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OneVsRestPage</name>
    <message>
        <source>One-vs-rest: one sigmoid per class asks “is it class k?”. The answer is the most confident “yes”. Trained beside softmax, from the same data and learning rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is it class {0}?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PointCanvas</name>
    <message>
        <source>Click: add a point · Right-click or Ctrl+click: remove · Drag: move</source>
        <extracomment>In Test mode, a left click asks the model about (x, y) instead of adding a point. The visible data region changed (zoom, pan, resize): the surface must follow.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PointEditor</name>
    <message>
        <source>Add point</source>
        <extracomment>How close (in screen pixels) a press must be to a point to grab or delete it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move point</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <source>class {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QApplication</name>
    <message>
        <source>Shortcuts</source>
        <comment>Train / Pause</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlicePanel</name>
    <message>
        <source>cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost against {0} ({1} held)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SoftmaxClassificationTab</name>
    <message>
        <source>One-vs-rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many classes the model tells apart (keys 1–8 pick one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H({0}) → class {1} (p = {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>softmax (sums to 1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one-vs-rest: most confident “yes” → class {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Blobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XOR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two spirals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture&apos;s non-linear test (7 points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto: CPU (fastest for a model this small)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA is not available here (no NVIDIA GPU, or a CPU-only torch): training on the CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPS is not available here: training on the CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto: CUDA (the model is large)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto: MPS (the model is large)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a DesktopDL lesson file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has no valid format version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} was written by a newer DesktopDL (file version {version}, this app reads up to {supported}). Update DesktopDL to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} names an unknown lesson {lesson}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has no &apos;data&apos; section with points and labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: &apos;points&apos; and &apos;labels&apos; must be lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has {count} points; the most a lesson holds is {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has {count} points but {labels} labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: every label must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: &apos;settings&apos; must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the learning rate must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: unknown device {device}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: &apos;optimizer&apos; must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: &apos;min_cost_change&apos; must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: &apos;batch_size&apos; must be a whole number ≥ 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: &apos;model&apos; must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: &apos;classes&apos; must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: &apos;hidden&apos; must be a list of neuron counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: &apos;activation&apos; must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: &apos;weights&apos; must be {expected} finite numbers for this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: &apos;view&apos; must be [xmin, xmax, ymin, ymax].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: &apos;{key}&apos; must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is too large to be a lesson file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} cannot be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is damaged or not a lesson file ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: every point must be two finite numbers [x, y], found {point}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the coordinate in {point} is too large (keep within ±1,000,000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: &apos;{key}&apos; must be a whole number ≥ 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of classes must be between 2 and 8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A network has 0 to 6 hidden layers of 1 to 32 neurons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown activation {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary Classification (MSE cost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W and b are finite, but H(x) rounded to exactly 0 or 1 in float32 and log(0) = −∞. The points are separable, so the weights keep growing. Stop earlier (step limit or ε), or press Reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no points yet: add points of class 0 and class 1 (keys 1 and 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one class is present: add at least one point of class {label} (press {key}, then click).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear Regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost = mean((H(x) − y)²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no points yet: click on the canvas to add at least two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One point is not enough to fit a line: add at least one more point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All points share the same x, so no line y = Wx + b fits them: spread them out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neural Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost = cross-entropy (F.binary_cross_entropy_with_logits / F.cross_entropy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sizes} network, {activation}, {count} parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Softmax Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost = −mean(log H(x)[y])   (cross-entropy, F.cross_entropy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-vs-rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost = mean over k of the binary cross-entropy of &apos;is it class k?&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no points yet: pick a class (keys 1–9) and click to add points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are points of class {label}, but the model has {classes} classes: raise Classes to {needed} or remove those points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one class is present: add points of another class (keys 1–9).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>① init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>② predict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>③ cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>④ gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⑤ update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⑥ stop check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⑦ done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: the cost changed by less than ε = {epsilon} (|Δcost| = {change} at step {step}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cost diverged (it became {value}) at step {step}: the learning rate {lr} is too large. Choose a smaller learning rate and press Reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: reached the step limit ({steps} steps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learning rate must be a positive number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step limit cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown optimizer {name}; choose from {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cost-change threshold ε must be a number ≥ 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch size cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cost became {value} at step {step}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{device} failed ({error}); training on the CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters start at {values} (picked on the landscape)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters start at {values} (torch.manual_seed({seed}), torch.randn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H(x) = [{values}] for the {count} training points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} iteration(s) done{change}: continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} → stop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <source>Lecture: 6 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lecture&apos;s binary classification data: x_train = [[1,2],[2,3],[3,4],[4,4],[5,3],[6,2]], y_train = [0,0,0,1,1,1]; SGD lr = 0.01, 2000 steps. Test with x_test = [6, 4].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture: non-linear test (7 points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lecture&apos;s &apos;non-linear test&apos;: the 6 points plus [6, 4] labelled 0. No straight line separates them, so a linear model gets at most 6 of 7 right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A perfect line: y = 2x + 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four points on y = 2x + 1. The cost can reach zero, at W = 2 and b = 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study hours and test score (8 points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small regression set: x = hours studied, y = score (tens of points). The best line is close to y = 0.8x + 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lecture&apos;s 7 points that no straight line separates. A network with one hidden layer of 8 neurons gets all 7 right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two spirals (400 points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hardest of the classic sets: it needs several layers of neurons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XOR (200 points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No straight line separates XOR: a network with hidden layers bends the boundary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three blobs (150 points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three classes around a circle. Softmax draws straight borders between them; one-vs-rest asks &apos;is it A? is it B? is it C?&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
