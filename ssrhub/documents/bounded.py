"""Run a function in a child process bounded in time and memory, so that a hostile or pathological file cannot hold
a web process or a worker for minutes nor take the machine's memory: the embedded mode, which reads uploads inline,
is protected as much as a Celery worker with its time limits.

The child is forked (Linux): it limits its address space with ``RLIMIT_AS`` to what it had plus ``memory_bytes``,
then runs the calls it is sent one at a time and sends back each pickled result or exception. The parent waits at
most ``seconds`` for an answer and kills the child past that. :func:`run_bounded` forks a child for one call. A
caller that reads many files in a row (the ingest command) runs them all through one child with
:func:`run_bounded_ahead`: forking a process of a few hundred megabytes for every file cost some 6 ms a file, more
than reading most of them. That child is replaced at the next call when it ran out of memory, died, or grew by half
its allowance; it belongs to the one generator that started it, so that threads never share one.

While it runs a call the child may say how far it is (:func:`report`, handed to the parent's ``on_progress``) and
claim, once per call, the extra time its caller allows for slow work (:func:`claim_extra_time`: a scan's OCR): the
amount is the parent's, the child only says that the slow work has started.

Plain Python: no Django import.
"""

import os
import pickle
import resource
import signal
import time
from multiprocessing.connection import Connection, Pipe

__all__ = ['Exceeded', 'claim_extra_time', 'report', 'run_bounded', 'run_bounded_ahead']


class Exceeded(Exception):
    """The function ran past a bound: ``kind`` is 'seconds' or 'memory'; ``extra_seconds`` the extra time it had
    claimed."""

    def __init__(self, kind: str, extra_seconds: float = 0):
        self.kind, self.extra_seconds = kind, extra_seconds
        super().__init__(kind)


class _Child:
    """A forked process that runs the calls its parent sends, under the memory bound it set when it started."""

    def __init__(self, memory_bytes: int):
        self.reaped = False
        self.connection, child_end = Pipe()
        self.pid = os.fork()
        if self.pid == 0:  # pragma: no cover - the child's coverage is not collected
            self.connection.close()
            _serve(child_end, memory_bytes)
        child_end.close()

    def call(self, function, args, seconds: float, extra_seconds: float = 0, on_progress=None):
        """``(kind, value)``: 'return' or 'raise'; raises ``Exceeded`` (and ends the child) past a bound."""
        self.send(function, args)
        return self.receive(time.monotonic() + seconds, extra_seconds, on_progress)

    def send(self, function, args) -> None:
        try:
            self.connection.send_bytes(pickle.dumps((function, args), protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # the child is gone: receive() says so

    def receive(self, deadline: float, extra_seconds: float = 0, on_progress=None):
        """The answer to the call sent, waited for until ``deadline`` (``time.monotonic()``), moved ``extra_seconds``
        later when the child claims them; what it reports on the way goes to ``on_progress``. The child says with each
        answer whether it is leaving (out of memory, or grown): it is then ended at once."""
        granted = 0
        try:
            while True:
                if not self.connection.poll(max(0.0, deadline - time.monotonic())):
                    self.end()
                    raise Exceeded('seconds', granted)
                kind, payload = pickle.loads(self.connection.recv_bytes())
                if kind == _ANSWER:
                    answer, leaving = payload
                    break
                if kind == _EXTRA_TIME:
                    if not granted:
                        deadline, granted = deadline + extra_seconds, extra_seconds
                elif on_progress is not None:
                    on_progress(payload)
        except (EOFError, OSError):
            self.end()
            raise Exceeded('memory') from None  # killed or failed before it could answer: most often out of memory
        if leaving:
            self.end()
        return answer

    def end(self) -> None:
        self.connection.close()
        if not self.reaped:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.reaped = True

    @property
    def alive(self) -> bool:
        if not self.reaped and os.waitpid(self.pid, os.WNOHANG)[0]:
            self.reaped = True  # it made way after its last answer
        return not self.reaped and not self.connection.closed


class _Kept:
    """The child that serves a caller's calls, replaced when it has ended (a bound passed, or it made way)."""

    def __init__(self, memory_bytes: int):
        self.memory_bytes = memory_bytes
        self.child: _Child | None = None

    def ready_child(self) -> _Child:
        if self.child is None or not self.child.alive:
            if self.child is not None:
                self.child.end()
            self.child = _Child(self.memory_bytes)
        return self.child

    def end(self) -> None:
        if self.child is not None:
            self.child.end()


def run_bounded(function, *args, seconds: float, memory_bytes: int, extra_seconds: float = 0, on_progress=None):
    """Return ``function(*args)`` run in a child process, or raise what it raised; ``Exceeded`` past a bound.
    ``extra_seconds`` are added to ``seconds`` if the function claims them (:func:`claim_extra_time`);
    ``on_progress(payload)`` is called in this process with what it reports (:func:`report`)."""
    child = _Child(memory_bytes)
    try:
        kind, value = child.call(function, args, seconds, extra_seconds, on_progress)
    finally:
        child.end()
    if kind == 'raise':
        raise value
    return value


def run_bounded_ahead(function, calls, *, seconds: float, memory_bytes: int, extra_seconds: float = 0):
    """For each ``(key, args)`` of ``calls`` yield ``(key, result)``: ``function(*args)`` run in one kept child, or
    the exception it raised (``Exceeded`` past a bound), or None when ``args`` is None. The child starts on the next
    call before a result is handed back, so that what the caller does with it runs beside the next reading. (A
    second child does not pay on two cores: the three processes then wait for one another.) A call that claims
    ``extra_seconds`` gets them (:func:`claim_extra_time`); what it reports is dropped."""
    kept = _Kept(memory_bytes)
    calls = iter(calls)
    try:
        pending = _send_next(kept, function, calls)
        while pending is not None:
            key, child, sent = pending
            try:
                _kind, value = child.receive(sent + seconds, extra_seconds) if child else ('return', None)
            except Exceeded as exceeded:
                value = exceeded
            pending = _send_next(kept, function, calls)
            yield key, value
    finally:
        kept.end()


def _send_next(kept: _Kept, function, calls):
    """Send the next call to the kept child: ``(key, child, sent)``, child None for a call not to run; None at the
    end."""
    for key, args in calls:
        if args is None:
            return key, None, 0.0
        child = kept.ready_child()
        child.send(function, args)
        return key, child, time.monotonic()
    return None


# Tags of what the child sends: the answer to a call, a progress report, the claim of the extra time.
_ANSWER, _PROGRESS, _EXTRA_TIME = 'answer', 'progress', 'extra-time'

# The connection to the parent, in a bounded child only.
_parent: Connection | None = None


def report(payload) -> None:
    """Hand ``payload`` (picklable) to the parent's ``on_progress``; nothing outside a bounded child."""
    if _parent is not None:
        _parent.send_bytes(pickle.dumps((_PROGRESS, payload), protocol=pickle.HIGHEST_PROTOCOL))


def claim_extra_time() -> None:
    """Ask for the extra seconds the parent allows this call (granted once a call); nothing outside a bounded
    child."""
    if _parent is not None:
        _parent.send_bytes(pickle.dumps((_EXTRA_TIME, None), protocol=pickle.HIGHEST_PROTOCOL))


def _serve(connection: Connection, memory_bytes: int):  # pragma: no cover
    global _parent
    _parent = connection
    status = 0
    try:
        start = _address_space()
        resource.setrlimit(resource.RLIMIT_AS, (start + memory_bytes, start + memory_bytes))
        while True:
            try:
                function, args = pickle.loads(connection.recv_bytes())
            except EOFError:  # the parent closed its end or exited
                break
            ended = False
            try:
                answer = ('return', function(*args))
            except MemoryError:
                answer, ended = ('raise', Exceeded('memory')), True
            except Exception as error:  # handed to the parent, which raises it
                answer = ('raise', error)
            # A process whose heap grew by half its allowance would leave the next file less: it makes way.
            leaving = ended or _address_space() - start > memory_bytes // 2
            try:
                payload = pickle.dumps((_ANSWER, (answer, leaving)), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as error:
                failure = ('raise', RuntimeError(f'{type(error).__name__}: {error}'))
                payload = pickle.dumps((_ANSWER, (failure, leaving)))
            connection.send_bytes(payload)
            if leaving:
                break
    except BaseException:
        status = 1
    finally:
        os._exit(status)


def _address_space() -> int:
    """The bytes of address space this process has now (its virtual size)."""
    with open('/proc/self/statm') as statm:
        return int(statm.read().split()[0]) * os.sysconf('SC_PAGE_SIZE')
