import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A French request leaves French active in the thread (``LocaleMiddleware`` activates it and nothing resets
    it): the tests that follow, which pytest-django may run later in the same thread, start in English again."""
    yield
    translation.deactivate()
