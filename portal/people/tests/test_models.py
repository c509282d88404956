"""The people's models: posts say their titles, bad dates and roles are refused in
Vietnamese."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from portal.people.models import Constituency, Membership, MembershipRole

pytestmark = pytest.mark.django_db


def test_post_titles_read_as_people_say_them(standing, committee, group):
    def title(body, role):
        return Membership(body=body, role=role).title

    assert title(standing, MembershipRole.CHAIR) == "Chủ tịch HĐND tỉnh"
    assert title(standing, MembershipRole.STANDING_MEMBER) == "Ủy viên Thường trực HĐND tỉnh"
    assert title(committee, MembershipRole.HEAD) == "Trưởng Ban Pháp chế HĐND tỉnh"
    assert title(committee, MembershipRole.DEPUTY_HEAD) == "Phó Trưởng Ban Pháp chế HĐND tỉnh"
    assert title(committee, MembershipRole.MEMBER) == "Ủy viên Ban Pháp chế HĐND tỉnh"
    assert (
        title(group, MembershipRole.GROUP_LEADER) == "Tổ trưởng Tổ đại biểu HĐND tỉnh huyện Ba Bể"
    )


def test_a_post_ending_before_it_starts_is_refused(group):
    post = Membership(
        body=group,
        role=MembershipRole.GROUP_MEMBER,
        start_date=datetime.date(2019, 7, 1),
        end_date=datetime.date(2019, 6, 30),
    )
    with pytest.raises(ValidationError) as error:
        post.clean()
    assert error.value.message_dict["end_date"] == ["Ngày kết thúc không được trước ngày bắt đầu."]


def test_a_role_the_body_has_not_is_refused(committee):
    with pytest.raises(ValidationError) as error:
        Membership(body=committee, role=MembershipRole.CHAIR).clean()
    message = error.value.message_dict["role"][0]
    assert "Ban Pháp chế HĐND tỉnh có các chức vụ: trưởng ban, phó trưởng ban, ủy viên" in message
    assert "“chủ tịch”" in message


def test_a_current_post_has_no_end_or_an_end_ahead(group):
    post = Membership(
        body=group, role=MembershipRole.GROUP_MEMBER, start_date=datetime.date(2016, 6, 1)
    )
    assert post.is_current(datetime.date(2020, 1, 1))
    assert not post.is_current(datetime.date(2016, 5, 31))
    post.end_date = datetime.date(2019, 7, 10)
    assert post.is_current(datetime.date(2019, 7, 10))
    assert not post.is_current(datetime.date(2019, 7, 11))


def test_a_birth_year_out_of_range_is_refused(make_delegate):
    delegate = make_delegate("Lý Văn Tám")
    delegate.birth_year = 2015
    with pytest.raises(ValidationError) as error:
        delegate.clean()
    assert "đủ 18 tuổi" in error.value.message_dict["birth_year"][0]


def test_constituencies_are_numbered_once_per_term_and_elect_one_to_five(home):
    from portal.council.factories import CouncilIndexPageFactory, TermPageFactory

    term = TermPageFactory(parent=CouncilIndexPageFactory(parent=home))
    Constituency.objects.create(term=term, number=1, seats=4)
    twin = Constituency(term=term, number=1, seats=3)
    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert error.value.message_dict["number"] == ["Khóa này đã có đơn vị bầu cử mang số này."]
    too_many = Constituency(term=term, number=2, seats=8)
    with pytest.raises(ValidationError) as error:
        too_many.full_clean()
    assert "từ 1 đến 5" in error.value.message_dict["seats"][0]
