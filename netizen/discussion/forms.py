"""The reader's comment form."""

from django import forms

from .models import MAX_BODY_LENGTH, MAX_NAME_LENGTH


class CommentForm(forms.Form):
    name = forms.CharField(
        max_length=MAX_NAME_LENGTH,
        label="Name",
        error_messages={"required": "Give a name to show with your comment."},
    )
    email = forms.EmailField(
        required=False,
        label="E-mail (optional)",
        help_text="Never shown. Lets you ask us for your comments or to erase them.",
    )
    body = forms.CharField(
        label="Comment",
        max_length=MAX_BODY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MAX_BODY_LENGTH}),
        help_text=f"Plain text, up to {MAX_BODY_LENGTH:,} characters. Links become clickable.",
        error_messages={"required": "Write your comment before sending it."},
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
