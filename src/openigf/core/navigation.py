"""Menus of the layout, filled by each app in its ``AppConfig.ready()``.

``edition`` items appear under an edition's header, ``manage`` items on the Secretariat's
dashboard, ``forum`` items under the header of a forum's own pages. Each item names a URL and a
permission; an item appears only to those who hold the permission. An ``edition`` or
``manage`` item may name a forum-level URL (kwargs ``forum`` only).

An item whose page has nothing to show for some editions (a Chair's Summary, an agenda) names
``exists``: a function of the edition (or forum) returning a queryset, non-empty when the page
exists. The item then shows only where it does, except to those holding ``editor_permission``
(who fill the page). All the items of a menu are checked in one query.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Exists
from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class NavItem:
    scope: str
    label: str
    url_name: str
    permission: str
    order: int = 50
    exists: Callable | None = None
    editor_permission: str = ""


_ITEMS: list[NavItem] = []


def register(*, scope: str, label, url_name: str, permission: str, order: int = 50,
             exists: Callable | None = None, editor_permission: str = "") -> None:
    if any(i.scope == scope and i.url_name == url_name for i in _ITEMS):
        return
    _ITEMS.append(NavItem(scope, label, url_name, permission, order, exists, editor_permission))


def _existing(items: list[NavItem], target) -> set[str]:
    """The url names of ``items`` whose page exists for ``target`` (one query)."""
    checks = {f"i{n}": Exists(item.exists(target)) for n, item in enumerate(items)}
    if not checks:
        return set()
    row = type(target).objects.filter(pk=target.pk).values(**checks).first() or {}
    return {item.url_name for n, item in enumerate(items) if row.get(f"i{n}")}


def items_for(request, scope: str) -> list[dict]:
    target = request.edition if scope in ("edition", "manage") else request.forum
    if target is None:
        return []
    kwargs = {"forum": request.forum.slug}
    if scope in ("edition", "manage"):
        kwargs["edition"] = request.edition.slug
    user = request.user
    allowed = [i for i in sorted((i for i in _ITEMS if i.scope == scope), key=lambda i: i.order)
               if user.has_perm(i.permission, target)]
    to_check = [i for i in allowed if i.exists is not None and not (
        i.editor_permission and user.has_perm(i.editor_permission, target))]
    existing = _existing(to_check, target)
    result = []
    for item in allowed:
        if item in to_check and item.url_name not in existing:
            continue
        try:
            url = reverse(item.url_name, kwargs=kwargs)
        except NoReverseMatch:
            try:
                url = reverse(item.url_name, kwargs={"forum": request.forum.slug})
            except NoReverseMatch:
                continue
        result.append({"label": item.label, "url": url,
                       "current": request.path.startswith(url)})
    return result
