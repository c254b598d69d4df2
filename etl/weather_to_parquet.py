"""AWS Glue job: Santa Rosa daily weather (CSV in two parts, one catalog table) to Parquet.

Reads the table the crawler catalogued from both CSV parts, gives the columns readable
names and types with ApplyMapping, and writes Parquet under --output_path. Glue writes
one output file per input partition: it does not merge the two parts. Runs only inside
AWS Glue (Glue 4.0, Python 3): awsglue is not on PyPI.
"""
import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import ApplyMapping
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "database", "table", "output_path"])

glue_context = GlueContext(SparkContext.getOrCreate())
job = Job(glue_context)
job.init(args["JOB_NAME"], args)

weather = glue_context.create_dynamic_frame.from_catalog(
    database=args["database"], table_name=args["table"], transformation_ctx="weather"
)

# The crawler lower-cases CSV header names; values it read as numbers keep their types.
named = ApplyMapping.apply(
    frame=weather,
    mappings=[
        ("station", "string", "station", "string"),
        ("name", "string", "station_name", "string"),
        ("date", "string", "date", "string"),
        ("awnd", "double", "average_wind_mph", "double"),
        ("prcp", "double", "precipitation_in", "double"),
        ("tavg", "long", "average_temp_f", "long"),
        ("tmax", "long", "max_temp_f", "long"),
        ("tmin", "long", "min_temp_f", "long"),
    ],
    transformation_ctx="named",
)

glue_context.write_dynamic_frame.from_options(
    frame=named,
    connection_type="s3",
    connection_options={"path": args["output_path"]},
    format="parquet",
    transformation_ctx="parquet_output",
)

job.commit()
