"""A child process that registers articles from a few paths through :class:`Store`.

Used by the two-process test of the path index. Usage: ``register_worker.py STORE PREFIX
COUNT PATHS``: it prints ``ready``, waits for a line on stdin, then registers COUNT articles
whose ids start with the hex digit PREFIX, article ``i`` from path ``doc{i % PATHS}.txt``,
and after each one looks the path up (which builds the index if the store has none) and
checks that every article it registered from that path is found. It prints ``ok ID`` after
each, and exits with 1 and a line on stderr if a lookup missed one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reader.store import Store


def article_id(prefix: str, number: int) -> str:
    """The id of a worker's number-th article (16 hex digits; the parent uses it too)."""
    return f"{prefix}{number:015x}"


def main(argv: list[str]) -> int:
    root, prefix, count, paths = argv[0], argv[1], int(argv[2]), int(argv[3])
    store = Store(Path(root))
    print("ready", flush=True)
    sys.stdin.readline()
    mine: dict[str, set[str]] = {}
    for number in range(count):
        path = f"doc{number % paths}.txt"
        aid = article_id(prefix, number)
        store.register_article(aid, path=path, title=None, date=None, byline=None, sentences=1)
        mine.setdefault(path, set()).add(aid)
        found = {record.id for record in store.find_by_path(path)}
        if not mine[path] <= found:
            print(f"{path}: missed {sorted(mine[path] - found)}", file=sys.stderr)
            return 1
        print(f"ok {aid}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
