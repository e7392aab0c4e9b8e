<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ModelRequest</name>
    <message>
        <source>Layout</source>
        <translation>Aufbau</translation>
    </message>
    <message>
        <source>staged (per-exit latency can be measured)</source>
        <translation>gestuft (Latenz je Ausgang messbar)</translation>
    </message>
    <message>
        <source>monolithic (forward only: no per-exit latency)</source>
        <translation>monolithisch (nur forward: keine Latenz je Ausgang)</translation>
    </message>
    <message>
        <source>Exits (K)</source>
        <translation>Ausgänge (K)</translation>
    </message>
    <message>
        <source>known after a first run</source>
        <translation>nach einem ersten Lauf bekannt</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <source>Model input</source>
        <translation>Modelleingabe</translation>
    </message>
    <message>
        <source>not told by the file</source>
        <translation>nicht in der Datei angegeben</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <source>%1 of shape %2</source>
        <translation>%1 der Form %2</translation>
    </message>
    <message>
        <source>Val</source>
        <translation>Val</translation>
    </message>
    <message numerus="yes">
        <source>%Ln samples of %1</source>
        <translation>
            <numerusform>%Ln Sample aus %1</numerusform>
            <numerusform>%Ln Samples aus %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message numerus="yes">
        <source>%Ln samples: %1</source>
        <translation>
            <numerusform>%Ln Sample: %1</numerusform>
            <numerusform>%Ln Samples: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message numerus="yes">
        <source>yes, %Ln classes</source>
        <translation>
            <numerusform>ja, %Ln Klasse</numerusform>
            <numerusform>ja, %Ln Klassen</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>none (label-free)</source>
        <translation>keine (label-frei)</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>head</source>
        <translation>Kopf</translation>
    </message>
    <message>
        <source>cumulative</source>
        <translation>kumuliert</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;font color=#c0392b&gt;The model&apos;s heads have %1 classes, the dataset %2.&lt;/font&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;font color=#c0392b&gt;Die Köpfe des Modells haben %1 Klassen, der Datensatz %2.&lt;/font&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
</context>
<context>
    <name>ThresholdCommand</name>
    <message>
        <source>threshold of exit %1: %2 to %3</source>
        <translation>Schwellenwert von Ausgang %1: %2 auf %3</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::CompareView</name>
    <message>
        <source>The policy the others are measured against: their gain is their accuracy minus its</source>
        <translation>Die Strategie, an der die anderen gemessen werden: ihr Gewinn ist ihre Accuracy minus deren</translation>
    </message>
    <message>
        <source>&amp;Baseline</source>
        <translation>&amp;Baseline</translation>
    </message>
    <message>
        <source>The policies drawn against the baseline (check or uncheck)</source>
        <translation>Die gegen die Baseline gezeichneten Strategien (an- oder abhaken)</translation>
    </message>
    <message>
        <source>compared &amp;with</source>
        <translation>verglichen &amp;mit</translation>
    </message>
    <message>
        <source>val</source>
        <translation>val</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>Whose numbers: the val trace the thresholds were tuned on, or the test trace</source>
        <translation>Wessen Zahlen: die val-Trace, auf der die Schwellenwerte abgestimmt wurden, oder die test-Trace</translation>
    </message>
    <message>
        <source>&amp;Split</source>
        <translation>&amp;Split</translation>
    </message>
    <message>
        <source>a few of the sweep&apos;s</source>
        <translation>einige des Sweeps</translation>
    </message>
    <message>
        <source>The budgets of the table, comma-separated, in the budget axis&apos;s unit; empty: five of the sweep&apos;s budgets across its range. A budget between two the sweep solved is interpolated (italics)</source>
        <translation>Die Budgets der Tabelle, kommagetrennt, in der Einheit der Budget-Achse; leer: fünf Budgets des Sweeps über seinen Bereich. Ein Budget zwischen zwei gelösten wird interpoliert (kursiv)</translation>
    </message>
    <message>
        <source>Table b&amp;udgets</source>
        <translation>Tabellen-B&amp;udgets</translation>
    </message>
    <message>
        <source>Export co&amp;mparison CSV…</source>
        <translation>&amp;Vergleich als CSV exportieren…</translation>
    </message>
    <message>
        <source>Write the table&apos;s budgets for both splits as CSV</source>
        <translation>Die Budgets der Tabelle für beide Splits als CSV schreiben</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Table budgets</source>
        <translation>Tabellen-Budgets</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>%1 cost (%2)</source>
        <translation>%1-Kosten (%2)</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>%1 budget (%2)</source>
        <translation>%1-Budget (%2)</translation>
    </message>
    <message>
        <source>Run a sweep (Policies, Ctrl+R) of two or more policies: the comparison uses its results, no new solving.</source>
        <translation>Führen Sie einen Sweep (Strategien, Strg+R) über zwei oder mehr Strategien aus: der Vergleich nutzt seine Ergebnisse, ohne neu zu lösen.</translation>
    </message>
    <message>
        <source>The sweep has one policy: sweep two or more to compare them.</source>
        <translation>Der Sweep hat eine Strategie: für einen Vergleich zwei oder mehr sweepen.</translation>
    </message>
    <message>
        <source>No test numbers: open a test trace and sweep again, or compare on val.</source>
        <translation>Keine test-Zahlen: eine test-Trace öffnen und erneut sweepen, oder auf val vergleichen.</translation>
    </message>
    <message>
        <source>Gain: %1 minus %2&apos;s at the same budget (one sweep solves every policy at the same budgets; a budget either lacks is left out). In the table, &lt;i&gt;italics&lt;/i&gt; are interpolated between the sweep&apos;s budgets.</source>
        <translation>Gewinn: %1 minus die von %2 beim selben Budget (ein Sweep löst jede Strategie bei denselben Budgets; ein Budget, das einer fehlt, entfällt). In der Tabelle sind &lt;i&gt;kursive&lt;/i&gt; Werte zwischen den Budgets des Sweeps interpoliert.</translation>
    </message>
    <message>
        <source>%1 (baseline)</source>
        <translation>%1 (Baseline)</translation>
    </message>
    <message>
        <source>%1 (test)</source>
        <translation>%1 (test)</translation>
    </message>
    <message>
        <source>gain over %1 (pp of %2)</source>
        <translation>Gewinn gegenüber %1 (Prozentpunkte von %2)</translation>
    </message>
    <message>
        <source>p90 cost</source>
        <translation>p90-Kosten</translation>
    </message>
    <message>
        <source>mean cost</source>
        <translation>mittlere Kosten</translation>
    </message>
    <message>
        <source>Export comparison CSV</source>
        <translation>Vergleich als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>Vergleich exportieren</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::ComparisonTableModel</name>
    <message>
        <source>%1%2 pp</source>
        <translation>%1%2 pp</translation>
    </message>
    <message>
        <source>%1 has no numbers at budget %2: outside the budgets the sweep solved</source>
        <translation>%1 hat keine Zahlen beim Budget %2: außerhalb der vom Sweep gelösten Budgets</translation>
    </message>
    <message>
        <source>%1&apos;s %2 minus %3&apos;s at budget %4, in percentage points</source>
        <translation>%2 von %1 minus die von %3 beim Budget %4, in Prozentpunkten</translation>
    </message>
    <message>
        <source>%1 at budget %2</source>
        <translation>%1 beim Budget %2</translation>
    </message>
    <message>
        <source> (interpolated linearly between the two budgets the sweep solved around it)</source>
        <translation> (linear interpoliert zwischen den beiden umgebenden Budgets, die der Sweep gelöst hat)</translation>
    </message>
    <message>
        <source>The budget (%1)</source>
        <translation>Das Budget (%1)</translation>
    </message>
    <message>
        <source>%1&apos;s %2</source>
        <translation>%2 von %1</translation>
    </message>
    <message>
        <source>%1&apos;s %2 (%3)</source>
        <translation>%2 von %1 (%3)</translation>
    </message>
    <message>
        <source>%1&apos;s gain over the baseline (%2) at equal budget, in percentage points of %3</source>
        <translation>Gewinn von %1 gegenüber der Baseline (%2) bei gleichem Budget, in Prozentpunkten von %3</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>budget
(%1)</source>
        <translation>Budget
(%1)</translation>
    </message>
    <message>
        <source>%1 (baseline)</source>
        <translation>%1 (Baseline)</translation>
    </message>
    <message>
        <source>gain (pp)</source>
        <translation>Gewinn (pp)</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::DataPanel</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>val</source>
        <translation>val</translation>
    </message>
    <message>
        <source>The trace thresholds are tuned on (.npz, or an AAAI21 _confidence.npy)</source>
        <translation>Die Trace, auf der die Schwellenwerte abgestimmt werden (.npz, oder eine AAAI21-_confidence.npy)</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>A held-out trace the thresholds are checked on</source>
        <translation>Eine zurückgehaltene Trace, auf der die Schwellenwerte geprüft werden</translation>
    </message>
    <message>
        <source>latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>A latency profile (.json) or EENet&apos;s seconds.csv</source>
        <translation>Ein Latenzprofil (.json) oder EENets seconds.csv</translation>
    </message>
    <message>
        <source>Type costs…</source>
        <translation>Kosten eingeben…</translation>
    </message>
    <message>
        <source>Cumulative cost per exit, c1,...,cK, as --costs takes them</source>
        <translation>Kumulierte Kosten je Ausgang, c1,...,cK, wie --costs sie nimmt</translation>
    </message>
    <message>
        <source>Cumulative cost to each exit: double-click or type to edit</source>
        <translation>Kumulierte Kosten bis zu jedem Ausgang: zum Bearbeiten doppelklicken oder tippen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The cost of the plain model without exits: relative budgets are fractions of it</source>
        <translation>Die Kosten des einfachen Modells ohne Ausgänge: relative Budgets sind Bruchteile davon</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Open a val trace (File ▸ Open traces, or drop files here).</source>
        <translation>Eine val-Trace öffnen (Datei ▸ Traces öffnen, oder Dateien hierher ziehen).</translation>
    </message>
    <message numerus="yes">
        <source>%1 exits, %Ln samples, %2 classes</source>
        <translation>
            <numerusform>%1 Ausgänge, %Ln Sample, %2 Klassen</numerusform>
            <numerusform>%1 Ausgänge, %Ln Samples, %2 Klassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 exits, %Ln samples</source>
        <translation>
            <numerusform>%1 Ausgänge, %Ln Sample</numerusform>
            <numerusform>%1 Ausgänge, %Ln Samples</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; labels known</source>
        <translation>%1; Labels bekannt</translation>
    </message>
    <message>
        <source>%1; no labels (label-free)</source>
        <translation>%1; keine Labels (label-frei)</translation>
    </message>
    <message numerus="yes">
        <source>%1; test: %Ln samples</source>
        <translation>
            <numerusform>%1; test: %Ln Sample</numerusform>
            <numerusform>%1; test: %Ln Samples</numerusform>
        </translation>
    </message>
    <message>
        <source>typed costs</source>
        <translation>eingegebene Kosten</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Cumulative cost per exit (c1,...,cK):</source>
        <translation>Kumulierte Kosten je Ausgang (c1,...,cK):</translation>
    </message>
    <message>
        <source>cost unit: %1</source>
        <translation>Kosteneinheit: %1</translation>
    </message>
    <message>
        <source>reference: &apos;%1&apos; is not a positive number</source>
        <translation>Referenz: &apos;%1&apos; ist keine positive Zahl</translation>
    </message>
    <message>
        <source>no reference cost</source>
        <translation>keine Referenzkosten</translation>
    </message>
    <message>
        <source>reference cost: %1</source>
        <translation>Referenzkosten: %1</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::Document</name>
    <message>
        <source>Reading files</source>
        <translation>Dateien werden gelesen</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <source>%1: its latency profile differs from the open one, which stays</source>
        <translation>%1: sein Latenzprofil weicht vom geöffneten ab, das bleibt</translation>
    </message>
    <message>
        <source>%1 closed: its exit count differs from the new val trace&apos;s</source>
        <translation>%1 geschlossen: seine Anzahl Ausgänge weicht von der neuen val-Trace ab</translation>
    </message>
    <message>
        <source>open latency %1</source>
        <translation>Latenz %1 öffnen</translation>
    </message>
    <message>
        <source>open config %1</source>
        <translation>Konfiguration %1 öffnen</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Relative budgets</source>
        <translation>Relative Budgets</translation>
    </message>
    <message>
        <source>relative budgets need the reference cost (the plain model without exits): set it in the latency table or open a latency profile with one</source>
        <translation>relative Budgets brauchen die Referenzkosten (das einfache Modell ohne Ausgänge): in der Latenztabelle setzen oder ein Latenzprofil mit Referenz öffnen</translation>
    </message>
    <message>
        <source>× reference</source>
        <translation>× Referenz</translation>
    </message>
    <message>
        <source>agreement with the final exit</source>
        <translation>Übereinstimmung mit dem letzten Ausgang</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>Evaluating</source>
        <translation>Auswertung läuft</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Schwellenwerte</translation>
    </message>
    <message>
        <source>Preparing the learned scorer</source>
        <translation>Der gelernte Scorer wird vorbereitet</translation>
    </message>
    <message>
        <source>threshold of exit %1: expected a finite number</source>
        <translation>Schwellenwert von Ausgang %1: endliche Zahl erwartet</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Sweep</translation>
    </message>
    <message>
        <source>open a val trace and a latency profile (or costs) first</source>
        <translation>zuerst eine val-Trace und ein Latenzprofil (oder Kosten) öffnen</translation>
    </message>
    <message>
        <source>%1 has no solved budget yet: run a sweep with it (only the quick policies are solved at once)</source>
        <translation>%1 hat noch kein gelöstes Budget: einen Sweep damit ausführen (nur die schnellen Strategien werden sofort gelöst)</translation>
    </message>
    <message>
        <source>%1 at budget %2</source>
        <translation>%1 beim Budget %2</translation>
    </message>
    <message>
        <source>Solving %1</source>
        <translation>%1 wird gelöst</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>the oracle is an upper bound (it knows each sample&apos;s answer), not thresholds to load</source>
        <translation>das Orakel ist eine obere Schranke (es kennt die Antwort jedes Samples), keine ladbaren Schwellenwerte</translation>
    </message>
    <message>
        <source>latency at batch size %1</source>
        <translation>Latenz bei Batch-Größe %1</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::EenetImportDialog</name>
    <message>
        <source>Import EENet outputs</source>
        <translation>EENet-Ausgaben importieren</translation>
    </message>
    <message>
        <source>EENet&apos;s evaluation writes &lt;tt&gt;logits_single.pth&lt;/tt&gt;: the softmax outputs of every exit on its val split (thresholds are chosen there) and its test split (reported). The latency comes from &lt;tt&gt;seconds.csv&lt;/tt&gt; (cumulative milliseconds per exit), else from &lt;tt&gt;flops.pth&lt;/tt&gt;; with neither, type the costs in the Data panel.</source>
        <translation>EENets Auswertung schreibt &lt;tt&gt;logits_single.pth&lt;/tt&gt;: die Softmax-Ausgaben jedes Ausgangs auf seinem val-Split (dort werden die Schwellenwerte gewählt) und seinem test-Split (berichtet). Die Latenz kommt aus &lt;tt&gt;seconds.csv&lt;/tt&gt; (kumulierte Millisekunden je Ausgang), sonst aus &lt;tt&gt;flops.pth&lt;/tt&gt;; ohne beide die Kosten im Daten-Panel eingeben.</translation>
    </message>
    <message>
        <source>&amp;Logits:</source>
        <translation>&amp;Logits:</translation>
    </message>
    <message>
        <source>EENet logits (*.pth);;All files (*)</source>
        <translation>EENet-Logits (*.pth);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Seconds (optional):</source>
        <translation>&amp;Sekunden (optional):</translation>
    </message>
    <message>
        <source>EENet seconds.csv (*.csv);;All files (*)</source>
        <translation>EENet seconds.csv (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;FLOPs (optional):</source>
        <translation>&amp;FLOPs (optional):</translation>
    </message>
    <message>
        <source>EENet flops (*.pth);;All files (*)</source>
        <translation>EENet-FLOPs (*.pth);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::ExitHistogramPlot</name>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <source>disagree</source>
        <translation>uneinig</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>falsch</translation>
    </message>
    <message>
        <source>agree</source>
        <translation>einig</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>richtig</translation>
    </message>
    <message>
        <source>score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>exit %1 · leaves at score %2 %3
hits %4 · hit rate %5 · %6 %7</source>
        <translation>Ausgang %1 · verlassen bei Score %2 %3
Treffer %4 · Trefferquote %5 · %6 %7</translation>
    </message>
    <message>
        <source>exit %1 · score %2 %3
hits %4 · hit rate %5
%6 %7</source>
        <translation>Ausgang %1 · Score %2 %3
Treffer %4 · Trefferquote %5
%6 %7</translation>
    </message>
    <message>
        <source>exit %1: %2 %3
hits %4
hit rate %5
%6 %7</source>
        <translation>Ausgang %1: %2 %3
Treffer %4
Trefferquote %5
%6 %7</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::ExitOutcomeModel</name>
    <message>
        <source>cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>erreicht</translation>
    </message>
    <message>
        <source>hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>hit rate</source>
        <translation>Treffer-
quote</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Accuracy</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::ExitShareBars</name>
    <message>
        <source>exit %1: %2%</source>
        <translation>Ausgang %1: %2%</translation>
    </message>
    <message>
        <source>no operating point</source>
        <translation>kein Arbeitspunkt</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::ExplorerView</name>
    <message>
        <source>Thresholds: type a value and press Enter (Ctrl+Z undoes it)</source>
        <translation>Schwellenwerte: einen Wert eingeben und Enter drücken (Strg+Z macht es rückgängig)</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Schwellenwerte</translation>
    </message>
    <message>
        <source>%1 cost (%2)</source>
        <translation>%1-Kosten (%2)</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source> (test)</source>
        <translation> (test)</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::FileActions</name>
    <message>
        <source>Score direction</source>
        <translation>Score-Richtung</translation>
    </message>
    <message>
        <source>%1 holds AAAI21 confidence scores. Which scores are more confident?</source>
        <translation>%1 enthält AAAI21-Konfidenzwerte. Welche Werte sind konfidenter?</translation>
    </message>
    <message>
        <source>Lower (entropy)</source>
        <translation>Niedrigere (Entropie)</translation>
    </message>
    <message>
        <source>Higher (probability)</source>
        <translation>Höhere (Wahrscheinlichkeit)</translation>
    </message>
    <message>
        <source>Open traces (val, and test)</source>
        <translation>Traces öffnen (val, und test)</translation>
    </message>
    <message>
        <source>Traces (*.npz *_confidence.npy);;All files (*)</source>
        <translation>Traces (*.npz *_confidence.npy);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open test trace</source>
        <translation>test-Trace öffnen</translation>
    </message>
    <message>
        <source>Open latency</source>
        <translation>Latenz öffnen</translation>
    </message>
    <message>
        <source>Latency profiles (*.json);;EENet seconds.csv (*.csv);;All files (*)</source>
        <translation>Latenzprofile (*.json);;EENet seconds.csv (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open threshold config</source>
        <translation>Schwellenwert-Konfiguration öffnen</translation>
    </message>
    <message>
        <source>Threshold configs (*.json);;All files (*)</source>
        <translation>Schwellenwert-Konfigurationen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <source>%1: not a trace (.npz, _confidence.npy, EENet .pth), latency profile, seconds.csv or threshold config</source>
        <translation>%1: keine Trace (.npz, _confidence.npy, EENet-.pth), kein Latenzprofil, keine seconds.csv und keine Schwellenwert-Konfiguration</translation>
    </message>
    <message>
        <source>&amp;%1 %2 (%3)</source>
        <translation>&amp;%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Export threshold config</source>
        <translation>Schwellenwert-Konfiguration exportieren</translation>
    </message>
    <message>
        <source>Threshold configs (*.json)</source>
        <translation>Schwellenwert-Konfigurationen (*.json)</translation>
    </message>
    <message>
        <source>Export curves</source>
        <translation>Kurven exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Traces and sessions (*.npz *_confidence.npy *.exitscope);;All files (*)</source>
        <translation>Traces und Sitzungen (*.npz *_confidence.npy *.exitscope);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 is a session: it was opened alone, without the other files</source>
        <translation>%1 ist eine Sitzung: sie wurde allein geöffnet, ohne die anderen Dateien</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::GainPlot</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; vs %2&lt;br&gt;budget: %3&lt;br&gt;%4 vs %5&lt;br&gt;gain: %6%7 pp</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; vs. %2&lt;br&gt;Budget: %3&lt;br&gt;%4 vs. %5&lt;br&gt;Gewinn: %6%7 pp</translation>
    </message>
    <message>
        <source>%1 (baseline)</source>
        <translation>%1 (Baseline)</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::HitsPlot</name>
    <message>
        <source>predicted (trace)</source>
        <translation>vorhergesagt (Trace)</translation>
    </message>
    <message>
        <source>real run</source>
        <translation>realer Lauf</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>Samples</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::JobRunner</name>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::Language</name>
    <message>
        <source>System</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::LatencyPlot</name>
    <message>
        <source>mean cumulative latency</source>
        <translation>mittlere kumulierte Latenz</translation>
    </message>
    <message>
        <source>median, IQR, p99 whisker</source>
        <translation>Median, IQR, p99-Whisker</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>this exit&apos;s stage</source>
        <translation>Stufe dieses Ausgangs</translation>
    </message>
    <message>
        <source>this exit&apos;s head</source>
        <translation>Kopf dieses Ausgangs</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>full model (reference): %1 %2</source>
        <translation>volles Modell (Referenz): %1 %2</translation>
    </message>
    <message>
        <source>cumulative latency</source>
        <translation>kumulierte Latenz</translation>
    </message>
    <message>
        <source>cumulative latency (%1)</source>
        <translation>kumulierte Latenz (%1)</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::LatencyTableModel</name>
    <message>
        <source>What a sample pays to reach and take exit %1 (every stage and exit head on the way); edit it to re-evaluate everything</source>
        <translation>Was ein Sample zahlt, um Ausgang %1 zu erreichen und zu nehmen (jede Stufe und jeder Ausgangskopf auf dem Weg); bearbeiten, um alles neu auszuwerten</translation>
    </message>
    <message>
        <source>Median of the timed runs to exit %1</source>
        <translation>Median der gemessenen Läufe bis Ausgang %1</translation>
    </message>
    <message>
        <source>Interquartile range (p75 - p25) of the timed runs to exit %1</source>
        <translation>Interquartilsabstand (p75 - p25) der gemessenen Läufe bis Ausgang %1</translation>
    </message>
    <message>
        <source>90th percentile of the timed runs to exit %1</source>
        <translation>90. Perzentil der gemessenen Läufe bis Ausgang %1</translation>
    </message>
    <message>
        <source>99th percentile of the timed runs to exit %1</source>
        <translation>99. Perzentil der gemessenen Läufe bis Ausgang %1</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>Ausgang %1</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>In %1</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>cost (%1)</source>
        <translation>Kosten (%1)</translation>
    </message>
    <message>
        <source>median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>IQR</source>
        <translation>IQR</translation>
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
        <translation>Kosten von Ausgang %1: &apos;%2&apos; ist keine Zahl</translation>
    </message>
    <message>
        <source>cost of exit %1: %2</source>
        <translation>Kosten von Ausgang %1: %2</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::LatencyView</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>The profile tuning follows: the evaluation, sweeps and exports use its costs</source>
        <translation>Das Profil, dem die Abstimmung folgt: Auswertung, Sweeps und Exporte nutzen seine Kosten</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>Batch-&amp;Größe:</translation>
    </message>
    <message>
        <source>&lt;i&gt;No latency profile: open one, type the costs in the Data dock, or open a model and a dataset to measure it&lt;/i&gt;</source>
        <translation>&lt;i&gt;Kein Latenzprofil: eines öffnen, die Kosten im Daten-Panel eingeben oder ein Modell und einen Datensatz öffnen, um es zu messen&lt;/i&gt;</translation>
    </message>
    <message>
        <source>device unknown</source>
        <translation>Gerät unbekannt</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>%1 thread(s)</source>
        <translation>%1 Thread(s)</translation>
    </message>
    <message>
        <source>threads unknown</source>
        <translation>Threads unbekannt</translation>
    </message>
    <message>
        <source>batch size %1</source>
        <translation>Batch-Größe %1</translation>
    </message>
    <message>
        <source>batch size unknown</source>
        <translation>Batch-Größe unbekannt</translation>
    </message>
    <message>
        <source>input shape unknown</source>
        <translation>Eingabeform unbekannt</translation>
    </message>
    <message>
        <source>input %1</source>
        <translation>Eingabe %1</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>Datum unbekannt</translation>
    </message>
    <message>
        <source>LibTorch version unknown</source>
        <translation>LibTorch-Version unbekannt</translation>
    </message>
    <message>
        <source>LibTorch %1</source>
        <translation>LibTorch %1</translation>
    </message>
    <message>
        <source>%1 timed runs</source>
        <translation>%1 gemessene Läufe</translation>
    </message>
    <message>
        <source>&lt;b&gt;Measured&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Gemessen&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>&lt;b&gt;Typed in&lt;/b&gt; (costs)</source>
        <translation>&lt;b&gt;Eingegeben&lt;/b&gt; (Kosten)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Imported&lt;/b&gt; from %1</source>
        <translation>&lt;b&gt;Importiert&lt;/b&gt; aus %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Source not recorded&lt;/b&gt;</source>
        <translation>&lt;b&gt;Quelle nicht erfasst&lt;/b&gt;</translation>
    </message>
    <message>
        <source>; device %1, batch size %2</source>
        <translation>; Gerät %1, Batch-Größe %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;%1</source>
        <translation>&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>The spread did not settle: the largest IQR / median over the exits is %1 (the profiler&apos;s target is %2). The machine was busy or the profile too short; profile again with more time.</source>
        <translation>Die Streuung hat sich nicht stabilisiert: das größte Verhältnis IQR / Median über die Ausgänge ist %1 (Ziel des Profilers: %2). Der Rechner war ausgelastet oder das Profil zu kurz; mit mehr Zeit erneut profilieren.</translation>
    </message>
    <message>
        <source>This profile has no spread (typed in or imported): bars of its costs only. A profile measured from a model (Open model and dataset) has the median, IQR, p90 and p99 of every exit.</source>
        <translation>Dieses Profil hat keine Streuung (eingegeben oder importiert): nur Balken seiner Kosten. Ein an einem Modell gemessenes Profil (Modell und Datensatz öffnen) hat Median, IQR, p90 und p99 jedes Ausgangs.</translation>
    </message>
    <message>
        <source>Box: IQR around the median (red), whisker to p99, cross at p90. No per-stage times in this profile.</source>
        <translation>Box: IQR um den Median (rot), Whisker bis p99, Kreuz bei p90. Dieses Profil hat keine Zeiten je Stufe.</translation>
    </message>
    <message>
        <source>Box: IQR around the median (red), whisker to p99, cross at p90. Narrow bars: what each exit adds, its stage&apos;s and its head&apos;s median time.</source>
        <translation>Box: IQR um den Median (rot), Whisker bis p99, Kreuz bei p90. Schmale Balken: was jeder Ausgang hinzufügt, die Median-Zeit seiner Stufe und seines Kopfs.</translation>
    </message>
    <message>
        <source>Some p99 whiskers run off the top: the largest p99 is %1 %2.</source>
        <translation>Einige p99-Whisker ragen oben hinaus: das größte p99 ist %1 %2.</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::MainWindow</name>
    <message>
        <source>about %1 s left</source>
        <translation>noch etwa %1 s</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>noch etwa %1 min</translation>
    </message>
    <message>
        <source>E&amp;xplorer</source>
        <translation>E&amp;xplorer</translation>
    </message>
    <message>
        <source>Co&amp;mpare</source>
        <translation>&amp;Vergleich</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Strategien</translation>
    </message>
    <message>
        <source>Operating point</source>
        <translation>Arbeitspunkt</translation>
    </message>
    <message>
        <source>Messages: warnings and errors of jobs and files</source>
        <translation>Meldungen: Warnungen und Fehler von Jobs und Dateien</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Recent &amp;files</source>
        <translation>&amp;Zuletzt geöffnete Dateien</translation>
    </message>
    <message>
        <source>&amp;Open traces…</source>
        <translation>Traces ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;test trace…</source>
        <translation>&amp;test-Trace öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;latency…</source>
        <translation>&amp;Latenz öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Open &amp;config…</source>
        <translation>&amp;Konfiguration öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Open &amp;model and dataset…</source>
        <translation>&amp;Modell und Datensatz öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Import &amp;EENet outputs…</source>
        <translation>&amp;EENet-Ausgaben importieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>&amp;Export config…</source>
        <translation>Konfiguration e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Save &amp;traces and latency…</source>
        <translation>Traces und L&amp;atenz speichern…</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Export c&amp;urves CSV…</source>
        <translation>Kurven als &amp;CSV exportieren…</translation>
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
        <translation>&amp;Plot exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>&amp;Fit the trade-off plot</source>
        <translation>Trade-off-Plot &amp;einpassen</translation>
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
        <translation>Strategien &amp;vergleichen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Policies</source>
        <translation>&amp;Strategien</translation>
    </message>
    <message>
        <source>&amp;Run sweep</source>
        <translation>Sweep &amp;ausführen</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About exitscope</source>
        <translation>&amp;Über exitscope</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Lan&amp;guage (at the next start)</source>
        <translation>&amp;Sprache (beim nächsten Start)</translation>
    </message>
    <message>
        <source>Language set to %1: it takes effect when exitscope starts again.</source>
        <translation>Sprache auf %1 gesetzt: sie gilt ab dem nächsten Start von exitscope.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the running job (Ctrl+.)</source>
        <translation>Den laufenden Job abbrechen (Strg+.)</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %Ln sweep rows</source>
        <translation>
            <numerusform>Bereit: %Ln Sweep-Zeile</numerusform>
            <numerusform>Bereit: %Ln Sweep-Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ready: %Ln sweep rows (incomplete)</source>
        <translation>
            <numerusform>Bereit: %Ln Sweep-Zeile (unvollständig)</numerusform>
            <numerusform>Bereit: %Ln Sweep-Zeilen (unvollständig)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at %2 budget %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; beim %2-Budget %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;%2 %3 thresholds</source>
        <translation>%1&lt;br&gt;Schwellenwerte: %2 %3</translation>
    </message>
    <message>
        <source>&lt;i&gt;Open a latency profile or type the exits&apos; costs (Data)&lt;/i&gt;</source>
        <translation>&lt;i&gt;Ein Latenzprofil öffnen oder die Kosten der Ausgänge eingeben (Daten)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;&lt;i&gt;evaluating…&lt;/i&gt;</source>
        <translation>%1&lt;br&gt;&lt;i&gt;wird ausgewertet…&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;No traces open&lt;/i&gt;</source>
        <translation>&lt;i&gt;Keine Traces geöffnet&lt;/i&gt;</translation>
    </message>
    <message>
        <source>no test trace open</source>
        <translation>keine test-Trace geöffnet</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Trade-off plot</source>
        <translation>Trade-off-Plot</translation>
    </message>
    <message>
        <source>Histogram of exit %1</source>
        <translation>Histogramm von Ausgang %1</translation>
    </message>
    <message>
        <source>Comparison: curves</source>
        <translation>Vergleich: Kurven</translation>
    </message>
    <message>
        <source>Comparison: gain over the baseline</source>
        <translation>Vergleich: Gewinn gegenüber der Baseline</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Plot exportieren</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>Plot</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>About exitscope</source>
        <translation>Über exitscope</translation>
    </message>
    <message>
        <source>&lt;b&gt;exitscope %1&lt;/b&gt;&lt;p&gt;Tune the exit thresholds of early-exit neural networks: compare the policies&apos; accuracy-vs-budget curves, drag thresholds, export them.&lt;/p&gt;&lt;p&gt;LibTorch %2, Qt %3, QCustomPlot 2.1.&lt;/p&gt;</source>
        <translation>&lt;b&gt;exitscope %1&lt;/b&gt;&lt;p&gt;Die Ausgangs-Schwellenwerte von Early-Exit-Netzen abstimmen: die Accuracy-Budget-Kurven der Strategien vergleichen, Schwellenwerte ziehen, exportieren.&lt;/p&gt;&lt;p&gt;LibTorch %2, Qt %3, QCustomPlot 2.1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Session sources changed</source>
        <translation>Quellen der Sitzung geändert</translation>
    </message>
    <message>
        <source>Recent sessio&amp;ns</source>
        <translation>Zuletzt geöffnete Sitzu&amp;ngen</translation>
    </message>
    <message>
        <source>Open sess&amp;ion…</source>
        <translation>S&amp;itzung öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>Sitzung &amp;speichern</translation>
    </message>
    <message>
        <source>Save session &amp;as…</source>
        <translation>Sitzung speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save this window&apos;s work as a session before closing?</source>
        <translation>Die Arbeit dieses Fensters vor dem Schließen als Sitzung speichern?</translation>
    </message>
    <message>
        <source>Save the changes to %1 before closing?</source>
        <translation>Die Änderungen an %1 vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>&amp;Latency</source>
        <translation>&amp;Latenz</translation>
    </message>
    <message>
        <source>Real &amp;run</source>
        <translation>&amp;Realer Lauf</translation>
    </message>
    <message>
        <source>&amp;Latency profiles</source>
        <translation>&amp;Latenzprofile</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>&amp;Real run: predicted vs measured</source>
        <translation>&amp;Realer Lauf: vorhergesagt vs. gemessen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>M&amp;odel</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <source>Ctrl+Shift+G</source>
        <translation>Ctrl+Shift+G</translation>
    </message>
    <message>
        <source>Latency profile</source>
        <translation>Latenzprofil</translation>
    </message>
    <message>
        <source>Real run: exit hits</source>
        <translation>Realer Lauf: Treffer je Ausgang</translation>
    </message>
    <message>
        <source>%1: done in %2 s</source>
        <translation>%1: fertig nach %2 s</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::ModelDialog</name>
    <message>
        <source>Open model and dataset</source>
        <translation>Modell und Datensatz öffnen</translation>
    </message>
    <message>
        <source>multi-exit TorchScript model (.pt)</source>
        <translation>Multi-Exit-TorchScript-Modell (.pt)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>The kind of files Browse looks for (the spec&apos;s kind:)</source>
        <translation>Die Art Dateien, nach der Durchsuchen sucht (das kind: der Spezifikation)</translation>
    </message>
    <message>
        <source>kind:path[,labels][?key=value&amp;…]</source>
        <translation>kind:pfad[,labels][?schlüssel=wert&amp;…]</translation>
    </message>
    <message>
        <source>Dataset spec (docs/datasets.md), e.g. mnist:/data/fashion-mnist?val=5000&amp;seed=1</source>
        <translation>Datensatz-Spezifikation (docs/datasets.md), z. B. mnist:/data/fashion-mnist?val=5000&amp;seed=1</translation>
    </message>
    <message>
        <source>&amp;Dataset:</source>
        <translation>&amp;Datensatz:</translation>
    </message>
    <message>
        <source>0.5</source>
        <translation>0.5</translation>
    </message>
    <message>
        <source>val=: the share (0..1) or the number of samples that form the val split</source>
        <translation>val=: der Anteil (0..1) oder die Anzahl der Samples, die den val-Split bilden</translation>
    </message>
    <message>
        <source>seed=: of the split&apos;s permutation</source>
        <translation>seed=: der Permutation des Splits</translation>
    </message>
    <message>
        <source>&amp;Val split:</source>
        <translation>&amp;Val-Split:</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>e.g. 0.4914,0.4822,0.4465</source>
        <translation>z. B. 0.4914,0.4822,0.4465</translation>
    </message>
    <message>
        <source>e.g. 0.2470,0.2435,0.2616</source>
        <translation>z. B. 0.2470,0.2435,0.2616</translation>
    </message>
    <message>
        <source>&amp;Normalize:</source>
        <translation>&amp;Normalisieren:</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>std</source>
        <translation>Std.-Abw.</translation>
    </message>
    <message>
        <source>optional: held-out training data; the dataset is then the test set</source>
        <translation>optional: zurückgehaltene Trainingsdaten; der Datensatz ist dann das test-Set</translation>
    </message>
    <message>
        <source>Val d&amp;ataset:</source>
        <translation>Val-D&amp;atensatz:</translation>
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
        <translation>CUDA nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <source>D&amp;evice:</source>
        <translation>G&amp;erät:</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>Batch-Größe</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>Was gefunden wurde</translation>
    </message>
    <message>
        <source>Collect traces and profile</source>
        <translation>Traces sammeln und profilieren</translation>
    </message>
    <message>
        <source>Choose a model and a dataset.</source>
        <translation>Ein Modell und einen Datensatz wählen.</translation>
    </message>
    <message>
        <source>Open a multi-exit TorchScript model</source>
        <translation>Ein Multi-Exit-TorchScript-Modell öffnen</translation>
    </message>
    <message>
        <source>TorchScript model (*.pt *.pth *.zip);;All files (*)</source>
        <translation>TorchScript-Modell (*.pt *.pth *.zip);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Inputs .npy (and, optionally, the labels .npy)</source>
        <translation>Eingaben .npy (und optional die Labels .npy)</translation>
    </message>
    <message>
        <source>NumPy arrays (*.npy)</source>
        <translation>NumPy-Arrays (*.npy)</translation>
    </message>
    <message>
        <source>Dataset .npz</source>
        <translation>Datensatz .npz</translation>
    </message>
    <message>
        <source>NumPy archive (*.npz)</source>
        <translation>NumPy-Archiv (*.npz)</translation>
    </message>
    <message>
        <source>Dataset folder (%1)</source>
        <translation>Datensatz-Ordner (%1)</translation>
    </message>
    <message>
        <source>Reading the model and the dataset…</source>
        <translation>Modell und Datensatz werden gelesen…</translation>
    </message>
    <message>
        <source>Reading the model</source>
        <translation>Modell wird gelesen</translation>
    </message>
    <message>
        <source>Found:</source>
        <translation>Gefunden:</translation>
    </message>
    <message>
        <source>&lt;font color=#c0392b&gt;%1&lt;/font&gt;</source>
        <translation>&lt;font color=#c0392b&gt;%1&lt;/font&gt;</translation>
    </message>
    <message>
        <source>Samples per batch while collecting traces</source>
        <translation>Samples je Batch beim Sammeln der Traces</translation>
    </message>
    <message>
        <source>e.g. 1, 8, 64</source>
        <translation>z. B. 1, 8, 64</translation>
    </message>
    <message>
        <source>The latency is profiled at each batch size; tuning starts with the first, the latency view chooses another</source>
        <translation>Die Latenz wird bei jeder Batch-Größe profiliert; die Abstimmung beginnt mit der ersten, die Latenz-Ansicht wählt eine andere</translation>
    </message>
    <message>
        <source>&amp;Profile at batch sizes:</source>
        <translation>&amp;Profilieren bei Batch-Größen:</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::ModelRunner</name>
    <message>
        <source>model run stopped: other files were opened</source>
        <translation>Modelllauf gestoppt: andere Dateien wurden geöffnet</translation>
    </message>
    <message>
        <source>%1 ▸ %2</source>
        <translation>%1 ▸ %2</translation>
    </message>
    <message>
        <source>collecting traces: %1 on %2</source>
        <translation>Traces werden gesammelt: %1 auf %2</translation>
    </message>
    <message>
        <source>Collecting traces</source>
        <translation>Traces werden gesammelt</translation>
    </message>
    <message>
        <source>Cannot collect traces</source>
        <translation>Traces können nicht gesammelt werden</translation>
    </message>
    <message>
        <source>val</source>
        <translation>val</translation>
    </message>
    <message numerus="yes">
        <source>val trace collected: %Ln samples, %1 exits; collecting the test split</source>
        <translation>
            <numerusform>val-Trace gesammelt: %Ln Sample, %1 Ausgänge; der test-Split wird gesammelt</numerusform>
            <numerusform>val-Trace gesammelt: %Ln Samples, %1 Ausgänge; der test-Split wird gesammelt</numerusform>
        </translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message numerus="yes">
        <source>test trace collected: %Ln samples</source>
        <translation>
            <numerusform>test-Trace gesammelt: %Ln Sample</numerusform>
            <numerusform>test-Trace gesammelt: %Ln Samples</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is monolithic: its per-exit latency cannot be measured; open a latency profile or type the costs</source>
        <translation>%1 ist monolithisch: seine Latenz je Ausgang lässt sich nicht messen; ein Latenzprofil öffnen oder die Kosten eingeben</translation>
    </message>
    <message>
        <source>Profiling latency</source>
        <translation>Latenz wird profiliert</translation>
    </message>
    <message>
        <source>Cannot profile the latency</source>
        <translation>Latenz kann nicht profiliert werden</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>trace collection stopped</source>
        <translation>Sammeln der Traces gestoppt</translation>
    </message>
    <message>
        <source>latency profiling stopped</source>
        <translation>Profilieren der Latenz gestoppt</translation>
    </message>
    <message>
        <source>the collected val trace stays: nothing was open before</source>
        <translation>die gesammelte val-Trace bleibt: vorher war nichts geöffnet</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Wiederherstellen nicht möglich</translation>
    </message>
    <message>
        <source>Save traces and latency into</source>
        <translation>Traces und Latenz speichern in</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Save traces</source>
        <translation>Traces speichern</translation>
    </message>
    <message numerus="yes">
        <source>latency profiled on %1: %2 ms to the last exit (batch %3, %Ln timed runs)</source>
        <translation>
            <numerusform>Latenz profiliert auf %1: %2 ms bis zum letzten Ausgang (Batch %3, %Ln gemessener Lauf)</numerusform>
            <numerusform>Latenz profiliert auf %1: %2 ms bis zum letzten Ausgang (Batch %3, %Ln gemessene Läufe)</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving traces</source>
        <translation>Traces werden gespeichert</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::OperatingPointPanel</name>
    <message>
        <source>val</source>
        <translation>val</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>mean cost</source>
        <translation>mittlere Kosten</translation>
    </message>
    <message>
        <source>p90 cost</source>
        <translation>p90-Kosten</translation>
    </message>
    <message>
        <source>p99 cost</source>
        <translation>p99-Kosten</translation>
    </message>
    <message>
        <source>speed-up</source>
        <translation>Speed-up</translation>
    </message>
    <message>
        <source>Share of the samples whose answer is the final exit&apos;s</source>
        <translation>Anteil der Samples, deren Antwort die des letzten Ausgangs ist</translation>
    </message>
    <message>
        <source>The full model&apos;s cost (every sample to the last exit) over the mean cost</source>
        <translation>Die Kosten des vollen Modells (jedes Sample bis zum letzten Ausgang) geteilt durch die mittleren Kosten</translation>
    </message>
    <message>
        <source>exit distribution</source>
        <translation>Verteilung auf die Ausgänge</translation>
    </message>
    <message>
        <source>val, by exit</source>
        <translation>val, je Ausgang</translation>
    </message>
    <message>
        <source>test, by exit</source>
        <translation>test, je Ausgang</translation>
    </message>
    <message>
        <source>per exit, val</source>
        <translation>je Ausgang, val</translation>
    </message>
    <message>
        <source>per exit, test</source>
        <translation>je Ausgang, test</translation>
    </message>
    <message>
        <source>mean cost (%1)</source>
        <translation>mittlere Kosten (%1)</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::PlotExport</name>
    <message>
        <source>%1: unknown image format &apos;%2&apos; (expected .png, .svg or .pdf)</source>
        <translation>%1: unbekanntes Bildformat &apos;%2&apos; (erwartet .png, .svg oder .pdf)</translation>
    </message>
    <message>
        <source>no suffix</source>
        <translation>keine Endung</translation>
    </message>
    <message>
        <source>%1: the plot has no size to draw</source>
        <translation>%1: der Plot hat keine Größe zum Zeichnen</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: Schreiben nicht möglich: %2</translation>
    </message>
    <message>
        <source>drawing failed</source>
        <translation>Zeichnen fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: cannot write the image: %2</source>
        <translation>%1: das Bild kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::PolicyPanel</name>
    <message>
        <source>heuristic (AAAI21 baseline)</source>
        <translation>Heuristik (AAAI21-Baseline)</translation>
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
        <translation>EENet (WACV 2024; trainiert)</translation>
    </message>
    <message>
        <source>SelfXit (label-free)</source>
        <translation>SelfXit (label-frei)</translation>
    </message>
    <message>
        <source>patience (PABEE)</source>
        <translation>Patience (PABEE)</translation>
    </message>
    <message>
        <source>best (Exitscope)</source>
        <translation>best (Exitscope)</translation>
    </message>
    <message>
        <source>oracle (upper bound)</source>
        <translation>Orakel (obere Schranke)</translation>
    </message>
    <message>
        <source>Checked policies are swept; the selected one is loaded by the budget cursor</source>
        <translation>Angehakte Strategien werden gesweept; die ausgewählte lädt der Budget-Cursor</translation>
    </message>
    <message>
        <source>budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>How many budgets, both ends included</source>
        <translation>Wie viele Budgets, beide Enden eingeschlossen</translation>
    </message>
    <message>
        <source>mean cost</source>
        <translation>mittlere Kosten</translation>
    </message>
    <message>
        <source>p90 cost</source>
        <translation>p90-Kosten</translation>
    </message>
    <message>
        <source>budget bounds</source>
        <translation>Budget-Grenzen</translation>
    </message>
    <message>
        <source>relative to the reference cost</source>
        <translation>relativ zu den Referenzkosten</translation>
    </message>
    <message>
        <source>label-free (agreement with the final exit)</source>
        <translation>label-frei (Übereinstimmung
mit dem letzten Ausgang)</translation>
    </message>
    <message>
        <source>The budget cursor: the selected policy&apos;s thresholds at this budget are loaded</source>
        <translation>Der Budget-Cursor: die Schwellenwerte der ausgewählten Strategie bei diesem Budget werden geladen</translation>
    </message>
    <message>
        <source>budget cursor</source>
        <translation>Budget-Cursor</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Sweep</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::RunView</name>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Run operating point for &amp;real</source>
        <translation>Arbeitspunkt &amp;real ausführen</translation>
    </message>
    <message>
        <source>Run operating point for real</source>
        <translation>Arbeitspunkt real ausführen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Latency per sample&lt;/b&gt;</source>
        <translation>&lt;b&gt;Latenz je Sample&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Exits taken&lt;/b&gt;: the run beside the trace-based evaluation</source>
        <translation>&lt;b&gt;Genommene Ausgänge&lt;/b&gt;: der Lauf neben der Trace-basierten Auswertung</translation>
    </message>
    <message>
        <source>A run is in progress (Cancel in the status bar stops it).</source>
        <translation>Ein Lauf ist im Gange (Abbrechen in der Statusleiste stoppt ihn).</translation>
    </message>
    <message>
        <source>Needs traces collected from a model in this window (File &gt; Open model and dataset): the run checks them sample by sample.</source>
        <translation>Braucht Traces, die in diesem Fenster aus einem Modell gesammelt wurden (Datei &gt; Modell und Datensatz öffnen): der Lauf prüft sie Sample für Sample.</translation>
    </message>
    <message>
        <source>Traces or latency are still being collected.</source>
        <translation>Traces oder Latenz werden noch gesammelt.</translation>
    </message>
    <message>
        <source>The model is monolithic (forward only): it cannot stop at an early exit, so there is nothing to run.</source>
        <translation>Das Modell ist monolithisch (nur forward): es kann nicht an einem frühen Ausgang anhalten, also gibt es nichts auszuführen.</translation>
    </message>
    <message>
        <source>No test trace: the run covers the test split and is checked against its trace.</source>
        <translation>Keine test-Trace: der Lauf deckt den test-Split ab und wird gegen dessen Trace geprüft.</translation>
    </message>
    <message>
        <source>No latency profile: the prediction needs one.</source>
        <translation>Kein Latenzprofil: die Vorhersage braucht eines.</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>Auswertung läuft…</translation>
    </message>
    <message>
        <source>Cannot run the operating point</source>
        <translation>Arbeitspunkt kann nicht ausgeführt werden</translation>
    </message>
    <message>
        <source>Runs the model with these thresholds on the test split and compares with the prediction</source>
        <translation>Führt das Modell mit diesen Schwellenwerten auf dem test-Split aus und vergleicht mit der Vorhersage</translation>
    </message>
    <message>
        <source>real run of the operating point: %1 on the test split, batch size %2</source>
        <translation>realer Lauf des Arbeitspunkts: %1 auf dem test-Split, Batch-Größe %2</translation>
    </message>
    <message>
        <source>note: other jobs are running; the real run&apos;s measured latency includes their load</source>
        <translation>Hinweis: andere Jobs laufen; die gemessene Latenz des realen Laufs enthält ihre Last</translation>
    </message>
    <message>
        <source>Running the operating point</source>
        <translation>Arbeitspunkt wird ausgeführt</translation>
    </message>
    <message>
        <source>real run: %1 of %2 exits and %3 of %2 predictions as the trace said; measured mean %4 ms</source>
        <translation>realer Lauf: %1 von %2 Ausgängen und %3 von %2 Vorhersagen wie in der Trace; gemessenes Mittel %4 ms</translation>
    </message>
    <message>
        <source>the real run&apos;s report was dropped: the inputs changed</source>
        <translation>der Bericht des realen Laufs wurde verworfen: die Eingaben haben sich geändert</translation>
    </message>
    <message>
        <source>&lt;b&gt;&lt;font color=#c0392b&gt;For the previous operating point&lt;/font&gt;&lt;/b&gt; (thresholds %1): the thresholds or the latency moved since; run again to check the new one.</source>
        <translation>&lt;b&gt;&lt;font color=#c0392b&gt;Für den vorherigen Arbeitspunkt&lt;/font&gt;&lt;/b&gt; (Schwellenwerte %1): Schwellenwerte oder Latenz haben sich seitdem geändert; erneut ausführen, um den neuen zu prüfen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;For the current operating point&lt;/b&gt; (thresholds %1).</source>
        <translation>&lt;b&gt;Für den aktuellen Arbeitspunkt&lt;/b&gt; (Schwellenwerte %1).</translation>
    </message>
    <message>
        <source>&lt;i&gt;No real run yet.&lt;/i&gt; It runs the model the traces came from with the operating point&apos;s thresholds on the test split, times every sample and checks its exit and prediction against the trace-based evaluation.</source>
        <translation>&lt;i&gt;Noch kein realer Lauf.&lt;/i&gt; Er führt das Modell, aus dem die Traces stammen, mit den Schwellenwerten des Arbeitspunkts auf dem test-Split aus, misst die Zeit jedes Samples und prüft dessen Ausgang und Vorhersage gegen die Trace-basierte Auswertung.</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>&lt;font color=#1e8449&gt;%1 of %2 exits and %3 of %2 predictions as the trace-based evaluation said&lt;/font&gt;</source>
        <translation>&lt;font color=#1e8449&gt;%1 von %2 Ausgängen und %3 von %2 Vorhersagen wie in der Trace-basierten Auswertung&lt;/font&gt;</translation>
    </message>
    <message>
        <source>&lt;font color=#c0392b&gt;%1 of %2 exits and %3 of %2 predictions as the trace-based evaluation said&lt;/font&gt;</source>
        <translation>&lt;font color=#c0392b&gt;%1 von %2 Ausgängen und %3 von %2 Vorhersagen wie in der Trace-basierten Auswertung&lt;/font&gt;</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>%1 (trace-based evaluation: %2)</source>
        <translation>%1 (Trace-basierte Auswertung: %2)</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>%1 samples/s</source>
        <translation>%1 Samples/s</translation>
    </message>
    <message>
        <source>Ran on</source>
        <translation>Ausgeführt auf</translation>
    </message>
    <message>
        <source>%1, %2 thread(s), batch size %3</source>
        <translation>%1, %2 Thread(s), Batch-Größe %3</translation>
    </message>
    <message>
        <source>Full model</source>
        <translation>Volles Modell</translation>
    </message>
    <message>
        <source>%1 ms when profiled, %2 ms right after the run%3</source>
        <translation>%1 ms beim Profilieren, %2 ms direkt nach dem Lauf%3</translation>
    </message>
    <message>
        <source>: the machine&apos;s speed changed</source>
        <translation>: die Geschwindigkeit des Rechners hat sich geändert</translation>
    </message>
    <message>
        <source>measured (ms)</source>
        <translation>gemessen (ms)</translation>
    </message>
    <message>
        <source>predicted (ms)</source>
        <translation>vorhergesagt (ms)</translation>
    </message>
    <message>
        <source>measured vs predicted</source>
        <translation>gemessen vs. vorhergesagt</translation>
    </message>
    <message>
        <source>predicted, drift-corrected (ms)</source>
        <translation>vorhergesagt, driftkorrigiert (ms)</translation>
    </message>
    <message>
        <source>measured vs corrected</source>
        <translation>gemessen vs. korrigiert</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>n/a (not a time)</source>
        <translation>k. A. (keine Zeit)</translation>
    </message>
    <message>
        <source>hits (run)</source>
        <translation>Treffer (Lauf)</translation>
    </message>
    <message>
        <source>hits (predicted)</source>
        <translation>Treffer (vorhergesagt)</translation>
    </message>
    <message>
        <source>difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>Ausgang %1</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::SessionController</name>
    <message>
        <source>saved the session %1</source>
        <translation>Sitzung %1 gespeichert</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>Sitzung speichern</translation>
    </message>
    <message>
        <source>exitscope sessions (*.exitscope)</source>
        <translation>exitscope-Sitzungen (*.exitscope)</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <source>exitscope sessions (*.exitscope);;All files (*)</source>
        <translation>exitscope-Sitzungen (*.exitscope);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 %2 is missing; the session cannot be opened without it</source>
        <translation>%1 %2 fehlt; ohne sie lässt sich die Sitzung nicht öffnen</translation>
    </message>
    <message>
        <source>the val trace</source>
        <translation>die val-Trace</translation>
    </message>
    <message>
        <source>the test trace</source>
        <translation>die test-Trace</translation>
    </message>
    <message>
        <source>%1 %2 changed since the session was saved (SHA-256 was %3…, is now %4…)</source>
        <translation>%1 %2 hat sich seit dem Speichern der Sitzung geändert (SHA-256 war %3…, ist jetzt %4…)</translation>
    </message>
    <message>
        <source>the val trace&apos;s correctness</source>
        <translation>die Korrektheit der val-Trace</translation>
    </message>
    <message>
        <source>the test trace&apos;s correctness</source>
        <translation>die Korrektheit der test-Trace</translation>
    </message>
    <message>
        <source>%1 %2 is missing; %3</source>
        <translation>%1 %2 fehlt; %3</translation>
    </message>
    <message>
        <source>%1 %2 changed since the session was saved; %3</source>
        <translation>%1 %2 hat sich seit dem Speichern der Sitzung geändert; %3</translation>
    </message>
    <message>
        <source>the latency file</source>
        <translation>die Latenzdatei</translation>
    </message>
    <message>
        <source>the latency as the session saved it is used</source>
        <translation>die Latenz wird so verwendet, wie die Sitzung sie gespeichert hat</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>das Modell</translation>
    </message>
    <message>
        <source>the traces saved with the session are used; collect them again to use the new model</source>
        <translation>die mit der Sitzung gespeicherten Traces werden verwendet; für das neue Modell die Traces neu sammeln</translation>
    </message>
    <message>
        <source>Opening the session</source>
        <translation>Sitzung wird geöffnet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>restored the autosaved state%1</source>
        <translation>automatisch gespeicherten Stand%1 wiederhergestellt</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source>opened the session %1</source>
        <translation>Sitzung %1 geöffnet</translation>
    </message>
    <message>
        <source>The session&apos;s traces changed since it was saved:</source>
        <translation>Die Traces der Sitzung haben sich seit dem Speichern geändert:</translation>
    </message>
    <message>
        <source>The files as they are now are open; the sweep&apos;s results were dropped (they were computed on the old data): run the sweep again.</source>
        <translation>Die Dateien sind in ihrem jetzigen Stand geöffnet; die Ergebnisse des Sweeps wurden verworfen (sie beruhten auf den alten Daten): den Sweep erneut ausführen.</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>autosave failed: %1</source>
        <translation>automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Restore autosaved work</source>
        <translation>Automatisch gespeicherte Arbeit wiederherstellen</translation>
    </message>
    <message>
        <source>exitscope did not close normally. The window&apos;s unsaved work was autosaved at %1. Restore it?</source>
        <translation>exitscope wurde nicht normal beendet. Die ungespeicherte Arbeit des Fensters wurde um %1 automatisch gespeichert. Wiederherstellen?</translation>
    </message>
    <message>
        <source>exitscope did not close normally while %1 had unsaved changes, autosaved at %2. Restore them?</source>
        <translation>exitscope wurde nicht normal beendet, während %1 ungespeicherte Änderungen hatte (automatisch gespeichert um %2). Wiederherstellen?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Saving the session</source>
        <translation>Sitzung wird gespeichert</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::ThresholdTableModel</name>
    <message>
        <source>A sample leaves at exit %1 when its %2 is %3 this; type a number (Enter) to move it</source>
        <translation>Ein Sample verlässt das Netz an Ausgang %1, wenn sein %2 %3 diesem Wert ist; eine Zahl eingeben (Enter), um ihn zu verschieben</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>Ausgang %1</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>Schwellenwert</translation>
    </message>
    <message>
        <source>threshold: %1 %2</source>
        <translation>Schwellenwert: %1 %2</translation>
    </message>
    <message>
        <source>hit rate</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>threshold of exit %1: &apos;%2&apos; is not a number</source>
        <translation>Schwellenwert von Ausgang %1: &apos;%2&apos; ist keine Zahl</translation>
    </message>
</context>
<context>
    <name>exitscope::gui::TradeoffPlot</name>
    <message>
        <source>oracle bound</source>
        <translation>Orakel-Schranke</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <source>full model</source>
        <translation>volles Modell</translation>
    </message>
    <message>
        <source>exits alone</source>
        <translation>Ausgänge allein</translation>
    </message>
    <message>
        <source>operating point</source>
        <translation>Arbeitspunkt</translation>
    </message>
    <message>
        <source>val</source>
        <translation>val</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>exit %1 alone</source>
        <translation>Ausgang %1 allein</translation>
    </message>
    <message>
        <source>budget: %1</source>
        <translation>Budget: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>budget %1</source>
        <translation>Budget %1</translation>
    </message>
    <message>
        <source>mean cost</source>
        <translation>mittlere Kosten</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Accuracy</translation>
    </message>
</context>
</TS>
