#!/usr/bin/env bash
# Brings translations/*.ts up to date with the window's strings (Qt's update_translations
# target: lupdate over app/gui, widgets and widgets/plots, -no-obsolete) and prints, per
# language, how many messages still need a translator (unfinished or empty). Then open the
# files in Qt Linguist (`linguist translations/exitscope_de.ts`), translate, and rebuild:
# the .qm files are compiled and embedded by the build. Exits 1 while any is unfinished.
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
[[ -f build/release/build.ninja ]] || cmake --preset release >/dev/null
cmake --build --preset release --target update_translations >/dev/null
status=0
for ts in translations/exitscope_*.ts; do
  python3 - "$ts" <<'PY' || status=1
import sys, xml.etree.ElementTree as ET
path = sys.argv[1]
todo = []
for context in ET.parse(path).getroot().iter("context"):
    for m in context.iter("message"):
        t = m.find("translation")
        forms = [f.text for f in t.findall("numerusform")] or [t.text]
        if t.get("type") or not all(f and f.strip() for f in forms):
            todo.append(f"  [{context.findtext('name')}] {m.findtext('source')!r}")
print(f"{path}: {len(todo)} unfinished")
if todo:
    print("\n".join(todo[:20]) + ("\n  ..." if len(todo) > 20 else ""))
sys.exit(1 if todo else 0)
PY
done
exit $status
