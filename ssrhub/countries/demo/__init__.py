"""Demo country workspaces (Central African Republic, Côte d'Ivoire, Liberia) from the YAML files in
``data/demo/``, one file per country named by its ISO alpha-3 code.

Every record carries ``cite``: a list of ``{book: {chapter, lines}}`` (the source book, reference/
un-and-ssr-policy-and-practice.txt), ``{symbol, paragraph}`` (a UN document) or ``{url}``, checked by
``ssrhub.core.datafiles.read_citations`` like every data file's citations. The files paraphrase
the book; they never copy its sentences.

Reading (``read_country_file``) checks a file completely before anything is written: unknown keys, bad dates,
unknown choices, unknown or duplicate references and missing citations are refused with the file and the record
named, and a book citation must fall inside the chapter it names. The models' own rules (``clean()``: a date of
adoption for an adopted document, no statutory non-state actor...) are checked as each record is written, and a
breach is reported the same way, before the country's transaction is rolled back.

Writing (``load_country_demo``) is one transaction per country and idempotent: records are matched on natural keys
(the country and the name of an actor, the title of a document or an event...), saved only when a value differs,
and their citations replaced only when they differ, so a second run changes nothing. Nothing is deleted: records
that users added are left alone, and a record whose natural key is changed in a file (an event date, a headcount's
date or basis) is added anew beside the old one, which must then be removed by hand.

File layout (keys in brackets are optional)::

    country: CAF
    engagement: {setting, [mission], [request_date], [request_by], [mandate_symbol], [mandate_paragraph],
                 [national_lead], [national_lead_fr], [international_counterpart], [summary], [source], cite}
    stages:     [{stage, [status], [start], [end], [led_by], [evidence], [skip_reason], [source], cite}]
    actors:     [{name, [name_fr], [acronym], area, type, [statutory], [note], [source], cite,
                  [headcounts: [{date, count, [women], basis, [source], cite}]]}]
    relations:  [{from, kind, to, [note], [source], cite}]                       # actor names or acronyms
    documents:  [{[key], kind, title, [title_fr], [parent], status, [adopted], [adopted_by], [due], [vision], [note],
                  [source], cite, [pillars], [threats], [objectives], [actions]}]
        pillars:    [{[ref], title, cite}]
        threats:    [{[ref], title, [description], [source], cite}]
        objectives: [{[ref], title, [indicator], [threats], [source], cite}]
        actions:    [{[ref], title, [kind], [pillar], [owner], [owner_name], [start], [end], [timeframe], [cost],
                      [currency], [status], [depends_on], [threats], [objectives], [indicators], [risks],
                      [source], cite}]
    events:     [{title, [title_fr], kind, [description], [source], cite, dates: [{date, cite}]}]
    women_share_targets: [{[actor], share, target_date, [source], [note], cite}]   # no actor: the whole sector

A document's ``parent`` names an earlier document (its key or title). An action's ``threats`` and ``objectives``
name threats and objectives of its document or of the documents it implements (by ref or title, or
``document-key:ref``). An event date is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; its precision follows.

The package reads (`reading`: the checks of every record) and writes (`writing`: the transaction per country).
"""

from .reading import DEMO_DIR, CountrySpec, DemoDataError, read_country_file
from .writing import load_country_demo, summary

__all__ = [
    'DEMO_DIR',
    'CountrySpec',
    'DemoDataError',
    'load_country_demo',
    'read_country_file',
    'summary',
]
