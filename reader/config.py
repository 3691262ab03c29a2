"""Where ``reader`` keeps things, who is annotating, and the app's remembered settings.

Paths follow the XDG base directory specification:

* data (the annotation store): ``$XDG_DATA_HOME/reader``, else ``~/.local/share/reader``;
  ``--db PATH`` and ``$READER_DB`` override it;
* cache: ``$XDG_CACHE_HOME/reader``, else ``~/.cache/reader``;
* config (``settings.json``): ``$XDG_CONFIG_HOME/reader``, else ``~/.config/reader``.

Label sets live with the store they describe (see :mod:`reader.labels`), not here, so that
every analyst of a shared store uses the same labels.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from reader.atomic import atomic_write, describe_os_error
from reader.errors import ConfigError
from reader.safe_text import visible

#: Longest accepted annotator name; it is stored in every annotation.
MAX_ANNOTATOR_LENGTH = 64

#: Used when neither ``--annotator``, ``$READER_ANNOTATOR`` nor a login name is available.
FALLBACK_ANNOTATOR = "analyst"


def _xdg_home(variable: str, default: str) -> Path:
    value = os.environ.get(variable, "")
    # The specification says a relative path in these variables is invalid and ignored.
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / default


def data_dir() -> Path:
    """Return ``reader``'s data folder: ``$XDG_DATA_HOME/reader`` or ``~/.local/share/reader``."""
    return _xdg_home("XDG_DATA_HOME", ".local/share") / "reader"


def cache_dir() -> Path:
    """Return ``reader``'s cache folder: ``$XDG_CACHE_HOME/reader`` or ``~/.cache/reader``."""
    return _xdg_home("XDG_CACHE_HOME", ".cache") / "reader"


def config_dir() -> Path:
    """Return ``reader``'s config folder: ``$XDG_CONFIG_HOME/reader`` or ``~/.config/reader``."""
    return _xdg_home("XDG_CONFIG_HOME", ".config") / "reader"


def store_path(explicit: str | None = None) -> Path:
    """Return the annotation store folder: ``--db``, else ``$READER_DB``, else :func:`data_dir`.

    Args:
        explicit: The ``--db`` value, if one was given. ``~`` is expanded.
    """
    for value in (explicit, os.environ.get("READER_DB")):
        if value:
            return Path(value).expanduser()
    return data_dir()


def _check_annotator(name: str, source: str) -> str:
    name = name.strip()
    if not name:
        raise ConfigError(f"the annotator name from {source} is empty")
    if visible(name) != name:
        raise ConfigError(
            f"the annotator name from {source} contains control or invisible characters"
        )
    if len(name) > MAX_ANNOTATOR_LENGTH:
        raise ConfigError(
            f"the annotator name from {source} is longer than {MAX_ANNOTATOR_LENGTH} characters"
        )
    return name


def resolve_annotator(explicit: str | None = None) -> str:
    """Return who is annotating: ``--annotator``, ``$READER_ANNOTATOR``, the login name.

    Falls back to ``"analyst"`` when there is no login name (a container without a passwd
    entry). Surrounding white space is stripped.

    Raises:
        ConfigError: The given or configured name is empty, too long, or contains control
            or invisible characters.
    """
    if explicit is not None:
        return _check_annotator(explicit, "--annotator")
    from_env = os.environ.get("READER_ANNOTATOR")
    if from_env is not None:
        return _check_annotator(from_env, "$READER_ANNOTATOR")
    import getpass  # here: it imports termios and fcntl, which most commands never need

    try:
        login = getpass.getuser()
    except (OSError, KeyError, ImportError):
        return FALLBACK_ANNOTATOR
    try:
        return _check_annotator(login, "the login name")
    except ConfigError:
        return FALLBACK_ANNOTATOR


def settings_path() -> Path:
    """Return the file where the app remembers its settings (theme, ...)."""
    return config_dir() / "settings.json"


def load_settings() -> dict[str, Any]:
    """Return the remembered settings; ``{}`` if there are none or the file is damaged.

    Settings are a convenience: a damaged file must never stop an analyst from working, so
    it is ignored (and replaced by the next :func:`save_settings`).
    """
    try:
        data = json.loads(settings_path().read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def save_settings(settings: dict[str, Any]) -> None:
    """Remember ``settings`` durably (atomic write to :func:`settings_path`).

    Raises:
        ConfigError: The settings could not be written (read-only home, full disk) or are
            not JSON-serialisable.
    """
    path = settings_path()
    try:
        data = json.dumps(settings, indent=2, sort_keys=True)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"cannot save settings: {error}") from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, (data + "\n").encode("ascii"))
    except OSError as error:
        raise ConfigError(f"cannot save settings to {path}: {describe_os_error(error)}") from None


def analysis_processes(settings: dict[str, Any]) -> int:
    """How many processes the app's background analysis runs the model in: the setting
    ``analysis_processes`` (a whole number from 1), else one per core."""
    wanted = settings.get("analysis_processes")
    if type(wanted) is int and wanted >= 1:
        return wanted
    return os.cpu_count() or 1
