"""Who said what: each rule of :mod:`reader.attribution` on small articles read by the real
spaCy model, the quotation-mark pairing on its own, and the two cases of the issue on the
sample article."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import Analyser, Analysis
from reader.article import build_article
from reader.attribution import Suggestion
from reader.attribution.quotes import find_quotations
from reader.commands.analyse import analysis_json
from reader.loaders import load_article


def analyse(analyser: Analyser, *paragraphs: str) -> Analysis:
    article = build_article([("paragraph", p) for p in paragraphs], path="x.txt", format="plain")
    return analyser.analyse(article)


def quotes(analysis: Analysis) -> dict[str, str | None]:
    """Each suggested sentence's text and its speaker."""
    return {
        analysis.sentences[s.sentence].text: s.speaker
        for s in analysis.suggestions
        if s.label == "quote"
    }


def suggestion(analysis: Analysis, fragment: str) -> Suggestion:
    index = next(s.index for s in analysis.sentences if fragment in s.text)
    return next(s for s in analysis.suggestions if s.sentence == index)


def cue(analysis: Analysis, found: Suggestion) -> str:
    return analysis.article.text[found.cue[0] : found.cue[1]]


# -- quotation marks -------------------------------------------------------------------


def spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotations(text, 0, len(text))]


def test_quotations_pair_across_sentences_and_marks() -> None:
    text = '\u201cOne. Two. Three,\u201d she said. "Four," he said. \u00abCinq.\u00bb'
    assert spans(text) == ["\u201cOne. Two. Three,\u201d", '"Four,"', "\u00abCinq.\u00bb"]


def test_a_quotation_inside_another_stays_inside() -> None:
    text = '\u00ab The critics called my films "little stories". Now they hang here. \u00bb'
    assert spans(text) == [text]


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "Kenya\u2019s traders\u2019 union said \u2018we won\u2019t pay\u2019 and 'no more'."
    assert spans(text) == ["\u2018we won\u2019t pay\u2019", "'no more'"]


def test_an_unclosed_quotation_runs_to_the_end_of_the_paragraph() -> None:
    (only,) = find_quotations('She said: "We will fight on.', 0, 28)
    assert not only.closed and only.substantial


def test_a_short_bare_phrase_in_quotation_marks_is_no_quotation() -> None:
    (phrase,) = find_quotations('The so-called "Gen Z protests" spread.', 0, 38)
    assert not phrase.substantial


# -- the rules, on the real model -------------------------------------------------------


def test_sample_article_quotes_hayali_and_larijani(analyser: Analyser, sample_path: Path) -> None:
    analysis = analyser.analyse(load_article(sample_path))
    hayali = suggestion(analysis, "We will not let any political side disintegrate Iraq")
    assert (hayali.label, hayali.speaker, cue(analysis, hayali)) == (
        "quote",
        "Irfan Al Hayali",
        "said",
    )
    larijani = suggestion(analysis, "Iran supports the unity")
    assert (larijani.label, larijani.speaker, cue(analysis, larijani)) == (
        "quote",
        "Ali Larijani",
        "quoted",
    )
    assert larijani.source == "rules"
    assert all(analysis.sentences[s.sentence].block == "paragraph" for s in analysis.suggestions)


def test_reported_speech_without_quotation_marks(analyser: Analyser) -> None:
    analysis = analyse(
        analyser,
        "Angela Merkel said that Germany would not change its position on the treaty.",
    )
    found = suggestion(analysis, "Merkel said")
    assert (found.speaker, cue(analysis, found)) == ("Angela Merkel", "said")


def test_inverted_attribution_and_apposition(analyser: Analyser) -> None:
    analysis = analyse(
        analyser,
        '"We will appeal the ruling," said the company\'s spokeswoman, Maria Gonzalez.',
    )
    assert quotes(analysis) == {
        '"We will appeal the ruling," said the company\'s spokeswoman, Maria Gonzalez.': (
            "Maria Gonzalez"
        )
    }


def test_pronoun_refers_to_the_last_person_named(analyser: Analyser) -> None:
    analysis = analyse(
        analyser,
        "Boris Johnson visited the factory in Sunderland on Monday.",
        '"This is a great day for the north," he said.',
    )
    assert suggestion(analysis, "great day").speaker == "Boris Johnson"


def test_a_pronoun_skips_a_person_of_the_other_gender(analyser: Analyser) -> None:
    analysis = analyse(
        analyser,
        "Mr Peter Walsh, the defence lawyer, welcomed the verdict.",
        "Judge Sarah Collins said the evidence was weak. She ordered his release.",
        "Speaking outside the court, he said his client was innocent.",
    )
    assert suggestion(analysis, "his client").speaker == "Peter Walsh"


def test_an_unnamed_spokesman_of_a_named_organisation_is_the_organisation(
    analyser: Analyser,
) -> None:
    analysis = analyse(analyser, "A Shell spokesman said the company would appeal.")
    assert suggestion(analysis, "Shell spokesman").speaker == "Shell"


def test_a_description_refers_to_the_one_it_introduced(analyser: Analyser) -> None:
    analysis = analyse(
        analyser,
        "Defence Minister Irfan Al Hayali arrived in Tehran on Saturday for talks.",
        "The minister said Iraq would not be divided.",
    )
    assert suggestion(analysis, "The minister said").speaker == "Irfan Al Hayali"


def test_it_and_the_company_refer_to_the_last_organisation(analyser: Analyser) -> None:
    analysis = analyse(
        analyser,
        "Microsoft reported higher profits on Tuesday.",
        "The company said demand for cloud services had grown in every region.",
    )
    assert suggestion(analysis, "The company said").speaker == "Microsoft"


def test_unnamed_speakers_stay_unnamed(analyser: Analyser) -> None:
    analysis = analyse(
        analyser,
        "Analysts said the decision could complicate talks with lenders.",
        "A police spokesman said four people were arrested.",
    )
    assert quotes(analysis) == {
        "Analysts said the decision could complicate talks with lenders.": None,
        "A police spokesman said four people were arrested.": None,
    }


def test_according_to(analyser: Analyser) -> None:
    analysis = analyse(
        analyser,
        "Inflation rose to 9 percent last year, according to the World Bank.",
    )
    found = suggestion(analysis, "Inflation")
    assert (found.speaker, cue(analysis, found)) == ("the World Bank", "according to") or (
        found.speaker == "World Bank" and cue(analysis, found) == "according to"
    )


def test_quoted_as_saying(analyser: Analyser) -> None:
    analysis = analyse(
        analyser,
        "Emmanuel Macron met the delegation in Paris.",
        "Le Monde quoted Macron as saying that Europe must defend itself.",
    )
    assert suggestion(analysis, "quoted Macron").speaker == "Emmanuel Macron"


def test_a_quotation_over_several_sentences_takes_its_speaker(analyser: Analyser) -> None:
    analysis = analyse(
        analyser,
        "Joe Biden spoke in Ohio on Friday.",
        '"There is no crisis. Jobs are growing," Biden said. "Wages are too."',
    )
    assert quotes(analysis) == {
        '"There is no crisis.': "Joe Biden",
        'Jobs are growing," Biden said.': "Joe Biden",
        '"Wages are too."': "Joe Biden",
    }
    first = suggestion(analysis, "no crisis")
    assert cue(analysis, first) == '"'


def test_a_quotation_left_open_continues_into_the_next_paragraph(analyser: Analyser) -> None:
    analysis = analyse(
        analyser,
        '"We have waited for years," said Nelson Mandela. "The time has come.',
        '"We will not wait any longer."',
    )
    assert suggestion(analysis, "wait any longer").speaker == "Nelson Mandela"


def test_scare_quotes_refusals_and_headlines_are_not_quotes(analyser: Analyser) -> None:
    analysis = analyse(
        analyser,
        'The so-called "Gen Z protests" spread to three cities last year.',
        "Barclays declined to comment.",
        "Sudan's army says it repelled attack on El Obeid",
    )
    assert quotes(analysis) == {}


def test_titles_are_not_suggested(analyser: Analyser) -> None:
    article = build_article(
        [("title", "Macron says Europe must act"), ("paragraph", "Markets were calm.")],
        path="x.txt",
        format="plain",
    )
    assert analyser.analyse(article).suggestions == ()


def test_suggestions_in_the_json(analyser: Analyser, sample_path: Path) -> None:
    data = analysis_json(analyser.analyse(load_article(sample_path)))
    hayali = next(
        s
        for s in data["suggestions"]
        if "disintegrate Iraq" in data["sentences"][s["sentence"]]["text"]
    )
    assert set(hayali) == {"sentence", "label", "speaker", "cue", "source"}
    assert hayali["speaker"] == "Irfan Al Hayali"
    assert data["text"][hayali["cue"][0] : hayali["cue"][1]] == "said"
    assert hayali["source"] == "rules"


@pytest.mark.parametrize("verb", ["warned", "insisted", "denied", "added"])
def test_speech_verbs_report(analyser: Analyser, verb: str) -> None:
    analysis = analyse(analyser, f"Angela Merkel {verb} that the plan would fail.")
    assert suggestion(analysis, "Merkel").speaker == "Angela Merkel"
