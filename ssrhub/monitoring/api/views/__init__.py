"""Viewsets of the monitoring API, one module per part."""
