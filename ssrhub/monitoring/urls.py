"""Monitoring pages."""

from django.urls import path

from .views import surveys

app_name = 'monitoring'

# Section: surveys (data collection with XLSForm)
SURVEYS = 'countries/<str:iso3>/workspace/surveys/'
SURVEY = SURVEYS + '<int:survey>/'
urlpatterns = [
    path(SURVEYS, surveys.SurveyListView.as_view(), name='survey_list'),
    path(SURVEYS + 'add/', surveys.SurveyEditView.as_view(), name='survey_add'),
    path(SURVEYS + '<int:pk>/', surveys.SurveyView.as_view(), name='survey'),
    path(SURVEYS + '<int:pk>/edit/', surveys.SurveyEditView.as_view(), name='survey_edit'),
    path(SURVEY + 'versions/add/', surveys.SurveyVersionUploadView.as_view(), name='surveyversion_add'),
    path(
        SURVEY + 'versions/<int:pk>/publish/', surveys.SurveyVersionPublishView.as_view(), name='surveyversion_publish'
    ),
    path(SURVEY + 'versions/<int:pk>/<str:kind>/', surveys.SurveyVersionFileView.as_view(), name='surveyversion_file'),
    path(SURVEY + 'answer/', surveys.WebFormView.as_view(), name='survey_webform'),
    path(SURVEY + 'submissions/<int:pk>/', surveys.SubmissionView.as_view(), name='submission'),
    path(SURVEY + 'submissions.csv', surveys.SubmissionCSVView.as_view(), name='submission_csv'),
    path(SURVEY + 'import/', surveys.SurveyImportView.as_view(), name='surveyimport_add'),
    path(SURVEY + 'import/<int:pk>/', surveys.SurveyImportStatusView.as_view(), name='surveyimport'),
    path(SURVEY + 'formula/', surveys.SurveyFormulaView.as_view(), name='survey_formula'),
]
