"""``{% symbol_link symbol %}``: a UN document symbol as a link (see ``core/symbol_links.py``)."""

from django import template
from django.utils.html import format_html

from ssrhub.core.i18n import get_language_code
from ssrhub.core.symbol_links import UNDOCS, symbol_url, undocs_url
from ssrhub.core.symbols import SymbolError, normalise_symbol

register = template.Library()


@register.simple_tag(takes_context=True)
def symbol_link(context, symbol):
    """The symbol as a link to its stored document (when the user may open it) or to undocs.org; other text as is.

    Each symbol is looked up once per request (a framework tree cites the same resolutions many times)."""
    if not symbol:
        return ''
    request = context.get('request')
    user = context.get('user') or getattr(request, 'user', None)
    cache = request.__dict__.setdefault('symbol_links', {}) if request is not None else {}
    key = (str(symbol), get_language_code())
    if key not in cache:
        cache[key] = symbol_url(str(symbol), user)
    url = cache[key]
    if url is None:
        return symbol
    if url.startswith(UNDOCS):
        return format_html('<a class="symbol" href="{}" rel="external">{}</a>', url, symbol)
    return format_html('<a class="symbol" href="{}">{}</a>', url, symbol)


@register.filter
def undocs(symbol) -> str:
    """The address of a symbol on undocs.org, for a document known not to be stored (no lookup)."""
    try:
        return undocs_url(normalise_symbol(str(symbol)))
    except SymbolError:
        return undocs_url(str(symbol))
