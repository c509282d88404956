"""How the portal reports an event: the angles of its articles, their words, its photos.

An :class:`Angle` is one way of writing about one kind of event (the opening of a
session, a delegate's question, a voter's petition, a photo story...): its genre,
its news category, which day of the event it is written on, its title and lead,
and the *details* it can be written about — one article only, or one per
resolution, per agenda item, per delegate group, per questioned agency, per
voter or citizen (``citizens``: name × commune × subject, enough for any number
of distinct, truthful titles). Every value a title, lead, paragraph, caption or
quote uses comes from the event (:mod:`portal.demo.calendar`), from the people
who held the posts on that day (:mod:`portal.demo.cast`) or from the detail, so
an article never names another session, place, person or topic than its event's.

:class:`Writer` turns (event, angle, detail, day) into words; :func:`picture`
describes the photos of an event (the text on them is the event's backdrop).
"""

from __future__ import annotations

import datetime
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from . import calendar, cast, content
from .calendar import Kind

TIN, BAI, ANH, TRA_LOI, PHONG_VAN, BINH_LUAN = (name for name, _w in content.GENRES)

# News categories (positions in content.CATEGORIES).
THUONG_TRUC, CAC_BAN, VAN_PHONG, DOAN_DBQH, CAP_HUYEN, CAP_XA, TIENG_NOI = range(7)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def low(text: str) -> str:
    return text[:1].lower() + text[1:]


def day_text(day: datetime.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _crc(*parts) -> int:
    return zlib.crc32(":".join(str(p) for p in parts).encode())


@dataclass(frozen=True)
class Angle:
    key: str
    genre: str
    kinds: tuple
    category: int
    weight: float
    title: str
    lead: str
    paragraphs: tuple = ()  # the angle's own paragraphs, before the kind's
    details: str = "one"  # a name in DETAILS
    day: str = "any"  # "start" | "middle" | "end" | "any"
    scene: int = 0  # the event's photo it leads with
    only: str = ""  # "regular": sessions of two days or more; "elections"; "questioned"


# --- details -------------------------------------------------------------------------


class Citizens(Sequence):
    """name × commune × subject, visited in a scattered but fixed order."""

    PRIMES = (7919, 104729, 1299709, 15485863)

    def __init__(self, names, communes, subject_keys, salt):
        self.names, self.communes, self.subjects = names, communes, subject_keys
        self.size = len(names) * len(communes) * len(subject_keys)
        self.step = next(p for p in self.PRIMES if self.size % p)
        self.offset = salt % max(1, self.size)

    def __len__(self):
        return self.size

    def __getitem__(self, k):
        if not 0 <= k < self.size:
            raise IndexError(k)
        j = (k * self.step + self.offset) % self.size
        name_i, rest = divmod(j, len(self.communes) * len(self.subjects))
        commune_i, subject_i = divmod(rest, len(self.subjects))
        name, female = self.names[name_i]
        place = calendar.places()[self.communes[commune_i]]
        subject = calendar.subjects()[self.subjects[subject_i]]
        return {
            "citizen": name,
            "honorific": "bà" if female else "ông",
            "Honorific": "Bà" if female else "Ông",
            "c_commune": place.label,
            "c_subject": subject.phrase,
            "c_subject_short": subject.short,
            "c_agency": subject.agency,
            "_topic": subject.topic,
        }


def _subject_values(key, prefix="r_"):
    subject = calendar.subjects()[key]
    return {
        f"{prefix}subject": subject.phrase,
        f"{prefix}subject_short": subject.short,
        f"{prefix}agency": subject.agency,
        f"{prefix}agency_head_title": dict(content.AGENCIES)[subject.agency],
        "_topic": subject.topic,
    }


def _item_values(item):
    return {
        "item": item.name,
        "item_title": item.resolution_title,
        "item_title_l": low(item.resolution_title),
        "_topic": item.topic,
    }


# --- angles --------------------------------------------------------------------------

S, R, ST, GB, TCD = Kind.SESSION, Kind.REVIEW, Kind.STANDING_MEETING, Kind.BRIEFING, Kind.RECEPTION
TX, NA, GY = Kind.VOTER_CONTACT, Kind.NA_VOTER_CONTACT, Kind.NA_CONSULTATION
GS, GSL, GSB = Kind.SUPERVISION, Kind.SUPERVISION_MEETING, Kind.SUPERVISION_REPORT
TH, VP, H, X = Kind.TRAINING, Kind.OFFICE_CONFERENCE, Kind.DISTRICT_SESSION, Kind.COMMUNE_SESSION

# fmt: off
ANGLES = [
    # Sessions of the provincial council.
    Angle(
        "s-khai-mac", TIN, (S,), THUONG_TRUC, 1.5,
        "Khai mạc {session_l} HĐND tỉnh khóa IX",
        "Sáng {day}, tại {venue}, HĐND tỉnh Bắc Kạn {term} khai mạc {session_l}. Đồng chí "
        "{leader}, {leader_title} chủ trì kỳ họp.",
        ("Phát biểu khai mạc, đồng chí {leader} nhấn mạnh {session_l} {session_kind}; đề nghị "
         "các đại biểu tập trung trí tuệ, thảo luận dân chủ để kỳ họp thành công tốt đẹp.",),
        day="start",
    ),
    Angle(
        "s-be-mac", TIN, (S,), THUONG_TRUC, 1.5,
        "Bế mạc {session_l} HĐND tỉnh khóa IX",
        "Chiều {day}, sau {n_days_text} làm việc khẩn trương, nghiêm túc, {session_l} HĐND tỉnh "
        "khóa IX đã bế mạc.",
        ("Kỳ họp đã thông qua {n_res} nghị quyết, {items_intro} {items_list}.",),
        day="end", scene=3,
    ),
    Angle(
        "s-ket-qua", TIN, (S,), THUONG_TRUC, 1.0,
        "{Session_l} HĐND tỉnh khóa IX thông qua {n_res} nghị quyết",
        "Ngày {day}, {session_l} HĐND tỉnh khóa IX đã biểu quyết thông qua {n_res} nghị quyết "
        "với tỷ lệ tán thành cao.",
        ("Các nghị quyết được thông qua gồm: {items_list}.",),
        day="end", scene=3,
    ),
    Angle(
        "s-nghi-quyet", TIN, (S,), THUONG_TRUC, 4.0,
        "{Session_l}: Thông qua {item_title_l}",
        "Ngày {day}, tại {session_l}, HĐND tỉnh khóa IX đã biểu quyết thông qua {item_title_l} "
        "(Nghị quyết số {res_number}).",
        ("Nghị quyết số {res_number} được HĐND tỉnh thông qua ngày {res_date}, có hiệu lực theo "
         "quy định của Luật Ban hành văn bản quy phạm pháp luật.",),
        details="resolutions", day="end", scene=3,
    ),
    Angle(
        "s-to", TIN, (S,), THUONG_TRUC, 2.0,
        "{Session_l}: Tổ đại biểu {group_district} thảo luận về {item}",
        "Trong ngày làm việc {day}, Tổ đại biểu HĐND tỉnh {group_district} đã thảo luận tại tổ về "
        "dự thảo {item_title_l} trình {session_l}.",
        ("Các đại biểu trong Tổ đề nghị cơ quan soạn thảo làm rõ thêm nguồn lực và lộ trình thực "
         "hiện {item}, bảo đảm phù hợp với thực tiễn của {group_district}.",),
        details="group_agenda", day="start", scene=5, only="regular",
    ),
    Angle(
        "s-hoi-truong", TIN, (S,), THUONG_TRUC, 1.5,
        "{Session_l}: Thảo luận tại hội trường về {item}",
        "Ngày {day}, {session_l} HĐND tỉnh khóa IX dành thời gian thảo luận tại hội trường về "
        "dự thảo {item_title_l}.",
        ("Nhiều ý kiến phát biểu tâm huyết, trách nhiệm, phản ánh sát thực tế về {item}.",),
        details="agenda", day="middle", scene=4, only="regular",
    ),
    Angle(
        "s-chat-van", BAI, (S,), THUONG_TRUC, 3.0,
        "{Session_l}: Đại biểu {asker} chất vấn {agency_head_title} về {q_subject}",
        "Tại phiên chất vấn ngày {day} của {session_l}, đại biểu {asker} ({asker_group}) đã chất "
        "vấn {agency_head_title} {agency_head} về {q_subject}.",
        ("Trả lời chất vấn, {agency_head_title} {agency_head} đã làm rõ nguyên nhân, trách nhiệm "
         "và nêu các giải pháp khắc phục trong thời gian tới.",),
        details="questions", day="middle", scene=4, only="questioned",
    ),
    Angle(
        "s-tra-loi-chat-van", BAI, (S,), THUONG_TRUC, 2.0,
        "{Session_l}: {Agency_head_title} trả lời chất vấn về {q_subject}",
        "Ngày {day}, tại {session_l}, {agency_head_title} {agency_head} đã trả lời chất vấn của "
        "đại biểu HĐND tỉnh về {q_subject}.",
        ("Nhiều đại biểu tiếp tục tranh luận, đề nghị {agency} có lộ trình cụ thể để giải quyết "
         "dứt điểm những tồn tại cử tri phản ánh.",),
        details="answers", day="middle", scene=4, only="questioned",
    ),
    Angle(
        "s-phat-bieu-khai-mac", BAI, (S,), THUONG_TRUC, 0.6,
        "Phát biểu khai mạc {session_l} HĐND tỉnh khóa IX của Chủ tịch HĐND tỉnh",
        "Trang thông tin điện tử HĐND tỉnh giới thiệu phát biểu khai mạc {session_l} của đồng chí "
        "{leader}, {leader_title}.",
        day="start", scene=1,
    ),
    Angle(
        "s-phat-bieu-be-mac", BAI, (S,), THUONG_TRUC, 0.6,
        "Phát biểu bế mạc {session_l} HĐND tỉnh khóa IX của Chủ tịch HĐND tỉnh",
        "Trang thông tin điện tử HĐND tỉnh giới thiệu phát biểu bế mạc {session_l} của đồng chí "
        "{leader}, {leader_title}.",
        day="end", scene=1,
    ),
    Angle(
        "s-bau", TIN, (S,), THUONG_TRUC, 1.0,
        "HĐND tỉnh bầu {honorific} {elected} giữ chức {role_title}",
        "Ngày {day}, tại {session_l}, HĐND tỉnh khóa IX đã tiến hành bầu {honorific} {elected} "
        "giữ chức {role_title} nhiệm kỳ 2016-2021.",
        ("Phát biểu nhận nhiệm vụ, {honorific} {elected} cảm ơn sự tín nhiệm của các đại biểu và "
         "hứa sẽ cùng tập thể Thường trực HĐND tỉnh hoàn thành tốt nhiệm vụ được giao.",),
        details="elections", day="end", scene=1, only="elections",
    ),
    Angle(
        "s-anh", ANH, (S,), THUONG_TRUC, 3.0,
        "Ảnh: {photo}",
        "Một số hình ảnh tại {session_l} HĐND tỉnh khóa IX ngày {day}.",
        details="photos",
    ),
    Angle(
        "s-phong-van", PHONG_VAN, (S,), THUONG_TRUC, 3.0,
        "Phỏng vấn {person_title} {person} về {item}",
        "Bên lề {session_l}, phóng viên Trang thông tin điện tử HĐND tỉnh đã có cuộc trao đổi "
        "với đồng chí {person}, {person_title} về {item}.",
        ("Theo đồng chí {person}, {item} là nội dung quan trọng, được cử tri và đại biểu đặc biệt "
         "quan tâm tại {session_l}.",),
        details="interviews", day="end", scene=4,
    ),
    Angle(
        "s-binh-luan", BINH_LUAN, (S,), TIENG_NOI, 3.0,
        "Đại biểu {delegate}: Bàn thêm về {item} sau {session_l}",
        "{session_l_cap} HĐND tỉnh đã thông qua {item_title_l}. Đại biểu {delegate} "
        "({delegate_group}) chia sẻ một số suy nghĩ về việc đưa nghị quyết vào cuộc sống.",
        ("Theo đại biểu {delegate}, để {item} thực sự hiệu quả cần sự vào cuộc đồng bộ của cả hệ "
         "thống chính trị và sự giám sát thường xuyên của HĐND các cấp.",),
        details="opinions", day="end", scene=2,
    ),
    Angle(
        "s-tra-loi", TRA_LOI, (S,), VAN_PHONG, 3.0,
        "Trả lời bạn đọc về Nghị quyết số {res_number} ngày {res_date} của HĐND tỉnh",
        "Nhiều bạn đọc hỏi về nội dung {item_title_l} được {session_l} HĐND tỉnh khóa IX thông "
        "qua ngày {res_date}. Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh xin trả lời như sau.",
        ("Nghị quyết số {res_number} quy định cụ thể về {item}; toàn văn nghị quyết được đăng tải "
         "trên Trang thông tin điện tử HĐND tỉnh.",),
        details="resolutions", day="end", scene=3,
    ),
    Angle(
        "s-tra-loi-cong-dan", TRA_LOI, (S,), VAN_PHONG, 1.0,
        "Trả lời {honorific} {citizen} ({c_commune}) về Nghị quyết số {res_number} ngày {res_date}",
        "{Honorific} {citizen} ở {c_commune} hỏi về {item_title_l} được {session_l} HĐND tỉnh "
        "thông qua. Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh trả lời như sau.",
        ("Nghị quyết số {res_number} ngày {res_date} của HĐND tỉnh quy định về {item}.",),
        details="resolution_citizens", day="end", scene=3,
    ),
    # Reviews before a session.
    Angle(
        "r-tin", TIN, (R,), CAC_BAN, 1.5,
        "{event}",
        "Ngày {day}, {committee_full} đã họp thẩm tra các dự thảo nghị quyết thuộc lĩnh vực "
        "phụ trách trình {session_l} HĐND tỉnh.",
        day="start",
    ),
    Angle(
        "r-item", TIN, (R,), CAC_BAN, 2.0,
        "{committee_full} thẩm tra dự thảo {item_title_l}",
        "Ngày {day}, {committee_full} đã thẩm tra dự thảo {item_title_l} trình {session_l} HĐND "
        "tỉnh.",
        ("Ban đề nghị cơ quan soạn thảo bổ sung đánh giá tác động, làm rõ nguồn lực thực hiện "
         "{item}.",),
        details="agenda",
    ),
    # The Standing Committee.
    Angle(
        "st-tin", TIN, (ST,), THUONG_TRUC, 2.0,
        "{event}",
        "Ngày {day}, Thường trực HĐND tỉnh tổ chức phiên họp thường kỳ tháng {month}/{year} "
        "dưới sự chủ trì của đồng chí {leader}, {leader_title}.",
    ),
    Angle(
        "st-item", TIN, (ST,), THUONG_TRUC, 2.0,
        "Phiên họp tháng {month}/{year}: Thường trực HĐND tỉnh cho ý kiến về {item}",
        "Tại phiên họp thường kỳ ngày {day}, Thường trực HĐND tỉnh đã cho ý kiến về {item}.",
        details="items",
    ),
    Angle(
        "gb-tin", TIN, (GB,), THUONG_TRUC, 1.5,
        "Giao ban Thường trực HĐND tỉnh với Thường trực HĐND các huyện, thành phố {quarter}",
        "Ngày {day}, tại {district}, Thường trực HĐND tỉnh tổ chức hội nghị giao ban với Thường "
        "trực HĐND các huyện, thành phố {quarter}.",
    ),
    Angle(
        "gb-district", TIN, (GB,), THUONG_TRUC, 1.5,
        "Giao ban {quarter}: Thường trực HĐND {r_district} kiến nghị về {r_subject_short}",
        "Tại hội nghị giao ban {quarter} ngày {day}, Thường trực HĐND {r_district} đã kiến nghị "
        "về {r_subject}.",
        ("Thường trực HĐND tỉnh ghi nhận, đề nghị {r_agency} phối hợp với {r_district} xem xét, "
         "giải quyết.",),
        details="reports",
    ),
    Angle(
        "gb-anh", ANH, (GB,), THUONG_TRUC, 1.0,
        "Ảnh: Hội nghị giao ban Thường trực HĐND tỉnh {quarter} tại {district}",
        "Một số hình ảnh tại hội nghị giao ban Thường trực HĐND tỉnh với Thường trực HĐND các "
        "huyện, thành phố {quarter}.",
    ),
    Angle(
        "tcd-tin", TIN, (TCD,), THUONG_TRUC, 2.0,
        "{Leader_title} {leader} tiếp công dân định kỳ tháng {month}/{year}",
        "Ngày {day}, tại {venue}, đồng chí {leader}, {leader_title} đã chủ trì buổi tiếp công "
        "dân định kỳ tháng {month}/{year} của Thường trực HĐND tỉnh.",
    ),
    Angle(
        "tcd-case", BAI, (TCD,), THUONG_TRUC, 3.0,
        "Tiếp công dân tháng {month}/{year}: {Honorific} {citizen} ({c_commune}) phản ánh về "
        "{c_subject_short}",
        "Tại buổi tiếp công dân định kỳ ngày {day} của Thường trực HĐND tỉnh, {honorific} "
        "{citizen} ở {c_commune} đã phản ánh về {c_subject}.",
        ("Đồng chí {leader}, {leader_title} đề nghị {c_agency} kiểm tra, xác minh và trả lời "
         "{honorific} {citizen} theo đúng quy định.",),
        details="citizens",
    ),
    Angle(
        "tcd-tra-loi", TRA_LOI, (TCD,), VAN_PHONG, 3.0,
        "Trả lời {honorific} {citizen} ({c_commune}) về {c_subject_short} sau buổi tiếp công dân "
        "tháng {month}/{year}",
        "{Honorific} {citizen} ở {c_commune} đã trình bày ý kiến về {c_subject} tại buổi tiếp "
        "công dân ngày {day} của Thường trực HĐND tỉnh. Nội dung trả lời như sau.",
        ("Theo {c_agency}, ý kiến của {honorific} {citizen} đã được tiếp nhận, xem xét và sẽ được "
         "trả lời bằng văn bản theo quy định.",),
        details="citizens",
    ),
    # Voter contact of the provincial delegates.
    Angle(
        "tx-tin", TIN, (TX,), THUONG_TRUC, 4.0,
        "Đại biểu HĐND tỉnh tiếp xúc cử tri {commune} ({district_short}) {stage} {session_l}",
        "Ngày {day}, Tổ đại biểu HĐND tỉnh {district} đã tiếp xúc cử tri {commune} {stage} "
        "{session_l} HĐND tỉnh khóa IX.",
    ),
    Angle(
        "tx-kien-nghi", TIN, (TX,), THUONG_TRUC, 4.0,
        "Tiếp xúc cử tri {stage} {session_l}: Cử tri {commune} kiến nghị về {r_subject_short}",
        "Tại hội nghị tiếp xúc cử tri {stage} {session_l} ngày {day}, cử tri {commune} "
        "({district_short}) đã kiến nghị về {r_subject}.",
        ("Đại diện lãnh đạo UBND {district} đã tiếp thu, giải trình; đại biểu sẽ tổng hợp gửi "
         "{r_agency} xem xét, trả lời.",),
        details="subjects",
    ),
    Angle(
        "tx-cu-tri", TIN, (TX,), THUONG_TRUC, 0.6,
        "{Stage} {session_l}, cử tri {citizen} ({c_commune}) kiến nghị về {c_subject_short}",
        "Tại hội nghị tiếp xúc cử tri ngày {day} tại {commune}, {honorific} {citizen} ở "
        "{c_commune} đã kiến nghị về {c_subject}.",
        ("Kiến nghị của {honorific} {citizen} đã được Tổ đại biểu HĐND tỉnh {district} ghi nhận, "
         "chuyển đến {c_agency}.",),
        details="citizens",
    ),
    Angle(
        "tx-tra-loi", TRA_LOI, (TX,), VAN_PHONG, 4.0,
        "Trả lời kiến nghị của cử tri {commune} {stage} {session_l} về {r_subject_short}",
        "Tại hội nghị tiếp xúc cử tri ngày {day}, cử tri {commune} ({district_short}) kiến nghị "
        "về {r_subject}. Đại diện {r_agency} đã trả lời ngay tại hội nghị.",
        ("Theo {r_agency}, kiến nghị của cử tri đã được ghi nhận và sẽ được giải quyết theo thẩm "
         "quyền.",),
        details="subjects",
    ),
    Angle(
        "tx-tra-loi-cu-tri", TRA_LOI, (TX,), VAN_PHONG, 1.0,
        "Trả lời cử tri {citizen} ({c_commune}) về {c_subject_short} {stage} {session_l}",
        "Tại hội nghị tiếp xúc cử tri ngày {day} tại {commune}, {honorific} {citizen} ở "
        "{c_commune} đã kiến nghị về {c_subject}. Nội dung trả lời như sau.",
        ("Theo {c_agency}, nội dung {honorific} {citizen} kiến nghị đã được tiếp thu và sẽ được "
         "giải quyết theo quy định.",),
        details="citizens",
    ),
    Angle(
        "tx-anh", ANH, (TX,), THUONG_TRUC, 4.0,
        "Ảnh: Tiếp xúc cử tri {stage} {session_l} tại {commune}, {district}",
        "Một số hình ảnh tại hội nghị tiếp xúc cử tri {stage} {session_l} HĐND tỉnh tại "
        "{commune} ngày {day}.",
    ),
    Angle(
        "tx-anh-cu-tri", ANH, (TX,), THUONG_TRUC, 0.6,
        "Ảnh: Cử tri {citizen} ({c_commune}) phát biểu {stage} {session_l}",
        "{Honorific} {citizen} ở {c_commune} phát biểu tại hội nghị tiếp xúc cử tri {stage} "
        "{session_l} HĐND tỉnh ngày {day}.",
        details="citizens", scene=1,
    ),
    Angle(
        "tx-phong-van", PHONG_VAN, (TX,), THUONG_TRUC, 1.5,
        "Cử tri {citizen} ({c_commune}): {vox}",
        "Bên lề hội nghị tiếp xúc cử tri {stage} {session_l} ngày {day} tại {commune}, phóng "
        "viên đã trao đổi với {honorific} {citizen}.",
        details="citizens", scene=1,
    ),
    Angle(
        "tx-dai-bieu", PHONG_VAN, (TX,), THUONG_TRUC, 1.5,
        "Đại biểu {delegate} ({district_short}): {promise}",
        "Sau hội nghị tiếp xúc cử tri ngày {day} tại {commune}, đại biểu {delegate}, "
        "{delegate_title} đã trao đổi với phóng viên.",
        details="delegates", scene=2,
    ),
    Angle(
        "tx-bai", BAI, (TX,), THUONG_TRUC, 4.0,
        "Tiếp xúc cử tri tại {commune} {stage} {session_l}: Nhiều ý kiến về {r_subject_short}",
        "Hội nghị tiếp xúc cử tri {stage} {session_l} tại {commune} ngày {day} ghi nhận nhiều ý "
        "kiến tâm huyết của cử tri về {r_subject}.",
        ("Theo cử tri, {r_subject_short} là vấn đề gắn với đời sống hằng ngày của người dân "
         "{commune}, cần được {r_agency} quan tâm giải quyết.",),
        details="subjects",
    ),
    Angle(
        "tx-binh-luan", BINH_LUAN, (TX,), TIENG_NOI, 2.0,
        "Đại biểu {delegate}: Từ kiến nghị của cử tri {commune} về {r_subject_short}",
        "Qua hội nghị tiếp xúc cử tri {stage} {session_l} ngày {day} tại {commune}, đại biểu "
        "{delegate} chia sẻ suy nghĩ về {r_subject}.",
        ("Theo đại biểu {delegate}, mỗi kiến nghị về {r_subject_short} cần được theo dõi đến "
         "cùng, trả lời rõ ràng cho cử tri.",),
        details="delegate_subjects", scene=2,
    ),
    # The National Assembly delegation.
    Angle(
        "na-tin", TIN, (NA,), DOAN_DBQH, 2.0,
        "{event}",
        "Ngày {day}, Đoàn ĐBQH tỉnh Bắc Kạn đã tiếp xúc cử tri {commune} ({district_short}) "
        "{stage} {na_session}.",
    ),
    Angle(
        "na-kien-nghi", TIN, (NA,), DOAN_DBQH, 1.0,
        "Cử tri {commune} kiến nghị về {r_subject_short} {stage} kỳ họp thứ {number} Quốc hội",
        "Tại hội nghị tiếp xúc cử tri của Đoàn ĐBQH tỉnh ngày {day}, cử tri {commune} kiến nghị "
        "về {r_subject}.",
        details="subjects",
    ),
    Angle(
        "na-cu-tri", TIN, (NA,), DOAN_DBQH, 0.3,
        "Cử tri {citizen} ({c_commune}) kiến nghị về {c_subject_short} {stage} {na_session}",
        "Tại hội nghị tiếp xúc cử tri của Đoàn ĐBQH tỉnh ngày {day}, {honorific} {citizen} ở "
        "{c_commune} đã kiến nghị về {c_subject}.",
        details="citizens",
    ),
    Angle(
        "na-anh", ANH, (NA,), DOAN_DBQH, 1.0,
        "Ảnh: Đoàn ĐBQH tỉnh tiếp xúc cử tri {commune} {stage} kỳ họp thứ {number} Quốc hội",
        "Một số hình ảnh tại hội nghị tiếp xúc cử tri của Đoàn ĐBQH tỉnh tại {commune} ngày {day}.",
    ),
    Angle(
        "na-phong-van", PHONG_VAN, (NA,), DOAN_DBQH, 1.0,
        "{Leader_title} {leader}: {na_promise}",
        "Sau hội nghị tiếp xúc cử tri ngày {day} tại {commune}, đồng chí {leader}, "
        "{leader_title} đã trao đổi với phóng viên.",
        scene=2,
    ),
    Angle(
        "gy-tin", TIN, (GY,), DOAN_DBQH, 1.0,
        "{event}",
        "Ngày {day}, Đoàn ĐBQH tỉnh tổ chức hội nghị lấy ý kiến góp ý {bill}.",
    ),
    Angle(
        "gy-agency", TIN, (GY,), DOAN_DBQH, 0.8,
        "{Guest} góp ý {bill}",
        "Tại hội nghị do Đoàn ĐBQH tỉnh tổ chức ngày {day}, đại diện {guest} đã góp ý {bill}.",
        details="guests",
    ),
    # Supervision.
    Angle(
        "gs-tin", TIN, (GS,), CAC_BAN, 4.0,
        "{event}",
        "Ngày {day}, Đoàn giám sát {host} do đồng chí {leader}, {leader_title} làm trưởng đoàn "
        "đã làm việc với UBND {district} về {subject}.",
    ),
    Angle(
        "gs-xa", TIN, (GS,), CAC_BAN, 2.0,
        "Đoàn giám sát {host} làm việc tại {f_commune} ({district_short}) về {subject_short}",
        "Trong chương trình giám sát tại {district}, ngày {day}, Đoàn giám sát {host} đã kiểm "
        "tra thực tế tại {f_commune}.",
        details="field_communes", scene=3,
    ),
    Angle(
        "gs-anh", ANH, (GS,), CAC_BAN, 3.0,
        "Ảnh: {Host} giám sát {subject_short} tại {district}",
        "Một số hình ảnh buổi giám sát của {host} tại {district} ngày {day}.",
    ),
    Angle(
        "gs-phong-van", PHONG_VAN, (GS,), CAC_BAN, 2.0,
        "{Leader_title} {leader}: Giám sát {subject_short} tại {district_short} để tháo gỡ "
        "vướng mắc cho cơ sở",
        "Sau buổi giám sát ngày {day} tại {district}, đồng chí {leader}, {leader_title} đã "
        "trao đổi với phóng viên.",
        scene=1,
    ),
    Angle(
        "gs-bai", BAI, (GS,), CAC_BAN, 3.0,
        "Giám sát {subject_short} tại {district}: Kết quả và những vấn đề đặt ra",
        "Buổi giám sát của {host} tại {district} ngày {day} cho thấy nhiều kết quả, đồng thời "
        "chỉ ra những vấn đề cần tháo gỡ về {subject_short}.",
    ),
    Angle(
        "gsl-tin", TIN, (GSL,), CAC_BAN, 1.5,
        "{event}",
        "Ngày {day}, Đoàn giám sát {host} đã làm việc với {agency} về {subject}.",
    ),
    Angle(
        "gsl-bai", BAI, (GSL,), CAC_BAN, 1.5,
        "Giám sát tại {agency}: Làm rõ trách nhiệm về {subject_short}",
        "Buổi làm việc ngày {day} giữa Đoàn giám sát {host} và {agency} tập trung làm rõ trách "
        "nhiệm trong {subject}.",
    ),
    Angle(
        "gsb-tin", TIN, (GSB,), CAC_BAN, 1.5,
        "{event}",
        "Ngày {day}, {host} đã họp thông qua báo cáo kết quả giám sát {subject}.",
    ),
    Angle(
        "gsb-bai", BAI, (GSB,), CAC_BAN, 1.5,
        "Những kiến nghị sau giám sát {subject_short} của {host}",
        "Báo cáo kết quả giám sát {subject} được {host} thông qua ngày {day} nêu nhiều kiến nghị "
        "đối với UBND tỉnh và {agency}.",
    ),
    Angle(
        "gsb-binh-luan", BINH_LUAN, (GSB,), TIENG_NOI, 2.0,
        "{Person_title} {person}: Sau giám sát {subject_short}, cần theo dõi đến cùng các kiến "
        "nghị",
        "Đồng chí {person}, {person_title} chia sẻ suy nghĩ sau chương trình giám sát {subject}.",
        details="people", scene=1,
    ),
    # The Office.
    Angle(
        "th-tin", TIN, (TH,), VAN_PHONG, 1.0,
        "{event}",
        "Trong hai ngày {dates_from}, {host} tổ chức {phrase} tại {venue}.",
        day="start",
    ),
    Angle(
        "th-module", TIN, (TH,), VAN_PHONG, 1.0,
        "{label}: {Module}",
        "Trong chương trình {phrase}, ngày {day}, các học viên được trao đổi về {module}.",
        details="modules",
    ),
    Angle(
        "th-anh", ANH, (TH,), VAN_PHONG, 0.6,
        "Ảnh: {event}",
        "Một số hình ảnh tại {phrase}.",
    ),
    Angle(
        "vp-tin", TIN, (VP,), VAN_PHONG, 0.5,
        "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh tổng kết công tác năm {report_year}",
        "Ngày {day}, Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh tổ chức hội nghị tổng kết công tác "
        "năm {report_year}, triển khai nhiệm vụ năm {next_year}.",
    ),
    Angle(
        "vp-nhiem-vu", TIN, (VP,), VAN_PHONG, 0.5,
        "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh triển khai nhiệm vụ năm {next_year}",
        "Tại hội nghị ngày {day}, Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh đã triển khai nhiệm vụ "
        "năm {next_year}.",
    ),
    Angle(
        "vp-bai", BAI, (VP,), VAN_PHONG, 0.5,
        "Năm {report_year}: Văn phòng tham mưu tổ chức {n_sessions} kỳ họp và {n_supervisions} "
        "cuộc giám sát",
        "Năm {report_year}, Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh đã tham mưu tổ chức "
        "{n_sessions} kỳ họp HĐND tỉnh và {n_supervisions} cuộc giám sát.",
    ),
    # District and commune councils.
    Angle(
        "h-khai-mac", TIN, (H,), CAP_HUYEN, 1.5,
        "HĐND {district} khai mạc kỳ họp thường lệ {half} {year}",
        "Ngày {day}, HĐND {district} khai mạc kỳ họp thường lệ {half} {year}.",
        day="start",
    ),
    Angle(
        "h-be-mac", TIN, (H,), CAP_HUYEN, 1.0,
        "HĐND {district} bế mạc kỳ họp thường lệ {half} {year}",
        "Ngày {day}, sau hai ngày làm việc, kỳ họp thường lệ {half} {year} của HĐND {district} "
        "đã bế mạc.",
        day="end", scene=3,
    ),
    Angle(
        "h-item", TIN, (H,), CAP_HUYEN, 1.5,
        "HĐND {district} thông qua nghị quyết về {item}",
        "Tại kỳ họp thường lệ {half} {year}, ngày {day}, HĐND {district} đã thông qua nghị "
        "quyết về {item}.",
        details="local_items", day="end", scene=3,
    ),
    Angle(
        "h-chat-van", BAI, (H,), CAP_HUYEN, 1.5,
        "Kỳ họp {half} {year} của HĐND {district}: Chất vấn về {r_subject_short}",
        "Tại kỳ họp thường lệ {half} {year} của HĐND {district}, ngày {day}, nhiều đại biểu đã "
        "chất vấn về {r_subject}.",
        details="subjects", day="end", scene=4,
    ),
    Angle(
        "h-anh", ANH, (H,), CAP_HUYEN, 1.5,
        "Ảnh: Kỳ họp thường lệ {half} {year} của HĐND {district}",
        "Một số hình ảnh tại kỳ họp thường lệ {half} {year} của HĐND {district}.",
    ),
    Angle(
        "x-tin", TIN, (X,), CAP_XA, 3.0,
        "HĐND {commune} ({district_short}) tổ chức kỳ họp thường lệ {half} {year}",
        "Ngày {day}, HĐND {commune}, {district} tổ chức kỳ họp thường lệ {half} {year}.",
    ),
    Angle(
        "x-item", TIN, (X,), CAP_XA, 2.0,
        "HĐND {commune} ({district_short}) thông qua {item}",
        "Tại kỳ họp thường lệ {half} {year} ngày {day}, HĐND {commune} đã thông qua {item}.",
        details="local_items", scene=3,
    ),
    Angle(
        "x-bai", BAI, (X,), CAP_XA, 2.0,
        "HĐND {commune} bàn giải pháp về {r_subject_short} tại kỳ họp {half} {year}",
        "Kỳ họp thường lệ {half} {year} của HĐND {commune} ngày {day} dành nhiều thời gian thảo "
        "luận về {r_subject}.",
        details="subjects",
    ),
    Angle(
        "x-anh", ANH, (X,), CAP_XA, 3.0,
        "Ảnh: Kỳ họp thường lệ {half} {year} của HĐND {commune} ({district_short})",
        "Một số hình ảnh tại kỳ họp thường lệ {half} {year} của HĐND {commune}.",
    ),
]
# fmt: on
ANGLES_BY_KEY = {angle.key: angle for angle in ANGLES}

# --- the kinds' own paragraphs and quotes ----------------------------------------------

PARAGRAPHS = {
    S: [
        "Dự kỳ họp có {delegates_present} đại biểu HĐND tỉnh; đồng chí {ubnd}, {ubnd_title}; "
        "lãnh đạo Ủy ban MTTQ Việt Nam tỉnh, các sở, ban, ngành và Thường trực HĐND, UBND các "
        "huyện, thành phố.",
        "Theo chương trình, {session_l} xem xét, quyết định {n_items} nội dung, {items_intro} "
        "{items_list}.",
        "Các dự thảo nghị quyết trình kỳ họp đã được các Ban của HĐND tỉnh thẩm tra; báo cáo "
        "thẩm tra nêu rõ căn cứ pháp lý, sự cần thiết và những nội dung cần tiếp tục làm rõ.",
        "Đồng chí {leader}, {leader_title} đề nghị các đại biểu phát huy tinh thần trách nhiệm, "
        "thảo luận dân chủ, thẳng thắn, tập trung vào những vấn đề cử tri quan tâm.",
        "{session_l_cap} {session_kind}, được tổ chức {dates} tại {venue}.",
    ],
    R: [
        "Tham dự phiên thẩm tra có đại diện lãnh đạo UBND tỉnh và {guests_list}.",
        "{committee_full} đã thẩm tra {n_items} dự thảo nghị quyết trình {session_l}, gồm: "
        "{items_list}.",
        "Các thành viên Ban đã thảo luận, đánh giá sự cần thiết, căn cứ pháp lý và tính khả thi "
        "của từng dự thảo; đề nghị cơ quan soạn thảo tiếp thu, hoàn thiện trước khi trình kỳ họp.",
        "Kết luận phiên thẩm tra, đồng chí {leader}, {leader_title} đề nghị cơ quan soạn thảo "
        "khẩn trương hoàn chỉnh hồ sơ, gửi đại biểu nghiên cứu trước {session_l}.",
    ],
    ST: [
        "Dự phiên họp có các đồng chí trong Thường trực HĐND tỉnh, Trưởng các Ban HĐND tỉnh và "
        "lãnh đạo Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh.",
        "Phiên họp do đồng chí {leader}, {leader_title} chủ trì.",
        "Tại phiên họp, Thường trực HĐND tỉnh đã cho ý kiến về: {items_list}.",
        "Kết luận phiên họp, đồng chí {leader} đề nghị các Ban HĐND tỉnh và Văn phòng bám sát "
        "chương trình công tác, chuẩn bị chu đáo các nội dung theo kế hoạch.",
    ],
    GB: [
        "Hội nghị do đồng chí {leader}, {leader_title} chủ trì, với sự tham dự của Thường trực "
        "HĐND các huyện, thành phố.",
        "Các đại biểu đã đánh giá kết quả hoạt động của HĐND các cấp {quarter}, trao đổi kinh "
        "nghiệm trong công tác giám sát, tiếp xúc cử tri và tổ chức kỳ họp.",
        "Thường trực HĐND các huyện, thành phố đã nêu một số kiến nghị, tập trung vào "
        "{reports_list}.",
        "Hội nghị được tổ chức tại {venue}; lãnh đạo {district} đã thông tin về tình hình phát "
        "triển kinh tế - xã hội của địa phương.",
    ],
    TCD: [
        "Buổi tiếp công dân do đồng chí {leader}, {leader_title} chủ trì, tại {venue}.",
        "Tham dự có đại diện Ban Tiếp công dân tỉnh, Thanh tra tỉnh và các cơ quan liên quan.",
        "Các công dân đến từ {communes_list} đã trình bày ý kiến, tập trung vào {subjects_list}.",
        "Đối với các vụ việc thuộc thẩm quyền, đồng chí {leader} đề nghị các cơ quan chức năng "
        "xem xét, giải quyết theo quy định và trả lời công dân đúng thời hạn.",
    ],
    TX: [
        "Tham dự hội nghị có đồng chí {leader}, {leader_title}; đồng chí {second}, "
        "{second_title}; lãnh đạo UBND {district} và đông đảo cử tri {communes_list}.",
        "{report}",
        "Cử tri {commune} đã nêu nhiều ý kiến, kiến nghị, tập trung vào {subjects_list}.",
        "Đại diện lãnh đạo UBND {district} và các cơ quan chuyên môn đã trực tiếp tiếp thu, "
        "giải trình nhiều nội dung thuộc thẩm quyền.",
        "Các kiến nghị chưa được giải quyết tại hội nghị sẽ được Tổ đại biểu HĐND tỉnh {district} "
        "tổng hợp, gửi Thường trực HĐND tỉnh chuyển đến cơ quan có thẩm quyền xem xét, trả lời "
        "cử tri theo quy định.",
    ],
    NA: [
        "Tham dự hội nghị có đồng chí {leader}, {leader_title}; đồng chí {second}, "
        "{second_title} cùng lãnh đạo UBND {district} và cử tri {commune}.",
        "{na_report}",
        "Cử tri {commune} quan tâm đến {subjects_list} và đề nghị Quốc hội, Chính phủ tiếp tục "
        "có chính sách phù hợp với vùng dân tộc thiểu số, miền núi.",
        "Các ý kiến thuộc thẩm quyền của địa phương đã được lãnh đạo UBND {district} tiếp thu, "
        "giải trình; các kiến nghị thuộc thẩm quyền Trung ương sẽ được Đoàn ĐBQH tỉnh tổng hợp, "
        "gửi đến Quốc hội.",
    ],
    GY: [
        "Hội nghị do đồng chí {leader}, {leader_title} chủ trì; tham dự có đại diện {guests_list}.",
        "Các đại biểu đã tập trung góp ý vào phạm vi điều chỉnh, đối tượng áp dụng và những nội "
        "dung còn có ý kiến khác nhau của {bill}.",
        "Các ý kiến góp ý sẽ được Đoàn ĐBQH tỉnh tổng hợp, gửi Ủy ban Thường vụ Quốc hội trước "
        "{na_session}.",
    ],
    GS: [
        "Đoàn giám sát do đồng chí {leader}, {leader_title} làm trưởng đoàn; tham gia có đồng "
        "chí {second}, {second_title} và đại diện lãnh đạo {agency}.",
        "Theo báo cáo của UBND {district}, thời gian qua địa phương đã triển khai nhiều giải "
        "pháp về {subject_short}, đạt được những kết quả tích cực; tuy nhiên vẫn còn một số khó "
        "khăn, vướng mắc cần được tháo gỡ.",
        "Các thành viên Đoàn giám sát đã trao đổi, làm rõ nhiều nội dung liên quan đến "
        "{subject}, đồng thời đề nghị địa phương tiếp tục rà soát, báo cáo cụ thể.",
        "Kết luận buổi làm việc, đồng chí {leader} ghi nhận những kết quả {district} đạt được, "
        "đề nghị {agency} phối hợp chặt chẽ với địa phương để giải quyết dứt điểm các tồn tại.",
        "Kết quả giám sát sẽ được tổng hợp, báo cáo Thường trực HĐND tỉnh và trình HĐND tỉnh tại "
        "kỳ họp gần nhất.",
    ],
    GSL: [
        "Đoàn giám sát do đồng chí {leader}, {leader_title} làm trưởng đoàn.",
        "Theo báo cáo của {agency}, thời gian qua ngành đã triển khai nhiều giải pháp về "
        "{subject_short}; tuy nhiên vẫn còn những hạn chế cần khắc phục.",
        "Các thành viên Đoàn giám sát đề nghị {agency} làm rõ nguyên nhân của những tồn tại và "
        "trách nhiệm của từng cơ quan, đơn vị.",
        "Sau buổi làm việc, Đoàn giám sát sẽ làm việc trực tiếp tại {visited_list}.",
    ],
    GSB: [
        "Đoàn giám sát đã làm việc với {agency} và khảo sát thực tế tại {visited_list}.",
        "Báo cáo kết quả giám sát chỉ rõ những kết quả đạt được, hạn chế, nguyên nhân và đề xuất "
        "nhiều kiến nghị đối với UBND tỉnh, các sở, ngành và địa phương.",
        "Đồng chí {leader}, {leader_title} đề nghị các thành viên tiếp tục theo dõi việc thực "
        "hiện các kiến nghị sau giám sát.",
    ],
    TH: [
        "Tham dự có đồng chí {leader}, {leader_title} cùng các học viên.",
        "Các học viên được trao đổi, cung cấp kiến thức về {modules_list}.",
        "{Phrase} được tổ chức {dates} tại {venue}.",
        "Qua tập huấn, các học viên nâng cao kỹ năng, nghiệp vụ, góp phần nâng cao chất lượng "
        "hoạt động của HĐND các cấp.",
    ],
    VP: [
        "Năm {report_year}, Văn phòng đã tham mưu tổ chức {n_sessions} kỳ họp của HĐND tỉnh, "
        "{n_supervisions} cuộc giám sát của Thường trực và các Ban HĐND tỉnh và {n_contacts} hội "
        "nghị tiếp xúc cử tri.",
        "Hội nghị do đồng chí {leader}, {leader_title} chủ trì.",
        "Năm {next_year}, Văn phòng tiếp tục đổi mới phương thức tham mưu, nâng cao chất lượng "
        "phục vụ hoạt động của Đoàn ĐBQH, HĐND và UBND tỉnh.",
    ],
    H: [
        "Kỳ họp do đồng chí {leader}, {leader_title} chủ trì, diễn ra {dates} tại {venue}.",
        "Kỳ họp xem xét, thông qua các nghị quyết về {plan} và {budget}.",
        "Các đại biểu tập trung thảo luận về {subjects_list}, là những nội dung cử tri "
        "{district} quan tâm.",
        "Đồng chí {second}, {second_title} đã tiếp thu, giải trình ý kiến của các đại biểu.",
    ],
    X: [
        "Kỳ họp do đồng chí {leader}, {leader_title} chủ trì.",
        "HĐND {commune} đã xem xét, thông qua {plan} và {budget}.",
        "Các đại biểu HĐND xã đã thảo luận về {subjects_list}, phản ánh ý kiến, nguyện vọng của "
        "cử tri.",
    ],
}

QUOTES = {
    S: [
        "Chất lượng nghị quyết quyết định hiệu quả hoạt động của HĐND; mỗi nghị quyết phải đi "
        "vào cuộc sống.",
        "Đại biểu phải nói được tiếng nói của cử tri tại nghị trường, thẳng thắn và có trách "
        "nhiệm.",
    ],
    TX: [
        "Mỗi kiến nghị của cử tri phải được theo dõi đến cùng, trả lời rõ ràng, không để tồn đọng.",
        "Đại biểu phải gần dân, nắm chắc tâm tư, nguyện vọng của cử tri để phản ánh kịp thời, "
        "trung thực tại kỳ họp.",
    ],
    GS: [
        "Giám sát không phải để bắt lỗi mà để cùng địa phương tháo gỡ khó khăn.",
        "Sau giám sát phải có kiến nghị cụ thể và theo dõi đến cùng việc thực hiện.",
    ],
    TCD: [
        "Tiếp công dân là để lắng nghe, giải quyết dứt điểm, không để đơn thư tồn đọng, kéo dài.",
    ],
}
QUOTES[NA] = QUOTES[TX]
QUOTES[GSL] = QUOTES[GSB] = QUOTES[GS]

# --- photos --------------------------------------------------------------------------

# Scenes of an event's photos by family: (label, composition drawn by images.render, caption).
HALL = [
    ("Quang cảnh", "wide", "Quang cảnh {phrase}."),
    ("Chủ trì", "podium", "Đồng chí {leader}, {leader_title} phát biểu tại {phrase}."),
    ("Đại biểu dự", "crowd", "Các đại biểu dự {phrase}."),
    ("Biểu quyết", "voting", "{vote_caption}"),
    ("Phát biểu", "podium", "Đồng chí {second}, {second_title} phát biểu tại {phrase}."),
    ("Thảo luận", "table", "Các đại biểu thảo luận tại {phrase}."),
    ("Bên lề", "crowd", "Các đại biểu trao đổi bên lề {phrase}."),
]
MEETING = [
    ("Quang cảnh", "wide", "Quang cảnh {phrase}."),
    ("Cử tri phát biểu", "podium", "{people_caption}"),
    ("Đại biểu phát biểu", "podium", "Đồng chí {leader}, {leader_title} phát biểu tại {phrase}."),
    ("Cử tri dự", "crowd", "{audience_caption}"),
    ("Giải trình", "podium", "Đồng chí {second}, {second_title} tiếp thu, giải trình ý kiến."),
    ("Trao đổi", "table", "Đại biểu trao đổi với cử tri tại {phrase}."),
    ("Bên lề", "crowd", "Đại biểu trò chuyện với cử tri bên lề {phrase}."),
]
FIELD = [
    ("Quang cảnh", "wide", "Quang cảnh {phrase}."),
    (
        "Trưởng đoàn phát biểu",
        "podium",
        "Đồng chí {leader}, {leader_title} phát biểu tại {phrase}.",
    ),
    ("Báo cáo", "table", "Lãnh đạo {reporting} báo cáo với Đoàn giám sát."),
    ("Khảo sát", "field", "{field_caption}"),
    ("Phát biểu", "podium", "Đồng chí {second}, {second_title} phát biểu tại buổi làm việc."),
    ("Trao đổi", "table", "Thành viên Đoàn giám sát trao đổi với cán bộ cơ sở."),
    ("Ghi nhận", "crowd", "Đoàn giám sát ghi nhận ý kiến tại {phrase}."),
]
FAMILIES = {TX: "meeting", NA: "meeting", TCD: "meeting", GS: "field", GSL: "field", GSB: "field"}
SCENES = {"hall": HALL, "meeting": MEETING, "field": FIELD}
GALLERY_KINDS = (S, TX, GS, GB, TH, NA, H)


@dataclass(frozen=True)
class Picture:
    key: tuple  # (event key, variant)
    title: str  # the image's title in the admin (stable: how load_demo finds it again)
    family: str  # "hall" | "meeting" | "field": the setting images.render draws
    scene: str  # composition for images.render
    label: str
    banner: tuple  # the lines on the backdrop: the event's
    caption: str
    alt: str
    photographer: str

    @property
    def description(self) -> str:
        return (
            f"{self.label} - ảnh tạo tự động cho dữ liệu mẫu. "
            f"Chữ trên ảnh: {' / '.join(self.banner)}"
        )


# --- the writer ------------------------------------------------------------------------


class Writer:
    """Words for one seed's events: values of each event, of its people on a day, of
    each angle's details, and its photos. Everything is cached; nothing is random."""

    def __init__(self, seed: int):
        self.seed = seed
        self.cast = cast.term_cast(seed)
        self.citizens = cast.citizen_names(seed)
        self._events: dict = {}
        self._days: dict = {}
        self._details: dict = {}
        self._pictures: dict = {}

    @cached_property
    def counts_by_year(self) -> dict:
        found = {}
        for event in calendar.term_calendar(self.seed):
            year = found.setdefault(event.start.year, {"sessions": 0, "supervisions": 0, "tx": 0})
            if event.kind == S:
                year["sessions"] += 1
            elif event.kind == GS:
                year["supervisions"] += 1
            elif event.kind == TX:
                year["tx"] += 1
        return found

    # values of an event -----------------------------------------------------------------

    def event_values(self, event) -> dict:
        found = self._events.get(event.key)
        if found is None:
            found = self._events[event.key] = self._event_values(event)
        return found

    def _event_values(self, e) -> dict:
        place = e.place
        subjects = calendar.subjects()
        v = {
            "event": e.title,
            "phrase": e.phrase,
            "Phrase": cap(e.phrase),
            "venue": e.venue,
            "host": e.host,
            "Host": cap(e.host),
            "dates": calendar.date_range(e.start, e.end),
            "dates_from": calendar.date_range(e.start, e.end).removeprefix("ngày "),
            "year": e.start.year,
            "month": e.start.month,
            "term": content.TERM,
            "place": place.label,
            "guests_list": ", ".join(e.guests),
        }
        district = calendar.district_of(e.unit)
        if district is not None:
            v.update(district=district.label, district_short=district.name)
        if place.kind in ("xa", "phuong", "thi-tran"):
            v.update(commune=place.label, commune_short=place.name)
        if e.communes:
            names = [calendar.places()[code].label for code in e.communes]
            v["communes_list"] = ", ".join(names)
        if e.subjects:
            first = subjects[e.subjects[0]]
            v.update(
                subject=first.phrase,
                subject_short=first.short,
                agency=first.agency,
                subjects_list=", ".join(subjects[k].short for k in e.subjects),
            )
        if e.kind == S:
            label = calendar.session_label(e.number)
            names = [item.name for item in e.agenda]
            v.update(
                session_l=label,
                Session_l=cap(label),
                session_l_cap=cap(label),
                n_items=len(e.agenda),
                items_list=(
                    ", ".join(names[:4]) + " và một số nội dung khác"
                    if len(names) > 4
                    else _join(names)
                ),
                items_intro="trong đó có" if len(names) > 4 else "gồm",
                n_res=len(e.resolutions),
                n_days_text={1: "một ngày", 2: "hai ngày", 3: "ba ngày"}[len(e.days)],
                delegates_present=45 + _crc(e.key) % 5,
                session_kind={
                    "thường lệ": "là kỳ họp thường lệ",
                    "chuyên đề": "là kỳ họp chuyên đề",
                    "bất thường": "là kỳ họp bất thường nhằm kịp thời quyết định những vấn đề "
                    "cấp bách",
                }[e.session_type],
                vote_caption=f"Đại biểu biểu quyết thông qua các nghị quyết tại {e.phrase}.",
            )
        else:
            v["vote_caption"] = f"Đại biểu trao đổi ý kiến tại {e.phrase}."
        if e.session:
            label = calendar.session_label(e.session)
            v.update(session_l=label, Session_l=cap(label), session_l_cap=cap(label))
        if e.stage:
            v.update(stage=e.stage, Stage=cap(e.stage))
            label = v.get("session_l", "")
            v["report"] = (
                f"Tại hội nghị, đại biểu đã thông báo với cử tri dự kiến nội dung, chương trình "
                f"{label} HĐND tỉnh."
                if e.stage == "trước"
                else f"Tại hội nghị, đại biểu đã thông báo với cử tri kết quả {label} HĐND tỉnh "
                "và các nghị quyết đã được thông qua."
            )
        if e.kind == R:
            v.update(
                committee_full=e.host,
                n_items=len(e.agenda),
                items_list=_join([item.name for item in e.agenda]),
            )
        if e.kind in (NA, GY):
            v.update(number=e.number, na_session=f"kỳ họp thứ {e.number}, Quốc hội khóa XIV")
            v["na_report"] = (
                f"Đoàn ĐBQH tỉnh đã thông báo với cử tri dự kiến nội dung, chương trình "
                f"{v['na_session']}."
                if e.stage == "trước"
                else f"Đoàn ĐBQH tỉnh đã thông báo với cử tri kết quả {v['na_session']}."
            )
        if e.kind == NA:
            v["na_promise"] = (
                f"Kiến nghị của cử tri {place.label} sẽ được gửi tới kỳ họp thứ {e.number} Quốc hội"
                if e.stage == "trước"
                else f"Sẽ theo dõi việc trả lời kiến nghị của cử tri {place.label} sau kỳ họp "
                f"thứ {e.number} Quốc hội"
            )
        if e.kind == GY:
            v["bill"] = e.items[0]
        if e.kind == GB:
            v["quarter"] = f"quý {calendar.ROMAN[e.number]}/{e.start.year}"
            v["reports_list"] = _join(sorted({subjects[s].short for _d, s in e.reports}), limit=4)
        if e.kind == ST:
            v["items_list"] = "; ".join(e.items)
        if e.kind == TH:
            v["modules_list"] = _join(list(e.items))
            v["label"] = (
                f"Tập huấn đại biểu HĐND năm {e.start.year}"
                if e.key.startswith("tap-huan-dai-bieu")
                else f"Tập huấn nghiệp vụ công tác HĐND năm {e.start.year}"
            )
        if e.kind == VP:
            counts = self.counts_by_year.get(e.number, {})
            v.update(
                report_year=e.number,
                next_year=e.number + 1,
                n_sessions=counts.get("sessions", 0),
                n_supervisions=counts.get("supervisions", 0),
                n_contacts=counts.get("tx", 0),
            )
        if e.kind in (H, X):
            v.update(half=e.items[0], plan=e.items[1], budget=e.items[2])
        if e.kind in (GS, GSL, GSB):
            visits = [
                x
                for x in calendar.term_calendar(self.seed)
                if x.programme == e.programme and x.kind == GS
            ]
            v["visited_list"] = _join([x.place.label for x in visits])
            v["reporting"] = f"UBND {v['district']}" if e.kind == GS else e.guests[0]
            if e.kind == GS and e.communes:
                field = calendar.places()[e.communes[0]].label
                v["field_caption"] = f"Đoàn giám sát kiểm tra thực tế tại {field}."
            else:
                v["field_caption"] = f"Các thành viên Đoàn giám sát làm việc tại {e.venue}."
        if e.kind == TCD:
            v["people_caption"] = "Công dân trình bày ý kiến tại buổi tiếp công dân."
            v["audience_caption"] = "Công dân đến trình bày đơn thư tại Trụ sở Tiếp công dân tỉnh."
        elif e.kind in (TX, NA):
            v["people_caption"] = f"Cử tri {v['commune']} phát biểu ý kiến tại hội nghị."
            v["audience_caption"] = f"Cử tri {v.get('communes_list', v['commune'])} dự hội nghị."
        return v

    # the people of an event on a day -----------------------------------------------------

    def day_values(self, event, day) -> dict:
        key = (event.key, day)
        found = self._days.get(key)
        if found is None:
            found = self._days[key] = self._day_values(event, day)
        return found

    def attendees(self, event, day):
        return self.cast.attendees(event, day)

    def _day_values(self, e, day) -> dict:
        people = self.attendees(e, day)
        leader = people[0]
        second = people[1] if len(people) > 1 else people[0]
        v = {
            "day": day_text(day),
            "leader": leader.name,
            "leader_title": self.cast.title(leader.key, day),
            "second": second.name,
            "second_title": self.cast.title(second.key, day),
        }
        v["Leader_title"] = cap(v["leader_title"])
        if e.kind == S:
            ubnd = self.cast.holder("chu-tich-ubnd", day)
            v.update(ubnd=ubnd.name, ubnd_title="Chủ tịch UBND tỉnh")
        if e.stage and e.kind == TX:
            label = v.get("session_l") or calendar.session_label(e.session)
            v["promise"] = (
                f"Kiến nghị của cử tri {e.place.label} sẽ được phản ánh tại {label}"
                if e.stage == "trước"
                else f"Sẽ theo dõi việc giải quyết kiến nghị của cử tri {e.place.label} sau {label}"
            )
        return v

    # details ---------------------------------------------------------------------------

    def day_for(self, angle, event, rng_value: float) -> datetime.date:
        days = event.days
        if angle.day == "start":
            return days[0]
        if angle.day == "end":
            return days[-1]
        if angle.day == "middle":
            return days[1] if len(days) > 2 else days[0]
        return days[int(rng_value * len(days))]

    def applies(self, angle, event) -> bool:
        if event.kind not in angle.kinds:
            return False
        if angle.only == "regular":
            return len(event.days) >= 2
        if angle.only == "questioned":
            return bool(event.questioned)
        if angle.only == "elections":
            return bool(event.elections)
        return True

    def details(self, angle, event) -> Sequence:
        key = (angle.details, event.key)
        found = self._details.get(key)
        if found is None:
            found = self._details[key] = getattr(self, f"_details_{angle.details}")(event)
        return found

    def _details_one(self, e):
        return ({},)

    def _details_resolutions(self, e):
        return [
            {
                **_item_values(r.item),
                "res_number": r.number,
                "res_date": day_text(r.adopted),
            }
            for r in e.resolutions
        ]

    def _details_agenda(self, e):
        return [_item_values(item) for item in e.agenda]

    def _details_group_agenda(self, e):
        places = calendar.places()
        return [
            {**_item_values(item), "group_district": places[code].label}
            for item in e.agenda
            for code in calendar.district_codes()
        ]

    def _session_delegates(self, e, day):
        found = []
        for code in calendar.district_codes():
            for person in self.cast.holders(f"dai-bieu:{code}", day):
                found.append((person, code))
        return found

    def _answers(self, e):
        found = []
        for agency in e.questioned:
            head = self.cast.holder(f"thu-truong:{cast.agency_key(agency)}", e.days[-1])
            subject = next(
                (s.short for s in calendar.subjects().values() if s.agency == agency),
                "các lĩnh vực phụ trách",
            )
            topic = next(
                (s.topic for s in calendar.subjects().values() if s.agency == agency), None
            )
            found.append(
                {
                    "agency": agency,
                    "agency_head_title": dict(content.AGENCIES)[agency],
                    "Agency_head_title": dict(content.AGENCIES)[agency],
                    "agency_head": head.name,
                    "q_subject": subject,
                    "_topic": topic if topic in e.topics else None,
                }
            )
        return found

    def _details_answers(self, e):
        return self._answers(e)

    def _details_questions(self, e):
        day = e.days[1] if len(e.days) > 2 else e.days[0]
        delegates = self._session_delegates(e, day)
        places = calendar.places()
        found = []
        for position, answer in enumerate(self._answers(e)):
            for person, code in delegates[position::3][:6]:
                found.append(
                    {**answer, "asker": person.name, "asker_group": f"Tổ {places[code].label}"}
                )
        return found

    def _details_interviews(self, e):
        day = e.days[-1]
        found = []
        for item in e.agenda:
            roles = ["chu-tich", "pho-chu-tich#1", "pho-chu-tich#2"]
            if item.committee:
                roles.insert(0, f"truong-ban:{item.committee}")
            for role in roles:
                person = self.cast.holder(role, day)
                if person:
                    found.append(
                        {
                            **_item_values(item),
                            "person": person.name,
                            "person_title": self.cast.title(person.key, day),
                        }
                    )
        return found

    def _details_opinions(self, e):
        day = e.days[-1]
        places = calendar.places()
        delegates = self._session_delegates(e, day)
        return [
            {
                **_item_values(item),
                "delegate": person.name,
                "delegate_group": f"Tổ đại biểu {places[code].label}",
            }
            for person, code in delegates
            for item in e.agenda
        ]

    def _details_elections(self, e):
        day = e.days[-1]
        found = []
        for role in e.elections:
            person = self.cast.holder(role, day)
            found.append(
                {
                    "elected": person.name,
                    "honorific": person.honorific,
                    "role_title": cast.roles()[role].title,
                    "_topic": None,
                }
            )
        return found

    def _details_photos(self, e):
        values = self.event_values(e)
        label, days = values["session_l"], e.days
        found = [{"photo": f"Khai mạc {label} HĐND tỉnh khóa IX", "_day": days[0], "_scene": 0}]
        if len(days) > 1:
            found.append(
                {"photo": f"Ngày làm việc thứ hai của {label}", "_day": days[1], "_scene": 2}
            )
            found.append({"photo": f"Bế mạc {label} HĐND tỉnh khóa IX", "_day": days[-1]})
        found.append(
            {
                "photo": f"Đại biểu biểu quyết thông qua các nghị quyết tại {label}",
                "_day": days[-1],
                "_scene": 3,
            }
        )
        if e.questioned:
            found.append(
                {
                    "photo": f"Phiên chất vấn và trả lời chất vấn tại {label}",
                    "_day": days[1] if len(days) > 2 else days[0],
                    "_scene": 4,
                }
            )
            for code in calendar.district_codes():
                found.append(
                    {
                        "photo": f"Tổ đại biểu {calendar.places()[code].label} thảo luận tại "
                        f"{label}",
                        "_day": days[0],
                        "_scene": 5,
                    }
                )
        return found

    def _citizens(self, e, communes):
        subjects = e.subjects or tuple(
            s.key for s in calendar.subjects().values() if s.at_receptions and s.applies(e.start)
        )
        return Citizens(self.citizens, communes, subjects, _crc(self.seed, e.key))

    def _details_citizens(self, e):
        return _WithVox(self._citizens(e, e.communes or (e.unit,)), e)

    def _details_resolution_citizens(self, e):
        communes = [
            p.code for p in calendar.places().values() if p.kind in ("xa", "phuong", "thi-tran")
        ]
        people = self._citizens(e, tuple(communes))
        return _Product(people, self._details_resolutions(e))

    def _details_subjects(self, e):
        return [_subject_values(key) for key in e.subjects]

    def _details_delegates(self, e):
        day = e.start
        people = self.attendees(e, day)
        return [
            {"delegate": p.name, "delegate_title": self.cast.title(p.key, day), "_topic": None}
            for p in people
        ]

    def _details_delegate_subjects(self, e):
        return [
            {**delegate, **subject}
            for delegate in self._details_delegates(e)
            for subject in self._details_subjects(e)
        ]

    def _details_reports(self, e):
        places = calendar.places()
        return [
            {
                **_subject_values(subject),
                "r_district": places[code].label,
                "_topic": None,
            }
            for code, subject in e.reports
        ]

    def _details_field_communes(self, e):
        return [{"f_commune": calendar.places()[code].label} for code in e.communes]

    def _details_guests(self, e):
        return [{"guest": guest, "Guest": cap(guest)} for guest in e.guests]

    def _details_items(self, e):
        return [{"item": item} for item in e.items]

    def _details_local_items(self, e):
        return [{"item": item} for item in e.items[1:]]

    def _details_modules(self, e):
        return [{"module": module, "Module": cap(module)} for module in e.items]

    def _details_people(self, e):
        day = e.start
        return [
            {
                "person": p.name,
                "person_title": self.cast.title(p.key, day),
                "Person_title": cap(self.cast.title(p.key, day)),
            }
            for p in self.attendees(e, day)
        ]

    # assembling -----------------------------------------------------------------------

    def values(self, event, day, detail) -> dict:
        """What templates may name: the detail's values, then the day's, then the event's."""
        return _Layered(detail, self.day_values(event, day), self.event_values(event))

    def topics(self, event, detail) -> tuple:
        own = calendar.KIND_TOPICS[event.kind]
        topic = detail.get("_topic")
        if topic and topic in event.topics and topic not in own:
            return (*own, topic)
        if "_topic" in detail:
            return own
        extra = [t for t in event.topics if t not in own][:1]
        return (*own, *extra)

    # photos -----------------------------------------------------------------------------

    def picture(self, event, variant: int) -> Picture:
        key = (event.key, variant)
        found = self._pictures.get(key)
        if found is None:
            found = self._pictures[key] = self._picture(event, variant)
        return found

    def _picture(self, event, variant) -> Picture:
        family = FAMILIES.get(event.kind, "hall")
        scenes = SCENES[family]
        label, scene, caption = scenes[variant % len(scenes)]
        values = self.values(event, event.start, {})
        caption = cap(caption.format_map(values))
        district = calendar.district_of(event.unit)
        photographers = self.cast.holders("nhiep-anh", event.start)
        if district is not None and event.kind in (H, X, TX):
            photographers = self.cast.holders(f"cong-tac-vien:{district.code}", event.start)
        photographer = photographers[_crc(event.key, variant) % len(photographers)]
        return Picture(
            key=(event.key, variant),
            title=f"{event.title} - ảnh {variant + 1}"[:255],
            family=family,
            scene=scene,
            label=label,
            banner=event.banner,
            caption=caption,
            alt=f"Ảnh: {caption.rstrip('.')}"[:255],
            photographer=photographer.name,
        )


class _Layered(dict):
    """A detail's values, falling back to its day's, then its event's (no copying)."""

    __slots__ = ("day", "event")

    def __init__(self, detail, day, event):
        super().__init__(detail)
        self.day, self.event = day, event

    def __missing__(self, key):
        if key in self.day:
            return self.day[key]
        return self.event[key]


class _Product(Sequence):
    """Every pair of two sequences, the second varying fastest."""

    def __init__(self, first, second):
        self.first, self.second = first, list(second)

    def __len__(self):
        return len(self.first) * len(self.second)

    def __getitem__(self, k):
        i, j = divmod(k, len(self.second))
        return {**self.first[i], **self.second[j]}


class _WithVox(Sequence):
    """Citizens of an event, with what a voter tells the reporter before or after."""

    def __init__(self, people, event):
        self.people, self.event = people, event

    def __len__(self):
        return len(self.people)

    def __getitem__(self, k):
        found = self.people[k]
        e = self.event
        if e.kind == TX:
            label = calendar.session_label(e.session)
            found["vox"] = (
                f"Mong {label} quan tâm đến {found['c_subject_short']}"
                if e.stage == "trước"
                else f"Mong sớm có kết quả về {found['c_subject_short']} sau {label}"
            )
        return found


def _join(names, limit=None) -> str:
    names = list(names)[:limit] if limit else list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " và " + names[-1]


def angles_by_genre() -> dict:
    found = {}
    for angle in ANGLES:
        found.setdefault(angle.genre, []).append(angle)
    return found
