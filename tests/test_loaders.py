"""Loading articles: the four text formats, their metadata and blocks, stable ids, bad
input (each a one-line error or a correct load), and hostile text kept inert."""

from __future__ import annotations

import codecs
import os
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.article import BLOCK_SEPARATOR, Article, article_id
from reader.errors import ArticleError
from reader.loaders import expand_paths, find_article_files, load_article, load_articles
from reader.loaders.decoding import normalise
from reader.loaders.text import parse_text

ARTICLES = Path(__file__).parent / "data" / "articles"


def _check_article(article: Article) -> None:
    """The invariants every loaded article keeps."""
    assert article.id == article_id(article.text)
    previous_end = -len(BLOCK_SEPARATOR)
    for block in article.blocks:
        assert article.text[previous_end : block.start] == BLOCK_SEPARATOR or previous_end < 0
        body = article.block_text(block)
        assert body and body == body.strip()
        assert "\n" not in body
        previous_end = block.end
    assert previous_end == len(article.text)
    # Nothing that acts on a terminal survives loading.
    assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) <= 0x9F for c in article.text)


# --- the scraped-page format (the sample) -----------------------------------------------


def test_sample_scraped_page(sample_path: Path) -> None:
    article = load_article(sample_path)
    _check_article(article)
    assert article.format == "scraped"
    assert article.path == str(sample_path)
    assert article.title == "Iran, Iraq vow to boost military ties"
    assert article.date == "2017-07-24"
    assert article.byline == "AFP"
    assert article.caption is not None
    assert article.caption.startswith("This Iranian ministry of defence handout photo shows")
    assert article.caption.endswith("(Anadolu Agency photo)")
    kinds = [block.kind for block in article.blocks]
    assert kinds == ["title", "byline", "caption"] + ["paragraph"] * 12
    assert article.block_text(article.blocks[3]).startswith("TEHRAN \u2014 Iran and Iraq")
    # The page chrome of the first line is not part of the article.
    assert "You are here" not in article.text
    assert "date 2017" not in article.text


def test_scraped_page_with_section_names_and_trailing_chrome() -> None:
    article = load_article(ARTICLES / "ecb-holds-rates.txt")
    _check_article(article)
    assert article.title == "ECB holds rates as Holtz warns wage growth is still too strong"
    assert article.byline == "Anna Lindqvist, Reuters"
    assert article.metadata.get("section") == "Business"
    assert article.caption is not None and article.caption.endswith("(Reuters photo)")
    for chrome in ("Home", "Business\n", "Share this article", "Related stories"):
        assert chrome not in article.text
    assert article.text.endswith("The next policy meeting is on April 11.")


def test_id_survives_rename_and_move(sample_path: Path, tmp_path: Path) -> None:
    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    shutil.copy(sample_path, moved)
    original, copy = load_article(sample_path), load_article(moved)
    assert copy.id == original.id
    assert copy.path == str(moved)


def test_id_changes_with_the_text(sample_path: Path, tmp_path: Path) -> None:
    edited = tmp_path / "edited.txt"
    edited.write_text(sample_path.read_text().replace("Hayali said", "Hayali added"))
    assert load_article(edited).id != load_article(sample_path).id


# --- wire copy --------------------------------------------------------------------------

WIRE_PARAGRAPHS = [
    "BRUSSELS (Reuters) - European Union finance ministers agreed on Tuesday to tighten the "
    "rules on cross-border payments, after two years of talks that at times threatened to "
    "collapse over how much power to give the new supervisor.",
    "The deal, which still needs the approval of the European Parliament, would create a "
    "single authority with the power to fine banks that fail to report suspicious "
    "transfers, officials said.",
    '"This is a good day for Europe," said one diplomat, who asked not to be named.',
]


@pytest.mark.parametrize(
    "layout",
    ["blank-lines", "indented"],
)
def test_wire_copy_lines_join_back_into_paragraphs(layout: str, tmp_path: Path) -> None:
    if layout == "blank-lines":
        body = "\n\n".join(textwrap.fill(p, 68) for p in WIRE_PARAGRAPHS)
    else:
        body = "\n".join(textwrap.fill(p, 70, initial_indent="   ") for p in WIRE_PARAGRAPHS)
    path = tmp_path / "wire.txt"
    path.write_text("EU agrees payment rules\n\nBy Reuters\n\n" + body + "\n")
    article = load_article(path)
    _check_article(article)
    assert article.format == "wire"
    assert (article.title, article.byline) == ("EU agrees payment rules", "Reuters")
    paragraphs = [article.block_text(b) for b in article.blocks if b.kind == "paragraph"]
    # textwrap broke "cross-border" at its hyphen: the hyphen stays, the break goes.
    assert paragraphs == WIRE_PARAGRAPHS


def test_own_wire_article() -> None:
    article = load_article(ARTICLES / "halvorsen-court-ruling.txt")
    _check_article(article)
    assert article.format == "wire"
    paragraphs = [article.block_text(b) for b in article.blocks if b.kind == "paragraph"]
    assert len(paragraphs) == 10
    assert paragraphs[0].startswith("CHICAGO (AP) -- A federal judge on Tuesday ordered")
    assert paragraphs[0].endswith("when it switched to a cheaper rival in 2021.")
    assert all(len(p) > 70 for p in paragraphs[:-1])


def test_paragraph_per_line_text_is_not_taken_for_wire_copy(sample_path: Path) -> None:
    article = load_article(sample_path)
    assert article.format == "scraped"  # its lines vary in length: one paragraph each
    assert len([b for b in article.blocks if b.kind == "paragraph"]) == 12


# --- Markdown and plain text ------------------------------------------------------------


def test_markdown_title_byline_caption_and_inline_markup() -> None:
    article = load_article(ARTICLES / "newcastle-sign-duarte.md")
    _check_article(article)
    assert article.format == "markdown"
    assert article.title == "Newcastle sign striker Rafael Duarte from Porto in £48m deal"
    assert (article.byline, article.date) == ("Sam Whitfield, PA Media", "2024-08-02")
    assert article.caption is not None and article.caption.startswith("Rafael Duarte celebrates")
    assert "**" not in article.text and "#" not in article.text and "](" not in article.text
    assert [b.kind for b in article.blocks][:3] == ["title", "byline", "caption"]


def test_markdown_front_matter_and_headings(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\n"
        'title: "Court backs *union* in pay dispute"\n'
        "date: 2024-05-02\n"
        "author: Jo Bell, PA Media\n"
        "---\n\n"
        "A tribunal ruled on **Thursday** that the [council](https://example.org) must\n"
        "pay its cleaners.\n\n"
        "## Background\n\n"
        "The dispute began in 2021.\n"
    )
    article = load_article(path)
    _check_article(article)
    assert (article.title, article.date, article.byline) == (
        "Court backs union in pay dispute",
        "2024-05-02",
        "Jo Bell, PA Media",
    )
    assert [(b.kind, article.block_text(b)) for b in article.blocks] == [
        ("title", "Court backs union in pay dispute"),
        ("paragraph", "A tribunal ruled on Thursday that the council must pay its cleaners."),
        ("heading", "Background"),
        ("paragraph", "The dispute began in 2021."),
    ]


def test_markdown_recognised_by_its_first_line_whatever_the_name(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("# Storm closes ports\n\nHigh winds shut three ports on Monday.\n")
    article = load_article(path)
    assert (article.format, article.title) == ("markdown", "Storm closes ports")


def test_plain_article() -> None:
    article = load_article(ARTICLES / "island-nations-climate-fund.txt")
    _check_article(article)
    assert article.format == "plain"
    assert article.byline == "Léa Marchand, AFP"
    assert article.date == "2023-11-14"
    assert [b.kind for b in article.blocks][:4] == ["title", "byline", "byline", "paragraph"]


def test_plain_text_without_header(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Prices rose. Wages did not.\n")
    article = load_article(path)
    assert article.title is None
    assert [(b.kind, article.block_text(b)) for b in article.blocks] == [
        ("paragraph", "Prices rose. Wages did not.")
    ]


# --- encodings and line ends ------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda s: s.replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param(lambda s: s.replace("\n", "\r").encode(), id="cr"),
        pytest.param(lambda s: codecs.BOM_UTF8 + s.encode(), id="utf8-bom"),
        pytest.param(lambda s: s.encode("utf-16"), id="utf16-bom"),
        pytest.param(lambda s: s.encode("latin-1"), id="latin-1"),
        pytest.param(lambda s: s.encode("cp1252"), id="windows-1252"),
        pytest.param(lambda s: (s.replace("\n", "  \t\n")).encode(), id="trailing-space"),
    ],
)
def test_encodings_and_line_ends_give_the_same_article(
    encode: Callable[[str], bytes], tmp_path: Path
) -> None:
    source = (
        "Café owners in Zürich protest rent rises\n\nBy AFP\n\n"
        "Owners of 40 cafés marched on Saturday. \u00abEnough\u00bb, one sign read.\n"
    )
    plain = tmp_path / "utf8.txt"
    plain.write_text(source, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_bytes(encode(source))
    expected, got = load_article(plain), load_article(other)
    assert got.text == expected.text
    assert got.id == expected.id
    assert got.title == "Café owners in Zürich protest rent rises"


def test_windows_1252_quotes_decode(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("\u201cWe will appeal,\u201d the firm said \u2014 again.\n".encode("cp1252"))
    assert load_article(path).text == "\u201cWe will appeal,\u201d the firm said \u2014 again."


def test_nfc_and_soft_hyphens(tmp_path: Path) -> None:
    path = tmp_path / "nfc.txt"
    path.write_text("Cafe\u0301 owners met the mi\u00adnister.\n")
    assert load_article(path).text == "Caf\u00e9 owners met the minister."


# --- bad input: one clear line each -----------------------------------------------------


def _error(path: Path) -> str:
    with pytest.raises(ArticleError) as caught:
        load_articles(path)
    message = str(caught.value)
    assert "\n" not in message and message.strip() == message
    assert "Traceback" not in message
    return message


def test_missing_file(tmp_path: Path) -> None:
    assert _error(tmp_path / "nope.txt") == f"no such file: {tmp_path / 'nope.txt'}"


def test_directory_where_a_file_is_expected(tmp_path: Path) -> None:
    assert "is a folder" in _error(tmp_path)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(bytes(range(256)) * 40, id="all-bytes"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + b"IHDR" * 100, id="png"),
        pytest.param(b"%PDF-1.7\n" + b"stream" * 100, id="pdf"),
        pytest.param(b"PK\x03\x04" + b"\x00" * 200, id="zip"),
        pytest.param(b"\x7fELF\x02\x01\x01" + b"\x00" * 200, id="elf"),
        pytest.param(b"Some text\x00with a NUL", id="nul"),
    ],
)
def test_binary_file(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    assert "binary file" in _error(path)


@pytest.mark.parametrize("data", [b"", b"   \n\n\t \r\n", codecs.BOM_UTF8])
def test_empty_file(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    assert "empty" in _error(path) or "no text" in _error(path)


def test_file_of_only_escape_sequences_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "ansi.txt"
    path.write_bytes(b"\x1b[2J\x1b[31m\x1b[0m\n")
    assert "no text" in _error(path)


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: instant, no 50 MB written
    message = _error(path)
    assert "52.4 MB" in message and "up to 10 MB" in message


def test_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "not a regular file" in _error(fifo)


def test_hostile_file_name_is_shown_inert(tmp_path: Path) -> None:
    message = _error(tmp_path / "evil\x1b]0;owned\x07\n.txt")
    assert "\x1b" not in message and "\x07" not in message and "\n" not in message
    assert "\u241b" in message  # ESC shown as its control picture


# --- hostile text -----------------------------------------------------------------------


def test_escape_sequences_and_controls_are_stripped_at_load(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_bytes(
        b"Markets \x1b[31mfall\x1b[0m sharply\n\n"
        b"Shares fell\x07 on Monday\x1b]0;pwned\x07 as \x1b]8;;http://x\x1b\\traders\x1b]8;;\x1b\\ "
        b"sold\x01 off.\x1bc Bonds \xc2\x9b31mrallied\x7f.\n"
    )
    article = load_article(path)
    _check_article(article)
    assert article.title == "Markets fall sharply"
    assert article.block_text(article.blocks[1]) == (
        "Shares fell on Monday as traders sold off. Bonds rallied."
    )


def test_tabs_become_spaces(tmp_path: Path) -> None:
    path = tmp_path / "tabs.txt"
    path.write_text("Rates\tunchanged\n")
    assert load_article(path).text == "Rates unchanged"


# --- folders ----------------------------------------------------------------------------


def test_folder_listing_skips_hidden_and_unknown_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", ".hidden.txt", "notes.docx", "c.TXT"):
        (tmp_path / name).write_text("Text.\n")
    (tmp_path / "sub.txt").mkdir()
    assert [p.name for p in find_article_files(tmp_path)] == ["a.md", "b.txt", "c.TXT"]
    assert [p.name for p in expand_paths([str(tmp_path / "b.txt"), str(tmp_path)])] == [
        "b.txt",
        "a.md",
        "b.txt",
        "c.TXT",
    ]


def test_folder_errors(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such folder"):
        find_article_files(tmp_path / "missing")
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(ArticleError, match="is not a folder"):
        find_article_files(tmp_path / "file.txt")


def test_own_articles_folder_loads() -> None:
    files = find_article_files(ARTICLES)
    assert len(files) == 4
    for path in files:
        _check_article(load_article(path))


# --- properties -------------------------------------------------------------------------

_LINES = st.lists(
    st.one_of(
        st.text(
            alphabet=st.characters(
                codec="utf-8", exclude_categories=["Cs"], exclude_characters="\r"
            ),
            max_size=90,
        ),
        st.sampled_from(
            [
                "",
                " date 2024-01-02 You are here",
                "# Heading",
                "By Jane Doe, Reuters - Jan 2,2024",
                "Photo: AFP",
                "---",
                "```",
                "  indented wire line that goes on and on for a while here",
                "\x1b[31mred\x1b[0m",
                "\ufeff",
            ]
        ),
    ),
    max_size=25,
)


@given(_LINES, st.sampled_from([".txt", ".md"]))
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_text_parses_into_a_consistent_article(lines: list[str], suffix: str) -> None:
    text = normalise("\n".join(lines))
    article = parse_text(text, path="random" + suffix, suffix=suffix)
    if article.blocks:
        _check_article(article)
    else:
        assert article.text == ""


@given(st.binary(max_size=600))
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_bytes_load_or_fail_with_one_line(data: bytes) -> None:
    folder = Path(os.environ["XDG_DATA_HOME"])
    path = folder / "random.txt"
    path.write_bytes(data)
    try:
        articles = load_articles(path)
    except ArticleError as error:
        assert "\n" not in str(error)
    else:
        for article in articles:
            _check_article(article)


def test_stored_path_is_absolute_and_keeps_a_corpus_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store records absolute paths, so exports work from any folder."""
    from reader.loaders import stored_path

    monkeypatch.chdir(tmp_path)
    assert stored_path("a.txt") == str(tmp_path / "a.txt")
    assert stored_path("sub/corpus.jsonl#12") == f"{tmp_path / 'sub' / 'corpus.jsonl'}#12"
    assert stored_path("/abs/notes#3.txt") == "/abs/notes#3.txt"


def test_a_byline_after_the_body_s_start_on_the_date_line_is_still_a_byline() -> None:
    text = (
        " date 2026-02-11 KYIV \u2014 A court on Tuesday set bail at a record sum for a former "
        "railway chief.\n"
        "Courts\n"
        "Court sets record bail for ex-railway chief\n"
        "By Oksana Melnyk - Feb 11,2026 - Last updated at Feb 11,2026\n"
        "The former chief denies the charges, his lawyers said.\n"
    )
    article = parse_text(text, path="x.txt")
    assert article.byline == "Oksana Melnyk"
    kinds = {article.block_text(block): block.kind for block in article.blocks}
    assert kinds["By Oksana Melnyk - Feb 11,2026 - Last updated at Feb 11,2026"] == "byline"
    assert article.text.startswith("KYIV \u2014 A court on Tuesday")  # no body text lost
