"""Paths, the annotator's name, label sets and remembered settings."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.config import (
    cache_dir,
    config_dir,
    data_dir,
    load_settings,
    resolve_annotator,
    save_settings,
    store_path,
)
from reader.errors import ConfigError
from reader.labels import DEFAULT_LABELS, Label, LabelSet, load_labels


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in (
        "XDG_DATA_HOME",
        "XDG_CACHE_HOME",
        "XDG_CONFIG_HOME",
        "READER_DB",
        "READER_ANNOTATOR",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


# -- paths -------------------------------------------------------------------------------


def test_xdg_defaults(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert data_dir() == home / ".local/share/reader"
    assert cache_dir() == home / ".cache/reader"
    assert config_dir() == home / ".config/reader"


def test_xdg_variables(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "d"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "c"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "f"))
    assert data_dir() == tmp_path / "d/reader"
    assert cache_dir() == tmp_path / "c/reader"
    assert config_dir() == tmp_path / "f/reader"


def test_relative_xdg_variable_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # The XDG specification: relative paths are invalid and must be ignored.
    monkeypatch.setenv("XDG_DATA_HOME", "relative/data")
    assert data_dir() == tmp_path / "home/.local/share/reader"


def test_store_path_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "d"))
    assert store_path() == tmp_path / "d/reader"
    monkeypatch.setenv("READER_DB", str(tmp_path / "env"))
    assert store_path() == tmp_path / "env"
    assert store_path(str(tmp_path / "flag")) == tmp_path / "flag"
    assert store_path("~/x") == tmp_path / "home/x"
    monkeypatch.setenv("READER_DB", "")
    assert store_path() == tmp_path / "d/reader"


# -- annotator ---------------------------------------------------------------------------


def test_annotator_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "login")
    assert resolve_annotator() == "login"
    monkeypatch.setenv("READER_ANNOTATOR", "  env name ")
    assert resolve_annotator() == "env name"
    assert resolve_annotator(" flag ") == "flag"


def test_annotator_fallback_without_login(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_login() -> str:
        raise OSError("no passwd entry")

    monkeypatch.setattr("getpass.getuser", no_login)
    assert resolve_annotator() == "analyst"


@pytest.mark.parametrize("bad", ["", "   ", "a\x1b[31mb", "a\nb", "x\u202ey", "n" * 65])
def test_bad_annotator_rejected(bad: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError) as caught:
        resolve_annotator(bad)
    assert "--annotator" in caught.value.message
    monkeypatch.setenv("READER_ANNOTATOR", bad)
    with pytest.raises(ConfigError, match="READER_ANNOTATOR"):
        resolve_annotator()


# -- labels ------------------------------------------------------------------------------


def test_default_labels() -> None:
    assert DEFAULT_LABELS.names == ("claim", "context", "quote")
    assert DEFAULT_LABELS.by_key("x") == Label("context", "x", "#1565c0", "X")
    assert DEFAULT_LABELS.by_name("quote") == Label("quote", "q", "#2e7d32", "Q")
    assert DEFAULT_LABELS.by_name("nope") is None
    assert DEFAULT_LABELS.by_key("z") is None


def test_no_label_file_gives_defaults(tmp_path: Path) -> None:
    assert load_labels(tmp_path) == DEFAULT_LABELS


def test_label_file(tmp_path: Path) -> None:
    (tmp_path / "labels.toml").write_text(
        """
        [[label]]
        name = "claim"
        key = "c"
        colour = "#ff0000"

        [[label]]
        name = "opinion"
        key = "o"
        color = "magenta"
        letter = "P"
        """,
        encoding="utf-8",
    )
    labels = load_labels(tmp_path)
    assert labels == LabelSet(
        (Label("claim", "c", "#ff0000", "C"), Label("opinion", "o", "magenta", "P"))
    )
    assert labels.by_key("o") is labels.labels[1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[label]\n", "not valid TOML"),
        ("", "define at least one label"),
        ("label = 3", "define at least one label"),
        ("[label]\nname='a'", "define at least one label"),
        ("[[label]]\nname='claim'\nkey='c'\ncolour='red'\nshortcut='x'", "unknown field"),
        ("[[label]]\nkey='c'\ncolour='red'", "name must be"),
        ("[[label]]\nname='1st'\nkey='c'\ncolour='red'", "name must be"),
        ("[[label]]\nname='a b'\nkey='c'\ncolour='red'", "name must be"),
        ("[[label]]\nname='claim'\ncolour='red'", "key must be one character"),
        ("[[label]]\nname='claim'\nkey='cc'\ncolour='red'", "key must be one character"),
        ("[[label]]\nname='claim'\nkey=' '\ncolour='red'", "key must be one character"),
        ("[[label]]\nname='claim'\nkey='3'\ncolour='red'", "is a digit"),
        ("[[label]]\nname='claim'\nkey='c'", "colour must be"),
        ("[[label]]\nname='claim'\nkey='c'\ncolour='[b]red'", "colour must be"),
        ("[[label]]\nname='claim'\nkey='c'\ncolour='red'\nletter='CL'", "letter must be"),
        (
            "[[label]]\nname='a'\nkey='c'\ncolour='red'\n[[label]]\nname='a'\nkey='d'\ncolour='red'",
            "same name",
        ),
        (
            "[[label]]\nname='a'\nkey='c'\ncolour='red'\n[[label]]\nname='b'\nkey='c'\ncolour='red'",
            "same key",
        ),
        (
            "[[label]]\nname='claim'\nkey='c'\ncolour='red'\n"
            "[[label]]\nname='context'\nkey='x'\ncolour='blue'",
            "same letter 'C'; set letter",
        ),
    ],
)
def test_invalid_label_file(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "labels.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        load_labels(tmp_path)
    assert "labels.toml" in caught.value.message
    assert "\n" not in caught.value.message


def test_label_file_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "labels.toml").write_bytes(b"\xff\xfe[[label]]")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_labels(tmp_path)


# -- settings ----------------------------------------------------------------------------


def test_settings_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert load_settings() == {}
    save_settings({"theme": "ansi-dark", "n": 3})
    assert load_settings() == {"theme": "ansi-dark", "n": 3}
    path = tmp_path / "cfg/reader/settings.json"
    assert json.loads(path.read_text()) == {"theme": "ansi-dark", "n": 3}
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp files left


@pytest.mark.parametrize("content", [b"{not json", b"", b"\x00\x00", b"[1, 2]", b'"theme"'])
def test_damaged_settings_are_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "reader").mkdir()
    (tmp_path / "reader/settings.json").write_bytes(content)
    assert load_settings() == {}
    save_settings({"theme": "x"})
    assert load_settings() == {"theme": "x"}


def test_unwritable_settings_raise_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file where the config folder should be fails for real, even for root.
    (tmp_path / "blocker").write_text("")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "blocker"))
    with pytest.raises(ConfigError, match="cannot save settings"):
        save_settings({"theme": "x"})
    with pytest.raises(ConfigError, match="cannot save settings"):
        save_settings({"bad": object()})


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({}, None),
        ({"analysis_processes": 1}, 1),
        ({"analysis_processes": 3}, 3),
        ({"analysis_processes": 0}, None),
        ({"analysis_processes": "2"}, None),
        ({"analysis_processes": True}, None),
    ],
)
def test_the_app_s_analysis_processes(settings: dict[str, object], expected: int | None) -> None:
    from reader.config import analysis_processes

    assert analysis_processes(settings) == (expected or os.cpu_count() or 1)


def test_reader_analyse_takes_its_processes_from_the_flag_then_the_setting(
    isolated_home: Path,
) -> None:
    import argparse

    from reader.commands.analyse import configure, processes_wanted
    from reader.config import save_settings

    parser = argparse.ArgumentParser()
    configure(parser)
    assert processes_wanted(parser.parse_args(["x"])) == (os.cpu_count() or 1)
    save_settings({"analysis_processes": 1})
    assert processes_wanted(parser.parse_args(["x"])) == 1
    assert processes_wanted(parser.parse_args(["x", "--processes", "2"])) == 2
