"""Roster pages, under /roster/."""

from django.urls import path

from . import views

app_name = 'roster'

P = 'roster/profiles/<int:pk>/'
R = 'roster/requests/<int:pk>/'

urlpatterns = [
    path('roster/', views.ExpertProfileListView.as_view(), name='profile_list'),
    path('roster/export.<str:fmt>', views.ExpertProfileExportView.as_view(), name='profile_export'),
    path('roster/me/', views.MyProfileView.as_view(), name='my_profile'),
    path('roster/profiles/add/', views.ExpertProfileEditView.as_view(), name='profile_add'),
    path(P, views.ExpertProfileView.as_view(), name='profile'),
    path(f'{P}edit/', views.ExpertProfileEditView.as_view(), name='profile_edit'),
    path(f'{P}delete/', views.ExpertProfileDeleteView.as_view(), name='profile_delete'),
    path(f'{P}history/', views.ExpertProfileHistoryView.as_view(), name='profile_history'),
    path('roster/requests/', views.SupportRequestListView.as_view(), name='request_list'),
    path('roster/requests/add/<str:iso3>/', views.SupportRequestEditView.as_view(), name='request_add'),
    path(R, views.SupportRequestView.as_view(), name='request'),
    path(f'{R}edit/', views.SupportRequestEditView.as_view(), name='request_edit'),
    path(f'{R}history/', views.SupportRequestHistoryView.as_view(), name='request_history'),
    path(f'{R}steps/', views.RequestStepView.as_view(), name='request_step'),
    path(f'{R}candidates/', views.CandidateView.as_view(), name='request_candidates'),
    path('roster/exports/', views.RosterExportListView.as_view(), name='export_list'),
]
