"""A country assignment names the role it is held in; an existing one takes the user's role held per country (one
assignment per such role when the user has several)."""

from django.conf import settings
from django.db import migrations, models


COUNTRY_ROLES = ('country-editor', 'due-diligence-officer', 'hrddp-forum-member', 'hrddp-decision-maker')


def name_roles(apps, schema_editor):
    CountryAssignment = apps.get_model('core', 'CountryAssignment')
    for assignment in CountryAssignment.objects.select_related('user'):
        roles = sorted(assignment.user.groups.filter(name__in=COUNTRY_ROLES).values_list('name', flat=True))
        if not roles:
            continue  # kept as a country editor's, the only per-country role before this migration
        assignment.role = roles[0]
        assignment.save(update_fields=['role'])
        for role in roles[1:]:
            CountryAssignment.objects.create(user=assignment.user, country=assignment.country, role=role)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_unaccent'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='countryassignment',
            name='core_countryassignment_unique_user_country',
        ),
        migrations.AddField(
            model_name='countryassignment',
            name='role',
            field=models.CharField(choices=[('country-editor', 'Country editor'), ('due-diligence-officer', 'Due-diligence officer'), ('hrddp-forum-member', 'HRDDP forum member'), ('hrddp-decision-maker', 'HRDDP decision-maker')], default='country-editor', max_length=30, verbose_name='role'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='historicalcountryassignment',
            name='role',
            field=models.CharField(choices=[('country-editor', 'Country editor'), ('due-diligence-officer', 'Due-diligence officer'), ('hrddp-forum-member', 'HRDDP forum member'), ('hrddp-decision-maker', 'HRDDP decision-maker')], default='country-editor', max_length=30, verbose_name='role'),
            preserve_default=False,
        ),
        migrations.RunPython(name_roles, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='countryassignment',
            constraint=models.UniqueConstraint(fields=('user', 'country', 'role'), name='core_countryassignment_unique_user_country_role', violation_error_message='This user already holds this role in this country.'),
        ),
    ]
