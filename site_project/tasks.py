"""Background work that belongs to no one domain: delivering the outbox."""

from django_tasks import task

from . import outbox


@task()
def deliver_outbox() -> int:
    """Send every e-mail that is due. Safe to run any number of times at once: rows are claimed with a lease."""
    return outbox.deliver()
