"""The "Sources" section of Wagtail's admin: the inbox, a post, importing a file, and a
collection's overview.

Reading the inbox takes ``sources.view_sourcepost``; labelling, correcting and quoting posts
take ``sources.change_sourcepost``; importing takes ``sources.add_importbatch`` (migration
0003 gives them to Editors and Authors). Every change is an ordinary POST form that
redirects back, so the pages work without script.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from netizen.stories.languages import language_name
from netizen.translation import TranslationUnavailable, get_backend, gloss_line, glossary

from .admin_forms import (
    BulkForm,
    ImportForm,
    InboxFilterForm,
    LanguageForm,
    PostTagsForm,
    QuoteForm,
    timezone_names,
)
from .chart import chart_svg, counts
from .importers import ImportFormatError, UnknownFormat
from .importing import import_stream, summary
from .inbox import (
    InboxPaginator,
    add_label,
    add_to_collection,
    highlight,
    inbox_queryset,
    lang_attribute,
    page_queryset,
    post_language_name,
    remove_label,
    rows_for,
)
from .models import Collection, Platform, SourcePost
from .quoting import QuoteError, quote_in_story, stories_to_quote_into

READ = "sources.view_sourcepost"
CHANGE = "sources.change_sourcepost"
IMPORT = "sources.add_importbatch"
ADD_COLLECTION = "sources.add_collection"

PLATFORM_NAMES = dict(Platform.choices)
#: Copies of a post listed on its page; the rest are a click away in the inbox.
COPIES_SHOWN = 20
#: Posts of a collection listed on its overview.
COLLECTION_POSTS_SHOWN = 50


def allowed(user, permission: str) -> bool:
    return bool(user and user.is_active and user.has_perm(permission))


def require(request: HttpRequest, permission: str) -> None:
    """Wagtail's admin turns PermissionDenied into its "permission denied" answer."""
    if not allowed(request.user, permission):
        raise PermissionDenied


def inbox_url() -> str:
    return reverse("sources:inbox")


def post_url(post: SourcePost) -> str:
    return reverse("sources:post", args=[post.pk])


def back_to(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(get_valid_next_url_from_request(request) or fallback)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class SourcesView(WagtailAdminTemplateMixin, TemplateView):
    permission = READ
    header_icon = "openquote"

    def dispatch(self, request, *args, **kwargs):
        require(request, self.permission)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": inbox_url(), "label": "Sources"}]


# --- The inbox ----------------------------------------------------------------------------


class InboxView(SourcesView):
    template_name = "sources/admin/inbox.html"
    page_title = "Inbox"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": "Sources inbox"}]

    def get_header_buttons(self):
        user = self.request.user
        buttons = []
        if allowed(user, IMPORT):
            buttons.append(
                HeaderButton(
                    "Import a file", url=reverse("sources:import"), icon_name="upload", priority=10
                )
            )
        for permission, url_name, label, icon, priority in (
            ("sources.view_label", "source_labels:index", "Labels", "tag", 20),
            ("sources.view_collection", "source_collections:index", "Collections",
             "folder-open-inverse", 30),
        ):  # fmt: skip
            if allowed(user, permission):
                buttons.append(
                    HeaderButton(label, url=reverse(url_name), icon_name=icon, priority=priority)
                )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        form = InboxFilterForm(request.GET if request.GET else None)
        params = form.params() if form.is_bound else {"fold": True}
        paginator = InboxPaginator(page_queryset(inbox_queryset(params)))
        page = paginator.get_page(request.GET.get("p"))
        group_head = None
        if params.get("group"):
            group_head = SourcePost.objects.filter(pk=params["group"]).first()
            if group_head and group_head.cluster_id:
                group_head = group_head.cluster
        labels = list(form.fields["label"].queryset)
        collections = list(form.fields["collection"].queryset)
        context.update(
            form=form,
            params=params,
            query=params.get("q", ""),
            active_filters=form.active_filters() if form.is_bound else 0,
            page_obj=page,
            paginator=paginator,
            elided_page_range=paginator.get_elided_page_range(page.number),
            rows=rows_for(page.object_list, params.get("q", "")),
            group_head=group_head,
            labels=labels,
            collections=collections,
            can_change=allowed(request.user, CHANGE),
            can_add_collection=allowed(request.user, ADD_COLLECTION),
            here=request.get_full_path(),
        )
        return context


@require_POST
def bulk(request: HttpRequest) -> HttpResponse:
    """Label, unlabel or collect the ticked posts, then back to the same inbox page."""
    require(request, CHANGE)
    form = BulkForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.problem())
        return back_to(request, inbox_url())
    data = form.cleaned_data
    ids = data["ids"]
    action = data["action"]
    if action == "add_label":
        changed = add_label(ids, data["label"])
        message = format_html("Label “{}” added to {}.", data["label"], plural(changed, "post"))
    elif action == "remove_label":
        changed = remove_label(ids, data["label"])
        message = format_html("Label “{}” removed from {}.", data["label"], plural(changed, "post"))
    else:
        collection = data["collection"]
        if collection is None:
            collection = Collection.objects.filter(name=data["new_collection"]).first()
        if collection is None:
            require(request, ADD_COLLECTION)
            collection = Collection.objects.create(name=data["new_collection"])
        changed = add_to_collection(ids, collection)
        message = format_html(
            '{} added to the collection “<a href="{}">{}</a>”.',
            plural(changed, "post"),
            reverse("source_collections:overview", args=[collection.pk]),
            collection,
        )
    unchanged = len(ids) - changed
    if unchanged:
        message = format_html("{} ({} already so.)", message, unchanged)
    messages.success(request, message)
    return back_to(request, inbox_url())


# --- One post -----------------------------------------------------------------------------


@dataclass
class GlossaryAid:
    entries: list
    line: str
    label: str


def glossary_aid(post: SourcePost) -> GlossaryAid | None:
    """For a Chinese post: its words with pinyin and senses, and the rough word line."""
    if post.language != "zh":
        return None
    entries = glossary(post.text)
    words = []
    seen = set()
    for entry in entries:
        if entry.is_chinese and entry.word not in seen:
            seen.add(entry.word)
            words.append(entry)
    try:
        draft = get_backend("glossary").translate(post.text, post.language_tag, "en")
        line, label = draft.text, draft.label
    except TranslationUnavailable:  # the glossary reads Chinese; this is a safety net
        line, label = gloss_line(entries), "Machine translation draft: check it before publishing"
    return GlossaryAid(words, line, label)


class PostView(SourcesView):
    template_name = "sources/admin/post.html"

    def get(self, request, *args, **kwargs):
        # Not "self.post": a view's attribute of that name answers POST requests.
        self.source_post = get_object_or_404(
            SourcePost.objects.select_related("batch", "cluster").prefetch_related(
                "labels", "collections"
            ),
            pk=kwargs["pk"],
        )
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        handle = self.source_post.author_handle or self.source_post.author_name or "unknown author"
        return f"{self.source_post.get_platform_display()} post by {handle}"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get_header_buttons(self):
        if not self.source_post.url:
            return []
        return [
            HeaderButton(
                "Open the original",
                url=self.source_post.url,
                icon_name="link-external",
                attrs={"target": "_blank", "rel": "noopener noreferrer"},
                priority=10,
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        post = self.source_post
        user = self.request.user
        head = post.cluster or post
        group = (
            SourcePost.objects.filter(cluster=head).exclude(pk=post.pk).order_by("posted_at", "pk")
        )
        if head.pk != post.pk:
            copies = [head, *group[: COPIES_SHOWN - 1]]
        else:
            copies = list(group[:COPIES_SHOWN])
        copies_total = SourcePost.objects.filter(cluster=head).count() + 1
        can_change = allowed(user, CHANGE)
        context.update(
            post=post,
            language=post_language_name(post),
            language_detected=post.language_detected,
            lang_attribute=lang_attribute(post),
            text_html=highlight(post.text),
            raw_json=json.dumps(post.raw, indent=2, ensure_ascii=False, sort_keys=True),
            engagement=sorted((post.engagement or {}).items(), key=lambda pair: -pair[1]),
            head=head,
            copies=copies,
            copies_total=copies_total,
            copies_more=max(0, copies_total - 1 - len(copies)),
            aid=glossary_aid(post),
            can_change=can_change,
            here=self.request.get_full_path(),
        )
        if can_change:
            current = post.language_tag
            context.update(
                language_form=LanguageForm(initial={"language": current}, current=current),
                tags_form=PostTagsForm(instance=post),
                quote_form=QuoteForm(stories=stories_to_quote_into(user)),
            )
        return context


@require_POST
def correct_language(request: HttpRequest, pk: int) -> HttpResponse:
    """Set the language an editor reads; ``language_detected`` keeps detection's answer."""
    require(request, CHANGE)
    post = get_object_or_404(SourcePost, pk=pk)
    form = LanguageForm(request.POST, current=post.language_tag)
    if not form.is_valid():
        messages.error(request, "Choose a language from the list. Nothing was changed.")
        return HttpResponseRedirect(post_url(post))
    post.language, post.script = form.language_and_script()
    post.save(update_fields=["language", "script"])
    messages.success(request, f"Language set to {post_language_name(post)}.")
    return HttpResponseRedirect(post_url(post))


@require_POST
def edit_tags(request: HttpRequest, pk: int) -> HttpResponse:
    """Replace the post's labels and collections with the ticked ones."""
    require(request, CHANGE)
    post = get_object_or_404(SourcePost, pk=pk)
    form = PostTagsForm(request.POST, instance=post)
    if not form.is_valid():
        messages.error(request, "Those labels or collections no longer exist. Nothing was changed.")
        return HttpResponseRedirect(post_url(post))
    with transaction.atomic():
        form.save()
    messages.success(request, "Labels and collections saved.")
    return HttpResponseRedirect(post_url(post))


@require_POST
def quote(request: HttpRequest, pk: int) -> HttpResponse:
    """Add the post as a netizen quote to a story's draft, then open that draft."""
    require(request, CHANGE)
    post = get_object_or_404(SourcePost, pk=pk)
    form = QuoteForm(request.POST, stories=stories_to_quote_into(request.user))
    if not form.is_valid():
        messages.error(request, "Choose one of the stories you may edit. Nothing was changed.")
        return HttpResponseRedirect(post_url(post))
    story = form.cleaned_data["story"]
    try:
        revision = quote_in_story(post, story, request.user)
    except QuoteError as error:
        messages.error(request, str(error))
        return HttpResponseRedirect(post_url(post))
    if unavailable := getattr(revision, "translation_unavailable", ""):
        messages.success(
            request,
            f"Quote added to the draft of “{story.title}”, without a translation: "
            f"{unavailable.rstrip('.')}. Nothing is published.",
        )
    else:
        messages.success(
            request,
            f"Quote added to the draft of “{story.title}”; its translation is a machine "
            "draft: check it.",
        )
    return HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[story.pk]))


# --- Importing a file ---------------------------------------------------------------------


class ImportView(SourcesView):
    permission = IMPORT
    template_name = "sources/admin/import.html"
    page_title = "Import a file"
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ImportForm())
        context.update(timezones=timezone_names())
        return context

    def post(self, request, *args, **kwargs):
        form = ImportForm(request.POST, request.FILES)
        context = {"form": form}
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                # The upload is read as a stream in the importer's chunks (Django has it on
                # disk beyond FILE_UPLOAD_MAX_MEMORY_SIZE), never into memory whole.
                batch = import_stream(
                    upload,
                    form.cleaned_data["format"],
                    source=upload.name,
                    user=request.user,
                    **form.options(),
                )
            except UnknownFormat as error:
                context["failure"] = (
                    f"The format of {upload.name} could not be recognised: {error} "
                    "Choose its format in the list and upload it again."
                )
            except ImportFormatError as error:
                context["failure"] = f"{upload.name} could not be imported: {error}"
            else:
                context.update(batch=batch, result=summary(batch))
                if batch.errors:
                    messages.warning(
                        request,
                        f"Imported {plural(batch.imported, 'post')}; "
                        f"{plural(batch.errors, 'record')} could not be read.",
                    )
                else:
                    messages.success(request, f"Imported {plural(batch.imported, 'post')}.")
            finally:
                upload.close()
        status = 400 if "failure" in context or form.errors else 200
        return self.render_to_response(self.get_context_data(**context), status=status)


# --- A collection ---------------------------------------------------------------------------


class CollectionOverview(InspectView):
    """A collection's posts, its counts per platform and language, and posts per day."""

    template_name = "sources/admin/collection.html"
    page_title = "Overview"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        collection = self.object
        posts = page_queryset(inbox_queryset({"collection": collection.pk, "fold": False}))[
            :COLLECTION_POSTS_SHOWN
        ]
        tallies = counts(collection)
        context.update(
            collection=collection,
            total=collection.posts.count(),
            rows=rows_for(posts),
            platform_counts=[
                (PLATFORM_NAMES.get(code, code), code, n)
                for code, n in tallies.get("platform", {}).items()
            ],
            language_counts=[
                (language_name(tag, script=True), tag, n)
                for tag, n in tallies.get("language", {}).items()
            ],
            # chart_svg builds its markup from numbers and escaped labels only (see
            # netizen.sources.chart), so it is inlined as it is: no script, no outside request.
            chart=mark_safe(chart_svg(collection)),
            inbox_link=f"{inbox_url()}?collection={collection.pk}&copies=list",
        )
        return context
