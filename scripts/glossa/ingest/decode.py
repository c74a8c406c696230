"""Bytes as received -> normalised text (BOM, line endings, tabs), or problems that refuse it."""

from __future__ import annotations

from glossa.model.problems import Problem

MAX_BYTES = 5 * 1024 * 1024  # a long report is about 1 MB of text


def decode_source(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Return the text, or None and the reason it cannot be read as a paper."""
    if not data.strip():
        return None, [Problem(path, 0, "S001", "the source is empty",
                              "paste the paper's text into this file")]
    if len(data) > MAX_BYTES:
        return None, [Problem(path, 0, "S005", f"the source is {len(data):,} bytes, over the "
                              f"{MAX_BYTES:,}-byte limit", "split the file, or check it is text")]
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, [Problem(path, line, "S002", "the source contains NUL bytes: it is binary, "
                              "not text", "export the paper as plain UTF-8 text")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(path, line, "S003", f"the source is not valid UTF-8 (byte "
                              f"0x{data[exc.start]:02x} at offset {exc.start})",
                              "re-save the file as UTF-8")]
    return normalise_text(text), []


def normalise_text(text: str) -> str:
    """Same reading whatever the line endings and tabs: CRLF and CR become LF, tabs spaces."""
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\t", " ")
