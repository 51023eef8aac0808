"""Background work of the dossiers: making one, on the task queue's worker (never in the request)."""

from django_tasks import task

from . import services


@task()
def build_dossier_task(*, dossier_id: int) -> str:
    dossier = services.build_dossier(dossier_id=dossier_id)
    return dossier.status if dossier else "missing"
