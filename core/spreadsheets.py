"""Spreadsheet formula injection: a CSV cell that starts with = + - @ (or a tab or carriage return)
is run as a formula when the file is opened in a spreadsheet. Our own exports use `safe_cell`;
Wagtail's admin CSV exports (reports such as the site history, listings, form submissions) are
patched here, since members type text that ends up in them (a practice's title in the history).
Wagtail already does the same for its XLSX exports."""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value as a spreadsheet shows it, never as a formula (a leading apostrophe)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def patch_wagtail_csv_exports() -> None:
    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "expoo_safe", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        result = original(self, field, value, export_format)
        return safe_cell(result) if export_format == self.FORMAT_CSV else result

    preprocess_field_value.expoo_safe = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
