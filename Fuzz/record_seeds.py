"""Records real answers of the local AWS emulator (moto) as seeds of the response fuzz targets.

Usage: python3 Fuzz/record_seeds.py   (writes Fuzz/Corpus/response-*/ and the XML and JSON
seeds; needs boto3 and moto, as scripts/setup installs them).
"""
import os
import pathlib
import threading

import boto3
from moto.server import ThreadedMotoServer

HERE = pathlib.Path(__file__).parent / "Corpus"
KEEP_HEADERS = ("content-type", "x-amzn-requestid", "x-amz-request-id", "etag", "last-modified",
                "content-length", "x-amz-version-id", "x-amz-meta-", "x-amz-checksum", "content-range",
                "x-amz-bucket-region", "x-amz-expiration", "x-amz-server-side", "x-amzn-errortype",
                "x-amz-delete-marker", "x-amz-tagging-count", "x-amz-storage-class", "date")


def recorder(target):
    def record(http_response, model, **_):
        lines = [f"{model.name} {http_response.status_code}"]
        for name, value in http_response.headers.items():
            if name.lower().startswith(KEEP_HEADERS):
                lines.append(f"{name.lower()}: {value}")
        data = "\n".join(lines).encode() + b"\n\n" + http_response.content
        folder = HERE / target
        folder.mkdir(parents=True, exist_ok=True)
        index = len(list(folder.iterdir()))
        (folder / f"{index:02d}-{model.name}-{http_response.status_code}").write_bytes(data)
        for kind, suffix in (("xml", b"<"), ("json", b"{")):
            body = http_response.content.lstrip()
            if body.startswith(suffix) and len(body) > 2:
                seeds = HERE / kind
                seeds.mkdir(parents=True, exist_ok=True)
                (seeds / f"{target}-{model.name}-{http_response.status_code}").write_bytes(http_response.content)
    return record


def client(endpoint, service, target):
    made = boto3.client(service, endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret")
    made.meta.events.register("after-call", lambda http_response, model, **kw: recorder(target)(http_response, model))
    return made


def attempt(call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except Exception:  # error answers are seeds too
        pass


def main():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}'

    iam = client(endpoint, "iam", "response-query")
    role = iam.create_role(RoleName="fuzz-role", AssumeRolePolicyDocument=trust, Tags=[{"Key": "a", "Value": "b"}])
    iam.get_role(RoleName="fuzz-role")
    iam.list_roles(MaxItems=2)
    policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}'
    iam.put_role_policy(RoleName="fuzz-role", PolicyName="p", PolicyDocument=policy)
    iam.list_role_policies(RoleName="fuzz-role")
    attempt(iam.get_role, RoleName="missing")
    iam.create_user(UserName="fuzz-user")
    iam.create_access_key(UserName="fuzz-user")
    sts = client(endpoint, "sts", "response-query")
    sts.get_caller_identity()
    sts.assume_role(RoleArn=role["Role"]["Arn"], RoleSessionName="fuzz")

    glue = client(endpoint, "glue", "response-json")
    glue.create_database(DatabaseInput={"Name": "fuzzdb"})
    glue.get_databases()
    attempt(glue.get_database, Name="missing")
    glue.create_crawler(Name="c", Role=role["Role"]["Arn"], DatabaseName="fuzzdb",
                        Targets={"S3Targets": [{"Path": "s3://b/raw/"}]})
    glue.get_crawler(Name="c")
    glue.create_job(Name="j", Role=role["Role"]["Arn"], Command={"Name": "glueetl", "ScriptLocation": "s3://b/x.py"})
    glue.get_job_runs(JobName="j")
    glue.start_job_run(JobName="j")

    s3 = client(endpoint, "s3", "response-rest-xml")
    s3.create_bucket(Bucket="fuzz-bucket")
    s3.put_object(Bucket="fuzz-bucket", Key="a/b.txt", Body=b"hello", Metadata={"k": "v"})
    s3.head_object(Bucket="fuzz-bucket", Key="a/b.txt")
    s3.get_object(Bucket="fuzz-bucket", Key="a/b.txt")
    s3.list_objects_v2(Bucket="fuzz-bucket", Delimiter="/")
    s3.list_buckets()
    s3.get_bucket_location(Bucket="fuzz-bucket")
    s3.put_object_tagging(Bucket="fuzz-bucket", Key="a/b.txt", Tagging={"TagSet": [{"Key": "t", "Value": "1"}]})
    s3.get_object_tagging(Bucket="fuzz-bucket", Key="a/b.txt")
    upload = s3.create_multipart_upload(Bucket="fuzz-bucket", Key="big")
    s3.abort_multipart_upload(Bucket="fuzz-bucket", Key="big", UploadId=upload["UploadId"])
    s3.delete_objects(Bucket="fuzz-bucket", Delete={"Objects": [{"Key": "a/b.txt"}, {"Key": "none"}]})
    attempt(s3.get_object, Bucket="fuzz-bucket", Key="missing")
    attempt(s3.list_objects_v2, Bucket="missing-bucket")

    lam = client(endpoint, "lambda", "response-rest-json")
    lam.list_functions()
    attempt(lam.get_function, FunctionName="missing")
    attempt(lam.get_account_settings)
    attempt(lam.create_function, FunctionName="f", Runtime="python3.12", Role=role["Role"]["Arn"],
            Handler="app.handler", Code={"ZipFile": b"PK\x05\x06" + b"\x00" * 18}, Tags={"team": "data"})
    attempt(lam.get_function, FunctionName="f")
    attempt(lam.list_tags, Resource="arn:aws:lambda:us-east-1:123456789012:function:f")
    server.stop()


if __name__ == "__main__":
    main()
