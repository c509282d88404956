from django import forms
from django.utils import timezone

from .excel import MAX_FILE_BYTES


class LettersImportForm(forms.Form):
    file = forms.FileField(
        label="Tệp Excel (.xlsx)",
        help_text="Tệp theo mẫu “Tải mẫu Excel”; mỗi trang tính là một tháng. "
        "Nhập lại một tháng sẽ thay số liệu cũ của tháng đó.",
        error_messages={
            "required": "Hãy chọn tệp Excel cần nhập.",
            "empty": "Tệp rỗng: không có nội dung nào.",
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError("Tệp quá lớn (tối đa 5 MB) cho một bảng thống kê đơn thư.")
        return upload


def _year_choices():
    this_year = timezone.localdate().year
    return [(year, str(year)) for year in range(this_year + 1, 2009, -1)]


class TemplateYearForm(forms.Form):
    nam = forms.TypedChoiceField(label="Năm", coerce=int, choices=_year_choices)
