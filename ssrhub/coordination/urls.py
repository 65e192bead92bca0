"""Coordination pages. The fora of a country are workspace pages, under /countries/<iso3>/workspace/fora/."""

from django.urls import path

from .views import fora, threew

app_name = 'coordination'

FORA = 'countries/<str:iso3>/workspace/fora/'

urlpatterns = [
    # Section: who does what where
    path('countries/<str:iso3>/workspace/3w/import/', threew.ThreeWImportView.as_view(), name='threew_import'),
    # Section: fora, meetings and decisions
    path(FORA, fora.ForumListView.as_view(), name='forum_list'),
    path(f'{FORA}add/', fora.ForumEditView.as_view(), name='forum_add'),
    path(f'{FORA}<int:pk>/', fora.ForumView.as_view(), name='forum'),
    path(f'{FORA}<int:pk>/edit/', fora.ForumEditView.as_view(), name='forum_edit'),
    path(f'{FORA}<int:pk>/delete/', fora.ForumDeleteView.as_view(), name='forum_delete'),
    path(f'{FORA}<int:forum_pk>/members/add/', fora.MemberEditView.as_view(), name='member_add'),
    path(f'{FORA}members/<int:pk>/edit/', fora.MemberEditView.as_view(), name='member_edit'),
    path(f'{FORA}members/<int:pk>/delete/', fora.MemberDeleteView.as_view(), name='member_delete'),
    path(f'{FORA}<int:forum_pk>/meetings/add/', fora.MeetingEditView.as_view(), name='meeting_add'),
    path(f'{FORA}meetings/<int:pk>/', fora.MeetingView.as_view(), name='meeting'),
    path(f'{FORA}meetings/<int:pk>/edit/', fora.MeetingEditView.as_view(), name='meeting_edit'),
    path(f'{FORA}meetings/<int:pk>/delete/', fora.MeetingDeleteView.as_view(), name='meeting_delete'),
    path(f'{FORA}meetings/<int:pk>/minutes/original/', fora.MeetingMinutesView.as_view(), name='meeting_minutes'),
    path(f'{FORA}meetings/<int:meeting_pk>/decisions/add/', fora.DecisionEditView.as_view(), name='decision_add'),
    path(f'{FORA}decisions/', fora.DecisionListView.as_view(), name='decision_list'),
    path(f'{FORA}decisions.<str:fmt>', fora.DecisionExportView.as_view(), name='decision_export'),
    path(f'{FORA}decisions/<int:pk>/', fora.DecisionView.as_view(), name='decision'),
    path(f'{FORA}decisions/<int:pk>/edit/', fora.DecisionEditView.as_view(), name='decision_edit'),
    path(f'{FORA}decisions/<int:pk>/delete/', fora.DecisionDeleteView.as_view(), name='decision_delete'),
    path(f'{FORA}decisions/<int:pk>/status/', fora.DecisionStatusView.as_view(), name='decision_status'),
]
