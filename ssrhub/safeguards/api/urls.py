from rest_framework.routers import DefaultRouter

from . import allegations

router = DefaultRouter()
# Section: support requests, assessments, review, decision, mitigations (issue 14 items 1-4)
# Section: alleged violations, interventions and the country overview (item 5)
router.register('allegations', allegations.AllegationViewSet)
router.register('allegation-sources', allegations.AllegationSourceViewSet)
router.register('countries', allegations.OverviewViewSet, basename='overview')
# Section: vetting and screening (item 6)
# Section: reports and exports (items 7-8)

app_name = 'safeguards-api'
urlpatterns = router.urls
