from django.urls import path

from .views import countries, health, pages, two_factor

urlpatterns = [
    path('health/live', health.live, name='health_live'),
    path('health/ready', health.ready, name='health_ready'),
    path('metrics', health.metrics, name='metrics'),
    path('search/', pages.search, name='search'),
    path('changes/', pages.changes, name='changes'),
    path('favicon.ico', pages.favicon, name='favicon'),
    path('accounts/two-factor/', two_factor.TwoFactorSetupView.as_view(), name='two_factor'),
    path('accounts/two-factor/verify/', two_factor.TwoFactorVerifyView.as_view(), name='two_factor_verify'),
    path('countries/', countries.CountryListView.as_view(), name='country_list'),
    path('countries/<str:iso3>/', countries.CountryView.as_view(), name='country'),
    path('countries/<str:iso3>/history/', countries.CountryHistoryView.as_view(), name='country_history'),
]
