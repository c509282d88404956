"""Response headers Django has no setting for: ``Permissions-Policy``.

``settings.PERMISSIONS_POLICY`` maps each browser feature to the origins that may use
it: ``[]`` for nobody, ``"self"`` for the portal, ``"https://…"`` for a framed site.
The header goes on every response (pages, the admin, documents, static and media
files the app serves, errors); one a view set itself is kept.
"""

from django.conf import settings

HEADER = "Permissions-Policy"


def permissions_policy(policy: dict[str, list[str]]) -> str:
    """``{"camera": [], "fullscreen": ["self", "https://a.vn"]}`` →
    ``camera=(), fullscreen=(self "https://a.vn")`` (a structured-field dictionary)."""
    parts = []
    for feature, allowed in policy.items():
        if "*" in allowed:
            parts.append(f"{feature}=*")
            continue
        origins = " ".join(origin if origin == "self" else f'"{origin}"' for origin in allowed)
        parts.append(f"{feature}=({origins})")
    return ", ".join(parts)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", None)
        if policy and HEADER not in response.headers:
            response.headers[HEADER] = permissions_policy(policy)
        return response
