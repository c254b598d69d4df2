#!/usr/bin/env python3
"""botocore as a SigV4 oracle for SigV4SignerOracleTests.

Reads a JSON list of requests on stdin and prints, for each, what botocore's signer makes of it:
{"canonical_request", "string_to_sign", "signature", "url", "headers": [[name, value], ...]}.
Each request: {"signer": "v4" | "s3" | "v4-query" | "s3-query", "method", "url", "headers": [[n, v]],
"body" (latin-1 text of the raw bytes), "access_key", "secret_key", "token" (or null), "region",
"service", "epoch" (signing time, seconds), "expires", "unsigned_payload" (S3: payload signing off)}.
"""
import datetime
import json
import sys
from types import SimpleNamespace

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

SIGNERS = {
    "v4": botocore.auth.SigV4Auth,
    "s3": botocore.auth.S3SigV4Auth,
    "v4-query": botocore.auth.SigV4QueryAuth,
    "s3-query": botocore.auth.S3SigV4QueryAuth,
}


def sign(case):
    moment = datetime.datetime.fromtimestamp(case["epoch"], tz=datetime.timezone.utc).replace(tzinfo=None)
    botocore.auth.get_current_datetime = lambda *args, **kwargs: moment

    credentials = Credentials(case["access_key"], case["secret_key"], case.get("token"))
    cls = SIGNERS[case["signer"]]
    if case["signer"].endswith("-query"):
        auth = cls(credentials, case["service"], case["region"], expires=case["expires"])
    else:
        auth = cls(credentials, case["service"], case["region"])

    request = AWSRequest(method=case["method"], url=case["url"], data=case["body"].encode("latin-1"))
    for name, value in case["headers"]:
        request.headers[name] = value
    if case.get("unsigned_payload"):
        request.context["client_config"] = SimpleNamespace(s3={"payload_signing_enabled": False})

    seen = {}
    string_to_sign = auth.string_to_sign

    def capture(req, canonical_request):
        seen["canonical_request"] = canonical_request
        seen["string_to_sign"] = string_to_sign(req, canonical_request)
        return seen["string_to_sign"]

    auth.string_to_sign = capture
    signature = auth.signature

    def capture_signature(string, req):
        seen["signature"] = signature(string, req)
        return seen["signature"]

    auth.signature = capture_signature
    auth.add_auth(request)
    seen["url"] = request.url
    seen["headers"] = [[name, value] for name, value in request.headers.items()]
    return seen


if __name__ == "__main__":
    json.dump([sign(case) for case in json.load(sys.stdin)], sys.stdout)
