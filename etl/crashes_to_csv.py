"""AWS Glue job: Town of Cary crash records (JSON lines with nested objects) to flat CSV.

Reads the table the crawler catalogued, lifts each nested field (location.street,
conditions.weather, ...) to a top-level column with ApplyMapping, and writes CSV under
--output_path. Runs only inside AWS Glue (Glue 4.0, Python 3): awsglue is not on PyPI.
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

crashes = glue_context.create_dynamic_frame.from_catalog(
    database=args["database"], table_name=args["table"], transformation_ctx="crashes"
)

# (source path, source type, target column, target type): one row per crash, no nesting.
flat = ApplyMapping.apply(
    frame=crashes,
    mappings=[
        ("tamainid", "long", "tamainid", "long"),
        ("crash_date", "string", "crash_date", "string"),
        ("location.street", "string", "street", "string"),
        ("location.cross_street", "string", "cross_street", "string"),
        ("location.lat", "double", "lat", "double"),
        ("location.lon", "double", "lon", "double"),
        ("conditions.weather", "string", "weather", "string"),
        ("conditions.light", "string", "light", "string"),
        ("conditions.road_surface", "string", "road_surface", "string"),
        ("vehicles.count", "int", "vehicle_count", "int"),
        ("vehicles.first_type", "string", "first_vehicle", "string"),
        ("vehicles.second_type", "string", "second_vehicle", "string"),
        ("vehicles.contributing_factor", "string", "contributing_factor", "string"),
        ("injuries.fatalities", "int", "fatalities", "int"),
        ("injuries.possible", "int", "possible_injuries", "int"),
        ("injuries.property_damage_usd", "int", "property_damage_usd", "int"),
    ],
    transformation_ctx="flat",
)

glue_context.write_dynamic_frame.from_options(
    frame=flat,
    connection_type="s3",
    connection_options={"path": args["output_path"]},
    format="csv",
    format_options={"writeHeader": True},
    transformation_ctx="csv_output",
)

job.commit()
