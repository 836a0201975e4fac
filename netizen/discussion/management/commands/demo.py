from django.core.management.base import BaseCommand

from netizen.stories.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo newsroom (idempotent: existing content is left alone)."

    def handle(self, *args, **options) -> None:
        logins = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo newsroom ready."))
        self.stdout.write(
            "Log in at /admin/ (local demo accounts; change these passwords "
            "before putting the site online):"
        )
        for username, password in logins.items():
            self.stdout.write(f"  {username:8} password: {password}")
