"""Every form of the coordination app, one module per part."""
