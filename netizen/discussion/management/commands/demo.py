from django.core.management.base import BaseCommand

from netizen.discussion.demo import load_demo_conversation
from netizen.sources.demo import load_demo_sources
from netizen.stories.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo newsroom, its conversation and its sources inbox (idempotent)."

    def handle(self, *args, **options) -> None:
        logins = load_demo()
        logins |= load_demo_conversation()
        load_demo_sources()
        self.stdout.write(self.style.SUCCESS("Demo newsroom ready."))
        self.stdout.write(
            "Log in at /admin/ (local demo accounts; change these passwords "
            "before putting the site online):"
        )
        for username, password in logins.items():
            self.stdout.write(f"  {username:9} password: {password}")
