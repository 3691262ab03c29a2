"""Page chrome and wire furniture are told from names and body text by their shape.

Section kickers, menus, control bars and a writer's role never reach the entity rules as
names; a wire story's headline, byline and credits are their own blocks; the names that
chrome carries (a byline's, a publisher's) stay in the text; and body text is never
dropped. The names are invented.
"""

from __future__ import annotations

from pathlib import Path

from reader.loaders import load_article
from reader.loaders.chrome import copyright_credit, is_control_bar, publisher
from reader.loaders.layout import parse_byline, who_signed
from reader.loaders.text import parse_text

_WIRE = """\
Harbour workers walk out at Portvale as pay talks stall; shares slip
By MARTA OKONKWO-LINDH AP Business Writer
PORTVALE (AP) \u2014 Several hundred dock workers walked off the job on
Wednesday after talks with the port's operator broke down over pay,
the union said, leaving ships waiting at anchor outside the harbour.
The operator's head of labour relations, Peter K.
Dunmore III, said the company had offered a rise of 4% a year.
"We are still at the table," Dunmore said. "We have not left it and
we will not leave it, whatever is said outside the gates tonight."
The walkout is the first at the port since a week-long strike in 2019.
AP Business Writers Ines Varga-Holm in Oslo and Tomas Reid-Achebe in
Lagos contributed.
"""


def _blocks(text: str) -> list[tuple[str, str]]:
    article = parse_text(text, path="x.txt")
    return [(block.kind, article.block_text(block)) for block in article.blocks]


def test_a_wire_story_s_headline_and_byline_are_not_run_into_its_dateline() -> None:
    article = parse_text(_WIRE, path="x.txt")
    blocks = _blocks(_WIRE)
    assert blocks[0] == (
        "title",
        "Harbour workers walk out at Portvale as pay talks stall; shares slip",
    )
    assert blocks[1] == ("byline", "By MARTA OKONKWO-LINDH AP Business Writer")
    assert blocks[2][1].startswith("PORTVALE (AP) \u2014 Several hundred")
    # The writer's role is not part of who signed it; the outlet is.
    assert article.byline == "MARTA OKONKWO-LINDH, AP"


def test_a_name_s_initial_at_a_line_end_does_not_end_its_paragraph() -> None:
    paragraphs = [text for kind, text in _blocks(_WIRE) if kind == "paragraph"]
    assert any("Peter K. Dunmore III, said the company" in text for text in paragraphs)


def test_a_closing_credit_is_its_own_paragraph() -> None:
    paragraphs = [text for kind, text in _blocks(_WIRE) if kind == "paragraph"]
    assert paragraphs[-1] == (
        "AP Business Writers Ines Varga-Holm in Oslo and Tomas Reid-Achebe in Lagos contributed."
    )
    assert paragraphs[-2].endswith("since a week-long strike in 2019.")


def test_a_credit_wrapped_after_a_semicolon_stays_one_paragraph() -> None:
    text = _WIRE.replace(
        "AP Business Writers Ines Varga-Holm in Oslo and Tomas Reid-Achebe in\n"
        "Lagos contributed.\n",
        "(Reporting by Ines Varga-Holm in Oslo and Tomas Reid-Achebe in Lagos;\n"
        "Editing by Hal Brandt-Moore)\n",
    )
    paragraphs = [text for kind, text in _blocks(text) if kind == "paragraph"]
    assert paragraphs[-1].startswith("(Reporting by Ines Varga-Holm")
    assert paragraphs[-1].endswith("Editing by Hal Brandt-Moore)")


def test_who_signed_keeps_names_and_outlet_and_drops_the_role() -> None:
    assert who_signed("ANA PERIC and JON VIK Associated Press") == (
        "ANA PERIC and JON VIK, Associated Press"
    )
    assert who_signed("Dara Quinlan-Oyelowo, Arts Correspondent") == "Dara Quinlan-Oyelowo"
    assert who_signed("Mira Sol, Religion and Health Correspondent") == "Mira Sol"
    assert who_signed("Wirewell Staff") == "Wirewell"
    # Names stay as written, whatever their case.
    assert who_signed("Sam Tarrant, PA Media") == "Sam Tarrant, PA Media"
    assert who_signed("ODILE MARCHETTI") == "ODILE MARCHETTI"


def test_a_byline_may_open_in_the_page_s_language() -> None:
    assert parse_byline("Par / By Nadège Pierre-Jules \u2014 6 mai 2026") == (
        "Nadège Pierre-Jules",
        None,
    )
    assert parse_byline("Por Lucía Arce Benítez - 3 March 2026") == (
        "Lucía Arce Benítez",
        "2026-03-03",
    )
    assert parse_byline("Portvale dockers walk out") is None


def test_control_bars_are_chrome_in_any_of_their_languages() -> None:
    for line in (
        "Log in | Register",
        "Share this article: Facebook | X | Telegram | WhatsApp",
        "Partager : Facebook | WhatsApp | Copier le lien",
        "Iniciar sesión | Suscríbete | English",
        "Sign in | Subscribe \u20b999/month",
    ):
        assert is_control_bar(line), line
    # A bar of names is no control bar, and nor is a sentence.
    assert not is_control_bar("Labour | Greens | Liberals")
    assert not is_control_bar("Share prices fell: traders sold | bought")


_PAGE = """\
 date 2026-05-06 HARBOURTON \u2014 Dock workers walked out on Wednesday, the union said.
Aller au contenu
The Harbourton Ledger
Accueil | Politique | Économie | Sport | English
Se connecter | S'abonner
ÉCONOMIE / TRAVAIL
Dockers walk out as pay talks stall
Par / By Nadège Pierre-Jules \u2014 6 mai 2026
Partager : Facebook | WhatsApp | Copier le lien
Workers march to the port gates on Wednesday. Photo: Remy Ostrand/AFP
The operator said it would return to talks on Friday.
\u00a9 2026 The Harbourton Ledger. Tous droits réservés. | Confidentialité | Contact
"""


def test_a_page_header_after_the_lede_is_read_as_a_header() -> None:
    article = parse_text(_PAGE, path="x.txt")
    kinds = [(block.kind, article.block_text(block)) for block in article.blocks]
    assert kinds == [
        ("paragraph", "HARBOURTON \u2014 Dock workers walked out on Wednesday, the union said."),
        ("paragraph", "The Harbourton Ledger"),  # the masthead names the publisher
        ("title", "Dockers walk out as pay talks stall"),
        ("byline", "Par / By Nadège Pierre-Jules \u2014 6 mai 2026"),
        ("caption", "Workers march to the port gates on Wednesday. Photo: Remy Ostrand/AFP"),
        ("paragraph", "The operator said it would return to talks on Friday."),
        ("byline", "\u00a9 2026 The Harbourton Ledger"),
    ]
    # The kicker is the page's section, not text: it names no organisation.
    assert article.metadata["section"] == "ÉCONOMIE / TRAVAIL"
    assert article.metadata["source"] == "The Harbourton Ledger"
    assert article.byline == "Nadège Pierre-Jules"


def test_without_a_byline_the_lines_after_the_lede_are_all_kept() -> None:
    text = " date 2026-05-06 HARBOURTON \u2014 Dockers walked out.\nPOLITICS\nA short line\n"
    article = parse_text(text, path="x.txt")
    assert "POLITICS" in article.text and "A short line" in article.text


def test_a_copyright_line_keeps_its_publisher_and_drops_its_links() -> None:
    assert copyright_credit("\u00a9 2026 Vell Tribune. All rights reserved. | Privacy") == (
        "\u00a9 2026 Vell Tribune"
    )
    assert copyright_credit("Marrow Times \u00a9 2025 | About us | Contact") == (
        "Marrow Times \u00a9 2025"
    )
    assert copyright_credit("\u00a9 2026 All rights reserved.") is None
    assert publisher("Copyright \u00a9 2024 The Vell Tribune Ltd") == "The Vell Tribune Ltd"


def test_a_markdown_front_matter_byline_loses_its_role_only(tmp_path: Path) -> None:
    page = tmp_path / "story.md"
    page.write_text(
        "---\nauthor: Rhian Castell-Obi, Labour Correspondent\n---\n\n# Dockers walk out\n\n"
        "Dock workers walked out on Wednesday, the union said.\n",
        encoding="utf-8",
    )
    assert load_article(page).byline == "Rhian Castell-Obi"


def test_an_html_byline_without_metadata_is_kept(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    body = " ".join(["Dock workers walked out on Wednesday, the union said."] * 6)
    page.write_text(
        "<html><head><title>Dockers walk out</title></head><body><article>"
        "<h1>Dockers walk out</h1><p class='meta'>By Ilse Marek-Dunn &#183; 6 May 2026</p>"
        f"<p>{body}</p><p>The operator said it would talk again on Friday.</p></article>"
        "<footer><p>&copy; 2026 Vell Tribune. All rights reserved.</p></footer>"
        "</body></html>",
        encoding="utf-8",
    )
    article = load_article(page)
    texts = [article.block_text(block) for block in article.blocks]
    assert "By Ilse Marek-Dunn \u00b7 6 May 2026" in texts
    assert article.date == "2026-05-06"
    assert texts[-1] == "\u00a9 2026 Vell Tribune"
    assert article.metadata["source"] == "Vell Tribune"


def test_a_masthead_above_the_menu_is_not_the_headline() -> None:
    page = (
        " date 2026-05-06\n"
        "Skip to main content\n"
        "Vell Tribune\n"
        "News | Politics | Business | Sport | Opinion\n"
        "Donate | Log in | Subscribe from HUF 1,990 a month\n"
        "Politics\n"
        "Dockers walk out as pay talks stall at Harbourton\n"
        "By Ilse Marek-Dunn - 6 May 2026\n"
        "HARBOURTON \u2014 Dock workers walked out on Wednesday, the union said.\n"
        "\u00a9 2026 Vell Tribune. All rights reserved. | Privacy\n"
    )
    article = parse_text(page, path="x.txt")
    kinds = [(block.kind, article.block_text(block)) for block in article.blocks]
    assert kinds[:3] == [
        ("paragraph", "Vell Tribune"),
        ("title", "Dockers walk out as pay talks stall at Harbourton"),
        ("byline", "By Ilse Marek-Dunn - 6 May 2026"),
    ]
    assert article.metadata["section"] == "Politics"
    # A page without a copyright notice keeps its first line as the headline, as ever.
    bare = parse_text(
        page.replace("\u00a9 2026 Vell Tribune. All rights reserved. | Privacy\n", ""), path="x.txt"
    )
    assert bare.title == "Vell Tribune"


def test_a_wire_s_end_mark_is_dropped_and_its_editor_credit_kept() -> None:
    text = (
        "BEIJING, May 6 (Xinhua) -- Dock workers at Harbourton walked out on Wednesday.\n"
        "The operator said it would return to talks on Friday.\n"
        "Enditem\n"
        "Editor: Lin Weiqiao\n"
    )
    paragraphs = [t for kind, t in _blocks(text) if kind == "paragraph"]
    assert "Enditem" not in paragraphs
    assert paragraphs[-1] == "Editor: Lin Weiqiao"
