"""Run a function in a child process bounded in time and memory, so that a hostile or pathological file cannot hold
a web process or a worker for minutes nor take the machine's memory: the embedded mode, which reads uploads inline,
is protected as much as a Celery worker with its time limits.

The child is forked (Linux): it inherits the function and its arguments without pickling them, limits its address
space with ``RLIMIT_AS`` to what it has plus ``memory_bytes``, and sends back the pickled result or exception. The
parent waits at most ``seconds`` and kills it past that.

Plain Python: no Django import.
"""

import os
import pickle
import resource
import select
import signal
import time

__all__ = ['Exceeded', 'run_bounded']

_READ_CHUNK = 1024 * 1024


class Exceeded(Exception):
    """The function ran past a bound: ``kind`` is 'seconds' or 'memory'."""

    def __init__(self, kind: str):
        self.kind = kind
        super().__init__(kind)


def run_bounded(function, *args, seconds: float, memory_bytes: int):
    """Return ``function(*args)`` run in a child process, or raise what it raised; ``Exceeded`` past a bound."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(reader)
        _child(writer, function, args, memory_bytes)
    os.close(writer)
    try:
        payload, finished = _read_until(reader, time.monotonic() + seconds)
    finally:
        os.close(reader)
        if not _reaped(pid):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    if not finished:
        raise Exceeded('seconds')
    if not payload:
        raise Exceeded('memory')  # killed or failed before it could answer: most often out of memory
    kind, value = pickle.loads(payload)
    if kind == 'raise':
        raise value
    return value


def _child(writer: int, function, args, memory_bytes: int):  # pragma: no cover
    status = 0
    try:
        limit = _address_space() + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        try:
            answer = ('return', function(*args))
        except MemoryError:
            answer = ('raise', Exceeded('memory'))
        except Exception as error:  # handed to the parent, which raises it
            answer = ('raise', error)
        try:
            payload = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as error:
            payload = pickle.dumps(('raise', RuntimeError(f'{type(error).__name__}: {error}')))
        view = memoryview(payload)
        while view:
            view = view[os.write(writer, view) :]
    except BaseException:
        status = 1
    finally:
        os._exit(status)


def _address_space() -> int:
    """The bytes of address space this process has now (its virtual size)."""
    with open('/proc/self/statm') as statm:
        return int(statm.read().split()[0]) * os.sysconf('SC_PAGE_SIZE')


def _read_until(reader: int, deadline: float) -> tuple[bytes, bool]:
    """Everything the child writes until it closes the pipe, and whether it did so before ``deadline``."""
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([reader], [], [], left)[0]:
            return b'', False
        chunk = os.read(reader, _READ_CHUNK)
        if not chunk:
            return b''.join(chunks), True
        chunks.append(chunk)


def _reaped(pid: int) -> bool:
    """Whether the child has ended (and is now reaped); it closes its end of the pipe only as it exits."""
    for _ in range(100):
        done, _status = os.waitpid(pid, os.WNOHANG)
        if done:
            return True
        time.sleep(0.001)
    return False
