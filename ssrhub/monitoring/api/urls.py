from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()

# Section: surveys
router.register('surveys', views.SurveyViewSet)
router.register('survey-versions', views.SurveyVersionViewSet)
router.register('submissions', views.SubmissionViewSet)
router.register('survey-imports', views.SurveyImportViewSet)

app_name = 'monitoring-api'
urlpatterns = router.urls
