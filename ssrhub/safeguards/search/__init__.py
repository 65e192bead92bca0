"""Search indexes of the safeguards app, registered by ``apps.py``."""
