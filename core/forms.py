from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Every form on the site renders through our accessible components (labels, help, errors)."""

    form_template_name = "components/form.html"
    field_template_name = "components/form_field.html"
