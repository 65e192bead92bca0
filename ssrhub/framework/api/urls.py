from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register('frameworks', views.FrameworkViewSet)
router.register('versions', views.FrameworkVersionViewSet)
router.register('items', views.FrameworkItemViewSet)
router.register('entities', views.UNEntityViewSet)
router.register('missions', views.MissionViewSet)

app_name = 'framework-api'
urlpatterns = router.urls
