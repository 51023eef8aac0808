"""Background work of the dossiers, on the task queue's worker (never in a request): making one, and checking one
against today's signatures for the verify page."""

from django_tasks import task

from . import services, verification


@task()
def build_dossier_task(*, dossier_id: int) -> str:
    dossier = services.build_dossier(dossier_id=dossier_id)
    return dossier.status if dossier else "missing"


@task()
def check_dossier_task(*, dossier_id: int) -> str:
    check = verification.recheck_dossier(dossier_id=dossier_id)
    return check.verdict.value if check else "missing"
