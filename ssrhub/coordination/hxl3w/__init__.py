"""Who does what where (3W / 4W) tables with HXL hashtags: reading (``reading``, ``rows``), matching the
organisations and sectors they name (``matching``), the 3W matrix (``matrix``) and HXL CSV export (``export``).

Plain Python: no Django import (the import contract in ``pyproject.toml``); ``docs/hxl.md`` describes the files.
"""
