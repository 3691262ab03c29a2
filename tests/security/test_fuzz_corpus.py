"""Replay the committed fuzz corpus (and every crash the fuzzer ever found) in CI.

``scripts/fuzz.py`` grows ``tests/fuzz_corpus/<target>/`` with atheris; each file is an
input that reached new code. Replaying them here keeps every path the fuzzer opened under
test, and a crash saved under ``tests/fuzz_corpus/crashes/`` stays a regression test.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
sys.path.insert(0, str(SCRIPTS))

from fuzz_targets import TARGETS, corpus_dir  # noqa: E402


def _cases() -> list[tuple[str, Path]]:
    cases = [
        (target, path)
        for target in sorted(TARGETS)
        for path in sorted(corpus_dir(target).glob("*"))
        if path.is_file()
    ]
    crashes = corpus_dir("crashes")
    if crashes.is_dir():
        for path in sorted(crashes.glob("*")):
            target = path.name.split("-", 1)[0]
            if target in TARGETS:
                cases.append((target, path))
    return cases


CASES = _cases()


def test_the_corpus_is_committed() -> None:
    """The fuzz corpus is part of the repository, for both targets."""
    assert {target for target, _ in CASES} == set(TARGETS)


@pytest.mark.parametrize(("target", "path"), CASES, ids=[f"{t}/{p.name}" for t, p in CASES])
def test_fuzz_input_is_handled(target: str, path: Path) -> None:
    """Each saved input loads with exact offsets or is refused with a one-line error."""
    TARGETS[target](path.read_bytes())
