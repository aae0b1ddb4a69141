"""Settings and the command line: unsafe bindings are refused."""

from __future__ import annotations

import subprocess
import sys

import pytest

from fhir_server.settings import Settings, UnsafeSettingsError


def test_loopback_without_auth_is_fine() -> None:
    Settings(host="127.0.0.1").check_safe_binding()
    Settings(host="::1").check_safe_binding()
    Settings(host="localhost").check_safe_binding()


def test_public_bind_without_auth_refused() -> None:
    with pytest.raises(UnsafeSettingsError, match="not a loopback address"):
        Settings(host="0.0.0.0").check_safe_binding()
    Settings(host="0.0.0.0", insecure=True).check_safe_binding()
    Settings(host="0.0.0.0", auth_tokens=["s3cret"]).check_safe_binding()


def test_cli_refuses_public_bind() -> None:
    r = subprocess.run([sys.executable, "-m", "fhir_server.cli", "serve", "--host", "0.0.0.0"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "Refusing to listen on '0.0.0.0'" in r.stderr


def test_bearer_token_required_when_configured(tmp_path: object) -> None:
    from fastapi.testclient import TestClient

    from fhir_server.app import create_app

    app = create_app(Settings(database_url=f"sqlite:///{tmp_path}/a.db", auth_tokens=["tok"],
                              run_jobs=False))
    with TestClient(app) as c:
        r = c.get("/fhir/Patient")
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        assert r.json()["issue"][0]["code"] == "login"
        assert c.get("/fhir/Patient", headers={"Authorization": "Bearer tok"}).status_code == 200
    app.state.engine.dispose()
