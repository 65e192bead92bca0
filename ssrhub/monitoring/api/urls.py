from rest_framework.routers import DefaultRouter

from . import context, surveys, views
from .actuals import ActualReportViewSet, ActualStepViewSet, ActualValueViewSet, DisaggregationTypeViewSet

router = DefaultRouter()
# Section: results frameworks, indicators, the indicator library and SDG indicators
router.register('frameworks', views.ResultsFrameworkViewSet)
router.register('result-levels', views.ResultLevelViewSet)
router.register('results', views.FrameworkResultViewSet)
router.register('result-activities', views.ResultActivityViewSet)
router.register('indicators', views.IndicatorViewSet)
router.register('indicator-periods', views.IndicatorPeriodViewSet)
router.register('library', views.LibraryIndicatorViewSet)
router.register('sdg-indicators', views.SdgIndicatorViewSet)
# Section: actuals and review (issue 13 item 3)
router.register('disaggregation-types', DisaggregationTypeViewSet)
router.register('actual-reports', ActualReportViewSet)
router.register('actual-values', ActualValueViewSet)
router.register('actual-steps', ActualStepViewSet)
# Section: context, country statistics and conflict events (read-only)
router.register('statistic-series', context.StatisticSeriesViewSet)
router.register('statistic-values', context.StatisticValueViewSet)
router.register('conflict-events', context.ConflictEventViewSet)

# Section: surveys
router.register('surveys', surveys.SurveyViewSet)
router.register('survey-versions', surveys.SurveyVersionViewSet)
router.register('submissions', surveys.SubmissionViewSet)
router.register('survey-imports', surveys.SurveyImportViewSet)

app_name = 'monitoring-api'
urlpatterns = router.urls
