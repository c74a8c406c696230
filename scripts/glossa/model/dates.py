"""A date as editors write it in data files (YYYY, YYYY-MM, YYYY-MM-DD) -> as a reader
reads it."""

from __future__ import annotations

import datetime

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def human_date(date: str | None) -> str:
    """A paper.yml date as a reader writes it: "2019", "November 2019", "22 April 2026"."""
    if not date:
        return ""
    parts = date.split("-")
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        month = MONTHS[int(parts[1]) - 1]
        if len(parts) == 3 and parts[2].isdigit():
            return f"{int(parts[2])} {month} {parts[0]}"
        return f"{month} {parts[0]}"
    return date


def real_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a month and a day that exist (the format itself is
    the schema's to check)."""
    parts = [int(x) for x in text.split("-")] + [1, 1]
    try:
        datetime.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True
