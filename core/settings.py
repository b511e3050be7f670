"""Settings read from environment variables, with safe defaults for local use."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from db.engine import DEFAULT_DATABASE_URL, Timeouts, database_url_from_env

DEFAULT_SECRET_KEY = "insecure-local-development-key-change-me"  # noqa: S105 - refused by check() in production


class SettingsError(RuntimeError):
    pass


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    secret_key: str = DEFAULT_SECRET_KEY
    environment: str = "development"
    jwt_issuer: str = "shopready"
    jwt_audience: str = "shopready-api"
    access_token_minutes: int = 15
    refresh_token_days: int = 30
    verification_token_hours: int = 48
    reset_token_minutes: int = 60
    max_query_depth: int = 12
    max_query_tokens: int = 4000
    max_aliases: int = 30
    max_body_bytes: int = 1_000_000
    # multipart requests (photos, CSV imports) carry files: their own, larger limit
    max_upload_bytes: int = 25_000_000
    db_statement_timeout_ms: int = Timeouts.statement_ms
    db_lock_timeout_ms: int = Timeouts.lock_ms
    sqlite_busy_timeout_ms: int = Timeouts.sqlite_busy_ms
    max_query_cost: int = 5000
    query_budget: int = 10_000
    query_budget_restore_rate: int = 500
    signin_limit_per_account_client: int = 5
    signin_limit_per_client: int = 30
    signin_window_minutes: int = 15
    registration_limit_per_client: int = 10
    account_mail_limit_per_client: int = 5
    account_mail_limit_per_address: int = 3
    smtp_url: str | None = None
    mail_dir: str = "./mail"
    mail_from: str = "ShopReady <no-reply@shopready.local>"
    app_url: str | None = None
    public_url: str | None = None  # this API's own address, for links served by it (one-click unsubscribe)
    invitation_weekly_cap: int = 25
    first_contact_weekly_cap: int = 25
    gold_class_per_role: int = 1
    password_time_cost: int = 3
    password_memory_kib: int = 65536
    log_level: str = "INFO"
    log_format: str = "text"
    # events: webhooks, workers, subscriptions
    webhook_allow_private: bool = False
    webhook_timeout_seconds: float = 10.0
    webhook_retry_hours: int = 72
    event_retention_days: int = 30  # webhook delivery logs
    audit_retention_days: int = 365  # events themselves: the audit trail reads them
    worker_poll_seconds: float = 1.0
    subscriptions_per_connection: int = 20
    subscription_init_timeout_seconds: float = 10.0
    # media: photos of listings and thank-you notes, on local disk unless an S3-compatible bucket is named
    media_dir: str = "./media"
    media_url: str | None = None
    media_max_bytes: int = 10_000_000
    media_max_pixels: int = 40_000_000
    media_s3_bucket: str | None = None
    media_s3_endpoint_url: str | None = None
    media_s3_region: str | None = None
    media_s3_prefix: str = ""
    # Production: partner apps may only run documents their organization registered (see README).
    trusted_documents_only: bool = False
    # Plain-data subtrees completed by serializers compiled per selection (schema/execution/); off runs
    # graphql-core's own field-by-field path, which must give the same answers.
    compiled_execution: bool = True
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def database_timeouts(self) -> Timeouts:
        return Timeouts(self.db_statement_timeout_ms, self.db_lock_timeout_ms, self.sqlite_busy_timeout_ms)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ

        def number(name: str, default: int) -> int:
            raw = env.get(name)
            if raw is None:
                return default
            try:
                return int(raw)
            except ValueError as exc:
                raise SettingsError(f"{name} must be a whole number, got {raw!r}") from exc

        def flag(name: str) -> bool:
            raw = env.get(name, "").strip().lower()
            if raw not in ("", "0", "false", "no", "1", "true", "yes"):
                raise SettingsError(f"{name} must be true or false, got {raw!r}")
            return raw in ("1", "true", "yes")

        return cls(
            database_url=database_url_from_env(env),
            secret_key=env.get("SHOPREADY_SECRET_KEY", DEFAULT_SECRET_KEY),
            environment=env.get("SHOPREADY_ENV", "development"),
            access_token_minutes=number("SHOPREADY_ACCESS_TOKEN_MINUTES", 15),
            refresh_token_days=number("SHOPREADY_REFRESH_TOKEN_DAYS", 30),
            verification_token_hours=number("SHOPREADY_VERIFICATION_TOKEN_HOURS", 48),
            reset_token_minutes=number("SHOPREADY_RESET_TOKEN_MINUTES", 60),
            max_query_depth=number("SHOPREADY_MAX_QUERY_DEPTH", 12),
            max_query_tokens=number("SHOPREADY_MAX_QUERY_TOKENS", 4000),
            max_aliases=number("SHOPREADY_MAX_ALIASES", 30),
            max_body_bytes=number("SHOPREADY_MAX_BODY_BYTES", 1_000_000),
            max_upload_bytes=number("SHOPREADY_MAX_UPLOAD_BYTES", 25_000_000),
            db_statement_timeout_ms=number("SHOPREADY_DB_STATEMENT_TIMEOUT_MS", Timeouts.statement_ms),
            db_lock_timeout_ms=number("SHOPREADY_DB_LOCK_TIMEOUT_MS", Timeouts.lock_ms),
            sqlite_busy_timeout_ms=number("SHOPREADY_SQLITE_BUSY_TIMEOUT_MS", Timeouts.sqlite_busy_ms),
            max_query_cost=number("SHOPREADY_MAX_QUERY_COST", 5000),
            query_budget=number("SHOPREADY_QUERY_BUDGET", 10_000),
            query_budget_restore_rate=number("SHOPREADY_QUERY_BUDGET_RESTORE_RATE", 500),
            invitation_weekly_cap=number("SHOPREADY_INVITATION_WEEKLY_CAP", 25),
            first_contact_weekly_cap=number("SHOPREADY_FIRST_CONTACT_WEEKLY_CAP", 25),
            signin_limit_per_account_client=number("SHOPREADY_SIGNIN_LIMIT_PER_ACCOUNT_CLIENT", 5),
            signin_limit_per_client=number("SHOPREADY_SIGNIN_LIMIT_PER_CLIENT", 30),
            signin_window_minutes=number("SHOPREADY_SIGNIN_WINDOW_MINUTES", 15),
            registration_limit_per_client=number("SHOPREADY_REGISTRATION_LIMIT_PER_CLIENT", 10),
            account_mail_limit_per_client=number("SHOPREADY_ACCOUNT_MAIL_LIMIT_PER_CLIENT", 5),
            account_mail_limit_per_address=number("SHOPREADY_ACCOUNT_MAIL_LIMIT_PER_ADDRESS", 3),
            smtp_url=env.get("SHOPREADY_SMTP_URL") or None,
            mail_dir=env.get("SHOPREADY_MAIL_DIR", "./mail"),
            mail_from=env.get("SHOPREADY_MAIL_FROM", "ShopReady <no-reply@shopready.local>"),
            public_url=env.get("SHOPREADY_PUBLIC_URL") or None,
            app_url=(env.get("SHOPREADY_APP_URL") or "").rstrip("/") or None,
            gold_class_per_role=number("SHOPREADY_GOLD_CLASS_PER_ROLE", 1),
            password_time_cost=number("SHOPREADY_PASSWORD_TIME_COST", 3),
            password_memory_kib=number("SHOPREADY_PASSWORD_MEMORY_KIB", 65536),
            log_level=env.get("SHOPREADY_LOG_LEVEL", "INFO"),
            log_format=env.get("SHOPREADY_LOG_FORMAT", "text"),
            webhook_allow_private=env.get("SHOPREADY_WEBHOOK_ALLOW_PRIVATE", "0") == "1",
            webhook_timeout_seconds=number("SHOPREADY_WEBHOOK_TIMEOUT_SECONDS", 10),
            webhook_retry_hours=number("SHOPREADY_WEBHOOK_RETRY_HOURS", 72),
            event_retention_days=number("SHOPREADY_EVENT_RETENTION_DAYS", 30),
            audit_retention_days=number("SHOPREADY_AUDIT_RETENTION_DAYS", 365),
            subscriptions_per_connection=number("SHOPREADY_SUBSCRIPTIONS_PER_CONNECTION", 20),
            subscription_init_timeout_seconds=number("SHOPREADY_SUBSCRIPTION_INIT_TIMEOUT_SECONDS", 10),
            trusted_documents_only=flag("SHOPREADY_TRUSTED_DOCUMENTS_ONLY"),
            compiled_execution=flag("SHOPREADY_COMPILED_EXECUTION")
            if env.get("SHOPREADY_COMPILED_EXECUTION")
            else True,
            media_dir=env.get("SHOPREADY_MEDIA_DIR", "./media"),
            media_url=(env.get("SHOPREADY_MEDIA_URL") or "").rstrip("/") or None,
            media_max_bytes=number("SHOPREADY_MEDIA_MAX_BYTES", 10_000_000),
            media_max_pixels=number("SHOPREADY_MEDIA_MAX_PIXELS", 40_000_000),
            media_s3_bucket=env.get("SHOPREADY_MEDIA_S3_BUCKET") or None,
            media_s3_endpoint_url=env.get("SHOPREADY_MEDIA_S3_ENDPOINT_URL") or None,
            media_s3_region=env.get("SHOPREADY_MEDIA_S3_REGION") or None,
            media_s3_prefix=env.get("SHOPREADY_MEDIA_S3_PREFIX", ""),
        )

    def check(self) -> None:
        """Refuse configurations that are unsafe in production or mistyped."""
        if self.smtp_url and not self.smtp_url.startswith(("smtp://", "smtps://")):
            raise SettingsError("SHOPREADY_SMTP_URL must start with smtp:// (STARTTLS) or smtps:// (TLS)")
        timeouts = {
            "SHOPREADY_DB_STATEMENT_TIMEOUT_MS": self.db_statement_timeout_ms,
            "SHOPREADY_DB_LOCK_TIMEOUT_MS": self.db_lock_timeout_ms,
            "SHOPREADY_SQLITE_BUSY_TIMEOUT_MS": self.sqlite_busy_timeout_ms,
        }
        for name, value in timeouts.items():
            if value < 0:
                raise SettingsError(f"{name} must be 0 (no limit) or more milliseconds, got {value}")
        if self.log_format not in ("text", "json"):
            raise SettingsError(f"SHOPREADY_LOG_FORMAT must be text or json, got {self.log_format!r}")
        if self.is_production and (self.secret_key == DEFAULT_SECRET_KEY or len(self.secret_key) < 32):
            raise SettingsError(
                "SHOPREADY_SECRET_KEY must be set to a random value of at least 32 characters in production"
            )
        if self.is_production and self.webhook_allow_private:
            raise SettingsError(
                "SHOPREADY_WEBHOOK_ALLOW_PRIVATE must be off in production (it allows loopback targets)"
            )
