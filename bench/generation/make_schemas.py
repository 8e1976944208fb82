#!/usr/bin/env python3
"""Writes N realistic event schemas (draft 2020-12) and their shared definitions into a directory.

Each event has nested objects, arrays of objects, enums, formats (uuid, date-time, email, uri), optional
and required properties, and $refs to shared definitions (an address, a money amount, an actor); every
fifth event carries a oneOf of two discriminated objects. Deterministic: the same N gives the same files.

usage: make_schemas.py N DIRECTORY
"""
import json
import os
import random
import sys

NOUNS = ["Order", "Invoice", "Shipment", "Customer", "Payment", "Refund", "Cart", "Subscription", "Ticket",
         "Review", "Product", "Warehouse", "Coupon", "Account", "Delivery", "Return", "Quote", "Contract"]
VERBS = ["Created", "Updated", "Cancelled", "Approved", "Rejected", "Shipped", "Delivered", "Closed",
         "Reopened", "Archived", "Assigned", "Escalated"]

SHARED = {
    "common/address.json": {
        "title": "Address", "description": "A postal address.", "type": "object",
        "properties": {"street": {"type": "string", "maxLength": 200}, "city": {"type": "string"},
                       "postcode": {"type": "string", "maxLength": 16},
                       "country": {"type": "string", "minLength": 2, "maxLength": 2}},
        "required": ["street", "city", "country"]},
    "common/money.json": {
        "title": "Money", "description": "An amount in a currency.", "type": "object",
        "properties": {"amount": {"type": "number", "format": "decimal"},
                       "currency": {"type": "string", "enum": ["EUR", "USD", "GBP", "JPY"]}},
        "required": ["amount", "currency"]},
    "common/actor.json": {
        "title": "Actor", "description": "Who did it.", "type": "object",
        "properties": {"id": {"type": "string", "format": "uuid"}, "email": {"type": "string", "format": "email"},
                       "kind": {"type": "string", "enum": ["user", "operator", "system"]}},
        "required": ["id", "kind"]},
}


def event(index, rnd):
    noun = NOUNS[index % len(NOUNS)]
    verb = VERBS[(index // len(NOUNS)) % len(VERBS)]
    detail_type = f"{noun} {verb} {index}"
    status = [f"state-{i}" for i in range(rnd.randint(2, 6))]
    line_props = {"sku": {"type": "string", "maxLength": 32}, "quantity": {"type": "integer", "minimum": 1, "maximum": 1000},
                  "price": {"$ref": "common/money.json"}, "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": True}}
    properties = {
        "id": {"type": "string", "format": "uuid", "description": f"The {noun.lower()}'s id."},
        "occurredAt": {"type": "string", "format": "date-time"},
        "status": {"type": "string", "enum": status},
        "actor": {"$ref": "common/actor.json"},
        "total": {"$ref": "common/money.json"},
        "shipTo": {"$ref": "common/address.json"},
        "lines": {"type": "array", "items": {"type": "object", "properties": line_props, "required": ["sku", "quantity"]}},
        "note": {"type": "string", "maxLength": 500},
        "link": {"type": "string", "format": "uri"},
        "attributes": {"type": "object", "additionalProperties": {"type": "string"}},
        "revision": {"type": "integer", "minimum": 0},
    }
    for extra in range(rnd.randint(0, 6)):
        properties[f"field{extra}"] = rnd.choice([{"type": "string"}, {"type": "boolean"}, {"type": "number"},
                                                   {"type": "integer", "minimum": 0, "maximum": 100}])
    if index % 5 == 0:
        properties["channel"] = {"oneOf": [
            {"type": "object", "properties": {"kind": {"const": "web"}, "url": {"type": "string", "format": "uri"}},
             "required": ["kind", "url"]},
            {"type": "object", "properties": {"kind": {"const": "store"}, "storeId": {"type": "string"}},
             "required": ["kind", "storeId"]}]}
    example = {"id": "6f1d3c1e-8a4b-4c55-9b0e-2f4a7c9d1e22", "occurredAt": "2026-11-29T12:00:00Z", "status": status[0],
               "actor": {"id": "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9", "kind": "user"}}
    return detail_type, {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "x-amazon-events-source": f"com.example.{noun.lower()}-service",
        "x-amazon-events-detail-type": detail_type,
        "title": detail_type, "description": f"A {noun.lower()} was {verb.lower()}.",
        "type": "object", "properties": properties, "required": ["id", "occurredAt", "status", "actor"],
        "examples": [example]}


def main():
    count, directory = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(20261129)
    for path, schema in SHARED.items():
        os.makedirs(os.path.join(directory, os.path.dirname(path)), exist_ok=True)
        with open(os.path.join(directory, path), "w") as out:
            json.dump(schema, out, indent=2)
    for index in range(count):
        _, schema = event(index, rnd)
        with open(os.path.join(directory, f"event-{index:04d}.json"), "w") as out:
            json.dump(schema, out, indent=2)


if __name__ == "__main__":
    main()
