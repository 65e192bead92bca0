from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register('fora', views.ForumViewSet)
router.register('forum-members', views.ForumMemberViewSet)
router.register('meetings', views.MeetingViewSet)
router.register('decisions', views.DecisionViewSet)
router.register('decision-status-updates', views.DecisionStatusUpdateViewSet)
router.register('organisations', views.OrganisationViewSet)
router.register('activities', views.ActivityViewSet)
for prefix, viewset in views.PART_VIEWSETS.items():
    router.register(prefix, viewset)
router.register('admin-areas', views.AdminAreaViewSet)
router.register('iati-imports', views.IatiImportViewSet)
router.register('threew-imports', views.ThreeWImportViewSet)
router.register('codelist-items', views.CodelistItemViewSet)

app_name = 'coordination-api'
urlpatterns = router.urls
