"""Cache of the analysis, so an analysed article opens instantly.

Two entries per article and model, each one small JSON file:

- **raw**: the model's entity spans and its dependency parse (tokens), keyed by article id
  and model name + version. Only the model can make it (seconds, and spaCy).
- **finished**: what the rules made of it: the consolidated entities (every mention, the
  votes, the confidence and why), the suggestions and the sentence count, keyed by article
  id, model and the version of the rules (``reader.analysis.ANALYSIS_VERSION``). Reading it
  needs neither the parse nor the rules, so a warm opening, a library or ``reader stats``
  does no consolidation at all. When the rules change their version does, the finished
  entry is simply not found, and it is made again from the raw one (no spaCy).

The analyst's corrections are never cached: they apply on top at every opening. Reading the
cache never imports spaCy. A damaged entry is ignored and rebuilt; a cache that cannot be
written is only slower.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, NamedTuple, get_args

from reader.attribution import Suggestion
from reader.config import cache_dir
from reader.entities import Entity, Mention, MentionSource, RawSpan
from reader.syntax import Parse, Token

#: Bump when the cached layout changes; old entries are then simply not found.
#: 2: tokens of the dependency parse beside the entity spans.
CACHE_VERSION = 2

_SOURCES = frozenset(get_args(MentionSource))


class ModelOutput:
    """What the model found in one article: entity spans and the parse."""

    __slots__ = ("parse", "spans")

    def __init__(self, spans: list[RawSpan], parse: Parse) -> None:
        """Hold ``spans`` (entity spans) and ``parse`` (tokens, possibly empty)."""
        self.spans = spans
        self.parse = parse


class Finished(NamedTuple):
    """What the rules made of one article's model output (a finished cache entry).

    Attributes:
        sentences: How many sentences the article has.
        entities: The consolidated entities, most mentioned first (no corrections).
        suggestions: The suggested labels and speakers, in sentence order.
        body: The indices of the body's sentences (progress counts them, not the title,
            byline or caption).
    """

    sentences: int
    entities: tuple[Entity, ...]
    suggestions: tuple[Suggestion, ...]
    body: frozenset[int] = frozenset()


class AnalysisCache:
    """Raw model output and finished analyses per (article id, model), one small JSON
    file each."""

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

    def finished_path(self, article_id: str, model_key: str, version: str) -> Path:
        """The file that holds one article's finished analysis for a model and rules."""
        return self.root / f"{article_id}.{model_key}.r{version}.json"

    def load_finished(
        self,
        article_id: str,
        model_key: str,
        version: str,
        text: str | None = None,
        shape: str | None = None,
    ) -> Finished | None:
        """Return the finished analysis, or ``None`` if absent, damaged or not this text's.

        Args:
            article_id: The article's id.
            model_key: The model's key.
            version: The rules' version.
            text: The article's text, if loaded: every mention must be found in it at its
                offsets. Without it the entry is trusted as far as its own shape goes (the
                id is the text's digest, so the offsets it was written with still fit): a
                report that needs no text need not load the article.
            shape: The article's :func:`reader.analysis.shape`, if loaded: the same text
                loaded in other blocks (a loader that now sees a byline) is analysed again.
        """
        path = self.finished_path(article_id, model_key, version)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if (data["article_id"], data["model"], data["rules"]) != (
                article_id,
                model_key,
                version,
            ):
                return None
            if shape is not None and data["shape"] != shape:
                return None
            entities = []
            for name, label, mentions, votes, confidence, why in data["entities"]:
                found = []
                for start, end, by, written in mentions:
                    if not (type(start) is int and type(end) is int and 0 <= start < end):
                        return None
                    if by not in _SOURCES or not isinstance(written, str):
                        return None
                    if len(written) != end - start:
                        return None
                    if text is not None and text[start:end] != written:
                        return None  # not this text's, or damaged
                    found.append(Mention(start, end, written, by))
                entities.append(
                    Entity(
                        str(name),
                        str(label),
                        tuple(found),
                        {str(k): int(v) for k, v in votes.items()},
                        float(confidence),
                        tuple(str(reason) for reason in why),
                    )
                )
            sentences = data["sentences"]
            if type(sentences) is not int or sentences < 0:
                return None
            suggestions = []
            for sentence, label, speaker, cue_start, cue_end, source in data["suggestions"]:
                if not (type(sentence) is int and 0 <= sentence < sentences):
                    return None
                if source != "rules":
                    return None
                suggestions.append(
                    Suggestion(
                        sentence,
                        str(label),
                        None if speaker is None else str(speaker),
                        (int(cue_start), int(cue_end)),
                        source,
                    )
                )
            body = data["body"]
            if not all(type(i) is int and 0 <= i < sentences for i in body):
                return None
            return Finished(sentences, tuple(entities), tuple(suggestions), frozenset(body))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # damaged: made again from the raw entry

    def put_finished(
        self, article_id: str, model_key: str, version: str, shape: str, finished: Finished
    ) -> None:
        """Store a finished analysis; failures (read-only or full disk) are ignored."""
        data = {
            "article_id": article_id,
            "model": model_key,
            "rules": version,
            "shape": shape,
            "sentences": finished.sentences,
            "body": sorted(finished.body),
            "entities": [
                [
                    e.name,
                    e.label,
                    [[m.start, m.end, m.by, m.text] for m in e.mentions],
                    e.votes,
                    e.confidence,
                    list(e.why),
                ]
                for e in finished.entities
            ],
            "suggestions": [
                [s.sentence, s.label, s.speaker, s.cue[0], s.cue[1], s.source]
                for s in finished.suggestions
            ],
        }
        self._write(self.finished_path(article_id, model_key, version), data)

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
        self._write(self.path(article_id, model_key), data)

    def _write(self, path: Path, data: dict[str, Any]) -> None:
        """Write one entry atomically; failures (read-only or full disk) are ignored."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.root, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump(data, stream)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            pass
