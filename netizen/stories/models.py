"""The newsroom's pages and the things stories are filed under.

Tree: HomePage → StoryIndexPage → StoryPage, and beside it SpecialCoverageIndexPage →
SpecialCoveragePage, plus one index page each for regions, topics and people. Regions,
topics and people are snippets, so editors keep one list of them and every story picks from
it; their pages are routes on the index pages.
"""

from django import forms
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from . import chinese
from .blocks import StoryBodyBlock
from .feeds import story_feed_response
from .languages import validate_language_tag

STORIES_PER_PAGE = 20


def paginate(request: HttpRequest, items, per_page: int = STORIES_PER_PAGE) -> PaginatorPage:
    """One page of a list, tolerating page numbers that are out of range or not numbers."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def published_stories():
    """Live, public stories, newest first, with what a story list shows fetched up front."""
    return (
        StoryPage.objects.live()
        .public()
        .order_by("-first_published_at")
        .select_related("lead_image")
        .prefetch_related("regions", "authors")
    )


class Region(index.Indexed, models.Model):
    """A country or territory a story is about."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    kicker_label = models.CharField(
        max_length=100,
        blank=True,
        help_text='Name used in story kickers, shared by neighbours: "Koreas" for North '
        "and South Korea. Blank: the region's name.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kicker_label")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Topic(index.Indexed, models.Model):
    """A subject that runs across regions: censorship, migration, protest."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Person(index.Indexed, models.Model):
    """An author or translator, with a public profile page."""

    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150, unique=True)
    bio = models.TextField(blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.OneToOneField(
        "auth.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        help_text="The admin account this person writes with, if any.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name


class StoryFeedPage(RoutablePageMixin, Page):
    """A page with RSS and Atom feeds of its stories at ``feed/`` and ``feed/atom/``."""

    class Meta:
        abstract = True

    def feed_stories(self):
        raise NotImplementedError

    def feed_title(self) -> str:
        return self.title

    def feed_description(self) -> str:
        return self.search_description

    @path("feed/", name="feed")
    def rss_feed(self, request: HttpRequest) -> HttpResponse:
        return self.feed(request, "rss")

    @path("feed/atom/", name="feed_atom")
    def atom_feed(self, request: HttpRequest) -> HttpResponse:
        return self.feed(request, "atom")

    def feed(self, request: HttpRequest, kind: str) -> HttpResponse:
        return story_feed_response(
            request,
            kind,
            title=self.feed_title(),
            link=self.get_url(request),
            description=self.feed_description(),
            stories=self.feed_stories(),
        )


class HomePage(StoryFeedPage):
    """The front page: latest stories, active special coverages, and the site's feeds."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = published_stories()[:12]
        context["coverages"] = SpecialCoveragePage.objects.live().public().filter(active=True)
        return context

    def feed_stories(self):
        return published_stories()

    def feed_title(self) -> str:
        return self.get_site().site_name or self.title

    def feed_description(self) -> str:
        return self.introduction


class StoryIndexPage(Page):
    """All stories, newest first."""

    parent_page_types = ["stories.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = paginate(request, published_stories().child_of(self))
        return context


class StoryPage(Page):
    """A story built from what people said online."""

    kicker = models.CharField(
        max_length=200,
        blank=True,
        help_text='Shown above the headline. Blank: built from the regions ("China, Koreas").',
    )
    standfirst = models.TextField(blank=True, help_text="One or two sentences under the headline.")
    language = models.CharField(
        max_length=35,
        default="en",
        validators=[validate_language_tag],
        help_text="BCP-47 tag of the story's language; links to pages in other languages get a "
        "marker such as [zh].",
    )
    regions = ParentalManyToManyField(Region, blank=True, related_name="stories")
    topics = ParentalManyToManyField(Topic, blank=True, related_name="stories")
    coverages = ParentalManyToManyField(
        "stories.SpecialCoveragePage",
        blank=True,
        related_name="stories",
        verbose_name="special coverages",
    )
    authors = ParentalManyToManyField(Person, blank=True, related_name="authored_stories")
    translators = ParentalManyToManyField(Person, blank=True, related_name="translated_stories")
    lead_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_alt = models.CharField(
        "alt text", max_length=250, blank=True, help_text="What the picture shows."
    )
    lead_image_caption = models.CharField("caption", max_length=500, blank=True)
    lead_image_credit = models.CharField("credit", max_length=250, blank=True)
    lead_image_credit_url = models.URLField("credit link", blank=True)
    body = StreamField(StoryBodyBlock())
    comments_open = models.BooleanField(
        default=True, help_text="Readers may send comments (each is moderated before it shows)."
    )

    content_panels = [
        FieldPanel("kicker"),
        *Page.content_panels,
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
                FieldPanel("lead_image_credit_url"),
            ],
            heading="Lead image",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("coverages", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Filed under",
        ),
        MultiFieldPanel(
            [
                FieldPanel("authors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("translators", widget=forms.CheckboxSelectMultiple),
                FieldPanel("language"),
            ],
            heading="Credits and language",
        ),
    ]

    settings_panels = [*Page.settings_panels, FieldPanel("comments_open")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.SearchField("chinese_words"),
        index.FilterField("language"),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types: list[str] = []

    @property
    def kicker_text(self) -> str:
        """The kicker as set, else the regions' kicker labels: "China, Koreas"."""
        if self.kicker:
            return self.kicker
        labels = [region.kicker_label or region.name for region in self.regions.all()]
        return ", ".join(dict.fromkeys(labels))

    def chinese_words(self) -> str:
        """Segmented, Simplified copy of the story's Chinese text, for the search index."""
        texts = [self.title, self.standfirst]
        texts += self.body.stream_block.get_searchable_content(self.body)
        return chinese.index_text("\n".join(texts))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["filed_under"] = [
            *term_links(RegionIndexPage, self.regions.all(), request),
            *term_links(TopicIndexPage, self.topics.all(), request),
        ]
        context["author_links"] = term_links(PeopleIndexPage, self.authors.all(), request)
        return context

    @cached_property
    def coverage_list(self) -> list["SpecialCoveragePage"]:
        """Live coverages this story belongs to, for the banner at its top and bottom.

        Looked up by id: a story loaded from a draft revision (the admin's preview) holds
        its coverages in memory, not as a queryset that can be filtered. On a saved story
        the ids stay a subquery, so this is still one query.
        """
        ids = self.coverages.values_list("id", flat=True)
        return list(
            SpecialCoveragePage.objects.live().public().filter(pk__in=ids).order_by("title")
        )


class SpecialCoverageIndexPage(Page):
    """All special coverages, active first."""

    parent_page_types = ["stories.HomePage"]
    subpage_types = ["stories.SpecialCoveragePage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["coverages"] = (
            SpecialCoveragePage.objects.live().public().child_of(self).order_by("-active", "title")
        )
        return context


class SpecialCoveragePage(StoryFeedPage):
    """A running theme ("Refugees") that gathers stories across regions."""

    introduction = RichTextField(features=["bold", "italic", "link"], blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    active = models.BooleanField(default=True, help_text="Active coverages show on the home page.")

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("active"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    parent_page_types = ["stories.SpecialCoverageIndexPage"]
    subpage_types: list[str] = []

    def feed_stories(self):
        return published_stories().filter(coverages=self)

    def feed_title(self) -> str:
        return f"Special coverage: {self.title}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = paginate(request, self.feed_stories())
        return context


class TermIndexPage(RoutablePageMixin, Page):
    """An index of regions, topics or people, with a page and two feeds for each of them.

    Subclasses name the snippet model and how a story links to it; everything else about
    listing, routing and feeds is the same for the three.
    """

    term_model: type[models.Model]
    story_filter: str
    term_template = "stories/term_page.html"
    index_template = "stories/term_index_page.html"

    introduction = models.TextField(blank=True)
    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["stories.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        abstract = True

    def get_template(self, request: HttpRequest, *args, **kwargs) -> str:
        return self.index_template

    def term_stories(self, term: models.Model):
        return published_stories().filter(**{self.story_filter: term}).distinct()

    def term_url(self, term: models.Model, request: HttpRequest | None = None) -> str:
        return self.get_url(request) + self.reverse_subpage("term", args=[term.slug])

    def get_term(self, slug: str) -> models.Model:
        return get_object_or_404(self.term_model, slug=slug)

    @path("")
    def index_route(self, request: HttpRequest) -> HttpResponse:
        terms = [(term, self.term_url(term, request)) for term in self.term_model.objects.all()]
        return self.render(request, context_overrides={"terms": terms})

    @path("<slug:slug>/", name="term")
    def term_route(self, request: HttpRequest, slug: str) -> HttpResponse:
        term = self.get_term(slug)
        url = self.term_url(term, request)
        return TemplateResponse(
            request,
            self.term_template,
            {
                "page": self,
                "self": self,
                "term": term,
                "stories": paginate(request, self.term_stories(term)),
                "feed_url": url + "feed/",
                "atom_url": url + "feed/atom/",
            },
        )

    @path("<slug:slug>/feed/", name="term_feed")
    def term_rss_feed(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self.term_feed(request, slug, "rss")

    @path("<slug:slug>/feed/atom/", name="term_feed_atom")
    def term_atom_feed(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self.term_feed(request, slug, "atom")

    def term_feed(self, request: HttpRequest, slug: str, kind: str) -> HttpResponse:
        term = self.get_term(slug)
        return story_feed_response(
            request,
            kind,
            title=f"{term}: {self.get_site().site_name or 'Netizen'}",
            link=self.term_url(term, request),
            description=f"Stories filed under {term}",
            stories=self.term_stories(term),
        )


class RegionIndexPage(TermIndexPage):
    term_model = Region
    story_filter = "regions"

    class Meta:
        verbose_name = "region index page"


class TopicIndexPage(TermIndexPage):
    term_model = Topic
    story_filter = "topics"

    class Meta:
        verbose_name = "topic index page"


class PeopleIndexPage(TermIndexPage):
    """Authors and translators; a person's page lists what they wrote and translated."""

    term_model = Person
    term_template = "stories/person_page.html"

    class Meta:
        verbose_name = "people index page"

    def term_stories(self, term: models.Model):
        return (
            published_stories()
            .filter(models.Q(authors=term) | models.Q(translators=term))
            .distinct()
        )


def term_links(index_class: type[TermIndexPage], terms, request: HttpRequest | None = None):
    """Each term with the URL of its page, or None when no live index page lists that kind.

    One lookup of the index page for all the terms, however many a story is filed under.
    """
    index_page = index_class.objects.live().first()
    return [(term, index_page.term_url(term, request) if index_page else None) for term in terms]
