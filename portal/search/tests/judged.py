"""A judged query set over a controlled corpus: what the search must put first.

The corpus is small and deliberate: people, places and phrases written with
their marks, and near misses that a syllable-by-syllable, newest-first search
puts on top (the same syllables apart or reversed, the same letters with other
marks, a name credited under a photo), always *newer* than the right answer, so
that recency alone never ranks the right answer first.

Each ``Judged`` query lists ``expect``: the documents that must fill the first
``len(expect)`` places (in any order among themselves), ``also``: documents that
are relevant but belong after them, and ``exclude``: documents that must not be
found at all (a quoted phrase). ``build_corpus`` creates the pages (published,
indexed through the ordinary publish path); ``rank_measures`` computes MRR and
nDCG@10 over the set. Used by ``test_ranking.py`` and ``bench/search_bench.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class Doc:
    key: str
    title: str
    lead: str
    body: tuple[str, ...] = ()
    days: int = 30  # published this many days ago
    byline: tuple[str, ...] = ("Hoàng Lan",)
    # (caption, photographer) of photos in the body
    photos: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Judged:
    q: str
    expect: tuple[str, ...]
    also: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    note: str = ""

    def grade(self, key: str) -> int:
        if key in self.expect:
            return 2
        return 1 if key in self.also else 0


DOCS = (
    # --- a person: Phương Thị Thanh, and what is not her -------------------------
    Doc(
        "thanh_title",
        "Đại biểu Phương Thị Thanh tiếp xúc cử tri xã Cao Sơn",
        "Chiều 12/5, đại biểu HĐND tỉnh đã gặp gỡ bà con xã Cao Sơn, huyện Bạch Thông.",
        ("Bà con kiến nghị sửa chữa đường liên thôn và kênh mương.",),
        days=300,
    ),
    Doc(
        "thanh_body",
        "Ban Văn hóa - Xã hội giám sát công tác y tế cơ sở",
        "Đoàn giám sát của Ban làm việc tại huyện Na Rì.",
        (
            "Bà Phương Thị Thanh, Phó Trưởng ban Văn hóa - Xã hội, đề nghị bổ sung thuốc "
            "cho các trạm y tế xã vùng cao.",
        ),
        days=150,
    ),
    Doc(
        "thanh_grave",
        "Người dân xã Quang Thuận kiến nghị về đất rừng",
        "Buổi làm việc về giao đất, giao rừng cho hộ gia đình.",
        ("Bà Phương Thị Thành, thôn Nà Hoan, đề nghị sớm cấp giấy chứng nhận.",),
        days=10,
    ),
    Doc(
        "thanh_reversed",
        "Chị Nguyễn Thị Thanh Phương khởi nghiệp từ cây hồi",
        "Mô hình trồng hồi của chị Thanh Phương cho thu nhập ổn định.",
        ("Sản phẩm tinh dầu hồi đã có mặt tại nhiều tỉnh, thành.",),
        days=5,
    ),
    Doc(
        "thanh_apart",
        "Thanh tra phương án bồi thường ở thị trấn Phủ Thông",
        "Đoàn thanh tra rà soát hồ sơ bồi thường giải phóng mặt bằng.",
        ("Một số hộ chưa đồng ý với phương án được duyệt.",),
        days=3,
    ),
    Doc(
        "thanh_photo",
        "Tập huấn kỹ năng cho đại biểu HĐND cấp xã",
        "Hơn 200 đại biểu HĐND cấp xã tham dự lớp tập huấn.",
        ("Lớp học trang bị kỹ năng thẩm tra báo cáo, nghị quyết.",),
        days=1,
        photos=(("Quang cảnh lớp tập huấn tại hội trường tỉnh", "Phương Thị Thanh"),),
    ),
    # --- kỳ họp, họp, hợp, hộp ---------------------------------------------------
    Doc(
        "session13",
        "Khai mạc kỳ họp thứ 13 HĐND tỉnh khóa IX",
        "Sáng 9/12, HĐND tỉnh khai mạc kỳ họp thứ 13 để xem xét các báo cáo "
        "kinh tế - xã hội năm 2023.",
        ("Các đại biểu thảo luận tại tổ và tại hội trường.",),
        days=400,
    ),
    Doc(
        "session_special",
        "Kỳ họp chuyên đề thông qua danh mục dự án đầu tư công",
        "Kỳ họp thông qua Nghị quyết số 15/2023/NQ-HĐND về kế hoạch đầu tư công trung hạn.",
        ("Phiên bế mạc diễn ra ngay trong buổi chiều.",),
        days=200,
    ),
    Doc(
        "session_lead",
        "Thường trực HĐND tỉnh họp phiên thường kỳ tháng 11",
        "Thường trực HĐND tỉnh cho ý kiến về công tác chuẩn bị kỳ họp thứ 14.",
        ("Nội dung chuẩn bị được giao cho các Ban.",),
        days=30,
    ),
    Doc(
        "thu13_apart",
        "Thứ 13 tuần này, Thường trực bàn việc chuẩn bị",
        "Nội dung chính là công tác chuẩn bị kỳ họp cuối năm.",
        ("Văn phòng chuẩn bị tài liệu.",),
        days=20,
    ),
    Doc(
        "tong_hop",
        "Tổng hợp ý kiến của phụ huynh trước kỳ thi tốt nghiệp",
        "Sở Giáo dục và Đào tạo tiếp nhận các ý kiến gửi về.",
        ("Nhiều ý kiến đề nghị bảo đảm an toàn cho thí sinh.",),
        days=2,
    ),
    Doc(
        "hop_box",
        "Hộp thư góp ý đặt tại trụ sở xã",
        "Người dân có thể gửi ý kiến qua hộp thư đặt tại bộ phận một cửa.",
        ("Thư được mở hằng tuần.",),
        days=4,
    ),
    Doc(
        "giao_ban",
        "Cuộc họp giao ban Thường trực HĐND tháng 5",
        "Thường trực HĐND tỉnh đánh giá kết quả công tác tháng 5.",
        ("Các Ban báo cáo tiến độ giám sát chuyên đề.",),
        days=60,
    ),
    Doc(
        "hop_tac",
        "Hợp tác phát triển du lịch hồ Ba Bể",
        "Các doanh nghiệp lữ hành ký kết thỏa thuận liên kết.",
        ("Du khách được giới thiệu các điểm đến mới.",),
        days=8,
    ),
    # --- places ----------------------------------------------------------------
    Doc(
        "ba_be_lake",
        "Bảo tồn hệ sinh thái hồ Ba Bể",
        "Vườn quốc gia Ba Bể triển khai nhiều giải pháp bảo vệ rừng đặc dụng.",
        ("Cộng đồng tham gia tuần tra bảo vệ rừng.",),
        days=500,
    ),
    Doc(
        "ba_be_raft",
        "Ba bè gỗ mắc cạn trên sông Năng",
        "Lực lượng chức năng hỗ trợ đưa bè gỗ vào bờ an toàn.",
        ("Không có thiệt hại về người.",),
        days=6,
    ),
    Doc(
        "tiep_xuc",
        "Đại biểu HĐND tỉnh tiếp xúc cử tri huyện Chợ Đồn",
        "Cử tri quan tâm tới giá vật tư nông nghiệp và đường giao thông.",
        ("Các ý kiến được tổng hợp gửi cơ quan chức năng.",),
        days=90,
    ),
    Doc(
        "tiep_apart",
        "Tiếp tục xúc tiến đầu tư, cử tri đồng tình cao",
        "Tỉnh đẩy mạnh thu hút đầu tư vào nông nghiệp công nghệ cao.",
        ("Nhiều dự án đã được cấp phép.",),
        days=2,
    ),
    Doc(
        "nong_thon_moi",
        "Huyện Chợ Mới về đích nông thôn mới",
        "Chợ Mới là huyện đầu tiên của tỉnh đạt chuẩn.",
        ("Người dân hiến đất làm đường, xây dựng nhà văn hóa thôn.",),
        days=35,
    ),
    Doc(
        "cao_son_apart",
        "Nâng cao hiệu quả thu hút đầu tư vào huyện Ngân Sơn",
        "Huyện rà soát quỹ đất sạch mời gọi nhà đầu tư.",
        ("Nhiều doanh nghiệp đã đến khảo sát.",),
        days=2,
    ),
    # --- bylines and names in the text ------------------------------------------
    Doc(
        "byline_ha",
        "Nâng cao chất lượng hoạt động của Tổ đại biểu",
        "Tổ đại biểu cần chủ động nắm bắt tâm tư, nguyện vọng của nhân dân.",
        ("Bài viết tham luận tại hội nghị.",),
        days=120,
        byline=("Lường Thị Hà",),
    ),
    Doc(
        "ha_apart",
        "Thôn Nà Lường làm đường bê tông",
        "Chị Hoàng Thị Hà, trưởng thôn, vận động bà con góp ngày công.",
        ("Con đường dài 2 km đã hoàn thành.",),
        days=3,
    ),
    Doc(
        "hung_quote",
        "Ngân Sơn đẩy nhanh tiến độ giải ngân vốn đầu tư công",
        "Huyện phấn đấu giải ngân hết kế hoạch vốn được giao.",
        (
            "“Chúng tôi kiểm điểm từng dự án chậm tiến độ”, ông Nguyễn Văn Hùng, "
            "Chủ tịch UBND huyện Ngân Sơn cho biết.",
        ),
        days=45,
    ),
    Doc(
        "hung_other",
        "Ông Nguyễn Văn Hưng được bầu làm Phó Chủ tịch HĐND huyện",
        "Kỳ họp bất thường của HĐND huyện đã kiện toàn chức danh.",
        ("Đại biểu tán thành với tỉ lệ cao.",),
        days=7,
    ),
    # --- phrases ----------------------------------------------------------------
    Doc(
        "ngan_sach",
        "Thảo luận dự toán ngân sách địa phương năm 2024",
        "Các Ban thẩm tra dự toán thu, chi năm 2024.",
        ("Dự toán chi thường xuyên tăng so với năm trước.",),
        days=70,
    ),
    Doc(
        "ngan_hang_sach",
        "Ngân hàng Chính sách xã hội cho vay hộ nghèo",
        "Dư nợ cho vay tăng trưởng khá.",
        ("Nhiều hộ đã thoát nghèo nhờ vốn vay.",),
        days=2,
    ),
    Doc(
        "giam_sat",
        "Giám sát việc thực hiện chính sách đối với người có công",
        "Đoàn giám sát làm việc với Sở Lao động - Thương binh và Xã hội.",
        ("Việc chi trả trợ cấp được thực hiện đầy đủ.",),
        days=100,
    ),
    Doc(
        "giam_doc",
        "Giám đốc Sở Y tế trả lời chất vấn về sát hạch hành nghề",
        "Phiên chất vấn diễn ra sôi nổi.",
        ("Giám đốc Sở nhận trách nhiệm về những tồn tại.",),
        days=1,
    ),
    Doc(
        "bhyt",
        "Mở rộng diện bao phủ bảo hiểm y tế cho người dân tộc thiểu số",
        "Tỉ lệ tham gia đạt trên 98 %.",
        ("Ngân sách hỗ trợ mua thẻ cho các đối tượng chính sách.",),
        days=50,
    ),
    Doc(
        "quy_dinh",
        "Sửa đổi quy định về hỗ trợ giá giống lúa",
        "Mức hỗ trợ được nâng lên từ vụ xuân năm sau.",
        ("Nông dân đồng tình với chủ trương.",),
        days=80,
    ),
    Doc(
        "thuy_loi_old",
        "Nghiệm thu công trình thuỷ lợi Nà Lẹng",
        "Công trình tưới cho hơn 30 ha lúa hai vụ.",
        ("Nhân dân góp công đào đắp.",),
        days=400,
    ),
    Doc(
        "thuy_loi_new",
        "Đầu tư kênh mương thủy lợi nội đồng",
        "Nhiều tuyến kênh được kiên cố hóa.",
        ("Nguồn vốn từ chương trình mục tiêu quốc gia.",),
        days=200,
    ),
    Doc(
        "thuy_loi_name",
        "Chị Phạm Thùy Lợi làm giàu từ nuôi ong",
        "Mỗi năm gia đình chị thu hơn hai tấn mật.",
        ("Chị hướng dẫn nhiều hộ cùng làm.",),
        days=3,
    ),
    Doc(
        "an_toan_gt",
        "Tăng cường bảo đảm an toàn giao thông dịp Tết",
        "Lực lượng công an ra quân kiểm tra nồng độ cồn.",
        ("Số vụ tai nạn giảm so với cùng kỳ.",),
        days=20,
    ),
    Doc(
        "gt_apart",
        "Giao thông nông thôn: đường mới, an toàn hơn",
        "Các tuyến đường được mở rộng, cắm biển báo.",
        ("Người dân đi lại thuận tiện.",),
        days=2,
    ),
    Doc(
        "dai_hoi",
        "Đại hội thi đua yêu nước, biểu dương điển hình tiên tiến",
        "Hơn 300 gương điển hình được tuyên dương.",
        ("Phong trào thi đua lan tỏa rộng khắp.",),
        days=1,
    ),
)


QUERIES = (
    # a name: adjacent syllables in order, marks respected
    Judged(
        "Phương Thị Thanh",
        ("thanh_title", "thanh_body"),
        also=("thanh_photo", "thanh_grave"),
        note="the person, not the syllables apart, reversed or credited under a photo",
    ),
    Judged(
        "phuong thi thanh",
        ("thanh_title",),
        also=("thanh_body", "thanh_grave", "thanh_photo"),
        note="without marks every form is found, the title first",
    ),
    Judged("Phương Thị Thành", ("thanh_grave",), also=("thanh_title", "thanh_body")),
    Judged(
        '"Phương Thị Thanh"',
        ("thanh_title", "thanh_body"),
        also=("thanh_photo", "thanh_grave"),
        exclude=("thanh_reversed", "thanh_apart"),
        note="a quoted query requires the phrase",
    ),
    # kỳ họp / họp / hợp / hộp
    Judged("kỳ họp", ("session13", "session_special"), also=("session_lead", "thu13_apart")),
    Judged("ky hop", ("session13", "session_special"), also=("session_lead", "thu13_apart")),
    Judged("kì họp", ("session13", "session_special"), also=("session_lead",), note="i/y"),
    Judged("kỳ hộp", ("session13", "session_special"), also=("session_lead",), note="typo"),
    Judged(
        "họp",
        ("session13", "session_special", "session_lead", "giao_ban"),
        also=("thu13_apart",),
        note="'họp' before 'hợp' and 'hộp'",
    ),
    Judged("hợp", ("tong_hop", "hop_tac")),
    Judged("hộp", ("hop_box",)),
    Judged(
        "hop",
        ("tong_hop", "hop_box", "hop_tac"),
        also=("session13", "session_special", "session_lead", "giao_ban"),
        note="without marks: every form, newest first within the title",
    ),
    Judged('"kỳ họp thứ 13"', ("session13",), exclude=("thu13_apart",)),
    Judged("kỳ họp thứ 13", ("session13",), also=("thu13_apart",)),
    # places
    Judged("Ba Bể", ("ba_be_lake", "hop_tac"), also=("ba_be_raft",)),
    Judged("ba be", ("ba_be_lake", "hop_tac", "ba_be_raft")),
    Judged("ba bè", ("ba_be_raft",), also=("ba_be_lake", "hop_tac")),
    Judged("Chợ Mới", ("nong_thon_moi",)),
    Judged("cho don", ("tiep_xuc",)),
    Judged("Cao Sơn", ("thanh_title",), also=("cao_son_apart",)),
    Judged("cao son", ("thanh_title",), also=("cao_son_apart",)),
    Judged("Na Rì", ("thanh_body",)),
    # phrases against the same syllables apart
    Judged("tiếp xúc cử tri", ("tiep_xuc", "thanh_title"), also=("tiep_apart",)),
    Judged("tiep xuc cu tri", ("tiep_xuc", "thanh_title"), also=("tiep_apart",)),
    Judged("tiếp xúc cử trí", ("tiep_xuc", "thanh_title"), note="typo of one mark"),
    Judged("ngân sách", ("ngan_sach",), also=("bhyt", "ngan_hang_sach")),
    Judged("ngan sach", ("ngan_sach",), also=("bhyt", "ngan_hang_sach")),
    Judged("ngân sach", ("ngan_sach",), also=("bhyt",), note="one mark left out"),
    Judged("giám sát", ("giam_sat", "thanh_body"), also=("giao_ban", "giam_doc")),
    Judged("chất vấn", ("giam_doc",)),
    Judged("bảo hiểm y tế", ("bhyt",)),
    Judged("an toàn giao thông", ("an_toan_gt",), also=("gt_apart",)),
    Judged("kinh tế xã hội", ("session13",)),
    Judged("nghị quyết số 15", ("session_special",)),
    Judged("phó chủ tịch", ("hung_other",)),
    Judged(
        "đại biểu",
        ("thanh_title", "tiep_xuc", "thanh_photo", "byline_ha"),
        also=("session13", "hung_other"),
        note="'đại biểu' before 'Đại hội … biểu dương'",
    ),
    Judged(
        "đại biễu",
        ("thanh_title", "tiep_xuc", "thanh_photo", "byline_ha"),
        also=("session13", "hung_other"),
        note="typo of one mark",
    ),
    # spelling variants
    Judged("qui định", ("quy_dinh",), note="i/y"),
    Judged("quy định", ("quy_dinh",)),
    Judged("thủy lợi", ("thuy_loi_old", "thuy_loi_new"), also=("thuy_loi_name",)),
    Judged("thuỷ lợi", ("thuy_loi_old", "thuy_loi_new"), also=("thuy_loi_name",)),
    Judged("thuy loi", ("thuy_loi_old", "thuy_loi_new", "thuy_loi_name")),
    # people in the byline and in the text
    Judged("Lường Thị Hà", ("byline_ha",), also=("ha_apart",)),
    Judged("luong thi ha", ("byline_ha",), also=("ha_apart",)),
    Judged("Nguyễn Văn Hùng", ("hung_quote",), also=("hung_other",)),
    Judged("Nguyễn Văn Hưng", ("hung_other",), also=("hung_quote",)),
    Judged("nguyen van hung", ("hung_other", "hung_quote")),
)


def build_corpus(parent, image=None) -> dict[str, int]:
    """Publish the corpus under ``parent`` (a news category); ``{key: page id}``."""
    from django.utils import timezone

    from portal.core.factories import AuthorFactory
    from portal.news.factories import ArticlePageFactory

    now = timezone.now()
    pages = {}
    for doc in DOCS:
        body = [("paragraph", f"<p>{text}</p>") for text in doc.body]
        for caption, photographer in doc.photos:
            body.append(
                (
                    "image",
                    {
                        "image": image,
                        "alt": f"Ảnh: {caption}",
                        "caption": caption,
                        "photographer": photographer,
                    },
                )
            )
        page = ArticlePageFactory(
            parent=parent,
            title=doc.title,
            lead=doc.lead,
            body=body,
            authors=[AuthorFactory(name=name, unit="Báo Bắc Kạn") for name in doc.byline],
            published_at=now - timedelta(days=doc.days),
        )
        pages[doc.key] = page.pk
    return pages


def ranked_keys(pages: dict[str, int], q: str, limit: int = 100) -> list[str]:
    """The keys of the documents the portal's search returns for ``q``, in order."""
    from portal.search.selectors import query_words, search

    by_id = {pk: key for key, pk in pages.items()}
    results = search(query_words(q), per_page=limit)
    return [by_id.get(entry.object_id, f"?{entry.object_id}") for entry in results.entries]


def rank_measures(ranking: dict[str, list[str]]) -> tuple[float, float]:
    """(MRR, nDCG@10) of ``{query: ranked keys}`` over ``QUERIES``.

    MRR counts the first document of ``expect`` found; nDCG gives ``expect`` grade 2
    and ``also`` grade 1 (log2 discount), against the ideal order of those grades.
    """
    reciprocal, ndcg = [], []
    for judged in QUERIES:
        keys = ranking.get(judged.q, [])
        rank = next((i for i, key in enumerate(keys, 1) if key in judged.expect), None)
        reciprocal.append(1 / rank if rank else 0.0)
        gains = [judged.grade(key) for key in keys[:10]]
        dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
        ideal = sorted([2] * len(judged.expect) + [1] * len(judged.also), reverse=True)[:10]
        idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
        ndcg.append(dcg / idcg if idcg else 0.0)
    return sum(reciprocal) / len(reciprocal), sum(ndcg) / len(ndcg)
