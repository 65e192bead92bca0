# PostgreSQL's unaccent extension, which the ``folded`` lookup (core/searching.py) calls; nothing on SQLite,
# where the same folding is a Python function registered on each connection.

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [('core', '0001_initial')]

    operations = [UnaccentExtension()]
