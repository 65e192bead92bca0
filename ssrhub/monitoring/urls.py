"""Monitoring pages."""

from django.urls import path

from .views import actuals, context, dashboard, frameworks, gender, iati, library, report, surveys

app_name = 'monitoring'

# Section: results frameworks, indicators, the indicator library and SDG indicators
RF = 'countries/<str:iso3>/workspace/frameworks/'
IND = 'countries/<str:iso3>/workspace/indicators/'
ACTUALS = 'countries/<str:iso3>/workspace/monitoring/actuals/'
CONTEXT = 'countries/<str:iso3>/workspace/context/'
DASHBOARD = 'countries/<str:iso3>/workspace/monitoring/dashboard/'
SURVEYS = 'countries/<str:iso3>/workspace/surveys/'
SURVEY = SURVEYS + '<int:survey>/'

urlpatterns = [
    path(RF, frameworks.ResultsFrameworkListView.as_view(), name='framework_list'),
    path(f'{RF}add/', frameworks.ResultsFrameworkEditView.as_view(), name='framework_add'),
    path(f'{RF}<int:pk>/', frameworks.ResultsFrameworkView.as_view(), name='framework'),
    path(f'{RF}<int:pk>/edit/', frameworks.ResultsFrameworkEditView.as_view(), name='framework_edit'),
    path(f'{RF}<int:pk>/delete/', frameworks.ResultsFrameworkDeleteView.as_view(), name='framework_delete'),
    path(f'{RF}<int:pk>/history/', frameworks.ResultsFrameworkHistoryView.as_view(), name='framework_history'),
    path(f'{RF}<int:pk>/iati.xml', iati.FrameworkIatiExportView.as_view(), name='framework_iati'),
    path(f'{RF}<int:framework_pk>/levels/add/', frameworks.ResultLevelEditView.as_view(), name='level_add'),
    path(f'{RF}levels/<int:pk>/edit/', frameworks.ResultLevelEditView.as_view(), name='level_edit'),
    path(f'{RF}levels/<int:pk>/delete/', frameworks.ResultLevelDeleteView.as_view(), name='level_delete'),
    path(f'{RF}<int:framework_pk>/results/add/', frameworks.FrameworkResultEditView.as_view(), name='result_add'),
    path(f'{RF}results/<int:pk>/edit/', frameworks.FrameworkResultEditView.as_view(), name='result_edit'),
    path(f'{RF}results/<int:pk>/delete/', frameworks.FrameworkResultDeleteView.as_view(), name='result_delete'),
    path(f'{RF}results/<int:pk>/history/', frameworks.FrameworkResultHistoryView.as_view(), name='result_history'),
    path(f'{RF}results/<int:result_pk>/indicators/add/', frameworks.IndicatorEditView.as_view(), name='indicator_add'),
    path(f'{IND}<int:pk>/', frameworks.IndicatorView.as_view(), name='indicator'),
    path(f'{IND}<int:pk>/edit/', frameworks.IndicatorEditView.as_view(), name='indicator_edit'),
    path(f'{IND}<int:pk>/delete/', frameworks.IndicatorDeleteView.as_view(), name='indicator_delete'),
    path(f'{IND}<int:pk>/history/', frameworks.IndicatorHistoryView.as_view(), name='indicator_history'),
    path(f'{IND}<int:indicator_pk>/periods/add/', frameworks.IndicatorPeriodEditView.as_view(), name='period_add'),
    path(f'{IND}periods/<int:pk>/edit/', frameworks.IndicatorPeriodEditView.as_view(), name='period_edit'),
    path(f'{IND}periods/<int:pk>/delete/', frameworks.IndicatorPeriodDeleteView.as_view(), name='period_delete'),
    path('monitoring/frameworks/', frameworks.AllFrameworksListView.as_view(), name='framework_all'),
    path('monitoring/indicators/', frameworks.AllIndicatorsListView.as_view(), name='indicator_list'),
    path('monitoring/library/', library.LibraryIndicatorListView.as_view(), name='libraryindicator_list'),
    path('monitoring/library/<slug:code>/', library.LibraryIndicatorView.as_view(), name='libraryindicator'),
    path('monitoring/library/<slug:code>/copy/', library.LibraryCopyView.as_view(), name='libraryindicator_copy'),
    path('monitoring/sdg/', library.SdgIndicatorListView.as_view(), name='sdgindicator_list'),
    # Section: actuals and review (issue 13 item 3)
    path(ACTUALS, actuals.CountryReviewListView.as_view(), name='actual_review_list'),
    path(f'{ACTUALS}indicators/<int:pk>/', actuals.IndicatorActualsView.as_view(), name='indicator_actuals'),
    path(
        f'{ACTUALS}indicators/<int:pk>/disaggregations/',
        actuals.IndicatorDisaggregationsView.as_view(),
        name='indicator_disaggregations',
    ),
    path(f'{ACTUALS}periods/<int:period>/report/', actuals.ReportAddView.as_view(), name='actual_report_add'),
    path(f'{ACTUALS}reports/<int:pk>/', actuals.ReportView.as_view(), name='actual_report'),
    path(f'{ACTUALS}reports/<int:pk>/values/', actuals.ReportValuesView.as_view(), name='actual_report_values'),
    path(f'{ACTUALS}reports/<int:pk>/step/', actuals.ReportStepView.as_view(), name='actual_report_step'),
    path(f'{ACTUALS}reports/<int:pk>/history/', actuals.ReportHistoryView.as_view(), name='actual_report_history'),
    path(f'{ACTUALS}disaggregations/', actuals.DisaggregationListView.as_view(), name='disaggregation_list'),
    path(f'{ACTUALS}disaggregations/add/', actuals.DisaggregationEditView.as_view(), name='disaggregation_add'),
    path(
        f'{ACTUALS}disaggregations/<int:pk>/edit/',
        actuals.DisaggregationEditView.as_view(),
        name='disaggregation_edit',
    ),
    path('monitoring/actuals/review/', actuals.ReviewQueueView.as_view(), name='actual_review_queue'),
    # Section: dashboards (issue 13 item 7)
    path(DASHBOARD, dashboard.CountryDashboardView.as_view(), name='dashboard'),
    path(f'{RF}<int:pk>/dashboard/', dashboard.FrameworkDashboardView.as_view(), name='framework_dashboard'),
    # Section: gender
    path('countries/<str:iso3>/workspace/gender/', gender.GenderView.as_view(), name='gender'),
    # Section: context (country statistics and conflict events)
    path(CONTEXT, context.ContextView.as_view(), name='context'),
    path(f'{CONTEXT}statistics.<str:fmt>', context.StatisticsExportView.as_view(), name='statistics_export'),
    path(f'{CONTEXT}statistics/<int:pk>/', context.StatisticValueView.as_view(), name='statistic_value'),
    path(
        f'{CONTEXT}statistics/<int:pk>/history/',
        context.StatisticValueHistoryView.as_view(),
        name='statistic_value_history',
    ),
    path(f'{CONTEXT}events/', context.ConflictEventListView.as_view(), name='conflict_event_list'),
    path(f'{CONTEXT}events/<int:pk>/', context.ConflictEventView.as_view(), name='conflict_event'),
    path(
        f'{CONTEXT}events/<int:pk>/history/',
        context.ConflictEventHistoryView.as_view(),
        name='conflict_event_history',
    ),
    # Section: IATI results (issue 13 item 8)
    path('countries/<str:iso3>/workspace/iati-results/', iati.IatiResultListView.as_view(), name='iati_results'),
    # Section: the progress report (issue 13 item 7)
    path('countries/<str:iso3>/workspace/report/', report.ReportView.as_view(), name='report'),
    # Section: surveys (data collection with XLSForm)
    path(SURVEYS, surveys.SurveyListView.as_view(), name='survey_list'),
    path(SURVEYS + 'add/', surveys.SurveyEditView.as_view(), name='survey_add'),
    path(SURVEYS + '<int:pk>/', surveys.SurveyView.as_view(), name='survey'),
    path(SURVEYS + '<int:pk>/edit/', surveys.SurveyEditView.as_view(), name='survey_edit'),
    path(SURVEYS + '<int:pk>/history/', surveys.SurveyHistoryView.as_view(), name='survey_history'),
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
    path(SURVEY + 'formula/actual/', surveys.SurveyActualView.as_view(), name='survey_actual'),
]
