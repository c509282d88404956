"""StreamField blocks shared by every content type."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]

TABLE_OPTIONS = {
    "minSpareRows": 0,
    "startRows": 3,
    "startCols": 3,
    "colHeaders": False,
    "rowHeaders": False,
    "contextMenu": True,
    "editor": "text",
    "stretchH": "all",
    "language": "en-US",
}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Ảnh")
    alt = blocks.CharBlock(
        label="Mô tả ảnh (alt)",
        max_length=255,
        help_text="Mô tả nội dung ảnh cho người khiếm thị.",
    )
    caption = blocks.CharBlock(label="Chú thích", required=False, max_length=500)
    photographer = blocks.CharBlock(label="Người chụp", required=False, max_length=150)

    class Meta:
        icon = "image"
        label = "Ảnh"
        template = "core/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Trích dẫn")
    attribution = blocks.CharBlock(label="Người nói / nguồn", required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = "Trích dẫn"
        template = "core/blocks/quote_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Tài liệu")
    title = blocks.CharBlock(
        label="Tiêu đề hiển thị", required=False, help_text="Để trống để dùng tên tài liệu."
    )

    class Meta:
        icon = "doc-full"
        label = "Tài liệu đính kèm"
        template = "core/blocks/document_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label="Đường dẫn video", help_text="Ví dụ: đường dẫn YouTube.")
    caption = blocks.CharBlock(label="Chú thích", required=False, max_length=500)

    class Meta:
        icon = "media"
        label = "Video"
        template = "core/blocks/video_block.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label="Đoạn văn", features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    quote = QuoteBlock()
    table = TableBlock(label="Bảng", table_options=TABLE_OPTIONS)
    document = DocumentBlock()
    video = VideoBlock()
