"""Monitoring pages."""

app_name = 'monitoring'

urlpatterns = []
