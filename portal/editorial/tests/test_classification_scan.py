import pytest
from django.core.management import call_command

from . import corpus


def run(*paths):
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command(
            "classification_scan", *map(str, paths), "--no-progress", stdout=out, stderr=err
        )
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, out.getvalue().splitlines(), err.getvalue()


def test_a_folder_with_a_marked_file_fails_with_one_line_per_file(tmp_path):
    (tmp_path / "to-trinh.pdf").write_bytes(corpus.pdf(corpus.LETTER))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bao-cao.docx").write_bytes(corpus.docx(corpus.LETTER, header="TUYỆT MẬT"))
    (tmp_path / "sub" / "giai.txt").write_text("ĐÃ GIẢI MẬT\nTài liệu cũ.", encoding="utf-8")
    code, lines, summary = run(tmp_path)
    assert code == 1
    assert lines == [
        f"{tmp_path / 'sub' / 'bao-cao.docx'}: MARKED tuyet-mat đầu trang, dòng 1",
        f"{tmp_path / 'sub' / 'giai.txt'}: MARKED giai-mat nội dung, dòng 1",
        f"{tmp_path / 'to-trinh.pdf'}: CLEAN",
    ]
    assert "3 tệp, 2 tệp có dấu độ mật" in summary


def test_clean_files_pass(tmp_path):
    (tmp_path / "a.xlsx").write_bytes(corpus.xlsx([["Dự toán", 490000]]))
    code, lines, _ = run(tmp_path / "a.xlsx")
    assert code == 0 and lines == [f"{tmp_path / 'a.xlsx'}: CLEAN"]


def test_an_unreadable_file_is_not_clean(tmp_path):
    (tmp_path / "hong.pdf").write_bytes(b"%PDF-1.4 broken")
    code, lines, _ = run(tmp_path / "hong.pdf")
    assert code == 1 and lines[0].startswith(f"{tmp_path / 'hong.pdf'}: UNREADABLE ")


def test_a_missing_path_is_a_clear_error(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không tìm thấy"):
        call_command("classification_scan", str(tmp_path / "khong-co"))
