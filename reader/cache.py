"""Cache of the language model's raw output, so an analysed article opens instantly.

What is cached is the model's raw entity spans and its dependency parse (tokens), keyed by
article id and model name + version: consolidation, speaker attribution and the analyst's
corrections are cheap and run on every opening, so improving them never needs the cache
cleared. Reading the cache never imports spaCy.
A damaged entry is ignored and rebuilt; a cache that cannot be written is only slower.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from reader.config import cache_dir
from reader.entities import RawSpan
from reader.syntax import Parse, Token

#: Bump when the cached layout changes; old entries are then simply not found.
#: 2: tokens of the dependency parse beside the entity spans.
CACHE_VERSION = 2


class ModelOutput:
    """What the model found in one article: entity spans and the parse."""

    __slots__ = ("parse", "spans")

    def __init__(self, spans: list[RawSpan], parse: Parse) -> None:
        """Hold ``spans`` (entity spans) and ``parse`` (tokens, possibly empty)."""
        self.spans = spans
        self.parse = parse


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
        found = self.load(article_id, model_key)
        return None if found is None else found.spans

    def has(self, article_id: str, model_key: str) -> bool:
        """Whether an entry exists (a file check; damage is found when it is loaded)."""
        return self.path(article_id, model_key).is_file()

    def load(self, article_id: str, model_key: str) -> ModelOutput | None:
        """Return the cached spans and parse, or ``None`` if absent or damaged."""
        path = self.path(article_id, model_key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data["article_id"] != article_id or data["model"] != model_key:
                return None
            spans = [RawSpan(int(s), int(e), str(label)) for s, e, label in data["entities"]]
            tokens = tuple(
                Token(int(s), int(e), str(tag), str(pos), str(dep), int(head), str(lemma))
                for s, e, tag, pos, dep, head, lemma in data.get("tokens", ())
            )
            if not all(0 <= t.head < len(tokens) for t in tokens):
                return None
            return ModelOutput(spans, Parse(tokens))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            # Damaged (a half-written file from an old crash, a hand edit): rebuild it.
            return None

    def put(
        self, article_id: str, model_key: str, spans: list[RawSpan], parse: Parse | None = None
    ) -> None:
        """Store the spans and the parse; failures (read-only or full disk) are ignored."""
        tokens = parse.tokens if parse is not None else ()
        data = {
            "article_id": article_id,
            "model": model_key,
            "entities": [[s.start, s.end, s.label] for s in spans],
            "tokens": [[t.start, t.end, t.tag, t.pos, t.dep, t.head, t.lemma] for t in tokens],
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
