"""The one place that gathers what could be said on Today and chooses what is.

Each source is a service that offers a `Notice` or None (the backups, a hard date ahead, a
reading suggested) and, if its notice can be dismissed, forgets it when asked; Today adds
what only it knows just now (a milestone, a stretch that began). `domain.notices.choose`
picks one.

Sources are asked in that order and no further than the first that speaks: a source
whose offer is noted when made (a reading suggested counts towards its few offers) is asked
only when its notice would be the one shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from recovery_app.domain.notices import ORDER, Notice, NoticeKind, choose


@dataclass(frozen=True)
class _Source:
    kind: NoticeKind
    offer: Callable[[], Notice | None]
    dismiss: Callable[[Notice], None] | None


class TodayNotices:
    def __init__(self) -> None:
        self._sources: list[_Source] = []

    def add_source(
        self,
        kind: NoticeKind,
        offer: Callable[[], Notice | None],
        dismiss: Callable[[Notice], None] | None = None,
    ) -> None:
        self._sources.append(_Source(kind, offer, dismiss))

    def choose(self, extra: Iterable[Notice] = ()) -> Notice | None:
        """Today's notice, from `extra` and the sources, as `domain.notices.choose` would pick
        it from all of them; a source that fails is skipped (a notice is never worth an error
        on Today)."""
        extra = list(extra)
        for kind in ORDER:
            offered: list[Notice | None] = [n for n in extra if n.kind is kind]
            for source in (s for s in self._sources if s.kind is kind):
                if choose(offered) is not None:
                    break
                try:
                    offered.append(source.offer())
                except Exception:
                    continue
            chosen = choose(offered)
            if chosen is not None:
                return chosen
        return None

    def dismiss(self, notice: Notice) -> None:
        """ "Don't show this again": the source that offered it forgets it for good."""
        for source in self._sources:
            if source.kind is notice.kind and source.dismiss is not None:
                source.dismiss(notice)
