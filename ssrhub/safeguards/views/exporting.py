"""The downloads of a list page: counts by default, the records with their names only with a stated reason."""

from ..exports import export_links

__all__ = ['ExportLinksMixin']


class ExportLinksMixin:
    """A country list page offering the exports of the ``ExportSpec`` named ``export_key`` (``exports.py``), with
    the page's filters."""

    export_key = ''

    def get_extra_context(self, request) -> dict:
        links = export_links(self.country, self.export_key, request.GET.urlencode())
        return {**super().get_extra_context(request), 'exports': links}
