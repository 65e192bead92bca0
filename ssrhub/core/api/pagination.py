from rest_framework.pagination import PageNumberPagination

__all__ = ['PageSizePagination']


class PageSizePagination(PageNumberPagination):
    page_size_query_param = 'page_size'
    max_page_size = 1000
