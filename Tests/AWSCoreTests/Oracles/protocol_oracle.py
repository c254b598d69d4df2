"""Serializes requests and parses responses with botocore, for the protocol tests.

Reads a JSON list of cases on stdin and writes a JSON list of answers on stdout.
  {"kind": "serialize", "service": "glue", "operation": "CreateCrawler", "params": {...},
   "endpoint": "https://glue.us-east-1.amazonaws.com"}
    -> {"method", "url", "headers": [[name, value]...], "body": latin-1 text of the bytes}
  {"kind": "parse", "service": ..., "operation": ..., "status": 200, "headers": {...},
   "body": "...", "error": false}
    -> the parsed output (or the parsed error when "error" is true)
  {"kind": "differential", "service": "s3", "endpoint": ..., "variants": [0, 1]}
    -> one answer per operation and variant: the input `shape_samples` fills ("params", and
       "reordered" with every structure's members reversed), botocore's "request" for it
       (or {"error"}), an answer built from the output shape ("response": status, headers,
       body as base64) and botocore's "parsed" result of it (or {"error"}).
  {"kind": "sweep", "step": 4, "limit": 3}
    -> for every `step`th service botocore ships: {"service", "model" (its service-2.json),
       "endpoint", "cases": the differential answers of its first `limit` operations}.
Binary values travel as {"__binary__": base64}, NaN and infinities as {"__float__": "NaN"};
datetimes as "YYYY-MM-DDTHH:MM:SSZ", with ".mmmZ" milliseconds when they have a fraction.
A case may carry its own service definition as "model" (a service-2.json document).
For s3 the handlers botocore runs around its parser run too: a 200 with an <Error> (or
broken) body turns into a 500 error (its answer then has "status": 500), and GetBucketLocation
reads its root element. Error answers carry "ResponseMetadata": {"RequestId"} when known.
"""
import base64
import datetime
import json
import math
import os
import sys

import botocore.session
from botocore.awsrequest import HeadersDict, prepare_request_dict
from botocore.model import ServiceModel
from botocore.handlers import _handle_200_error, parse_get_bucket_location
from botocore.parsers import create_parser
from botocore.serialize import create_serializer
from botocore.utils import percent_encode_sequence

import shape_samples


def from_wire(value):
    if isinstance(value, dict):
        if set(value) == {"__binary__"}:
            return base64.b64decode(value["__binary__"])
        if set(value) == {"__float__"}:
            return float(value["__float__"].replace("Infinity", "inf"))
        return {k: from_wire(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_wire(v) for v in value]
    return value


def resolved_protocol(model):
    """The protocol botocore speaks for `model`: its choice among `protocols`, else `protocol`."""
    try:
        return model.resolved_protocol
    except AttributeError:
        return model.metadata["protocol"]


def wire_time(value):
    """A datetime as gluescript gives timestamps: UTC, milliseconds only when there are any."""
    moment = value.astimezone(datetime.timezone.utc)
    millis = round(moment.microsecond / 1000)
    if millis == 0 or millis == 1000:
        moment = moment.replace(microsecond=0) + datetime.timedelta(seconds=millis // 1000)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % millis


def to_wire(value):
    if isinstance(value, dict):
        return {k: to_wire(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_wire(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return {"__binary__": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, float) and not math.isfinite(value):
        return {"__float__": "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")}
    if isinstance(value, datetime.datetime):
        return wire_time(value)
    if hasattr(value, "read"):
        return {"__binary__": base64.b64encode(value.read()).decode()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return {"__unreadable__": repr(value)}


class RawResponse:
    """The little of an HTTP response that botocore's S3 handlers read."""

    def __init__(self, body):
        self.raw = body
        self.content = body


def differential(case, session):
    """Every operation of a service, serialized and parsed by botocore (see the module doc)."""
    model = session.get_service_model(case["service"]) if "model" not in case else ServiceModel(
        case["model"], service_name=case["service"])
    answers = []
    for name in model.operation_names[:case.get("limit")]:
        operation = model.operation_model(name)
        for variant in case.get("variants", [0, 1]):
            params = shape_samples.input_params(operation, variant)
            result = {"operation": name, "variant": variant, "params": params,
                      "reordered": shape_samples.reversed_members(params, operation.input_shape)}
            try:
                request = create_serializer(resolved_protocol(model), include_validation=False)\
                    .serialize_to_request(from_wire(params), operation)
                prepare_request_dict(request, case["endpoint"])
                body = request["body"]
                if isinstance(body, dict):
                    body = percent_encode_sequence(body)
                if isinstance(body, str):
                    body = body.encode("utf-8")
                elif hasattr(body, "read"):
                    body = body.read()
                result["request"] = {
                    "method": request["method"], "url": request["url"],
                    "headers": [[k, v.decode("latin-1") if isinstance(v, bytes) else str(v)]
                                for k, v in request["headers"].items()],
                    "body": base64.b64encode(body or b"").decode()}
            except Exception as error:  # botocore refuses the input: the answer says why
                result["request"] = {"error": f"{type(error).__name__}: {error}"}
            status, headers, body, _ = shape_samples.response(operation, variant)
            body_bytes = body.encode("latin-1") if _is_raw_payload(operation) else body.encode("utf-8")
            result["response"] = {"status": status, "headers": headers,
                                  "body": base64.b64encode(body_bytes).decode()}
            try:
                result["parsed"] = answer({"kind": "parse", "service": case["service"], "operation": name,
                                           "status": status, "headers": headers, "body_bytes": body_bytes},
                                          session, model)
            except Exception as error:
                result["parsed"] = {"error": f"{type(error).__name__}: {error}"}
            answers.append(result)
    return answers


def sweep(case, session):
    """Every `step`th service botocore ships, its first `limit` operations each (see the module doc)."""
    answers = []
    for service in session.get_available_services()[::case.get("step", 1)]:
        data = session.get_service_data(service)
        loader = session.get_component("data_loader")
        version = loader.determine_latest_version(service, "service-2")
        _, path = loader.load_data_with_path(f"{service}/{version}/service-2")
        endpoint = f"https://{data['metadata']['endpointPrefix']}.us-east-1.amazonaws.com"
        cases = differential({"service": service, "endpoint": endpoint, "limit": case.get("limit")}, session)
        answers.append({
            "service": service, "folder": os.path.dirname(path), "operations": len(data["operations"]),
            "endpoint": endpoint, "cases": cases,
        })
    return answers


def _is_raw_payload(operation):
    if resolved_protocol(operation.service_model) == "smithy-rpc-v2-cbor":
        return True
    shape = operation.output_shape
    payload = shape.serialization.get("payload") if shape is not None else None
    return bool(payload) and shape.members[payload].type_name == "blob"


def answer(case, session, model=None):
    if model is not None:
        pass
    elif "model" in case:
        model = ServiceModel(case["model"], service_name=case["service"])
    else:
        model = session.get_service_model(case["service"])
    operation = model.operation_model(case["operation"])
    protocol = resolved_protocol(model)
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
        "body": case["body_bytes"] if "body_bytes" in case else case["body"].encode("utf-8"),
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
    answers = []
    for case in cases:
        if case["kind"] == "differential":
            answers.extend(differential(case, session))
        elif case["kind"] == "sweep":
            answers.extend(sweep(case, session))
        else:
            answers.append(answer(case, session))
    json.dump(answers, sys.stdout)


if __name__ == "__main__":
    main()
