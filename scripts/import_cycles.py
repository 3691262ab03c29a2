#!/usr/bin/env python3
"""Find import cycles between reader's modules, counting every import.

Unlike the interpreter, which only trips over a cycle at import time, and unlike a check
of top-level imports only, this counts imports inside functions (lazy imports) and under
``if TYPE_CHECKING:``: any of them ties two modules together as much as a top-level one.
``from package import name`` counts as importing ``package.name`` when that is a module,
else ``package``; importing ``a.b.c`` does not count as importing ``a`` or ``a.b``.

Usage: ``python scripts/import_cycles.py [--allow PREFIX]... [ROOT]`` (default: the
``reader`` package next to this script). Prints each cycle and exits 1 if there is one,
else exits 0; a cycle wholly inside an ``--allow``-ed package is printed as a warning only.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path


def module_files(package: Path) -> dict[str, Path]:
    """Every module of the package under ``package``, by dotted name."""
    base = package.parent
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(base).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imported(module: str, is_package: bool, node: ast.AST) -> Iterator[tuple[str, str | None]]:
    """``(module, name)`` pairs an import statement names (``name`` for ``from`` imports)."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name, None
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            parts = module.split(".")
            keep = len(parts) - node.level + (1 if is_package else 0)
            origin = ".".join(parts[:keep] + ([node.module] if node.module else []))
        else:
            origin = node.module or ""
        for alias in node.names:
            yield origin, alias.name


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module -> the package's modules it imports anywhere in its code."""
    files = module_files(package)
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        is_package = path.name == "__init__.py"
        for node in ast.walk(tree):
            for origin, imported in _imported(name, is_package, node):
                target = f"{origin}.{imported}" if imported else origin
                if target not in files:
                    target = origin
                if target in files and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(graph)))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def path_within(graph: dict[str, set[str]], component: list[str]) -> list[str]:
    """One cycle through the component's first module, as a list of modules."""
    members = set(component)
    start = component[0]
    parents: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in sorted(graph[node] & members):
                if target == start:
                    chain = [node]
                    while chain[-1] != start:
                        chain.append(parents[chain[-1]])
                    return [start, *reversed(chain[:-1]), start] if node != start else [start]
                if target not in parents:
                    parents[target] = node
                    following.append(target)
        frontier = following
    return component


def main(argv: list[str]) -> int:
    allowed: list[str] = []
    while len(argv) >= 2 and argv[0] == "--allow":
        allowed.append(argv[1])
        argv = argv[2:]
    root = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "reader"
    graph = import_graph(root)
    failed = False
    for component in cycles(graph):
        inside = any(all(m.startswith(prefix) for m in component) for prefix in allowed)
        failed = failed or not inside
        print(f"{'warning: ' if inside else ''}import cycle among {', '.join(component)}:")
        print("  " + " -> ".join(path_within(graph, component)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
