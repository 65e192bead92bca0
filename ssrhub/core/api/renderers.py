from rest_framework.renderers import BrowsableAPIRenderer


class StylesheetOnlyBrowsableAPIRenderer(BrowsableAPIRenderer):
    """DRF's browsable API without its inline ``<style>`` element (Pygments' highlighting of Markdown descriptions,
    which ssrhub does not render), which the Content-Security-Policy refuses."""

    template = 'core/api/browsable.html'
