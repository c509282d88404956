"""Vocabulary of the demo portal: HĐND tỉnh Bắc Kạn, khóa IX (2016-2021).

People are fictional; places and institutions are real. Everything here is
plain data so that the generators stay deterministic.
"""

PROVINCE = "Bắc Kạn"
TERM = "khóa IX, nhiệm kỳ 2016-2021"

# (title, is_archive, intro)
CATEGORIES = [
    ("Thường trực HĐND", False, "Hoạt động của Thường trực Hội đồng nhân dân tỉnh."),
    ("Các Ban HĐND", False, "Hoạt động của các Ban của Hội đồng nhân dân tỉnh."),
    (
        "Văn phòng Đoàn ĐBQH-HĐND-UBND",
        False,
        "Hoạt động của Văn phòng Đoàn đại biểu Quốc hội, Hội đồng nhân dân và "
        "Ủy ban nhân dân tỉnh.",
    ),
    ("Đoàn ĐBQH", False, "Hoạt động của Đoàn đại biểu Quốc hội tỉnh Bắc Kạn."),
    (
        "HĐND cấp huyện",
        True,
        "Lưu trữ: hoạt động của HĐND các huyện, thành phố (cấp huyện kết thúc ngày 01/7/2025).",
    ),
    ("HĐND cấp xã", False, "Hoạt động của HĐND các xã, phường, thị trấn."),
    (
        "Tiếng nói người đại biểu nhân dân",
        False,
        "Chuyên mục dành cho ý kiến, bài viết của đại biểu dân cử.",
    ),
]

# (name, weight of articles in this genre)
GENRES = [
    ("Tin", 32),
    ("Bài", 22),
    ("Ảnh / Phóng sự ảnh", 18),
    ("Trả lời bạn đọc", 18),
    ("Phỏng vấn", 5),
    ("Bình luận, chuyên luận", 5),
]

# Districts (GSO code, name with its kind) and the demo communes under them.
DISTRICTS = [
    ("058", "thành phố Bắc Kạn"),
    ("060", "huyện Pác Nặm"),
    ("061", "huyện Ba Bể"),
    ("062", "huyện Ngân Sơn"),
    ("063", "huyện Bạch Thông"),
    ("064", "huyện Chợ Đồn"),
    ("065", "huyện Chợ Mới"),
    ("066", "huyện Na Rì"),
]

SESSIONS = [
    "Kỳ họp thứ 11",
    "Kỳ họp thứ 12",
    "Kỳ họp thứ 13 (bất thường)",
    "Kỳ họp thứ 14",
    "Kỳ họp thứ 15",
    "Kỳ họp thứ 16 (chuyên đề)",
]

COMMITTEES = [
    "Ban Pháp chế",
    "Ban Kinh tế - Ngân sách",
    "Ban Văn hóa - Xã hội",
    "Ban Dân tộc",
]

AGENCIES = [
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Tài nguyên và Môi trường",
    "Sở Giao thông vận tải",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Kế hoạch và Đầu tư",
    "Sở Tài chính",
    "Công an tỉnh",
    "Bảo hiểm xã hội tỉnh",
    "Ban Dân tộc tỉnh",
]

SUBJECTS = [
    "việc thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "công tác giải quyết khiếu nại, tố cáo của công dân",
    "việc thực hiện chính sách hỗ trợ đồng bào dân tộc thiểu số",
    "công tác quản lý, bảo vệ rừng",
    "việc đầu tư xây dựng các công trình giao thông nông thôn",
    "công tác khám, chữa bệnh và bảo hiểm y tế",
    "việc sắp xếp, sáp nhập trường lớp",
    "công tác giảm nghèo bền vững",
    "việc quản lý, sử dụng đất đai",
    "công tác phòng, chống dịch Covid-19",
    "việc thực hiện chính sách đối với người có công",
    "công tác bảo vệ môi trường hồ Ba Bể",
    "tiến độ giải ngân vốn đầu tư công",
    "việc phát triển sản phẩm OCOP",
    "công tác cải cách hành chính",
]

ACTIVITIES = [
    "tiếp xúc cử tri trước kỳ họp",
    "tiếp xúc cử tri sau kỳ họp",
    "giám sát",
    "khảo sát",
    "tập huấn kỹ năng hoạt động cho đại biểu HĐND",
    "giao ban Thường trực HĐND",
    "tiếp công dân định kỳ",
]

TOPICS = [
    "Kỳ họp HĐND",
    "Tiếp xúc cử tri",
    "Giám sát",
    "Khảo sát",
    "Tiếp công dân",
    "Đơn thư",
    "Nông thôn mới",
    "Giảm nghèo",
    "Ngân sách",
    "Đầu tư công",
    "Giáo dục",
    "Y tế",
    "Môi trường",
    "Dân tộc",
    "Cải cách hành chính",
    "Đại biểu dân cử",
    "Phòng chống Covid-19",
    "Bầu cử",
    "Hồ Ba Bể",
    "Quốc hội",
]

FAMILY_NAMES = [
    "Nguyễn",
    "Hoàng",
    "Lý",
    "Nông",
    "Hà",
    "Triệu",
    "Ma",
    "Lục",
    "Đàm",
    "Bế",
    "Dương",
    "Phạm",
    "Trần",
    "Lưu",
    "Hứa",
    "Đinh",
]
MIDDLE_NAMES = ["Văn", "Thị", "Đức", "Minh", "Thu", "Thanh", "Hồng", "Quang", "Xuân", "Ngọc"]
GIVEN_NAMES = [
    "Hùng",
    "Lan",
    "Hương",
    "Tuấn",
    "Thắng",
    "Hoa",
    "Bình",
    "Dũng",
    "Thủy",
    "Sơn",
    "Hải",
    "Nga",
    "Mai",
    "Cường",
    "Phong",
    "Quyên",
    "Thoa",
    "Tâm",
    "Lâm",
    "Khánh",
    "Duyên",
    "Chiến",
]

POSITIONS = [
    "Chủ tịch HĐND tỉnh",
    "Phó Chủ tịch HĐND tỉnh",
    "Trưởng Ban Pháp chế HĐND tỉnh",
    "Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh",
    "Trưởng Ban Văn hóa - Xã hội HĐND tỉnh",
    "Trưởng Ban Dân tộc HĐND tỉnh",
    "Phó Trưởng đoàn chuyên trách Đoàn ĐBQH tỉnh",
    "Chánh Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh",
    "đại biểu HĐND tỉnh",
]

STAFF_UNIT = "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"

PHOTOGRAPHERS_UNIT = "Phòng Công tác HĐND"

RELATED_AGENCIES = [
    ("Quốc hội nước CHXHCN Việt Nam", "https://quochoi.vn"),
    ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn"),
    ("Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn"),
    ("Cổng thông tin điện tử tỉnh Bắc Kạn (UBND tỉnh)", "https://backan.gov.vn"),
    ("Báo Bắc Kạn", "https://baobackan.org.vn"),
]

SITE_FOOTER = {
    "portal_name": "Trang thông tin điện tử HĐND tỉnh Bắc Kạn",
    "governing_body": "Hội đồng nhân dân tỉnh Bắc Kạn",
    "responsible_person": "Hoàng Văn Bình - Chánh Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh",
    "address": "Tổ 1, phường Đức Xuân, thành phố Bắc Kạn, tỉnh Bắc Kạn",
    "phone": "0209 3870 000",
    "email": "vanphong@hdnd.backan.example",
    "licence": (
        "Giấy phép số 01/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Bắc Kạn cấp ngày "
        "15/01/2018 (dữ liệu minh họa)"
    ),
}

# Title templates per category key (the category's position in CATEGORIES).
# Placeholders: {session} {committee} {agency} {subject} {activity} {district}
# {district_short} {commune} {year} {person} {position}
TITLES = {
    0: [
        "Thường trực HĐND tỉnh giao ban với Thường trực HĐND {district}",
        "Thường trực HĐND tỉnh cho ý kiến chuẩn bị {session_lower}",
        "Thường trực HĐND tỉnh giám sát {subject}",
        "Phiên họp Thường trực HĐND tỉnh tháng {month}/{year}",
        "Thường trực HĐND tỉnh làm việc với {agency}",
        "Giao ban Thường trực HĐND tỉnh với các huyện Ba Bể, Chợ Mới quý {quarter}/{year}",
        "Thường trực HĐND tỉnh tiếp công dân định kỳ tháng {month}/{year}",
        "Bế mạc {session_lower} HĐND tỉnh {term}",
        "Khai mạc {session_lower} HĐND tỉnh {term}",
        "{session} HĐND tỉnh thông qua {count} nghị quyết",
    ],
    1: [
        "{committee} HĐND tỉnh giám sát {subject} tại {district}",
        "{committee} HĐND tỉnh thẩm tra các dự thảo nghị quyết trình {session_lower}",
        "{committee} HĐND tỉnh khảo sát {subject}",
        "{committee} làm việc với {agency} về {subject}",
        "Kết quả giám sát của {committee} HĐND tỉnh năm {year}",
    ],
    2: [
        "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh triển khai nhiệm vụ năm {year}",
        "Tập huấn nghiệp vụ cho cán bộ tham mưu, giúp việc HĐND năm {year}",
        "Hội nghị tổng kết công tác năm {year} của Văn phòng",
        "Tập huấn kỹ năng hoạt động cho đại biểu HĐND các cấp tại {district}",
        "Văn phòng tổ chức hội nghị cán bộ, công chức, viên chức năm {year}",
    ],
    3: [
        "Đoàn ĐBQH tỉnh tiếp xúc cử tri {district} trước kỳ họp Quốc hội",
        "Đoàn ĐBQH tỉnh tiếp xúc cử tri {district} sau kỳ họp Quốc hội",
        "Đoàn ĐBQH tỉnh giám sát {subject}",
        "Đại biểu Quốc hội tỉnh Bắc Kạn tham gia góp ý dự án luật",
        "Đoàn ĐBQH tỉnh làm việc với {agency}",
    ],
    4: [
        "HĐND {district} tổ chức kỳ họp cuối năm {year}",
        "HĐND {district} giám sát {subject}",
        "Thường trực HĐND {district} giao ban quý {quarter}/{year}",
        "Đại biểu HĐND {district} tiếp xúc cử tri xã {commune}",
        "HĐND {district} tổ chức kỳ họp giữa năm {year}",
    ],
    5: [
        "HĐND xã {commune} ({district_short}) tổ chức kỳ họp thường lệ",
        "HĐND xã {commune} giám sát {subject}",
        "Đại biểu HĐND xã {commune} tiếp xúc cử tri",
        "Xã {commune} nâng cao chất lượng hoạt động của HĐND",
    ],
    6: [
        "Đại biểu dân cử với {subject}",
        "Nâng cao chất lượng chất vấn tại kỳ họp HĐND",
        "Người đại biểu và lời hứa với cử tri {district_short}",
        "Để hoạt động tiếp xúc cử tri thực chất hơn",
        "Đại biểu HĐND tỉnh trăn trở về {subject}",
    ],
}

READER_TITLES = [
    "Trả lời bạn đọc: Chế độ phụ cấp đối với đại biểu HĐND cấp xã",
    "Trả lời bạn đọc: Thủ tục gửi đơn kiến nghị đến HĐND tỉnh",
    "Cử tri {district_short} hỏi về {subject}, {agency} trả lời",
    "Trả lời kiến nghị của cử tri xã {commune} về {subject}",
    "Trả lời bạn đọc về lịch tiếp công dân của đại biểu HĐND tỉnh",
]

PHOTO_TITLES = [
    "Ảnh: {session} HĐND tỉnh {term}",
    "Phóng sự ảnh: Đại biểu HĐND tỉnh tiếp xúc cử tri {district}",
    "Ảnh: {committee} HĐND tỉnh giám sát tại {district}",
    "Phóng sự ảnh: Xã {commune} đổi thay",
    "Ảnh: Hồ Ba Bể mùa {season}",
]

INTERVIEW_TITLES = [
    "Phỏng vấn {position} {person} về kết quả {session_lower}",
    "{position} {person}: Cử tri quan tâm nhiều đến {subject}",
]

OPINION_TITLES = [
    "Bàn về {subject}",
    "Nâng cao hiệu quả giám sát của HĐND các cấp",
]

LEADS = [
    "Ngày {day}, {actor} đã tổ chức {activity} tại {district}. Nội dung tập trung vào {subject}.",
    "Trong khuôn khổ chương trình công tác năm {year}, {actor} đã làm việc với {agency} "
    "về {subject}.",
    "Thực hiện Nghị quyết của HĐND tỉnh {term}, ngày {day}, {actor} đã {activity} tại {district}.",
    "Ngày {day}, tại Hội trường Trung tâm Hội nghị tỉnh, {session} HĐND tỉnh {term} "
    "đã khai mạc với sự tham dự của {count_delegates} đại biểu.",
]

PARAGRAPHS = [
    "Dự buổi làm việc có đồng chí {person}, {position}; đại diện lãnh đạo {agency}, "
    "Thường trực HĐND, UBND {district} và các xã trên địa bàn.",
    "Theo báo cáo, năm {year}, {district} đã triển khai đồng bộ các giải pháp về "
    "{subject}, đạt nhiều kết quả tích cực; tuy nhiên vẫn còn một số khó khăn, vướng mắc "
    "cần được tháo gỡ.",
    "Tại buổi làm việc, các thành viên đoàn đã trao đổi, làm rõ nhiều nội dung liên quan "
    "đến {subject}, đồng thời đề nghị địa phương tiếp tục rà soát, báo cáo cụ thể.",
    "Phát biểu kết luận, đồng chí {person}, {position} ghi nhận những kết quả đã đạt được, "
    "đề nghị {agency} phối hợp chặt chẽ với các địa phương để giải quyết dứt điểm các kiến "
    "nghị của cử tri.",
    "Cử tri xã {commune} phản ánh một số nội dung về {subject}; các ý kiến đã được đại "
    "diện lãnh đạo các sở, ngành trả lời, giải thích ngay tại hội nghị.",
    "Kết thúc đợt {activity}, đoàn sẽ tổng hợp kết quả, báo cáo Thường trực HĐND tỉnh "
    "xem xét trình tại {session_lower}.",
    "Các kiến nghị chưa được giải quyết tại hội nghị sẽ được tổng hợp, chuyển đến cơ "
    "quan có thẩm quyền xem xét, trả lời cử tri theo quy định.",
    "Trong năm {year}, HĐND tỉnh đã ban hành {count} nghị quyết, trong đó có nhiều nghị "
    "quyết quan trọng liên quan trực tiếp đến đời sống của nhân dân.",
]

QUOTES = [
    "Đại biểu phải gần dân, nắm chắc tâm tư, nguyện vọng của cử tri để phản ánh kịp thời, "
    "trung thực tại kỳ họp.",
    "Mỗi kiến nghị của cử tri phải được theo dõi đến cùng, trả lời rõ ràng, không để tồn đọng.",
    "Giám sát không phải để bắt lỗi mà để cùng địa phương tháo gỡ khó khăn.",
    "Chất lượng nghị quyết quyết định hiệu quả hoạt động của HĐND.",
]

IMAGE_SCENES = [
    ("Hội trường kỳ họp", "hall"),
    ("Tiếp xúc cử tri", "meeting"),
    ("Phong cảnh Bắc Kạn", "landscape"),
]

PHOTO_CAPTIONS = [
    "Quang cảnh {event}.",
    "Đồng chí {person}, {position} phát biểu tại {event}.",
    "Cử tri xã {commune} phát biểu ý kiến.",
    "Đoàn giám sát làm việc tại {district}.",
    "Các đại biểu biểu quyết thông qua nghị quyết.",
]

SEASONS = ["xuân", "hạ", "thu", "đông"]

GALLERY_TITLES = [
    "Thư viện ảnh: {session} HĐND tỉnh {term}",
    "Thư viện ảnh: Tiếp xúc cử tri tại {district} năm {year}",
    "Thư viện ảnh: Giám sát {subject_short} tại {district}",
    "Thư viện ảnh: Hoạt động của HĐND tỉnh năm {year}",
]

SUBJECTS_SHORT = [
    "nông thôn mới",
    "giảm nghèo",
    "giáo dục",
    "y tế",
    "đầu tư công",
    "bảo vệ rừng",
]

BANNERS = [
    ("Kỳ họp thứ 14 HĐND tỉnh khóa IX, nhiệm kỳ 2016-2021", 0),
    ("Tiếp xúc cử tri trước Kỳ họp thứ 14", 3),
    ("Hội nghị giao ban Thường trực HĐND tỉnh với Thường trực HĐND cấp huyện", 0),
]

# Quick links name where they go and point at the page itself (they follow a move
# and vanish while it is hidden): (title, None for the news index or the title of a
# category). The council's and oversight's sections add theirs when they exist.
QUICK_LINKS = [
    ("Tin tức", None),
    ("Tiếng nói người đại biểu", "Tiếng nói người đại biểu nhân dân"),
]
# Links earlier demo data made to news categories under the names of sections that
# did not exist yet; load_demo removes them.
RETIRED_QUICK_LINKS = {
    ("Văn bản, tài liệu kỳ họp", "/tin-tuc/thuong-truc-hdnd/"),
    ("Lịch tiếp công dân", "/tin-tuc/van-phong-doan-dbqh-hdnd-ubnd/"),
    ("Thống kê đơn thư", "/tin-tuc/cac-ban-hdnd/"),
}

# Demo accounts: (username, first name, last name, is_superuser, group, author unit)
USERS = [
    ("bientap", "Thu", "Hoàng Thị", False, "Thư ký", STAFF_UNIT),
    ("thuky", "Minh", "Nông Văn", False, "Thư ký", STAFF_UNIT),
    ("truongban", "Hải", "Lý Đức", False, "Ban Biên tập", STAFF_UNIT),
    ("ctv.babe", "Hoa", "Triệu Thị", False, "Cộng tác viên", "Cộng tác viên - huyện Ba Bể"),
    ("ctv.chomoi", "Tuấn", "Ma Văn", False, "Cộng tác viên", "Cộng tác viên - huyện Chợ Mới"),
]
