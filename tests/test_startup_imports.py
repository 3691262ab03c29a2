"""What the app's start and a report leave unimported (docs/benchmarks.md, issue 15).

Each check runs a fresh interpreter, does what the path does, and lists what is in
``sys.modules`` after it: a module that the path does not need must not be there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from reader.store import Store

# The app's start before Textual, as reader.launch.launch_app does it: the checks, the
# article (kept as loaded after the first start) and whether spaCy must start early.
START = """
import argparse, json, sys
from reader.launch import prepare
from reader.reading.analysis_process import needs_analysis

launch = prepare(argparse.Namespace(path=sys.argv[1], db=sys.argv[2], annotator="a", model=None))
needs_analysis(launch.analyser, launch.articles or [])
print(json.dumps(sorted(sys.modules)))
"""

#: Rules and layers that reopening an article (its text kept, its analysis cached) never
#: runs: the text loader's rules, the corpus loader, speaker attribution's rules, the
#: review layer, the login lookup, the library's rows and their stats (a single file
#: is asked whether it is a corpus, which needs no row), and the sentence splitter (the
#: sentences are kept with the article).
NOT_AT_START = (
    "reader.loaders.text",
    "reader.loaders.chrome",
    "reader.loaders.layout",
    "reader.loaders.markdown",
    "reader.loaders.jsonl",
    "reader.attribution.rules",
    "reader.attribution.cues",
    "reader.store.review",
    "reader.store.review_records",
    "getpass",
    "reader.reading.library_index",
    "reader.reading.library_rows",
    "reader.stats",
    "reader.segment",
)


def _modules(code: str, *args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_reopening_an_article_imports_none_of_its_rules(sample_path: Path, tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    first = _modules(START, str(sample_path), store)
    assert "reader.loaders.text" in first, "the first start loads the article"
    again = _modules(START, str(sample_path), store)
    assert not again & set(NOT_AT_START), sorted(again & set(NOT_AT_START))


def test_a_report_of_the_tags_imports_no_review_layer(sample_path: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    from reader.loaders import load_article

    article = load_article(sample_path)
    store.register_article(
        article.id, path=str(sample_path), title=None, date=None, byline=None, sentences=3
    )
    first = article.text.split(".")[0]
    store.tag(
        article.id, sentence=0, start=0, end=len(first), text=first, label="claim", annotator="a"
    )
    code = textwrap.dedent(
        """
        import contextlib, io, json, sys
        from reader.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["stats", "--db", sys.argv[1], "--no-entities"])
        assert code == 0, code
        print(json.dumps(sorted(sys.modules)))
        """
    )
    loaded = _modules(code, str(tmp_path / "store"))
    assert "reader.stats" in loaded
    assert not loaded & {"reader.store.review", "reader.store.review_records", "getpass"}


def test_the_app_and_its_reading_screens_import_no_names_rules() -> None:
    # The names' rules compile their patterns at import; the first frame compares no
    # entity's forms (reader/reading/finding.py imports them where it does).
    loaded = _modules("import json, sys, reader.tui.app\nprint(json.dumps(sorted(sys.modules)))")
    assert "reader.tui.screens.reading" in loaded
    assert not loaded & {"reader.entities.names", "reader.segment"}
