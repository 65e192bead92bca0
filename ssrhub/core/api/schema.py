"""Corrections to the schema drf-spectacular generates, so that it announces every answer the API gives (the schema
fuzzing test, ``tests/fuzzing/test_api_schema.py``, checks each answer against it).

- The error answers: every operation may refuse a visitor (401, 403), a throttled client (429), a method (405) or a
  bad query or body (400), and may not find what it names (404: a record, a page past the last, or a URL no route
  matches, answered in JSON by ``errors.py``). drf-spectacular documents only the success.
- A URL or e-mail address that may be blank (a model's ``URLField(blank=True)``, ``EmailField(blank=True)``) is ``""``
  when empty, which ``format: uri`` / ``format: email`` refuses.

The field extensions register themselves when this module is imported (``CoreConfig.ready()``).
"""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes

__all__ = ['BlankableEmailFieldExtension', 'BlankableURLFieldExtension', 'error_responses']

DETAIL = {
    'type': 'object',
    'properties': {'detail': {'type': 'string'}},
    'required': ['detail'],
}
# A validation error: a field (or ``non_field_errors``) -> its messages, possibly nested; or a list of messages.
VALIDATION = {'oneOf': [{'type': 'object', 'additionalProperties': True}, {'type': 'array'}]}
ERRORS = {
    '400': ('Invalid query parameters or body.', VALIDATION),
    '401': ('Authentication credentials were not provided or are invalid.', DETAIL),
    '403': ('Not allowed for this user.', DETAIL),
    '404': ('Not found.', DETAIL),
    '405': ('Method not allowed.', DETAIL),
    '429': ('Too many requests.', DETAIL),
}
DELETE_ERRORS = {'409': ('Other records refer to this one.', DETAIL)}


def error_responses(result, generator, request, public):
    """drf-spectacular post-processing hook: adds the error answers to every operation that does not declare them."""
    for path in result.get('paths', {}).values():
        for method, operation in path.items():
            responses = operation.setdefault('responses', {})
            errors = ERRORS | DELETE_ERRORS if method == 'delete' else ERRORS
            for status, (description, schema) in errors.items():
                responses.setdefault(
                    status, {'description': description, 'content': {'application/json': {'schema': schema}}}
                )
    return result


class _BlankableFieldExtension(OpenApiSerializerFieldExtension):
    """A value of ``kind``, or ``""`` when the field may be blank."""

    match_subclasses = True
    kind = OpenApiTypes.STR

    def map_serializer_field(self, auto_schema, direction):
        typed = build_basic_type(self.kind)
        if not self.target.allow_blank:
            return typed
        if self.target.max_length:
            typed['maxLength'] = self.target.max_length
        # No ``type`` at the top, so drf-spectacular does not add the validator's ``format`` there.
        return {'anyOf': [typed, {'type': 'string', 'maxLength': 0}]}


class BlankableURLFieldExtension(_BlankableFieldExtension):
    target_class = 'rest_framework.fields.URLField'
    kind = OpenApiTypes.URI


class BlankableEmailFieldExtension(_BlankableFieldExtension):
    target_class = 'rest_framework.fields.EmailField'
    kind = OpenApiTypes.EMAIL
