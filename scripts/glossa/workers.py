"""Work spread over child processes, one per core: reading papers, and linking and writing
each paper's page, are done paper by paper, each from its own inputs alone.

The children are plain `python -c` processes: a pickled list of items in, the pickled
results out, in the same order. Not multiprocessing's pool: it would import the parent's
main module again in each child (MkDocs' command line, or a user's script without a
`__main__` guard), and forking a process that holds threads (MkDocs' server and watcher)
is unsafe. Below POOL_FROM items the start-up (Python and our imports, about half a second
per child) costs more than it saves, and the caller works alone.
"""

from __future__ import annotations

import importlib
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

POOL_FROM = 24
MAX_WORKERS = 8


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


def in_workers(target: Callable, items: list, shared: tuple = (),
               workers: int | None = None) -> list | None:
    """[target(item, *shared) for item in items], computed in child processes; None when
    there are too few items or cores for that to pay (the caller then works alone).
    `target` is a module-level function; items, shared arguments and results pickle."""
    workers = min(workers or cores(), MAX_WORKERS, len(items))
    if workers < 2 or len(items) < POOL_FROM:
        return None
    shares = [list(range(i, len(items), workers)) for i in range(workers)]  # interleaved
    # The children import as this process does (its path: a hook's folder, a test's).
    package = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        dict.fromkeys([package, *(p for p in sys.path if p and os.path.isdir(p))]))}
    job = (target.__module__, target.__qualname__, shared)

    def run(share: list[int]) -> list:
        child = subprocess.run(
            [sys.executable, "-c", "from glossa.workers import _child; _child()"],
            input=pickle.dumps((*job, [items[i] for i in share]),
                               protocol=pickle.HIGHEST_PROTOCOL),
            capture_output=True, env=env, check=False)
        if child.returncode != 0:
            raise RuntimeError(f"a worker process ({job[0]}.{job[1]}) failed:\n"
                               + child.stderr.decode("utf-8", "replace")[-3000:])
        return pickle.loads(child.stdout)

    results: list = [None] * len(items)
    with ThreadPoolExecutor(workers) as pool:
        for share, out in zip(shares, pool.map(run, shares), strict=True):
            for i, result in zip(share, out, strict=True):
                results[i] = result
    return results


def _child() -> None:
    """One worker: (module, function, shared arguments, items) on stdin, results on stdout."""
    module, name, shared, items = pickle.load(sys.stdin.buffer)
    target = getattr(importlib.import_module(module), name)
    out = [target(item, *shared) for item in items]
    sys.stdout.buffer.write(pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
