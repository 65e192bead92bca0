from django.urls import path

from . import views

app_name = 'coordination'

urlpatterns = [
    path('countries/<str:iso3>/workspace/3w/import/', views.ThreeWImportView.as_view(), name='threew_import'),
]
