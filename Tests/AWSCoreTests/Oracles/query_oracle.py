#!/usr/bin/env python3
"""botocore as a query-protocol oracle for QueryProtocolTests.

Reads one JSON object on stdin: {"service": "iam"} or {"model": <service-2.json dict>}, plus
"requests": [{"operation", "params"}] and "responses": [{"operation", "status", "body"}].
Prints {"requests": [form body as botocore sends it], "responses": [parsed output]}.
Parsed output is JSON: datetimes become "YYYY-MM-DDTHH:MM:SSZ" (UTC, with ".mmm" milliseconds
when they have a fraction), bytes become
{"__binary__": base64}; IAM's policy documents are decoded by botocore's own handler, and
ResponseMetadata keeps RequestId and HTTPStatusCode.
"""
import base64
import datetime
import json
import sys

import botocore.handlers
import botocore.model
import botocore.session
from botocore.parsers import create_parser
from botocore.serialize import create_serializer
from botocore.utils import percent_encode_sequence

from protocol_oracle import wire_time


def plain(value):
    if isinstance(value, datetime.datetime):
        return wire_time(value)
    if isinstance(value, (bytes, bytearray)):
        return {"__binary__": base64.b64encode(value).decode()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def main():
    case = json.load(sys.stdin)
    if "model" in case:
        model = botocore.model.ServiceModel(case["model"], service_name="test")
    else:
        model = botocore.session.get_session().get_service_model(case["service"])
    serializer = create_serializer(model.metadata["protocol"])
    parser = create_parser(model.metadata["protocol"])
    answer = {"requests": [], "responses": []}
    for request in case.get("requests", []):
        operation = model.operation_model(request["operation"])
        serialized = serializer.serialize_to_request(request["params"], operation)
        answer["requests"].append(percent_encode_sequence(serialized["body"]))
    for response in case.get("responses", []):
        operation = model.operation_model(response["operation"])
        parsed = parser.parse(
            {"status_code": response["status"], "headers": {}, "body": response["body"].encode()},
            operation.output_shape,
        )
        if response["status"] < 300 and model.service_name == "iam":
            botocore.handlers.json_decode_policies(parsed, operation)
        metadata = parsed.get("ResponseMetadata", {})
        parsed["ResponseMetadata"] = {
            k: v for k, v in metadata.items() if k in ("RequestId", "HTTPStatusCode")
        }
        answer["responses"].append(plain(parsed))
    json.dump(answer, sys.stdout)


main()
