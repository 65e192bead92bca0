from rest_framework.routers import DefaultRouter

from .actuals import ActualReportViewSet, ActualStepViewSet, ActualValueViewSet, DisaggregationTypeViewSet

router = DefaultRouter()
# Section: actuals and review (issue 13 item 3)
router.register('disaggregation-types', DisaggregationTypeViewSet)
router.register('actual-reports', ActualReportViewSet)
router.register('actual-values', ActualValueViewSet)
router.register('actual-steps', ActualStepViewSet)

app_name = 'monitoring-api'
urlpatterns = router.urls
