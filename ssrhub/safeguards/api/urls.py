from rest_framework.routers import DefaultRouter

from . import allegations, cases, reports, vetting

router = DefaultRouter()
# Section: support requests, assessments, review, decision, mitigations (issue 14 items 1-4)
router.register('support-requests', cases.SupportRequestViewSet, basename='supportrequest')
router.register('risk-assessments', cases.RiskAssessmentViewSet, basename='riskassessment')
router.register('risk-factors', cases.RiskFactorViewSet, basename='riskfactor')
router.register('mitigations', cases.MitigationViewSet, basename='mitigation')
router.register('forum-reviews', cases.ForumReviewViewSet, basename='forumreview')
router.register('decisions', cases.HrddDecisionViewSet, basename='decision')
router.register('reopenings', cases.ReopeningViewSet, basename='reopening')
router.register('interventions', cases.InterventionViewSet, basename='intervention')
router.register('shared-decisions', cases.SharedDecisionViewSet, basename='shareddecision')
# Section: alleged violations, interventions and the country overview (item 5)
router.register('allegations', allegations.AllegationViewSet)
router.register('allegation-sources', allegations.AllegationSourceViewSet)
router.register('countries', allegations.OverviewViewSet, basename='overview')
# Section: vetting and screening (item 6)
router.register('individuals', vetting.IndividualViewSet)
router.register('watch-lists', vetting.WatchListViewSet)
router.register('listed-people', vetting.ListedPersonViewSet)
router.register('screenings', vetting.ScreeningViewSet)
router.register('screening-matches', vetting.ScreeningMatchViewSet)
# Section: reports and exports (items 7-8)
router.register('named-exports', reports.NamedExportViewSet)

app_name = 'safeguards-api'
urlpatterns = router.urls
