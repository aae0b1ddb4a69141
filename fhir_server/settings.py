"""Every setting of the server, read from the environment (prefix ``FHIR_AI_``)."""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DB_PATH = Path("data") / "fhir.db"


class UnsafeSettingsError(RuntimeError):
    """Raised when settings would expose the server unsafely."""


class Settings(BaseSettings):
    """Server settings; ``FHIR_AI_DATABASE_URL`` selects SQLite (default) or PostgreSQL."""

    model_config = SettingsConfigDict(env_prefix="FHIR_AI_", extra="ignore")

    database_url: str = Field(default=f"sqlite:///{DEFAULT_DB_PATH}")
    host: str = "127.0.0.1"
    port: int = 8080
    base_path: str = "/fhir"
    #: Public base URL used in Location headers and fullUrls; derived from the request when empty.
    public_base_url: str = ""
    #: Bearer tokens accepted when authentication is on (SMART plugs in at the access context).
    auth_tokens: list[str] = Field(default_factory=list)
    insecure: bool = False
    max_body_bytes: int = 32 * 1024 * 1024
    default_page_size: int = 20
    max_page_size: int = 1000
    db_pool_size: int = 20
    run_jobs: bool = True
    job_poll_seconds: float = 0.5
    log_level: str = "INFO"

    @property
    def auth_configured(self) -> bool:
        return bool(self.auth_tokens)

    def check_safe_binding(self) -> None:
        """Refuse a non-loopback bind without authentication unless ``insecure`` is set."""
        if self.insecure or self.auth_configured or is_loopback(self.host):
            return
        raise UnsafeSettingsError(
            f"Refusing to listen on {self.host!r}: it is not a loopback address and no "
            "authentication is configured. Set FHIR_AI_AUTH_TOKENS (JSON list) or pass "
            "--insecure if you really want an open server."
        )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@lru_cache
def get_settings() -> Settings:
    return Settings()
