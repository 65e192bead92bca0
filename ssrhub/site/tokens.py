"""The API tokens page of a person's account: create a token (its key shown once), list them, revoke any.

Only the person's own tokens are listed and revoked here; administrators revoke anyone's in the admin (core/admin.py).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View

from ssrhub.core.api.tokens import DEFAULT_LIFETIME, LIFETIMES, create_token
from ssrhub.core.forms import AccessibleFormMixin

__all__ = ['urlpatterns']

# The new key waits in the session for the page shown after the creation, which takes it out: shown once.
NEW_KEY = 'new_api_token'


def lifetime_choices():
    return [(days, ngettext('%(days)d day', '%(days)d days', days) % {'days': days}) for days in LIFETIMES]


class TokenForm(AccessibleFormMixin, forms.Form):
    name = forms.CharField(
        label=gettext_lazy('Name'),
        max_length=100,
        help_text=gettext_lazy('What the token is for, for example "monthly export script".'),
    )
    days = forms.TypedChoiceField(
        label=gettext_lazy('Expires after'),
        coerce=int,
        initial=DEFAULT_LIFETIME,
        choices=lifetime_choices,
    )


@login_required
def api_tokens(request):
    form = TokenForm(request.POST if request.method == 'POST' else None)
    if form.is_valid():
        _token, request.session[NEW_KEY] = create_token(request.user, **form.cleaned_data)
        return redirect('api_tokens')
    context = {
        'form': form,
        'new_key': request.session.pop(NEW_KEY, None),
        'tokens': request.user.auth_token_set.order_by('-created'),
        'now': timezone.now(),
    }
    return render(request, 'site/api_tokens.html', context)


@method_decorator(login_required, name='dispatch')
class RevokeApiTokenView(View):
    def post(self, request):
        token = get_object_or_404(request.user.auth_token_set, digest=request.POST.get('token', ''))
        token.delete()
        message = _('The token “%(name)s” is revoked: it no longer opens the API.') % {'name': token.name}
        messages.success(request, message)
        return redirect('api_tokens')


urlpatterns = [
    path('', api_tokens, name='api_tokens'),
    path('revoke/', RevokeApiTokenView.as_view(), name='api_token_revoke'),
]
