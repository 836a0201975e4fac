"""The moderators' queue in Wagtail's admin: tabs of comments, decisions, and each comment's
verdict and audit trail.

Every status change goes through :func:`~netizen.discussion.decisions.decide`. Action forms
are ordinary POST forms that redirect back; ``queue.js`` submits the same forms with fetch()
and swaps in the HTML fragment these views answer with when asked by script.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from netizen.moderation.verdict import SCREENING_UNAVAILABLE, Verdict
from netizen.stories.languages import language_name

from .decisions import ACTIONS, DecisionError, decide, decide_many
from .models import Comment, Decision, Reason, ScreeningTerm, Status
from .queue import (
    PAGE_SIZE,
    SUGGESTIONS,
    TABS,
    VIA_QUEUE,
    FlagReading,
    QueueHealth,
    can_moderate,
    highlight,
    label_name,
    queue_health,
    read_flags,
    score_words,
    short_duration,
    suggested_reason,
    tab_counts,
    tab_queryset,
)
from .receipts import receipt_url

# Past tense of each action, for messages and the row left behind by a decision.
DONE = {"approve": "approved", "reject": "rejected", "spam": "marked as spam"}

# A comment waiting longer than this shows the queue's oldest wait as late.
LATE = timedelta(hours=24)

# The largest primary key the database's signed 64-bit integer columns hold.
MAX_ID = 2**63 - 1

# What the reader's receipt page says for each status.
RECEIPT_SAYS = {
    Status.PENDING: "Awaiting moderation",
    Status.APPROVED: "Published",
    Status.REJECTED: "Not approved",
    Status.SPAM: "Not approved (treated as spam)",
}


def require_moderator(request: HttpRequest) -> None:
    """Wagtail's admin turns this into its "permission denied" answer (403 for scripts)."""
    if not can_moderate(request.user):
        raise PermissionDenied


def wants_fragment(request: HttpRequest) -> bool:
    return request.headers.get("x-requested-with") == "XMLHttpRequest"


def queue_url(tab: str = "pending") -> str:
    return (
        reverse("moderation:queue") if tab == "pending" else reverse("moderation:tab", args=[tab])
    )


def back_url(request: HttpRequest, tab: str) -> str:
    """The form's ``next`` when it is an address on this site (Wagtail's check), else the tab."""
    return get_valid_next_url_from_request(request) or queue_url(tab or "pending")


def can_see_word_list(user) -> bool:
    """Whether the word list's index would let ``user`` in (any of its model permissions)."""
    return ModelPermissionPolicy(ScreeningTerm).user_has_any_permission(
        user, ["add", "change", "delete", "view"]
    )


def comment_id(value: str) -> int | None:
    """A posted value as a comment's primary key; None when it cannot be one (not plain ASCII
    digits, zero, or too large for the column: SQLite raises OverflowError on those)."""
    if not (value.isascii() and value.isdigit()) or len(value) > len(str(MAX_ID)):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


# --- What a row shows ----------------------------------------------------------------------


@dataclass
class QueueItem:
    comment: Comment
    verdict: Verdict | None
    body_html: SafeString
    findings: list[FlagReading]
    wait: str
    suggestion: str
    suggested_reason: str
    latest: Decision | None
    latest_ago: str

    @property
    def unavailable(self) -> list[FlagReading]:
        return [f for f in self.findings if f.flag.label == SCREENING_UNAVAILABLE]

    @property
    def policy_findings(self) -> list[FlagReading]:
        return [f for f in self.findings if f.flag.label != SCREENING_UNAVAILABLE]

    @property
    def language(self) -> str:
        return language_name(self.comment.language or "und", script=True)

    @property
    def detail_url(self) -> str:
        return reverse("moderation:detail", args=[self.comment.pk])


def queue_item(comment: Comment, now: datetime) -> QueueItem:
    verdict = comment.verdict
    flags = verdict.flags if verdict else []
    decisions = list(comment.decisions.all())  # prefetched by the views
    if comment.status == Status.PENDING:
        wait = f"waiting {short_duration(now - comment.created_at)}"
    else:
        wait = f"sent {short_duration(now - comment.created_at)} ago"
    return QueueItem(
        comment=comment,
        verdict=verdict,
        body_html=highlight(comment.body, flags),
        findings=read_flags(comment.body, verdict),
        wait=wait,
        suggestion=SUGGESTIONS.get(comment.suggested_action, ""),
        suggested_reason=suggested_reason(verdict),
        latest=decisions[-1] if decisions else None,
        latest_ago=short_duration(now - decisions[-1].created_at) if decisions else "",
    )


def with_decisions(comments):
    return comments.prefetch_related(
        Prefetch("decisions", queryset=Decision.objects.order_by("created_at", "pk"))
    )


def tab_links(counts: dict[str, int], active: str) -> list[dict]:
    return [
        {
            "slug": slug,
            "label": tab.label,
            "count": counts[slug],
            "url": queue_url(slug),
            "active": slug == active,
        }
        for slug, tab in TABS.items()
    ]


def health_text(health: QueueHealth) -> dict:
    def compact(duration):
        return short_duration(duration).replace("under a minute", "< 1 min")

    return {
        "oldest": compact(health.oldest_wait) if health.pending else "none",
        "oldest_late": bool(health.oldest_wait and health.oldest_wait > LATE),
        "median": compact(health.median_to_decision) if health.decided else "no data",
        "p95": compact(health.p95_to_decision) if health.decided else "no data",
    }


def queue_state(active_tab: str) -> dict:
    """The parts of the page every decision changes: tab counts and queue health."""
    health = queue_health()
    return {
        "tabs": tab_links(tab_counts(), active_tab),
        "health": health,
        "health_text": health_text(health),
    }


def reason_choices() -> list[tuple[int, str, str]]:
    """(key, value, label) for the reason select and the 1–6 keys of the reason chooser."""
    return [(index, value, label) for index, (value, label) in enumerate(Reason.choices, start=1)]


# --- Pages ---------------------------------------------------------------------------------


class ModeratorView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        require_moderator(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("moderation:queue"), "label": "Moderation"},
        ]


class QueueView(ModeratorView):
    template_name = "discussion/admin/queue.html"
    page_title = "Moderation queue"

    @property
    def tab(self) -> str:
        return self.kwargs.get("tab", "pending")

    def get_page_subtitle(self):
        return TABS[self.tab].label

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": "Moderation queue"}]

    def get_header_buttons(self):
        buttons = [
            HeaderButton(
                "Keyboard shortcuts",
                icon_name="keyboard",
                attrs={"data-a11y-dialog-show": "queue-shortcuts", "aria-keyshortcuts": "?"},
                priority=10,
            )
        ]
        if can_see_word_list(self.request.user):
            buttons.append(
                HeaderButton(
                    "Word list",
                    url=reverse("screening_terms:index"),
                    icon_name="list-ul",
                    priority=20,
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        page = Paginator(with_decisions(tab_queryset(self.tab)), PAGE_SIZE).get_page(
            self.request.GET.get("p")
        )
        context.update(
            queue_state(self.tab),
            tab=TABS[self.tab],
            page_obj=page,
            elided_page_range=page.paginator.get_elided_page_range(page.number),
            items=[queue_item(comment, now) for comment in page],
            reasons=reason_choices(),
            here=self.request.get_full_path(),
        )
        return context


class CommentDetailView(ModeratorView):
    template_name = "discussion/admin/detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            item=self.item,
            decisions=list(reversed(self.item.comment.decisions.all())),
            reasons=reason_choices(),
            receipt_url=self.request.build_absolute_uri(receipt_url(self.item.comment)),
            receipt_says=RECEIPT_SAYS[self.item.comment.status],
            scores=[
                (label_name(label), score, score_words(score))
                for label, score in sorted(
                    (self.item.verdict.scores if self.item.verdict else {}).items(),
                    key=lambda pair: -pair[1],
                )
            ],
            verdict_json=json.dumps(self.item.comment.screening, indent=2, ensure_ascii=False),
            here=self.request.get_full_path(),
        )
        return context

    def get(self, request, *args, **kwargs):
        comment = get_object_or_404(
            with_decisions(Comment.objects.select_related("story", "duplicate_of", "parent")),
            pk=kwargs["pk"],
        )
        self.item = queue_item(comment, timezone.now())
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return f"Comment #{self.kwargs['pk']}"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]


# --- Decisions -----------------------------------------------------------------------------


class DecisionForm(forms.Form):
    action = forms.ChoiceField(choices=[(action, action) for action in ACTIONS])
    reason = forms.ChoiceField(choices=[("", "—"), *Reason.choices], required=False)
    note = forms.CharField(max_length=500, required=False)
    tab = forms.ChoiceField(choices=[("", ""), *((slug, slug) for slug in TABS)], required=False)

    def clean(self):
        data = super().clean()
        if data.get("action") == "reject" and not data.get("reason"):
            raise forms.ValidationError(
                "Choose the part of the policy the comment breaks (hate speech, obscenity, "
                "personal attack, spam, off-topic or other) to reject it. Nothing was changed."
            )
        return data

    def problem(self) -> str:
        return " ".join(str(error) for errors in self.errors.values() for error in errors)


class CommentIdsField(forms.Field):
    """The ticked comments' ids, in order and without repeats. Anything that cannot be a
    comment's id makes the whole selection invalid: acting on part of it would surprise."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "required": "Select the comments to decide on first. Nothing was changed.",
        "invalid": (
            "The selection holds something that is not a comment number. Reload the queue, "
            "tick the comments again and retry. Nothing was changed."
        ),
    }

    def to_python(self, value) -> list[int]:
        if not value:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        ids = [comment_id(str(item)) for item in values]
        if None in ids:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return list(dict.fromkeys(ids))


class BulkDecisionForm(DecisionForm):
    ids = CommentIdsField()


def fragment(
    request: HttpRequest,
    comments: list[Comment],
    tab: str,
    message: str,
    level: str,
    errors: dict[int, str] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The rows a decision changed, the tab counts and the queue health, for queue.js."""
    now = timezone.now()
    errors = errors or {}
    rows = []
    for comment in comments:
        item = queue_item(comment, now)
        still_listed = bool(tab) and comment.status == TABS[tab].status
        rows.append(
            {"item": item, "error": errors.get(comment.pk, ""), "still_listed": still_listed}
        )
    context = {
        **queue_state(tab or "pending"),
        "rows": rows,
        "tab": TABS.get(tab),
        "reasons": reason_choices(),
        "here": back_url(request, tab),
        "message": message,
        "level": level,
    }
    html = render_to_string("discussion/admin/fragment.html", context, request=request)
    return HttpResponse(html, status=status, headers={"X-Queue-Fragment": "1"})


def respond(
    request: HttpRequest,
    comment_ids: list[int],
    tab: str,
    message: str,
    level: str,
    errors: dict[int, str] | None = None,
    status: int = 200,
) -> HttpResponse:
    if wants_fragment(request):
        comments = with_decisions(
            Comment.objects.filter(pk__in=comment_ids).select_related("story", "duplicate_of")
        ).in_bulk()
        changed = [comments[pk] for pk in comment_ids if pk in comments]
        return fragment(request, changed, tab, message, level, errors, status)
    getattr(messages, level)(request, message)
    return HttpResponseRedirect(back_url(request, tab))


@require_POST
def decide_comment(request: HttpRequest, pk: int) -> HttpResponse:
    require_moderator(request)
    comment = get_object_or_404(Comment, pk=pk)
    form = DecisionForm(request.POST)
    tab = request.POST.get("tab", "") if request.POST.get("tab") in TABS else ""
    if not form.is_valid():
        return respond(request, [pk], tab, form.problem(), "error", {pk: form.problem()}, 400)
    data = form.cleaned_data
    try:
        decide(
            comment,
            data["action"],
            actor=request.user,
            via=VIA_QUEUE,
            reason=data["reason"],
            note=data["note"],
        )
    except DecisionError as error:
        return respond(request, [pk], tab, str(error), "error", {pk: str(error)}, 409)
    done = DONE[data["action"]]
    if data["action"] == "reject":
        done += f" ({Reason(data['reason']).label.lower()})"
    return respond(request, [pk], tab, f"Comment #{pk} by {comment.author_name} {done}.", "success")


@require_POST
def decide_bulk(request: HttpRequest) -> HttpResponse:
    require_moderator(request)
    form = BulkDecisionForm(request.POST)
    tab = request.POST.get("tab", "") if request.POST.get("tab") in TABS else ""
    if not form.is_valid():
        ids = [pk for value in request.POST.getlist("ids") if (pk := comment_id(value))]
        return respond(request, ids, tab, form.problem(), "error", status=400)
    data = form.cleaned_data
    result = decide_many(
        data["ids"], data["action"], actor=request.user, via=VIA_QUEUE, reason=data["reason"]
    )
    count = len(result.decided)
    message = f"{count} comment{'s' if count != 1 else ''} {DONE[data['action']]}"
    if data["action"] == "reject":
        message += f" ({Reason(data['reason']).label.lower()})"
    message += "."
    if result.errors:
        message += f" {len(result.errors)} could not be changed: " + " ".join(
            result.errors.values()
        )
    level = "success" if not result.errors else ("warning" if count else "error")
    return respond(request, data["ids"], tab, message, level, result.errors)
