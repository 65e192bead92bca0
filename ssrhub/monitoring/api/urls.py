from rest_framework.routers import DefaultRouter

router = DefaultRouter()

app_name = 'monitoring-api'
urlpatterns = router.urls
