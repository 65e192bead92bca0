"""Loopback ports for tests that start servers (Redis, a Celery worker's broker)."""

import socket

__all__ = ['free_port']


def free_port() -> int:
    """A loopback TCP port nothing listens on (at the time of asking)."""
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        return probe.getsockname()[1]
