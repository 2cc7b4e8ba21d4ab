"""The search index (one row per findable object), its vocabulary, and the editors' synonyms.

The engine's own index sits beside SearchDocument and is created by migration 0002: an FTS5
table kept in step by triggers on SQLite, a generated tsvector column with a GIN index on
PostgreSQL. A row exists only while the public may see the object it stands for.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class SearchDocument(models.Model):
    """What the search knows about one public object: text for snippets and its analysed terms."""

    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    title = models.CharField(max_length=500)
    url = models.CharField(max_length=500, blank=True)
    text = models.TextField(blank=True, help_text="The plain text that was indexed, for snippets (bounded).")
    date = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=10, default="nl")
    themes = models.ManyToManyField("core.Theme", blank=True, related_name="+")
    # Analysed terms, space-separated: what the engine index is built from.
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="sitesearch_unique_object")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"


class SearchTerm(models.Model):
    """A word of the indexed (public) texts and in how many documents it occurs: the lexicon for
    splitting compounds and the dictionary for spelling suggestions."""

    term = models.CharField(max_length=40, unique=True)
    stem = models.CharField(max_length=40, db_index=True)
    df = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.term} ({self.df})"


class Synonym(index.Indexed, models.Model):
    """A group of words or phrases that mean the same to a visitor of the site search."""

    terms = models.TextField(
        _("equivalent terms"),
        help_text=_(
            "Words, abbreviations or phrases that should find each other, one per line or separated by commas. "
            "For example: CLB, centrum voor leerlingenbegeleiding. A search for any of them also finds the others. "
            "Capitals and accents do not matter."
        ),
    )
    note = models.CharField(_("note for editors"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]
    search_fields = [index.SearchField("terms"), index.AutocompleteField("terms")]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonyms")

    def __str__(self) -> str:
        return ", ".join(self.members())[:120]

    def members(self) -> list[str]:
        """The terms of the group as typed, without empty entries."""
        return [m.strip() for line in self.terms.splitlines() for m in line.split(",") if m.strip()]


class WarmAnswer(models.Model):
    """What the engines answer for one frequent word, kept for every web process (sitesearch.warm).

    A first search for a word in a third of 100,000 documents costs the engine hundreds of
    milliseconds on PostgreSQL: every match is ranked. Visitors' frequent words are noted here; after
    the documents change, the task worker computes their answers again (counts per kind and theme,
    every match, the best per kind) and the web processes read them. An answer counts only while
    the documents stamps it was computed at are the current ones: it is never stale."""

    # The query tree (sitesearch.warm.key_of): an analysed term as the index holds it, or a tree of
    # them in FTS5's syntax.
    term = models.CharField(max_length=500, unique=True)
    searched_on = models.DateField()  # the last day a visitor searched it
    stamps = models.JSONField(default=dict)  # {kind: documents stamp} at computing time; {} = not yet
    counts = models.JSONField(default=dict)  # {kind: matches}
    themes = models.JSONField(default=dict)  # {kind: {theme id: matches}}
    offsets = models.JSONField(default=dict)  # {kind: [start, end]} in `matches` and [start, end] in `best`
    # Arrays of numbers, kind after kind (warm.py's _pack: a type byte, then little-endian values).
    matches = models.BinaryField(default=b"")  # object ids of every match, ascending, as differences
    ranking = models.BinaryField(default=b"")  # object ids of every match, best first
    best = models.BinaryField(default=b"")  # document ids of the best 200 matches per kind, best first
    scores = models.BinaryField(default=b"")  # their scores (float64), as the engine gave them
    # The same within each theme: {kind: {theme id: [start, end]}} in the two arrays below, read
    # only by a search within a theme. {} = computed before these were kept: the engine answers.
    theme_offsets = models.JSONField(default=dict)
    theme_best = models.BinaryField(default=b"")  # document ids of the best 200 per kind and theme
    theme_scores = models.BinaryField(default=b"")  # their scores (float64)
    computed_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return self.term
