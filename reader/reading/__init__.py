"""The headless side of reading an article: what the app needs that is not about widgets.

- :mod:`~reader.reading.session`: one analyst's tags on one article and their fate in the
  store (the one source of truth for tag state; the article view reads it).
- :mod:`~reader.reading.finder`: finding an article's entities for the app: the cache,
  else a child process, else here (:mod:`~reader.reading.analysis_process` is that child).
- :mod:`~reader.reading.finding`: search hits, an entity's mentions, the next of them.
- :mod:`~reader.reading.layout`: how many lines each sentence takes at a width.
- :mod:`~reader.reading.library_rows`, :mod:`~reader.reading.library_load` and
  :mod:`~reader.reading.library_index`: the library's rows, filtered and sorted as lists of
  row numbers; made from the files or, where a file is unchanged, from the library's index
  in the cache; the analyst's tag counts read from the store.
- :mod:`~reader.reading.corpus_lines`: a JSON Lines corpus read a line at a time, so the
  library shows its rows as they are read.

Nothing here imports Textual (``tests/test_layering.py`` checks it), so each rule is
tested without the app and the screens stay about keys and widgets.
"""
