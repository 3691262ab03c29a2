"""Annotations in and out of the store: what every export format and importer shares.

* :mod:`reader.interchange.sources` gathers what an export needs for each article: the
  store's record and annotations, and, for the formats that carry the article's text or
  entities, the article itself (loaded from the path the store recorded) and its analysis
  with the analyst's entity corrections applied.
* :mod:`reader.interchange.tokens` tokenises an article so that every entity and sentence
  boundary falls between tokens (Prodigy spans and spaCy docs need that).
* :mod:`reader.interchange.importing` reads ``jsonl``, ``prodigy`` and ``doccano`` exports
  back into a store.

Offsets everywhere are Python string offsets, that is Unicode code points, with an
exclusive end: ``text[start:end]`` is the annotated text.
"""

#: Said by every export, in the form each format allows (a field, a comment, the docs).
OFFSETS_NOTE = "offsets are Python character offsets (Unicode code points), end exclusive"
