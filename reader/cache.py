"""Cache of the language model's raw output, so an analysed article opens instantly.

What is cached is the model's raw entity spans, keyed by article id and model name +
version: consolidation and the analyst's corrections are cheap and run on every opening,
so improving them never needs the cache cleared. Reading the cache never imports spaCy.
A damaged entry is ignored and rebuilt; a cache that cannot be written is only slower.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from reader.config import cache_dir
from reader.entities import RawSpan

#: Bump when the cached layout changes; old entries are then simply not found.
CACHE_VERSION = 1


class AnalysisCache:
    """Raw entity spans per (article id, model), one small JSON file each."""

    def __init__(self, root: Path | None = None) -> None:
        """Use ``root`` (default: ``$XDG_CACHE_HOME/reader/analysis``)."""
        self.root = root if root is not None else cache_dir() / "analysis"

    def path(self, article_id: str, model_key: str) -> Path:
        """The file that holds one article's spans for one model."""
        return self.root / f"{article_id}.{model_key}.v{CACHE_VERSION}.json"

    def get(self, article_id: str, model_key: str) -> list[RawSpan] | None:
        """Return the cached spans, or ``None`` if absent or damaged."""
        path = self.path(article_id, model_key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data["article_id"] != article_id or data["model"] != model_key:
                return None
            return [RawSpan(int(s), int(e), str(label)) for s, e, label in data["entities"]]
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            # Damaged (a half-written file from an old crash, a hand edit): rebuild it.
            return None

    def put(self, article_id: str, model_key: str, spans: list[RawSpan]) -> None:
        """Store the spans; failures (read-only or full disk) are ignored."""
        data = {
            "article_id": article_id,
            "model": model_key,
            "entities": [[s.start, s.end, s.label] for s in spans],
        }
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.root, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump(data, stream)
                os.replace(temporary, self.path(article_id, model_key))
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            pass
