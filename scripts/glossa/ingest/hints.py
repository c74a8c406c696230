"""What a paper's metadata says of its front matter, handed to either reader."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hints:
    """What the paper's metadata says of its own front matter; any may be empty."""

    title: str = ""
    subtitle: str = ""
    series: str = ""
