"""The period filter of the per-wijk overviews."""

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkaanpak.forms import StyledFormMixin

ALL_TIME = "all"


@dataclass(frozen=True)
class Period:
    value: str
    label: str
    start: dt.datetime | None = None
    end: dt.datetime | None = None


def _local_midnight(year: int, month: int) -> dt.datetime:
    # Periods follow the municipality's calendar, not UTC.
    return dt.datetime(year, month, 1, tzinfo=timezone.get_default_timezone())


def period_for(value: str) -> Period:
    """The period a valid choice value stands for ("all", "2026", "2026-Q1")."""
    if value == ALL_TIME:
        return Period(ALL_TIME, str(_("alle jaren")))
    year, _sep, quarter = value.partition("-Q")
    if not quarter:
        return Period(
            value, value, _local_midnight(int(year), 1), _local_midnight(int(year) + 1, 1)
        )
    first_month = 3 * (int(quarter) - 1) + 1
    end = (
        _local_midnight(int(year) + 1, 1)
        if first_month == 10
        else _local_midnight(int(year), first_month + 3)
    )
    label = _("%(year)s, kwartaal %(quarter)s") % {"year": year, "quarter": quarter}
    return Period(value, str(label), _local_midnight(int(year), first_month), end)


class PeriodForm(StyledFormMixin, forms.Form):
    """``?period=all|2026|2026-Q1``, offering only the years that have data.

    Anything else is not a choice, so the form is invalid and the page falls back to all time.
    """

    period = forms.ChoiceField(
        label=_("Periode"),
        required=False,
        error_messages={
            "invalid_choice": _(
                "Deze periode kennen we niet. U ziet nu de cijfers over alle jaren."
            )
        },
    )

    def __init__(self, *args, years: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices: list = [(ALL_TIME, _("Alle jaren"))]
        for year in sorted(years, reverse=True):
            choices.append(
                (
                    str(year),
                    [
                        (str(year), _("Heel %(year)s") % {"year": year}),
                        *((f"{year}-Q{q}", period_for(f"{year}-Q{q}").label) for q in range(1, 5)),
                    ],
                )
            )
        self.fields["period"].choices = choices

    def selected(self) -> Period:
        if self.is_valid() and self.cleaned_data["period"]:
            return period_for(self.cleaned_data["period"])
        return period_for(ALL_TIME)
