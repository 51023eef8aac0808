"""Forms editors build: surveys, feedback and sign-ups, public or for the coalition's members.

A ``SurveyPage`` is a Wagtail form page translated with wagtail-localize (its questions' labels, help texts and
choices are translated; their names, types and order are shared). Every answer is an ``SurveyAnswer`` row and
is announced to the inbox under one key for all the page's translations; choice questions are counted across
the translations and drawn as bar charts in the admin.
"""
