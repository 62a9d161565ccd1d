#!/usr/bin/env python3
"""Detached JWS vectors for HeaderSignatureTests, computed outside .NET (hmac, hashlib, base64 only).

Each protected header is written out by hand, member by member, in the order the client writes them, for each
header shape the spec can describe (auth: key-id, key-id-type, path-member). Run it and compare with the test's
InlineData; the last line checks the Invoice page's own example token (doc-786384) with the page's key.
"""
import base64
import hashlib
import hmac


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def detached(header: str, body: bytes, key: str, alg: str) -> str:
    digest = hashlib.sha512 if alg == "HS512" else hashlib.sha256
    h = b64url(header.encode())
    signature = hmac.new(key.encode(), (h + "." + b64url(body)).encode(), digest).digest()
    return h + ".." + b64url(signature)


BODY = b'{"a":1}'
KEY = "test-secret-key"
print(detached('{"uri":"/v5/x","auth_id":"12345","method":"POST","params":"","alg":"HS256"}', BODY, KEY, "HS256"))
print(detached('{"path":"/v5/y","merchant_id":12345,"method":"POST","params":"","alg":"HS512"}', BODY, KEY, "HS512"))
print(detached('{"uri":"/v5/y","merchant_id":"12345","method":"POST","params":"","alg":"HS512"}', BODY, KEY, "HS512"))

INVOICE_BODY = '{"order_id":"828cf71d-a447-4a67-a149-c1df8bc197ca","merchant_id":123456,"amount":100,"description":"Счет за услуги","invoice_method":"qr","currency":"KZT"}'.encode()
DOCS = "eyJwYXRoIjoiL3Y1L21lcmNoYW50L2ludm9pY2UvaW5pdCIsIm1lcmNoYW50X2lkIjoxMjM0NTYsIm1ldGhvZCI6IlBPU1QiLCJwYXJhbXMiOiIiLCJhbGciOiJIUzUxMiJ9..wCwFCAmxN0nbTm6mad8GxowIjgkCwfF7IAy2ijO9thLjsZFXnS4K_I4NPnXjkTFTMnEzqjk8rtIVmtf7NbGyvg"
invoice = detached('{"path":"/v5/merchant/invoice/init","merchant_id":123456,"method":"POST","params":"","alg":"HS512"}', INVOICE_BODY, "secret_key", "HS512")
print("docs token verifies:", invoice == DOCS)
