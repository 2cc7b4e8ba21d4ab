"""People, their organisations, invitations and account requests."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person with an account; they log in with their e-mail address."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    followed_themes = models.ManyToManyField(
        "core.Theme",
        blank=True,
        related_name="followers",
        verbose_name=_("followed themes"),
        help_text=_("You receive an e-mail when something new is published on these themes."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]
    objects = UserManager()

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def organisations_admin_of(self):
        from organisations.models import Organisation

        return Organisation.objects.filter(memberships__user=self, memberships__role=MembershipRole.ADMIN)


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    ADMIN = "admin", _("Organisation administrator")


class Membership(models.Model):
    """A person belongs to an organisation as a member or as one of its administrators."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=16, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")]
        ordering = ["organisation__name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


def _invitation_expiry():
    return timezone.now() + timezone.timedelta(days=14)


class Invitation(models.Model):
    """An organisation administrator invites someone by e-mail; the link holds a random token."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("e-mail address"))
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(_("role"), max_length=16, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class AccountRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=RequestStatus.PENDING)


class AccountRequest(models.Model):
    """Someone asks for an account with an existing organisation, or for a new organisation.

    Requests for an existing organisation are decided by its administrators (or the EXPOO team
    when it has none); a new organisation is decided by the EXPOO team. No password is stored
    here: on approval the person receives a link to choose one.
    """

    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="account_requests", verbose_name=_("organisation")
    )
    is_new_organisation = models.BooleanField(default=False, editable=False)
    motivation = models.TextField(_("message"), blank=True)
    status = models.CharField(max_length=16, choices=RequestStatus.choices, default=RequestStatus.PENDING, db_index=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AccountRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("account request")
        verbose_name_plural = _("account requests")
        permissions = [("decide_organisation_request", "Can approve or decline new organisations")]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name} ({self.organisation})"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()
