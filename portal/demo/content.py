"""Vocabulary of the demo portal: HĐND tỉnh Bắc Kạn, khóa IX (2016-2021).

People are fictional; places and institutions are real. Everything here is
plain data so that the generators (:mod:`portal.demo.calendar`,
:mod:`portal.demo.cast`, :mod:`portal.demo.stories`) stay deterministic.
"""

PROVINCE = "Bắc Kạn"
TERM = "khóa IX, nhiệm kỳ 2016-2021"
TERM_SHORT = "khóa IX"

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

# Districts (GSO code, name with its kind); their communes come from the
# administrative-unit fixture (portal/core/fixtures/administrative_units.json).
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
# Seats of the provincial council elected in each district (50 in all).
DELEGATE_SEATS = {
    "058": 8,
    "060": 5,
    "061": 6,
    "062": 5,
    "063": 6,
    "064": 7,
    "065": 6,
    "066": 7,
}

# The council's committees: (key, name).
COMMITTEES = [
    ("phap-che", "Ban Pháp chế"),
    ("kinh-te-ngan-sach", "Ban Kinh tế - Ngân sách"),
    ("van-hoa-xa-hoi", "Ban Văn hóa - Xã hội"),
    ("dan-toc", "Ban Dân tộc"),
]

# Agencies of the province: (name, title of its head).
AGENCIES = [
    ("Sở Y tế", "Giám đốc Sở Y tế"),
    ("Sở Giáo dục và Đào tạo", "Giám đốc Sở Giáo dục và Đào tạo"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "Giám đốc Sở Nông nghiệp và Phát triển nông thôn"),
    ("Sở Tài nguyên và Môi trường", "Giám đốc Sở Tài nguyên và Môi trường"),
    ("Sở Giao thông vận tải", "Giám đốc Sở Giao thông vận tải"),
    ("Sở Lao động - Thương binh và Xã hội", "Giám đốc Sở Lao động - Thương binh và Xã hội"),
    ("Sở Kế hoạch và Đầu tư", "Giám đốc Sở Kế hoạch và Đầu tư"),
    ("Sở Tài chính", "Giám đốc Sở Tài chính"),
    ("Sở Nội vụ", "Giám đốc Sở Nội vụ"),
    ("Sở Tư pháp", "Giám đốc Sở Tư pháp"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Giám đốc Sở Văn hóa, Thể thao và Du lịch"),
    ("Công an tỉnh", "Giám đốc Công an tỉnh"),
    ("Thanh tra tỉnh", "Chánh Thanh tra tỉnh"),
    ("Bảo hiểm xã hội tỉnh", "Giám đốc Bảo hiểm xã hội tỉnh"),
    ("Ban Dân tộc tỉnh", "Trưởng Ban Dân tộc tỉnh"),
    ("Cục Thuế tỉnh", "Cục trưởng Cục Thuế tỉnh"),
    ("Cục Thi hành án dân sự tỉnh", "Cục trưởng Cục Thi hành án dân sự tỉnh"),
]

# What the council supervises and voters raise:
# (key, phrase, short form, topic, committee key, agency, first day "YYYY-MM-DD" or
# None, districts it concerns or None for all, raised at citizen receptions).
# fmt: off
SUBJECTS = [
    # Ban Pháp chế
    ("khieu-nai", "công tác giải quyết khiếu nại, tố cáo của công dân",
     "giải quyết khiếu nại, tố cáo", "Đơn thư", "phap-che", "Thanh tra tỉnh", None, None, True),
    ("cai-cach-hanh-chinh", "công tác cải cách hành chính", "cải cách hành chính",
     "Cải cách hành chính", "phap-che", "Sở Nội vụ", None, None, False),
    ("an-ninh-trat-tu", "công tác bảo đảm an ninh, trật tự ở cơ sở", "an ninh, trật tự ở cơ sở",
     "An ninh trật tự", "phap-che", "Công an tỉnh", None, None, False),
    ("an-toan-giao-thong", "công tác bảo đảm trật tự, an toàn giao thông",
     "trật tự, an toàn giao thông", "An ninh trật tự", "phap-che", "Công an tỉnh", None, None,
     False),
    ("ma-tuy", "công tác phòng, chống ma túy", "phòng, chống ma túy", "An ninh trật tự",
     "phap-che", "Công an tỉnh", None, None, False),
    ("thi-hanh-an", "công tác thi hành án dân sự", "thi hành án dân sự", "Tư pháp", "phap-che",
     "Cục Thi hành án dân sự tỉnh", None, None, True),
    ("pho-bien-phap-luat", "công tác phổ biến, giáo dục pháp luật", "phổ biến, giáo dục pháp luật",
     "Tư pháp", "phap-che", "Sở Tư pháp", None, None, False),
    ("can-bo-khong-chuyen-trach", "việc thực hiện chế độ đối với người hoạt động không chuyên "
     "trách ở cấp xã", "chế độ người hoạt động không chuyên trách cấp xã", "Cải cách hành chính",
     "phap-che", "Sở Nội vụ", None, None, True),
    # Ban Kinh tế - Ngân sách
    ("nong-thon-moi", "việc thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
     "xây dựng nông thôn mới", "Nông thôn mới", "kinh-te-ngan-sach",
     "Sở Nông nghiệp và Phát triển nông thôn", None, None, False),
    ("giai-ngan", "tiến độ giải ngân vốn đầu tư công", "giải ngân vốn đầu tư công", "Đầu tư công",
     "kinh-te-ngan-sach", "Sở Kế hoạch và Đầu tư", None, None, False),
    ("giao-thong-nong-thon", "việc đầu tư xây dựng các công trình giao thông nông thôn",
     "đường giao thông nông thôn", "Đầu tư công", "kinh-te-ngan-sach", "Sở Giao thông vận tải",
     None, None, False),
    ("dat-dai", "việc quản lý, sử dụng đất đai", "quản lý, sử dụng đất đai", "Đất đai",
     "kinh-te-ngan-sach", "Sở Tài nguyên và Môi trường", None, None, True),
    ("ocop", "việc phát triển sản phẩm OCOP", "phát triển sản phẩm OCOP", "Nông thôn mới",
     "kinh-te-ngan-sach", "Sở Nông nghiệp và Phát triển nông thôn", "2019-01-01", None, False),
    ("thu-ngan-sach", "công tác thu ngân sách nhà nước trên địa bàn", "thu ngân sách nhà nước",
     "Ngân sách", "kinh-te-ngan-sach", "Cục Thuế tỉnh", None, None, False),
    ("bao-ve-rung", "công tác quản lý, bảo vệ rừng", "quản lý, bảo vệ rừng", "Môi trường",
     "kinh-te-ngan-sach", "Sở Nông nghiệp và Phát triển nông thôn", None, None, False),
    ("nuoc-sach", "việc cung cấp nước sạch cho người dân nông thôn", "nước sạch nông thôn",
     "Nông thôn mới", "kinh-te-ngan-sach", "Sở Nông nghiệp và Phát triển nông thôn", None, None,
     False),
    ("giai-phong-mat-bang", "công tác bồi thường, hỗ trợ giải phóng mặt bằng",
     "bồi thường, giải phóng mặt bằng", "Đất đai", "kinh-te-ngan-sach",
     "Sở Tài nguyên và Môi trường", None, None, True),
    # Ban Văn hóa - Xã hội
    ("y-te", "công tác khám, chữa bệnh và bảo hiểm y tế", "khám, chữa bệnh và bảo hiểm y tế",
     "Y tế", "van-hoa-xa-hoi", "Sở Y tế", None, None, True),
    ("truong-lop", "việc sắp xếp, sáp nhập trường lớp", "sắp xếp, sáp nhập trường lớp",
     "Giáo dục", "van-hoa-xa-hoi", "Sở Giáo dục và Đào tạo", None, None, False),
    ("giam-ngheo", "công tác giảm nghèo bền vững", "giảm nghèo bền vững", "Giảm nghèo",
     "van-hoa-xa-hoi", "Sở Lao động - Thương binh và Xã hội", None, None, False),
    ("nguoi-co-cong", "việc thực hiện chính sách đối với người có công",
     "chính sách đối với người có công", "Người có công", "van-hoa-xa-hoi",
     "Sở Lao động - Thương binh và Xã hội", None, None, True),
    ("covid", "công tác phòng, chống dịch Covid-19", "phòng, chống dịch Covid-19",
     "Phòng chống Covid-19", "van-hoa-xa-hoi", "Sở Y tế", "2020-02-01", None, False),
    ("dao-tao-nghe", "công tác đào tạo nghề cho lao động nông thôn",
     "đào tạo nghề cho lao động nông thôn", "Lao động - việc làm", "van-hoa-xa-hoi",
     "Sở Lao động - Thương binh và Xã hội", None, None, False),
    ("ho-ba-be", "công tác bảo vệ môi trường hồ Ba Bể", "bảo vệ môi trường hồ Ba Bể", "Hồ Ba Bể",
     "van-hoa-xa-hoi", "Sở Tài nguyên và Môi trường", None, ("061",), False),
    ("bhxh", "việc thực hiện chính sách bảo hiểm xã hội tự nguyện", "bảo hiểm xã hội tự nguyện",
     "Bảo hiểm xã hội", "van-hoa-xa-hoi", "Bảo hiểm xã hội tỉnh", None, None, True),
    ("du-lich", "công tác phát triển du lịch", "phát triển du lịch", "Du lịch", "van-hoa-xa-hoi",
     "Sở Văn hóa, Thể thao và Du lịch", None, None, False),
    # Ban Dân tộc
    ("ho-tro-dtts", "việc thực hiện chính sách hỗ trợ đồng bào dân tộc thiểu số",
     "chính sách hỗ trợ đồng bào dân tộc thiểu số", "Dân tộc", "dan-toc", "Ban Dân tộc tỉnh",
     None, None, True),
    ("chuong-trinh-135", "việc thực hiện Chương trình 135", "Chương trình 135", "Dân tộc",
     "dan-toc", "Ban Dân tộc tỉnh", None, None, False),
    ("dat-o-nha-o", "việc hỗ trợ đất ở, nhà ở, đất sản xuất cho hộ nghèo đồng bào dân tộc thiểu "
     "số", "hỗ trợ đất ở, nhà ở cho hộ nghèo", "Giảm nghèo", "dan-toc", "Ban Dân tộc tỉnh", None,
     None, True),
    ("nguoi-co-uy-tin", "việc thực hiện chính sách đối với người có uy tín trong đồng bào dân "
     "tộc thiểu số", "chính sách đối với người có uy tín", "Dân tộc", "dan-toc",
     "Ban Dân tộc tỉnh", None, None, False),
    ("cap-bao", "việc cấp phát báo, tạp chí cho vùng dân tộc thiểu số",
     "cấp phát báo, tạp chí vùng dân tộc thiểu số", "Dân tộc", "dan-toc", "Ban Dân tộc tỉnh",
     None, None, False),
    ("van-hoa-dan-toc", "công tác bảo tồn văn hóa truyền thống các dân tộc",
     "bảo tồn văn hóa truyền thống các dân tộc", "Dân tộc", "dan-toc",
     "Sở Văn hóa, Thể thao và Du lịch", None, None, False),
    ("ban-tru", "việc thực hiện chế độ đối với học sinh bán trú", "chế độ học sinh bán trú",
     "Giáo dục", "dan-toc", "Sở Giáo dục và Đào tạo", None, None, True),
    ("on-dinh-dan-cu", "công tác bố trí, ổn định dân cư vùng thiên tai",
     "bố trí, ổn định dân cư vùng thiên tai", "Dân tộc", "dan-toc", "Ban Dân tộc tỉnh", None,
     None, False),
]
# fmt: on

# Items the council decides at its sessions (each becomes a resolution):
# (act, name, committee key or None, topic or None, normative, when, years or None)
# ``when``: "cuoi-nam" (year-end regular session, about the next year: {next}),
# "giua-nam" (mid-year regular session: {year}, {prev}), "chuyen-de" (thematic or
# extraordinary). ``name`` may use {year}, {next}, {prev}.
# fmt: off
AGENDA = [
    ("về", "kế hoạch phát triển kinh tế - xã hội năm {next}", "kinh-te-ngan-sach", None, False,
     "cuoi-nam-co-dinh", None),
    ("về", "dự toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách địa phương năm {next}",
     "kinh-te-ngan-sach", "Ngân sách", False, "cuoi-nam-co-dinh", None),
    ("về", "phân bổ dự toán ngân sách địa phương năm {next}", "kinh-te-ngan-sach", "Ngân sách",
     False, "cuoi-nam-co-dinh", None),
    ("về", "kế hoạch đầu tư công năm {next}", "kinh-te-ngan-sach", "Đầu tư công", False,
     "cuoi-nam-co-dinh", None),
    ("về", "chương trình giám sát của HĐND tỉnh năm {next}", None, "Giám sát", False,
     "cuoi-nam-co-dinh", (2016, 2017, 2018, 2019)),
    ("quy định", "bảng giá đất giai đoạn 2020-2024 trên địa bàn tỉnh", "kinh-te-ngan-sach",
     "Đất đai", True, "cuoi-nam", (2019,)),
    ("thông qua", "danh mục dự án cần thu hồi đất năm {next}", "kinh-te-ngan-sach", "Đất đai",
     False, "cuoi-nam", None),
    ("chấp thuận", "chuyển mục đích sử dụng đất trồng lúa, đất rừng phòng hộ để thực hiện các "
     "dự án năm {next}", "kinh-te-ngan-sach", "Đất đai", False, "cuoi-nam", None),
    ("quy định", "mức phụ cấp đối với người hoạt động không chuyên trách ở cấp xã, ở thôn, tổ "
     "dân phố", "phap-che", "Cải cách hành chính", True, "cuoi-nam", None),
    ("về", "biên chế công chức trong các cơ quan hành chính nhà nước năm {next}", "phap-che",
     "Cải cách hành chính", False, "cuoi-nam", None),
    ("phê duyệt", "số lượng người làm việc trong các đơn vị sự nghiệp công lập năm {next}",
     "phap-che", "Cải cách hành chính", False, "cuoi-nam", None),
    ("ban hành", "chính sách hỗ trợ phát triển sản xuất nông, lâm nghiệp", "kinh-te-ngan-sach",
     "Nông thôn mới", True, "cuoi-nam", None),
    ("quy định", "giá dịch vụ khám bệnh, chữa bệnh không thuộc phạm vi thanh toán của Quỹ bảo "
     "hiểm y tế", "van-hoa-xa-hoi", "Y tế", True, "cuoi-nam", None),
    ("quy định", "chính sách hỗ trợ học sinh, sinh viên người dân tộc thiểu số", "dan-toc",
     "Dân tộc", True, "cuoi-nam", None),
    ("về", "đặt tên đường, phố trên địa bàn thành phố Bắc Kạn", "van-hoa-xa-hoi", None, False,
     "cuoi-nam", None),
    ("quy định", "mức chi bảo đảm cho công tác kiểm tra, xử lý, rà soát văn bản quy phạm pháp "
     "luật", "phap-che", "Tư pháp", True, "cuoi-nam", None),
    ("ban hành", "chính sách khuyến khích phát triển sản phẩm OCOP", "kinh-te-ngan-sach",
     "Nông thôn mới", True, "cuoi-nam", (2019, 2020)),
    ("về", "hỗ trợ đồng bào dân tộc thiểu số ở các thôn đặc biệt khó khăn", "dan-toc", "Dân tộc",
     False, "cuoi-nam", None),
    ("phê chuẩn", "quyết toán ngân sách địa phương năm {prev}", "kinh-te-ngan-sach", "Ngân sách",
     False, "giua-nam-co-dinh", None),
    ("về", "điều chỉnh kế hoạch đầu tư công năm {year}", "kinh-te-ngan-sach", "Đầu tư công",
     False, "giua-nam-co-dinh", None),
    ("quy định", "mức thu học phí năm học {year}-{next}", "van-hoa-xa-hoi", "Giáo dục", True,
     "giua-nam", None),
    ("về", "thành lập, sáp nhập, đổi tên thôn, tổ dân phố", "phap-che", "Cải cách hành chính",
     False, "giua-nam", None),
    ("ban hành", "chính sách thu hút bác sĩ về công tác tại tỉnh", "van-hoa-xa-hoi", "Y tế", True,
     "giua-nam", None),
    ("về", "kế hoạch đầu tư công trung hạn giai đoạn 2021-2025", "kinh-te-ngan-sach",
     "Đầu tư công", False, "giua-nam", (2020,)),
    ("quy định", "mức chi cho công tác phổ biến, giáo dục pháp luật", "phap-che", "Tư pháp", True,
     "giua-nam", None),
    ("quy định", "mức hỗ trợ đóng bảo hiểm y tế cho người thuộc hộ gia đình cận nghèo",
     "van-hoa-xa-hoi", "Y tế", True, "giua-nam", None),
    ("về", "điều chỉnh quy hoạch ba loại rừng", "kinh-te-ngan-sach", "Môi trường", False,
     "giua-nam", None),
    ("quy định", "chế độ đối với người có uy tín trong đồng bào dân tộc thiểu số", "dan-toc",
     "Dân tộc", True, "giua-nam", None),
    ("quyết định", "chủ trương đầu tư các dự án nhóm B sử dụng vốn ngân sách địa phương",
     "kinh-te-ngan-sach", "Đầu tư công", False, "chuyen-de", None),
    ("về", "điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn 2016-2020", "kinh-te-ngan-sach",
     "Đầu tư công", False, "chuyen-de", (2017, 2018, 2019, 2020)),
    ("về", "phân bổ vốn Chương trình mục tiêu quốc gia giảm nghèo bền vững năm {year}",
     "dan-toc", "Giảm nghèo", False, "chuyen-de", None),
    ("về", "sắp xếp, sáp nhập các đơn vị hành chính cấp xã", "phap-che", "Cải cách hành chính",
     False, "chuyen-de", (2019, 2020)),
    ("về", "hỗ trợ người dân gặp khó khăn do đại dịch Covid-19", "van-hoa-xa-hoi",
     "Phòng chống Covid-19", False, "chuyen-de", (2020,)),
    ("thông qua", "Đề án phát triển du lịch tỉnh Bắc Kạn", "van-hoa-xa-hoi", "Du lịch", False,
     "chuyen-de", (2017, 2018, 2019)),
    ("về", "nhiệm vụ lập Quy hoạch tỉnh Bắc Kạn thời kỳ 2021-2030, tầm nhìn đến năm 2050",
     "kinh-te-ngan-sach", None, False, "chuyen-de", (2019, 2020)),
    ("về", "vay vốn để thực hiện dự án cải thiện cơ sở hạ tầng nông thôn", "kinh-te-ngan-sach",
     "Đầu tư công", False, "chuyen-de", None),
    ("về", "bổ sung dự toán ngân sách địa phương năm {year}", "kinh-te-ngan-sach", "Ngân sách",
     False, "chuyen-de", None),
    ("về", "kéo dài thời gian thực hiện và giải ngân kế hoạch vốn đầu tư công năm {prev}",
     "kinh-te-ngan-sach", "Đầu tư công", False, "chuyen-de", None),
    ("về", "điều chỉnh biên chế công chức trong các cơ quan hành chính năm {year}", "phap-che",
     "Cải cách hành chính", False, "chuyen-de", None),
    ("về", "hỗ trợ khắc phục hậu quả thiên tai năm {year}", "dan-toc", "Dân tộc", False,
     "chuyen-de", None),
]
# fmt: on

# Public holidays (no meeting is held): fixed days "MM-DD", and the days off of Tết
# Nguyên đán and of Giỗ Tổ Hùng Vương in the years of the term.
FIXED_HOLIDAYS = ["01-01", "04-30", "05-01", "09-02"]
MOVABLE_HOLIDAYS = [
    ("2017-01-26", "2017-02-01"),
    ("2017-04-06", "2017-04-06"),
    ("2018-02-14", "2018-02-20"),
    ("2018-04-25", "2018-04-25"),
    ("2019-02-02", "2019-02-10"),
    ("2019-04-15", "2019-04-15"),
    ("2020-01-23", "2020-01-29"),
    ("2020-04-02", "2020-04-02"),
    ("2021-02-10", "2021-02-16"),
    ("2021-04-21", "2021-04-21"),
]

# Quốc hội khóa XIV: (session number, first day, last day)
NA_SESSIONS = [
    (1, "2016-07-20", "2016-07-29"),
    (2, "2016-10-20", "2016-11-22"),
    (3, "2017-05-22", "2017-06-20"),
    (4, "2017-10-23", "2017-11-24"),
    (5, "2018-05-21", "2018-06-15"),
    (6, "2018-10-22", "2018-11-21"),
    (7, "2019-05-20", "2019-06-14"),
    (8, "2019-10-21", "2019-11-27"),
    (9, "2020-05-20", "2020-06-19"),
    (10, "2020-10-20", "2020-11-17"),
    (11, "2021-03-24", "2021-04-08"),
]
# Bills put to the voters before the NA session that passed them: {session: bills}
NA_BILLS = {
    3: ("dự án Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ",),
    4: ("dự án Luật Lâm nghiệp", "dự án Luật Quy hoạch"),
    5: ("dự án Luật An ninh mạng", "dự án Luật Tố cáo (sửa đổi)"),
    6: ("dự án Luật Phòng, chống tham nhũng (sửa đổi)", "dự án Luật Chăn nuôi"),
    7: ("dự án Luật Giáo dục (sửa đổi)", "dự án Luật Phòng, chống tác hại của rượu, bia"),
    8: ("dự án Bộ luật Lao động (sửa đổi)",),
    9: ("dự án Luật Đầu tư (sửa đổi)", "dự án Luật Thanh niên (sửa đổi)"),
    10: ("dự án Luật Bảo vệ môi trường (sửa đổi)", "dự án Luật Cư trú (sửa đổi)"),
}

# Modules of the trainings for delegates and for the council's staff.
TRAINING_MODULES = {
    "dai-bieu": [
        "kỹ năng chất vấn và trả lời chất vấn",
        "kỹ năng tiếp xúc cử tri",
        "kỹ năng thẩm tra dự thảo nghị quyết",
        "kỹ năng giám sát chuyên đề",
        "kỹ năng tiếp công dân",
        "kỹ năng thảo luận tại kỳ họp",
    ],
    "tham-muu": [
        "nghiệp vụ tham mưu tổ chức kỳ họp",
        "nghiệp vụ tổng hợp kiến nghị cử tri",
        "nghiệp vụ xây dựng báo cáo thẩm tra",
        "nghiệp vụ xử lý đơn thư",
        "nghiệp vụ công tác thông tin, truyền thông",
    ],
}

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
    "Thường trực HĐND",
    "Giao ban",
    "Tập huấn",
    "Đất đai",
    "An ninh trật tự",
    "Tư pháp",
    "Người có công",
    "Lao động - việc làm",
    "Bảo hiểm xã hội",
    "Du lịch",
    "Góp ý dự án luật",
    "Hoạt động Văn phòng",
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
    "Lường",
    "Vi",
]
MALE_MIDDLE_NAMES = ["Văn", "Đức", "Minh", "Quang", "Xuân", "Hữu", "Công", "Ngọc", "Thanh"]
FEMALE_MIDDLE_NAMES = ["Thị", "Thu", "Hồng", "Ngọc", "Thanh", "Kim", "Bích"]
MALE_GIVEN_NAMES = [
    "Hùng",
    "Tuấn",
    "Thắng",
    "Bình",
    "Dũng",
    "Sơn",
    "Hải",
    "Cường",
    "Phong",
    "Lâm",
    "Khánh",
    "Chiến",
    "Quân",
    "Toàn",
    "Nam",
    "Long",
    "Hưng",
    "Đạt",
    "Trọng",
    "Kiên",
]
FEMALE_GIVEN_NAMES = [
    "Lan",
    "Hương",
    "Hoa",
    "Thủy",
    "Nga",
    "Mai",
    "Quyên",
    "Thoa",
    "Duyên",
    "Hạnh",
    "Huyền",
    "Liên",
    "Nhung",
    "Phượng",
    "Yến",
    "Vân",
    "Trang",
    "Loan",
]

STAFF_UNIT = "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"

PHOTOGRAPHERS_UNIT = "Phòng Công tác HĐND"

# The Office's chief is named in the site footer: the cast keeps him in the post.
OFFICE_CHIEF = "Hoàng Văn Bình"

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
    "responsible_person": f"{OFFICE_CHIEF} - Chánh Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh",
    "address": "Tổ 1, phường Đức Xuân, thành phố Bắc Kạn, tỉnh Bắc Kạn",
    "phone": "0209 3870 000",
    "email": "vanphong@hdnd.backan.example",
    "licence": (
        "Giấy phép số 01/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Bắc Kạn cấp ngày "
        "15/01/2018 (dữ liệu minh họa)"
    ),
}

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
    ("daibieu.nganson", "Dung", "Lường Thị", False, "Cộng tác viên", "Đại biểu HĐND tỉnh"),
    ("quantri", "Khánh", "Đàm Quốc", False, "Quản trị", STAFF_UNIT),
]
# The head of the Editorial Board ("Trưởng ban"): confirms declassified files.
BOARD_HEADS = ("truongban",)
