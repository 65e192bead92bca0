"""The Redis cache of a server, tolerant of Redis being away: what it keeps (a plan's funding, the search vocabulary)
can always be calculated again, so an unreachable Redis reads as a miss and keeps nothing, and pages still serve.
/health/ready reports the outage."""

import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis import RedisError

__all__ = ['TolerantRedisCache']

logger = logging.getLogger(__name__)


class _TolerantClient(RedisCacheClient):
    def _tolerant(self, method, fallback, *args):
        try:
            return method(self, *args)
        except RedisError:
            logger.warning('Cache unavailable: Redis did not answer', exc_info=True)
            return fallback

    def get(self, key, default):
        return self._tolerant(RedisCacheClient.get, default, key, default)

    def get_many(self, keys):
        return self._tolerant(RedisCacheClient.get_many, {}, keys)

    def has_key(self, key):
        return self._tolerant(RedisCacheClient.has_key, False, key)

    def add(self, key, value, timeout):
        return self._tolerant(RedisCacheClient.add, False, key, value, timeout)

    def set(self, key, value, timeout):
        return self._tolerant(RedisCacheClient.set, None, key, value, timeout)

    def set_many(self, data, timeout):
        return self._tolerant(RedisCacheClient.set_many, [], data, timeout)

    def touch(self, key, timeout):
        return self._tolerant(RedisCacheClient.touch, False, key, timeout)

    def delete(self, key):
        return self._tolerant(RedisCacheClient.delete, False, key)

    def delete_many(self, keys):
        return self._tolerant(RedisCacheClient.delete_many, None, keys)


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _TolerantClient
