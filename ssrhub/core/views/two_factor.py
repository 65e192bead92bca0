"""The second factor's pages: log in (then verify), set up an authenticator app, verify a session.

A user whose roles read sensitive records is sent, right after their password, to the verify page (or to the set-up
page when they have no authenticator yet), keeping where they were going (``next``, this site's URLs only).
"""

import django_otp
from django import forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View

from ssrhub.core.access import two_factor_verified
from ssrhub.core.forms import AccessibleFormMixin
from ssrhub.core.two_factor import (
    has_authenticator,
    needs_verifying,
    new_backup_codes,
    pending_authenticator,
    qr_svg,
    safe_next,
    second_factor_url,
    secret,
    verify_code,
)

__all__ = ['LoginView', 'TwoFactorSetupView', 'TwoFactorVerifyView']


class CodeForm(AccessibleFormMixin, forms.Form):
    code = forms.CharField(
        label=_('Code'),
        max_length=20,
        help_text=_('The six digits your authenticator app shows, or one of your backup codes.'),
        widget=forms.TextInput(attrs={'autocomplete': 'one-time-code', 'inputmode': 'text', 'autofocus': True}),
    )

    def __init__(self, user, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.device, self.verified = user, device, None

    def clean_code(self):
        self.verified, problem = verify_code(self.user, self.cleaned_data['code'], self.device)
        if problem:
            raise forms.ValidationError(problem, code='wrong_code')
        return self.cleaned_data['code']


class LoginView(auth_views.LoginView):
    """Django's login; a user whose roles read sensitive records goes on to verify their session."""

    def get_success_url(self):
        wanted = super().get_success_url()
        return second_factor_url(self.request.user, wanted) if needs_verifying(self.request.user) else wanted


@method_decorator(login_required, name='dispatch')
class TwoFactorSetupView(View):
    """Set up an authenticator app: QR code and secret, a code confirms it and verifies the session; then the backup
    codes, shown once. A user with an authenticator sees its state (and must verify first to see anything more)."""

    template_name = 'core/two_factor/setup.html'

    def dispatch(self, request, *args, **kwargs):
        if has_authenticator(request.user) and not two_factor_verified(request.user):
            return redirect(second_factor_url(request.user, request.get_full_path()))
        return super().dispatch(request, *args, **kwargs)

    def context(self, request, form):
        device = pending_authenticator(request.user)
        return {
            'form': form,
            'qr': qr_svg(device.config_url),
            'secret': secret(device),
            'next': safe_next(request),
        }

    def get(self, request):
        if has_authenticator(request.user):
            return render(request, 'core/two_factor/status.html', {'next': safe_next(request)})
        return render(request, self.template_name, self.context(request, CodeForm(request.user)))

    def post(self, request):
        if has_authenticator(request.user):
            return redirect('two_factor')
        device = pending_authenticator(request.user)
        form = CodeForm(request.user, request.POST, device=device)
        if not form.is_valid():
            return render(request, self.template_name, self.context(request, form), status=400)
        device.confirmed = True
        device.save(update_fields=['confirmed'])
        django_otp.login(request, device)
        codes = new_backup_codes(request.user)
        return render(request, 'core/two_factor/backup_codes.html', {'codes': codes, 'next': safe_next(request)})


@method_decorator(login_required, name='dispatch')
class TwoFactorVerifyView(View):
    """Verify the session with a code from the authenticator app or a backup code, then go on to ``next``."""

    template_name = 'core/two_factor/verify.html'

    def dispatch(self, request, *args, **kwargs):
        if not has_authenticator(request.user):
            return redirect(second_factor_url(request.user, safe_next(request)))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, self.template_name, {'form': CodeForm(request.user), 'next': safe_next(request)})

    def post(self, request):
        form = CodeForm(request.user, request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {'form': form, 'next': safe_next(request)}, status=400)
        django_otp.login(request, form.verified)
        return redirect(safe_next(request))
