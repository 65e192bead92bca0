from rest_framework.routers import DefaultRouter

router = DefaultRouter()

# Context: country statistics and conflict events (read-only)
from .views import context as context_views  # noqa: E402

router.register('statistic-series', context_views.StatisticSeriesViewSet)
router.register('statistic-values', context_views.StatisticValueViewSet)
router.register('conflict-events', context_views.ConflictEventViewSet)

app_name = 'monitoring-api'
urlpatterns = router.urls
