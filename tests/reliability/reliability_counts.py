"""Counts from the attack suite: each test tallies its trials and failures, prints them
(seen with -s) and leaves them for the run's closing summary (tests/conftest.py)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

REPORTED: list[str] = []


@dataclass
class Tally:
    name: str
    trials: int = 0
    failures: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: str, *, failed: bool = False) -> None:
        self.trials += 1
        self.outcomes[outcome] += 1
        if failed:
            self.failures += 1

    def report(self, **figures: object) -> str:
        parts = [f"trials={self.trials}", f"failures={self.failures}"]
        parts += [f"{name}={value}" for name, value in figures.items()]
        parts += [f"[{outcome}]={count}" for outcome, count in sorted(self.outcomes.items())]
        line = f"{self.name}: " + " ".join(parts)
        print(f"\n{line}")
        REPORTED.append(line)
        return line
