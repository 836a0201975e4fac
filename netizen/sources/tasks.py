"""Background work for the inbox, through Django's Tasks API."""

from django.tasks import default_task_backend, task
from django.utils import timezone

from .feeds import is_due, next_poll, poll
from .models import Feed


@task()
def poll_feed(feed_id: int) -> None:
    """Poll one listed feed if it is due, then book its next poll.

    Saving a feed in the admin starts its chain. A second chain for the same feed finds it
    polled already, and ends, so chains never multiply. Backends that cannot run work later
    (the immediate one) poll once; ``netizen sources poll`` from cron covers them.
    """
    feed = Feed.objects.filter(pk=feed_id, active=True).first()
    if feed is None or not is_due(feed, timezone.now()):
        return
    poll(feed)
    if default_task_backend.supports_defer:
        poll_feed.using(run_after=next_poll(feed)).enqueue(feed_id)
