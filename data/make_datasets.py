#!/usr/bin/env python3
"""Writes the demo's synthetic datasets: Santa Rosa daily weather (CSV, two parts with one
header) and Town of Cary, NC traffic crash records (JSON lines with nested fields).

The rows are invented with a fixed random seed, so running this again writes the same files.
They follow the shape of the public originals (NOAA daily summaries for Santa Rosa, CA; the
Town of Cary's crash incident open data) without copying any of their records.

    python3 data/make_datasets.py        # rewrites data/weather/*.csv and data/crashes/*.jsonl
"""
import csv
import datetime
import json
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20190301

WEATHER_HEADER = ["STATION", "NAME", "DATE", "AWND", "PRCP", "TAVG", "TMAX", "TMIN"]
STATION = ("USW00023213", "SANTA ROSA SONOMA CO AIRPORT, CA US")

STREETS = [
    "KILDAIRE FARM RD", "HIGH HOUSE RD", "WALNUT ST", "MAYNARD RD", "CARY PKWY",
    "TRYON RD", "CHAPEL HILL RD", "HARRISON AVE", "DAVIS DR", "EVANS RD",
]
WEATHER = ["CLEAR", "CLOUDY", "RAIN", "FOG, SMOG, SMOKE", "SNOW"]
LIGHT = ["DAYLIGHT", "DARK - LIGHTED ROADWAY", "DARK - ROADWAY NOT LIGHTED", "DUSK", "DAWN"]
SURFACE = ["DRY", "WET", "ICE", "SAND, MUD, DIRT, GRAVEL"]
VEHICLES = ["PASSENGER CAR", "PICKUP", "SPORT UTILITY", "VAN", "MOTORCYCLE", "LIGHT TRUCK"]
FACTORS = [
    "FOLLOWING TOO CLOSELY", "FAILED TO YIELD RIGHT OF WAY", "EXCEEDING SAFE SPEED",
    "DISTRACTED", "RAN RED LIGHT", "IMPROPER LANE CHANGE", "NONE",
]


def weather_rows(rng):
    """One row per day of 2018: a seasonal temperature curve in Fahrenheit, rain mostly in winter."""
    day = datetime.date(2018, 1, 1)
    rows = []
    while day.year == 2018:
        season = math.cos(2 * math.pi * (day.timetuple().tm_yday - 200) / 365)
        tmax = round(72 + 14 * season + rng.gauss(0, 5))
        tmin = round(42 + 9 * season + rng.gauss(0, 4))
        tmin = min(tmin, tmax - 4)
        wet = rng.random() < (0.35 - 0.3 * max(season, 0))
        prcp = round(rng.expovariate(2.5), 2) if wet else 0.0
        awnd = round(abs(rng.gauss(5.5, 2.2)), 1)
        rows.append([*STATION, day.isoformat(), awnd, prcp, round((tmax + tmin) / 2), tmax, tmin])
        day += datetime.timedelta(days=1)
    return rows


def crash_records(rng, count=200):
    """Crash reports of 2018 with a location, conditions, vehicles and injuries as nested objects."""
    records = []
    for number in range(count):
        when = datetime.datetime(2018, 1, 1) + datetime.timedelta(minutes=rng.randrange(365 * 24 * 60))
        vehicles = rng.choice([1, 2, 2, 2, 3])
        injured = rng.choice([0, 0, 0, 1, 1, 2])
        records.append({
            "tamainid": 1_700_000 + number * 7 + rng.randrange(7),
            "crash_date": when.strftime("%Y-%m-%dT%H:%M:%S"),
            "location": {
                "street": rng.choice(STREETS),
                "cross_street": rng.choice(STREETS),
                "lat": round(35.79 + rng.uniform(-0.06, 0.06), 5),
                "lon": round(-78.78 + rng.uniform(-0.07, 0.07), 5),
            },
            "conditions": {
                "weather": rng.choice(WEATHER),
                "light": rng.choice(LIGHT),
                "road_surface": rng.choice(SURFACE),
            },
            "vehicles": {
                "count": vehicles,
                "first_type": rng.choice(VEHICLES),
                "second_type": rng.choice(VEHICLES) if vehicles > 1 else None,
                "contributing_factor": rng.choice(FACTORS),
            },
            "injuries": {
                "fatalities": 1 if rng.random() < 0.01 else 0,
                "possible": injured,
                "property_damage_usd": rng.randrange(5, 120) * 100,
            },
        })
    return records


def write_weather(rows):
    folder = os.path.join(HERE, "weather")
    os.makedirs(folder, exist_ok=True)
    half = len(rows) // 2
    for name, part in (("part1.csv", rows[:half]), ("part2.csv", rows[half:])):
        with open(os.path.join(folder, name), "w", newline="") as file:
            writer = csv.writer(file, lineterminator="\n")
            writer.writerow(WEATHER_HEADER)
            writer.writerows(part)


def write_crashes(records):
    folder = os.path.join(HERE, "crashes")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "crashes.jsonl"), "w") as file:
        for record in records:
            file.write(json.dumps(record, separators=(",", ":")) + "\n")


def main():
    rng = random.Random(SEED)
    write_weather(weather_rows(rng))
    write_crashes(crash_records(rng))


if __name__ == "__main__":
    main()
