"""Exporting from the reading screen: ctrl+e, a format, a path, a file on disk."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from app_support import app_test, wait_for

from reader.config import data_dir
from reader.tui.app import ReaderApp
from reader.tui.screens.export_dialog import ExportDialog

from .conftest import reading, ready


@app_test
async def test_export_key_writes_the_articles_tags(
    make_app: Callable[..., ReaderApp],
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("1", "3")  # a claim and a quote, saved
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        await pilot.press("enter")  # JSON Lines, the default, to the offered file
        # In the data folder, never wherever the app was started from.
        target = data_dir() / "exports" / "iran-iraq-military-ties.jsonl"
        assert not (tmp_path / target.name).exists()
        await wait_for(pilot, target.exists)
        rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
        assert [row["label"] for row in rows] == ["claim", "quote"]
        article = reading(app).article
        assert all(row["article_id"] == article.id for row in rows)
        assert all(article.text[row["start"] : row["end"]] == row["text"] for row in rows)

        # Another format: the offered file name follows the highlighted format.
        await pilot.press("ctrl+e")
        await pilot.pause()
        options = list(app.screen.query_one("#dialog-options").options)  # type: ignore[attr-defined]
        csv_index = [option.id for option in options].index("csv")
        start_index = [option.id for option in options].index("jsonl")
        for _ in range(start_index - csv_index):
            await pilot.press("up")
        await pilot.press("enter")
        table = data_dir() / "exports" / "iran-iraq-military-ties.csv"
        await wait_for(pilot, table.exists)
        with table.open(encoding="utf-8", newline="") as stream:
            assert [row["label"] for row in csv.DictReader(stream)] == ["claim", "quote"]


@app_test
async def test_export_dialog_cancels_with_escape(
    make_app: Callable[..., ReaderApp],
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
        assert [path.name for path in tmp_path.iterdir()] == ["store"]  # no export written
