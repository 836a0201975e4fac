"""Settings come from the environment with safe defaults."""

import importlib

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def test_tests_run_background_tasks_immediately():
    backend = settings.TASKS["default"]["BACKEND"]
    assert backend == "django.tasks.backends.immediate.ImmediateBackend"


def test_media_lives_in_the_data_directory():
    assert settings.MEDIA_ROOT == settings.DATA_DIR / "media"


def reload_settings(monkeypatch, **env):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    import netizen.settings as module

    return importlib.reload(module)


@pytest.fixture
def restore_settings_module(monkeypatch):
    """Reload the real settings module once the test's environment is undone."""
    yield
    monkeypatch.undo()
    import netizen.settings as module

    importlib.reload(module)


@pytest.mark.usefixtures("restore_settings_module")
def test_environment_configures_database_hosts_and_debug(monkeypatch, tmp_path):
    module = reload_settings(
        monkeypatch,
        NETIZEN_DATA_DIR=str(tmp_path),
        DATABASE_URL="postgresql://app:secret@db.internal:5433/news",
        NETIZEN_ALLOWED_HOSTS="news.example.org, www.news.example.org",
        NETIZEN_DEBUG="yes",
        NETIZEN_SECRET_KEY="from-the-environment",
    )
    assert module.DATABASES["default"]["NAME"] == "news"
    assert module.DATABASES["default"]["PORT"] == 5433
    assert module.ALLOWED_HOSTS == ["news.example.org", "www.news.example.org"]
    assert module.DEBUG is True
    assert module.SECRET_KEY == "from-the-environment"


@pytest.mark.usefixtures("restore_settings_module")
def test_default_is_sqlite_in_data_dir_with_a_kept_secret_key(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("NETIZEN_SECRET_KEY", raising=False)
    first = reload_settings(monkeypatch, NETIZEN_DATA_DIR=str(tmp_path))
    assert first.DATABASES["default"]["NAME"] == tmp_path / "netizen.sqlite3"
    assert first.DEBUG is False
    key = first.SECRET_KEY
    assert len(key) > 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    second = reload_settings(monkeypatch, NETIZEN_DATA_DIR=str(tmp_path))
    assert key == second.SECRET_KEY


@pytest.mark.usefixtures("restore_settings_module")
def test_unknown_task_backend_is_a_clear_error(monkeypatch, tmp_path):
    with pytest.raises(ImproperlyConfigured, match="choose one of database, rq, immediate"):
        reload_settings(monkeypatch, NETIZEN_DATA_DIR=str(tmp_path), NETIZEN_TASKS_BACKEND="celery")
