"""A multi-select of municipalities that works without JavaScript: checkboxes grouped per province,
each province a fieldset folded in a <details> (open when one of its municipalities is chosen)."""

from django import forms


class MunicipalitiesByProvinceWidget(forms.CheckboxSelectMultiple):
    template_name = "organisations/widgets/municipalities_by_province.html"

    def optgroups(self, name, value, attrs=None):
        from .models import Municipality

        # One query for every option's province, whatever queryset the field was given.
        province_of = dict(Municipality.objects.values_list("pk", "province__name"))
        chosen = {str(v) for v in value}
        groups: dict[str, list] = {}
        index = 0
        for option_value, option_label in self.choices:
            if option_value == "":
                continue
            key = str(getattr(option_value, "value", option_value))
            province = province_of.get(int(key), "") if key.isdigit() else ""
            option = self.create_option(name, option_value, option_label, key in chosen, index, attrs=attrs)
            groups.setdefault(province, []).append(option)
            index += 1
        return [
            (province, options, any(o["selected"] for o in options), n)
            for n, (province, options) in enumerate(sorted(groups.items()))
        ]
