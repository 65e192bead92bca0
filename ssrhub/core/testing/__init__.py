"""Test helpers shared by every app: the generic access suite (``access.py``)."""
