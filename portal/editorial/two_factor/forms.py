"""The one field of every two-factor screen: a code, checked for its shape only
(the rules that check it against a device are in ``services``)."""

from django import forms
from django.core.validators import ProhibitNullCharactersValidator

from .services import code_kind

REQUIRED = "Hãy nhập mã xác thực."
MALFORMED_ANY = (
    "Mã không hợp lệ: hãy nhập 6 chữ số đang hiện trên ứng dụng xác thực, "
    "hoặc một mã khôi phục gồm 10 ký tự."
)
MALFORMED_TOTP = "Mã không hợp lệ: hãy nhập 6 chữ số đang hiện trên ứng dụng xác thực."
TOO_LONG = "Mã quá dài: mã xác thực có 6 chữ số, mã khôi phục có 10 ký tự."
NUL = "Mã chứa ký tự không hợp lệ."


class CodeForm(forms.Form):
    """A code typed at sign-in: six digits from the app or one recovery code."""

    accepts_recovery_codes = True
    code = forms.CharField(
        label="Mã xác thực",
        max_length=32,
        strip=True,
        error_messages={"required": REQUIRED, "max_length": TOO_LONG},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "off",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
        help_text="6 chữ số trên ứng dụng xác thực, hoặc một mã khôi phục (ví dụ abcde-fghjk).",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.validators = [
            ProhibitNullCharactersValidator(message=NUL)
            if isinstance(validator, ProhibitNullCharactersValidator)
            else validator
            for validator in field.validators
        ]

    def clean_code(self):
        code = self.cleaned_data["code"]
        kind = code_kind(code)
        if kind is None or (kind[0] == "recovery" and not self.accepts_recovery_codes):
            raise forms.ValidationError(
                MALFORMED_ANY if self.accepts_recovery_codes else MALFORMED_TOTP
            )
        return code


class EnrolmentForm(CodeForm):
    """The first code of a new app, which confirms it."""

    accepts_recovery_codes = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.label = "Mã 6 chữ số trên ứng dụng"
        field.help_text = "Sau khi thêm tài khoản vào ứng dụng, nhập mã 6 chữ số đang hiện."
        field.widget.attrs.update({"inputmode": "numeric", "autocomplete": "one-time-code"})
