"""The two PATCH formats of the patch interaction, applied to resources held as JSON dicts.

See https://hl7.org/fhir/R4/http.html#patch: JSON Patch (RFC 6902,
https://datatracker.ietf.org/doc/html/rfc6902) and FHIRPath Patch
(https://hl7.org/fhir/R4/fhirpatch.html). Both return a new dict and leave their input alone;
a malformed patch document raises a 400 (``bad_request``), an operation that cannot be applied
raises a 422 (``unprocessable``).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from functools import cache
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

import jsonpatch
import jsonpointer
from fhir.resources.R4B import get_fhir_model_class
from fhirpathpy import evaluate
from fhirpathpy.engine.nodes import ResourceNode
from fhirpathpy.models import models

from .errors import OperationOutcomeError, bad_request, issue, unprocessable

JSONDict = dict[str, Any]
Parts = dict[str, JSONDict]  # the parts of one operation, by name

# https://hl7.org/fhir/R4/fhirpatch.html: the parts each operation type requires besides `path`.
_REQUIRED_PARTS: dict[str, tuple[str, ...]] = {
    "add": ("name", "value"),
    "insert": ("index", "value"),
    "delete": (),
    "replace": ("value",),
    "move": ("source", "destination"),
}
_SEGMENT = re.compile(r"([A-Za-z]\w*)(?:\[(\d+)\])?")
# `div` is a FHIRPath operator, so fhirpathpy cannot read `Narrative.div` unless it is quoted.
_DIV_MEMBER = re.compile(r"\.div\b")


# --- JSON Patch ----------------------------------------------------------------------------


def apply_json_patch(resource: JSONDict, operations: Any) -> JSONDict:
    """Apply a JSON Patch document (https://hl7.org/fhir/R4/http.html#patch, RFC 6902)."""
    _check_json_patch(operations)
    try:
        result = jsonpatch.JsonPatch(operations).apply(resource, in_place=False)
    except jsonpatch.InvalidJsonPatch as exc:
        raise bad_request(f"Invalid JSON Patch document: {exc}") from exc
    except (jsonpatch.JsonPatchException, jsonpointer.JsonPointerException) as exc:
        raise _failed(f"JSON Patch operation failed: {exc}") from exc
    if not isinstance(result, dict):
        raise _failed("JSON Patch result is not a resource")
    return result


def _check_json_patch(operations: Any) -> None:
    """Reject documents that are not an array of objects with JSON Pointer paths (RFC 6902 §3)."""
    if not isinstance(operations, list):
        raise bad_request("A JSON Patch document must be a JSON array of operations")
    for position, operation in enumerate(operations):
        if not isinstance(operation, dict):
            raise bad_request(f"JSON Patch operation {position} is not an object")
        for member in ("path", "from"):
            pointer = operation.get(member, "")
            if not isinstance(pointer, str) or (pointer and not pointer.startswith("/")):
                raise bad_request(f"JSON Patch operation {position}: invalid '{member}' pointer")


# --- FHIRPath Patch: the operations --------------------------------------------------------


def apply_fhirpath_patch(resource: JSONDict, parameters: JSONDict) -> JSONDict:
    """Apply a FHIRPath Patch Parameters resource (https://hl7.org/fhir/R4/fhirpatch.html).

    Operations apply in order, each to the result of the previous one; paths are evaluated
    with fhirpathpy and its results are mapped back onto the JSON containers.
    """
    if not isinstance(parameters, dict) or parameters.get("resourceType") != "Parameters":
        raise bad_request("A FHIRPath Patch document must be a Parameters resource")
    operations = [_operation(p, i) for i, p in enumerate(parameters.get("parameter") or [])]
    result = copy.deepcopy(resource)
    for kind, parts in operations:
        _APPLY[kind](result, _text(parts, "path"), parts)
        _prune(result)
    return result


def _operation(parameter: Any, position: int) -> tuple[str, Parts]:
    """Read and check one `operation` parameter (https://hl7.org/fhir/R4/fhirpatch.html)."""
    where = f"Parameters.parameter[{position}]"
    if not isinstance(parameter, dict) or parameter.get("name") != "operation":
        raise bad_request("FHIRPath Patch parameters must be named 'operation'", where)
    parts: Parts = {}
    for part in parameter.get("part") or []:
        name = part.get("name") if isinstance(part, dict) else None
        if not isinstance(name, str) or name in parts:
            raise bad_request("FHIRPath Patch operation parts need distinct names", where)
        parts[name] = part
    kind = _primitive(parts.get("type"))
    if not isinstance(kind, str) or kind not in _REQUIRED_PARTS:
        raise bad_request(f"Unknown FHIRPath Patch operation type '{kind}'", where)
    for name in ("path", *_REQUIRED_PARTS[kind]):
        if name not in parts:
            raise bad_request(f"FHIRPath Patch '{kind}' operation needs a '{name}' part", where)
    _text(parts, "path")
    return kind, parts


def _text(parts: Parts, name: str) -> str:
    value = _primitive(parts.get(name))
    if not isinstance(value, str):
        raise bad_request(f"FHIRPath Patch operation part '{name}' must be a string")
    return value


def _integer(parts: Parts, name: str) -> int:
    value = _primitive(parts.get(name))
    if not isinstance(value, int) or isinstance(value, bool):
        raise bad_request(f"FHIRPath Patch operation part '{name}' must be an integer")
    return value


def _add(resource: JSONDict, path: str, parts: Parts) -> None:
    """add: append the named property to the single element at `path`."""
    target = _single(resource, path, "adding")
    holder, model = _holder(target, create=True)
    name, part = _text(parts, "name"), parts["value"]
    key = _property_key(model, name, _value_suffix(part))
    is_list, child_model = _field_shape(model, key)
    value, ext = _build_value(part, child_model)
    existing = holder.get(key)
    if isinstance(existing, list) or (existing is None and is_list):
        _put(holder, key, len(existing or []), value, ext, insert=True)
    elif existing is None and f"_{key}" not in holder:
        _put(holder, key, None, value, ext, insert=False)
    else:
        raise _failed(f"Cannot add '{name}' at {path}: it already exists", path)


def _insert(resource: JSONDict, path: str, parts: Parts) -> None:
    """insert: put the value into the list at `path`, at position `index` (0 based)."""
    holder, key, model = _collection(resource, path, "inserting")
    index = _integer(parts, "index")
    if not 0 <= index <= len(holder.get(key) or []):
        raise _failed(f"Index {index} is out of range for {path}", path)
    value, ext = _build_value(parts["value"], model)
    _put(holder, key, index, value, ext, insert=True)


def _delete(resource: JSONDict, path: str, parts: Parts) -> None:
    """delete: remove the single element at `path`; no match is not an error."""
    nodes = _select(resource, path)
    if len(nodes) > 1:
        raise _failed(f"Multiple matches found at {path} when deleting", path)
    if nodes:
        _remove(_parent(nodes[0], path), nodes[0].key, nodes[0].index)


def _replace(resource: JSONDict, path: str, parts: Parts) -> None:
    """replace: the single element at `path` becomes the value (with its extensions)."""
    target = _single(resource, path, "replacing")
    parent, key, part = _parent(target, path), target.key, parts["value"]
    suffix = _value_suffix(part)
    if target.name != key and suffix and target.name + suffix != key:  # choice type changes
        _remove(parent, key, None)
        key = target.name + suffix
    value, ext = _build_value(part, target.model)
    _put(parent, key, target.index, value, ext, insert=False)


def _move(resource: JSONDict, path: str, parts: Parts) -> None:
    """move: within the list at `path`, move the item at `source` to `destination`."""
    holder, key, _ = _collection(resource, path, "moving")
    size = len(holder.get(key) or [])
    source, destination = _integer(parts, "source"), _integer(parts, "destination")
    if not (0 <= source < size and 0 <= destination < size):
        raise _failed(f"Move indexes are out of range for {path}", path)
    for name in (key, f"_{key}"):
        items = holder.get(name)
        if isinstance(items, list) and len(items) == size:
            items.insert(destination, items.pop(source))


_APPLY = {"add": _add, "insert": _insert, "delete": _delete, "replace": _replace, "move": _move}


# --- FHIRPath Patch: locating elements -----------------------------------------------------


@dataclass
class _Node:
    """An element of the resource: `parent[key]`, or `parent[key][index]` in a list."""

    value: Any
    model: Any  # the fhir.resources class of the element, None when unknown
    parent: JSONDict | None = None  # None for the resource itself
    key: str = ""  # the JSON property name (`valueString` for the choice `value`)
    index: int | None = None
    name: str = ""  # the FHIRPath name


def _select(resource: JSONDict, path: str) -> list[_Node]:
    """Evaluate `path` with fhirpathpy and map each result back to its place in `resource`."""
    try:
        expression = _DIV_MEMBER.sub(".`div`", path)
        view = _view(resource)
        found = evaluate(view, expression, model=models["r4"], options={"returnRawData": True})
    except Exception as exc:  # fhirpathpy raises bare exceptions for bad expressions
        raise bad_request(f"Cannot evaluate FHIRPath '{path}': {exc}", path) from exc
    nodes: dict[str | None, _Node] = {}
    for item in found:
        prop = item.propName if isinstance(item, ResourceNode) else None
        if prop is None and not (isinstance(item, ResourceNode) and item.data is view):
            raise _failed(f"{path} does not select elements of the resource", path)
        if prop not in nodes:  # fhirpathpy also yields the `_name` extension of primitives
            nodes[prop] = _locate(resource, prop, path)
    return list(nodes.values())


def _view(value: Any) -> Any:
    """`value` without the `_name` arrays of repeating primitives.

    fhirpathpy lists their items after the values, which would shift indexes such as
    `given[1]`; so extensions of repeating primitives are kept aligned but not addressable.
    """
    if isinstance(value, list):
        return [_view(item) for item in value]
    if not isinstance(value, dict):
        return value
    return {
        k: _view(v) for k, v in value.items() if not (k.startswith("_") and isinstance(v, list))
    }


def _single(resource: JSONDict, path: str, doing: str) -> _Node:
    nodes = _select(resource, path)
    if not nodes:
        raise _failed(f"No content found at {path} when {doing}", path)
    if len(nodes) > 1:
        raise _failed(f"Multiple matches found at {path} when {doing}", path)
    return nodes[0]


def _parent(node: _Node, path: str) -> JSONDict:
    if node.parent is None:
        raise _failed(f"{path} is the resource itself", path)
    return node.parent


def _collection(resource: JSONDict, path: str, doing: str) -> tuple[JSONDict, str, Any]:
    """The list `path` names, as (holder, key, item model); it may be empty or absent."""
    nodes = _select(resource, path)
    if nodes:
        first = nodes[0]
        if first.parent is None or any(
            n.parent is not first.parent or n.key != first.key or n.index is None for n in nodes
        ):
            raise _failed(f"{path} is not a list when {doing}", path)
        return first.parent, first.key, first.model
    match = re.fullmatch(r"(.+)\.([A-Za-z]\w*)", path)
    if match is None:
        raise _failed(f"No content found at {path} when {doing}", path)
    holder, model = _holder(_single(resource, match[1], doing), create=True)
    return holder, match[2], _field_shape(model, match[2])[1]


def _locate(resource: JSONDict, prop_name: str | None, path: str) -> _Node:
    """Walk a fhirpathpy location such as `Patient.name[0].given[1]` down from the root."""
    node = _Node(resource, _model_class(resource.get("resourceType")))
    for segment in (prop_name or "").split(".")[1:]:
        match = _SEGMENT.fullmatch(segment)
        child = _child(node, match[1], match[2]) if match else None
        if child is None:
            raise _failed(f"Cannot locate {prop_name} (from {path}) in the resource", path)
        node = child
    return node


def _child(node: _Node, name: str, position: str | None) -> _Node | None:
    holder, model = _holder(node, create=False)
    key = _json_key(holder, name)
    value, index = holder.get(key), None if position is None else int(position)
    if index is not None:
        if not isinstance(value, list) or index >= len(value):
            return None
        value = value[index]
    elif value is None and f"_{key}" not in holder:
        return None
    child_model = _field_shape(model, key)[1]
    if isinstance(value, dict) and "resourceType" in value:
        child_model = _model_class(value["resourceType"])
    return _Node(value, child_model, holder, key, index, name)


def _holder(node: _Node, create: bool) -> tuple[JSONDict, Any]:
    """The object holding the children of `node`: itself, or the `_name` object of a primitive.

    See https://hl7.org/fhir/R4/json.html#primitive for primitive extensions and ids.
    """
    if isinstance(node.value, dict):
        return node.value, node.model
    found: Any = None
    if node.parent is not None and node.index is None:
        if create and not isinstance(node.parent.get(f"_{node.key}"), dict):
            node.parent[f"_{node.key}"] = {}
        found = node.parent.get(f"_{node.key}")
    elif node.parent is not None and node.index is not None:
        exts = _aligned(node.parent, node.key) if create else node.parent.get(f"_{node.key}")
        if isinstance(exts, list) and node.index < len(exts):
            if create and not isinstance(exts[node.index], dict):
                exts[node.index] = {}
            found = exts[node.index]
    return (found if isinstance(found, dict) else {}), _model_class("Element")


def _json_key(holder: JSONDict, name: str) -> str:
    """The JSON property for a FHIRPath name; choice elements carry their type (`valueString`)."""
    if name in holder or f"_{name}" in holder:
        return name
    size = len(name)
    for key in holder:
        if key.startswith(name) and key[size : size + 1].isupper():
            return key
    return name


# --- FHIRPath Patch: values and JSON edits -------------------------------------------------


def _primitive(part: JSONDict | None) -> Any:
    suffix = _value_suffix(part) if part else None
    return part.get(f"value{suffix}") if part and suffix else None


def _value_suffix(part: JSONDict) -> str | None:
    """The type of a `value[x]` part (`Date` for `valueDate`); None for one made of parts."""
    for key in part:
        if key.startswith("value") and key[5:6].isupper():
            return key[5:]
    return None


def _build_value(part: JSONDict, model: Any) -> tuple[Any, Any]:
    """A part's value and its primitive extension (`_valueDate`), or one built from sub-parts.

    https://hl7.org/fhir/R4/fhirpatch.html: anonymous types (backbone elements) are given
    as one part per element.
    """
    suffix = _value_suffix(part)
    if suffix is not None:
        key = f"value{suffix}"
        return copy.deepcopy(part[key]), copy.deepcopy(part.get(f"_{key}"))
    parts = part.get("part")
    if not isinstance(parts, list) or not parts:
        raise bad_request(f"FHIRPath Patch part '{part.get('name')}' has no value")
    names = [p.get("name") if isinstance(p, dict) else None for p in parts]
    element: JSONDict = {}
    for sub, name in zip(parts, names, strict=True):
        if not isinstance(name, str):
            raise bad_request("FHIRPath Patch value parts need a name")
        key = _property_key(model, name, _value_suffix(sub))
        is_list, child_model = _field_shape(model, key)
        value, ext = _build_value(sub, child_model)
        if is_list or names.count(name) > 1:
            _put(element, key, len(element.get(key) or []), value, ext, insert=True)
        else:
            _put(element, key, None, value, ext, insert=False)
    return element, None


def _property_key(model: Any, name: str, suffix: str | None) -> str:
    """`deceased` + Boolean is `deceasedBoolean` when the model only knows the typed name."""
    fields = _fields(model)
    if suffix and name not in fields and f"{name}{suffix}" in fields:
        return f"{name}{suffix}"
    return name


def _put(holder: JSONDict, key: str, index: int | None, value: Any, ext: Any, insert: bool) -> None:
    """Set (or insert at `index`) a value, keeping the `_key` primitive extensions aligned.

    See https://hl7.org/fhir/R4/json.html#primitive.
    """
    if index is None:
        holder[key] = value
        holder.pop(f"_{key}", None)
        if ext is not None:
            holder[f"_{key}"] = ext
        return
    items = holder.setdefault(key, [])
    if insert:
        items.insert(index, value)
    else:
        items[index] = value
    if ext is not None or isinstance(holder.get(f"_{key}"), list):
        exts = _aligned(holder, key, len(items) - int(insert))
        if insert:
            exts.insert(index, ext)
        else:
            exts[index] = ext


def _aligned(holder: JSONDict, key: str, size: int | None = None) -> list[Any]:
    """The `_name` list of a repeating primitive, padded with nulls to `size` items."""
    exts = holder.get(f"_{key}")
    if not isinstance(exts, list):
        exts = holder[f"_{key}"] = []
    wanted = len(holder.get(key) or []) if size is None else size
    exts.extend([None] * (wanted - len(exts)))
    return exts


def _remove(holder: JSONDict, key: str, index: int | None) -> None:
    if index is None:
        holder.pop(key, None)
        holder.pop(f"_{key}", None)
        return
    for name in (key, f"_{key}"):
        items = holder.get(name)
        if isinstance(items, list) and index < len(items):
            del items[index]


def _prune(obj: JSONDict) -> None:
    """Drop what operations left empty: FHIR JSON has no empty objects or arrays."""
    for key in list(obj):
        value = obj[key]
        if isinstance(value, dict):
            _prune(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    _prune(item)
            if key.startswith("_"):
                value[:] = [None if item == {} else item for item in value]
            else:
                value[:] = [item for item in value if item != {}]
        if value in (None, {}, []) or (isinstance(value, list) and all(v is None for v in value)):
            del obj[key]


def _failed(text: str, expression: str | None = None) -> OperationOutcomeError:
    return unprocessable([issue("error", "processing", text, expression)])


# --- FHIR model information (fhir.resources R4B classes) -----------------------------------


@cache
def _model_class(type_name: Any) -> Any:
    try:
        return get_fhir_model_class(type_name) if isinstance(type_name, str) else None
    except (KeyError, ValueError):
        return None


@cache
def _fields(model: Any) -> dict[str, Any]:
    """The model's fields by JSON name (`class` rather than `class_fhir`)."""
    if model is None:
        return {}
    return {field.alias or name: field for name, field in model.model_fields.items()}


def _field_shape(model: Any, key: str) -> tuple[bool, Any]:
    """Whether the property `key` repeats, and the model class of its items (None if unknown)."""
    field = _fields(model).get(key)
    if field is None:
        return False, None
    annotation, is_list = field.annotation, False
    while True:
        origin = get_origin(annotation)
        if origin is list:
            is_list, annotation = True, get_args(annotation)[0]
        elif origin in (Union, UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        elif origin is Annotated:
            annotation = get_args(annotation)[0]
        else:
            break
    klass = getattr(annotation, "get_model_klass", None)
    return is_list, klass() if callable(klass) else None
