"""The mails accounts send: each with a plain-text and an HTML body saying the same thing."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from core.mailer import Mail
from core.settings import Settings

_IGNORE = "If you did not ask for this, ignore this mail: nothing changes."


def _mail(to: str, subject: str, paragraphs: list[str], action: tuple[str, str] | None = None) -> Mail:
    """`action` is (label, link or token): a button in HTML, a line of its own in text."""
    text_lines = [*paragraphs]
    html_parts = [f"<p>{escape(p)}</p>" for p in paragraphs]
    if action is not None:
        label, target = action
        text_lines.insert(1, f"{label}: {target}")
        if target.startswith("http"):
            html_parts.insert(1, f'<p><a href="{escape(target, quote=True)}">{escape(label)}</a></p>')
        else:
            html_parts.insert(1, f"<p>{escape(label)}: <code>{escape(target)}</code></p>")
    text = "\n\n".join(text_lines) + "\n\n-- ShopReady\n"
    html = "<html><body>" + "".join(html_parts) + "<p>-- ShopReady</p></body></html>"
    return Mail(to=to, subject=subject, text=text, html=html)


def _action(settings: Settings, path: str, token: str, label: str) -> tuple[str, str]:
    if settings.app_url:
        return label, f"{settings.app_url}/{path}#token={quote(token)}"
    return f"{label} (your code)", token


def verification(settings: Settings, to: str, token: str) -> Mail:
    hours = settings.verification_token_hours
    return _mail(
        to,
        "Confirm your email for ShopReady",
        [
            "Confirm that this address is yours to finish signing up and to sign in.",
            f"The link works once, within {hours} hours. {_IGNORE}",
        ],
        _action(settings, "verify-email", token, "Confirm my email"),
    )


def already_registered(to: str) -> Mail:
    return _mail(
        to,
        "You already have a ShopReady account",
        [
            "Someone tried to sign up with this address, which already has an account.",
            "If it was you, sign in, or reset your password if you forgot it. " + _IGNORE,
        ],
    )


def password_reset(settings: Settings, to: str, token: str) -> Mail:
    minutes = settings.reset_token_minutes
    return _mail(
        to,
        "Reset your ShopReady password",
        [
            "Choose a new password for your ShopReady account; every device signed in will be signed out.",
            f"The link works once, within {minutes} minutes. {_IGNORE}",
        ],
        _action(settings, "reset-password", token, "Choose a new password"),
    )


def invitation(to: str, organization: str, role: str) -> Mail:
    return _mail(
        to,
        f"{organization} invites you to ShopReady",
        [
            f"{organization} invites you to join it on ShopReady as {role.lower()}.",
            "Sign up (or sign in) with this address and confirm it; the invitation is waiting for you. "
            "It only ever goes to an account that has confirmed this address.",
        ],
    )
