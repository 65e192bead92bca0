from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from ssrhub.core.api.urls import api_urlpatterns

urlpatterns = [
    path('', include('ssrhub.core.urls')),
    path('', include('ssrhub.framework.urls')),
    path('', include('ssrhub.documents.urls')),
    path('', include('ssrhub.coding.urls')),
    path('', include('ssrhub.mandates.urls')),
    path('', include('ssrhub.countries.urls')),
    path('accounts/', include('django.contrib.auth.urls')),
    path('i18n/', include('django.conf.urls.i18n')),
    path('admin/', admin.site.urls),
    path('api/', include(api_urlpatterns)),
    path('api/schema/', SpectacularAPIView.as_view(), name='schema'),
    path('api/docs/', SpectacularSwaggerView.as_view(url_name='schema'), name='api_docs'),
]
