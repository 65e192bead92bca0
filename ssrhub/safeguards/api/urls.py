from rest_framework.routers import DefaultRouter

from . import reports

router = DefaultRouter()
# Section: support requests, assessments, review, decision, mitigations (issue 14 items 1-4)
# Section: alleged violations, interventions and the country overview (item 5)
# Section: vetting and screening (item 6)
# Section: reports and exports (items 7-8)
router.register('named-exports', reports.NamedExportViewSet)

app_name = 'safeguards-api'
urlpatterns = router.urls
