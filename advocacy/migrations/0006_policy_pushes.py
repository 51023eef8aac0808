"""Policy pushes and their ledger; the Secretariat may view, add and change them (and nobody else but superusers).

Permissions are made here if ``post_migrate`` has not made them yet, as in 0002.
"""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models

import advocacy.pushes.files
import partners.models

SECRETARIAT_MAY = ["view", "add", "change"]


def grant_secretariat(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    push_type, _ = ContentType.objects.get_or_create(app_label="advocacy", model="policypush")
    group, _ = Group.objects.get_or_create(name="Secretariat")
    for action in SECRETARIAT_MAY:
        permission, _ = Permission.objects.get_or_create(
            content_type=push_type,
            codename=f"{action}_policypush",
            defaults={"name": f"Can {action} policy push"},
        )
        group.permissions.add(permission)


def revoke_secretariat(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Secretariat"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="advocacy", content_type__model="policypush")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("advocacy", "0005_inbox_groups_read_the_submissions"),
        ("campaigns", "0004_eventrsvp_source"),
        ("partners", "0004_kind_and_role_labels_through_gettext"),
        ("petitions", "0004_every_petition_summaries"),
        ("stories", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PolicyPush",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        help_text="The demand in one line, e.g. “No alcohol sales after midnight”.",
                        max_length=255,
                        verbose_name="demand",
                    ),
                ),
                (
                    "demand",
                    models.TextField(
                        help_text="What we ask the decision makers to do, in the words we hand over to them.",
                        verbose_name="the demand in full",
                    ),
                ),
                (
                    "stage",
                    models.CharField(
                        choices=[
                            ("preparing", "preparing"),
                            ("collecting", "collecting support"),
                            ("delivered", "delivered"),
                            ("awaiting", "awaiting response"),
                            ("responded", "response received"),
                            ("negotiating", "negotiating"),
                            ("won", "won"),
                            ("partly_won", "partly won"),
                            ("lost", "lost"),
                            ("dropped", "dropped"),
                        ],
                        db_index=True,
                        default="preparing",
                        help_text="Where the push stands now.",
                        max_length=12,
                        verbose_name="stage",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "campaigns",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        help_text="The campaigns that carry this demand.",
                        related_name="pushes",
                        to="campaigns.campaignpage",
                        verbose_name="campaigns",
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        help_text="The member of staff who follows this push. Reminders about deadlines go to them.",
                        limit_choices_to={"is_staff": True},
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="owner",
                    ),
                ),
                (
                    "partners",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        help_text="The partner organisations that stand behind this demand.",
                        related_name="pushes",
                        to="partners.partnerpage",
                        verbose_name="coalition",
                    ),
                ),
                (
                    "petitions",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        help_text="The petitions that collect support for this demand.",
                        related_name="pushes",
                        to="petitions.petitionpage",
                        verbose_name="petitions",
                    ),
                ),
                (
                    "stories",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        help_text="Published stories that show why the demand matters.",
                        related_name="pushes",
                        to="stories.storypage",
                        verbose_name="stories",
                    ),
                ),
                (
                    "targets",
                    modelcluster.fields.ParentalManyToManyField(
                        help_text="The decision makers we want an answer from. Add them under Snippets › Decision makers.",
                        related_name="pushes",
                        to="petitions.decisionmaker",
                        verbose_name="targets",
                    ),
                ),
            ],
            options={
                "verbose_name": "policy push",
                "verbose_name_plural": "policy pushes",
                "ordering": ["-updated_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="Delivery",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "delivered_on",
                    models.DateField(
                        default=django.utils.timezone.localdate,
                        help_text="The day it was handed over.",
                        verbose_name="date",
                    ),
                ),
                (
                    "place",
                    models.CharField(
                        blank=True,
                        help_text="Where, e.g. the ministry's front office, Bangkok.",
                        max_length=255,
                        verbose_name="place",
                    ),
                ),
                (
                    "what",
                    models.TextField(
                        help_text="What we handed over: the letter, the dossier, the number of signatures.",
                        verbose_name="what was delivered",
                    ),
                ),
                (
                    "delivered_by_people",
                    models.TextField(
                        blank=True,
                        help_text="The people who handed it over, one per line.",
                        verbose_name="delivered by (people)",
                    ),
                ),
                (
                    "received_by_name",
                    models.CharField(
                        blank=True,
                        help_text="The name of the person who took it.",
                        max_length=200,
                        verbose_name="received by",
                    ),
                ),
                (
                    "received_by_office",
                    models.CharField(
                        blank=True,
                        help_text="Their position or office.",
                        max_length=200,
                        verbose_name="their office",
                    ),
                ),
                (
                    "receipt_number",
                    models.CharField(
                        blank=True,
                        help_text="The official registration number the office gave the letter, if any.",
                        max_length=100,
                        verbose_name="receipt number",
                    ),
                ),
                (
                    "acknowledgement",
                    advocacy.pushes.files.ScanField(
                        blank=True,
                        help_text="A scan or photo of the stamped receipt: PDF or image. Only the Secretariat can open it.",
                        storage=partners.models.PrivateStorage(),
                        upload_to="pushes/acknowledgements/%Y/%m/",
                        validators=[
                            django.core.validators.FileExtensionValidator(
                                ["pdf", "jpg", "jpeg", "png", "webp", "tif", "tiff"]
                            )
                        ],
                        verbose_name="scanned acknowledgement",
                    ),
                ),
                (
                    "response_deadline",
                    models.DateField(
                        blank=True,
                        help_text="Leave empty for the usual time the office has to answer, counted from the delivery date.",
                        verbose_name="answer expected by",
                    ),
                ),
                ("reminded_before_at", models.DateTimeField(editable=False, null=True)),
                ("reminded_overdue_at", models.DateTimeField(editable=False, null=True)),
                (
                    "delivered_by_partners",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        help_text="The partner organisations that took part in the handover.",
                        related_name="+",
                        to="partners.partnerpage",
                        verbose_name="delivered by (organisations)",
                    ),
                ),
                (
                    "target",
                    models.ForeignKey(
                        help_text="The decision maker it was handed to.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="petitions.decisionmaker",
                        verbose_name="delivered to",
                    ),
                ),
                (
                    "push",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="deliveries",
                        to="advocacy.policypush",
                    ),
                ),
            ],
            options={
                "verbose_name": "delivery",
                "verbose_name_plural": "deliveries",
                "ordering": ["delivered_on", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Commitment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "promise",
                    models.TextField(
                        help_text="The promise, as close to their words as we can.",
                        verbose_name="what was promised",
                    ),
                ),
                (
                    "due_on",
                    models.DateField(
                        blank=True,
                        help_text="The date they promised it for. Leave empty if none.",
                        null=True,
                        verbose_name="by when",
                    ),
                ),
                (
                    "kept",
                    models.CharField(
                        choices=[("not_yet", "not yet"), ("yes", "yes"), ("no", "no")],
                        default="not_yet",
                        help_text="Whether they did what they promised.",
                        max_length=8,
                        verbose_name="kept",
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        blank=True, help_text="Anything worth remembering about it.", verbose_name="note"
                    ),
                ),
                (
                    "target",
                    models.ForeignKey(
                        help_text="The decision maker who made the promise.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="petitions.decisionmaker",
                        verbose_name="promised by",
                    ),
                ),
                (
                    "push",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="commitments",
                        to="advocacy.policypush",
                    ),
                ),
            ],
            options={
                "verbose_name": "commitment",
                "verbose_name_plural": "commitments",
                "ordering": ["due_on", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Response",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "received_on",
                    models.DateField(
                        default=django.utils.timezone.localdate,
                        help_text="The date of the answer (the letter's date).",
                        verbose_name="date",
                    ),
                ),
                (
                    "document",
                    advocacy.pushes.files.ScanField(
                        blank=True,
                        help_text="The answer itself, scanned: PDF or image. Only the Secretariat can open it.",
                        storage=partners.models.PrivateStorage(),
                        upload_to="pushes/responses/%Y/%m/",
                        validators=[
                            django.core.validators.FileExtensionValidator(
                                ["pdf", "jpg", "jpeg", "png", "webp", "tif", "tiff"]
                            )
                        ],
                        verbose_name="document",
                    ),
                ),
                (
                    "summary",
                    models.TextField(
                        help_text="What they said, in two or three sentences.", verbose_name="summary"
                    ),
                ),
                (
                    "classification",
                    models.CharField(
                        choices=[
                            ("accepted", "accepted"),
                            ("partly_accepted", "partly accepted"),
                            ("rejected", "rejected"),
                            ("referred", "referred elsewhere"),
                            ("no_answer", "no answer"),
                        ],
                        help_text="How the answer stands against our demand.",
                        max_length=16,
                        verbose_name="classification",
                    ),
                ),
                (
                    "push",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="responses",
                        to="advocacy.policypush",
                    ),
                ),
                (
                    "target",
                    models.ForeignKey(
                        help_text="The decision maker who answered.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="petitions.decisionmaker",
                        verbose_name="from",
                    ),
                ),
            ],
            options={
                "verbose_name": "response",
                "verbose_name_plural": "responses",
                "ordering": ["received_on", "pk"],
            },
        ),
        migrations.RunPython(grant_secretariat, revoke_secretariat),
    ]
