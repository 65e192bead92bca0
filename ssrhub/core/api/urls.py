from django.urls import include, path
from rest_framework.routers import DefaultRouter

from .views import CountryViewSet

router = DefaultRouter()
router.register('countries', CountryViewSet)

api_urlpatterns = [
    path('core/', include((router.urls, 'core-api'))),
    path('framework/', include('ssrhub.framework.api.urls', namespace='framework-api')),
    path('documents/', include('ssrhub.documents.api.urls', namespace='documents-api')),
    path('mandates/', include('ssrhub.mandates.api.urls', namespace='mandates-api')),
    path('countries/', include('ssrhub.countries.api.urls', namespace='countries-api')),
]
