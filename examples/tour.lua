-- A first look at gluescript without an AWS account: arguments, the pretty printer,
-- JSON, JMESPath and request signing.
--   gluescript examples/tour.lua some arguments
print("arguments:", ...)

local crawler = {
  Name = "weather",
  State = "READY",
  LastCrawl = { Status = "SUCCEEDED", StartTime = "2026-11-26T00:30:34Z" },
  Targets = { S3Targets = { { Path = "s3://demo-bucket/raw/weather/" } } },
}
print(aws.inspect(crawler))

local text = aws.json.encode(crawler)
print(text)
print(aws.json.decode(text).LastCrawl.Status)

print(aws.search("Targets.S3Targets[].Path", crawler)[1])

local signed = aws.sign {
  method = "GET",
  url = "https://example.execute-api.us-east-1.amazonaws.com/prod/items",
  service = "execute-api",
  region = "us-east-1",
  credentials = { access_key_id = "AKIDEXAMPLE", secret_access_key = "example-secret" },
  time = "2026-11-26T00:00:00Z",
}
print(signed.headers.Authorization)

local ok, err = pcall(aws.json.decode, "{ not json }")
print(ok, err.code, err.message)
