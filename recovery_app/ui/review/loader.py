"""The review's numbers, counted off the GUI thread and kept for the visit.

Counting a range on a heavy journal takes from ~15 ms (4 weeks) to ~300 ms of CPU (ten
years: SQL group-bys over 50,000 urges), so the range on show is counted first, then the
other ranges in turn, one at a time, while the person reads: changing the range is then a
redraw, not a wait. A range of two chosen dates is counted when asked for.

Everything counted belongs to one generation; `invalidate()` (the journal changed) starts
the next, and an answer from an earlier one is dropped when it arrives, as is one that
arrives after the screen is gone (the journal locked). A visit `begin`s at the moment it
counts for (what is saved, and today's date): counts made for that same moment are kept,
such as the one the shell starts ahead, while Today is read (ui/review/ahead.py).
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from recovery_app.drawing.review_data import ReviewData, load_review_data
from recovery_app.services.review import ReviewService
from recovery_app.ui.kit.worker import run_in_background
from recovery_app.ui.review.range_bar import RangeKey


class ReviewLoader(QObject):
    ready = Signal(object, object)  # RangeKey, ReviewData
    failed = Signal(object, object)  # RangeKey, the error

    def __init__(self, service: ReviewService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._generation = 0
        self._cache: dict[RangeKey, ReviewData] = {}
        self._running: set[RangeKey] = set()
        self._waiting: list[RangeKey] = []  # to count next, while the person reads
        self._prefetching: RangeKey | None = None
        self._moment: tuple[int, object] | None = None  # what the counts were made for
        # How long each range took to count, off the GUI thread (seconds), for benchmarks.
        self.counting_seconds: dict[RangeKey, float] = {}

    @property
    def generation(self) -> int:
        return self._generation

    def cached(self, key: RangeKey) -> ReviewData | None:
        return self._cache.get(key)

    def is_counting(self, key: RangeKey) -> bool:
        return key in self._running

    @property
    def idle(self) -> bool:
        """Nothing being counted, nothing waiting to be."""
        return not self._running and not self._waiting

    def moment(self) -> tuple[int, object]:
        """What the counts depend on besides the range: what is saved, and today's date."""
        return (self._service.changes(), self._service.today())

    def begin(self, moment: tuple[int, object]) -> None:
        """A visit counting for `moment`: counts made for it are kept, any others forgotten."""
        if moment != self._moment:
            self.invalidate()
            self._moment = moment

    def invalidate(self) -> None:
        """Forget every count: the next answers are counted afresh."""
        self._moment = None
        self._generation += 1
        self._cache.clear()
        self._running.clear()
        self._waiting.clear()
        self._prefetching = None

    def request(self, key: RangeKey) -> ReviewData | None:
        """The range's numbers now if they are known; else they are counted and `ready`
        says when (at once, beside any range being counted ahead)."""
        if key in self._cache:
            return self._cache[key]
        if key in self._waiting:
            self._waiting.remove(key)
        if key not in self._running:
            self._start(key)
        return None

    def prefetch(self, keys: Iterable[RangeKey]) -> None:
        """Count these too, one after another, when nothing asked for is waiting."""
        for key in keys:
            if key not in self._cache and key not in self._running and key not in self._waiting:
                self._waiting.append(key)
        self._next_prefetch()

    def _next_prefetch(self) -> None:
        if self._prefetching is not None or not self._waiting:
            return
        key = self._waiting.pop(0)
        self._prefetching = key
        self._start(key)

    def _start(self, key: RangeKey) -> None:
        generation = self._generation
        self._running.add(key)
        choice, custom = key
        service = self._service

        def count() -> ReviewData:
            started = time.perf_counter()
            data = load_review_data(service, choice, custom, marked_days=True)
            self.counting_seconds[key] = time.perf_counter() - started
            return data

        run_in_background(
            count,
            lambda data: self._done(generation, key, data),
            lambda error: self._failed(generation, key, error),
            owner=self,
        )

    def _finished(self, generation: int, key: RangeKey) -> bool:
        if generation != self._generation:
            return False  # counted before the journal changed: dropped
        self._running.discard(key)
        if self._prefetching == key:
            self._prefetching = None
        return True

    def _done(self, generation: int, key: RangeKey, data: ReviewData) -> None:
        if not self._finished(generation, key):
            return
        self._cache[key] = data
        self.ready.emit(key, data)
        self._next_prefetch()

    def _failed(self, generation: int, key: RangeKey, error: BaseException) -> None:
        if not self._finished(generation, key):
            return
        self.failed.emit(key, error)
        self._next_prefetch()
