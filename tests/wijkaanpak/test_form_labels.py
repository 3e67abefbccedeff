"""A label a form sets after StyledFormMixin's __init__ is the one rendered.

The visible character limit's aria-describedby once read ``self[name]`` in __init__, which
cached the bound field with its default label: the workspace's message box said "Text".
"""

from initiatives.forms.workspace import TextForm


def test_a_label_set_after_init_is_rendered():
    form = TextForm(label="Bericht aan de initiatiefnemer", prefix="message")
    html = str(form["text"].label_tag())
    assert "Bericht aan de initiatiefnemer" in html
    assert 'aria-describedby="id_message-text_limit"' in str(form["text"])
