"""Synonyms apply from the next search in every process: saving or deleting a group renews the stamp."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import vocabulary
from .models import Synonym


@receiver(post_save, sender=Synonym)
@receiver(post_delete, sender=Synonym)
def _synonyms_changed(**kwargs):
    vocabulary.changed()
