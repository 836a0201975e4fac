"""Who a reader's client is, without storing who they are.

Rate limits and duplicate checks need to recognise the same client within a day. We keep an
HMAC of the IP address under a random key that is made fresh each day and deleted after the
next, so no table ever holds an address and old hashes cannot be traced back to one.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from .models import ClientSecret

_cache: dict[date, str] = {}


def day_secret(day: date) -> str:
    """The key for ``day``, created on first use; keys older than yesterday are deleted."""
    if day in _cache:
        return _cache[day]
    secret = ClientSecret.objects.filter(day=day).values_list("secret", flat=True).first()
    if secret is None:
        try:
            with transaction.atomic():
                secret = ClientSecret.objects.create(day=day, secret=secrets.token_hex(32)).secret
        except IntegrityError:  # another process made today's key first
            secret = ClientSecret.objects.get(day=day).secret
        ClientSecret.objects.filter(day__lt=day - timedelta(days=1)).delete()
    _cache.clear()
    _cache[day] = secret
    return secret


def client_address(request: HttpRequest) -> str:
    """The client's IP address, from the header a trusted proxy sets when one is configured.

    In a list such as X-Forwarded-For only the right-most entry was written by our proxy; the
    ones before it are whatever the client claimed, so they are ignored.
    """
    header = settings.NETIZEN_CLIENT_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def network_of(address: str) -> str:
    """The unit one reader controls: an IPv4 address, or an IPv6 /64 (one home's or phone's
    prefix, whose lower half a device may change at will)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_key(address: str, day: date | None = None) -> str:
    """The day's keyed hash of the address's network; empty when there is no address."""
    if not address:
        return ""
    day = day or timezone.now().date()
    network = network_of(address).encode()
    return hmac.new(day_secret(day).encode(), network, hashlib.sha256).hexdigest()
