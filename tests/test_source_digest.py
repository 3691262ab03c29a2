"""The rules' digests cover every module of the rules, however deep (reader/source_digest.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import reader
from reader.analysis import RULES
from reader.loaders import article_cache
from reader.source_digest import source_digest, source_files

PACKAGE = os.path.dirname(os.path.abspath(reader.__file__))


def _modules_under(folder: str) -> set[str]:
    root = Path(PACKAGE)
    return {
        path.relative_to(root).as_posix()
        for path in (root / folder).rglob("*.py")
        if "__pycache__" not in path.parts
    }


@pytest.mark.parametrize("folder", ["entities", "attribution"])
def test_the_analysis_version_covers_every_rule_module_in_subpackages_too(folder: str) -> None:
    listed = set(source_files(PACKAGE, RULES))
    modules = _modules_under(folder)
    assert "entities/people/__init__.py" in listed
    assert modules <= listed


def test_a_kept_article_s_key_covers_every_loader_module() -> None:
    listed = set(source_files(PACKAGE, article_cache._SOURCES))
    assert _modules_under("loaders") <= listed
    assert {"article.py", "safe_text.py"} <= listed


def test_an_edit_in_a_nested_module_changes_the_digest(tmp_path: Path) -> None:
    nested = tmp_path / "rules" / "people"
    nested.mkdir(parents=True)
    (tmp_path / "rules" / "__init__.py").write_text("")
    (nested / "shape.py").write_text("A = 1\n")
    (nested / "notes.txt").write_text("not a module\n")
    before = source_digest(str(tmp_path), ["rules", "glue.py"])
    assert list(source_files(str(tmp_path), ["rules", "glue.py"])) == [
        "rules/__init__.py",
        "rules/people/shape.py",
    ]
    (nested / "notes.txt").write_text("changed, still not a module\n")
    assert source_digest(str(tmp_path), ["rules", "glue.py"]) == before
    (nested / "shape.py").write_text("A = 2\n")
    assert source_digest(str(tmp_path), ["rules", "glue.py"]) != before
    assert source_digest(str(tmp_path), ["rules"], seed=b"3.11") != source_digest(
        str(tmp_path), ["rules"]
    )
