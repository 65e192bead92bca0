"""Site-wide wiring above every app (home page, URL and API roots, `setup` and `demo` commands)."""
