"""``{% given_by_reference object as given %}``: the mandates given by reference that a document's page shows."""

from django import template

from ssrhub.mandates.adoption import document_references

register = template.Library()


@register.simple_tag
def given_by_reference(document):
    return document_references(document)
