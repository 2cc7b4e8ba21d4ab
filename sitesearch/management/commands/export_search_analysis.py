"""manage.py export_search_analysis: the same analysis as OpenSearch index settings (JSON).

For a deployment that moves the site search to OpenSearch: create the index with this body, feed
it SearchDocument rows (kind, title, text, date, themes, url) and query `title^5, text` with the
`expoo_search` analyzer. See sitesearch/README.md.
"""

import json

from django.core.management.base import BaseCommand

from sitesearch import synonyms, vocabulary
from sitesearch.analysis import MIN_COMPOUND_LENGTH, STOPWORDS, base_words
from sitesearch.models import Synonym


def settings(min_df: int = 2) -> dict:
    vocab = vocabulary.current()
    lexicon = sorted(base_words() | {w for w, n in vocab.df.items() if n >= min_df and len(w) >= 4 and w.isalpha()})
    rules = [
        ", ".join(" ".join(member) for member in group.members)
        for group in synonyms.parse(Synonym.objects.values_list("terms", flat=True))
    ]
    index_filters = ["lowercase", "asciifolding", "expoo_stop", "expoo_decompounder", "expoo_stemmer"]
    text = {"type": "text", "analyzer": "expoo_index", "search_analyzer": "expoo_search"}
    return {
        "settings": {
            "analysis": {
                "filter": {
                    "expoo_stop": {"type": "stop", "stopwords": sorted(STOPWORDS)},
                    # Snowball's Porter-based Dutch stemmer, as sitesearch uses (dutch_porter).
                    "expoo_stemmer": {"type": "stemmer", "language": "dutch"},
                    "expoo_decompounder": {
                        "type": "dictionary_decompounder",
                        "word_list": lexicon,
                        "min_word_size": MIN_COMPOUND_LENGTH,
                        "min_subword_size": 3,
                        "only_longest_match": True,
                    },
                    "expoo_synonyms": {"type": "synonym_graph", "synonyms": rules, "lenient": True},
                },
                "analyzer": {
                    "expoo_index": {"type": "custom", "tokenizer": "standard", "filter": index_filters},
                    "expoo_search": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", "asciifolding", "expoo_synonyms", *index_filters[2:]],
                    },
                },
            }
        },
        "mappings": {
            "properties": {
                "kind": {"type": "keyword"},
                "object_id": {"type": "long"},
                "title": text,
                "text": text,
                "date": {"type": "date"},
                "themes": {"type": "keyword"},
                "language": {"type": "keyword"},
                "url": {"type": "keyword", "index": False},
            }
        },
    }


class Command(BaseCommand):
    help = "Print OpenSearch index settings (analysis and mappings) equivalent to the site search's Dutch analysis."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-df", type=int, default=2, help="Corpus words in at least this many documents join the lexicon."
        )

    def handle(self, *args, min_df=2, **options):
        self.stdout.write(json.dumps(settings(min_df), ensure_ascii=False, indent=2))
