from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import login_views, two_factor_views, views
from .forms import SetOrResetPasswordForm

app_name = "accounts"
urlpatterns = [
    path("inloggen/", login_views.LoginView.as_view(), name="login"),
    path("inloggen/code/", login_views.two_factor_verify, name="two_factor"),
    path("inloggen/e-mailcode/", login_views.two_factor_mailbox, name="two_factor_mailbox"),
    path("inloggen/instellen/", login_views.two_factor_enrol, name="two_factor_enrol"),
    path("inloggen/voltooien/", login_views.two_factor_finish, name="two_factor_finish"),
    path("tweestapsverificatie/", two_factor_views.two_factor_settings, name="two_factor_settings"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "wachtwoord-vergeten/",
        login_views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            form_class=SetOrResetPasswordForm,
            email_template_name="notifications/email/password_reset_body.txt",
            subject_template_name="notifications/email/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-kiezen/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html", success_url=reverse_lazy("accounts:password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-kiezen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path(
        "wachtwoord-wijzigen/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html", success_url=reverse_lazy("accounts:password_change_done")
        ),
        name="password_change",
    ),
    path(
        "wachtwoord-wijzigen/klaar/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html"),
        name="password_change_done",
    ),
    path("", views.dashboard, name="dashboard"),
    path("themas/", views.follow_themes, name="follow_themes"),
    path("aanvragen/", views.request_account, name="request"),
    path("aanvragen/verstuurd/", views.request_account_done, name="request_done"),
    path("aanvragen-beoordelen/", views.account_requests, name="requests"),
    path("aanvragen-beoordelen/<int:pk>/", views.decide_account_request, name="decide_request"),
    path("uitnodiging/<uuid:token>/", views.invitation, name="invitation"),
    path("organisatie/<slug:slug>/", views.organisation_members, name="organisation_members"),
    path("organisatie/<slug:slug>/profiel/", views.organisation_profile, name="organisation_profile"),
    path("organisatie/<slug:slug>/leden/<int:pk>/verwijderen/", views.remove_member, name="remove_member"),
]
