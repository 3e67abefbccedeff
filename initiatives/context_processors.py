from django.http import HttpRequest

from initiatives import rules


def workspace(request: HttpRequest) -> dict[str, bool]:
    """Whether to show the workspace links in the navigation."""
    user = getattr(request, "user", None)
    return {
        "can_use_workspace": bool(user and rules.can_use_workspace(user)),
        "can_handle_data_requests": bool(user and rules.can_handle_data_requests(user)),
    }
