# syntax=docker/dockerfile:1
# Wijkaanpak: gunicorn serving Django, static files by whitenoise. See docs/deploy.md.

FROM python:3.13-slim-bookworm AS build
ENV UV_PYTHON_DOWNLOADS=never \
    UV_LINK_MODE=copy \
    UV_COMPILE_BYTECODE=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv
# gettext compiles the translation catalogues.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext=0.21-12 \
    && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir uv==0.13.9
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
ENV PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=wijkaanpak.settings
# Build-time values only: the real ones come from the environment at run time.
RUN SECRET_KEY=build-only STATIC_MANIFEST=1 python manage.py compilemessages --ignore=.venv \
    && SECRET_KEY=build-only STATIC_MANIFEST=1 python manage.py collectstatic --no-input

FROM python:3.13-slim-bookworm AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=wijkaanpak.settings \
    BIND=0.0.0.0:8000
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home app
COPY --from=build /opt/venv /opt/venv
COPY --from=build --chown=10001:10001 /app /app
WORKDIR /app
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status == 200 else 1)"]
# The same image runs the tasks worker: docker run IMAGE python manage.py db_worker
CMD ["gunicorn", "--config", "gunicorn.conf.py", "wijkaanpak.wsgi"]
