"""What every screen of the app shares: failed workers are said, never silent."""

from __future__ import annotations

from textual import on
from textual.message import Message
from textual.screen import Screen
from textual.types import NoActiveAppError
from textual.worker import Worker, WorkerState


class ReaderScreen(Screen[None]):
    """A screen whose workers' failures reach the app as :class:`WorkerFailed`, and which
    starts with the breakpoint classes of the terminal's size."""

    def __init__(self, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name, id)
        self._take_breakpoints()

    def _take_breakpoints(self) -> None:
        # Textual gives a screen its breakpoint classes (-narrow, -tall...) on its first
        # Resize, after the screen has been styled: a change of classes then styles the
        # whole screen again before the first paint. Taken now, as Textual would take
        # them, the first Resize finds nothing to change. A terminal of another size by
        # then still gets its classes from that Resize.
        try:
            width, height = self.app.size
        except NoActiveAppError:
            return  # built outside a running app: the first Resize gives the classes
        horizontal, vertical = self.HORIZONTAL_BREAKPOINTS, self.VERTICAL_BREAKPOINTS
        classes: dict[str, bool] = {}
        for size, breakpoints in (
            (width, self.app.HORIZONTAL_BREAKPOINTS if horizontal is None else horizontal),
            (height, self.app.VERTICAL_BREAKPOINTS if vertical is None else vertical),
        ):
            classes.update(dict.fromkeys((name for _, name in breakpoints or ()), False))
            reached = [(edge, name) for edge, name in breakpoints or () if size >= edge]
            if reached:  # the widest (tallest) breakpoint the size reaches, as Textual's
                classes[max(reached)[1]] = True
        self.update_classes(classes, update=False)

    class WorkerFailed(Message):
        """A worker of this screen raised (bubbles up to the app, which shows it).

        Attributes:
            group: The worker's group (``analysis``, ``export``, ``library``).
            error: What it raised.
        """

        def __init__(self, group: str, error: BaseException) -> None:
            super().__init__()
            self.group = group
            self.error = error

    @on(Worker.StateChanged)
    def _worker_state(self, event: Worker.StateChanged) -> None:
        # Worker.StateChanged does not bubble: turn a failure into a message that does.
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self.post_message(self.WorkerFailed(event.worker.group, event.worker.error))
