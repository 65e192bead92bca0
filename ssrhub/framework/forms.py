from ssrhub.core.forms import ChangeLoggedModelForm

from .models import Mission

__all__ = ['MissionForm']


class MissionForm(ChangeLoggedModelForm):
    class Meta:
        model = Mission
        fields = ['acronym_fr', 'name_en', 'name_fr', 'type', 'start', 'end', 'established_by', 'predecessors', 'note']
        help_texts = {'established_by': 'e.g. S/RES/2149 (2014)'}
