"""The sentences of the finance pages and commands, in the active language: amounts, rates, the boundary of the
totals, the notes of a funding result and the import problems (the plain modules give codes and parameters)."""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .funding import FundingResult

__all__ = [
    'ISSUE_MESSAGES',
    'amount_row',
    'boundary_sentence',
    'decimal_text',
    'funding_dict',
    'funding_notes',
    'issue_message',
    'money',
    'rate_text',
]

# The wording of rate_import.MESSAGES, translated.
ISSUE_MESSAGES = {
    'too-large': gettext_lazy('The file is larger than %(max_kb)s KB.'),
    'empty': gettext_lazy('The file is empty.'),
    'encoding': gettext_lazy(
        'The file is not UTF-8 text (first bad byte on line %(line)s). Save it as "CSV UTF-8" and upload it again.'
    ),
    'bad-csv': gettext_lazy('The file cannot be read as CSV (line %(line)s): %(detail)s.'),
    'bad-xlsx': gettext_lazy('The file cannot be read as an XLSX workbook: %(detail)s.'),
    'macros': gettext_lazy('The workbook contains macros; save it as a plain .xlsx workbook without macros.'),
    'no-rows': gettext_lazy('The file has a header but no rows.'),
    'missing-columns': gettext_lazy('Required columns are missing: %(columns)s.'),
    'unknown-columns': gettext_lazy(
        'Unknown columns: %(columns)s. The columns are date, currency, rate, source and url.'
    ),
    'duplicate-columns': gettext_lazy('These columns appear more than once: %(columns)s.'),
    'required': gettext_lazy('The column %(column)s is required.'),
    'bad-date': gettext_lazy('Unreadable date “%(value)s”: write 2024-03-15, 2024-03 or 2024.'),
    'unknown-currency': gettext_lazy('Unknown currency “%(value)s”: give an ISO 4217 code such as EUR or XOF.'),
    'dollar': gettext_lazy('A rate of the US dollar is always 1: leave it out.'),
    'bad-rate': gettext_lazy('Unreadable rate “%(value)s”: write a number such as 0.9240.'),
    'rate-not-positive': gettext_lazy('The rate must be more than zero, not %(value)s.'),
    'too-long': gettext_lazy('The column %(column)s is longer than %(max)s characters.'),
    'duplicate': gettext_lazy('The %(currency)s rate for %(period)s is already on row %(first_row)s.'),
}


def issue_message(issue) -> str:
    return str(ISSUE_MESSAGES[issue.code]) % dict(issue.params)


def money(value: Fraction | Decimal | None, places: int = 0) -> str:
    """An amount rounded for people, grouped in the page's language (1,234,567 or 1 234 567)."""
    if value is None:
        return ''
    exact = Decimal(value.numerator) / Decimal(value.denominator) if isinstance(value, Fraction) else Decimal(value)
    rounded = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return number_format(rounded, places, use_l10n=True, force_grouping=True)


def decimal_text(value) -> str:
    """A decimal as stored, with every significant place and none more, grouped in the page's language."""
    exact = Decimal(value).normalize()
    places = max(0, -exact.as_tuple().exponent)
    return number_format(exact, places, use_l10n=True, force_grouping=True)


def rate_text(rate) -> str:
    """1 EUR = 1.0823 USD (rate of 2024-03, source ...)."""
    return _(
        '1 %(currency)s = %(usd)s USD (%(per_usd)s %(currency)s per US dollar, rate of %(period)s, %(source)s)'
    ) % {
        'currency': rate.currency,
        'usd': money(rate.usd_per_unit, 4),
        'per_usd': decimal_text(rate.per_usd),
        'period': rate.period,
        'source': rate.source or _('no source given'),
    }


def boundary_sentence(result: FundingResult) -> str:
    """What the totals count, in words (as OCHA's Financial Tracking Service states its boundary)."""
    text = _(
        'Counted: the commitments, disbursements and expenditure of the activities linked to this plan’s actions, '
        'in %(currency)s. Money one of these activities passes to another is counted once, where it is spent: '
        'the transfer between them is left out.'
    ) % {'currency': result.currency}
    if result.transfers:
        text += ' ' + ngettext(
            '%(count)s transfer between the plan’s activities is left out.',
            '%(count)s transfers between the plan’s activities are left out.',
            len(result.transfers),
        ) % {'count': len(result.transfers)}
    return text


def amount_row(label, amounts, places=0, **extra) -> dict:
    """One row of a funding table, amounts rounded for people."""
    return {
        'label': label,
        'cost': money(amounts.cost, places),
        'committed': money(amounts.committed, places),
        'disbursed': money(amounts.disbursed, places),
        'spent': money(amounts.spent, places),
        'gap': money(amounts.gap, places),
        'over': money(amounts.over_committed, places) if amounts.over_committed else '',
        **extra,
    }


def funding_notes(result: FundingResult, actions: dict) -> list[str]:
    """What the totals leave out or assume, one sentence each."""
    notes = []
    for currency, (count, total) in result.missing_by_currency.items():
        notes.append(
            ngettext(
                '%(count)s transaction, %(amount)s %(currency)s, has no rate on its value date and is left out of '
                'the totals.',
                '%(count)s transactions, %(amount)s %(currency)s, have no rate on their value date and are left out '
                'of the totals.',
                count,
            )
            % {'count': count, 'amount': money(total), 'currency': currency}
        )
    if result.costs_without_rate:
        names = ', '.join(str(actions[key]) for key in result.costs_without_rate)
        notes.append(
            _(
                'No rate for the cost of these actions on their start (or the plan’s adoption), so their cost is '
                'left out: %(actions)s.'
            )
            % {'actions': names}
        )
    for activity, split in result.equal_splits.items():
        notes.append(
            _('Activity %(activity)s is linked to %(count)s actions without shares: its money is split equally.')
            % {'activity': activity, 'count': len(split)}
        )
    for activity, total in result.scaled_shares.items():
        notes.append(
            _('The shares of activity %(activity)s add up to %(total)s %%: they are scaled down to 100 %%.')
            % {'activity': activity, 'total': money(total, 1)}
        )
    if result.outside_plan:
        notes.append(
            _('%(amount)s %(currency)s of the linked activities goes to work outside this plan (shares under 100 %%).')
            % {'amount': money(result.outside_plan), 'currency': result.currency}
        )
    return notes


def _cents(value) -> str:
    return str((Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal('0.01'), ROUND_HALF_UP))


def _amounts(amounts) -> dict:
    names = ('cost', 'committed', 'disbursed', 'spent', 'gap', 'over_committed')
    return {name: _cents(getattr(amounts, name)) for name in names}


def funding_dict(result: FundingResult, actions: dict) -> dict:
    """The result as JSON-ready data (amounts as strings with two decimals), with its sentences."""
    return {
        'currency': result.currency,
        'boundary': boundary_sentence(result),
        'notes': funding_notes(result, actions),
        'total': _amounts(result.total),
        'actions': [
            {
                'id': int(key),
                'action': str(actions[key]),
                'costed': key not in result.uncosted,
                'funded': key not in result.unfunded,
                **_amounts(amounts),
            }
            for key, amounts in result.actions.items()
        ],
        'pillars': [{'pillar': name, **_amounts(amounts)} for name, amounts in result.pillars.items()],
        'partners': [{'partner': name, **_amounts(amounts)} for name, amounts in result.partners.items()],
        'budget': {key: _amounts(amounts) for key, amounts in result.budget.items()},
        'years': [{'year': year, **_amounts(amounts)} for year, amounts in result.years.items()],
        'unfunded_actions': [int(key) for key in result.unfunded],
        'possible_duplications': [
            {
                'action': int(flag.action_id),
                'activities': list(flag.activities),
                'partners': [list(partners) for partners in flag.partners],
                'overlap': [flag.overlap_start.isoformat(), flag.overlap_end.isoformat()],
            }
            for flag in result.duplications
        ],
        'transfers_left_out': [
            {'transaction': transfer.transaction_id, 'from': transfer.from_activity, 'to': transfer.to_activity}
            for transfer in result.transfers
        ],
        'without_rate': [
            {
                'transaction': missing.transaction_id,
                'activity': missing.activity_id,
                'value': _cents(missing.value),
                'currency': missing.currency,
                'value_date': missing.value_date.isoformat(),
            }
            for missing in result.missing_rates
        ],
        'rates': [
            {
                'currency': rate.currency,
                'period': rate.period,
                'per_usd': str(rate.per_usd),
                'source': rate.source,
                'url': rate.url,
            }
            for rate in result.rates
        ],
    }
