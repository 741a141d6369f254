"""Vendor the chart library of the web UI into src/tacitus/web/static/vendor/ from the npm registry.

Fetches (with ``npm pack``, the registry's own client) the pinned versions of vega, vega-lite,
vega-embed and vega-interpreter, checks each tarball's sha512 integrity against the pins below, and copies
their minified browser builds and licence files. vega-interpreter ships only as an ES module importing
three functions from vega-util; its import line is replaced by reading them from the ``vega`` global and
its export by a ``vegaInterpreter`` global, so that it loads with a plain <script> (no import map, which
would be inline script). Nothing else is changed. Run: python tools/vendor_vega.py
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "tacitus" / "web" / "static" / "vendor"
PACKAGES = {  # name: (version, files to copy from the package, as name in vendor/)
    "vega": ("6.4.0", {"build/vega.min.js": "vega.min.js", "LICENSE": "vega.LICENSE.txt"}),
    "vega-lite": ("6.5.0", {"build/vega-lite.min.js": "vega-lite.min.js", "LICENSE": "vega-lite.LICENSE.txt"}),
    "vega-embed": ("7.3.0", {"build/vega-embed.min.js": "vega-embed.min.js", "LICENSE": "vega-embed.LICENSE.txt"}),
    "vega-interpreter": ("2.3.2", {"build/vega-interpreter.js": "vega-interpreter.js", "LICENSE": "vega-interpreter.LICENSE.txt"}),
}
IMPORT = "import { ascending, isString, DisallowedObjectProperties } from 'vega-util';"
EXPORT = "export { expression as expressionInterpreter };"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    versions = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (version, files) in PACKAGES.items():
            info = json.loads(subprocess.run(["npm", "pack", f"{name}@{version}", "--json"], cwd=tmp, check=True,
                                             capture_output=True, text=True).stdout)[0]
            tarball = Path(tmp) / info["filename"]
            digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
            if digest != info["integrity"]:
                print(f"{name}: integrity mismatch", file=sys.stderr)
                return 1
            with tarfile.open(tarball) as tar:
                tar.extractall(Path(tmp) / name, filter="data")
            for src, dst in files.items():
                shutil.copyfile(Path(tmp) / name / "package" / src, OUT / dst)
            versions[name] = {"version": version, "integrity": digest, "files": sorted(files.values())}
    interp = OUT / "vega-interpreter.js"
    text = interp.read_text(encoding="utf-8")
    if IMPORT not in text or EXPORT not in text:
        print("vega-interpreter: the import or export line changed; update tools/vendor_vega.py", file=sys.stderr)
        return 1
    text = text.replace(IMPORT, "(function () {\nconst { ascending, isString, DisallowedObjectProperties } = window.vega;")
    text = text.replace(EXPORT, "window.vegaInterpreter = { expressionInterpreter: expression };\n})();")
    interp.write_text(text, encoding="utf-8")
    (OUT / "VERSIONS.json").write_text(json.dumps(versions, indent=2) + "\n", encoding="utf-8")
    print(f"vendored into {OUT.relative_to(ROOT)}: " + ", ".join(f"{n} {v['version']}" for n, v in versions.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
