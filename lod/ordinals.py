"""Numbers as UN texts print them: a session in words ("Seventy-fifth session"), a meeting with its
suffix ("62nd plenary meeting"). One place for the rule, which the readers (a record's meeting
"87 plenary meeting", a closing line's "2449th"), the decision records' session label and the
synthetic corpus all use."""

from __future__ import annotations

_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORD_UNITS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
              "nine": "ninth", "twelve": "twelfth"}


def cardinal_words(n: int) -> str:
    """1–999 in English words, hyphenated the way UN session names are ("eighty-one")."""
    if not 0 < n < 1000:
        raise ValueError(f"{n} is outside 1–999")
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        parts.append(f"{_UNITS[hundreds]} hundred")
    if rest:
        if rest < 20:
            words = _UNITS[rest]
        else:
            tens, unit = divmod(rest, 10)
            words = _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")
        parts.append(words)
    return " and ".join(parts)


def ordinal_words(n: int) -> str:
    """"Eighty-first", "One hundredth": how a session is named in the masthead."""
    words = cardinal_words(n)
    head, sep, last = words.rpartition("-") if "-" in words.split(" ")[-1] else words.rpartition(" ")
    if last in _ORD_UNITS:
        last = _ORD_UNITS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    out = head + sep + last
    return out[0].upper() + out[1:]


def ordinal_suffix(n: int) -> str:
    """"62nd", "101st": meeting numbers are printed with a suffix, not in words."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
