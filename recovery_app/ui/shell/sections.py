"""The sidebar's sections, in order. Its own module so the window can name one cheaply.

Ctrl+1 to Ctrl+7 follow this order. Understanding comes after the places used in a hard
moment, so their shortcuts stay where people learned them; Settings stays last."""

TODAY, URGES, EXERCISES, WHOLE, UNDERSTANDING, REVIEW, SETTINGS = range(7)
