"""A LibreTranslate server, when an operator names one.

This is the one backend that sends text off the machine, so it does nothing unless
``NETIZEN_LIBRETRANSLATE_URL`` is set and ``libretranslate`` is listed in
``NETIZEN_TRANSLATION_BACKENDS``. A plain HTTP POST (``urllib``) with a timeout: a slow or
broken server costs the editor a few seconds and an error that says what went wrong, never
the text they were working on.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from netizen.translation.backends import TranslationUnavailable
from netizen.translation.drafts import Draft

DEFAULT_TIMEOUT = 10.0


def without_credentials(url: str) -> str:
    """The address as editors may see it: any user:password@ an operator put in it removed."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]).geturl()


class LibreTranslateTranslator:
    """Translate through ``{url}/translate``; ``api_key`` is sent only when set."""

    name = "libretranslate"

    def __init__(self, url: str, api_key: str = "", timeout: float = DEFAULT_TIMEOUT) -> None:
        self.url = url.rstrip("/")
        self.shown_url = without_credentials(self.url)
        self.api_key = api_key
        self.timeout = timeout

    def available(self) -> bool:
        return not self.unavailable_reason()

    def unavailable_reason(self) -> str:
        if not self.url:
            return "no server configured (set NETIZEN_LIBRETRANSLATE_URL)"
        if urlsplit(self.url).scheme not in ("http", "https") or not urlsplit(self.url).netloc:
            return f"NETIZEN_LIBRETRANSLATE_URL must be an http(s) address, not {self.shown_url!r}"
        return ""

    def translate(self, text: str, source: str, target: str) -> Draft:
        if reason := self.unavailable_reason():
            raise TranslationUnavailable(self.name, reason)
        answer = self._post({"q": text, "source": source, "target": target, "format": "text"})
        translated = answer.get("translatedText") if isinstance(answer, dict) else None
        if not isinstance(translated, str):
            reason = f"{self.shown_url} answered without a translation"
            raise TranslationUnavailable(self.name, reason)
        return Draft(translated, text, source, target, self.name, f"server {self.shown_url}")

    def _post(self, fields: dict[str, str]) -> object:
        """POST ``fields`` as JSON and decode the answer; every failure becomes one error."""
        if self.api_key:
            fields = {**fields, "api_key": self.api_key}
        request = urllib.request.Request(
            f"{self.url}/translate",
            data=json.dumps(fields).encode(),
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            raise TranslationUnavailable(self.name, self._refusal(error)) from error
        except TimeoutError as error:
            raise TranslationUnavailable(self.name, self._too_slow()) from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):  # the connection itself timed out
                raise TranslationUnavailable(self.name, self._too_slow()) from error
            reason = f"could not reach {self.shown_url}: {error.reason}"
            raise TranslationUnavailable(self.name, reason) from error
        except (ValueError, OSError) as error:
            reason = f"{self.shown_url} sent an answer that is not JSON ({error})"
            raise TranslationUnavailable(self.name, reason) from error

    def _too_slow(self) -> str:
        return f"{self.shown_url} did not answer within {self.timeout:g} s"

    def _refusal(self, error: urllib.error.HTTPError) -> str:
        """The server's own words for a refusal (LibreTranslate sends ``{"error": ...}``)."""
        try:
            message = json.loads(error.read()).get("error", "")
        except (ValueError, AttributeError, OSError):
            message = ""
        return f"{self.shown_url} refused ({error.code}){': ' + message if message else ''}"
