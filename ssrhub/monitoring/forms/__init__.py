"""Monitoring forms, one module per part."""
