"""Small IATI files for the tests: one valid activity, and the bad inputs an importer must refuse."""

ACTIVITY = """<iati-activity default-currency="{currency}" last-updated-datetime="{updated}" xml:lang="en">
  <iati-identifier>{identifier}</iati-identifier>
  <reporting-org ref="XM-TEST-1" type="40"><narrative>Test partner</narrative></reporting-org>
  <title><narrative>{title}</narrative><narrative xml:lang="fr">Appui à la police</narrative></title>
  <description type="1"><narrative>Police reform support.</narrative></description>
  <participating-org ref="XM-TEST-1" role="1" type="40"><narrative>Test partner</narrative></participating-org>
  <participating-org role="4"><narrative>{implementer}</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date iso-date="2020-01-01" type="1"/>
  <recipient-country code="LR" percentage="100"/>
  <sector vocabulary="1" code="15210" percentage="{first}"/>
  <sector vocabulary="1" code="15130" percentage="{second}"/>
  <policy-marker vocabulary="1" code="1" significance="2"/>
  <budget type="1" status="1">
    <period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/>
    <value currency="{currency}" value-date="2020-01-01">100000</value>
  </budget>
  <transaction>
    <transaction-type code="3"/><transaction-date iso-date="2020-03-01"/>
    <value currency="{currency}" value-date="2020-03-01">{value}</value>
    <provider-org ref="XM-TEST-1" provider-activity-id="XM-TEST-1-FUND">
      <narrative>Test partner</narrative>
    </provider-org>
  </transaction>
</iati-activity>"""


def activity(
    identifier='XM-TEST-1-001',
    currency='USD',
    updated='2021-01-01T00:00:00',
    first='60',
    second='40',
    value='5000',
    title='Police support',
    implementer='Liberia National Police',
):
    return ACTIVITY.format(
        identifier=identifier,
        currency=currency,
        updated=updated,
        first=first,
        second=second,
        value=value,
        title=title,
        implementer=implementer,
    )


def iati_file(*activities, version='2.03', root='iati-activities', prolog='', namespace=''):
    attributes = f' xmlns="{namespace}"' if namespace else ''
    return (
        f'<?xml version="1.0"?>\n{prolog}<{root}{attributes} version="{version}">\n'
        + '\n'.join(activities)
        + (f'\n</{root}>\n')
    )


BOMB = iati_file(
    activity(title='&lol3;'),
    prolog='<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n',
)
