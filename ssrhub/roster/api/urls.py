from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register('profiles', views.ExpertProfileViewSet)
router.register('requests', views.SupportRequestViewSet)
router.register('request-steps', views.RequestStepViewSet)
router.register('candidates', views.CandidateViewSet)
router.register('deployments', views.DeploymentViewSet)
router.register('exports', views.RosterExportViewSet)

app_name = 'roster-api'
urlpatterns = router.urls
