"""Turkish dates as the forms ask for them ("Örneğin: 3-12-2026"), and as Turkish readers write
them (3.12.2026, 3/12/2026). Django's own Turkish formats know only slashes; every other
format comes from Django."""

DATE_INPUT_FORMATS = [
    "%d-%m-%Y",  # '3-12-2026', as the forms' examples
    "%d.%m.%Y",  # '3.12.2026'
    "%d/%m/%Y",  # '3/12/2026'
    "%d-%m-%y",  # '3-12-26'
    "%d.%m.%y",  # '3.12.26'
    "%d/%m/%y",  # '3/12/26'
]
