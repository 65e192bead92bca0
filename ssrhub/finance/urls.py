"""Finance pages: exchange rates under /finance/rates/, a plan's funding under its country workspace."""

from django.urls import path

from . import views

app_name = 'finance'

RATES = 'finance/rates/'
DOC = 'countries/<str:iso3>/workspace/documents/<int:pk>/'

urlpatterns = [
    path(RATES, views.ExchangeRateListView.as_view(), name='rate_list'),
    path(f'{RATES}add/', views.ExchangeRateEditView.as_view(), name='rate_add'),
    path(f'{RATES}import/', views.RateImportView.as_view(), name='rate_import'),
    path(f'{RATES}<int:pk>/', views.ExchangeRateView.as_view(), name='rate'),
    path(f'{RATES}<int:pk>/edit/', views.ExchangeRateEditView.as_view(), name='rate_edit'),
    path(f'{RATES}<int:pk>/delete/', views.ExchangeRateDeleteView.as_view(), name='rate_delete'),
    path(f'{RATES}<int:pk>/history/', views.ExchangeRateHistoryView.as_view(), name='rate_history'),
    path(f'{DOC}funding/', views.PlanFundingView.as_view(), name='plan_funding'),
    path(f'{DOC}funding/reviews/', views.DuplicationReviewView.as_view(), name='duplication_review'),
]
