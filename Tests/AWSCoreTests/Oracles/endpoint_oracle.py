#!/usr/bin/env python3
"""botocore as an endpoint-rules oracle for EndpointRulesBotocoreTests.

Usage: endpoint_oracle.py SERVICE [COUNT]
Generates parameter sets for SERVICE's endpoint rules (every combination for IAM, Glue and
STS; COUNT seeded random ones for S3, over plain buckets, access-point, outpost,
object-lambda and multi-region access-point ARNs, malformed ARNs and ARNs of other
partitions, FIPS, dual-stack, accelerate, path-style and custom endpoints) and resolves each
with botocore's own EndpointRulesetResolver. Prints a JSON array of
{"params": {...}, "url", "properties", "headers"} or {"params": {...}, "error": message}.
"""
import itertools
import json
import random
import sys

import botocore.session
from botocore.exceptions import EndpointResolutionError
from botocore.hooks import HierarchicalEmitter
from botocore.regions import EndpointRulesetResolver

REGIONS = [
    None, "us-east-1", "us-west-2", "eu-central-1", "ap-southeast-3", "aws-global", "us-gov-west-1",
    "us-gov-east-1", "cn-north-1", "cn-northwest-1", "us-iso-east-1", "us-isob-east-1", "eu-isoe-west-1",
    "us-isof-south-1", "eusc-de-east-1", "fips-us-east-1", "us-east-1-fips", "mars-east-1", "Invalid Region",
    "",
]
ENDPOINTS = [
    None, "https://example.com", "http://127.0.0.1:5000", "https://vpce-1.s3.us-west-2.vpce.amazonaws.com/path/",
    "https://[::1]:8443", "http://localhost:4566/a/../b", "ftp://nope", "https://example.com?query=1",
]
BUCKETS = [
    None, "bucket", "my-bucket-123", "with.dots.bucket", "UpperCase", "ab", "a" * 64, "192.168.1.1",
    "bucket_underscore", "-leading", "mybucket--usw2-az1--x-s3", "mybucket--use1-az4--xa-s3",
    "arn:aws:s3:us-west-2:123456789012:accesspoint:myendpoint",
    "arn:aws:s3:us-west-2:123456789012:accesspoint/myendpoint",
    "arn:aws:s3:us-east-1:123456789012:accesspoint:my.point",
    "arn:aws-cn:s3:cn-north-1:123456789012:accesspoint:myendpoint",
    "arn:aws-us-gov:s3:us-gov-west-1:123456789012:accesspoint:myendpoint",
    "arn:aws:s3:eu-west-1:123456789012:accesspoint:ap",
    "arn:aws:s3::123456789012:accesspoint:mfzwi23gnjvgw.mrap",
    "arn:aws-cn:s3::123456789012:accesspoint:mfzwi23gnjvgw.mrap",
    "arn:aws:s3-outposts:us-west-2:123456789012:outpost:op-01234567890123456:accesspoint:reports",
    "arn:aws:s3-outposts:us-west-2:123456789012:outpost/op-01234567890123456/accesspoint/reports",
    "arn:aws:s3-outposts:us-west-2:123456789012:outpost:op-01234567890123456:bucket:b",
    "arn:aws:s3-outposts:us-west-2:123456789012:outpost:op-01234567890123456",
    "arn:aws:s3-object-lambda:us-west-2:123456789012:accesspoint:mybanner",
    "arn:aws:s3-object-lambda:us-west-2:123456789012:accesspoint/mybanner",
    "arn:aws:s3-object-lambda:us-west-2::accesspoint:mybanner",
    "arn:aws:s3-object-lambda:us-west-2:123456789012:bucket:mybanner",
    "arn:aws:sqs:us-west-2:123456789012:someresource",
    "arn:aws:s3:us-west-2:123456789012:bucket_name:mybucket",
    "arn:aws:s3:us-west-2::accesspoint:myendpoint",
    "arn:aws:s3:us-west-2:123.45:accesspoint:myendpoint",
    "arn:aws:s3:us-west-2:123456789012:accesspoint",
    "arn:aws:s3:us-west-2:123456789012:accesspoint:my:endpoint",
    "arn:aws:s3:us-west-2:123456789012:",
    "arn:aws:s3",
    "arn:other:s3:us-west-2:123456789012:accesspoint:myendpoint",
    "arn:aws:s3:cn-north-1:123456789012:accesspoint:myendpoint",
    "arn:aws:s3:mars-east-1:123456789012:accesspoint:myendpoint",
    "arn:aws:s3:US-WEST-2:123456789012:accesspoint:myendpoint",
]
KEYS = [None, "key", "a/b/c.txt", "with space and ü"]
BOOLEANS = [False, True]
# Mostly off, so that most cases reach an endpoint rather than an error about a combination.
RARELY = [False, False, False, True]
OPTIONAL_BOOLEANS = [None, False, True]


def general_cases(service, resolver):
    parameters = resolver._provider.ruleset.parameters
    axes = [("Region", REGIONS), ("UseFIPS", BOOLEANS), ("UseDualStack", BOOLEANS), ("Endpoint", ENDPOINTS)]
    if "UseGlobalEndpoint" in parameters:
        axes.append(("UseGlobalEndpoint", BOOLEANS))
    for values in itertools.product(*(choices for _, choices in axes)):
        yield {name: value for (name, _), value in zip(axes, values) if value is not None}


def s3_cases(count):
    rng = random.Random(20261201)
    axes = [
        ("Bucket", BUCKETS), ("Region", REGIONS[1:] * 3 + [None]), ("UseFIPS", RARELY), ("UseDualStack", RARELY),
        ("Endpoint", ENDPOINTS[:6] + [None] * 12), ("ForcePathStyle", RARELY), ("Accelerate", RARELY),
        ("UseGlobalEndpoint", BOOLEANS), ("UseArnRegion", OPTIONAL_BOOLEANS),
        ("DisableMultiRegionAccessPoints", RARELY), ("DisableAccessPoints", OPTIONAL_BOOLEANS + [None] * 3),
        ("UseObjectLambdaEndpoint", OPTIONAL_BOOLEANS + [None] * 3), ("Key", KEYS), ("Prefix", KEYS),
        ("UseS3ExpressControlEndpoint", OPTIONAL_BOOLEANS + [None] * 3),
        ("DisableS3ExpressSessionAuth", OPTIONAL_BOOLEANS),
    ]
    seen = set()
    while len(seen) < count:
        case = {}
        for name, choices in axes:
            value = rng.choice(choices)
            if value is not None:
                case[name] = value
        key = json.dumps(case, sort_keys=True)
        if key not in seen:
            seen.add(key)
            yield case


def main():
    service = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    session = botocore.session.get_session()
    loader = session.get_component("data_loader")
    service_model = session.get_service_model(service)
    resolver = EndpointRulesetResolver(
        endpoint_ruleset_data=loader.load_service_model(service, "endpoint-rule-set-1"),
        partition_data=loader.load_data("partitions"),
        service_model=service_model,
        builtins={},
        client_context=None,
        event_emitter=HierarchicalEmitter(),
    )
    cases = s3_cases(count) if service == "s3" else general_cases(service, resolver)
    results = []
    for params in cases:
        try:
            endpoint = resolver._provider.resolve_endpoint(**params)
            results.append({
                "params": params, "url": endpoint.url, "properties": endpoint.properties,
                "headers": endpoint.headers,
            })
        except EndpointResolutionError as error:
            results.append({"params": params, "error": error.kwargs.get("msg", str(error))})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
