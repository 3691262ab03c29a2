"""``reader export`` imports only the format it writes (docs/benchmarks.md, issue 15).

Each run is a fresh interpreter, so that what the command imported is all that is in
``sys.modules``; its help still names every format and what it does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reader.formats import all_formats
from reader.store import Store

REPO = Path(__file__).resolve().parent.parent

# Runs the command line as `reader` does, then lists the reader modules it imported.
PROBE = """
import json, sys
from reader.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as done:  # --help
    code = done.code
loaded = sorted(name for name in sys.modules if name.startswith("reader."))
print(json.dumps({"code": code, "loaded": loaded}), file=sys.stderr)
"""


def run_reader(*args: str) -> tuple[str, dict[str, object]]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return result.stdout, json.loads(result.stderr.strip().splitlines()[-1])


def tagged_store(root: Path) -> Path:
    store = Store(root)
    article_id = "0123456789abcdef"
    store.register_article(
        article_id, path="a.txt", title="A title", date=None, byline=None, sentences=2
    )
    store.tag(
        article_id,
        sentence=0,
        start=0,
        end=12,
        text="One sentence",
        label="claim",
        annotator="ana",
    )
    return root


def test_export_jsonl_imports_no_other_format_no_loader_and_no_analysis(
    tmp_path: Path,
) -> None:
    store = tagged_store(tmp_path / "store")
    out, found = run_reader("export", "--db", str(store), "--format", "jsonl")
    assert found["code"] == 0
    assert json.loads(out.splitlines()[0])["label"] == "claim"
    loaded = set(found["loaded"])  # type: ignore[arg-type]
    assert "reader.formats.jsonl" in loaded
    others = {f"reader.formats.{name}" for name in ("csv", "prodigy", "doccano", "brat", "md")}
    assert not loaded & (others | {"reader.formats.spacy"})
    assert not {"reader.analysis", "reader.loaders", "reader.article"} & loaded


def test_export_help_still_describes_every_format() -> None:
    out, found = run_reader("export", "--help")
    text = " ".join(out.split())  # argparse wraps the help at the terminal's width
    for spec in all_formats():
        assert f"{spec.name}: {' '.join(spec.description.split())}" in text
    assert "only sentence labels or only entity spans (" in text
