"""Who may talk to the editor: the browser that holds the token, on this machine, from the editor's own pages.

Datasette and Jupyter's local server are the model: bound to the loopback address, a random
token in the URL that becomes a SameSite cookie, the Host header checked (a foreign name
pointing at 127.0.0.1 is DNS rebinding), and every POST checked for its Origin and a CSRF
token, so another site open in the same browser can neither read nor change anything.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field

LOOPBACK = "127.0.0.1"
# What an editor page may load and do: its own script and stylesheet, its own previews, nothing else.
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
# A preview (the routekaart, the cards) is a finished document: its styles, fonts and images are
# inside it; it runs nothing and is shown only inside the editor.
PREVIEW_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; "
    "frame-ancestors 'self'; form-action 'none'; base-uri 'none'; sandbox allow-same-origin"
)
COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",  # partners' names and numbers stay out of the browser's cache
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


@dataclass(frozen=True)
class Refusal:
    status: int
    message: str


@dataclass
class Guard:
    """The checks every request passes; `port` is known once the server is bound."""

    port: int = 0
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))

    @property
    def cookie(self) -> str:
        # Cookies are not kept apart by port: two editors on one machine each need their own name.
        return f"assembler-bewerk-{self.port}"

    @property
    def origin(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset({f"{LOOPBACK}:{self.port}", f"localhost:{self.port}"})

    @property
    def url(self) -> str:
        """What the command prints and opens: the address with the token."""
        return f"{self.origin}/?token={self.token}"

    def host(self, header: str | None) -> Refusal | None:
        if (header or "").lower() not in self.hosts:
            return Refusal(400, "Onbekend adres. De editor beantwoordt alleen verzoeken aan 127.0.0.1 op deze computer.")
        return None

    def allowed(self, cookie: str | None, query: str | None) -> bool:
        """The token as a cookie, or in the URL (the first visit, from the printed link)."""
        return any(value is not None and hmac.compare_digest(value, self.token) for value in (cookie, query))

    def post(
        self, origin: str | None, referer: str | None, fetch_site: str | None, csrf: str | None
    ) -> Refusal | None:
        """A state-changing request must come from the editor's own page, with its CSRF token."""
        if fetch_site is not None and fetch_site not in ("same-origin", "none"):
            return Refusal(403, "Geweigerd: dit verzoek kwam van een andere website.")
        if origin is not None:
            if origin != self.origin and origin != f"http://localhost:{self.port}":
                return Refusal(403, "Geweigerd: dit verzoek kwam van een andere website.")
        elif referer is None or not (
            referer.startswith(self.origin + "/") or referer.startswith(f"http://localhost:{self.port}/")
        ):
            return Refusal(403, "Geweigerd: van dit verzoek is niet te zien dat het uit de editor kwam.")
        if csrf is None or not hmac.compare_digest(csrf, self.csrf):
            return Refusal(403, "Geweigerd: het formulier is verlopen. Laad de pagina opnieuw.")
        return None
