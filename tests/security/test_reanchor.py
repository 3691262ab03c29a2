"""The article changed on disk: tags follow their sentence's text, the rest are orphaned,
none is dropped: the pure core (:func:`reader.reanchor.reanchor`), then through the store
(:func:`reader.reanchor.carry_over`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import Sentence, split_article
from reader.article import build_article
from reader.errors import CorruptStoreError, StoreError
from reader.reanchor import carry_over, reanchor
from reader.records import Annotation
from reader.store import Store

SENTENCES = [
    "Iran and Iraq signed a pact on Sunday.",
    "The deal covers training and equipment.",
    "Officials said the talks went well.",
    "Critics called it a threat to the region.",
    "More talks are planned for next year.",
]


def article_of(paragraphs: list[list[str]]) -> tuple[Sentence, ...]:
    """Split an article made of these paragraphs of sentences."""
    parts = [("paragraph", " ".join(p)) for p in paragraphs if p]
    return split_article(build_article(parts, path="a.txt", format="plain"))  # type: ignore[arg-type]


def tag(sentence: Sentence, label: str = "claim", annotator: str = "ana") -> Annotation:
    """An annotation of ``sentence`` as the store would return it."""
    return Annotation(
        article_id="0" * 16,
        sentence=sentence.index,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        label=label,
        annotator=annotator,
        created="2025-01-01T00:00:00.000Z",
        updated="2025-01-01T00:00:00.000Z",
        note="keep me",
    )


def test_unchanged_article_keeps_every_tag_in_place() -> None:
    old = article_of([SENTENCES])
    result = reanchor([tag(s) for s in old], old)
    assert not result.orphaned
    assert [m.sentence for m in result.moved] == list(old)
    assert not any(m.shifted for m in result.moved)


def test_edited_article_moves_tags_and_orphans_the_rewritten_sentence() -> None:
    old = article_of([SENTENCES])
    tags = [tag(old[0]), tag(old[2], "quote"), tag(old[3], "context")]
    # A new first paragraph, and sentence 3 rewritten.
    rewritten = SENTENCES[:3] + ["Critics called it a danger."] + SENTENCES[4:]
    new = article_of([["An editor's note was added."], rewritten])
    result = reanchor(tags, new)
    assert result.summary() == "2 tags re-anchored, 1 orphaned"
    assert [(m.annotation.label, m.sentence.text) for m in result.moved] == [
        ("claim", SENTENCES[0]),
        ("quote", SENTENCES[2]),
    ]
    assert all(m.shifted for m in result.moved)
    for moved in result.moved:
        assert moved.sentence.text == moved.annotation.text
    assert result.orphaned == (tags[2],)  # the whole annotation, note included


def test_repeated_sentence_goes_to_the_nearest_occurrence() -> None:
    chorus = "Nobody commented."
    old = article_of([[SENTENCES[0], chorus], [SENTENCES[1], chorus]])
    second = [s for s in old if s.text == chorus][1]
    new = article_of([[SENTENCES[0], chorus], ["Inserted."], [SENTENCES[1], chorus]])
    result = reanchor([tag(second)], new)
    assert result.moved[0].sentence == [s for s in new if s.text == chorus][1]


def test_a_sentence_takes_one_tag_per_annotator_the_others_are_orphaned() -> None:
    chorus = "Nobody commented."
    old = article_of([[chorus], [chorus]])
    mine = [tag(old[0], "claim"), tag(old[1], "quote")]
    theirs = [tag(old[0], "context", annotator="bo")]
    new = article_of([[chorus]])
    result = reanchor([*mine, *theirs], new)
    assert {(m.annotation.annotator, m.annotation.label) for m in result.moved} == {
        ("ana", "claim"),
        ("bo", "context"),
    }
    assert result.orphaned == (mine[1],)


def test_nothing_left_orphans_everything() -> None:
    old = article_of([SENTENCES])
    tags = [tag(s) for s in old]
    result = reanchor(tags, article_of([["Completely different text."]]))
    assert result.moved == ()
    assert result.orphaned == tuple(tags)
    assert reanchor([], old).summary() == "0 tags re-anchored, 0 orphaned"


_sentence_texts = st.sampled_from(SENTENCES + ["Nobody commented.", "Yes."])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(_sentence_texts, min_size=1, max_size=4), min_size=1, max_size=4),
    st.lists(st.lists(_sentence_texts, min_size=1, max_size=4), max_size=4),
    st.lists(st.tuples(st.integers(0, 50), st.sampled_from(["ana", "bo"]))),
)
def test_every_tag_is_moved_to_its_text_or_orphaned_never_dropped(
    old_paragraphs: list[list[str]],
    new_paragraphs: list[list[str]],
    picks: list[tuple[int, str]],
) -> None:
    old = article_of(old_paragraphs)
    new = article_of(new_paragraphs)
    # One tag per annotator and sentence, as in the store.
    chosen = {(old[i % len(old)].index, who) for i, who in picks}
    tags = [tag(old[index], annotator=who) for index, who in sorted(chosen)]
    result = reanchor(tags, new)

    # Every annotation is in exactly one list.
    accounted = [m.annotation for m in result.moved] + list(result.orphaned)
    assert sorted(accounted, key=repr) == sorted(tags, key=repr)
    # A moved tag points at a sentence with exactly its text, at the right offsets.
    for moved in result.moved:
        assert moved.sentence in new
        assert moved.sentence.text == moved.annotation.text
    # No two tags of one annotator share a sentence.
    seats = [(m.annotation.annotator, m.sentence.index) for m in result.moved]
    assert len(seats) == len(set(seats))
    # An orphan really has no free sentence of its text left for its annotator.
    for orphan in result.orphaned:
        free = [
            s
            for s in new
            if s.text == orphan.text and (orphan.annotator, s.index) not in set(seats)
        ]
        assert free == []
    # The same input gives the same answer.
    assert reanchor(tags, new) == result


def test_reanchor_is_core_no_textual_no_spacy() -> None:
    script = (
        "import json, sys, reader.reanchor\n"
        "print(json.dumps([m in sys.modules for m in ('textual', 'spacy', 'tinydb')]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [False, False, False]


# -- through the store: carry_over ---------------------------------------------------------

V1 = [
    "Iran and Iraq signed a defence pact on Sunday.",
    "",
    "The deal covers training and equipment. Officials said the talks went well.",
    "",
    "Critics called it a threat to the region. More talks are planned for next year.",
]
# An editor's note on top, one sentence rewritten, the rest unchanged.
V2 = [
    "Iran and Iraq signed a defence pact on Sunday.",
    "",
    "Editor's note: this story was updated.",
    "",
    "The deal covers training and equipment. Officials said the talks went very well.",
    "",
    "Critics called it a threat to the region. More talks are planned for next year.",
]


def _version(path: Path, lines: list[str]) -> tuple[str, tuple[Sentence, ...]]:
    from reader.loaders import load_article

    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    article = load_article(path)
    return article.id, split_article(article)


def _open(store: Store, path: Path, lines: list[str]) -> tuple[str, tuple[Sentence, ...]]:
    """What the app does when it opens a file: register it (after carrying tags over)."""
    article_id, sentences = _version(path, lines)
    carry_over(store, article_id, str(path), sentences)
    store.register_article(
        article_id, path=str(path), title=None, date=None, byline=None, sentences=len(sentences)
    )
    return article_id, sentences


def _tag(store: Store, article_id: str, s: Sentence, label: str, who: str = "ana") -> None:
    store.tag(
        article_id,
        sentence=s.index,
        start=s.start,
        end=s.end,
        text=s.text,
        label=label,
        annotator=who,
    )


def _labels(store: Store, article_id: str) -> dict[str, str]:
    return {f"{a.annotator}:{a.text}": a.label for a in store.annotations(article_id)}


def test_an_edited_file_carries_its_tags_and_lists_the_orphan(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    path = tmp_path / "pact.txt"
    old_id, old = _open(store, path, V1)
    _tag(store, old_id, old[0], "claim")
    _tag(store, old_id, old[2], "quote")  # "Officials said the talks went well."
    _tag(store, old_id, old[3], "context")
    _tag(store, old_id, old[3], "claim", who="bo")
    store.set_note(old_id, start=old[3].start, end=old[3].end, annotator="ana", note="check")
    old_annotations = store.annotations(old_id)

    new_id, new = _version(path, V2)
    assert new_id != old_id
    result = carry_over(store, new_id, str(path), new)
    assert result.summary() == "3 tags re-anchored, 1 orphaned"
    assert _labels(store, new_id) == {
        f"ana:{V1[0]}": "claim",
        "ana:Critics called it a threat to the region.": "context",
        "bo:Critics called it a threat to the region.": "claim",
    }
    for annotation in store.annotations(new_id):
        match = [s for s in new if s.text == annotation.text][0]
        assert (annotation.sentence, annotation.start, annotation.end) == (
            match.index,
            match.start,
            match.end,
        )
    [note] = [a.note for a in store.annotations(new_id, "ana") if a.label == "context"]
    assert note == "check"
    [orphan] = store.orphans(new_id)
    assert (orphan.article_id, orphan.text, orphan.label) == (
        old_id,
        "Officials said the talks went well.",
        "quote",
    )
    # The old version keeps its annotations as they were; it is only marked superseded.
    assert store.annotations(old_id) == old_annotations and len(old_annotations) == 4

    # Opening it again carries nothing twice and writes nothing.
    new_file = tmp_path / "store" / "articles" / f"{new_id}.json"
    new_bytes = new_file.read_bytes()
    assert carry_over(store, new_id, str(path), new).summary() == "0 tags re-anchored, 0 orphaned"
    assert new_file.read_bytes() == new_bytes


def test_a_later_edit_keeps_the_orphans_and_does_not_resurrect_cleared_tags(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "store")
    path = tmp_path / "pact.txt"
    v1_id, v1 = _open(store, path, V1)
    _tag(store, v1_id, v1[0], "claim")
    _tag(store, v1_id, v1[2], "quote")  # orphaned by V2
    _tag(store, v1_id, v1[4], "context")
    v2_id, v2 = _open(store, path, V2)
    # In the second version the analyst clears a carried-over tag.
    cleared = [s for s in v2 if s.text == v1[4].text][0]
    _tag(store, v2_id, cleared, None)  # type: ignore[arg-type]
    # A third version puts the orphaned sentence back.
    v3_id, v3 = _open(store, path, V1 + ["", "A late paragraph."])
    assert v3_id not in (v1_id, v2_id)
    assert _labels(store, v3_id) == {
        f"ana:{V1[0]}": "claim",
        "ana:Officials said the talks went well.": "quote",  # the orphan found its sentence
    }
    assert store.orphans(v3_id) == []
    assert store.reanchored_from(v3_id) == {v1_id, v2_id}


def test_the_current_versions_own_tag_wins_and_the_other_is_kept(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    path = tmp_path / "pact.txt"
    old_id, old = _open(store, path, V1)
    _tag(store, old_id, old[0], "claim")
    new_id, new = _version(path, V2)
    _tag(store, new_id, new[0], "quote")  # tagged before the carry-over ran
    result = carry_over(store, new_id, str(path), new)
    assert _labels(store, new_id)[f"ana:{V1[0]}"] == "quote"
    assert [(o.text, o.label) for o in result.orphaned] == [(V1[0], "claim")]
    assert [(o.text, o.label) for o in store.orphans(new_id)] == [(V1[0], "claim")]


def test_a_damaged_older_version_is_skipped_not_fatal(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    path = tmp_path / "pact.txt"
    old_id, old = _open(store, path, V1)
    _tag(store, old_id, old[0], "claim")
    broken = tmp_path / "store" / "articles" / "0000000000000000.json"
    broken.write_bytes(b"\0" * 64)
    new_id, new = _version(path, V2)
    assert carry_over(store, new_id, str(path), new).summary() == "1 tag re-anchored, 0 orphaned"
    assert broken.read_bytes() == b"\0" * 64


def test_a_failed_carry_over_changes_nothing_and_is_done_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    store = Store(tmp_path / "store")
    path = tmp_path / "pact.txt"
    old_id, old = _open(store, path, V1)
    _tag(store, old_id, old[0], "claim")
    new_id, new = _version(path, V2)

    def full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(StoreError, match="disk is full"):
        carry_over(store, new_id, str(path), new)
    monkeypatch.undo()
    assert store.annotations(new_id) == [] and store.reanchored_from(new_id) == set()
    assert carry_over(store, new_id, str(path), new).summary() == "1 tag re-anchored, 0 orphaned"


def test_a_damaged_orphan_list_is_refused_like_any_damage(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    path = tmp_path / "pact.txt"
    old_id, old = _open(store, path, V1)
    _tag(store, old_id, old[2], "quote")
    new_id, new = _open(store, path, V2)
    new_file = tmp_path / "store" / "articles" / f"{new_id}.json"
    data = json.loads(new_file.read_text())
    next(iter(data["reanchored"].values()))["orphans"][0]["start"] = "0"
    new_file.write_text(json.dumps(data))
    with pytest.raises(CorruptStoreError, match="reanchored document 1 orphan 0"):
        Store(tmp_path / "store").orphans(new_id)


def test_reader_orphans_lists_them_inertly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.cli import main

    monkeypatch.setenv("COLUMNS", "250")  # one table row per line
    store = Store(tmp_path / "store")
    path = tmp_path / "pact.txt"
    old_id, old = _open(store, path, V1)
    _tag(store, old_id, old[2], "quote", who="ana\x1b]0;x\x07")
    store.set_note(
        old_id, start=old[2].start, end=old[2].end, annotator="ana\x1b]0;x\x07", note="[bold]n"
    )
    new_id, _ = _open(store, path, V2)
    db = ["--db", str(tmp_path / "store")]

    assert main(["orphans", *db]) == 0
    out = capsys.readouterr().out
    assert "Officials said the talks went well." in out and "[bold]n" in out
    assert "ana\u241b]0;x\u2407" in out and "\x1b" not in out
    assert main(["orphans", str(path), *db, "--json"]) == 0
    [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (row["article_id"], row["tagged_on"], row["label"]) == (new_id, old_id, "quote")
    assert row["annotator"] == "ana\x1b]0;x\x07" and row["note"] == "[bold]n"
    assert main(["orphans", str(tmp_path / "missing.txt"), *db]) == 2
    assert capsys.readouterr().err.startswith("reader: no such file")


def test_in_a_corpus_another_article_at_the_same_line_is_not_a_version(tmp_path: Path) -> None:
    # Lines inserted at the top of a corpus give line 1 to a new article: the article
    # that was there moved on, keeping its id and its tags, and is no older version.
    from reader.loaders import load_articles

    store = Store(tmp_path / "store")
    corpus = tmp_path / "corpus.jsonl"
    first = json.dumps({"text": " ".join(SENTENCES[:2])})
    corpus.write_text(first + "\n", encoding="utf-8")
    [old] = load_articles(corpus)
    old_sentences = split_article(old)
    store.register_article(
        old.id, path=old.path, title=None, date=None, byline=None, sentences=len(old_sentences)
    )
    _tag(store, old.id, old_sentences[0], "claim")
    corpus.write_text(json.dumps({"text": "A new story."}) + "\n" + first + "\n")
    new, moved = load_articles(corpus)
    assert new.path == old.path and moved.id == old.id
    result = carry_over(store, new.id, new.path, split_article(new))
    assert result.moved == () and result.orphaned == ()
    assert store.reanchored_from(new.id) == set() and store.orphans(new.id) == []
    # An edited line, though, is a version.
    corpus.write_text(json.dumps({"text": " ".join([SENTENCES[0], "Changed."])}) + "\n")
    [edited] = load_articles(corpus)
    assert carry_over(store, edited.id, edited.path, split_article(edited)).summary() == (
        "1 tag re-anchored, 0 orphaned"
    )


def test_exporting_every_article_leaves_out_a_superseded_version(tmp_path: Path) -> None:
    """After tags were carried over to an edited file, an export of every article has
    each tag once: the older version's file is kept but not exported again."""
    from reader.formats import export_rows

    store = Store(tmp_path / "store")
    path = tmp_path / "pact.txt"
    old_id, old = _open(store, path, V1)
    _tag(store, old_id, old[0], "claim")
    new_id, _ = _open(store, path, V2)
    assert store.superseded() == {old_id}
    rows = list(export_rows(store))
    assert [(row.article_id, row.label) for row in rows] == [(new_id, "claim")]
    # Asked for by id, the older version still exports: nothing is hidden for good.
    assert [row.article_id for row in export_rows(store, article_ids=[old_id])] == [old_id]


# -- one article open in two windows while its file is edited ------------------------------
#
# Attacked: window A shows the old version, the file is edited, window B opens it and
# carries A's tags over. A's later tags used to be saved to the old version, which exports,
# statistics and the app then hid as superseded, and `reader orphans` did not list: shown
# as saved, found by nothing. Now the carry-over marks the old version superseded under
# its lock, and a save to it is refused with one line (the app keeps the tag unsaved):
# every tag is either carried over or refused, never left behind.


def _everything(store: Store) -> set[tuple[str, str, str]]:
    """(annotator, text, label) of every tag an export of the whole store gives."""
    from reader.formats import export_rows

    return {(row.annotator, row.text, row.label) for row in export_rows(store)}


def test_a_tag_saved_to_a_superseded_version_is_refused_not_hidden(tmp_path: Path) -> None:
    window_a = Store(tmp_path / "store")
    path = tmp_path / "pact.txt"
    old_id, old = _open(window_a, path, V1)
    _tag(window_a, old_id, old[0], "claim")
    window_b = Store(tmp_path / "store")  # another window (or analyst) on the same store
    new_id, _ = _open(window_b, path, V2)
    assert _everything(window_b) == {("ana", V1[0], "claim")}

    # Window A still shows the old version: its work is refused, in one line.
    first = old[0]
    attempts = {
        "tag": lambda: _tag(window_a, old_id, old[4], "quote"),
        "relabel": lambda: _tag(window_a, old_id, first, "context"),
        "note": lambda: window_a.set_note(
            old_id, start=first.start, end=first.end, annotator="ana", note="late"
        ),
        "undo": lambda: window_a.undo(old_id, "ana"),
    }
    for what, attempt in attempts.items():
        with pytest.raises(StoreError) as caught:
            attempt()
        message = caught.value.message
        assert "superseded" in message and new_id in message and "\n" not in message, what
    # The reading position is not work: it is still kept.
    window_a.set_position(old_id, "ana", 3)
    assert window_a.position(old_id, "ana") == 3
    # Everything that was saved is found, once; nothing else was saved.
    assert _everything(Store(tmp_path / "store")) == {("ana", V1[0], "claim")}
    assert window_a.annotations(old_id)[0].label == "claim"


def test_a_version_put_back_takes_tags_again_and_they_are_found(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    path = tmp_path / "pact.txt"
    old_id, old = _open(store, path, V1)
    _tag(store, old_id, old[0], "claim")
    new_id, _ = _open(store, path, V2)
    # The edit is undone: the file is the first version again, and is opened as such
    # (which carries the second version's work back to it).
    again_id, again = _open(store, path, V1)
    assert again_id == old_id
    _tag(store, old_id, again[4], "quote")
    assert old_id not in store.superseded()  # it changed after its carry-over: not hidden
    assert _everything(store) == {("ana", V1[0], "claim"), ("ana", again[4].text, "quote")}


def test_two_processes_a_carry_over_during_tagging_loses_no_reported_tag(
    tmp_path: Path,
) -> None:
    """A process tags the old version in a loop, printing each save it saw return, while
    this one carries the old version over: every reported tag is in the new version (or
    its orphans), and every save after the carry-over was refused."""
    root = tmp_path / "store"
    path = tmp_path / "pact.txt"
    store = Store(root)
    old_id, old = _open(store, path, V1)
    script = f"""
import sys
from pathlib import Path
from reader.errors import StoreError
from reader.store import Store
store = Store(Path({str(root)!r}))
spans = {[(s.index, s.start, s.end, s.text) for s in old]!r}
labels = ("claim", "context", "quote")
print("ready", flush=True)
for n in range(100000):
    index, start, end, text = spans[n % len(spans)]
    label = labels[(n // len(spans)) % 3]
    try:
        store.tag({old_id!r}, sentence=index, start=start, end=end, text=text,
                  label=label, annotator="ana")
    except StoreError as error:
        print("refused", error.message, flush=True)
        break
    print("ok", index, label, flush=True)
"""
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    reported: dict[int, str] = {}
    for _ in range(20):  # let it save a few times first
        _, index, label = child.stdout.readline().split()
        reported[int(index)] = label
    new_id, new = _version(path, V2)
    carry_over(store, new_id, str(path), new)
    last = ""
    for line in child.stdout:
        last = line
        if line.startswith("ok "):
            _, index, label = line.split()
            reported[int(index)] = label
    assert child.wait(timeout=60) == 0
    assert last.startswith("refused") and "superseded" in last

    by_text = {old[index].text: label for index, label in reported.items()}
    carried = {a.text: a.label for a in store.annotations(new_id)}
    orphaned = {a.text: a.label for a in store.orphans(new_id)}
    assert by_text == {**carried, **orphaned}
    assert set(orphaned) == {"Officials said the talks went well."}
    assert {(text, label) for _, text, label in _everything(store)} == set(carried.items())
