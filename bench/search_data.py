"""Writes a collected get_tables result like the one scripts/bench searches (2,000 tables of
10 columns, half of them parquet, about 3 MB of JSON) to the file named by argv[1], without
an emulator: for bench/search.sh."""
import json
import sys

TABLES = 2000


def table(i):
    name = f"table_{i:05d}"
    return {
        "Name": name, "DatabaseName": "bench", "CreateTime": "2026-12-01T04:00:00Z",
        "UpdateTime": "2026-12-01T04:00:00Z", "Retention": 0, "CreatedBy": "arn:aws:iam::123456789012:user/bench",
        "IsRegisteredWithLakeFormation": False, "CatalogId": "123456789012", "VersionId": "1",
        "TableType": "EXTERNAL_TABLE", "Parameters": {"classification": "parquet" if i % 2 else "csv"},
        "StorageDescriptor": {
            "Columns": [{"Name": f"column_{c}", "Type": "string"} for c in range(10)],
            "Location": f"s3://bench/tables/{name}/", "Compressed": False, "NumberOfBuckets": 0,
            "SerdeInfo": {}, "BucketColumns": [], "SortColumns": [], "StoredAsSubDirectories": False},
        "PartitionKeys": [],
    }


with open(sys.argv[1], "w") as out:
    json.dump({"TableList": [table(i) for i in range(TABLES)]}, out)
