from rest_framework.routers import DefaultRouter

from . import cases

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
# Section: vetting and screening (item 6)
# Section: reports and exports (items 7-8)

app_name = 'safeguards-api'
urlpatterns = router.urls
