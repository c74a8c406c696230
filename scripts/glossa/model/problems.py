"""Problems found in content: collected, sorted and printed together, each with a stable code."""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located and with what would fix it."""

    path: str
    line: int
    code: str
    message: str
    fix: str = ""
    severity: str = field(default=ERROR, compare=False)
    # Where a PDF prints it ("page 6, line 3"), said instead of the line of its text layer
    # (which still orders the problems).
    at: str = field(default="", compare=False)

    @property
    def where(self) -> str:
        return self.path if self.at or not self.line else f"{self.path}:{self.line}"

    def format(self) -> str:
        text = f"{self.where}: {self.code} " + (f"{self.at}: " if self.at else "") \
            + self.message
        if self.fix:
            text += f" ({self.fix})"
        return text


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def report(problems: list[Problem], built: bool) -> str:
    """Every problem on its own line, sorted, then one summary line."""
    lines = [p.format() for p in sorted(problems)]
    n_err = len(errors(problems))
    n_warn = len(problems) - n_err
    if n_err:
        tail = f"{n_err} error{'s' if n_err != 1 else ''}"
        if n_warn:
            tail += f", {n_warn} warning{'s' if n_warn != 1 else ''}"
        tail += "; nothing was built." if not built else "."
        lines.append(tail)
    elif n_warn:
        lines.append(f"{n_warn} warning{'s' if n_warn != 1 else ''}.")
    return "\n".join(lines)


class GlossaError(Exception):
    """Raised with problems that stop the command; the CLI prints them, never a traceback."""

    def __init__(self, problems: list[Problem]):
        super().__init__(report(problems, built=False))
        self.problems = problems
