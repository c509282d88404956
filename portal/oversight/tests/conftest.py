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


@pytest.fixture
def people_index(home):
    from portal.people.factories import PeopleIndexPageFactory

    return PeopleIndexPageFactory(parent=home, title="Đại biểu", slug="dai-bieu")


@pytest.fixture
def people_groups(people_index):
    from portal.people.factories import BodyPageFactory

    return [
        BodyPageFactory(parent=people_index, title="Tổ đại biểu HĐND tỉnh huyện Ba Bể"),
        BodyPageFactory(parent=people_index, title="Tổ đại biểu HĐND tỉnh huyện Chợ Mới"),
    ]


@pytest.fixture
def delegate(people_index, people_groups):
    from portal.people.factories import DelegatePageFactory

    return DelegatePageFactory(
        parent=people_index,
        title="Hoàng Thị Thu",
        posts=[(people_groups[0], "to-truong")],
    )


@pytest.fixture
def schedule(home):
    from portal.oversight.factories import ReceptionSchedulePageFactory

    return ReceptionSchedulePageFactory(parent=home, slug="lich-tiep-cong-dan")


@pytest.fixture
def committee(people_index):
    from portal.people.factories import BodyPageFactory
    from portal.people.models import BodyKind

    return BodyPageFactory(
        parent=people_index, title="Ban Kinh tế - Ngân sách HĐND tỉnh", kind=BodyKind.COMMITTEE
    )


@pytest.fixture
def supervision_index(home):
    from portal.oversight.factories import SupervisionIndexPageFactory

    return SupervisionIndexPageFactory(parent=home, slug="giam-sat")
