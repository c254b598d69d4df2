#!/usr/bin/env python3
"""botocore clients as an oracle for how configuration and operation input become endpoint
rule parameters (EndpointClientBotocoreTests).

Usage: endpoint_client_oracle.py
For each generated client configuration (region, endpoint_url, use_fips_endpoint,
use_dualstack_endpoint, boto3's s3 settings) and operation call, asks a real botocore client
which endpoint it would use (BaseClient._resolve_endpoint_ruleset, which runs
EndpointRulesetResolver with botocore's own built-ins and S3 customisations). Prints a JSON
array of {"service", "region", "endpoint_url", "fips", "dualstack", "s3", "operation",
"params", "url", "signing_region", "signing_name"} or the same with "error".
"""
import itertools
import json
import sys

import botocore.session
from botocore.config import Config

REGIONS = ["us-east-1", "us-west-2", "eu-central-1", "cn-north-1", "us-gov-west-1"]
ENDPOINTS = [None, "http://127.0.0.1:5000"]
S3_SETTINGS = [
    {}, {"addressing_style": "path"}, {"addressing_style": "virtual"}, {"use_accelerate_endpoint": True},
    {"us_east_1_regional_endpoint": "regional"}, {"use_arn_region": False},
]
BUCKETS = [
    "bucket", "with.dots", "arn:aws:s3:us-west-2:123456789012:accesspoint:ap",
    "arn:aws:s3-outposts:us-west-2:123456789012:outpost:op-01234567890123456:accesspoint:reports",
    "arn:aws:s3-object-lambda:us-west-2:123456789012:accesspoint:banner",
    "arn:aws:s3:us-west-2:123456789012:accesspoint", "arn:aws:s3", "arn:aws-cn:s3:cn-north-1:123456789012:accesspoint:ap",
]
CALLS = {
    "iam": [("ListRoles", {})],
    "glue": [("GetDatabases", {})],
    "sts": [("GetCallerIdentity", {})],
    "s3": [("ListBuckets", {})] + [
        (operation, params)
        for bucket in BUCKETS
        for operation, params in [
            ("GetObject", {"Bucket": bucket, "Key": "a/b.csv"}), ("ListObjectsV2", {"Bucket": bucket}),
            ("GetBucketLocation", {"Bucket": bucket}), ("CreateBucket", {"Bucket": bucket}),
        ]
    ],
}


def configurations(service):
    for region, endpoint, fips, dualstack in itertools.product(REGIONS, ENDPOINTS, [False, True], [False, True]):
        yield region, endpoint, fips, dualstack, {}
    if service == "s3":
        for region, endpoint, s3 in itertools.product(REGIONS, ENDPOINTS, S3_SETTINGS[1:]):
            yield region, endpoint, False, False, s3


def main():
    session = botocore.session.get_session()
    results = []
    for service in ["iam", "glue", "sts", "s3"]:
        for region, endpoint, fips, dualstack, s3 in configurations(service):
            client = session.create_client(
                service, region_name=region, endpoint_url=endpoint, aws_access_key_id="AKID",
                aws_secret_access_key="secret",
                config=Config(use_fips_endpoint=fips, use_dualstack_endpoint=dualstack, s3=s3 or None))
            for operation, params in CALLS[service]:
                case = {
                    "service": service, "region": region, "endpoint_url": endpoint, "fips": fips,
                    "dualstack": dualstack, "s3": s3, "operation": operation, "params": params,
                }
                model = client.meta.service_model.operation_model(operation)
                context = {}
                try:
                    url, _, _ = client._resolve_endpoint_ruleset(model, params, context)
                    signing = context.get("signing", {})
                    case["url"] = url
                    case["signing_region"] = signing.get("region", client.meta.region_name)
                    case["signing_name"] = signing.get("signing_name", client.meta.service_model.signing_name)
                except Exception as error:  # botocore's endpoint errors have several classes
                    message = getattr(error, "kwargs", {}).get("msg") or getattr(error, "kwargs", {}).get("report")
                    # Clients report the rules' message as a parameter validation error.
                    case["error"] = (message or str(error)).removeprefix("Parameter validation failed:\n")
                results.append(case)
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
