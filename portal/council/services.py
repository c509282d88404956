"""Writes of the council subject with their rules.

Every file goes in as a Wagtail document through Wagtail's document form
(``WAGTAILDOCS_DOCUMENT_FORM_BASE``, ``portal.core.uploads.DocumentForm``): the
same size, extension and upload checks (the classification gate) as an upload in
the admin, so no route stores a file those would refuse.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection

from .models import SessionDocument, SessionDocumentFile

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def store_document(content: bytes, filename: str, title: str, *, user=None, collection=None):
    """A new Wagtail document holding ``content``, refused (``ValidationError`` with the
    form's Vietnamese messages) where an upload in the admin would be."""
    model = get_document_model()
    form_class = get_document_form(model, fields=["title", "file", "collection"])
    collection = collection or Collection.get_first_root_node()
    extension = filename.rsplit(".", 1)[-1].lower()
    upload = SimpleUploadedFile(
        filename, content, content_type=CONTENT_TYPES.get(extension, "application/octet-stream")
    )
    form = form_class(
        data={"title": title, "collection": collection.pk},
        files={"file": upload},
        instance=model(uploaded_by_user=user),
        user=user,
    )
    if not form.is_valid():
        raise ValidationError([message for errors in form.errors.values() for message in errors])
    document = form.save(commit=False)
    document._set_document_file_metadata()
    document.save()
    return document


@transaction.atomic
def session_document_create(session, *, files=(), **fields) -> SessionDocument:
    """A document of ``session`` with its files (``(name, wagtail document)`` pairs),
    validated as the admin form validates it."""
    document = SessionDocument(session=session, **fields)
    document.full_clean()
    document.save()
    for name, stored in files:
        session_document_add_file(document, stored, name=name)
    return document


@transaction.atomic
def session_document_add_file(document, stored, *, name="Toàn văn", note="") -> SessionDocumentFile:
    """A file of ``document``; one of the same name becomes its next version (the old one
    stays, and its link says it was replaced)."""
    item = SessionDocumentFile(document=document, name=name, file=stored, note=note)
    item.full_clean(exclude=["document"])
    item.save()
    return item
