"""Menus of the layout, filled by each app in its ``AppConfig.ready()``.

``edition`` items appear under an edition's header, ``manage`` items on the Secretariat's
dashboard, ``forum`` items under the header of a forum's own pages. Each item names a URL and a
permission; an item appears only to those who hold the permission. An ``edition`` or
``manage`` item may name a forum-level URL (kwargs ``forum`` only).
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class NavItem:
    scope: str
    label: str
    url_name: str
    permission: str
    order: int = 50


_ITEMS: list[NavItem] = []


def register(*, scope: str, label, url_name: str, permission: str, order: int = 50) -> None:
    item = NavItem(scope, label, url_name, permission, order)
    if item not in _ITEMS:
        _ITEMS.append(item)


def items_for(request, scope: str) -> list[dict]:
    target = request.edition if scope in ("edition", "manage") else request.forum
    if target is None:
        return []
    kwargs = {"forum": request.forum.slug}
    if scope in ("edition", "manage"):
        kwargs["edition"] = request.edition.slug
    result = []
    for item in sorted((i for i in _ITEMS if i.scope == scope), key=lambda i: i.order):
        if not request.user.has_perm(item.permission, target):
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
