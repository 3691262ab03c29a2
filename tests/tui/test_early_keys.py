"""Keys typed while the app starts (before its first frame) are not lost, and wait for the
reading session: a tag typed at once lands on the first sentence and is saved (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.loaders import load_article
from reader.store import Store

from .test_terminal import Terminal, environment

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("keys", [b"1", b"j2"], ids=["tag", "move-then-tag"])
def test_keys_typed_before_the_first_frame_are_applied_in_order(
    sample_path: Path, tmp_path: Path, analyser_cache_dir: Path, keys: bytes
) -> None:
    env = environment(XDG_CACHE_HOME=str(analyser_cache_dir.parent))
    terminal = Terminal([str(sample_path), "--db", str(tmp_path / "db")], env)
    terminal.press(keys)  # at once: the interpreter has not imported Textual yet
    terminal.wait_for("1/12")  # progress over the body's 12 sentences
    assert terminal.quit() == 0
    article = load_article(sample_path)
    tags = Store(tmp_path / "db").annotations(article.id, "ana")
    expected = [(3, "claim")] if keys == b"1" else [(4, "context")]
    assert [(a.sentence, a.label) for a in tags] == expected
