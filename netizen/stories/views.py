"""Site search: English words and Chinese words inside unsegmented sentences."""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from . import chinese
from .models import StoryPage, paginate

MAX_QUERY_LENGTH = 200


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        stories = StoryPage.objects.live().public()
        results = paginate(request, stories.search(chinese.query_text(query)))
    return TemplateResponse(request, "stories/search.html", {"query": query, "results": results})
