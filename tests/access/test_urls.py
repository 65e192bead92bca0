"""Every URL of the project goes to a view that restricts its queryset, or is on the allow-list with its reason."""

from ssrhub.core.testing.urls import is_restricted, model_views, url_views

from .entries import ENTRIES

# Views that restrict inside (or need no restriction), by dotted path, with the reason.
ALLOWED_VIEWS = {
    'ssrhub.site.views.home': 'counts restricted querysets only',
    'ssrhub.core.views.pages.search': 'global_search() restricts every index',
    'ssrhub.core.views.pages.changes': 'recent_changes() restricts the change log to what the user may view',
    'ssrhub.core.views.pages.favicon': 'a redirect to a static file',
    'ssrhub.core.views.two_factor.LoginView': "Django's login, then the second factor",
    'ssrhub.core.views.two_factor.TwoFactorSetupView': "the user's own authenticator, no records",
    'ssrhub.core.views.two_factor.TwoFactorVerifyView': "verifies the user's own session, no records",
    'ssrhub.site.tokens.api_tokens': "the user's own API tokens (request.user.auth_token_set), no records",
    'ssrhub.site.tokens.RevokeApiTokenView': "revokes one of the user's own API tokens (request.user.auth_token_set)",
    'ssrhub.framework.views.framework_index': 'restricts Framework',
    'ssrhub.framework.views.FrameworkVersionView': 'reads the version and its items through restrict()',
    'ssrhub.framework.views.FrameworkVersionExportView': 'reads the version and its items through restrict()',
    'ssrhub.documents.views.DocumentOriginalView': 'restricts DocumentVersion',
    'ssrhub.documents.views.DocumentUploadView': 'adds a new document: checks documents.add_document',
    'ssrhub.documents.views.ParagraphSearchView': 'restricts Paragraph',
    'ssrhub.documents.views.SymbolConflictListView': 'checks may_attempt(change) and restricts SymbolConflict',
    'ssrhub.documents.views.SymbolConflictResolveView': 'checks may_attempt(change) and restricts SymbolConflict',
    'ssrhub.documents.views.IngestJobListView': 'restricts IngestJob',
    'ssrhub.documents.views.IngestJobView': 'restricts IngestJob',
    'ssrhub.documents.views.ParagraphExportView': 'restricts Paragraph (the paragraph search as a download)',
    'ssrhub.safeguards.api.allegations.OverviewViewSet': 'checks can_in_country(SupportRequest), reads through '
    'restrict() and logs the cases it shows',
}
# Whole families of views, by the start of their dotted path, with the reason.
ALLOWED_MODULES = {
    'django.contrib.auth.views.': 'login, logout and passwords',
    'ssrhub.core.views.health.': 'health probes and metrics: no records (metrics need a token or loopback)',
    'django.views.i18n.': 'language switch',
    'django.contrib.admin.': 'the admin checks Django model permissions itself (staff only)',
    'django.contrib.auth.admin.': 'the admin pages of users (staff only)',
    'django.contrib.contenttypes.views.': "the admin's view-on-site redirect",
    'django.views.generic.base.RedirectView': "the admin's redirects",
    'simple_history.admin.': 'the admin history pages (staff only)',
    'rest_framework.routers.APIRootView': 'lists the API endpoints, no records',
    'drf_spectacular.views.': 'the API schema and its docs, no records',
}


def dotted(view) -> str:
    return f'{view.__module__}.{view.__qualname__}'


def allowed(view) -> bool:
    path = dotted(view)
    return path in ALLOWED_VIEWS or any(path.startswith(prefix) for prefix in ALLOWED_MODULES)


def test_every_url_goes_to_a_restricted_view_or_an_allowed_one():
    unrestricted = [
        f'{name} ({route}): {dotted(view)}'
        for name, route, view in url_views()
        if not (is_restricted(view) or allowed(view))
    ]
    assert unrestricted == []


def test_the_allow_list_names_only_routed_unrestricted_views():
    routed = {dotted(view) for _name, _route, view in url_views() if not is_restricted(view)}
    assert set(ALLOWED_VIEWS) - routed == set()


def test_every_model_with_restricted_pages_or_api_endpoints_has_an_access_entry():
    covered = {entry.model for entry in ENTRIES}
    missing = {model._meta.label: sorted(names) for model, names in model_views().items() if model not in covered}
    assert missing == {}
