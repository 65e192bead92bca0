"""Filtersets of the monitoring pages and API, one module per part."""
