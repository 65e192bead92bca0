"""Signals of coordination's writes that other apps follow.

``activities_stored`` is sent inside the transaction of an import that writes activities and their parts in bulk
(Django's ``post_save`` is not sent for these rows); ``sender`` is the function that stored them."""

from django.dispatch import Signal

__all__ = ['activities_stored']

activities_stored = Signal()
