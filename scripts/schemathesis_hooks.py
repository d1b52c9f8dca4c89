"""schemathesis hooks for regiond: a serializer for the JSON Lines bodies of /v1/route/batch."""
import json

import schemathesis


@schemathesis.serializer("application/x-ndjson", "application/jsonl")
def json_lines(ctx, value):
    """A generated string is sent as is; a generated object or list as one JSON line each."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    items = value if isinstance(value, list) else [value]
    return "".join(json.dumps(item) + "\n" for item in items).encode()
