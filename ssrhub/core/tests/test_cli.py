"""The `ssrhub` console script wraps Django's management commands."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _console_script() -> str:
    beside_python = Path(sys.executable).with_name('ssrhub')
    return str(beside_python) if beside_python.exists() else shutil.which('ssrhub')


@pytest.mark.skipif(not _console_script(), reason='ssrhub is not installed as a console script')
def test_console_script_lists_ssrhub_commands():
    result = subprocess.run([_console_script(), 'help'], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for command in ('framework', 'setup', 'demo'):
        assert command in result.stdout
