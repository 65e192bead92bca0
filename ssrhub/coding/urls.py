from django.urls import path

from . import views

app_name = 'coding'

urlpatterns = [
    path('paragraphs/<int:pk>/review/', views.ParagraphReviewView.as_view(), name='paragraph_review'),
    path('coding/agreement/', views.AgreementView.as_view(), name='agreement'),
    path('coding/code-assignments/', views.CodeAssignmentListView.as_view(), name='code_assignment_list'),
    path('coding/learned-proposals/', views.LearnedProposalListView.as_view(), name='learned_proposal_list'),
    path('coding/reviews/', views.ParagraphReviewListView.as_view(), name='paragraph_review_list'),
    path('coding/review-queue/', views.ReviewQueueView.as_view(), name='review_queue'),
]
