"""The admin's Excel screens for the letters statistics: import a filled-in file,
download the template."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from .excel import XLSX_TYPE, LettersFileError, letters_template
from .forms import LettersImportForm, TemplateYearForm
from .models import ReceivingBody
from .services import import_letter_months

INDEX_URL = "oversight_letter_months:index"


def _check(request, policy):
    if not (
        policy.user_has_permission(request.user, "add")
        and policy.user_has_permission(request.user, "change")
    ):
        raise PermissionDenied


def import_letters_view(request, policy):
    _check(request, policy)
    problems = []
    if request.method == "POST":
        form = LettersImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                report = import_letter_months(
                    upload.read(), filename=upload.name, user=request.user
                )
            except LettersFileError as error:
                problems = error.messages
            else:
                messages.success(request, report.summary)
                return redirect(INDEX_URL)
    else:
        form = LettersImportForm()
    return TemplateResponse(
        request,
        "oversight/admin/import_letters.html",
        {
            "form": form,
            "problems": problems,
            "year_form": TemplateYearForm(initial={"nam": timezone.localdate().year}),
        },
    )


def letters_template_view(request, policy):
    _check(request, policy)
    form = TemplateYearForm(request.GET)
    year = form.cleaned_data["nam"] if form.is_valid() else timezone.localdate().year
    content = letters_template(year, ReceivingBody.objects.all())
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="mau-thong-ke-don-thu-{year}.xlsx"'
    return response
