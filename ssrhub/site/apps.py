from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The project-level module above every app: home page, URL and API roots, `setup` and `demo` commands."""

    name = 'ssrhub.site'
    label = 'site'
