"""MEDIA_STORAGE picks the storage of uploaded files: the file system or S3."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from wijkaanpak.settings import media_storage


def test_files_by_default():
    assert media_storage("files") == {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"file_permissions_mode": 0o640, "directory_permissions_mode": 0o750},
    }


def test_only_uploads_are_kept_from_other_users(settings):
    """collectstatic writes with the global modes: the image's app user must read them."""
    assert settings.FILE_UPLOAD_PERMISSIONS == 0o644
    assert settings.FILE_UPLOAD_DIRECTORY_PERMISSIONS is None


def test_s3_from_the_environment(monkeypatch):
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "wijkaanpak-bijlagen")
    monkeypatch.setenv("AWS_S3_ENDPOINT_URL", "https://s3.example.nl")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "id")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    monkeypatch.delenv("AWS_S3_REGION_NAME", raising=False)
    monkeypatch.delenv("AWS_LOCATION", raising=False)
    assert media_storage("s3") == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "wijkaanpak-bijlagen",
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
            "location": "",
            "endpoint_url": "https://s3.example.nl",
            "access_key": "id",
            "secret_key": "secret",
        },
    }


def test_s3_without_a_bucket_is_refused(monkeypatch):
    monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME", raising=False)
    with pytest.raises(ImproperlyConfigured, match="AWS_STORAGE_BUCKET_NAME"):
        media_storage("s3")


def test_the_s3_backend_is_installed():
    from storages.backends.s3 import S3Storage

    assert S3Storage
