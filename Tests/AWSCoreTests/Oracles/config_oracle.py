#!/usr/bin/env python3
"""botocore as an oracle for INIParserBotocoreTests.

Reads a JSON list of file texts on stdin, writes each to a file and prints, for each, what
botocore's config loader (`botocore.configloader.raw_config_parse`) reads from it:
{"sections": {name: {key: value or {nested key: value}}}} or {"error": "<exception class>"}.
"""
import json
import os
import sys
import tempfile

import botocore.configloader
import botocore.exceptions


def read(text, folder, index):
    path = os.path.join(folder, "config-%d" % index)
    with open(path, "w", encoding="utf-8", newline="") as file:
        file.write(text)
    try:
        return {"sections": botocore.configloader.raw_config_parse(path)}
    except botocore.exceptions.ConfigParseError as error:
        return {"error": type(error).__name__}


def main():
    texts = json.load(sys.stdin)
    with tempfile.TemporaryDirectory() as folder:
        json.dump([read(text, folder, index) for index, text in enumerate(texts)], sys.stdout)


if __name__ == "__main__":
    main()
