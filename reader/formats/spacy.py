"""spaCy: a ``.spacy`` DocBin, one ``Doc`` per article, for training and analysis.

Each doc is the article's text tokenised by ``spacy.blank("en")`` (tokens split where an
entity or a tagged sentence starts or ends, so no span moves), with:

* ``doc.ents``: the entity mentions, labelled ``PERSON``, ``ORG``, ``GPE``, ...;
* ``doc.spans["sentences"]``: the tagged sentences, ``span.label_`` the label's name, one
  span per annotator (spans may repeat when analysts agree or overlap when they do not);
* sentence boundaries (``doc.sents``) at reader's sentences;
* ``doc.user_data["reader"]``: the article id, path and title, the offsets convention,
  and each annotation in full (annotator, note, attribution, times), in the order of
  ``doc.spans["sentences"]``.

Read it with ``DocBin().from_disk(PATH).get_docs(nlp.vocab)``. The file is binary, so it
is only ever written to a file (``-o OUT.spacy``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from reader.analysis import split_article
from reader.annotated import AnnotatedArticle
from reader.formats.base import (
    OFFSETS_NOTE,
    ExportOptions,
    ExportSummary,
    Format,
    entity_spans,
)
from reader.formats.output import write_file
from reader.formats.tokens import blank_english, tokenize
from reader.safe_text import encodable


def make_doc(item: AnnotatedArticle, options: ExportOptions) -> Any:
    """The spaCy ``Doc`` of one article (which must be loaded)."""
    from spacy.tokens import Doc

    assert item.article is not None
    text = item.article.text
    ents = entity_spans(item, options.warn) if options.entities else []
    tagged = list(item.annotations) if options.sentences else []
    sentences = split_article(item.article)
    edges = {edge for span in ents for edge in (span.start, span.end)}
    edges |= {edge for a in tagged for edge in (a.start, a.end)}
    edges |= {sentence.start for sentence in sentences}
    tokens = tokenize(text, edges)
    starts = {sentence.start for sentence in sentences}
    doc = Doc(
        blank_english().vocab,
        words=[token.text for token in tokens],
        spaces=[token.ws for token in tokens],
        sent_starts=[token.start in starts for token in tokens],
    )
    if doc.text != text:  # tokens always rebuild the text; never write a doc that moved
        raise AssertionError(f"{item.name}: the spaCy doc does not reproduce the text")

    def span(start: int, end: int, label: str) -> Any:
        found = doc.char_span(start, end, label=label, alignment_mode="strict")
        if found is None or (found.start_char, found.end_char) != (start, end):
            raise AssertionError(f"{item.name}: span {start}-{end} is not on token boundaries")
        return found

    doc.ents = [span(e.start, e.end, e.label) for e in ents]
    doc.spans["sentences"] = [span(a.start, a.end, a.label) for a in tagged]
    # msgpack writes strings as UTF-8: a file name that is not UTF-8 (lone surrogates)
    # or a note with a lone surrogate would end the export.
    doc.user_data["reader"] = _encodable(
        {
            "article_id": item.id,
            "path": item.path,
            "title": item.title,
            "offsets": OFFSETS_NOTE,
            "annotations": [
                {
                    "sentence": a.sentence,
                    "start": a.start,
                    "end": a.end,
                    "label": a.label,
                    "annotator": a.annotator,
                    "note": a.note,
                    "attribution": a.attribution,
                    "created": a.created,
                    "updated": a.updated,
                    "origin": a.origin,
                }
                for a in tagged
            ],
        }
    )
    return doc


def _encodable(value: Any) -> Any:
    """``value`` with every string in it made encodable as UTF-8 (:func:`encodable`)."""
    if isinstance(value, str):
        return encodable(value)
    if isinstance(value, dict):
        return {key: _encodable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_encodable(item) for item in value]
    return value


def write(
    items: Sequence[AnnotatedArticle], target: TextIO | Path, options: ExportOptions
) -> ExportSummary:
    """Write the DocBin of every loaded article to the file ``target``."""
    from spacy.tokens import DocBin

    assert isinstance(target, Path)
    docs = DocBin(store_user_data=True)
    articles = annotations = 0
    for item in items:
        if item.article is None:
            continue
        docs.add(make_doc(item, options))
        articles += 1
        annotations += len(item.annotations) if options.sentences else 0
    write_file(target, docs.to_bytes())
    return ExportSummary(articles, annotations)


FORMAT = Format(
    name="spacy",
    suffix=".spacy",
    description="spaCy DocBin (.spacy): entities in doc.ents, labels in doc.spans['sentences']",
    output="file",
    write=write,
    need="entities",
    sentences_need="text",
)
