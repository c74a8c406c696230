"""Papers read in an earlier run, kept on disk: a paper's files + the glossa code -> its reading.

Like Sphinx's pickled environment: a second `glossa build` or `mkdocs build` in the same
checkout reads again only the papers whose files changed. The key covers the bytes of the
paper's files and every source file of this package (and the Python version), so any code
change invalidates every entry. Entries live in `.cache/glossa/papers/` under the project
root (ignored by git); `GLOSSA_CACHE=off` turns the cache off, and deleting the folder is
always safe. A damaged or unreadable entry is treated as missing.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # the whole glossa package
FOLDER = Path(".cache/glossa/papers")


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of this package's code and schemas, of the Python that runs them and of the
    PDF library's version."""
    digest = hashlib.sha256(sys.version.encode())
    try:  # the PDF library reads characters: another version may read them otherwise
        from importlib.metadata import version
        digest.update(b"pypdfium2 " + version("pypdfium2").encode())
    except Exception:  # noqa: BLE001 - not installed: text sources only
        pass
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".json") and path.is_file():
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


class DiskCache:
    def __init__(self, root: Path):
        self.dir = root / FOLDER
        self.enabled = os.environ.get("GLOSSA_CACHE", "on").lower() not in ("off", "0", "no")
        self.used: set[str] = set()

    def _path(self, key: str) -> Path:
        name = hashlib.sha256((key + code_version()).encode()).hexdigest()
        return self.dir / f"{name}.pickle"

    def get(self, key: str) -> object | None:
        if not self.enabled:
            return None
        path = self._path(key)
        self.used.add(path.name)
        try:
            with path.open("rb") as f:
                return pickle.load(f)
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - a damaged entry is a miss, whatever it raises
            return None

    def has(self, key: str) -> bool:
        return self.enabled and self._path(key).is_file()

    def empty(self) -> bool:
        """Whether no entry is kept (or the cache is off): then every paper is to be read."""
        if not self.enabled:
            return True
        try:
            return not any(p.suffix == ".pickle" for p in self.dir.iterdir())
        except OSError:
            return True

    def put(self, key: str, value: object) -> None:
        if not self.enabled:
            return
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except pickle.PicklingError:
            return
        self.put_pickled(key, data)

    def put_pickled(self, key: str, data: bytes) -> None:
        """Keep `data`, a value pickled already (by a worker process, say)."""
        if not self.enabled:
            return
        path = self._path(key)
        self.used.add(path.name)
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.dir, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only checkout builds without the cache

    def keep(self, key: str) -> None:
        """Mark an entry another process put as used by this run (prune keeps it)."""
        if self.enabled:
            self.used.add(self._path(key).name)

    def prune(self) -> None:
        """Remove the entries this run did not use (old versions of edited papers, entries
        of older code)."""
        if not self.enabled or not self.dir.is_dir():
            return
        for path in self.dir.iterdir():
            if path.name not in self.used:
                try:
                    path.unlink()
                except OSError:
                    pass
