# Wijkaanpak: gunicorn serving Django, static files by whitenoise. See docs/deploy.md.
# BASE is any Debian trixie image whose python3 is Python 3.13: the official image by
# default; a registry mirror or a pinned digest (python:3.13-slim-trixie@sha256:...) in
# production; CI builds on a local debootstrap of trixie (.ci/image).
ARG BASE=python:3.13-slim-trixie

FROM ${BASE} AS build
ENV UV_PYTHON_DOWNLOADS=never \
    UV_LINK_MODE=copy \
    UV_COMPILE_BYTECODE=1 \
    UV_NATIVE_TLS=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv
# UV_NATIVE_TLS: uv trusts the base's certificate store, like pip and apt (a private mirror's
# authority is added there). gettext compiles the translation catalogues.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext=0.23.* \
    && rm -rf /var/lib/apt/lists/*
# uv in a venv of its own: Debian's python3 refuses a system-wide pip install.
RUN python3 -m venv /opt/uv && /opt/uv/bin/pip install --no-cache-dir uv==0.13.9
WORKDIR /app
COPY pyproject.toml uv.lock ./
# uv leaves a world-writable lock file in the environment: nothing needs it at run time.
RUN /opt/uv/bin/uv sync --frozen --no-dev --no-install-project && rm /opt/venv/.lock
COPY . .
ENV PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=wijkaanpak.settings
# Build-time values only: the real ones come from the environment at run time. The
# application's bytecode is compiled here because the app user cannot write it later.
RUN export SECRET_KEY=build-only STATIC_MANIFEST=1 DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    && python manage.py compilemessages --ignore=.venv \
    && python manage.py collectstatic --no-input -v0 \
    && python -m compileall -q manage.py gunicorn.conf.py wijkaanpak initiatives neighbourhoods subscriptions budgets attachments

FROM ${BASE} AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=wijkaanpak.settings \
    MEDIA_ROOT=/var/lib/wijkaanpak/media \
    BIND=0.0.0.0:8000
# pg_dump and pg_restore for manage.py backup_database (docs/deploy.md, "Backup and restore").
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client=17+* \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home app \
    && install -d -m 750 -o 10001 -g 10001 /var/lib/wijkaanpak/media
# Uploaded photos and documents (MEDIA_ROOT): mount a volume here; a new named volume takes
# this folder's owner, the app user.
# Owned by root: the app user reads the code and the collected static files, and can
# change none of them.
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
WORKDIR /app
USER 10001:10001
EXPOSE 8000
# Asks /healthz on the address in BIND, so a changed BIND keeps the check true.
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD ["python", "-m", "wijkaanpak.healthcheck"]
# The same image runs the tasks worker (python manage.py run_worker), the migrations
# (python manage.py migrate --no-input) and the daily commands: see docs/deploy.md.
CMD ["gunicorn", "--config", "gunicorn.conf.py", "wijkaanpak.wsgi"]
