"""The `token` the syndication endpoint wants, computed as public embed renderers compute it (react-tweet):

    token = ((Number(id) / 1e15) * Math.PI).toString(36).replace(/(0+|\\.)/g, '')

Float math on purpose (the id is first turned into a double), and JavaScript's own radix conversion, fractional
digits included: `double_to_radix` is a port of V8's DoubleToRadixCString, so the digits match JS exactly.
"""

from __future__ import annotations

import math
import re

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def double_to_radix(value: float, radix: int) -> str:
    """Number.prototype.toString(radix) for a finite double, digit for digit as V8 writes it."""
    if value == 0:
        return "0"
    negative = value < 0
    value = abs(value)
    integer: float = math.floor(value)
    fraction = value - integer
    # Fractional digits only up to the input's precision: half the gap to the next double.
    delta = max(0.5 * (math.nextafter(value, math.inf) - value), math.nextafter(0.0, 1.0))
    fraction_digits: list[str] = []
    if fraction >= delta:
        while True:
            fraction *= radix
            delta *= radix
            digit = int(fraction)
            fraction_digits.append(DIGITS[digit])
            fraction -= digit
            if fraction > 0.5 or (fraction == 0.5 and (digit & 1)):
                if fraction + delta > 1:
                    # Round up, carrying through the digits already written (and into the integer part).
                    while True:
                        if not fraction_digits:
                            integer += 1
                            break
                        last = DIGITS.index(fraction_digits.pop())
                        if last + 1 < radix:
                            fraction_digits.append(DIGITS[last + 1])
                            break
                    break
            if not fraction >= delta:
                break
    integer_digits: list[str] = []
    while math.frexp(integer / radix)[1] - 53 > 0:   # V8: Double(integer / radix).Exponent() > 0
        integer /= radix
        integer_digits.append("0")
    while True:
        remainder = math.fmod(integer, radix)
        integer_digits.append(DIGITS[int(remainder)])
        integer = (integer - remainder) / radix
        if not integer > 0:
            break
    text = "".join(reversed(integer_digits))
    if fraction_digits:
        text += "." + "".join(fraction_digits)
    return "-" + text if negative else text


def syndication_token(post_id: str) -> str:
    """The token for cdn.syndication.twimg.com/tweet-result?id=<post_id>&token=<token>."""
    return re.sub(r"0+|\.", "", double_to_radix((float(int(post_id)) / 1e15) * math.pi, 36))
