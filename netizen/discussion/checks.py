"""Settings mistakes reported when the site starts (`manage.py check`, runserver, migrate),
not at the first comment screened."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured


@checks.register()
def screening_thresholds(**kwargs: Any) -> list[checks.CheckMessage]:
    from .screening import checked_thresholds

    try:
        checked_thresholds(settings.NETIZEN_SCREENING_THRESHOLDS)
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="netizen.E001")]
    return []
