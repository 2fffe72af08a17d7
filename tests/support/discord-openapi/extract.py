#!/usr/bin/env python3
"""Extract the subset of Discord's OpenAPI description that the fake Discord server serves.

Usage (from the repository root):
    python3 tests/support/discord-openapi/extract.py /path/to/discord-api-spec/openapi.json \
        > tests/support/discord-openapi/subset.json

Keeps, for each operation in OPERATIONS, its operationId, its parameters and the
application/json and multipart/form-data request body schemas (the multipart one describes the
`payload_json` part; url-encoded form bodies are dropped), plus every
component schema referenced transitively, plus EXTRA_SCHEMAS. Responses are dropped.
Fails if the subset uses a JSON-Schema keyword or pattern that the Rust validator in
tests/support/fake_discord/openapi.rs does not implement, so the validator can never
silently ignore a constraint. Python 3 standard library only.
"""
import json
import sys

# (method, OpenAPI path template) served by the fake.
OPERATIONS = [
    ("get", "/gateway"),
    ("get", "/gateway/bot"),
    ("get", "/oauth2/applications/@me"),
    ("get", "/applications/@me"),
    ("get", "/users/@me"),
    ("post", "/users/@me/channels"),
    ("get", "/applications/{application_id}/commands"),
    ("put", "/applications/{application_id}/commands"),
    ("post", "/applications/{application_id}/commands"),
    ("get", "/applications/{application_id}/guilds/{guild_id}/commands"),
    ("put", "/applications/{application_id}/guilds/{guild_id}/commands"),
    ("post", "/applications/{application_id}/guilds/{guild_id}/commands"),
    ("post", "/interactions/{interaction_id}/{interaction_token}/callback"),
    ("post", "/webhooks/{webhook_id}/{webhook_token}"),
    ("get", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"),
    ("patch", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"),
    ("delete", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"),
    ("patch", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}"),
    ("delete", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}"),
    ("get", "/channels/{channel_id}"),
    ("post", "/channels/{channel_id}/messages"),
    ("patch", "/channels/{channel_id}/messages/{message_id}"),
    ("delete", "/channels/{channel_id}/messages/{message_id}"),
    ("get", "/guilds/{guild_id}/members/{user_id}"),
    # Permission self-check and scheduled events (issue 13).
    ("get", "/guilds/{guild_id}"),
    ("get", "/guilds/{guild_id}/roles"),
    ("get", "/guilds/{guild_id}/channels"),
    ("get", "/guilds/{guild_id}/scheduled-events"),
    ("post", "/guilds/{guild_id}/scheduled-events"),
    ("get", "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}"),
    ("patch", "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}"),
    ("delete", "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}"),
]

# Schemas the fake uses itself: its 429 body, and the locale keys of *_localizations maps.
EXTRA_SCHEMAS = ["RatelimitedResponse", "Error", "AvailableLocalesEnum"]

SUPPORTED_KEYWORDS = {
    # assertions implemented by the validator
    "type", "$ref", "properties", "required", "additionalProperties", "items", "enum",
    "const", "oneOf", "anyOf", "allOf", "minLength", "maxLength", "minimum", "maximum",
    "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "pattern",
    "format",
    # annotations, no effect on validity
    "title", "description", "x-discord-union", "deprecated", "default", "readOnly",
    "writeOnly", "examples", "contentEncoding", "contentMediaType",
}
SUPPORTED_PATTERNS = {"^(0|[1-9][0-9]*)$", "^#(([0-9a-fA-F]{2}){3}|([0-9a-fA-F]){3})$"}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    all_schemas = spec["components"]["schemas"]
    wanted = []

    def collect(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref":
                    prefix = "#/components/schemas/"
                    if not value.startswith(prefix):
                        sys.exit("unsupported $ref " + value)
                    name = value[len(prefix):]
                    if name not in wanted:
                        wanted.append(name)
                        collect(all_schemas[name])
                else:
                    collect(value)
        elif isinstance(node, list):
            for item in node:
                collect(item)

    paths = {}
    for method, template in OPERATIONS:
        op = spec["paths"][template][method]
        out = {"operationId": op["operationId"]}
        params = spec["paths"][template].get("parameters", []) + op.get("parameters", [])
        if params:
            out["parameters"] = params
        body = op.get("requestBody")
        if body is not None:
            content = {"application/json": body["content"]["application/json"]}
            if "multipart/form-data" in body["content"]:
                content["multipart/form-data"] = body["content"]["multipart/form-data"]
            out["requestBody"] = {
                "required": body.get("required", False),
                "content": content,
            }
        collect(out)
        paths.setdefault(template, {})[method] = out
    for name in EXTRA_SCHEMAS:
        if name not in wanted:
            wanted.append(name)
            collect(all_schemas[name])

    schemas = {name: all_schemas[name] for name in sorted(wanted)}
    check_vocabulary({"paths": paths, "schemas": schemas})
    subset = {
        "openapi": spec["openapi"],
        "info": spec["info"],
        "x-subset-note": "Subset of Discord's openapi.json; regenerate with extract.py.",
        "paths": paths,
        "components": {"schemas": schemas},
    }
    json.dump(subset, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


def check_vocabulary(root):
    def visit_schema(schema, where):
        if not isinstance(schema, dict):
            sys.exit("schema is not an object at " + where)
        for key, value in schema.items():
            if key not in SUPPORTED_KEYWORDS:
                sys.exit("unsupported keyword %r at %s" % (key, where))
            if key == "pattern" and value not in SUPPORTED_PATTERNS:
                sys.exit("unsupported pattern %r at %s" % (value, where))
            if key == "properties":
                for name, sub in value.items():
                    visit_schema(sub, where + "/properties/" + name)
            elif key in ("items", "additionalProperties") and isinstance(value, dict):
                visit_schema(value, where + "/" + key)
            elif key in ("oneOf", "anyOf", "allOf"):
                for i, sub in enumerate(value):
                    visit_schema(sub, "%s/%s/%d" % (where, key, i))

    for name, schema in root["schemas"].items():
        visit_schema(schema, "#/components/schemas/" + name)
    for template, ops in root["paths"].items():
        for method, op in ops.items():
            for p in op.get("parameters", []):
                visit_schema(p.get("schema", {}), template + " " + method + " parameter")
            body = op.get("requestBody")
            if body:
                for media, content in body["content"].items():
                    visit_schema(content["schema"], template + " " + method + " " + media)


if __name__ == "__main__":
    main()
