"""compose.yaml and deploy/kubernetes/ against the code they run (their schemas: make lint)."""

import re
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands

from tests.wijkaanpak.test_environment_documented import environment_reads

ROOT = Path(__file__).resolve().parents[2]
KUBERNETES = sorted((ROOT / "deploy" / "kubernetes").rglob("*.yaml"))
FILES = [ROOT / "compose.yaml", ROOT / "Dockerfile", ROOT / "docs" / "deploy.md", *KUBERNETES]
# In YAML lists ("manage.py", "migrate") and in shell lines (manage.py migrate).
MANAGE = re.compile(r"""manage\.py"?,?\s+"?([a-z][a-z0-9_]*)(?![.\w])""")
WORKER_PEAK_MIB = 110  # docs/performance.md: a gunicorn worker's peak memory
MASTER_MIB = 50


def kubernetes_documents() -> list[dict]:
    return [
        document
        for path in KUBERNETES
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8"))
        if document
    ]


def mebibytes(quantity: str) -> int:
    number, unit = re.fullmatch(r"([0-9]+)(Mi|Gi)", quantity).groups()
    return int(number) * (1024 if unit == "Gi" else 1)


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_management_command_named_exists(path):
    named = set(MANAGE.findall(path.read_text(encoding="utf-8")))
    unknown = named - set(get_commands())
    assert unknown == set(), f"{path.name} runs commands that do not exist: {unknown}"


def test_compose_and_kubernetes_set_only_variables_the_code_reads():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    names = set()
    for service in compose["services"].values():
        if "manage.py" in str(service) or service.get("image", "").startswith("${WIJKAANPAK"):
            names |= set(service.get("environment", {}))
    for document in kubernetes_documents():
        if document["kind"] in {"ConfigMap", "Secret"}:
            names |= set(document.get("data", {})) | set(document.get("stringData", {}))
    assert names, "no variables found"
    assert names - set(environment_reads()) == set()


def test_web_pods_are_probed_and_drained_before_they_stop():
    (web,) = [d for d in kubernetes_documents() if d["metadata"]["name"] == "wijkaanpak-web"]
    pod = web["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    pause = int(container["lifecycle"]["preStop"]["exec"]["command"][-1])
    graceful_timeout = 30  # gunicorn's default
    assert pod["terminationGracePeriodSeconds"] > pause + graceful_timeout


def test_web_pods_request_the_memory_their_workers_use():
    config = next(d for d in kubernetes_documents() if d["kind"] == "ConfigMap")
    workers = int(config["data"]["WEB_CONCURRENCY"])
    (web,) = [d for d in kubernetes_documents() if d["metadata"]["name"] == "wijkaanpak-web"]
    resources = web["spec"]["template"]["spec"]["containers"][0]["resources"]
    needed = workers * WORKER_PEAK_MIB + MASTER_MIB
    assert mebibytes(resources["requests"]["memory"]) >= needed
    assert mebibytes(resources["limits"]["memory"]) >= mebibytes(resources["requests"]["memory"])


def test_every_pod_runs_as_the_image_user_with_a_read_only_root():
    pods = []
    for document in kubernetes_documents():
        spec = document.get("spec", {})
        spec = spec.get("jobTemplate", {}).get("spec", spec)
        if "template" in spec:
            pods.append((document["metadata"]["name"], spec["template"]["spec"]))
    assert len(pods) >= 4
    for name, pod in pods:
        assert pod["securityContext"]["runAsUser"] == 10001, name
        for container in pod["containers"]:
            assert container["securityContext"]["readOnlyRootFilesystem"] is True, name
            assert container["image"] == pods[0][1]["containers"][0]["image"], name
