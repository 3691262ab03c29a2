"""The app's analysis child never outlives what it is for: stopping it stops every process
it started (spaCy's workers join its process group), and it ends itself when the app that
started it dies without stopping it (kill -9, a closed terminal)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from process_support import group, wait_gone

from reader.analysis import Analyser
from reader.cache import AnalysisCache
from reader.loaders import load_article
from reader.reading.analysis_process import start, stop


def test_stopping_the_child_stops_its_whole_group(sample_path: Path, tmp_path: Path) -> None:
    analyser = Analyser(cache=AnalysisCache(tmp_path / "cache"), use_cache=True)
    process = start(analyser, [load_article(sample_path)])
    assert os.getpgid(process.pid) == process.pid  # a group of its own
    stop(process)
    process.wait(timeout=10)
    assert wait_gone([process.pid], 5)


def test_the_child_ends_when_the_app_that_started_it_dies(
    sample_path: Path, tmp_path: Path
) -> None:
    # Work for a minute or more (a long article through the parser), so that only its
    # watch on the app can end it within seconds.
    long = tmp_path / "long.txt"
    paragraph = sample_path.read_text(encoding="utf-8").splitlines()[-1]
    long.write_text("A long article\n\n" + "\n\n".join([paragraph] * 600), encoding="utf-8")
    parent = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from reader.analysis import Analyser
        from reader.cache import AnalysisCache
        from reader.loaders import load_article
        from reader.reading.analysis_process import start

        analyser = Analyser(cache=AnalysisCache(Path({str(tmp_path / "cache")!r})))
        child = start(analyser, [load_article({str(long)!r})])
        print(child.pid, flush=True)
        os._exit(0)  # as if killed: the child is never stopped
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", parent], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    child = int(result.stdout.split()[0])
    assert wait_gone([child], 10), "the analysis child outlived the app"


def test_the_child_s_workers_end_with_the_app(tmp_path: Path) -> None:
    # A library's batch, large enough for two worker processes; the app waits until the
    # child has started them, then dies without stopping it.
    folder = tmp_path / "library"
    folder.mkdir()
    originals = sorted((Path(__file__).parent / "data" / "articles").iterdir())
    for number in range(40):
        text = originals[number % len(originals)].read_text(encoding="utf-8")
        (folder / f"{number:03d}.txt").write_text(f"{text}\n\nCopy {number}.\n", encoding="utf-8")
    parent = textwrap.dedent(
        f"""
        import os, sys, time
        from pathlib import Path
        from reader.analysis import Analyser
        from reader.cache import AnalysisCache
        from reader.loaders import load_article
        from reader.reading.analysis_process import start
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from process_support import group

        articles = [load_article(p) for p in sorted(Path({str(folder)!r}).iterdir())]
        cache = AnalysisCache(Path({str(tmp_path / "cache")!r}))
        child = start(Analyser(cache=cache, processes=2), articles)
        while len(group(child.pid)) < 3 and child.poll() is None:
            time.sleep(0.05)
        print(child.pid, len(group(child.pid)), flush=True)
        os._exit(0)  # as if killed: the child is never stopped
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", parent], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    child, members = map(int, result.stdout.split())
    assert members == 3  # the child and its two workers
    deadline = time.monotonic() + 10
    while group(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not group(child), "the analysis child or one of its workers outlived the app"
