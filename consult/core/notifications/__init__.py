"""Notifications: domains declare kinds; people choose how often and by which channel
(inbox, e-mail, SMS); the committee sends urgent messages to everyone in a scope.

``notify(kind, users, path="/proposals/7", title={...})`` is the one call domains make.
"""

from consult.core.notifications.kinds import URGENT, all_kinds, render
from consult.core.notifications.services import notify, send_urgent, unread_count

__all__ = ["URGENT", "all_kinds", "notify", "render", "send_urgent", "unread_count"]
