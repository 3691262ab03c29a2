"""The publisher a page's copyright notice names is an organisation where the text writes
it: a loader keeps the credit ("© 2026 Acme Herald") and names it the article's source,
and the entity rules take that shape over the model's guess. The names are invented."""

from __future__ import annotations

import dataclasses

from reader.analysis import Analyser
from reader.loaders.text import parse_text

_PAGE = """\
 date 2026-05-06 HARBOURTON \u2014 Dock workers walked out on Wednesday, the union said.
Orla Brandt-Keane
Home | Politics | Business | Sport
POLITICS
Dockers walk out as pay talks stall
By Nadia Pell-Varga - 6 May 2026
Union leader Tomas Edevane-Roe said the strike would last until Friday.
"We are not going back for less," Edevane-Roe said.
\u00a9 2026 Orla Brandt-Keane. All rights reserved. | Privacy | Contact
"""


def test_the_publisher_of_the_copyright_notice_is_an_organisation(analyser: Analyser) -> None:
    article = parse_text(_PAGE, path="x.txt")
    assert article.metadata["source"] == "Orla Brandt-Keane"
    found = {e.name: e for e in analyser.analyse(article).entities}
    # Shaped like a person's name, the masthead is the publisher all the same.
    assert found["Orla Brandt-Keane"].label == "ORG"
    # The people of the story are people still, and the kicker is no organisation.
    assert found["Tomas Edevane-Roe"].label == "PERSON"
    assert found["Nadia Pell-Varga"].label == "PERSON"
    assert "POLITICS" not in found


def test_a_publisher_the_model_misses_is_found(analyser: Analyser) -> None:
    article = parse_text(_PAGE.replace("Orla Brandt-Keane", "The Harbourton Ledger"), path="x.txt")
    found = {e.name: e for e in analyser.analyse(article).entities}
    assert found["The Harbourton Ledger"].label == "ORG"


def test_a_site_name_that_is_the_headline_is_no_publisher(analyser: Analyser) -> None:
    # Some pages' metadata give the headline as the site's name.
    article = parse_text(_PAGE, path="x.txt")
    title = "Dockers walk out as pay talks stall"
    article = dataclasses.replace(article, metadata={"source": title})
    assert title not in {e.name for e in analyser.analyse(article).entities}
