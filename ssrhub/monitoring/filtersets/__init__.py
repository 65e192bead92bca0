"""Filter sets of the monitoring app, one module per part; each serves the pages and the API alike."""
