"""Reflection templates: the data model, and a loader that validates JSON files strictly.

Templates are content, not code, so an organisation can drop its own file into the data
folder's ``templates/`` directory. Every problem is reported as a ``ContentError`` naming the
file and the field (for example ``sections[1].fields[0].type``) so whoever wrote the file
can fix it without reading Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reflect.domain.content_fields import ContentReader
from reflect.domain.content_files import content_files, load_content_file
from reflect.domain.errors import ContentError
from reflect.domain.message import Message
from reflect.domain.reflection import (
    PRACTICE_AREAS,
    STAGE_OF_CHANGE_FIELD,
    STAGES_OF_CHANGE,
    note_key,
    rating_key,
)
from reflect.domain.template_names import TEMPLATE_KEYS, fallback_name

FIELD_TYPES: tuple[str, ...] = ("text", "rating", "choice", "yesno", "checklist", "intensity")
RATING_MIN, RATING_MAX = 1, 5
INTENSITY_MIN, INTENSITY_MAX = 0, 10
DEFAULT_TEMPLATE_ID = "trauma_informed"
_ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    hint: str = ""  # shown under the choice once picked (e.g. what helps at a stage); not scored


@dataclass(frozen=True)
class ShowIf:
    """Show a field only while another field has a given value (the not-ready branch)."""

    field: str
    equals: Any


@dataclass(frozen=True)
class TemplateField:
    id: str
    type: str
    label: str
    help: str = ""
    options: tuple[Option, ...] = ()
    note: bool = False  # rating fields: also ask for a short note
    low_label: str = ""
    high_label: str = ""
    rows: int = 3
    show_if: ShowIf | None = None

    def answer_keys(self) -> tuple[str, ...]:
        """Keys this field writes into ``Reflection.answers`` (intensity lives on the record)."""
        if self.type == "intensity":
            return ()
        if self.type == "rating":
            return (rating_key(self.id), note_key(self.id)) if self.note else (rating_key(self.id),)
        return (self.id,)

    def option_label(self, option_id: str) -> str:
        for option in self.options:
            if option.id == option_id:
                return option.label
        return option_id


@dataclass(frozen=True)
class Section:
    title: str
    fields: tuple[TemplateField, ...]
    help: str = ""


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    sections: tuple[Section, ...]
    description: str = ""
    minutes: int = 5
    order: int = 100
    is_default: bool = False
    source: str = ""  # file it came from, for messages
    builtin: bool = True

    def fields(self) -> Iterator[TemplateField]:
        for section in self.sections:
            yield from section.fields

    def field(self, field_id: str) -> TemplateField | None:
        return next((f for f in self.fields() if f.id == field_id), None)

    @property
    def has_intensity(self) -> bool:
        return any(f.type == "intensity" for f in self.fields())

    def text_fields(self) -> list[TemplateField]:
        return [f for f in self.fields() if f.type == "text" or (f.type == "rating" and f.note)]


class TemplateLibrary:
    """All templates by id, in display order; remembers organisation files it had to skip."""

    def __init__(
        self, templates: Iterable[Template], problems: Iterable[ContentError] = ()
    ) -> None:
        ordered = sorted(templates, key=lambda t: (t.order, t.name.casefold()))
        self._by_id = {t.id: t for t in ordered}
        self.problems: list[ContentError] = list(problems)

    def __iter__(self) -> Iterator[Template]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, template_id: object) -> bool:
        return template_id in self._by_id

    def get(self, template_id: str) -> Template | None:
        return self._by_id.get(template_id)

    def ids(self) -> list[str]:
        return list(self._by_id)

    @property
    def default(self) -> Template:
        for template in self:
            if template.is_default:
                return template
        if DEFAULT_TEMPLATE_ID in self._by_id:
            return self._by_id[DEFAULT_TEMPLATE_ID]
        return next(iter(self._by_id.values()))

    def name_of(self, template_id: str) -> str:
        template = self.get(template_id)
        return template.name if template else fallback_name(template_id)


# --- parsing --------------------------------------------------------------------------------


_TEMPLATE_KEYS = TEMPLATE_KEYS  # one list, read without the loader by template_names
_SECTION_KEYS = {"title", "help", "fields"}
_FIELD_KEYS = {
    "id",
    "type",
    "label",
    "help",
    "options",
    "note",
    "low_label",
    "high_label",
    "rows",
    "show_if",
}


def _parse_options(reader: ContentReader) -> tuple[Option, ...]:
    options: list[Option] = []
    for item in reader.children("options"):
        item.unknown_keys({"id", "label", "hint"})
        option = Option(
            item.identifier("id"), item.text("label"), item.text("hint", required=False)
        )
        if any(o.id == option.id for o in options):
            item.fail("id", Message("'{id}' appears twice", id=option.id))
        options.append(option)
    return tuple(options)


def _parse_field(reader: ContentReader) -> TemplateField:
    reader.unknown_keys(_FIELD_KEYS)
    field_id = reader.identifier("id")
    kind = reader.text("type")
    if kind not in FIELD_TYPES:
        reader.fail(
            "type",
            Message("'{kind}' is not one of: {choices}", kind=kind, choices=", ".join(FIELD_TYPES)),
        )
    options: tuple[Option, ...] = ()
    if kind in ("choice", "checklist"):
        options = _parse_options(reader)
    elif "options" in reader.data:
        reader.fail(
            "options",
            Message("only choice and checklist fields have options, not {kind}", kind=kind),
        )
    show_if = None
    if "show_if" in reader.data:
        cond = reader.child("show_if")
        cond.unknown_keys({"field", "equals"})
        if "equals" not in cond.data:
            cond.fail("equals", Message("is missing"))
        show_if = ShowIf(cond.identifier("field"), cond.data["equals"])
    if field_id in PRACTICE_AREAS and kind != "rating":
        reader.fail(
            "type",
            Message("'{field}' is a practice area and must be a rating field", field=field_id),
        )
    if field_id == STAGE_OF_CHANGE_FIELD:
        if kind != "choice":
            reader.fail("type", Message("'{field}' must be a choice field", field=field_id))
        unknown = [o.id for o in options if o.id not in STAGES_OF_CHANGE]
        if unknown:
            reader.fail(
                "options",
                Message(
                    "'{option}' is not a stage ({stages})",
                    option=unknown[0],
                    stages=", ".join(STAGES_OF_CHANGE),
                ),
            )
    return TemplateField(
        id=field_id,
        type=kind,
        label=reader.text("label"),
        help=reader.text("help", required=False),
        options=options,
        note=reader.boolean("note") if kind == "rating" else False,
        low_label=reader.text("low_label", required=False),
        high_label=reader.text("high_label", required=False),
        rows=reader.integer("rows", 1, 30, default=3),
        show_if=show_if,
    )


def parse_template(data: Any, source: str, *, builtin: bool = True) -> Template:
    """Build a Template from decoded JSON, or raise ContentError naming ``source`` and the field."""
    root = ContentReader(source, data, "")
    root.unknown_keys(_TEMPLATE_KEYS)
    template_id, name = root.identifier("id"), root.text("name")
    sections: list[Section] = []
    seen: dict[str, TemplateField] = {}
    for s_index in range(len(root.array("sections"))):
        sec = root.child("sections", s_index)
        sec.unknown_keys(_SECTION_KEYS)
        fields: list[TemplateField] = []
        for f_index in range(len(sec.array("fields"))):
            reader = sec.child("fields", f_index)
            parsed = _parse_field(reader)
            if parsed.id in seen:
                reader.fail(
                    "id", Message("'{id}' is used by another field of this template", id=parsed.id)
                )
            if parsed.type == "intensity" and any(f.type == "intensity" for f in seen.values()):
                reader.fail("type", Message("a template can ask for emotional intensity only once"))
            if parsed.show_if is not None:
                target = seen.get(parsed.show_if.field)
                if target is None:
                    reader.fail(
                        "show_if.field",
                        Message("'{field}' must be an earlier field", field=parsed.show_if.field),
                    )
            seen[parsed.id] = parsed
            fields.append(parsed)
        sections.append(Section(sec.text("title"), tuple(fields), sec.text("help", required=False)))
    return Template(
        id=template_id,
        name=name,
        sections=tuple(sections),
        description=root.text("description", required=False),
        minutes=root.integer("minutes", 1, 240, default=5),
        order=root.integer("order", 0, 10_000, default=100),
        is_default=root.boolean("default"),
        source=source,
        builtin=builtin,
    )


def load_template_file(path: Path, *, builtin: bool = True) -> Template:
    source = path.name
    data = load_content_file(path)
    template = parse_template(data, source, builtin=builtin)
    if template.id != path.stem:
        raise ContentError(
            source,
            "id",
            Message("'{id}' must match the file name '{name}'", id=template.id, name=path.stem),
        )
    return template


def load_templates(builtin_dir: Path, *extra_dirs: Path) -> TemplateLibrary:
    """Shipped templates (must all be valid) plus any organisation folders.

    A broken organisation file must not stop a provider from writing, so it is skipped and
    kept in ``library.problems`` for the interface to mention; a broken shipped file is a bug
    and raises.
    """
    templates: dict[str, Template] = {}
    for path in content_files(builtin_dir):
        template = load_template_file(path, builtin=True)
        templates[template.id] = template
    if not templates:
        raise ContentError(str(builtin_dir), "(folder)", Message("holds no reflection templates"))
    problems: list[ContentError] = []
    for folder in extra_dirs:
        if not folder.is_dir():
            continue
        for path in content_files(folder):
            try:
                template = load_template_file(path, builtin=False)
                if template.id in templates and templates[template.id].builtin:
                    raise ContentError(
                        path.name,
                        "id",
                        Message("'{id}' is already a built-in template", id=template.id),
                    )
            except ContentError as exc:
                problems.append(exc)
                continue
            # An organisation default replaces the shipped default.
            if template.is_default:
                templates = {k: _without_default(t) for k, t in templates.items()}
            templates[template.id] = template
    return TemplateLibrary(templates.values(), problems)


def _without_default(template: Template) -> Template:
    from dataclasses import replace

    return replace(template, is_default=False) if template.is_default else template


def fallback_template(template_id: str, answer_keys: Iterable[str]) -> Template:
    """A plain template for a reflection whose template file is gone, so it stays editable."""
    fields: list[TemplateField] = []
    for key in answer_keys:
        fid = key.replace(".", "_")
        if not _ID_PATTERN.match(fid) or any(f.id == fid for f in fields):
            continue
        fields.append(TemplateField(id=key, type="text", label=key.replace("_", " ").capitalize()))
    fields.append(
        TemplateField(id="feeling", type="intensity", label="How strongly is it with me?")
    )
    return Template(
        id=template_id,
        name=template_id.replace("_", " ").capitalize(),
        sections=(
            Section("Answers", tuple(fields), "This reflection's template is no longer installed."),
        ),
        builtin=False,
    )


__all__ = [
    "DEFAULT_TEMPLATE_ID",
    "FIELD_TYPES",
    "Option",
    "Section",
    "ShowIf",
    "Template",
    "TemplateField",
    "TemplateLibrary",
    "fallback_template",
    "load_template_file",
    "load_templates",
    "parse_template",
]
