"""Coordination fora of a country workspace, under ``/countries/<iso3>/workspace/fora/``: the fora by level with a
structure diagram, a forum with its members, meetings and decisions, a meeting, a decision with its dated status
history (recorded in place with htmx), the decisions list with its downloads, and the forms of each."""

from datetime import date

from django.contrib import messages
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tables2 import RequestConfig

from ssrhub.core.exports import export_response
from ssrhub.core.forms import style_widgets
from ssrhub.core.params import InvalidParameter
from ssrhub.core.views.generic import (
    CountryObjectDeleteView,
    CountryObjectEditView,
    CountryObjectHistoryView,
    CountryObjectListView,
    CountryObjectView,
    CountryScopedView,
    FormSaveMixin,
)
from ssrhub.countries.models import Action
from ssrhub.countries.tables import export_columns

from ..filtersets import DecisionFilterSet, overdue_q
from ..followup import OPEN, days_overdue
from ..forms.fora import DecisionForm, DecisionStatusForm, ForumForm, ForumMemberForm, MeetingForm
from ..models import Decision, DecisionStatusUpdate, Forum, ForumLevel, ForumMember, Meeting
from ..structure import Box, layout
from ..tables import DecisionExportTable, DecisionTable, decision_row

__all__ = [
    'DecisionDeleteView',
    'DecisionHistoryView',
    'DecisionEditView',
    'DecisionExportView',
    'DecisionListView',
    'DecisionStatusView',
    'DecisionView',
    'ForumDeleteView',
    'ForumEditView',
    'ForumHistoryView',
    'ForumListView',
    'ForumView',
    'MeetingDeleteView',
    'MeetingEditView',
    'MeetingHistoryView',
    'MeetingMinutesView',
    'MeetingView',
    'MemberDeleteView',
    'MemberEditView',
]

TAB = 'fora'


class _FormPage:
    """An edit page on ``coordination/workspace_form.html``: a heading, where Cancel goes, and a multipart form when it
    uploads."""

    template_name = 'coordination/workspace_form.html'
    tab = TAB
    heading = ''

    def get_cancel_url(self, obj) -> str:
        raise NotImplementedError

    def get_extra_context(self, request, form) -> dict:
        return {'title': self.heading, 'cancel_url': self.get_cancel_url(form.instance)}


class _DeletePage:
    template_name = 'coordination/delete.html'
    tab = TAB


def _forum(view, request, pk):
    """The forum ``pk`` of the view's country, as the user may view it (404 otherwise): the parent of an added
    record."""
    forum = Forum.objects.restrict(request.user).filter(country=view.country, pk=pk).first()
    if forum is None:
        raise Http404
    return forum


# Section: fora


class ForumListView(CountryScopedView):
    """The country's fora grouped by level, highest first, with a structure diagram and their open decisions."""

    queryset = Forum.objects.select_related('chair', 'parent').prefetch_related('citations')
    tab = TAB

    def get(self, request):
        today = date.today()
        decisions = Decision.objects.restrict(request.user).filter(meeting__forum__country=self.country)
        open_counts = dict(
            decisions.filter(status__in=OPEN).values_list('meeting__forum').annotate(n=Count('pk')).order_by()
        )
        overdue_counts = dict(
            decisions.filter(overdue_q(today)).values_list('meeting__forum').annotate(n=Count('pk')).order_by()
        )
        fora = list(self.get_queryset(request).annotate(meeting_count=Count('meetings', distinct=True)))
        for forum in fora:
            forum.open_count = open_counts.get(forum.pk, 0)
            forum.overdue_count = overdue_counts.get(forum.pk, 0)
        levels = [
            {'value': value, 'label': label, 'fora': [f for f in fora if f.level == value]}
            for value, label in ForumLevel.choices
        ]
        diagram = layout(
            [Box(f.pk, str(f), f.level, f.parent_id, bool(f.dissolved and f.dissolved <= today)) for f in fora],
            list(ForumLevel.choices),
        )
        urls = {forum.pk: forum.get_absolute_url() for forum in fora}
        context = self.country_context(
            levels=[level for level in levels if level['fora']],
            fora=fora,
            diagram=diagram,
            node_urls=[(node, urls[node.key]) for node in diagram.nodes],
            overdue_total=sum(overdue_counts.values()),
            open_total=sum(open_counts.values()),
            today=today,
        )
        return render(request, 'coordination/fora.html', context)


class ForumView(CountryObjectView):
    """A forum: what it is, who sits in it, the fora reporting to it, its meetings and the decisions taken."""

    queryset = Forum.objects.select_related('country', 'chair', 'parent').prefetch_related('citations', 'components')
    tab = TAB
    template_name = 'coordination/forum.html'

    def get_extra_context(self, request, obj) -> dict:
        user, today = request.user, date.today()
        decisions = list(
            Decision.objects.restrict(user)
            .filter(meeting__forum=obj)
            .select_related('meeting', 'owner')
            .order_by('-meeting__date', 'ref', 'pk')
        )
        for decision in decisions:
            decision.overdue = decision.overdue_on(today)
        return {
            'forum': obj,
            'members': ForumMember.objects.restrict(user)
            .filter(forum=obj)
            .select_related('organisation')
            .prefetch_related('citations'),
            'children': Forum.objects.restrict(user).filter(parent=obj),
            'meetings': Meeting.objects.restrict(user)
            .filter(forum=obj)
            .annotate(decision_count=Count('decisions'))
            .prefetch_related('citations'),
            'decisions': decisions,
            'can_change_member': self.may('change', ForumMember),
            'can_add_meeting': self.may('add', Meeting),
            'can_add_member': self.may('add', ForumMember),
            'today': today,
        }


class ForumEditView(_FormPage, CountryObjectEditView):
    """Add (no ``pk``) or change a forum of the country."""

    queryset = Forum.objects.all()
    form = ForumForm

    def get_form(self, request, obj, data=None):
        return ForumForm(data=data, instance=obj, country=self.country, user=request.user)

    def get_extra_context(self, request, form) -> dict:
        title = _('Change forum') if form.instance.pk else _('Add a forum')
        return {**super().get_extra_context(request, form), 'title': title}

    def get_cancel_url(self, obj) -> str:
        return obj.get_absolute_url() if obj.pk else reverse('coordination:forum_list', args=[self.country.iso3])


class ForumDeleteView(_DeletePage, CountryObjectDeleteView):
    queryset = Forum.objects.all()

    def get_extra_context(self, request, obj) -> dict:
        consequences = []
        if meetings := obj.meetings.count():
            consequences.append(_('%(count)s meetings and their decisions are deleted with it.') % {'count': meetings})
        if children := obj.children.count():
            consequences.append(_('%(count)s fora no longer report to it.') % {'count': children})
        return {'consequences': consequences}

    def get_success_url(self, obj) -> str:
        return reverse('coordination:forum_list', args=[self.country.iso3])


# Section: members


class MemberEditView(_FormPage, CountryObjectEditView):
    """Add a member to a forum (``forum_pk``) or change a seat (``pk``)."""

    queryset = ForumMember.objects.select_related('forum')

    def new_object(self, request, forum_pk):
        return ForumMember(forum=_forum(self, request, forum_pk))

    def get_form(self, request, obj, data=None):
        return ForumMemberForm(data=data, instance=obj, forum=obj.forum, user=request.user)

    def get_extra_context(self, request, form) -> dict:
        forum = form.instance.forum
        title = _('Member of %(forum)s') % {'forum': forum}
        return {**super().get_extra_context(request, form), 'title': title}

    def get_cancel_url(self, obj) -> str:
        return f'{obj.forum.get_absolute_url()}#members'

    def get_success_url(self, saved) -> str:
        return saved.get_absolute_url()


class MemberDeleteView(_DeletePage, CountryObjectDeleteView):
    queryset = ForumMember.objects.select_related('forum', 'organisation')

    def get_cancel_url(self, obj) -> str:
        return f'{obj.forum.get_absolute_url()}#members'

    def get_success_url(self, obj) -> str:
        return self.get_cancel_url(obj)


# Section: meetings


class MeetingView(CountryObjectView):
    """A meeting: when, where, who attended, agenda, summary, minutes, and the decisions taken."""

    queryset = Meeting.objects.select_related('forum__country', 'minutes_document').prefetch_related(
        'citations', 'attendees'
    )
    tab = TAB
    template_name = 'coordination/meeting.html'

    def get_extra_context(self, request, obj) -> dict:
        today = date.today()
        decisions = list(
            Decision.objects.restrict(request.user)
            .filter(meeting=obj)
            .select_related('owner')
            .prefetch_related('citations')
        )
        for decision in decisions:
            decision.overdue = decision.overdue_on(today)
        return {
            'meeting': obj,
            'decisions': decisions,
            'others': [line.strip() for line in obj.other_attendees.splitlines() if line.strip()],
            'can_add_decision': self.may('add', Decision),
        }


class MeetingEditView(_FormPage, CountryObjectEditView):
    """Add a meeting to a forum (``forum_pk``) or change one (``pk``), with its minutes."""

    queryset = Meeting.objects.select_related('forum__country')

    def new_object(self, request, forum_pk):
        return Meeting(forum=_forum(self, request, forum_pk))

    def get_form(self, request, obj, data=None):
        files = request.FILES if data is not None else None
        return MeetingForm(data=data, files=files, instance=obj, forum=obj.forum, user=request.user)

    def get_extra_context(self, request, form) -> dict:
        title = _('Meeting of %(forum)s') % {'forum': form.instance.forum}
        return {**super().get_extra_context(request, form), 'title': title, 'multipart': True}

    def get_cancel_url(self, obj) -> str:
        return obj.get_absolute_url() if obj.pk else obj.forum.get_absolute_url()


class MeetingDeleteView(_DeletePage, CountryObjectDeleteView):
    queryset = Meeting.objects.select_related('forum__country')

    def get_extra_context(self, request, obj) -> dict:
        count = obj.decisions.count()
        lines = [_('%(count)s decisions are deleted with it.') % {'count': count}] if count else []
        return {'consequences': lines}

    def get_success_url(self, obj) -> str:
        return obj.forum.get_absolute_url()


class MeetingMinutesView(CountryScopedView):
    """Download the minutes uploaded for a meeting, under the name they were uploaded with."""

    queryset = Meeting.objects.select_related('forum')

    def get(self, request, pk):
        meeting = self.get_object(request, pk=pk)
        if not meeting.minutes:
            raise Http404
        name = meeting.minutes.name.rsplit('/', 1)[-1]
        return FileResponse(meeting.minutes.open('rb'), as_attachment=True, filename=name)


# Section: decisions


def _status_context(view, request, decision, form=None, recorded=None) -> dict:
    today = date.today()
    decision.overdue = decision.overdue_on(today)
    may = view.may('change', Decision)
    return {
        'decision': decision,
        'country': view.country,
        'updates': list(
            DecisionStatusUpdate.objects.restrict(request.user)
            .filter(decision=decision)
            .select_related('recorded_by')
            .prefetch_related('citations')
            .order_by('-date', '-pk')
        ),
        'status_form': (form or DecisionStatusForm(initial={'date': today, 'status': decision.status}))
        if may
        else None,
        'days_overdue': days_overdue(decision.due, decision.due_precision, decision.status, today),
        'recorded': recorded or [],
        'today': today,
    }


class DecisionView(CountryObjectView):
    """A decision with its owner, due date, the plan actions and components it concerns and its status history."""

    queryset = Decision.objects.select_related('meeting__forum__country', 'owner').prefetch_related(
        'citations', 'components'
    )
    tab = TAB
    template_name = 'coordination/decision.html'

    def get_extra_context(self, request, obj) -> dict:
        actions = Action.objects.restrict(request.user).filter(forum_decisions=obj).select_related('document')
        return {**_status_context(self, request, obj), 'actions': list(actions)}


class DecisionEditView(_FormPage, CountryObjectEditView):
    """Add a decision to a meeting (``meeting_pk``) or change one (``pk``)."""

    queryset = Decision.objects.select_related('meeting__forum__country')

    def new_object(self, request, meeting_pk):
        meeting = Meeting.objects.restrict(request.user).filter(forum__country=self.country, pk=meeting_pk).first()
        if meeting is None:
            raise Http404
        return Decision(meeting=meeting)

    def get_form(self, request, obj, data=None):
        return DecisionForm(data=data, instance=obj, meeting=obj.meeting, user=request.user)

    def get_extra_context(self, request, form) -> dict:
        title = _('Decision of %(meeting)s') % {'meeting': form.instance.meeting}
        return {**super().get_extra_context(request, form), 'title': title}

    def get_cancel_url(self, obj) -> str:
        return obj.get_absolute_url() if obj.pk else obj.meeting.get_absolute_url()

    def save(self, form):
        decision = form.save()
        decision.start_history(self.request.user)  # the history starts on the day the decision was taken
        return decision


class DecisionDeleteView(_DeletePage, CountryObjectDeleteView):
    queryset = Decision.objects.select_related('meeting__forum__country')

    def get_success_url(self, obj) -> str:
        return obj.meeting.get_absolute_url()


class DecisionStatusView(FormSaveMixin, CountryScopedView):
    """Record a decision's status as of a day; the decision takes the status of its latest update. An htmx request
    gets the status panel back, in place."""

    queryset = Decision.objects.select_related('meeting__forum__country', 'owner')
    action = 'change'
    tab = TAB

    def post(self, request, pk):
        self.target = self.get_object(request, pk=pk)
        form = DecisionStatusForm(request.POST, decision=self.target)
        response = self.save_form(request, form, 'add')
        if request.htmx and 'HX-Location' in response.headers:
            recorded = [str(message) for message in messages.get_messages(request)]
            self.target.refresh_from_db()
            return self.panel(request, None, recorded)
        return response

    def panel(self, request, form, recorded=None, status=200) -> HttpResponse:
        context = _status_context(self, request, self.target, form, recorded)
        return render(request, 'coordination/includes/decision_status.html', context, status=status)

    def form_response(self, request, form, status=200):
        if request.htmx and status == 400:
            return self.panel(request, form)  # htmx swaps only 2xx answers: the errors are shown in place
        if request.htmx:
            return self.panel(request, form, status=status)
        errors = '; '.join(str(e) for field_errors in form.errors.values() for e in field_errors)
        messages.error(request, _('Status not recorded: %(errors)s') % {'errors': errors})
        return redirect(self.target.get_absolute_url())

    def save(self, form):
        decision = self.target
        update = form.save(commit=False)
        update.decision, update.recorded_by = decision, self.request.user
        update.save()
        decision.refresh_status()
        return update

    def get_success_message(self, saved) -> str:
        return _('%(decision)s: %(status)s as of %(date)s.') % {
            'decision': self.target,
            'status': saved.get_status_display(),
            'date': saved.date.isoformat(),
        }

    def get_success_url(self, saved) -> str:
        return f'{self.target.get_absolute_url()}#status'


class DecisionListView(CountryObjectListView):
    """The country's decisions, open ones by default, filterable by forum, owner, status and overdue, with
    downloads of what the filters select."""

    queryset = Decision.objects.select_related('meeting__forum__country', 'owner')
    filterset = DecisionFilterSet
    table = DecisionTable
    tab = TAB
    template_name = 'coordination/decisions.html'

    def get_table_context(self, request) -> dict:
        today = date.today()
        forum_queryset = Forum.objects.restrict(request.user).filter(country=self.country)
        filterset = self.filterset(
            self.filter_data(request),
            queryset=self.get_queryset(request),
            request=request,
            forum_queryset=forum_queryset,
        )
        style_widgets(filterset.form)
        table = self.table(filterset.qs, request=request, today=today)
        RequestConfig(request, paginate={'per_page': 50}).configure(table)
        query = request.GET.urlencode()
        return {
            'title': _('Decisions'),
            'table': table,
            'filter_form': filterset.form,
            'model': Decision,
            'exports': [
                (fmt.upper(), reverse('coordination:decision_export', args=[self.country.iso3, fmt]) + f'?{query}')
                for fmt in ('csv', 'xlsx')
            ],
        }

    @staticmethod
    def filter_data(request):
        """The filters as asked; without any, the open decisions (open or in progress)."""
        data = request.GET.copy()
        if not any(key in data for key in ('q', 'forum', 'owner', 'status', 'overdue', 'page', 'sort')):
            data.setlist('status', list(OPEN))
        return data


class DecisionExportView(CountryScopedView):
    """The decisions the list's filters select, as CSV or XLSX (JSON too), with their overdue flag."""

    queryset = Decision.objects.select_related('meeting__forum__country', 'owner')

    def get(self, request, fmt):
        today = date.today()
        forum_queryset = Forum.objects.restrict(request.user).filter(country=self.country)
        filterset = DecisionFilterSet(
            DecisionListView.filter_data(request),
            queryset=self.get_queryset(request).prefetch_related('actions', 'status_updates'),
            request=request,
            forum_queryset=forum_queryset,
        )
        if not filterset.is_valid():
            errors = '; '.join(str(e) for field_errors in filterset.errors.values() for e in field_errors)
            raise InvalidParameter(errors)
        rows = [decision_row(decision, today, request) for decision in filterset.qs.order_by('due', 'pk')]
        filename = f'{self.country.iso3.lower()}-forum-decisions-{today.isoformat()}'
        return export_response(rows, export_columns(DecisionExportTable), fmt, filename)


# Section: history


class ForumHistoryView(CountryObjectHistoryView):
    """Every change of a forum and of its members."""

    queryset = Forum.objects.select_related('country')


class MeetingHistoryView(CountryObjectHistoryView):
    """Every change of a meeting (its decisions have their own history)."""

    queryset = Meeting.objects.select_related('forum__country')


class DecisionHistoryView(CountryObjectHistoryView):
    """Every change of a decision and of its status updates."""

    queryset = Decision.objects.select_related('meeting__forum__country')
