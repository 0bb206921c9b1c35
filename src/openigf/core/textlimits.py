"""How many characters a text typed in a box may hold.

Every free-text model field has a cap (``models.TextField(..., max_length=textlimits.LONG)``):
its form field refuses more at the field, before any word is counted, and
``core.errors.validate`` refuses it in every domain write (the API's included). A form's own
text field gives ``max_length`` too. Word limits count words of a text within these caps.
"""

NOTE = 2_000  # a reason, a remark, a note to someone, accessibility needs, a question
TEXT = 5_000  # a biography, a comment, a short statement, a cost breakdown
LONG = 20_000  # a description, a plan, a report, a summary
DOCUMENT = 100_000  # the introduction of a Chair's Summary
