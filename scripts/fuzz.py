#!/usr/bin/env python3
"""Coverage-guided fuzzing of the loaders and the store's reader with atheris.

Not run in CI (it takes minutes); its corpus is committed under tests/fuzz_corpus/ and
replayed by tests/security/test_fuzz_corpus.py, with any crash saved as a regression case.

Usage:
    pip install atheris
    python scripts/fuzz.py --target=loaders --seconds 600
    python scripts/fuzz.py --target=store --seconds 300
    python scripts/fuzz.py --target=importer|labels|dialog_text --seconds 300
    python scripts/fuzz.py --target=loaders --minimise   # keep inputs that add coverage
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import atheris  # noqa: E402

with atheris.instrument_imports():
    import fuzz_targets  # noqa: E402

    import reader.loaders  # noqa: E402, F401
    import reader.segment  # noqa: E402, F401
    import reader.store  # noqa: E402, F401


def main() -> None:
    """Run one target for a bounded time, growing its corpus in the repository."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # An option, not a positional argument: libFuzzer passes flags that start with "--" on
    # to the processes it re-runs (a merge's inner runs), and adds folders of its own.
    parser.add_argument("--target", required=True, choices=sorted(fuzz_targets.TARGETS))
    parser.add_argument("--seconds", type=int, default=600)
    parser.add_argument(
        "--minimise", action="store_true", help="shrink the corpus to inputs that add coverage"
    )
    args, extra = parser.parse_known_args()
    corpus = fuzz_targets.corpus_dir(args.target)
    corpus.mkdir(parents=True, exist_ok=True)
    crashes = corpus.parent / "crashes"
    crashes.mkdir(exist_ok=True)
    target = fuzz_targets.TARGETS[args.target]
    if args.minimise:
        # Writes the smaller corpus beside the old one, to swap in by hand. libFuzzer's
        # merge re-runs this script with flags of its own: they pass through in `extra`.
        merged = corpus.with_name(corpus.name + ".merged")
        merged.mkdir(exist_ok=True)
        inner = any(flag.startswith("-merge_inner") for flag in extra)
        flags = extra if inner else ["-merge=1", str(merged), str(corpus), *extra]
        atheris.Setup([sys.argv[0], f"--target={args.target}", "--minimise", *flags], target)
        atheris.Fuzz()
        return
    atheris.Setup(
        [
            sys.argv[0],
            str(corpus),
            f"-max_total_time={args.seconds}",
            f"-artifact_prefix={crashes}/{args.target}-",
            "-max_len=4096",
            "-rss_limit_mb=4096",
        ],
        target,
    )
    atheris.Fuzz()


if __name__ == "__main__":
    main()
