"""The account pages in the site's layout: password change, and password reset by e-mail.

Django's views with ssrhub's templates (``registration/account_*.html``; the admin's ``registration/password_*``
templates would otherwise win, being found first) and forms with the site's accessible widgets. Logging in is
Django's view with django-axes' lockout, followed by the second factor for users who read sensitive records
(``core/views/two_factor.py``).
"""

from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from ssrhub.core.forms import AccessibleFormMixin
from ssrhub.core.views.two_factor import LoginView

__all__ = ['urlpatterns']


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
        ),
        name='password_reset',
    ),
    path(
        'password_reset/done/',
        auth_views.PasswordResetDoneView.as_view(
            template_name=MESSAGE, extra_context={'title': _('Check your e-mail'), 'step': 'sent'}
        ),
        name='password_reset_done',
    ),
    path(
        'reset/<uidb64>/<token>/',
        auth_views.PasswordResetConfirmView.as_view(
            template_name=FORM,
            form_class=SetPasswordForm,
            success_url=reverse_lazy('password_reset_complete'),
            extra_context={'title': _('Choose a new password'), 'submit': _('Save my new password')},
        ),
        name='password_reset_confirm',
    ),
    path(
        'reset/done/',
        auth_views.PasswordResetCompleteView.as_view(
            template_name=MESSAGE, extra_context={'title': _('Password saved'), 'step': 'complete'}
        ),
        name='password_reset_complete',
    ),
]
