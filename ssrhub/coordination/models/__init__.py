"""Coordination: the organisations that support security sector reform, what they do where, and the fora in which
they coordinate. One module per part; every model is importable from here."""

from .organisations import Organisation, OrganisationType

__all__ = ['Organisation', 'OrganisationType']
