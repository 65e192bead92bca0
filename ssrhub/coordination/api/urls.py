from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register('organisations', views.OrganisationViewSet)
router.register('activities', views.ActivityViewSet)

app_name = 'coordination-api'
urlpatterns = router.urls
