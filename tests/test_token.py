import pytest

from resolver.fetch.token import double_to_radix, syndication_token

# Computed by node: ((Number(id) / 1e15) * Math.PI).toString(36).replace(/(0+|\.)/g, '')
VECTORS = [("20", "6dq1a2xwd93"), ("1703436713362870723", "44ni5iyte19"), ("1558553189766631429", "3sc7o3qr5z"),
           ("266031293945503744", "n7rfhxzwhkd"), ("440322224407314432", "12fb9qdo78ad"),
           ("1600000000000000001", "3vmjqiybmlu"), ("9", "2vdikqiurk6"), ("123456789012345678", "arumtis9w99")]


@pytest.mark.parametrize("post_id,token", VECTORS, ids=[v[0] for v in VECTORS])
def test_token_vectors(post_id, token):
    assert syndication_token(post_id) == token


@pytest.mark.parametrize("value,radix,text", [(0.5, 2, "0.1"), (255.0, 16, "ff"), (0.1, 3, "0.0022002200220022002200220022002201"),
                                              (-35.5, 36, "-z.i"), (0.0, 36, "0")])
def test_radix_like_javascript(value, radix, text):
    assert double_to_radix(value, radix) == text
