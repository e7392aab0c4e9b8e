"""Applies the NumPy recipe of docs/threshold-config.md to every row of a sweep CSV.

Run by tst_numpyrecipe: the recipe's functions are taken from the document itself, so
what is tested is what a user copies. For each row with thresholds (not the oracle's
bound) and each split, the exits the recipe gives must have the CLI's accuracy and mean
cost. Learned rows (EENet) need their scorer, which the CSV does not hold: their configs
are exported with `exitscope-cli solve --from-sweep` beforehand and passed in a folder.

usage: numpyrecipe.py DOC CSV COSTS SCALE VAL TEST [CONFIGS]
  COSTS: the cumulative exit costs, comma-separated, in the CSV's cost unit
  SCALE: what the CSV's budget column is a fraction of (the reference cost; 1 if absolute)
  CONFIGS: a folder with learned rows' configs, named line<N>.json (N: the CSV line)
Prints one line per mismatch, then "checked R rows, S splits, M mismatched, O over budget"
(O: val rows the CLI found within the budget whose recipe cost exceeds it).
"""
import csv
import json
import os
import re
import sys
import tempfile

import numpy as np


def recipe(doc_path):
    """The functions of the document's Python blocks."""
    with open(doc_path) as f:
        blocks = re.findall(r"```python\n(.*?)```", f.read(), re.S)
    namespace = {}
    for block in blocks:
        if "\ndef " in "\n" + block:
            exec(block, namespace)
    return namespace


def load_split(path):
    z = np.load(path)
    arrays = {name: z[name] for name in z.files}
    if "exit_correct" in arrays:
        correct = arrays["exit_correct"].astype(bool)
    elif "labels" in arrays and "exit_probs" in arrays:
        correct = arrays["exit_probs"].argmax(axis=-1) == arrays["labels"][None, :]
    else:
        correct = None
    return arrays, correct


def main():
    doc, csv_path, costs_text, scale, val_path, test_path = sys.argv[1:7]
    configs = sys.argv[7] if len(sys.argv) > 7 else None
    r = recipe(doc)
    apply_config, scores_of, learned_scores = r["apply_config"], r["exitscope_scores"], r["learned_scores"]
    costs = np.array([float(c) for c in costs_text.split(",")])
    splits = {"val": load_split(val_path), "test": load_split(test_path)}
    rows = splits_checked = mismatched = over = skipped = 0
    tmp = tempfile.mkdtemp()
    with open(csv_path) as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            if row["status"] != "ok" or row["measure"] == "bound":
                continue
            measure = row["measure"]
            if measure == "learned" and configs is None:
                skipped += 1
                continue
            rows += 1
            if measure == "learned":
                config_path = os.path.join(configs, f"line{line}.json")
                with open(config_path) as c:
                    cfg = json.load(c)
            else:
                given_lower = bool(splits["val"][0].get("scores_lower_is_confident", np.array(False)))
                natural = {"max-prob": False, "entropy": True, "margin": False, "patience": False, "given": given_lower}
                cfg = {"format": "exitscope-thresholds", "version": 1, "measure": measure,
                       "direction": "lower-is-confident" if natural[measure] else "higher-is-confident",
                       "thresholds": [float(t) for t in row["thresholds"].split(";")],
                       "latency": {"cumulative": costs.tolist()}}
                config_path = os.path.join(tmp, "cfg.json")
                with open(config_path, "w") as c:
                    json.dump(cfg, c)
            for split, (arrays, correct) in splits.items():
                if measure == "given":
                    scores = arrays["exit_scores"]
                elif measure == "learned":
                    scores = learned_scores(cfg["scorer"], probs=arrays.get("exit_probs"), given=arrays.get("exit_scores"))
                else:
                    scores = scores_of(arrays["exit_probs"], measure)
                exit_of = apply_config(config_path, scores)
                n = exit_of.size
                cost = costs[exit_of].mean()
                accuracy = correct[exit_of, np.arange(n)].mean() if correct is not None else float("nan")
                splits_checked += 1
                want_accuracy, want_cost = float(row[f"{split}_accuracy"] or "nan"), float(row[f"{split}_cost"])
                same_accuracy = (np.isnan(accuracy) and np.isnan(want_accuracy)) or abs(accuracy - want_accuracy) <= 1e-9
                same_cost = abs(cost - want_cost) <= 1e-9 * max(1.0, abs(want_cost))
                if not (same_accuracy and same_cost):
                    mismatched += 1
                    print(f"line {line} {row['policy']} at {row['budget']} {split} ({measure}): "
                          f"accuracy {accuracy:.10g} vs {want_accuracy:.10g}, cost {cost:.10g} vs {want_cost:.10g}")
                if split == "val" and row["feasible"] == "1" and cost > min(float(row["budget"]) * float(scale), costs[-1]) * (1 + 1e-9):
                    over += 1
    if skipped:
        print(f"skipped {skipped} learned rows (no configs folder)")
    print(f"checked {rows} rows, {splits_checked} splits, {mismatched} mismatched, {over} over budget")


if __name__ == "__main__":
    main()
