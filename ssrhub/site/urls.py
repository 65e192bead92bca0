"""The URL root: every app's pages, its API under ``api/<app>/``, accounts, languages and the admin."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import views

api_urlpatterns = [
    path('core/', include('ssrhub.core.api.urls', namespace='core-api')),
    path('framework/', include('ssrhub.framework.api.urls', namespace='framework-api')),
    path('documents/', include('ssrhub.documents.api.urls', namespace='documents-api')),
    path('coding/', include('ssrhub.coding.api.urls', namespace='coding-api')),
    path('mandates/', include('ssrhub.mandates.api.urls', namespace='mandates-api')),
    path('countries/', include('ssrhub.countries.api.urls', namespace='countries-api')),
    path('coordination/', include('ssrhub.coordination.api.urls', namespace='coordination-api')),
    path('finance/', include('ssrhub.finance.api.urls', namespace='finance-api')),
    path('monitoring/', include('ssrhub.monitoring.api.urls', namespace='monitoring-api')),
    path('safeguards/', include('ssrhub.safeguards.api.urls', namespace='safeguards-api')),
    path('roster/', include('ssrhub.roster.api.urls', namespace='roster-api')),
]

urlpatterns = [
    path('', views.home, name='home'),
    path('', include('ssrhub.core.urls')),
    path('', include('ssrhub.framework.urls')),
    path('', include('ssrhub.documents.urls')),
    path('', include('ssrhub.coding.urls')),
    path('', include('ssrhub.mandates.urls')),
    path('', include('ssrhub.countries.urls')),
    path('', include('ssrhub.coordination.urls')),
    path('', include('ssrhub.finance.urls')),
    path('', include('ssrhub.monitoring.urls')),
    path('', include('ssrhub.safeguards.urls')),
    path('', include('ssrhub.roster.urls')),
    path('accounts/tokens/', include('ssrhub.site.tokens')),
    path('accounts/', include('ssrhub.site.accounts')),
    path('i18n/', include('django.conf.urls.i18n')),
    path('admin/', admin.site.urls),
    path('api/', include(api_urlpatterns)),
    path('api/schema/', SpectacularAPIView.as_view(), name='schema'),
    path('api/docs/', SpectacularSwaggerSplitView.as_view(url_name='schema'), name='api_docs'),
]

handler400 = 'ssrhub.core.views.errors.bad_request'
handler403 = 'ssrhub.core.views.errors.permission_denied'
handler404 = 'ssrhub.core.views.errors.page_not_found'
handler500 = 'ssrhub.core.views.errors.server_error'
