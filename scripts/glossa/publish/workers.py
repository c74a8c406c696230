"""Work spread over child processes, one per core: reading papers is done paper by paper,
each from its own inputs alone.

The children are plain `python -c` processes: a pickled list of items in, each result
pickled out as soon as it is made. Not multiprocessing's pool: it would import the parent's
main module again in each child (MkDocs' command line, or a user's script without a
`__main__` guard), and forking a process that holds threads (MkDocs' server and watcher)
is unsafe. Below POOL_FROM items the start-up (Python and our imports, about half a second
per child) costs more than it saves, and the caller works alone.

`stream` hands the results back one by one, in the items' order, while the children go on
with the rest: the caller can work on the first papers (link them, write their pages) on a
core the children leave idle as they start, and beside them after.
"""

from __future__ import annotations

import importlib
import os
import pickle
import queue
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
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
    results = stream(target, items, shared, workers)
    return None if results is None else list(results)


class _Failed:
    """What a reader thread puts in its queue when its child failed."""

    def __init__(self, error: BaseException):
        self.error = error


def stream(target: Callable, items: list, shared: tuple = (),
           workers: int | None = None) -> Iterator | None:
    """As in_workers, but an iterator that yields each result, in the items' order, as soon
    as it and those before it are made. Its close() (called at the end, on an error, or by
    a caller that stops early) stops the children."""
    workers = min(workers or cores(), MAX_WORKERS, len(items))
    if workers < 2 or len(items) < POOL_FROM:
        return None
    shares = [list(range(i, len(items), workers)) for i in range(workers)]  # interleaved
    # The children import as this process does (its path: a hook's folder, a test's).
    package = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        dict.fromkeys([package, *(p for p in sys.path if p and os.path.isdir(p))]))}
    job = (target.__module__, target.__qualname__, shared)
    children, threads, logs = [], [], []
    queues: list[queue.SimpleQueue] = [queue.SimpleQueue() for _ in shares]

    def read(child: subprocess.Popen, errors, share: list[int], out: queue.SimpleQueue) -> None:
        try:
            child.stdin.write(pickle.dumps((*job, [items[i] for i in share]),
                                           protocol=pickle.HIGHEST_PROTOCOL))
            child.stdin.close()
            for _ in share:
                out.put(pickle.load(child.stdout))
        except (EOFError, OSError, pickle.UnpicklingError):
            child.wait()
            errors.seek(0)
            out.put(_Failed(RuntimeError(
                f"a worker process ({job[0]}.{job[1]}) failed:\n"
                + errors.read().decode("utf-8", "replace")[-3000:])))
        except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
            out.put(_Failed(error))

    class Results:
        """The results in the items' order; close() (or the end) stops the children."""

        def __init__(self) -> None:
            self.next_item = 0
            self.closed = False

        def __iter__(self) -> Results:
            return self

        def __next__(self):
            if self.closed or self.next_item == len(items):
                self.close()
                raise StopIteration
            result = queues[self.next_item % workers].get()
            self.next_item += 1
            if isinstance(result, _Failed):
                self.close()
                raise result.error
            return result

        def close(self) -> None:
            if self.closed:
                return
            self.closed = True
            for child in children:
                if child.poll() is None:
                    child.kill()
                child.wait()
            for thread in threads:
                thread.join()
            for child, log in zip(children, logs, strict=True):
                child.stdin.close()
                child.stdout.close()
                log.close()

    for share, out in zip(shares, queues, strict=True):
        errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed with the child
        child = subprocess.Popen(
            [sys.executable, "-c", "from glossa.publish.workers import _child; _child()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, env=env)
        children.append(child)
        logs.append(errors)
        thread = threading.Thread(target=read, args=(child, errors, share, out), daemon=True)
        thread.start()
        threads.append(thread)
    return Results()


def _child() -> None:
    """One worker: (module, function, shared arguments, items) on stdin; each result on
    stdout, pickled, as soon as it is made."""
    module, name, shared, items = pickle.load(sys.stdin.buffer)
    target = getattr(importlib.import_module(module), name)
    out = sys.stdout.buffer
    for item in items:
        pickle.dump(target(item, *shared), out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()
