"""One import into a store: the checks and the store calls every import format shares.

Each format that can be read back defines ``read(importer, line, record)`` (see
:class:`reader.formats.base.Format`); it hands the importer what each record says with
:meth:`Importer.take` or :meth:`Importer.apply`, and raises :class:`Skip` for a record that
cannot be imported. :mod:`reader.formats.importing` runs a whole file.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from reader.annotated import Warn, load_stored_article, sentences_of_text
from reader.errors import ArticleError, StoreError
from reader.records import ORIGINS, Annotation
from reader.safe_text import visible
from reader.store import Store, check_annotator, is_article_id

if TYPE_CHECKING:
    from reader.analysis import Sentence
    from reader.article import Article

# The segmenter (reader.analysis) and the article (its hashing) are imported where an
# article is split or a text checked: every format that can be read back imports this
# module, and exporting in that format needs neither.


@dataclass
class ArticleHint:
    """What a file says about an article, to register it if the store does not know it."""

    path: str = ""
    title: str | None = None
    text: str | None = None


@dataclass
class ImportReport:
    """What an import did.

    Attributes:
        format: The format read.
        tagged: Annotations created or relabelled.
        unchanged: Annotations that were already in the store as the file has them.
        notes: Notes and attributions set.
        skipped: Records or spans not imported because something was wrong with them.
        ignored: Entity spans and entity tasks (the model's, not annotations), and
            rejected or skipped Prodigy tasks, which are not imported by design.
        articles: Ids of the articles that were touched.
    """

    format: str
    tagged: int = 0
    unchanged: int = 0
    notes: int = 0
    skipped: int = 0
    ignored: int = 0
    articles: set[str] = field(default_factory=set)


class Skip(Exception):
    """A record cannot be imported; the message says why."""


def integer(record: dict[str, Any], key: str) -> int:
    """``record[key]``, which must be an integer.

    Raises:
        Skip: It is not.
    """
    value = record.get(key)
    if type(value) is not int:
        raise Skip(f"{key!r} must be an integer")
    return value


def optional_text(record: dict[str, Any], key: str) -> str | None:
    """``record[key]``: a string with something in it, else ``None`` (absent, ``null``,
    empty or only white space: a blank value says nothing, so it never clears anything).

    Raises:
        Skip: It is something else.
    """
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str) or not value:
        raise Skip(f"{key!r} must be a non-empty string")
    return value


def required_text(record: dict[str, Any], key: str) -> str:
    """``record[key]``, which must be a non-empty string.

    Raises:
        Skip: It is not.
    """
    value = optional_text(record, key)
    if value is None:
        raise Skip(f"{key!r} must be a non-empty string")
    return value


def _present(value: str | None) -> str | None:
    """``value``, or ``None`` when it says nothing (empty or only white space)."""
    return value if value is not None and value.strip() else None


class Importer:
    """One import into a store: what each format's ``read`` hands its records to.

    Args:
        store: The store to import into.
        fmt: The format's name, for the report.
        annotator: Who the annotations are by when a record does not say.
        warn: Called with one line per record skipped or changed on the way.
        name: How messages name the file.
    """

    def __init__(self, store: Store, fmt: str, annotator: str, warn: Warn, name: str) -> None:
        self.store = store
        self.annotator = annotator
        self.warn = warn
        self.name = name
        self.report = ImportReport(fmt)
        self.hints: dict[str, ArticleHint] = {}
        self._existing: dict[str, dict[tuple[int, int, str], Annotation]] = {}
        # id -> the article's text and sentences, when it could be loaded (or the file
        # carries its text); None when neither, and its records cannot be checked.
        self._articles: dict[str, tuple[str, tuple[Sentence, ...]] | None] = {}
        self._paths: dict[str, str] | None = None  # id -> path, as the store had them
        self._files: dict[str, dict[str, Article]] = {}  # each file loaded once

    def skip(self, line: int, message: str) -> None:
        """Count a record (or span) as skipped and say why."""
        self.report.skipped += 1
        self.warn(f"{self.name}: line {line}: {message}; skipped")

    def hint(self, article_id: str, **values: Any) -> None:
        """Note what the file says about an article (``path``, ``title``, ``text``).

        A ``text`` is kept only if it is the article's: its hash is the article's id. A
        record cannot vouch for its own offsets with a text made up to fit them.
        """
        hint = self.hints.setdefault(article_id, ArticleHint())
        text = values.get("text")
        from reader.article import article_id as text_id

        if text is not None and (not isinstance(text, str) or text_id(text) != article_id):
            values = {key: value for key, value in values.items() if key != "text"}
        for key, value in values.items():
            if value and not getattr(hint, key):
                setattr(hint, key, value)

    def take(self, fields: dict[str, Any], *, text: str, label: str, annotator: str) -> None:
        """Read an annotation's place and extras from ``fields`` (a jsonl record, or a
        Prodigy task's ``meta``), note its article's path and title, and apply it."""
        incoming = Annotation(
            article_id=required_text(fields, "article_id"),
            sentence=integer(fields, "sentence"),
            start=integer(fields, "start"),
            end=integer(fields, "end"),
            text=text,
            label=label,
            annotator=annotator,
            note=optional_text(fields, "note"),
            attribution=optional_text(fields, "attribution"),
            created="",  # the store stamps its own times
            updated="",
            # An accepted suggestion stays one (older exports have no origin).
            origin=fields["origin"] if fields.get("origin") in ORIGINS else "analyst",
        )
        path = fields.get("path")
        title = fields.get("title")
        self.hint(
            incoming.article_id,
            path=path if isinstance(path, str) else "",
            title=title if isinstance(title, str) else None,
        )
        self.apply(incoming)

    # -- into the store --------------------------------------------------------------

    def _article(self, article_id: str) -> tuple[str, tuple[Sentence, ...]] | None:
        """The article's text and sentences: from its file (by the store's path or the
        file's hint), else from the text the import file carries; ``None`` if neither."""
        if article_id not in self._articles:
            hint = self.hints.get(article_id, ArticleHint())
            found: tuple[str, tuple[Sentence, ...]] | None = None
            if self._paths is None:
                self._paths = {r.id: r.path for r in self.store.articles()}
            for path in dict.fromkeys((self._paths.get(article_id, ""), hint.path)):
                try:
                    article = load_stored_article(article_id, path, self._files)
                except ArticleError:
                    continue
                from reader.analysis import split_article

                found = (article.text, split_article(article))
                break
            if found is None and hint.text is not None:
                found = (hint.text, sentences_of_text(hint.text))
            if found is not None:  # not cached while unknown: a later record may bring it
                self._articles[article_id] = found
            return found
        return self._articles[article_id]

    def check(self, incoming: Annotation) -> None:
        """Refuse what the store would refuse, and any record that is not exactly one of
        its article's sentences, so that only annotations that fit the text get in.

        Offsets are checked against the article's text: from its file, or from the text
        the import file carries (whose hash must be the article's id). When neither can be
        had, nothing can be checked, so the record is refused rather than trusted.
        """
        if self.store.labels.by_name(incoming.label) is None:
            names = ", ".join(self.store.labels.names)
            raise Skip(f"unknown label {incoming.label!r} (labels: {names})")
        if incoming.sentence < 0 or not 0 <= incoming.start < incoming.end:
            raise Skip(f"invalid sentence span {incoming.start}-{incoming.end}")
        if not is_article_id(incoming.article_id):
            raise Skip(f"invalid article id {incoming.article_id!r}")
        try:
            check_annotator(incoming.annotator)
        except StoreError as error:
            raise Skip(error.message) from None
        found = self._article(incoming.article_id)
        where = f"article {incoming.article_id}"
        if found is None:
            raise Skip(
                f"{where}: its file was not found and the import file does not carry its "
                "text, so the offsets cannot be checked"
            )
        text, sentences = found
        span = f"{incoming.start}-{incoming.end}"
        if incoming.end > len(text):
            raise Skip(f"{span} is past the end of {where} ({len(text)} characters)")
        if text[incoming.start : incoming.end] != incoming.text:
            raise Skip(f"the text at {span} of {where} is not the sentence given")
        if incoming.sentence >= len(sentences):
            raise Skip(
                f"sentence {incoming.sentence} is past the end of {where} "
                f"({len(sentences)} sentences)"
            )
        sentence = sentences[incoming.sentence]
        if (sentence.start, sentence.end) != (incoming.start, incoming.end):
            raise Skip(
                f"{span} is not sentence {incoming.sentence} of {where} "
                f"(which is {sentence.start}-{sentence.end})"
            )

    def apply(self, incoming: Annotation) -> None:
        """Tag, note and attribute the sentence as the record says; count what changed.

        A note or attribution that is absent, empty or only white space leaves the stored
        one alone: an import never removes one (the store would read blank as "clear").
        """
        self.check(incoming)
        incoming = replace(
            incoming, note=_present(incoming.note), attribution=_present(incoming.attribution)
        )
        if incoming.article_id not in self._existing:
            self._existing[incoming.article_id] = {
                (a.start, a.end, a.annotator): a
                for a in self.store.annotations(incoming.article_id)
            }
        existing = self._existing[incoming.article_id]
        key = (incoming.start, incoming.end, incoming.annotator)
        before = existing.get(key)
        saved = self.store.tag(
            incoming.article_id,
            sentence=incoming.sentence,
            start=incoming.start,
            end=incoming.end,
            text=incoming.text,
            label=incoming.label,
            annotator=incoming.annotator,
            origin=incoming.origin,
        )
        assert saved is not None  # a label was given, so the sentence is tagged
        if incoming.note is not None and saved.note != incoming.note:
            saved = self.store.set_note(
                incoming.article_id,
                start=incoming.start,
                end=incoming.end,
                annotator=incoming.annotator,
                note=incoming.note,
            )
            self.report.notes += 1
        if incoming.attribution is not None and saved.attribution != incoming.attribution:
            saved = self.store.set_attribution(
                incoming.article_id,
                start=incoming.start,
                end=incoming.end,
                annotator=incoming.annotator,
                attribution=incoming.attribution,
            )
            self.report.notes += 1
        existing[key] = saved
        if before is not None and (before.label, before.sentence) == (saved.label, saved.sentence):
            self.report.unchanged += 1
        else:
            self.report.tagged += 1
        self.report.articles.add(incoming.article_id)

    def register(self) -> None:
        """Tell the store where each imported article lives, when it does not know yet."""
        records = {record.id: record for record in self.store.articles()}
        for article_id in sorted(self.report.articles):
            record = records.get(article_id)
            if record is not None and record.path:
                continue
            hint = self.hints.get(article_id, ArticleHint())
            try:
                article = load_stored_article(article_id, hint.path)
            except ArticleError:
                article = None
            if article is not None:
                from reader.analysis import split_article

                self.store.register_article(
                    article_id,
                    path=article.path,
                    title=article.title,
                    date=article.date,
                    byline=article.byline,
                    sentences=len(split_article(article)),
                )
            elif hint.text is not None:
                self.store.register_article(
                    article_id,
                    path=hint.path,
                    title=hint.title,
                    date=None,
                    byline=None,
                    sentences=len(sentences_of_text(hint.text)),
                )
            else:
                shown = visible(hint.path) if hint.path else f"article {article_id}"
                self.warn(
                    f"{shown}: the article's file was not found, so the store does not know "
                    "where it is; open it in reader to record that"
                )
