"""Deterministic inputs and answers built from a botocore service model, for the wire tests.

`input_params(operation, variant)` fills every member of an operation's input (nested
structures, lists and maps included) with values derived from the member's path, so the
same call always gives the same values. Variant 0 uses plain values (two list items, whole
seconds); variant 1 the edge cases (one item, NaN and infinities, fractional seconds).

`response(operation, variant)` builds the HTTP answer (status, headers, body) a service
would send for the operation's output, filled the same way, in the operation's protocol.

Floats that JSON cannot hold travel as {"__float__": "NaN" | "Infinity" | "-Infinity"}, bytes
as {"__binary__": base64}; the oracle turns both back into Python values.
"""
import base64
import datetime
import json
from xml.sax.saxutils import escape

MAX_DEPTH = 5
WHOLE = datetime.datetime(2026, 12, 1, 1, 15, 26, tzinfo=datetime.timezone.utc)
FRACTION = datetime.datetime(2026, 12, 1, 1, 15, 26, 429000, tzinfo=datetime.timezone.utc)
SPECIAL_FLOATS = ["NaN", "Infinity", "-Infinity"]


class Filler:
    """Hands out values that differ by a running counter, in model order."""

    def __init__(self, variant, location_safe=False):
        self.variant = variant
        self.counter = 0

    def next(self):
        self.counter += 1
        return self.counter

    def value(self, shape, name, depth, stack, location=None):
        kind = shape.type_name
        n = self.next()
        if kind == "structure":
            if depth >= MAX_DEPTH or shape.name in stack:
                return None
            if shape.metadata.get("document"):
                return {"doc": [n, "text", True]}
            out = {}
            members = list(shape.members.items())
            if shape.is_tagged_union:
                members = members[n % len(members):] + members[:n % len(members)]
            for member_name, member in members:
                if member.serialization.get("eventstream") or member.type_name == "structure" and member.metadata.get(
                        "eventstream"):
                    continue
                location = "host" if member.serialization.get("hostLabel") else member.serialization.get("location")
                value = self.value(member, member_name, depth + 1, stack + [shape.name], location)
                if value is not None and value != {}:
                    out[member_name] = value
                    if shape.is_tagged_union:
                        break
            return out
        if kind == "list":
            if depth >= MAX_DEPTH:
                return None
            count = 2 if self.variant == 0 else 1
            items = [self.value(shape.member, name, depth + 1, stack, location) for _ in range(count)]
            return [item for item in items if item is not None]
        if kind == "map":
            if depth >= MAX_DEPTH:
                return None
            count = 2 if self.variant == 0 else 1
            out = {}
            for index in range(count):
                key = self.key(shape.key, name, index)
                value = self.value(shape.value, name, depth + 1, stack, location)
                if value is not None:
                    out[key] = value
            return out
        return self.scalar(shape, name, n, location)

    def key(self, shape, name, index):
        if shape.enum:
            return shape.enum[index % len(shape.enum)]
        return f"{name}-key{index}"

    def scalar(self, shape, name, n, location):
        kind = shape.type_name
        if kind == "string":
            if shape.enum:
                return shape.enum[n % len(shape.enum)]
            if shape.metadata.get("jsonvalue") or shape.serialization.get("jsonvalue"):
                return {"k": n}
            if location == "host":
                return f"{name}-{n}"
            if location == "header" or location == "headers":
                return f"{name} {n}"
            if location in ("uri", "querystring"):
                return f"{name}/{n} a+b&c=é"
            return f"{name} {n} <&>é\"'"
        if kind in ("integer", "long"):
            return n
        if kind in ("float", "double"):
            if self.variant == 1:
                return {"__float__": SPECIAL_FLOATS[n % 3]}
            return n + 0.5
        if kind == "boolean":
            return n % 2 == 0 if self.variant == 0 else False
        if kind == "timestamp":
            stamp = WHOLE if self.variant == 0 or location == "header" else FRACTION
            return (stamp + datetime.timedelta(seconds=n)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        if kind == "blob":
            return {"__binary__": base64.b64encode(f"{name}\x00\x7f{n}".encode()).decode()}
        return f"{name}{n}"


def input_params(operation, variant):
    shape = operation.input_shape
    if shape is None:
        return {}
    return Filler(variant).value(shape, shape.name, 0, []) or {}


def reversed_members(value, shape):
    """`value` with the members of every structure in reverse order (maps and lists kept)."""
    if shape is None or not isinstance(value, (dict, list)):
        return value
    if shape.type_name == "structure" and isinstance(value, dict) and not shape.metadata.get("document"):
        return {k: reversed_members(value[k], shape.members.get(k)) for k in reversed(list(value))}
    if shape.type_name == "list" and isinstance(value, list):
        return [reversed_members(item, shape.member) for item in value]
    if shape.type_name == "map" and isinstance(value, dict):
        return {k: reversed_members(v, shape.value) for k, v in value.items()}
    return value


def python_values(value):
    """`value` with {"__binary__"} and {"__float__"} as the bytes and floats they stand for."""
    if isinstance(value, dict):
        if set(value) == {"__binary__"}:
            return base64.b64decode(value["__binary__"])
        if set(value) == {"__float__"}:
            return float(value["__float__"].replace("Infinity", "inf"))
        return {k: python_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [python_values(v) for v in value]
    return value


def wire_float(value):
    if isinstance(value, dict) and "__float__" in value:
        return value["__float__"]
    return repr(float(value))


def stamp(value, fmt):
    moment = datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)
    if fmt == "unixTimestamp":
        seconds = moment.timestamp()
        return int(seconds) if seconds == int(seconds) else round(seconds, 3)
    if fmt == "rfc822":
        return moment.strftime("%a, %d %b %Y %H:%M:%S GMT")
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if moment.microsecond:
        text += ".%03dZ" % (moment.microsecond // 1000)
    else:
        text += "Z"
    return text


def scalar_text(value, shape, default_format):
    kind = shape.type_name
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "timestamp":
        return str(stamp(value, shape.serialization.get("timestampFormat") or default_format))
    if kind == "blob":
        return value["__binary__"]
    if kind in ("float", "double"):
        return wire_float(value)
    if kind == "string" and isinstance(value, dict):
        return base64.b64encode(json.dumps(value).encode()).decode()
    return str(value)


def xml(value, shape, name, out):
    """Appends `value` as the XML element(s) `name` that services answer with."""
    kind = shape.type_name
    if kind == "structure":
        attributes = ""
        for member_name, member in shape.members.items():
            if member_name in value and member.serialization.get("xmlAttribute"):
                attribute = member.serialization["name"]
                if attribute.startswith("xsi:"):
                    attributes += ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
                attributes += f' {attribute}="{escape(scalar_text(value[member_name], member, "iso8601"), {chr(34): "&quot;"})}"'
        out.append(f"<{name}{attributes}>")
        for member_name, member in shape.members.items():
            if member_name not in value or member.serialization.get("location") or member.serialization.get(
                    "xmlAttribute"):
                continue
            xml(value[member_name], member, element_name(member, member_name), out)
        out.append(f"</{name}>")
    elif kind == "list":
        flattened = shape.serialization.get("flattened")
        item_name = name if flattened else shape.member.serialization.get("name", "member")
        if not flattened:
            out.append(f"<{name}>")
        for item in value:
            xml(item, shape.member, item_name, out)
        if not flattened:
            out.append(f"</{name}>")
    elif kind == "map":
        flattened = shape.serialization.get("flattened")
        key_name = shape.key.serialization.get("name", "key")
        value_name = shape.value.serialization.get("name", "value")
        if not flattened:
            out.append(f"<{name}>")
        for key, item in value.items():
            out.append(f"<{name if flattened else 'entry'}><{key_name}>{escape(key)}</{key_name}>")
            xml(item, shape.value, value_name, out)
            out.append(f"</{name if flattened else 'entry'}>")
        if not flattened:
            out.append(f"</{name}>")
    else:
        out.append(f"<{name}>{escape(scalar_text(value, shape, 'iso8601'))}</{name}>")


def element_name(member, member_name):
    if member.type_name == "list" and member.serialization.get("flattened"):
        name = member.member.serialization.get("name")
        if name:
            return name
    return member.serialization.get("name", member_name)


def json_value(value, shape):
    kind = shape.type_name
    if shape.metadata.get("document"):
        return value
    if kind == "structure":
        return {m.serialization.get("name", k): json_value(value[k], m) for k, m in shape.members.items()
                if k in value and not m.serialization.get("location")}
    if kind == "list":
        return [json_value(item, shape.member) for item in value]
    if kind == "map":
        return {k: json_value(v, shape.value) for k, v in value.items()}
    if kind == "timestamp":
        return stamp(value, shape.serialization.get("timestampFormat") or "unixTimestamp")
    if kind == "blob":
        return value["__binary__"]
    if kind in ("float", "double"):
        return value["__float__"] if isinstance(value, dict) else value
    return value


def located_headers(value, shape):
    headers = {}
    for member_name, member in shape.members.items():
        if member_name not in value:
            continue
        location = member.serialization.get("location")
        wire_name = member.serialization.get("name", member_name)
        if location == "header":
            item = value[member_name]
            if member.type_name == "list":
                headers[wire_name] = ",".join(scalar_text(i, member.member, "rfc822") for i in item)
            else:
                headers[wire_name] = scalar_text(item, member, "rfc822")
        elif location == "headers":
            for key, item in value[member_name].items():
                headers[wire_name + key] = str(item)
    return headers


def response(operation, variant):
    """(status, headers, body text, the output values) for the operation's answer."""
    try:
        protocol = operation.service_model.resolved_protocol
    except AttributeError:
        protocol = operation.service_model.metadata["protocol"]
    shape = operation.output_shape
    headers = {"x-amzn-RequestId": "req-1"}
    if shape is None:
        values = {}
    else:
        values = Filler(variant).value(shape, shape.name, 0, []) or {}
        # A status-code member would change the answer's meaning; it is read, never filled.
        for member_name, member in shape.members.items():
            if member.serialization.get("location") == "statusCode":
                values.pop(member_name, None)
    status = operation.http.get("responseCode", 200)
    if protocol == "query":
        out = [f"<{operation.name}Response xmlns=\"urn:test\">"]
        if shape is not None:
            xml(values, shape, operation.output_shape.serialization.get("resultWrapper") or f"{operation.name}Result",
                out)
        out.append("<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>")
        out.append(f"</{operation.name}Response>")
        return status, headers, "".join(out), values
    if protocol == "ec2":
        out = [f"<{operation.name}Response xmlns=\"urn:test\"><requestId>req-1</requestId>"]
        if shape is not None:
            for member_name, member in shape.members.items():
                if member_name in values:
                    xml(values[member_name], member, element_name(member, member_name), out)
        out.append(f"</{operation.name}Response>")
        return status, headers, "".join(out), values
    if protocol == "smithy-rpc-v2-cbor":
        headers["smithy-protocol"] = "rpc-v2-cbor"
        if shape is None:
            return status, headers, "", values
        from botocore.serialize import RpcV2CBORSerializer
        body = bytearray()
        RpcV2CBORSerializer()._serialize_data_item(body, python_values(values), shape)
        return status, headers, bytes(body).decode("latin-1"), values
    if protocol == "json":
        return status, headers, json.dumps(json_value(values, shape) if shape else {}), values
    if shape is not None:
        headers.update(located_headers(values, shape))
    payload = shape.serialization.get("payload") if shape is not None else None
    if payload:
        member = shape.members[payload]
        if payload not in values:
            return status, headers, "", values
        if member.type_name == "blob":
            return status, headers, base64.b64decode(values[payload]["__binary__"]).decode("latin-1"), values
        if member.type_name == "string":
            return status, headers, values[payload], values
        if protocol == "rest-json":
            return status, headers, json.dumps(json_value(values[payload], member)), values
        out = []
        xml(values[payload], member, member.serialization.get("name", payload), out)
        return status, headers, "".join(out), values
    if protocol == "rest-json":
        return status, headers, json.dumps(json_value(values, shape) if shape else {}), values
    out = []
    if shape is not None:
        xml(values, shape, shape.serialization.get("name", shape.name), out)
    return status, headers, "".join(out), values
