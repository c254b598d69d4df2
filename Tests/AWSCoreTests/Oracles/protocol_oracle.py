"""Serializes requests and parses responses with botocore, for the protocol tests.

Reads a JSON list of cases on stdin and writes a JSON list of answers on stdout.
  {"kind": "serialize", "service": "glue", "operation": "CreateCrawler", "params": {...},
   "endpoint": "https://glue.us-east-1.amazonaws.com"}
    -> {"method", "url", "headers": [[name, value]...], "body": latin-1 text of the bytes}
  {"kind": "parse", "service": ..., "operation": ..., "status": 200, "headers": {...},
   "body": "...", "error": false}
    -> the parsed output (or the parsed error when "error" is true)
Binary values travel as {"__binary__": base64}; datetimes as "YYYY-MM-DDTHH:MM:SSZ".
A case may carry its own service definition as "model" (a service-2.json document).
For s3 the handlers botocore runs around its parser run too: a 200 with an <Error> (or
broken) body turns into a 500 error (its answer then has "status": 500), and GetBucketLocation
reads its root element. Error answers carry "ResponseMetadata": {"RequestId"} when known.
"""
import base64
import datetime
import json
import sys

import botocore.session
from botocore.awsrequest import HeadersDict, prepare_request_dict
from botocore.model import ServiceModel
from botocore.handlers import _handle_200_error, parse_get_bucket_location
from botocore.parsers import create_parser
from botocore.serialize import create_serializer


def from_wire(value):
    if isinstance(value, dict):
        if set(value) == {"__binary__"}:
            return base64.b64decode(value["__binary__"])
        return {k: from_wire(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_wire(v) for v in value]
    return value


def to_wire(value):
    if isinstance(value, dict):
        return {k: to_wire(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_wire(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return {"__binary__": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if hasattr(value, "read"):
        return {"__binary__": base64.b64encode(value.read()).decode()}
    return value


class RawResponse:
    """The little of an HTTP response that botocore's S3 handlers read."""

    def __init__(self, body):
        self.raw = body
        self.content = body


def answer(case, session):
    if "model" in case:
        model = ServiceModel(case["model"], service_name=case["service"])
    else:
        model = session.get_service_model(case["service"])
    operation = model.operation_model(case["operation"])
    protocol = model.metadata["protocol"]
    if case["kind"] == "serialize":
        request = create_serializer(protocol, include_validation=False).serialize_to_request(
            from_wire(case["params"]), operation)
        prepare_request_dict(request, case["endpoint"])
        body = request["body"]
        if isinstance(body, str):
            body = body.encode("utf-8")
        return {
            "method": request["method"],
            "url": request["url"],
            "headers": [[k, str(v)] for k, v in request["headers"].items()],
            "body": body.decode("latin-1"),
        }
    parser = create_parser(protocol)
    response = {
        "status_code": case["status"],
        "headers": HeadersDict(case["headers"]),
        "body": case["body"].encode("utf-8"),
    }
    if case["service"] == "s3":
        _handle_200_error(operation, response)
    if case.get("error"):
        parsed = parser.parse(response, None)
        error = {"Error": parsed.get("Error", {}), "fields": {}, "status": response["status_code"]}
        request_id = parsed.get("ResponseMetadata", {}).get("RequestId")
        if request_id:
            error["ResponseMetadata"] = {"RequestId": request_id}
        code = error["Error"].get("Code")
        for shape in operation.error_shapes:
            if shape.name == code or shape.error_code == code:
                error["fields"] = parser.parse(response, shape)
        return to_wire(error)
    output = operation.output_shape
    parsed = parser.parse(response, output)
    # Outside a real HTTP response botocore hands a blob payload back as text; it is bytes.
    payload = output.serialization.get("payload") if output is not None else None
    if payload and output.members[payload].type_name == "blob" and isinstance(parsed.get(payload), str):
        parsed[payload] = parsed[payload].encode("utf-8")
    if case["service"] == "s3" and case["operation"] == "GetBucketLocation":
        if response["body"]:
            parse_get_bucket_location(parsed, RawResponse(response["body"]))
        if parsed.get("LocationConstraint") is None:
            parsed.pop("LocationConstraint", None)
    metadata = parsed.pop("ResponseMetadata", {})
    kept = {k: metadata[k] for k in ("RequestId", "HostId") if metadata.get(k)}
    if kept:
        parsed["ResponseMetadata"] = kept
    return to_wire(parsed)


def main():
    session = botocore.session.get_session()
    cases = json.load(sys.stdin)
    json.dump([answer(case, session) for case in cases], sys.stdout)


if __name__ == "__main__":
    main()
