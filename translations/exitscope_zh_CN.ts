<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ModelRequest</name>
    <message>
        <source>Layout</source>
        <translation>结构</translation>
    </message>
    <message>
        <source>staged (per-exit latency can be measured)</source>
        <translation>分阶段（可测量各出口的延迟）</translation>
    </message>
    <message>
        <source>monolithic (forward only: no per-exit latency)</source>
        <translation>整体式（仅 forward：无各出口延迟）</translation>
    </message>
    <message>
        <source>Exits (K)</source>
        <translation>出口数 (K)</translation>
    </message>
    <message>
        <source>known after a first run</source>
        <translation>首次运行后可知</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>Model input</source>
        <translation>模型输入</translation>
    </message>
    <message>
        <source>not told by the file</source>
        <translation>文件中未说明</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>%1 of shape %2</source>
        <translation>%1，形状 %2</translation>
    </message>
    <message>
        <source>Val</source>
        <translation>验证集</translation>
    </message>
    <message numerus="yes">
        <source>%Ln samples of %1</source>
        <translation>
            <numerusform>%Ln 个样本，来自 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message numerus="yes">
        <source>%Ln samples: %1</source>
        <translation>
            <numerusform>%Ln 个样本：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message numerus="yes">
        <source>yes, %Ln classes</source>
        <translation>
            <numerusform>有，%Ln 个类别</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <source>none (label-free)</source>
        <translation>无（无标签）</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>出口</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>head</source>
        <translation>头</translation>
    </message>
    <message>
        <source>cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;font color=#c0392b&gt;The model&apos;s heads have %1 classes, the dataset %2.&lt;/font&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;font color=#c0392b&gt;模型的输出头有 %1 个类别，数据集有 %2 个。&lt;/font&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>ThresholdCommand</name>
    <message>
        <source>threshold of exit %1: %2 to %3</source>
        <translation>出口 %1 的阈值：%2 改为 %3</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::CompareView</name>
    <message>
        <source>The policy the others are measured against: their gain is their accuracy minus its</source>
        <translation>作为基准的策略：其他策略的增益为其准确率减去基准的准确率</translation>
    </message>
    <message>
        <source>&amp;Baseline</source>
        <translation>基准(&amp;B)</translation>
    </message>
    <message>
        <source>The policies drawn against the baseline (check or uncheck)</source>
        <translation>与基准对比绘制的策略（勾选或取消勾选）</translation>
    </message>
    <message>
        <source>compared &amp;with</source>
        <translation>对比(&amp;W)</translation>
    </message>
    <message>
        <source>val</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Whose numbers: the val trace the thresholds were tuned on, or the test trace</source>
        <translation>使用哪组数据：调节阈值所用的验证轨迹，或测试轨迹</translation>
    </message>
    <message>
        <source>&amp;Split</source>
        <translation>数据划分(&amp;S)</translation>
    </message>
    <message>
        <source>a few of the sweep&apos;s</source>
        <translation>扫描中的若干预算</translation>
    </message>
    <message>
        <source>The budgets of the table, comma-separated, in the budget axis&apos;s unit; empty: five of the sweep&apos;s budgets across its range. A budget between two the sweep solved is interpolated (italics)</source>
        <translation>表格中的预算，以逗号分隔，单位同预算轴；留空：取扫描范围内的五个预算。介于两个已求解预算之间的预算为插值（斜体）</translation>
    </message>
    <message>
        <source>Table b&amp;udgets</source>
        <translation>表格预算(&amp;U)</translation>
    </message>
    <message>
        <source>Export co&amp;mparison CSV…</source>
        <translation>导出对比 CSV(&amp;M)…</translation>
    </message>
    <message>
        <source>Write the table&apos;s budgets for both splits as CSV</source>
        <translation>将表格中的预算按两种数据划分写入 CSV</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Table budgets</source>
        <translation>表格预算</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>%1 cost (%2)</source>
        <translation>%1成本（%2）</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>%1 budget (%2)</source>
        <translation>%1预算（%2）</translation>
    </message>
    <message>
        <source>Run a sweep (Policies, Ctrl+R) of two or more policies: the comparison uses its results, no new solving.</source>
        <translation>请对两个或更多策略运行扫描（策略，Ctrl+R）：对比使用扫描结果，不重新求解。</translation>
    </message>
    <message>
        <source>The sweep has one policy: sweep two or more to compare them.</source>
        <translation>扫描只有一个策略：请扫描两个或更多策略以进行对比。</translation>
    </message>
    <message>
        <source>No test numbers: open a test trace and sweep again, or compare on val.</source>
        <translation>没有测试数据：请打开测试轨迹并重新扫描，或在验证集上对比。</translation>
    </message>
    <message>
        <source>Gain: %1 minus %2&apos;s at the same budget (one sweep solves every policy at the same budgets; a budget either lacks is left out). In the table, &lt;i&gt;italics&lt;/i&gt; are interpolated between the sweep&apos;s budgets.</source>
        <translation>增益：在相同预算下 %1 减去 %2 的值（一次扫描在相同预算下求解所有策略；任一方缺少的预算将被略去）。表格中&lt;i&gt;斜体&lt;/i&gt;值为扫描预算之间的插值。</translation>
    </message>
    <message>
        <source>%1 (baseline)</source>
        <translation>%1（基准）</translation>
    </message>
    <message>
        <source>%1 (test)</source>
        <translation>%1（测试）</translation>
    </message>
    <message>
        <source>gain over %1 (pp of %2)</source>
        <translation>相对 %1 的增益（%2 的百分点）</translation>
    </message>
    <message>
        <source>p90 cost</source>
        <translation>p90 成本</translation>
    </message>
    <message>
        <source>mean cost</source>
        <translation>平均成本</translation>
    </message>
    <message>
        <source>Export comparison CSV</source>
        <translation>导出对比 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>导出对比</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::ComparisonTableModel</name>
    <message>
        <source>%1%2 pp</source>
        <translation>%1%2 个百分点</translation>
    </message>
    <message>
        <source>%1 has no numbers at budget %2: outside the budgets the sweep solved</source>
        <translation>%1 在预算 %2 处没有数据：超出扫描求解的预算范围</translation>
    </message>
    <message>
        <source>%1&apos;s %2 minus %3&apos;s at budget %4, in percentage points</source>
        <translation>在预算 %4 下，%1 的%2减去 %3 的，以百分点计</translation>
    </message>
    <message>
        <source>%1 at budget %2</source>
        <translation>%1，预算 %2</translation>
    </message>
    <message>
        <source> (interpolated linearly between the two budgets the sweep solved around it)</source>
        <translation>（在扫描求解的相邻两个预算之间线性插值）</translation>
    </message>
    <message>
        <source>The budget (%1)</source>
        <translation>预算（%1）</translation>
    </message>
    <message>
        <source>%1&apos;s %2</source>
        <translation>%1 的%2</translation>
    </message>
    <message>
        <source>%1&apos;s %2 (%3)</source>
        <translation>%1 的%2（%3）</translation>
    </message>
    <message>
        <source>%1&apos;s gain over the baseline (%2) at equal budget, in percentage points of %3</source>
        <translation>%1 在相同预算下相对基准（%2）的增益，以 %3 的百分点计</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>budget
(%1)</source>
        <translation>预算
（%1）</translation>
    </message>
    <message>
        <source>%1 (baseline)</source>
        <translation>%1（基准）</translation>
    </message>
    <message>
        <source>gain (pp)</source>
        <translation>增益（百分点）</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::DataPanel</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>val</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>The trace thresholds are tuned on (.npz, or an AAAI21 _confidence.npy)</source>
        <translation>用于调节阈值的轨迹（.npz，或 AAAI21 的 _confidence.npy）</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>A held-out trace the thresholds are checked on</source>
        <translation>用于检验阈值的留出轨迹</translation>
    </message>
    <message>
        <source>latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>A latency profile (.json) or EENet&apos;s seconds.csv</source>
        <translation>延迟剖析文件（.json）或 EENet 的 seconds.csv</translation>
    </message>
    <message>
        <source>Type costs…</source>
        <translation>输入成本…</translation>
    </message>
    <message>
        <source>Cumulative cost per exit, c1,...,cK, as --costs takes them</source>
        <translation>各出口的累计成本 c1,...,cK，格式同 --costs</translation>
    </message>
    <message>
        <source>Cumulative cost to each exit: double-click or type to edit</source>
        <translation>到达各出口的累计成本：双击或直接输入以编辑</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The cost of the plain model without exits: relative budgets are fractions of it</source>
        <translation>不带出口的原始模型的成本：相对预算是它的比例</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>参考</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Open a val trace (File ▸ Open traces, or drop files here).</source>
        <translation>请打开验证轨迹（文件 ▸ 打开轨迹，或将文件拖放到此处）。</translation>
    </message>
    <message numerus="yes">
        <source>%1 exits, %Ln samples, %2 classes</source>
        <translation>
            <numerusform>%1 个出口，%Ln 个样本，%2 个类别</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 exits, %Ln samples</source>
        <translation>
            <numerusform>%1 个出口，%Ln 个样本</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; labels known</source>
        <translation>%1；有标签</translation>
    </message>
    <message>
        <source>%1; no labels (label-free)</source>
        <translation>%1；无标签（无标签模式）</translation>
    </message>
    <message numerus="yes">
        <source>%1; test: %Ln samples</source>
        <translation>
            <numerusform>%1；测试：%Ln 个样本</numerusform>
        </translation>
    </message>
    <message>
        <source>typed costs</source>
        <translation>手动输入的成本</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Cumulative cost per exit (c1,...,cK):</source>
        <translation>各出口的累计成本（c1,...,cK）：</translation>
    </message>
    <message>
        <source>cost unit: %1</source>
        <translation>成本单位：%1</translation>
    </message>
    <message>
        <source>reference: &apos;%1&apos; is not a positive number</source>
        <translation>参考：“%1”不是正数</translation>
    </message>
    <message>
        <source>no reference cost</source>
        <translation>无参考成本</translation>
    </message>
    <message>
        <source>reference cost: %1</source>
        <translation>参考成本：%1</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::Document</name>
    <message>
        <source>Reading files</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>%1: its latency profile differs from the open one, which stays</source>
        <translation>%1：其延迟剖析与已打开的不同，保留已打开的</translation>
    </message>
    <message>
        <source>%1 closed: its exit count differs from the new val trace&apos;s</source>
        <translation>%1 已关闭：其出口数与新的验证轨迹不同</translation>
    </message>
    <message>
        <source>open latency %1</source>
        <translation>打开延迟 %1</translation>
    </message>
    <message>
        <source>open config %1</source>
        <translation>打开配置 %1</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Relative budgets</source>
        <translation>相对预算</translation>
    </message>
    <message>
        <source>relative budgets need the reference cost (the plain model without exits): set it in the latency table or open a latency profile with one</source>
        <translation>相对预算需要参考成本（不带出口的原始模型）：请在延迟表中设置，或打开含参考成本的延迟剖析</translation>
    </message>
    <message>
        <source>× reference</source>
        <translation>× 参考</translation>
    </message>
    <message>
        <source>agreement with the final exit</source>
        <translation>与最终出口的一致率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Evaluating</source>
        <translation>正在评估</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Preparing the learned scorer</source>
        <translation>正在准备学习的评分器</translation>
    </message>
    <message>
        <source>threshold of exit %1: expected a finite number</source>
        <translation>出口 %1 的阈值：应为有限数</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>open a val trace and a latency profile (or costs) first</source>
        <translation>请先打开验证轨迹和延迟剖析（或成本）</translation>
    </message>
    <message>
        <source>%1 has no solved budget yet: run a sweep with it (only the quick policies are solved at once)</source>
        <translation>%1 尚无已求解的预算：请用它运行一次扫描（只有快速策略会立即求解）</translation>
    </message>
    <message>
        <source>%1 at budget %2</source>
        <translation>%1，预算 %2</translation>
    </message>
    <message>
        <source>Solving %1</source>
        <translation>正在求解 %1</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>the oracle is an upper bound (it knows each sample&apos;s answer), not thresholds to load</source>
        <translation>oracle 是上界（它知道每个样本的答案），不是可加载的阈值</translation>
    </message>
    <message>
        <source>latency at batch size %1</source>
        <translation>批大小 %1 下的延迟</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::EenetImportDialog</name>
    <message>
        <source>Import EENet outputs</source>
        <translation>导入 EENet 输出</translation>
    </message>
    <message>
        <source>EENet&apos;s evaluation writes &lt;tt&gt;logits_single.pth&lt;/tt&gt;: the softmax outputs of every exit on its val split (thresholds are chosen there) and its test split (reported). The latency comes from &lt;tt&gt;seconds.csv&lt;/tt&gt; (cumulative milliseconds per exit), else from &lt;tt&gt;flops.pth&lt;/tt&gt;; with neither, type the costs in the Data panel.</source>
        <translation>EENet 的评估会写出 &lt;tt&gt;logits_single.pth&lt;/tt&gt;：每个出口在其验证集（在此选择阈值）和测试集（用于报告）上的 softmax 输出。延迟取自 &lt;tt&gt;seconds.csv&lt;/tt&gt;（各出口的累计毫秒数），否则取自 &lt;tt&gt;flops.pth&lt;/tt&gt;；两者都没有时，请在“数据”面板中输入成本。</translation>
    </message>
    <message>
        <source>&amp;Logits:</source>
        <translation>Logits(&amp;L)：</translation>
    </message>
    <message>
        <source>EENet logits (*.pth);;All files (*)</source>
        <translation>EENet logits (*.pth);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Seconds (optional):</source>
        <translation>秒数（可选）(&amp;S)：</translation>
    </message>
    <message>
        <source>EENet seconds.csv (*.csv);;All files (*)</source>
        <translation>EENet seconds.csv (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;FLOPs (optional):</source>
        <translation>FLOPs（可选）(&amp;F)：</translation>
    </message>
    <message>
        <source>EENet flops (*.pth);;All files (*)</source>
        <translation>EENet FLOPs (*.pth);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::ExitHistogramPlot</name>
    <message>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>disagree</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>agree</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>exit %1 · leaves at score %2 %3
hits %4 · hit rate %5 · %6 %7</source>
        <translation>出口 %1 · 分数 %2 %3 时退出
命中 %4 · 命中率 %5 · %6 %7</translation>
    </message>
    <message>
        <source>exit %1 · score %2 %3
hits %4 · hit rate %5
%6 %7</source>
        <translation>出口 %1 · 分数 %2 %3
命中 %4 · 命中率 %5
%6 %7</translation>
    </message>
    <message>
        <source>exit %1: %2 %3
hits %4
hit rate %5
%6 %7</source>
        <translation>出口 %1：%2 %3
命中 %4
命中率 %5
%6 %7</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::ExitOutcomeModel</name>
    <message>
        <source>cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>hits</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>hit rate</source>
        <translation>命中率</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::ExitShareBars</name>
    <message>
        <source>exit %1: %2%</source>
        <translation>出口 %1：%2%</translation>
    </message>
    <message>
        <source>no operating point</source>
        <translation>无工作点</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::ExplorerView</name>
    <message>
        <source>Thresholds: type a value and press Enter (Ctrl+Z undoes it)</source>
        <translation>阈值：输入数值并按回车（Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>%1 cost (%2)</source>
        <translation>%1成本（%2）</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source> (test)</source>
        <translation>（测试）</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::FileActions</name>
    <message>
        <source>Score direction</source>
        <translation>分数方向</translation>
    </message>
    <message>
        <source>%1 holds AAAI21 confidence scores. Which scores are more confident?</source>
        <translation>%1 包含 AAAI21 置信度分数。哪一方向的分数置信度更高？</translation>
    </message>
    <message>
        <source>Lower (entropy)</source>
        <translation>更低（熵）</translation>
    </message>
    <message>
        <source>Higher (probability)</source>
        <translation>更高（概率）</translation>
    </message>
    <message>
        <source>Open traces (val, and test)</source>
        <translation>打开轨迹（验证集及测试集）</translation>
    </message>
    <message>
        <source>Traces (*.npz *_confidence.npy);;All files (*)</source>
        <translation>轨迹 (*.npz *_confidence.npy);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open test trace</source>
        <translation>打开测试轨迹</translation>
    </message>
    <message>
        <source>Open latency</source>
        <translation>打开延迟</translation>
    </message>
    <message>
        <source>Latency profiles (*.json);;EENet seconds.csv (*.csv);;All files (*)</source>
        <translation>延迟剖析 (*.json);;EENet seconds.csv (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open threshold config</source>
        <translation>打开阈值配置</translation>
    </message>
    <message>
        <source>Threshold configs (*.json);;All files (*)</source>
        <translation>阈值配置 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>%1: not a trace (.npz, _confidence.npy, EENet .pth), latency profile, seconds.csv or threshold config</source>
        <translation>%1：不是轨迹（.npz、_confidence.npy、EENet .pth）、延迟剖析、seconds.csv 或阈值配置</translation>
    </message>
    <message>
        <source>&amp;%1 %2 (%3)</source>
        <translation>&amp;%1 %2（%3）</translation>
    </message>
    <message>
        <source>Export threshold config</source>
        <translation>导出阈值配置</translation>
    </message>
    <message>
        <source>Threshold configs (*.json)</source>
        <translation>阈值配置 (*.json)</translation>
    </message>
    <message>
        <source>Export curves</source>
        <translation>导出曲线</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Traces and sessions (*.npz *_confidence.npy *.exitscope);;All files (*)</source>
        <translation>轨迹和会话 (*.npz *_confidence.npy *.exitscope);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 is a session: it was opened alone, without the other files</source>
        <translation>%1 是会话：已单独打开，未打开其他文件</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::GainPlot</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; vs %2&lt;br&gt;budget: %3&lt;br&gt;%4 vs %5&lt;br&gt;gain: %6%7 pp</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 对比 %2&lt;br&gt;预算：%3&lt;br&gt;%4 对比 %5&lt;br&gt;增益：%6%7 个百分点</translation>
    </message>
    <message>
        <source>%1 (baseline)</source>
        <translation>%1（基准）</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::HitsPlot</name>
    <message>
        <source>predicted (trace)</source>
        <translation>预测（轨迹）</translation>
    </message>
    <message>
        <source>real run</source>
        <translation>实际运行</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>出口</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>样本数</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::JobRunner</name>
    <message>
        <source>%1: cancelled</source>
        <translation>%1：已取消</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::Language</name>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::LatencyPlot</name>
    <message>
        <source>mean cumulative latency</source>
        <translation>平均累计延迟</translation>
    </message>
    <message>
        <source>median, IQR, p99 whisker</source>
        <translation>中位数、IQR、p99 须线</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>this exit&apos;s stage</source>
        <translation>此出口的阶段</translation>
    </message>
    <message>
        <source>this exit&apos;s head</source>
        <translation>此出口的输出头</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>出口</translation>
    </message>
    <message>
        <source>full model (reference): %1 %2</source>
        <translation>完整模型（参考）：%1 %2</translation>
    </message>
    <message>
        <source>cumulative latency</source>
        <translation>累计延迟</translation>
    </message>
    <message>
        <source>cumulative latency (%1)</source>
        <translation>累计延迟（%1）</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::LatencyTableModel</name>
    <message>
        <source>What a sample pays to reach and take exit %1 (every stage and exit head on the way); edit it to re-evaluate everything</source>
        <translation>样本到达并从出口 %1 退出的代价（包括途经的每个阶段和出口头）；编辑后将重新评估全部结果</translation>
    </message>
    <message>
        <source>Median of the timed runs to exit %1</source>
        <translation>到出口 %1 的计时运行的中位数</translation>
    </message>
    <message>
        <source>Interquartile range (p75 - p25) of the timed runs to exit %1</source>
        <translation>到出口 %1 的计时运行的四分位距（p75 - p25）</translation>
    </message>
    <message>
        <source>90th percentile of the timed runs to exit %1</source>
        <translation>到出口 %1 的计时运行的第 90 百分位数</translation>
    </message>
    <message>
        <source>99th percentile of the timed runs to exit %1</source>
        <translation>到出口 %1 的计时运行的第 99 百分位数</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>出口 %1</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>单位：%1</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>cost (%1)</source>
        <translation>成本（%1）</translation>
    </message>
    <message>
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>IQR</source>
        <translation>四分位距</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>cost of exit %1: &apos;%2&apos; is not a number</source>
        <translation>出口 %1 的成本：“%2”不是数字</translation>
    </message>
    <message>
        <source>cost of exit %1: %2</source>
        <translation>出口 %1 的成本：%2</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::LatencyView</name>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>The profile tuning follows: the evaluation, sweeps and exports use its costs</source>
        <translation>调节所依据的延迟剖析：评估、扫描和导出均使用其成本</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>批大小(&amp;B)：</translation>
    </message>
    <message>
        <source>&lt;i&gt;No latency profile: open one, type the costs in the Data dock, or open a model and a dataset to measure it&lt;/i&gt;</source>
        <translation>&lt;i&gt;无延迟剖析：请打开一个，在“数据”面板中输入成本，或打开模型和数据集进行测量&lt;/i&gt;</translation>
    </message>
    <message>
        <source>device unknown</source>
        <translation>设备未知</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>设备 %1</translation>
    </message>
    <message>
        <source>%1 thread(s)</source>
        <translation>%1 个线程</translation>
    </message>
    <message>
        <source>threads unknown</source>
        <translation>线程数未知</translation>
    </message>
    <message>
        <source>batch size %1</source>
        <translation>批大小 %1</translation>
    </message>
    <message>
        <source>batch size unknown</source>
        <translation>批大小未知</translation>
    </message>
    <message>
        <source>input shape unknown</source>
        <translation>输入形状未知</translation>
    </message>
    <message>
        <source>input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>日期未知</translation>
    </message>
    <message>
        <source>LibTorch version unknown</source>
        <translation>LibTorch 版本未知</translation>
    </message>
    <message>
        <source>LibTorch %1</source>
        <translation>LibTorch %1</translation>
    </message>
    <message>
        <source>%1 timed runs</source>
        <translation>%1 次计时运行</translation>
    </message>
    <message>
        <source>&lt;b&gt;Measured&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;实测&lt;/b&gt;：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>&lt;b&gt;Typed in&lt;/b&gt; (costs)</source>
        <translation>&lt;b&gt;手动输入&lt;/b&gt;（成本）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Imported&lt;/b&gt; from %1</source>
        <translation>&lt;b&gt;导入&lt;/b&gt;自 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Source not recorded&lt;/b&gt;</source>
        <translation>&lt;b&gt;来源未记录&lt;/b&gt;</translation>
    </message>
    <message>
        <source>; device %1, batch size %2</source>
        <translation>；设备 %1，批大小 %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;%1</source>
        <translation>&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>The spread did not settle: the largest IQR / median over the exits is %1 (the profiler&apos;s target is %2). The machine was busy or the profile too short; profile again with more time.</source>
        <translation>离散度未收敛：各出口中 IQR / 中位数的最大值为 %1（剖析器的目标为 %2）。机器当时较忙或剖析时间过短；请用更长时间重新剖析。</translation>
    </message>
    <message>
        <source>This profile has no spread (typed in or imported): bars of its costs only. A profile measured from a model (Open model and dataset) has the median, IQR, p90 and p99 of every exit.</source>
        <translation>此剖析没有离散度（手动输入或导入）：仅显示其成本的柱形。从模型测得的剖析（打开模型和数据集）包含每个出口的中位数、IQR、p90 和 p99。</translation>
    </message>
    <message>
        <source>Box: IQR around the median (red), whisker to p99, cross at p90. No per-stage times in this profile.</source>
        <translation>箱体：中位数（红色）周围的 IQR，须线延伸至 p99，叉号标示 p90。此剖析没有各阶段的时间。</translation>
    </message>
    <message>
        <source>Box: IQR around the median (red), whisker to p99, cross at p90. Narrow bars: what each exit adds, its stage&apos;s and its head&apos;s median time.</source>
        <translation>箱体：中位数（红色）周围的 IQR，须线延伸至 p99，叉号标示 p90。窄柱：每个出口增加的部分，即其阶段和输出头的中位时间。</translation>
    </message>
    <message>
        <source>Some p99 whiskers run off the top: the largest p99 is %1 %2.</source>
        <translation>部分 p99 须线超出顶部：最大的 p99 为 %1 %2。</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::MainWindow</name>
    <message>
        <source>about %1 s left</source>
        <translation>剩余约 %1 秒</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>剩余约 %1 分钟</translation>
    </message>
    <message>
        <source>E&amp;xplorer</source>
        <translation>探索(&amp;X)</translation>
    </message>
    <message>
        <source>Co&amp;mpare</source>
        <translation>对比(&amp;M)</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Operating point</source>
        <translation>工作点</translation>
    </message>
    <message>
        <source>Messages: warnings and errors of jobs and files</source>
        <translation>消息：任务和文件的警告与错误</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Recent &amp;files</source>
        <translation>最近的文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open traces…</source>
        <translation>打开轨迹(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;test trace…</source>
        <translation>打开测试轨迹(&amp;T)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;latency…</source>
        <translation>打开延迟(&amp;L)…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Open &amp;config…</source>
        <translation>打开配置(&amp;C)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Open &amp;model and dataset…</source>
        <translation>打开模型和数据集(&amp;M)…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Import &amp;EENet outputs…</source>
        <translation>导入 EENet 输出(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>&amp;Export config…</source>
        <translation>导出配置(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Save &amp;traces and latency…</source>
        <translation>保存轨迹和延迟(&amp;T)…</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Export c&amp;urves CSV…</source>
        <translation>导出曲线 CSV(&amp;U)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <source>Export &amp;plot…</source>
        <translation>导出图表(&amp;P)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>&amp;Fit the trade-off plot</source>
        <translation>适配权衡图(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>&amp;Compare policies</source>
        <translation>对比策略(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Policies</source>
        <translation>策略(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Run sweep</source>
        <translation>运行扫描(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About exitscope</source>
        <translation>关于 exitscope(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Lan&amp;guage (at the next start)</source>
        <translation>语言（下次启动时生效）(&amp;G)</translation>
    </message>
    <message>
        <source>Language set to %1: it takes effect when exitscope starts again.</source>
        <translation>语言已设为 %1：下次启动 exitscope 时生效。</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the running job (Ctrl+.)</source>
        <translation>取消正在运行的任务（Ctrl+.）</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %Ln sweep rows</source>
        <translation>
            <numerusform>就绪：%Ln 行扫描结果</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ready: %Ln sweep rows (incomplete)</source>
        <translation>
            <numerusform>就绪：%Ln 行扫描结果（不完整）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at %2 budget %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;，%2预算 %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;%2 %3 thresholds</source>
        <translation>%1&lt;br&gt;阈值：%2 %3</translation>
    </message>
    <message>
        <source>&lt;i&gt;Open a latency profile or type the exits&apos; costs (Data)&lt;/i&gt;</source>
        <translation>&lt;i&gt;请打开延迟剖析或输入各出口的成本（数据）&lt;/i&gt;</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;&lt;i&gt;evaluating…&lt;/i&gt;</source>
        <translation>%1&lt;br&gt;&lt;i&gt;正在评估…&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;No traces open&lt;/i&gt;</source>
        <translation>&lt;i&gt;未打开轨迹&lt;/i&gt;</translation>
    </message>
    <message>
        <source>no test trace open</source>
        <translation>未打开测试轨迹</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Trade-off plot</source>
        <translation>权衡图</translation>
    </message>
    <message>
        <source>Histogram of exit %1</source>
        <translation>出口 %1 的直方图</translation>
    </message>
    <message>
        <source>Comparison: curves</source>
        <translation>对比：曲线</translation>
    </message>
    <message>
        <source>Comparison: gain over the baseline</source>
        <translation>对比：相对基准的增益</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>About exitscope</source>
        <translation>关于 exitscope</translation>
    </message>
    <message>
        <source>&lt;b&gt;exitscope %1&lt;/b&gt;&lt;p&gt;Tune the exit thresholds of early-exit neural networks: compare the policies&apos; accuracy-vs-budget curves, drag thresholds, export them.&lt;/p&gt;&lt;p&gt;LibTorch %2, Qt %3, QCustomPlot 2.1.&lt;/p&gt;</source>
        <translation>&lt;b&gt;exitscope %1&lt;/b&gt;&lt;p&gt;调节早退神经网络的出口阈值：对比各策略的准确率-预算曲线，拖动阈值并导出。&lt;/p&gt;&lt;p&gt;LibTorch %2，Qt %3，QCustomPlot 2.1。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Session sources changed</source>
        <translation>会话的源文件已更改</translation>
    </message>
    <message>
        <source>Recent sessio&amp;ns</source>
        <translation>最近的会话(&amp;N)</translation>
    </message>
    <message>
        <source>Open sess&amp;ion…</source>
        <translation>打开会话(&amp;I)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <source>Save session &amp;as…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save this window&apos;s work as a session before closing?</source>
        <translation>关闭前将此窗口的工作保存为会话？</translation>
    </message>
    <message>
        <source>Save the changes to %1 before closing?</source>
        <translation>关闭前保存对 %1 的更改？</translation>
    </message>
    <message>
        <source>&amp;Latency</source>
        <translation>延迟(&amp;L)</translation>
    </message>
    <message>
        <source>Real &amp;run</source>
        <translation>实际运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Latency profiles</source>
        <translation>延迟剖析(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>&amp;Real run: predicted vs measured</source>
        <translation>实际运行：预测与实测对比(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>M&amp;odel</source>
        <translation>模型(&amp;O)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+G</source>
        <translation>Ctrl+Shift+G</translation>
    </message>
    <message>
        <source>Latency profile</source>
        <translation>延迟剖析</translation>
    </message>
    <message>
        <source>Real run: exit hits</source>
        <translation>实际运行：各出口命中</translation>
    </message>
    <message>
        <source>%1: done in %2 s</source>
        <translation>%1：用时 %2 秒</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::ModelDialog</name>
    <message>
        <source>Open model and dataset</source>
        <translation>打开模型和数据集</translation>
    </message>
    <message>
        <source>multi-exit TorchScript model (.pt)</source>
        <translation>多出口 TorchScript 模型（.pt）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>The kind of files Browse looks for (the spec&apos;s kind:)</source>
        <translation>“浏览”查找的文件类型（规格中的 kind:）</translation>
    </message>
    <message>
        <source>kind:path[,labels][?key=value&amp;…]</source>
        <translation>kind:路径[,labels][?键=值&amp;…]</translation>
    </message>
    <message>
        <source>Dataset spec (docs/datasets.md), e.g. mnist:/data/fashion-mnist?val=5000&amp;seed=1</source>
        <translation>数据集规格（docs/datasets.md），例如 mnist:/data/fashion-mnist?val=5000&amp;seed=1</translation>
    </message>
    <message>
        <source>&amp;Dataset:</source>
        <translation>数据集(&amp;D)：</translation>
    </message>
    <message>
        <source>0.5</source>
        <translation>0.5</translation>
    </message>
    <message>
        <source>val=: the share (0..1) or the number of samples that form the val split</source>
        <translation>val=：构成验证集的样本比例（0..1）或数量</translation>
    </message>
    <message>
        <source>seed=: of the split&apos;s permutation</source>
        <translation>seed=：数据划分所用排列的随机种子</translation>
    </message>
    <message>
        <source>&amp;Val split:</source>
        <translation>验证集划分(&amp;V)：</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>e.g. 0.4914,0.4822,0.4465</source>
        <translation>例如 0.4914,0.4822,0.4465</translation>
    </message>
    <message>
        <source>e.g. 0.2470,0.2435,0.2616</source>
        <translation>例如 0.2470,0.2435,0.2616</translation>
    </message>
    <message>
        <source>&amp;Normalize:</source>
        <translation>归一化(&amp;N)：</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>optional: held-out training data; the dataset is then the test set</source>
        <translation>可选：留出的训练数据；此时上面的数据集作为测试集</translation>
    </message>
    <message>
        <source>Val d&amp;ataset:</source>
        <translation>验证数据集(&amp;A)：</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>CUDA unavailable: %1</source>
        <translation>CUDA 不可用：%1</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>全部核心</translation>
    </message>
    <message>
        <source>D&amp;evice:</source>
        <translation>设备(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>线程数(&amp;T)：</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <source>Collect traces and profile</source>
        <translation>采集轨迹并剖析</translation>
    </message>
    <message>
        <source>Choose a model and a dataset.</source>
        <translation>请选择模型和数据集。</translation>
    </message>
    <message>
        <source>Open a multi-exit TorchScript model</source>
        <translation>打开多出口 TorchScript 模型</translation>
    </message>
    <message>
        <source>TorchScript model (*.pt *.pth *.zip);;All files (*)</source>
        <translation>TorchScript 模型 (*.pt *.pth *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Inputs .npy (and, optionally, the labels .npy)</source>
        <translation>输入 .npy（以及可选的标签 .npy）</translation>
    </message>
    <message>
        <source>NumPy arrays (*.npy)</source>
        <translation>NumPy 数组 (*.npy)</translation>
    </message>
    <message>
        <source>Dataset .npz</source>
        <translation>数据集 .npz</translation>
    </message>
    <message>
        <source>NumPy archive (*.npz)</source>
        <translation>NumPy 归档 (*.npz)</translation>
    </message>
    <message>
        <source>Dataset folder (%1)</source>
        <translation>数据集文件夹（%1）</translation>
    </message>
    <message>
        <source>Reading the model and the dataset…</source>
        <translation>正在读取模型和数据集…</translation>
    </message>
    <message>
        <source>Reading the model</source>
        <translation>正在读取模型</translation>
    </message>
    <message>
        <source>Found:</source>
        <translation>检测到：</translation>
    </message>
    <message>
        <source>&lt;font color=#c0392b&gt;%1&lt;/font&gt;</source>
        <translation>&lt;font color=#c0392b&gt;%1&lt;/font&gt;</translation>
    </message>
    <message>
        <source>Samples per batch while collecting traces</source>
        <translation>采集轨迹时每批的样本数</translation>
    </message>
    <message>
        <source>e.g. 1, 8, 64</source>
        <translation>例如 1, 8, 64</translation>
    </message>
    <message>
        <source>The latency is profiled at each batch size; tuning starts with the first, the latency view chooses another</source>
        <translation>在每个批大小下剖析延迟；调节从第一个开始，可在“延迟”视图中选择其他批大小</translation>
    </message>
    <message>
        <source>&amp;Profile at batch sizes:</source>
        <translation>剖析所用批大小(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::ModelRunner</name>
    <message>
        <source>model run stopped: other files were opened</source>
        <translation>模型运行已停止：打开了其他文件</translation>
    </message>
    <message>
        <source>%1 ▸ %2</source>
        <translation>%1 ▸ %2</translation>
    </message>
    <message>
        <source>collecting traces: %1 on %2</source>
        <translation>正在采集轨迹：%1，设备 %2</translation>
    </message>
    <message>
        <source>Collecting traces</source>
        <translation>正在采集轨迹</translation>
    </message>
    <message>
        <source>Cannot collect traces</source>
        <translation>无法采集轨迹</translation>
    </message>
    <message>
        <source>val</source>
        <translation>验证</translation>
    </message>
    <message numerus="yes">
        <source>val trace collected: %Ln samples, %1 exits; collecting the test split</source>
        <translation>
            <numerusform>验证轨迹已采集：%Ln 个样本，%1 个出口；正在采集测试集</numerusform>
        </translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message numerus="yes">
        <source>test trace collected: %Ln samples</source>
        <translation>
            <numerusform>测试轨迹已采集：%Ln 个样本</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is monolithic: its per-exit latency cannot be measured; open a latency profile or type the costs</source>
        <translation>%1 是整体式模型：无法测量各出口的延迟；请打开延迟剖析或输入成本</translation>
    </message>
    <message>
        <source>Profiling latency</source>
        <translation>正在剖析延迟</translation>
    </message>
    <message>
        <source>Cannot profile the latency</source>
        <translation>无法剖析延迟</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>剖析</translation>
    </message>
    <message>
        <source>trace collection stopped</source>
        <translation>轨迹采集已停止</translation>
    </message>
    <message>
        <source>latency profiling stopped</source>
        <translation>延迟剖析已停止</translation>
    </message>
    <message>
        <source>the collected val trace stays: nothing was open before</source>
        <translation>保留已采集的验证轨迹：之前没有打开任何文件</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>Save traces and latency into</source>
        <translation>将轨迹和延迟保存到</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Save traces</source>
        <translation>保存轨迹</translation>
    </message>
    <message numerus="yes">
        <source>latency profiled on %1: %2 ms to the last exit (batch %3, %Ln timed runs)</source>
        <translation>
            <numerusform>已在 %1 上剖析延迟：到最后一个出口 %2 ms（批大小 %3，%Ln 次计时运行）</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving traces</source>
        <translation>正在保存轨迹</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::OperatingPointPanel</name>
    <message>
        <source>val</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <source>mean cost</source>
        <translation>平均成本</translation>
    </message>
    <message>
        <source>p90 cost</source>
        <translation>p90 成本</translation>
    </message>
    <message>
        <source>p99 cost</source>
        <translation>p99 成本</translation>
    </message>
    <message>
        <source>speed-up</source>
        <translation>加速比</translation>
    </message>
    <message>
        <source>Share of the samples whose answer is the final exit&apos;s</source>
        <translation>答案与最终出口一致的样本比例</translation>
    </message>
    <message>
        <source>The full model&apos;s cost (every sample to the last exit) over the mean cost</source>
        <translation>完整模型的成本（每个样本都到最后一个出口）除以平均成本</translation>
    </message>
    <message>
        <source>exit distribution</source>
        <translation>出口分布</translation>
    </message>
    <message>
        <source>val, by exit</source>
        <translation>验证，按出口</translation>
    </message>
    <message>
        <source>test, by exit</source>
        <translation>测试，按出口</translation>
    </message>
    <message>
        <source>per exit, val</source>
        <translation>各出口，验证</translation>
    </message>
    <message>
        <source>per exit, test</source>
        <translation>各出口，测试</translation>
    </message>
    <message>
        <source>mean cost (%1)</source>
        <translation>平均成本（%1）</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::PlotExport</name>
    <message>
        <source>%1: unknown image format &apos;%2&apos; (expected .png, .svg or .pdf)</source>
        <translation>%1：未知的图像格式“%2”（应为 .png、.svg 或 .pdf）</translation>
    </message>
    <message>
        <source>no suffix</source>
        <translation>无扩展名</translation>
    </message>
    <message>
        <source>%1: the plot has no size to draw</source>
        <translation>%1：图表没有可绘制的尺寸</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>drawing failed</source>
        <translation>绘制失败</translation>
    </message>
    <message>
        <source>%1: cannot write the image: %2</source>
        <translation>%1：无法写入图像：%2</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::PolicyPanel</name>
    <message>
        <source>heuristic (AAAI21 baseline)</source>
        <translation>启发式（AAAI21 基准）</translation>
    </message>
    <message>
        <source>BranchyNet</source>
        <translation>BranchyNet</translation>
    </message>
    <message>
        <source>MSDNet</source>
        <translation>MSDNet</translation>
    </message>
    <message>
        <source>iPPP (AAAI21)</source>
        <translation>iPPP (AAAI21)</translation>
    </message>
    <message>
        <source>EENet (WACV 2024; trains)</source>
        <translation>EENet（WACV 2024；需训练）</translation>
    </message>
    <message>
        <source>SelfXit (label-free)</source>
        <translation>SelfXit（无标签）</translation>
    </message>
    <message>
        <source>patience (PABEE)</source>
        <translation>耐心（PABEE）</translation>
    </message>
    <message>
        <source>best (Exitscope)</source>
        <translation>最优（Exitscope）</translation>
    </message>
    <message>
        <source>oracle (upper bound)</source>
        <translation>oracle（上界）</translation>
    </message>
    <message>
        <source>Checked policies are swept; the selected one is loaded by the budget cursor</source>
        <translation>勾选的策略参与扫描；选中的策略由预算游标加载</translation>
    </message>
    <message>
        <source>budgets</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>How many budgets, both ends included</source>
        <translation>预算个数，含两端</translation>
    </message>
    <message>
        <source>mean cost</source>
        <translation>平均成本</translation>
    </message>
    <message>
        <source>p90 cost</source>
        <translation>p90 成本</translation>
    </message>
    <message>
        <source>budget bounds</source>
        <translation>预算范围</translation>
    </message>
    <message>
        <source>relative to the reference cost</source>
        <translation>相对参考成本</translation>
    </message>
    <message>
        <source>label-free (agreement with the final exit)</source>
        <translation>无标签（与最终出口的一致率）</translation>
    </message>
    <message>
        <source>The budget cursor: the selected policy&apos;s thresholds at this budget are loaded</source>
        <translation>预算游标：加载所选策略在此预算下的阈值</translation>
    </message>
    <message>
        <source>budget cursor</source>
        <translation>预算游标</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::RunView</name>
    <message>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Run operating point for &amp;real</source>
        <translation>实际运行工作点(&amp;R)</translation>
    </message>
    <message>
        <source>Run operating point for real</source>
        <translation>实际运行工作点</translation>
    </message>
    <message>
        <source>&lt;b&gt;Latency per sample&lt;/b&gt;</source>
        <translation>&lt;b&gt;每个样本的延迟&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Exits taken&lt;/b&gt;: the run beside the trace-based evaluation</source>
        <translation>&lt;b&gt;退出的出口&lt;/b&gt;：实际运行与基于轨迹的评估对照</translation>
    </message>
    <message>
        <source>A run is in progress (Cancel in the status bar stops it).</source>
        <translation>正在运行（状态栏中的“取消”可将其停止）。</translation>
    </message>
    <message>
        <source>Needs traces collected from a model in this window (File &gt; Open model and dataset): the run checks them sample by sample.</source>
        <translation>需要在此窗口中从模型采集的轨迹（文件 &gt; 打开模型和数据集）：运行会逐个样本核对它们。</translation>
    </message>
    <message>
        <source>Traces or latency are still being collected.</source>
        <translation>仍在采集轨迹或延迟。</translation>
    </message>
    <message>
        <source>The model is monolithic (forward only): it cannot stop at an early exit, so there is nothing to run.</source>
        <translation>该模型是整体式的（仅 forward）：无法在早期出口停止，因此没有可运行的内容。</translation>
    </message>
    <message>
        <source>No test trace: the run covers the test split and is checked against its trace.</source>
        <translation>没有测试轨迹：运行覆盖测试集，并与其轨迹核对。</translation>
    </message>
    <message>
        <source>No latency profile: the prediction needs one.</source>
        <translation>没有延迟剖析：预测需要它。</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
    </message>
    <message>
        <source>Cannot run the operating point</source>
        <translation>无法运行工作点</translation>
    </message>
    <message>
        <source>Runs the model with these thresholds on the test split and compares with the prediction</source>
        <translation>在测试集上以这些阈值运行模型，并与预测对比</translation>
    </message>
    <message>
        <source>real run of the operating point: %1 on the test split, batch size %2</source>
        <translation>工作点的实际运行：%1，测试集，批大小 %2</translation>
    </message>
    <message>
        <source>note: other jobs are running; the real run&apos;s measured latency includes their load</source>
        <translation>注意：其他任务正在运行；实际运行测得的延迟包含它们的负载</translation>
    </message>
    <message>
        <source>Running the operating point</source>
        <translation>正在运行工作点</translation>
    </message>
    <message>
        <source>real run: %1 of %2 exits and %3 of %2 predictions as the trace said; measured mean %4 ms</source>
        <translation>实际运行：%2 个出口中 %1 个、%2 个预测中 %3 个与轨迹一致；实测平均 %4 ms</translation>
    </message>
    <message>
        <source>the real run&apos;s report was dropped: the inputs changed</source>
        <translation>实际运行的报告已丢弃：输入已更改</translation>
    </message>
    <message>
        <source>&lt;b&gt;&lt;font color=#c0392b&gt;For the previous operating point&lt;/font&gt;&lt;/b&gt; (thresholds %1): the thresholds or the latency moved since; run again to check the new one.</source>
        <translation>&lt;b&gt;&lt;font color=#c0392b&gt;针对之前的工作点&lt;/font&gt;&lt;/b&gt;（阈值 %1）：此后阈值或延迟已变化；请重新运行以检验新的工作点。</translation>
    </message>
    <message>
        <source>&lt;b&gt;For the current operating point&lt;/b&gt; (thresholds %1).</source>
        <translation>&lt;b&gt;针对当前工作点&lt;/b&gt;（阈值 %1）。</translation>
    </message>
    <message>
        <source>&lt;i&gt;No real run yet.&lt;/i&gt; It runs the model the traces came from with the operating point&apos;s thresholds on the test split, times every sample and checks its exit and prediction against the trace-based evaluation.</source>
        <translation>&lt;i&gt;尚无实际运行。&lt;/i&gt;实际运行会在测试集上以工作点的阈值运行生成这些轨迹的模型，为每个样本计时，并将其出口和预测与基于轨迹的评估核对。</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <source>&lt;font color=#1e8449&gt;%1 of %2 exits and %3 of %2 predictions as the trace-based evaluation said&lt;/font&gt;</source>
        <translation>&lt;font color=#1e8449&gt;%2 个出口中 %1 个、%2 个预测中 %3 个与基于轨迹的评估一致&lt;/font&gt;</translation>
    </message>
    <message>
        <source>&lt;font color=#c0392b&gt;%1 of %2 exits and %3 of %2 predictions as the trace-based evaluation said&lt;/font&gt;</source>
        <translation>&lt;font color=#c0392b&gt;%2 个出口中 %1 个、%2 个预测中 %3 个与基于轨迹的评估一致&lt;/font&gt;</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>%1 (trace-based evaluation: %2)</source>
        <translation>%1（基于轨迹的评估：%2）</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>%1 samples/s</source>
        <translation>%1 样本/秒</translation>
    </message>
    <message>
        <source>Ran on</source>
        <translation>运行环境</translation>
    </message>
    <message>
        <source>%1, %2 thread(s), batch size %3</source>
        <translation>%1，%2 个线程，批大小 %3</translation>
    </message>
    <message>
        <source>Full model</source>
        <translation>完整模型</translation>
    </message>
    <message>
        <source>%1 ms when profiled, %2 ms right after the run%3</source>
        <translation>剖析时 %1 ms，运行刚结束时 %2 ms%3</translation>
    </message>
    <message>
        <source>: the machine&apos;s speed changed</source>
        <translation>：机器速度已变化</translation>
    </message>
    <message>
        <source>measured (ms)</source>
        <translation>实测（ms）</translation>
    </message>
    <message>
        <source>predicted (ms)</source>
        <translation>预测（ms）</translation>
    </message>
    <message>
        <source>measured vs predicted</source>
        <translation>实测对比预测</translation>
    </message>
    <message>
        <source>predicted, drift-corrected (ms)</source>
        <translation>预测，漂移校正（ms）</translation>
    </message>
    <message>
        <source>measured vs corrected</source>
        <translation>实测对比校正</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>n/a (not a time)</source>
        <translation>无（非时间）</translation>
    </message>
    <message>
        <source>hits (run)</source>
        <translation>命中（运行）</translation>
    </message>
    <message>
        <source>hits (predicted)</source>
        <translation>命中（预测）</translation>
    </message>
    <message>
        <source>difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>出口 %1</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::SessionController</name>
    <message>
        <source>saved the session %1</source>
        <translation>已保存会话 %1</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>exitscope sessions (*.exitscope)</source>
        <translation>exitscope 会话 (*.exitscope)</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>exitscope sessions (*.exitscope);;All files (*)</source>
        <translation>exitscope 会话 (*.exitscope);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 %2 is missing; the session cannot be opened without it</source>
        <translation>%1 %2 缺失；没有它无法打开会话</translation>
    </message>
    <message>
        <source>the val trace</source>
        <translation>验证轨迹</translation>
    </message>
    <message>
        <source>the test trace</source>
        <translation>测试轨迹</translation>
    </message>
    <message>
        <source>%1 %2 changed since the session was saved (SHA-256 was %3…, is now %4…)</source>
        <translation>%1 %2 自会话保存以来已更改（SHA-256 原为 %3…，现为 %4…）</translation>
    </message>
    <message>
        <source>the val trace&apos;s correctness</source>
        <translation>验证轨迹的正确性文件</translation>
    </message>
    <message>
        <source>the test trace&apos;s correctness</source>
        <translation>测试轨迹的正确性文件</translation>
    </message>
    <message>
        <source>%1 %2 is missing; %3</source>
        <translation>%1 %2 缺失；%3</translation>
    </message>
    <message>
        <source>%1 %2 changed since the session was saved; %3</source>
        <translation>%1 %2 自会话保存以来已更改；%3</translation>
    </message>
    <message>
        <source>the latency file</source>
        <translation>延迟文件</translation>
    </message>
    <message>
        <source>the latency as the session saved it is used</source>
        <translation>使用会话中保存的延迟</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>the traces saved with the session are used; collect them again to use the new model</source>
        <translation>使用随会话保存的轨迹；要使用新模型，请重新采集轨迹</translation>
    </message>
    <message>
        <source>Opening the session</source>
        <translation>正在打开会话</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>restored the autosaved state%1</source>
        <translation>已恢复自动保存的状态%1</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>opened the session %1</source>
        <translation>已打开会话 %1</translation>
    </message>
    <message>
        <source>The session&apos;s traces changed since it was saved:</source>
        <translation>会话的轨迹自保存以来已更改：</translation>
    </message>
    <message>
        <source>The files as they are now are open; the sweep&apos;s results were dropped (they were computed on the old data): run the sweep again.</source>
        <translation>已按当前内容打开文件；扫描结果已丢弃（它们基于旧数据计算）：请重新运行扫描。</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>Restore autosaved work</source>
        <translation>恢复自动保存的工作</translation>
    </message>
    <message>
        <source>exitscope did not close normally. The window&apos;s unsaved work was autosaved at %1. Restore it?</source>
        <translation>exitscope 未正常关闭。窗口中未保存的工作已于 %1 自动保存。是否恢复？</translation>
    </message>
    <message>
        <source>exitscope did not close normally while %1 had unsaved changes, autosaved at %2. Restore them?</source>
        <translation>exitscope 未正常关闭，当时 %1 有未保存的更改（已于 %2 自动保存）。是否恢复？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Saving the session</source>
        <translation>正在保存会话</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::ThresholdTableModel</name>
    <message>
        <source>A sample leaves at exit %1 when its %2 is %3 this; type a number (Enter) to move it</source>
        <translation>当样本的 %2 %3 此值时，从出口 %1 退出；输入数字（回车）以移动阈值</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>出口 %1</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>threshold: %1 %2</source>
        <translation>阈值：%1 %2</translation>
    </message>
    <message>
        <source>hit rate</source>
        <translation>命中率</translation>
    </message>
    <message>
        <source>threshold of exit %1: &apos;%2&apos; is not a number</source>
        <translation>出口 %1 的阈值：“%2”不是数字</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::TradeoffPlot</name>
    <message>
        <source>oracle bound</source>
        <translation>oracle 上界</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>帕累托前沿</translation>
    </message>
    <message>
        <source>full model</source>
        <translation>完整模型</translation>
    </message>
    <message>
        <source>exits alone</source>
        <translation>单个出口</translation>
    </message>
    <message>
        <source>operating point</source>
        <translation>工作点</translation>
    </message>
    <message>
        <source>val</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>exit %1 alone</source>
        <translation>仅出口 %1</translation>
    </message>
    <message>
        <source>budget: %1</source>
        <translation>预算：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>budget %1</source>
        <translation>预算 %1</translation>
    </message>
    <message>
        <source>mean cost</source>
        <translation>平均成本</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
</context>
</TS>
