"""The API's error answers in its schema: every operation may refuse a visitor (401, 403), a throttled client (429) or
a bad query or body (400), and an operation on one record may not find it (404). drf-spectacular documents only the
success; without these a client (and the schema fuzzing test) sees answers the schema does not announce."""

__all__ = ['error_responses']

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


def error_responses(result, generator, request, public):
    """drf-spectacular post-processing hook: adds the error answers to every operation that does not declare them."""
    for path in result.get('paths', {}).values():
        for operation in path.values():
            responses = operation.setdefault('responses', {})
            for status, (description, schema) in ERRORS.items():
                responses.setdefault(
                    status, {'description': description, 'content': {'application/json': {'schema': schema}}}
                )
    return result
