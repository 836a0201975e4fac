"""StreamField blocks for a story body.

The netizen quote is the heart of a citizen-media story: the words as the person posted
them, in their language, next to our translation, and credited to them with a link to the
post.
"""

from django.utils.safestring import mark_safe
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from .languages import mark_link_languages, validate_language_tag

PARAGRAPH_FEATURES = ["bold", "italic", "link", "langlink", "ol", "ul"]


class LanguageLinkRichTextBlock(blocks.RichTextBlock):
    """Rich text whose links may name their page's language, shown as ``[zh]``."""

    def render_basic(self, value, context=None):
        html = super().render_basic(value, context)
        page = (context or {}).get("page")
        return mark_safe(mark_link_languages(str(html), getattr(page, "language", "en")))

    class Meta:
        icon = "pilcrow"
        template = None


PLATFORMS = [
    ("weibo", "Weibo"),
    ("x", "X (Twitter)"),
    ("mastodon", "Mastodon"),
    ("telegram", "Telegram"),
    ("facebook", "Facebook"),
    ("youtube", "YouTube"),
    ("forum", "Forum"),
    ("blog", "Blog"),
    ("other", "Other"),
]

PLATFORM_USER_LABELS = {
    "weibo": "Weibo user",
    "x": "X user",
    "mastodon": "Mastodon user",
    "telegram": "Telegram user",
    "facebook": "Facebook user",
    "youtube": "YouTube user",
    "forum": "Forum user",
    "blog": "Blogger",
    "other": "Netizen",
}


MACHINE_DRAFT = "machine draft"
TRANSLATION_STATUSES = [
    ("", "By a person"),
    (MACHINE_DRAFT, "Machine translation draft: check it"),
]


class LanguageTagBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(max_length=35, validators=[validate_language_tag], **kwargs)


class NetizenQuoteBlock(blocks.StructBlock):
    """A post quoted in its original language with its translation and attribution."""

    platform = blocks.ChoiceBlock(choices=PLATFORMS, default="weibo")
    author_handle = blocks.CharBlock(
        max_length=200, help_text="The handle exactly as the platform shows it, e.g. 言论自由85."
    )
    author_handle_translation = blocks.CharBlock(
        max_length=200, required=False, help_text="The handle's meaning in the story's language."
    )
    original_text = blocks.TextBlock(help_text="The post verbatim, in its original language.")
    original_language = LanguageTagBlock(
        default="zh-Hans", help_text="BCP-47 tag: zh-Hans, zh-Hant, ko, ar, ..."
    )
    translation = blocks.TextBlock()
    translation_status = blocks.ChoiceBlock(
        choices=TRANSLATION_STATUSES,
        default="",
        required=False,
        help_text="A machine draft shows readers that no editor has checked the translation. "
        "Check it against the original, then choose “By a person”.",
    )
    url = blocks.URLBlock(required=False, label="Link to the post")
    posted_at = blocks.DateTimeBlock(required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["user_label"] = PLATFORM_USER_LABELS.get(value["platform"], "Netizen")
        return context

    class Meta:
        icon = "openquote"
        label = "Netizen quote"
        template = "stories/blocks/netizen_quote.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250, required=False, help_text="What the picture shows, for screen readers."
    )
    caption = blocks.CharBlock(max_length=500, required=False)
    credit = blocks.CharBlock(max_length=250, required=False)
    credit_url = blocks.URLBlock(required=False)

    class Meta:
        icon = "image"
        template = "stories/blocks/captioned_image.html"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "stories/blocks/heading.html"


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        icon = "openquote"
        template = "stories/blocks/pull_quote.html"


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = LanguageLinkRichTextBlock(features=PARAGRAPH_FEATURES)
    netizen_quote = NetizenQuoteBlock()
    image = CaptionedImageBlock()
    heading = HeadingBlock(max_length=200)
    pull_quote = PullQuoteBlock()
