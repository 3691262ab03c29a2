"""The dependency parse as plain data: look-ups, the cache round trip, and long blocks cut
into pieces for the model."""

from __future__ import annotations

from pathlib import Path

from reader.analysis import MAX_PIECE, Analyser, _pieces
from reader.article import Article, build_article
from reader.cache import AnalysisCache
from reader.entities import RawSpan
from reader.loaders import load_article
from reader.syntax import Parse, Token


def _article(text: str) -> Article:
    return build_article([("paragraph", text.strip())], path="long.txt", format="plain")


def test_parse_lookups_follow_heads_and_offsets(analyser: Analyser, sample_path: Path) -> None:
    analysis = analyser.analyse(load_article(sample_path))
    parse = analysis.parse
    text = analysis.article.text
    said = next(i for i, t in enumerate(parse.tokens) if text[t.start : t.end] == "said")
    assert parse.tokens[said].lemma == "say"
    subjects = [c for c in parse.children(said) if parse.tokens[c].dep == "nsubj"]
    assert subjects, "a speech verb has a subject"
    assert parse.at(parse.tokens[said].start + 1) == said
    low, high = parse.subtree(said)
    assert low <= said <= high
    assert all(parse.tokens[a].head != a for a in parse.ancestors(said)[:-1])
    assert list(parse.between(parse.tokens[said].start, parse.tokens[said].end)) == [said]


def test_a_span_s_last_token_is_its_head_and_none_outside_the_tokens() -> None:
    # "Ama Owusu spoke": tokens at 0-3, 4-9 and 10-15; a gap of one space between them.
    parse = Parse(
        (
            Token(0, 3, "NNP", "PROPN", "compound", 1, "Ama"),
            Token(4, 9, "NNP", "PROPN", "nsubj", 2, "Owusu"),
            Token(10, 15, "VBD", "VERB", "ROOT", 2, "speak"),
        )
    )
    assert parse.last_of(0, 9) == 1
    assert parse.last_of(4, 9) == 1
    assert parse.last_of(0, 3) == 0
    assert parse.last_of(3, 9) is None  # a space opens the span: no token covers it
    assert Parse().last_of(0, 5) is None


def test_the_parse_is_cached_and_read_back_the_same(
    fresh_analyser: Analyser, sample_path: Path
) -> None:
    article = load_article(sample_path)
    fresh = fresh_analyser.analyse(article)
    cached = fresh_analyser.cached(article)
    assert cached is not None and fresh.parse.tokens
    assert cached.parse.tokens == fresh.parse.tokens
    assert cached.suggestions == fresh.suggestions


def test_a_cache_entry_with_a_head_outside_the_tokens_is_damaged(tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path)
    bad = Parse((Token(0, 4, "NNP", "PROPN", "ROOT", 7, "Iran"),))
    cache.put("0123456789abcdef", "m-1", [RawSpan(0, 4, "GPE")], bad)
    assert cache.load("0123456789abcdef", "m-1") is None


def test_blocks_up_to_a_piece_go_whole_to_the_model() -> None:
    article = _article("One sentence here. " * 10)
    assert _pieces(article) == [(0, article.text)]
    assert len(article.text) < MAX_PIECE


def test_a_long_block_is_cut_between_sentences_and_keeps_every_character() -> None:
    sentence = "The council met again on Tuesday and said nothing new. "
    article = _article(sentence * (3 * MAX_PIECE // len(sentence)))
    pieces = _pieces(article)
    assert len(pieces) > 2
    assert all(len(text) <= MAX_PIECE for _, text in pieces)
    assert "".join(text for _, text in pieces) == article.text
    for offset, text in pieces:
        assert article.text[offset : offset + len(text)] == text
        assert text.rstrip().endswith("new.")  # cut at a sentence's end


def test_one_sentence_longer_than_a_piece_is_cut_at_spaces() -> None:
    article = _article("word " * (MAX_PIECE // 2) + "end.")
    pieces = _pieces(article)
    assert len(pieces) >= 2 and all(len(text) <= MAX_PIECE for _, text in pieces)
    assert "".join(text for _, text in pieces) == article.text
    assert all(text.startswith("word") or text.startswith("end") for _, text in pieces)


def test_a_paragraph_longer_than_a_piece_is_analysed_with_offsets_into_the_article(
    fresh_analyser: Analyser,
) -> None:
    paragraph = "Amara Nwosu said the fund was ready. " * (MAX_PIECE // 30)
    analysis = fresh_analyser.analyse(_article(paragraph))
    text = analysis.article.text
    assert len(text) > MAX_PIECE
    assert analysis.parse.tokens[-1].end == len(text)
    assert all(text[t.start : t.end].strip() for t in analysis.parse.tokens)
    names = [e for e in analysis.entities if e.name == "Amara Nwosu"]
    assert names and names[0].mentions[-1].end > MAX_PIECE
