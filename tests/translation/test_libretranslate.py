"""LibreTranslate, against a small server started by the test on this machine."""

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from netizen.translation import TranslationUnavailable, translate
from netizen.translation.libretranslate import LibreTranslateTranslator


class FakeLibreTranslate(BaseHTTPRequestHandler):
    """Answers as the server's ``reply`` says and records what it was sent."""

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((self.path, self.headers["Content-Type"], json.loads(body)))
        status, answer, delay = self.server.reply
        time.sleep(delay)
        payload = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeLibreTranslate)
    httpd.received = []
    httpd.reply = (200, {"translatedText": "Refugees at the border"}, 0)
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def test_translation_comes_back_as_a_machine_draft_naming_the_server(server):
    draft = LibreTranslateTranslator(server.url + "/").translate("难民在边境", "zh", "en")

    assert draft.text == "Refugees at the border"
    assert draft.is_draft
    assert (draft.original, draft.source, draft.target) == ("难民在边境", "zh", "en")
    assert (draft.backend, draft.backend_version) == ("libretranslate", f"server {server.url}")
    path, content_type, sent = server.received[0]
    assert (path, content_type) == ("/translate", "application/json")
    assert sent == {"q": "难民在边境", "source": "zh", "target": "en", "format": "text"}


def test_api_key_is_sent_only_when_configured(server):
    LibreTranslateTranslator(server.url, api_key="s3cret").translate("难民", "zh", "en")

    assert server.received[0][2]["api_key"] == "s3cret"


def test_refusal_gives_the_servers_reason_and_not_the_key(server):
    server.reply = (403, {"error": "Invalid API key"}, 0)

    with pytest.raises(TranslationUnavailable) as raised:
        LibreTranslateTranslator(server.url, api_key="s3cret").translate("难民", "zh", "en")

    assert raised.value.reason == f"{server.url} refused (403): Invalid API key"
    assert "s3cret" not in str(raised.value)


def test_server_error_without_json_is_reported_with_its_status(server):
    server.reply = (500, b"<html>Internal Server Error</html>", 0)

    with pytest.raises(TranslationUnavailable, match=r"refused \(500\)$"):
        LibreTranslateTranslator(server.url).translate("难民", "zh", "en")


def test_answer_that_is_not_json_or_lacks_a_translation_is_an_error(server):
    server.reply = (200, b"not json", 0)
    with pytest.raises(TranslationUnavailable, match="not JSON"):
        LibreTranslateTranslator(server.url).translate("难民", "zh", "en")

    server.reply = (200, {"detectedLanguage": "zh"}, 0)
    with pytest.raises(TranslationUnavailable, match="answered without a translation"):
        LibreTranslateTranslator(server.url).translate("难民", "zh", "en")


def test_slow_server_times_out_with_a_clear_reason(server):
    server.reply = (200, {"translatedText": "late"}, 1.0)

    started = time.monotonic()
    with pytest.raises(TranslationUnavailable, match=r"did not answer within 0\.2 s"):
        LibreTranslateTranslator(server.url, timeout=0.2).translate("难民", "zh", "en")
    assert time.monotonic() - started < 1.0


def test_server_that_is_not_running_is_reported_as_unreachable():
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    with pytest.raises(TranslationUnavailable, match=f"could not reach http://127.0.0.1:{port}"):
        LibreTranslateTranslator(f"http://127.0.0.1:{port}").translate("难民", "zh", "en")


def test_only_http_addresses_are_accepted():
    backend = LibreTranslateTranslator("file:///etc/passwd")

    assert not backend.available()
    assert "must be an http(s) address" in backend.unavailable_reason()


def test_configured_server_is_used_first_and_the_glossary_when_it_fails(server, settings):
    settings.NETIZEN_TRANSLATION_BACKENDS = ["libretranslate", "glossary"]
    settings.NETIZEN_LIBRETRANSLATE_URL = server.url

    assert translate("难民", "zh", "en").backend == "libretranslate"

    server.reply = (503, {"error": "Overloaded"}, 0)
    fallback = translate("难民", "zh", "en")
    assert (fallback.backend, fallback.text) == ("glossary", "refugee")


def test_credentials_in_the_address_never_reach_editors():
    import socket

    from netizen.translation.libretranslate import LibreTranslateTranslator

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    backend = LibreTranslateTranslator(f"http://user:s3cret@127.0.0.1:{port}", timeout=2)
    with pytest.raises(TranslationUnavailable) as refused:
        backend.translate("你好", "zh", "en")
    assert "s3cret" not in str(refused.value.reason) and "user:" not in str(refused.value.reason)
    assert f"127.0.0.1:{port}" in str(refused.value.reason)
