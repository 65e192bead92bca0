"""Forms of the monitoring app, one module per part."""
