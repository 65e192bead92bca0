from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register('code-assignments', views.CodeAssignmentViewSet)
router.register('learned-proposals', views.LearnedProposalViewSet)
router.register('paragraph-reviews', views.ParagraphReviewViewSet)

app_name = 'coding-api'
urlpatterns = router.urls
