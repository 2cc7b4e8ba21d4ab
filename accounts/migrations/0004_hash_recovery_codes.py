"""Recovery codes stored before they were hashed (8 base32 characters) become keyed hashes."""

from django.db import migrations


def hash_plain_codes(apps, schema_editor):
    from accounts.two_factor import stored_form

    StaticToken = apps.get_model("otp_static", "StaticToken")
    for token in StaticToken.objects.exclude(token__regex=r"^[0-9a-f]{16}$"):
        token.token = stored_form(token.token)
        token.save(update_fields=["token"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_followed_themes"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(hash_plain_codes, migrations.RunPython.noop)]
