"""Positioned, hardened YAML loading.

Each file is parsed once by libyaml's C composer; Python data is then built from the node tree
by a small constructor of our own, and the tree is kept as the source map: any location
(`("voorzieningen", 2, "soort")`) is resolved back to `file:line:column` only when an error needs
it, so the happy path pays nothing for positions.

Our constructor follows the YAML 1.2 core schema instead of PyYAML's YAML 1.1 one, so that
`NO`, `ja`, `on` and `1:20` stay text and `2024-02-31` reaches validation as text that can be
rejected with a position, instead of a surprise boolean, number or a crash.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Finding, FindingId, Span, WijkcheckError
from wijkcheck.sources.dataroot import vingerafdruk

#: Files above this size are refused (a wijk file is a few kilobytes).
MAX_BYTES = 2 * 1024 * 1024
#: Deeper nesting is refused; real files nest four or five levels.
MAX_DEPTH = 64
#: Nodes built after alias expansion; stops "billion laughs" alias bombs.
MAX_NODES = 200_000
#: Findings shown per file; the rest are counted (a file of 50,000 typos stays fast and readable).
MAX_FINDINGS = 100
# libyaml's composer recurses in C; it is known to crash somewhere beyond 10,000 levels, so a
# file that *could* nest deeper than this is first checked with the (iterative) event parser.
_SAFE_COMPOSE_BOUND = 2_000
# Larger files are counted in the event pass first: a 2 MiB file of `1,1,1…` would otherwise
# make the composer build a million nodes (seconds, hundreds of MiB) before any limit applies.
_EVENT_CHECK_CHARS = 256 * 1024

_YAML = "tag:yaml.org,2002:"
_IMPLICIT_TAGS = {_YAML + t for t in ("bool", "int", "float", "null", "timestamp")}
_STR, _MAP, _SEQ = _YAML + "str", _YAML + "map", _YAML + "seq"
# Our own tag for untagged plain scalars: resolved by `resolve_plain` (YAML 1.2 core schema).
_PLAIN = "tag:wijkcheck,2026:plain"
_IMPLICIT_TAGS.add(_PLAIN)
_COLLECTION_TAG: dict[type, str] = {SequenceNode: _SEQ, MappingNode: _MAP}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser and composer, without PyYAML's YAML 1.1 resolver.

    The composer calls `resolve` for every untagged node; PyYAML's version runs up to a dozen
    regular expressions per scalar. We only need to know whether a scalar was plain or quoted.
    """

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _COLLECTION_TAG[kind]

    # The composer calls these for every node, for path resolvers we never register.
    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


_NULL = re.compile(r"(?:~|null|Null|NULL|)\Z")
_TRUE = re.compile(r"(?:true|True|TRUE)\Z")
_FALSE = re.compile(r"(?:false|False|FALSE)\Z")
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
# C0 controls except tab, LF and CR; DEL; C1 controls. They could recolour a terminal or hide
# text in a report, so data may not hold them (the formatters strip them as a second line).
# Control characters, and what XML 1.0 cannot hold at all (a lone surrogate, U+FFFE, U+FFFF):
# a report in Word or SVG would be ill-formed.
_STUURTEKEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

_DUBBELE_PUNT = (
    "hier mag geen ':' staan (een ':' in een waarde? Zet de waarde dan tussen aanhalingstekens, "
    'bijv. naam: "Vlijmen: centrum"; anders: klopt de inspringing?)'
)

# libyaml's problem texts, in Dutch. Unknown ones are shown in English after a Dutch prefix.
_PROBLEMS = {
    # PyYAML's own scanner says "here", libyaml's (the C parser wijkcheck uses) "in this context"
    "mapping values are not allowed here": _DUBBELE_PUNT,
    "mapping values are not allowed in this context": _DUBBELE_PUNT,
    "did not find expected '-' indicator": "'- ' verwacht: elk item van een lijst begint met "
    "'- ', even ver ingesprongen als de andere items (klopt de inspringing?)",
    "found character '\\t' that cannot start any token": "tab gevonden; "
    "YAML gebruikt spaties voor inspringing, geen tabs",
    "found a tab character that violates indentation": "tab gevonden; "
    "YAML gebruikt spaties voor inspringing, geen tabs",
    "found a tab character where an indentation space is expected": "tab gevonden; "
    "YAML gebruikt spaties voor inspringing, geen tabs",
    "could not find expected ':'": "':' verwacht (sleutel zonder waarde of onafgesloten tekst?)",
    "did not find expected key": "sleutel verwacht (klopt de inspringing?)",
    "did not find expected node content": "waarde verwacht",
    "did not find expected ',' or ']'": "',' of ']' verwacht (ontbreekt er een komma tussen "
    "twee items, of de ']' die de lijst sluit?)",
    "did not find expected ',' or '}'": "',' of '}' verwacht (ontbreekt er een komma tussen "
    "twee paren, of de '}' die ze sluit?)",
    "found unexpected end of stream": "bestand houdt onverwacht op (onafgesloten aanhalingsteken?)",
    "found undefined alias": "onbekende alias (geen bijbehorend anker '&')",
    "found duplicate anchor; first occurrence": "dubbel anker",
    "but found another document": "meer dan één YAML-document in het bestand "
    "(verwijder '---'; één wijk per bestand)",
    "found unknown escape character": "onbekende escape in tekst tussen dubbele aanhalingstekens",
    "found unexpected ':'": "onverwachte ':' (zet de tekst tussen aanhalingstekens)",
    "found character that cannot start any token": "teken dat hier niet mag "
    "(zet de tekst tussen aanhalingstekens)",
    "control characters are not allowed": "stuurteken in het bestand (is het een binair bestand?)",
}


class Posities(Protocol):
    """Anything that turns a path of keys into a file:line:column: a YAML file, or a checklist
    with all its layers (`sources.layers.GelaagdDocument`)."""

    def span(self, loc: Sequence[str | int] = (), *, key: bool = False) -> Span: ...


@dataclass(slots=True)
class YamlDocument:
    """Loaded data plus the node tree it came from (the source map).

    A loaded gemeente keeps a document per file; their node trees would cost it about 70 KB
    a wijk (200 MiB for 3,000 wijken). Once a file's model is made, `licht` drops the tree and
    the data and keeps the text, a few kilobytes: a position asked for later (a finding)
    composes the tree again from that text, the one most recently asked for kept.
    """

    path: str
    data: Any
    _root: Node | None
    #: the text the tree was composed from, to compose it again after `licht`
    tekst: str | None = None

    @property
    def root(self) -> Node | None:
        if self._root is not None or self.tekst is None:
            return self._root
        global _laatste
        if _laatste is not None and _laatste[0] is self:
            return _laatste[1]
        root = yaml.compose(self.tekst, Loader=_Loader)  # it was composed once without error
        if root is not None:
            _laatste = (self, root)
        return root

    def licht(self) -> YamlDocument:
        """Drop the node tree and the data, keep the text (see above); returns itself."""
        self._root, self.data = None, None
        return self

    def without_tree(self) -> YamlDocument:
        """Drop only the node tree (composed again from the text when a position is asked):
        the data and the text, cheap to send to another process; returns itself."""
        self._root = None
        return self

    def span(self, loc: Sequence[str | int] = (), *, key: bool = False) -> Span:
        """Position of ``loc``: its value, or with ``key=True`` its key.

        Parts that do not match the tree (a union's tag, a missing key) are skipped, so the
        answer is the nearest existing parent: the place a user would add the missing key.
        """
        if self.root is None:
            return Span(self.path, 1, 1)
        key_node, node, _ = self._walk(loc)
        target = key_node if key and key_node is not None else node
        return Span.from_mark(self.path, target.start_mark)

    def source_text(self, loc: Sequence[str | int]) -> str | None:
        """The scalar at ``loc`` as written (`2.400`, not the float 2.4), if ``loc`` exists."""
        if self.root is None:
            return None
        _, node, exact = self._walk(loc)
        return node.value if exact and isinstance(node, ScalarNode) else None

    def _walk(self, loc: Sequence[str | int]) -> tuple[Node | None, Node, bool]:
        node: Node = self.root  # type: ignore[assignment]
        key_node: Node | None = None
        exact = True
        for part in loc:
            if isinstance(node, MappingNode) and isinstance(part, str):
                for k, v in node.value:
                    if isinstance(k, ScalarNode) and k.value == part:
                        key_node, node = k, v
                        break
                else:
                    exact = False
            elif (
                isinstance(node, SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                key_node, node = None, node.value[part]
            else:
                exact = False
        return key_node, node, exact


#: While `volg_lezen` runs: every file read, as (absolute path, `vingerafdruk` of its bytes).
_gelezen: list[tuple[str, str]] | None = None


@contextlib.contextmanager
def volg_lezen(aan: bool = True) -> Iterator[list[tuple[str, str]]]:
    """Note every data file read inside the `with` block (for the output memo); with
    `aan=False` (no memo) note nothing, and fingerprint nothing."""
    global _gelezen
    gelezen: list[tuple[str, str]] = []
    vorige, _gelezen = _gelezen, gelezen if aan else None
    try:
        yield gelezen
    finally:
        _gelezen = vorige


def read_text(path: Path, display: str | None = None) -> str:
    """Read a data file as text: bounded size, UTF-8 (with or without BOM), not binary."""
    shown = display or str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or device (/dev/zero) would block or never end.
            soort = "een map" if stat.S_ISDIR(info.st_mode) else "geen gewoon bestand"
            raise WijkcheckError.single(
                Span(shown), f"kan bestand niet lezen: {soort}", ids.BESTAND_ONLEESBAAR
            )
        if info.st_size > MAX_BYTES:
            raise _te_groot(shown, info.st_size)
        with path.open("rb") as f:
            # Ask for the size stat gave (read(n) allocates n bytes up front: asking for
            # MAX_BYTES cost more than reading the file), then for whatever was added since,
            # never more than MAX_BYTES in all.
            raw = f.read(info.st_size + 1)
            if len(raw) > info.st_size:
                raw += f.read(MAX_BYTES + 1 - len(raw))
        if len(raw) > MAX_BYTES:
            raise _te_groot(shown, len(raw))
        if _gelezen is not None:
            _gelezen.append((os.path.abspath(path), vingerafdruk(raw)))
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise WijkcheckError.single(
            Span(shown), f"kan bestand niet lezen: {reason}", ids.BESTAND_ONLEESBAAR
        ) from None
    return decode(raw, shown)


def _te_groot(shown: str, size: int) -> WijkcheckError:
    return WijkcheckError.single(
        Span(shown),
        f"bestand is te groot ({size:,} bytes; maximaal {MAX_BYTES:,})".replace(",", "."),
        ids.BESTAND_TE_GROOT,
    )


def decode(raw: bytes, shown: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise WijkcheckError.single(
            Span(shown, 1, 1),
            "bestand is UTF-16 gecodeerd; sla het op als UTF-8",
            ids.CODERING,
        )
    if b"\x00" in raw[:8192]:
        raise WijkcheckError.single(
            Span(shown, 1, 1), "binair bestand; verwacht YAML-tekst", ids.BINAIR_BESTAND
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise WijkcheckError.single(
            Span(shown, line, column),
            f"ongeldige UTF-8-byte 0x{raw[exc.start]:02x}; sla het bestand op als UTF-8 "
            "(niet als Windows-1252 of Latin-1)",
            ids.CODERING,
        ) from None


def load_file(path: Path, display: str | None = None) -> YamlDocument:
    shown = display or str(path)
    return parse(read_text(path, shown), shown)


def in_folder(shown_folder: str, name: str) -> str:
    """A file of a folder as shown: the folder is resolved once, not every file in it (a data
    set has thousands of files)."""
    return name if shown_folder == "." else f"{shown_folder}/{name}"


def parse_in_folder(path: Path, shown_folder: str) -> YamlDocument:
    """A data file of a folder shown as `shown_folder`, read and parsed (`load_file`)."""
    return load_file(path, in_folder(shown_folder, path.name))


def parse(text: str, path: str) -> YamlDocument:
    """Parse one YAML document; raise `WijkcheckError` for anything a user's file can do."""
    if len(text) > _EVENT_CHECK_CHARS or _nesting_bound(text) > _SAFE_COMPOSE_BOUND:
        _check_depth(text, path)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, path, text) from None
    except yaml.YAMLError as exc:  # reader errors carry a position of their own
        raise _reader_error(exc, path, text) from None
    except RecursionError:
        raise WijkcheckError.single(
            Span(path), f"te diep genest (maximaal {MAX_DEPTH} niveaus)", ids.TE_DIEP
        ) from None
    if root is None:
        return YamlDocument(path, None, None)
    builder = _Builder(path)
    data = builder.build(root, 0)
    if "\\" in text:
        # libyaml's reader refuses raw control characters (NEL is read as a line break), so only
        # an escape in a double-quoted scalar ("\e", "\x9b", "\0") can put one in a value.
        builder.stuurtekens(root)
    if builder.findings:
        raise WijkcheckError(begrens(builder.findings, builder.overflow, path))
    return YamlDocument(path, data, root, text)


#: The document whose tree was composed again last, with that tree (see `YamlDocument`).
_laatste: tuple[YamlDocument, Node] | None = None


def begrens(findings: list[Finding], overflow: int, path: str) -> list[Finding]:
    """At most `MAX_FINDINGS` findings, plus one that counts the rest."""
    overflow += max(0, len(findings) - MAX_FINDINGS)
    if not overflow:
        return findings
    aantal = f"{overflow:,}".replace(",", ".")
    message = f"en nog {aantal} bevindingen in dit bestand; los eerst de bovenstaande op"
    return [*findings[:MAX_FINDINGS], Finding(Span(path), message, ids.TE_VEEL_BEVINDINGEN)]


def _nesting_bound(text: str) -> int:
    # Cheap upper bound of the nesting depth: block levels need a column each, flow levels
    # need a bracket each. Avoids the event pass for every ordinary file.
    longest = max((len(line) for line in text.splitlines()), default=0)
    return longest + text.count("[") + text.count("{")


def _check_depth(text: str, path: str) -> None:
    """Depth and node count from the event stream, before the composer builds a node tree."""
    try:
        _count_events(yaml.parse(text, Loader=_Loader), path)
    except yaml.MarkedYAMLError as exc:
        if not _is_nesting_limit(exc):
            raise _syntax_error(exc, path, text) from None
        # libyaml (PyYAML >= 6.0.4) has a nesting limit of its own that its scanner can hit
        # ahead of the events we count; PyYAML's pure-Python parser streams without a limit,
        # so it finds where our own limit is crossed.
        with contextlib.suppress(yaml.YAMLError):
            _count_events(yaml.parse(text, Loader=yaml.SafeLoader), path)
        raise _too_deep(Span.from_mark(path, exc.problem_mark or exc.context_mark)) from None
    except yaml.YAMLError as exc:
        raise _reader_error(exc, path, text) from None


def _is_nesting_limit(exc: yaml.MarkedYAMLError) -> bool:
    return "maximum nesting depth" in f"{exc.problem or ''} {exc.context or ''}"


def _too_deep(span: Span) -> WijkcheckError:
    return WijkcheckError.single(
        span, f"te diep genest (meer dan {MAX_DEPTH} niveaus)", ids.TE_DIEP
    )


def _count_events(events: Iterator[yaml.Event], path: str) -> None:
    depth = nodes = 0
    for event in events:
        if isinstance(event, yaml.NodeEvent):
            nodes += 1
            if nodes > MAX_NODES:
                raise WijkcheckError.single(
                    Span.from_mark(path, event.start_mark),
                    f"te veel knooppunten (meer dan {MAX_NODES:,}); een wijkbestand heeft er "
                    "hooguit enkele duizenden".replace(",", "."),
                    ids.TE_VEEL_KNOOPPUNTEN,
                )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _too_deep(Span.from_mark(path, event.start_mark))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _syntax_error(exc: yaml.MarkedYAMLError, path: str, text: str) -> WijkcheckError:
    if _is_nesting_limit(exc):
        return _too_deep(Span.from_mark(path, exc.problem_mark or exc.context_mark))
    problem = (exc.problem or exc.context or "onbekende fout").strip()
    mark = exc.problem_mark or exc.context_mark
    dutch = _PROBLEMS.get(problem)
    if dutch is None:
        for english, translated in _PROBLEMS.items():
            if problem.startswith(english):
                dutch = translated
                break
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        dutch = _PROBLEMS["found a tab character that violates indentation"]
    message = f"ongeldige YAML: {dutch or problem}"
    begin = exc.context_mark
    if (
        begin is not None
        and "quoted scalar" in (exc.context or "")
        and problem.startswith("found unexpected end of stream")
    ):
        # The quote that is never closed, not the end of the file where libyaml noticed it.
        message = "ongeldige YAML: dit aanhalingsteken wordt nergens gesloten"
        return WijkcheckError.single(Span.from_mark(path, begin), message, ids.YAML_SYNTAXIS)
    if begin is not None and mark is not None and begin.line < mark.line and exc.context:
        # An unclosed bracket or quote is noticed lines later; say where it was opened.
        message += f"; begonnen op regel {Span.from_mark(path, begin).line}"
    return WijkcheckError.single(Span.from_mark(path, mark), message, ids.YAML_SYNTAXIS)


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


def _reader_error(exc: yaml.YAMLError, path: str, text: str) -> WijkcheckError:
    position = getattr(exc, "position", None)
    line = column = 0
    if isinstance(position, int) and 0 <= position <= len(text):
        # ReaderError gives a character offset, not a mark.
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
    return WijkcheckError.single(
        Span(path, line, column),
        "ongeldig teken in het bestand (stuurteken of binaire inhoud); verwacht YAML-tekst",
        ids.YAML_SYNTAXIS,
    )


class _Builder:
    """Node tree → plain Python data (dict, list, str, int, float, bool, None).

    This loop is the hot path of `validate` on thousands of files: scalars are handled inline
    and limits are checked per collection, not per node.
    """

    __slots__ = ("count", "findings", "overflow", "path", "stack")

    def __init__(self, path: str) -> None:
        self.path = path
        self.findings: list[Finding] = []
        self.overflow = 0
        self.count = 0
        self.stack: list[Node] = []

    def error(self, node: Node, message: str, id: FindingId) -> None:
        if len(self.findings) >= MAX_FINDINGS:
            self.overflow += 1
            return
        self.findings.append(Finding(Span.from_mark(self.path, node.start_mark), message, id))

    def build(self, node: Node, depth: int) -> Any:
        if type(node) is ScalarNode:
            self.count += 1
            return node.value if node.tag == _STR else self.scalar(node)
        return self.collection(node, depth)

    def collection(self, node: Node, depth: int) -> Any:
        stack = self.stack
        if depth > MAX_DEPTH:
            cycle = any(a is b for i, a in enumerate(stack) for b in stack[i + 1 :])
            raise WijkcheckError.single(
                Span.from_mark(self.path, node.start_mark),
                "alias verwijst naar zichzelf (oneindige structuur)"
                if cycle
                else f"te diep genest (meer dan {MAX_DEPTH} niveaus)",
                ids.ALIAS_LUS if cycle else ids.TE_DIEP,
            )
        children = node.value
        self.count += 1 + len(children)
        if self.count > MAX_NODES:
            raise WijkcheckError.single(
                Span.from_mark(self.path, node.start_mark),
                f"te veel knooppunten na uitvouwen van aliassen (meer dan {MAX_NODES:,}); "
                "mogelijk een alias-bom".replace(",", "."),
                ids.ALIAS_BOM,
            )
        stack.append(node)
        deeper = depth + 1
        collection = self.collection
        scalar = self.scalar
        if type(node) is SequenceNode:
            if node.tag != _SEQ:
                self.bad_tag(node)
            result: Any = [
                (c.value if c.tag == _STR else scalar(c))
                if type(c) is ScalarNode
                else collection(c, deeper)
                for c in children
            ]
        else:
            if node.tag != _MAP:
                self.bad_tag(node)
            result = {}
            for key_node, v in children:
                if type(key_node) is not ScalarNode:
                    self.error(key_node, "sleutel moet tekst zijn, geen lijst of map", ids.SLEUTEL)
                    continue
                key = key_node.value
                if key in result or key == "<<":
                    self.bad_key(node, key_node)
                    continue
                if type(v) is ScalarNode:
                    value = v.value
                    tag = v.tag
                    if tag == _STR or (tag == _PLAIN and value and value[0] not in _MAYBE_NOT_TEXT):
                        result[key] = value  # text: most scalars, without a call
                    else:
                        result[key] = scalar(v)
                else:
                    result[key] = collection(v, deeper)
        stack.pop()
        return result

    def stuurtekens(self, root: Node) -> None:
        """Report each key and scalar value holding a control character, in document order."""
        seen: set[int] = set()  # an aliased node is checked (and reported) once
        todo: list[tuple[Node, bool]] = [(root, False)]
        while todo:
            node, is_key = todo.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            if type(node) is ScalarNode:
                found = _STUURTEKEN.search(node.value)
                if found:
                    wat = "sleutel" if is_key else "tekst"
                    self.error(
                        node,
                        f"{wat} bevat stuurteken {_code(found.group())}; stuurtekens (zoals "
                        'de escapes "\\e", "\\x1b" en "\\0") zijn niet toegestaan: ze kunnen een '
                        "terminal of rapport ontregelen",
                        ids.STUURTEKEN,
                    )
            elif type(node) is SequenceNode:
                todo.extend((c, False) for c in reversed(node.value))
            else:
                for k, v in reversed(node.value):
                    todo += ((v, False), (k, True))

    def bad_key(self, mapping: Node, key_node: ScalarNode) -> None:
        key = key_node.value
        if key == "<<" and key_node.style is None:
            self.error(key_node, "samenvoegsleutel '<<' wordt niet ondersteund", ids.SLEUTEL)
            return
        if len(self.findings) >= MAX_FINDINGS:
            self.overflow += 1  # skip the search below: it is linear in the mapping's size
            return
        first = next(k for k, _ in mapping.value if k.value == key)
        line = Span.from_mark(self.path, first.start_mark).line
        self.error(
            key_node,
            f"dubbele sleutel '{key}' (eerder op regel {line}); "
            "YAML zou stilzwijgend alleen de laatste bewaren",
            ids.DUBBELE_SLEUTEL,
        )

    def scalar(self, node: ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR:
            return value
        if tag in _IMPLICIT_TAGS:
            return resolve_plain(value)
        self.bad_tag(node)
        return value

    def bad_tag(self, node: Node) -> None:
        tag = node.tag
        shown = tag.replace(_YAML, "!!")
        if "python/" in tag:
            self.error(node, f"Python-tag '{shown}' is niet toegestaan (onveilig)", ids.YAML_TAG)
        else:
            self.error(
                node,
                f"onbekende YAML-tag '{shown}'; gebruik gewone waarden zonder tag",
                ids.YAML_TAG,
            )


_MAYBE_NOT_TEXT = frozenset("0123456789+-.~nNtTfF")
_MAYBE_NUMBER = frozenset("0123456789+-.")


def resolve_plain(value: str) -> Any:
    """YAML 1.2 core schema for an unquoted scalar."""
    if not value:
        return None
    first = value[0]
    if first not in _MAYBE_NOT_TEXT:
        return value
    if first not in _MAYBE_NUMBER:  # ~, n, t, f: only null, true or false can start so
        if _NULL.match(value):
            return None
        if _TRUE.match(value):
            return True
        if _FALSE.match(value):
            return False
        return value
    if _INT.match(value):
        try:
            return int(value)
        except ValueError:  # beyond Python's digit limit (4300): read as .inf, refused later
            return float(value)
    if _FLOAT.match(value):
        return float(value)
    lowered = value.lower()
    if lowered in (".inf", "+.inf", "-.inf", ".nan"):
        return float(lowered.lstrip("+").replace(".", ""))
    return value


def _code(teken: str) -> str:
    code = ord(teken)
    return f"\\x{code:02x}" if code < 0x100 else f"U+{code:04X}"
