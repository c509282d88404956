from django import forms

from .selectors import MAX_QUERY_CHARS, clip_query


class SearchForm(forms.Form):
    """The visitor's query and filters. Bad filters are errors (400), never a 500."""

    q = forms.CharField(label="Từ khóa", required=False, strip=True)
    category = forms.TypedChoiceField(
        label="Chuyên mục",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "Chuyên mục không hợp lệ hoặc không còn tồn tại."},
    )
    year = forms.IntegerField(
        label="Năm",
        required=False,
        min_value=1900,
        max_value=2100,
        widget=forms.Select,
        error_messages={
            "invalid": "Năm không hợp lệ.",
            "min_value": "Năm không hợp lệ.",
            "max_value": "Năm không hợp lệ.",
        },
    )

    def __init__(self, *args, categories=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update(
            {"type": "search", "maxlength": str(MAX_QUERY_CHARS), "placeholder": "Nhập từ khóa"}
        )
        self.fields["category"].choices = [("", "Tất cả chuyên mục")] + [
            (str(page.pk), page.title) for page in categories
        ]
        self.fields["year"].widget.choices = [("", "Tất cả các năm")] + [
            (str(year), str(year)) for year in years
        ]

    def clean_q(self):
        return clip_query(self.cleaned_data["q"])
