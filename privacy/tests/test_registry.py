"""Nothing that points at a person escapes the export and the erasure: every relation to the user
model, every e-mail field and every field of the account is declared in privacy/registry.py.

When one of these fails, a model (or a field of the account) was added: declare it in the registry
with the export section that shows it and what erasure does with it."""

from privacy import export, registry


def test_every_relation_to_the_account_is_declared():
    undeclared = [label for label, field in registry.user_relations() if registry.policy_for(label, field) is None]
    assert undeclared == [], f"Declare these in privacy/registry.py RELATIONS: {undeclared}"


def test_no_declared_relation_is_stale():
    installed = {label for label, _field in registry.user_relations()}
    assert sorted(set(registry.RELATIONS) - installed) == []


def test_the_walk_finds_relations_wherever_they_are_declared():
    labels = {label for label, _field in registry.user_relations()}
    # a plain foreign key, a protected one, one inherited by every page type, a one-to-one
    assert {"practices.Comment.author", "practices.ReviewAssignment.reviewer", "wagtailcore.Page.owner"} <= labels
    assert "wagtailusers.UserProfile.user" in labels
    assert not any(label.startswith("pages.") and label.endswith(".owner") for label in labels)


def test_every_e_mail_field_is_declared():
    installed = {label for label, _field in registry.email_fields()}
    assert sorted(installed - set(registry.EMAIL_FIELDS)) == [], "Declare these in privacy/registry.py EMAIL_FIELDS"
    assert sorted(set(registry.EMAIL_FIELDS) - installed) == []


def test_every_field_of_the_account_is_declared():
    assert sorted(set(registry.account_fields()) ^ set(registry.ACCOUNT_FIELDS)) == []


def test_two_factor_devices_are_covered_when_installed():
    devices = registry.otp_device_models()
    relations = dict(registry.user_relations())
    for model in devices:
        label = f"{model._meta.label}.user"
        assert registry.policy_for(label, relations[label]) == registry.OTP_DEVICE_POLICY


def test_every_declared_export_section_exists_and_every_silence_is_explained():
    policies = [*registry.RELATIONS.values(), *registry.EMAIL_FIELDS.values(), *registry.ACCOUNT_FIELDS.values()]
    policies.append(registry.OTP_DEVICE_POLICY)
    for policy in policies:
        if policy.export is None:
            assert policy.why, policy
        else:
            assert policy.export in export.SECTIONS, policy
        assert policy.erase in {registry.DELETE, registry.CLEAR, registry.KEEP, registry.SCRUB, registry.IGNORE, registry.BLANK}
