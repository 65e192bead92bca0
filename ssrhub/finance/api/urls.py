from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register('exchange-rates', views.ExchangeRateViewSet)
router.register('duplication-reviews', views.DuplicationReviewViewSet)

app_name = 'finance-api'
urlpatterns = router.urls
