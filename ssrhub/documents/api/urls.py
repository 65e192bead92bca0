from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register('documents', views.DocumentViewSet)
router.register('paragraphs', views.ParagraphViewSet)
router.register('jobs', views.IngestJobViewSet)

app_name = 'documents-api'
urlpatterns = router.urls
