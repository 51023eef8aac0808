"""The two baseline views: the floor of Django's own cost, with and without one database write."""

from django.db import connection, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

TABLE = "bench_baseline_hit"


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


@csrf_exempt
def insert(request):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} (created_at, path) VALUES (%s, %s)",  # noqa: S608  (a constant name)
            [timezone.now(), request.path],
        )
    return HttpResponse("inserted", content_type="text/plain")


def create_table() -> None:
    """Create the table ``insert`` writes to, empty (run once before gunicorn starts)."""
    primary_key = (
        "integer PRIMARY KEY AUTOINCREMENT" if connection.vendor == "sqlite" else "bigserial PRIMARY KEY"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
        cursor.execute(
            f"CREATE TABLE {TABLE} (id {primary_key}, created_at timestamp with time zone NOT NULL, "
            "path varchar(200) NOT NULL)"
        )


def count_rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {TABLE}")  # noqa: S608
        return cursor.fetchone()[0]
