from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register('engagements', views.EngagementViewSet)
router.register('actors', views.ActorViewSet)
router.register('actor-relations', views.ActorRelationViewSet)
router.register('headcounts', views.HeadcountViewSet)
router.register('women-share-targets', views.WomenShareTargetViewSet)
router.register('assessments', views.AssessmentViewSet)
router.register('documents', views.NationalDocumentViewSet)
router.register('timeline-events', views.TimelineEventViewSet)

app_name = 'countries-api'
urlpatterns = router.urls
