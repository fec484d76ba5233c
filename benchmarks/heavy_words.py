"""What people write in a journal, as word banks for the synthetic heavy journal.

Data only: benchmarks/heavy_vault.py and heavy_sections.py draw from these. Every line is
ordinary, kind, gender-neutral text of the lengths people write.
"""

NOTE_SENTENCES = (
    "It was short and I kept it polite.",
    "I didn't answer straight away, and that felt right.",
    "They asked about the paperwork again.",
    "I noticed my shoulders were tense for the rest of the afternoon.",
    "Afterwards I went for a walk around the block.",
    "It was about the car, nothing else.",
    "I felt the old pull, then it passed.",
    "I wrote down what I wanted to say before replying.",
    "A message arrived late in the evening and I left it until morning.",
    "We ran into each other at the shop; I said hello and moved on.",
    "It brought back a lot, more than I expected.",
    "I told a friend about it and felt lighter.",
    "Nothing dramatic, just tiring.",
    "I kept to the one topic we had agreed on.",
    "I slept badly that night but the next day was fine.",
    "I'm proud that I didn't explain myself over and over.",
    "The call lasted four minutes.",
    "I reminded myself why the distance matters.",
)
WHAT_HAPPENED = (
    "I was tired and lonely after a long week.",
    "I saw an old photo and wanted to know how they were.",
    "It was their birthday and I told myself one message couldn't hurt.",
    "I had a drink and my guard was down.",
    "Something at work reminded me of them.",
    "I was worried and wanted reassurance.",
    "I told myself it was only about the practical things.",
)
WHAT_HELPED = (
    "Calling my sister afterwards.",
    "Writing here instead of sending a second message.",
    "Going to bed early.",
    "Reading my list of reasons.",
    "Getting out of the flat for an hour.",
)
TRY_NEXT = (
    "Put my phone in another room on Friday evenings.",
    "Text a friend first when the urge comes.",
    "Wait twenty minutes and check in here before deciding.",
    "Mute the old chat so it doesn't come up.",
    "Plan something for the evenings around that date.",
)
PROMISES = (
    "Go for a walk before work.",
    "Eat a proper lunch.",
    "Call Mum.",
    "Leave the phone outside the bedroom.",
    "Be kind to myself if it's a hard day.",
    "Don't check their profile.",
    "Finish one small thing on my list.",
    "Drink water and go to bed before eleven.",
)

OWN_TRIGGERS = (  # added to the suggestions, as a person's list grows
    "Sunday evenings",
    "Seeing a car like theirs",
    "Payday weekend",
    "A wedding invitation",
    "Our old street",
)
FEELINGS = (
    "Lonely",
    "Restless",
    "Sad and tired",
    "Missing them",
    "Anxious, tight chest",
    "Angry, then sad",
    "Numb",
    "Guilty for no reason",
    "Hopeful, which scared me",
)
PLACES = ("At home", "In bed", "On the bus", "At work", "In the car", "At the shops", "Outside")
COMPANY = ("Alone", "With friends", "With my kids", "With colleagues", "With my sister")
DID_INSTEAD = (
    "Went for a walk",
    "Called a friend",
    "Wrote here",
    "Had a shower",
    "Read my reasons",
    "Made tea and waited",
    "Put the phone in a drawer",
    "Breathed with the timer",
)
URGE_NOTES = (
    "It came out of nowhere.",
    "I wanted to ask how they were.",
    "I typed a message and deleted it.",
    "It was strongest for the first few minutes.",
    "I noticed I was hungry and tired too.",
    "I remembered how the last time went.",
    "It eased once I got up and moved.",
    "I kept picturing their face.",
    "It was a quiet one, but it lasted.",
    "I told myself I could decide in an hour, and by then I didn't want to.",
)
# Evenings and late nights are when the pull comes most; weights for hours 0..23.
URGE_HOURS = (4, 3, 2, 1, 1, 1, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 5, 6, 7, 8, 9, 9, 7)
URGE_MINUTES = (2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 240)
URGE_MINUTE_WEIGHTS = (4, 10, 14, 14, 12, 12, 8, 7, 4, 3, 1)


MEMORY_KINDS = (("good", 35), ("harm", 30), ("apology", 12), ("tension", 15), ("other", 8))
MEMORY_TITLES = {
    "good": (
        "A walk by the river",
        "Dinner at our place",
        "Laughing in the car",
        "A weekend away",
        "Birthday surprise",
        "Dancing in the kitchen",
        "Sunday morning coffee",
    ),
    "harm": (
        "Shouting after the party",
        "Phone checked again",
        "Told I was too sensitive",
        "Money taken",
        "Kept from my friends",
        "The broken door",
        "Silent for a week",
    ),
    "apology": (
        "Flowers and sorry",
        "Promised to change",
        "Crying and apologising",
        "A long letter",
        "Couples weekend",
    ),
    "tension": (
        "Walking on eggshells",
        "Questions about where I was",
        "Cold all evening",
        "Jealous about work",
    ),
    "other": ("Moving flats", "New job", "Started counselling", "Holiday with family"),
}
DATE_PRECISION = (("day", 50), ("month", 25), ("season", 10), ("year", 8), ("range", 7))


# ----- promises, hunches, exercises, letters, reasons, people -------------------------------------

EXERCISE_PROMISES = (
    "Message a friend before the weekend.",
    "Cook something I like on Sunday.",
    "Say no to one thing I don't want to do.",
    "Take a proper lunch break every day this week.",
    "Put the old photos in a box, out of sight.",
    "Go to the class on Thursday even if I feel flat.",
    "Write here instead of checking their page.",
    "Ask for help with the forms.",
)
INSTINCTS = (
    "This new colleague is someone I can trust.",
    "The message from them is not really about the paperwork.",
    "I should not go to that party this year.",
    "My sister is worried about me and won't say so.",
    "The flat viewing on Saturday will feel right.",
    "That apology is the start of another round.",
    "I can handle the meeting about the house.",
)
PREDICTIONS = (
    "I will not be able to get through the anniversary without messaging.",
    "Everyone at the wedding will ask about them.",
    "I will feel this bad for months.",
    "They will be kind for a week, then it starts again.",
    "I will never enjoy that café again.",
    "The hearing will go badly for me.",
    "I will sleep better once the weekend is over.",
    "My friends will get tired of hearing about it.",
)
HUNCH_NOTES = (
    "It went differently from what I expected.",
    "Partly true, but I coped better than I feared.",
    "I can't really tell yet.",
    "My gut was right about this one.",
    "It was hard for a day, then easier.",
)
EXERCISE_ANSWERS = (
    "They said it never happened, but I remember the date and what I wore.",
    "I felt small and confused, then angry later that night.",
    "I know what I saw. I wrote it down the same evening.",
    "I was told I was overreacting.",
    "A friend would tell me it makes sense to feel this way.",
    "One small thing: a walk at lunch tomorrow.",
    "That I am allowed to want a calm life.",
    "The feeling fits part of the facts, not all of them.",
    "Breathing slowly for a minute helped a little.",
    "I want to be someone who keeps promises to myself.",
)
LETTER_PARAGRAPHS = (
    "I keep writing to you in my head, so I am writing it here instead, where it stays.",
    "There are days I miss the good parts so much that I forget the rest. Then I remember.",
    "You told me I was too sensitive. I think I was paying attention.",
    "I am not sending this. I just need the words to be somewhere outside of me.",
    "I remember the morning by the river, and I remember the night after the party. Both happened.",
    "It is strange how quiet the flat is now. Some evenings the quiet is a relief.",
    "I wanted you to understand me. I am learning that I can understand myself.",
    "Part of me still waits for an apology that would make it all make sense.",
    "Today was a good day, and I didn't want to tell you about it. That's new.",
    "I am angry, and I am allowed to be.",
    "I hope one day I can think of you without my chest going tight.",
    "This is the last thing I will say tonight: I deserved kindness, then and now.",
)
REASONS = (
    "I deserve to feel safe in my own home.",
    "Every time I reached out, the week after was worse.",
    "I sleep through the night now.",
    "My friends are back in my life.",
    "I don't have to explain myself over and over.",
    "I want my money to be mine.",
    "The apologies never changed anything.",
    "I can wear what I like.",
    "I am calmer at work.",
    "I want my children to see what a calm home is.",
    "I stopped walking on eggshells.",
    "I remember who I was before.",
    "Nobody checks my phone.",
    "The pull is a feeling, not a plan.",
    "I am allowed to be happy without permission.",
    "My body feels less tense.",
    "I can make plans and keep them.",
    "I promised myself I would choose me.",
    "The good days with them cost too much.",
    "I am rebuilding trust in my own memory.",
    "I laugh more.",
    "I don't have to be small.",
    "Distance gives me room to think.",
    "I want a future that feels like mine.",
)
SUPPORT_PEOPLE = (
    ("Sam", "Mobile, any evening", "Knows the whole story."),
    ("My sister", "Call or text", ""),
    ("Jo from work", "Message on the work chat", "Good for a walk at lunch."),
    ("Counsellor", "Tuesdays, the clinic number", "Next session on the calendar."),
    ("Alex", "Text first", "Lives nearby."),
    ("Support line", "The number on the card in my wallet", "Open every night."),
    ("Robin", "Video call on Sundays", ""),
    ("Neighbour downstairs", "Knock", "Has a spare key."),
)
