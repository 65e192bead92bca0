from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The project-level module above every app: home page, URL and API roots, `setup` and `demo` commands."""

    name = 'ssrhub.site'
    label = 'site'

    def ready(self):
        from ssrhub.core.symbol_links import register_symbol_finder
        from ssrhub.documents.models import Document

        @register_symbol_finder
        def stored_document(symbol, user):
            if user is None:
                return None
            document = Document.objects.restrict(user).filter(symbol=symbol).only('pk').first()
            return document.get_absolute_url() if document else None
