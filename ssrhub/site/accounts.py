"""The account pages in the site's layout: password change, and password reset by e-mail.

Password reset is offered (linked and served) only when mail really leaves the server: not with the console backend
of development nor the dummy one (``password_reset_offered``).

Django's views with ssrhub's templates (``registration/account_*.html``; the admin's ``registration/password_*``
templates would otherwise win, being found first) and forms with the site's accessible widgets. Logging in is
Django's view with django-axes' lockout, followed by the second factor for users who read sensitive records
(``core/views/two_factor.py``).
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.http import Http404
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from ssrhub.core.forms import AccessibleFormMixin
from ssrhub.core.views.two_factor import LoginView

__all__ = ['password_reset_context', 'password_reset_offered', 'urlpatterns']

NO_MAIL = {'django.core.mail.backends.console.EmailBackend', 'django.core.mail.backends.dummy.EmailBackend'}


def password_reset_offered() -> bool:
    return settings.EMAIL_BACKEND not in NO_MAIL


def password_reset_context(request):
    """Context processor: whether pages may link to the password reset."""
    return {'password_reset_offered': password_reset_offered()}


def with_mail(view):
    """``view``, or a 404 when no mail can be sent."""

    @wraps(view)
    def offered(request, *args, **kwargs):
        if not password_reset_offered():
            raise Http404
        return view(request, *args, **kwargs)

    return offered


class PasswordResetForm(AccessibleFormMixin, auth_forms.PasswordResetForm):
    pass


class SetPasswordForm(AccessibleFormMixin, auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(AccessibleFormMixin, auth_forms.PasswordChangeForm):
    pass


FORM = 'registration/account_form.html'
MESSAGE = 'registration/account_message.html'

urlpatterns = [
    path('login/', LoginView.as_view(), name='login'),
    path('logout/', auth_views.LogoutView.as_view(), name='logout'),
    path(
        'password_change/',
        auth_views.PasswordChangeView.as_view(
            template_name=FORM,
            form_class=PasswordChangeForm,
            extra_context={'title': _('Change your password'), 'submit': _('Change my password')},
        ),
        name='password_change',
    ),
    path(
        'password_change/done/',
        auth_views.PasswordChangeDoneView.as_view(
            template_name=MESSAGE,
            extra_context={'title': _('Password changed'), 'step': 'changed'},
        ),
        name='password_change_done',
    ),
    path(
        'password_reset/',
        with_mail(
            auth_views.PasswordResetView.as_view(
                template_name=FORM,
                form_class=PasswordResetForm,
                email_template_name='registration/account_reset_email.txt',
                subject_template_name='registration/account_reset_subject.txt',
                extra_email_context={'site_name': 'ssrhub'},
                extra_context={
                    'title': _('Reset your password'),
                    'intro': _(
                        'Enter the e-mail address of your ssrhub account. We will send you a link to choose a new '
                        'password; it works once, for a few days.'
                    ),
                    'submit': _('Send me the link'),
                },
            )
        ),
        name='password_reset',
    ),
    path(
        'password_reset/done/',
        with_mail(
            auth_views.PasswordResetDoneView.as_view(
                template_name=MESSAGE, extra_context={'title': _('Check your e-mail'), 'step': 'sent'}
            )
        ),
        name='password_reset_done',
    ),
    path(
        'reset/<uidb64>/<token>/',
        with_mail(
            auth_views.PasswordResetConfirmView.as_view(
                template_name=FORM,
                form_class=SetPasswordForm,
                success_url=reverse_lazy('password_reset_complete'),
                extra_context={'title': _('Choose a new password'), 'submit': _('Save my new password')},
            )
        ),
        name='password_reset_confirm',
    ),
    path(
        'reset/done/',
        with_mail(
            auth_views.PasswordResetCompleteView.as_view(
                template_name=MESSAGE, extra_context={'title': _('Password saved'), 'step': 'complete'}
            )
        ),
        name='password_reset_complete',
    ),
]
