"""What every screen of the app shares: failed workers are said, never silent."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker, WorkerState


class ReaderScreen(Screen[None]):
    """A screen whose workers' failures reach the app as :class:`WorkerFailed`."""

    @dataclass
    class WorkerFailed(Message):
        """A worker of this screen raised (bubbles up to the app, which shows it).

        Attributes:
            group: The worker's group (``analysis``, ``export``, ``library``).
            error: What it raised.
        """

        group: str
        error: BaseException

    @on(Worker.StateChanged)
    def _worker_state(self, event: Worker.StateChanged) -> None:
        # Worker.StateChanged does not bubble: turn a failure into a message that does.
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self.post_message(self.WorkerFailed(event.worker.group, event.worker.error))
