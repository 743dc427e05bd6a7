"""YAML document → validated model, with Pydantic's errors turned into positioned Dutch findings."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Finding, FindingId, WijkcheckError
from wijkcheck.core.models import GEEN_GEHEEL_GETAL
from wijkcheck.core.names import bedoelde_u
from wijkcheck.sources.yamlsource import MAX_FINDINGS, YamlDocument, begrens, load_file

T = TypeVar("T", bound=BaseModel)

# `12.345` or `1.234.567`: a Dutch thousands separator, read by YAML as a decimal point.
_DUIZENDTAL = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")

_SOORT_NAMEN = {
    dict: "velden (sleutel: waarde)",
    list: "een lijst",
    str: "tekst",
    int: "een geheel getal",
    float: "een getal",
    bool: "true/false",
    type(None): "een lege waarde",
}

_PATRONEN = {
    "^[a-z0-9][a-z0-9_-]*$": "kleine letters, cijfers, '-' en '_' (bijv. 'sociale-cohesie')",
    r"^BU\d{8}$": "'BU' gevolgd door 8 cijfers (CBS-buurtcode, bijv. BU07970104)",
    r"^GM\d{4}$": "'GM' gevolgd door 4 cijfers (CBS-gemeentecode, bijv. GM0797)",
}


def load_model(path: Path, model: type[T], display: str | None = None) -> tuple[T, YamlDocument]:
    doc = load_file(path, display)
    return validate(doc, model), doc


def validate(doc: YamlDocument, model: type[T]) -> T:
    if not isinstance(doc.data, dict):
        gevonden = "een leeg bestand" if doc.data is None else _soort(doc.data)
        velden = ", ".join(n for n, f in model.model_fields.items() if f.is_required())
        raise WijkcheckError.single(
            doc.span(),
            f"verwacht velden (veld: waarde), waaronder {velden}; gevonden: {gevonden}",
            ids.BESTAND_VORM,
        )
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        raise WijkcheckError(findings(exc, doc, model)) from None


def findings(exc: ValidationError, doc: YamlDocument, model: type[BaseModel]) -> list[Finding]:
    result = []
    errors = exc.errors(include_url=False)
    for err in errors[:MAX_FINDINGS]:
        loc = tuple(err["loc"])
        message, id, at_key, loc = _message(err, loc, model, doc)
        result.append(Finding(doc.span(loc, key=at_key), message, id))
    return begrens(result, len(errors) - len(result), doc.path)


def _message(
    err: Any, loc: tuple[str | int, ...], model: type[BaseModel], doc: YamlDocument | None = None
) -> tuple[str, FindingId, bool, tuple[str | int, ...]]:
    """Dutch message, finding id, whether it points at the key, and where; `doc` (if given) lets
    a message quote a value as written."""
    kind: str = err["type"]
    if kind == GEEN_GEHEEL_GETAL:
        return _aantal(err, loc, doc)
    komma = _decimale_komma(err, loc, doc) if doc is not None else None
    if komma is not None:
        return komma
    value = err.get("input")
    ctx = err.get("ctx") or {}
    naam = _veldnaam(loc)
    if kind == "missing":
        parent = loc[:-1]
        if loc[-1] == "tot" and loc[:1] == ("uitzonderingen",):
            return (
                "een uitzondering heeft een einddatum nodig: 'tot' (JJJJ-MM-DD) ontbreekt; een "
                "uitzondering zonder einde is een norm die niemand heeft vastgesteld",
                ids.GEEN_EINDDATUM,
                True,
                parent,
            )
        return f"verplicht veld '{loc[-1]}' ontbreekt", ids.ONTBREKEND_VELD, True, parent
    if kind == "extra_forbidden":
        toegestaan = _velden_op(model, loc[:-1])
        hint = bedoelde_u(str(loc[-1]), toegestaan)
        verwacht = (
            f" (verwacht een van: {', '.join(toegestaan)})" if toegestaan and not hint else ""
        )
        return (
            f"onbekend veld '{loc[-1]}'{verwacht}.{hint}".rstrip("."),
            ids.ONBEKEND_VELD,
            True,
            loc,
        )
    if kind == "union_tag_invalid":
        tags = [t.strip("' ") for t in str(ctx.get("expected_tags", "")).split(",")]
        hint = bedoelde_u(str(ctx.get("tag")), tags)
        msg = f"onbekend regeltype '{ctx.get('tag')}' (verwacht een van: {', '.join(tags)}).{hint}"
        return msg.rstrip("."), ids.ONBEKEND_REGELTYPE, False, (*loc, "type")
    if kind == "union_tag_not_found":
        return "regel mist 'type' (bijv. type: aanwezig)", ids.ONTBREKEND_VELD, False, loc
    at_key = bool(loc) and loc[-1] == "[key]"
    if at_key:
        loc = loc[:-1]
        naam = f"sleutel '{loc[-1]}'"
    gevonden = f"gevonden: {_toon(value)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        hint = ""
        if isinstance(value, float) and len(repr(value).split(".")[-1]) == 3:
            hint = " (een punt is geen duizendtalscheiding: schrijf 12345, niet 12.345)"
        return f"{naam}: verwacht een geheel getal, {gevonden}{hint}", ids.TYPE, at_key, loc
    if kind == "int_parsing_size":
        return f"{naam}: getal met te veel cijfers, {gevonden}", ids.WAARDE, at_key, loc
    if kind == "finite_number":
        yaml = {"nan": ".nan", "inf": ".inf", "-inf": "-.inf"}.get(str(value), _toon(value))
        return f"{naam}: verwacht een eindig getal, gevonden: {yaml}", ids.GEEN_GETAL, at_key, loc
    if kind in ("float_type", "float_parsing"):
        hint = ""
        if isinstance(value, str) and "," in value:
            hint = " (gebruik een punt als decimaalteken: 12.5, niet 12,5)"
        elif isinstance(value, str) and value.count(".") > 1:
            hint = f" (geen duizendtalpunten: schrijf {value.replace('.', '')})"
        elif isinstance(value, str) and _getal_als_tekst(value):
            hint = " (tekst tussen aanhalingstekens; een getal staat er zonder)"
        elif isinstance(value, str):
            hint = " (dit is tekst; schrijf een getal, zoals 4200 of 12.5)"
        elif isinstance(value, bool):
            hint = " (true of false is geen getal)"
        elif isinstance(value, int):
            hint = " (te groot voor een getal)"
        return f"{naam}: verwacht een getal, {gevonden}{hint}", ids.TYPE, at_key, loc
    if kind in ("bool_type", "bool_parsing"):
        return f"{naam}: verwacht true of false (niet ja/nee), {gevonden}", ids.TYPE, at_key, loc
    if kind.startswith("date") or kind.startswith("datetime"):
        return (
            f"{naam}: ongeldige datum {_toon(value)}; verwacht een bestaande datum als "
            "JJJJ-MM-DD, bijv. 2025-01-01",
            ids.DATUM,
            at_key,
            loc,
        )
    if loc and loc[-1] == "bron" and (kind == "string_too_short" or value is None):
        return (
            "'bron' mag niet leeg zijn: noem waar het gegeven vandaan komt "
            "(of 'voorbeeld' voor voorbeeldgegevens)",
            ids.LEGE_BRON,
            at_key,
            loc,
        )
    if kind == "string_type":
        hint = ""
        if isinstance(value, (int, float, bool)):
            # YAML reads `versie: 2026.1` or `naam: 1234` as a number: quote it.
            hint = " (zet de waarde tussen aanhalingstekens als het tekst is)"
        return f"{naam}: verwacht tekst, {gevonden}{hint}", ids.TYPE, at_key, loc
    if kind == "string_too_short":
        return f"{naam}: mag niet leeg zijn", ids.LEEG, at_key, loc
    if kind == "too_short":
        return f"{naam}: lijst mag niet leeg zijn", ids.LEEG, at_key, loc
    if kind in ("string_too_long", "too_long"):
        grens = ctx.get("max_length")
        wat = "tekens" if kind == "string_too_long" else "onderdelen"
        return f"{naam}: te lang (hooguit {grens} {wat})", ids.TE_LANG, at_key, loc
    if kind == "string_pattern_mismatch":
        vorm = _PATRONEN.get(str(ctx.get("pattern")), f"patroon {ctx.get('pattern')}")
        return (
            f"{naam}: {_toon(value)} heeft niet de juiste vorm; verwacht {vorm}",
            ids.VORM,
            at_key,
            loc,
        )
    if kind in ("literal_error", "enum"):
        verwacht = str(ctx.get("expected", "")).replace(" or ", ", ")
        hint = bedoelde_u(str(value), [v.strip("' ") for v in verwacht.split(",")])
        msg = f"{naam}: ongeldige waarde {_toon(value)} (verwacht een van: {verwacht}).{hint}"
        return msg.rstrip("."), ids.WAARDE, at_key, loc
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{naam}: verwacht velden (sleutel: waarde), {gevonden}", ids.TYPE, at_key, loc
    if kind == "list_type":
        return f"{naam}: verwacht een lijst, {gevonden}", ids.TYPE, at_key, loc
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        teken = {"greater_than": ">", "greater_than_equal": "≥", "less_than": "<"}.get(kind, "≤")
        grens = next(iter(ctx.values()), "")
        return f"{naam}: moet {teken} {grens} zijn, {gevonden}", ids.WAARDE, at_key, loc
    if kind == "value_error":
        return f"{naam}: {ctx.get('error')}", ids.WAARDE, at_key, loc
    return f"{naam}: {err.get('msg')} ({gevonden})", ids.SCHEMA, at_key, loc


def _decimale_komma(
    err: Any, loc: tuple[str | int, ...], doc: YamlDocument
) -> tuple[str, FindingId, bool, tuple[str | int, ...]] | None:
    """`{waarde: 8,1, bron: x}`: in a flow mapping the comma ends the value, so YAML reads
    `waarde: 8` and an empty key `1`. Reported as the block style's `waarde: 8,1` is."""
    if err["type"] != "extra_forbidden" or not loc or not str(loc[-1]).isdigit():
        return None
    mapping: Any = doc.data
    for part in loc[:-1]:
        try:
            mapping = mapping[part]
        except (KeyError, IndexError, TypeError):
            return None
    if not isinstance(mapping, dict) or mapping.get(str(loc[-1]), "") is not None:
        return None
    sleutels = list(mapping)
    i = sleutels.index(str(loc[-1]))
    if i == 0:
        return None
    vorige = sleutels[i - 1]
    geheel = mapping[vorige]
    if isinstance(geheel, bool) or not isinstance(geheel, int):
        return None
    geschreven = f"{geheel},{loc[-1]}"
    return (
        f"'{vorige}': verwacht een getal, gevonden: {geschreven} (gebruik een punt als "
        f"decimaalteken: {geheel}.{loc[-1]}, niet {geschreven}; tussen {{ }} scheidt de komma "
        f"de velden, dus las YAML '{loc[-1]}' als een veld)",
        ids.TYPE,
        False,
        (*loc[:-1], vorige),
    )


def _aantal(
    err: Any, loc: tuple[str | int, ...], doc: YamlDocument | None
) -> tuple[str, FindingId, bool, tuple[str | int, ...]]:
    """A count with decimals, worded as written: YAML turns `2.400` into 2.4 before we see it."""
    ctx = err.get("ctx") or {}
    veld = ctx.get("veld", "waarde")
    if not loc or loc[-1] != veld:
        loc = (*loc, veld)
    wat = ctx.get("wat") or (str(loc[-2]) if len(loc) > 1 else "aantal")
    geschreven = doc.source_text(loc) if doc is not None else None
    tekst = geschreven or _toon(err.get("input"))
    if _DUIZENDTAL.fullmatch(tekst):
        return (
            f"{wat} {tekst}: bedoelde u {int(tekst.replace('.', ''))}? In YAML is de punt een "
            "decimaalteken, geen duizendtalscheiding, en een aantal is een geheel getal",
            ids.DUIZENDTAL_PUNT,
            False,
            loc,
        )
    return (
        f"{wat} {tekst} is geen geheel getal; een aantal heeft geen decimalen",
        ids.GEEN_GEHEEL_GETAL,
        False,
        loc,
    )


def _veldnaam(loc: Sequence[str | int]) -> str:
    names = [str(p) for p in loc if isinstance(p, str) and p != "[key]"]
    if not names:
        return "bestand"
    return f"'{names[-1]}'"


def _soort(value: object) -> str:
    return _SOORT_NAMEN.get(type(value), type(value).__name__)


def _toon(value: object) -> str:
    if isinstance(value, (dict, list)) or value is None:
        return _soort(value)
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _velden_op(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """Field names allowed at `loc` (for suggestions), walking the model's annotations."""
    tp: Any = model
    for part in loc:
        tp = _stap(tp, part)
        if tp is None:
            return []
    tp = _model_in(tp, None)
    return list(tp.model_fields) if tp is not None else []


def _stap(tp: Any, part: str | int) -> Any:
    model = _model_in(tp, part)
    if model is not None and isinstance(part, str) and part in model.model_fields:
        return model.model_fields[part].annotation
    if model is not None:
        return model  # a union tag: stay on the chosen member
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        return _stap(args[0], part)
    if origin in (list, tuple) and isinstance(part, int):
        return args[0] if args else None
    if origin is dict and args:
        return args[1]
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            found = _stap(arg, part)
            if found is not None:
                return found
    return None


def _model_in(tp: Any, tag: str | int | None) -> type[BaseModel] | None:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        return _model_in(args[0], tag)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        for m in members:
            field = m.model_fields.get("type")
            if field is not None and tag in typing.get_args(field.annotation):
                return m
        if len(members) == 1:
            return members[0]
    return None


def _getal_als_tekst(value: str) -> bool:
    """A number written as text ("4200" in quotes): the quotes are the mistake."""
    try:
        float(value)
    except ValueError:
        return False
    return True
