"""The sidebar's sections, in order. Its own module so the window can name one cheaply."""

TODAY, URGES, EXERCISES, WHOLE, REVIEW, SETTINGS = range(6)
