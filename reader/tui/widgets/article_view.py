"""The article, sentence by sentence, drawn with Textual's line API.

One widget draws the whole article: :class:`~reader.reading.layout.ArticleLayout` knows how
many lines each sentence takes, and a sentence's styled lines are built (from a
``rich.text.Text``, never markup) only when they come into sight, then cached until
something about that sentence changes. Moving the cursor or tagging re-renders one or two
sentences, so a 5,000-sentence article moves as fast as a short one.

Each line starts with a four-cell gutter (the cursor, the label, unsaved and note marks)
and a sentence may end with whoever says it: how each line is drawn is
:mod:`reader.tui.widgets.article_lines`; this module keeps the cursor, the scroll, the
layout and the cache of drawn lines.

For adding an entity, the view also keeps a selection of words in the current sentence
(:meth:`ArticleView.start_selection`), drawn underlined and reversed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence

from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.analysis import Sentence
from reader.article import Article
from reader.entities import Entity
from reader.labels import Label
from reader.reading.finding import Span, sentence_spans
from reader.reading.layout import ArticleLayout, Row, wrap_offsets
from reader.reading.words import word_spans
from reader.tui.display import shown
from reader.tui.widgets.article_lines import (
    GUTTER,
    STYLE_NAMES,
    Canvas,
    NoTags,
    TagSource,
    dateline_strip,
    gutter,
    sentence_strips,
    speaker_suffix,
    styled_sentence,
)

#: Widest text column, in cells: about 70 characters is the comfortable reading width.
TEXT_WIDTH = 72


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """The article's sentences, one cursor, tags in a gutter, entities highlighted.

    It has no key bindings of its own (a scroll view's arrows would scroll, not move the
    cursor): the reading screen binds every key and calls its methods. It keeps no tags of
    its own: it reads them from a :class:`TagSource` (the tagging session, see
    :meth:`read_tags`), which tells it which sentence to draw again.
    """

    COMPONENT_CLASSES = {
        "article-view--cursor",
        "article-view--cursor-mark",
        "article-view--title",
        "article-view--aside",
        "article-view--dateline",
        "article-view--person",
        "article-view--organisation",
        "article-view--place",
        "article-view--mark",
        "article-view--unsaved",
        "article-view--suggested",
        "article-view--speaker",
        "article-view--selection",
    }

    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        color: $foreground;
        scrollbar-gutter: stable;
    }
    ArticleView > .article-view--cursor { background: $primary 25%; }
    ArticleView:focus > .article-view--cursor { background: $primary 40%; }
    ArticleView > .article-view--cursor-mark { color: $accent; text-style: bold; }
    ArticleView > .article-view--title { text-style: bold; }
    ArticleView > .article-view--aside { text-style: italic; color: $foreground-muted; }
    ArticleView > .article-view--dateline { color: $foreground-muted; }
    ArticleView > .article-view--person { color: $text-accent; text-style: bold; }
    ArticleView > .article-view--organisation { color: $text-primary; text-style: underline; }
    ArticleView > .article-view--place { color: $text-success; text-style: italic; }
    ArticleView > .article-view--mark { text-style: reverse; }
    ArticleView > .article-view--unsaved { color: $text-error; text-style: bold reverse; }
    ArticleView > .article-view--suggested { color: $foreground-muted; text-style: dim; }
    ArticleView > .article-view--speaker { color: $foreground-muted; text-style: italic; }
    ArticleView > .article-view--selection { text-style: reverse underline; }
    """

    class CursorMoved(Message):
        """The cursor moved to another sentence."""

        def __init__(self, view: ArticleView, sentence: int) -> None:
            super().__init__()
            self.view = view
            self.sentence = sentence

    def __init__(
        self,
        article: Article,
        sentences: Sequence[Sentence],
        labels: Mapping[str, Label],
        *,
        dateline: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.article = article
        self.sentences = sentences
        #: The sentences' start offsets, for finding the sentence of an article offset.
        self.starts = [s.start for s in sentences]
        self._texts = [shown(s.text) for s in sentences]
        self._blocks = [s.block_index for s in sentences]
        self._labels = dict(labels)
        self._dateline = shown(dateline)
        title_blocks = [i for i, b in enumerate(article.blocks) if b.kind == "title"]
        self._dateline_after = title_blocks[-1] if title_blocks else -1
        self.cursor = 0
        self._source: TagSource = NoTags()
        #: The sources already listened to (the screen may switch back to one).
        self._heard: list[TagSource] = []
        self._entities: list[list[tuple[int, int, str]]] = [[] for _ in sentences]
        self._marks: dict[int, list[Span]] = {}
        self._shown: list[int] | None = None
        self._layout: ArticleLayout | None = None
        self._cache: dict[int, list[Strip]] = {}
        self._style_cache: dict[str, Style] | None = None
        self._margin = 0
        #: What follows each sentence that someone says: `` — Name`` (``?`` if suggested).
        self._suffixes: dict[int, str] = {}
        #: The words of the current sentence while words are selected, and the selection:
        #: ``(anchor, head)`` word positions.
        self._words: list[Span] = []
        self._selection: tuple[int, int] | None = None

    # -- state set by the screen -------------------------------------------------------

    @property
    def tags(self) -> Mapping[int, str]:
        """The label of each tagged sentence (read from the tag source)."""
        return self._source.tags

    @property
    def unsaved(self) -> set[int]:
        """The sentences whose tag is not saved (marked ``!``)."""
        return set(self._source.unsaved)

    @property
    def noted(self) -> set[int]:
        """The sentences whose tag has a note (marked ``*``)."""
        return {i for i in range(len(self.sentences)) if self._source.has_note(i)}

    def read_tags(self, source: TagSource) -> None:
        """Show the tags of ``source`` from now on, as they change."""
        self._source = source
        if not any(heard is source for heard in self._heard):
            self._heard.append(source)
            source.subscribe(self.refresh_tags)
        self._suffixes = self._all_suffixes()
        self._layout = None  # laid out with the speakers when first drawn
        self._invalidate()

    def refresh_tags(self, sentence: int | None = None) -> None:
        """Draw again a sentence whose tag changed (``None``: every sentence)."""
        if sentence is None:
            suffixes = self._all_suffixes()
            if suffixes != self._suffixes and self._layout is not None:
                self._suffixes = suffixes
                self._relayout()
                self.scroll_to_cursor()
            else:
                self._suffixes = suffixes
                self._invalidate()
        elif self._update_suffix(sentence):
            self._relayout()
            self.scroll_to_cursor()
        else:
            self._refresh_sentence(sentence)

    def speaker_suffix(self, sentence: int) -> str:
        """What follows the sentence on screen: `` — Name``, `` — Name?`` if suggested."""
        return speaker_suffix(self._source, sentence)

    def _all_suffixes(self) -> dict[int, str]:
        found = {}
        for index in range(len(self.sentences)):
            suffix = self.speaker_suffix(index)
            if suffix:
                found[index] = suffix
        return found

    def _update_suffix(self, sentence: int) -> bool:
        """Note the sentence's new speaker; whether the article must be laid out again (the
        sentence takes another number of lines)."""
        new = self.speaker_suffix(sentence)
        if new == self._suffixes.get(sentence, ""):
            return False
        if new:
            self._suffixes[sentence] = new
        else:
            self._suffixes.pop(sentence, None)
        layout = self._layout
        row = layout.row_of(sentence) if layout else None
        if layout is None or row is None:
            return False
        starts = wrap_offsets(self._texts[sentence] + new, layout.width)
        return tuple(starts) != row.starts

    def _shown_text(self, sentence: int) -> str:
        return self._texts[sentence] + self._suffixes.get(sentence, "")

    def set_entities(self, entities: Sequence[Entity]) -> None:
        """Highlight these entities' mentions by kind (person, organisation, place)."""
        spans: list[list[tuple[int, int, str]]] = [[] for _ in self.sentences]
        for entity in entities:
            if entity.kind == "other":
                continue
            for mention in entity.mentions:
                for index, a, b in self._spans(mention.start, mention.end):
                    spans[index].append((a, b, entity.kind))
        self._entities = spans
        self._invalidate()

    def set_marks(self, marks: Mapping[int, list[Span]]) -> None:
        """Mark these spans (relative to their sentence): search hits or an entity's mentions."""
        changed = set(self._marks) | set(marks)
        self._marks = dict(marks)
        for sentence in changed:
            self._refresh_sentence(sentence)

    def set_shown(self, shown: Sequence[int] | None) -> None:
        """Show only these sentences (``None``: all of them)."""
        self._shown = list(shown) if shown is not None else None
        if self._shown is not None and self._shown and self.cursor not in self._shown:
            position = bisect_left(self._shown, self.cursor)
            self.cursor = self._shown[min(position, len(self._shown) - 1)]
        self._relayout()
        self.keep_cursor_in_view(center=True)

    @property
    def shown(self) -> list[int]:
        """The sentences shown, in order."""
        return self._shown if self._shown is not None else list(range(len(self.sentences)))

    def _spans(self, start: int, end: int) -> Iterable[tuple[int, int, int]]:
        return sentence_spans(self.sentences, self.starts, start, end)

    # -- the cursor ------------------------------------------------------------------

    def move_to(self, sentence: int, *, center: bool = False) -> None:
        """Put the cursor on ``sentence`` (clamped to the article) and keep it in sight."""
        if not self.sentences:
            return
        sentence = max(0, min(sentence, len(self.sentences) - 1))
        if self._shown is not None and self._shown and sentence not in self._shown:
            return
        previous, self.cursor = self.cursor, sentence
        if previous != sentence:
            self.end_selection()
            self._refresh_sentence(previous)
            self._refresh_sentence(sentence)
            self.post_message(self.CursorMoved(self, sentence))
        self.scroll_to_cursor(center=center)

    def step(self, delta: int) -> None:
        """Move the cursor ``delta`` shown sentences on (or back)."""
        shown = self._shown
        if shown is None:
            self.move_to(self.cursor + delta)
        elif shown:
            position = bisect_left(shown, self.cursor) + delta
            self.move_to(shown[max(0, min(position, len(shown) - 1))])

    def first(self) -> None:
        """Move to the first shown sentence."""
        self.move_to(self.shown[0] if self.shown else 0)

    def last(self) -> None:
        """Move to the last shown sentence."""
        self.move_to(self.shown[-1] if self.shown else 0)

    def page(self, direction: int) -> None:
        """Move the cursor (and the view) one page down (1) or up (-1)."""
        layout = self._layout
        row = layout.row_of(self.cursor) if layout else None
        if layout is None or row is None:
            return
        height = max(self.scrollable_content_region.height - 2, 1)
        target = layout.row_at(max(0, min(row.first_line + direction * height, layout.height - 1)))
        if target is not None:
            if target.sentence == self.cursor:
                self.step(direction)
            else:
                self.move_to(target.sentence)

    def scroll_to_cursor(self, *, center: bool = False) -> None:
        """Scroll so that the cursor's sentence is in sight, with a little context."""
        layout = self._layout
        row = layout.row_of(self.cursor) if layout else None
        if row is None:
            return
        height = self.scrollable_content_region.height
        top, bottom = row.first_line, row.first_line + len(row.starts)
        y = self.scroll_offset.y
        if center:
            y = top - max(height - (bottom - top), 0) // 2
        elif top < y or bottom > y + height:
            # Out of sight: scroll a good way, leaving room to move on, rather than a line
            # at a time. A scroll repaints the whole view, so this keeps most keys cheap.
            y = bottom - 2 * height // 3 if top < y else top - height // 3
            y = min(y, top)  # a sentence taller than the view shows its start
        else:
            return
        self.scroll_to(y=max(0, y), animate=False, immediate=True)

    # -- selecting words (to add an entity) ------------------------------------------

    @property
    def selecting(self) -> bool:
        """Whether words of the current sentence are being selected."""
        return self._selection is not None

    @property
    def selected_span(self) -> Span | None:
        """The selected words' span in the current sentence's text, if selecting."""
        if self._selection is None:
            return None
        first, last = sorted(self._selection)
        return self._words[first][0], self._words[last][1]

    @property
    def selected_text(self) -> str:
        """The selected words, as written in the article (``""`` if none)."""
        span = self.selected_span
        if span is None or not self.sentences:
            return ""
        return self.sentences[self.cursor].text[span[0] : span[1]]

    def start_selection(self) -> bool:
        """Select the current sentence's first word; whether it has any."""
        if not self.sentences:
            return False
        self._words = word_spans(self.sentences[self.cursor].text)
        if not self._words:
            return False
        self._selection = (0, 0)
        self._refresh_sentence(self.cursor)
        return True

    def move_selection(self, delta: int, *, extend: bool = False) -> None:
        """Move the selection's head ``delta`` words; without ``extend``, select that word
        alone."""
        if self._selection is None:
            return
        anchor, head = self._selection
        head = max(0, min(head + delta, len(self._words) - 1))
        self._selection = (anchor if extend else head, head)
        self._refresh_sentence(self.cursor)

    def end_selection(self) -> None:
        """Stop selecting."""
        if self._selection is not None:
            self._selection = None
            self._words = []
            self._refresh_sentence(self.cursor)

    # -- layout and rendering --------------------------------------------------------

    def _text_width(self) -> int:
        return max(min(self.scrollable_content_region.width - GUTTER, TEXT_WIDTH), 8)

    def _ensure_layout(self) -> ArticleLayout:
        """The layout at the current width, made now if there is none or the width changed.

        Called from ``render_line`` too: the first frame is drawn before the first Resize
        event arrives, and the article should be in that frame.
        """
        layout = self._layout
        if layout is None or layout.width != self._text_width():
            self._relayout()
            assert self._layout is not None
            return self._layout
        return layout

    def _relayout(self) -> None:
        width = self._text_width()
        self._margin = max((self.scrollable_content_region.width - GUTTER - width) // 2, 0)
        self._layout = ArticleLayout(
            [self._shown_text(i) for i in range(len(self._texts))]
            if self._suffixes
            else self._texts,
            self._blocks,
            self.shown,
            width,
            dateline_after=self._dateline_after if self._dateline else None,
        )
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, self._layout.height)
        self.refresh()

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def _refresh_sentence(self, sentence: int) -> None:
        self._cache.pop(sentence, None)
        layout = self._layout
        row = layout.row_of(sentence) if layout else None
        if row is not None:
            self.refresh_lines(row.top, row.height)

    def keep_cursor_in_view(self, *, center: bool = False) -> None:
        """Scroll the cursor's sentence into sight now and once more after the next refresh.

        After a re-layout (a resize, a filter, the panel shown or hidden) Textual may clamp
        the scroll offset to the new size after this call; the next tag key tags the
        current sentence, so it must be on screen whatever happened in between.
        """
        self.scroll_to_cursor(center=center)
        self.call_after_refresh(self.scroll_to_cursor)

    def on_resize(self, event: events.Resize) -> None:
        """Lay the article out again at the new width; keep the cursor in sight whatever
        changed (a taller view scrolls back to the top, a shorter one must follow)."""
        if self._layout is None or self._layout.width != self._text_width():
            self._ensure_layout()
        self.keep_cursor_in_view()

    def notify_style_update(self) -> None:
        """The theme or the CSS changed: styled lines must be built again."""
        super().notify_style_update()
        self._style_cache = None
        self._cache.clear()

    def on_click(self, event: events.Click) -> None:
        """Put the cursor on the clicked sentence."""
        layout = self._layout
        row = layout.row_at(event.y + self.scroll_offset.y) if layout else None
        if row is not None:
            self.move_to(row.sentence)

    def _styles(self) -> dict[str, Style]:
        # Resolving a style walks the CSS; render_line runs for every line drawn, so the
        # styles are resolved once per theme or CSS change.
        if self._style_cache is None:
            styles = {name: self._component(name) for name in STYLE_NAMES}
            styles["base"] = self.rich_style
            self._style_cache = styles
        return self._style_cache

    def _component(self, name: str) -> Style:
        return self.get_component_rich_style(f"article-view--{name}", partial=True)

    def render_line(self, y: int) -> Strip:
        """Draw one line of the view."""
        styles = self._styles()
        base = styles["base"]
        width = self.scrollable_content_region.width
        if width <= 0 or not self.sentences:
            return Strip.blank(width, base)
        layout = self._ensure_layout()
        line = y + self.scroll_offset.y
        row = layout.row_at(line)
        if row is None:
            return Strip.blank(width, base)
        if line < row.first_line:
            if line == layout.dateline:
                return self._dateline_strip(width)
            return Strip.blank(width, base)
        strips = self._cache.get(row.sentence)
        if strips is None:
            strips = self._cache[row.sentence] = self._render_sentence(row, width)
        return strips[line - row.first_line]

    def _canvas(self, width: int) -> Canvas:
        return Canvas(
            self._styles(),
            self.app.console,
            width,
            self._layout.width if self._layout else width,
            self._margin,
        )

    def _dateline_strip(self, width: int) -> Strip:
        return dateline_strip(self._dateline, self._canvas(width))

    def _render_sentence(self, row: Row, width: int) -> list[Strip]:
        """The finished lines of one sentence: margin, gutter, text, padding."""
        index = row.sentence
        styles = self._styles()
        current = index == self.cursor
        text = styled_sentence(
            self._texts[index],
            self.sentences[index].block,
            entities=self._entities[index],
            marks=self._marks.get(index, ()),
            selected=self.selected_span if current else None,
            suffix=self._suffixes.get(index),
            current=current,
            styles=styles,
        )
        marks = gutter(
            self._source, self._labels, index, current=current, count=len(row.starts), styles=styles
        )
        return sentence_strips(text, row.starts, marks, current=current, canvas=self._canvas(width))
