"""The signed-in user is read with their roster profile in the same query: the user menu of every page asks
whether the user has one ("My roster profile"), and that must not cost each page a query."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

__all__ = ['UserWithProfileBackend']


class UserWithProfileBackend(ModelBackend):
    def get_user(self, user_id):
        user_model = get_user_model()
        user = user_model._default_manager.select_related('expert_profile').filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
