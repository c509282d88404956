import pytest

from portal.oversight.factories import LetterStatisticsIndexPageFactory, ReceivingBodyFactory
from portal.oversight.models import ReceivingBody

HOST = {"HTTP_HOST": "localhost"}
STANDING = "Thường trực HĐND tỉnh"
OFFICE = "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"
LEGAL = "Ban Pháp chế HĐND tỉnh"


@pytest.fixture
def bodies(db):
    return {
        "standing": ReceivingBodyFactory(
            name=STANDING, kind=ReceivingBody.Kind.STANDING, sort_order=1
        ),
        "office": ReceivingBodyFactory(name=OFFICE, kind=ReceivingBody.Kind.OFFICE, sort_order=2),
        "legal": ReceivingBodyFactory(name=LEGAL, kind=ReceivingBody.Kind.COMMITTEE, sort_order=3),
    }


@pytest.fixture
def letters_index(home):
    return LetterStatisticsIndexPageFactory(parent=home, title="Thống kê đơn thư")
