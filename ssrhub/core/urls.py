from django.urls import path

from .views import countries, pages

urlpatterns = [
    path('search/', pages.search, name='search'),
    path('changes/', pages.changes, name='changes'),
    path('favicon.ico', pages.favicon, name='favicon'),
    path('countries/', countries.CountryListView.as_view(), name='country_list'),
    path('countries/<str:iso3>/', countries.CountryView.as_view(), name='country'),
    path('countries/<str:iso3>/history/', countries.CountryHistoryView.as_view(), name='country_history'),
]
